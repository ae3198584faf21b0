"""The ``path-to`` answer: its text, its documented JSON and its CSV."""

from __future__ import annotations

from graphkit.analysis.paths import PathToResult, RankedPath, Step
from graphkit.render.formats import csv_text, in_format, person_json, text_lines

#: The columns of the CSV, one row per path.
CSV_HEADER = ("rank", "score", "hops", "ask", "person", "title", "path", "inferred_steps")


def render(result: PathToResult, fmt: str = "table") -> str:
    """The answer in ``fmt``: ``table`` (:func:`text`), ``json`` or ``csv``.

    Raises
    ------
    InvalidArgument
        when ``fmt`` is none of these.
    """
    return in_format(fmt, lambda: text(result), lambda: json_data(result), lambda: csv(result))


def json_data(result: PathToResult) -> dict[str, object]:
    """The documented JSON shape of ``path-to``."""
    return {"organization": {"id": result.organization.id, "name": result.organization.name},
            "as_of": result.as_of_date, "max_hops": result.max_hops,
            "paths": [_path_json(p) for p in result.paths],
            "suggestions": [{"kind": s.kind, "text": s.text} for s in result.suggestions]}


def _step_json(step: Step) -> dict[str, object]:
    return {"from": person_json(step.source), "to": person_json(step.target),
            "strength": step.strength, "evidence": list(step.evidence),
            "inferred": step.inferred}


def _path_json(path: RankedPath) -> dict[str, object]:
    return {"score": path.score, "hops": path.hops,
            "people": [person_json(p) for p in path.people],
            "title": path.job.title,
            "steps": [_step_json(s) for s in path.steps],
            "shared_groups": list(path.shared_groups)}


def csv(result: PathToResult) -> str:
    """One row per path, best first (``CSV_HEADER``)."""
    return csv_text(CSV_HEADER,
                    ([i, round(p.score, 6), p.hops, p.first_contact.name, p.person.name,
                      p.job.title, " > ".join(x.name for x in p.people),
                      sum(s.inferred for s in p.steps)] for i, p in enumerate(result.paths, 1)))


def _why(step: Step) -> str:
    reasons = "; ".join(step.evidence) or "connected"
    return reasons + ("  [inferred]" if step.inferred else "")


def _role(path: RankedPath, org_name: str) -> str:
    title = path.job.title
    return f"{path.person.name}, {title} at {org_name}" if title else (
        f"{path.person.name} at {org_name}")


def _hops(n: int) -> str:
    return f"{n} hop{'s' if n != 1 else ''}"


def text(result: PathToResult) -> str:
    """The human-readable ``path-to`` answer: whom to ask, grouped by first contact."""
    org = result.organization.name
    lines = []
    if not result.paths:
        there = (f"{result.employees} people there in your network" if result.employees
                 else "nobody there yet in your network")
        lines.append(f"No path to anyone at {org} within {_hops(result.max_hops)} "
                     f"({there}; as of {result.as_of_date}).")
        if result.suggestions:
            lines.append("What could open a door:" if not result.employees
                         else "What could open one:")
            lines.extend(f"  - {s.text}" for s in result.suggestions)
        return text_lines(lines)
    groups = result.by_first_contact()
    lines.append(f"{org}: {len(result.paths)} of {result.employees} people there within "
                 f"{_hops(result.max_hops)}, through "
                 f"{len(groups)} contact{'s' if len(groups) != 1 else ''} "
                 f"(as of {result.as_of_date})")
    for rank, group in enumerate(groups, 1):
        lines.append("")
        direct = [p for p in group.paths if p.hops == 1]
        if direct and len(group.paths) == 1:
            path = direct[0]
            lines.append(f"{rank}. Talk to {_role(path, org)} directly "
                         f"(score {path.score:.3f}): {_why(group.first_step)}")
            continue
        lines.append(f"{rank}. Ask {group.contact.name} ({_why(group.first_step)})")
        for path in group.paths:
            lines.extend(_path_lines(path, group.contact.name, org))
    return text_lines(lines)


def _path_lines(path: RankedPath, contact: str, org: str) -> list[str]:
    """One path under its first contact: whom it reaches, and how each step knows the next."""
    if path.hops == 1:
        title = f" as {path.job.title}" if path.job.title else ""
        return [f"   - {contact} works there{title} (score {path.score:.3f}, 1 hop)"]
    via = [p.name for p in path.people[2:-1]]
    lines = [f"   - for an introduction to {_role(path, org)}"
             + (f", via {' and '.join(via)}" if via else "")
             + f" (score {path.score:.3f}, {path.hops} hops)"]
    for step in path.steps[1:]:
        lines.append(f"       {step.source.name} knows {step.target.name}: {_why(step)}")
    if path.shared_groups:
        lines.append(f"       you and {path.person.name} both belong to "
                     f"{', '.join(path.shared_groups)}")
    return lines
