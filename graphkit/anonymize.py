"""Anonymized copies of a network, for sharing a bug report without sharing anyone's data.

A contact is identified by far less than a name: the only person at a named organization with
a given title is as good as named, and an exact date of a meeting or a job change narrows it
down further. So an anonymized copy keeps only what the analyses compute with, and keeps it in
a form that identifies no one:

==========================  ==============================================================
kept as is                  the shape of the graph (who is tied to whom, who introduced
                            whom, who belongs to which group, who works where, current or
                            not), tie stage, strength, interactions, the standard sources,
                            introduction status, target priority, the ``[strength]``
                            settings
kept, pseudonymized         person ids and names (``p0001``, ``Person 0001``), whether a
                            person has an email or LinkedIn URL (``p0001@example.invalid``),
                            organization ids, names and aliases (``o001``,
                            ``Organization 001``), industries and organization locations
                            (``Industry 01``, ``Location 01``: equal stays equal), group
                            names (``Group 001``), other tie sources (``source-1``)
kept, generalized           titles become a level (Executive, Director, Manager, Senior,
                            Staff: :func:`title_level`); every date moves by one secret
                            number of days, the same for the whole copy, so every interval
                            (and, with the as-of date moved too, every analysis) is the same
kept, emptied               notes become ``(removed)`` (whether there was a note is kept)
dropped                     people's location and tags, group roles, target status, every
                            column graphkit does not know, every other setting
==========================  ==============================================================

Every cell is then neutralized against spreadsheet formulas.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from typing import Any, TypeVar

from graphkit.analysis.referrals import STATUSES
from graphkit.model import SOURCES, STAGES, Network
from graphkit.orgs import OrgIndex
from graphkit.render.formats import safe_cell

#: The secret offset is drawn from this many days into the past (1 to 10 years): far enough
#: that no real date can be guessed, and never into the future (``check`` warns about those).
SHIFT_DAYS = (365, 3650)
NOTE = "(removed)"

T = TypeVar("T")

#: Title words, most senior first: the first level whose pattern matches wins.
LEVELS = (
    ("Executive", r"\b(chief|ceo|cfo|cto|coo|cio|president|founder|owner|partner|principal|"
                  r"vp|svp|evp|vice|executive director|managing director|head)\b"),
    ("Director", r"\b(director|treasurer|dean)\b"),
    ("Manager", r"\b(manager|lead|supervisor|officer|coordinator|chair)\b"),
    ("Senior", r"\b(senior|sr|staff|expert|specialist)\b"),
)


def title_level(title: str) -> str:
    """A job title generalized to a level: Executive, Director, Manager, Senior or Staff
    ("" stays ""); the exact title, with its department, is dropped.

    >>> [title_level(t) for t in ("VP Engineering", "Director, Finance & Ops",
    ...                           "Senior Financial Analyst", "Data Analyst", "")]
    ['Executive', 'Director', 'Senior', 'Staff', '']
    """
    if not title.strip():
        return ""
    lowered = title.lower()
    for level, pattern in LEVELS:
        if re.search(pattern, lowered):
            return level
    return "Staff"


def secret_shift() -> int:
    """A fresh secret number of days (negative: into the past) for one export."""
    low, high = SHIFT_DAYS
    return -(low + secrets.randbelow(high - low + 1))


@dataclass(frozen=True)
class Anonymized:
    """An anonymized copy and the number of days its dates were moved by (secret: never
    written into the copy)."""

    network: Network
    shift_days: int

    def as_of(self, original: date) -> date:
        """The as-of date that gives, on the copy, the answers ``original`` gives on the
        network."""
        return original + timedelta(days=self.shift_days)


def _numbered(values: Any, prefix: str, width: int) -> dict[str, str]:
    """Each distinct non-empty value, in sorted order, to ``prefix`` + its number."""
    return {old: f"{prefix}{i:0{width}d}" for i, old in
            enumerate(sorted({v for v in values if v}), start=1)}


def _safe(record: T) -> T:
    """``record`` with every text field neutralized against spreadsheet formulas."""
    changes = {f.name: safe_cell(getattr(record, f.name)) for f in fields(record)  # type: ignore[arg-type]
               if isinstance(getattr(record, f.name), str)}
    return replace(record, **changes)  # type: ignore[type-var]


def anonymize(network: Network, shift_days: int | None = None) -> Anonymized:
    """An anonymized copy of ``network``: see the module's table for exactly what is kept.

    Pseudonyms are numbered in the order of the original ids (``p0001`` for the smallest), so
    every analysis ranks and breaks ties exactly as on the original; the same network always
    gives the same pseudonyms. ``shift_days`` moves every date (default: a fresh secret
    offset, :func:`secret_shift`).

    Examples
    --------
    >>> from graphkit.model import Person, Tie
    >>> net = Network("me", {"me": Person("me", "Dana", email="d@x.org"),
    ...                      "ann": Person("ann", "Ann Lee", notes="owes me lunch")},
    ...               ties=[Tie("me", "ann", notes="college", last_contact=date(2026, 3, 1))])
    >>> anon = anonymize(net, shift_days=-400).network
    >>> anon.me, sorted((p.id, p.name, p.email) for p in anon.people.values())
    ('p0002', [('p0001', 'Person 0001', ''), ('p0002', 'Person 0002', 'p0002@example.invalid')])
    >>> anon.ties[0].notes, anon.ties[0].last_contact
    ('(removed)', datetime.date(2025, 1, 25))
    """
    shift = timedelta(days=secret_shift() if shift_days is None else shift_days)

    def moved(when: date | None) -> date | None:
        if when is None:
            return None
        try:
            return when + shift
        except OverflowError:  # a date in year 1 (a typo): the earliest date there is
            return date.min

    def note(text: str) -> str:
        return NOTE if text.strip() else ""

    ids = {old: f"p{i:04d}" for i, old in enumerate(sorted(network.people), start=1)}
    org_ids = {old: f"o{i:03d}" for i, old in enumerate(sorted(network.organizations), start=1)}
    groups = _numbered((m.group for m in network.memberships), "Group ", 3)
    industries = _numbered((o.industry for o in network.organizations.values()), "Industry ", 2)
    places = _numbered((o.location for o in network.organizations.values()), "Location ", 2)
    sources = _numbered((t.source for t in network.ties if t.source not in SOURCES), "source-", 1)

    people = {}
    for old, person in network.people.items():
        new = ids[old]
        people[new] = replace(
            person, id=new, name=f"Person {new[1:]}",
            email=f"{new}@example.invalid" if person.email else "",
            linkedin_url=f"https://www.linkedin.com/in/{new}" if person.linkedin_url else "",
            title=title_level(person.title), location="", notes=note(person.notes), tags="",
            extra=())
    organizations = {}
    for old, org in network.organizations.items():
        new = org_ids[old]
        name = f"Organization {new[1:]}"
        organizations[new] = replace(
            org, id=new, name=name,
            aliases=tuple(f"{name} alias {i}" for i in range(1, len(org.aliases) + 1)),
            industry=industries.get(org.industry, ""), location=places.get(org.location, ""),
            extra=())
    index = OrgIndex(network.organizations.values())
    unknown = _numbered((t.organization for t in network.targets
                         if index.find(t.organization) is None), "Unknown organization ", 2)

    def target_name(listed: str) -> str:
        org = index.find(listed)
        return organizations[org_ids[org.id]].name if org is not None else unknown[listed]

    settings: dict[str, Any] = {}
    if isinstance(network.settings.get("strength"), dict):
        strength = dict(network.settings["strength"])
        if isinstance(strength.get("sources"), dict):
            strength["sources"] = {sources.get(k, k): v for k, v in strength["sources"].items()
                                   if k in SOURCES or k in sources}
        settings["strength"] = strength

    anonymized = Network(
        me=ids[network.me] if network.me in ids else "",
        people={k: _safe(p) for k, p in people.items()},
        organizations={k: _safe(o) for k, o in organizations.items()},
        employment=[_safe(replace(e, person_id=ids[e.person_id], org_id=org_ids[e.org_id],
                                  title=title_level(e.title), start=moved(e.start),
                                  end=moved(e.end), extra=()))
                    for e in network.employment],
        ties=[_safe(replace(t, person_a=ids[t.person_a], person_b=ids[t.person_b],
                            stage=t.stage if t.stage in STAGES else "",
                            source=sources.get(t.source, t.source),
                            last_contact=moved(t.last_contact), notes=note(t.notes), extra=()))
              for t in network.ties],
        introductions=[_safe(replace(i, introducer_id=ids[i.introducer_id],
                                     person_id=ids[i.person_id],
                                     introduced_to_id=ids[i.introduced_to_id], date=moved(i.date),
                                     status=i.status if i.status in STATUSES or not i.status
                                     else "unknown", notes=note(i.notes), extra=()))
                       for i in network.introductions],
        memberships=[_safe(replace(m, person_id=ids[m.person_id], group=groups[m.group],
                                   role="", extra=()))
                     for m in network.memberships],
        targets=[_safe(replace(t, organization=target_name(t.organization), status="",
                               notes=note(t.notes), extra=(),
                               member=ids.get(t.member, "") if t.member else "",
                               role=title_level(t.role)))
                 for t in network.targets],
        settings=settings,
    )
    return Anonymized(anonymized, shift.days)
