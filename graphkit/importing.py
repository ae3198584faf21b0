"""Merging exported contacts into a network folder without duplicating anyone.

A contact matches an existing person by LinkedIn URL, then email, then name + current
organization, then name among the owner's existing contacts (the same export imported again).
Several candidates, or a same-named stranger with nothing else in common, is reported as
ambiguous and skipped rather than guessed.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from tqdm import tqdm

from graphkit.errors import GraphkitError, InputError, InvalidArgument
from graphkit.io.contacts import Contact
from graphkit.io.google import read_google
from graphkit.io.linkedin import read_linkedin
from graphkit.io.network import read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.io.vcard import read_vcard
from graphkit.model import (
    Employment,
    Extra,
    Membership,
    Network,
    Organization,
    Person,
    Tie,
    provenance,
    with_provenance,
)
from graphkit.orgs import OrgIndex, new_id, normalize
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import recover
from graphkit.workspace.write import write_network

READERS: dict[str, Callable[[str | Path, Problems | None], list[Contact]]] = {
    "linkedin": read_linkedin,
    "google": read_google,
    "vcard": read_vcard,
}


@dataclass
class ImportSummary:
    """The accounting of one import: read = added + merged + skipped."""

    read: int = 0
    added: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    ties_added: int = 0
    jobs_added: int = 0
    jobs_changed: int = 0
    organizations_added: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        """``rows read 150 = 140 imported + 8 merged + 2 skipped (...)``."""
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        return (f"rows read {self.read} = {self.added} imported + {self.merged} merged + "
                f"{self.skipped_total} skipped" + (f" ({reasons})" if reasons else ""))


def normalize_url(url: str) -> str:
    """A LinkedIn profile URL without scheme, www, query or trailing slash, lowercased.

    >>> normalize_url("https://www.linkedin.com/in/Ada-B/?trk=x")
    'linkedin.com/in/ada-b'
    """
    url = re.sub(r"^[a-z]+://", "", url.strip().lower())
    url = url.removeprefix("www.").split("?")[0].split("#")[0]
    return url.rstrip("/")


class _Matcher:
    """Indexes of the network's people for matching contacts."""

    def __init__(self, network: Network, orgs: OrgIndex) -> None:
        self.network = network
        self.orgs = orgs
        self.by_url: dict[str, str] = {}
        self.by_email: dict[str, str] = {}
        self.by_name: dict[str, list[str]] = {}
        for person in network.people.values():
            self.index(person)
        #: positions in network.employment of each person's jobs (kept current by _employ)
        self.jobs: dict[str, list[int]] = {}
        for i, job in enumerate(network.employment):
            self.jobs.setdefault(job.person_id, []).append(i)

    def index(self, person: Person) -> None:
        if person.linkedin_url:
            self.by_url.setdefault(normalize_url(person.linkedin_url), person.id)
        if person.email:
            self.by_email.setdefault(person.email.casefold(), person.id)
        self.by_name.setdefault(normalize(person.name), []).append(person.id)

    def current_orgs(self, person_id: str) -> set[str]:
        jobs = self.network.employment
        return {jobs[i].org_id for i in self.jobs.get(person_id, ()) if jobs[i].current}

    def match(self, contact: Contact, owner: str,
              neighbours: set[str]) -> tuple[str | None, str | None]:
        """(person id, None) on a match, (None, None) for a new person, (None, why) when
        ambiguous."""
        if contact.url and normalize_url(contact.url) in self.by_url:
            return self.by_url[normalize_url(contact.url)], None
        if contact.email and contact.email.casefold() in self.by_email:
            return self.by_email[contact.email.casefold()], None
        same_name = self.by_name.get(normalize(contact.name), [])
        if not same_name:
            return None, None
        org = self.orgs.find(contact.company) if contact.company else None
        if org is not None:
            at_org = [p for p in same_name if org.id in self.current_orgs(p)]
            if len(at_org) == 1:
                return at_org[0], None
            if len(at_org) > 1:
                return None, f"{len(at_org)} people named '{contact.name}' work at {org.name}"
        known = [p for p in same_name if p in neighbours or p == owner]
        if len(known) == 1:
            return known[0], None
        if self.network.me in same_name and owner != self.network.me:
            return self.network.me, None  # a teammate's export lists me
        people = ", ".join(same_name)
        return None, (f"'{contact.name}' may be {people} (same name, no shared URL, email or "
                      "employer); add their LinkedIn URL or email to people.csv to link them")


def import_contacts(network: Network, contacts: list[Contact], owner: str, source: str,
                    as_of: date, problems: Problems, path: str | Path = "",
                    progress: bool = False) -> ImportSummary:
    """Merge ``contacts`` (the export of person ``owner``) into ``network`` in place.

    ``progress`` shows a progress bar on stderr for long imports (only on a terminal).
    """
    summary = ImportSummary(read=len(contacts))
    orgs = OrgIndex(network.organizations.values())
    matcher = _Matcher(network, orgs)
    ties = {t.key: i for i, t in enumerate(network.ties)}
    neighbours = {b if a == owner else a for (a, b) in ties if owner in (a, b)}
    contact_ids: dict[str, str] = {}
    memberships = {(m.person_id, m.group) for m in network.memberships}
    bar = tqdm(contacts, desc="importing", unit=" contacts", file=sys.stderr, leave=False,
               disable=None if progress and len(contacts) >= 2000 else True)
    for contact in bar:
        person_id, ambiguous = matcher.match(contact, owner, neighbours)
        if ambiguous:
            problems.warn(path, contact.line, None,
                          f"ambiguous match: {ambiguous}; row skipped")
            summary.skipped["ambiguous"] += 1
            continue
        if person_id is None:
            person = Person(new_id("p", contact.name, network.people), contact.name,
                            contact.email, contact.url, contact.title, contact.location,
                            contact.notes, extra=_new_from(network, owner))
            network.people[person.id] = person
            matcher.index(person)
            summary.added += 1
        else:
            old = network.people[person_id]
            person = replace(old, email=old.email or contact.email,
                             linkedin_url=old.linkedin_url or contact.url,
                             title=contact.title or old.title,
                             location=old.location or contact.location,
                             notes=old.notes or contact.notes,
                             extra=_also_from(old.extra, owner))
            if person != old:
                network.people[person_id] = person
                matcher.index(person)
            summary.merged += 1
        contact_ids[contact.uid or contact.name] = person.id
        if contact.email:
            contact_ids.setdefault(contact.email.casefold(), person.id)
        if contact.company:
            _employ(network, matcher, person.id, contact, as_of, summary, owner)
        for group in contact.groups:
            if (person.id, group) not in memberships:
                memberships.add((person.id, group))
                network.memberships.append(Membership(person.id, group,
                                                      extra=_new_from(network, owner)))
        if person.id != owner:
            summary.ties_added += _tie(network, ties, owner, person.id, source,
                                       contact.connected_on, owner)
            neighbours.add(person.id)
    for contact in contacts:  # vCard RELATED, once every card has an id
        me_id = contact_ids.get(contact.uid or contact.name)
        for related in contact.related:
            other = (contact_ids.get(related) or contact_ids.get(related.casefold())
                     or _only(matcher.by_name.get(normalize(related), [])))
            if me_id and other and other != me_id:
                summary.ties_added += _tie(network, ties, me_id, other, source, None, owner)
            elif me_id and not other:
                problems.warn(path, contact.line, "RELATED",
                              f"related person '{related}' is not in the file or the network; "
                              "tie not added (add that person first)")
    return summary


def _new_from(network: Network, owner: str) -> Extra:
    """The provenance of a row a teammate's export adds (none for my own export: a row
    without provenance is mine, and is never removed with a member)."""
    return with_provenance((), [owner]) if owner != network.me else ()


def _also_from(extra: Extra, owner: str) -> Extra:
    """A merged row's provenance gains ``owner``; a row without one (entered by hand, or
    imported before provenance was recorded) stays without: it is never removed with a
    member."""
    found = provenance(extra)
    return with_provenance(extra, [*found, owner]) if found else extra


def _only(ids: list[str]) -> str | None:
    return ids[0] if len(ids) == 1 else None


def _employ(network: Network, matcher: _Matcher, person_id: str, contact: Contact, as_of: date,
            summary: ImportSummary, owner: str) -> None:
    """Record the contact's current job; a new employer ends the person's other current jobs."""
    orgs = matcher.orgs
    org = orgs.find(contact.company)
    if org is None:
        org = Organization(new_id("o", contact.company, network.organizations),
                           contact.company.strip(), extra=_new_from(network, owner))
        network.organizations[org.id] = org
        orgs.add(org)
        summary.organizations_added += 1
    else:
        old = network.organizations[org.id]
        if (merged := _also_from(old.extra, owner)) != old.extra:
            network.organizations[org.id] = replace(old, extra=merged)
    positions = matcher.jobs.setdefault(person_id, [])
    current = [i for i in positions if network.employment[i].current]
    for i in current:
        job = network.employment[i]
        if job.org_id == org.id:
            changed = replace(job, title=contact.title or job.title,
                              extra=_also_from(job.extra, owner))
            if changed.title != job.title:
                summary.jobs_changed += 1
            network.employment[i] = changed
            return
    for i in current:
        # The export names a new employer: the old job ended by the time of this import.
        network.employment[i] = replace(network.employment[i], end=as_of)
        summary.jobs_changed += 1
    positions.append(len(network.employment))
    network.employment.append(Employment(person_id, org.id, contact.title,
                                         extra=_new_from(network, owner)))
    summary.jobs_added += 1


def _tie(network: Network, ties: dict[tuple[str, str], int], a: str, b: str, source: str,
         since: date | None, owner: str) -> int:
    key = (a, b) if a <= b else (b, a)
    if key in ties:
        old = network.ties[ties[key]]
        if (merged := _also_from(old.extra, owner)) != old.extra:
            network.ties[ties[key]] = replace(old, extra=merged)
        return 0
    ties[key] = len(network.ties)
    network.ties.append(Tie(a, b, last_contact=since, source=source,
                            extra=_new_from(network, owner)))
    return 1


def find_person(network: Network, name: str) -> Person | None:
    """A person by id or by (normalized) name, if exactly one matches."""
    if name in network.people:
        return network.people[name]
    matches = [p for p in network.people.values() if normalize(p.name) == normalize(name)]
    return matches[0] if len(matches) == 1 else None


def import_file(folder: str | Path, kind: str, path: str | Path, owner: str | None = None,
                as_of: date | None = None, strict: bool = False,
                progress: bool = False) -> tuple[ImportSummary, Problems]:
    """Import an export file of ``kind`` (linkedin, google, vcard) into a network folder.

    ``owner`` names whose export it is (a name or id; default: me). A teammate not yet in the
    network is added, with a tie to me: a work team's members know each other.

    Raises
    ------
    InputError
        for an unreadable file (or any warning, when ``strict``).
    InvalidArgument
        for an unknown ``kind``.
    """
    if kind not in READERS:
        raise InvalidArgument("kind", kind, f"one of {', '.join(READERS)}")
    as_of = as_of or date.today()
    if not (Path(folder) / CONFIG_FILE).is_file():
        read_network(folder)  # raises the error that says what is missing
    with network_lock(folder):
        return _import_locked(folder, kind, path, owner, as_of, strict, progress)


def _owner(network: Network, owner: str | None) -> tuple[str, list[str]]:
    """The id of the export's owner (me by default) and what was done to know them.

    A teammate not yet in the network is added with a tie to me: a work team's members know
    each other.
    """
    if not owner:
        return network.me, []
    found = find_person(network, owner)
    if found is None:
        namesakes = [p.id for p in network.people.values()
                     if normalize(p.name) == normalize(owner)]
        if namesakes:
            raise GraphkitError(f"several people are named '{owner}' ({', '.join(namesakes)}); "
                                "pass the id of the right one: --owner ID")
        found = Person(new_id("p", owner, network.people), owner.strip())
        network.people[found.id] = found
        notes = [f"added {found.name} ({found.id}) as a teammate, tied to you"]
    else:
        notes = []
    if found.id != network.me and tuple(sorted((found.id, network.me))) not in {
            t.key for t in network.ties}:
        network.ties.append(Tie(network.me, found.id, stage="initiated", source="manual",
                                notes="teammate (added by import --owner)"))
    return found.id, notes


def _import_locked(folder: str | Path, kind: str, path: str | Path, owner: str | None,
                   as_of: date, strict: bool, progress: bool) -> tuple[ImportSummary, Problems]:
    recover(folder)  # finish (or discard) a change a crash interrupted, before reading
    problems = Problems(strict=strict)
    network = read_network(folder, problems)
    file_problems = Problems(strict=strict)
    contacts = READERS[kind](path, file_problems)
    unreadable = file_problems.skipped_rows
    if not contacts and not unreadable:
        raise InputError("no contacts in the file (only a header?); nothing imported", path)
    owner_id, notes = _owner(network, owner)
    source = "own-export" if owner_id == network.me else "teammate-export"
    result = import_contacts(network, contacts, owner_id, source, as_of, file_problems, path,
                             progress)
    result.notes[:0] = notes
    result.read += unreadable
    if unreadable:
        result.skipped["unreadable"] += unreadable
    problems.items.extend(file_problems.items)
    write_network(folder, network)
    return result, problems
