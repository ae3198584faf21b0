"""Measure the Neo4j backend beside the memory store, in one run, and print one table.

Not a test (pytest does not collect it). Runs against NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD/
NEO4J_DATABASE when NEO4J_URI is set, otherwise against an embedded ArcadeDB Bolt server in a
process of its own::

    python benchmarks/neo4j.py                      # 20k people
    python benchmarks/neo4j.py --people 20000 100000

For each size: a network written by benchmarks/generate.py (seeded, clustered, about 7 ties a
person), loaded from empty (rows/s), re-loaded with nothing changed and with one tie changed
(seconds); path-to p50 at max-hops 2, 3, 4, 6 over five target organizations; targets;
weak-ties --depth 2; and the queries each command made. Times are warm (each command run once
before it is timed).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

# This file is named neo4j.py: its folder must not shadow the driver package of that name.
HERE = Path(__file__).resolve().parent
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE]
_spec = importlib.util.spec_from_file_location("generate", HERE / "generate.py")
assert _spec is not None and _spec.loader is not None
_generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_generate)
generate = _generate.generate

from graphkit.analysis.paths import path_to  # noqa: E402
from graphkit.analysis.reach import reach  # noqa: E402
from graphkit.analysis.weak_ties import weak_ties  # noqa: E402
from graphkit.io.network import read_network  # noqa: E402
from graphkit.store.memory import MemoryStore  # noqa: E402
from graphkit.store.neo4j import BoltRunner, Connection, Neo4jStore, load_network  # noqa: E402

AS_OF = date(2026, 11, 22)


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


class Counting:
    """Counts the queries a command makes, and the wall time each named query took
    (round trip, server and record mapping together)."""

    def __init__(self, runner) -> None:
        self.runner, self.where, self.n = runner, runner.where, 0
        self.spent: dict[str, list[float]] = {}

    def run(self, query, params, **kw):
        self.n += 1
        start = time.perf_counter()
        try:
            return self.runner.run(query, params, **kw)
        finally:
            self.spent.setdefault(query.name, []).append(time.perf_counter() - start)

    def profile(self) -> str:
        return ", ".join(f"{name} {len(t)}x {sum(t) * 1000:,.0f} ms"
                         for name, t in sorted(self.spent.items(), key=lambda kv: -sum(kv[1])))

    def close(self) -> None:
        pass


def bench(people: int, runner: BoltRunner, batch_size: int, hops_list: list[int],
          weak: bool = True, targets: bool = True, orgs_n: int = 5,
          repeat: int = 3) -> list[tuple[str, str, str, str]]:
    folder = Path(tempfile.mkdtemp(prefix=f"graphkit-neo4j-{people}-"))
    generate(people, 1, folder)
    network = read_network(folder)
    rows = (len(network.people) + len(network.organizations) + len(network.employment)
            + len(network.ties) + len(network.memberships)
            + len({m.group for m in network.memberships}) + len(network.targets)
            + len(network.introductions))
    print(f"{people} people: {len(network.ties)} ties, {rows} rows", flush=True)
    out = []
    load = Counting(runner)
    secs, _ = timed(lambda: load_network(load, network, AS_OF, batch_size=batch_size,
                                         replace=True))
    print(f"  load: {load.profile()}", flush=True)
    out.append(("load (from empty)", f"{rows / secs:,.0f} rows/s ({secs:.1f} s)", "", ""))
    secs, _ = timed(lambda: load_network(runner, network, AS_OF, batch_size=batch_size))
    out.append(("re-load, nothing changed", f"{secs:.1f} s", "", ""))
    # One tie's notes edited: the digest differs, so every row's hash is compared; then the
    # network as it was (the same again), so the answers below are the original network's.
    first = network.ties[0]
    edited = dataclasses.replace(network, ties=[dataclasses.replace(
        first, notes=first.notes + " (edited)"), *network.ties[1:]])
    load = Counting(runner)
    secs, _ = timed(lambda: load_network(load, edited, AS_OF, batch_size=batch_size))
    print(f"  re-load, one tie changed: {load.profile()}", flush=True)
    load_network(runner, network, AS_OF, batch_size=batch_size)
    out.append(("re-load, one tie changed", f"{secs:.1f} s", "", ""))
    memory = MemoryStore(network, AS_OF)
    orgs = [t.organization for t in network.targets][:orgs_n]

    def both(name: str, fn) -> None:
        counting = Counting(runner)
        fn(Neo4jStore(counting))  # warm up, count the queries and where the time goes
        print(f"  {name}: {counting.profile()}", flush=True)
        n_secs, got = timed(lambda: fn(Neo4jStore(runner)), repeat)
        fn(memory)
        m_secs, want = timed(lambda: fn(memory), repeat)
        same = "" if got == want else " DIFFERENT"
        if same:
            print(f"  {name} differs: {_first_difference(got, want)}", flush=True)
        out.append((name, f"{n_secs * 1000:,.0f} ms{same}", f"{m_secs * 1000:,.0f} ms",
                    str(counting.n)))
        print(out[-1], flush=True)

    # targets and weak-ties first: path-to at 6 hops is the longest part of a run
    if targets:
        both("targets", lambda s: reach(s, 2))
    if weak:
        both("weak-ties --depth 2", lambda s: weak_ties(s, 2))
    for hops in hops_list:
        for org in orgs:
            both(f"path-to {org} --max-hops {hops}", lambda s, o=org, h=hops: path_to(s, o, h))
    return out


def _first_difference(got, want) -> str:
    """Where two answers first differ, for a DIFFERENT row."""
    if hasattr(got, "targets") and hasattr(want, "targets"):
        for g, w in zip(got.targets, want.targets, strict=False):
            if g != w:
                return f"neo4j {str(g)[:600]}\n    memory {str(w)[:600]}"
    return f"neo4j {str(got)[:600]}\n    memory {str(want)[:600]}"


def p50_rows(rows: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str, str]]:
    """path-to rows folded into one p50 row per hop count (the medians of the five orgs)."""
    def ms(text: str) -> float:
        return float(text.split()[0].replace(",", ""))
    out, paths = [], {}
    for row in rows:
        if row[0].startswith("path-to "):
            hops = row[0].rsplit(" ", 1)[1]
            paths.setdefault(hops, []).append(row)
        else:
            out.append(row)
    folded = []
    for hops, group in paths.items():
        same = "" if all("DIFFERENT" not in r[1] for r in group) else " DIFFERENT"
        folded.append((f"path-to p50, max-hops {hops}",
                       f"{statistics.median(ms(r[1]) for r in group):,.0f} ms{same}",
                       f"{statistics.median(ms(r[2]) for r in group):,.0f} ms",
                       "-".join(sorted({r[3] for r in group}, key=int))))
    return out[:3] + folded + out[3:]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, nargs="+", default=[20_000])
    parser.add_argument("--batch-size", type=int, default=5000)
    parser.add_argument("--hops", type=int, nargs="*", default=[2, 3, 4, 6],
                        help="the path-to hop limits to time")
    parser.add_argument("--no-weak-ties", action="store_true", help="skip weak-ties")
    parser.add_argument("--no-targets", action="store_true", help="skip targets")
    parser.add_argument("--orgs", type=int, default=5,
                        help="how many target organizations path-to is timed on")
    parser.add_argument("--repeat", type=int, default=3,
                        help="timed runs of each command (the median is shown)")
    args = parser.parse_args()
    rust = "with" if _has_rust() else "without"
    with bolt_connection() as connection:
        runner = BoltRunner(connection)
        try:
            for people in args.people:
                db = connection.database if os.environ.get("NEO4J_URI") else "big"
                rows = p50_rows(bench(people, runner.on_database(db), args.batch_size,
                                            args.hops, not args.no_weak_ties,
                                            not args.no_targets, args.orgs, args.repeat))
                print(f"\n{people:,} people, driver {rust} neo4j-rust-ext, "
                      f"{connection.where.split(' ')[0]}\n")
                print("| what | neo4j | memory | queries |\n|---|---|---|---|")
                for row in rows:
                    print("| " + " | ".join(row) + " |")
                print(flush=True)
        finally:
            runner.close()


def _has_rust() -> bool:
    try:
        import neo4j._rust  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
