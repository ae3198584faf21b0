"""The ``targets`` answer (reach over the target list): its text table, its documented JSON,
its CSV and its warnings, as strings."""

from __future__ import annotations

from graphkit.analysis.paths import Suggestion
from graphkit.analysis.reach import ReachResult, TargetReach
from graphkit.analysis.targets import UnmatchedTarget
from graphkit.render.formats import (
    csv_text,
    in_format,
    person_json,
    text_lines,
    text_table,
)

#: Suggestions of each kind shown per unreachable target in the table (json/csv carry all).
SHOWN_PER_KIND = 2
DEGREES = {1: "1st", 2: "2nd", 3: "3rd"}
#: The columns of the CSV: one row per target.
CSV_HEADER = ["priority", "organization", "listed_as", "reachable", "degree", "best_score",
              "doors", "fragile", "ask_first", "people_there", "people_reached",
              "door_names", "suggestions"]


def render(result: ReachResult, fmt: str) -> str:
    """The answer in ``fmt``: "table" (the default), "json" or "csv"."""
    return in_format(fmt, lambda: text(result), lambda: json_data(result), lambda: csv(result))


def warnings(result: ReachResult) -> str:
    """One ``warning:`` line per unmatched target and per note (for stderr); may be empty."""
    lines = [f"warning: {unmatched_text(miss)}" for miss in result.unmatched]
    lines += [f"warning: {note}" for note in result.notes]
    return text_lines(lines)


def unmatched_text(miss: UnmatchedTarget) -> str:
    """Why a line of targets.csv matched no organization, and how to fix it."""
    hint = ("did you mean " + ", ".join(f'"{s}"' for s in miss.suggestions) + "?"
            if miss.suggestions else "add it to organizations.csv or fix the name")
    return f'targets.csv: "{miss.target.organization}" matches no organization: {hint}'


def csv(result: ReachResult) -> str:
    """One row per target (spreadsheet formulas neutralized)."""
    return csv_text(CSV_HEADER,
                    ([t.priority, t.organization.name, t.listed_as, t.reachable, t.degree,
                      round(t.best_score, 6) if t.best_score is not None else "",
                      len(t.doors), t.fragile, t.best_contact.name if t.best_contact else "",
                      t.employees, t.reached, "; ".join(p.name for p in t.doors),
                      " | ".join(s.text for s in t.suggestions)] for t in result.targets))


def _shown(t: TargetReach) -> list[Suggestion]:
    count: dict[str, int] = {}
    shown = []
    for s in t.suggestions:
        count[s.kind] = count.get(s.kind, 0) + 1
        if count[s.kind] <= SHOWN_PER_KIND:
            shown.append(s)
    return shown


def _target_json(t: TargetReach) -> dict[str, object]:
    path = t.best_path
    return {"organization": {"id": t.organization.id, "name": t.organization.name},
            "listed_as": t.listed_as, "priority": t.priority, "reachable": t.reachable,
            "degree": t.degree, "best_score": t.best_score,
            "ask_first": person_json(t.best_contact) if t.best_contact else None,
            "best_path": [person_json(p) for p in path.people] if path else [],
            "doors": [person_json(p) for p in t.doors], "fragile": t.fragile,
            "people_there": t.employees, "people_reached": t.reached,
            "suggestions": [{"kind": s.kind, "text": s.text} for s in t.suggestions]}


def json_data(result: ReachResult) -> dict[str, object]:
    """The documented JSON shape of ``targets``."""
    return {"as_of": result.as_of_date, "max_hops": result.max_hops,
            "targets": [_target_json(t) for t in result.targets],
            "unmatched": [{"listed_as": m.target.organization, "priority": m.target.priority,
                           "suggestions": list(m.suggestions)} for m in result.unmatched],
            "notes": list(result.notes)}


def text(result: ReachResult) -> str:
    """The human-readable ``targets`` answer."""
    n = len(result.targets)
    hops = f"{result.max_hops} hop{'s' if result.max_hops != 1 else ''}"
    lines = [f"{len(result.reachable)} of {n} target{'s' if n != 1 else ''} reachable within "
             f"{hops}; {len(result.fragile)} through a single door (fragile); "
             f"{n - len(result.reachable)} with no path (as of {result.as_of_date})", ""]
    rows = []
    for t in result.targets:
        rows.append([t.priority if t.priority is not None else "-", t.organization.name,
                     DEGREES.get(t.degree, f"{t.degree}th") if t.degree else "-",
                     f"{t.best_score:.3f}" if t.best_score is not None else "-",
                     len(t.doors), f"{t.reached}/{t.employees}",
                     (t.best_contact.name + ("  (only door)" if t.fragile else ""))
                     if t.best_contact else "-"])
    lines += text_table(["pri", "organization", "degree", "score", "doors", "people",
                         "ask first"], rows, right="r..rrr")
    stuck = [t for t in result.targets if not t.reachable]
    if stuck:
        lines += ["", "No path yet; what could open one:"]
        for t in stuck:
            there = (f"{t.employees} {'person' if t.employees == 1 else 'people'} there in "
                     "your network" if t.employees else "nobody there yet")
            lines.append(f"  {t.organization.name} ({there})")
            shown = _shown(t)
            lines += [f"    - {s.text}" for s in shown]
            more = len(t.suggestions) - len(shown)
            if more > 0:
                lines.append(f"    - and {more} more: graphkit path-to "
                             f"\"{t.organization.name}\"")
    if result.unmatched:
        lines += ["", "Not matched (fix targets.csv):"]
        lines += [f"  {unmatched_text(m)}" for m in result.unmatched]
    return text_lines(lines)
