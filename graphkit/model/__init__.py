"""Plain records of a professional network, as the network folder's CSV files hold them.

Every record keeps the columns graphkit does not know in ``extra`` so that a file a person
edited in a spreadsheet is written back with their own columns intact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Extra = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Person:
    """A person in the network; ``id`` is stable, ``name`` is what people read."""

    id: str
    name: str
    email: str = ""
    linkedin_url: str = ""
    title: str = ""
    location: str = ""
    notes: str = ""
    tags: str = ""
    extra: Extra = ()


@dataclass(frozen=True)
class Organization:
    """An employer or any other organization; ``aliases`` are other spellings of its name."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    industry: str = ""
    location: str = ""
    extra: Extra = ()


@dataclass(frozen=True)
class Employment:
    """``person_id`` works (``end`` is None) or worked at ``org_id``."""

    person_id: str
    org_id: str
    title: str = ""
    start: date | None = None
    end: date | None = None
    extra: Extra = ()

    @property
    def current(self) -> bool:
        """True while the job has no end date."""
        return self.end is None


#: Relationship stages, weakest first: the networking practice of Initiate, then Obtain advice,
#: then Use a referral. ``acquaintance`` is a connection with no conversation yet.
STAGES = ("acquaintance", "initiated", "advice", "referral")

STAGE_LABELS = {
    "acquaintance": "acquaintance",
    "initiated": "conversation initiated",
    "advice": "advice obtained",
    "referral": "referral-ready",
}

#: How a tie is known: from my own export or notes, a teammate's export, an introduction,
#: or inferred from shared employers / small groups.
SOURCES = ("manual", "own-export", "teammate-export", "introduction", "inferred")


@dataclass(frozen=True)
class Tie:
    """An undirected relationship between two people.

    ``strength`` is an explicit override in (0, 1]; None means the strength model decides.
    """

    person_a: str
    person_b: str
    strength: float | None = None
    stage: str = ""
    last_contact: date | None = None
    interactions: int = 0
    source: str = ""
    notes: str = ""
    extra: Extra = ()

    @property
    def key(self) -> tuple[str, str]:
        """The unordered pair as a sorted tuple, the tie's identity."""
        a, b = self.person_a, self.person_b
        return (a, b) if a <= b else (b, a)


@dataclass(frozen=True)
class Introduction:
    """``introducer_id`` introduced ``person_id`` to ``introduced_to_id`` on ``date``."""

    introducer_id: str
    person_id: str
    introduced_to_id: str
    date: date | None = None
    status: str = ""
    notes: str = ""
    extra: Extra = ()


@dataclass(frozen=True)
class Membership:
    """``person_id`` belongs to ``group`` (a school, association, congregation, meetup)."""

    person_id: str
    group: str
    role: str = ""
    extra: Extra = ()


@dataclass(frozen=True)
class Target:
    """An organization on the target list; ``organization`` is its id or a name."""

    organization: str
    priority: int | None = None
    status: str = ""
    notes: str = ""
    extra: Extra = ()


@dataclass
class Network:
    """A whole network folder in memory: who "me" is and every record, in file order."""

    me: str
    people: dict[str, Person] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    employment: list[Employment] = field(default_factory=list)
    ties: list[Tie] = field(default_factory=list)
    introductions: list[Introduction] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    #: graphkit.toml tables other than ``me`` (``[strength]``, ``[neo4j]``), kept as read.
    settings: dict[str, Any] = field(default_factory=dict)
