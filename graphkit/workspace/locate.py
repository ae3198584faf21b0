"""Finding the network folder: --data, then GRAPHKIT_DATA, then ./graphkit.toml, then the
bundled sample network."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graphkit.io.settings import CONFIG_FILE

ENV_VAR = "GRAPHKIT_DATA"


@dataclass(frozen=True)
class Located:
    """Where the network is and whether it is the bundled sample."""

    path: Path
    is_sample: bool


def sample_folder() -> Path:
    """The bundled sample network (shipped inside the package)."""
    return Path(str(resources.files("graphkit.sample_data")))


def locate_network(data: str | Path | None = None, cwd: Path | None = None) -> Located:
    """Pick the network folder as documented in this module's docstring.

    >>> locate_network("mynet").path.name
    'mynet'
    """
    if data:
        return Located(Path(data), False)
    env = os.environ.get(ENV_VAR)
    if env:
        return Located(Path(env), False)
    here = cwd or Path.cwd()
    if (here / CONFIG_FILE).is_file():
        return Located(here, False)
    return Located(sample_folder(), True)
