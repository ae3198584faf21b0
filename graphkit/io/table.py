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
    #: how many rows this problem left out (an unclosed quote can take many)
    rows: int = 1

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

    def warn(self, path: str | Path, line: int | None, column: str | None, message: str,
             rows: int = 1) -> None:
        """Record a warning (or raise it, when strict); ``rows`` is how many rows it skips."""
        if self.strict:
            raise InputError(message + " (--strict turns this warning into an error)",
                             path, line, column)
        self.items.append(Problem(str(path), line, column, message, rows))

    @property
    def skipped_rows(self) -> int:
        """How many rows the warnings left out."""
        return sum(p.rows for p in self.items if p.skipped)

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
    r"""NUL characters never belong in a name or a note: drop them, with a warning that names
    the line of the first one.

    >>> problems = Problems()
    >>> remove_nul("id,name\n1,A\x00nn\n", "people.csv", problems)
    'id,name\n1,Ann\n'
    >>> str(problems.items[0])[:44]
    'people.csv:2: 1 NUL character removed (the f'
    """
    count = text.count("\x00")
    if count:
        first = text.index("\x00")
        line = text.count("\n", 0, first) + 1 + (
            text.count("\r", 0, first) - text.count("\r\n", 0, first))
        problems.warn(path, line, None, f"{count} NUL character{'s' if count != 1 else ''} "
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
    header: list[str] | None = None
    rows: list[Row] = []
    known = {c.lower(): c for c in (*required, *optional)}
    for found in records(text, path, problems):
        line, record = found.line, found.cells
        if record is None or not any(cell.strip() for cell in record):
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
    if header is None:
        raise InputError(
            "the file is empty; it needs a header line: " + ",".join(required), path, 1)
    return rows


@dataclass(frozen=True)
class Record:
    """One CSV record: the line it starts on, its exact text (line ends included) and its
    cells; ``cells`` is None for lines an unclosed quote swallowed (reported, never read)."""

    line: int
    text: str
    cells: list[str] | None


def records(text: str, path: str | Path, problems: Problems,
            delimiter: str | None = None) -> Iterator[Record]:
    r"""Split CSV text into records: the one splitter for reading a file and for patching it.

    A quote that is never closed (or closed in the middle of a value that goes on to other
    lines) would fold the lines after it into one value. Those lines are not guessed at: they
    are reported once (file and line of the opening quote), counted as skipped rows and given
    back as one record without cells; reading goes on after them. A value quoted and then
    continued on the same line (``"Ann" Lee``) is read as the csv module always read it.

    Raises
    ------
    InputError
        for a value over the size limit.

    Examples
    --------
    >>> problems = Problems()
    >>> [(r.line, r.cells) for r in records('id,name\n1,"Ann\n2,Bo\n', "people.csv", problems)]
    [(1, ['id', 'name']), (2, None)]
    >>> print(problems.items[0].message[:60])
    unclosed quote: lines 2-3 (2 rows) read as one value; rows s
    >>> problems.skipped_rows
    2
    >>> [r.cells for r in records('1,"Ann" Lee,x\n', "p.csv", problems)]
    [['1', 'Ann Lee', 'x']]
    """
    lines: list[str] = []
    delimiter = delimiter or sniff_delimiter(text)

    def feed() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            lines.append(line)
            yield line

    reader = csv.reader(feed(), delimiter=delimiter, strict=True)
    start = 1
    while True:
        try:
            cells: list[str] | None = next(reader)
        except StopIteration:
            if len(lines) >= start:  # a last line the reader dropped (cannot happen; kept safe)
                yield Record(start, "".join(lines[start - 1:]), None)
            return
        except csv.Error as exc:
            if "field larger than field limit" in str(exc):
                raise InputError(f"a value over {MAX_FIELD // 2**20} MiB ({exc}); check quoting "
                                 "on this line", path, start) from None
            end = reader.line_num
            if end == start and "expected after" in str(exc):
                cells = next(csv.reader([lines[start - 1]], delimiter=delimiter))
            else:
                affected = sum(1 for line in lines[start - 1:end] if line.strip())
                where = f"lines {start}-{end}" if end > start else f"line {start}"
                problems.warn(path, start, None,
                              f"unclosed quote: {where} ({affected} row{'s' * (affected != 1)}) "
                              f"read as one value; row{'s' * (affected != 1)} skipped (close "
                              'the quote, or write a quote inside a value as "")', rows=affected)
                cells = None
        end = reader.line_num
        yield Record(start, "".join(lines[start - 1:end]), cells)
        start = end + 1


def _check_header(header: list[str], required: Sequence[str], path: str | Path,
                  line: int) -> None:
    present = {h.lower() for h in header}
    for column in required:
        if column.lower() not in present:
            raise InputError(
                f"missing required column '{column}'; the header has "
                f"{','.join(header)}; add a '{column}' column (required: {','.join(required)})",
                path, line, column)
