"""``check``: validate a network folder without changing anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graphkit.errors import GraphkitError, InputError
from graphkit.io.network import INTRODUCTIONS, TARGETS, TIES, read_network
from graphkit.io.table import Problem, Problems, parse_table
from graphkit.io.text import read_text
from graphkit.model import Introduction, Network
from graphkit.orgs import OrgIndex
from graphkit.workspace.transaction import pending


@dataclass(frozen=True)
class CheckResult:
    """Everything wrong with a network folder: errors stop graphkit, warnings do not."""

    folder: Path
    errors: tuple[GraphkitError, ...]
    warnings: tuple[Problem, ...]

    @property
    def exit_status(self) -> int:
        """0 clean, 1 warnings only, 2 errors."""
        return 2 if self.errors else 1 if self.warnings else 0

    @property
    def skipped(self) -> int:
        return sum(w.rows for w in self.warnings if w.skipped)


def check_network(folder: str | Path, as_of: date | None = None) -> CheckResult:
    """Read every file of the network folder and report every problem found.

    Beyond what reading reports: an interrupted change (a crash in the middle of a write) is
    an error, since the files may be a mix of old and new until it is completed or discarded;
    warns about targets that name no organization (with the closest names), introductions of
    a person to themselves, and dates after ``as_of`` (default today).

    Examples
    --------
    >>> from graphkit.workspace.locate import sample_folder
    >>> check_network(sample_folder(), date(2026, 11, 22)).exit_status
    0
    """
    as_of = as_of or date.today()
    root = Path(folder)
    problems = Problems()
    errors: list[GraphkitError] = []
    left = pending(root)
    if left:
        errors.append(GraphkitError(
            f"{root}: an interrupted change ({'; '.join(left)}): the files may be a mix of old "
            "and new; any graphkit command that reads or writes this network (e.g. `graphkit "
            f"--data {root} targets`) completes or discards it; then check again"))
    try:
        network = read_network(root, problems, errors)
    except InputError as exc:  # the folder itself is missing
        return CheckResult(root, (*errors, exc), ())
    orgs = OrgIndex(network.organizations.values())
    for line, target in enumerate(network.targets, start=2):
        if orgs.find(target.organization) is None:
            near = orgs.suggest(target.organization)
            hint = ("did you mean " + ", ".join(f'"{n}"' for n in near) + "?" if near
                    else "add it to organizations.csv or fix the name")
            problems.warn(root / TARGETS.name, _line_of(root / TARGETS.name, target.organization,
                                                        line), "organization",
                          f"'{target.organization}' matches no organization; {hint}")
    for tie in network.ties:
        if tie.last_contact and tie.last_contact > as_of:
            problems.warn(root / TIES.name, None, "last_contact",
                          f"last contact {tie.last_contact} of {tie.person_a} - {tie.person_b} "
                          f"is after {as_of}; check the date")
    for at, intro in _self_introductions(root / INTRODUCTIONS.name, network):
        problems.warn(root / INTRODUCTIONS.name, at, None,
                      f"{intro.person_id} is introduced to themselves (introducer "
                      f"{intro.introducer_id}, introduced to {intro.introduced_to_id}); an "
                      "introduction names three different people: fix the ids")
    for intro in network.introductions:
        if intro.date and intro.date > as_of:
            problems.warn(root / INTRODUCTIONS.name, None, "date",
                          f"introduction of {intro.person_id} to {intro.introduced_to_id} is "
                          f"dated {intro.date}, after {as_of}; check the date")
    return CheckResult(root, tuple(errors), tuple(problems))


def _self_introductions(path: Path, network: Network) -> list[tuple[int | None, Introduction]]:
    """Introductions where the person is also the introducer or the one introduced to, each
    with its line in introductions.csv (found by its ids; None when not found)."""
    bad = [i for i in network.introductions
           if i.person_id in (i.introducer_id, i.introduced_to_id)]
    if not bad:
        return []
    lines: dict[tuple[str, str, str], list[int]] = {}
    try:
        rows = parse_table(read_text(path), path, INTRODUCTIONS.required,
                           INTRODUCTIONS.optional, Problems())
    except (GraphkitError, OSError):
        rows = []
    for row in rows:
        lines.setdefault((row.get("introducer_id"), row.get("person_id"),
                          row.get("introduced_to_id")), []).append(row.line)
    out: list[tuple[int | None, Introduction]] = []
    for intro in bad:
        found = lines.get((intro.introducer_id, intro.person_id, intro.introduced_to_id))
        out.append((found.pop(0) if found else None, intro))
    return out


def _line_of(path: Path, value: str, fallback: int) -> int:
    """The first line holding ``value`` (targets.csv is small), for a precise message."""
    try:
        for number, line in enumerate(path.read_text(encoding="utf-8",
                                                     errors="replace").splitlines(), 1):
            if value in line:
                return number
    except OSError:
        pass
    return fallback
