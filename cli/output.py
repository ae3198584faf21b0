"""Writing results as JSON and CSV for scripts."""

from __future__ import annotations

import csv
import json
import sys
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


def write_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """CSV to stdout, formulas neutralized."""
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([safe_cell(v) for v in row])


def write_json(data: Any) -> None:
    """Pretty JSON to stdout, non-ASCII names kept readable."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


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
