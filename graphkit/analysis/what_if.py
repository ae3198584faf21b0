"""``what_if``: which targets open, or get a better path, if one tie of mine became strong.

A change of one tie of mine (to ``c``) changes only the paths that start with it: my best path
to someone at a target becomes the better of the path I have and ``strength(me, c)`` times
c's best path to them within ``max_hops - 1`` ties. So a scenario costs one hop-limited
search from ``c``, not a new graph, and every contact of mine can be tried in turn
(:func:`rank_reconnections`).

A target *opens* when it had no usable path (none, or a best score under ``usable``) and gets
one; it gets *better* when its best score rises by at least ``threshold``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from graphkit.analysis.targets import resolve_targets
from graphkit.model import STAGES, Organization, Person, Tie
from graphkit.store.base import GraphStore, check_max_hops
from graphkit.strength import StrengthModel

#: A path whose score is under this is not one to ask along.
USABLE = 0.1
#: The smallest rise of a best score that counts as a better path (as in the weekly report).
THRESHOLD = 0.05
#: Reconnecting means a conversation today that gets at least this far.
RECONNECT_STAGE = "advice"


@dataclass(frozen=True)
class Scenario:
    """One tie of mine changed: to ``contact`` (None: a person not in the network, ``name``),
    with ``strength`` after the change (``before``: the strength now, None for no tie);
    ``works_at``: a current job the scenario adds (``meet --org``)."""

    name: str
    contact: Person | None
    strength: float
    before: float | None
    works_at: Organization | None
    description: str


@dataclass(frozen=True)
class TargetOutlook:
    """One organization before and after a scenario: best score and whom to ask first."""

    organization: Organization
    priority: int | None
    before: float | None
    after: float | None
    ask_before: str
    ask_after: str
    listed: bool = True

    def opened(self, usable: float = USABLE) -> bool:
        """No usable path before, one after."""
        return (self.before is None or self.before < usable) and (
            self.after is not None and self.after >= usable)

    def better(self, usable: float = USABLE, threshold: float = THRESHOLD) -> bool:
        """Not opened, but the best score rises by at least ``threshold``."""
        return (not self.opened(usable) and self.after is not None
                and self.after - (self.before or 0.0) >= threshold - 1e-12)

    @property
    def gain(self) -> float:
        return (self.after or 0.0) - (self.before or 0.0)


@dataclass(frozen=True)
class WhatIf:
    """A scenario and every target's outlook before and after it."""

    scenario: Scenario
    as_of_date: str
    max_hops: int
    usable: float
    threshold: float
    targets: tuple[TargetOutlook, ...]

    @property
    def opened(self) -> tuple[TargetOutlook, ...]:
        return tuple(t for t in self.targets if t.opened(self.usable))

    @property
    def better(self) -> tuple[TargetOutlook, ...]:
        return tuple(t for t in self.targets if t.better(self.usable, self.threshold))


@dataclass(frozen=True)
class Reconnection:
    """What reconnecting with one contact would do, for :func:`rank_reconnections`."""

    contact: Person
    before: float
    after: float
    last_contact: date | None
    stage: str
    opened: tuple[TargetOutlook, ...]
    better: tuple[TargetOutlook, ...]


@dataclass
class _Base:
    """The target list resolved, its staff, and my best path to each of them now."""

    orgs: list[tuple[Organization, int | None, bool]]
    jobs: dict[str, list[str]]
    best: dict[str, tuple[float, str]]  # person id -> (score, first contact id)


def _base(store: GraphStore, max_hops: int, extra: Organization | None = None) -> _Base:
    me = store.me().id
    listed = resolve_targets(store).listed
    orgs = [(t.organization, t.priority, True) for t in listed]
    if extra is not None and extra.id not in {o.id for o, _, _ in orgs}:
        orgs.append((extra, None, False))
    jobs = {org.id: sorted({j.person_id for j in store.employment_at(org.id)
                            if j.current and j.person_id != me}) for org, _, _ in orgs}
    everyone = sorted({p for people in jobs.values() for p in people})
    found = store.best_paths(me, everyone, max_hops) if everyone else {}
    return _Base(orgs, jobs, {p: (b.score, b.people[1]) for p, b in found.items()})


def _outlooks(store: GraphStore, base: _Base, scenario: Scenario,
              max_hops: int) -> tuple[TargetOutlook, ...]:
    """Every organization of ``base`` before and after ``scenario``."""
    me = store.me().id
    onward: dict[str, float] = {}
    contact = scenario.contact
    everyone = sorted({p for people in base.jobs.values() for p in people})
    if contact is not None and max_hops > 1:
        found = store.best_paths(contact.id, everyone, max_hops - 1)
        onward = {p: b.score for p, b in found.items() if me not in b.people}
    out = []
    for org, priority, listed in base.orgs:
        staff = list(base.jobs[org.id])
        if contact is not None and contact.id in staff:
            onward_here = {**onward, contact.id: 1.0}
        else:
            onward_here = dict(onward)
        if scenario.works_at is not None and scenario.works_at.id == org.id:
            key = contact.id if contact is not None else "\0new"
            staff.append(key)
            onward_here[key] = 1.0
        before, ask_before = None, ""
        after, ask_after = None, ""
        for person in staff:
            if person in base.best:
                score, first = base.best[person]
                if before is None or score > before:
                    before, ask_before = score, first
            candidates = []
            if person in base.best:
                candidates.append(base.best[person])
            if person in onward_here:
                candidates.append((scenario.strength * onward_here[person],
                                   contact.id if contact is not None else "\0new"))
            for score, first in candidates:
                if after is None or score > after + 1e-12:
                    after, ask_after = score, first
        out.append(TargetOutlook(org, priority, before, after, _name(store, ask_before, scenario),
                                 _name(store, ask_after, scenario), listed))
    return tuple(out)


def _name(store: GraphStore, person_id: str, scenario: Scenario) -> str:
    if not person_id:
        return ""
    if person_id == "\0new":
        return scenario.name
    return store.person(person_id).name


def what_if(store: GraphStore, scenario: Scenario, max_hops: int = 2, usable: float = USABLE,
            threshold: float = THRESHOLD) -> WhatIf:
    """Every target (and the organization the scenario adds a job at) before and after
    ``scenario``. Cost: two hop-limited searches (from me, and from the contact).

    Examples
    --------
    >>> from graphkit.model import Network, Employment, Target
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme")], [Tie("me", "ann", 0.1), Tie("ann", "bo", 0.5)],
    ...               targets=[Target("acme", 1)])
    >>> store = MemoryStore(net, date(2026, 1, 1))
    >>> ann = store.person("ann")
    >>> result = what_if(store, Scenario("Ann", ann, 0.8, 0.1, None, "reconnect with Ann"))
    >>> [(t.organization.name, t.before, t.after) for t in result.opened]
    [('Acme Corp', 0.05, 0.4)]
    """
    check_max_hops(max_hops)
    base = _base(store, max_hops, scenario.works_at)
    return WhatIf(scenario, store.as_of.isoformat(), max_hops, usable, threshold,
                  _outlooks(store, base, scenario, max_hops))


def reconnected(tie: Tie, as_of: date) -> Tie:
    """The tie after a conversation on ``as_of`` that reached at least the advice stage (a
    strength set by hand no longer holds: the model scores the renewed tie)."""
    stage = tie.stage if tie.stage and STAGES.index(tie.stage) >= STAGES.index(
        RECONNECT_STAGE) else RECONNECT_STAGE
    return replace(tie, strength=None, stage=stage, last_contact=as_of,
                   interactions=tie.interactions + 1)


def reconnect_scenario(store: GraphStore, contact: Person, model: StrengthModel) -> Scenario:
    """The scenario "I reconnect with ``contact`` today" (see :func:`reconnected`).

    Raises
    ------
    KeyError
        when I have no tie with ``contact``.
    """
    me = store.me().id
    view = store.tie(me, contact.id)
    shared = tuple(g for g in store.groups_of(me) if g in set(store.groups_of(contact.id)))
    after = model.score(reconnected(view.tie, store.as_of), store.as_of, shared).strength
    return Scenario(contact.name, contact, max(after, view.strength), view.strength, None,
                    f"you reconnect with {contact.name} (a conversation on "
                    f"{store.as_of.isoformat()}, {RECONNECT_STAGE} stage or beyond)")


def rank_reconnections(store: GraphStore, model: StrengthModel, max_hops: int = 2,
                       limit: int = 10, usable: float = USABLE, threshold: float = THRESHOLD,
                       only: set[str] | None = None) -> tuple[Reconnection, ...]:
    """Every contact of mine (or those in ``only``) ranked by what reconnecting with them
    would do: targets opened, then targets with a better path, then the total gain.

    Contacts whose reconnection changes nothing are left out. Cost: one hop-limited search
    from each contact.
    """
    check_max_hops(max_hops)
    me = store.me().id
    base = _base(store, max_hops)
    found = []
    for contact_id in store.neighbors(me):
        if only is not None and contact_id not in only:
            continue
        contact = store.person(contact_id)
        scenario = reconnect_scenario(store, contact, model)
        if scenario.before is not None and scenario.strength <= scenario.before:
            continue
        outlook = _outlooks(store, base, scenario, max_hops)
        opened = tuple(t for t in outlook if t.opened(usable))
        better = tuple(t for t in outlook if t.better(usable, threshold))
        if opened or better:
            tie = store.tie(me, contact_id).tie
            found.append(Reconnection(contact, scenario.before or 0.0, scenario.strength,
                                      tie.last_contact, tie.stage, opened, better))
    found.sort(key=lambda r: (-len(r.opened), -len(r.better),
                              -sum(t.gain for t in (*r.opened, *r.better)), r.contact.name,
                              r.contact.id))
    return tuple(found[:limit])
