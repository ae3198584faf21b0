"""Faults a careless user, a full disk or a hostile file can cause, through the real command line.

Each test asserts the two things a user needs: no traceback (one line naming the file and what
to do), and nothing lost (every network file byte for byte as it was, no temp file left).

Where the operating system can really refuse (a non-root user and ``chmod``; a root user and
a small tmpfs or a read-only bind mount), the refusal is real. Where it cannot (root ignores
permissions), the same refusal is injected at the system call graphkit makes (``os.open``,
``os.mkdir``, ``os.fsync``, ``os.stat``), with the errno the kernel gives.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from graphkit.cli.main import main

FIXTURES = Path(__file__).resolve().parent / "fixtures"
LINKEDIN = FIXTURES / "linkedin_current.csv"
GOOGLE = FIXTURES / "google_current.csv"
ROOT = os.geteuid() == 0
AS_OF = "2026-11-22"


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def one_line_error(result: Result, *needles: str) -> str:
    """The result failed with exactly one ``Error:`` line holding ``needles``; no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, result.output
    for needle in needles:
        assert needle in errors[0], errors[0]
    return errors[0]


def contents(folder: Path) -> dict[str, bytes]:
    """Every file of the network folder (graphkit's own .graphkit folder aside)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".graphkit" not in p.relative_to(folder).parts}


def leftovers(folder: Path) -> list[str]:
    """Temp files and staging folders an interrupted write could leave behind."""
    return sorted(p.name for p in folder.rglob("*")
                  if p.name.endswith(".tmp") or p.name.startswith("staging-"))


def _under(path: object, root: Path) -> bool:
    if isinstance(path, int):
        return False
    try:
        return Path(os.path.abspath(os.fsdecode(path))).is_relative_to(root)  # type: ignore
    except (TypeError, ValueError):
        return False


def refuse_writes(monkeypatch: pytest.MonkeyPatch, root: Path, code: int) -> None:
    """Every attempt to create or change a file or folder under ``root`` fails with ``code``
    (EROFS: a read-only file system; EACCES: no write permission), at the system calls."""
    root = root.resolve()
    real_open, real_mkdir = os.open, os.mkdir
    real_rename, real_replace = os.rename, os.replace

    def fail(path: object) -> OSError:
        return OSError(code, os.strerror(code), os.fsdecode(path))  # type: ignore[arg-type]

    def fake_open(path, flags, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and _under(path, root):
            raise fail(path)
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):
        if _under(path, root):
            raise fail(path)
        return real_mkdir(path, *args, **kwargs)

    def fake_rename(src, dst, *args, **kwargs):
        if _under(dst, root):
            raise fail(dst)
        return (real_rename if fake_rename.name == "rename" else real_replace)(src, dst)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
    fake_rename.name = "rename"  # type: ignore[attr-defined]
    monkeypatch.setattr(os, "rename", fake_rename)

    def fake_replace(src, dst, *args, **kwargs):
        if _under(dst, root):
            raise fail(dst)
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", fake_replace)


def fill_disk(monkeypatch: pytest.MonkeyPatch, root: Path) -> None:
    """The disk under ``root`` is full: flushing any file written there fails with ENOSPC
    (where a full disk shows itself for a buffered write), and so does making a folder."""
    root = root.resolve()
    real_fsync, real_mkdir = os.fsync, os.mkdir

    def fake_fsync(fd: int) -> None:
        target = os.readlink(f"/proc/self/fd/{fd}") if os.path.exists("/proc/self/fd") else ""
        if not target or _under(target, root):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real_fsync(fd)

    def fake_mkdir(path, *args, **kwargs):
        if _under(path, root) and not os.path.exists(path):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), os.fsdecode(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "fsync", fake_fsync)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)


def deny(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """``path`` (a file or a folder) cannot be read by this user: ``chmod 000``, and for root
    (whom permissions do not stop) the EACCES the kernel would give, at ``open``/``stat``."""
    path.chmod(0)  # the ``net`` fixture gives the permissions back
    if not ROOT:
        return
    target = path.resolve()
    real_stat, real_access, real_io_open = os.stat, os.access, io.open
    real_scandir = os.scandir

    def denied(p: object) -> bool:
        if isinstance(p, int):
            return False
        q = Path(os.path.abspath(os.fsdecode(p)))  # type: ignore[arg-type]
        return q == target or (target in q.parents and q != target)

    def inside(p: object) -> bool:  # a folder's entries cannot be looked at without x
        if isinstance(p, int):
            return False
        q = Path(os.path.abspath(os.fsdecode(p)))  # type: ignore[arg-type]
        return target in q.parents

    def refuse(p: object) -> OSError:
        return PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fsdecode(p))  # type: ignore[arg-type]

    def fake_stat(p, *args, **kwargs):
        if inside(p):
            raise refuse(p)
        return real_stat(p, *args, **kwargs)

    def fake_access(p, mode, *args, **kwargs):
        if denied(p) and not isinstance(p, int):
            return False
        return real_access(p, mode, *args, **kwargs)

    def fake_open(p, *args, **kwargs):
        if denied(p):
            raise refuse(p)
        return real_io_open(p, *args, **kwargs)

    def fake_scandir(p="."):
        if denied(p):
            raise refuse(p)
        return real_scandir(p)

    monkeypatch.setattr(os, "stat", fake_stat)
    monkeypatch.setattr(os, "access", fake_access)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)


@pytest.fixture
def net(sample_dir: Path) -> Iterator[Path]:
    """The sample network, its permissions restored afterwards (so tmp_path can be removed)."""
    yield sample_dir
    os.chmod(sample_dir, 0o700)  # first, so that its files can be listed
    for p in sample_dir.rglob("*"):
        if not p.is_symlink():
            os.chmod(p, 0o700 if p.is_dir() else 0o600)


# -- a read-only network folder ---------------------------------------------------------------

def test_import_into_a_read_only_folder_is_one_line_and_changes_nothing(net, monkeypatch):
    before = contents(net)
    refuse_writes(monkeypatch, net, errno.EROFS)
    result = run("--as-of", AS_OF, "import", "linkedin", str(LINKEDIN), "--into", str(net))
    one_line_error(result, str(net), "read-only", "copy the network to a writable folder")
    assert contents(net) == before and leftovers(net) == []


def test_init_in_a_read_only_folder_is_one_line(tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    refuse_writes(monkeypatch, folder, errno.EACCES)
    result = run("init", str(folder / "mynet"), "--me", "Dana Whitfield")
    one_line_error(result, str(folder / "mynet"), "permission denied")
    assert list(folder.iterdir()) == []


def test_report_reads_a_read_only_network_and_keeps_snapshots_in_state(net, tmp_path,
                                                                         monkeypatch):
    before = contents(net)
    refuse_writes(monkeypatch, net, errno.EROFS)
    nowhere = run("--data", str(net), "--as-of", AS_OF, "report")
    one_line_error(nowhere, "read-only", "--state DIR")
    state = tmp_path / "state"
    result = run("--data", str(net), "--as-of", AS_OF, "report", "--state", str(state))
    assert result.exit_code == 0, result.output
    assert "# graphkit report for Dana Whitfield" in result.stdout
    assert (state / f"snapshot-{AS_OF}.json").is_file()
    assert contents(net) == before


@pytest.mark.skipif(not ROOT or not shutil.which("mount"), reason="a bind mount needs root")
def test_a_real_read_only_mount(net, tmp_path):
    """The same, on a folder the kernel refuses to write (a read-only bind mount)."""
    ro = tmp_path / "ro"
    ro.mkdir()
    if subprocess.run(["mount", "--bind", str(net), str(ro)], capture_output=True).returncode:
        pytest.skip("cannot mount here")
    try:
        if subprocess.run(["mount", "-o", "remount,bind,ro", str(ro)],
                          capture_output=True).returncode:
            pytest.skip("cannot remount read-only here")
        before = contents(ro)
        imported = run("--as-of", AS_OF, "import", "linkedin", str(LINKEDIN), "--into", str(ro))
        one_line_error(imported, "read-only")
        init = run("init", str(ro), "--me", "Dana Whitfield")
        assert "Traceback" not in init.output and init.exit_code == 1
        report = run("--data", str(ro), "--as-of", AS_OF, "report", "--state",
                     str(tmp_path / "st"))
        assert report.exit_code == 0, report.output
        assert contents(ro) == before
    finally:
        subprocess.run(["umount", str(ro)], check=True)


# -- a full disk --------------------------------------------------------------------------------

def test_import_on_a_full_disk_changes_nothing(net, monkeypatch):
    run("--data", str(net), "--as-of", AS_OF, "path-to", "acme")  # the lock file exists
    before = contents(net)
    fill_disk(monkeypatch, net)
    result = run("--as-of", AS_OF, "import", "google", str(GOOGLE), "--into", str(net))
    one_line_error(result, "the disk is full", "free some space", "nothing was changed")
    assert contents(net) == before and leftovers(net) == []


def test_report_and_plot_on_a_full_disk_leave_no_half_file(net, tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    (out / "network.png").write_bytes(b"last week's picture")
    fill_disk(monkeypatch, out)
    report = run("--data", str(net), "--as-of", AS_OF, "report", "--out", str(out),
                 "--state", str(tmp_path / "st"))
    one_line_error(report, str(out), "the disk is full", "choose another --out folder")
    assert not (tmp_path / "st").exists() or not list((tmp_path / "st").glob("snapshot-*"))
    plot = run("--data", str(net), "--as-of", AS_OF, "plot", "--out", str(out / "network.png"),
               "--dpi", "20")
    one_line_error(plot, str(out / "network.png"), "the disk is full")
    assert (out / "network.png").read_bytes() == b"last week's picture"
    assert leftovers(out) == []


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 256 kB tmpfs (root only), filled up to the last block."""
    if not ROOT or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(disk)],
                      capture_output=True).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield disk
    finally:
        subprocess.run(["umount", str(disk)], check=True)


def test_a_really_full_disk(tiny_disk, sample_dir):
    net = tiny_disk / "net"
    shutil.copytree(sample_dir, net)
    run("--data", str(net), "--as-of", AS_OF, "path-to", "acme")  # .graphkit exists
    fd = os.open(tiny_disk / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError as exc:
        assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    before = contents(net)
    imported = run("--as-of", AS_OF, "import", "linkedin", str(LINKEDIN), "--into", str(net))
    one_line_error(imported, "the disk is full")
    report = run("--data", str(net), "--as-of", AS_OF, "report")
    one_line_error(report, "the disk is full", "--state DIR")
    plot = run("--data", str(net), "--as-of", AS_OF, "plot", "--out", str(net / "n.png"),
               "--dpi", "20")
    one_line_error(plot, "n.png", "the disk is full")
    assert not (net / "n.png").exists()
    (tiny_disk / "filler").unlink()
    assert contents(net) == before and leftovers(net) == []


# -- unreadable files and folders ---------------------------------------------------------------

READ_COMMANDS = [["path-to", "acme"], ["targets"], ["weak-ties"], ["referrals"],
                 ["plot", "--out", "{tmp}/p.png"], ["report", "--state", "{tmp}/st"],
                 ["--backend", "array", "targets"]]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_an_unreadable_network_folder_is_one_line(net, tmp_path, monkeypatch, command):
    deny(monkeypatch, net)
    args = [a.format(tmp=tmp_path) for a in command]
    result = run("--data", str(net), "--as-of", AS_OF, *args)
    one_line_error(result, str(net), "permission denied")


@pytest.mark.parametrize("name", ["people.csv", "ties.csv", "graphkit.toml"])
def test_an_unreadable_network_file_is_one_line(net, monkeypatch, name):
    deny(monkeypatch, net / name)
    result = run("--data", str(net), "--as-of", AS_OF, "path-to", "acme")
    one_line_error(result, str(net / name), "permission denied")


def test_an_unreadable_snapshot_is_kept_not_discarded(net, tmp_path, monkeypatch):
    state = tmp_path / "st"
    assert run("--data", str(net), "--as-of", "2026-11-15", "report", "--state",
               str(state)).exit_code == 0
    snap = state / "snapshot-2026-11-15.json"
    kept = snap.read_bytes()
    deny(monkeypatch, snap)
    result = run("--data", str(net), "--as-of", AS_OF, "report", "--state", str(state))
    one_line_error(result, str(snap), "--state DIR")
    monkeypatch.undo()
    os.chmod(snap, 0o600)
    assert snap.read_bytes() == kept
    assert sorted(p.name for p in state.glob("snapshot-*")) == [snap.name]


# -- two writers at once ------------------------------------------------------------------------

def test_two_imports_at_once_both_land(net):
    """Two imports started together: the second waits for the network's lock, then adds its
    rows to what the first wrote; nothing is lost and nothing is half-written."""
    ties_before = (net / "ties.csv").read_text(encoding="utf-8").count("\n")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    graphkit = [sys.executable, "-c", "from graphkit.cli.main import main; main()"]
    procs = [subprocess.Popen([*graphkit, "--as-of", AS_OF,
                               "import", kind, str(path), "--into", str(net)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
             for kind, path in (("linkedin", LINKEDIN), ("google", GOOGLE))]
    outputs = [p.communicate(timeout=120) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    added = sum(int(re.search(r"(\d+) ties added", out).group(1)) for out, _ in outputs)
    assert added > 0
    people = (net / "people.csv").read_text(encoding="utf-8")
    assert "Jordan Lee" in people and "Grace Hopper" in people
    ties_after = (net / "ties.csv").read_text(encoding="utf-8").count("\n")
    assert ties_after == ties_before + added
    assert leftovers(net) == []
    check = run("--as-of", AS_OF, "check", str(net))
    assert check.exit_code == 0, check.output


# -- e-mail addresses and the TOML file ---------------------------------------------------------

def test_a_newline_in_an_email_address_is_refused_before_anything_is_recorded(net):
    (net / "graphkit.toml").write_text('me = "p-dana-whitfield"\n[smtp]\nhost = "127.0.0.1"\n'
                                       'port = 9\nstarttls = false\n', encoding="utf-8")
    result = run("--data", str(net), "--as-of", AS_OF, "report", "--email",
                 "dana@example.org\r\nBcc: everyone@example.org")
    one_line_error(result, "--email must be one e-mail address", r"\r\nBcc")
    assert not (net / ".graphkit" / "state").exists()


def test_a_newline_in_smtp_from_is_refused(net):
    (net / "graphkit.toml").write_text(
        'me = "p-dana-whitfield"\n[smtp]\nhost = "127.0.0.1"\nport = 9\nstarttls = false\n'
        'from = "dana@example.org\\nBcc: everyone@example.org"\n', encoding="utf-8")
    result = run("--data", str(net), "--as-of", AS_OF, "report", "--email", "me@example.org")
    one_line_error(result, "[smtp] from must be one e-mail address")
    assert not (net / ".graphkit" / "state").exists()


def test_an_unsent_report_is_exit_4_and_still_recorded(net, tmp_path):
    (net / "graphkit.toml").write_text('me = "p-dana-whitfield"\n[smtp]\nhost = "127.0.0.1"\n'
                                       'port = 9\nstarttls = false\n', encoding="utf-8")
    result = run("--data", str(net), "--as-of", AS_OF, "report", "--out", str(tmp_path / "r"),
                 "--email", "me@example.org")
    assert result.exit_code == 4, result.output
    assert "could not send the report through 127.0.0.1:9" in result.output
    assert (tmp_path / "r" / f"graphkit-report-{AS_OF}.md").is_file()
    assert (net / ".graphkit" / "state" / f"snapshot-{AS_OF}.json").is_file()


def test_a_toml_date_survives_an_import_and_every_command(net):
    toml = ('# my network\nme = "p-dana-whitfield"  # me\n\n[strength]\n'
            'stages = { advice = 0.7 }\n\n[search]\nstarted = 2026-01-05\n'
            'checked = 2026-11-20T09:30:00\n')
    (net / "graphkit.toml").write_text(toml, encoding="utf-8")
    imported = run("--as-of", AS_OF, "import", "linkedin", str(LINKEDIN), "--into", str(net))
    assert imported.exit_code == 0, imported.output
    for args in (["path-to", "acme"], ["targets"], ["report", "--format", "json"]):
        result = run("--data", str(net), "--as-of", AS_OF, *args)
        assert result.exit_code in (0, 3), result.output
    assert (net / "graphkit.toml").read_text(encoding="utf-8") == toml


# -- file modes, whatever the umask -------------------------------------------------------------

@pytest.fixture
def open_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_plot_report_and_state_are_private_under_umask_000(net, tmp_path, open_umask):
    pic = tmp_path / "pics" / "week" / "acme.png"
    plot = run("--data", str(net), "--as-of", AS_OF, "plot", "--path-to", "acme", "--out",
               str(pic), "--dpi", "20")
    assert plot.exit_code == 0, plot.output
    assert pic.read_bytes().startswith(b"\x89PNG")
    assert (mode(pic), mode(pic.parent), mode(pic.parent.parent)) == (0o600, 0o700, 0o700)
    out, state = tmp_path / "reports" / "weekly", tmp_path / "state" / "dana"
    report = run("--data", str(net), "--as-of", AS_OF, "report", "--out", str(out), "--state",
                 str(state))
    assert report.exit_code == 0, report.output
    assert mode(out / f"graphkit-report-{AS_OF}.md") == 0o600
    assert (mode(out), mode(out.parent), mode(state), mode(state.parent)) == (0o700,) * 4
    assert mode(state / f"snapshot-{AS_OF}.json") == 0o600


# -- control characters in names ----------------------------------------------------------------

HOSTILE = {
    "p-chloe-morales": "Chloe\x1b]0;pwned\x07 Morales",   # sets the terminal title
    "p-daniel-volkov": "Daniel\rEVIL Volkov",             # overwrites the line
    "p-sofia-morales": "Sofia \u202eselaroM",             # reverses what follows
    "p-marcus-bell": "Marcus\nBell | x |",                # a new line, and a Markdown cell
}
RAW = ("\x1b", "\r", "\u202e", "\x07")


@pytest.fixture
def hostile(net: Path) -> Path:
    """The sample network with control characters in four names and in a ties.csv header."""
    import csv

    with open(net / "people.csv", encoding="utf-8", newline="") as handle:  # noqa: PTH123
        rows = list(csv.reader(handle))
    for row in rows[1:]:
        row[1] = HOSTILE.get(row[0], row[1])
    with open(net / "people.csv", "w", encoding="utf-8", newline="") as handle:  # noqa: PTH123
        csv.writer(handle).writerows(rows)
    ties = (net / "ties.csv").read_text(encoding="utf-8").split("\n", 1)
    (net / "ties.csv").write_text(ties[0] + ",\x1b]0;owned\x07\n" + ties[1].replace(
        "\n", ",\n"), encoding="utf-8")
    return net


HUMAN_COMMANDS = [["path-to", "Back Bay Ventures", "--max-hops", "3"], ["targets", "--all"],
                  ["weak-ties", "--depth", "2"], ["referrals"],
                  ["referrals", "--plan", "Back Bay Ventures"], ["report", "--all"],
                  ["report", "--all", "--format", "html", "--no-plot"]]


@pytest.mark.parametrize("command", HUMAN_COMMANDS, ids=" ".join)
def test_control_characters_never_reach_the_terminal(hostile, command):
    result = run("--data", str(hostile), "--as-of", AS_OF, *command)
    assert result.exit_code in (0, 3), result.output
    shown = result.stdout + result.stderr
    assert not [c for c in RAW if c in shown], repr(shown[:400])
    # the hostile names are there, shown as escapes
    assert any(e in shown for e in ("\\x1b", "\\u202e", "\\r", "Marcus Bell")), shown[:400]


def test_a_hostile_header_is_escaped_in_the_error(net):
    ties = (net / "ties.csv").read_text(encoding="utf-8")
    (net / "ties.csv").write_text(ties.replace("person_b", "person\x1b]0;owned\x07", 1),
                                  encoding="utf-8")
    for args in (["path-to", "acme"], ["check", str(net)]):
        result = run("--data", str(net), "--as-of", AS_OF, *args)
        assert "Traceback" not in result.output and result.exit_code in (1, 2), result.output
        assert "person\\x1b]0;owned\\x07" in result.output
        assert "\x1b" not in result.output


def test_a_newline_in_a_name_stays_in_its_markdown_table_row(hostile):
    result = run("--data", str(hostile), "--as-of", AS_OF, "report", "--all")
    rows = [line for line in result.stdout.splitlines()
            if line.startswith("|") and not line.startswith("|---")]
    cells = {line.count(" | ") for line in rows}
    assert len(cells) == 1, rows  # every row has the same number of cells
    assert any("Marcus Bell \\| x \\|" in line for line in rows)


def test_text_tables_keep_one_row_per_person(hostile):
    result = run("--data", str(hostile), "--as-of", AS_OF, "weak-ties", "--depth", "2")
    assert "Marcus Bell | x |" in result.stdout
    assert not any(line.strip() == "Bell | x |" for line in result.stdout.splitlines())


def test_json_and_csv_keep_the_exact_names(hostile):
    as_json = run("--data", str(hostile), "--as-of", AS_OF, "path-to", "Back Bay Ventures",
                  "--max-hops", "3", "--format", "json")
    names = {p["name"] for path in json.loads(as_json.stdout)["paths"] for p in path["people"]}
    assert HOSTILE["p-chloe-morales"] in names
    as_csv = run("--data", str(hostile), "--as-of", AS_OF, "path-to", "Back Bay Ventures",
                 "--max-hops", "3", "--format", "csv")
    assert HOSTILE["p-chloe-morales"] in as_csv.stdout


def test_an_error_naming_a_hostile_value_is_escaped(net):
    result = run("--data", str(net), "--as-of", AS_OF, "path-to", "Acme\x1b[2J\u202e")
    one_line_error(result, "Acme\\x1b[2J\\u202e")
    assert "\x1b" not in result.output and "\u202e" not in result.output


# -- a password written into the Neo4j URI ------------------------------------------------------

@pytest.mark.parametrize("uri", ["bolt://neo4j:hunter2@127.0.0.1:1", "http://neo4j:hunter2@db:7474",
                                 "bolt://neo4j:hunter2@[::bad"])
def test_a_password_in_the_uri_is_never_echoed(net, uri):
    result = run("--data", str(net), "--backend", "neo4j", "path-to", "acme",
                 env={"NEO4J_URI": uri, "NEO4J_PASSWORD": "other"})
    line = one_line_error(result, "neo4j:***@")
    assert "hunter2" not in result.output and "hunter2" not in line


def test_the_runner_hides_a_uri_password_in_driver_messages():
    pytest.importorskip("neo4j")
    from graphkit.store.neo4j.connection import Connection
    from graphkit.store.neo4j.runner import BoltRunner

    runner = BoltRunner.__new__(BoltRunner)
    runner.connection = Connection("bolt://neo4j:hunter2@db:7687", "neo4j", "neo4j", "pw")
    text = runner._clean(ValueError("cannot open bolt://neo4j:hunter2@db:7687 with pw"))
    assert "hunter2" not in text and " pw" not in text
    assert "bolt://neo4j:***@db:7687" in text


@pytest.mark.parametrize("where", [["--as-of", "2026-1\x1b]0;x\x07", "targets"],
                                   ["report", "--since", "x\x1b]0;x\x07"]])
def test_a_hostile_option_value_is_escaped(net, where):
    result = run("--data", str(net), *where)
    assert result.exit_code == 2 and "\\x1b]0;x\\x07' is not a date" in result.output
    assert "\x1b" not in result.output
