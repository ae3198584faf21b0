"""Organization names: normalization, aliases and fuzzy suggestions.

"Acme Corp", "ACME Corporation", "Acme Corp." and "Acme, Inc." all normalize to ``acme``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable

from rapidfuzz import fuzz, process

from graphkit.errors import UnknownOrganization
from graphkit.model import Organization

#: Legal-form words dropped from the end of a name (and "the" from its start).
LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp", "lp", "ltd",
    "limited", "plc", "gmbh", "ag", "sa", "sas", "bv", "nv", "pty", "pc", "pllc", "srl", "spa",
})


def normalize(name: str) -> str:
    """A comparison key: case, accents, punctuation and legal suffixes removed.

    Examples
    --------
    >>> [normalize(n) for n in ["Acme Corp", "ACME Corporation", "Acme Corp.", "Acme, Inc."]]
    ['acme', 'acme', 'acme', 'acme']
    >>> normalize("AT&T Inc."), normalize("The Group")
    ('at t', 'group')
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = re.sub(r"[^\w]+", " ", text).split()
    stripped = list(words)
    while len(stripped) > 1 and stripped[-1] in LEGAL_SUFFIXES:
        stripped.pop()
    if len(stripped) > 1 and stripped[0] == "the":
        stripped.pop(0)
    return " ".join(stripped or words)


def slug(name: str) -> str:
    """An id-friendly form of a name.

    >>> slug("Acme, Inc.")
    'acme'
    """
    return normalize(name).replace(" ", "-") or "org"


class OrgIndex:
    """Resolves names, aliases and ids to organizations.

    Examples
    --------
    >>> index = OrgIndex([Organization("o1", "Acme Corp", aliases=("Acme Widgets",))])
    >>> index.resolve("ACME Corporation").id, index.resolve("acme widgets").id
    ('o1', 'o1')
    >>> index.find("Initech") is None
    True
    """

    def __init__(self, organizations: Iterable[Organization]) -> None:
        self._by_id: dict[str, Organization] = {}
        self._by_key: dict[str, Organization] = {}
        for org in organizations:
            self.add(org)

    def add(self, org: Organization) -> None:
        """Index ``org`` by id, name and aliases; the first organization to claim a key keeps it."""
        self._by_id[org.id] = org
        for spelling in (org.name, *org.aliases):
            self._by_key.setdefault(normalize(spelling), org)

    def find(self, name: str) -> Organization | None:
        """The organization with this id, name or alias, or None."""
        if name in self._by_id:
            return self._by_id[name]
        return self._by_key.get(normalize(name))

    def resolve(self, name: str) -> Organization:
        """Like :meth:`find` but raises :class:`UnknownOrganization` with suggestions."""
        org = self.find(name)
        if org is None:
            raise UnknownOrganization(name, self.suggest(name))
        return org

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Names of the organizations closest to ``name`` (fuzzy match on normalized names)."""
        return suggestions_from({key: org.name for key, org in self._by_key.items()}, name,
                                limit)


def suggestions_from(choices: dict[str, str], name: str, limit: int = 3) -> list[str]:
    """The organization names whose normalized spellings (``choices``: spelling -> name) are
    closest to ``name``, best first, each name once.

    >>> suggestions_from({"acme corp": "Acme Corp", "initech": "Initech"}, "Acme Crop")
    ['Acme Corp']
    """
    matches = process.extract(normalize(name), list(choices), scorer=fuzz.WRatio,
                              limit=limit * 3, score_cutoff=70)
    names: list[str] = []
    for key, _score, _ in matches:
        if choices[key] not in names:
            names.append(choices[key])
    return names[:limit]


def new_id(prefix: str, name: str, taken: Container[str]) -> str:
    """A readable unused id such as ``p-ada-byron`` or ``p-ada-byron-2``."""
    base = f"{prefix}-{slug(name)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
