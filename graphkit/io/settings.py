"""graphkit.toml, the network folder's settings: opened, parsed and checked in one place.

::

    me = "p-dana-whitfield"     # required: the person id that is you
    [strength]                  # the strength model (see graphkit.strength)
    [neo4j]                     # where the Neo4j database is (see graphkit.store.neo4j)
    [smtp]                      # how to send reports by e-mail (see graphkit.mail)

Each table is kept as read; the code that uses a table checks its values.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graphkit.errors import InputError
from graphkit.io.text import read_text
from graphkit.strength import StrengthModel

CONFIG_FILE = "graphkit.toml"


def parse_config(text: str, path: str | Path = CONFIG_FILE) -> dict[str, Any]:
    """Parse graphkit.toml; it must name ``me``.

    >>> parse_config('me = "p-ann"')["me"]
    'p-ann'
    """
    try:
        config = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid TOML ({exc}); fix the syntax", path) from None
    me = config.get("me")
    if not isinstance(me, str) or not me.strip():
        raise InputError('missing `me = "<person id>"`; name the person id that is you', path)
    return config


@dataclass(frozen=True)
class NetworkSettings:
    """What graphkit.toml says.

    Parameters
    ----------
    me : the person id that is you.
    raw : every setting but ``me``, as read (written back unchanged with the network).
    path : the file read, if any.

    Examples
    --------
    >>> settings = parse_settings('me = "p-ann"\\n[smtp]\\nhost = "mail.example.org"')
    >>> settings.me, settings.smtp, settings.neo4j
    ('p-ann', {'host': 'mail.example.org'}, None)
    """

    me: str
    raw: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    @property
    def strength(self) -> Any:
        """The ``[strength]`` table (None when absent)."""
        return self.raw.get("strength")

    @property
    def neo4j(self) -> Any:
        """The ``[neo4j]`` table (None when absent)."""
        return self.raw.get("neo4j")

    @property
    def smtp(self) -> Any:
        """The ``[smtp]`` table (None when absent)."""
        return self.raw.get("smtp")

    def strength_model(self) -> StrengthModel:
        """The strength model the ``[strength]`` table describes.

        Raises
        ------
        ConfigError
            for an unknown or malformed strength setting.
        """
        return StrengthModel.from_settings(self.strength)


def parse_settings(text: str, path: str | Path = CONFIG_FILE) -> NetworkSettings:
    """The settings in graphkit.toml's ``text``; ``path`` names the file in errors.

    Raises
    ------
    InputError
        for invalid TOML or a missing ``me``.
    """
    config = parse_config(text, path)
    return NetworkSettings(config["me"], {k: v for k, v in config.items() if k != "me"},
                           Path(path))


def read_settings(folder: str | Path) -> NetworkSettings:
    """Read ``<folder>/graphkit.toml``.

    Raises
    ------
    InputError
        when the file is missing or unreadable, is not valid TOML, or names no ``me``.
    """
    path = Path(folder) / CONFIG_FILE
    if not path.exists():
        raise InputError(f"missing {CONFIG_FILE}; create the folder with `graphkit init` "
                         'or write `me = "<your person id>"` into it', path)
    return parse_settings(read_text(path), path)


def find_settings(folder: str | Path) -> NetworkSettings | None:
    """Read ``<folder>/graphkit.toml`` if there is one; None when there is not.

    Raises
    ------
    InputError
        when the file is unreadable, is not valid TOML, or names no ``me``.
    """
    if not (Path(folder) / CONFIG_FILE).is_file():
        return None
    return read_settings(folder)


def neo4j_table(folder: str | Path) -> Any:
    """The ``[neo4j]`` table of ``<folder>/graphkit.toml``; None when there is no such file
    or table (the connection then comes from the environment alone).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / CONFIG_FILE).write_text('me = "p-ann"\\n[neo4j]\\nuri = "bolt://db:7687"')
    >>> neo4j_table(folder), neo4j_table(folder / "elsewhere")
    ({'uri': 'bolt://db:7687'}, None)
    """
    settings = find_settings(folder)
    return settings.neo4j if settings is not None else None


__all__ = ["CONFIG_FILE", "NetworkSettings", "find_settings", "neo4j_table", "parse_settings",
           "read_settings"]
