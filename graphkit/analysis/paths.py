"""``path_to``: who can get me to the people at an organization, ranked and explained."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass, field

from graphkit.model import Employment, Organization, Person
from graphkit.store.base import BestPath, GraphStore, check_max_hops


@dataclass(frozen=True)
class Step:
    """One tie along a path, with the strength and the evidence behind it."""

    source: Person
    target: Person
    strength: float
    evidence: tuple[str, ...]
    inferred: bool = False


@dataclass(frozen=True)
class RankedPath:
    """A best path from me to ``person`` (who works at the organization as ``job``)."""

    score: float
    people: tuple[Person, ...]
    steps: tuple[Step, ...]
    job: Employment
    shared_groups: tuple[str, ...] = ()

    @property
    def hops(self) -> int:
        return len(self.steps)

    @property
    def person(self) -> Person:
        return self.people[-1]

    @property
    def first_contact(self) -> Person:
        """The person I ask first (the person themself on a 1-hop path)."""
        return self.people[1]


@dataclass(frozen=True)
class ContactGroup:
    """Paths that start with the same first contact: one conversation opens all of them."""

    contact: Person
    first_step: Step
    paths: tuple[RankedPath, ...]

    @property
    def best_score(self) -> float:
        return self.paths[0].score


@dataclass(frozen=True)
class Suggestion:
    """A lead that could open a path where none exists."""

    kind: str  # "former-employee" | "group" | "industry" | "location" | "ask" | "none"
    text: str


@dataclass(frozen=True)
class PathToResult:
    """The answer to "whom do I ask to reach people at ``organization``?"."""

    organization: Organization
    me: Person
    max_hops: int
    as_of_date: str
    paths: tuple[RankedPath, ...]
    employees: int
    suggestions: tuple[Suggestion, ...] = field(default_factory=tuple)

    def by_first_contact(self) -> list[ContactGroup]:
        """Paths grouped by first contact, groups ordered by their best path."""
        groups: dict[str, list[RankedPath]] = {}
        for path in self.paths:
            groups.setdefault(path.first_contact.id, []).append(path)
        return [ContactGroup(paths[0].first_contact, paths[0].steps[0], tuple(paths))
                for paths in groups.values()]


def explain(store: GraphStore, best: BestPath) -> tuple[Step, ...]:
    """The steps of a best path with each tie's strength and evidence."""
    steps = []
    for a, b in zip(best.people, best.people[1:], strict=False):
        view = store.tie(a, b)
        steps.append(Step(store.person(a), store.person(b), view.strength, view.evidence,
                          view.inferred))
    return tuple(steps)


def path_to(store: GraphStore, organization: str, max_hops: int = 2) -> PathToResult:
    """Rank the best paths from me to everyone currently working at ``organization``.

    For each current employee reachable within ``max_hops`` ties, the best-scoring path (score =
    product of tie strengths; ties broken by fewer hops, then ids). Cost: one hop-limited
    search from me, O(sum of degrees within ``max_hops - 1`` hops).

    Parameters
    ----------
    store : the network.
    organization : an organization id, name or alias ("ACME Corporation" finds "Acme Corp").
    max_hops : 1 = people I know there, 2 = through one contact, 3 = two contacts.

    Returns
    -------
    PathToResult, paths sorted best first; with no path, ``suggestions`` says what could open one.

    Raises
    ------
    UnknownOrganization
        when no organization matches (with the closest names).
    GraphkitError
        when ``max_hops`` is outside 1..6.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Person, Organization, Employment, Tie
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("bo", "acme", "CFO")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> from graphkit.store.memory import MemoryStore
    >>> result = path_to(MemoryStore(net, date(2026, 1, 1)), "ACME Corporation")
    >>> [(p.score, [x.name for x in p.people]) for p in result.paths]
    [(0.4, ['Me', 'Ann', 'Bo'])]
    """
    check_max_hops(max_hops)
    org = store.organization(organization)
    me = store.me()
    jobs = {job.person_id: job for job in store.employment_at(org.id) if job.current}
    best = store.best_paths(me.id, sorted(jobs), max_hops)
    my_groups = set(store.groups_of(me.id))
    paths = []
    for person_id, found in best.items():
        shared = tuple(g for g in store.groups_of(person_id) if g in my_groups)
        paths.append(RankedPath(found.score, tuple(store.person(p) for p in found.people),
                                explain(store, found), jobs[person_id], shared))
    paths.sort(key=lambda p: (-p.score, p.hops, tuple(x.id for x in p.people)))
    suggestions = () if paths else suggest_openings(store, org, sorted(jobs))
    return PathToResult(org, me, max_hops, store.as_of.isoformat(), tuple(paths), len(jobs),
                        suggestions)


@dataclass(frozen=True)
class ContactAtWork:
    """One of my contacts, the strength of our tie, and an organization they work at now."""

    person: Person
    strength: float
    organization: Organization


def contacts_at_work(store: GraphStore) -> tuple[ContactAtWork, ...]:
    """My direct contacts with their current employers, strongest tie first (computed once
    per store and remembered while the store lives).

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("ann", "acme", "CFO")], [Tie("me", "ann", 0.8)])
    >>> [(c.person.name, c.organization.name) for c in contacts_at_work(MemoryStore(net,
    ...                                                                  date(2026, 1, 1)))]
    [('Ann', 'Acme Corp')]
    """
    return _leads(store).contacts


@dataclass(frozen=True)
class _Leads:
    """What the suggestions for every organization out of reach share: my contacts at work,
    the same by their employer's industry and location (in the order of ``contacts``), and
    my strongest contacts (ids, strongest first)."""

    contacts: tuple[ContactAtWork, ...]
    by_industry: dict[str, _Alike]
    by_location: dict[str, _Alike]
    strongest: tuple[str, ...]


#: :class:`_Leads` per store, computed once: a store is a read-only view, and every
#: organization out of reach asks for the same (57 of 60 targets at 1M people; 204 of 1,000
#: organizations on an 8,000-contact export, where sorting my contacts for each one took 8 s).
_LEADS: weakref.WeakKeyDictionary[GraphStore, _Leads] = weakref.WeakKeyDictionary()

#: How many of my strongest contacts a suggestion names.
STRONGEST_SHOWN = 3


def _leads(store: GraphStore) -> _Leads:
    try:
        return _LEADS[store]
    except (KeyError, TypeError):  # not yet, or a store that cannot be remembered
        pass
    contacts = _contacts_at_work(store)
    by_industry = _alike_index(contacts, lambda o: o.industry)
    by_location = _alike_index(contacts, lambda o: o.location)
    me = store.me().id
    strongest = tuple(p for _, p in sorted(((store.tie(me, p).strength, p)
                                            for p in store.neighbors(me)),
                                           key=lambda sp: (-sp[0], sp[1]))[:STRONGEST_SHOWN])
    found = _Leads(contacts, by_industry, by_location, strongest)
    try:
        _LEADS[store] = found
    except TypeError:
        pass
    return found


def _contacts_at_work(store: GraphStore) -> tuple[ContactAtWork, ...]:
    me = store.me()
    # Only my contacts' employers are looked up: listing every organization costs 26 ms per
    # call on a 100k-organization network (measured in benchmarks/run.py).
    orgs: dict[str, Organization] = {}
    out = []
    for person_id in store.neighbors(me.id):
        strength = store.tie(me.id, person_id).strength
        for job in store.employment_of(person_id):
            if job.current:
                if job.org_id not in orgs:
                    orgs[job.org_id] = store.organization(job.org_id)
                out.append(ContactAtWork(store.person(person_id), strength, orgs[job.org_id]))
    out.sort(key=lambda c: (-c.strength, c.person.id, c.organization.id))
    return tuple(out)


@dataclass(frozen=True)
class _Alike:
    """My contacts at work whose employers share one industry (or one location), in the order
    of :func:`contacts_at_work`; ``people`` counts them once each, and ``only_at`` counts, per
    organization, the people here only through it (so that leaving one organization out
    costs nothing)."""

    contacts: list[ContactAtWork]
    people: int
    only_at: dict[str, int]


def _alike_index(contacts: tuple[ContactAtWork, ...],
                 key: Callable[[Organization], str]) -> dict[str, _Alike]:
    grouped: dict[str, list[ContactAtWork]] = {}
    for c in contacts:
        value = key(c.organization)
        if value:
            grouped.setdefault(value, []).append(c)
    out = {}
    for value, members in grouped.items():
        orgs_of: dict[str, set[str]] = {}
        for c in members:
            orgs_of.setdefault(c.person.id, set()).add(c.organization.id)
        only_at: dict[str, int] = {}
        for orgs in orgs_of.values():
            if len(orgs) == 1:
                (only,) = orgs
                only_at[only] = only_at.get(only, 0) + 1
        out[value] = _Alike(members, len(orgs_of), only_at)
    return out


def _alike(alike: _Alike | None, org_id: str, what: str, shown: int = 3) -> str | None:
    """"N of your contacts work <what>: A (Org), B (Org), C (Org) and M more", counting each
    contact once and leaving out their jobs at ``org_id`` (None: nobody left)."""
    if alike is None:
        return None
    n = alike.people - alike.only_at.get(org_id, 0)
    if not n:
        return None
    first: dict[str, ContactAtWork] = {}
    for c in alike.contacts:
        if c.organization.id != org_id:
            first.setdefault(c.person.id, c)
            if len(first) == shown:
                break
    names = [f"{c.person.name} ({c.organization.name})" for c in first.values()]
    more = n - len(names)
    verb = "works" if n == 1 else "work"
    return (f"{n} of your contacts {verb} {what}: " + ", ".join(names)
            + (f" and {more} more" if more else ""))


def suggest_openings(store: GraphStore, org: Organization,
                     employees: list[str]) -> tuple[Suggestion, ...]:
    """Leads toward an organization I cannot reach: its former employees I can reach, the
    groups its current people belong to, and my contacts in the same industry or location
    (what every organization shares is computed once per store: O(my contacts) once, then
    O(former employees + employees' groups + contacts alike) per organization)."""
    me = store.me()
    out: list[Suggestion] = []
    former = sorted({job.person_id for job in store.employment_at(org.id) if not job.current}
                    - {me.id})
    reach = store.best_paths(me.id, former, 2) if former else {}
    # People I know first, then people one introduction away, then the rest.
    former.sort(key=lambda p: (reach[p].hops if p in reach else 3, store.person(p).name))
    for person_id in former:
        person = store.person(person_id)
        if person_id in reach:
            via = reach[person_id]
            how = ("you know them" if via.hops == 1
                   else "reachable through " + store.person(via.people[1]).name)
        else:
            how = "not yet in your reach"
        out.append(Suggestion("former-employee",
                              f"{person.name} used to work at {org.name} ({how})"))
    my_groups = set(store.groups_of(me.id))
    counts: dict[str, int] = {}
    for person_id in employees:
        for group in store.groups_of(person_id):
            counts[group] = counts.get(group, 0) + 1
    for group, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mine = "you are a member" if group in my_groups else "you could join"
        out.append(Suggestion("group", f"{n} {'person' if n == 1 else 'people'} at {org.name} "
                              f"belong{'s' if n == 1 else ''} to {group} ({mine})"))
    leads = _leads(store)
    if org.industry:
        text = _alike(leads.by_industry.get(org.industry), org.id, f"in {org.industry}")
        if text:
            out.append(Suggestion("industry", text))
    if org.location:
        text = _alike(leads.by_location.get(org.location), org.id, f"in {org.location}")
        if text:
            out.append(Suggestion("location", text))
    if not employees and not former:  # nobody there yet, and nobody has been: who can help
        out.extend(_first_doors(store, org, leads.strongest, alone=not out))
    return tuple(out)


def _first_doors(store: GraphStore, org: Organization, strongest: tuple[str, ...],
                 alone: bool) -> list[Suggestion]:
    """What could open a door where nobody in the network has worked: ask the ``strongest``
    contacts whom they know there, or (``alone``: no other lead) record someone met there."""
    out = []
    if strongest:
        names = [store.person(p).name for p in strongest]
        out.append(Suggestion("ask", f"ask your strongest contacts whom they know at {org.name}: "
                              + ", ".join(names) + f' (graphkit ask "{names[0]}" --for '
                              f'"{org.name}")'))
    if alone:
        out.append(Suggestion("none", f"nobody in your network has worked at {org.name}; met "
                              f'someone from there? graphkit person add NAME --org '
                              f'"{org.name}"; or import a teammate\'s export'))
    return out
