"""A change to a network is all-or-nothing across files; rows nobody meant to change stay."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from graphkit.io.patch import patch_table, raw_records
from graphkit.workspace.transaction import (
    COMMIT,
    STATE_DIR,
    WriteError,
    commit_files,
    make_private_dir,
    pending,
    recover,
    write_private,
)


def key(row):
    return (row["id"],)


def test_patch_keeps_unknown_rows_columns_and_formatting():
    text = ('id;name;Shoe size\r\n1;"Ann";42\r\n1;Dup;1\r\n;nameless;\r\n'
            '2;Bo;="=cmd"\r\n"3";"Cy, Jr.";\r\n')
    before = [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bo"},
              {"id": "3", "name": "Cy, Jr."}]
    after = [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bob"},
             {"id": "3", "name": "Cy, Jr."}, {"id": "4", "name": "Di"}]
    out = patch_table(text, ";", before, after, key, ["id", "name"])
    assert out == ('id;name;Shoe size\r\n1;"Ann";42\r\n1;Dup;1\r\n;nameless;\r\n'
                   '2;Bob;"=""=cmd"""\r\n"3";"Cy, Jr.";\r\n4;Di;\r\n')


def test_patch_removes_only_what_after_drops():
    text = "id,name\n1,Ann\n2,Bo\n"
    out = patch_table(text, ",", [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bo"}],
                      [{"id": "2", "name": "Bo"}], key, ["id", "name"])
    assert out == "id,name\n2,Bo\n"


def test_patch_adds_a_column_to_the_header_only_when_used():
    text = "id,name\n1,Ann\n"
    out = patch_table(text, ",", [{"id": "1", "name": "Ann"}],
                      [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bo", "email": "b@x"}],
                      key, ["id", "name", "email"])
    assert out == "id,name,email\n1,Ann\n2,Bo,b@x\n"


def test_patch_appends_after_a_last_line_without_newline():
    out = patch_table("id,name\n1,Ann", ",", [{"id": "1", "name": "Ann"}],
                      [{"id": "1", "name": "Ann"}, {"id": "2", "name": "Bo"}], key,
                      ["id", "name"])
    assert out == "id,name\n1,Ann\n2,Bo\n"


def test_raw_records_keep_an_unclosed_quote_as_text():
    records = raw_records('id,name\n1,"Ann\n2,Bo\n', ",")
    assert "".join(r.text for r in records) == 'id,name\n1,"Ann\n2,Bo\n'


def test_commit_replaces_every_file_and_leaves_nothing_behind(tmp_path):
    (tmp_path / "a.csv").write_text("old a\n")
    (tmp_path / "b.csv").write_text("old b\n")
    commit_files(tmp_path, {"a.csv": "new a\n", "b.csv": "new b\n"})
    assert (tmp_path / "a.csv").read_text() == "new a\n"
    assert (tmp_path / "b.csv").read_text() == "new b\n"
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o600
    assert pending(tmp_path) == []


CRASH = textwrap.dedent("""
    import os, sys
    from graphkit.workspace import transaction
    real = os.replace if sys.argv[3] == "replace" else os.rename
    calls = 0
    def crash(*args):
        global calls
        calls += 1
        if calls > int(sys.argv[2]):
            os._exit(9)
        return real(*args)
    if sys.argv[3] == "replace":
        os.replace = crash
    else:
        os.rename = crash
    transaction.commit_files(sys.argv[1], {"a.csv": "new a\\n", "b.csv": "new b\\n",
                                            "c.csv": "new c\\n"})
""")


@pytest.mark.parametrize("where,after", [("rename", 0), ("replace", 0), ("replace", 3),
                                         ("replace", 4), ("replace", 5), ("replace", 6)])
def test_a_killed_change_is_all_old_or_all_new(tmp_path, where, after):
    for name in "abc":
        (tmp_path / f"{name}.csv").write_text(f"old {name}\n")
    run = subprocess.run([sys.executable, "-c", CRASH, str(tmp_path), str(after), where])
    assert run.returncode in (0, 9)
    recover(tmp_path)
    texts = {(tmp_path / f"{n}.csv").read_text().split()[0] for n in "abc"}
    assert len(texts) == 1, f"a mix of old and new files: {texts}"
    assert pending(tmp_path) == []


def test_pending_names_an_interrupted_change(tmp_path):
    (tmp_path / STATE_DIR / COMMIT).mkdir(parents=True)
    (tmp_path / ".ties.csv.abc.tmp").write_text("half")
    assert len(pending(tmp_path)) == 2
    recover(tmp_path)
    assert pending(tmp_path) == []


def test_read_only_folder_is_a_message_and_nothing_changes(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    (tmp_path / "a.csv").write_text("old\n")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(WriteError, match="permission denied"):
            commit_files(tmp_path, {"a.csv": "new\n"})
    finally:
        tmp_path.chmod(0o700)
    assert (tmp_path / "a.csv").read_text() == "old\n"


def test_full_disk_is_a_message_and_nothing_changes(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_text("old\n")
    (tmp_path / "b.csv").write_text("old\n")
    real = os.fsync
    calls = []

    def full(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(WriteError, match="the disk is full"):
        commit_files(tmp_path, {"a.csv": "new\n", "b.csv": "new\n"})
    assert (tmp_path / "a.csv").read_text() == "old\n"
    assert (tmp_path / "b.csv").read_text() == "old\n"
    assert pending(tmp_path) == []


def test_private_files_and_folders_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        folder = make_private_dir(tmp_path / "a" / "b")
        written = write_private(folder / "x.txt", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a").stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(written.stat().st_mode) == 0o600


def test_existing_folder_is_not_chmodded(tmp_path):
    mine = tmp_path / "shared"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    make_private_dir(mine)
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755
    assert isinstance(Path(mine), Path)
