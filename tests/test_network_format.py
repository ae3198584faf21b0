"""The network folder format: reading, writing back, and every kind of bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graphkit.errors import ConfigError, InputError
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.workspace.write import write_network

HEADERS = {
    "people.csv": "id,name\nme,Dana Whitfield\nann,Ann Lee\nbo,Bo Diaz\n",
    "organizations.csv": "id,name,aliases\nacme,Acme Corp,Acme Widgets;ACME\n",
    "employment.csv": "person_id,org_id,title,start,end\nbo,acme,CFO,2020-03,\n",
    "ties.csv": "person_a,person_b,strength,stage,last_contact\nme,ann,,advice,2026-10-01\n"
                "ann,bo,0.8,,\n",
}


def make(folder: Path, **files: str) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "graphkit.toml").write_text('me = "me"\n')
    for name, text in {**HEADERS, **{k.replace("_", ".", 1) if "." not in k else k: v
                                     for k, v in files.items()}}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def write(folder: Path, name: str, data: str | bytes) -> None:
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def test_reads_a_minimal_network(tmp_path):
    net = read_network(make(tmp_path / "n"))
    assert net.me == "me" and sorted(net.people) == ["ann", "bo", "me"]
    assert net.organizations["acme"].aliases == ("Acme Widgets", "ACME")
    assert net.employment[0].start == date(2020, 3, 1) and net.employment[0].current
    assert [t.strength for t in net.ties] == [None, 0.8]


def test_round_trip_keeps_extra_columns(tmp_path):
    folder = make(tmp_path / "n")
    write(folder, "people.csv", "id,name,shoe size\nme,Dana,42\nann,Ann,\nbo,Bo,39\n")
    net = read_network(folder)
    out = tmp_path / "out"
    write_network(out, net)
    assert (out / "people.csv").read_text().splitlines()[0] == (
        "id,name,email,linkedin_url,title,location,notes,tags,shoe size")
    assert read_network(out) == net
    assert oct((out / "people.csv").stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_excel_encodings_and_crlf(tmp_path, encoding):
    folder = make(tmp_path / "n")
    text = "id,name\r\nme,Dana\r\nann,Zoë Ólafsdóttir\r\nbo,Bo\r\n"
    write(folder, "people.csv", text.encode(encoding))
    assert read_network(folder).people["ann"].name == "Zoë Ólafsdóttir"


def test_quoted_newlines_keep_line_numbers(tmp_path):
    folder = make(tmp_path / "n")
    write(folder, "people.csv", 'id,name,notes\nme,Dana,"two\nlines"\nann,Ann,\nann,Again,\n'
                                "bo,Bo,\n")
    problems = Problems()
    net = read_network(folder, problems)
    assert net.people["me"].notes == "two\nlines"
    assert [str(p) for p in problems] == [
        f"{folder / 'people.csv'}:5: column id: duplicate id 'ann' (first on line 4); row "
        "skipped (give each row its own id)"]


def test_missing_required_column_names_file_line_and_column(tmp_path):
    folder = make(tmp_path / "n", ties_csv="person_a,strength\nme,0.5\n")
    with pytest.raises(InputError) as info:
        read_network(folder)
    assert (info.value.path, info.value.line, info.value.column) == (
        str(folder / "ties.csv"), 1, "person_b")
    assert "missing required column 'person_b'" in str(info.value)


def test_missing_files(tmp_path):
    folder = make(tmp_path / "n")
    (folder / "ties.csv").unlink()
    assert read_network(folder).ties == []  # optional files may be absent
    (folder / "people.csv").unlink()
    with pytest.raises(InputError, match="missing people.csv"):
        read_network(folder)
    with pytest.raises(InputError, match="not a network folder"):
        read_network(tmp_path / "nowhere")
    (folder / "graphkit.toml").unlink()
    with pytest.raises(InputError, match="missing graphkit.toml"):
        read_network(folder)


def test_me_must_be_a_person(tmp_path):
    folder = make(tmp_path / "n")
    (folder / "graphkit.toml").write_text('me = "nobody"\n')
    with pytest.raises(ConfigError, match='me = "nobody" is not an id in people.csv'):
        read_network(folder)


def test_bad_ties_are_counted_and_reported(tmp_path):
    folder = make(tmp_path / "n", ties_csv=(
        "person_a,person_b,strength,stage,last_contact,interactions\n"
        "me,ann,,advice,2026-10-01,3\n"     # 2 fine
        "me,zed,,,,\n"                      # 3 unknown person
        "ann,ann,,,,\n"                     # 4 self-tie
        "ann,me,,,,\n"                      # 5 duplicate of line 2
        "ann,bo,1.5,,,\n"                   # 6 strength outside (0, 1]
        "me,bo,high,frenemy,31/02/2026,x\n"  # 7 four bad values, tie kept
    ))
    problems = Problems()
    net = read_network(folder, problems)
    assert [t.key for t in net.ties] == [("ann", "me"), ("ann", "bo"), ("bo", "me")]
    assert [(p.line, p.column, p.skipped) for p in problems] == [
        (3, "person_b", True), (4, "person_b", True), (5, "person_a", True),
        (6, "strength", False), (7, "strength", False), (7, "stage", False),
        (7, "last_contact", False), (7, "interactions", False)]
    assert "strength '1.5' is not a number in (0, 1]" in problems.items[3].message


@pytest.mark.parametrize("value", ["0", "-1", "NaN", "1.5", "high"])
def test_strict_turns_a_bad_strength_into_an_error(tmp_path, value):
    folder = make(tmp_path / "n", ties_csv=f"person_a,person_b,strength\nme,ann,{value}\n")
    with pytest.raises(InputError) as info:
        read_network(folder, Problems(strict=True))
    assert (info.value.line, info.value.column) == (2, "strength")
    assert "--strict" in str(info.value)


def test_unreadable_end_date_skips_the_job(tmp_path):
    folder = make(tmp_path / "n", employment_csv="person_id,org_id,end\nbo,acme,last spring\n")
    problems = Problems()
    assert read_network(folder, problems).employment == []
    assert sum(p.skipped for p in problems) == 1


def test_too_many_values_is_skipped_with_advice(tmp_path):
    folder = make(tmp_path / "n")
    write(folder, "people.csv", "id,name\nme,Dana\nann,Lee, Ann\nbo,Bo\n")
    problems = Problems()
    assert "ann" not in read_network(folder, problems).people
    assert "quote values that contain commas" in str(problems.items[0])


def test_empty_and_invalid_files(tmp_path):
    folder = make(tmp_path / "n", groups_csv="")
    assert read_network(folder).memberships == []  # an emptied file reads like a missing one
    make(folder, people_csv="")
    with pytest.raises(InputError, match="the file is empty"):
        read_network(folder)
    make(folder, groups_csv="person_id,group\n")
    (folder / "graphkit.toml").write_text("me = \n")
    with pytest.raises(InputError, match="invalid TOML"):
        read_network(folder)


def test_settings_are_read_in_one_place(tmp_path):
    from graphkit.io.settings import find_settings, neo4j_table, read_settings

    folder = make(tmp_path / "n")
    (folder / "graphkit.toml").write_text('me = "me"\n[strength]\nhalf_life_days = 90\n'
                                          '[neo4j]\nuri = "bolt://db:7687"\n')
    settings = read_settings(folder)
    assert (settings.me, settings.smtp, settings.path) == ("me", None,
                                                           folder / "graphkit.toml")
    assert settings.strength_model().half_life_days == 90
    assert neo4j_table(folder) == {"uri": "bolt://db:7687"}
    assert read_network(folder).settings == settings.raw == {
        "strength": {"half_life_days": 90}, "neo4j": {"uri": "bolt://db:7687"}}
    (folder / "graphkit.toml").write_text('me = "me"\n[smtp\n')
    with pytest.raises(InputError, match=r"graphkit.toml: invalid TOML .*line 2"):
        read_settings(folder)
    (folder / "graphkit.toml").unlink()
    assert find_settings(folder) is None and neo4j_table(folder) is None
    with pytest.raises(InputError, match="missing graphkit.toml"):
        read_settings(folder)
