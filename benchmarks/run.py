"""Measure graphkit against a plain networkx baseline, in one run, on a generated network.

    python benchmarks/run.py --size 100k --json results-100k.json

Each engine runs in its own child process (so peak memory is its own): ``graphkit`` is the
compact array store with its on-disk cache, ``networkx`` is the reference MemoryStore over a
networkx graph. Both answer the same questions and the answers are compared. The network is
generated (seed 1) into ``--data`` unless it is there already.

Measured, warm process unless stated:
- load_cold_s: CSV folder to a ready store (graphkit: no cache yet, then the cache is written);
  load_cold_cpu_s: the CPU seconds (user + system, every thread) the same load took, which
  other programs on a shared machine move less than the wall time
- load_warm_s: the same from graphkit's cache (networkx has none: not measured)
- path_to_ms_p50/p99: ``path_to`` (the analysis, explained paths) at 2 hops over the target
  organizations; path_to_3hop_ms_p50 at 3 hops; best_paths_ms_p50: the store call alone;
  path_to_first_ms: the first call on the open store (what a ``graphkit path-to`` process
  pays once: names and titles first read, organization records built)
- reach_s: the best path to every organization (``best_path_per_organization``: one
  vectorized pass in the array store); reach_plain_s: the same from one search to everyone
  within 2 hops, then the best per organization in Python (the answers must agree);
  reach_targets_s: the same over the 50-organization target list
- reach_analysis_s: ``graphkit.analysis.reach.reach`` over the target list (with doors and
  suggestions for unreachable targets)
- weak_ties_ms: ``graphkit.analysis.weak_ties.weak_ties`` (my 1-hop ego network); the same
  analysis on both stores, after one call (weak_ties_first_ms, which also pays the imports
  of its first use). ego_ties_ms: the store call alone
- burt_ms: Burt's constraint and effective size weighted by strength on the ego network
  (graphkit: vectorized numpy here, for everyone in it; networkx: nx.constraint and
  nx.effective_size for me alone, which takes minutes at 500 contacts: full baseline only)
- peak_rss_mb: the child's peak resident memory

End to end (``--cli``, on by default): each command as a fresh ``graphkit`` process, wall
seconds and peak RSS (MB) from ``os.wait4``, what a user waits for:
- cli_path_to_cold: ``graphkit path-to ORG`` on a network with no cache yet (reads the CSV
  files, writes the cache); every other line is warm (the cache exists), median of 3:
  cli_path_to, cli_targets, cli_weak_ties, cli_report (``--state`` in a temporary folder);
- cli_help: ``graphkit --help``, and cli_sample_path_to: ``path-to "Acme Corp"`` on the
  bundled sample (start-up);
- star_2.5k / star_8k: ``graphkit weak-ties`` on one person's own export (me and 2,500 or
  8,000 contacts who know no one else there: ``generate.py --star``); star_8k_targets_all:
  ``graphkit targets --all`` on the 8,000-contact export.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

SIZES = {"1k": 1_000, "100k": 100_000, "1m": 1_000_000}
AS_OF = date(2026, 11, 22)
HERE = Path(__file__).resolve().parent
KEYS = ("load_cold_s", "load_cold_cpu_s", "load_warm_s", "path_to_ms_p50", "path_to_ms_p99",
        "path_to_3hop_ms_p50",
        "best_paths_ms_p50", "reach_s", "reach_plain_s", "reach_targets_s", "reach_analysis_s",
        "weak_ties_ms",
        "ego_ties_ms", "burt_ms", "peak_rss_mb")


#: The first call of an analysis on the open store (what one ``graphkit`` process pays).
FIRST_CALL_KEYS = ("path_to_first_ms", "weak_ties_first_ms")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def burt(views: list[Any], center: str) -> dict[str, tuple[float, float]]:
    """Constraint and effective size (weighted by strength) of everyone in the ego network,
    vectorized: P = strengths row-normalized by sum, M = row-normalized by max;
    constraint = sum over ties of (P + P @ P)^2, effective size = degree - sum over ties of
    P @ M.T, as networkx defines them."""
    import numpy as np

    people = sorted({p for v in views for p in v.tie.key} | {center})
    at = {p: i for i, p in enumerate(people)}
    n = len(people)
    w = np.zeros((n, n))
    for v in views:
        i, j = at[v.tie.person_a], at[v.tie.person_b]
        w[i, j] = w[j, i] = v.strength
    adj = w > 0
    degree = adj.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = w / w.sum(axis=1, keepdims=True)
        m = w / w.max(axis=1, keepdims=True)
    p, m = np.nan_to_num(p), np.nan_to_num(m)
    constraint = np.where(adj, (p + p @ p) ** 2, 0.0).sum(axis=1)
    effective = degree - np.where(adj, p @ m.T, 0.0).sum(axis=1)
    nan = float("nan")
    return {person: (float(constraint[i]) if degree[i] else nan,
                     float(effective[i]) if degree[i] else nan)
            for i, person in enumerate(people)}


def burt_networkx(views: list[Any], center: str) -> dict[str, tuple[float, float]]:
    import networkx as nx

    graph = nx.Graph()
    graph.add_node(center)
    for v in views:
        graph.add_edge(v.tie.person_a, v.tie.person_b, strength=v.strength)
    constraint = nx.constraint(graph, [center], weight="strength")
    effective = nx.effective_size(graph, [center], weight="strength")
    return {center: (constraint[center], effective[center])}


def measure(engine: str, folder: Path, skip: set[str]) -> dict[str, Any]:
    """Run in a child process: every measurement for one engine."""
    from graphkit.analysis.paths import path_to
    from graphkit.analysis.reach import best_path_per_organization, reach
    from graphkit.analysis.weak_ties import weak_ties
    from graphkit.io.network import read_network
    from graphkit.io.table import Problems
    from graphkit.store.memory import MemoryStore
    from graphkit.workspace import open_store

    out: dict[str, Any] = {"engine": engine, "digests": {}}
    before = _cpu_seconds()
    if engine == "graphkit":
        shutil.rmtree(folder / ".graphkit", ignore_errors=True)
        start = time.perf_counter()
        store: Any = open_store(folder, "array", AS_OF, Problems())
        out["load_cold_s"] = time.perf_counter() - start
        out["load_cold_cpu_s"] = _cpu_seconds() - before
        del store
        start = time.perf_counter()
        store = open_store(folder, "array", AS_OF, Problems())
        out["load_warm_s"] = time.perf_counter() - start
    else:
        start = time.perf_counter()
        store = MemoryStore(read_network(folder, Problems()), AS_OF)
        out["load_cold_s"] = time.perf_counter() - start
        out["load_cold_cpu_s"] = _cpu_seconds() - before
        out["load_warm_s"] = None

    me = store.me().id
    targets = [store.organization(t.organization).id for t in store.targets()]
    start = time.perf_counter()
    path_to(store, targets[0], 2)  # warm-up: builds the organization-name index once
    out["path_to_first_ms"] = (time.perf_counter() - start) * 1000
    digest = hashlib.sha256()
    times = []
    for org in targets:
        start = time.perf_counter()
        result = path_to(store, org, 2)
        times.append((time.perf_counter() - start) * 1000)
        digest.update(repr([(org, p.score.hex(), [x.id for x in p.people], [
            (s.strength.hex(), s.evidence) for s in p.steps]) for p in result.paths]).encode())
    out["digests"]["path_to_2hop"] = digest.hexdigest()
    out["queries"] = len(targets)
    out["path_to_ms_p50"] = statistics.median(times)
    out["path_to_ms_p99"] = percentile(times, 99)
    if "3hop" not in skip:
        times = []
        digest = hashlib.sha256()
        for org in targets:
            start = time.perf_counter()
            result = path_to(store, org, 3)
            times.append((time.perf_counter() - start) * 1000)
            digest.update(repr([(p.score.hex(), [x.id for x in p.people])
                                for p in result.paths]).encode())
        out["path_to_3hop_ms_p50"] = statistics.median(times)
        out["digests"]["path_to_3hop"] = digest.hexdigest()
    times = []
    for org in targets:
        staff = sorted({j.person_id for j in store.employment_at(org) if j.current})
        start = time.perf_counter()
        store.best_paths(me, staff, 2)
        times.append((time.perf_counter() - start) * 1000)
    out["best_paths_ms_p50"] = statistics.median(times)

    if "reach" not in skip:
        start = time.perf_counter()
        best = store.best_paths(me, None, 2)
        per_org: dict[str, Any] = {}
        for person, found in best.items():
            for job in store.employment_of(person):
                if job.current:
                    held = per_org.get(job.org_id)
                    if held is None or found.sort_key() < held.sort_key():
                        per_org[job.org_id] = found
        out["reach_plain_s"] = time.perf_counter() - start
        start = time.perf_counter()
        per_org_fast = best_path_per_organization(store, 2)
        out["reach_s"] = time.perf_counter() - start
        if per_org_fast != per_org:
            raise SystemExit("best_path_per_organization differs from the plain computation")
        out["organizations_reached"] = len(per_org)
        out["digests"]["reach"] = hashlib.sha256(repr(sorted(
            (k, v.score.hex(), v.people) for k, v in per_org.items())).encode()).hexdigest()
        start = time.perf_counter()
        staff_of = {org: {j.person_id for j in store.employment_at(org) if j.current}
                    for org in targets}
        everyone = sorted(set().union(*staff_of.values()))
        found_paths = store.best_paths(me, everyone, 2)
        best_of = {org: min((found_paths[p] for p in staff if p in found_paths),
                            key=lambda b: b.sort_key(), default=None)
                   for org, staff in staff_of.items()}
        out["reach_targets_s"] = time.perf_counter() - start
        out["targets_reached"] = sum(b is not None for b in best_of.values())

        start = time.perf_counter()
        reached = reach(store, 2)
        out["reach_analysis_s"] = time.perf_counter() - start
        out["digests"]["reach_analysis"] = hashlib.sha256(repr(reached).encode()).hexdigest()

    start = time.perf_counter()
    weak_ties(store)  # warm-up: first-call imports (louvain) are not the query
    out["weak_ties_first_ms"] = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    found = weak_ties(store)
    out["weak_ties_ms"] = (time.perf_counter() - start) * 1000
    out["digests"]["weak_ties"] = hashlib.sha256(repr(found).encode()).hexdigest()
    start = time.perf_counter()
    views = store.ego_ties(me, 1)
    out["ego_ties_ms"] = (time.perf_counter() - start) * 1000
    if engine == "graphkit" or "burt" not in skip:
        start = time.perf_counter()
        measures = (burt if engine == "graphkit" else burt_networkx)(views, me)
        out["burt_ms"] = (time.perf_counter() - start) * 1000
        out["ego_network"] = {"people": len({p for v in views for p in v.tie.key}),
                              "ties": len(views)}
        out["burt_me"] = measures[me]
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def _cpu_seconds() -> float:
    """User and system CPU seconds of this process so far, every thread counted."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_cli(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one ``graphkit`` process (output discarded)."""
    cmd = [sys.executable, "-c", "from graphkit.cli.main import main; main()", *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 3):  # report: 3 = something new
        raise SystemExit(f"graphkit {' '.join(args)} failed ({proc.returncode}):\n"
                         + err.decode(errors="replace"))
    return wall, usage.ru_maxrss / 1024


def cli_measures(folder: Path, repeats: int = 3) -> dict[str, Any]:
    """The end-to-end measures (see the module docstring)."""
    import tempfile

    sys.path.insert(0, str(HERE))
    from generate import generate_star

    org = _first_target(folder)
    base = ["--data", str(folder), "--as-of", AS_OF.isoformat()]
    out: dict[str, Any] = {}
    shutil.rmtree(folder / ".graphkit", ignore_errors=True)
    out["cli_path_to_cold"] = run_cli([*base, "path-to", org])
    with tempfile.TemporaryDirectory() as state:
        commands = {"cli_path_to": ["path-to", org], "cli_targets": ["targets"],
                    "cli_weak_ties": ["weak-ties"],
                    "cli_report": ["report", "--state", state]}
        for key, args in commands.items():
            runs = [run_cli([*base, *args]) for _ in range(repeats)]
            out[key] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
    for key, args in (("cli_help", ["--help"]),
                      ("cli_sample_path_to", ["--as-of", AS_OF.isoformat(), "path-to",
                                              "Acme Corp"])):
        runs = [run_cli(args) for _ in range(repeats)]
        out[key] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
    for key, contacts in (("star_2.5k", 2_500), ("star_8k", 8_000)):
        star = folder.parent / f"star-{contacts}"
        if not (star / "ties.csv").exists():
            generate_star(contacts, 1, star)
        run_cli(["--data", str(star), "--as-of", AS_OF.isoformat(), "weak-ties"])  # cache
        runs = [run_cli(["--data", str(star), "--as-of", AS_OF.isoformat(), "weak-ties"])
                for _ in range(repeats)]
        out[key] = (statistics.median(r[0] for r in runs), max(r[1] for r in runs))
        if contacts == 8_000:
            runs = [run_cli(["--data", str(star), "--as-of", AS_OF.isoformat(), "targets",
                             "--all"]) for _ in range(repeats)]
            out["star_8k_targets_all"] = (statistics.median(r[0] for r in runs),
                                          max(r[1] for r in runs))
    return out


def _first_target(folder: Path) -> str:
    with open(folder / "targets.csv", encoding="utf-8") as handle:
        next(handle)
        return next(handle).split(",")[0]


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().splitlines()[0].split()[1]
        ram_gb = round(int(mem) / 1024 / 1024, 1)
    except OSError:
        ram_gb = None
    return {"cpus": os.cpu_count(), "cpu": model, "ram_gb": ram_gb,
            "python": platform.python_version(), "load_average": os.getloadavg()}


def child(engine: str, folder: Path, skip: set[str]) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", engine, "--data",
           str(folder), "--skip", ",".join(sorted(skip))]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{engine} failed:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def table(result: dict[str, Any]) -> str:
    base = result.get("baseline") or {}
    lines = [f"size {result['size']}: {result['people']} people, {result['ties']} ties, "
             f"{result['queries']} target organizations",
             f"{'measure':<22}{'graphkit':>12}{'networkx':>12}{'speed-up':>10}"]
    for key in (*KEYS, *FIRST_CALL_KEYS):
        ours, theirs = result.get(key), base.get(key)

        def cell(v: Any) -> str:
            return "-" if v is None else f"{v:.3f}" if v < 10 else f"{v:.1f}"

        ratio = (f"{theirs / ours:.0f}x" if isinstance(ours, float) and isinstance(
            theirs, float) and ours > 0 and key != "peak_rss_mb" else
            f"{theirs / ours:.1f}x less" if key == "peak_rss_mb" and theirs else "")
        lines.append(f"{key:<22}{cell(ours):>12}{cell(theirs):>12}{ratio:>10}")
    same = result.get("answers_identical")
    lines.append("answers identical: " + ("not compared" if same is None else
                                          ("yes" if same else "NO") + " ("
                                          + ", ".join(result["answers_compared"]) + ")"))
    if "burt_me_matches" in result:
        lines.append("Burt measures of me equal networkx's (1e-9): "
                     + ("yes" if result["burt_me_matches"] else "NO"))
    cli = result.get("cli") or {}
    if cli:
        lines.append(f"{'end to end (graphkit)':<26}{'wall s':>10}{'peak RSS MB':>14}")
        for key, (wall, rss) in cli.items():
            lines.append(f"{key:<26}{wall:>10.3f}{rss:>14.0f}")
    lines.extend(f"note: {n}" for n in result["notes"])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="1k")
    parser.add_argument("--data", type=Path, help="network folder (generated if missing)")
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--baseline", choices=["full", "partial", "skip"],
                        help="networkx baseline: full; partial: without nx.constraint (minutes "
                        "at 500 contacts); skip (default: partial)")
    parser.add_argument("--no-cli", action="store_true",
                        help="skip the end-to-end command-line measures")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--skip", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    skip = {s for s in args.skip.split(",") if s}
    if args.child:
        print(json.dumps(measure(args.child, args.data, skip)))
        return

    people = SIZES[args.size]
    folder = args.data or Path("/tmp/graphkit-bench") / f"net-{args.size}"
    if not (folder / "ties.csv").exists():
        sys.path.insert(0, str(HERE))
        from generate import generate

        generate(people, 1, folder)
    ties = sum(1 for _ in open(folder / "ties.csv", encoding="utf-8")) - 1
    ours = child("graphkit", folder, set())
    mode = args.baseline or "partial"
    notes = []
    base = None
    if mode != "skip":
        base = child("networkx", folder, {"burt"} if mode == "partial" else set())
        if mode == "partial":
            notes.append("networkx baseline: burt_ms not measured (nx.constraint takes "
                         "minutes on a 500-contact ego network)")
    else:
        notes.append("networkx baseline skipped")
    result: dict[str, Any] = {"size": args.size, "people": people, "ties": ties,
                              **{k: ours.get(k) for k in (*KEYS, *FIRST_CALL_KEYS)},
                              **{k: ours[k] for k in ("queries", "ego_network", "burt_me",
                                                       "organizations_reached",
                                                       "targets_reached") if k in ours}}
    if base is not None:
        result["baseline"] = {k: base.get(k) for k in (*KEYS, *FIRST_CALL_KEYS)}
        compared = sorted(ours["digests"].keys() & base["digests"].keys())
        result["answers_compared"] = compared
        result["answers_identical"] = all(ours["digests"][k] == base["digests"][k]
                                          for k in compared)
        if "burt_me" in base:
            a, b = ours["burt_me"], base["burt_me"]
            result["burt_me_matches"] = all(abs(x - y) < 1e-9 for x, y in zip(a, b,
                                                                               strict=True))
    if not args.no_cli:
        result["cli"] = cli_measures(folder)
    result["machine"] = machine()
    result["notes"] = notes
    print(table(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
