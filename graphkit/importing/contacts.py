"""Merging contacts into a network: people, jobs, ties, group memberships and the
provenance of the rows a teammate's export adds."""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

from tqdm import tqdm

from graphkit.errors import ConfigError
from graphkit.importing.matching import _Matcher, is_placeholder_person, usable_email
from graphkit.importing.summary import ImportSummary, Merge
from graphkit.io.contacts import Contact
from graphkit.io.table import Problems
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
from graphkit.orgs import OrgIndex, is_placeholder, new_id, normalize, org_key, without_batch


def import_contacts(network: Network, contacts: list[Contact], owner: str, source: str,
                    as_of: date, problems: Problems, path: str | Path = "",
                    progress: bool = False) -> ImportSummary:
    """Merge ``contacts`` (the export of person ``owner``) into ``network`` in place.

    Every merge is listed in the summary's ``merges`` with its reason. A card named "N/A" or
    "unknown" is skipped; an employer such as "Stealth Startup" (:func:`graphkit.orgs.
    is_placeholder`, extended by ``[import] placeholder_employers`` in graphkit.toml) records
    no organization: it is kept in the person's title as their status. ``progress`` shows a
    progress bar on stderr for long imports (only on a terminal).
    """
    summary = ImportSummary(read=len(contacts))
    orgs = OrgIndex(network.organizations.values())
    matcher = _Matcher(network, orgs)
    ties = {t.key: i for i, t in enumerate(network.ties)}
    tie_of = {t.key: t for t in network.ties}
    neighbours = {b if a == owner else a for (a, b) in ties if owner in (a, b)}
    contact_ids: dict[str, str] = {}
    memberships = {(m.person_id, m.group) for m in network.memberships}
    placeholders = _placeholder_setting(network)
    spellings = _spellings(contacts, placeholders)
    bar = tqdm(contacts, desc="importing", unit=" contacts", file=sys.stderr, leave=False,
               disable=None if progress and len(contacts) >= 2000 else True)
    for contact in bar:
        if is_placeholder_person(contact.name):
            problems.warn(path, contact.line, None, f"'{contact.name}' is a placeholder, not a "
                          "person; row skipped")
            summary.skipped["placeholder"] += 1
            continue
        contact = replace(contact, email=usable_email(contact.email))
        status = ""
        if contact.company and is_placeholder(contact.company, placeholders):
            status = contact.company
            title = f"{contact.title} ({status})" if contact.title else status
            contact = replace(contact, company="", title=title)
        person_id, why = matcher.match(contact, owner, neighbours, tie_of)
        if person_id is None and why:
            problems.warn(path, contact.line, None, f"ambiguous match: {why}; row skipped")
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
            summary.merges.append(Merge(contact.line, contact.name, person_id, why))
        matcher.claimed.add(person.id)
        contact_ids[contact.uid or contact.name] = person.id
        if contact.email:
            contact_ids.setdefault(contact.email.casefold(), person.id)
        if contact.company:
            _employ(network, matcher, person.id, contact, as_of, summary, spellings, owner)
        elif status:
            _end_jobs(network, matcher, person.id, as_of, summary)
        for group in contact.groups:
            if (person.id, group) not in memberships:
                memberships.add((person.id, group))
                network.memberships.append(Membership(person.id, group,
                                                      extra=_new_from(network, owner)))
        if person.id != owner:
            added = _tie(network, ties, owner, person.id, source, contact.connected_on, owner)
            if added:
                tie_of[network.ties[-1].key] = network.ties[-1]
            summary.ties_added += added
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


def _placeholder_setting(network: Network) -> tuple[str, ...]:
    """``[import] placeholder_employers`` from graphkit.toml (names added to the built-in
    list)."""
    table = network.settings.get("import", {})
    names = table.get("placeholder_employers", []) if isinstance(table, dict) else []
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ConfigError("[import] placeholder_employers must be a list of names, such as "
                          '["Stealth Startup", "Sabbatical"]')
    return tuple(names)


def _spellings(contacts: list[Contact], placeholders: tuple[str, ...]) -> dict[str, str]:
    """Per organization key, the spelling most contacts use (the first seen among equals)."""
    counts: dict[str, Counter[str]] = {}
    for contact in contacts:
        company = contact.company.strip()
        if company and not is_placeholder(company, placeholders):
            counts.setdefault(org_key(company), Counter())[without_batch(company)] += 1
    return {key: c.most_common(1)[0][0] for key, c in counts.items()}


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


def _end_jobs(network: Network, matcher: _Matcher, person_id: str, as_of: date,
              summary: ImportSummary) -> None:
    """A placeholder employer ("Retired", "Stealth Startup") ends the person's current jobs."""
    for i in matcher.jobs.get(person_id, []):
        if network.employment[i].current:
            network.employment[i] = replace(network.employment[i], end=as_of)
            summary.jobs_changed += 1


def _employ(network: Network, matcher: _Matcher, person_id: str, contact: Contact, as_of: date,
            summary: ImportSummary, spellings: dict[str, str], owner: str) -> None:
    """Record the contact's current job; a new employer ends the person's other current jobs."""
    orgs = matcher.orgs
    org = orgs.find(contact.company)
    if org is None:
        name = spellings.get(org_key(contact.company), contact.company.strip())
        org = Organization(new_id("o", name, network.organizations), name,
                           extra=_new_from(network, owner))
        network.organizations[org.id] = org
        orgs.add(org)
        summary.organizations_added += 1
    else:
        old_org = network.organizations[org.id]
        if (merged := _also_from(old_org.extra, owner)) != old_org.extra:
            network.organizations[org.id] = replace(old_org, extra=merged)
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
