"""``graphkit path-to``: whom to ask for an introduction to people at an organization."""

from __future__ import annotations

import click

from graphkit.analysis.paths import PathToResult, RankedPath, Step
from graphkit.analysis.paths import path_to as find_paths
from graphkit.cli.options import Settings, format_option, pass_settings
from graphkit.render.formats import csv_text, json_text, person_json
from graphkit.store.base import MAX_HOPS


@click.command(name="path-to")
@click.argument("organization")
@click.option("--max-hops", type=click.IntRange(1, MAX_HOPS), default=2, show_default=True,
              help="1 = people you know there; 2 = through one contact; 3 = two contacts.")
@format_option
@pass_settings
def path_to(settings: Settings, organization: str, max_hops: int, fmt: str) -> None:
    """Ranked, explained paths from you to the people at ORGANIZATION, grouped by whom to ask.

    \b
    Example:
      graphkit path-to "Acme Corp"
      graphkit path-to acme --max-hops 3 --format json
    """
    result = find_paths(settings.open(), organization, max_hops)
    if fmt == "json":
        click.echo(json_text(result_json(result)), nl=False)
    elif fmt == "csv":
        click.echo(csv_text(["rank", "score", "hops", "ask", "person", "title", "path", "inferred_steps"],
                  ([i, round(p.score, 6), p.hops, p.first_contact.name, p.person.name,
                    p.job.title, " > ".join(x.name for x in p.people),
                    sum(s.inferred for s in p.steps)] for i, p in enumerate(result.paths, 1))), nl=False)
    else:
        click.echo(render_table(result), nl=False)


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


def result_json(result: PathToResult) -> dict[str, object]:
    """The documented JSON shape of ``path-to``."""
    return {"organization": {"id": result.organization.id, "name": result.organization.name},
            "as_of": result.as_of_date, "max_hops": result.max_hops,
            "paths": [_path_json(p) for p in result.paths],
            "suggestions": [{"kind": s.kind, "text": s.text} for s in result.suggestions]}


def _why(step: Step) -> str:
    reasons = "; ".join(step.evidence) or "connected"
    return reasons + ("  [inferred]" if step.inferred else "")


def _role(path: RankedPath, org_name: str) -> str:
    title = path.job.title
    return f"{path.person.name}, {title} at {org_name}" if title else (
        f"{path.person.name} at {org_name}")


def render_table(result: PathToResult) -> str:
    """The human-readable ``path-to`` answer."""
    org = result.organization.name
    lines = []
    if not result.paths:
        lines.append(f"No path to anyone at {org} within {result.max_hops} hop"
                     f"{'s' if result.max_hops != 1 else ''} ({result.employees} people there "
                     f"in your network; as of {result.as_of_date}).")
        if result.suggestions:
            lines.append("What could open one:")
            lines.extend(f"  - {s.text}" for s in result.suggestions)
        return "\n".join(lines) + "\n"
    groups = result.by_first_contact()
    lines.append(f"{org}: {len(result.paths)} of {result.employees} people there within "
                 f"{result.max_hops} hop{'s' if result.max_hops != 1 else ''}, through "
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
            if path.hops == 1:
                title = f" as {path.job.title}" if path.job.title else ""
                lines.append(f"   - {group.contact.name} works there{title} "
                             f"(score {path.score:.3f}, 1 hop)")
                continue
            via = [p.name for p in path.people[2:-1]]
            lines.append(f"   - for an introduction to {_role(path, org)}"
                         + (f", via {' and '.join(via)}" if via else "")
                         + f" (score {path.score:.3f}, {path.hops} hops)")
            for step in path.steps[1:]:
                lines.append(f"       {step.source.name} knows {step.target.name}: {_why(step)}")
            if path.shared_groups:
                lines.append(f"       you and {path.person.name} both belong to "
                             f"{', '.join(path.shared_groups)}")
    return "\n".join(lines) + "\n"
