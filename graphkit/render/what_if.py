"""The ``what-if`` answers: one scenario side by side, and reconnections ranked."""

from __future__ import annotations

from collections.abc import Sequence

from graphkit.analysis.what_if import Reconnection, TargetOutlook, WhatIf
from graphkit.errors import InvalidArgument
from graphkit.render.formats import (
    csv_text,
    in_format,
    json_text,
    one_line,
    person_json,
    text_table,
)

#: The columns of the scenario CSV, one row per organization.
CSV_HEADER = ("organization", "priority", "listed", "before", "after", "ask_before",
              "ask_after", "change")
#: The columns of the ranking CSV, one row per contact.
RANK_CSV_HEADER = ("rank", "contact", "strength_now", "strength_after", "opens", "better")


def _score(value: float | None) -> str:
    return f"{value:.3f}" if value is not None else "-"


def _change(t: TargetOutlook, result: WhatIf) -> str:
    if t.opened(result.usable):
        return "opens"
    if t.better(result.usable, result.threshold):
        return "better"
    return ""


def render(result: WhatIf, fmt: str = "table") -> str:
    """One scenario in ``fmt``: ``table``, ``json`` or ``csv``."""
    return in_format(fmt, lambda: text(result), lambda: json_data(result), lambda: csv(result))


def csv(result: WhatIf) -> str:
    """One scenario as CSV, a row per target."""
    return csv_text(CSV_HEADER, ([t.organization.name, t.priority, t.listed, _score(t.before),
                                  _score(t.after), t.ask_before, t.ask_after,
                                  _change(t, result)] for t in result.targets))


def json_data(result: WhatIf) -> dict[str, object]:
    """The documented JSON shape of ``what-if reconnect|meet``."""
    s = result.scenario
    return {"as_of": result.as_of_date, "max_hops": result.max_hops,
            "scenario": {"description": s.description, "person": s.name,
                         "strength_before": s.before, "strength_after": s.strength},
            "usable": result.usable, "threshold": result.threshold,
            "targets": [{"organization": {"id": t.organization.id, "name": t.organization.name},
                         "priority": t.priority, "listed": t.listed, "before": t.before,
                         "after": t.after, "ask_before": t.ask_before,
                         "ask_after": t.ask_after, "change": _change(t, result)}
                        for t in result.targets]}


def text(result: WhatIf) -> str:
    """Before and after, side by side: every target whose path changes, then a summary."""
    s = result.scenario
    was = f"{s.before:.3f}" if s.before is not None else "no tie"
    lines = [f"What if {one_line(s.description)}?",
             f"Your tie with {one_line(s.name)}: {was} -> {s.strength:.3f} "
             f"(as of {result.as_of_date}, paths of at most {result.max_hops} hops)", ""]
    changed = [t for t in result.targets if _change(t, result)]
    if not changed:
        lines.append("No target opens or gets a better path (a better path gains at least "
                     f"{result.threshold:.2f}; a usable one scores at least "
                     f"{result.usable:.2f}).")
        return "\n".join(lines) + "\n"
    rows = [[t.priority if t.priority is not None else "-",
             one_line(t.organization.name) + ("" if t.listed else " (not a target)"),
             _score(t.before), one_line(t.ask_before) or "-", _score(t.after),
             one_line(t.ask_after) or "-", _change(t, result)] for t in changed]
    lines += text_table(["pri", "organization", "before", "ask now", "after", "ask then",
                         "change"], rows, right="r.r.r")
    opened, better = result.opened, result.better
    lines += ["", f"{len(opened)} target{'s' if len(opened) != 1 else ''} "
              f"open{'s' if len(opened) == 1 else ''}, {len(better)} get"
              f"{'s' if len(better) == 1 else ''} a better path."]
    return "\n".join(lines) + "\n"


def render_ranking(found: Sequence[Reconnection], as_of: str, fmt: str = "table") -> str:
    """Reconnections ranked (``what-if reconnect --best``) in ``fmt``."""
    if fmt == "json":
        return json_text({"as_of": as_of, "reconnections": [
            {"rank": i, "contact": person_json(r.contact), "strength_now": r.before,
             "strength_after": r.after,
             "opens": [t.organization.name for t in r.opened],
             "better": [t.organization.name for t in r.better]}
            for i, r in enumerate(found, 1)]})
    if fmt == "csv":
        return csv_text(RANK_CSV_HEADER, ([i, r.contact.name, round(r.before, 6),
                                           round(r.after, 6),
                                           "; ".join(t.organization.name for t in r.opened),
                                           "; ".join(t.organization.name for t in r.better)]
                                          for i, r in enumerate(found, 1)))
    if fmt != "table":
        raise InvalidArgument("format", fmt, "one of table, json, csv")
    if not found:
        return (f"No single reconnection opens a target or gives one a better path (as of "
                f"{as_of}).\n")
    lines = [f"Reconnections that open the most targets (as of {as_of}):", ""]
    for i, r in enumerate(found, 1):
        gains = []
        if r.opened:
            gains.append("opens " + ", ".join(one_line(t.organization.name) for t in r.opened))
        if r.better:
            gains.append("better path to " + ", ".join(
                f"{one_line(t.organization.name)} ({_score(t.before)} -> {_score(t.after)})"
                for t in r.better))
        lines.append(f"{i:>2}. {one_line(r.contact.name)} (tie {r.before:.3f} -> {r.after:.3f}): "
                     + "; ".join(gains))
    return "\n".join(lines) + "\n"
