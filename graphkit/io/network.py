"""The network folder: graphkit.toml plus one UTF-8 CSV file per kind of record.

See docs/network-format.md for the columns. ``parse_*`` functions turn text into records;
:func:`read_network` opens the folder and delegates; :mod:`graphkit.workspace.write` writes a
change back, all-or-nothing, keeping every row and column it did not mean to change.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from graphkit.errors import ConfigError, GraphkitError, InputError
from graphkit.io.dates import format_date, parse_date
from graphkit.io.settings import CONFIG_FILE, NetworkSettings, read_settings
from graphkit.io.table import Problems, Row, parse_table
from graphkit.io.text import read_text
from graphkit.model import (
    STAGES,
    Employment,
    Introduction,
    Membership,
    Network,
    Organization,
    Person,
    Target,
    Tie,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileSpec:
    """One CSV file of the network folder."""

    name: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


PEOPLE = FileSpec("people.csv", ("id", "name"),
                  ("email", "linkedin_url", "title", "location", "notes", "tags"))
ORGANIZATIONS = FileSpec("organizations.csv", ("id", "name"), ("aliases", "industry", "location"))
EMPLOYMENT = FileSpec("employment.csv", ("person_id", "org_id"), ("title", "start", "end"))
TIES = FileSpec("ties.csv", ("person_a", "person_b"),
                ("strength", "stage", "last_contact", "interactions", "source", "notes"))
INTRODUCTIONS = FileSpec("introductions.csv",
                         ("introducer_id", "person_id", "introduced_to_id", "date"),
                         ("status", "notes"))
GROUPS = FileSpec("groups.csv", ("person_id", "group"), ("role",))
TARGETS = FileSpec("targets.csv", ("organization",),
                  ("priority", "status", "notes", "member", "role", "private"))
#: How targets.csv says a target is private (``yes``) or not (empty, ``no``).
YES = ("yes", "y", "true", "1", "private", "x")
NO = ("", "no", "n", "false", "0")

FILES = (PEOPLE, ORGANIZATIONS, EMPLOYMENT, TIES, INTRODUCTIONS, GROUPS, TARGETS)

T = TypeVar("T")


def _date(row: Row, column: str, path: Path, problems: Problems) -> tuple[bool, Any]:
    try:
        return True, parse_date(row.get(column))
    except ValueError as exc:
        problems.warn(path, row.line, column, f"{exc}; use YYYY-MM-DD")
        return False, None


def _unique(rows: list[Row], key: str, path: Path, problems: Problems,
            build: Callable[[Row], T | None]) -> dict[str, T]:
    out: dict[str, T] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        ident = row.get(key)
        if not ident:
            problems.warn(path, row.line, key, f"empty {key}; row skipped (give it an {key})")
            continue
        if ident in out:
            problems.warn(path, row.line, key,
                          f"duplicate {key} '{ident}' (first on line {first_line[ident]}); "
                          "row skipped (give each row its own id)")
            continue
        record = build(row)
        if record is not None:
            out[ident] = record
            first_line[ident] = row.line
    return out


def parse_people(text: str, path: str | Path, problems: Problems) -> dict[str, Person]:
    """Parse people.csv into people by id; skips (with a warning) empty and duplicate ids."""
    p = Path(path)

    def build(row: Row) -> Person | None:
        if not row.get("name"):
            problems.warn(p, row.line, "name", "empty name; row skipped (fill in the name)")
            return None
        return Person(row.get("id"), row.get("name"), row.get("email"), row.get("linkedin_url"),
                      row.get("title"), row.get("location"), row.get("notes"), row.get("tags"),
                      row.extra)

    return _unique(parse_table(text, p, PEOPLE.required, PEOPLE.optional, problems),
                   "id", p, problems, build)


def parse_organizations(text: str, path: str | Path,
                        problems: Problems) -> dict[str, Organization]:
    """Parse organizations.csv; ``aliases`` are separated by ``;``."""
    p = Path(path)

    def build(row: Row) -> Organization | None:
        if not row.get("name"):
            problems.warn(p, row.line, "name", "empty name; row skipped (fill in the name)")
            return None
        aliases = tuple(a.strip() for a in row.get("aliases").split(";") if a.strip())
        return Organization(row.get("id"), row.get("name"), aliases, row.get("industry"),
                            row.get("location"), row.extra)

    return _unique(parse_table(text, p, ORGANIZATIONS.required, ORGANIZATIONS.optional,
                               problems), "id", p, problems, build)


def _known(row: Row, columns: tuple[str, ...], ids: dict[str, Any], what: str, path: Path,
           problems: Problems) -> bool:
    for column in columns:
        value = row.get(column)
        if value not in ids:
            problems.warn(path, row.line, column,
                          f"unknown {what} '{value}'; row skipped (add it to "
                          f"{'people' if what == 'person' else 'organizations'}.csv first or "
                          "fix the id)" if value else f"empty {column}; row skipped")
            return False
    return True


def parse_employment(text: str, path: str | Path, people: dict[str, Person],
                     orgs: dict[str, Organization], problems: Problems) -> list[Employment]:
    """Parse employment.csv; rows naming unknown people or organizations are skipped."""
    p = Path(path)
    out = []
    for row in parse_table(text, p, EMPLOYMENT.required, EMPLOYMENT.optional, problems):
        if not (_known(row, ("person_id",), people, "person", p, problems)
                and _known(row, ("org_id",), orgs, "organization", p, problems)):
            continue
        _, start = _date(row, "start", p, problems)
        ok, end = _date(row, "end", p, problems)
        if not ok:
            problems.warn(p, row.line, "end", "row skipped: an unreadable end date would make a "
                          "past job look current")
            continue
        out.append(Employment(row.get("person_id"), row.get("org_id"), row.get("title"),
                              start, end, row.extra))
    return out


def parse_ties(text: str, path: str | Path, people: dict[str, Person],
               problems: Problems) -> list[Tie]:
    """Parse ties.csv (undirected); skips self-ties, duplicates and unknown people."""
    p = Path(path)
    out: list[Tie] = []
    seen: dict[tuple[str, str], int] = {}
    for row in parse_table(text, p, TIES.required, TIES.optional, problems):
        if not _known(row, ("person_a", "person_b"), people, "person", p, problems):
            continue
        a, b = row.get("person_a"), row.get("person_b")
        if a == b:
            problems.warn(p, row.line, "person_b", f"self-tie '{a}'; row skipped")
            continue
        key = (a, b) if a <= b else (b, a)
        if key in seen:
            problems.warn(p, row.line, "person_a", f"duplicate tie {a} - {b} (first on line "
                          f"{seen[key]}); row skipped (merge the two rows)")
            continue
        seen[key] = row.line
        strength = _strength(row, p, problems)
        stage = row.get("stage").lower()
        if stage and stage not in STAGES:
            problems.warn(p, row.line, "stage", f"unknown stage '{stage}'; ignored "
                          f"(use one of {', '.join(STAGES)})")
            stage = ""
        _, last = _date(row, "last_contact", p, problems)
        interactions = 0
        if row.get("interactions"):
            try:
                interactions = int(row.get("interactions"))
                if interactions < 0:
                    raise ValueError
            except ValueError:
                problems.warn(p, row.line, "interactions", f"'{row.get('interactions')}' is not "
                              "a whole number >= 0; ignored")
                interactions = 0
        out.append(Tie(a, b, strength, stage, last, interactions, row.get("source"),
                       row.get("notes"), row.extra))
    return out


def _strength(row: Row, path: Path, problems: Problems) -> float | None:
    raw = row.get("strength")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not (0.0 < value <= 1.0):  # also rejects NaN
        problems.warn(path, row.line, "strength", f"strength '{raw}' is not a number in (0, 1]; "
                      "ignored, the strength model decides (fix it or leave it empty)")
        return None
    return value


def parse_introductions(text: str, path: str | Path, people: dict[str, Person],
                        problems: Problems) -> list[Introduction]:
    """Parse introductions.csv; rows naming unknown people are skipped."""
    p = Path(path)
    out = []
    for row in parse_table(text, p, INTRODUCTIONS.required, INTRODUCTIONS.optional, problems):
        if not _known(row, ("introducer_id", "person_id", "introduced_to_id"), people, "person",
                      p, problems):
            continue
        _, when = _date(row, "date", p, problems)
        out.append(Introduction(row.get("introducer_id"), row.get("person_id"),
                                row.get("introduced_to_id"), when, row.get("status").lower(),
                                row.get("notes"), row.extra))
    return out


def parse_groups(text: str, path: str | Path, people: dict[str, Person],
                 problems: Problems) -> list[Membership]:
    """Parse groups.csv (one membership per row)."""
    p = Path(path)
    out = []
    seen: set[tuple[str, str]] = set()
    for row in parse_table(text, p, GROUPS.required, GROUPS.optional, problems):
        if not _known(row, ("person_id",), people, "person", p, problems):
            continue
        if not row.get("group"):
            problems.warn(p, row.line, "group", "empty group; row skipped")
            continue
        key = (row.get("person_id"), row.get("group"))
        if key in seen:
            problems.warn(p, row.line, "group", f"duplicate membership {key[0]} in '{key[1]}'; "
                          "row skipped")
            continue
        seen.add(key)
        out.append(Membership(key[0], key[1], row.get("role"), row.extra))
    return out


def parse_targets(text: str, path: str | Path, problems: Problems) -> list[Target]:
    """Parse targets.csv; organizations are resolved later, against organizations.csv."""
    p = Path(path)
    out = []
    for row in parse_table(text, p, TARGETS.required, TARGETS.optional, problems):
        if not row.get("organization"):
            problems.warn(p, row.line, "organization", "empty organization; row skipped")
            continue
        priority = None
        if row.get("priority"):
            try:
                priority = int(row.get("priority"))
            except ValueError:
                problems.warn(p, row.line, "priority", f"'{row.get('priority')}' is not a whole "
                              "number; ignored")
        private = row.get("private").strip().lower()
        if private not in YES + NO:
            problems.warn(p, row.line, "private", f"'{row.get('private')}' is not yes or no; "
                          "the target is kept private (write yes or leave it empty)")
        out.append(Target(row.get("organization"), priority, row.get("status"),
                          row.get("notes"), row.extra, row.get("member"), row.get("role"),
                          private not in NO))
    return out


def read_network(folder: str | Path, problems: Problems | None = None,
                 errors: list[GraphkitError] | None = None) -> Network:
    """Read a network folder.

    graphkit.toml and people.csv are required; any other file that is absent counts as empty.

    Parameters
    ----------
    folder : the network folder.
    problems : collects warnings (rows skipped or values ignored).
    errors : when given, a file that cannot be read is recorded here and counted as empty, so
        every file gets checked (``graphkit check``); otherwise the first error is raised.

    Raises
    ------
    InputError
        for a missing folder, config or people file, or a malformed file.
    """
    problems = problems if problems is not None else Problems()
    root = Path(folder)
    if not root.is_dir():
        raise InputError("not a network folder; create one with `graphkit init DIR --me NAME`",
                         root)

    def attempt(read: Callable[[], T], default: T) -> T:
        try:
            return read()
        except GraphkitError as exc:
            if errors is None:
                raise
            errors.append(exc)
            return default

    def text(spec: FileSpec) -> str:
        path = root / spec.name
        if not path.exists():
            log.info("%s: absent, counted as empty", path)
            return ",".join(spec.columns) + "\n"
        log.info("reading %s (%d bytes)", path, path.stat().st_size)
        content = read_text(path)
        if spec is not PEOPLE and not content.strip():  # an emptied file: as good as absent
            return ",".join(spec.columns) + "\n"
        return content

    def config() -> NetworkSettings:
        return read_settings(root)  # the one place graphkit.toml is read

    def people() -> dict[str, Person]:
        if not (root / PEOPLE.name).exists():
            raise InputError("missing people.csv; every network needs at least you in it",
                             root / PEOPLE.name)
        return parse_people(text(PEOPLE), root / PEOPLE.name, problems)

    settings = attempt(config, None)
    read = attempt(people, None)
    persons = read or {}
    me = settings.me if settings is not None else ""
    if me and read is not None and me not in persons:
        attempt(lambda: _raise(ConfigError(
            f"{root / CONFIG_FILE}: me = \"{me}\" is not an id in people.csv; set `me` to your "
            "own id")), None)
    no_orgs: dict[str, Organization] = {}
    orgs = attempt(lambda: parse_organizations(text(ORGANIZATIONS), root / ORGANIZATIONS.name,
                                               problems), no_orgs)
    network = Network(
        me=me,
        people=persons,
        organizations=orgs,
        employment=attempt(lambda: parse_employment(text(EMPLOYMENT), root / EMPLOYMENT.name,
                                                    persons, orgs, problems), []),
        ties=attempt(lambda: parse_ties(text(TIES), root / TIES.name, persons, problems), []),
        introductions=attempt(lambda: parse_introductions(
            text(INTRODUCTIONS), root / INTRODUCTIONS.name, persons, problems), []),
        memberships=attempt(lambda: parse_groups(text(GROUPS), root / GROUPS.name, persons,
                                                 problems), []),
        targets=attempt(lambda: parse_targets(text(TARGETS), root / TARGETS.name, problems), []),
        settings=dict(settings.raw) if settings is not None else {},
    )
    # Counts only: log lines never carry names, notes or other personal data.
    log.info("read %d people, %d organizations, %d jobs, %d ties, %d introductions, "
             "%d memberships, %d targets; %d warnings", len(network.people),
             len(network.organizations), len(network.employment), len(network.ties),
             len(network.introductions), len(network.memberships), len(network.targets),
             len(problems))
    return network


def _raise(error: GraphkitError) -> None:
    raise error


def _num(value: float | None) -> str:
    return "" if value is None else repr(value)


def network_rows(network: Network) -> dict[str, list[dict[str, str]]]:
    """Every record of ``network`` as CSV rows, by file name."""
    def row(values: dict[str, str], extra: tuple[tuple[str, str], ...]) -> dict[str, str]:
        values.update(extra)
        return values

    return {
        PEOPLE.name: [row({"id": p.id, "name": p.name, "email": p.email,
                           "linkedin_url": p.linkedin_url, "title": p.title,
                           "location": p.location, "notes": p.notes, "tags": p.tags}, p.extra)
                      for p in network.people.values()],
        ORGANIZATIONS.name: [row({"id": o.id, "name": o.name, "aliases": ";".join(o.aliases),
                                  "industry": o.industry, "location": o.location}, o.extra)
                             for o in network.organizations.values()],
        EMPLOYMENT.name: [row({"person_id": e.person_id, "org_id": e.org_id, "title": e.title,
                               "start": format_date(e.start), "end": format_date(e.end)},
                              e.extra) for e in network.employment],
        TIES.name: [row({"person_a": t.person_a, "person_b": t.person_b,
                         "strength": _num(t.strength), "stage": t.stage,
                         "last_contact": format_date(t.last_contact),
                         "interactions": str(t.interactions or ""), "source": t.source,
                         "notes": t.notes}, t.extra) for t in network.ties],
        INTRODUCTIONS.name: [row({"introducer_id": i.introducer_id, "person_id": i.person_id,
                                  "introduced_to_id": i.introduced_to_id,
                                  "date": format_date(i.date), "status": i.status,
                                  "notes": i.notes}, i.extra) for i in network.introductions],
        GROUPS.name: [row({"person_id": m.person_id, "group": m.group, "role": m.role}, m.extra)
                      for m in network.memberships],
        TARGETS.name: [row({"organization": t.organization,
                            "priority": "" if t.priority is None else str(t.priority),
                            "status": t.status, "notes": t.notes, "member": t.member,
                            "role": t.role, "private": "yes" if t.private else ""}, t.extra)
                       for t in network.targets],
    }
