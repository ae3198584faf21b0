"""The formats every answer shares: CSV (formulas neutralized), JSON, aligned text tables."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

#: Cells starting with these are formulas to a spreadsheet (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


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
    cells = [[str(h) for h in header]] + [[str(v) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        parts = [cell.rjust(w) if i < len(right) and right[i] == "r" else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        lines.append("  ".join(parts).rstrip())
    return lines
