"""Dates as the network format and the exports write them."""

from __future__ import annotations

from datetime import date, datetime

_FORMATS = ("%Y-%m-%d", "%Y-%m", "%Y", "%d %b %Y", "%m/%d/%y, %I:%M %p", "%m/%d/%Y", "%m/%d/%y")


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
