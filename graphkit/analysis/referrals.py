"""``referrals``: referral chains, the follow-ups they need, and plans of asks.

A *chain* starts at me: I know A, A introduced me to B, B introduced me to C ... It is read
from the introductions log (``introducer introduced person to introduced_to``, with a status:
``requested`` = I asked for it, ``made`` = the introducer made it, ``met`` = we met).
:func:`referral_chains` follows the chains, says where they led and which asks are open;
:func:`referral_plan` turns the best paths to an organization into an ordered list of asks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from graphkit.analysis.paths import RankedPath, Suggestion, path_to
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import InvalidArgument
from graphkit.model import STAGE_LABELS, Introduction, Organization, Person
from graphkit.store.base import GraphStore, check_max_hops
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


def _when(intro: Introduction) -> str:
    return intro.date.isoformat() if intro.date else "undated"


def _log_order(intro: Introduction) -> tuple[date, str, str]:
    """The order of the log: by date (undated first), then introducer, then person introduced."""
    return (intro.date or date.min, intro.introducer_id, intro.introduced_to_id)


class _People:
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

    def __init__(self, store: GraphStore, people: _People, targets: frozenset[str],
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
    people = _People(store)
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
            problems.append(f"introductions.csv: {a} introduced you to {b} on {_when(intro)}: "
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
            problems.append(f"introductions.csv: {a} introduced you to {b} on {_when(intro)} "
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
                                f"{person(via.introducer_id).name} ({_when(via)}): thank "
                                f"{a.name} and mark this introduction met"))
        elif later is not None and (intro.date is None or later.date is None
                                    or later.date >= intro.date):
            out.append(FollowUp(intro, a, b, "update", age, False,
                                f"{b.name} introduced you to "
                                f"{person(later.introduced_to_id).name} on {_when(later)}, so "
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


# --- plans -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """One conversation of a plan: ask ``ask`` for an introduction to ``to`` (or, on the last
    step, talk to ``ask`` who works at the organization).

    ``role`` is what ``to`` (on the last step, ``ask``) does and where; ``relationship`` is my
    tie with ``ask`` when I already know them (stage, last contact; no notes); ``opener`` is what
    we share (who introduced us, groups, employers); ``knows`` is why ``ask`` knows ``to``;
    ``logged`` is what the introductions log already says about this introduction.
    """

    number: int
    ask: Person
    to: Person | None
    role: str
    relationship: tuple[str, ...]
    opener: tuple[str, ...]
    knows: tuple[str, ...]
    inferred: bool
    logged: str


@dataclass(frozen=True)
class PlanRoute:
    """The asks along one path, in order."""

    path: RankedPath
    asks: tuple[Ask, ...]


@dataclass(frozen=True)
class ReferralPlan:
    """Ordered asks toward people at ``organization``, one route per first contact."""

    organization: Organization
    as_of_date: date
    max_hops: int
    employees: int
    routes: tuple[PlanRoute, ...]
    suggestions: tuple[Suggestion, ...]
    #: Introductions of mine, already in the log, to people who work there now.
    under_way: tuple[ChainStep, ...] = ()


def _shared_employers(store: GraphStore, a: str, b: str,
                      orgs: dict[str, Organization]) -> list[str]:
    mine = {j.org_id: j for j in store.employment_of(a)}
    out = []
    for job in store.employment_of(b):
        if job.org_id in mine and job.org_id in orgs:
            name = orgs[job.org_id].name
            both_now = job.current and mine[job.org_id].current
            text = f"you both work at {name}" if both_now else f"you both worked at {name}"
            if text not in out:
                out.append(text)
    return out


def _relationship(store: GraphStore, me: str, other: str) -> tuple[str, ...]:
    try:
        tie = store.tie(me, other).tie
    except KeyError:
        return ()
    lines = [STAGE_LABELS.get(tie.stage or "acquaintance", tie.stage)]
    if tie.last_contact:
        lines.append("last contact " + ago(tie.last_contact, store.as_of))
    # The tie's notes are private (graphkit log --note): a plan may be shared, so never here.
    return tuple(lines)


def _role(store: GraphStore, person: Person, orgs: dict[str, Organization]) -> str:
    for job in store.employment_of(person.id):
        if job.current and job.org_id in orgs:
            title = job.title or person.title
            return f"{title} at {orgs[job.org_id].name}" if title else orgs[job.org_id].name
    return person.title


def _opener(store: GraphStore, me: str, other: str, orgs: dict[str, Organization],
            introduced_by: Person | None) -> tuple[str, ...]:
    lines = []
    if introduced_by is not None:
        lines.append(f"{introduced_by.name} introduced you")
    mine = set(store.groups_of(me))
    lines += [f"you both belong to {g}" for g in store.groups_of(other) if g in mine]
    lines += _shared_employers(store, me, other, orgs)
    return tuple(lines)


def referral_plan(store: GraphStore, organization: str, max_hops: int = 2,
                  routes: int = 3) -> ReferralPlan:
    """The best paths to ``organization`` as ordered asks: whom to ask, for an introduction
    to whom, and what to open with.

    One route per first contact, the ``routes`` best; the paths are :func:`path_to`'s.

    Parameters
    ----------
    store : the network.
    organization : an organization id, name or alias.
    max_hops : how long a path may be.
    routes : how many first contacts to plan for.

    Returns
    -------
    ReferralPlan; with no path, ``routes`` is empty and ``suggestions`` says what could open
    one.

    Raises
    ------
    UnknownOrganization
        when no organization matches (with the closest names).
    InvalidArgument
        when ``max_hops`` is outside 1..6 or ``routes`` is below 1.

    Examples
    --------
    >>> from graphkit.model import Network, Employment, Tie, Membership
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme", "CFO")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)],
    ...               memberships=[Membership("me", "Chess Club"),
    ...                            Membership("ann", "Chess Club")])
    >>> plan = referral_plan(MemoryStore(net, date(2026, 1, 1)), "Acme")
    >>> [(a.ask.name, a.to and a.to.name, a.opener) for a in plan.routes[0].asks]
    [('Ann', 'Bo', ('you both belong to Chess Club',)), ('Bo', None, ('Ann introduced you',))]
    """
    if routes < 1:
        raise InvalidArgument("routes", routes, "at least 1")
    check_max_hops(max_hops)
    found = path_to(store, organization, max_hops)
    me = found.me.id
    orgs = {o.id: o for o in store.organizations()}
    mine = [i for i in store.introductions() if i.person_id == me]
    logged = {(i.introducer_id, i.introduced_to_id): i for i in mine}
    planned = tuple(PlanRoute(group.paths[0],
                              _asks(store, me, group.paths[0], found.organization, orgs, logged))
                    for group in found.by_first_contact()[:routes])
    return ReferralPlan(found.organization, store.as_of, max_hops, found.employees, planned,
                        found.suggestions, _under_way(store, found.organization, mine))


def _asks(store: GraphStore, me: str, path: RankedPath, organization: Organization,
          orgs: dict[str, Organization],
          logged: dict[tuple[str, str], Introduction]) -> tuple[Ask, ...]:
    """The asks along ``path``, one per person after me, with what the log says of each."""
    asks = []
    people = path.people
    for k in range(1, len(people)):
        asker, nxt = people[k], people[k + 1] if k + 1 < len(people) else None
        introduced_by = people[k - 1] if k > 1 else None
        step = path.steps[k] if nxt is not None else None
        intro = logged.get((asker.id, nxt.id)) if nxt is not None else None
        note = ""
        if intro is not None:
            note = (f"{intro.status or 'logged'} on {_when(intro)}" if intro.status != "met"
                    else f"done: you met {nxt.name if nxt else ''} on {_when(intro)}")
        if nxt is None:
            title = path.job.title
            role = f"{title} at {organization.name}" if title else organization.name
        else:
            role = _role(store, nxt, orgs)
        asks.append(Ask(k, asker, nxt, role,
                        _relationship(store, me, asker.id) if k == 1 else (),
                        _opener(store, me, asker.id, orgs, introduced_by),
                        step.evidence if step else (), bool(step and step.inferred), note))
    return tuple(asks)


def _under_way(store: GraphStore, organization: Organization,
               mine: list[Introduction]) -> tuple[ChainStep, ...]:
    """My introductions, already in the log, to people who work at ``organization`` now."""
    staff = {j.person_id for j in store.employment_at(organization.id) if j.current}
    # The target list is resolved once for the plan, not once per introduction.
    is_target = organization.id in resolve_targets(store).ids
    people = _People(store)
    return tuple(ChainStep(i, people(i.introducer_id), people(i.introduced_to_id),
                           organization, is_target)
                 for i in mine if i.introduced_to_id in staff)
