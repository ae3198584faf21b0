"""``reach``: how far I am from each organization on my target list, and how many doors lead in."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graphkit.analysis.paths import (
    RankedPath,
    Suggestion,
    explain,
    suggest_openings,
)
from graphkit.analysis.targets import UnmatchedTarget, resolve_targets
from graphkit.model import Employment, Organization, Person
from graphkit.store.base import (
    BestPath,
    BestPathsByOrg,
    GraphStore,
    check_max_hops,
    ego_neighbors,
)


@dataclass(frozen=True)
class TargetReach:
    """How I stand with one organization.

    ``degree`` is the hop distance to the nearest person working there (1 = I know someone);
    ``doors`` are the distinct contacts of mine through whom someone there is within
    ``max_hops``: one door is fragile.
    """

    organization: Organization
    priority: int | None
    listed_as: str
    employees: int
    reached: int
    degree: int | None
    best_path: RankedPath | None
    doors: tuple[Person, ...]
    suggestions: tuple[Suggestion, ...] = ()

    @property
    def reachable(self) -> bool:
        return self.best_path is not None

    @property
    def best_score(self) -> float | None:
        return self.best_path.score if self.best_path else None

    @property
    def best_contact(self) -> Person | None:
        """Whom to ask first: the first contact on the best path."""
        return self.best_path.first_contact if self.best_path else None

    @property
    def fragile(self) -> bool:
        """Reachable through a single contact only."""
        return len(self.doors) == 1


@dataclass(frozen=True)
class ReachResult:
    """Reach over the target list (or every organization), best prospects first."""

    me: Person
    as_of_date: str
    max_hops: int
    targets: tuple[TargetReach, ...]
    unmatched: tuple[UnmatchedTarget, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def reachable(self) -> tuple[TargetReach, ...]:
        return tuple(t for t in self.targets if t.reachable)

    @property
    def fragile(self) -> tuple[TargetReach, ...]:
        return tuple(t for t in self.targets if t.reachable and t.fragile)


def _within(adjacency: dict[str, list[str]], source: str, cutoff: int,
            avoid: str | None = None) -> dict[str, int]:
    """Hop distances from ``source`` to everyone within ``cutoff`` ties of it (breadth-first,
    never through ``avoid``)."""
    distance = {source: 0}
    frontier = [source]
    for hop in range(1, cutoff + 1):
        after = []
        for u in frontier:
            for w in adjacency.get(u, ()):
                if w != avoid and w not in distance:
                    distance[w] = hop
                    after.append(w)
        if not after:
            break
        frontier = after
    return distance


def _doors(adjacency: dict[str, list[str]], me: str, max_hops: int) -> dict[str, list[str]]:
    """For each person within ``max_hops`` of me, the contacts of mine (sorted) through whom
    they are: the contact themself, or a person within ``max_hops - 1`` ties of the contact
    on a path that avoids me. One breadth-first search per contact over my ego network
    within ``max_hops`` (``adjacency``)."""
    doors: dict[str, list[str]] = {}
    for contact in adjacency.get(me, ()):
        for person in _within(adjacency, contact, max_hops - 1, avoid=me):
            doors.setdefault(person, []).append(contact)
    return doors


@dataclass(frozen=True)
class Staff:
    """The current employees of one organization (me excepted) and my best path to each.

    ``jobs`` maps each person's id to their current job there; ``paths`` maps the id of each
    of them within reach to my best path (absent: out of reach). Both keep the order of the
    organization's employment records.
    """

    organization: Organization
    jobs: dict[str, Employment]
    paths: dict[str, BestPath]


def staff_reach(store: GraphStore, orgs: Sequence[Organization], max_hops: int = 2) -> list[Staff]:
    """For each organization, its current employees and my best path to each of them.

    One hop-limited best-path search from me to every current employee of every organization
    in ``orgs`` (:meth:`GraphStore.best_paths`). :func:`reach` and the weekly report's snapshot
    both measure reach with it.

    Parameters
    ----------
    store : the network.
    orgs : the organizations, each once.
    max_hops : how far a path may go (1 = people I know).

    Returns
    -------
    One :class:`Staff` per organization, in the order of ``orgs``.

    Raises
    ------
    InvalidArgument
        when ``max_hops`` is outside 1..6.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Organization, Employment, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme"), Employment("ann", "acme", end=date(2020, 1, 1))],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> store = MemoryStore(net, date(2026, 1, 1))
    >>> [(list(s.jobs), s.paths["bo"].people) for s in staff_reach(store, store.organizations())]
    [(['bo'], ('me', 'ann', 'bo'))]
    """
    check_max_hops(max_hops)
    me = store.me()
    staff: dict[str, dict[str, Employment]] = {}
    for org in orgs:
        staff[org.id] = {job.person_id: job for job in store.employment_at(org.id)
                         if job.current and job.person_id != me.id}
    everyone = sorted({p for jobs in staff.values() for p in jobs})
    best = store.best_paths(me.id, everyone, max_hops) if everyone else {}
    return [Staff(org, staff[org.id], {p: best[p] for p in staff[org.id] if p in best})
            for org in orgs]


def best_path_per_organization(store: GraphStore, max_hops: int = 2) -> dict[str, BestPath]:
    """For every organization with a current employee within ``max_hops`` of me, my best path
    to one of them (first by :meth:`BestPath.sort_key`), keyed by organization id.

    A store that offers :class:`~graphkit.store.base.BestPathsByOrg` answers in one pass (the
    array store: 0.1 s instead of 1 s at a million people); any other store is asked for the
    best path to everyone, then each path is credited to the current employers of its end.

    Raises
    ------
    InvalidArgument
        when ``max_hops`` is outside 1..6.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Organization, Employment, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme"), Employment("ann", "acme", end=date(2020, 1, 1))],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> best_path_per_organization(MemoryStore(net, date(2026, 1, 1)))
    {'acme': BestPath(people=('me', 'ann', 'bo'), score=0.4)}
    """
    check_max_hops(max_hops)
    me = store.me().id
    if isinstance(store, BestPathsByOrg):
        return store.best_paths_by_org(me, max_hops)
    out: dict[str, BestPath] = {}
    for person, found in store.best_paths(me, None, max_hops).items():
        for job in store.employment_of(person):
            if job.current:
                held = out.get(job.org_id)
                if held is None or found.sort_key() < held.sort_key():
                    out[job.org_id] = found
    return out


def reach(store: GraphStore, max_hops: int = 2, all_organizations: bool = False) -> ReachResult:
    """For each target organization: reachable or not, degree, best score, doors, whom to ask.

    One hop-limited best-path search from me to every current employee of every target, and
    breadth-first searches over my ego network within ``max_hops`` for degrees and doors.
    Cost: O(sum of degrees within ``max_hops`` hops) plus a breadth-first search per contact.

    Parameters
    ----------
    store : the network.
    max_hops : how far a path may go (1 = people I know).
    all_organizations : every organization in the network instead of targets.csv.

    Returns
    -------
    ReachResult with targets sorted by priority (none last), then best score, then name;
    unreachable targets carry suggestions; targets.csv lines matching no organization are
    listed in ``unmatched`` with the closest names.

    Raises
    ------
    GraphkitError
        when ``max_hops`` is outside 1..6.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Organization, Employment, Tie, Target
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme", "CFO")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)],
    ...               targets=[Target("Acme Corp", 1), Target("Initech", 2)])
    >>> result = reach(MemoryStore(net, date(2026, 1, 1)))
    >>> [(t.organization.name, t.degree, t.best_score, t.best_contact.name, len(t.doors))
    ...  for t in result.targets]
    [('Acme Corp', 2, 0.4, 'Ann', 1)]
    >>> result.unmatched[0].target.organization
    'Initech'
    """
    check_max_hops(max_hops)
    me = store.me()
    resolved = resolve_targets(store, all_organizations=all_organizations)
    staff = {s.organization.id: s for s in staff_reach(store, resolved.organizations, max_hops)}
    # Degrees and doors from my ego network as ids alone (at a million people its 10,000
    # tie records took 0.3 s and 300 MB of tie columns paged in).
    ego = ego_neighbors(store, me.id, max_hops)
    distance = _within(ego, me.id, max_hops)
    through = _doors(ego, me.id, max_hops)
    rows = []
    for listed in resolved.listed:
        org, priority, listed_as = listed.organization, listed.priority, listed.listed_as
        jobs = staff[org.id].jobs
        found: list[BestPath] = sorted(staff[org.id].paths.values(), key=BestPath.sort_key)
        best_path = None
        if found:
            top = found[0]
            best_path = RankedPath(top.score, tuple(store.person(p) for p in top.people),
                                   explain(store, top), jobs[top.people[-1]])
        degrees = [distance[p] for p in jobs if p in distance]
        doors = tuple(store.person(n) for n in sorted({n for p in jobs
                                                       for n in through.get(p, ())}))
        suggestions: tuple[Suggestion, ...] = ()
        if not found:
            suggestions = suggest_openings(store, org, sorted(jobs))
        rows.append(TargetReach(org, priority, listed_as, len(jobs), len(found),
                                min(degrees) if degrees else None, best_path, doors,
                                suggestions))
    rows.sort(key=lambda t: (t.priority is None, t.priority or 0, -(t.best_score or 0.0),
                             t.organization.name))
    return ReachResult(me, store.as_of.isoformat(), max_hops, tuple(rows), resolved.unmatched,
                       resolved.notes)
