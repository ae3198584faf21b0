"""Organization names: normalization, aliases, placeholders and fuzzy suggestions.

"Acme Corp", "ACME Corporation", "Acme Corp." and "Acme, Inc." all normalize to ``acme``.
Organizations are matched on :func:`org_key`, which also folds what people add when they type
an employer: an accelerator batch ("Origami (YC F24)"), a domain ("Releva.ai") and spacing
("JPMorganChase"). "Stealth Startup", "Self-employed", "Retired" and the like
(:data:`PLACEHOLDER_EMPLOYERS`) are a person's status, not an organization.
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


#: Employer texts that say what someone is doing, not where: never an organization, never
#: evidence that two people know each other. Extend it in graphkit.toml under ``[import]``
#: with ``placeholder_employers = ["..."]``. Compared after :func:`normalize`.
PLACEHOLDER_EMPLOYERS = frozenset({
    "stealth", "stealth startup", "stealth start up", "stealth mode", "stealth mode startup",
    "stealth company", "stealth ai startup", "self employed", "self", "freelance", "freelancer",
    "independent", "independent consultant", "confidential", "undisclosed", "retired",
    "looking for new opportunities", "seeking new opportunities", "open to work",
    "open to new opportunities", "unemployed", "between jobs", "career break", "none", "n a",
    "na", "various", "private", "unknown", "tbd", "student",
})

#: Accelerator batches people append to an employer: "(YC F24)", "(Y Combinator W21)".
_BATCH = re.compile(r"\s*[(\[]\s*(?:yc|y combinator|techstars|500 startups|ef|antler)"
                    r"(?:\s*[-/]?\s*[a-z]{0,6}\s*'?\d{2,4})?\s*[)\]]\s*$", re.IGNORECASE)
#: A web domain written as the name: "Releva.ai", "Truelancer.com".
_DOMAIN = re.compile(r"(?<=\w)\.(?:com|ai|io|co|org|net|app|dev|tech|xyz|so|us|uk|co\.uk|de|fr)"
                     r"\s*$", re.IGNORECASE)


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


def org_key(name: str) -> str:
    """The key organizations are matched on: :func:`normalize` after dropping an accelerator
    batch and a domain suffix, with spaces removed.

    Examples
    --------
    >>> org_key("Origami (YC F24)") == org_key("Origami"), org_key("Releva.ai")
    (True, 'releva')
    >>> org_key("JPMorgan Chase") == org_key("JPMorganChase") == org_key("JPMorgan Chase & Co.")
    True
    >>> org_key("Acme Corp") == org_key("Acme Capital")
    False
    """
    text = _BATCH.sub("", name)
    text = _DOMAIN.sub("", text.strip()) or text
    key = normalize(text).replace(" ", "")
    return key or normalize(name).replace(" ", "")


def without_batch(name: str) -> str:
    """The name without an accelerator batch: what people call the company.

    >>> without_batch("Hooli (YC W24)"), without_batch("Acme Corp")
    ('Hooli', 'Acme Corp')
    """
    return _BATCH.sub("", name).strip() or name.strip()


def is_placeholder(name: str, extra: Iterable[str] = ()) -> bool:
    """True when an employer text is a status ("Stealth Startup", "Self-employed"), not an
    organization; ``extra`` adds names to :data:`PLACEHOLDER_EMPLOYERS`.

    >>> is_placeholder("Self-Employed"), is_placeholder("Stealth Startup"), is_placeholder("Acme")
    (True, True, False)
    """
    key = normalize(_BATCH.sub("", name))
    return key in PLACEHOLDER_EMPLOYERS or key in {normalize(e) for e in extra} or not key


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
            self._by_key.setdefault(org_key(spelling), org)

    def find(self, name: str) -> Organization | None:
        """The organization with this id, name or alias, or None."""
        if name in self._by_id:
            return self._by_id[name]
        return self._by_key.get(org_key(name))

    def resolve(self, name: str) -> Organization:
        """Like :meth:`find` but raises :class:`UnknownOrganization` with suggestions."""
        org = self.find(name)
        if org is None:
            raise UnknownOrganization(name, self.suggest(name))
        return org

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Names of the organizations ``name`` plausibly means: a near spelling of the whole
        name (edit similarity 75 or more, a mistyped legal form ignored), or a name whose words
        contain all of its words. Nothing plausible: an empty list, never a random neighbour.

        >>> index = OrgIndex([Organization("a", "Acme Corp"), Organization("f", "Fayston "
        ...                   "Preparatory School"), Organization("h", "Hooli XYZ")])
        >>> index.suggest("Acmee"), index.suggest("Hooli"), index.suggest("Netflix")
        (['Acme Corp'], ['Hooli XYZ'], [])
        """
        return suggestions_from({key: org.name for key, org in self._by_key.items()}, name,
                                limit)


def suggestions_from(choices: dict[str, str], name: str, limit: int = 3) -> list[str]:
    """The organization names ``name`` plausibly means, best first, each once, from
    ``choices`` (a spelling's :func:`org_key` -> the organization's name): the one rule every
    store suggests by.

    >>> suggestions_from({"acme": "Acme Corp", "initech": "Initech"}, "Acme Crop")
    ['Acme Corp']
    """
    query = org_key(name)
    words = normalize(name).split()
    if not query:
        return []
    # A mistyped legal form ("Acme Crop") is dropped like a correct one.
    queries = {query}
    if len(words) > 1 and process.extractOne(words[-1], LEGAL_SUFFIXES, scorer=fuzz.ratio,
                                             score_cutoff=75):
        queries.add("".join(words[:-1]))
    scored: list[tuple[float, str]] = []
    for q in queries:
        for key, score, _ in process.extract(q, list(choices), scorer=fuzz.ratio,
                                             limit=limit * 3, score_cutoff=75):
            scored.append((score, choices[key]))
    for display in set(choices.values()):
        if words and set(words) <= set(normalize(display).split()) and len(query) >= 3:
            scored.append((79.0, display))
    names: list[str] = []
    for _score, display in sorted(scored, key=lambda s: (-s[0], s[1])):
        if display not in names:
            names.append(display)
    return names[:limit]


def new_id(prefix: str, name: str, taken: Container[str]) -> str:
    """A readable unused id such as ``p-ada-byron`` or ``p-ada-byron-2``."""
    base = f"{prefix}-{slug(name)}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
