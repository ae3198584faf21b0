"""LinkedIn's Connections.csv, in the current and the 2018 legacy format."""

from __future__ import annotations

from pathlib import Path

from graphkit.io.contacts import Contact, csv_records
from graphkit.io.dates import read_export_dates
from graphkit.io.table import Problems
from graphkit.io.text import read_export_text

COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
           "Connected On")


def _is_header(cells: list[str]) -> bool:
    lowered = {c.lower() for c in cells}
    return "first name" in lowered and "last name" in lowered


def parse_linkedin(text: str, path: str | Path = "Connections.csv",
                   problems: Problems | None = None,
                   notes: list[str] | None = None) -> list[Contact]:
    """Parse a LinkedIn connections export.

    The header is found by its content, after a ``Notes:`` preamble of any length (current
    format, with URL, dates like ``26 Dec 2025``) or on the first line (2018 format, no URL,
    dates like ``1/8/18, 6:14 PM``). Blank Company and Email are normal. ``Connected On`` is
    read in every common form (``6-Feb-26``, ``Feb 6, 2026``, ``25/12/2025``, ``6.2.2026``);
    whether a numeric date is day-first is decided once for the file, and said in ``notes``.

    Raises
    ------
    InputError
        when no ``First Name,Last Name,...`` header is found.

    Examples
    --------
    >>> text = 'Notes:\\n"Some notes"\\n\\nFirst Name,Last Name,URL,Email Address,Company,'
    >>> text += 'Position,Connected On\\nAda,Byron,https://www.linkedin.com/in/ada,,Acme,CTO,'
    >>> text += '26 Dec 2025\\n'
    >>> c = parse_linkedin(text)[0]
    >>> c.name, c.company, c.connected_on.isoformat(), c.line
    ('Ada Byron', 'Acme', '2025-12-26', 5)
    """
    problems = problems if problems is not None else Problems()
    missing = ("this is not a LinkedIn Connections.csv: no line with the columns "
               "'First Name,Last Name,...' (export it from LinkedIn: Settings > Data "
               "privacy > Get a copy of your data > Connections)")
    _, header, records = csv_records(text, path, _is_header, problems, missing)
    index = {name.lower(): i for i, name in enumerate(header)}

    def cell(cells: list[str], column: str) -> str:
        i = index.get(column.lower())
        return cells[i].strip() if i is not None and i < len(cells) else ""

    rows: list[tuple[int, list[str], str]] = []
    for line, cells in records:
        if len(cells) > len(header):
            problems.warn(path, line, None, f"{len(cells)} values but the header has "
                          f"{len(header)} columns; row skipped (quote values that contain "
                          "commas)")
            continue
        name = " ".join(p for p in (cell(cells, "First Name"), cell(cells, "Last Name")) if p)
        if not name:
            problems.warn(path, line, "First Name", "no name (LinkedIn leaves deleted or "
                          "private members blank); row skipped")
            continue
        rows.append((line, cells, name))
    dates = read_export_dates([cell(cells, "Connected On") for _, cells, _ in rows])
    if dates.order and notes is not None:
        notes.append(f"{Path(path).name}: read numeric dates as {dates.order} ({dates.reason})")
    contacts = []
    for i, (line, cells, name) in enumerate(rows):
        if i in dates.errors:
            problems.warn(path, line, "Connected On", f"{dates.errors[i]}; kept the contact "
                          "without a connection date")
        contacts.append(Contact(line, name, email=cell(cells, "Email Address"),
                                url=cell(cells, "URL"), company=cell(cells, "Company"),
                                title=cell(cells, "Position"), connected_on=dates.dates[i]))
    return contacts


def read_linkedin(path: str | Path, problems: Problems | None = None,
                  notes: list[str] | None = None) -> list[Contact]:
    """Open a Connections.csv (any encoding Excel saves) and :func:`parse_linkedin` it.

    A binary file (a zip, a spreadsheet) is refused; read a LinkedIn data archive with
    :func:`graphkit.io.linkedin_archive.read_linkedin_archive`.
    """
    return parse_linkedin(read_export_text(path, "a LinkedIn Connections.csv"), path, problems,
                          notes)
