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
    line = (folder / "targets.csv").read_text(encoding="utf-8").count("\n")  # the appended one
    assert messages[2] == (f"{folder / 'targets.csv'}:{line}: column organization: 'Acmee Corp' "
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


def test_an_interrupted_change_is_an_error_with_what_to_do(tmp_path):
    folder = copy_sample(tmp_path)
    staged = folder / ".graphkit" / "commit"
    staged.mkdir(parents=True)
    (staged / "ties.csv").write_text("person_a,person_b\n")
    (staged / "MANIFEST.json").write_text('{"files": ["ties.csv"]}')
    result = CliRunner().invoke(main, ["--as-of", "2026-11-22", "check", str(folder)])
    assert result.exit_code == 2
    assert "error: " in result.stdout and "an interrupted change (.graphkit/commit" in result.stdout
    assert "completes or discards it" in result.stdout
    assert staged.is_dir()  # check changes nothing, not even to recover
    again = CliRunner().invoke(main, ["--data", str(folder), "--as-of", "2026-11-22",
                                      "targets"])
    assert again.exit_code == 0, again.output
    assert CliRunner().invoke(main, ["--as-of", "2026-11-22", "check", str(folder)]).exit_code \
        in (0, 1)
    assert not staged.exists()


def test_self_introductions_are_found_with_their_line(tmp_path):
    folder = copy_sample(tmp_path)
    with (folder / "introductions.csv").open("a") as f:
        f.write("p-marcus-bell,p-marcus-bell,p-priya-raman,2026-01-01,made,\n"
                "p-marcus-bell,p-priya-raman,p-priya-raman,2026-01-02,made,\n")
    lines = len((folder / "introductions.csv").read_text().splitlines())
    result = check_network(folder, AS_OF)
    messages = [str(w) for w in result.warnings]
    assert messages == [
        f"{folder / 'introductions.csv'}:{lines - 1}: p-marcus-bell is introduced to themselves "
        "(introducer p-marcus-bell, introduced to p-priya-raman); an introduction names three "
        "different people: fix the ids",
        f"{folder / 'introductions.csv'}:{lines}: p-priya-raman is introduced to themselves "
        "(introducer p-marcus-bell, introduced to p-priya-raman); an introduction names three "
        "different people: fix the ids"]


def test_an_unclosed_quote_counts_every_row_it_swallows(tmp_path):
    folder = copy_sample(tmp_path)
    people = (folder / "people.csv").read_text().splitlines(keepends=True)
    people[3] = people[3].replace(",", ',"', 1)  # line 4: the id is followed by an open quote
    (folder / "people.csv").write_text("".join(people))
    result = check_network(folder, AS_OF)
    first = str(result.warnings[0])
    assert first.startswith(f"{folder / 'people.csv'}:4: unclosed quote: lines 4-")
    # Every row from line 4 to the end is counted, none folded into a name.
    assert f"({len(people) - 3} rows)" in first
    assert result.skipped >= len(people) - 3


def test_nul_warning_names_the_line(tmp_path):
    folder = copy_sample(tmp_path)
    people = (folder / "people.csv").read_text().splitlines(keepends=True)
    people[9] = people[9].replace("a", "a\x00", 1)
    (folder / "people.csv").write_text("".join(people))
    result = check_network(folder, AS_OF)
    assert str(result.warnings[0]) == (f"{folder / 'people.csv'}:10: 1 NUL character removed "
                                       "(the file may have been saved with the wrong encoding)")
