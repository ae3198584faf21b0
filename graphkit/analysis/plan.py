"""``weekly_plan``: what to do this week, as one ordered list with a reason on every line.

In this order: the follow-ups due (an introduction asked for or made, with the next step in
my hands); the best ask for each top-priority target not yet worked; dormant strong ties worth
reviving because they would open a target or give it a better path; the targets with no door
yet, with what could open one; then the best asks for the other targets. The list is capped.

A target counts as *worked* when its status in targets.csv says so (anything but empty,
``researching``, ``new`` or ``idea``), when an introduction of mine to someone working there is
in the log, or when I was in touch with the person to ask first in the last ``days`` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from graphkit.analysis.paths import RankedPath
from graphkit.analysis.reach import TargetReach, reach
from graphkit.analysis.referrals import FOLLOW_UP_DAYS, FollowUp, referral_chains
from graphkit.analysis.what_if import rank_reconnections
from graphkit.errors import InvalidArgument, UnknownOrganization
from graphkit.model import STAGE_LABELS, Organization, Person
from graphkit.store.base import GraphStore, check_max_hops
from graphkit.strength import StrengthModel, ago

#: Target statuses that mean "not worked yet".
NOT_WORKED = ("", "researching", "new", "idea")
#: A tie is dormant after this many days without contact.
DORMANT_DAYS = 180
#: A tie is strong (worth reviving) at these stages, or with this many interactions.
STRONG_STAGES = ("advice", "referral")
STRONG_INTERACTIONS = 5
#: The default length of the plan.
LIMIT = 10


@dataclass(frozen=True)
class PlanItem:
    """One line of the plan: what to do, why, and the graphkit command that helps do it.

    ``kind``: ``follow-up``, ``ask``, ``revive`` or ``open-door``.
    """

    kind: str
    action: str
    reason: str
    person: Person | None
    organization: Organization | None
    command: str


@dataclass(frozen=True)
class WeeklyPlan:
    """The plan, best first; ``more`` items were left out by the limit."""

    me: Person
    as_of_date: str
    limit: int
    items: tuple[PlanItem, ...]
    more: int
    worked: tuple[Organization, ...] = ()


def _q(text: str) -> str:
    return '"' + text.replace('"', "'") + '"'


def _follow_up_item(f: FollowUp) -> PlanItem:
    days = f"{f.days} days" if f.days is not None else "an unknown time"
    status = f.introduction.status or "made"
    if f.kind == "ask-again":
        return PlanItem("follow-up", f.action[0].upper() + f.action[1:],
                        f"introduction {status} {days} ago and not made yet: the next step "
                        "is yours", f.introducer, None,
                        f"graphkit ask {_q(f.introducer.name)} --to {_q(f.introduced_to.name)}")
    return PlanItem("follow-up", f.action[0].upper() + f.action[1:],
                    f"introduced {days} ago, no meeting recorded: the next step is yours",
                    f.introduced_to, None, f"graphkit ask {_q(f.introduced_to.name)}")


def _ask_item(t: TargetReach, path: RankedPath) -> PlanItem:
    org = t.organization.name
    pri = f", priority {t.priority}" if t.priority is not None else ""
    title = path.job.title
    role = f"{path.person.name}, {title} at {org}" if title else f"{path.person.name} at {org}"
    why = "; ".join(path.steps[0].evidence) or "connected"
    if path.hops == 1:
        where = f"{title} at {org}" if title else org
        return PlanItem("ask", f"Talk to {path.person.name} ({where}) about working there",
                        f"{org}{pri}: you know someone there ({why}); score {path.score:.3f}",
                        path.person, t.organization,
                        f"graphkit ask {_q(path.person.name)} --for {_q(org)}")
    first = path.first_contact.name
    via = "--to " + _q(path.person.name) if path.hops == 2 else "--for " + _q(org)
    doors = len(t.doors)
    return PlanItem("ask", f"Ask {first} for an introduction to {role}",
                    f"{org}{pri}: best path, score {path.score:.3f}, {path.hops} hops; "
                    f"{first}: {why}; {doors} door{'s' if doors != 1 else ''} in",
                    path.first_contact, t.organization, f"graphkit ask {_q(first)} {via}")


def _open_door_item(t: TargetReach) -> PlanItem:
    org = t.organization.name
    there = (f"{t.employees} {'person' if t.employees == 1 else 'people'} there, none in reach"
             if t.employees else "nobody there yet")
    lead = t.suggestions[0].text if t.suggestions else "no lead yet"
    return PlanItem("open-door", f"Find a door into {org}", f"{there}; lead: {lead}", None,
                    t.organization, f"graphkit path-to {_q(org)}")


def _worked(store: GraphStore, targets: tuple[TargetReach, ...], days: int) -> set[str]:
    """The ids of target organizations already being worked (see the module docstring)."""
    me = store.me().id
    worked: set[str] = set()
    for target in store.targets():
        if target.status.strip().lower() not in NOT_WORKED:
            try:
                worked.add(store.organization(target.organization).id)
            except UnknownOrganization:
                continue
    mine = {i.introduced_to_id for i in store.introductions()
            if i.person_id == me and i.status != "declined"}
    for t in targets:
        staff = {j.person_id for j in store.employment_at(t.organization.id) if j.current}
        if staff & mine:
            worked.add(t.organization.id)
        contact = t.best_contact
        if contact is not None:
            last = store.tie(me, contact.id).tie.last_contact
            if last is not None and 0 <= (store.as_of - last).days < days:
                worked.add(t.organization.id)
    return worked


def _dormant_strong(store: GraphStore, dormant_days: int) -> set[str]:
    me = store.me().id
    out = set()
    for other in store.neighbors(me):
        tie = store.tie(me, other).tie
        strong = tie.stage in STRONG_STAGES or tie.interactions >= STRONG_INTERACTIONS
        dormant = tie.last_contact is None or (store.as_of - tie.last_contact).days > dormant_days
        if strong and dormant and tie.source != "inferred":
            out.add(other)
    return out


def _revive_item(store: GraphStore, contact: Person, stage: str, last: date | None,
                 opened: list[str], better: list[str]) -> PlanItem:
    label = STAGE_LABELS.get(stage or "acquaintance", stage)
    when = f"last contact {ago(last, store.as_of)}" if last else "no contact recorded"
    gains = []
    if opened:
        gains.append("opens " + ", ".join(opened))
    if better:
        gains.append("a better path to " + ", ".join(better))
    return PlanItem("revive", f"Reconnect with {contact.name} ({label}, {when})",
                    "; ".join(gains), contact, None,
                    f"graphkit what-if reconnect {_q(contact.name)}")


def weekly_plan(store: GraphStore, model: StrengthModel | None = None, limit: int = LIMIT,
                days: int = FOLLOW_UP_DAYS, max_hops: int = 2,
                dormant_days: int = DORMANT_DAYS) -> WeeklyPlan:
    """The week's plan (see the module docstring), at most ``limit`` items.

    Cost: one :func:`~graphkit.analysis.reach.reach`, one pass over the introductions log and
    one hop-limited search from each dormant strong tie.

    Parameters
    ----------
    store : the network.
    model : the strength model, for what reviving a tie would do (default: the default model).
    limit : how many items at most.
    days : follow up on introductions open this long; a target whose first contact I talked to
        this recently is being worked.
    max_hops : how long a path may be.
    dormant_days : a tie with no contact for longer is dormant.

    Raises
    ------
    InvalidArgument
        for a ``limit`` below 1 or negative ``days``.

    Examples
    --------
    >>> from graphkit.model import Network, Employment, Organization, Target, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp"),
    ...                "init": Organization("init", "Initech")},
    ...               [Employment("bo", "acme", "CFO")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)],
    ...               targets=[Target("Acme Corp", 1), Target("Initech", 2)])
    >>> plan = weekly_plan(MemoryStore(net, date(2026, 1, 1)))
    >>> [item.action for item in plan.items]
    ['Ask Ann for an introduction to Bo, CFO at Acme Corp', 'Find a door into Initech']
    """
    if limit < 1:
        raise InvalidArgument("limit", limit, "at least 1")
    if days < 0:
        raise InvalidArgument("days", days, "0 or more")
    check_max_hops(max_hops)
    model = model or StrengthModel()
    result = reach(store, max_hops)
    follow_ups = [_follow_up_item(f) for f in referral_chains(store, days).due]
    worked = _worked(store, result.targets, days)
    priorities = [t.priority for t in result.targets if t.priority is not None]
    top = min(priorities) if priorities else None
    top_asks: list[PlanItem] = []
    other_asks: list[PlanItem] = []
    doors: list[PlanItem] = []
    for t in result.targets:
        if t.best_path is None:
            doors.append(_open_door_item(t))
        elif t.organization.id not in worked:
            item = _ask_item(t, t.best_path)
            (top_asks if top is None or t.priority == top else other_asks).append(item)
    revive = []
    dormant = _dormant_strong(store, dormant_days)
    if dormant:
        for r in rank_reconnections(store, model, max_hops, limit, only=dormant):
            revive.append(_revive_item(store, r.contact, r.stage, r.last_contact,
                                       [t.organization.name for t in r.opened],
                                       [t.organization.name for t in r.better]))
    items = [*follow_ups, *top_asks, *revive, *doors, *other_asks]
    worked_orgs = tuple(t.organization for t in result.targets if t.organization.id in worked)
    return WeeklyPlan(store.me(), store.as_of.isoformat(), limit, tuple(items[:limit]),
                      max(len(items) - limit, 0), worked_orgs)
