"""The ``team board`` answer: its text, its documented JSON, its CSV and its HTML page for the
weekly meeting, as strings. Every one shows only the targets the board was built with (the
caller limits them to what the viewer may see)."""

from __future__ import annotations

from html import escape
from typing import Any

from graphkit.analysis.board import BoardTarget, Competition, Door, TeamBoard
from graphkit.render.formats import csv_text, json_text, person_json, text_lines

#: Doors shown per target in the text and HTML (JSON and CSV carry all).
SHOWN_DOORS = 3
#: The columns of the CSV: one row per target and door (a target with no door: one row).
CSV_HEADER = ["member", "organization", "priority", "role", "rank", "teammate", "via",
              "person_there", "hops", "score"]


def render(board: TeamBoard, fmt: str) -> str:
    """The board in ``fmt``: "table" (the default), "json", "csv" or "html"."""
    return {"json": json, "csv": csv, "html": html}.get(fmt, text)(board)


def door_text(door: Door) -> str:
    """``Priya Raman via Ann Lee -> Bo Chen (0.412)``; a teammate who works there says so."""
    if door.hops == 0:
        return f"{door.teammate.name} works there"
    route = (f"knows {door.person.name}" if door.hops == 1 else
             f"via {door.via.name} -> {door.person.name}")
    return f"{door.teammate.name} {route} ({door.score:.3f}, {door.hops} hop"  \
        f"{'s' if door.hops != 1 else ''})"


def _label(t: BoardTarget) -> str:
    role = f" ({t.role})" if t.role else ""
    pri = f"[{t.priority}] " if t.priority is not None else ""
    return f"{pri}{t.organization.name}{role}" + ("  [private]" if t.private else "")


def text(board: TeamBoard) -> str:
    """The board as plain text: asks this week, each member's targets, gaps, competitors."""
    lines = [f"Team board as of {board.as_of_date} ({len(board.team)} members, paths up to "
             f"{board.max_hops} hops from each member)", ""]
    lines.append("Who can help whom this week:")
    if board.helps:
        for i, h in enumerate(board.helps, 1):
            lines.append(f"  {i}. {h.helper.name} -> {h.member.name} for "
                         f"{h.target.organization.name}: {door_text(h.door)}")
    else:
        lines.append("  (nobody on the team has a better door than the member's own)")
    for member in board.team:
        mine = [t for t in board.targets if t.member.id == member.id]
        lines += ["", f"{member.name}: {len(mine)} target{'s' if len(mine) != 1 else ''}"]
        for t in mine:
            lines.append(f"  {_label(t)}")
            if not t.doors:
                lines.append("      nobody on the team can reach it yet")
            for d in t.doors[:SHOWN_DOORS]:
                lines.append(f"      {door_text(d)}")
            if len(t.doors) > SHOWN_DOORS:
                lines.append(f"      and {len(t.doors) - SHOWN_DOORS} more")
    lines += ["", "Nobody on the team can reach:"]
    lines += [f"  {t.organization.name} ({t.member.name})" for t in board.unreachable] or [
        "  (every target has a door)"]
    if board.competitions:
        lines += ["", "Same organization, same kind of role (agree how to share leads):"]
        lines += [f"  {c.organization.name}: {competition_text(c)}"
                  for c in board.competitions]
    for member, name in board.unmatched:
        lines.append(f"warning: {member.name}'s target \"{name}\" matches no organization")
    return text_lines(lines)


def competition_text(c: Competition) -> str:
    """``Priya Raman (FP&A Manager) and Marcus Bell (role not given)``."""
    return " and ".join(f"{m.name} ({r or 'role not given'})"
                        for m, r in zip(c.members, c.roles, strict=True))


def _door_json(d: Door) -> dict[str, Any]:
    return {"teammate": person_json(d.teammate), "via": person_json(d.via),
            "person": person_json(d.person), "hops": d.hops, "score": round(d.score, 6)}


def json_data(board: TeamBoard) -> dict[str, Any]:
    """The documented JSON: ``as_of``, ``max_hops``, ``team``, ``targets`` (member,
    organization, priority, role, doors best first), ``helps``, ``unreachable``,
    ``competitions``, ``unmatched``."""
    return {
        "as_of": board.as_of_date,
        "max_hops": board.max_hops,
        "viewer": person_json(board.viewer),
        "team": [person_json(p) for p in board.team],
        "targets": [{"member": person_json(t.member), "organization": t.organization.name,
                     "organization_id": t.organization.id, "priority": t.priority,
                     "role": t.role, "private": t.private,
                     "doors": [_door_json(d) for d in t.doors]} for t in board.targets],
        "helps": [{"helper": person_json(h.helper), "member": person_json(h.member),
                   "organization": h.target.organization.name, "door": _door_json(h.door)}
                  for h in board.helps],
        "unreachable": [{"member": person_json(t.member), "organization": t.organization.name}
                        for t in board.unreachable],
        "competitions": [{"organization": c.organization.name, "roles": list(c.roles),
                          "members": [person_json(m) for m in c.members]}
                         for c in board.competitions],
        "unmatched": [{"member": person_json(m), "listed_as": name}
                      for m, name in board.unmatched],
    }


def json(board: TeamBoard) -> str:
    """:func:`json_data` as pretty JSON text."""
    return json_text(json_data(board))


def csv(board: TeamBoard) -> str:
    """One row per target and door, best first (formulas neutralized)."""
    rows: list[list[Any]] = []
    for t in board.targets:
        base = [t.member.name, t.organization.name, t.priority, t.role]
        if not t.doors:
            rows.append([*base, "", "", "", "", "", ""])
        for rank, d in enumerate(t.doors, 1):
            rows.append([*base, rank, d.teammate.name, d.via.name, d.person.name, d.hops,
                         round(d.score, 6)])
    return csv_text(CSV_HEADER, rows)


def html(board: TeamBoard) -> str:
    """A self-contained page for the weekly meeting (no script, no outside resources)."""
    def e(value: Any) -> str:
        return escape(str(value))

    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>Team board {e(board.as_of_date)}</title>",
             "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
             "table{border-collapse:collapse;margin-bottom:1.5em}"
             "td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}"
             ".none{color:#a00}</style></head><body>",
             f"<h1>Team board, {e(board.as_of_date)}</h1>",
             "<h2>Who can help whom this week</h2><ol>"]
    parts += [f"<li><b>{e(h.helper.name)}</b> &rarr; {e(h.member.name)} for "
              f"{e(h.target.organization.name)}: {e(door_text(h.door))}</li>"
              for h in board.helps]
    parts.append("</ol>")
    for member in board.team:
        mine = [t for t in board.targets if t.member.id == member.id]
        parts.append(f"<h2>{e(member.name)}</h2><table><tr><th>target</th><th>best doors"
                     "</th></tr>")
        for t in mine:
            doors = "<br>".join(e(door_text(d)) for d in t.doors[:SHOWN_DOORS]) or (
                '<span class="none">nobody on the team can reach it yet</span>')
            parts.append(f"<tr><td>{e(_label(t))}</td><td>{doors}</td></tr>")
        parts.append("</table>")
    if board.competitions:
        parts.append("<h2>Same organization, same kind of role</h2><ul>")
        parts += [f"<li>{e(c.organization.name)}: {e(competition_text(c))}</li>"
                  for c in board.competitions]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
