"""Finding people and organizations by name (never guessing between several), and adding
someone I just met."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz, process

from graphkit.errors import GraphkitError, UnknownPerson
from graphkit.model import Employment, Network, Organization, Person, Tie
from graphkit.orgs import OrgIndex, new_id, normalize


class Ambiguous(GraphkitError):
    """A name matches several people or organizations; graphkit lists them and never guesses.

    >>> str(Ambiguous("Sara", ["Sara Pereira (p-1)", "Sara Abbott (p-2)"]))
    '"Sara" matches 2 people: Sara Pereira (p-1), Sara Abbott (p-2); pass the id instead'
    """

    def __init__(self, name: str, candidates: Sequence[str], what: str = "people") -> None:
        self.name = name
        self.candidates = list(candidates)
        super().__init__(f'"{name}" matches {len(self.candidates)} {what}: '
                         + ", ".join(self.candidates) + "; pass the id instead")


# --- finding --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Match:
    """One person or organization that matches a search, and what matched."""

    kind: str  # "person" | "organization"
    id: str
    name: str
    detail: str
    matched: str


def _person_detail(network: Network, person: Person) -> str:
    jobs = [j for j in network.employment if j.person_id == person.id and j.current]
    if jobs:
        org = network.organizations.get(jobs[0].org_id)
        title = jobs[0].title or person.title
        where = org.name if org else jobs[0].org_id
        return f"{title} at {where}" if title else where
    return person.title


def find(network: Network, text: str, limit: int = 20) -> list[Match]:
    """People and organizations whose id, name, alias, email or LinkedIn URL contains ``text``.

    Names compare without regard to case, accents and punctuation; people first, then
    organizations, each by name.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"),
    ...                      "p-ann": Person("p-ann", "Ann Lee", email="ann@example.org")},
    ...               {"o-acme": Organization("o-acme", "Acme Corp", ("Acme Widgets",))})
    >>> [(m.id, m.matched) for m in find(net, "example.org")]
    [('p-ann', 'email')]
    >>> [(m.id, m.matched) for m in find(net, "widgets")]
    [('o-acme', 'alias')]
    """
    query = text.strip()
    if not query:
        raise GraphkitError("give some text to look for (a name, email, URL fragment or id)")
    key, low = normalize(query), query.lower()
    people: list[Match] = []
    for person in network.people.values():
        matched = ""
        if person.id == query:
            matched = "id"
        elif key and key in normalize(person.name):
            matched = "name"
        elif person.email and low in person.email.lower():
            matched = "email"
        elif person.linkedin_url and low in person.linkedin_url.lower():
            matched = "linkedin_url"
        elif low in person.id.lower():
            matched = "id"
        if matched:
            people.append(Match("person", person.id, person.name,
                                _person_detail(network, person), matched))
    orgs: list[Match] = []
    for org in network.organizations.values():
        matched = ""
        if org.id == query or low in org.id.lower():
            matched = "id"
        elif key and key in normalize(org.name):
            matched = "name"
        elif key and any(key in normalize(a) for a in org.aliases):
            matched = "alias"
        if matched:
            employees = sum(1 for j in network.employment if j.org_id == org.id and j.current)
            orgs.append(Match("organization", org.id, org.name,
                              f"{employees} {'person' if employees == 1 else 'people'} there",
                              matched))
    people.sort(key=lambda m: (normalize(m.name), m.id))
    orgs.sort(key=lambda m: (normalize(m.name), m.id))
    return (people + orgs)[:limit]


def resolve_person(network: Network, text: str, parameter: str = "person") -> Person:
    """The one person ``text`` names: an id, a full name, an email or a LinkedIn URL.

    Raises
    ------
    Ambiguous
        when several people match (they are listed; pass the id).
    UnknownPerson
        when nobody matches (with the closest names).

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "p-1": Person("p-1", "Ann Lee"),
    ...                      "p-2": Person("p-2", "Ann Lee")})
    >>> resolve_person(net, "p-2").id
    'p-2'
    >>> try:
    ...     resolve_person(net, "ann lee")
    ... except Ambiguous as exc:
    ...     exc.candidates
    ['Ann Lee (p-1)', 'Ann Lee (p-2)']
    """
    query = text.strip()
    if not query:
        raise GraphkitError(f"give the {parameter}'s name or id, not an empty text")
    if query in network.people:
        return network.people[query]
    key, low = normalize(query), query.lower()
    tiers: list[Callable[[Person], bool]] = [
        lambda p: normalize(p.name) == key,
        lambda p: bool(p.email) and p.email.lower() == low,
        lambda p: bool(p.linkedin_url) and low in p.linkedin_url.lower(),
        lambda p: bool(key) and key in normalize(p.name),
    ]
    for test in tiers:
        found = [p for p in network.people.values() if test(p)]
        if len(found) == 1:
            return found[0]
        if found:
            found.sort(key=lambda p: p.id)
            raise Ambiguous(text, [f"{p.name} ({p.id})" for p in found[:10]]
                            + ([f"and {len(found) - 10} more"] if len(found) > 10 else []))
    names = {p.name: p for p in network.people.values()}
    close = process.extract(query, list(names), scorer=fuzz.WRatio, limit=3, score_cutoff=75)
    raise UnknownPerson(text, [name for name, _score, _ in close])


def resolve_organization(network: Network, text: str) -> Organization | None:
    """The organization ``text`` names (id, name, alias, any spelling), or None."""
    return OrgIndex(network.organizations.values()).find(text.strip())


def organization_for(network: Network, name: str, create: bool = False, industry: str = "",
                     location: str = "") -> tuple[Organization, bool]:
    """The organization ``name`` names, created if there is none (returns it and whether it was
    created).

    A name close to an existing one ("Acmee Corp") is refused with the close names, unless
    ``create``: a typo must not become a new organization.

    Raises
    ------
    GraphkitError
        for a name close to existing ones, without ``create``.
    """
    index = OrgIndex(network.organizations.values())
    clean = " ".join(name.split())
    if not clean:
        raise GraphkitError("give the organization's name, not an empty text")
    found = index.find(clean)
    if found is not None:
        return found, False
    close = index.suggest(clean)
    if close and not create:
        raise GraphkitError(f'no organization is named "{clean}"; did you mean '
                            + ", ".join(f'"{c}"' for c in close)
                            + "? To add it as a new organization, pass --new")
    org = Organization(new_id("o", clean, network.organizations), clean, (), industry, location)
    network.organizations[org.id] = org
    return org, True


@dataclass(frozen=True)
class PersonAdded:
    """What :func:`add_person` did."""

    person: Person
    organization: Organization | None
    org_created: bool
    knows: tuple[Person, ...]
    met: bool = True

    @property
    def message(self) -> str:
        text = f"added {self.person.name} ({self.person.id})" + (
            ", tied to you" if self.met else " (not met yet)")
        if self.organization is not None:
            text += f"; works at {self.organization.name}" + (
                " (a new organization)" if self.org_created else "")
        if self.knows:
            text += "; knows " + ", ".join(p.name for p in self.knows)
        return text


def add_person(network: Network, name: str, when: date, org: str | None = None,
               title: str = "", knows: Sequence[str] = (), email: str = "",
               create: bool = False, met: bool = True) -> PersonAdded:
    """Add someone I just met: a person, a tie to me (source ``manual``, stage ``initiated``,
    last contact ``when``), a current job at ``org`` if given, and ties to the people they
    ``knows``. With ``met`` false (someone I heard of through a contact), no tie to me.

    Raises
    ------
    GraphkitError
        when someone of that name is already in the network (``create`` adds another),
        or ``org`` is close to an existing name (see :func:`organization_for`).

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "ann": Person("ann", "Ann Lee")})
    >>> add_person(net, "Bo Chen", date(2026, 1, 1), "Initech", "CFO", ["Ann Lee"]).message
    'added Bo Chen (p-bo-chen), tied to you; works at Initech (a new organization); knows Ann Lee'
    """
    clean = " ".join(name.split())
    if not clean:
        raise GraphkitError("give the person's name, not an empty text")
    same = [p for p in network.people.values() if normalize(p.name) == normalize(clean)]
    if same and not create:
        raise GraphkitError(f"{clean} is already in the network ("
                            + ", ".join(p.id for p in same)
                            + "); log a meeting with `graphkit log`, or pass --new to add "
                            "another person of that name")
    others = [resolve_person(network, k, "knows") for k in knows]
    organization, created = (organization_for(network, org, create) if org else (None, False))
    person = Person(new_id("p", clean, network.people), clean, email.strip(), "", title.strip())
    network.people[person.id] = person
    if met:
        network.ties.append(Tie(network.me, person.id, stage="initiated", last_contact=when,
                                interactions=1, source="manual"))
    if organization is not None:
        network.employment.append(Employment(person.id, organization.id, title.strip()))
    tied: list[Person] = []
    for other in others:
        if other.id in (person.id, network.me) or other in tied:
            continue
        network.ties.append(Tie(person.id, other.id, source="manual"))
        tied.append(other)
    return PersonAdded(person, organization, created, tuple(tied), met)
