"""Pictures of the network: my ego network, and the best paths to an organization.

Choosing what to draw (:func:`ego_view`, :func:`path_view`) is kept apart from drawing it
(:func:`draw`, :func:`save_plot`), so the choice is testable without matplotlib and matplotlib
is imported only inside the drawing functions, with the headless Agg backend.

The picture's rules, stated once:

- **Who is drawn**: everyone within ``hops`` ties of me. Above ``limit`` people, the ``limit``
  people with the strongest best path from me (higher score, then fewer hops, then id) are kept;
  the people on highlighted paths are always kept. The title says how many were left out.
- **Layout**: me in the centre; a seeded spring layout (same network, same picture).
- **Colour**: the person's circle (:func:`graphkit.analysis.circles.circles`, the circles
  ``weak-ties`` names) or current employer.
- **Size**: the score of the person's best path from me (the strength of a direct tie).
- **Marks**: a black ring for people currently working at a target organization.
- **Labels**: me, the people on highlighted paths, then the strongest-path people, at most
  ``labels`` of them, skipping any label that would overlap one already placed.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from graphkit.analysis.circles import circles
from graphkit.analysis.paths import path_to
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.render.formats import text_lines
from graphkit.store.base import BestPath, GraphStore, check_max_hops

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: Output formats by file extension.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
DEFAULT_LIMIT = 300
DEFAULT_LABELS = 30
DEFAULT_SIZE = (12.0, 9.0)
DEFAULT_DPI = 150
#: Seed of the spring layout, so that the same network gives the same picture.
LAYOUT_SEED = 7
#: Colours for the largest communities / employers (colour-blind-safe Tableau 10, then grey).
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f")
OTHER_COLOUR = "#bab0ac"
HIGHLIGHT = "#d62728"
FADED = "#d9d9d9"


@dataclass(frozen=True)
class NetworkView:
    """What a picture shows, decided before any drawing.

    ``groups`` maps each drawn person to an index into ``group_names`` (-1: "other").
    ``paths`` are the highlighted paths (ids from me), best first; empty for the plain ego
    picture.
    """

    me: str
    names: dict[str, str]
    best: dict[str, BestPath]
    ties: tuple[tuple[str, str, float], ...]
    groups: dict[str, int]
    group_names: tuple[str, ...]
    at_target: frozenset[str]
    title: str
    paths: tuple[tuple[str, ...], ...] = ()
    labels: int = DEFAULT_LABELS
    colour_by: str = "community"
    #: people within reach before the cap, for the title and tests.
    within_reach: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def people(self) -> list[str]:
        """The drawn people, me first, then by id."""
        return [self.me] + sorted(p for p in self.names if p != self.me)

    def path_people(self) -> list[str]:
        """The people on highlighted paths, in path order, each once."""
        seen: dict[str, None] = {}
        for path in self.paths:
            for person in path:
                seen.setdefault(person, None)
        return list(seen)

    def label_order(self) -> list[str]:
        """Who deserves a label, most important first (see the module docstring)."""
        on_path = self.path_people()
        rest = sorted((p for p in self.names if p != self.me and p not in on_path),
                      key=lambda p: self.best[p].sort_key())
        return [self.me] + [p for p in on_path if p != self.me] + rest


def _keep(store: GraphStore, hops: int, limit: int,
          must: Sequence[str] = ()) -> tuple[dict[str, BestPath], int]:
    me = store.me().id
    best = store.best_paths(me, None, hops)
    for person in must:
        if person not in best and person != me:
            found = store.best_paths(me, [person], max(hops, 6))
            best.update(found)
    within = len(best)
    if limit < 2:
        raise InvalidArgument("limit", limit, "at least 2 people")
    if len(best) > limit - 1:
        forced = {p for p in must if p in best}
        ranked = sorted((p for p in best if p not in forced), key=lambda p: best[p].sort_key())
        keep = forced | set(ranked[:max(0, limit - 1 - len(forced))])
        best = {p: b for p, b in best.items() if p in keep}
    best[me] = BestPath((me,), 1.0)
    return best, within


def _current_employers(store: GraphStore, people: Sequence[str]) -> dict[str, str]:
    out = {}
    for person in people:
        jobs = [j for j in store.employment_of(person) if j.current]
        if jobs:
            out[person] = jobs[0].org_id
    return out


def _target_people(store: GraphStore) -> frozenset[str]:
    found: set[str] = set()
    for org in resolve_targets(store).organizations:
        found.update(j.person_id for j in store.employment_at(org.id) if j.current)
    return frozenset(found)


def _groups(store: GraphStore, graph: nx.Graph, me: str,
            colour_by: str) -> tuple[dict[str, int], tuple[str, ...]]:
    people = sorted(graph)
    employers = _current_employers(store, people)
    org_names = {o.id: o.name for o in store.organizations()}
    if colour_by == "organization":
        counts = Counter(employers[p] for p in people if p in employers and p != me)
        top = [org for org, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
               ][:len(PALETTE)]
        index = {org: i for i, org in enumerate(top)}
        groups = {p: index.get(employers.get(p, ""), -1) for p in people}
        return groups, tuple(f"{org_names.get(o, o)} ({counts[o]})" for o in top)
    if colour_by != "community":
        raise InvalidArgument("colour_by", f"'{colour_by}'", "community or organization")
    ranked = circles(graph, leave_out=me)
    groups = {me: -1}
    names = []
    for i, members in enumerate(ranked):
        colour = i if i < len(PALETTE) else -1
        for person in members:
            groups[person] = colour
        if colour >= 0:
            counts = Counter(employers[p] for p in members if p in employers)
            common = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            if common and common[0][1] * 3 >= len(members):
                names.append(f"circle around {org_names.get(common[0][0], common[0][0])} "
                             f"({len(members)})")
            else:
                names.append(f"mixed circle ({len(members)})")
    return groups, tuple(names)


def _view(store: GraphStore, best: dict[str, BestPath], within: int, hops: int, colour_by: str,
          title: str, paths: tuple[tuple[str, ...], ...], labels: int) -> NetworkView:
    me = store.me().id
    keep = set(best)
    radius = max((b.hops for b in best.values()), default=1)
    ties = tuple((v.tie.key[0], v.tie.key[1], v.strength) for v in store.ego_ties(me, radius)
                 if v.tie.person_a in keep and v.tie.person_b in keep)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(keep))
    graph.add_weighted_edges_from(ties, weight="strength")
    groups, group_names = _groups(store, graph, me, colour_by)
    names = {p: store.person(p).name for p in sorted(keep)}
    shown = len(keep) - 1
    cap = (f"; the {shown} with the strongest paths of {within} within {hops} hops"
           if shown < within else "")
    full = (f"{title}\n{shown} people, {len(ties)} ties within {hops} hop"
            f"{'s' if hops != 1 else ''}{cap} - as of {store.as_of.isoformat()}")
    return NetworkView(me, names, best, ties, groups, group_names,
                       _target_people(store) & keep, full, paths, labels, colour_by, within)


def ego_view(store: GraphStore, hops: int = 2, limit: int = DEFAULT_LIMIT,
             colour_by: str = "community", labels: int = DEFAULT_LABELS) -> NetworkView:
    """Choose what the picture of my ego network shows (the rules are in the module docstring).

    Parameters
    ----------
    store : the network.
    hops : how far from me to draw (1-3 reads well).
    limit : most people drawn, me included.
    colour_by : "community" or "organization".
    labels : most names written on the picture.

    Returns
    -------
    NetworkView

    Raises
    ------
    InvalidArgument
        when ``hops`` is out of range, ``limit`` below 2 or ``colour_by`` is not known.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               ties=[Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> view = ego_view(MemoryStore(net, date(2026, 1, 1)))
    >>> view.people, view.ties
    (['me', 'ann', 'bo'], (('ann', 'bo', 0.5), ('ann', 'me', 0.8)))
    """
    check_max_hops(hops, "hops")
    best, within = _keep(store, hops, limit)
    title = f"{store.me().name}'s network"
    return _view(store, best, within, hops, colour_by, title, (), labels)


def path_view(store: GraphStore, organization: str, max_hops: int = 2, paths: int = 5,
              limit: int = DEFAULT_LIMIT, colour_by: str = "community",
              labels: int = DEFAULT_LABELS) -> NetworkView:
    """Choose what the picture of my best paths to ``organization`` shows: the best ``paths``
    paths (:func:`graphkit.analysis.paths.path_to`) highlighted over my ego network.

    Raises
    ------
    UnknownOrganization
        when no organization matches.
    InvalidArgument
        when ``paths`` is below 1, ``limit`` below 2 or ``colour_by`` is not known.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Employment, Network, Organization, Person, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")}, [Employment("bo", "acme")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> path_view(MemoryStore(net, date(2026, 1, 1)), "Acme").paths
    (('me', 'ann', 'bo'),)
    """
    if paths < 1:
        raise InvalidArgument("paths", paths, "at least 1")
    result = path_to(store, organization, max_hops)
    chosen = tuple(tuple(p.id for p in path.people) for path in result.paths[:paths])
    on_path = sorted({p for path in chosen for p in path})
    best, within = _keep(store, max_hops, limit, on_path)
    org = result.organization.name
    if chosen:
        title = (f"Best {len(chosen)} of {len(result.paths)} paths from {result.me.name} "
                 f"to {org}")
    else:
        title = f"No path from {result.me.name} to {org} within {max_hops} hops"
    view = _view(store, best, within, max_hops, colour_by, title, chosen, labels)
    staff = {j.person_id for j in store.employment_at(result.organization.id) if j.current}
    return replace(view, at_target=frozenset(staff & set(best)),
                   notes=tuple(s.text for s in result.suggestions))


def layout(view: NetworkView, seed: int = LAYOUT_SEED) -> dict[str, tuple[float, float]]:
    """Positions: me at (0, 0), everyone else by a seeded spring layout.

    Direct contacts start on a circle ordered by group, the rest beside their first contact,
    so the spring settles into the same picture for the same network.
    """
    graph = nx.Graph()
    graph.add_nodes_from(view.people)
    graph.add_weighted_edges_from(view.ties, weight="strength")
    me = view.me
    first = sorted((p for p in view.people if view.best[p].hops == 1),
                   key=lambda p: (view.groups.get(p, -1) < 0, view.groups.get(p, -1), p))
    start: dict[str, tuple[float, float]] = {me: (0.0, 0.0)}
    angle = {p: 2 * math.pi * i / max(1, len(first)) for i, p in enumerate(first)}
    for p, a in angle.items():
        start[p] = (math.cos(a), math.sin(a))
    for p in view.people:
        if p in start:
            continue
        path = view.best[p].people
        a = angle.get(path[1], 0.0) if len(path) > 1 else 0.0
        r = 1.0 + 0.5 * (len(path) - 2)
        jitter = (sum(map(ord, p)) % 41 - 20) / 200
        start[p] = (r * math.cos(a + jitter), r * math.sin(a + jitter))
    k = 1.6 / math.sqrt(max(1, len(view.people)))
    pos = nx.spring_layout(graph, pos=start, fixed=[me], k=k, weight="strength",
                           iterations=60, seed=seed)
    return {p: (float(x), float(y)) for p, (x, y) in pos.items()}


def _colour(view: NetworkView, person: str) -> str:
    group = view.groups.get(person, -1)
    return PALETTE[group] if 0 <= group < len(PALETTE) else OTHER_COLOUR


def draw(view: NetworkView, size: tuple[float, float] = DEFAULT_SIZE,
         seed: int = LAYOUT_SEED) -> Figure:
    """Draw ``view`` on a new matplotlib figure (Agg backend) and return it.

    Each person is one scatter point whose ``gid`` is their id; labels are text artists with
    ``gid`` ``"label:<id>"``, so tests and tools can find who was drawn and labelled.
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    pos = layout(view, seed)
    fig = Figure(figsize=size, layout="constrained")
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.set_aspect("equal")
    highlight_edges = {tuple(sorted(pair)) for path in view.paths
                       for pair in zip(path, path[1:], strict=False)}
    on_path = set(view.path_people())
    focus = bool(view.paths)

    for a, b, strength in view.ties:
        hot = (a, b) in highlight_edges
        (xa, ya), (xb, yb) = pos[a], pos[b]
        ax.plot([xa, xb], [ya, yb], color=HIGHLIGHT if hot else "#888888",
                linewidth=(1.2 + 3 * strength) if hot else 0.3 + 1.2 * strength,
                alpha=0.95 if hot else (0.12 if focus else 0.25),
                zorder=3 if hot else 1, solid_capstyle="round", gid=f"tie:{a}:{b}")

    for person in view.people:
        if person == view.me:
            continue
        score = view.best[person].score
        faded = focus and person not in on_path and person not in view.at_target
        ax.scatter([pos[person][0]], [pos[person][1]], s=12 + 180 * score,
                   c=FADED if faded else _colour(view, person),
                   alpha=0.5 if faded else 0.95,
                   edgecolors="black" if person in view.at_target else "white",
                   linewidths=1.4 if person in view.at_target else 0.4,
                   zorder=4 if person in on_path else 2, gid=person)
    ax.scatter([0.0], [0.0], s=420, marker="*", c="black", zorder=5, gid=view.me)

    handles = [Line2D([], [], marker="*", linestyle="", color="black", markersize=13,
                      label=f"you ({view.names[view.me]})")]
    if not focus:
        handles += [Line2D([], [], marker="o", linestyle="", color=PALETTE[i], markersize=8,
                           label=name) for i, name in enumerate(view.group_names)]
        if any(g < 0 for p, g in view.groups.items() if p != view.me):
            handles.append(Line2D([], [], marker="o", linestyle="", color=OTHER_COLOUR,
                                  markersize=8, label="other" if view.colour_by ==
                                  "organization" else "smaller circles"))
    else:
        handles.append(Line2D([], [], color=HIGHLIGHT, linewidth=3, label="best paths"))
        handles.append(Line2D([], [], marker="o", linestyle="", color=FADED, markersize=8,
                              label="everyone else"))
    handles.append(Line2D([], [], marker="o", linestyle="", color="white",
                          markeredgecolor="black", markeredgewidth=1.4, markersize=8,
                          label="works there" if focus else "works at a target"))
    handles.append(Line2D([], [], marker="o", linestyle="", color="#999999", markersize=4,
                          label="size: strength of your best path"))
    fig.legend(handles=handles, loc="outside right upper", fontsize=8, frameon=False,
               title=None if focus else "coloured by " + view.colour_by)
    ax.set_title(view.title, fontsize=11, loc="left")
    # Settle the layout first, then freeze it, so the label overlap checks see final positions.
    fig.draw_without_rendering()
    fig.set_layout_engine("none")
    _place_labels(canvas.get_renderer(), ax, view, pos)
    return fig


#: Where a label may go relative to its point (points), tried in order.
_OFFSETS = ((0, 7, "center", "bottom"), (0, -7, "center", "top"), (7, 0, "left", "center"),
            (-7, 0, "right", "center"))


def _place_labels(renderer: Any, ax: Any, view: NetworkView,
                  pos: dict[str, tuple[float, float]]) -> None:
    """Write names most-important first, each at the first spot (above, below, right, left)
    that overlaps no placed label; a minor name with no free spot is left out."""
    on_path = set(view.path_people())
    placed: list[Any] = []
    written = 0
    for person in view.label_order():
        important = person == view.me or person in on_path
        if not important and (view.paths or written >= view.labels):
            break
        x, y = pos[person]
        lift = 4 if person == view.me else 0
        for i, (dx, dy, ha, va) in enumerate(_OFFSETS):
            text = ax.annotate(view.names[person], (x, y),
                               xytext=(dx + (lift if dx else 0), dy + (lift if dy > 0 else 0)),
                               textcoords="offset points", ha=ha, va=va,
                               fontsize=8 if important else 7,
                               fontweight="bold" if important else "normal", zorder=6,
                               bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                     "alpha": 0.75}, gid=f"label:{person}")
            box = text.get_window_extent(renderer).expanded(1.04, 1.08)
            if not any(box.overlaps(other) for other in placed):
                break
            if important and i == len(_OFFSETS) - 1:
                break  # no free spot: a person on a path is labelled anyway
            text.remove()
        else:
            continue
        placed.append(box)
        written += 1


def parse_size(text: str) -> tuple[float, float]:
    """``"12x9"`` (inches) as a (width, height) pair.

    Raises :class:`InvalidArgument` (``size``) for another text or a size outside 4x3 to
    100x100 inches.

    >>> parse_size("12x9")
    (12.0, 9.0)
    """
    try:
        width, height = (float(v) for v in text.lower().split("x"))
    except ValueError:
        raise InvalidArgument("size", f"'{text}'", "WIDTHxHEIGHT in inches, e.g. 12x9") from None
    if not (4 <= width <= 100 and 3 <= height <= 100):
        raise InvalidArgument("size", f"'{text}'",
                              "between 4x3 and 100x100 inches (room for the legend)")
    return width, height


def save_plot(view: NetworkView, out: str | Path, dpi: int = DEFAULT_DPI,
              size: tuple[float, float] = DEFAULT_SIZE, seed: int = LAYOUT_SEED) -> Path:
    """Draw ``view`` and save it; the format (PNG, SVG, PDF) follows ``out``'s extension.

    The picture is drawn in memory, then written atomically (a reader never sees half a file;
    a full disk leaves any earlier picture as it was), mode 0600 whatever the umask; missing
    folders of ``out`` are created 0700.

    Raises
    ------
    GraphkitError
        for another extension, or a folder that cannot be written (one line naming the file).
    InvalidArgument
        when ``dpi`` is not between 10 and 1200.
    """
    import io

    from graphkit.workspace.transaction import make_private_dir, write_private

    path = Path(out)
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise GraphkitError(f"cannot write '{path}': use a .png, .svg or .pdf file name")
    if not 10 <= dpi <= 1200:
        raise InvalidArgument("dpi", dpi, "between 10 and 1200")
    buffer = io.BytesIO()
    draw(view, size, seed).savefig(buffer, format=fmt, dpi=dpi, metadata=_metadata(fmt))
    make_private_dir(path.parent)
    write_private(path, buffer.getvalue())
    return path


@dataclass(frozen=True)
class SavedPlot:
    """A picture written to ``path``, and what it shows."""

    path: Path
    view: NetworkView


def write_plot(store: GraphStore, out: str | Path | None = None,
               organization: str | None = None, hops: int = 2, paths: int = 5,
               limit: int = DEFAULT_LIMIT, colour_by: str = "community",
               labels: int = DEFAULT_LABELS, dpi: int = DEFAULT_DPI,
               size: tuple[float, float] = DEFAULT_SIZE) -> SavedPlot:
    """Choose what to draw (:func:`path_view` when ``organization`` is given, else
    :func:`ego_view`), draw it and save it (:func:`save_plot`).

    ``out`` defaults to ``network.png``, or ``path-to-<organization id>.png``.

    Raises
    ------
    UnknownOrganization, InvalidArgument, GraphkitError
        as :func:`path_view`, :func:`ego_view` and :func:`save_plot` do.
    """
    if organization:
        view = path_view(store, organization, hops, paths, limit, colour_by, labels)
        out = out or f"path-to-{store.organization(organization).id}.png"
    else:
        view = ego_view(store, hops, limit, colour_by, labels)
    return SavedPlot(save_plot(view, out or "network.png", dpi, size), view)


def summary(saved: SavedPlot) -> str:
    """What was written and what it shows, then the view's notes, one per line.

    >>> view = NetworkView("me", {}, {}, (), {}, (), frozenset(), "Me's network\\n1 person",
    ...                    notes=("ask Ann",))
    >>> print(summary(SavedPlot(Path("n.png"), view)), end="")
    wrote n.png: Me's network; 1 person
      - ask Ann
    """
    lines = [f"wrote {saved.path}: " + saved.view.title.replace("\n", "; ")]
    lines += [f"  - {note}" for note in saved.view.notes]
    return text_lines(lines)


def _metadata(fmt: str) -> dict[str, Any]:
    # No creation dates or software versions in the file: the same network gives the same bytes.
    if fmt == "svg":
        return {"Date": None, "Creator": None}
    if fmt == "pdf":
        return {"CreationDate": None, "Producer": None, "Creator": None}
    return {"Software": None}


def plot_png(view: NetworkView, dpi: int = 100, size: tuple[float, float] = (10.0, 7.5),
             seed: int = LAYOUT_SEED) -> bytes:
    """``view`` drawn as PNG bytes (for embedding in a report)."""
    import io

    buffer = io.BytesIO()
    draw(view, size, seed).savefig(buffer, format="png", dpi=dpi, metadata=_metadata("png"))
    return buffer.getvalue()
