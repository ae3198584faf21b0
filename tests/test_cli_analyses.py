"""The targets, weak-ties and referrals commands on the sample network: golden table output,
parseable json and csv, clean errors. Regenerate the golden files after a reviewed change with
``GRAPHKIT_UPDATE_GOLDEN=1 pytest tests/test_cli_analyses.py``."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.workspace.locate import sample_folder

GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = ["--as-of", "2026-11-22"]


def run(*args: str, data: Path | None = None):
    result = CliRunner().invoke(main, ["--data", str(data or sample_folder()), *AS_OF, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.mark.parametrize("name,args", [
    ("targets", ["targets"]),
    ("weak-ties", ["weak-ties"]),
    ("weak-ties-depth-2", ["weak-ties", "--depth", "2"]),
    ("referrals", ["referrals"]),
    ("referrals-plan-acme", ["referrals", "--plan", "Acme Corp"]),
])
def test_golden_tables(name, args):
    result = run(*args)
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{name}.txt"
    if os.environ.get("GRAPHKIT_UPDATE_GOLDEN"):
        path.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args,key", [
    (["targets"], "targets"), (["weak-ties"], "contacts"), (["referrals"], "chains"),
    (["referrals", "--plan", "Initech"], "routes"),
])
def test_json_parses(args, key):
    result = run(*args, "--format", "json")
    data = json.loads(result.stdout)
    assert data["as_of"] == "2026-11-22" and data[key]


@pytest.mark.parametrize("args,rows", [
    (["targets"], 15), (["weak-ties"], 155), (["referrals"], 12),
    (["referrals", "--plan", "Acme Corp"], 4),
])
def test_csv_rows(args, rows):
    result = run(*args, "--format", "csv")
    table = list(csv.reader(io.StringIO(result.stdout)))
    assert len(table) == rows + 1 and all(len(r) == len(table[0]) for r in table)


def test_unmatched_target_warns_and_is_listed(sample_dir):
    with (sample_dir / "targets.csv").open("a", encoding="utf-8") as f:
        f.write("Initek,1,researching,\n")
    result = run("targets", data=sample_dir)
    warning = 'targets.csv: "Initek" matches no organization: did you mean "Initech"?'
    assert f"warning: {warning}" in result.stderr
    assert f"Not matched (fix targets.csv):\n  {warning}" in result.stdout


def test_bad_referral_log_warns(sample_dir):
    with (sample_dir / "introductions.csv").open("a", encoding="utf-8") as f:
        f.write("p-priya-raman,p-dana-whitfield,p-wen-bauer,2026-11-01,made,\n")
        f.write("p-priya-raman,p-dana-whitfield,p-ian-farah,2027-02-01,requested,\n")
    result = run("referrals", data=sample_dir)
    assert "warning: introductions.csv: cycle: Wen Bauer introduced you to Priya Raman, who " \
           "introduced you to Wen Bauer" in result.stderr
    assert "after the as-of date 2026-11-22" in result.stderr
    assert "Problems in introductions.csv:" in result.stdout


def test_plan_for_unknown_organization_is_one_clean_line():
    result = run("referrals", "--plan", "Acme Crop")
    assert result.exit_code == 1
    assert result.stderr.strip() == ('Error: no organization matches "Acme Crop": did you mean '
                                     '"Acme Corp"?')


def test_infer_is_accepted_after_the_command_name():
    weak = CliRunner().invoke(main, ["--data", str(sample_folder()), "weak-ties", "--infer",
                                     "--as-of", "2026-11-22", "--format", "json"])
    assert weak.exit_code == 0, weak.output
    plain = run("weak-ties", "--format", "json")
    assert json.loads(weak.stdout)["ties"] > json.loads(plain.stdout)["ties"]
    before = run("--infer", "targets", "--format", "json")
    assert json.loads(before.stdout)["targets"]


def test_help_stays_light():
    code = ("import sys; from graphkit.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "heavy = {'numpy', 'scipy', 'matplotlib', 'neo4j'} & set(sys.modules)\n"
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
