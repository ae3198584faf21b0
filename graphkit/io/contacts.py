"""What every address-book importer produces: one :class:`Contact` per exported person."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graphkit.errors import InputError
from graphkit.io.table import DELIMITERS, MAX_FIELD, Problems, remove_nul


@dataclass(frozen=True)
class Contact:
    """A person as an export describes them (before matching against the network)."""

    line: int
    name: str
    email: str = ""
    url: str = ""
    company: str = ""
    title: str = ""
    connected_on: date | None = None
    notes: str = ""
    location: str = ""
    groups: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    uid: str = ""


#: The message when no line of a file is a header (callers say what they expected instead).
NO_HEADER = "no header line found"


def csv_records(text: str, path: str | Path, is_header: Callable[[list[str]], bool],
                problems: Problems, missing_header: str = NO_HEADER,
                ) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """Find the header by content (``is_header(cells)``), skipping any preamble, with whichever
    delimiter (comma, tab, semicolon) makes a header appear.

    Returns the header's line, its cells, and the (start line, cells) of every later non-blank
    record. ``missing_header`` is the message when no line is a header: what kind of file was
    expected and how to get one.
    """
    text = remove_nul(text, path, problems)
    error: InputError | None = None
    for delimiter in DELIMITERS:
        try:
            return _records(text, path, is_header, delimiter, problems)
        except InputError as exc:
            error = error or exc
    assert error is not None
    if error.reason == NO_HEADER and missing_header != NO_HEADER:
        raise InputError(missing_header, path) from None
    raise error


def _records(text: str, path: str | Path, is_header: Callable[[list[str]], bool],
             delimiter: str, problems: Problems
             ) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    header_line = 0
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for cells in reader:
            line, start = start, reader.line_num + 1
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                if is_header([c.strip() for c in cells]):
                    header, header_line = [c.strip() for c in cells], line
                continue
            records.append((line, cells))
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc}); check quoting on this line (values over "
                         f"{MAX_FIELD // 2**20} MiB are refused)", path, reader.line_num) from None
    if header is None:
        raise InputError(NO_HEADER, path, 1)
    # Only a last value spanning lines can be an unclosed quote: scan the text just then.
    opened = (_unclosed_quote(text, delimiter) if records and any(
        "\n" in c or "\r" in c for c in records[-1][1]) else None)
    if opened is not None and records and records[-1][0] <= opened:
        # The csv module reads an unclosed quote to the end of the file as one value: that row
        # and every line after it are lost, each counted as skipped.
        line, cells = records.pop()
        lost = [n for n, raw in enumerate(text.splitlines(), start=1)
                if n > opened and raw.strip()]
        problems.warn(path, opened, None, f"a quote opened on line {opened} is never closed, so "
                      f"the {len(lost)} line(s) after it were read as one value; row skipped "
                      "(close the quote and import again)")
        for n in lost:
            problems.warn(path, n, None, f"swallowed by the unclosed quote on line {opened}; "
                          "row skipped")
    return header_line, header, records


def _unclosed_quote(text: str, delimiter: str) -> int | None:
    """The line where a quoted value opens and never closes, or None.

    A quote opens a value only at its start (after a delimiter or a line break), as the csv
    module reads it; ``""`` inside a quoted value is an escaped quote.

    >>> _unclosed_quote('a,b\\n"x,y\\n1,2\\n', ","), _unclosed_quote('a,b\\n"x\\ny",2\\n', ",")
    (2, None)
    """
    inside = False
    line = 1
    opened = 0
    at_start = True
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if inside:
            if c == '"':
                if i + 1 < n and text[i + 1] == '"':
                    i += 2
                    continue
                inside = False
            elif c == "\n":
                line += 1
        elif c == '"' and at_start:
            inside, opened = True, line
        elif c == "\n":
            line += 1
        at_start = c in (delimiter, "\n", "\r") and not inside
        i += 1
    return opened if inside else None


@dataclass(frozen=True)
class Interaction:
    """One dated sign that the export's owner and someone were in touch: a message, a meeting,
    an email, an invitation, a recommendation or an endorsement. Counts and dates only: no
    subject, no content is ever kept.

    ``from_them`` is True when the other person wrote, invited, recommended or endorsed; the
    other person is named by whatever the file gives: a LinkedIn URL, an email, a name.
    """

    path: str
    line: int
    kind: str
    when: date | None
    from_them: bool
    name: str = ""
    url: str = ""
    email: str = ""


#: Kinds of interaction that are contact (counted, dated); the others are evidence only.
CONTACT_KINDS = ("message", "meeting", "email")
