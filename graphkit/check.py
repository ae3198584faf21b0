"""``check``: validate a network folder without changing anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from graphkit.errors import GraphkitError, InputError
from graphkit.io.network import INTRODUCTIONS, TARGETS, TIES, read_network
from graphkit.io.table import Problem, Problems
from graphkit.orgs import OrgIndex


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

    Beyond what reading reports, warns about targets that name no organization (with the
    closest names) and about dates after ``as_of`` (default today).

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
    try:
        network = read_network(root, problems, errors)
    except InputError as exc:  # the folder itself is missing
        return CheckResult(root, (exc,), ())
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
    for intro in network.introductions:
        if intro.date and intro.date > as_of:
            problems.warn(root / INTRODUCTIONS.name, None, "date",
                          f"introduction of {intro.person_id} to {intro.introduced_to_id} is "
                          f"dated {intro.date}, after {as_of}; check the date")
    return CheckResult(root, tuple(errors), tuple(problems))


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
