"""Recording the job search as it happens: interactions, stages, introductions, targets, people.

Two kinds of functions live here. Pure ones change a :class:`~graphkit.model.Network` in
memory and return what they did (:func:`log_interaction`, :func:`set_stage`,
:func:`add_introduction`, :func:`update_introduction`, :func:`add_target`,
:func:`remove_target`, :func:`add_person`); :func:`find` and :func:`resolve_person` look
people and organizations up. :func:`change_network` runs one of them on a network folder: it
takes the folder's lock, reads the network, applies the change and writes it back with
:func:`graphkit.workspace.write.write_network` (only the rows that changed, every file or none,
0600), so no row graphkit did not mean to change is lost.

Notes given to :func:`log_interaction` go into the tie's ``notes`` column: they stay in the
user's own files and are never printed by shared outputs (reports, anonymized exports, JSON).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

from rapidfuzz import fuzz, process

from graphkit.errors import GraphkitError, InvalidArgument, UnknownPerson
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.model import (
    STAGE_LABELS,
    STAGES,
    Employment,
    Introduction,
    Network,
    Organization,
    Person,
    Target,
    Tie,
    targets_of,
)
from graphkit.orgs import OrgIndex, new_id, normalize
from graphkit.strength import StrengthModel

T = TypeVar("T")

#: The kinds of interaction ``log`` records.
KINDS = ("call", "coffee", "message", "meeting", "email")
#: Statuses of an introduction, in the order it goes through them (``declined`` ends it).
INTRO_STATUSES = ("requested", "offered", "made", "met", "declined")
#: Other words people use for a status.
INTRO_ALIASES = {"done": "made"}


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


# --- the tie between me and someone ------------------------------------------------------------


def _tie_index(network: Network, a: str, b: str) -> int | None:
    key = (a, b) if a <= b else (b, a)
    for i, tie in enumerate(network.ties):
        if tie.key == key:
            return i
    return None


def tie_strength(network: Network, tie: Tie, as_of: date) -> float:
    """The strength the model (as configured in graphkit.toml) gives ``tie`` on ``as_of``."""
    groups: dict[str, set[str]] = {}
    for m in network.memberships:
        if m.person_id in (tie.person_a, tie.person_b):
            groups.setdefault(m.person_id, set()).add(m.group)
    shared = tuple(sorted(groups.get(tie.person_a, set()) & groups.get(tie.person_b, set())))
    model = StrengthModel.from_settings(network.settings.get("strength"))
    return model.score(tie, as_of, shared).strength


def _check_date(when: date, as_of: date, parameter: str = "date") -> None:
    if when > as_of:
        raise InvalidArgument(parameter, when.isoformat(),
                              f"on or before {as_of.isoformat()} (the as-of date)")


def _not_me(network: Network, person: Person, what: str) -> None:
    if person.id == network.me:
        raise GraphkitError(f"{person.name} ({person.id}) is you; {what} someone else")


@dataclass(frozen=True)
class Logged:
    """What :func:`log_interaction` did."""

    person: Person
    kind: str
    when: date
    interactions: int
    last_contact: date
    created: bool
    before: float | None
    after: float

    @property
    def message(self) -> str:
        new = " (a new tie: you have met now)" if self.created else ""
        was = f"{self.before:.3f} -> " if self.before is not None else ""
        return (f"logged a {self.kind} with {self.person.name} on {self.when.isoformat()}"
                f"{new}: {self.interactions} interaction{'s' * (self.interactions != 1)}, "
                f"last contact {self.last_contact.isoformat()}; strength {was}{self.after:.3f}")


def log_interaction(network: Network, person: Person, when: date, kind: str = "message",
                    note: str = "", as_of: date | None = None) -> Logged:
    """Record an interaction with ``person`` on ``when``.

    The tie's interactions go up by one and its last contact moves to ``when`` (if later);
    ``note`` is appended to the tie's private notes as ``"YYYY-MM-DD kind: note"``. With no
    tie yet, one is created (source ``manual``, stage ``initiated``): you have met now.

    Raises
    ------
    InvalidArgument
        for an unknown ``kind`` or a date after ``as_of``.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "ann": Person("ann", "Ann")})
    >>> done = log_interaction(net, net.people["ann"], date(2026, 3, 1), "coffee", "CFO tips")
    >>> done.created, net.ties[0].interactions, net.ties[0].notes
    (True, 1, '2026-03-01 coffee: CFO tips')
    """
    if kind not in KINDS:
        raise InvalidArgument("kind", kind, "one of " + ", ".join(KINDS))
    as_of = as_of or when
    _check_date(when, as_of)
    _not_me(network, person, "log an interaction with")
    entry = f"{when.isoformat()} {kind}" + (f": {note.strip()}" if note.strip() else "")
    index = _tie_index(network, network.me, person.id)
    if index is None:
        tie = Tie(network.me, person.id, stage="initiated", last_contact=when, interactions=1,
                  source="manual", notes=entry)
        network.ties.append(tie)
        return Logged(person, kind, when, 1, when, True, None,
                      tie_strength(network, tie, as_of))
    old = network.ties[index]
    last = max(old.last_contact, when) if old.last_contact else when
    tie = replace(old, interactions=old.interactions + 1, last_contact=last,
                  notes=f"{old.notes} | {entry}" if old.notes else entry)
    network.ties[index] = tie
    return Logged(person, kind, when, tie.interactions, last, False,
                  tie_strength(network, old, as_of), tie_strength(network, tie, as_of))


@dataclass(frozen=True)
class Staged:
    """What :func:`set_stage` did: the stage and strength before and after."""

    person: Person
    old_stage: str
    new_stage: str
    before: float | None
    after: float

    @property
    def message(self) -> str:
        old = STAGE_LABELS.get(self.old_stage or "acquaintance", self.old_stage)
        new = STAGE_LABELS[self.new_stage]
        if self.before is None:
            return (f"{self.person.name}: new tie, {new}; strength {self.after:.3f}")
        return (f"{self.person.name}: {old} -> {new}; strength {self.before:.3f} -> "
                f"{self.after:.3f}")


def set_stage(network: Network, person: Person, stage: str, as_of: date) -> Staged:
    """Move my relationship with ``person`` to ``stage`` (a tie is created if there is none).

    Raises
    ------
    InvalidArgument
        for a stage that is not one of :data:`~graphkit.model.STAGES`.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me"), "ann": Person("ann", "Ann")},
    ...               ties=[Tie("me", "ann", stage="initiated")])
    >>> done = set_stage(net, net.people["ann"], "advice", date(2026, 1, 1))
    >>> done.message
    'Ann: conversation initiated -> advice obtained; strength 0.225 -> 0.325'
    """
    if stage not in STAGES:
        raise InvalidArgument("stage", stage, "one of " + ", ".join(STAGES))
    _not_me(network, person, "set the stage of")
    index = _tie_index(network, network.me, person.id)
    if index is None:
        tie = Tie(network.me, person.id, stage=stage, source="manual")
        network.ties.append(tie)
        return Staged(person, "", stage, None, tie_strength(network, tie, as_of))
    old = network.ties[index]
    network.ties[index] = replace(old, stage=stage)
    return Staged(person, old.stage, stage, tie_strength(network, old, as_of),
                  tie_strength(network, network.ties[index], as_of))


# --- introductions ----------------------------------------------------------------------------


def intro_status(status: str) -> str:
    """The log's word for ``status`` (``done`` is ``made``).

    >>> intro_status("Done"), intro_status("met")
    ('made', 'met')
    """
    word = INTRO_ALIASES.get(status.strip().lower(), status.strip().lower())
    if word not in INTRO_STATUSES:
        raise InvalidArgument("status", status, "one of " + ", ".join(INTRO_STATUSES)
                              + " (done = made)")
    return word


@dataclass(frozen=True)
class Introduced:
    """What :func:`add_introduction` or :func:`update_introduction` did."""

    introducer: Person
    person: Person
    status: str
    when: date | None
    previous: str | None
    tie_created: bool

    @property
    def message(self) -> str:
        when = self.when.isoformat() if self.when else "undated"
        change = (f"{self.previous or 'no status'} -> {self.status}" if self.previous is not None
                  else self.status)
        text = (f"introduction by {self.introducer.name} to {self.person.name}: {change} "
                f"({when})")
        if self.tie_created:
            text += f"; you are now tied to {self.person.name} (source introduction)"
        return text


def _intro_index(network: Network, introducer: str, person: str) -> int | None:
    for i, intro in enumerate(network.introductions):
        if (intro.introducer_id, intro.person_id, intro.introduced_to_id) == (
                introducer, network.me, person):
            return i
    return None


def _tie_from_introduction(network: Network, person: Person, status: str,
                           when: date | None) -> bool:
    """An introduction made (or a meeting) connects me to the person: add the tie if absent."""
    if status not in ("made", "met") or _tie_index(network, network.me, person.id) is not None:
        return False
    network.ties.append(Tie(network.me, person.id,
                            stage="initiated" if status == "met" else "",
                            last_contact=when, source="introduction"))
    return True


def add_introduction(network: Network, introducer: Person, person: Person,
                     status: str = "requested", when: date | None = None) -> Introduced:
    """Log that ``introducer`` introduces me to ``person`` (asked for, offered, made ...).

    An introduction made or met connects me to ``person``: a tie (source ``introduction``) is
    added if there is none.

    Raises
    ------
    GraphkitError
        when the introduction is already in the log (update it instead) or names me.
    InvalidArgument
        for an unknown status.

    Examples
    --------
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")})
    >>> add_introduction(net, net.people["ann"], net.people["bo"], "done",
    ...                  date(2026, 1, 5)).message
    'introduction by Ann to Bo: made (2026-01-05); you are now tied to Bo (source introduction)'
    """
    word = intro_status(status)
    _not_me(network, introducer, "name as the introducer")
    _not_me(network, person, "name as the person to be introduced to")
    if introducer.id == person.id:
        raise GraphkitError(f"{person.name} cannot introduce you to themself")
    if _intro_index(network, introducer.id, person.id) is not None:
        raise GraphkitError(f"the introduction by {introducer.name} to {person.name} is "
                            "already in the log; change it with `graphkit intro update`")
    network.introductions.append(Introduction(introducer.id, network.me, person.id, when, word))
    tie = _tie_from_introduction(network, person, word, when)
    return Introduced(introducer, person, word, when, None, tie)


def update_introduction(network: Network, introducer: Person, person: Person,
                        status: str | None = None, when: date | None = None) -> Introduced:
    """Change the status (and date) of a logged introduction.

    Raises
    ------
    GraphkitError
        when the log has no such introduction (add it first).
    """
    index = _intro_index(network, introducer.id, person.id)
    if index is None:
        raise GraphkitError(f"no introduction by {introducer.name} to {person.name} in the "
                            "log; add it with `graphkit intro add`")
    old = network.introductions[index]
    word = intro_status(status) if status else old.status
    new = replace(old, status=word, date=when or old.date)
    network.introductions[index] = new
    tie = _tie_from_introduction(network, person, word, new.date)
    return Introduced(introducer, person, word, new.date, old.status, tie)


# --- targets and organizations ----------------------------------------------------------------


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
class TargetChange:
    """What :func:`add_target` or :func:`remove_target` did."""

    organization: Organization
    action: str  # "added" | "updated" | "unchanged" | "removed"
    created: bool = False
    rows: int = 1

    @property
    def message(self) -> str:
        name = self.organization.name
        if self.action == "removed":
            rows = f" ({self.rows} rows)" if self.rows != 1 else ""
            return (f"removed {name} from the target list{rows}; the organization stays in "
                    "organizations.csv")
        if self.action == "unchanged":
            return f"{name} is already on the target list"
        text = f"{self.action} {name} {'to' if self.action == 'added' else 'on'} the target list"
        if self.created:
            text += (f" (a new organization, {self.organization.id}: nobody there in your "
                     f"network yet; see graphkit path-to \"{name}\")")
        return text


def _targets_of(network: Network, org: Organization, member: str = "") -> list[int]:
    index = OrgIndex(network.organizations.values())
    return [i for i, t in enumerate(network.targets)
            if t.member == member
            and (found := index.find(t.organization)) is not None and found.id == org.id]


def _member(network: Network, member: str) -> str:
    """The ``member`` column for a team member's id ("" for the network's owner)."""
    return "" if member == network.me else member


def add_target(network: Network, name: str, priority: int | None = None, notes: str = "",
               create: bool = False, industry: str = "", location: str = "", member: str = "",
               role: str = "", private: bool | None = None) -> TargetChange:
    """Put an organization on the target list (of team member ``member``, an id; "" or
    ``me``: the owner's); an organization not in the network is created (knowing nobody there
    yet is normal). Already listed: priority, notes, role and ``private`` (when given) are
    updated.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Me")})
    >>> add_target(net, "Netflix", 1).created
    True
    >>> [(t.organization, t.priority, t.status, t.member) for t in net.targets]
    [('Netflix', 1, 'researching', '')]
    """
    if priority is not None and priority < 1:
        raise InvalidArgument("priority", priority, "a whole number from 1 (highest)")
    member = _member(network, member)
    org, created = organization_for(network, name, create, industry, location)
    rows = _targets_of(network, org, member)
    if not rows:
        network.targets.append(Target(org.name, priority, "researching", notes.strip(),
                                      member=member, role=role.strip(),
                                      private=bool(private)))
        return TargetChange(org, "added", created)
    old = network.targets[rows[0]]
    new = replace(old, priority=priority if priority is not None else old.priority,
                  notes=notes.strip() if notes.strip() else old.notes,
                  role=role.strip() or old.role,
                  private=old.private if private is None else private)
    if new == old:
        return TargetChange(org, "unchanged")
    network.targets[rows[0]] = new
    return TargetChange(org, "updated")


def remove_target(network: Network, name: str, member: str = "") -> TargetChange:
    """Take an organization off the target list (every line naming it); it stays in the network.

    Raises
    ------
    GraphkitError
        when the organization is not on the target list.
    """
    member = _member(network, member)
    org = resolve_organization(network, name)
    rows = _targets_of(network, org, member) if org is not None else []
    if org is None or not rows:
        listed = [t.organization for t in network.targets if normalize(t.organization)
                  == normalize(name) and t.member == member]
        if listed:  # a line that names no organization: remove it by its text
            network.targets[:] = [t for t in network.targets
                                  if normalize(t.organization) != normalize(name)
                                  or t.member != member]
            return TargetChange(Organization("", listed[0]), "removed", rows=len(listed))
        raise GraphkitError(f'"{name}" is not on the target list; see graphkit target list')
    network.targets[:] = [t for i, t in enumerate(network.targets) if i not in set(rows)]
    return TargetChange(org, "removed", rows=len(rows))


@dataclass(frozen=True)
class TargetLine:
    """One line of the target list as :func:`target_list` shows it."""

    priority: int | None
    listed_as: str
    organization: Organization | None
    status: str
    people_there: int
    private: bool = False
    role: str = ""


def target_list(network: Network, member: str = "") -> list[TargetLine]:
    """The target list (of team member ``member``; default the owner's) in file order, each
    line with its organization and the people there."""
    index = OrgIndex(network.organizations.values())
    staff: dict[str, int] = {}
    for job in network.employment:
        if job.current and job.person_id != network.me:
            staff[job.org_id] = staff.get(job.org_id, 0) + 1
    out = []
    for t in targets_of(network.targets, member or network.me, network.me):
        org = index.find(t.organization)
        out.append(TargetLine(t.priority, t.organization, org, t.status,
                              staff.get(org.id, 0) if org else 0, t.private, t.role))
    return out


# --- people -----------------------------------------------------------------------------------


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


# --- one change to a network folder ------------------------------------------------------------


def change_network(folder: str | Path, change: Callable[[Network], T],
                   strict: bool = False) -> tuple[T, Problems]:
    """Apply ``change`` to the network in ``folder`` and write it back, under the lock.

    Only the rows ``change`` touched are rewritten, every changed file in one atomic step
    (:func:`graphkit.workspace.write.write_network`); when ``change`` raises, nothing is
    written. Returns what ``change`` returned and the problems found reading the folder.

    Raises
    ------
    GraphkitError
        for the bundled sample network (it is read-only: copy it or create your own), a
        folder that is not a network, or anything ``change`` refuses.
    WriteError
        when the operating system refuses the write (the folder is then as it was).
    """
    from graphkit.workspace.locate import sample_folder
    from graphkit.workspace.lock import network_lock
    from graphkit.workspace.transaction import recover
    from graphkit.workspace.write import write_network

    root = Path(folder)
    if root.resolve() == sample_folder().resolve():
        raise GraphkitError("the bundled sample network is read-only; work on a copy "
                            "(cp -r it, then --data COPY) or create your own with "
                            "`graphkit init DIR --me NAME`")
    read_network(root, Problems())  # a folder that is not a network fails here, unlocked
    with network_lock(root):
        recover(root)
        problems = Problems(strict=strict)
        network = read_network(root, problems)
        result = change(network)
        write_network(root, network)
    return result, problems


def read_folder(folder: str | Path, strict: bool = False) -> tuple[Network, Problems]:
    """Read the network in ``folder`` (for the read-only record commands: find, target list)."""
    problems = Problems(strict=strict)
    return read_network(folder, problems), problems


def refuse_future(when: date, as_of: date) -> date:
    """``when`` if it is not after ``as_of``; else InvalidArgument("date")."""
    _check_date(when, as_of)
    return when
