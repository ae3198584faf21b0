"""What a picture of the network shows, decided before any drawing: who, where, in which
colour, with which label (:func:`ego_view`, :func:`path_view`, :func:`layout`); testable
without matplotlib.

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

import networkx as nx

from graphkit.analysis.circles import circles
from graphkit.analysis.paths import path_to
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import InvalidArgument
from graphkit.store.base import BestPath, GraphStore, check_max_hops

DEFAULT_LIMIT = 300
DEFAULT_LABELS = 30
#: Seed of the spring layout, so that the same network gives the same picture.
LAYOUT_SEED = 7
#: Colours for the largest communities / employers (colour-blind-safe Tableau 10, then grey).
PALETTE = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1",
           "#ff9da7", "#9c755f")


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


def _ties_among(store: GraphStore, me: str, best: dict[str, BestPath],
                capped: bool) -> tuple[tuple[str, str, float], ...]:
    """The ties among the drawn people, by key, as (a, b, strength).

    When everyone within reach is drawn, that is my ego network (one store call). Capped, the
    drawn people are a few hundred of perhaps thousands within reach: their ties are found
    from their own neighbours, so the cost follows what is drawn, not the whole reach
    (2,351 people and 15,699 ties within 2 hops of me in a generated 2,500-person network).
    """
    if not capped:
        radius = max((b.hops for b in best.values()), default=1)
        return tuple((v.tie.key[0], v.tie.key[1], v.strength)
                     for v in store.ego_ties(me, radius)
                     if v.tie.person_a in best and v.tie.person_b in best)
    pairs = sorted({(a, b) if a < b else (b, a)
                    for a in best for b in store.neighbors(a) if b in best})
    return tuple((a, b, store.tie(a, b).strength) for a, b in pairs)


def _view(store: GraphStore, best: dict[str, BestPath], within: int, hops: int, colour_by: str,
          title: str, paths: tuple[tuple[str, ...], ...], labels: int) -> NetworkView:
    me = store.me().id
    keep = set(best)
    ties = _ties_among(store, me, best, capped=len(keep) - 1 < within)
    graph = nx.Graph()
    graph.add_nodes_from(sorted(keep))
    graph.add_weighted_edges_from(ties, weight="strength")
    groups, group_names = _groups(store, graph, me, colour_by)
    names = {p: store.person(p).name for p in sorted(keep)}
    shown = len(keep) - 1
    cap = (f"; the {shown} with the strongest paths of {within} within {hops} hops"
           if shown < within else "")
    full = (f"{title}\n{shown} {'person' if shown == 1 else 'people'}, {len(ties)} "
            f"ti{'e' if len(ties) == 1 else 'es'} within {hops} hop"
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
