"""The GraphStore protocol: what every storage backend answers.

Analyses call only these methods, so the in-memory (networkx) store and the Neo4j store give
the same answers. Ordering rules are part of the contract: lists come back sorted as documented.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol, runtime_checkable

from graphkit.model import Employment, Introduction, Organization, Person, Target, Tie


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
