"""How long the command line takes to start, beside a bare Python in the same run.

    python benchmarks/startup.py            # 15 runs of each, interleaved
    python benchmarks/startup.py --runs 30

Each command runs as a fresh process (what a user waits for); the commands take turns, so a
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


def commands() -> dict[str, list[str]]:
    """The measured commands; graphkit is run as ``python -m`` so no shell wrapper counts."""
    gk = [sys.executable, "-c", "from graphkit.cli.main import main; main()"]
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "graphkit --help": [*gk, "--help"],
        "graphkit path-to (sample)": [*gk, "--as-of", "2026-11-22", "path-to", "Acme Corp"],
    }


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                   check=True)
    return time.perf_counter() - start


def heavy_imports(argv: list[str], env: dict[str, str]) -> list[str]:
    """The heavy top-level packages a command imports, read from ``-X importtime``."""
    out = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], capture_output=True,
                         text=True, env=env, check=True).stderr
    found = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.splitlines()
             if line.startswith("import time:")}
    return [name for name in HEAVY if name in found]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "GRAPHKIT_DATA"}
    cmds = commands()
    for argv in cmds.values():  # warm the file cache and .pyc files
        wall(argv, env)
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(args.runs):
        for name, argv in cmds.items():
            times[name].append(wall(argv, env))
    base = statistics.median(times["python -c pass"])
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, {args.runs} runs each "
          f"(interleaved); graphkit at {shutil.which('graphkit') or 'not on PATH'}")
    print(f"{'command':28} {'min s':>7} {'median s':>9} {'max s':>7} {'x bare':>7}  heavy imports")
    for name, argv in cmds.items():
        t = times[name]
        med = statistics.median(t)
        heavy = ", ".join(heavy_imports(argv, env)) or "none"
        print(f"{name:28} {min(t):7.3f} {med:9.3f} {max(t):7.3f} {med / base:7.1f}  {heavy}")


if __name__ == "__main__":
    main()
