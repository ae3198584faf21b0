"""The tie between me and someone: logging an interaction, moving the relationship's
stage, and the strength the tie has after the change.

Notes given to :func:`log_interaction` go into the tie's ``notes`` column: they stay in the
user's own files and are never printed by shared outputs (reports, anonymized exports, JSON).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.model import STAGE_LABELS, STAGES, Network, Person, Tie
from graphkit.strength import StrengthModel

#: The kinds of interaction ``log`` records.
KINDS = ("call", "coffee", "message", "meeting", "email")


def _tie_index(network: Network, a: str, b: str) -> int | None:
    key = (a, b) if a <= b else (b, a)
    for i, tie in enumerate(network.ties):
        if tie.key == key:
            return i
    return None


def tie_strength(network: Network, tie: Tie, as_of: date) -> float:
    """The strength the model (as configured in graphkit.toml) gives ``tie`` on ``as_of``."""
    groups: dict[str, set[str]] = {}
    for m in network.memberships:
        if m.person_id in (tie.person_a, tie.person_b):
            groups.setdefault(m.person_id, set()).add(m.group)
    shared = tuple(sorted(groups.get(tie.person_a, set()) & groups.get(tie.person_b, set())))
    model = StrengthModel.from_settings(network.settings.get("strength"))
    return model.score(tie, as_of, shared).strength


def _check_date(when: date, as_of: date, parameter: str = "date") -> None:
    if when > as_of:
        raise InvalidArgument(parameter, when.isoformat(),
                              f"on or before {as_of.isoformat()} (the as-of date)")


def _not_me(network: Network, person: Person, what: str) -> None:
    if person.id == network.me:
        raise GraphkitError(f"{person.name} ({person.id}) is you; {what} someone else")


@dataclass(frozen=True)
class Logged:
    """What :func:`log_interaction` did."""

    person: Person
    kind: str
    when: date
    interactions: int
    last_contact: date
    created: bool
    before: float | None
    after: float

    @property
    def message(self) -> str:
        new = " (a new tie: you have met now)" if self.created else ""
        was = f"{self.before:.3f} -> " if self.before is not None else ""
        return (f"logged a {self.kind} with {self.person.name} on {self.when.isoformat()}"
                f"{new}: {self.interactions} interaction{'s' * (self.interactions != 1)}, "
                f"last contact {self.last_contact.isoformat()}; strength {was}{self.after:.3f}")


def log_interaction(network: Network, person: Person, when: date, kind: str = "message",
                    note: str = "", as_of: date | None = None) -> Logged:
    """Record an interaction with ``person`` on ``when``.

    The tie's interactions go up by one and its last contact moves to ``when`` (if later);
    ``note`` is appended to the tie's private notes as ``"YYYY-MM-DD kind: note"``. With no
    tie yet, one is created (source ``manual``, stage ``initiated``): you have met now.

    Raises
    ------
    InvalidArgument
        for an unknown ``kind`` or a date after ``as_of``.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "ann": Person("ann", "Ann")})
    >>> done = log_interaction(net, net.people["ann"], date(2026, 3, 1), "coffee", "CFO tips")
    >>> done.created, net.ties[0].interactions, net.ties[0].notes
    (True, 1, '2026-03-01 coffee: CFO tips')
    """
    if kind not in KINDS:
        raise InvalidArgument("kind", kind, "one of " + ", ".join(KINDS))
    as_of = as_of or when
    _check_date(when, as_of)
    _not_me(network, person, "log an interaction with")
    entry = f"{when.isoformat()} {kind}" + (f": {note.strip()}" if note.strip() else "")
    index = _tie_index(network, network.me, person.id)
    if index is None:
        tie = Tie(network.me, person.id, stage="initiated", last_contact=when, interactions=1,
                  source="manual", notes=entry)
        network.ties.append(tie)
        return Logged(person, kind, when, 1, when, True, None,
                      tie_strength(network, tie, as_of))
    old = network.ties[index]
    last = max(old.last_contact, when) if old.last_contact else when
    tie = replace(old, interactions=old.interactions + 1, last_contact=last,
                  notes=f"{old.notes} | {entry}" if old.notes else entry)
    network.ties[index] = tie
    return Logged(person, kind, when, tie.interactions, last, False,
                  tie_strength(network, old, as_of), tie_strength(network, tie, as_of))


@dataclass(frozen=True)
class Staged:
    """What :func:`set_stage` did: the stage and strength before and after."""

    person: Person
    old_stage: str
    new_stage: str
    before: float | None
    after: float

    @property
    def message(self) -> str:
        old = STAGE_LABELS.get(self.old_stage or "acquaintance", self.old_stage)
        new = STAGE_LABELS[self.new_stage]
        if self.before is None:
            return (f"{self.person.name}: new tie, {new}; strength {self.after:.3f}")
        return (f"{self.person.name}: {old} -> {new}; strength {self.before:.3f} -> "
                f"{self.after:.3f}")


def set_stage(network: Network, person: Person, stage: str, as_of: date) -> Staged:
    """Move my relationship with ``person`` to ``stage`` (a tie is created if there is none).

    Raises
    ------
    InvalidArgument
        for a stage that is not one of :data:`~graphkit.model.STAGES`.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "ann": Person("ann", "Ann")},
    ...               ties=[Tie("me", "ann", stage="initiated")])
    >>> done = set_stage(net, net.people["ann"], "advice", date(2026, 1, 1))
    >>> done.message
    'Ann: conversation initiated -> advice obtained; strength 0.225 -> 0.325'
    """
    if stage not in STAGES:
        raise InvalidArgument("stage", stage, "one of " + ", ".join(STAGES))
    _not_me(network, person, "set the stage of")
    index = _tie_index(network, network.me, person.id)
    if index is None:
        tie = Tie(network.me, person.id, stage=stage, source="manual")
        network.ties.append(tie)
        return Staged(person, "", stage, None, tie_strength(network, tie, as_of))
    old = network.ties[index]
    network.ties[index] = replace(old, stage=stage)
    return Staged(person, old.stage, stage, tie_strength(network, old, as_of),
                  tie_strength(network, network.ties[index], as_of))


def refuse_future(when: date, as_of: date) -> date:
    """``when`` if it is not after ``as_of``; else InvalidArgument("date")."""
    _check_date(when, as_of)
    return when
