"""The columnar loader reads exactly what read_network reads; the cache is keyed by content."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import numpy as np
import pytest

from graphkit.analysis.paths import path_to
from graphkit.errors import InputError
from graphkit.io.fastload import read_columns
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.model.columns import NetworkColumns, columns_of
from graphkit.workspace import open_store
from graphkit.workspace.cache import CACHE_DIR, FORMAT, open_columns
from networks import AS_OF

ROOT = Path(__file__).resolve().parent.parent


def assert_columns_equal(x: NetworkColumns, y: NetworkColumns) -> None:
    for f in fields(x):
        a, b = getattr(x, f.name), getattr(y, f.name)
        if isinstance(a, np.ndarray):
            assert a.dtype == b.dtype and np.array_equal(a, b, equal_nan=True), f.name
        else:
            assert list(a) == list(b) if isinstance(a, list) else a == b, f.name


def reference(folder: Path) -> tuple[NetworkColumns, list]:
    problems = Problems()
    return columns_of(read_network(folder, problems)), problems.items


def test_clean_folder_reads_like_read_network(sample_dir):
    problems = Problems()
    assert_columns_equal(read_columns(sample_dir, problems), reference(sample_dir)[0])
    assert problems.items == []


DIRTY = {
    "people.csv": "id,name,shoe\nme,Me,42\nann,Ann,41\nann,Ann Again,40\nbo,,39\n",
    "ties.csv": ("person_a,person_b,strength,stage,last_contact,interactions,notes\n"
                 "me,ann,0.5,advice,2026-01-02,3,met at a fair\nme,zed,,,,,\n"
                 "ann,me,,,,,\nme,me,,,,,\nme,ann,2,,,,\n"),
    "employment.csv": "person_id,org_id,title,start,end\nann,acme,CFO,2020-01-01,soon\n",
    "groups.csv": "person_id,group\nann,Chess\nann,Chess\n",
}


@pytest.mark.parametrize("broken", sorted(DIRTY))
def test_a_file_with_problems_gives_the_reference_warnings(sample_dir, broken):
    (sample_dir / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    if broken != "people.csv":  # the people the broken file names
        with open(sample_dir / "people.csv", "a", encoding="utf-8") as handle:
            handle.write("me,Me\nann,Ann Extra\n")
    (sample_dir / broken).write_text(DIRTY[broken], encoding="utf-8")
    expected, warnings = reference(sample_dir)
    problems = Problems()
    assert_columns_equal(read_columns(sample_dir, problems), expected)
    assert problems.items == warnings and warnings


def test_semicolons_quotes_and_extra_columns_read_alike(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text(
        'ID;Name;Title;Shoe\r\nme;Me;"Boss; Chief";42\r\nann; Ann Lee ;"Line\r\nTwo";\r\n',
        encoding="utf-8")
    (folder / "ties.csv").write_text("person_a;person_b;stage;note x\nme;ann;ADVICE; hi \n",
                                     encoding="utf-8")
    problems = Problems()
    got = read_columns(folder, problems)
    assert_columns_equal(got, reference(folder)[0])
    assert got.person_text["name"] == ["Ann Lee", "Me"] and problems.items == []


# Files the pyarrow reader takes, or must hand to the csv module, each compared with the
# reference reader: padding (ASCII and Unicode spaces str.strip removes), empty values, extra
# columns, tabs, a quote, a carriage return, a short row, a blank line, a bad byte.
ODD_TIES = {
    "plain": "person_a,person_b,stage,notes\nme,ann,advice,\nme,bo,,hello\n",
    "padded": "person_a,person_b,stage,notes\n me ,ann\u3000,\x1cadvice, hi \nme,bo,,\n",
    "nbsp": "person_a,person_b,stage,notes\nme,\xa0ann,advice,x\xa0\nme,bo,,\n",
    "extra-columns": "person_a,person_b,stage,shoe,\nme,ann,advice, 42 ,z\nme,bo,,,\n",
    "tabs": "person_a\tperson_b\tstage\nme\tann\tadvice\nme\tbo\t\n",
    "quoted": 'person_a,person_b,stage,notes\nme,ann,advice,"a, b"\nme,bo,,\n',
    "crlf": "person_a,person_b,stage\r\nme,ann,advice\r\nme,bo,\r\n",
    "short-row": "person_a,person_b,stage\nme,ann,advice\nme,bo\n",
    "blank-line": "person_a,person_b,stage\nme,ann,advice\n\nme,bo,\n",
    "no-final-newline": "person_a,person_b,stage\nme,ann,advice\nme,bo,",
    "unknown-id": "person_a,person_b,stage\nme,ann,advice\nme,zed,\n",
    "bad-stage": "person_a,person_b,stage\nme,ann,Advice\nme,bo,wizard\n",
}


@pytest.mark.parametrize("case", sorted(ODD_TIES))
def test_the_pyarrow_reader_or_its_fallback_reads_like_the_reference(tmp_path, case,
                                                                    monkeypatch):
    monkeypatch.setattr("graphkit.io.bulk.ARROW_MIN_BYTES", 0)  # small files too
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text("id,name\nme,Me\nann,Ann\nbo,Bo\n", encoding="utf-8")
    (folder / "ties.csv").write_text(ODD_TIES[case], encoding="utf-8")
    expected, warnings = reference(folder)
    problems = Problems()
    assert_columns_equal(read_columns(folder, problems), expected)
    assert problems.items == warnings


def test_a_non_utf8_byte_reads_like_the_reference(tmp_path, monkeypatch):
    monkeypatch.setattr("graphkit.io.bulk.ARROW_MIN_BYTES", 0)
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_bytes(b"id,name\nme,Me\nann,Ann \xe9\n")
    (folder / "ties.csv").write_bytes(b"person_a,person_b\nme,ann\n")
    expected, warnings = reference(folder)
    problems = Problems()
    assert_columns_equal(read_columns(folder, problems), expected)
    assert problems.items == warnings


def test_the_pyarrow_reader_takes_a_clean_file(tmp_path):
    """The fast path is really taken for a clean file (and not for a quoted one)."""
    from graphkit.io.bulk import _arrow_table
    from graphkit.io.network import TIES

    path = tmp_path / "ties.csv"
    path.write_text("person_a,person_b,stage\nme,ann,advice\n", encoding="utf-8")
    table = _arrow_table(path, TIES)
    assert table is not None and table.get("person_b") == ["ann"]
    path.write_text('person_a,person_b,stage\nme,ann,"advice"\n', encoding="utf-8")
    assert _arrow_table(path, TIES) is None


def test_errors_are_the_reference_errors(tmp_path):
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text("id,nom\nme,Me\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing required column 'name'"):
        read_columns(folder)


def test_cache_is_private_reused_and_keyed_by_content(sample_dir):
    first = open_columns(sample_dir)[0]
    cache = sample_dir / CACHE_DIR
    assert stat.S_IMODE(os.stat(cache).st_mode) == 0o700
    for path in cache.rglob("*"):
        assert stat.S_IMODE(os.stat(path).st_mode) == (0o700 if path.is_dir() else 0o600)
    index = json.loads((cache / "index.json").read_text(encoding="utf-8"))
    # Touched but unchanged: the content hash keeps the cache.
    os.utime(sample_dir / "ties.csv", ns=(1, 1))
    assert_columns_equal(open_columns(sample_dir)[0], first)
    assert json.loads((cache / "index.json").read_text(encoding="utf-8"))["file"] == (
        index["file"])
    # Changed: rebuilt, and the old cache file is gone.
    with open(sample_dir / "people.csv", "a", encoding="utf-8") as handle:
        handle.write("zz-new,Zoe New\n")
    again = open_columns(sample_dir)[0]
    assert again.person_ids[-1] == "zz-new"
    assert len(list(cache.glob("columns-*"))) == 1


def test_cached_warnings_are_shown_again_and_me_is_read_fresh(sample_dir):
    with open(sample_dir / "introductions.csv", "a", encoding="utf-8") as handle:
        handle.write("nobody,me,me,2026-01-01\n")
    first, second = Problems(), Problems()
    open_columns(sample_dir, first)
    cols, _ = open_columns(sample_dir, second)
    assert second.items == first.items and first.items
    with pytest.raises(InputError):
        open_columns(sample_dir, Problems(strict=True))
    (sample_dir / "graphkit.toml").write_text('me = "nobody-here"\n', encoding="utf-8")
    with pytest.raises(Exception, match="nobody-here"):
        open_columns(sample_dir)


def test_array_backend_answers_path_to_like_memory(sample_dir):
    memory = open_store(sample_dir, "memory", AS_OF)
    for _ in range(2):  # cold, then from the cache
        array = open_store(sample_dir, "array", AS_OF)
        for org in ("Acme Corp", "Initech"):
            for hops in (1, 2, 3):
                assert path_to(array, org, hops) == path_to(memory, org, hops)


def test_benchmark_smoke_1k(tmp_path):
    """generate + run at 1k, both engines, answers compared (no timing assertions)."""
    out = tmp_path / "r.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--size", "1k",
                           "--data", str(tmp_path / "net"), "--json", str(out),
                           "--baseline", "partial"], capture_output=True, text=True,
                          check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    for key in ("size", "load_cold_s", "load_cold_cpu_s", "load_warm_s", "path_to_ms_p50",
                "path_to_ms_p99", "reach_s", "weak_ties_ms", "peak_rss_mb", "baseline"):
        assert key in result
    assert result["answers_identical"] is True and result["queries"] >= 50
    assert "answers identical: yes" in done.stdout


# --- the cache is versioned, and a damaged one is rebuilt, never trusted ---------------------


def _cache_folder(network: Path) -> Path:
    cache = network / CACHE_DIR
    return cache / json.loads((cache / "index.json").read_text(encoding="utf-8"))["file"]


def _largest_array(network: Path) -> Path:
    return max(_cache_folder(network).glob("*.npy"), key=lambda p: p.stat().st_size)


def _reopened_like_fresh(network: Path) -> None:
    """The damaged cache is not used: the answer is the CSV files', and a new cache is
    written that the next run reads."""
    expected = reference(network)[0]
    cols, _ = open_columns(network)
    assert_columns_equal(cols, expected)
    again, _ = open_columns(network)
    assert_columns_equal(again, expected)
    assert open_store(network, "array", AS_OF).me().id == expected.me


def test_a_truncated_cache_file_is_rebuilt(sample_dir):
    open_columns(sample_dir)
    victim = _largest_array(sample_dir)
    size = victim.stat().st_size
    with open(victim, "r+b") as handle:
        handle.truncate(size // 2)
    _reopened_like_fresh(sample_dir)
    assert _largest_array(sample_dir).stat().st_size == size


def test_a_flipped_bit_in_a_cache_file_is_rebuilt(sample_dir):
    open_columns(sample_dir)
    victim = _cache_folder(sample_dir) / "index_neighbor.npy"
    raw = bytearray(victim.read_bytes())
    raw[-5] ^= 0x10  # a neighbour index still in range: only the checksum can tell
    victim.write_bytes(bytes(raw))
    _reopened_like_fresh(sample_dir)
    assert (_cache_folder(sample_dir) / "index_neighbor.npy").read_bytes() != bytes(raw)


@pytest.mark.parametrize("damage", ["empty-index", "garbage-index", "list-index",
                                    "missing-folder", "missing-meta", "garbage-meta",
                                    "missing-array", "empty-array", "outside-folder",
                                    "path-in-array-name"])
def test_a_broken_cache_is_rebuilt_not_a_traceback(sample_dir, damage):
    open_columns(sample_dir)
    cache = sample_dir / CACHE_DIR
    folder = _cache_folder(sample_dir)
    index = cache / "index.json"
    if damage == "empty-index":
        index.write_bytes(b"")
    elif damage == "garbage-index":
        index.write_bytes(b"\x00\xff{not json")
    elif damage == "list-index":
        index.write_text("[1, 2]", encoding="utf-8")
    elif damage == "missing-folder":
        import shutil

        shutil.rmtree(folder)
    elif damage == "missing-meta":
        (folder / "meta.json").unlink()
    elif damage == "garbage-meta":
        (folder / "meta.json").write_text('{"format": 2, "arrays": 7}', encoding="utf-8")
    elif damage == "missing-array":
        _largest_array(sample_dir).unlink()
    elif damage == "empty-array":
        _largest_array(sample_dir).write_bytes(b"")
    elif damage == "path-in-array-name":
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        meta["arrays"]["../../../people"] = [1, 2, 3, 4]
        (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    elif damage == "outside-folder":
        meta = json.loads(index.read_text(encoding="utf-8"))
        meta["file"] = "../../people.csv"
        index.write_text(json.dumps(meta), encoding="utf-8")
    _reopened_like_fresh(sample_dir)


def test_an_old_format_cache_is_discarded_and_rebuilt(sample_dir):
    """A format-1 cache (one .npz file, which a killed run could leave truncated) is never
    read: the files are read again and the old cache file removed."""
    cache = sample_dir / CACHE_DIR
    cache.mkdir(parents=True)
    old = cache / "columns-0123456789abcdef.npz"
    old.write_bytes(b"PK\x03\x04 truncated")  # the truncated .npz of issue 11
    from graphkit.workspace.cache import digests, fingerprint

    (cache / "index.json").write_text(json.dumps(
        {"format": 1, "fingerprint": fingerprint(sample_dir), "digests": digests(sample_dir),
         "file": old.name}), encoding="utf-8")
    _reopened_like_fresh(sample_dir)
    assert not old.exists()
    assert json.loads((cache / "index.json").read_text(encoding="utf-8"))["format"] == FORMAT


def test_a_cache_whose_shapes_disagree_is_rebuilt(sample_dir):
    """Checksums that match but arrays that do not fit together (another program's cache, or
    a bug) are not used either."""
    from graphkit.workspace.cache import checksum

    open_columns(sample_dir)
    folder = _cache_folder(sample_dir)
    victim = folder / "tie_b.npy"
    np.save(victim, np.load(victim)[:-1])
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["arrays"]["tie_b"] = checksum(victim)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _reopened_like_fresh(sample_dir)


def test_cli_runs_on_a_corrupt_cache(sample_dir):
    """End to end: the command answers, with no traceback, after the cache was damaged."""
    from click.testing import CliRunner

    from graphkit.cli.main import main

    runner = CliRunner()
    args = ["--data", str(sample_dir), "--as-of", "2026-11-22", "--backend", "array",
            "path-to", "Acme Corp"]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    with open(_largest_array(sample_dir), "r+b") as handle:
        handle.truncate(100)
    again = runner.invoke(main, args)
    assert again.exit_code == 0 and again.output == first.output


def test_every_character_str_strip_removes_is_seen_by_the_pyarrow_reader():
    """The byte-level padding check flags every character ``str.isspace`` knows, at either
    end, and nothing inside a value."""
    import pyarrow as pa

    from graphkit.io.bulk import _padded

    spaces = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    for c in spaces:
        assert _padded(pa.array(["ok", c + "x"])) and _padded(pa.array([f"x{c}", "ok"])), c
        assert not _padded(pa.array([f"x{c}y", "é", "日本"]))


# --- a warm open trusts only the very files it verified; strengths kept per date ------------


def test_a_warm_open_reads_no_checksum_but_a_rewritten_file_is_verified(sample_dir,
                                                                      monkeypatch):
    """The checksums run when the cache is written and when a file is not the one verified
    (its size, mtime, ctime or inode changed): a flipped bit whose mtime was put back is
    still found, because the change time cannot be put back."""
    import graphkit.workspace.cache as cache_module
    import graphkit.workspace.cache_files as cache_files

    open_columns(sample_dir)
    calls: list[str] = []
    real = cache_files.checksum
    counted = lambda path: calls.append(path.name) or real(path)  # noqa: E731
    for module in (cache_module, cache_files):  # every caller's name for it
        monkeypatch.setattr(module, "checksum", counted)
    open_columns(sample_dir)
    assert calls == []  # trusted: no page of the cache read to check it
    victim = _cache_folder(sample_dir) / "index_neighbor.npy"
    before = victim.stat()
    raw = bytearray(victim.read_bytes())
    raw[-5] ^= 0x10
    victim.write_bytes(bytes(raw))
    os.utime(victim, ns=(before.st_atime_ns, before.st_mtime_ns))
    _reopened_like_fresh(sample_dir)
    assert "index_neighbor.npy" in calls


def test_strengths_are_kept_per_date_and_settings(sample_dir):
    from datetime import date

    from graphkit.workspace.cache import open_array_store

    def kept() -> list[str]:
        return sorted(p.name for p in _cache_folder(sample_dir).glob("strength-*.npy"))

    fresh = open_store(sample_dir, "array", AS_OF)
    assert len(kept()) == 1
    again = open_array_store(sample_dir, None, AS_OF)
    assert np.array_equal(again.strength, fresh.strength)
    assert isinstance(again.strength, np.memmap) or again.strength.base is not None
    first = kept()
    later = open_array_store(sample_dir, None, date(2027, 6, 1))
    assert kept() != first and len(kept()) == 1  # one date at a time
    assert not np.array_equal(later.strength, fresh.strength)
    (sample_dir / "graphkit.toml").write_text(
        (sample_dir / "graphkit.toml").read_text(encoding="utf-8")
        + "\n[strength.stages]\nreferral = 0.5\n", encoding="utf-8")
    tuned = open_array_store(sample_dir, None, date(2027, 6, 1))
    assert not np.array_equal(tuned.strength, later.strength)
    # A damaged strengths file is computed again, not used.
    victim = _cache_folder(sample_dir) / kept()[0]
    raw = bytearray(victim.read_bytes())
    raw[-3] ^= 0x40
    victim.write_bytes(bytes(raw))
    assert np.array_equal(open_array_store(sample_dir, None, date(2027, 6, 1)).strength,
                          tuned.strength)


# --- organizations as columns; the big columns read unchecked --------------------------------

ODD_ORGANIZATIONS = {
    "aliases": ("id,name,aliases,industry,location\n"
                "acme,Acme Corp, Acme Inc ; ACME;;  ,software,Boston\n"
                "init,Initech,,,\nhooli,Hooli,Hooli XYZ,search,\n"),
    "padded-and-extra": ("id,name,industry,size\n acme ,\u00a0Acme Corp,software , 12 \n"
                         "init,Initech,, \n"),
    "duplicate-id": "id,name\nacme,Acme Corp\nacme,Acme Again\ninit,Initech\n",
    "empty-name": "id,name\nacme,Acme Corp\ninit,\n",
    "quoted": 'id,name,aliases\nacme,"Acme, Corp","A;B"\ninit,Initech,\n',
    "header-only": "id,name\n",
    "bom": "\ufeffid,name\nacme,Acme Corp\ninit,Initech\n",
}


@pytest.mark.parametrize("arrow", [False, True], ids=["csv-module", "pyarrow"])
@pytest.mark.parametrize("case", sorted(ODD_ORGANIZATIONS))
def test_organizations_read_as_columns_like_the_reference(tmp_path, case, arrow, monkeypatch):
    """Organizations are read by the column reader (aliases split and stripped as the
    reference does), or by the reference parser with its warnings when the file is odd."""
    if arrow:
        monkeypatch.setattr("graphkit.io.bulk.ARROW_MIN_BYTES", 0)
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text("id,name\nme,Me\nann,Ann\n", encoding="utf-8")
    (folder / "organizations.csv").write_text(ODD_ORGANIZATIONS[case], encoding="utf-8")
    (folder / "employment.csv").write_text("person_id,org_id\nann,init\n", encoding="utf-8")
    (folder / "ties.csv").write_text("person_a,person_b\nme,ann\n", encoding="utf-8")
    expected, warnings = reference(folder)
    problems = Problems()
    got = read_columns(folder, problems)
    assert_columns_equal(got, expected)
    assert problems.items == warnings
    assert list(got.organizations) == list(read_network(folder).organizations.values())
    again, _ = open_columns(folder)  # written to the cache as columns and read back
    again, _ = open_columns(folder)
    assert list(again.organizations) == list(got.organizations)


def test_padded_values_in_the_unchecked_columns_read_like_the_reference(tmp_path,
                                                                        monkeypatch):
    """Ids, dates, stages, groups and notes that pyarrow reads without the padding check are
    stripped per distinct value, or not found among the ids (then the reference reads the
    folder): either way the columns and warnings are the reference's."""
    monkeypatch.setattr("graphkit.io.bulk.ARROW_MIN_BYTES", 0)
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text("id,name,title\nme,Me,Boss\nann,Ann,Chef\nbo,Bo,\n",
                                       encoding="utf-8")
    (folder / "organizations.csv").write_text("id,name\nacme,Acme\n", encoding="utf-8")
    (folder / "ties.csv").write_text(
        "person_a,person_b,strength,stage,last_contact,interactions,source,notes\n"
        "me,ann, 0.5,Advice ,2026-01-02 , 3,\u3000own-export, met \n"
        "me,bo,,,,,own-export,\u00a0\n", encoding="utf-8")
    (folder / "groups.csv").write_text("person_id,group\nme, Chess\nann,Chess \nbo,Go\n",
                                       encoding="utf-8")
    (folder / "employment.csv").write_text(
        "person_id,org_id,title,start,end\nann,acme, Cook ,2020-01-01 , \n", encoding="utf-8")
    expected, warnings = reference(folder)
    problems = Problems()
    got = read_columns(folder, problems)
    assert_columns_equal(got, expected)
    assert problems.items == warnings == []
    assert got.tie_notes == {0: "met"} and got.group_names == ["Chess", "Go"]
    (folder / "ties.csv").write_text("person_a,person_b\nme, ann\n", encoding="utf-8")
    expected, warnings = reference(folder)
    assert_columns_equal(read_columns(folder, problems), expected)


def test_text_columns_read_by_pyarrow_are_kept_as_bytes(tmp_path, monkeypatch):
    """Names, titles and other text pyarrow read are not made into a million Python strings:
    they stay NUL-separated bytes (decoded one value at a time when shown)."""
    from graphkit.model.columns import LazyStrings

    monkeypatch.setattr("graphkit.io.bulk.ARROW_MIN_BYTES", 0)
    folder = tmp_path / "net"
    folder.mkdir()
    (folder / "graphkit.toml").write_text('me = "me"\n', encoding="utf-8")
    (folder / "people.csv").write_text(
        "id,name,title\nme,Me,\nzoë,Zoë Ørsted,Chef de cuisine\nann,Ann,\u65e5\u672c\n",
        encoding="utf-8")
    (folder / "ties.csv").write_text("person_a,person_b\nme,ann\nzoë,me\n", encoding="utf-8")
    got = read_columns(folder)
    assert isinstance(got.person_text["name"], LazyStrings)
    assert got.person_ids == ["ann", "me", "zoë"]
    assert got.person_text["name"][2] == "Zoë Ørsted" and got.person_text["title"][0] == "日本"
    assert_columns_equal(got, reference(folder)[0])


def test_a_format_2_cache_is_rebuilt(sample_dir):
    """A cache of the previous format (organizations as JSON records) is not read."""
    open_columns(sample_dir)
    index = sample_dir / CACHE_DIR / "index.json"
    meta = json.loads(index.read_text(encoding="utf-8"))
    meta["format"] = 2
    index.write_text(json.dumps(meta), encoding="utf-8")
    _reopened_like_fresh(sample_dir)
    assert json.loads(index.read_text(encoding="utf-8"))["format"] == FORMAT == 3


def test_a_cache_whose_organization_columns_disagree_is_rebuilt(sample_dir):
    """An organization column of another length (with a matching checksum), or one missing
    from the cache's list, is not used: the cache is rebuilt from the files."""
    from graphkit.workspace.cache import checksum

    open_columns(sample_dir)
    folder = _cache_folder(sample_dir)
    count = folder / "organization_names_count.npy"
    np.save(count, np.load(count) - 1)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["arrays"]["organization_names_count"] = checksum(count)
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _reopened_like_fresh(sample_dir)
    folder = _cache_folder(sample_dir)
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    meta["org_present"].remove("names")
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    _reopened_like_fresh(sample_dir)


def test_lazy_strings_read_one_by_one_are_decoded_after_a_while():
    """A value asked for alone is cut out of the bytes; a caller that asks for many gets them
    all decoded once (so reading every id one by one costs about twice a list, not ten
    times), and every answer is the list's."""
    from graphkit.model.columns import LazyStrings

    values = [f"p{k:05d}-é" for k in range(5000)]
    lazy = LazyStrings(np.frombuffer("\x00".join(values).encode("utf-8"), dtype=np.uint8),
                       len(values))
    assert lazy[3] == values[3] and lazy[-1] == values[-1] and lazy._values is None
    assert [lazy[k] for k in range(len(values))] == values
    assert lazy._values is not None and lazy == values
