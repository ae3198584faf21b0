"""How long the command line takes to start, beside a bare Python in the same run.

    python benchmarks/startup.py            # 15 runs of each, interleaved
    python benchmarks/startup.py --runs 30
    python benchmarks/startup.py --baseline /path/to/other/venv/bin/python

With ``--baseline``, the same graphkit commands also run under another interpreter (an older
graphkit installed in another venv), in the same interleaved rounds, with the ratio.

Each command runs as a fresh process from / (what a user waits for, with no checkout on the
import path); the commands take turns, so a
machine that slows down mid-run slows all of them alike. Printed: min, median and max wall
seconds, the median's ratio to ``python -c pass``, and which heavy modules each command
imported (from ``python -X importtime``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HEAVY = ("networkx", "numpy", "scipy", "matplotlib", "neo4j")


def commands(baseline: str | None = None) -> dict[str, list[str]]:
    """The measured commands; graphkit runs through its entry function, so no shell wrapper
    counts."""
    found = {"python -c pass": [sys.executable, "-c", "pass"]}
    for label, python in (("", sys.executable), (" [baseline]", baseline)):
        if python is None:
            continue
        gk = [python, "-c", "from graphkit.cli.main import main; main()"]
        found[f"graphkit --help{label}"] = [*gk, "--help"]
        found[f"graphkit path-to (sample){label}"] = [*gk, "--as-of", "2026-11-22", "path-to",
                                                      "Acme Corp"]
    return found


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd="/",
                   check=True)
    return time.perf_counter() - start


def heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """The heavy top-level packages a command imports, read from ``-X importtime``."""
    out = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True,
                         text=True, env=env, cwd="/", check=True).stderr
    found = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.splitlines()
             if line.startswith("import time:")}
    return [name for name in HEAVY if name in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--baseline", metavar="PYTHON", help="an interpreter with another "
                        "graphkit installed, measured beside this one")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "GRAPHKIT_DATA"}
    cmds = commands(args.baseline)
    for argv in cmds.values():  # warm the file cache and .pyc files
        wall(argv, env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, argv in cmds.items():
            times[name].append(wall(argv, env))
    base = statistics.median(times["python -c pass"])
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each "
          f"(interleaved); graphkit at {shutil.which('graphkit') or 'not on PATH'}")
    print(f"{'command':39} {'min s':>7} {'median s':>9} {'max s':>7} {'x bare':>7}  "
          "heavy imports")
    for name, argv in cmds.items():
        t = times[name]
        med = statistics.median(t)
        heavy = ", ".join(heavy_imports(argv, env)) or "none"
        print(f"{name:39} {min(t):7.3f} {med:9.3f} {max(t):7.3f} {med / base:7.1f}  {heavy}")
    if args.baseline:
        print("\nthis graphkit / baseline (median of the per-round ratios):")
        for name in cmds:
            if name.endswith("[baseline]"):
                ours = name.removesuffix(" [baseline]")
                ratios = [a / b for a, b in zip(times[ours], times[name], strict=True)]
                print(f"  {ours:37} {statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
