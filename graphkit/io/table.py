"""CSV tables with required and optional columns, and the problems found in them."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.errors import InputError, format_location

#: Excel's "CSV" uses "," or ";" (by locale); its "Unicode Text" uses tabs.
DELIMITERS = (",", "\t", ";")
#: A single value may be this large (the csv module's default, 128 KiB, rejects long notes).
MAX_FIELD = 16 * 1024 * 1024
csv.field_size_limit(MAX_FIELD)


@dataclass(frozen=True)
class Problem:
    """Something wrong in an input file that graphkit skipped or repaired."""

    path: str
    line: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        return format_location(self.path, self.line, self.column) + self.message

    @property
    def skipped(self) -> bool:
        """True when the record was left out (every such message says "skipped")."""
        return "skipped" in self.message


@dataclass
class Problems:
    """Collects warnings; in strict mode the first warning is raised as an :class:`InputError`."""

    strict: bool = False
    items: list[Problem] = field(default_factory=list)

    def warn(self, path: str | Path, line: int | None, column: str | None, message: str) -> None:
        """Record a warning (or raise it, when strict)."""
        if self.strict:
            raise InputError(message + " (--strict turns this warning into an error)",
                             path, line, column)
        self.items.append(Problem(str(path), line, column, message))

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)


@dataclass(frozen=True)
class Row:
    """One CSV record: the line it starts on, known values by column, unknown columns kept."""

    line: int
    values: dict[str, str]
    extra: tuple[tuple[str, str], ...]

    def get(self, column: str) -> str:
        """The stripped value of ``column``, "" when absent."""
        return self.values.get(column, "")


def sniff_delimiter(text: str) -> str:
    r"""The delimiter of the first non-blank line: the most frequent of ``,``, tab and ``;``.

    >>> sniff_delimiter("id\tname\n1\tAnn, Lee\n"), sniff_delimiter("id,name\n")
    ('\t', ',')
    """
    for line in text.splitlines():
        if line.strip():
            counts = {d: line.count(d) for d in DELIMITERS}
            best = max(DELIMITERS, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def remove_nul(text: str, path: str | Path, problems: Problems) -> str:
    """NUL characters never belong in a name or a note: drop them, with a warning."""
    count = text.count("\x00")
    if count:
        problems.warn(path, None, None, f"{count} NUL character{'s' if count != 1 else ''} "
                      "removed (the file may have been saved with the wrong encoding)")
        text = text.replace("\x00", "")
    return text


def parse_table(
    text: str,
    path: str | Path,
    required: Sequence[str],
    optional: Sequence[str] = (),
    problems: Problems | None = None,
) -> list[Row]:
    """Parse CSV text whose first non-blank line is the header.

    Column names match case-insensitively. Blank lines are ignored; a record with more values
    than the header is skipped with a warning; missing trailing values count as empty.

    Raises
    ------
    InputError
        for an empty file, a missing required column, or malformed CSV.

    Examples
    --------
    >>> rows = parse_table("id,name,shoe\\n1,Ann,42\\n", "people.csv", ["id", "name"])
    >>> rows[0].values, rows[0].extra, rows[0].line
    ({'id': '1', 'name': 'Ann'}, (('shoe', '42'),), 2)
    """
    problems = problems if problems is not None else Problems()
    text = remove_nul(text, path, problems)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    header: list[str] | None = None
    rows: list[Row] = []
    known = {c.lower(): c for c in (*required, *optional)}
    start = 1
    try:
        for record in reader:
            line = start
            start = reader.line_num + 1
            if not any(cell.strip() for cell in record):
                continue
            if header is None:
                header = [cell.strip() for cell in record]
                _check_header(header, required, path, line)
                continue
            if len(record) > len(header):
                problems.warn(path, line, None,
                              f"{len(record)} values but the header has {len(header)} columns; "
                              "row skipped (quote values that contain commas)")
                continue
            values: dict[str, str] = {}
            extra: list[tuple[str, str]] = []
            for name, cell in zip(header, record, strict=False):
                canonical = known.get(name.lower())
                if canonical is not None:
                    values[canonical] = cell.strip()
                elif name:
                    extra.append((name, cell))
            rows.append(Row(line, values, tuple(extra)))
    except csv.Error as exc:
        raise InputError(f"malformed CSV ({exc}); check quoting on this line (values over "
                         f"{MAX_FIELD // 2**20} MiB are refused)", path, reader.line_num) from None
    if header is None:
        raise InputError(
            "the file is empty; it needs a header line: " + ",".join(required), path, 1)
    return rows


def _check_header(header: list[str], required: Sequence[str], path: str | Path,
                  line: int) -> None:
    present = {h.lower() for h in header}
    for column in required:
        if column.lower() not in present:
            raise InputError(
                f"missing required column '{column}'; the header has "
                f"{','.join(header)}; add a '{column}' column (required: {','.join(required)})",
                path, line, column)
