"""The ``weak-ties`` answer: its text table, its documented JSON and its CSV, as strings."""

from __future__ import annotations

import math

from graphkit.analysis.weak_ties import Community, Position, WeakTiesResult
from graphkit.render.formats import (
    csv_text,
    in_format,
    person_json,
    text_lines,
    text_table,
)

#: Rows shown per section of the table (json and csv carry everything).
SHOWN = 10
#: The columns of the CSV: one row for me, then one per contact.
CSV_HEADER = ["person", "is_me", "circle", "circle_label", "effective_size", "constraint",
              "circles_tied_to", "alone_to", "local_bridge_span", "strength", "stage",
              "last_contact", "reactivate_because"]


def render(result: WeakTiesResult, fmt: str) -> str:
    """The answer in ``fmt``: "table" (the default), "json" or "csv"."""
    return in_format(fmt, lambda: text(result), lambda: json_data(result), lambda: csv(result))


def csv(result: WeakTiesResult) -> str:
    """One row for me, then one per contact (spreadsheet formulas neutralized)."""
    reasons = {r.position.person.id: r.reason for r in result.reactivate}
    circles = {c.number: c.label for c in result.communities}
    return csv_text(CSV_HEADER,
                    ([p.person.name, p is result.me, p.community or "",
                      circles.get(p.community or 0, ""), _round(p.effective_size),
                      _round(p.constraint), p.circles, p.alone_to, _span(p.bridge_span),
                      _round(p.strength), p.tie.tie.stage if p.tie else "",
                      p.tie.tie.last_contact or "" if p.tie else "",
                      reasons.get(p.person.id, "")] for p in (result.me, *result.contacts)))


def _round(x: float | None, digits: int = 6) -> float | str:
    return "" if x is None or math.isnan(x) else round(x, digits)


def _span(span: float | None) -> str | int:
    if span is None:
        return ""
    return "inf" if math.isinf(span) else int(span)


def _json_num(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) or math.isinf(x) else x


def _position_json(p: Position) -> dict[str, object]:
    tie = p.tie
    return {"person": person_json(p.person), "effective_size": _json_num(p.effective_size),
            "constraint": _json_num(p.constraint), "circle": p.community,
            "circles_tied_to": p.circles, "alone_to": p.alone_to,
            "local_bridge": p.bridge_span is not None,
            "local_bridge_span": _json_num(p.bridge_span),
            "strength": p.strength,
            "stage": tie.tie.stage if tie else None,
            "last_contact": tie.tie.last_contact.isoformat()
            if tie and tie.tie.last_contact else None}


def _community_json(c: Community) -> dict[str, object]:
    def named(x: tuple[str, int] | None) -> dict[str, object] | None:
        return {"name": x[0], "members": x[1]} if x else None
    return {"circle": c.number, "label": c.label, "size": c.size,
            "members": [person_json(p) for p in c.members],
            "doors": [person_json(p) for p in c.doors], "single_door": c.single_door,
            "organization": named(c.organization), "industry": named(c.industry),
            "group": named(c.group), "at_targets": c.at_targets}


def json_data(result: WeakTiesResult) -> dict[str, object]:
    """The documented JSON shape of ``weak-ties`` (an infinite span is null)."""
    return {"as_of": result.as_of_date, "depth": result.depth, "people": result.people,
            "ties": result.ties, "me": _position_json(result.me),
            "contacts": [_position_json(p) for p in result.contacts],
            "local_bridges": [{"a": person_json(b.a), "b": person_json(b.b),
                               "span": _json_num(b.span), "strength": b.strength,
                               "pendant": b.pendant} for b in result.local_bridges],
            "circles": [_community_json(c) for c in result.communities],
            "reactivate": [{"person": person_json(r.position.person), "reason": r.reason,
                            "alone_to": r.position.alone_to, "strength": r.position.strength}
                           for r in result.reactivate]}


def _more(total: int, shown: int, what: str) -> list[str]:
    return [f"  ... and {total - shown} more {what} (--format csv or json lists all)"] \
        if total > shown else []


def text(result: WeakTiesResult) -> str:
    """The human-readable ``weak-ties`` answer."""
    me = result.me
    n = len(result.contacts)
    lines = [f"Your network to depth {result.depth} (as of {result.as_of_date}): "
             f"{result.people} people, {result.ties} ties, {n} of them your contacts."]
    if not math.isnan(me.effective_size):
        lines.append(f"You: effective size {me.effective_size:.1f} of {n} contacts, constraint "
                     f"{me.constraint:.3f} (0 = your contacts do not know each other, "
                     f"1 = one closed circle).")
    if result.star:
        lines += ["", f"You and {n} contacts, none of whom know each other in this network: "
                  "every tie is a local bridge and every contact's effective size is 1, so "
                  "there are no brokers or circles to find yet. Import a teammate's export "
                  "(their ties fill in who knows whom) or use --infer (graphkit --infer "
                  "weak-ties adds ties from shared employers and small groups)."]

    lines += ["", "Brokers: the contacts with the most non-redundant ties"]
    rows = [[p.person.name, p.alone_to, f"{p.effective_size:.1f}", f"{p.constraint:.3f}",
             p.circles, f"{p.strength:.2f}" if p.strength is not None else "-"]
            for p in result.contacts[:SHOWN]]
    lines += ["  " + line for line in text_table(
        ["contact", "alone to", "eff. size", "constraint", "circles", "tie"], rows, ".rrrrr")]
    lines += _more(n, min(n, SHOWN), "contacts")

    circles = [c for c in result.communities if c.size > 1]
    lines += ["", f"Circles ({len(circles)} with two or more people; seeded, reproducible):"]
    rows = [[c.number, c.size, len(c.doors), c.at_targets,
             c.label + ("  <- one door: " + c.doors[0].name if c.single_door else "")]
            for c in circles]
    lines += ["  " + line for line in text_table(
        ["#", "people", "doors", "at targets", "mostly"], rows, "rrrr")]
    alone = len(result.communities) - len(circles)
    if alone:
        lines.append(f"  ({alone} {'person is' if alone == 1 else 'people are'} tied to no one "
                     f"else here but you)")
    single = [c for c in circles if c.single_door]
    lines.append(f"  Circles you have only one door into: {len(single) or 'none'}")

    real = [b for b in result.local_bridges if not b.pendant]
    lines += ["", "Local bridges (the two share no contact; span = hops apart without the tie):"]
    rows = [[b.a.name, b.b.name, _span(b.span), f"{b.strength:.2f}"] for b in real[:SHOWN]]
    if rows:
        lines += ["  " + line for line in text_table(["from", "to", "span", "tie"], rows,
                                                     "..rr")]
    else:
        lines.append("  none")
    lines += _more(len(real), min(len(real), SHOWN), "local bridges")
    pendants = len(result.local_bridges) - len(real)
    if pendants:
        lines.append(f"  (plus {pendants} ties to people with no other tie here)")

    lines += ["", "Ties to reactivate (they alone connect you, and the tie is weak or stale):"]
    if not result.reactivate:
        lines.append("  none" + (" at this depth; try --depth 2" if result.depth == 1 else ""))
    for i, r in enumerate(result.reactivate[:SHOWN], 1):
        lines.append(f"  {i}. {r.position.person.name}: {r.reason}")
    lines += _more(len(result.reactivate), min(len(result.reactivate), SHOWN), "ties")
    return text_lines(lines)
