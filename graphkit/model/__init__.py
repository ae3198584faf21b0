"""Plain records of a professional network, as the network folder's CSV files hold them.

Every record keeps the columns graphkit does not know in ``extra`` so that a file a person
edited in a spreadsheet is written back with their own columns intact.
"""

from __future__ import annotations

from collections.abc import Iterable
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
    """An organization on a target list; ``organization`` is its id or a name.

    ``member`` is the id of the team member whose list it is on ("" is the network's owner,
    ``me``); ``role`` is the kind of role sought there (two members after the same role at the
    same organization compete); a ``private`` target is seen by its member only (see
    :func:`visible_targets`).
    """

    organization: str
    priority: int | None = None
    status: str = ""
    notes: str = ""
    extra: Extra = ()
    member: str = ""
    role: str = ""
    private: bool = False

    def owner(self, me: str) -> str:
        """The id of the person whose target this is (``me`` for a row without a member)."""
        return self.member or me


def targets_of(targets: Iterable[Target], member: str, me: str) -> list[Target]:
    """The target list of ``member`` (rows without a member are ``me``'s), in file order.

    >>> rows = [Target("Acme"), Target("Initech", member="p-ann", private=True)]
    >>> [t.organization for t in targets_of(rows, "p-ann", "me")]
    ['Initech']
    >>> [t.organization for t in targets_of(rows, "me", "me")]
    ['Acme']
    """
    return [t for t in targets if t.owner(me) == member]


def visible_targets(targets: Iterable[Target], viewer: str, me: str) -> list[Target]:
    """The targets ``viewer`` may see: their own, and every other member's that is not private.

    This is the one rule for private targets: every output a person other than the target's
    member sees (the board, reports, plots, pages) draws its targets through this function.
    ``me`` is the network's owner (the member of rows without one).

    >>> rows = [Target("Acme"), Target("Initech", member="p-ann", private=True),
    ...         Target("Hooli", member="p-ann")]
    >>> [t.organization for t in visible_targets(rows, "me", "me")]
    ['Acme', 'Hooli']
    >>> [t.organization for t in visible_targets(rows, "p-ann", "me")]
    ['Acme', 'Initech', 'Hooli']
    """
    return [t for t in targets if not t.private or t.owner(me) == viewer]


#: The people.csv column that flags a team member (value ``member``), and the column of
#: people, organizations, employment, ties and groups rows that says whose exports a row came
#: from (member ids separated by ``;``; empty: entered by hand, or imported before graphkit
#: recorded provenance). Both live in a record's ``extra``, which every store keeps.
TEAM_COLUMN = "team"
PROVENANCE_COLUMN = "imported_from"


def extra_value(extra: Extra, column: str) -> str:
    """The value of ``column`` among a record's other columns ("" when absent).

    >>> extra_value((("team", "member"),), "team")
    'member'
    """
    return next((value for name, value in extra if name == column), "")


def with_extra(extra: Extra, column: str, value: str) -> Extra:
    """``extra`` with ``column`` set to ``value`` (kept in place, or added at the end).

    >>> with_extra((("shoe", "42"),), "team", "member")
    (('shoe', '42'), ('team', 'member'))
    """
    if any(name == column for name, _ in extra):
        return tuple((name, value if name == column else old) for name, old in extra)
    return (*extra, (column, value)) if value else extra


def provenance(extra: Extra) -> tuple[str, ...]:
    """The ids of the people whose exports a row came from.

    >>> provenance((("imported_from", "p-ann;p-bo"),))
    ('p-ann', 'p-bo')
    """
    return tuple(p for p in extra_value(extra, PROVENANCE_COLUMN).split(";") if p)


def with_provenance(extra: Extra, owners: Iterable[str]) -> Extra:
    """``extra`` recording ``owners`` (sorted, once each) as the row's provenance."""
    return with_extra(extra, PROVENANCE_COLUMN, ";".join(sorted(set(owners))))


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
