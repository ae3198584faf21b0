"""vCard 3.0 and 4.0 files (.vcf), many cards per file, parsed with vobject."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import vobject

from graphkit.errors import InputError
from graphkit.io.contacts import Contact
from graphkit.io.table import Problems
from graphkit.io.text import read_export_text

_BEGIN = re.compile(r"^BEGIN:VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^END:VCARD\s*$", re.IGNORECASE)


def split_cards(text: str, path: str | Path,
                problems: Problems) -> list[tuple[int, str]]:
    """Cut a .vcf into (first line, card text) so one broken card does not hide the others.

    A card with no ``END:VCARD`` is closed where the next card begins, with a warning.
    """
    cards: list[tuple[int, str]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if _BEGIN.match(line):
            if current is not None:
                problems.warn(path, start, None, "card has no END:VCARD; closed it where the "
                              f"next card begins (line {number})")
                cards.append((start, "\n".join([*current, "END:VCARD"])))
            current, start = [line], number
        elif current is not None:
            current.append(line)
            if _END.match(line):
                cards.append((start, "\n".join(current)))
                current = None
        elif line.strip():
            problems.warn(path, number, None, "text outside any BEGIN:VCARD/END:VCARD; ignored")
    if current is not None:
        problems.warn(path, start, None, "card has no END:VCARD at the end of the file; "
                      "closed it there")
        cards.append((start, "\n".join([*current, "END:VCARD"])))
    return cards


def _values(card: Any, name: str) -> list[Any]:
    return [item.value for item in card.contents.get(name, [])]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value if str(v).strip())
    return str(value).strip()


def parse_vcard(text: str, path: str | Path = "contacts.vcf",
                problems: Problems | None = None) -> list[Contact]:
    """Parse every card: FN (or N), ORG, TITLE, EMAIL, URL, NOTE, CATEGORIES (groups), RELATED
    (ties, by uid, email or name) and UID.

    Raises
    ------
    InputError
        when the file holds no card at all.

    Examples
    --------
    >>> card = ("BEGIN:VCARD\\nVERSION:4.0\\nFN:Ada Byron\\nORG:Acme Corp;R&D\\n"
    ...         "CATEGORIES:MIT Alumni,Chess Club\\nEND:VCARD\\n")
    >>> c = parse_vcard(card)[0]
    >>> c.name, c.company, c.groups
    ('Ada Byron', 'Acme Corp', ('MIT Alumni', 'Chess Club'))
    """
    problems = problems if problems is not None else Problems()
    chunks = split_cards(text, path, problems)
    if not chunks:
        raise InputError("no vCard found (expected BEGIN:VCARD ... END:VCARD)", path, 1)
    contacts = []
    for line, chunk in chunks:
        try:
            card = vobject.readOne(chunk, ignoreUnreadable=False)
        except Exception as exc:  # vobject raises several unrelated types on bad input
            where = getattr(exc, "lineNumber", None)
            at = line + where - 1 if isinstance(where, int) else line
            problems.warn(path, at, None, f"unreadable card ({_first_line(exc)}); card skipped")
            continue
        name = _text(_values(card, "fn")[0]) if _values(card, "fn") else ""
        if not name and _values(card, "n"):
            n = _values(card, "n")[0]
            name = " ".join(p for p in (_text(n.given), _text(n.family)) if p)
        company = _first_unit(_values(card, "org"))
        if not name:
            problems.warn(path, line, "FN", "card has no name (FN or N); card skipped"
                          + (f" (organization '{company}')" if company else ""))
            continue
        urls = [_text(u) for u in _values(card, "url")]
        linkedin = [u for u in urls if "linkedin.com" in u.lower()]
        groups: list[str] = []
        for value in _values(card, "categories"):
            items = value if isinstance(value, list) else str(value).split(",")
            groups.extend(g.strip() for g in items if g.strip())
        contacts.append(Contact(
            line, name,
            email=_text(_values(card, "email")[0]) if _values(card, "email") else "",
            url=linkedin[0] if linkedin else "",
            company=company,
            title=_text(_values(card, "title")[0]) if _values(card, "title") else "",
            notes=" ".join(_text(v) for v in _values(card, "note")),
            groups=tuple(dict.fromkeys(groups)),
            related=tuple(_text(v) for v in _values(card, "related") if _text(v)),
            uid=_text(_values(card, "uid")[0]) if _values(card, "uid") else "",
        ))
    return contacts


def _first_unit(values: list[Any]) -> str:
    """The organization name: the first unit of the first ORG (vobject nests lists when the
    value holds commas, as in ``ORG:,,``)."""
    value: Any = values[0] if values else ""
    while isinstance(value, list):
        value = value[0] if value else ""
    return str(value).strip()


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else type(exc).__name__


def read_vcard(path: str | Path, problems: Problems | None = None) -> list[Contact]:
    """Open a .vcf (any encoding) and :func:`parse_vcard` it."""
    return parse_vcard(read_export_text(path, "a vCard (.vcf) file"), path, problems)
