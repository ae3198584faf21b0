"""What changed between two snapshots, and the report built from them.

What counts as a change (so that a quiet week reads as quiet): a target becoming reachable or
unreachable, a best path with fewer or more hops, a different person to ask first or a
different number of people to ask, people joining or leaving a target, targets added to or
removed from the list, and best-path score changes of at least :data:`SCORE_THRESHOLD`.
Smaller score changes (recency decaying week by week) are not reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from graphkit.errors import InvalidArgument
from graphkit.report.snapshot import PersonStanding, Ref, Snapshot, TargetStanding

#: Best-path score changes smaller than this are drift, not news.
SCORE_THRESHOLD = 0.05


@dataclass(frozen=True)
class Shift:
    """A target reachable before and after whose reach changed in a way worth reporting."""

    before: TargetStanding
    after: TargetStanding
    direction: str  # "better" | "weaker" | "different"
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Staffing:
    """People who joined or left a target since the baseline."""

    target: TargetStanding
    joined: tuple[PersonStanding, ...] = ()
    left: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What changed between two snapshots; each list sorted by organization name."""

    newly_reachable: tuple[TargetStanding, ...] = ()
    lost: tuple[tuple[TargetStanding, TargetStanding], ...] = ()
    shifts: tuple[Shift, ...] = ()
    staffing: tuple[Staffing, ...] = ()
    added_targets: tuple[TargetStanding, ...] = ()
    removed_targets: tuple[TargetStanding, ...] = ()

    @property
    def any(self) -> bool:
        return any((self.newly_reachable, self.lost, self.shifts, self.staffing,
                    self.added_targets, self.removed_targets))

    def count(self) -> int:
        return (len(self.newly_reachable) + len(self.lost) + len(self.shifts)
                + len(self.staffing) + len(self.added_targets) + len(self.removed_targets))


def plural(n: int, word: str, many: str | None = None) -> str:
    """``n`` and the word, plural unless ``n`` is 1.

    >>> plural(1, "hop"), plural(2, "person", "people")
    ('1 hop', '2 people')
    """
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _shift(before: TargetStanding, after: TargetStanding, threshold: float) -> Shift | None:
    reasons = []
    hops_b, hops_a = before.hops or 0, after.hops or 0
    delta = after.score - before.score
    big = abs(delta) >= threshold - 1e-12
    if hops_a != hops_b:
        reasons.append(f"{plural(hops_b, 'hop')} → {plural(hops_a, 'hop')}")
    if big:
        reasons.append(f"best score {before.score:.3f} → {after.score:.3f}")
    ask_b, ask_a = before.contacts(), after.contacts()
    if ask_b[0].id != ask_a[0].id:
        reasons.append(f"ask {ask_a[0].name} first (was {ask_b[0].name})")
    if len(ask_a) != len(ask_b):
        reasons.append(f"{plural(len(ask_a), 'person', 'people')} to ask (was {len(ask_b)})")
    if not reasons:
        return None
    if hops_a != hops_b:
        direction = "better" if hops_a < hops_b else "weaker"
    elif big:
        direction = "better" if delta > 0 else "weaker"
    else:
        direction = "different"
    return Shift(before, after, direction, tuple(reasons))


def compare(before: Snapshot, after: Snapshot, threshold: float = SCORE_THRESHOLD) -> Changes:
    """What changed from ``before`` to ``after`` (see the module docstring for what counts).

    Examples
    --------
    >>> from datetime import date
    >>> me, acme, bo = Ref("me", "Me"), Ref("acme", "Acme"), Ref("bo", "Bo")
    >>> old = Snapshot(date(2026, 1, 1), me, 2, (TargetStanding(acme, (PersonStanding(bo),)),))
    >>> new = Snapshot(date(2026, 1, 8), me, 2,
    ...                (TargetStanding(acme, (PersonStanding(bo, (me, bo), 0.5),)),))
    >>> [t.organization.name for t in compare(old, new).newly_reachable]
    ['Acme']
    """
    if threshold < 0:
        raise InvalidArgument("threshold", threshold, "0 or more")
    newly, lost, shifts, staffing, added, removed = [], [], [], [], [], []
    new_ids = {t.organization.id for t in after.targets}
    for t in before.targets:
        if t.organization.id not in new_ids:
            removed.append(t)
    for a in after.targets:
        b = before.target(a.organization.id)
        if b is None:
            added.append(a)
            continue
        if a.reachable and not b.reachable:
            newly.append(a)
        elif b.reachable and not a.reachable:
            lost.append((b, a))
        elif a.reachable and b.reachable:
            shift = _shift(b, a, threshold)
            if shift:
                shifts.append(shift)
        was = {p.person.id for p in b.people}
        now = {p.person.id for p in a.people}
        joined = tuple(p for p in a.people if p.person.id not in was)
        left = tuple(p.person for p in b.people if p.person.id not in now)
        if joined or left:
            staffing.append(Staffing(a, joined, left))

    def by_name(t: TargetStanding) -> tuple[str, str]:
        return (t.organization.name.casefold(), t.organization.id)

    return Changes(tuple(sorted(newly, key=by_name)),
                   tuple(sorted(lost, key=lambda pair: by_name(pair[1]))),
                   tuple(sorted(shifts, key=lambda s: by_name(s.after))),
                   tuple(sorted(staffing, key=lambda s: by_name(s.target))),
                   tuple(sorted(added, key=by_name)), tuple(sorted(removed, key=by_name)))


# --- the report --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    """Everything a report says: the current snapshot, the baseline (None on a first run), the
    changes, follow-ups due (from the referrals analysis) and notes."""

    current: Snapshot
    baseline: Snapshot | None
    changes: Changes
    threshold: float = SCORE_THRESHOLD
    follow_ups: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def has_news(self) -> bool:
        """True when something changed since the baseline (the CLI exits 3)."""
        return self.changes.any


def build_report(current: Snapshot, baseline: Snapshot | None,
                 threshold: float = SCORE_THRESHOLD, follow_ups: tuple[str, ...] = (),
                 notes: Sequence[str] = ()) -> Report:
    """Compare ``current`` with ``baseline`` (if any) into a :class:`Report`.

    >>> from datetime import date
    >>> snap = Snapshot(date(2026, 1, 1), Ref("me", "Me"), 2, ())
    >>> build_report(snap, None).has_news
    False
    """
    changes = compare(baseline, current, threshold) if baseline else Changes()
    all_notes = list(notes)
    if baseline and baseline.max_hops != current.max_hops:
        all_notes.append(f"the baseline used paths of at most {baseline.max_hops} hops and this "
                         f"report {current.max_hops}; some changes come from that")
    return Report(current, baseline, changes, threshold, follow_ups, tuple(all_notes))
