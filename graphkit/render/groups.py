"""The ``groups`` answer: its text, its documented JSON and its CSV, as strings."""

from __future__ import annotations

from typing import Any

from graphkit.analysis.groups import (
    AT_TARGET,
    NEAR_TARGET,
    NEW_PERSON,
    Contact,
    GroupsAnswer,
    GroupValue,
)
from graphkit.render.formats import csv_text, in_format, person_json, text_lines, text_table

#: People named per line in the text (JSON and CSV carry all).
SHOWN = 3
#: The columns of the CSV: one row per group, best first.
CSV_HEADER = ["rank", "group", "attending", "members", "at_targets", "one_hop", "new_to_you",
              "overlap", "fresh", "score", "people_at_targets", "openers"]


def render(answer: GroupsAnswer, fmt: str) -> str:
    """The ranking in ``fmt``: "table" (the default), "json" or "csv"."""
    return in_format(fmt, lambda: text(answer), lambda: json_data(answer),
                     lambda: csv(answer))


def _for(answer: GroupsAnswer) -> str:
    if answer.one_target:
        return answer.organizations[0].name
    n = len(answer.organizations)
    return f"{answer.viewer.name}'s {n} target{'s' if n != 1 else ''}"


def contact_text(c: Contact) -> str:
    """``Ann Lee (Acme Corp)`` or ``Bo Chen, who knows Ann Lee at Acme Corp``."""
    known = " (you know them)" if c.known else ""
    if c.via is None:
        return f"{c.person.name} ({c.organization.name}){known}"
    return f"{c.person.name}{known}, who knows {c.via.name} at {c.organization.name}"


def _names(contacts: tuple[Contact, ...]) -> str:
    shown = ", ".join(contact_text(c) for c in contacts[:SHOWN])
    more = len(contacts) - SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def text(answer: GroupsAnswer) -> str:
    """The ranking as a table, then what each group adds, then the group to join next."""
    lines = [f"Groups by what they add for {_for(answer)} (as of {answer.as_of.isoformat()})"]
    if not answer.groups:
        lines += ["", "No groups in the network yet: add members to groups.csv, import Google "
                  "labels, or an event's attendees (graphkit import attendees FILE --group "
                  "NAME)."]
        return text_lines(lines + _unmatched(answer))
    lines.append(f"score: {AT_TARGET:g} per new member at a target, {NEAR_TARGET:g} per new "
                 f"member one hop from someone there, {NEW_PERSON:g} per other new member "
                 "(new: not tied to you, not met in your other groups)")
    lines.append("")
    rows = [[i, g.group, "yes" if g.attending else "-", g.members, len(g.at_targets),
             len(g.near_targets), g.new_people, _percent(g.overlap_share), f"{g.score:.2f}"]
            for i, g in enumerate(answer.groups, 1)]
    lines += text_table(["#", "group", "you", "members", "at targets", "1 hop", "new to you",
                         "overlap", "score"], rows, right="r..rrrrrr")
    for i, g in enumerate(answer.groups, 1):
        lines += ["", f"{i}. {g.group} ({_standing(g)})"]
        if g.at_targets:
            lines.append(f"   at targets: {_names(g.at_targets)}")
        if g.near_targets:
            lines.append(f"   one hop: {_names(g.near_targets)}")
        if g.overlap_groups:
            lines.append("   you already meet "
                         + ", ".join(f"{n} of them in {name}" for name, n in g.overlap_groups))
        if g.openers:
            lines.append("   to open a conversation: "
                         + "; ".join(o.text for o in g.openers))
    lines.append("")
    best = answer.join_next
    lines.append(f"Join next: {best.group} ({_adds(best)})" if best else
                 "Join next: none of the groups you do not attend adds anyone new")
    worst = answer.most_redundant
    if worst is not None:
        lines.append(f"Most redundant of yours: {worst.group} ({_percent(worst.overlap_share)} "
                     "of its members you also meet in your other groups)")
    return text_lines(lines + _unmatched(answer))


def _standing(g: GroupValue) -> str:
    members = f"{g.fresh} of {g.members} member{'s' if g.members != 1 else ''}"
    if g.attending:
        return f"you attend; {members} you meet only here and have no tie with"
    return f"you do not attend; {members} new to you"


def _adds(g: GroupValue) -> str:
    at = sum(not c.known for c in g.at_targets)
    return (f"score {g.score:.2f}: {at} new to you at targets, {g.fresh} of {g.members} "
            "members new to you")


def _unmatched(answer: GroupsAnswer) -> list[str]:
    return [f'warning: target "{name}" matches no organization; not counted'
            for name in answer.unmatched]


def _contact_json(c: Contact) -> dict[str, Any]:
    return {"person": person_json(c.person), "organization": c.organization.name,
            "organization_id": c.organization.id,
            "via": person_json(c.via) if c.via is not None else None, "known": c.known}


def json_data(answer: GroupsAnswer) -> dict[str, Any]:
    """The documented JSON: ``as_of``, ``viewer``, ``organizations`` (what counts as a
    target), ``weights``, ``groups`` best first (each with ``group``, ``attending``,
    ``members``, ``at_targets`` and ``one_hop`` as people with their organization, ``via`` and
    whether you know them, ``new_to_you``, ``overlap``, ``overlap_groups``, ``fresh``,
    ``openers``, ``score``), ``join_next``, ``most_redundant`` and ``unmatched``."""
    best, worst = answer.join_next, answer.most_redundant
    return {
        "as_of": answer.as_of.isoformat(),
        "viewer": person_json(answer.viewer),
        "organizations": [{"id": o.id, "name": o.name} for o in answer.organizations],
        "weights": {"at_target": AT_TARGET, "one_hop": NEAR_TARGET, "new_person": NEW_PERSON},
        "groups": [{
            "group": g.group, "attending": g.attending, "members": g.members,
            "at_targets": [_contact_json(c) for c in g.at_targets],
            "one_hop": [_contact_json(c) for c in g.near_targets],
            "new_to_you": g.new_people, "overlap": g.overlap,
            "overlap_groups": [{"group": name, "members": n} for name, n in g.overlap_groups],
            "fresh": g.fresh,
            "openers": [{"kind": o.kind, "label": o.label, "members": o.members,
                         "text": o.text} for o in g.openers],
            "score": g.score} for g in answer.groups],
        "join_next": best.group if best else None,
        "most_redundant": worst.group if worst else None,
        "unmatched": list(answer.unmatched),
    }


def csv(answer: GroupsAnswer) -> str:
    """One row per group, best first (formulas neutralized)."""
    return csv_text(CSV_HEADER, [
        [i, g.group, "yes" if g.attending else "no", g.members, len(g.at_targets),
         len(g.near_targets), g.new_people, g.overlap, g.fresh, g.score,
         "; ".join(contact_text(c) for c in g.at_targets),
         "; ".join(o.text for o in g.openers)]
        for i, g in enumerate(answer.groups, 1)])
