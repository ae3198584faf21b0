"""The formats every answer shares: CSV (formulas neutralized), JSON, aligned text tables."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from graphkit.errors import InvalidArgument

#: Cells starting with these are formulas to a spreadsheet (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: What must never reach a terminal raw: C0 and C1 controls (ESC starts a terminal command, CR
#: overwrites a line), DEL, and the Unicode marks that reorder or hide text (U+202E turns
#: "gpj.exe" around, U+2028 breaks a line). Newlines and tabs of the output itself are kept.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e"
                     "\u2066-\u2069\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str) -> str:
    r"""``text`` with every control character shown as an escape, so a name in the network can
    neither command the terminal nor disguise itself. Line breaks and tabs are kept.

    >>> print(terminal_safe("Ann\x1b]0;pwned\x07 Lee\u202e"))
    Ann\x1b]0;pwned\x07 Lee\u202e
    """
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    r"""A value shown inside one line (a table cell, a list item): line breaks become spaces
    and other control characters escapes.

    >>> print(one_line("Ann\r\nLee\x1b"))
    Ann Lee\x1b
    """
    return terminal_safe(" ".join(text.replace("\r\n", "\n").splitlines()) if text else text)


def text_lines(lines: Iterable[str]) -> str:
    r"""Lines of human-readable output joined, each kept to one line and escaped
    (:func:`one_line`), so a name in the network can neither add a line nor command the
    terminal; ends in a newline.

    >>> print(text_lines(["1. Ask Ann\nLee", "2. Ask Bo\x1b[2J"]), end="")
    1. Ask Ann Lee
    2. Ask Bo\x1b[2J
    """
    return "".join(one_line(line) + "\n" for line in lines)


def safe_cell(value: Any) -> Any:
    """Neutralize spreadsheet formulas in text cells; numbers pass unchanged.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell(-0.5), safe_cell("Ann")
    ("'=HYPERLINK(1)", -0.5, 'Ann')
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV with a header row, formulas neutralized.

    >>> csv_text(["name"], [["=1+1"]])
    "name\\n'=1+1\\n"
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()


FORMATS = ("table", "json", "csv")


def in_format(fmt: str, table: Callable[[], str], data: Callable[[], Any],
              csv: Callable[[], str]) -> str:
    """The one answer in ``fmt``: ``table`` (human-readable text), ``json`` (``data()`` as
    :func:`json_text`) or ``csv``; only the chosen one is built.

    >>> in_format("json", lambda: "t", lambda: {"a": 1}, lambda: "c")
    '{\\n  "a": 1\\n}\\n'

    Raises
    ------
    InvalidArgument
        for any other format.
    """
    if fmt == "json":
        return json_text(data())
    if fmt == "csv":
        return csv()
    if fmt == "table":
        return table()
    raise InvalidArgument("format", fmt, "one of " + ", ".join(FORMATS))


def json_text(data: Any) -> str:
    """Pretty JSON, non-ASCII names kept readable, ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def person_json(person: Any) -> dict[str, str]:
    return {"id": person.id, "name": person.name}


def text_table(header: Sequence[str], rows: Iterable[Sequence[Any]], right: str = "") -> list[str]:
    """Aligned plain-text columns; ``right`` holds "r" for each right-aligned column.

    >>> text_table(["name", "n"], [["Ann", 3], ["Bo", 12]], right=".r")
    ['name   n', 'Ann    3', 'Bo    12']
    """
    cells = [[one_line(str(h)) for h in header]] + [[one_line(str(v)) for v in row]
                                                     for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [cell.rjust(w) if i < len(right) and right[i] == "r" else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(parts).rstrip())
    return lines
