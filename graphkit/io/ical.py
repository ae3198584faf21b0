"""Calendar files (.ics, iCalendar): meetings with attendees, read with ``icalendar``.

Only who met and when is kept: an event's summary, description and location never are.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.io.contacts import Interaction
from graphkit.io.table import Problems
from graphkit.io.text import read_export_text

#: An event with more attendees than this (an all-hands, a webinar) is not evidence of knowing
#: each of them.
MAX_ATTENDEES = 12


def _address(value: Any) -> str:
    text = str(value).strip()
    return text[7:].strip() if text.lower().startswith("mailto:") else text


def _day(value: Any) -> date | None:
    when = getattr(value, "dt", value)
    if isinstance(when, datetime):
        return when.date()
    return when if isinstance(when, date) else None


def parse_calendar(text: str, path: str | Path = "calendar.ics",
                   problems: Problems | None = None) -> list[Interaction]:
    """Every attendee of every event (organizer included), one :class:`Interaction` each, with
    ``email`` the address, ``name`` the CN and ``when`` the start date.

    ``from_them`` is True when the attendee organized the event. Cancelled events, declined
    invitations and events of more than :data:`MAX_ATTENDEES` people are left out (counted
    in the warnings); a recurring event counts once, on its first date. Which address is the
    calendar's owner is decided by the importer.

    Raises
    ------
    InputError
        when the text is not an iCalendar file.

    Examples
    --------
    >>> ics = ("BEGIN:VCALENDAR\\nVERSION:2.0\\nPRODID:x\\nBEGIN:VEVENT\\nUID:1\\n"
    ...        "DTSTART:20261101T150000Z\\nSUMMARY:Coffee\\nORGANIZER;CN=Ann:mailto:ann@x.org\\n"
    ...        "ATTENDEE;CN=Me:mailto:me@x.org\\nEND:VEVENT\\nEND:VCALENDAR\\n")
    >>> [(i.email, i.when.isoformat(), i.from_them) for i in parse_calendar(ics)]
    [('ann@x.org', '2026-11-01', True), ('me@x.org', '2026-11-01', False)]
    """
    import icalendar

    problems = problems if problems is not None else Problems()
    if "BEGIN:VCALENDAR" not in text[:4096].upper():
        raise InputError("not an iCalendar file (no BEGIN:VCALENDAR); export the calendar as "
                         ".ics", path)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except (ValueError, IndexError, KeyError) as exc:
        raise InputError(f"unreadable iCalendar file ({str(exc)[:120]})", path) from None
    lines = _event_lines(text)
    out: list[Interaction] = []
    for n, event in enumerate(calendar.walk("VEVENT")):
        line = lines[n] if n < len(lines) else 0
        if str(event.get("STATUS", "")).upper() == "CANCELLED":
            problems.warn(path, line, "STATUS", "cancelled event; not counted as a meeting "
                          "(row skipped)")
            continue
        try:
            when = _day(event.get("DTSTART"))
        except ValueError as exc:  # icalendar's BrokenCalendarProperty is a ValueError
            problems.warn(path, line, "DTSTART", f"unreadable start ({str(exc)[:80]}); row "
                          "skipped")
            continue
        if when is None:
            problems.warn(path, line, "DTSTART", "event has no start date; row skipped")
            continue
        attendees = event.get("ATTENDEE", [])
        attendees = attendees if isinstance(attendees, list) else [attendees]
        if len(attendees) > MAX_ATTENDEES:
            problems.warn(path, line, "ATTENDEE", f"{len(attendees)} attendees (more than "
                          f"{MAX_ATTENDEES}): a large event is not evidence of knowing each "
                          "one; row skipped")
            continue
        organizer = event.get("ORGANIZER")
        people: dict[str, tuple[str, bool]] = {}
        if organizer is not None:
            people[_address(organizer).casefold()] = (
                str(organizer.params.get("CN", "")), True)
        for attendee in attendees:
            if str(attendee.params.get("PARTSTAT", "")).upper() == "DECLINED":
                continue
            key = _address(attendee).casefold()
            if key not in people:
                people[key] = (str(attendee.params.get("CN", "")), False)
        for email, (name, organized) in people.items():
            if "@" in email:
                out.append(Interaction(str(path), line, "meeting", when, organized,
                                       name=name, email=email))
    return out


def _event_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.splitlines(), start=1)
            if line.strip().upper() == "BEGIN:VEVENT"]


def read_calendar(path: str | Path, problems: Problems | None = None) -> list[Interaction]:
    """Open an .ics file (any encoding) and :func:`parse_calendar` it."""
    return parse_calendar(read_export_text(path, "an iCalendar (.ics) file"), path, problems)
