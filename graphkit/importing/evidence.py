"""Interactions as evidence on ties: a LinkedIn archive's messages, invitations,
recommendations and endorsements, calendar meetings and mail headers, tallied per person."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from graphkit.importing.contacts import _new_from
from graphkit.importing.matching import _Matcher, normalize_url, usable_email
from graphkit.importing.summary import EvidenceSummary
from graphkit.io.contacts import CONTACT_KINDS, Interaction
from graphkit.io.mbox import MAX_RECIPIENTS, Mail
from graphkit.io.table import Problems
from graphkit.model import STAGES, Network, Tie
from graphkit.orgs import OrgIndex, normalize

_CHANNEL_SEGMENTS = {
    "linkedin": re.compile(r"^(\d+ LinkedIn messages?\b.*|you invited them|they invited you|"
                           r"recommended you|endorsed you.*)$"),
    "calendar": re.compile(r"^\d+ meetings?$"),
    "mail": re.compile(r"^\d+ emails?\b.*$"),
}
_COUNTED = re.compile(r"^(\d+) (LinkedIn messages?|meetings?|emails?)(?: \((\d+) from them\))?$")
_RECIPROCITY = ("they replied", "they never replied")


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
