"""One writer at a time per network folder: imports and report runs take this lock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from graphkit.errors import GraphkitError
from graphkit.workspace.transaction import make_private_dir

STATE_DIR = ".graphkit"


def state_dir(folder: str | Path) -> Path:
    """graphkit's own folder inside a network folder (created 0700)."""
    return make_private_dir(Path(folder) / STATE_DIR)


@contextmanager
def network_lock(folder: str | Path, timeout: float = 30.0) -> Iterator[None]:
    """Hold the network folder's lock; wait up to ``timeout`` seconds for another run.

    The lock is an OS file lock: it is released when its process ends, even by a crash, so a
    lock file left behind never blocks anyone.

    Raises
    ------
    GraphkitError
        when another graphkit process holds the lock for longer than ``timeout``.
    """
    path = state_dir(folder) / "lock"
    lock = FileLock(str(path), timeout=timeout, mode=0o600)
    try:
        with lock:
            yield
    except Timeout:
        raise GraphkitError(f"another graphkit process is writing to {folder} (it holds "
                            f"{path}); wait for it to finish and try again") from None
