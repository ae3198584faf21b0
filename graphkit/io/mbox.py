"""Mailboxes (.mbox, as Gmail Takeout, Thunderbird and Apple Mail export them): who wrote to
whom, and when. Only the headers From, To, Cc and Date are parsed, with the standard library's
``email`` header parser; message bodies are skipped unread and nothing but counts and dates is
kept.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from email.parser import BytesHeaderParser
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime
from pathlib import Path

from graphkit.errors import InputError
from graphkit.io.table import Problems

#: A message to more people than this (a newsletter, a list) is not evidence of knowing them.
MAX_RECIPIENTS = 12


@dataclass(frozen=True)
class Mail:
    """One message's headers that matter: sender, recipients (To and Cc) and date."""

    line: int
    sender: tuple[str, str]
    recipients: tuple[tuple[str, str], ...]
    when: date | None


def _messages(lines: Iterable[bytes]) -> Iterator[tuple[int, bytes]]:
    """(first line, header bytes) of each message; body lines are passed over, never kept.

    A message starts at a ``From `` line at the top of the file or after a blank line (a body
    line that happens to start with "From " follows text, so it does not split a message).
    """
    header: list[bytes] = []
    start = 0
    in_header = False
    after_blank = True
    for number, line in enumerate(lines, start=1):
        blank = line in (b"\n", b"\r\n")
        if line.startswith(b"From ") and after_blank:
            if header:
                yield start, b"".join(header)
            header, start, in_header = [], number, True
        elif in_header:
            if blank:
                in_header = False
            else:
                header.append(line)
        after_blank = blank
    if header:
        yield start, b"".join(header)


def parse_mbox(lines: Iterable[bytes], path: str | Path = "mail.mbox",
               problems: Problems | None = None) -> list[Mail]:
    """Parse the headers of every message of an mbox given as byte lines.

    Raises
    ------
    InputError
        when no line starts a message (``From ...``).

    Examples
    --------
    >>> box = [b"From x@y Sat Nov  1 10:00:00 2026\\n", b"From: Ann Lee <ann@x.org>\\n",
    ...        b"To: me@x.org\\n", b"Date: Sat, 01 Nov 2026 10:00:00 +0000\\n", b"\\n",
    ...        b"secret body\\n"]
    >>> [(m.sender, m.recipients, m.when.isoformat()) for m in parse_mbox(box)]
    [(('Ann Lee', 'ann@x.org'), (('', 'me@x.org'),), '2026-11-01')]
    """
    problems = problems if problems is not None else Problems()
    parser = BytesHeaderParser(policy=compat32)
    out: list[Mail] = []
    found = False
    for line, raw in _messages(lines):
        found = True
        headers = parser.parsebytes(raw)
        senders = [(n, a.strip().casefold()) for n, a in getaddresses(
            [str(v) for v in headers.get_all("From", [])]) if "@" in a]
        if not senders:
            problems.warn(path, line, "From", "message has no sender address; row skipped")
            continue
        recipients = tuple(dict.fromkeys(
            (n, a.strip().casefold()) for n, a in getaddresses(
                [str(v) for v in headers.get_all("To", []) + headers.get_all("Cc", [])])
            if "@" in a))
        when = None
        raw_date = headers.get("Date")
        if raw_date:
            try:
                when = parsedate_to_datetime(str(raw_date)).date()
            except (TypeError, ValueError, IndexError):
                when = None
        if when is None:
            problems.warn(path, line, "Date", f"unreadable date '{raw_date or ''}'; row "
                          "skipped")
            continue
        out.append(Mail(line, senders[0], recipients, when))
    if not found:
        raise InputError("no message found (an mbox starts each message with a 'From ' "
                         "line); export the mailbox as .mbox", path)
    return out


def read_mbox(path: str | Path, problems: Problems | None = None) -> list[Mail]:
    """Open an .mbox file and :func:`parse_mbox` it, line by line (bodies are not kept)."""
    p = Path(path)
    try:
        with p.open("rb") as handle:
            head = handle.read(5)
            if head and head != b"From ":
                raise InputError("not an mbox file (it should start with a 'From ' line); "
                                 "export the mailbox as .mbox", p)
            handle.seek(0)
            return parse_mbox(handle, p, problems)
    except FileNotFoundError:
        raise InputError("file not found; check the path", p) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file (give the .mbox file)", p) from None
    except PermissionError:
        raise InputError("permission denied; check the file's permissions", p) from None
