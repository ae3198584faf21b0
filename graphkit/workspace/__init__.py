"""The network folder and graphkit's own files around it.

- :mod:`~graphkit.workspace.locate`: which folder (``--data``, ``GRAPHKIT_DATA``,
  ``./graphkit.toml``, the bundled sample);
- :mod:`~graphkit.io.settings`: graphkit.toml, read once into one settings object;
- :mod:`~graphkit.workspace.lock`: one writer at a time;
- :mod:`~graphkit.workspace.cache`: the array index cached in ``.graphkit/cache`` (its files:
  :mod:`~graphkit.workspace.cache_files`);
- :mod:`~graphkit.workspace.snapshots`: dated report snapshots;
- :mod:`~graphkit.workspace.open`: :func:`open_store`, the network behind a storage backend.
"""

from __future__ import annotations

from graphkit.workspace.open import ARRAY_THRESHOLD_BYTES, open_store

__all__ = ["ARRAY_THRESHOLD_BYTES", "open_store"]
