"""What every address-book importer produces: one :class:`Contact` per exported person."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graphkit.errors import InputError


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


def csv_records(text: str, path: str | Path,
                is_header) -> tuple[int, list[str], list[tuple[int, list[str]]]]:  # type: ignore[no-untyped-def]
    """Find the header by content (``is_header(cells)``), skipping any preamble.

    Returns the header's line, its cells, and the (start line, cells) of every later non-blank
    record.
    """
    reader = csv.reader(io.StringIO(text, newline=""))
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
        raise InputError(f"malformed CSV ({exc})", path, reader.line_num) from None
    if header is None:
        raise InputError("no header line found", path, 1)
    return header_line, header, records
