"""Issue 11, items 2-4: a write never loses, rewrites or corrupts what it did not mean to change.

Every test goes through the real command line (``graphkit import linkedin ... --into``,
``graphkit init``) on a copy of the sample network with one defect a user's hand-edited files
really have, then compares the files byte for byte.
"""

from __future__ import annotations

import codecs
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.workspace.locate import sample_folder
from graphkit.workspace.transaction import pending

FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXPORT = FIXTURES / "linkedin_current.csv"
AS_OF = "2026-11-22"
#: The one person of the export already in the sample: the import merges her row on purpose.
PRIYA = b"p-priya-raman,Priya Raman,"


def network(tmp_path: Path) -> Path:
    folder = tmp_path / "net"
    shutil.copytree(sample_folder(), folder, ignore=shutil.ignore_patterns(
        "*.py", "exports", "__pycache__"))
    return folder


def run(*args: str):
    return CliRunner().invoke(main, ["--as-of", AS_OF, *map(str, args)])


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def append(path: Path, line: str) -> bytes:
    with path.open("a", newline="") as f:
        f.write(line)
    return line.encode()


def insert(path: Path, at: int, line: str) -> bytes:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(at - 1, line)
    path.write_text("".join(lines), encoding="utf-8", newline="")
    return line.encode()


def replace_line(path: Path, start: str, old: str, new: str) -> bytes:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[i] = lines[i].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8", newline="")
    return lines[i].encode()


def dangling_tie(folder: Path) -> tuple[str, bytes]:
    return "ties.csv", append(folder / "ties.csv",
                              "p-dana-whitfield,p-ghost,0.5,,2026-01-01,,manual,met at a fair\n")


def duplicate_id(folder: Path) -> tuple[str, bytes]:
    return "people.csv", append(folder / "people.csv", "p-priya-raman,Priya Again,,,,,,\n")


def skipped_row_before_the_real_one(folder: Path) -> tuple[str, bytes]:
    # An empty name skips this row; the real Priya comes later and is the one to change.
    return "people.csv", insert(folder / "people.csv", 2, "p-priya-raman,,,,,,,draft\n")


def strength_high(folder: Path) -> tuple[str, bytes]:
    return "ties.csv", replace_line(folder / "ties.csv", "p-dana-whitfield,p-priya-raman,",
                                    "p-priya-raman,,", "p-priya-raman,high,")


def bad_date(folder: Path) -> tuple[str, bytes]:
    return "ties.csv", replace_line(folder / "ties.csv", "p-priya-raman,p-fatima-anderson,",
                                    "2025-06-23", "last June")


def unknown_columns(folder: Path) -> tuple[str, bytes]:
    path = folder / "people.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",shoe size"] + [f"{line},{40 + i % 7}" for i, line in
                                         enumerate(lines[1:])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "people.csv", (lines[0] + "\n" + lines[1] + "\n").encode()


def crlf(folder: Path) -> tuple[str, bytes]:
    for path in folder.glob("*.csv"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    return "people.csv", (folder / "people.csv").read_bytes().split(b"\n")[0] + b"\n"


def bom(folder: Path) -> tuple[str, bytes]:
    for name in ("people.csv", "ties.csv", "employment.csv"):
        path = folder / name
        path.write_bytes(codecs.BOM_UTF8 + path.read_bytes())
    return "ties.csv", codecs.BOM_UTF8 + b"person_a,person_b,"


def cp1252(folder: Path) -> tuple[str, bytes]:
    # Excel on Windows saves "CSV" in cp1252: the file's bytes stay cp1252.
    path = folder / "people.csv"
    text = path.read_text(encoding="utf-8").replace("Chloe Morales", "Chloé Morales")
    path.write_bytes(text.encode("cp1252"))
    return "people.csv", "Chloé Morales".encode("cp1252")


DEFECTS: dict[str, Callable[[Path], tuple[str, bytes]]] = {
    "dangling tie": dangling_tie,
    "duplicate id": duplicate_id,
    "a skipped row before the real one": skipped_row_before_the_real_one,
    "strength=high": strength_high,
    "bad date": bad_date,
    "unknown columns": unknown_columns,
    "CRLF line ends": crlf,
    "BOM": bom,
    "cp1252": cp1252,
}


def lines_of(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


@pytest.mark.parametrize("defect", DEFECTS)
def test_import_changes_only_what_it_means_to(tmp_path, defect):
    folder = network(tmp_path)
    name, kept = DEFECTS[defect](folder)
    before = snapshot(folder)
    result = run("import", "linkedin", EXPORT, "--into", folder)
    assert result.exit_code == 0, result.output
    after = snapshot(folder)
    assert set(after) == set(before)
    assert kept in after[name]  # the defect is still there, byte for byte
    assert after["graphkit.toml"] == before["graphkit.toml"]
    for file in before:
        old, new = lines_of(before[file]), lines_of(after[file])
        # Every line is where it was; only Priya's row (merged) changes; new rows come last.
        changed = [(a, b) for a, b in zip(old, new, strict=False) if a != b]
        assert len(new) >= len(old), file
        for was, now in changed:
            assert file == "people.csv" and PRIYA in was and PRIYA in now, (file, was, now)
            # her row is patched cell by cell: what she had (unknown columns too) stays
            assert now.endswith(was.rsplit(b",", 1)[-1] if defect == "unknown columns"
                                else was[-2:]), (was, now)
    assert pending(folder) == []
    # The skipped rows were counted and reported, not silently dropped.
    if defect in ("dangling tie", "duplicate id", "a skipped row before the real one"):
        assert "row skipped" in result.stderr


def test_a_job_with_an_unreadable_start_date_keeps_it_when_it_ends(tmp_path):
    folder = network(tmp_path)
    row = "p-priya-raman,o-acme,Analyst,spring 2020,\n"
    append(folder / "employment.csv", row)
    result = run("import", "linkedin", EXPORT, "--into", folder)
    assert result.exit_code == 0, result.output
    text = (folder / "employment.csv").read_text(encoding="utf-8")
    # Priya now works at Initech: the Acme job ends today; its start stays as she wrote it.
    assert "p-priya-raman,o-acme,Analyst,spring 2020,2026-11-22\n" in text
    assert "p-priya-raman,o-initech," in text


def test_import_refuses_a_network_with_an_unclosed_quote_and_changes_nothing(tmp_path):
    folder = network(tmp_path)
    lines = (folder / "ties.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    lines[9] = lines[9].replace(",", ',"', 1)
    (folder / "ties.csv").write_text("".join(lines), encoding="utf-8")
    before = snapshot(folder)
    result = run("import", "linkedin", EXPORT, "--into", folder)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert f"{folder / 'ties.csv'}:10: unclosed quote: lines 10-" in result.stderr
    assert "nothing was changed" in result.stderr
    assert snapshot(folder) == before


def test_reimporting_the_same_file_changes_no_byte(tmp_path):
    folder = network(tmp_path)
    bom(folder)
    assert run("import", "linkedin", EXPORT, "--into", folder).exit_code == 0
    once = snapshot(folder)
    again = run("import", "linkedin", EXPORT, "--into", folder)
    assert again.exit_code == 0, again.output
    assert "0 imported + 4 merged" in again.stdout
    assert snapshot(folder) == once


README_TOML = """\
# Dana's job search network
me = "p-dana-whitfield"   # that is me

[strength]
half_life_days = 120
recency_floor = 0.4
stages = { advice = 0.7 }
sources = { teammate-export = 0.9 }

[search]
started = 2026-09-01   # a TOML date: graphkit does not use it, and keeps it
"""


def test_graphkit_toml_survives_an_import_unchanged(tmp_path):
    folder = network(tmp_path)
    (folder / "graphkit.toml").write_text(README_TOML, encoding="utf-8")
    result = run("import", "linkedin", EXPORT, "--into", folder)
    assert result.exit_code == 0, result.output
    assert (folder / "graphkit.toml").read_text(encoding="utf-8") == README_TOML
    # ... and it is still the file graphkit reads: the strength table is in effect
    scored = run("--data", folder, "path-to", "Initech", "--format", "json")
    assert scored.exit_code == 0, scored.output


def test_init_keeps_the_csvs_it_finds_and_says_so(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    people = sample_folder() / "people.csv"
    head = b"".join(lines_of(people.read_bytes())[:152])  # header + 151 people
    (folder / "people.csv").write_bytes(head)
    shutil.copy(sample_folder() / "ties.csv", folder / "ties.csv")
    before = snapshot(folder)
    result = run("init", folder, "--me", "Dana Whitfield")
    assert result.exit_code == 0, result.output
    assert "found in people.csv" in result.stdout
    assert "left alone: people.csv, ties.csv" in result.stdout
    after = snapshot(folder)
    assert after["people.csv"] == before["people.csv"]
    assert len(lines_of(after["people.csv"])) == 152
    assert after["ties.csv"] == before["ties.csv"]
    assert after["graphkit.toml"] == b'me = "p-dana-whitfield"\n'
    # Again: init refuses (the folder holds a network now) and changes nothing.
    again = run("init", folder, "--me", "Someone Else")
    assert again.exit_code == 1 and "already holds a network" in again.stderr
    assert snapshot(folder) == after


def test_init_adds_a_new_me_to_people_csv_and_touches_nothing_else(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    shutil.copy(sample_folder() / "people.csv", folder / "people.csv")
    shutil.copy(sample_folder() / "ties.csv", folder / "ties.csv")
    before = snapshot(folder)
    result = run("init", folder, "--me", "Robin Quist")
    assert result.exit_code == 0, result.output
    assert "you were added to people.csv" in result.stdout
    after = snapshot(folder)
    width = before["people.csv"].split(b"\n")[0].count(b",") - 1  # the sample's columns
    assert after["people.csv"] == before["people.csv"] + b"p-robin-quist,Robin Quist" + (
        b"," * width) + b"\n"
    assert after["ties.csv"] == before["ties.csv"]


@pytest.mark.parametrize("encoding", ["cp1252", "utf-8-sig"])
def test_init_adding_me_keeps_the_files_encoding(tmp_path, encoding):
    folder = tmp_path / "net"
    folder.mkdir()
    text = (sample_folder() / "people.csv").read_text(encoding="utf-8").replace(
        "Chloe Morales", "Chloé Morales").replace("\n", "\r\n")
    (folder / "people.csv").write_bytes(text.encode(encoding))
    result = run("init", folder, "--me", "Zoë Quist")
    assert result.exit_code == 0, result.output
    assert (folder / "people.csv").read_bytes() == (
        text + "p-zoe-quist,Zoë Quist" + "," * (text.split("\r\n")[0].count(",") - 1)
        + "\r\n").encode(encoding)


def test_init_refuses_a_people_csv_with_an_unclosed_quote(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "people.csv").write_text('id,name\np-ann,"Ann\np-bo,Bo\n', encoding="utf-8")
    before = snapshot(folder)
    result = run("init", folder, "--me", "Dana Whitfield")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{folder / 'people.csv'}:2: unclosed quote: lines 2-3" in result.stderr
    assert snapshot(folder) == before  # nothing made, nothing changed
