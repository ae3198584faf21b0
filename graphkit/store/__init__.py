"""Storage backends behind one protocol (:mod:`graphkit.store.base`).

:func:`graphkit.workspace.open_store` opens a network folder with one of :data:`BACKENDS`.
"""

from __future__ import annotations

from graphkit.store.base import BestPath, GraphStore, TieView

BACKENDS = ("memory", "array", "neo4j")

__all__ = ["BACKENDS", "BestPath", "GraphStore", "TieView"]
