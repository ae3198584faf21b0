"""Opening the network in a folder with a storage backend: :func:`open_store`."""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from graphkit.errors import InputError, InvalidArgument
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.store import BACKENDS, GraphStore
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import WriteError, pending, recover

#: Above this many bytes of CSV, backend "memory" serves the network from the compact array
#: store (same answers, cached on disk) instead of a networkx graph.
ARRAY_THRESHOLD_BYTES = 8 * 1024 * 1024

log = logging.getLogger(__name__)


def open_store(folder: str | Path, backend: str = "memory", as_of: date | None = None,
               problems: Problems | None = None, infer: bool = False, *,
               prompt: Callable[[str], str] | None = None) -> GraphStore:
    """Open the network in ``folder`` with the named backend.

    ``memory`` is a networkx graph, or for networks over :data:`ARRAY_THRESHOLD_BYTES` of CSV
    the compact array store (cached in ``<folder>/.graphkit/cache``); ``array`` is always the
    array store. Every backend gives the same answers.

    With ``infer``, ties inferred from shared employers and small groups are added
    (see :mod:`graphkit.infer`), labelled ``source = "inferred"``.

    ``as_of`` defaults to today; the neo4j backend takes the date its database was loaded for
    (and refuses another date, or another ``infer``: strengths are computed at load); its
    password comes from ``NEO4J_PASSWORD``, else from ``prompt`` when given.

    Raises
    ------
    InvalidArgument
        for an unknown backend name (the message lists the valid ones).

    Examples
    --------
    >>> from graphkit.workspace.locate import sample_folder
    >>> open_store(sample_folder(), as_of=date(2026, 11, 22)).me().id
    'p-dana-whitfield'
    """
    # Opening builds millions of small objects that all live on; the cyclic collector would
    # rescan them again and again (0.4-0.6 s of a warm 1M-person open), so it waits.
    with _collector_paused():
        return _open(folder, backend, as_of, problems, infer, prompt)


def _open(folder: str | Path, backend: str, as_of: date | None, problems: Problems | None,
          infer: bool, prompt: Callable[[str], str] | None) -> GraphStore:
    _check_readable(Path(folder))
    try:
        interrupted = pending(folder)
    except OSError as exc:
        raise InputError(f"cannot look into {exc.filename or folder}: "
                         f"{exc.strerror or exc}; check the folder's permissions (ls -ld)",
                         folder) from None
    if interrupted:  # a change a crash interrupted: finish it (or discard it) first
        try:
            with network_lock(folder):
                recover(folder)
        except WriteError:
            pass  # a folder we cannot write: nobody here can change it; read the old network
    big = backend == "memory" and _csv_bytes(folder) > ARRAY_THRESHOLD_BYTES
    if big:
        log.info("over %d bytes of CSV: backend memory serves the network from the array "
                 "store", ARRAY_THRESHOLD_BYTES)
    if backend == "array" or big:
        from graphkit.store.array import ArrayStore
        from graphkit.workspace.cache import open_array_store
        from graphkit.workspace.locate import sample_folder

        if infer:  # inferred ties are computed on records, not cached
            from graphkit.infer import with_inferred_ties
            from graphkit.model.columns import columns_of

            network = with_inferred_ties(read_network(folder, problems))
            return ArrayStore(columns_of(network), as_of or date.today())
        # The bundled sample lives inside the installed package: never write a cache there.
        bundled = Path(folder).resolve() == sample_folder().resolve()
        return open_array_store(folder, problems, as_of or date.today(), use_cache=not bundled)
    if backend == "memory":
        from graphkit.store.memory import MemoryStore

        network = read_network(folder, problems)
        if infer:
            from graphkit.infer import with_inferred_ties

            network = with_inferred_ties(network)
        return MemoryStore(network, as_of or date.today())
    if backend == "neo4j":
        from graphkit.io.settings import find_settings
        from graphkit.store.neo4j import open_neo4j_store

        settings = find_settings(folder)
        return open_neo4j_store(settings.neo4j if settings else None,
                                settings.strength_model() if settings else None, as_of, infer,
                                prompt=prompt)
    raise InvalidArgument("backend", backend, f"one of {', '.join(BACKENDS)}")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block (back on after, if it was on)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _check_readable(root: Path) -> None:
    """Refuse, in one line, a network folder this user cannot list or enter."""
    if root.is_dir() and not os.access(root, os.R_OK | os.X_OK):
        raise InputError("permission denied: graphkit cannot read this folder; give yourself "
                         f"read access (chmod u+rx {root}) or copy the network", root)


def _csv_bytes(folder: str | Path) -> int:
    """The total size of the network's CSV files (0 for a folder that does not exist)."""
    root = Path(folder)
    return sum(p.stat().st_size for p in root.glob("*.csv")) if root.is_dir() else 0
