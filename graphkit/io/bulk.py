"""Reading a big CSV file of the network in chunks of columns, exactly as the csv module would.

A clean file of 4 MiB or more without a quote character or a carriage return (so that
splitting at the delimiter and at each line end is exactly what the csv module does) is read
by pyarrow's multi-threaded C CSV reader; values with surrounding whitespace are stripped by
Python's own ``str.strip``, and anything pyarrow rejects is read by the csv module as before.
The csv-module path is the exact fallback for quoted or odd files. A file with anything the
reference reader would warn about raises :class:`NotClean`.
"""

from __future__ import annotations

import codecs
import csv
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.io.network import FileSpec
from graphkit.io.table import sniff_delimiter
from graphkit.model import Extra

CHUNK = 200_000
#: Files smaller than this are read by the csv module: importing pyarrow (about 0.3 s) would
#: cost more than it saves.
ARROW_MIN_BYTES = 4 << 20
_BOM_STARTS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class NotClean(Exception):
    """The file has something the reference reader would warn about or repair."""


@dataclass
class Table:
    """A clean CSV file as stripped columns (known columns) and raw extra columns; a column
    is a list of str, or a pyarrow string array when pyarrow read the file."""

    values: dict[str, Any]
    extra: list[Extra] | None
    rows: int

    def get(self, column: str) -> list[str]:
        """The column as a list of str ("" for every row when the file has no such column)."""
        values = self.values.get(column)
        if values is None:
            return [""] * self.rows
        return values if isinstance(values, list) else values.to_pylist()

    def raw(self, column: str) -> Any:
        """The column as read: a list of str or a pyarrow array (no conversion), None when
        the file has no such column. A column read as ``unchecked`` may be padded."""
        return self.values.get(column)


def _clean_utf8(path: Path) -> None:
    """Raise NotClean unless the file is BOM-less, NUL-free, valid UTF-8 that the reference
    decoder would read as UTF-8 (not as BOM-less UTF-16)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as handle:
        head = handle.read(4096)
        if head.startswith(_BOM_STARTS) or b"\x00" in head:
            raise NotClean
        handle.seek(0)
        try:
            while block := handle.read(1 << 24):
                if b"\x00" in block:
                    raise NotClean
                decoder.decode(block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise NotClean from None


#: First bytes (UTF-8) of every character ``str.strip`` removes (``str.isspace``): the ASCII
#: ones, and the lead bytes of U+0085, U+00A0, U+1680, U+2000-U+3000.
_SPACE_LEADS = np.zeros(256, dtype=bool)
_SPACE_LEADS[[ord(c) for c in "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "] + [0xC2, 0xE1, 0xE2, 0xE3]] = True
#: Last bytes that may end such a character: the ASCII ones and any UTF-8 continuation byte.
_SPACE_ENDS = _SPACE_LEADS.copy()
_SPACE_ENDS[0x80:0xC0] = True
_SPACE_ENDS[[0xC2, 0xE1, 0xE2, 0xE3]] = False


def _padded(column: Any) -> bool:
    """True if a value of the pyarrow string column starts or ends with a character
    ``str.strip`` removes. The first and last byte of every value are checked with numpy on
    Arrow's buffers; the few values that might qualify (a name ending in "é" does) are then
    checked by Python itself."""
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[
        column.offset:column.offset + len(column) + 1]
    data = column.buffers()[2]
    if data is None or not len(column):
        return False
    raw = np.frombuffer(data, dtype=np.uint8)
    starts, ends = offsets[:-1], offsets[1:]
    filled = np.flatnonzero(ends > starts)
    maybe = filled[_SPACE_LEADS[raw[starts[filled]]] | _SPACE_ENDS[raw[ends[filled] - 1]]]
    if not len(maybe):
        return False
    return any(v != v.strip() for v in column.take(maybe).to_pylist())


def _arrow_table(path: Path, spec: FileSpec,
                 unchecked: Collection[str] = ()) -> Table | None:
    """The file read by pyarrow's C reader, or None where it could differ from the csv module
    (a quote, a carriage return, a single column, pyarrow missing) or pyarrow refuses it; then
    the caller reads it the ordinary way. Raises NotClean as :func:`read_table` does. Columns
    named in ``unchecked`` are not checked for padding (see :func:`read_table`)."""
    try:
        import pyarrow as pa
        import pyarrow.csv as pacsv
    except ImportError:
        return None
    data = path.read_bytes()
    if data.startswith(_BOM_STARTS) or b"\x00" in data:
        raise NotClean
    if b'"' in data or b"\r" in data:
        return None
    end = data.find(b"\n")
    first = data[:end if end >= 0 else len(data)]
    try:
        prefix = data[:1 << 16].decode("utf-8", errors="ignore")
    except UnicodeDecodeError:  # pragma: no cover - errors="ignore" never raises
        return None
    lines = prefix.splitlines()
    if len(lines) < 2 or not lines[0].strip():
        raise NotClean
    delimiter = sniff_delimiter(prefix)
    try:
        header = [cell.strip() for cell in first.decode("utf-8").split(delimiter)]
    except UnicodeDecodeError:
        raise NotClean from None
    width = len(header)
    if width < 2 or len(delimiter) != 1:
        return None
    known = {c.lower(): c for c in spec.columns}
    present = {h.lower() for h in header}
    if not all(c.lower() in present for c in spec.required):
        raise NotClean
    names = [f"c{k}" for k in range(width)]
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(memoryview(data)[len(first) + 1:])),  # no copy
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=delimiter, quote_char=False,
                                             double_quote=False, escape_char=False,
                                             newlines_in_values=False,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False, quoted_strings_can_be_null=False,
                check_utf8=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None  # a short or long row, a non-UTF-8 byte: the csv module decides
    del data
    values: dict[str, Any] = {}
    for k, h in enumerate(header):
        if h.lower() not in known:
            continue
        column = table.column(k).combine_chunks()
        if known[h.lower()] in unchecked:
            values[known[h.lower()]] = column
        elif _padded(column):
            values[known[h.lower()]] = list(map(str.strip, column.to_pylist()))
        else:
            values[known[h.lower()]] = column
    extra_columns = [(k, h) for k, h in enumerate(header) if h and h.lower() not in known]
    extras = None
    if extra_columns:
        extras = [tuple(zip([h for _, h in extra_columns], cells, strict=True))
                  for cells in zip(*(table.column(k).to_pylist() for k, _ in extra_columns),
                                   strict=True)]
    return Table(values, extras, table.num_rows)


def read_table(path: Path, spec: FileSpec,
               unchecked: Collection[str] = ()) -> Iterator[Table]:
    """The file in chunks of columns; raises NotClean where the reference would do more than
    split, strip and map columns (short or long rows, blank lines before the header,
    missing required columns, malformed quoting).

    Columns named in ``unchecked`` may come back unstripped (as pyarrow arrays) when pyarrow
    read the file: the caller strips them itself (per distinct value) or looks them up among
    stripped keys, where a padded value is not found and the caller raises NotClean. That
    saves the padding check of the biggest columns (6.7 million ids per column at a million
    people)."""
    fast = (_arrow_table(path, spec, unchecked) if path.stat().st_size >= ARROW_MIN_BYTES
            else None)
    if fast is not None:
        yield fast
        return
    _clean_utf8(path)
    with open(path, encoding="utf-8", newline="") as handle:
        prefix = handle.read(1 << 16)
    lines = prefix.splitlines()
    if len(lines) < 2 or not lines[0].strip():
        raise NotClean
    delimiter = sniff_delimiter(prefix)
    known = {c.lower(): c for c in spec.columns}
    with open(path, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter=delimiter)
        try:
            header = [cell.strip() for cell in next(reader)]
            present = {h.lower() for h in header}
            if not all(c.lower() in present for c in spec.required):
                raise NotClean
            columns = {known[h.lower()]: k for k, h in enumerate(header) if h.lower() in known}
            extra = [(k, h) for k, h in enumerate(header) if h and h.lower() not in known]
            width = len(header)
            while chunk := list(islice(reader, CHUNK)):
                if set(map(len, chunk)) != {width}:
                    raise NotClean
                cols = [list(map(itemgetter(k), chunk)) for k in range(width)]
                del chunk
                values = {name: list(map(str.strip, cols[k])) for name, k in columns.items()}
                extras = None
                if extra:
                    extras = [tuple(zip([h for _, h in extra], cells, strict=True))
                              for cells in zip(*(cols[k] for k, _ in extra), strict=True)]
                yield Table(values, extras, len(cols[0]))
        except csv.Error:
            raise NotClean from None
