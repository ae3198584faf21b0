"""A real Bolt server for the tests: ArcadeDB embedded (``arcadedb-embedded``, in the test
extras), started once per session on free 127.0.0.1 ports with a generated password.

Loaded as a pytest plugin by conftest.py. ``neo4j_db`` hands out stores holding a given
network: each distinct network is loaded once, into a database of its own, so contract tests
that reuse a network (the same seed at several hop limits) do not reload it.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import secrets
import socket
from dataclasses import dataclass, field
from typing import Any

import pytest

from graphkit.store.neo4j import BoltRunner, Connection, Neo4jStore, load_network


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class BoltServer:
    """The running server: how to connect, and a way to make empty databases."""

    connection: Connection
    server: Any
    _names: Any = field(default_factory=lambda: itertools.count(1))

    def new_database(self, prefix: str = "db") -> str:
        name = f"{prefix}{next(self._names)}"
        self.server.create_database(name)
        return name


@pytest.fixture(scope="session")
def bolt_server(tmp_path_factory):
    """In-process ArcadeDB with Bolt on a free loopback port, stopped at the end."""
    logdir = tmp_path_factory.mktemp("arcadedb-log")
    quiet = logdir / "logging.properties"
    # The engine logs INFO to stderr and writes ./log/ unless told otherwise; both settings are
    # read when the JVM starts, inside create_server().
    quiet.write_text("handlers = java.util.logging.ConsoleHandler\n.level = SEVERE\n")
    os.environ.setdefault("ARCADEDB_JVM_ARGS", f"-Djava.util.logging.config.file={quiet} -Xmx1g")
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(logdir / "hs_err_pid%p.log"))
    adb = pytest.importorskip("arcadedb_embedded")
    pytest.importorskip("neo4j")
    from arcadedb_embedded.jvm import shutdown_jvm

    password = secrets.token_urlsafe(16)
    bolt_port = _free_port()
    server = adb.create_server(
        root_path=str(tmp_path_factory.mktemp("arcadedb")),
        root_password=password,
        config={"host": "127.0.0.1", "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                "bolt_port": bolt_port, "http_port": _free_port()},
    )
    server.start()
    try:
        server.create_database("graphkit")
        yield BoltServer(Connection(f"bolt://127.0.0.1:{bolt_port}", "root", "graphkit",
                                    password), server)
    finally:
        # stop() is mandatory (exiting with the server running crashes, then hangs);
        # shutdown_jvm() avoids a SIGSEGV at exit under pytest's faulthandler.
        server.stop()
        shutdown_jvm()


@dataclass
class Neo4jDatabases:
    """One database per distinct network loaded during the session."""

    server: BoltServer
    runner: BoltRunner
    loaded: dict[str, BoltRunner] = field(default_factory=dict)

    def store_of(self, network, as_of) -> Neo4jStore:
        """A store holding ``network`` with strengths for ``as_of``."""
        fingerprint = hashlib.sha256(repr((network, as_of)).encode()).hexdigest()
        if fingerprint not in self.loaded:
            runner = self.fresh()
            load_network(runner, network, as_of)
            self.loaded[fingerprint] = runner
        return Neo4jStore(self.loaded[fingerprint], as_of)

    def fresh(self) -> BoltRunner:
        """A runner on a new, empty database."""
        return self.runner.on_database(self.server.new_database())


@pytest.fixture(scope="session")
def neo4j_db(bolt_server):
    runner = BoltRunner(bolt_server.connection)
    try:
        yield Neo4jDatabases(bolt_server, runner)
    finally:
        runner.close()


@pytest.fixture
def neo4j_store_of(neo4j_db):
    return neo4j_db.store_of
