"""The ``next`` answer (the weekly plan): its text, its documented JSON and its CSV."""

from __future__ import annotations

from graphkit.analysis.plan import PlanItem, WeeklyPlan
from graphkit.render.formats import csv_text, in_format, one_line, person_json

#: The columns of the CSV, one row per item.
CSV_HEADER = ("rank", "kind", "action", "reason", "person", "organization", "command")

LABELS = {"follow-up": "follow up", "ask": "ask", "revive": "revive", "open-door": "open a door"}


def render(plan: WeeklyPlan, fmt: str = "table") -> str:
    """The plan in ``fmt``: ``table`` (:func:`text`), ``json`` or ``csv``.

    Raises
    ------
    InvalidArgument
        when ``fmt`` is none of these.
    """
    return in_format(fmt, lambda: text(plan), lambda: json_data(plan), lambda: csv(plan))


def csv(plan: WeeklyPlan) -> str:
    """The plan as CSV, one row per item."""
    return csv_text(CSV_HEADER, ([i, item.kind, item.action, item.reason,
                                  item.person.name if item.person else "",
                                  item.organization.name if item.organization else "",
                                  item.command] for i, item in enumerate(plan.items, 1)))


def _item_json(rank: int, item: PlanItem) -> dict[str, object]:
    return {"rank": rank, "kind": item.kind, "action": item.action, "reason": item.reason,
            "person": person_json(item.person) if item.person else None,
            "organization": ({"id": item.organization.id, "name": item.organization.name}
                             if item.organization else None),
            "command": item.command}


def json_data(plan: WeeklyPlan) -> dict[str, object]:
    """The documented JSON shape of ``next``: ``as_of``, ``limit``, ``items`` (each with
    ``rank``, ``kind``, ``action``, ``reason``, ``person``, ``organization``, ``command``),
    ``more`` (items left out by the limit) and ``worked`` (targets already being worked)."""
    return {"as_of": plan.as_of_date, "limit": plan.limit,
            "items": [_item_json(i, item) for i, item in enumerate(plan.items, 1)],
            "more": plan.more,
            "worked": [{"id": o.id, "name": o.name} for o in plan.worked]}


def text(plan: WeeklyPlan) -> str:
    """The plan as numbered lines: what to do, then why and the command that helps."""
    if not plan.items:
        return (f"Nothing to do this week (as of {plan.as_of_date}): no follow-up is due and "
                "every target is being worked. Add a target: graphkit target add ORG\n")
    lines = [f"This week ({plan.as_of_date}): {len(plan.items)} thing"
             f"{'s' if len(plan.items) != 1 else ''} to do", ""]
    for i, item in enumerate(plan.items, 1):
        lines.append(f"{i:>2}. [{LABELS.get(item.kind, item.kind)}] {one_line(item.action)}")
        lines.append(f"    why: {one_line(item.reason)}")
        lines.append(f"    {one_line(item.command)}")
    if plan.more:
        lines += ["", f"{plan.more} more: graphkit next --limit {plan.limit + plan.more}"]
    if plan.worked:
        lines += ["", "Already being worked: " + ", ".join(one_line(o.name)
                                                           for o in plan.worked)]
    return "\n".join(lines) + "\n"
