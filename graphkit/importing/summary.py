"""The accounting of an import: what was read, added, merged, skipped, and why."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class ImportSummary:
    """The accounting of one import: read = added + merged + skipped."""

    read: int = 0
    added: int = 0
    merged: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    ties_added: int = 0
    jobs_added: int = 0
    jobs_changed: int = 0
    organizations_added: int = 0
    notes: list[str] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    evidence: dict[str, EvidenceSummary] = field(default_factory=dict)
    log: Path | None = None

    @property
    def skipped_total(self) -> int:
        return sum(self.skipped.values())

    def line(self) -> str:
        """``rows read 150 = 140 imported + 8 merged + 2 skipped (...)``."""
        reasons = ", ".join(f"{n} {reason}" for reason, n in sorted(self.skipped.items()))
        return (f"rows read {self.read} = {self.added} imported + {self.merged} merged + "
                f"{self.skipped_total} skipped" + (f" ({reasons})" if reasons else ""))


@dataclass(frozen=True)
class Merge:
    """A row of an export matched to a person already in the network, and why."""

    line: int
    name: str
    person_id: str
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.name} -> {self.person_id} ({self.reason})"


@dataclass
class EvidenceSummary:
    """What an evidence import (messages, meetings, emails) found and where it went."""

    read: int = 0
    matched: int = 0
    unmatched: Counter[str] = field(default_factory=Counter)
    people: int = 0
    ties_changed: int = 0
    ties_added: int = 0
    unmatched_names: Counter[str] = field(default_factory=Counter)
    #: records of the file left out with a warning (cancelled events, mailing lists)
    skipped: int = 0

    def line(self, what: str) -> str:
        """``120 messages read = 97 matched to 14 people + 23 not matched (...)``."""
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(self.unmatched.items()))
        missed = sum(self.unmatched.values())
        return (f"{self.read} {what} read = {self.matched} matched to {self.people} people + "
                f"{missed} not matched" + (f" ({reasons})" if reasons else "")
                + (f"; {self.skipped} skipped in the file (see the warnings)"
                   if self.skipped else ""))
