"""``graphkit check``: every problem in every file, and the exit status."""

from __future__ import annotations

import shutil
from datetime import date

from click.testing import CliRunner

from graphkit.check import check_network
from graphkit.cli.main import main
from graphkit.workspace.locate import sample_folder

AS_OF = date(2026, 11, 22)


def copy_sample(tmp_path):
    folder = tmp_path / "net"
    shutil.copytree(sample_folder(), folder, ignore=shutil.ignore_patterns(
        "*.py", "exports", "__pycache__"))
    return folder


def test_sample_is_clean():
    result = check_network(sample_folder(), AS_OF)
    assert (result.errors, result.warnings, result.exit_status) == ((), (), 0)


def test_every_file_is_checked_and_nothing_changes(tmp_path):
    folder = copy_sample(tmp_path)
    with (folder / "ties.csv").open("a") as f:
        f.write("p-dana-whitfield,p-nobody,0.5\np-dana-whitfield,p-dana-whitfield,\n")
    with (folder / "targets.csv").open("a") as f:
        f.write("Acmee Corp,1,,\n")
    with (folder / "introductions.csv").open("a") as f:
        f.write("p-marcus-bell,p-dana-whitfield,p-priya-raman,2027-01-01,made,\n")
    (folder / "groups.csv").write_text("person_id\n")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    result = check_network(folder, AS_OF)
    assert [str(e) for e in result.errors] == [
        f"{folder / 'groups.csv'}:1: column group: missing required column 'group'; the header "
        "has person_id; add a 'group' column (required: person_id,group)"]
    messages = [str(w) for w in result.warnings]
    assert messages[0].endswith("unknown person 'p-nobody'; row skipped (add it to people.csv "
                                "first or fix the id)")
    assert "self-tie" in messages[1]
    assert messages[2] == (f"{folder / 'targets.csv'}:17: column organization: 'Acmee Corp' "
                           'matches no organization; did you mean "Acme Corp"?')
    assert "dated 2027-01-01, after 2026-11-22" in messages[3]
    assert (result.exit_status, result.skipped) == (2, 2)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_cli_exit_status_and_summary(tmp_path):
    folder = copy_sample(tmp_path)
    clean = CliRunner().invoke(main, ["--as-of", "2026-11-22", "check", str(folder)])
    assert clean.exit_code == 0 and clean.stdout.endswith(
        "0 errors, 0 warnings (0 rows would be skipped)\n")
    with (folder / "people.csv").open("a") as f:
        f.write("p-dana-whitfield,Dana Again,,,,,,\n")
    warned = CliRunner().invoke(main, ["--as-of", "2026-11-22", "check", str(folder)])
    assert warned.exit_code == 1 and "duplicate id 'p-dana-whitfield'" in warned.stdout
    missing = CliRunner().invoke(main, ["check", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "not a network folder" in missing.stdout
