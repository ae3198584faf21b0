"""Storage backends behind one protocol; :func:`open_store` picks one by name."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from graphkit.errors import ConfigError
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.store.base import BestPath, GraphStore, TieView

BACKENDS = ("memory", "neo4j")

__all__ = ["BACKENDS", "BestPath", "GraphStore", "TieView", "open_store"]


def open_store(folder: str | Path, backend: str = "memory", as_of: date | None = None,
               problems: Problems | None = None, infer: bool = False) -> GraphStore:
    """Open the network in ``folder`` with the named backend.

    With ``infer``, ties inferred from shared employers and small groups are added
    (see :mod:`graphkit.infer`), labelled ``source = "inferred"``.

    ``as_of`` defaults to today; the neo4j backend takes the date its database was loaded for
    (and refuses another date, or another ``infer``: strengths are computed at load).

    Raises
    ------
    ConfigError
        for an unknown backend name (the message lists the valid ones).
    """
    if backend == "memory":
        from graphkit.store.memory import MemoryStore

        network = read_network(folder, problems)
        if infer:
            from graphkit.infer import with_inferred_ties

            network = with_inferred_ties(network)
        return MemoryStore(network, as_of or date.today())
    if backend == "neo4j":
        from graphkit.store.neo4j import open_neo4j_store

        return open_neo4j_store(folder, as_of, infer=infer)
    raise ConfigError(f"unknown backend '{backend}'; valid backends: {', '.join(BACKENDS)}")
