"""An event's attendee list (Eventbrite, Meetup, Luma, Zoom, a sign-in sheet typed up) read
as the members of one group.

Attending an event, or belonging to its group, is not knowing someone: the attendees become
members of the group (groups.csv), and new people and their current jobs are recorded, but no
tie to you is added. ``graphkit groups`` then says what the group adds, and ``--infer`` may
infer ties within a small group. People are matched with the importers' own rules
(:func:`graphkit.importing.import_contacts`): LinkedIn URL, email and name, employer, never
guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from graphkit.errors import InputError, InvalidArgument
from graphkit.importing import import_contacts
from graphkit.io.contacts import Contact, csv_records
from graphkit.io.network import read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.io.text import read_export_text
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import recover
from graphkit.workspace.write import write_network

#: The header names each column may have, after :func:`_column` (lowercase, no punctuation).
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "attendee name", "participant name", "guest name",
             "display name", "name original name", "contact name"),
    "first": ("first name", "given name", "firstname", "attendee first name", "first"),
    "last": ("last name", "family name", "surname", "lastname", "attendee last name", "last"),
    "email": ("email", "e mail", "email address", "e mail address", "user email",
              "attendee email", "work email", "email 1 value"),
    "company": ("company", "organization", "organisation", "employer", "company name",
                "organization name", "organisation name", "affiliation", "works at"),
    "title": ("title", "job title", "position", "role", "job", "occupation", "organization title"),
    "url": ("linkedin", "linkedin url", "linkedin profile", "linkedin profile url", "profile url"),
    "status": ("rsvp", "status", "attendee status", "rsvp status", "registration status",
               "approval status", "response"),
}
#: Values of an RSVP/status column that mean the person did not come (or will not).
NOT_ATTENDING = frozenset({"no", "not going", "declined", "not attending", "cancelled",
                           "canceled", "refunded", "rejected", "waitlist", "waitlisted"})


def _column(header: str) -> str:
    """A header cell compared without case, punctuation or surrounding space.

    >>> _column(" E-mail Address "), _column("Name (Original Name)"), _column("first_name")
    ('e mail address', 'name original name', 'first name')
    """
    return " ".join(re.sub(r"[^0-9a-z]+", " ", header.casefold()).split())


def _roles(header: list[str]) -> dict[str, int]:
    """The position of each known column in ``header`` (the first cell that names it)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(header):
        name = _column(cell)
        for role, names in COLUMNS.items():
            if name in names and role not in found:
                found[role] = i
                break
    return found


def _is_header(cells: list[str]) -> bool:
    roles = _roles(cells)
    return "name" in roles or ("first" in roles and "last" in roles)


@dataclass
class AttendeeList:
    """The attendees of a file, and the rows left out of it (by reason)."""

    contacts: list[Contact] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


def parse_attendees(text: str, path: str | Path = "attendees.csv",
                    problems: Problems | None = None) -> AttendeeList:
    """Parse an attendee list: a CSV (comma, semicolon or tab) with a name (or first and last
    name) column and, when there, email, company, title, LinkedIn and RSVP columns, under any
    of the usual header names (:data:`COLUMNS`). A preamble before the header is skipped.

    Someone listed twice (the same email, or the same name without an email) counts once; a
    row whose RSVP or status says they did not come ("no", "declined", "cancelled") is left
    out. Every row left out is a warning and counted, never dropped silently.

    Raises
    ------
    InputError
        when no header names the attendees.

    Examples
    --------
    >>> text = ("First Name,Last Name,Email,Company,Job Title,Attendee Status\\n"
    ...         "Ann,Lee,ann@example.org,Acme Corp,CFO,Attending\\n"
    ...         "Bo,Chen,,Initech,,Not Attending\\n")
    >>> found = parse_attendees(text)
    >>> [(c.name, c.email, c.company, c.title) for c in found.contacts], found.skipped
    ([('Ann Lee', 'ann@example.org', 'Acme Corp', 'CFO')], {'not attending': 1})
    """
    problems = problems if problems is not None else Problems()
    missing = ("this is not an attendee list: no header with a 'Name' column (or "
               "'First Name' and 'Last Name'); add one, with Email, Company and "
               "Title columns when you have them")
    _, header, records = csv_records(text, path, _is_header, problems, missing)
    roles = _roles(header)

    def cell(cells: list[str], role: str) -> str:
        i = roles.get(role)
        return " ".join(cells[i].split()) if i is not None and i < len(cells) else ""

    found = AttendeeList()
    seen: dict[str, int] = {}
    for line, cells in records:
        if len(cells) > len(header):
            problems.warn(path, line, None, f"{len(cells)} values but the header has "
                          f"{len(header)} columns; row skipped (quote values that contain "
                          "commas)")
            found.skip("unreadable")
            continue
        name = cell(cells, "name") or " ".join(
            p for p in (cell(cells, "first"), cell(cells, "last")) if p)
        if not name:
            problems.warn(path, line, None, "no name; row skipped")
            found.skip("no name")
            continue
        status = cell(cells, "status")
        if status.casefold() in NOT_ATTENDING:
            problems.warn(path, line, header[roles["status"]],
                          f"{name} is marked '{status}'; row skipped (not an attendee)")
            found.skip("not attending")
            continue
        email = cell(cells, "email")
        key = email.casefold() or name.casefold()
        if key in seen:
            problems.warn(path, line, None, f"{name} is listed again (first on line "
                          f"{seen[key]}); row skipped (counted once)")
            found.skip("listed twice")
            continue
        seen[key] = line
        found.contacts.append(Contact(line, name, email=email, url=cell(cells, "url"),
                                      company=cell(cells, "company"),
                                      title=cell(cells, "title")))
    return found


def read_attendees(path: str | Path, problems: Problems | None = None) -> AttendeeList:
    """Open an attendee list (any encoding a spreadsheet writes) and :func:`parse_attendees`
    it."""
    return parse_attendees(read_export_text(path, "an attendee list (CSV)"), path, problems)


@dataclass
class AttendeesImport:
    """What ``import attendees`` did: read = matched + added + skipped; memberships added."""

    group: str
    read: int = 0
    matched: int = 0
    added: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    members_added: int = 0
    already_members: int = 0
    jobs_added: int = 0
    jobs_changed: int = 0
    organizations_added: int = 0
    you_attended: bool = False
    merges: list[str] = field(default_factory=list)

    def lines(self, path: str | Path) -> list[str]:
        """The accounting, as the command prints it."""
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.skipped.items()))
        out = [f"{path}: rows read {self.read} = {self.matched} matched + {self.added} new + "
               f"{skipped} skipped" + (f" ({reasons})" if reasons else ""),
               f"  {self.group}: {self.members_added} members added"
               f"{' (you among them)' if self.you_attended else ''}, {self.already_members} "
               "already members; "
               f"{self.jobs_added} current jobs recorded, {self.jobs_changed} jobs updated or "
               f"ended, {self.organizations_added} organizations added",
               "  no ties added: attending an event is not knowing someone (graphkit groups "
               "says what the group adds)"]
        return out


def import_attendees(folder: str | Path, path: str | Path, group: str,
                     as_of: date | None = None, strict: bool = False
                     ) -> tuple[AttendeesImport, Problems]:
    """Record the people of an event's attendee list as members of ``group``.

    Each row is matched to a person already in the network with the importers' rules; a
    new person is added with their current job. No tie is added (see the module). The network
    folder is changed under its lock, in one all-or-nothing write.

    Raises
    ------
    InvalidArgument
        when ``group`` is empty.
    InputError
        for an unreadable file or one with no attendees (or any warning, when ``strict``).
    """
    name = " ".join(group.split())
    if not name:
        raise InvalidArgument("group", group, "the name of the group or event")
    as_of = as_of or date.today()
    if not (Path(folder) / CONFIG_FILE).is_file():
        read_network(folder)  # raises the error that says what is missing
    with network_lock(folder):
        recover(folder)
        problems = Problems(strict=strict)
        network = read_network(folder, problems)
        file_problems = Problems(strict=strict)
        found = read_attendees(path, file_problems)
        if not found.contacts and not found.skipped:
            raise InputError("no attendees in the file (only a header?); nothing imported",
                             path)
        before = {(m.person_id, m.group) for m in network.memberships}
        ties = list(network.ties)
        summary = import_contacts(network, [replace(c, groups=(name,)) for c in found.contacts],
                                  network.me, "own-export", as_of, file_problems, path)
        # import_contacts ties every contact to the list's owner; an attendee is not a contact.
        # It only appends ties or replaces them in place, so the old list is the old ties.
        network.ties = ties
        result = AttendeesImport(name, read=summary.read + sum(found.skipped.values()),
                                 matched=summary.merged, added=summary.added,
                                 jobs_added=summary.jobs_added,
                                 jobs_changed=summary.jobs_changed,
                                 organizations_added=summary.organizations_added,
                                 merges=[str(m) for m in summary.merges])
        result.skipped = dict(found.skipped)
        for why, n in summary.skipped.items():
            result.skipped[why] = result.skipped.get(why, 0) + n
        members = {(m.person_id, m.group) for m in network.memberships}
        result.members_added = len(members - before)
        result.you_attended = (network.me, name) in members
        matched = {m.person_id for m in summary.merges}
        result.already_members = sum((pid, name) in before for pid in matched)
        problems.items.extend(file_problems.items)
        write_network(folder, network)
    return result, problems
