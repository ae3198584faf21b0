"""``referrals``: referral chains, the follow-ups they need, and plans of asks.

A *chain* starts at me: I know A, A introduced me to B, B introduced me to C ... It is read
from the introductions log (``introducer introduced person to introduced_to``, with a status:
``requested`` = I asked for it, ``made`` = the introducer made it, ``met`` = we met).
:func:`referral_chains` follows the chains, says where they led and which asks are open;
:func:`referral_plan` turns the best paths to an organization into an ordered list of asks.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from graphkit.analysis.paths import RankedPath, Suggestion, path_to
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import GraphkitError
from graphkit.model import STAGE_LABELS, Introduction, Organization, Person
from graphkit.store.base import GraphStore, check_max_hops
from graphkit.strength import ago

#: The statuses the log uses, in the order an introduction goes through them.
STATUSES = ("requested", "made", "met")
#: Days after which an open introduction needs a follow-up.
FOLLOW_UP_DAYS = 7


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
    kind: str
    days: int | None
    due: bool
    action: str


@dataclass(frozen=True)
class ReferralsResult:
    """Chains from me, connectors, open asks and the problems found in the log."""

    me: Person
    as_of_date: str
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
    GraphkitError
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
        raise GraphkitError(f"--days must be 0 or more, not {days}")
    me = store.me()
    as_of = store.as_of
    log = store.introductions()
    mine = [i for i in log if i.person_id == me.id]
    others = len(log) - len(mine)
    orgs = {o.id: o for o in store.organizations()}
    targets = resolve_targets(store).ids
    names: dict[str, Person] = {}

    def person(pid: str) -> Person:
        if pid not in names:
            names[pid] = store.person(pid)
        return names[pid]

    problems: list[str] = []
    usable: list[Introduction] = []
    for intro in mine:
        a, b = person(intro.introducer_id).name, person(intro.introduced_to_id).name
        if intro.introduced_to_id == me.id or intro.introducer_id == me.id:
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
        usable.append(intro)

    def order(i: Introduction) -> tuple[date, str, str]:
        return (i.date or date.min, i.introducer_id, i.introduced_to_id)

    onward: dict[str, list[Introduction]] = defaultdict(list)
    for intro in sorted(usable, key=order):
        onward[intro.introducer_id].append(intro)
    introduced = {i.introduced_to_id for i in usable}
    # A person introduced by several people continues only the chain I met them through
    # (else the earliest); the other introductions to them end there.
    through: dict[str, Introduction] = {}
    for intro in sorted(usable, key=lambda i: (i.status != "met", *order(i))):
        through.setdefault(intro.introduced_to_id, intro)
    steps_cache: dict[int, ChainStep] = {}

    def step(intro: Introduction) -> ChainStep:
        key = id(intro)
        if key not in steps_cache:
            org = _current_org(store, intro.introduced_to_id, targets, orgs)
            steps_cache[key] = ChainStep(intro, person(intro.introducer_id),
                                         person(intro.introduced_to_id), org,
                                         org is not None and org.id in targets)
        return steps_cache[key]

    chains: list[Chain] = []
    covered: set[int] = set()
    reported: set[frozenset[str]] = set()

    def follow(path: list[Introduction], seen: list[str]) -> None:
        last = path[-1].introduced_to_id
        nexts = onward.get(last, []) if through[last] is path[-1] else []
        if not nexts:
            chains.append(Chain(tuple(step(i) for i in path)))
            return
        for intro in nexts:
            covered.add(id(intro))
            if intro.introduced_to_id in seen:
                loop = seen[seen.index(intro.introduced_to_id):] + [intro.introduced_to_id]
                who = [person(p).name for p in loop]
                cut = (f"cycle: {who[0]} introduced you to "
                       + ", who introduced you to ".join(who[1:])
                       + f"; the chain stops at {who[-1]}")
                if frozenset(loop) not in reported:
                    reported.add(frozenset(loop))
                    problems.append(f"introductions.csv: {cut} (check the ids)")
                chains.append(Chain(tuple(step(i) for i in [*path, intro]), cut))
                continue
            follow([*path, intro], [*seen, intro.introduced_to_id])

    starts = [i for i in sorted(usable, key=order) if i.introducer_id not in introduced]
    for intro in starts:
        covered.add(id(intro))
        follow([intro], [intro.introducer_id, intro.introduced_to_id])
    # Introductions no start leads to lie on cycles with no way in: start at the earliest.
    for intro in sorted(usable, key=order):
        if id(intro) not in covered:
            covered.add(id(intro))
            follow([intro], [intro.introducer_id, intro.introduced_to_id])
    chains.sort(key=lambda c: [order(s.introduction) for s in c.steps])

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for intro in [*usable, *(i for i in log if i.person_id != me.id)]:
        if intro.introducer_id == intro.introduced_to_id:
            continue
        record = counts[intro.introducer_id]
        record[0] += 1
        record[1] += intro.status == "met"
        record[2] += intro.status == "requested"
        org = _current_org(store, intro.introduced_to_id, targets, orgs)
        record[3] += org is not None and org.id in targets
    connectors = sorted((Connector(person(p), *c) for p, c in counts.items()),
                        key=lambda c: (-c.met, -c.introductions, -c.to_targets, c.person.id))

    follow_ups = _follow_ups(usable, as_of, days, person)
    return ReferralsResult(me, as_of.isoformat(), days, len(mine), tuple(chains),
                           tuple(connectors), tuple(follow_ups), tuple(problems), others)


def _follow_ups(usable: list[Introduction], as_of: date, days: int,
                person) -> list[FollowUp]:  # type: ignore[no-untyped-def]
    met_through = {i.introduced_to_id: i for i in usable if i.status == "met"}
    first_intro_by: dict[str, Introduction] = {}
    for i in sorted(usable, key=lambda i: i.date or date.min):
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
        elif intro.status == "requested":
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
    tie with ``ask`` when I already know them (stage, last contact, notes); ``opener`` is what
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
    as_of_date: str
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
    if tie.notes and tie.source != "inferred":
        lines.append(tie.notes)
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
    GraphkitError
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
        raise GraphkitError(f"the number of routes must be at least 1, not {routes}")
    check_max_hops(max_hops)
    found = path_to(store, organization, max_hops)
    me = found.me.id
    orgs = {o.id: o for o in store.organizations()}
    logged = {(i.introducer_id, i.introduced_to_id): i for i in store.introductions()
              if i.person_id == me}
    planned = []
    for group in found.by_first_contact()[:routes]:
        path = group.paths[0]
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
                role = f"{title} at {found.organization.name}" if title else \
                    found.organization.name
            else:
                role = _role(store, nxt, orgs)
            asks.append(Ask(k, asker, nxt, role,
                            _relationship(store, me, asker.id) if k == 1 else (),
                            _opener(store, me, asker.id, orgs, introduced_by),
                            step.evidence if step else (), bool(step and step.inferred), note))
        planned.append(PlanRoute(path, tuple(asks)))
    staff = {j.person_id for j in store.employment_at(found.organization.id) if j.current}
    is_target = found.organization.id in resolve_targets(store).ids
    under_way = tuple(ChainStep(i, store.person(i.introducer_id),
                                store.person(i.introduced_to_id), found.organization,
                                is_target)
                      for i in store.introductions()
                      if i.person_id == me and i.introduced_to_id in staff)
    return ReferralPlan(found.organization, found.as_of_date, max_hops, found.employees,
                        tuple(planned), found.suggestions, under_way)
