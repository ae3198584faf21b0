"""How long ``graphkit plot`` takes, end to end, and where the time goes.

    python benchmarks/plot.py                       # 5 runs of each, interleaved
    python benchmarks/plot.py --runs 9 --people 2500
    python benchmarks/plot.py --baseline /path/to/other/venv/bin/python

Measured on the bundled sample (293 people) and on a generated network (``--people``, default
2,500; ``generate.py``, seed 1), each copied into a temporary folder first: ``graphkit plot
--out network.png`` (the ego picture) and ``plot --path-to ORG`` (the first target), each as a
fresh process (what a user waits for): wall seconds, CPU seconds (user + system: on a shared
machine the steadier figure) and peak RSS (MB) from ``os.wait4``, min / median / max. The
first run of each command is a warm-up, not counted (it writes the network's cache, if any).
With ``--baseline``, the same commands run under another interpreter (an older graphkit
installed in another venv) on its own copy of the folders, in the same rounds, turn about,
with the median of the pairwise ratios: a machine that slows down mid-run slows both alike.

Then the stages of one ego picture, in a fresh process each run (median over the runs):
start-up imports, opening the network, choosing what to draw (``ego_view``), the spring
layout, drawing (``draw`` without its layout), and saving the PNG.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "sample_data"
AS_OF = "2026-11-22"

#: Runs in a fresh interpreter: prints the stage times of one ego picture as JSON.
STAGES = """
import json, sys, time
from datetime import date
t0 = time.perf_counter()
import matplotlib.figure
from graphkit.io.table import Problems
from graphkit.plot import drawing, ego_view, layout, save_plot
from graphkit.team import point_of_view
from graphkit.workspace import open_store
t1 = time.perf_counter()
store = point_of_view(open_store(sys.argv[1], "memory", date(2026, 11, 22), Problems()), None)
t2 = time.perf_counter()
view = ego_view(store)
t3 = time.perf_counter()
pos = layout(view)
t4 = time.perf_counter()
drawing.layout = lambda view, seed: pos  # measured above
figure = drawing.draw(view).figure
t5 = time.perf_counter()
figure.savefig(sys.argv[2], format="png", dpi=150, **drawing._save_options("png"))
t6 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "open the network": t2 - t1, "choose (ego_view)": t3 - t2,
                  "spring layout": t4 - t3, "draw": t5 - t4, "save PNG": t6 - t5,
                  "in process": t6 - t0}))
"""


def run(argv: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one fresh process; its failure stops
    the benchmark."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=cwd)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err.decode(errors='replace')}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def graphkit(python: str, folder: Path, *args: str) -> list[str]:
    return [python, "-c", "from graphkit.cli.main import main; main()", "--data", str(folder),
            "--as-of", AS_OF, "plot", *args]


def first_target(folder: Path) -> str:
    lines = (folder / "targets.csv").read_text(encoding="utf-8").splitlines()
    return lines[1].split(",")[0]


def summary(values: list[float]) -> str:
    return (f"{min(values):6.2f} {statistics.median(values):6.2f} {max(values):6.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--people", type=int, default=2500)
    parser.add_argument("--baseline", metavar="PYTHON",
                        help="another interpreter with an older graphkit, run beside this one")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE))
    from generate import generate

    pythons = {"graphkit": sys.executable}
    if args.baseline:
        pythons["baseline"] = args.baseline
    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generated = root / "generated"
        generate(args.people, 1, generated)
        networks = {"sample (293 people)": SAMPLE, f"generated ({args.people:,} people)":
                    generated}
        for name, source in networks.items():
            copies = {who: root / f"{who}-{source.name}" for who in pythons}
            for copy in copies.values():
                shutil.copytree(source, copy, ignore=shutil.ignore_patterns(".graphkit"))
            org = first_target(source)
            for picture, extra in (("plot", ["--out", "network.png"]),
                                   ("plot --path-to", ["--path-to", org, "--out", "path.png"])):
                argvs = {who: graphkit(python, copies[who], *extra)
                         for who, python in pythons.items()}
                for argv in argvs.values():
                    run(argv, root)  # warm-up
                rows = {who: results.setdefault(f"{name}: {picture} [{who}]",
                                                {"wall": [], "cpu": [], "mb": []})
                        for who in pythons}
                for _ in range(args.runs):
                    for who, argv in argvs.items():
                        seconds, cpu, mb = run(argv, root)
                        rows[who]["wall"].append(seconds)
                        rows[who]["cpu"].append(cpu)
                        rows[who]["mb"].append(mb)
        stages: dict[str, list[float]] = {}
        for _ in range(args.runs):
            out = subprocess.run([sys.executable, "-c", STAGES, str(SAMPLE),
                                  str(root / "stages.png")], capture_output=True, text=True,
                                 check=True, cwd=root).stdout
            for key, seconds in json.loads(out).items():
                stages.setdefault(key, []).append(seconds)

    print(f"graphkit plot, {args.runs} runs each after a warm-up; wall and CPU seconds min / "
          "median / max, peak RSS MB")
    print(f"{'command':52s}   wall: min median    max   cpu: min median    max   MB")
    for label, row in results.items():
        print(f"{label:52s}  {summary(row['wall'])}  {summary(row['cpu'])} "
              f"{max(row['mb']):4.0f}")
        if label.endswith("[graphkit]") and args.baseline:
            base = results[label.replace("[graphkit]", "[baseline]")]
            ratios = {key: [a / b for a, b in zip(row[key], base[key], strict=True)]
                      for key in ("wall", "cpu")}
            print(f"{'  ratio graphkit / baseline, pair by pair':52s}  "
                  f"{summary(ratios['wall'])}  {summary(ratios['cpu'])}")
    print("\nstages of one ego picture of the sample, in a fresh process (median seconds)")
    for key, values in stages.items():
        print(f"  {key:20s} {statistics.median(values):6.3f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"runs": results, "stages": stages}, indent=1),
                                   encoding="utf-8")


if __name__ == "__main__":
    main()
