"""How a contact finds its person in the network: by LinkedIn URL, email, name and
employer; ambiguous matches are refused, never guessed."""

from __future__ import annotations

import re
from datetime import date

from graphkit.io.contacts import Contact
from graphkit.model import Network, Person, Tie
from graphkit.orgs import OrgIndex, normalize


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


def find_person(network: Network, name: str) -> Person | None:
    """A person by id or by (normalized) name, if exactly one matches."""
    if name in network.people:
        return network.people[name]
    matches = [p for p in network.people.values() if normalize(p.name) == normalize(name)]
    return matches[0] if len(matches) == 1 else None
