"""LinkedIn's full data archive: the zip a member downloads (or its unzipped folder).

Read: ``Connections.csv`` (the contacts) and, when present, ``messages.csv`` (who wrote to
whom, when), ``Invitations.csv`` (who invited whom), ``Recommendations_Received.csv`` and
``Endorsement_Received_Info.csv``. Message subjects and content, invitation messages and
recommendation texts are never kept: counts and dates only.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from graphkit.errors import InputError
from graphkit.io.contacts import Contact, Interaction, csv_records
from graphkit.io.dates import read_export_dates
from graphkit.io.linkedin import parse_linkedin
from graphkit.io.table import Problems
from graphkit.io.text import decode

#: The archive's files graphkit reads, by lowercased base name.
CONNECTIONS = "connections.csv"
MESSAGES = "messages.csv"
INVITATIONS = "invitations.csv"
RECOMMENDATIONS = "recommendations_received.csv"
ENDORSEMENTS = "endorsement_received_info.csv"
FILES = (CONNECTIONS, MESSAGES, INVITATIONS, RECOMMENDATIONS, ENDORSEMENTS)

#: A member of the archive larger than this (uncompressed) is refused: not a LinkedIn file.
MAX_MEMBER = 512 * 1024 * 1024

_URL_SPLIT = re.compile(r"[\s,;]+")


@dataclass
class LinkedInArchive:
    """What an archive holds: the contacts, the interactions, and the files read."""

    contacts: list[Contact] = field(default_factory=list)
    interactions: list[Interaction] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    owner_url: str = ""


def _norm_url(url: str) -> str:
    url = re.sub(r"^[a-z]+://", "", url.strip().lower()).removeprefix("www.")
    return url.split("?")[0].split("#")[0].rstrip("/")


def _table(text: str, path: str, columns: tuple[str, ...], problems: Problems
           ) -> tuple[dict[str, int], list[tuple[int, list[str]]]]:
    wanted = {c.lower() for c in columns}

    def is_header(cells: list[str]) -> bool:
        return wanted <= {c.lower() for c in cells}

    missing = (f"no header with the columns {', '.join(columns)}; is this file from "
               "a LinkedIn data archive?")
    _, header, records = csv_records(text, path, is_header, problems, missing)
    return {name.lower(): i for i, name in enumerate(header)}, records


def _cell(index: dict[str, int], cells: list[str], column: str) -> str:
    i = index.get(column.lower())
    return cells[i].strip() if i is not None and i < len(cells) else ""


def parse_linkedin_archive(files: Mapping[str, str], path: str | Path = "archive",
                           problems: Problems | None = None,
                           notes: list[str] | None = None) -> LinkedInArchive:
    """Parse an archive given as {lowercased base name: text}.

    The owner's profile URL is the one taking part in the most conversations and missing from
    Connections.csv (the archive never names its owner; when that leaves a tie, messages are
    not read, each counted as skipped). A message the owner sent counts once for each
    recipient; one they received counts for its sender.

    Raises
    ------
    InputError
        when the archive has no Connections.csv.

    Examples
    --------
    >>> msgs = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,"
    ...         "RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\\n"
    ...         "c1,,Ann Lee,https://www.linkedin.com/in/ann,Me,https://www.linkedin.com/in/me,"
    ...         "2026-08-01 02:00:00 UTC,,Hello!,INBOX\\n"
    ...         "c1,,Me,https://www.linkedin.com/in/me,Ann Lee,https://www.linkedin.com/in/ann,"
    ...         "2026-08-02 09:00:00 UTC,,Hi Ann,INBOX\\n")
    >>> conns = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\\n"
    ...          "Ann,Lee,https://www.linkedin.com/in/ann,,,,26 Dec 2025\\n")
    >>> got = parse_linkedin_archive({"connections.csv": conns, "messages.csv": msgs})
    >>> [(i.url, i.when.isoformat(), i.from_them) for i in got.interactions]
    [('https://www.linkedin.com/in/ann', '2026-08-01', True), \
('https://www.linkedin.com/in/ann', '2026-08-02', False)]
    """
    problems = problems if problems is not None else Problems()
    notes = notes if notes is not None else []
    root = str(path)
    if CONNECTIONS not in files:
        raise InputError("this LinkedIn archive has no Connections.csv (request the full "
                         "archive, or at least Connections, from LinkedIn: Settings > Data "
                         "privacy > Get a copy of your data)", path)
    out = LinkedInArchive(files=[n for n in FILES if n in files])
    out.contacts = parse_linkedin(files[CONNECTIONS], f"{root}/Connections.csv", problems,
                                  notes)
    if MESSAGES in files:
        connected = {_norm_url(c.url) for c in out.contacts if c.url}
        _messages(out, files[MESSAGES], f"{root}/messages.csv", problems, notes, connected)
    if INVITATIONS in files:
        _invitations(out, files[INVITATIONS], f"{root}/Invitations.csv", problems)
    if RECOMMENDATIONS in files:
        _named_rows(out, files[RECOMMENDATIONS], f"{root}/Recommendations_Received.csv",
                    problems, "recommendation", ("First Name", "Last Name"), "Creation Date",
                    "")
    if ENDORSEMENTS in files:
        _named_rows(out, files[ENDORSEMENTS], f"{root}/Endorsement_Received_Info.csv",
                    problems, "endorsement", ("Endorser First Name", "Endorser Last Name"),
                    "Endorsement Date", "Endorser Public Url")
    return out


def _messages(out: LinkedInArchive, text: str, path: str, problems: Problems,
              notes: list[str], connected: set[str]) -> None:
    index, records = _table(text, path, ("FROM", "SENDER PROFILE URL", "TO",
                                         "RECIPIENT PROFILE URLS", "DATE"), problems)
    rows = []
    conversations: dict[str, set[str]] = {}
    for line, cells in records:
        sender = _cell(index, cells, "SENDER PROFILE URL")
        recipients = [u for u in _URL_SPLIT.split(_cell(index, cells,
                                                        "RECIPIENT PROFILE URLS")) if u]
        if not sender and not recipients:
            problems.warn(path, line, "SENDER PROFILE URL", "message names no sender or "
                          "recipient profile; row skipped")
            continue
        names = [n.strip() for n in _cell(index, cells, "TO").split(",")]
        rows.append((line, sender, _cell(index, cells, "FROM"), recipients, names))
        conversation = _cell(index, cells, "CONVERSATION ID") or str(line)
        conversations.setdefault(conversation, set()).update(
            _norm_url(u) for u in (sender, *recipients) if u)
    dates = read_export_dates([_cell(index, cells, "DATE") for _, cells in records])
    by_line = {line: i for i, (line, _) in enumerate(records)}
    seen = Counter(u for urls in conversations.values() for u in urls)
    if not seen:
        return
    # The owner takes part in the most conversations and is not among their own connections.
    top = max(seen.values())
    candidates = sorted(u for u, n in seen.items() if n == top)
    candidates = [u for u in candidates if u not in connected] or candidates
    if len(candidates) > 1:
        for line, *_ in rows:
            problems.warn(path, line, "SENDER PROFILE URL", "cannot tell which profile is "
                          f"yours ({', '.join(candidates)}: each in {top} conversations, none "
                          "missing from Connections.csv); row skipped")
        return
    owner, _n = candidates[0], top
    out.owner_url = owner
    notes.append(f"{Path(path).name}: you are linkedin.com/{owner.split('/', 1)[-1]} (in "
                 f"{_n} of {len(conversations)} conversations)")
    for line, sender, sender_name, recipients, names in rows:
        i = by_line[line]
        if i in dates.errors:
            problems.warn(path, line, "DATE", f"{dates.errors[i]}; row skipped")
            continue
        when = dates.dates[i]
        if _norm_url(sender) == owner:
            for k, url in enumerate(recipients):
                if _norm_url(url) != owner:
                    name = names[k] if len(names) == len(recipients) else ""
                    out.interactions.append(Interaction(path, line, "message", when, False,
                                                        name=name, url=url))
        elif sender:
            out.interactions.append(Interaction(path, line, "message", when, True,
                                                name=sender_name, url=sender))


def _invitations(out: LinkedInArchive, text: str, path: str, problems: Problems) -> None:
    index, records = _table(text, path, ("From", "To", "Sent At", "Direction"), problems)
    dates = read_export_dates([_cell(index, cells, "Sent At") for _, cells in records])
    for i, (line, cells) in enumerate(records):
        direction = _cell(index, cells, "Direction").upper()
        if direction not in ("INCOMING", "OUTGOING"):
            problems.warn(path, line, "Direction", f"direction '{direction}' is neither "
                          "INCOMING nor OUTGOING; row skipped")
            continue
        incoming = direction == "INCOMING"
        name = _cell(index, cells, "From" if incoming else "To")
        url = _cell(index, cells, "inviterProfileUrl" if incoming else "inviteeProfileUrl")
        out.interactions.append(Interaction(path, line, "invitation", dates.dates[i], incoming,
                                            name=name, url=url))


def _named_rows(out: LinkedInArchive, text: str, path: str, problems: Problems, kind: str,
                name_columns: tuple[str, str], date_column: str, url_column: str) -> None:
    index, records = _table(text, path, name_columns, problems)
    dates = read_export_dates([_cell(index, cells, date_column) for _, cells in records])
    for i, (line, cells) in enumerate(records):
        name = " ".join(p for p in (_cell(index, cells, c) for c in name_columns) if p)
        if not name:
            problems.warn(path, line, name_columns[0], f"{kind} names no one; row skipped")
            continue
        url = _cell(index, cells, url_column) if url_column else ""
        out.interactions.append(Interaction(path, line, kind, dates.dates[i], True, name=name,
                                            url=url))


def archive_files(path: str | Path) -> dict[str, str]:
    """The archive's files graphkit reads, as {lowercased base name: text}, from a zip or a
    folder (found at any depth).

    Raises
    ------
    InputError
        for a damaged zip, an oversized member, or a folder without Connections.csv.
    """
    p = Path(path)
    found: dict[str, str] = {}
    if p.is_dir():
        for child in sorted(p.rglob("*")):
            name = child.name.lower()
            if name in FILES and name not in found and child.is_file():
                try:
                    found[name] = decode(child.read_bytes(), child)
                except OSError as exc:
                    raise InputError(f"cannot read it ({exc.strerror})", child) from None
        return found
    try:
        with zipfile.ZipFile(p) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                name = info.filename.rsplit("/", 1)[-1].lower()
                if name not in FILES or name in found or info.is_dir():
                    continue
                if info.file_size > MAX_MEMBER:
                    raise InputError(f"{info.filename} is {info.file_size} bytes uncompressed; "
                                     "that is not a LinkedIn export file", p)
                found[name] = decode(archive.read(info), f"{p}/{info.filename}")
    except zipfile.BadZipFile as exc:
        raise InputError(f"damaged zip archive ({exc}); download the archive again", p) \
            from None
    except OSError as exc:
        raise InputError(f"cannot read it ({exc.strerror or exc})", p) from None
    return found


def is_archive(path: str | Path) -> bool:
    """True for a folder, or a file starting like a zip."""
    p = Path(path)
    if p.is_dir():
        return True
    try:
        with p.open("rb") as handle:
            return handle.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def read_linkedin_archive(path: str | Path, problems: Problems | None = None,
                          notes: list[str] | None = None) -> LinkedInArchive:
    """Open a LinkedIn data archive (zip or folder) and :func:`parse_linkedin_archive` it."""
    return parse_linkedin_archive(archive_files(path), path, problems, notes)
