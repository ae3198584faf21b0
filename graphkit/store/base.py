"""The GraphStore protocol: what every storage backend answers.

Analyses call only these methods, so the in-memory (networkx) store and the Neo4j store give
the same answers. Ordering rules are part of the contract: lists come back sorted as documented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from graphkit.errors import InvalidArgument
from graphkit.model import Employment, Introduction, Organization, Person, Target, Tie

#: The longest path any search accepts (ties from me). Every analysis, the CLI's options and the
#: stores check against this one bound.
MAX_HOPS = 6


def check_max_hops(max_hops: int, parameter: str = "max_hops") -> int:
    """Return ``max_hops`` if it is within 1..:data:`MAX_HOPS`, else raise.

    >>> check_max_hops(2)
    2
    >>> check_max_hops(7)
    Traceback (most recent call last):
    ...
    graphkit.errors.InvalidArgument: max_hops must be between 1 and 6, not 7
    """
    if not isinstance(max_hops, int) or not 1 <= max_hops <= MAX_HOPS:
        raise InvalidArgument(parameter, max_hops, f"between 1 and {MAX_HOPS}")
    return max_hops


@dataclass(frozen=True)
class TieView:
    """A recorded tie with the strength the model gave it and the evidence."""

    tie: Tie
    strength: float
    evidence: tuple[str, ...]

    @property
    def inferred(self) -> bool:
        """True for ties graphkit inferred rather than read from ties.csv."""
        return self.tie.source == "inferred"


@dataclass(frozen=True)
class BestPath:
    """The best path found to one person: ids from the source, and the product of strengths."""

    people: tuple[str, ...]
    score: float

    @property
    def hops(self) -> int:
        return len(self.people) - 1

    def sort_key(self) -> tuple[float, int, tuple[str, ...]]:
        """Best first: higher score, then fewer hops, then ids in alphabetical order."""
        return (-self.score, self.hops, self.people)


def job_order(job: Employment) -> tuple[bool, int, str]:
    """The contract's order of a person's jobs: current first, then by start date, newest first
    (no start date last), then by organization id. Every store sorts with this key."""
    return (not job.current, -(job.start.toordinal() if job.start else 0), job.org_id)


def jobs_in_order(jobs: Iterable[Employment]) -> list[Employment]:
    """A person's jobs in the contract's order (:func:`job_order`)."""
    return sorted(jobs, key=job_order)


def path_score(strengths: Iterable[float]) -> float:
    """The product of strengths multiplied from the source outward (the order matters for
    bit-identical floats across backends).

    >>> path_score([0.5, 0.5])
    0.25
    """
    score = 1.0
    for s in strengths:
        score *= s
    return score


@runtime_checkable
class GraphStore(Protocol):
    """What a backend answers. ``as_of`` is the date tie strengths were computed for."""

    as_of: date

    def me(self) -> Person:
        """The person the network belongs to."""
        ...

    def person(self, person_id: str) -> Person:
        """One person by id (KeyError if absent)."""
        ...

    def people(self) -> list[Person]:
        """Everyone, sorted by id."""
        ...

    def organizations(self) -> list[Organization]:
        """Every organization, sorted by id."""
        ...

    def organization(self, name: str) -> Organization:
        """Resolve an id, name or alias; raises UnknownOrganization with suggestions."""
        ...

    def employment_at(self, org_id: str) -> list[Employment]:
        """Every job (current and past) at the organization, sorted by person id."""
        ...

    def employment_of(self, person_id: str) -> list[Employment]:
        """Every job of the person, current first, then by start date, newest first."""
        ...

    def groups_of(self, person_id: str) -> list[str]:
        """The groups the person belongs to, sorted."""
        ...

    def members(self, group: str) -> list[str]:
        """Ids of the group's members, sorted."""
        ...

    def neighbors(self, person_id: str) -> list[str]:
        """Ids of the people tied to the person, sorted."""
        ...

    def tie(self, a: str, b: str) -> TieView:
        """The tie between two people (KeyError if none)."""
        ...

    def ties(self) -> list[TieView]:
        """Every tie, sorted by its key."""
        ...

    def best_paths(self, source: str, targets: Sequence[str] | None,
                   max_hops: int) -> dict[str, BestPath]:
        """For each reachable target, its best path from ``source`` with at most ``max_hops``
        ties, ranked by :meth:`BestPath.sort_key`. Unreachable targets are absent;
        ``targets=None`` means everyone. The result is keyed by target id, sorted."""
        ...

    def ego_ties(self, center: str, radius: int) -> list[TieView]:
        """Every tie among the people within ``radius`` hops of ``center`` (center included),
        sorted by key: the ego network, for measures that work on it in memory."""
        ...

    def targets(self) -> list[Target]:
        """The target list in file order."""
        ...

    def introductions(self) -> list[Introduction]:
        """The introductions log in file order."""
        ...


@runtime_checkable
class BestPathsByOrg(Protocol):
    """An optional store method: a store that can rank paths per organization itself (the
    array store, in one vectorized pass) offers it; :func:`graphkit.analysis.reach.
    best_path_per_organization` falls back to :meth:`GraphStore.best_paths` otherwise."""

    def best_paths_by_org(self, source: str, max_hops: int) -> dict[str, BestPath]:
        """For each organization with a current employee (``source`` excepted) within
        ``max_hops`` of ``source``: the best path to one of them (first by
        :meth:`BestPath.sort_key`). Organizations out of reach are absent."""
        ...


@runtime_checkable
class EgoNeighbors(Protocol):
    """An optional store method: who knows whom in an ego network, as ids alone (no tie
    records). A store that answers it cheaply offers it (the array store: at a million people
    the 10,000 tie records of my 2-hop ego network took 0.3 s and paged in 300 MB of tie
    columns); :func:`ego_neighbors` falls back to :meth:`GraphStore.ego_ties` otherwise."""

    def ego_neighbors(self, center: str, radius: int) -> dict[str, list[str]]:
        """Everyone within ``radius`` hops of ``center`` who has a tie there, each with the
        ids of their neighbors within ``radius`` hops (sorted): the people and ties of
        :meth:`GraphStore.ego_ties`. A center without ties gives ``{}``."""
        ...


def ego_neighbors(store: GraphStore, center: str, radius: int) -> dict[str, list[str]]:
    """The ego network of ``center`` as sorted adjacency lists of ids (see
    :class:`EgoNeighbors`), from the store's own method when it has one.

    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p) for p in ("me", "ann", "bo", "cy")},
    ...               ties=[Tie("me", "ann", 0.5), Tie("ann", "bo", 0.5), Tie("bo", "cy", 0.5)])
    >>> ego_neighbors(MemoryStore(net, date(2026, 1, 1)), "me", 2)
    {'ann': ['bo', 'me'], 'bo': ['ann'], 'me': ['ann']}
    """
    if isinstance(store, EgoNeighbors):
        return store.ego_neighbors(center, radius)
    adjacency: dict[str, list[str]] = {}
    for view in store.ego_ties(center, radius):
        a, b = view.tie.key
        adjacency.setdefault(a, []).append(b)
        adjacency.setdefault(b, []).append(a)
    return {person: sorted(adjacency[person]) for person in sorted(adjacency)}
