"""The report for people and scripts: Markdown, one self-contained HTML page, JSON, and a
one-line e-mail subject. Every function returns a string; network values are escaped."""

from __future__ import annotations

import base64
import html
import json
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from graphkit.errors import InvalidArgument
from graphkit.render.formats import one_line
from graphkit.report.compare import Report, Shift, plural
from graphkit.report.snapshot import PersonStanding, TargetStanding, ref_json


@dataclass(frozen=True)
class _Item:
    lead: str
    text: str


def _path_text(p: PersonStanding) -> str:
    return " → ".join(r.name for r in p.path)


def _ask_text(t: TargetStanding) -> str:
    best = t.best()
    assert best is not None and best.ask is not None
    how = (f"talk to {best.person.name} directly" if best.hops == 1
           else f"ask {best.ask.name} for an introduction to {best.person.name}")
    return f"{how} (score {best.score:.3f}, {plural(best.hops or 0, 'hop')}: {_path_text(best)})"


def _person_text(p: PersonStanding) -> str:
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
    standing = (f"{reachable} of {plural(len(cur.targets), 'target')} reachable within "
                f"{plural(cur.max_hops, 'hop')}")
    if report.baseline is None:
        return (f"No baseline yet: this is the first snapshot, recorded for "
                f"{cur.as_of.isoformat()}; the next report compares with it. {standing}.")
    ch = report.changes
    if not ch.any:
        return (f"Nothing changed since {report.baseline.as_of.isoformat()} (score changes "
                f"under {report.threshold:g} are not shown). {standing}.")
    parts = [plural(len(ch.newly_reachable), "target") + " newly reachable"
             if ch.newly_reachable else "",
             plural(sum(s.direction == "better" for s in ch.shifts), "better path")
             if any(s.direction == "better" for s in ch.shifts) else "",
             plural(sum(s.direction == "weaker" for s in ch.shifts), "weaker path")
             if any(s.direction == "weaker" for s in ch.shifts) else "",
             plural(len(ch.lost), "target") + " lost" if ch.lost else "",
             plural(len(ch.staffing), "target") + " with people joining or leaving"
             if ch.staffing else ""]
    said = ", ".join(p for p in parts if p) or plural(ch.count(), "change")
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
    r"""Escape a network value for Markdown: its syntax, its line breaks (a newline in a name
    would end a table row) and control characters (shown as escapes, like on a terminal).

    >>> print(_md("A*B_C|D"))
    A\*B\_C\|D
    >>> print(_md("Ann\nLee\x1b(0\x07"))
    Ann Lee\\x1b(0\\x07
    """
    return one_line(text).translate(_MD_SPECIAL)


def _html(text: str) -> str:
    r"""Escape a network value for HTML; control characters (not allowed in HTML) are shown as
    escapes.

    >>> print(_html("<b>Ann\u202e</b>"))
    &lt;b&gt;Ann\u202e&lt;/b&gt;
    """
    return html.escape(one_line(text))


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
                plot_note: str | None = None, explorer: str | None = None) -> str:
    """The report as one self-contained HTML page (``png`` embedded as a data URI); every
    network value is escaped. With ``explorer`` (the address of an explorer page, from
    ``graphkit explore``), each newly reachable target links to its paths in that page."""
    e = _html
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           f"<title>{e(_title(report))}</title><style>{_CSS}</style></head><body>",
           f"<h1>{e(_title(report))}</h1>", f"<p>{e(_summary(report))}</p>"]
    out += [f'<p class="note">Note: {e(n)}</p>' for n in report.notes]
    # The explorer opens on each newly reachable target's paths (in the order of the section).
    links = ([f"{explorer}#target={quote(t.organization.id, safe='')}"
              for t in report.changes.newly_reachable] if explorer else [])
    for title, items in _sections(report):
        out.append(f"<h2>{e(title)}</h2><ul>")
        for k, i in enumerate(items):
            link = links[k] if title == "Newly reachable" and k < len(links) else None
            more = (f' (<a href="{html.escape(link)}">see the paths in the explorer</a>)'
                    if link else "")
            out.append(f"<li><strong>{e(i.lead)}</strong>: {e(i.text)}{more}</li>")
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


def _reach_json(t: TargetStanding) -> dict[str, Any]:
    best = t.best()
    contacts = t.contacts()
    return {"organization": ref_json(t.organization), "reachable": t.reachable, "hops": t.hops,
            "score": round(t.score, 6), "people": len(t.people),
            "people_in_reach": sum(p.reachable for p in t.people),
            "ask_first": ref_json(contacts[0]) if contacts else None,
            "contacts": len(contacts),
            "best_path": [ref_json(r) for r in best.path] if best else []}


def report_json(report: Report) -> dict[str, Any]:
    """The documented JSON shape of the report (scores rounded to 6 decimals)."""
    ch = report.changes
    return {
        "as_of": report.current.as_of.isoformat(),
        "me": ref_json(report.current.me),
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
            "people": [{"organization": ref_json(s.target.organization),
                        "joined": [{"person": ref_json(p.person), "score": round(p.score, 6),
                                    "ask": ref_json(p.ask) if p.ask else None} for p in s.joined],
                        "left": [ref_json(r) for r in s.left]} for s in ch.staffing],
            "added_targets": [_reach_json(t) for t in ch.added_targets],
            "removed_targets": [ref_json(t.organization) for t in ch.removed_targets],
        },
        "follow_ups": list(report.follow_ups),
        "targets": [_reach_json(t) for t in report.current.targets],
        "unresolved_targets": list(report.current.unresolved),
        "notes": list(report.notes),
    }


def _shift_json(s: Shift) -> dict[str, Any]:
    return {"organization": ref_json(s.after.organization), "reasons": list(s.reasons),
            "before": _reach_json(s.before), "after": _reach_json(s.after)}


def render(report: Report, fmt: str, png: bytes | None = None,
           plot_note: str | None = None, explorer: str | None = None) -> str:
    """The report in ``fmt``: "markdown", "html" (linking newly reachable targets to the
    ``explorer`` page, when given) or "json"."""
    if fmt == "markdown":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report, png, plot_note, explorer)
    if fmt == "json":
        return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"
    raise InvalidArgument("fmt", fmt, "markdown, html or json")


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
    return head + (f": {plural(n, 'target')} newly reachable" if n
                   else f": {plural(report.changes.count(), 'change')}")
