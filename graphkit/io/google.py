"""Google Contacts CSV, the current export and the legacy "Google CSV"."""

from __future__ import annotations

from pathlib import Path

from graphkit.io.contacts import Contact, csv_records
from graphkit.io.table import Problems
from graphkit.io.text import read_export_text

#: Google's own system labels, which are not groups a person belongs to.
SYSTEM_LABELS = frozenset({"* mycontacts", "* my contacts", "* starred", "* other contacts",
                           "* friends", "* family", "* coworkers"})


def _is_header(cells: list[str]) -> bool:
    lowered = {c.lower() for c in cells}
    return ("first name" in lowered and "organization name" in lowered) or (
        "name" in lowered and "given name" in lowered)


def _labels(raw: str) -> tuple[str, ...]:
    labels = [x.strip() for x in raw.split(":::")]
    return tuple(x for x in labels if x and x.lower() not in SYSTEM_LABELS)


def parse_google(text: str, path: str | Path = "contacts.csv",
                 problems: Problems | None = None) -> list[Contact]:
    """Parse a Google Contacts export (current ``First Name,...,Organization Name`` or legacy
    ``Name,Given Name,...,Organization 1 - Name``). Labels become groups.

    Examples
    --------
    >>> text = ("First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,"
    ...         "E-mail 1 - Value\\nGrace,,Hopper,Initech,Admiral,* myContacts ::: Navy,g@x.org\\n")
    >>> c = parse_google(text)[0]
    >>> c.name, c.company, c.title, c.groups, c.email
    ('Grace Hopper', 'Initech', 'Admiral', ('Navy',), 'g@x.org')
    """
    problems = problems if problems is not None else Problems()
    missing = ("this is not a Google Contacts CSV: no header with 'First Name' and "
               "'Organization Name' (or legacy 'Name,Given Name'); export it from "
               "contacts.google.com > Export > Google CSV")
    _, header, records = csv_records(text, path, _is_header, problems, missing)
    index = {name.lower(): i for i, name in enumerate(header)}
    legacy = "given name" in index and "organization name" not in index

    def cell(cells: list[str], *columns: str) -> str:
        for column in columns:
            i = index.get(column.lower())
            if i is not None and i < len(cells) and cells[i].strip():
                return cells[i].strip()
        return ""

    def values(cells: list[str], prefix: str) -> list[str]:
        return [cells[i].strip() for name, i in index.items()
                if name.startswith(prefix) and name.endswith("- value")
                and i < len(cells) and cells[i].strip()]

    contacts = []
    for line, cells in records:
        if len(cells) > len(header):
            problems.warn(path, line, None, f"{len(cells)} values but the header has "
                          f"{len(header)} columns; row skipped (quote values that contain "
                          "commas)")
            continue
        if legacy:
            name = cell(cells, "Name") or " ".join(
                p for p in (cell(cells, "Given Name"), cell(cells, "Additional Name"),
                            cell(cells, "Family Name")) if p)
            company = cell(cells, "Organization 1 - Name")
            title = cell(cells, "Organization 1 - Title")
            labels = cell(cells, "Group Membership")
        else:
            name = " ".join(p for p in (cell(cells, "First Name"), cell(cells, "Middle Name"),
                                        cell(cells, "Last Name")) if p)
            name = name or cell(cells, "Nickname", "File As")
            company = cell(cells, "Organization Name")
            title = cell(cells, "Organization Title")
            labels = cell(cells, "Labels")
        if not name:
            if company:
                problems.warn(path, line, None, f"contact for organization '{company}' has no "
                              "person's name; row skipped")
            else:
                problems.warn(path, line, None, "no name; row skipped")
            continue
        # Google joins several values of one field with " ::: ".
        emails = [v.split(":::")[0].strip() for v in values(cells, "e-mail")]
        sites = [v.strip() for value in values(cells, "website") for v in value.split(":::")
                 if "linkedin.com" in v.lower()]
        contacts.append(Contact(line, name, email=emails[0] if emails else "",
                                url=sites[0] if sites else "", company=company, title=title,
                                notes=cell(cells, "Notes"), groups=_labels(labels)))
    return contacts


def read_google(path: str | Path, problems: Problems | None = None) -> list[Contact]:
    """Open a Google Contacts CSV (any encoding) and :func:`parse_google` it."""
    return parse_google(read_export_text(path, "a Google Contacts CSV"), path, problems)
