"""Measure the Neo4j backend: load throughput and path-to latency over Bolt.

Not a test (pytest does not collect it). Runs against NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/
NEO4J_DATABASE when NEO4J_URI is set, otherwise against an embedded ArcadeDB Bolt server::

    python tests/bench_neo4j.py                  # sample_data and a 100k-person network
    python tests/bench_neo4j.py --people 20000   # a smaller generated network

The generated network is made here by a seeded generator (no benchmarks/generate.py existed on
main when this was written): ``--people`` people, ``--degree`` ties per person on average, me
with ``--my-ties`` contacts, an organization per 20 people, one current job each.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from graphkit.analysis.paths import path_to
from graphkit.io.network import read_network
from graphkit.model import Employment, Membership, Network, Organization, Person, Target, Tie
from graphkit.store.memory import MemoryStore
from graphkit.store.neo4j import BoltRunner, Connection, Neo4jStore, load_network
from graphkit.workspace.locate import sample_folder

AS_OF = date(2026, 11, 22)


def generate(people: int, degree: float, my_ties: int, seed: int = 1) -> Network:
    """A seeded random network of ``people`` people (me is ``p0``)."""
    rng = random.Random(seed)
    ids = [f"p{i}" for i in range(people)]
    net = Network("p0", {p: Person(p, f"Person {i}", title="Analyst")
                         for i, p in enumerate(ids)})
    orgs = max(people // 20, 1)
    for i in range(orgs):
        net.organizations[f"o{i}"] = Organization(f"o{i}", f"Organization {i}")
    for p in ids[1:]:
        net.employment.append(Employment(p, f"o{rng.randrange(orgs)}", "Analyst",
                                         date(2020, 1, 1)))
    seen: set[tuple[str, str]] = set()
    stages = ["", "acquaintance", "initiated", "advice", "referral"]

    def tie(a: str, b: str) -> None:
        key = (a, b) if a <= b else (b, a)
        if a == b or key in seen:
            return
        seen.add(key)
        net.ties.append(Tie(a, b, stage=rng.choice(stages),
                            last_contact=AS_OF - timedelta(days=rng.randrange(0, 900)),
                            interactions=rng.randrange(0, 12)))

    for p in rng.sample(ids[1:], min(my_ties, people - 1)):
        tie("p0", p)
    while len(seen) < people * degree / 2:
        tie(rng.choice(ids), rng.choice(ids))
    for p in rng.sample(ids, people // 5):
        net.memberships.append(Membership(p, f"Group {rng.randrange(200)}"))
    net.targets = [Target(f"o{i}") for i in range(min(15, orgs))]
    return net


SERVER = """
import os, secrets, socket, sys
import arcadedb_embedded as adb
from arcadedb_embedded.jvm import shutdown_jvm

def port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

root, password, bolt = sys.argv[1], secrets.token_urlsafe(16), port()
server = adb.create_server(root_path=root + "/db", root_password=password, config={
    "host": "127.0.0.1", "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
    "bolt_port": bolt, "http_port": port()})
server.start()
try:
    for name in ("sample", "big"):
        server.create_database(name)
    print(bolt, password, flush=True)
    sys.stdin.read()
finally:
    server.stop()
    shutdown_jvm()
"""


@contextlib.contextmanager
def bolt_connection():
    """NEO4J_* from the environment, or an embedded ArcadeDB server in a process of its own
    (sharing this one would put the server and the driver under one Python lock)."""
    if os.environ.get("NEO4J_URI"):
        yield Connection(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
                         os.environ.get("NEO4J_DATABASE", "neo4j"),
                         os.environ["NEO4J_PASSWORD"])
        return
    root = Path(tempfile.mkdtemp(prefix="graphkit-bench-"))
    (root / "logging.properties").write_text("handlers = java.util.logging.ConsoleHandler\n"
                                             ".level = SEVERE\n")
    env = {**os.environ,
           "ARCADEDB_JVM_ARGS": f"-Djava.util.logging.config.file={root / 'logging.properties'} "
                                "-Xmx3g",
           "ARCADEDB_JVM_ERROR_FILE": str(root / "hs_err_pid%p.log")}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(root)], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None and server.stdin is not None
        port, password = server.stdout.readline().split()
        yield Connection(f"bolt://127.0.0.1:{port}", "root", "sample", password)
    finally:
        if server.stdin:
            server.stdin.close()
        server.wait(timeout=60)


def timed(fn, repeat: int = 1) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def bench(name: str, runner: BoltRunner, network: Network, orgs: list[str],
          batch_size: int) -> None:
    rows = (len(network.people) + len(network.organizations) + len(network.employment)
            + len(network.ties) + len(network.memberships)
            + len({m.group for m in network.memberships}) + len(network.targets)
            + len(network.introductions))
    print(f"\n== {name}: {len(network.people)} people, {len(network.ties)} ties, "
          f"{rows} rows in all, batch {batch_size}", flush=True)
    secs, _ = timed(lambda: load_network(runner, network, AS_OF, batch_size=batch_size,
                                         replace=True))
    print(f"load (--replace, empty start): {secs:.1f} s = {rows / secs:,.0f} rows/s", flush=True)
    secs, _ = timed(lambda: load_network(runner, network, AS_OF, batch_size=batch_size))
    print(f"re-load (no change): {secs:.1f} s = {rows / secs:,.0f} rows/s", flush=True)
    neo = Neo4jStore(runner, AS_OF)
    memory = MemoryStore(network, AS_OF)
    for org in orgs:
        for hops in (1, 2, 3):
            timed(lambda o=org, h=hops: path_to(neo, o, h))  # warm up (the JIT, caches)
            n_secs, result = timed(lambda o=org, h=hops: path_to(Neo4jStore(runner, AS_OF), o,
                                                                 h), 3)
            m_secs, expected = timed(lambda o=org, h=hops: path_to(memory, o, h), 3)
            same = "same" if result == expected else "DIFFERENT"
            print(f"path-to {org!r} --max-hops {hops}: neo4j {n_secs * 1000:.0f} ms, memory "
                  f"{m_secs * 1000:.1f} ms, {len(result.paths)} paths ({same})", flush=True)
    me = network.me
    for hops in (1, 2):
        n_secs, got = timed(lambda h=hops: neo.best_paths(me, None, h))
        m_secs, want = timed(lambda h=hops: memory.best_paths(me, None, h))
        print(f"best_paths to everyone within {hops}: neo4j {n_secs:.2f} s, memory "
              f"{m_secs:.3f} s, {len(got)} people ({'same' if got == want else 'DIFFERENT'})",
              flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--degree", type=float, default=8.0)
    parser.add_argument("--my-ties", type=int, default=300)
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--skip-sample", action="store_true")
    args = parser.parse_args()
    with bolt_connection() as connection:
        runner = BoltRunner(connection)
        try:
            print(f"server: {connection.where}", flush=True)
            if not args.skip_sample:
                bench("sample_data", runner, read_network(sample_folder()),
                      ["Acme Corp", "Initech"], args.batch_size)
            if args.people:
                start = time.perf_counter()
                big = generate(args.people, args.degree, args.my_ties)
                print(f"\n(generated in {time.perf_counter() - start:.1f} s)", flush=True)
                db = "big" if not os.environ.get("NEO4J_URI") else connection.database
                bench(f"generated {args.people}", runner.on_database(db), big, ["o7", "o42"],
                      args.batch_size)
        finally:
            runner.close()


if __name__ == "__main__":
    sys.exit(main())
