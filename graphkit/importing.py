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

from rapidfuzz import fuzz
from tqdm import tqdm

from graphkit.errors import ConfigError, GraphkitError, InputError, InvalidArgument
from graphkit.io.contacts import CONTACT_KINDS, Contact, Interaction
from graphkit.io.google import read_google
from graphkit.io.ical import read_calendar
from graphkit.io.linkedin import read_linkedin
from graphkit.io.linkedin_archive import FILES as ARCHIVE_FILES
from graphkit.io.linkedin_archive import is_archive, read_linkedin_archive
from graphkit.io.mbox import MAX_RECIPIENTS, Mail, read_mbox
from graphkit.io.network import read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.io.vcard import read_vcard
from graphkit.model import (
    STAGES,
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
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import make_private_dir, recover, write_private
from graphkit.workspace.write import write_network


def _google(path: str | Path, problems: Problems | None,
            _notes: list[str] | None) -> list[Contact]:
    return read_google(path, problems)


def _vcard(path: str | Path, problems: Problems | None,
           _notes: list[str] | None) -> list[Contact]:
    return read_vcard(path, problems)


READERS: dict[str, Callable[[str | Path, Problems | None, list[str] | None],
                            list[Contact]]] = {
    "linkedin": read_linkedin,
    "google": _google,
    "vcard": _vcard,
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
    merges: list[Merge] = field(default_factory=list)
    evidence: dict[str, EvidenceSummary] = field(default_factory=dict)
    log: Path | None = None

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


#: Names and emails an address book writes for "no one": such a card is not a person.
_PLACEHOLDER_TEXT = frozenset({"", "n a", "na", "none", "null", "unknown", "no name",
                               "noname", "nobody", "tbd", "test", "x", "xx", "xxx"})


def is_placeholder_person(name: str) -> bool:
    """True for a card named "N/A", "-", "unknown" and the like.

    >>> is_placeholder_person("N/A"), is_placeholder_person("-"), is_placeholder_person("Ann Lee")
    (True, True, False)
    """
    return normalize(name) in _PLACEHOLDER_TEXT


def usable_email(email: str) -> str:
    """The email, or "" for a placeholder ("n/a", "-", "unknown") or a text without an @."""
    email = email.strip()
    return email if "@" in email and normalize(email.split("@")[0]) not in _PLACEHOLDER_TEXT \
        else ""


@dataclass(frozen=True)
class Merge:
    """A row of an export matched to a person already in the network, and why."""

    line: int
    name: str
    person_id: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.name} -> {self.person_id} ({self.reason})"


class _Matcher:
    """Indexes of the network's people for matching contacts.

    Different LinkedIn URLs, or different emails, are different people: such a pair is never
    merged. An email shared by people with different names (a family or office mailbox) is not
    an identity. A person matched by one row of an export is not matched by another row of the
    same export on name alone: an export lists each person once.
    """

    def __init__(self, network: Network, orgs: OrgIndex) -> None:
        self.network = network
        self.orgs = orgs
        self.by_url: dict[str, str] = {}
        self.by_email: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.claimed: set[str] = set()
        for person in network.people.values():
            self.index(person)
        #: positions in network.employment of each person's jobs (kept current by _employ)
        self.jobs: dict[str, list[int]] = {}
        for i, job in enumerate(network.employment):
            self.jobs.setdefault(job.person_id, []).append(i)

    def index(self, person: Person) -> None:
        if person.linkedin_url:
            self.by_url.setdefault(normalize_url(person.linkedin_url), person.id)
        if usable_email(person.email):
            ids = self.by_email.setdefault(person.email.casefold(), [])
            if person.id not in ids:
                ids.append(person.id)
        ids = self.by_name.setdefault(normalize(person.name), [])
        if person.id not in ids:
            ids.append(person.id)

    def current_orgs(self, person_id: str) -> set[str]:
        jobs = self.network.employment
        return {jobs[i].org_id for i in self.jobs.get(person_id, ()) if jobs[i].current}

    def conflict(self, person_id: str, contact: Contact) -> bool:
        """True when the person and the contact cannot be one human: different LinkedIn URLs or
        different emails."""
        person = self.network.people[person_id]
        if contact.url and person.linkedin_url and (
                normalize_url(contact.url) != normalize_url(person.linkedin_url)):
            return True
        email = usable_email(contact.email)
        return bool(email and usable_email(person.email)
                    and email.casefold() != person.email.casefold())

    def match(self, contact: Contact, owner: str, neighbours: set[str],
              ties: dict[tuple[str, str], Tie]) -> tuple[str | None, str]:
        """(person id, why they match) on a match, (None, "") for a new person, (None, why)
        when ambiguous (the caller tells the cases apart with ``person id is None and why``)."""
        if contact.url and normalize_url(contact.url) in self.by_url:
            return self.by_url[normalize_url(contact.url)], "same LinkedIn URL"
        name = normalize(contact.name)
        email = usable_email(contact.email).casefold()
        if email in self.by_email:
            same = [p for p in self.by_email[email]
                    if normalize(self.network.people[p].name) == name
                    and not self.conflict(p, contact)]
            if len(same) == 1:
                return same[0], "same email and name"
        same_name = [p for p in self.by_name.get(name, [])
                     if p not in self.claimed and not self.conflict(p, contact)]
        if not same_name:
            return None, ""
        org = self.orgs.find(contact.company) if contact.company else None
        if org is not None:
            at_org = [p for p in same_name if org.id in self.current_orgs(p)]
            if len(at_org) == 1:
                return at_org[0], f"same name, works at {org.name}"
            if len(at_org) > 1:
                return None, f"{len(at_org)} people named '{contact.name}' work at {org.name}"
        known = [p for p in same_name if p in neighbours or p == owner]
        if len(known) > 1:
            # The same export imported again: the tie's date and the employer tell them apart.
            dated = [p for p in known if contact.connected_on is not None
                     and _tie_date(ties, owner, p) == contact.connected_on]
            known = dated or known
            if len(known) > 1:
                want = {org.id} if org is not None else set()
                known = [p for p in known if self.current_orgs(p) == want] or known
        if len(known) == 1:
            return known[0], ("same name as the export's owner" if known[0] == owner
                              else "same name, already a contact of this export's owner")
        if self.network.me in same_name and owner != self.network.me:
            return self.network.me, "same name as you, in a teammate's export"
        people = ", ".join(same_name)
        return None, (f"'{contact.name}' may be {people} (same name, no shared URL, email or "
                      "employer); add their LinkedIn URL or email to people.csv to link them")


def _tie_date(ties: dict[tuple[str, str], Tie], a: str, b: str) -> date | None:
    tie = ties.get((a, b) if a <= b else (b, a))
    return tie.last_contact if tie else None


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


def find_person(network: Network, name: str) -> Person | None:
    """A person by id or by (normalized) name, if exactly one matches."""
    if name in network.people:
        return network.people[name]
    matches = [p for p in network.people.values() if normalize(p.name) == normalize(name)]
    return matches[0] if len(matches) == 1 else None


_CHANNEL_SEGMENTS = {
    "linkedin": re.compile(r"^(\d+ LinkedIn messages?\b.*|you invited them|they invited you|"
                           r"recommended you|endorsed you.*)$"),
    "calendar": re.compile(r"^\d+ meetings?$"),
    "mail": re.compile(r"^\d+ emails?\b.*$"),
}
_COUNTED = re.compile(r"^(\d+) (LinkedIn messages?|meetings?|emails?)(?: \((\d+) from them\))?$")
_RECIPROCITY = ("they replied", "they never replied")


@dataclass
class EvidenceSummary:
    """What an evidence import (messages, meetings, emails) found and where it went."""

    read: int = 0
    matched: int = 0
    unmatched: Counter[str] = field(default_factory=Counter)
    people: int = 0
    ties_changed: int = 0
    ties_added: int = 0
    unmatched_names: Counter[str] = field(default_factory=Counter)
    #: records of the file left out with a warning (cancelled events, mailing lists)
    skipped: int = 0

    def line(self, what: str) -> str:
        """``120 messages read = 97 matched to 14 people + 23 not matched (...)``."""
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.unmatched.items()))
        missed = sum(self.unmatched.values())
        return (f"{self.read} {what} read = {self.matched} matched to {self.people} people + "
                f"{missed} not matched" + (f" ({reasons})" if reasons else "")
                + (f"; {self.skipped} skipped in the file (see the warnings)"
                   if self.skipped else ""))


@dataclass
class _Tally:
    sent: int = 0
    received: int = 0
    last: date | None = None
    invited: str = ""
    recommended: bool = False
    endorsements: int = 0


def _segments(notes: str) -> list[str]:
    return [p.strip() for p in notes.split(";") if p.strip()]


def _counted(segments: list[str]) -> tuple[int, int, int]:
    """(interactions, from them, to them) the evidence segments of a tie's notes record."""
    total = theirs = 0
    for part in segments:
        match = _COUNTED.match(part)
        if match:
            total += int(match.group(1))
            theirs += int(match.group(3) or 0) if "meeting" not in match.group(2) else 0
    return total, theirs, total - theirs


def apply_evidence(network: Network, interactions: list[Interaction], owner: str,
                   channel: str, source: str, as_of: date,
                   problems: Problems) -> EvidenceSummary:
    """Record ``interactions`` of ``owner`` (one channel: linkedin, calendar or mail) on their
    ties, in place.

    Each interaction is matched to a person by LinkedIn URL, then by an email only one person
    has, then by a name only one of the owner's contacts has; a shared address or an unknown
    person is counted as not matched, never guessed. Per tie the channel's counts replace
    what an earlier import of that channel recorded (so importing a file again changes
    nothing): the tie's notes say "12 LinkedIn messages (5 from them)", "3 meetings", "they
    replied"; ``interactions`` is the total; ``last_contact`` the latest message or meeting;
    the stage rises to ``initiated`` once they wrote back or met you and to ``advice`` once
    they recommended you (never lowered). Nothing after ``as_of`` counts.
    """
    summary = EvidenceSummary(read=len(interactions))
    matcher = _Matcher(network, OrgIndex(network.organizations.values()))
    ties = {t.key: i for i, t in enumerate(network.ties)}
    neighbours = {b if a == owner else a for (a, b) in ties if owner in (a, b)}
    tallies: dict[str, _Tally] = {}
    for item in interactions:
        person_id, why = _evidence_person(matcher, item, neighbours)
        if person_id is None or person_id == owner:
            reason = why or "that is you"
            summary.unmatched[reason] += 1
            if person_id is None:
                summary.unmatched_names[item.name or item.email or item.url] += 1
            continue
        if item.when is not None and item.when > as_of:
            summary.unmatched["after the as-of date"] += 1
            continue
        summary.matched += 1
        tally = tallies.setdefault(person_id, _Tally())
        if item.kind in CONTACT_KINDS:
            if item.kind == "meeting":
                tally.sent += 1  # a meeting is contact both ways
                tally.received += 1 if item.from_them else 0
            elif item.from_them:
                tally.received += 1
            else:
                tally.sent += 1
            if item.when is not None and (tally.last is None or item.when > tally.last):
                tally.last = item.when
        elif item.kind == "invitation":
            tally.invited = "they invited you" if item.from_them else "you invited them"
        elif item.kind == "recommendation":
            tally.recommended = True
        elif item.kind == "endorsement":
            tally.endorsements += 1
    summary.people = len(tallies)
    for person_id, tally in sorted(tallies.items()):
        key = (owner, person_id) if owner <= person_id else (person_id, owner)
        if key not in ties:
            ties[key] = len(network.ties)
            network.ties.append(Tie(key[0], key[1], source=source,
                                    extra=_new_from(network, owner)))
            summary.ties_added += 1
        i = ties[key]
        old = network.ties[i]
        new = _with_evidence(old, tally, channel)
        if new != old:
            network.ties[i] = new
            summary.ties_changed += 1
    return summary


def _evidence_person(matcher: _Matcher, item: Interaction,
                     neighbours: set[str]) -> tuple[str | None, str]:
    if item.url and normalize_url(item.url) in matcher.by_url:
        return matcher.by_url[normalize_url(item.url)], ""
    if item.email:
        ids = matcher.by_email.get(item.email.casefold(), [])
        if len(ids) == 1:
            return ids[0], ""
        if len(ids) > 1:
            return None, "shared address"
    if item.name:
        known = [p for p in matcher.by_name.get(normalize(item.name), []) if p in neighbours]
        if len(known) == 1:
            return known[0], ""
        if len(known) > 1:
            return None, "same name, several contacts"
    return None, "not in the network"


def _with_evidence(tie: Tie, tally: _Tally, channel: str) -> Tie:
    before = _segments(tie.notes)
    old_total = _counted(before)[0]
    # Segments keep one order whatever order the channels are imported in: the person's own
    # notes first, then LinkedIn, calendar, mail; so importing a file again changes no byte.
    own = [p for p in before if p not in _RECIPROCITY
           and not any(pat.match(p) for pat in _CHANNEL_SEGMENTS.values())]
    by_channel = {name: [p for p in before if pat.match(p)]
                  for name, pat in _CHANNEL_SEGMENTS.items()}
    added: list[str] = []
    count = tally.sent + tally.received if channel != "calendar" else tally.sent
    if count:
        if channel == "linkedin":
            added.append(f"{count} LinkedIn message{'s' if count != 1 else ''} "
                         f"({tally.received} from them)")
        elif channel == "mail":
            added.append(f"{count} email{'s' if count != 1 else ''} ({tally.received} from "
                         "them)")
        else:
            added.append(f"{count} meeting{'s' if count != 1 else ''}")
    if tally.invited:
        added.append(tally.invited)
    if tally.recommended:
        added.append("recommended you")
    if tally.endorsements:
        times = "" if tally.endorsements == 1 else f" {tally.endorsements} times"
        added.append(f"endorsed you{times}")
    by_channel[channel] = added
    segments = [*own, *(p for name in _CHANNEL_SEGMENTS for p in by_channel[name])]
    total, theirs, _ = _counted(segments)
    meetings = _counted([p for p in segments if p.endswith(("meeting", "meetings"))])[0]
    written = total - meetings
    both_ways = bool(theirs and written - theirs)
    if both_ways:
        segments.append("they replied")
    elif written and not theirs and not meetings:
        segments.append("they never replied")
    stage = tie.stage
    rank = {name: n for n, name in enumerate(STAGES)}
    wanted = ""
    if both_ways or meetings:
        wanted = "initiated"
    if "recommended you" in segments:
        wanted = "advice"
    if wanted and rank.get(wanted, 0) > rank.get(stage or "acquaintance", 0):
        stage = wanted
    last = tie.last_contact
    if tally.last is not None and (last is None or tally.last > last):
        last = tally.last
    interactions = max(tie.interactions - old_total, 0) + total
    return replace(tie, notes="; ".join(segments), interactions=interactions, stage=stage,
                   last_contact=last)


def owner_addresses(network: Network, owner: str, given: tuple[str, ...],
                    seen: Counter[str]) -> tuple[set[str], str]:
    """The owner's email addresses: ``given``, else their email in people.csv, else the address
    in the most messages or meetings (then a note says so)."""
    if given:
        return {a.strip().casefold() for a in given}, ""
    email = usable_email(network.people[owner].email).casefold()
    if email:
        return {email}, ""
    if not seen:
        return set(), ""
    address, n = seen.most_common(1)[0]
    return {address}, (f"took {address} (in {n} messages or meetings) as the owner's address; "
                       "name it with --address, or set the owner's email in people.csv")


def mail_interactions(mails: list[Mail], path: str | Path, addresses: set[str],
                      problems: Problems) -> list[Interaction]:
    """The mails as interactions of the owner (``addresses``): a mail they sent counts once per
    recipient, a mail to them once for its sender; others, and mails to more than
    MAX_RECIPIENTS people, are left out with a warning."""
    out: list[Interaction] = []
    for mail in mails:
        sender_name, sender = mail.sender
        if len(mail.recipients) > MAX_RECIPIENTS:
            problems.warn(path, mail.line, "To", f"{len(mail.recipients)} recipients (a list or "
                          "a newsletter is not evidence of knowing them); row skipped")
            continue
        if sender in addresses:
            out.extend(Interaction(str(path), mail.line, "email", mail.when, False, name=n,
                                   email=a) for n, a in mail.recipients if a not in addresses)
        elif any(a in addresses for _, a in mail.recipients):
            out.append(Interaction(str(path), mail.line, "email", mail.when, True,
                                   name=sender_name, email=sender))
        else:
            problems.warn(path, mail.line, "To", "neither from nor to you (a list or a Bcc); "
                          "row skipped")
    return out


def import_file(folder: str | Path, kind: str, path: str | Path, owner: str | None = None,
                as_of: date | None = None, strict: bool = False, progress: bool = False,
                addresses: tuple[str, ...] = ()) -> tuple[ImportSummary, Problems]:
    """Import an export file of ``kind`` into a network folder.

    Kinds: ``linkedin`` (a Connections.csv, or LinkedIn's data archive as a zip or a folder:
    then messages, invitations, recommendations and endorsements too), ``google``, ``vcard``,
    ``calendar`` (.ics meetings) and ``mbox`` (mail headers). ``owner`` names whose export it
    is (a name or id; default: me). A teammate not yet in the network is added, with a tie to
    me: a work team's members know each other. ``addresses`` are the owner's email addresses
    (calendar, mbox). Every merge and warning is also written to the network's import log
    (``.graphkit/last-import.log``).

    Raises
    ------
    InputError
        for an unreadable file (or any warning, when ``strict``).
    InvalidArgument
        for an unknown ``kind``.
    """
    if kind not in KINDS:
        raise InvalidArgument("kind", kind, f"one of {', '.join(KINDS)}")
    as_of = as_of or date.today()
    if not (Path(folder) / CONFIG_FILE).is_file():
        read_network(folder)  # raises the error that says what is missing
    with network_lock(folder):
        return _import_locked(folder, kind, path, owner, as_of, strict, progress, addresses)


#: What ``import_file`` reads.
KINDS = ("linkedin", "google", "vcard", "calendar", "mbox")

#: Where the last import's full account (merges, every warning) is written.
IMPORT_LOG = Path(".graphkit") / "last-import.log"


def owner_candidates(network: Network, owner: str, limit: int = 5) -> list[Person]:
    """People ``owner`` may mean: every word of it starts a word of their name ("Sam" and
    "Sam Ortiz"), or the names are near spellings ("Sam Ortis").

    >>> net = Network("me", {"me": Person("me", "Dana"), "p": Person("p", "Sam Ortiz")})
    >>> [p.id for p in owner_candidates(net, "sam")], owner_candidates(net, "Lee")
    (['p'], [])
    """
    words = normalize(owner).split()
    found = []
    for person in network.people.values():
        theirs = normalize(person.name).split()
        prefix = words and all(any(t.startswith(w) for t in theirs) for w in words)
        if prefix or fuzz.ratio(normalize(owner), normalize(person.name)) >= 85:
            found.append(person)
    return found[:limit]


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
        candidates = owner_candidates(network, owner)
        if candidates:
            listed = ", ".join(f"{p.name} ({p.id})" for p in candidates)
            raise GraphkitError(f"no one is named '{owner}'; did you mean {listed}? Name the "
                                "owner by full name or id (a new teammate needs a full name "
                                "no one in the network has); nothing imported")
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
                   as_of: date, strict: bool, progress: bool,
                   addresses: tuple[str, ...]) -> tuple[ImportSummary, Problems]:
    recover(folder)  # finish (or discard) a change a crash interrupted, before reading
    problems = Problems(strict=strict)
    network = read_network(folder, problems)
    file_problems = Problems(strict=strict)
    notes: list[str] = []
    contacts: list[Contact] = []
    evidence: list[tuple[str, list[Interaction]]] = []
    if kind == "linkedin" and is_archive(path):
        archive = read_linkedin_archive(path, file_problems, notes)
        contacts = archive.contacts
        notes.append(f"read {', '.join(archive.files)} from the archive")
        if len(archive.files) > 1:  # more than Connections.csv
            evidence.append(("linkedin", archive.interactions))
    elif kind in READERS:
        contacts = READERS[kind](path, file_problems, notes)
    owner_id, owner_notes = _owner(network, owner)
    source = "own-export" if owner_id == network.me else "teammate-export"
    if kind == "calendar":
        events = read_calendar(path, file_problems)
        seen = Counter(i.email for i in events)
        mine, note = owner_addresses(network, owner_id, addresses, seen)
        evidence.append(("calendar", [i for i in events if i.email not in mine]))
        notes.extend([note] if note else [])
    elif kind == "mbox":
        mails = read_mbox(path, file_problems)
        seen = Counter(a for m in mails for _, a in (m.sender, *m.recipients))
        mine, note = owner_addresses(network, owner_id, addresses, seen)
        notes.extend([note] if note else [])
        evidence.append(("mail", mail_interactions(mails, path, mine, file_problems)))
    # Rows of the contacts file left out count in its accounting; rows of evidence files
    # (messages, invitations) in the evidence's.
    contact_rows = [p for p in file_problems if p.skipped and not _evidence_file(p.path)]
    unreadable = sum(p.rows for p in contact_rows) if kind in READERS else 0
    if kind in READERS and not contacts and not unreadable:
        raise InputError("no contacts in the file (only a header?); nothing imported", path)
    result = ImportSummary()
    if contacts or unreadable:
        result = import_contacts(network, contacts, owner_id, source, as_of, file_problems,
                                 path, progress)
        result.read += unreadable
        if unreadable:
            result.skipped["unreadable"] += unreadable
    result.notes[:0] = [*owner_notes, *notes]
    for channel, items in evidence:
        result.evidence[channel] = apply_evidence(network, items, owner_id, channel, source,
                                                  as_of, file_problems)
        result.evidence[channel].skipped = sum(
            1 for p in file_problems if p.skipped and (kind not in READERS
                                                       or _evidence_file(p.path)))
    problems.items.extend(file_problems.items)
    write_network(folder, network)
    result.log = _write_log(folder, path, result, problems)
    return result, problems


def _evidence_file(path: str) -> bool:
    """True for a LinkedIn archive's evidence files (all but Connections.csv)."""
    name = Path(path).name.lower()
    return name.endswith(".csv") and name in ARCHIVE_FILES and name != "connections.csv"


def _write_log(folder: str | Path, path: str | Path, summary: ImportSummary,
               problems: Problems) -> Path | None:
    """Write the import's full account (every merge, every warning) next to the network."""
    lines = [f"import of {path}", *summary.notes]
    if summary.read:
        lines.append(summary.line())
    lines += [f"merged {m}" for m in summary.merges]
    for channel, found in summary.evidence.items():
        lines.append(f"{channel}: {found.line('interactions')}")
        lines += [f"  not matched: {name} ({n})" for name, n in
                  sorted(found.unmatched_names.items())]
    lines += [f"warning: {p}" for p in problems]
    target = Path(folder) / IMPORT_LOG
    try:
        make_private_dir(target.parent)
        write_private(target, "\n".join(lines) + "\n")
    except GraphkitError:
        return None  # the network is written; a missing log is not worth failing the import
    return target
