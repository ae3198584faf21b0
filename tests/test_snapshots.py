"""The state folder: the lock, atomic saves and the choice of baseline."""

from __future__ import annotations

import json
import threading
from datetime import date

import pytest

from graphkit.errors import GraphkitError
from graphkit.report.run import run_report
from graphkit.workspace import open_store
from graphkit.workspace.snapshots import StateFolder, default_state


def test_a_held_lock_makes_another_run_fail_clearly(tmp_path):
    state = StateFolder(tmp_path / "st")
    with state.lock():
        other = StateFolder(tmp_path / "st")
        with pytest.raises(GraphkitError, match=r"another graphkit report holds .*state\.lock "
                           r"\(waited 0\.1s\); try again when it has finished"):
            with other.lock(timeout=0.1):
                pass
    with StateFolder(tmp_path / "st").lock(timeout=0.1):
        pass  # released


def test_two_runs_at_once_leave_valid_state(sample_dir, tmp_path):
    errors = []

    def one_run() -> None:
        try:
            store = open_store(sample_dir, as_of=date(2026, 11, 22))
            run_report(store, tmp_path / "st", plot=False)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=one_run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    files = sorted(p.name for p in (tmp_path / "st").iterdir())
    assert files == ["snapshot-2026-11-22.json", "state.lock"]
    data = json.loads((tmp_path / "st" / "snapshot-2026-11-22.json").read_text())
    assert data["graphkit_snapshot"] == 1 and len(data["targets"]) == 15


def test_baseline_choice(tmp_path):
    state = StateFolder(tmp_path)
    for day in (date(2026, 11, 1), date(2026, 11, 8), date(2026, 11, 15)):
        state.save(day, {"day": day.isoformat()})
    (tmp_path / "snapshot-2026-13-01.json").write_text("{}")  # not a date: ignored
    assert state.baseline(dict, before=date(2026, 11, 15)).snapshot == {"day": "2026-11-08"}
    assert state.baseline(dict, before=date(2026, 11, 16)).snapshot == {"day": "2026-11-15"}
    assert state.baseline(dict, since=date(2026, 11, 10)).snapshot == {"day": "2026-11-08"}
    assert state.baseline(dict, before=date(2026, 11, 1)).snapshot is None


def test_unparseable_snapshot_is_quarantined_twice_without_clobbering(tmp_path):
    state = StateFolder(tmp_path)

    def strict(data):
        raise ValueError("unknown snapshot version 9")

    for _ in range(2):
        state.save(date(2026, 11, 15), {"graphkit_snapshot": 9})
        found = state.baseline(strict, before=date(2026, 11, 22))
        assert found.snapshot is None and "unknown snapshot version 9" in found.notes[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "snapshot-2026-11-15.json.corrupt", "snapshot-2026-11-15.json.corrupt-2"]


def test_default_state_for_the_sample_is_outside_the_install(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    assert default_state("/site-packages/sample", is_sample=True) == tmp_path / "graphkit" / \
        "sample"
