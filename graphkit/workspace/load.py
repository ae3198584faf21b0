"""Loading the network in a folder into the Neo4j database its settings name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.store.neo4j.connection import connection_settings
from graphkit.store.neo4j.load import DEFAULT_BATCH_SIZE, LoadSummary, Progress, load_network
from graphkit.store.neo4j.runner import BoltRunner


def load_folder(folder: str | Path, as_of: date | None = None,
                problems: Problems | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE,
                replace: bool = False, progress: Progress | None = None,
                infer: bool = False, prompt: Callable[[str], str] | None = None) -> LoadSummary:
    """Read the network folder and load it into the Neo4j database its settings name;
    ``infer`` adds the inferred ties first (see :mod:`graphkit.infer`).

    Connection settings: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_DATABASE``, then the
    ``[neo4j]`` table of graphkit.toml; the password from ``NEO4J_PASSWORD``, else from
    ``prompt`` when given (called with the question, returns the answer).
    ``progress``: as for :func:`load_network`.
    """
    network = read_network(folder, problems)
    if infer:
        from graphkit.infer import with_inferred_ties

        network = with_inferred_ties(network)
    connection = connection_settings(network.settings.get("neo4j"), ask_password=prompt)
    runner = BoltRunner(connection)
    try:
        return load_network(runner, network, as_of or date.today(), batch_size=batch_size,
                            replace=replace, source=str(Path(folder).resolve()),
                            progress=progress, inferred=infer)
    finally:
        runner.close()
