"""The report: snapshots, the diff on crafted before/after networks, rendering, the CLI."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.model import Employment, Network, Organization, Person, Target, Tie
from graphkit.report.compare import build_report, compare
from graphkit.report.render import render_html, render_markdown, report_json
from graphkit.report.snapshot import snapshot, snapshot_from_json, snapshot_json

GOLDEN = Path(__file__).resolve().parent / "golden"
NAMES = {"me": "Me", "ann": "Ann Lee", "bo": "Bo Diaz", "cy": "Cy Ng", "di": "Di Oh",
         "ed": "Ed Fox", "fay": "Fay Wu", "gus": "Gus Ray"}


def _net(ties, jobs, targets=("Acme Corp", "Initech", "Globex")):
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech"),
            "glo": Organization("glo", "Globex")}
    people = {p: Person(p, n) for p, n in NAMES.items()}
    return Network("me", people, orgs, [Employment(p, o) for p, o in jobs],
                   [Tie(a, b, s) for a, b, s in ties], targets=[Target(t) for t in targets])


BEFORE = _net(ties=[("me", "ann", 0.9), ("ann", "bo", 0.5), ("me", "cy", 0.6),
                    ("cy", "di", 0.5), ("me", "ed", 0.4)],
              jobs=[("bo", "acme"), ("di", "ini"), ("ed", "glo")])


def _snap(store_of, net, **kw):
    return snapshot(store_of(net), **kw)


def test_snapshot_measures_reach_per_target(store_of):
    snap = _snap(store_of, BEFORE)
    acme, ini, glo = snap.targets
    assert (acme.reachable, acme.hops, acme.score) == (True, 2, 0.45)
    assert [r.name for r in acme.best().path] == ["Me", "Ann Lee", "Bo Diaz"]
    assert [c.id for c in ini.contacts()] == ["cy"] and ini.score == 0.3
    assert (glo.hops, glo.contacts()[0].id) == (1, "ed")


def test_unknown_targets_are_listed_not_dropped(store_of):
    snap = _snap(store_of, _net([], [], targets=("Acme Corp", "Nowhere Inc")))
    assert [t.organization.id for t in snap.targets] == ["acme"]
    assert snap.unresolved == ("Nowhere Inc",)


def test_snapshot_json_round_trip(store_of):
    snap = _snap(store_of, BEFORE)
    assert snapshot_from_json(json.loads(json.dumps(snapshot_json(snap)))) == snap
    with pytest.raises(ValueError, match="version"):
        snapshot_from_json({"graphkit_snapshot": 99})


def test_quiet_week_reads_as_quiet(store_of):
    # Scores drift by less than the threshold: no news.
    after = _net(ties=[("me", "ann", 0.88), ("ann", "bo", 0.5), ("me", "cy", 0.6),
                       ("cy", "di", 0.45), ("me", "ed", 0.42)],
                 jobs=[("bo", "acme"), ("di", "ini"), ("ed", "glo")])
    changes = compare(_snap(store_of, BEFORE), _snap(store_of, after))
    assert not changes.any
    assert compare(_snap(store_of, BEFORE), _snap(store_of, after), threshold=0.01).any


def test_diff_on_crafted_before_and_after(store_of):
    after = _net(
        ties=[("me", "ann", 0.9), ("ann", "bo", 0.5), ("me", "bo", 0.7),   # acme: 1 hop now
              ("me", "cy", 0.6), ("cy", "di", 0.3),                       # initech: weaker
              ("ann", "fay", 0.8)],                                       # ed's tie is gone
        jobs=[("bo", "acme"), ("di", "ini"), ("ed", "glo"), ("fay", "ini")],
        targets=("Acme Corp", "Initech", "Globex"))
    changes = compare(_snap(store_of, BEFORE), _snap(store_of, after))
    assert changes.newly_reachable == ()
    [(lost_before, lost_after)] = changes.lost
    assert lost_after.organization.name == "Globex" and lost_before.hops == 1
    better, initech = changes.shifts
    assert better.after.organization.name == "Acme Corp" and better.direction == "better"
    assert better.reasons == ("2 hops → 1 hop", "best score 0.450 → 0.700",
                              "ask Bo Diaz first (was Ann Lee)")
    # Initech: Fay (via Ann, 0.72) now beats Di (via Cy, 0.18): a better score, a new contact.
    assert initech.after.organization.name == "Initech"
    assert initech.direction == "better"
    assert initech.reasons == ("best score 0.300 → 0.720", "ask Ann Lee first (was Cy Ng)",
                                 "2 people to ask (was 1)")
    [joined] = changes.staffing
    assert joined.target.organization.name == "Initech"
    assert [p.person.name for p in joined.joined] == ["Fay Wu"] and joined.left == ()


def test_newly_reachable_left_people_and_target_list_changes(store_of):
    before = _net(ties=[("me", "ann", 0.9)], jobs=[("bo", "acme"), ("gus", "ini")],
                  targets=("Acme Corp", "Initech"))
    after = _net(ties=[("me", "ann", 0.9), ("ann", "bo", 0.5)], jobs=[("bo", "acme")],
                 targets=("Acme Corp", "Globex"))
    changes = compare(_snap(store_of, before), _snap(store_of, after))
    assert [t.organization.name for t in changes.newly_reachable] == ["Acme Corp"]
    assert [t.organization.name for t in changes.added_targets] == ["Globex"]
    assert [t.organization.name for t in changes.removed_targets] == ["Initech"]
    report = build_report(_snap(store_of, after), _snap(store_of, before))
    text = render_markdown(report)
    assert ("- **Acme Corp**: ask Ann Lee for an introduction to Bo Diaz (score 0.450, 2 hops: "
            "Me → Ann Lee → Bo Diaz)") in text
    assert "- **Initech**: removed from the target list" in text


def test_first_run_has_no_baseline(store_of):
    report = build_report(_snap(store_of, BEFORE), None)
    assert not report.has_news
    assert "No baseline yet: this is the first snapshot, recorded for 2026-11-22" in \
        render_markdown(report)
    assert report_json(report)["baseline"] is None


def test_html_escapes_network_values_and_embeds_the_picture(store_of):
    hostile = replace(BEFORE, people={**BEFORE.people,
                                      "bo": Person("bo", "<script>alert(1)</script>")})
    report = build_report(_snap(store_of, hostile), _snap(store_of, _net([], [])))
    page = render_html(report, png=b"\x89PNG fake")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'src="data:image/png;base64,iVBORyBmYWtl"' in page
    assert "http://" not in page and "https://" not in page
    assert "\\<script\\>" in render_markdown(report)


# --- the CLI on the sample network --------------------------------------------------------------

def next_week(folder: Path) -> None:
    """A week on the sample network: a new person at Pioneer Valley reachable through Marcus
    Bell, coffee with Chloe Bauer at Harborview, Andre Edwards left Greater Boston Food."""
    def add(name: str, line: str) -> None:
        with open(folder / name, "a", encoding="utf-8") as handle:
            handle.write(line + "\n")

    add("people.csv", "p-nora-quinn,Nora Quinn,,,Program Officer,,,")
    add("employment.csv", "p-nora-quinn,o-pioneer-valley-education-fund,Program Officer,"
        "2026-11-01,")
    add("ties.csv", "p-marcus-bell,p-nora-quinn,,initiated,2026-11-18,2,teammate-export,")
    add("ties.csv", "p-dana-whitfield,p-chloe-bauer,,advice,2026-11-19,3,manual,coffee")
    path = folder / "employment.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "p-andre-edwards,o-greater-boston-food-network,Senior Financial Analyst,,",
        "p-andre-edwards,o-greater-boston-food-network,Senior Financial Analyst,,2026-11-14"),
        encoding="utf-8")


def report_cli(folder: Path, as_of: str, *args: str):
    return CliRunner().invoke(main, ["--data", str(folder), "--as-of", as_of, "report", *args])


def test_cli_first_run_then_a_week_of_news_matches_golden(sample_dir):
    first = report_cli(sample_dir, "2026-11-15")
    assert first.exit_code == 0, first.output
    assert "No baseline yet" in first.stdout
    same_day = report_cli(sample_dir, "2026-11-15")
    assert same_day.stdout == first.stdout  # the baseline is older than the report's date
    quiet = report_cli(sample_dir, "2026-11-22")
    assert quiet.exit_code == 0 and "Nothing changed since 2026-11-15" in quiet.stdout
    next_week(sample_dir)
    for fmt, ext in (("markdown", "md"), ("json", "json")):
        news = report_cli(sample_dir, "2026-11-22", "--format", fmt)
        assert news.exit_code == 3, news.output
        golden = GOLDEN / f"report-next-week.{ext}"
        if os.environ.get("GRAPHKIT_UPDATE_GOLDEN"):
            golden.write_text(news.stdout, encoding="utf-8")
        assert news.stdout == golden.read_text(encoding="utf-8")


def test_since_compares_with_an_older_snapshot(sample_dir):
    report_cli(sample_dir, "2026-11-08")
    next_week(sample_dir)
    report_cli(sample_dir, "2026-11-15")
    assert "Nothing changed since 2026-11-15" in report_cli(sample_dir, "2026-11-22").stdout
    older = report_cli(sample_dir, "2026-11-22", "--since", "2026-11-10")
    assert older.exit_code == 3 and "Since 2026-11-08: 1 target newly reachable" in older.stdout
    missing = report_cli(sample_dir, "2026-11-22", "--since", "2026-01-01")
    assert missing.exit_code == 1
    assert "no snapshot on or before --since 2026-01-01; snapshots in" in missing.output


def test_corrupted_snapshot_is_moved_aside_and_a_new_baseline_starts(sample_dir):
    report_cli(sample_dir, "2026-11-15")
    state = sample_dir / ".graphkit" / "state"
    (state / "snapshot-2026-11-15.json").write_text('{"graphkit_snapshot": 1, "as_of": ')
    result = report_cli(sample_dir, "2026-11-22")
    assert result.exit_code == 0
    assert "> Note: the snapshot snapshot-2026-11-15.json is corrupted (not valid JSON" in \
        result.stdout
    assert "moved it aside to snapshot-2026-11-15.json.corrupt and started a new baseline" in \
        result.stdout
    assert sorted(p.name for p in state.iterdir()) == [
        "snapshot-2026-11-15.json.corrupt", "snapshot-2026-11-22.json", "state.lock"]


def test_out_writes_dated_private_files_html_self_contained(sample_dir, tmp_path):
    out = tmp_path / "reports" / "dana"
    result = report_cli(sample_dir, "2026-11-22", "--format", "html", "--out", str(out),
                        "--state", str(tmp_path / "st"))
    assert result.exit_code == 0, result.output
    page = out / "graphkit-report-2026-11-22.html"
    assert stat.S_IMODE(page.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "st").stat().st_mode) == 0o700
    text = page.read_text(encoding="utf-8")
    assert text.count('src="data:image/png;base64,iVBORw0KGgo') == 1
    assert "<td>Emerald Necklace Foundation</td>" in text
    assert (tmp_path / "st" / "snapshot-2026-11-22.json").is_file()


def test_unwritable_out_records_no_snapshot(sample_dir, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = report_cli(sample_dir, "2026-11-22", "--out", str(blocker / "sub"))
    assert result.exit_code == 1
    assert f"Error: cannot write {blocker / 'sub'}: a part of the path is a file" in result.output
    assert "choose another --out folder" in result.output
    assert not (sample_dir / ".graphkit" / "state" / "snapshot-2026-11-22.json").exists()


def test_all_organizations(sample_dir):
    result = report_cli(sample_dir, "2026-11-22", "--all", "--format", "json")
    assert len(json.loads(result.stdout)["targets"]) == 60


def test_crash_before_rename_keeps_the_previous_snapshot(sample_dir, monkeypatch):
    report_cli(sample_dir, "2026-11-22")
    state = sample_dir / ".graphkit" / "state"
    before = (state / "snapshot-2026-11-22.json").read_bytes()
    next_week(sample_dir)

    def crash(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", crash)
    result = report_cli(sample_dir, "2026-11-22")
    assert result.exit_code == 1 and "the disk is full" in result.output
    assert (state / "snapshot-2026-11-22.json").read_bytes() == before
    assert sorted(p.name for p in state.iterdir()) == ["snapshot-2026-11-22.json",
                                                       "state.lock"]
