"""Changing a CSV file by the rows that changed, leaving every other byte as it was.

A network file is the user's work: rows graphkit could not read (a dangling tie, a duplicate id,
``strength=high``), columns it does not know and the way each row was written all belong to
them. :func:`patch_table` therefore never re-serializes a file: it compares the rows as graphkit
read them (``before``) with the rows it wants (``after``), record by record, by key; a row whose
key is in neither, or whose values did not change, is written back exactly as it was; a changed
row has only its changed cells rewritten; new rows are appended; rows that ``after`` no longer
has are removed. The lines of the records the reader skipped (``skipped``) are never matched to
a row, so a skipped duplicate or a dangling tie can never take the place of the row it shadows.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from graphkit.io.table import Problems, records

Key = tuple[str, ...]
Rows = Sequence[dict[str, str]]


@dataclass(frozen=True)
class RawRecord:
    """One record of a CSV file: its exact text (line ending included), its cells and the line
    it starts on."""

    text: str
    cells: list[str]
    line: int = 0


def raw_records(text: str, delimiter: str) -> list[RawRecord]:
    r"""Split CSV text into records, each with the exact text it was read from.

    Records are split by :func:`graphkit.io.table.records`, the splitter reading uses (lines an
    unclosed quote swallows make one record without cells: never matched, never changed).

    >>> [(r.line, r.text) for r in raw_records('id,name\r\n1,"Ann\nLee"\r\n2,Bo', ",")]
    [(1, 'id,name\r\n'), (2, '1,"Ann\nLee"\r\n'), (4, '2,Bo')]
    """
    return [RawRecord(r.text, r.cells if r.cells is not None else [], r.line)
            for r in records(text, "", Problems(), delimiter)]


def _line_end(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _format(cells: Sequence[str], delimiter: str, end: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=end).writerow(cells)
    return out.getvalue()


def _keyed(rows: Rows, key: Callable[[dict[str, str]], Key]) -> dict[Key, dict[str, str]]:
    """Rows by key; a key that repeats gets an occurrence number so each row stays distinct."""
    seen: Counter[Key] = Counter()
    out = {}
    for row in rows:
        k = key(row)
        seen[k] += 1
        out[(*k, str(seen[k]))] = row
    return out


def table_changed(before: Rows, after: Rows) -> bool:
    """True when the rows differ (order of rows included)."""
    return list(before) != list(after)


def patch_table(text: str, delimiter: str, before: Rows, after: Rows,
                key: Callable[[dict[str, str]], Key], columns: Sequence[str],
                skipped: Collection[int] = ()) -> str:
    r"""Return ``text`` with the change from ``before`` to ``after`` applied, row by row.

    Parameters
    ----------
    text : the file as it is now (its header first).
    delimiter : the file's delimiter.
    before : the rows graphkit read from ``text``, canonical (one dict per record it kept).
    after : the rows graphkit wants, canonical, in the same shape.
    key : the identity of a row (e.g. its id); raw cells and canonical rows must give the
        same key for the same record.
    columns : the canonical column names, for a header that lacks one ``after`` uses.
    skipped : the lines where records start that the reader left out of ``before``; they are
        written back as they are and never matched to a row of ``before``.

    Examples
    --------
    >>> text = "id,name,shoe\n1,Ann,42\n1,Dup,1\nx,,bad\n2,Bo,7\n"
    >>> before = [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bo"}]
    >>> after = [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bob"}, {"id": "3", "name": "Cy"}]
    >>> print(patch_table(text, ",", before, after, lambda r: (r["id"],), ["id", "name"]), end="")
    id,name,shoe
    1,Ann,42
    1,Dup,1
    x,,bad
    2,Bob,7
    3,Cy,
    """
    records = raw_records(text, delimiter)
    header_at = next((i for i, r in enumerate(records) if any(c.strip() for c in r.cells)),
                     None)
    end = _line_end(text)
    if header_at is None:  # no header: nothing of the user's to keep but blank lines
        cols = list(columns)
        for row in after:
            cols.extend(k for k in row if k not in cols)
        return _format(cols, delimiter, end) + "".join(
            _format([row.get(c, "") for c in cols], delimiter, end) for row in after)
    header = [c.strip() for c in records[header_at].cells]
    position = {name.lower(): i for i, name in enumerate(header)}
    wanted = list(columns) + [k for row in after for k in row if k not in columns]
    added = [c for c in dict.fromkeys(wanted) if c.lower() not in position
             and any(row.get(c, "") for row in after)]
    if added:
        for name in added:
            position[name.lower()] = len(header)
            header.append(name)
        first = records[header_at]
        records[header_at] = RawRecord(
            _format(header, delimiter, first.text[len(first.text.rstrip("\r\n")):] or end),
            header)

    old = _keyed(before, key)
    new = _keyed(after, key)
    seen: Counter[Key] = Counter()
    out: list[str] = []
    for i, record in enumerate(records):
        if i <= header_at or record.line in skipped or not any(c.strip() for c in record.cells):
            out.append(record.text)
            continue
        raw = {name.lower(): (record.cells[j].strip() if j < len(record.cells) else "")
               for name, j in position.items()}
        k = key(raw)
        seen[k] += 1
        full = (*k, str(seen[k]))
        if full not in old:  # a row graphkit skipped when reading: the user's, untouched
            out.append(record.text)
            continue
        if full not in new:  # removed on purpose
            continue
        was, now = old[full], new[full]
        if was == now:
            out.append(record.text)
            continue
        cells = list(record.cells) + [""] * (len(header) - len(record.cells))
        for name in dict.fromkeys([*was, *now]):
            if was.get(name, "") != now.get(name, "") and name.lower() in position:
                cells[position[name.lower()]] = now.get(name, "")
        while len(cells) > len(record.cells) and not cells[-1]:
            cells.pop()  # a column the header gained, empty here: the row stays as short
        ending = record.text[len(record.text.rstrip("\r\n")):] or end
        out.append(_format(cells, delimiter, ending))
    fresh = [row for k, row in new.items() if k not in old]
    if fresh and out and not out[-1].endswith(("\n", "\r")):
        out[-1] += end
    for row in fresh:
        cells = [""] * len(header)
        for name, value in row.items():
            if name.lower() in position:
                cells[position[name.lower()]] = value
        out.append(_format(cells, delimiter, end))
    return "".join(out)
