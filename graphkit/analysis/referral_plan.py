"""``referrals --plan``: the best paths to an organization turned into an ordered list of asks:
whom to ask, for an introduction to whom, and what you share to open with."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graphkit.analysis.paths import RankedPath, Suggestion, path_to
from graphkit.analysis.referrals import ChainStep, KnownPeople, logged_on
from graphkit.analysis.targets import resolve_targets
from graphkit.errors import InvalidArgument
from graphkit.model import STAGE_LABELS, Introduction, Organization, Person
from graphkit.store.base import GraphStore, check_max_hops
from graphkit.strength import ago


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
            note = (f"{intro.status or 'logged'} on {logged_on(intro)}" if intro.status != "met"
                    else f"done: you met {nxt.name if nxt else ''} on {logged_on(intro)}")
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
    people = KnownPeople(store)
    return tuple(ChainStep(i, people(i.introducer_id), people(i.introduced_to_id),
                           organization, is_target)
                 for i in mine if i.introduced_to_id in staff)
