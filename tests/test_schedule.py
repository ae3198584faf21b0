"""Scheduling: crontab entries (in a temp file, never the real crontab) and the foreground loop
with a fake clock."""

from __future__ import annotations

import os
import re
import shutil
import stat
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.errors import GraphkitError
from graphkit.schedule import (
    add_entry,
    check_cron,
    entries,
    open_crontab,
    remove_entries,
    report_command,
    run_forever,
)
from graphkit.workspace.locate import sample_folder

OTHER = "30 2 * * * /usr/local/bin/backup --quiet # nightly backup\n"


@pytest.fixture
def tab(tmp_path):
    path = tmp_path / "crontab"
    path.write_text(OTHER)
    return path


def test_entry_text(tab):
    command = report_command("/opt/gk/bin/graphkit", ["--data", "/home/dana/my net"],
                             ["--out", "/home/dana/100%"], "/home/dana/.state/schedule.log")
    entry = add_entry(open_crontab(tab), "0 8 * * MON", command)
    assert entry.line == ("0 8 * * MON /opt/gk/bin/graphkit --data '/home/dana/my net' report "
                          "--out /home/dana/100\\% >> /home/dana/.state/schedule.log 2>&1 "
                          "# graphkit:1")
    lines = tab.read_text().splitlines()
    assert lines[0] == OTHER.strip()
    assert lines[-1] == entry.line
    assert entries(open_crontab(tab))[0].command == command


def test_list_and_remove_touch_only_graphkit_entries(tab):
    cron = open_crontab(tab)
    add_entry(cron, "0 8 * * MON", "graphkit report --out /r")
    add_entry(cron, "0 9 * * FRI", "graphkit report --out /s")
    cron = open_crontab(tab)
    assert [(e.id, e.cron.upper()) for e in entries(cron)] == [(1, "0 8 * * MON"),
                                                               (2, "0 9 * * FRI")]
    with pytest.raises(GraphkitError, match="no graphkit schedule with id 7; graphkit's "
                       "schedules: 1, 2"):
        remove_entries(cron, [7])
    assert [e.id for e in remove_entries(cron, [1])] == [1]
    assert add_entry(open_crontab(tab), "0 7 * * *", "graphkit report --out /t").id == 1
    remove_entries(open_crontab(tab), everything=True)
    assert tab.read_text().strip() == OTHER.strip()


def test_dry_run_writes_nothing(tab):
    entry = add_entry(open_crontab(tab), "0 8 * * MON", "graphkit report", dry_run=True)
    assert entry.id == 1 and tab.read_text() == OTHER


@pytest.mark.parametrize(("bad", "why"), [
    ("0 8 * *", "expected five fields"), ("0 8 * * * *", "expected five fields"),
    ("every monday", "expected five fields"),
    ("61 8 * * *", "a field is out of range or misspelled; expected five fields"),
    ("0 8 * * FUNDAY", "a field is out of range or misspelled; expected five fields")])
def test_invalid_cron_is_a_clear_error(bad, why):
    with pytest.raises(GraphkitError, match=re.escape(f'invalid cron expression "{bad}": {why}')):
        check_cron(bad)


def test_cli_add_list_remove(sample_dir, tmp_path):
    tab = tmp_path / "tab"
    runner = CliRunner()
    added = runner.invoke(main, ["--data", str(sample_dir), "schedule", "add", "--cron",
                                 "0 8 * * MON", "--out", str(tmp_path / "r"), "--email",
                                 "dana@example.org", "--crontab", str(tab)])
    assert added.exit_code == 0, added.output
    assert added.stdout.startswith("added schedule 1: 0 8 * * MON ")
    assert (f"--data {sample_dir} report --format markdown --out {tmp_path / 'r'} --email "
            f"dana@example.org >> {sample_dir}/.graphkit/state/schedule.log 2>&1 # graphkit:1"
            in added.stdout)
    listed = runner.invoke(main, ["schedule", "list", "--crontab", str(tab)])
    assert listed.stdout.startswith("1  0 8 * * ")
    removed = runner.invoke(main, ["schedule", "remove", "1", "--crontab", str(tab)])
    assert removed.stdout.startswith("removed 1 schedule\n")
    none = runner.invoke(main, ["schedule", "list", "--crontab", str(tab)])
    assert none.stdout.startswith("no graphkit schedules")


def test_cli_add_needs_a_destination_and_a_valid_cron(tmp_path):
    runner = CliRunner()
    nowhere = runner.invoke(main, ["schedule", "add", "--cron", "0 8 * * MON", "--crontab",
                                   str(tmp_path / "t")])
    assert nowhere.exit_code == 2 and "--out DIR and/or --email ADDR" in nowhere.output
    bad = runner.invoke(main, ["schedule", "add", "--cron", "0 8 * *", "--out", "r"])
    assert bad.exit_code == 1
    assert bad.stderr == ('Error: invalid cron expression "0 8 * *": expected five fields '
                          '"minute hour day-of-month month day-of-week", e.g. "0 8 * * MON" '
                          "for Mondays at 08:00\n")


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start
        self.naps: list[float] = []

    def __call__(self) -> datetime:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.naps.append(seconds)
        self.now += timedelta(seconds=seconds)


def test_foreground_scheduler_fires_on_the_cron_times():
    clock = FakeClock(datetime(2026, 11, 22, 9, 30))  # a Sunday
    fired, log = [], []

    def job() -> str:
        fired.append(clock.now)
        clock.now += timedelta(seconds=40)  # the report takes a while
        if len(fired) == 2:
            raise GraphkitError("cannot write the report to /r")
        return "nothing new"

    assert run_forever("0 8 * * MON", job, now=clock, sleep=clock.sleep, log=log.append,
                       runs=3) == 3
    assert fired == [datetime(2026, 11, 23, 8), datetime(2026, 11, 30, 8),
                     datetime(2026, 12, 7, 8)]
    assert max(clock.naps) == 300.0
    assert log == [
        '2026-11-22 09:30:00 scheduled on "0 8 * * MON"; next run 2026-11-23 08:00',
        "2026-11-23 08:00:00 run 1: nothing new; next run 2026-11-30 08:00",
        "2026-11-30 08:00:00 run 2: failed: cannot write the report to /r; next run "
        "2026-12-07 08:00",
        "2026-12-07 08:00:00 run 3: nothing new; next run 2026-12-14 08:00",
    ]


@pytest.mark.parametrize("option,value", [
    ("--out", "/tmp/o\n* * * * * touch /tmp/pwned #"),
    ("--out", "/tmp/o\r* * * * * touch /tmp/pwned #"),
    ("--email", "me@example.org\n* * * * * touch /tmp/pwned"),
    ("--state", "/tmp/s\x85* * * * * touch /tmp/pwned"),
    ("--cron", "0 9 * * MON\n* * * * * touch /tmp/pwned #"),
])
def test_no_control_character_reaches_the_crontab(tmp_path, option, value):
    tab = tmp_path / "crontab"
    tab.write_text("0 1 * * * backup\n")
    net = tmp_path / "net"
    shutil.copytree(sample_folder(), net)
    args = ["--data", str(net), "schedule", "add", "--crontab", str(tab)]
    args += ["--cron", "0 9 * * MON"] if option != "--cron" else []
    args += [option, value] + (["--out", str(tmp_path / "r")] if option != "--out" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code != 0
    assert "control characters" in result.output
    assert "Traceback" not in result.output
    assert tab.read_text() == "0 1 * * * backup\n"


def test_a_data_folder_with_a_newline_is_refused(tmp_path):
    net = tmp_path / "net\n* * * * * touch pwned #"
    shutil.copytree(sample_folder(), net)
    tab = tmp_path / "crontab"
    result = CliRunner().invoke(main, ["--data", str(net), "schedule", "add", "--crontab",
                                       str(tab), "--cron", "0 9 * * MON", "--out",
                                       str(tmp_path / "r")])
    assert result.exit_code != 0 and "control characters" in result.output
    assert not tab.exists() or "pwned" not in tab.read_text()


def test_a_crontab_file_and_state_folder_are_private(tmp_path):
    tab = tmp_path / "crontab"
    net = tmp_path / "net"
    shutil.copytree(sample_folder(), net)
    old = os.umask(0)
    try:
        result = CliRunner().invoke(main, ["--data", str(net), "schedule", "add",
                                           "--crontab", str(tab), "--cron", "0 9 * * MON",
                                           "--out", str(tmp_path / "r")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(tab.stat().st_mode) == 0o600
    for folder in (net / ".graphkit", net / ".graphkit" / "state"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
