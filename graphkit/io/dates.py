"""Dates as the network format and the exports write them.

The network format writes ISO dates. Exports write whatever the exporting site or a
spreadsheet's locale chose: ``26 Dec 2025``, ``6-Feb-26``, ``Feb 6, 2026``, ``25/12/2025``,
``6.2.2026``, ``1/8/18, 6:14 PM``. Month names are unambiguous; an all-numeric date is not
(``06/02/2026`` is 6 February in Paris and June 2 in Boston), so :func:`read_export_dates`
decides day-first or month-first once per file, from the evidence in that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%d %b %Y", "%m/%d/%y, %I:%M %p", "%m/%d/%Y", "%m/%d/%y")

#: Dates that name their month, in the forms sites and spreadsheets write them.
_NAMED = ("%d %b %Y", "%d %B %Y", "%d-%b-%y", "%d-%b-%Y", "%d-%B-%Y", "%d %b %y", "%b %d, %Y",
          "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%d. %b %Y", "%d. %B %Y", "%Y-%m-%d", "%Y/%m/%d",
          "%Y.%m.%d", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})\.?(?P<rest>[ ,T].*)?$")
_TIME = re.compile(r"[ ,T]+\d{1,2}:\d{2}(:\d{2})?(\.\d+)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"
                   r"\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?\s*$")

DAY_FIRST = "day-first"
MONTH_FIRST = "month-first"


def parse_date(text: str) -> date | None:
    """Parse an ISO date (``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``) or an export's date.

    Returns None for an empty string; raises ValueError for anything else unparseable.

    Examples
    --------
    >>> parse_date("2025-12-26"), parse_date("26 Dec 2025"), parse_date("1/8/18, 6:14 PM")
    (datetime.date(2025, 12, 26), datetime.date(2025, 12, 26), datetime.date(2018, 1, 8))
    >>> parse_date("2019-03")
    datetime.date(2019, 3, 1)
    """
    text = text.strip()
    if not text:
        return None
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unparseable date '{text}'")


def format_date(value: date | None) -> str:
    """ISO ``YYYY-MM-DD``, or "" for None."""
    return value.isoformat() if value else ""


def _named(text: str) -> date | None:
    """A date that names its month (or is ISO), any trailing time of day dropped."""
    bare = _TIME.sub("", text).strip().rstrip(".")
    for candidate in (text, bare):
        for fmt in _NAMED:
            try:
                return datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
    return None


@dataclass(frozen=True)
class _Numeric:
    first: int
    second: int
    year: int
    hint: str | None


def _numeric(text: str) -> _Numeric | None:
    match = _NUMERIC.match(text)
    if not match:
        return None
    first, sep, second, year = match.group(1, 2, 3, 4)
    y = int(year)
    if len(year) == 2:
        y += 2000 if y < 69 else 1900  # strptime's %y pivot
    hint = None
    rest = match.group("rest") or ""
    if sep == ".":
        hint = DAY_FIRST  # 6.2.2026 is a European form
    elif re.search(r"[AaPp]\.?[Mm]\.?\s*$", rest):
        hint = MONTH_FIRST  # a 12-hour clock with AM/PM is the US form
    return _Numeric(int(first), int(second), y, hint)


@dataclass
class ExportDates:
    """The dates of one column of one file, read together.

    ``dates[i]`` is the date of ``values[i]`` (None when empty or refused); ``errors[i]`` says
    why value ``i`` was refused; ``order`` is the numeric order chosen for the file
    (``"day-first"``, ``"month-first"``) and ``reason`` the evidence, or both None when the
    file has no ambiguous-looking numeric date.
    """

    dates: list[date | None] = field(default_factory=list)
    errors: dict[int, str] = field(default_factory=dict)
    order: str | None = None
    reason: str = ""


def read_export_dates(values: list[str]) -> ExportDates:
    """Read a column of export dates, deciding day-first or month-first once for all of them.

    A numeric date whose first number is over 12 settles day-first (``25/12/2025``), a second
    number over 12 month-first (``12/25/2025``); with no such value, the form decides (dots
    mean day-first, an AM/PM time month-first). What the evidence leaves ambiguous, or what
    contradicts it, is refused, never guessed.

    Examples
    --------
    >>> got = read_export_dates(["06/02/2026", "25/12/2025", "Feb 6, 2026", "6-Feb-26"])
    >>> [d.isoformat() for d in got.dates], got.order
    (['2026-02-06', '2025-12-25', '2026-02-06', '2026-02-06'], 'day-first')
    >>> got = read_export_dates(["06/02/2026", "07/03/2026"])
    >>> got.dates, sorted(got.errors)
    ([None, None], [0, 1])
    """
    out = ExportDates(dates=[None] * len(values))
    numeric: dict[int, _Numeric] = {}
    for i, raw in enumerate(values):
        text = raw.strip()
        if not text:
            continue
        named = _named(text)
        if named is not None:
            out.dates[i] = named
            continue
        parts = _numeric(text)
        if parts is None:
            out.errors[i] = f"unreadable date '{text}'"
            continue
        numeric[i] = parts
    day_first = sum(1 for p in numeric.values() if p.first > 12 >= p.second)
    month_first = sum(1 for p in numeric.values() if p.second > 12 >= p.first)
    if day_first and not month_first:
        out.order, out.reason = DAY_FIRST, f"{day_first} date(s) with a day over 12 first"
    elif month_first and not day_first:
        out.order, out.reason = MONTH_FIRST, f"{month_first} date(s) with a day over 12 second"
    elif not day_first and not month_first:
        hints = {p.hint for p in numeric.values() if p.hint}
        if len(hints) == 1:
            out.order = hints.pop()
            out.reason = ("dates written with dots" if out.order == DAY_FIRST
                          else "times written with AM/PM")
    for i, p in numeric.items():
        if out.order is None and p.first != p.second and p.first <= 12 and p.second <= 12:
            why = (f"the file has dates both ways ({day_first} day-first, {month_first} "
                   "month-first)" if day_first and month_first else
                   "nothing in the file says whether the day or the month comes first")
            out.errors[i] = (f"ambiguous date '{values[i].strip()}' ({p.first} "
                             f"{_month_name(p.second)} or {_month_name(p.first)} {p.second}): "
                             f"{why}")
            continue
        day, month = (p.first, p.second) if out.order != MONTH_FIRST else (p.second, p.first)
        if out.order is None and p.first > 12:
            day, month = p.first, p.second
        elif out.order is None and p.second > 12:
            day, month = p.second, p.first
        try:
            out.dates[i] = date(p.year, month, day)
        except ValueError:
            out.errors[i] = (f"impossible date '{values[i].strip()}' for a {out.order or ''} "
                             "file".replace("a  file", "this file"))
    return out


def _month_name(month: int) -> str:
    return date(2000, month, 1).strftime("%b") if 1 <= month <= 12 else str(month)
