"""Writes are all-or-nothing, one writer at a time, and private."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time

import pytest
from test_importers import FIXTURES

from graphkit.errors import GraphkitError
from graphkit.importing import import_file
from graphkit.workspace.init import init_network
from graphkit.workspace.lock import network_lock
from graphkit.workspace.transaction import pending


def test_killed_between_write_and_rename_leaves_the_old_file_intact(tmp_path):
    folder = tmp_path / "net"
    init_network(folder, "Dana Whitfield")
    before = (folder / "people.csv").read_bytes()
    script = textwrap.dedent(f"""
        import os, signal
        import graphkit.io.text as text
        def die(src, dst):
            os.kill(os.getpid(), signal.SIGKILL)  # the crash, after writing, before renaming
        text.os.replace = die
        from graphkit.importing import import_file
        import_file({str(folder)!r}, "linkedin", {str(FIXTURES / "linkedin_current.csv")!r})
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert result.returncode == -9
    assert (folder / "people.csv").read_bytes() == before
    assert pending(folder)  # the unfinished change is there, and named
    # The next import discards it and works.
    summary, _ = import_file(folder, "linkedin", FIXTURES / "linkedin_current.csv")
    assert summary.added == 4
    assert pending(folder) == []


def test_second_writer_waits_then_fails_clearly(tmp_path):
    folder = tmp_path / "net"
    init_network(folder, "Dana Whitfield")
    held = threading.Event()
    release = threading.Event()

    def holder():
        with network_lock(folder):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(10)
    try:
        start = time.monotonic()
        with pytest.raises(GraphkitError, match="another graphkit process is writing"):
            with network_lock(folder, timeout=0.3):
                pass
        assert time.monotonic() - start >= 0.3
    finally:
        release.set()
        thread.join()
    with network_lock(folder, timeout=1):
        pass


def test_files_are_private(tmp_path):
    folder = tmp_path / "net"
    init_network(folder, "Dana Whitfield")
    import_file(folder, "linkedin", FIXTURES / "linkedin_current.csv")
    assert oct(folder.stat().st_mode & 0o777) == "0o700"
    for path in folder.iterdir():
        mode = path.stat().st_mode & 0o777
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))


def test_import_into_a_missing_folder_creates_nothing(tmp_path):
    with pytest.raises(GraphkitError, match="not a network folder"):
        import_file(tmp_path / "nowhere", "linkedin", FIXTURES / "linkedin_current.csv")
    assert not (tmp_path / "nowhere").exists()
    assert os.listdir(tmp_path) == []


def test_verbose_logs_counts_but_never_notes(tmp_path):
    from click.testing import CliRunner

    from graphkit.cli.main import main

    folder = tmp_path / "net"
    init_network(folder, "Dana Whitfield")
    (folder / "people.csv").write_text("id,name,notes\np-dana-whitfield,Dana Whitfield,"
                                       "SECRET-NOTE\np-ann,Ann,also SECRET\n")
    (folder / "ties.csv").write_text("person_a,person_b,notes\np-dana-whitfield,p-ann,"
                                     "SECRET-TIE\n")
    result = CliRunner().invoke(main, ["--verbose", "--data", str(folder), "path-to", "x"])
    assert "graphkit: read 2 people" in result.stderr
    assert "SECRET" not in result.output and "SECRET" not in result.stderr


# A real `graphkit import`, killed (os._exit: no cleanup, no finally) at the N-th rename of its
# change: writing the staged copies (0-3), the commit step (4), between the files put in place
# (5-7), and after every file is in place but before the commit folder is removed ("cleanup").
# ``kill_at`` N lets N renames happen and kills the process at the next one.
KILLED_IMPORT = textwrap.dedent("""
    import os, shutil, sys
    limit = sys.argv[1]
    calls = 0
    def counting(real):
        def call(*args, **kwargs):
            global calls
            calls += 1
            if limit != "cleanup" and calls > int(limit):
                os._exit(9)
            return real(*args, **kwargs)
        return call
    os.replace, os.rename = counting(os.replace), counting(os.rename)
    if limit == "cleanup":
        real_rmtree = shutil.rmtree
        def rmtree(path, *args, **kwargs):
            if str(path).endswith("commit"):
                os._exit(9)
            return real_rmtree(path, *args, **kwargs)
        shutil.rmtree = rmtree
    from graphkit.cli.main import main
    main(["--as-of", "2026-11-22", "import", "linkedin", sys.argv[2], "--into", sys.argv[3]])
""")


def csv_files(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.is_file()}


@pytest.mark.parametrize("kill_at", ["0", "2", "3", "4", "5", "6", "7", "cleanup"])
def test_a_killed_import_leaves_the_old_network_or_the_new_one(tmp_path, sample_dir, kill_at):
    from click.testing import CliRunner

    from graphkit.cli.main import main

    export = FIXTURES / "linkedin_current.csv"
    old = csv_files(sample_dir)
    reference = tmp_path / "reference"
    shutil.copytree(sample_dir, reference)
    assert CliRunner().invoke(main, ["--as-of", "2026-11-22", "import", "linkedin",
                                     str(export), "--into", str(reference)]).exit_code == 0
    new = csv_files(reference)
    assert new != old and len(new) == len(old)

    run = subprocess.run([sys.executable, "-c", KILLED_IMPORT, kill_at, str(export),
                          str(sample_dir)], capture_output=True, timeout=120)
    assert run.returncode == 9, run.stderr.decode()
    assert pending(sample_dir)  # the killed change is there...
    check = CliRunner().invoke(main, ["--as-of", "2026-11-22", "check", str(sample_dir)])
    assert check.exit_code == 2 and "an interrupted change" in check.stdout  # ...and named
    # The next command that reads the network completes or discards it, before reading.
    targets = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-22",
                                        "targets"])
    assert targets.exit_code == 0, targets.output
    after = csv_files(sample_dir)
    committed = kill_at not in ("0", "2", "3", "4")  # the commit step is the 5th rename
    assert after == (new if committed else old), "a mix of old and new files"
    assert pending(sample_dir) == []
    # Importing again ends in the same network as an import never interrupted.
    again = CliRunner().invoke(main, ["--as-of", "2026-11-22", "import", "linkedin",
                                      str(export), "--into", str(sample_dir)])
    assert again.exit_code == 0, again.output
    assert csv_files(sample_dir) == new
