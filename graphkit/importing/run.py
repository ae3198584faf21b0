"""One import of an export file into a network folder: the reader for its kind, whose
export it is, the merge under the folder's lock, and the import log."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path

from rapidfuzz import fuzz

from graphkit.errors import GraphkitError, InputError, InvalidArgument
from graphkit.importing.contacts import import_contacts
from graphkit.importing.evidence import apply_evidence, mail_interactions, owner_addresses
from graphkit.importing.matching import find_person
from graphkit.importing.summary import ImportSummary
from graphkit.io.contacts import Contact, Interaction
from graphkit.io.google import read_google
from graphkit.io.ical import read_calendar
from graphkit.io.linkedin import read_linkedin
from graphkit.io.linkedin_archive import FILES as ARCHIVE_FILES
from graphkit.io.linkedin_archive import is_archive, read_linkedin_archive
from graphkit.io.mbox import read_mbox
from graphkit.io.network import read_network
from graphkit.io.settings import CONFIG_FILE
from graphkit.io.table import Problems
from graphkit.io.vcard import read_vcard
from graphkit.model import Network, Person, Tie
from graphkit.orgs import new_id, normalize
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
