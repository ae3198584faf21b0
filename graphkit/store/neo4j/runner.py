"""Running named queries: the :class:`QueryRunner` protocol, what a query returns, and
:class:`BoltRunner`, which runs them on a server with the official driver and maps the driver's
faults into graphkit's exceptions.

This is the only module that imports the ``neo4j`` driver, lazily, when it connects.
"""

from __future__ import annotations

import copy
import logging
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from graphkit.errors import BackendUnavailable, ConfigError, GraphkitError
from graphkit.store.neo4j.connection import (
    PASSWORD_ENV,
    Connection,
    check_scheme,
    shown_uri,
    uses_tls,
)
from graphkit.store.neo4j.queries import Query


@dataclass(frozen=True)
class Result:
    """What a query returned: its rows, and the change counters of a write."""

    records: list[dict[str, Any]]
    counters: dict[str, int] = field(default_factory=dict)


class QueryRunner(Protocol):
    """Runs named queries; :class:`BoltRunner` talks to a server, tests use a recording fake."""

    where: str

    def run(self, query: Query, params: dict[str, Any], *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        """Run ``query`` with ``params`` (every declared one, nothing else)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def check_params(query: Query, params: Mapping[str, Any]) -> None:
    """Refuse parameters that differ from the ones the query file declares (a bug in graphkit).

    >>> from graphkit.store.neo4j.queries import parse_query
    >>> check_params(parse_query("// name: q\\n// params: a\\nRETURN $a", "q.cypher"), {"b": 1})
    Traceback (most recent call last):
    ...
    ValueError: q.cypher declares ['a'] but was given ['b']
    """
    if set(params) != set(query.params):
        raise ValueError(f"{query.path} declares {sorted(query.params)} but was given "
                         f"{sorted(params)}")


def _rows(keys: list[str], records: list[Any]) -> list[dict[str, Any]]:
    """A query's rows as plain dicts; a query whose one column is ``rows`` sent all its rows
    in one record (``RETURN collect({...}) AS rows``), unpacked here.

    A Bolt server sends every record as a message of its own: on the ArcadeDB server the
    tests use, 506 tie rows took 14.8 ms as records and 6.3 ms collected into one (median of
    15; 18,549 ego ties 1,458 ms against 555 ms), so every query that can return many rows
    collects them. Records become dicts by zipping the keys, not ``Record.data()``, which
    walks every value looking for nodes to convert (10x slower on 18k rows; no query returns
    a node).

    >>> _rows(["rows"], [([{"id": "a"}, {"id": "b"}],)])
    [{'id': 'a'}, {'id': 'b'}]
    >>> _rows(["id", "n"], [("a", 1)])
    [{'id': 'a', 'n': 1}]
    """
    if keys == ["rows"]:
        return [row for record in records for row in record[0]]
    return [dict(zip(keys, record, strict=True)) for record in records]


class BoltRunner:
    """Runs queries on a Neo4j (or Bolt-compatible) server with the official driver.

    Reads go through ``execute_query`` with read routing, writes with write routing; each call
    is one managed, retried transaction. Connecting checks the server, the login and the
    database, so a fault shows up at once as one :class:`BackendUnavailable` line.
    """

    def __init__(self, connection: Connection) -> None:
        try:
            import neo4j
        except ImportError:
            raise BackendUnavailable("the neo4j backend needs the Neo4j driver: "
                                     "pip install 'graphkit[neo4j]'") from None
        self._neo4j = neo4j
        driver_log = logging.getLogger("neo4j")
        if not driver_log.handlers:  # keep its warnings off stderr: the faults become errors
            driver_log.addHandler(logging.NullHandler())
        self.connection = connection
        self.where = connection.where
        check_scheme(connection.uri)
        try:
            self._driver = neo4j.GraphDatabase.driver(
                connection.uri, auth=(connection.user, connection.password),
                connection_timeout=15.0, user_agent="graphkit")
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise ConfigError(f"cannot use Neo4j URI '{shown_uri(connection.uri)}' "
                              f"({self._clean(exc)}); "
                              "write it like bolt://localhost:7687 or neo4j+s://host (set "
                              "NEO4J_URI or [neo4j] uri in graphkit.toml)") from None
        self._finalizer = weakref.finalize(self, self._driver.close)
        try:
            self._driver.verify_connectivity()
            self._driver.execute_query("RETURN 1 AS ok", database_=connection.database,
                                       routing_=neo4j.RoutingControl.READ)
        except Exception as exc:
            self.close()
            raise self._fault(exc, None) from None

    def run(self, query: Query, params: dict[str, Any], *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        check_params(query, params)
        routing = self._neo4j.RoutingControl.WRITE if write else self._neo4j.RoutingControl.READ
        try:
            result = self._driver.execute_query(query.text_for(literals), parameters_=params,
                                                database_=self.connection.database,
                                                routing_=routing)
        except Exception as exc:
            raise self._fault(exc, query) from None
        counters = {k: v for k, v in vars(result.summary.counters).items()
                    if isinstance(v, int) and not isinstance(v, bool) and v}
        return Result(_rows(result.keys, result.records), counters)

    def on_database(self, database: str) -> BoltRunner:
        """A runner for another database of the same server, sharing this one's connections
        (closing it leaves them open)."""
        other = copy.copy(self)
        other.connection = replace(self.connection, database=database)
        other.where = other.connection.where
        other._finalizer = weakref.finalize(other, lambda: None)
        return other

    def close(self) -> None:
        self._finalizer()

    def _clean(self, exc: BaseException) -> str:
        text = " ".join(str(getattr(exc, "message", None) or exc).split())
        text = text.replace(self.connection.uri, shown_uri(self.connection.uri))
        written = self.connection.uri.partition("://")[2].rpartition("@")[0].partition(":")[2]
        for secret in (self.connection.password, written):
            if secret:
                text = text.replace(secret, "***")
        return text

    def _fault(self, exc: BaseException, query: Query | None) -> GraphkitError:
        """One line naming the URI and what to check; never the password."""
        errors = self._neo4j.exceptions
        uri = shown_uri(self.connection.uri)
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, errors.AuthError):
            return BackendUnavailable(
                f"Neo4j at {uri} refused user '{self.connection.user}': check NEO4J_USER and "
                f"{PASSWORD_ENV} (or [neo4j] user in graphkit.toml)")
        if code.endswith("DatabaseNotFound"):
            return BackendUnavailable(
                f"Neo4j at {uri} has no database '{self.connection.database}': check "
                "NEO4J_DATABASE (or [neo4j] database in graphkit.toml); Neo4j Community Edition "
                "has only 'neo4j'")
        if isinstance(exc, (errors.ServiceUnavailable, errors.SessionExpired)):
            reason = self._clean(exc)
            refused = "Connection refused" in reason
            tls = uses_tls(uri)
            if any(word in reason for word in ("SSL", "TLS", "encrypted", "certificate")) or (
                    tls and not refused):
                return BackendUnavailable(
                    f"cannot connect to Neo4j at {uri}: no TLS connection; check the URI "
                    "scheme: bolt:// or neo4j:// for a server without TLS, bolt+s:// or neo4j+s:// "
                    "for one with TLS (bolt+ssc:// for a self-signed certificate)")
            return BackendUnavailable(
                f"cannot connect to Neo4j at {uri}: check that the server is running and that "
                f"NEO4J_URI (or [neo4j] uri in graphkit.toml) names the right host, port and "
                f"scheme ({'connection refused' if refused else reason[:200]})")
        if isinstance(exc, errors.ConfigurationError):
            return ConfigError(f"Neo4j at {uri}: {self._clean(exc)}")
        if isinstance(exc, (errors.Neo4jError, errors.DriverError)):
            where = query.path if query is not None else "connection check"
            return GraphkitError(f"{where}: the query failed on Neo4j at {uri}: "
                                 f"{code + ': ' if code else ''}{self._clean(exc)}")
        if isinstance(exc, OSError):
            return BackendUnavailable(f"cannot connect to Neo4j at {uri}: {self._clean(exc)}")
        raise exc
