"""``referrals``: referral chains and the follow-ups they need.

A *chain* starts at me: I know A, A introduced me to B, B introduced me to C ... It is read
from the introductions log (``introducer introduced person to introduced_to``, with a status:
``requested`` = I asked for it, ``made`` = the introducer made it, ``met`` = we met).
:func:`referral_chains` follows the chains, says where they led and which asks are open
(:mod:`graphkit.analysis.referral_plan` turns the best paths to an organization into asks).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from graphkit.analysis.targets import resolve_targets
from graphkit.errors import InvalidArgument
from graphkit.model import Introduction, Organization, Person
from graphkit.store.base import GraphStore
from graphkit.strength import ago

#: The statuses the log uses, in the order an introduction goes through them (``declined``
#: ends it: no chain, no follow-up).
STATUSES = ("requested", "offered", "made", "met", "declined")
#: Days after which an open introduction needs a follow-up.
FOLLOW_UP_DAYS = 7

#: What a follow-up asks of me (see :class:`FollowUp`).
FollowUpKind = Literal["ask-again", "write", "update", "close"]


@dataclass(frozen=True)
class ChainStep:
    """One introduction along a chain, and where the person introduced works now."""

    introduction: Introduction
    introducer: Person
    introduced_to: Person
    organization: Organization | None
    at_target: bool


@dataclass(frozen=True)
class Chain:
    """me -> ``start`` -> ... : the introductions in order; ``cut`` says why it stopped early."""

    steps: tuple[ChainStep, ...]
    cut: str = ""

    @property
    def start(self) -> Person:
        return self.steps[0].introducer

    @property
    def depth(self) -> int:
        """How many introductions deep the chain goes."""
        return len(self.steps)

    @property
    def reached(self) -> tuple[Organization, ...]:
        """Target organizations of the people the chain introduced me to, in chain order."""
        seen: list[Organization] = []
        for step in self.steps:
            if step.at_target and step.organization and step.organization not in seen:
                seen.append(step.organization)
        return tuple(seen)


@dataclass(frozen=True)
class Connector:
    """Someone who introduces people, with their record in the log."""

    person: Person
    introductions: int
    met: int
    requested: int
    to_targets: int


@dataclass(frozen=True)
class FollowUp:
    """An introduction of mine with no meeting recorded, and what to do about it.

    ``kind``: ``ask-again`` (requested, not made), ``write`` (made, not met), ``update`` (the
    log shows we met: mark it met) or ``close`` (I met the person through someone else).
    ``due`` is set for ``ask-again`` and ``write`` once ``days`` reaches the threshold (or when
    the date is unknown).
    """

    introduction: Introduction
    introducer: Person
    introduced_to: Person
    kind: FollowUpKind
    days: int | None
    due: bool
    action: str


@dataclass(frozen=True)
class ReferralsResult:
    """Chains from me, connectors, open asks and the problems found in the log."""

    me: Person
    as_of_date: date
    days: int
    introductions: int
    chains: tuple[Chain, ...]
    connectors: tuple[Connector, ...]
    follow_ups: tuple[FollowUp, ...]
    problems: tuple[str, ...]
    others: int

    @property
    def due(self) -> tuple[FollowUp, ...]:
        return tuple(f for f in self.follow_ups if f.due)


def _current_org(store: GraphStore, person_id: str, targets: frozenset[str],
                 orgs: dict[str, Organization]) -> Organization | None:
    current = [j.org_id for j in store.employment_of(person_id) if j.current and j.org_id in orgs]
    for org_id in current:
        if org_id in targets:
            return orgs[org_id]
    return orgs[current[0]] if current else None


def logged_on(intro: Introduction) -> str:
    return intro.date.isoformat() if intro.date else "undated"


def _log_order(intro: Introduction) -> tuple[date, str, str]:
    """The order of the log: by date (undated first), then introducer, then person introduced."""
    return (intro.date or date.min, intro.introducer_id, intro.introduced_to_id)


class KnownPeople:
    """``store.person``, remembered: the log names the same people many times."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._known: dict[str, Person] = {}

    def __call__(self, person_id: str) -> Person:
        if person_id not in self._known:
            self._known[person_id] = self._store.person(person_id)
        return self._known[person_id]


class _Steps:
    """The :class:`ChainStep` of each introduction, made once: where the person introduced
    works now, and whether that is a target."""

    def __init__(self, store: GraphStore, people: KnownPeople, targets: frozenset[str],
                 orgs: dict[str, Organization]) -> None:
        self._store = store
        self._people = people
        self._targets = targets
        self._orgs = orgs
        self._made: dict[int, ChainStep] = {}

    def __call__(self, intro: Introduction) -> ChainStep:
        key = id(intro)
        if key not in self._made:
            org = _current_org(self._store, intro.introduced_to_id, self._targets, self._orgs)
            self._made[key] = ChainStep(intro, self._people(intro.introducer_id),
                                        self._people(intro.introduced_to_id), org,
                                        org is not None and org.id in self._targets)
        return self._made[key]


def referral_chains(store: GraphStore, days: int = FOLLOW_UP_DAYS) -> ReferralsResult:
    """Follow the introductions log from me: chains, connectors, follow-ups, problems.

    Chains start at introducers of mine whom nobody in the log introduced me to, and follow
    "X introduced me to Y, then Y introduced me to Z"; a person introduced by two people
    ends two chains. A cycle (A introduced me to B, who introduced me to A) stops the chain
    and is reported. A person introduced by several people continues only the chain I met them
    through (else the earliest). Introductions of other people count for the connectors only.

    Parameters
    ----------
    store : the network.
    days : an introduction requested or made this many days ago (from the store's as-of date)
        with no meeting recorded needs a follow-up.

    Returns
    -------
    ReferralsResult: chains by date of their first introduction; connectors by meetings, then
    introductions; follow-ups due first, oldest first. Problems: cycles, dates after the
    as-of date, missing dates, unknown statuses, introductions of me to myself.

    Raises
    ------
    InvalidArgument
        when ``days`` is negative.

    Examples
    --------
    >>> from graphkit.model import Network
    >>> from graphkit.store.memory import MemoryStore
    >>> people = {p: Person(p, p.title()) for p in ("me", "ann", "bo", "cy")}
    >>> net = Network("me", people, introductions=[
    ...     Introduction("ann", "me", "bo", date(2026, 1, 2), "met"),
    ...     Introduction("bo", "me", "cy", date(2026, 1, 20), "made")])
    >>> result = referral_chains(MemoryStore(net, date(2026, 2, 1)))
    >>> [[s.introduced_to.name for s in c.steps] for c in result.chains]
    [['Bo', 'Cy']]
    >>> result.due[0].action
    'write to Cy: Bo introduced you 1 week ago, on 2026-01-20; propose a time to meet'
    """
    if days < 0:
        raise InvalidArgument("days", days, "0 or more")
    me = store.me()
    as_of = store.as_of
    log = store.introductions()
    mine = [i for i in log if i.person_id == me.id]
    orgs = {o.id: o for o in store.organizations()}
    targets = resolve_targets(store).ids
    people = KnownPeople(store)
    usable, problems = _checked_introductions(mine, me.id, as_of, people)
    chains, cycles = _chains(usable, _Steps(store, people, targets, orgs), people)
    connectors = _connectors(store, [*usable, *(i for i in log if i.person_id != me.id)],
                             people, targets, orgs)
    follow_ups = _follow_ups(usable, as_of, days, people)
    return ReferralsResult(me, as_of, days, len(mine), tuple(chains), tuple(connectors),
                           tuple(follow_ups), (*problems, *cycles), len(log) - len(mine))


def _checked_introductions(mine: list[Introduction], me: str, as_of: date,
                           people: Callable[[str], Person]
                           ) -> tuple[list[Introduction], list[str]]:
    """The introductions of me the chains can use, and the problems found in them."""
    problems: list[str] = []
    usable: list[Introduction] = []
    for intro in mine:
        a, b = people(intro.introducer_id).name, people(intro.introduced_to_id).name
        if intro.introduced_to_id == me or intro.introducer_id == me:
            problems.append(f"introductions.csv: {a} introduced you to {b} on {logged_on(intro)}: "
                            "you cannot be introduced to yourself or by yourself; left out of "
                            "the chains (fix the ids)")
            continue
        if intro.date is None:
            problems.append(f"introductions.csv: {a} introduced you to {b} with no date; "
                            "counted as due for a follow-up (add the date)")
        elif intro.date > as_of:
            problems.append(f"introductions.csv: {a} introduced you to {b} on "
                            f"{intro.date.isoformat()}, after the as-of date "
                            f"{as_of.isoformat()}; counted as not yet due (check the date)")
        if intro.status not in STATUSES:
            shown = f"unknown status '{intro.status}'" if intro.status else "no status"
            problems.append(f"introductions.csv: {a} introduced you to {b} on {logged_on(intro)} "
                            f"has {shown}; counted as made (use one of "
                            f"{', '.join(STATUSES)})")
        if intro.status != "declined":
            usable.append(intro)
    return usable, problems


@dataclass
class _Walk:
    """Following the chains through the log: where each person leads, and what was found."""

    #: The introductions each person made, in log order.
    onward: dict[str, list[Introduction]]
    #: The one introduction to each person whose chain continues past them.
    through: dict[str, Introduction]
    step: Callable[[Introduction], ChainStep]
    people: Callable[[str], Person]
    chains: list[Chain] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    reported: set[frozenset[str]] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def _chains(usable: list[Introduction], step: Callable[[Introduction], ChainStep],
            people: Callable[[str], Person]) -> tuple[list[Chain], list[str]]:
    """Every chain through the usable introductions, in log order, and the cycles found."""
    in_order = sorted(usable, key=_log_order)
    onward: dict[str, list[Introduction]] = defaultdict(list)
    for intro in in_order:
        onward[intro.introducer_id].append(intro)
    # A person introduced by several people continues only the chain I met them through
    # (else the earliest); the other introductions to them end there.
    through: dict[str, Introduction] = {}
    for intro in sorted(usable, key=lambda i: (i.status != "met", *_log_order(i))):
        through.setdefault(intro.introduced_to_id, intro)
    walk = _Walk(onward, through, step, people)
    introduced = {i.introduced_to_id for i in usable}
    for intro in [i for i in in_order if i.introducer_id not in introduced]:
        walk.covered.add(id(intro))
        _follow(walk, [intro], [intro.introducer_id, intro.introduced_to_id])
    # Introductions no start leads to lie on cycles with no way in: start at the earliest.
    for intro in in_order:
        if id(intro) not in walk.covered:
            walk.covered.add(id(intro))
            _follow(walk, [intro], [intro.introducer_id, intro.introduced_to_id])
    walk.chains.sort(key=lambda c: [_log_order(s.introduction) for s in c.steps])
    return walk.chains, walk.problems


def _follow(walk: _Walk, path: list[Introduction], seen: list[str]) -> None:
    """Extend ``path`` (``seen``: the people on it) to the end of every chain it leads to."""
    last = path[-1].introduced_to_id
    nexts = walk.onward.get(last, []) if walk.through[last] is path[-1] else []
    if not nexts:
        walk.chains.append(Chain(tuple(walk.step(i) for i in path)))
        return
    for intro in nexts:
        walk.covered.add(id(intro))
        if intro.introduced_to_id in seen:
            loop = seen[seen.index(intro.introduced_to_id):] + [intro.introduced_to_id]
            cut = _cycle(loop, walk.people)
            if frozenset(loop) not in walk.reported:
                walk.reported.add(frozenset(loop))
                walk.problems.append(f"introductions.csv: {cut} (check the ids)")
            walk.chains.append(Chain(tuple(walk.step(i) for i in [*path, intro]), cut))
            continue
        _follow(walk, [*path, intro], [*seen, intro.introduced_to_id])


def _cycle(loop: list[str], people: Callable[[str], Person]) -> str:
    """Why a chain stops at a cycle (``loop``: ids, the first repeated at the end)."""
    who = [people(p).name for p in loop]
    return (f"cycle: {who[0]} introduced you to "
            + ", who introduced you to ".join(who[1:])
            + f"; the chain stops at {who[-1]}")


def _connectors(store: GraphStore, intros: list[Introduction], people: Callable[[str], Person],
                targets: frozenset[str], orgs: dict[str, Organization]) -> list[Connector]:
    """Everyone who introduced someone, most meetings first, then most introductions."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for intro in intros:
        if intro.introducer_id == intro.introduced_to_id:
            continue
        record = counts[intro.introducer_id]
        record[0] += 1
        record[1] += intro.status == "met"
        record[2] += intro.status == "requested"
        org = _current_org(store, intro.introduced_to_id, targets, orgs)
        record[3] += org is not None and org.id in targets
    return sorted((Connector(people(p), *c) for p, c in counts.items()),
                  key=lambda c: (-c.met, -c.introductions, -c.to_targets, c.person.id))


def _follow_ups(usable: list[Introduction], as_of: date, days: int,
                person: Callable[[str], Person]) -> list[FollowUp]:
    """What each open introduction of mine needs, due first, then oldest first."""
    met_through = {i.introduced_to_id: i for i in usable if i.status == "met"}
    # Only an introduction that was made shows I have met its introducer: one that is merely
    # requested of them does not (its own follow-up says to ask again).
    first_intro_by: dict[str, Introduction] = {}
    for i in sorted(usable, key=lambda i: i.date or date.min):
        if i.status != "requested":
            first_intro_by.setdefault(i.introducer_id, i)
    out = []
    for intro in usable:
        if intro.status == "met":
            continue
        a, b = person(intro.introducer_id), person(intro.introduced_to_id)
        age = (as_of - intro.date).days if intro.date else None
        when = (f"{ago(intro.date, as_of)}, on {intro.date.isoformat()}" if intro.date
                else "on an unknown date")
        later = first_intro_by.get(intro.introduced_to_id)
        if intro.introduced_to_id in met_through:
            via = met_through[intro.introduced_to_id]
            out.append(FollowUp(intro, a, b, "close", age, False,
                                f"you already met {b.name} through "
                                f"{person(via.introducer_id).name} ({logged_on(via)}): thank "
                                f"{a.name} and mark this introduction met"))
        elif later is not None and (intro.date is None or later.date is None
                                    or later.date >= intro.date):
            out.append(FollowUp(intro, a, b, "update", age, False,
                                f"{b.name} introduced you to "
                                f"{person(later.introduced_to_id).name} on {logged_on(later)}, so "
                                f"you have met: mark the introduction by {a.name} met"))
        elif intro.status in ("requested", "offered"):
            due = age is None or age >= days
            out.append(FollowUp(intro, a, b, "ask-again", age, due,
                                f"ask {a.name} again about an introduction to {b.name} "
                                f"(requested {when})"))
        else:
            due = age is None or age >= days
            out.append(FollowUp(intro, a, b, "write", age, due,
                                f"write to {b.name}: {a.name} introduced you {when}; "
                                "propose a time to meet"))
    out.sort(key=lambda f: (not f.due, -(f.days if f.days is not None else 10**9),
                            f.introducer.id, f.introduced_to.id))
    return out
