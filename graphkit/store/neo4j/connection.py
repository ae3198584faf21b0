"""Where the Neo4j database is and who logs in: settings from the environment and the
``[neo4j]`` table of graphkit.toml, and the Bolt URI schemes graphkit accepts (with or
without TLS)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphkit.errors import ConfigError

DEFAULTS = {"uri": "bolt://localhost:7687", "user": "neo4j", "database": "neo4j"}
ENV = {"uri": "NEO4J_URI", "user": "NEO4J_USER", "database": "NEO4J_DATABASE"}
PASSWORD_ENV = "NEO4J_PASSWORD"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
#: The settings file named in messages about the ``[neo4j]`` table.
CONFIG_FILE = "graphkit.toml"


@dataclass(frozen=True)
class Connection:
    """Where the database is and who logs in; the password never appears in ``repr``."""

    uri: str
    user: str
    database: str
    password: str = field(default="", repr=False)

    @property
    def where(self) -> str:
        """The URI and database, for messages.

        >>> Connection("bolt://db:7687", "neo4j", "team", "secret").where
        'bolt://db:7687 (database team)'
        """
        return f"{shown_uri(self.uri)} (database {self.database})"


def shown_uri(uri: str) -> str:
    """``uri`` as messages show it: a password written into it is replaced by ``***``.

    >>> shown_uri("bolt://neo4j:s3cret@db:7687")
    'bolt://neo4j:***@db:7687'
    >>> shown_uri("neo4j+s://db.example.org")
    'neo4j+s://db.example.org'
    """
    scheme, sep, rest = uri.partition("://")
    userinfo, at, host = rest.rpartition("@")
    if not sep or not at or ":" not in userinfo:
        return uri
    return f"{scheme}://{userinfo.partition(':')[0]}:***@{host}"


def connection_settings(table: Mapping[str, Any] | None = None,
                        environ: Mapping[str, str] | None = None,
                        ask_password: Callable[[str], str] | None = None) -> Connection:
    """Connection settings from the environment, then graphkit.toml's ``[neo4j]`` table, then
    the defaults (``bolt://localhost:7687``, user and database ``neo4j``).

    The password comes only from ``NEO4J_PASSWORD`` or ``ask_password`` (the command line
    passes a prompt when it runs on a terminal).

    Raises
    ------
    ConfigError
        for a password or an unknown key in ``[neo4j]``, or no password to use.

    Examples
    --------
    >>> c = connection_settings({"uri": "bolt://db:7687"}, {"NEO4J_PASSWORD": "pw"})
    >>> c.uri, c.user, c.database, c
    ('bolt://db:7687', 'neo4j', 'neo4j', Connection(uri='bolt://db:7687', user='neo4j', \
database='neo4j'))
    """
    env = os.environ if environ is None else environ
    table = dict(table or {})
    if "password" in table:
        raise ConfigError(f"{CONFIG_FILE}: [neo4j] password: never keep the password in a file; "
                          f"remove it and set {PASSWORD_ENV} (or type it when asked)")
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{CONFIG_FILE}: [neo4j] {unknown[0]}: unknown setting; valid ones are "
                          + ", ".join(DEFAULTS))
    values = {key: env.get(ENV[key]) or str(table.get(key) or default)
              for key, default in DEFAULTS.items()}
    password = env.get(PASSWORD_ENV)
    if password is None and ask_password is not None:
        password = ask_password(f"Neo4j password for {values['user']} at "
                                f"{shown_uri(values['uri'])}: ")
    if password is None:
        raise ConfigError(f"no password for Neo4j at {shown_uri(values['uri'])}: set "
                          f"{PASSWORD_ENV}")
    return Connection(values["uri"], values["user"], values["database"], password)


def check_scheme(uri: str) -> None:
    """Refuse a URI whose scheme is not one of :data:`SCHEMES` (graphkit speaks only Bolt).

    >>> check_scheme("bolt+s://db:7687")
    >>> check_scheme("http://db:7474")
    Traceback (most recent call last):
    ...
    graphkit.errors.ConfigError: cannot use Neo4j URI 'http://db:7474': graphkit speaks Bolt; \
use one of the schemes bolt://, bolt+s://, bolt+ssc://, neo4j://, neo4j+s://, neo4j+ssc://, \
like bolt://localhost:7687 (set NEO4J_URI or [neo4j] uri in graphkit.toml)
    """
    scheme = uri.partition("://")[0]
    if "@" in uri.partition("://")[2].partition("/")[0]:
        raise ConfigError(f"cannot use Neo4j URI '{shown_uri(uri)}': keep the user and password "
                          f"out of the URI; write it like bolt://localhost:7687 and set "
                          f"NEO4J_USER and {PASSWORD_ENV}")
    if scheme not in SCHEMES or "://" not in uri:
        raise ConfigError(f"cannot use Neo4j URI '{shown_uri(uri)}': graphkit speaks Bolt; "
                          f"use one of the schemes {', '.join(s + '://' for s in SCHEMES)}, "
                          "like bolt://localhost:7687 (set NEO4J_URI or [neo4j] uri in "
                          "graphkit.toml)")


def uses_tls(uri: str) -> bool:
    """Whether the URI's scheme asks for TLS (``+s``, or ``+ssc`` for a self-signed
    certificate).

    >>> uses_tls("neo4j+s://db:7687"), uses_tls("bolt://db:7687")
    (True, False)
    """
    return uri.partition("://")[0].endswith(("+s", "+ssc"))
