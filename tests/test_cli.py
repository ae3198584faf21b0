"""The command line as a user runs it: golden output on the sample network, errors, imports."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main

GOLDEN = Path(__file__).resolve().parent / "golden"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PINNED = ["--as-of", "2026-11-22"]


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, [*PINNED, *args], env={"GRAPHKIT_DATA": "", **(env or {})})
    assert "Traceback" not in result.output, result.output
    return result


def golden(name: str, text: str) -> None:
    """Compare with tests/golden/NAME; set GRAPHKIT_UPDATE_GOLDEN=1 to rewrite on purpose."""
    path = GOLDEN / name
    if os.environ.get("GRAPHKIT_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt,suffix", [("table", "txt"), ("json", "json"), ("csv", "csv")])
def test_path_to_acme_on_the_sample(fmt, suffix):
    result = run("path-to", "Acme Corp", "--format", fmt)
    assert result.exit_code == 0
    golden(f"path_to_acme.{suffix}", result.stdout)
    assert result.stderr.startswith("note: using the bundled sample network")


def test_path_to_three_hops_golden():
    result = run("path-to", "Greater Boston Food Network", "--max-hops", "3")
    golden("path_to_food_network_3.txt", result.stdout)


def test_path_to_json_shape():
    data = json.loads(run("path-to", "acme", "--max-hops", "2", "--format", "json").stdout)
    assert data["organization"] == {"id": "o-acme", "name": "Acme Corp"}
    first = data["paths"][0]
    assert set(first) >= {"score", "hops", "people", "steps"}
    assert first["people"][0] == {"id": "p-dana-whitfield", "name": "Dana Whitfield"}
    assert len(first["steps"]) == first["hops"] == len(first["people"]) - 1
    assert set(first["steps"][0]) >= {"strength", "evidence"}
    scores = [p["score"] for p in data["paths"]]
    assert scores == sorted(scores, reverse=True)


def test_misspelled_organization_suggests_and_fails():
    result = run("path-to", "Acmee Corp")
    assert result.exit_code == 1
    assert 'no organization matches "Acmee Corp": did you mean "Acme Corp"?' in result.stderr


def test_no_path_says_so_and_suggests():
    result = run("path-to", "Salem Harbor Trust")
    assert result.exit_code == 0
    assert result.stdout.startswith("No path to anyone at Salem Harbor Trust within 2 hops")
    assert "used to work at Salem Harbor Trust" in result.stdout


def test_global_options_work_before_and_after_the_command():
    before = CliRunner().invoke(main, ["--as-of", "2026-01-01", "path-to", "acme"])
    after = CliRunner().invoke(main, ["path-to", "acme", "--as-of", "2026-01-01"])
    assert before.stdout == after.stdout and "(as of 2026-01-01)" in after.stdout
    bad = CliRunner().invoke(main, ["path-to", "acme", "--as-of", "yesterday"])
    assert bad.exit_code == 2 and "use YYYY-MM-DD" in bad.stderr


def test_new_user_flow(tmp_path):
    net = tmp_path / "mynet"
    assert run("init", str(net), "--me", "Dana Whitfield").exit_code == 0
    again = run("init", str(net), "--me", "Dana Whitfield")
    assert again.exit_code == 1 and "already holds a network" in again.stderr
    mine = run("import", "linkedin", str(FIXTURES / "linkedin_current.csv"), "--into", str(net))
    assert mine.exit_code == 0
    assert "rows read 5 = 4 imported + 0 merged + 1 skipped (1 unreadable)" in mine.stdout
    assert ":9: column First Name: no name" in mine.stderr
    team = run("import", "linkedin", str(FIXTURES / "linkedin_legacy.csv"), "--owner",
               "Marcus Bell", "--into", str(net))
    assert "added Marcus Bell" in team.stdout
    result = run("--data", str(net), "path-to", "Globex", "--max-hops", "2", "--format", "json")
    data = json.loads(result.stdout)
    assert [[p["name"] for p in path["people"]] for path in data["paths"]] == [
        ["Dana Whitfield", "Marcus Bell", "Marco Rossi"]]
    assert result.stderr == ""


def test_bad_network_file_is_one_clean_line(tmp_path):
    net = tmp_path / "n"
    run("init", str(net), "--me", "Dana")
    (net / "ties.csv").write_text("person_a\np-dana\n")
    result = run("--data", str(net), "path-to", "acme")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {net / 'ties.csv'}:1: column person_b: missing required column 'person_b'; "
        "the header has person_a; add a 'person_b' column (required: person_a,person_b)")


def test_warnings_are_counted_on_stderr_and_strict_refuses(tmp_path):
    net = tmp_path / "n"
    run("init", str(net), "--me", "Dana")
    (net / "people.csv").write_text("id,name\np-dana,Dana\np-dana,Dup\n")
    result = run("--data", str(net), "path-to", "acme")
    assert "warning: 1 problem in the input, 1 row skipped" in result.stderr
    strict = run("--data", str(net), "--strict", "path-to", "acme")
    assert strict.exit_code == 1 and "duplicate id 'p-dana'" in strict.stderr


def test_unknown_import_file_and_missing_target(tmp_path):
    result = run("import", "linkedin", str(tmp_path / "nope.csv"), "--into", str(tmp_path))
    assert result.exit_code == 1 and "Error:" in result.stderr
    result = run("import", "linkedin", str(FIXTURES / "linkedin_current.csv"))
    assert result.exit_code == 2 and "--into DIR" in result.stderr


def test_installed_command_runs_from_any_folder(tmp_path):
    """The console script finds the bundled sample from an unrelated working directory, and
    --help stays light (no matplotlib, scipy or neo4j at start-up)."""
    exe = Path(sys.executable).with_name("graphkit")
    env = {k: v for k, v in os.environ.items() if k != "GRAPHKIT_DATA"}
    out = subprocess.run([str(exe), "path-to", "Acme Corp"], cwd=tmp_path, env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("Acme Corp: ")
    code = ("import sys; from graphkit.cli.main import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print([m for m in ('matplotlib', 'scipy', 'neo4j', 'numpy') if m in sys.modules])")
    light = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           cwd=tmp_path, timeout=60)
    assert light.stdout.strip().endswith("[]")


def test_help_lists_each_command_with_its_own_short_help():
    import importlib

    from graphkit.cli.main import COMMANDS

    for name, (module, attr, short) in COMMANDS.items():
        command = getattr(importlib.import_module(f"graphkit.cli.{module}"), attr)
        assert command.get_short_help_str(10**6) == short, name
        assert command.name == name
