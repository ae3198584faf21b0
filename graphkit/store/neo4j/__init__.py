"""The Neo4j store: the network in a Neo4j database, answered by Cypher over Bolt.

Only this package imports the ``neo4j`` driver (lazily, when :class:`BoltRunner` connects).
Every query is a named file in ``queries/`` (see :mod:`graphkit.store.neo4j.queries`); values
travel as parameters, and the labels and relationship types are the fixed ones of
:mod:`graphkit.store.neo4j.records`.

- :mod:`~graphkit.store.neo4j.connection`: where the database is, who logs in (``Connection``).
- :mod:`~graphkit.store.neo4j.runner`: running named queries (``BoltRunner``, faults mapped).
- :mod:`~graphkit.store.neo4j.records`: records as properties and back; the graph's shape.
- :mod:`~graphkit.store.neo4j.load`: copying a network in (``load_network``);
  :mod:`graphkit.workspace.load` reads a folder into it.
- :mod:`~graphkit.store.neo4j.store`: answering the store protocol (``Neo4jStore``).

Tie strengths are computed when the network is loaded, by the same strength model as the
memory store, for an as-of date recorded in ``GraphkitMeta``; a store opened for another date
refuses and says how to reload.
"""

from graphkit.store.neo4j.connection import Connection
from graphkit.store.neo4j.load import load_network
from graphkit.store.neo4j.runner import BoltRunner
from graphkit.store.neo4j.store import Neo4jStore, open_neo4j_store

__all__ = ["BoltRunner", "Connection", "Neo4jStore", "load_network",
           "open_neo4j_store"]
