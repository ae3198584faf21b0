"""Drawing a :class:`~graphkit.plot.view.NetworkView` with matplotlib and saving it.

matplotlib is imported only inside the functions that draw, with the headless Agg backend, so
`graphkit --help` and the choice of what to draw never load it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.plot.view import (
    DEFAULT_LABELS,
    DEFAULT_LIMIT,
    LAYOUT_SEED,
    PALETTE,
    NetworkView,
    ego_view,
    layout,
    path_view,
)
from graphkit.render.formats import text_lines
from graphkit.store.base import GraphStore

if TYPE_CHECKING:
    from matplotlib.collections import Collection
    from matplotlib.figure import Figure


#: Output formats by file extension.
FORMATS = {".png": "png", ".svg": "svg", ".pdf": "pdf"}
DEFAULT_SIZE = (12.0, 9.0)
DEFAULT_DPI = 150
OTHER_COLOUR = "#bab0ac"
HIGHLIGHT = "#d62728"
FADED = "#d9d9d9"


def _colour(view: NetworkView, person: str) -> str:
    group = view.groups.get(person, -1)
    return PALETTE[group] if 0 <= group < len(PALETTE) else OTHER_COLOUR


@dataclass(frozen=True)
class Drawing:
    """A drawn picture: the figure, and which collection holds whom.

    People and ties are drawn as a few matplotlib collections (one per style layer: ties,
    highlighted ties, people, people on a highlighted path, me), not one artist each; ``items``
    maps each collection's ``gid`` to the ids of its items in drawing order: a person's id, or
    ``"tie:<a>:<b>"`` for a tie. Labels are text artists with ``gid`` ``"label:<id>"``.
    """

    figure: Figure
    items: dict[str, tuple[str, ...]]

    def find(self, item: str) -> tuple[Collection, int]:
        """The collection drawing ``item`` (a person's id or ``"tie:<a>:<b>"``) and its index
        there; KeyError when it was not drawn."""
        for collection in self.figure.axes[0].collections:
            ids = self.items.get(collection.get_gid() or "", ())
            if item in ids:
                return collection, ids.index(item)
        raise KeyError(item)

    def drawn(self) -> set[str]:
        """Every person and tie drawn."""
        return {item for ids in self.items.values() for item in ids}


def draw(view: NetworkView, size: tuple[float, float] = DEFAULT_SIZE,
         seed: int = LAYOUT_SEED) -> Drawing:
    """Draw ``view`` on a new matplotlib figure (Agg backend).

    Ties are two line collections (``"ties"``, and ``"ties:path"`` for the highlighted paths),
    people three point collections (``"people"``, ``"people:path"`` drawn over the highlighted
    ties, and ``"me"``): a few artists whatever the size of the network, each item styled on
    its own, stacked as before (ties, people, highlighted ties, people on a path, me, labels).
    """
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.collections import LineCollection
    from matplotlib.colors import to_rgba
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
    items: dict[str, tuple[str, ...]] = {}

    tie_layers: dict[bool, tuple[list[Any], list[Any], list[float], list[str]]] = {
        False: ([], [], [], []), True: ([], [], [], [])}
    for a, b, strength in view.ties:
        hot = (a, b) in highlight_edges
        segments, colours, widths, ids = tie_layers[hot]
        segments.append((pos[a], pos[b]))
        colours.append(to_rgba(HIGHLIGHT, 0.95) if hot else
                       to_rgba("#888888", 0.12 if focus else 0.25))
        widths.append((1.2 + 3 * strength) if hot else 0.3 + 1.2 * strength)
        ids.append(f"tie:{a}:{b}")
    for hot, (segments, colours, widths, ids) in tie_layers.items():
        if ids:
            gid = "ties:path" if hot else "ties"
            ax.add_collection(LineCollection(segments, colors=colours, linewidths=widths,
                                             capstyle="round", zorder=3 if hot else 1,
                                             gid=gid))
            items[gid] = tuple(ids)

    person_layers: dict[bool, list[str]] = {False: [], True: []}
    for person in view.people:
        if person != view.me:
            person_layers[person in on_path].append(person)
    for path_layer, people in person_layers.items():
        if not people:
            continue
        faces, edges = [], []
        for person in people:
            faded = focus and person not in on_path and person not in view.at_target
            alpha = 0.5 if faded else 0.95
            faces.append(to_rgba(FADED if faded else _colour(view, person), alpha))
            edges.append(to_rgba("black" if person in view.at_target else "white", alpha))
        gid = "people:path" if path_layer else "people"
        ax.scatter([pos[p][0] for p in people], [pos[p][1] for p in people],
                   s=[12 + 180 * view.best[p].score for p in people], c=faces,
                   edgecolors=edges,
                   linewidths=[1.4 if p in view.at_target else 0.4 for p in people],
                   zorder=4 if path_layer else 2, gid=gid)
        items[gid] = tuple(people)
    ax.scatter([0.0], [0.0], s=420, marker="*", c="black", zorder=5, gid="me")
    items["me"] = (view.me,)

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
    # No layout engine at all, not "none": savefig would lay out (draw) the figure once more.
    with matplotlib.rc_context({"figure.autolayout": False,
                                "figure.constrained_layout.use": False}):
        fig.set_layout_engine(None)
    _place_labels(canvas.get_renderer(), ax, view, pos)
    return Drawing(fig, items)


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
    import matplotlib

    buffer = io.BytesIO()
    # SVG ids are random unless salted: a fixed salt makes the same network the same bytes.
    with matplotlib.rc_context({"svg.hashsalt": "graphkit"}):
        draw(view, size, seed).figure.savefig(buffer, format=fmt, dpi=dpi,
                                              **_save_options(fmt))
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


def _save_options(fmt: str) -> dict[str, Any]:
    # No creation dates or software versions in the file: the same network gives the same bytes.
    if fmt == "svg":
        return {"metadata": {"Date": None, "Creator": None}}
    if fmt == "pdf":
        return {"metadata": {"CreationDate": None, "Producer": None, "Creator": None}}
    # zlib level 3, not Pillow's 6: half the time to compress, and on the sample pictures
    # a file 5% smaller (the network) to 9% larger (a highlighted path).
    return {"metadata": {"Software": None}, "pil_kwargs": {"compress_level": 3}}


def plot_png(view: NetworkView, dpi: int = 100, size: tuple[float, float] = (10.0, 7.5),
             seed: int = LAYOUT_SEED) -> bytes:
    """``view`` drawn as PNG bytes (for embedding in a report)."""
    import io

    buffer = io.BytesIO()
    draw(view, size, seed).figure.savefig(buffer, format="png", dpi=dpi,
                                          **_save_options("png"))
    return buffer.getvalue()
