"""One change to a network folder: read it, apply the change, write back only what changed,
under the folder's lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from graphkit.errors import GraphkitError
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.model import Network

T = TypeVar("T")


def change_network(folder: str | Path, change: Callable[[Network], T],
                   strict: bool = False) -> tuple[T, Problems]:
    """Apply ``change`` to the network in ``folder`` and write it back, under the lock.

    Only the rows ``change`` touched are rewritten, every changed file in one atomic step
    (:func:`graphkit.workspace.write.write_network`); when ``change`` raises, nothing is
    written. Returns what ``change`` returned and the problems found reading the folder.

    Raises
    ------
    GraphkitError
        for the bundled sample network (it is read-only: copy it or create your own), a
        folder that is not a network, or anything ``change`` refuses.
    WriteError
        when the operating system refuses the write (the folder is then as it was).
    """
    from graphkit.workspace.locate import sample_folder
    from graphkit.workspace.lock import network_lock
    from graphkit.workspace.transaction import recover
    from graphkit.workspace.write import write_network

    root = Path(folder)
    if root.resolve() == sample_folder().resolve():
        raise GraphkitError("the bundled sample network is read-only; work on a copy "
                            "(cp -r it, then --data COPY) or create your own with "
                            "`graphkit init DIR --me NAME`")
    read_network(root, Problems())  # a folder that is not a network fails here, unlocked
    with network_lock(root):
        recover(root)
        problems = Problems(strict=strict)
        network = read_network(root, problems)
        result = change(network)
        write_network(root, network)
    return result, problems


def read_folder(folder: str | Path, strict: bool = False) -> tuple[Network, Problems]:
    """Read the network in ``folder`` (for the read-only record commands: find, target list)."""
    problems = Problems(strict=strict)
    return read_network(folder, problems), problems
