"""``weak_ties``: who bridges me into circles I cannot otherwise reach.

Granovetter's weak ties and Burt's structural holes, measured on my ego network (my contacts
and the ties among them; with ``depth=2`` their contacts too), fetched once from the store and
analysed in memory:

- **local bridges**: ties whose two ends share no contact; the *span* is how many hops apart
  the two would be without the tie (infinite: nothing else joins them), as networkx
  ``local_bridges`` defines it;
- **effective size** (how many non-redundant contacts a person has) and **constraint** (how
  much their contacts are tied to each other: high = a closed circle), Burt's measures weighted
  by tie strength, computed with sparse matrix products rather than node by node;
- **communities** (the circles of :mod:`graphkit.analysis.circles`, seeded: the same network
  gives the same circles), each labelled by its dominant organization, group or industry,
  with the contacts of mine that lead into it;
- **ties to reactivate**: contacts who alone connect me to people or circles, while our tie
  is weak or stale.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from graphkit.analysis.brokerage import burt_measures, local_bridges
from graphkit.analysis.circles import circles
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import InvalidArgument, UnknownOrganization
from graphkit.model import STAGE_LABELS, Organization, Person
from graphkit.store.base import GraphStore, TieView
from graphkit.strength import ago

#: A tie weaker than this is "weak" (an acquaintance last seen long ago scores about 0.15).
WEAK = 0.3
#: A tie with no contact for longer than this is "stale" (the strength model's half-life).
STALE_DAYS = 180


@dataclass(frozen=True)
class LocalBridge:
    """A tie whose two ends share no contact; ``pendant`` when one end has no other tie."""

    a: Person
    b: Person
    span: float
    strength: float
    pendant: bool


@dataclass(frozen=True)
class Community:
    """A circle of people who are tied mostly to each other.

    ``doors`` are my contacts in it or tied to someone in it; ``label`` names what most of its
    members share.
    """

    number: int
    members: tuple[Person, ...]
    doors: tuple[Person, ...]
    label: str
    organization: tuple[str, int] | None
    industry: tuple[str, int] | None
    group: tuple[str, int] | None
    at_targets: int

    @property
    def size(self) -> int:
        return len(self.members)

    @property
    def single_door(self) -> bool:
        """I have only one way into this circle (and it is more than that one person)."""
        return len(self.doors) == 1 and self.size > 1


@dataclass(frozen=True)
class Position:
    """One person's place in my ego network (me or a contact), with our tie when a contact.

    ``alone_to`` counts the people only this contact connects me to: their contacts tied to no
    other contact of mine, and the members of circles they are my only door into.
    ``circles`` is how many communities they have ties in.
    """

    person: Person
    effective_size: float
    constraint: float
    community: int | None
    circles: int
    alone_to: int
    bridge_span: float | None
    tie: TieView | None

    @property
    def strength(self) -> float | None:
        return self.tie.strength if self.tie else None


@dataclass(frozen=True)
class Reactivation:
    """A contact worth reviving, and why."""

    position: Position
    reason: str


@dataclass(frozen=True)
class WeakTiesResult:
    """Brokers, bridges and circles of my ego network."""

    me: Position
    as_of_date: str
    depth: int
    people: int
    ties: int
    contacts: tuple[Position, ...]
    local_bridges: tuple[LocalBridge, ...]
    communities: tuple[Community, ...]
    reactivate: tuple[Reactivation, ...]

    @property
    def star(self) -> bool:
        """My network here is a star: me and two or more contacts, none of whom know each
        other or anyone else here (one person's own export). The answer is then trivial:
        every tie is a local bridge and every contact's effective size is 1."""
        return len(self.contacts) >= 2 and self.ties == len(self.contacts)


def _dominant(counts: Counter[str]) -> tuple[str, int] | None:
    if not counts:
        return None
    name, n = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return (name, n)


def _label(size: int, org: tuple[str, int] | None, group: tuple[str, int] | None,
           industry: tuple[str, int] | None) -> str:
    """The most specific thing at least half the members share, else the most shared one."""
    options = [x for x in (org, group, industry) if x is not None]
    if not options:
        return "no shared employer or group"
    for name, n in options:
        if 2 * n >= size:
            return f"{name} ({n} of {size})"
    name, n = max(options, key=lambda x: x[1])
    return f"{name} ({n} of {size})"


def _staleness(view: TieView, as_of: date, weak: float, stale_days: int) -> str | None:
    """Why the tie needs reviving, or None when it is strong and fresh."""
    tie = view.tie
    stage = STAGE_LABELS.get(tie.stage or "acquaintance", tie.stage)
    when = ("no contact recorded" if tie.last_contact is None
            else "last contact " + ago(tie.last_contact, as_of))
    stale = tie.last_contact is None or (as_of - tie.last_contact).days > stale_days
    if view.strength < weak or stale:
        return f"{stage}, {when} (strength {view.strength:.2f})"
    return None


def weak_ties(store: GraphStore, depth: int = 1, weak: float = WEAK,
              stale_days: int = STALE_DAYS) -> WeakTiesResult:
    """Local bridges, Burt's measures, circles and ties worth reviving, on my ego network.

    Parameters
    ----------
    store : the network.
    depth : 1 = my contacts and the ties among them; 2 = their contacts too.
    weak : a tie below this strength is weak.
    stale_days : a tie with no contact for longer than this is stale.

    Returns
    -------
    WeakTiesResult: contacts sorted by how many people only they connect me to, then by
    effective size; local bridges with real people on both sides first, mine first, then by
    span (longest first); circles by size (:func:`graphkit.analysis.circles.circles`); ties
    to reactivate in the order of the contacts.

    Raises
    ------
    InvalidArgument
        when ``depth`` is not 1 or 2.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> people = {p: Person(p, p.title()) for p in ("me", "ann", "bo", "cy", "di")}
    >>> net = Network("me", people, ties=[Tie("me", "ann", 0.2), Tie("me", "bo", 0.9),
    ...               Tie("ann", "cy", 0.8), Tie("ann", "di", 0.8), Tie("cy", "di", 0.8)])
    >>> result = weak_ties(MemoryStore(net, date(2026, 1, 1)), depth=2)
    >>> [(r.position.person.name, r.position.alone_to) for r in result.reactivate]
    [('Ann', 2)]
    """
    if depth not in (1, 2):
        raise InvalidArgument("depth", depth, "1 (your contacts) or 2 (their contacts too)")
    me = store.me()
    graph = ego_graph(store, me.id, depth)
    contacts: list[str] = sorted(graph.adj[me.id])
    people = {p: store.person(p) for p in graph}

    measures = burt_measures(graph, [me.id, *contacts], weight="strength")
    bridges = local_bridges(graph)
    parts = circles(graph, leave_out=me.id)
    communities = _communities(store, graph, parts, contacts, people)
    only_door = _only_doors(communities)
    positions = _positions(graph, me.id, contacts, people, measures, bridges, parts,
                           only_door)
    ranked = sorted((positions[c] for c in contacts),
                    key=lambda x: (-x.alone_to, -_num(x.effective_size), x.person.id))
    reactivate = _reactivations(graph, ranked, only_door, store.as_of, weak, stale_days)
    local = _ordered_bridges(graph, bridges, people, me.id)
    return WeakTiesResult(positions[me.id], store.as_of.isoformat(), depth,
                          graph.number_of_nodes(), graph.number_of_edges(), tuple(ranked),
                          tuple(local), tuple(communities), tuple(reactivate))


def ego_graph(store: GraphStore, me: str, depth: int) -> nx.Graph:
    """My ego network to ``depth`` as a graph: people (ids, sorted) and ties, each edge
    holding its ``strength`` and its :class:`TieView` as ``view``."""
    views = store.ego_ties(me, depth)
    graph = nx.Graph()
    graph.add_node(me)
    graph.add_nodes_from(sorted({p for view in views for p in view.tie.key}))
    for view in views:
        graph.add_edge(*view.tie.key, strength=view.strength, view=view)
    return graph


def _communities(store: GraphStore, graph: nx.Graph, parts: list[list[str]],
                 contacts: list[str], people: dict[str, Person]) -> list[Community]:
    """Each circle, numbered from 1, with its doors, what its members share and how many of
    them work at a target."""
    targets = resolve_targets(store).ids
    # Only the employers of the people here are looked up (listing all 100,000 organizations
    # of a million-person network took 40 to 100 ms).
    orgs: dict[str, Organization | None] = {}

    def organization(org_id: str) -> Organization | None:
        if org_id not in orgs:
            try:
                found: Organization | None = store.organization(org_id)
            except UnknownOrganization:
                found = None
            orgs[org_id] = found if found is not None and found.id == org_id else None
        return orgs[org_id]

    # The doors of each circle: a contact in it or tied to someone in it (one pass over the
    # contacts' ties, not every contact against every circle).
    circle_of = {p: k for k, part in enumerate(parts) for p in part}
    doors_of: list[set[str]] = [set() for _ in parts]
    for c in contacts:
        for q in (c, *graph.adj[c]):
            if q in circle_of:
                doors_of[circle_of[q]].add(c)
    communities = []
    for number, part in enumerate(parts, 1):
        org_n: Counter[str] = Counter()
        industry_n: Counter[str] = Counter()
        group_n: Counter[str] = Counter()
        at_targets = 0
        for p in part:
            employers = [o for j in store.employment_of(p) if j.current
                         if (o := organization(j.org_id)) is not None]
            current = {o.id for o in employers}
            org_n.update({o.id: o.name for o in employers}.values())
            industry_n.update({o.industry for o in employers if o.industry})
            group_n.update(store.groups_of(p))
            at_targets += bool(current & targets)
        doors = sorted(doors_of[number - 1])
        org, industry, group = _dominant(org_n), _dominant(industry_n), _dominant(group_n)
        communities.append(Community(number, tuple(people[p] for p in part),
                                     tuple(people[p] for p in doors),
                                     _label(len(part), org, group, industry), org, industry,
                                     group, at_targets))
    return communities


def _only_doors(communities: list[Community]) -> dict[str, list[Community]]:
    """The circles each contact is my only door into, by contact id."""
    only_door: dict[str, list[Community]] = {}
    for c in communities:
        if c.single_door:
            only_door.setdefault(c.doors[0].id, []).append(c)
    return only_door


def _positions(graph: nx.Graph, me: str, contacts: list[str], people: dict[str, Person],
               measures: dict[Hashable, tuple[float, float]],
               bridges: list[tuple[Hashable, Hashable, float]], parts: list[list[str]],
               only_door: dict[str, list[Community]]) -> dict[str, Position]:
    """The :class:`Position` of me and of each contact, by id."""
    span_of = {tuple(sorted((str(u), str(v)))): span for u, v, span in bridges}
    community_of = {p: i for i, part in enumerate(parts, 1) for p in part}
    contact_set = set(contacts)
    positions = {}
    for p in [me, *contacts]:
        alone: set[str] = set()
        if p != me:
            for q in graph.adj[p]:
                if q != me and q not in contact_set and not (
                        set(graph.adj[q]) & contact_set - {p}):
                    alone.add(q)
            for c in only_door.get(p, []):
                alone.update(m.id for m in c.members)
            alone.discard(p)
        key = (me, p) if me <= p else (p, me)
        effective, constraint = measures[p]
        positions[p] = Position(
            people[p], effective, constraint, community_of.get(p),
            len({community_of[q] for q in graph.adj[p] if q in community_of}),
            len(alone), span_of.get(key) if p != me else None,
            graph.edges[me, p]["view"] if p != me else None)
    return positions


def _reactivations(graph: nx.Graph, ranked: list[Position],
                   only_door: dict[str, list[Community]], as_of: date, weak: float,
                   stale_days: int) -> list[Reactivation]:
    """The weak or stale ties among ``ranked`` that are worth reviving, in that order."""
    reactivate = []
    for position in ranked:
        assert position.tie is not None
        why_stale = _staleness(position.tie, as_of, weak, stale_days)
        if why_stale is None:
            continue
        reasons = _reasons(graph, position, only_door)
        if reasons:
            reactivate.append(Reactivation(position, "; ".join(reasons) + "; " + why_stale))
    return reactivate


def _reasons(graph: nx.Graph, position: Position,
             only_door: dict[str, list[Community]]) -> list[str]:
    """Why a contact's place in my network makes our tie worth reviving (empty: it does not)."""
    reasons = []
    for c in only_door.get(position.person.id, []):
        targets_note = f", {c.at_targets} at targets" if c.at_targets else ""
        reasons.append(f"your only door into the {c.label} circle ({c.size} people"
                       f"{targets_note})")
    if position.alone_to and not reasons:
        reasons.append(f"the only one of your contacts who knows {position.alone_to} "
                       f"{'person' if position.alone_to == 1 else 'people'}")
    if position.circles >= 3:
        reasons.append(f"has ties in {position.circles} of your circles")
    span = position.bridge_span
    if span is not None and graph.degree(position.person.id) > 1:
        reasons.append("a local bridge: none of your contacts knows them" + (
            f"; without this tie they are {int(span)} hops away" if span != math.inf
            else ""))
    return reasons


def _ordered_bridges(graph: nx.Graph, bridges: list[tuple[Hashable, Hashable, float]],
                     people: dict[str, Person], me: str) -> list[LocalBridge]:
    """The local bridges as :class:`LocalBridge`: real people on both sides first, mine
    first, then by span (longest first)."""
    local = []
    for end_a, end_b, span in bridges:
        u, v = str(end_a), str(end_b)
        if v == me or (u != me and v < u):
            u, v = v, u  # me first, else alphabetical
        pendant = graph.degree(u) == 1 or graph.degree(v) == 1
        local.append(LocalBridge(people[u], people[v], span, graph.edges[u, v]["strength"],
                                 pendant))
    # Mine first: they are the ones that bridge me.
    local.sort(key=lambda b: (b.pendant, b.a.id != me, -b.span, b.strength, b.a.id,
                              b.b.id))
    return local


def _num(x: float) -> float:
    return -1.0 if math.isnan(x) else x
