"""The weekly report: where I stand with each target, and what changed since the last snapshot.

A :class:`Snapshot` records, per target organization, who works there, who of them I can reach
and how, and whom I would ask first. :func:`compare` turns two snapshots into
:class:`Changes`; :func:`render_markdown`, :func:`render_html` and :func:`report_json` write
them for people and scripts. Snapshots are stored by :mod:`graphkit.snapshots`.

What counts as a change (so that a quiet week reads as quiet): a target becoming reachable or
unreachable, a best path with fewer or more hops, a different person to ask first or a
different number of people to ask, people joining or leaving a target, targets added to or
removed from the list, and best-path score changes of at least :data:`SCORE_THRESHOLD`.
Smaller score changes (recency decaying week by week) are not reported.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from graphkit.analysis.targets import resolve_targets
from graphkit.errors import GraphkitError
from graphkit.io.text import atomic_write
from graphkit.store.base import GraphStore, check_max_hops

#: Best-path score changes smaller than this are drift, not news.
SCORE_THRESHOLD = 0.05
SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class Ref:
    """A person or organization as a report names them."""

    id: str
    name: str


@dataclass(frozen=True)
class PersonReach:
    """Someone working at a target, and my best path to them (``path`` empty: out of reach)."""

    person: Ref
    path: tuple[Ref, ...] = ()
    score: float = 0.0

    @property
    def reachable(self) -> bool:
        return bool(self.path)

    @property
    def hops(self) -> int | None:
        return len(self.path) - 1 if self.path else None

    @property
    def ask(self) -> Ref | None:
        """Whom I ask first (the person themself when I know them)."""
        return self.path[1] if self.path else None


@dataclass(frozen=True)
class TargetReach:
    """My reach into one target organization on the snapshot's date."""

    organization: Ref
    people: tuple[PersonReach, ...]

    def best(self) -> PersonReach | None:
        """The person with my best path (higher score, fewer hops, then id)."""
        reachable = [p for p in self.people if p.reachable]
        if not reachable:
            return None
        return min(reachable, key=lambda p: (-p.score, p.hops, tuple(r.id for r in p.path)))

    @property
    def reachable(self) -> bool:
        return self.best() is not None

    @property
    def hops(self) -> int | None:
        best = self.best()
        return best.hops if best else None

    @property
    def score(self) -> float:
        best = self.best()
        return best.score if best else 0.0

    def contacts(self) -> list[Ref]:
        """The distinct people I could ask first, best path first."""
        order = sorted((p for p in self.people if p.reachable),
                       key=lambda p: (-p.score, p.hops, tuple(r.id for r in p.path)))
        seen: dict[str, Ref] = {}
        for p in order:
            assert p.ask is not None
            seen.setdefault(p.ask.id, p.ask)
        return list(seen.values())


@dataclass(frozen=True)
class Snapshot:
    """Reach over the target list on ``as_of``, with paths of at most ``max_hops`` ties."""

    as_of: date
    me: Ref
    max_hops: int
    targets: tuple[TargetReach, ...]
    #: target-list entries that match no organization.
    unresolved: tuple[str, ...] = ()

    def target(self, org_id: str) -> TargetReach | None:
        return next((t for t in self.targets if t.organization.id == org_id), None)


def snapshot(store: GraphStore, targets: Sequence[str] | None = None,
             max_hops: int = 2) -> Snapshot:
    """Measure my reach into each target organization.

    This is the one place the report computes reach; it uses the store's hop-limited best paths
    (one search from me) and each organization's current employees.

    Parameters
    ----------
    store : the network.
    targets : organization names or ids; None means the network's target list.
    max_hops : longest path considered.

    Returns
    -------
    Snapshot, targets in the given order (each organization once).

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Employment, Network, Organization, Person, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")}, [Employment("bo", "acme")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> snap = snapshot(MemoryStore(net, date(2026, 1, 1)), ["Acme Corp"])
    >>> acme = snap.targets[0]
    >>> acme.reachable, acme.hops, acme.score, [c.name for c in acme.contacts()]
    (True, 2, 0.4, ['Ann'])
    """
    check_max_hops(max_hops)
    resolved = resolve_targets(store, targets)
    me = store.me()
    orgs = resolved.organizations
    unresolved = [u.target.organization for u in resolved.unmatched]
    staff = {org.id: sorted({j.person_id for j in store.employment_at(org.id) if j.current}
                            - {me.id}) for org in orgs}
    everyone = sorted({p for people in staff.values() for p in people})
    best = store.best_paths(me.id, everyone, max_hops) if everyone else {}
    ref: dict[str, Ref] = {}

    def person(pid: str) -> Ref:
        if pid not in ref:
            ref[pid] = Ref(pid, store.person(pid).name)
        return ref[pid]

    reach = []
    for org in orgs:
        people = []
        for pid in staff[org.id]:
            found = best.get(pid)
            people.append(PersonReach(person(pid), tuple(person(p) for p in found.people)
                                      if found else (), found.score if found else 0.0))
        reach.append(TargetReach(Ref(org.id, org.name), tuple(people)))
    return Snapshot(store.as_of, Ref(me.id, me.name), max_hops, tuple(reach), tuple(unresolved))


# --- snapshots as JSON -------------------------------------------------------------------------

def _ref(r: Ref) -> dict[str, str]:
    return {"id": r.id, "name": r.name}


def snapshot_json(snap: Snapshot) -> dict[str, Any]:
    """The stored form of a snapshot (``graphkit_snapshot`` is the format version)."""
    return {
        "graphkit_snapshot": SNAPSHOT_VERSION,
        "as_of": snap.as_of.isoformat(),
        "me": _ref(snap.me),
        "max_hops": snap.max_hops,
        "unresolved": list(snap.unresolved),
        "targets": [{"organization": _ref(t.organization),
                     "people": [{"person": _ref(p.person), "score": p.score,
                                 "path": [_ref(r) for r in p.path]} for p in t.people]}
                    for t in snap.targets],
    }


def snapshot_from_json(data: Any) -> Snapshot:
    """Read :func:`snapshot_json` output back.

    Raises
    ------
    ValueError
        when ``data`` is not a snapshot of a known version.
    """
    try:
        if data.get("graphkit_snapshot") != SNAPSHOT_VERSION:
            raise ValueError(f"unknown snapshot version {data.get('graphkit_snapshot')!r}")

        def ref(d: Any) -> Ref:
            return Ref(str(d["id"]), str(d["name"]))

        targets = tuple(
            TargetReach(ref(t["organization"]),
                        tuple(PersonReach(ref(p["person"]), tuple(ref(r) for r in p["path"]),
                                          float(p["score"])) for p in t["people"]))
            for t in data["targets"])
        return Snapshot(date.fromisoformat(data["as_of"]), ref(data["me"]),
                        int(data["max_hops"]), targets,
                        tuple(str(u) for u in data.get("unresolved", ())))
    except (AttributeError, KeyError, TypeError) as exc:
        raise ValueError(f"not a graphkit snapshot ({type(exc).__name__}: {exc})") from None


# --- comparing two snapshots ------------------------------------------------------------------

@dataclass(frozen=True)
class Shift:
    """A target reachable before and after whose reach changed in a way worth reporting."""

    before: TargetReach
    after: TargetReach
    direction: str  # "better" | "weaker" | "different"
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Staffing:
    """People who joined or left a target since the baseline."""

    target: TargetReach
    joined: tuple[PersonReach, ...] = ()
    left: tuple[Ref, ...] = ()


@dataclass(frozen=True)
class Changes:
    """What changed between two snapshots; each list sorted by organization name."""

    newly_reachable: tuple[TargetReach, ...] = ()
    lost: tuple[tuple[TargetReach, TargetReach], ...] = ()
    shifts: tuple[Shift, ...] = ()
    staffing: tuple[Staffing, ...] = ()
    added_targets: tuple[TargetReach, ...] = ()
    removed_targets: tuple[TargetReach, ...] = ()

    @property
    def any(self) -> bool:
        return any((self.newly_reachable, self.lost, self.shifts, self.staffing,
                    self.added_targets, self.removed_targets))

    def count(self) -> int:
        return (len(self.newly_reachable) + len(self.lost) + len(self.shifts)
                + len(self.staffing) + len(self.added_targets) + len(self.removed_targets))


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _shift(before: TargetReach, after: TargetReach, threshold: float) -> Shift | None:
    reasons = []
    hops_b, hops_a = before.hops or 0, after.hops or 0
    delta = after.score - before.score
    big = abs(delta) >= threshold - 1e-12
    if hops_a != hops_b:
        reasons.append(f"{_plural(hops_b, 'hop')} → {_plural(hops_a, 'hop')}")
    if big:
        reasons.append(f"best score {before.score:.3f} → {after.score:.3f}")
    ask_b, ask_a = before.contacts(), after.contacts()
    if ask_b[0].id != ask_a[0].id:
        reasons.append(f"ask {ask_a[0].name} first (was {ask_b[0].name})")
    if len(ask_a) != len(ask_b):
        reasons.append(f"{_plural(len(ask_a), 'person', 'people')} to ask (was {len(ask_b)})")
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
    >>> me, acme, bo = Ref("me", "Me"), Ref("acme", "Acme"), Ref("bo", "Bo")
    >>> old = Snapshot(date(2026, 1, 1), me, 2, (TargetReach(acme, (PersonReach(bo),)),))
    >>> new = Snapshot(date(2026, 1, 8), me, 2,
    ...                (TargetReach(acme, (PersonReach(bo, (me, bo), 0.5),)),))
    >>> [t.organization.name for t in compare(old, new).newly_reachable]
    ['Acme']
    """
    if threshold < 0:
        raise GraphkitError(f"--threshold must not be negative, not {threshold}")
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

    def by_name(t: TargetReach) -> tuple[str, str]:
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


def follow_ups(store: GraphStore) -> tuple[str, ...]:
    """Follow-ups due, from the referrals analysis: what to do, one line each."""
    from graphkit.analysis.referrals import referral_chains

    return tuple(f.action for f in referral_chains(store).due)


# --- rendering ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Item:
    lead: str
    text: str


def _path_text(p: PersonReach) -> str:
    return " → ".join(r.name for r in p.path)


def _ask_text(t: TargetReach) -> str:
    best = t.best()
    assert best is not None and best.ask is not None
    how = (f"talk to {best.person.name} directly" if best.hops == 1
           else f"ask {best.ask.name} for an introduction to {best.person.name}")
    return f"{how} (score {best.score:.3f}, {_plural(best.hops or 0, 'hop')}: {_path_text(best)})"


def _person_text(p: PersonReach) -> str:
    if not p.reachable:
        return f"{p.person.name} (not in reach yet)"
    assert p.ask is not None
    if p.hops == 1:
        return f"{p.person.name} (you know them, score {p.score:.3f})"
    return f"{p.person.name} (ask {p.ask.name}, score {p.score:.3f})"


def _sections(report: Report) -> list[tuple[str, list[_Item]]]:
    ch = report.changes
    out: list[tuple[str, list[_Item]]] = []
    if report.baseline is None:
        return out
    out.append(("Newly reachable", [_Item(t.organization.name, _ask_text(t))
                                    for t in ch.newly_reachable]))
    for title, direction in (("Better paths", "better"), ("Weaker paths", "weaker"),
                             ("Whom to ask changed", "different")):
        out.append((title, [_Item(s.after.organization.name,
                                  "; ".join(s.reasons) + ". Now: " + _ask_text(s.after))
                            for s in ch.shifts if s.direction == direction]))
    out.append(("Lost", [_Item(a.organization.name,
                               f"no path within {report.current.max_hops} hops any more "
                               f"(was: {_ask_text(b)})") for b, a in ch.lost]))
    people = []
    for s in ch.staffing:
        parts = []
        if s.joined:
            parts.append("joined: " + ", ".join(_person_text(p) for p in s.joined))
        if s.left:
            parts.append("left: " + ", ".join(r.name for r in s.left))
        people.append(_Item(s.target.organization.name, "; ".join(parts)))
    out.append(("People at targets", people))
    listed = [_Item(t.organization.name, "added to the target list; "
                    + (_ask_text(t) if t.reachable else "no path yet"))
              for t in ch.added_targets]
    listed += [_Item(t.organization.name, "removed from the target list")
               for t in ch.removed_targets]
    out.append(("Target list", listed))
    return [(title, items) for title, items in out if items]


def _summary(report: Report) -> str:
    cur = report.current
    reachable = sum(t.reachable for t in cur.targets)
    standing = (f"{reachable} of {_plural(len(cur.targets), 'target')} reachable within "
                f"{_plural(cur.max_hops, 'hop')}")
    if report.baseline is None:
        return (f"No baseline yet: this is the first snapshot, recorded for "
                f"{cur.as_of.isoformat()}; the next report compares with it. {standing}.")
    ch = report.changes
    if not ch.any:
        return (f"Nothing changed since {report.baseline.as_of.isoformat()} (score changes "
                f"under {report.threshold:g} are not shown). {standing}.")
    parts = [_plural(len(ch.newly_reachable), "target") + " newly reachable"
             if ch.newly_reachable else "",
             _plural(sum(s.direction == "better" for s in ch.shifts), "better path")
             if any(s.direction == "better" for s in ch.shifts) else "",
             _plural(sum(s.direction == "weaker" for s in ch.shifts), "weaker path")
             if any(s.direction == "weaker" for s in ch.shifts) else "",
             _plural(len(ch.lost), "target") + " lost" if ch.lost else "",
             _plural(len(ch.staffing), "target") + " with people joining or leaving"
             if ch.staffing else ""]
    said = ", ".join(p for p in parts if p) or _plural(ch.count(), "change")
    return (f"Since {report.baseline.as_of.isoformat()}: {said} (score changes under "
            f"{report.threshold:g} are not shown). {standing}.")


def _standing(report: Report) -> list[list[str]]:
    rows = []
    for t in sorted(report.current.targets,
                    key=lambda t: (not t.reachable, -t.score, t.organization.name.casefold())):
        best = t.best()
        contacts = t.contacts()
        rows.append([t.organization.name,
                     f"{sum(p.reachable for p in t.people)} of {len(t.people)}",
                     str(t.hops) if best else "-",
                     f"{t.score:.3f}" if best else "-",
                     contacts[0].name if contacts else "-", str(len(contacts))])
    return rows


_STANDING_HEADER = ["Target", "People in reach", "Hops", "Best score", "Ask first",
                    "People to ask"]


def _follow_up_note(report: Report) -> str | None:
    return None if report.follow_ups else "No follow-ups due."


def _title(report: Report) -> str:
    return f"graphkit report for {report.current.me.name}, {report.current.as_of.isoformat()}"


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|"})


def _md(text: str) -> str:
    """Escape Markdown syntax in a network value.

    >>> _md("A*B_C|D")
    'A\\\\*B\\\\_C\\\\|D'
    """
    return text.translate(_MD_SPECIAL)


def render_markdown(report: Report) -> str:
    """The report as Markdown (network values escaped)."""
    lines = [f"# {_md(_title(report))}", "", _md(_summary(report))]
    for note in report.notes:
        lines += ["", f"> Note: {_md(note)}"]
    for title, items in _sections(report):
        lines += ["", f"## {title}", ""]
        lines += [f"- **{_md(i.lead)}**: {_md(i.text)}" for i in items]
    lines += ["", "## Follow-ups due", ""]
    due = _follow_up_note(report)
    lines += [_md(due)] if due else [f"- {_md(f)}" for f in report.follow_ups]
    lines += ["", "## Where you stand", "", "| " + " | ".join(_STANDING_HEADER) + " |",
              "|" + "---|" * len(_STANDING_HEADER)]
    lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in _standing(report)]
    if report.current.unresolved:
        lines += ["", "Target-list entries that match no organization (add them to "
                  "organizations.csv or fix the spelling): "
                  + ", ".join(_md(u) for u in report.current.unresolved)]
    return "\n".join(lines) + "\n"


_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.45}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.6rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;
padding:.3rem .5rem;text-align:left}.note{background:#fff6d5;padding:.4rem .7rem}
img{max-width:100%;height:auto}"""


def render_html(report: Report, png: bytes | None = None,
                plot_note: str | None = None) -> str:
    """The report as one self-contained HTML page (``png`` embedded as a data URI); every
    network value is escaped."""
    e = html.escape
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(_title(report))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(_title(report))}</h1>", f"<p>{e(_summary(report))}</p>"]
    out += [f'<p class="note">Note: {e(n)}</p>' for n in report.notes]
    for title, items in _sections(report):
        out.append(f"<h2>{e(title)}</h2><ul>")
        out += [f"<li><strong>{e(i.lead)}</strong>: {e(i.text)}</li>" for i in items]
        out.append("</ul>")
    out.append("<h2>Follow-ups due</h2>")
    due = _follow_up_note(report)
    out.append(f"<p>{e(due)}</p>" if due else
               "<ul>" + "".join(f"<li>{e(f)}</li>" for f in report.follow_ups) + "</ul>")
    out.append("<h2>Where you stand</h2><table><thead><tr>"
               + "".join(f"<th>{e(h)}</th>" for h in _STANDING_HEADER) + "</tr></thead><tbody>")
    out += ["<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
            for row in _standing(report)]
    out.append("</tbody></table>")
    if report.current.unresolved:
        out.append("<p>Target-list entries that match no organization: "
                   + e(", ".join(report.current.unresolved)) + "</p>")
    if png:
        data = base64.b64encode(png).decode("ascii")
        out.append(f'<h2>Your network</h2><img alt="{e("network of " + report.current.me.name)}"'
                   f' src="data:image/png;base64,{data}">')
    elif plot_note:
        out.append(f'<p class="note">{e(plot_note)}</p>')
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _reach_json(t: TargetReach) -> dict[str, Any]:
    best = t.best()
    contacts = t.contacts()
    return {"organization": _ref(t.organization), "reachable": t.reachable, "hops": t.hops,
            "score": round(t.score, 6), "people": len(t.people),
            "people_in_reach": sum(p.reachable for p in t.people),
            "ask_first": _ref(contacts[0]) if contacts else None,
            "contacts": len(contacts),
            "best_path": [_ref(r) for r in best.path] if best else []}


def report_json(report: Report) -> dict[str, Any]:
    """The documented JSON shape of the report (scores rounded to 6 decimals)."""
    ch = report.changes
    return {
        "as_of": report.current.as_of.isoformat(),
        "me": _ref(report.current.me),
        "max_hops": report.current.max_hops,
        "baseline": report.baseline.as_of.isoformat() if report.baseline else None,
        "score_threshold": report.threshold,
        "has_news": report.has_news,
        "summary": _summary(report),
        "changes": {
            "newly_reachable": [_reach_json(t) for t in ch.newly_reachable],
            "better": [_shift_json(s) for s in ch.shifts if s.direction == "better"],
            "weaker": [_shift_json(s) for s in ch.shifts if s.direction == "weaker"],
            "whom_to_ask": [_shift_json(s) for s in ch.shifts if s.direction == "different"],
            "lost": [{"before": _reach_json(b), "after": _reach_json(a)} for b, a in ch.lost],
            "people": [{"organization": _ref(s.target.organization),
                        "joined": [{"person": _ref(p.person), "score": round(p.score, 6),
                                    "ask": _ref(p.ask) if p.ask else None} for p in s.joined],
                        "left": [_ref(r) for r in s.left]} for s in ch.staffing],
            "added_targets": [_reach_json(t) for t in ch.added_targets],
            "removed_targets": [_ref(t.organization) for t in ch.removed_targets],
        },
        "follow_ups": list(report.follow_ups),
        "targets": [_reach_json(t) for t in report.current.targets],
        "unresolved_targets": list(report.current.unresolved),
        "notes": list(report.notes),
    }


def _shift_json(s: Shift) -> dict[str, Any]:
    return {"organization": _ref(s.after.organization), "reasons": list(s.reasons),
            "before": _reach_json(s.before), "after": _reach_json(s.after)}


def render(report: Report, fmt: str, png: bytes | None = None,
           plot_note: str | None = None) -> str:
    """The report in ``fmt``: "markdown", "html" or "json"."""
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report, png, plot_note)
    if fmt == "json":
        return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
    raise GraphkitError(f"unknown report format '{fmt}'; use markdown, html or json")


#: File name extension per format.
EXTENSIONS = {"markdown": ".md", "html": ".html", "json": ".json"}


def subject(report: Report) -> str:
    """A one-line e-mail subject for the report."""
    head = f"graphkit report {report.current.as_of.isoformat()}"
    if report.baseline is None:
        return head + ": first snapshot recorded"
    if not report.has_news:
        return head + ": nothing new"
    n = len(report.changes.newly_reachable)
    return head + (f": {_plural(n, 'target')} newly reachable" if n
                   else f": {_plural(report.changes.count(), 'change')}")


# --- one report run ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReportRun:
    """What :func:`run_report` did: the report and its text, where it was written, the
    snapshot recorded, and the delivery error if e-mail failed (the report is written anyway)."""

    report: Report
    text: str
    written: Path | None
    snapshot_file: Path
    delivery_error: str | None = None

    @property
    def exit_code(self) -> int:
        """0 nothing new, 3 something new, 4 written but not delivered (documented)."""
        if self.delivery_error:
            return EXIT_NOT_DELIVERED
        return EXIT_NEWS if self.report.has_news else EXIT_QUIET


EXIT_QUIET = 0
EXIT_NEWS = 3
EXIT_NOT_DELIVERED = 4


def network_png(store: GraphStore) -> tuple[bytes | None, str | None]:
    """My ego network as PNG bytes for the HTML report, or None and why not."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return None, ("The network picture is left out: matplotlib is not installed "
                      "(pip install 'graphkit[plot]').")
    from graphkit.plot import ego_view, plot_png

    return plot_png(ego_view(store, labels=20)), None


def write_report(folder: str | Path, as_of: date, fmt: str, text: str) -> Path:
    """Write ``text`` to ``folder/graphkit-report-<date>.<ext>`` atomically (0600 file, 0700
    folder, created if needed).

    Raises
    ------
    GraphkitError
        when the folder cannot be created or written.
    """
    out = Path(folder)
    path = out / f"graphkit-report-{as_of.isoformat()}{EXTENSIONS[fmt]}"
    try:
        out.mkdir(mode=0o700, parents=True, exist_ok=True)
        with atomic_write(path) as handle:
            handle.write(text)
    except OSError as exc:
        raise GraphkitError(f"cannot write the report to {out}: {exc.strerror or exc}; choose "
                            "another --out folder") from None
    return path


def run_report(store: GraphStore, state: str | Path, fmt: str = "markdown",
               out: str | Path | None = None, since: date | None = None,
               targets: Sequence[str] | None = None, max_hops: int = 2,
               threshold: float = SCORE_THRESHOLD, plot: bool = True,
               email: Sequence[str] = (), smtp: Any = None) -> ReportRun:
    """Compute the report, write it (to ``out`` if given), record today's snapshot and send it.

    Under the state folder's lock: read the baseline, compute the snapshot and report, write
    the report file, then record the snapshot (so a report that could not be written is not
    lost from the next comparison), then e-mail it to ``email`` with ``smtp``
    (:class:`graphkit.mail.SmtpSettings`); a delivery failure is returned, not raised.

    Raises
    ------
    GraphkitError
        for an unknown format, a --since date with no snapshot, or an unwritable folder.
    """
    from graphkit.workspace.snapshots import StateFolder

    if fmt not in EXTENSIONS:
        raise GraphkitError(f"unknown report format '{fmt}'; use markdown, html or json")
    folder = StateFolder(state)
    with folder.lock():
        found = folder.baseline(snapshot_from_json, before=store.as_of, since=since)
        current = snapshot(store, targets, max_hops)
        report = build_report(current, found.snapshot, threshold, follow_ups(store),
                              found.notes)
        png, plot_note = network_png(store) if plot and (fmt == "html" or email) else (None,
                                                                                        None)
        text = render(report, fmt, png, plot_note)
        written = write_report(out, current.as_of, fmt, text) if out is not None else None
        saved = folder.save(current.as_of, snapshot_json(current))
    error = None
    if email:
        from graphkit.mail import DeliveryError, compose, send

        html_text = text if fmt == "html" else render_html(report, png, plot_note)
        try:
            if smtp is None:
                raise DeliveryError("no [smtp] settings to send with")
            send(smtp, compose(smtp.sender, email, subject(report), render_markdown(report),
                               html_text))
        except DeliveryError as exc:
            error = str(exc)
    return ReportRun(report, text, written, saved, error)
