"""The state folder: dated JSON snapshots, written atomically, guarded by a lock.

Files are ``snapshot-YYYY-MM-DD.json`` (0600, folder 0700). A snapshot that cannot be read is
renamed to ``<name>.corrupt`` (``.corrupt-2``, ... if taken) so the next report starts a new
baseline. ``state.lock`` keeps two report runs from using the folder at once.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from graphkit.errors import GraphkitError
from graphkit.workspace.transaction import (
    WriteError,
    make_private_dir,
    os_error_message,
    write_private,
)

LOCK_FILE = "state.lock"
LOCK_TIMEOUT = 120.0
STATE_ENV = "XDG_STATE_HOME"
_NAME = re.compile(r"^snapshot-(\d{4}-\d{2}-\d{2})\.json$")
T = TypeVar("T")


def default_state(network: str | Path, is_sample: bool = False,
                  member: str | None = None) -> Path:
    """``<network>/.graphkit/state``; for the bundled sample (which may live in a read-only
    install), ``$XDG_STATE_HOME/graphkit/sample`` (default ``~/.local/state``).

    A team member's reports (``member``: their person id; None for the owner) keep their own
    snapshots in ``members/<id>`` under it, so a member's weekly report never compares with
    the owner's snapshot (their targets and reach differ) nor overwrites it.

    >>> default_state("mynet").as_posix()
    'mynet/.graphkit/state'
    >>> default_state("mynet", member="p:ana/2").as_posix()
    'mynet/.graphkit/state/members/p_ana_2-c61b21e2'
    """
    if is_sample:
        base = os.environ.get(STATE_ENV) or str(Path.home() / ".local" / "state")
        folder = Path(base) / "graphkit" / "sample"
    else:
        folder = Path(network) / ".graphkit" / "state"
    if member is None:
        return folder
    # A person id may hold any character: a readable, file-safe name plus a short digest
    # of the exact id, so two ids that differ only in unsafe characters never share a folder.
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", member)[:40].lstrip(".") or "member"
    digest = hashlib.sha256(member.encode("utf-8")).hexdigest()[:8]
    return folder / "members" / f"{safe}-{digest}"


@dataclass(frozen=True)
class Baseline(Generic[T]):
    """The snapshot to compare with (None: no usable one) and what happened finding it."""

    snapshot: T | None
    notes: tuple[str, ...] = ()


class StateFolder:
    """Dated snapshots in ``path``; the folder is created on first use.

    Examples
    --------
    >>> import tempfile
    >>> state = StateFolder(tempfile.mkdtemp())
    >>> _ = state.save(date(2026, 11, 15), {"reachable": 3})
    >>> state.dates()
    [datetime.date(2026, 11, 15)]
    >>> state.baseline(dict, before=date(2026, 11, 22)).snapshot
    {'reachable': 3}
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)

    def file(self, day: date) -> Path:
        return self.path / f"snapshot-{day.isoformat()}.json"

    def dates(self) -> list[date]:
        """Dates of the stored snapshots, oldest first."""
        if not self.path.is_dir():
            return []
        found = []
        for entry in self.path.iterdir():
            match = _NAME.match(entry.name)
            if match:
                try:
                    found.append(date.fromisoformat(match.group(1)))
                except ValueError:
                    continue
        return sorted(found)

    def ensure(self) -> None:
        """Create the folder (0700) if needed."""
        try:
            make_private_dir(self.path)
        except WriteError as exc:
            raise GraphkitError(_state_hint(exc)) from None

    @contextmanager
    def lock(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        """Hold the folder's lock; while another run holds it, wait up to ``timeout`` seconds,
        then fail with a clear error."""
        from filelock import FileLock, Timeout

        self.ensure()
        lock = FileLock(str(self.path / LOCK_FILE), timeout=timeout, mode=0o600)
        try:
            lock.acquire()
        except Timeout:
            raise GraphkitError(f"another graphkit report holds {self.path / LOCK_FILE} "
                                f"(waited {timeout:g}s); try again when it has finished"
                                ) from None
        except OSError as exc:
            raise GraphkitError(_state_hint(WriteError(os_error_message(
                exc, self.path / LOCK_FILE)))) from None
        try:
            yield
        finally:
            lock.release()

    def load(self, day: date) -> Any:
        """The parsed JSON of ``day``'s snapshot (ValueError when it is not valid JSON).

        Raises
        ------
        GraphkitError
            when the file cannot be read (a permission): it is not corrupt, so it is kept.
        """
        path = self.file(day)
        try:
            text = path.read_bytes()
        except OSError as exc:
            raise GraphkitError(f"cannot read {path}: {exc.strerror or exc}; check the state "
                                "folder's permissions or choose another with --state DIR"
                                ) from None
        try:
            return json.loads(text.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not valid JSON: {exc}") from None

    def baseline(self, parse: Callable[[Any], T], before: date | None = None,
                 since: date | None = None) -> Baseline[T]:
        """The snapshot to compare with, read by ``parse`` (which raises ValueError on bad data).

        Without ``since``: the newest dated before ``before``, so rerunning a report on the same
        day gives the same report. With ``since``: the newest dated on or before it. A snapshot
        that cannot be read is moved aside, and there is no baseline.

        Raises
        ------
        GraphkitError
            when ``since`` is earlier than every snapshot.
        """
        days = self.dates()
        if since is not None:
            older = [d for d in days if d <= since]
            if not older:
                have = ", ".join(d.isoformat() for d in days) or "none yet"
                raise GraphkitError(f"no snapshot on or before --since {since.isoformat()}; "
                                    f"snapshots in {self.path}: {have}")
        else:
            older = [d for d in days if before is None or d < before]
            if not older:
                return Baseline(None)
        day = older[-1]
        try:
            return Baseline(parse(self.load(day)))
        except ValueError as exc:
            moved = self.quarantine(day)
            return Baseline(None, (f"the snapshot {self.file(day).name} is corrupted ({exc}); "
                                   f"moved it aside to {moved.name} and started a new "
                                   "baseline",))

    def quarantine(self, day: date) -> Path:
        """Rename a bad snapshot out of the way; return its new path."""
        path = self.file(day)
        target = path.with_name(path.name + ".corrupt")
        n = 2
        while target.exists():
            target = path.with_name(f"{path.name}.corrupt-{n}")
            n += 1
        os.replace(path, target)
        return target

    def save(self, day: date, data: Any) -> Path:
        """Write ``day``'s snapshot atomically, replacing any earlier one of that day."""
        self.ensure()
        path = self.file(day)
        try:
            write_private(path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        except WriteError as exc:
            raise GraphkitError(_state_hint(exc)) from None
        return path


def _state_hint(exc: WriteError) -> str:
    """The write error, with the way out that applies to a state folder.

    >>> _state_hint(WriteError("cannot write s/x.json: the disk is full (nothing was changed)"))
    'cannot write s/x.json: the disk is full (nothing was changed); or choose another state \
folder with --state DIR'
    """
    return f"{exc}; or choose another state folder with --state DIR"
