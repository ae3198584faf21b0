"""Job search work teams (issue 16): members, points of view, the board, private targets and
a member leaving with their rows."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_cli import golden, run

from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.model import provenance
from graphkit.team import remove_member, rows_from, team_list
from graphkit.workspace.locate import sample_folder

AS_OF = "2026-11-22"
SECRET = "Quabbin Reservoir Labs"
MARCUS, PRIYA = "p-marcus-bell", "p-priya-raman"


@pytest.fixture
def team_net(tmp_path: Path) -> Path:
    folder = tmp_path / "team"
    shutil.copytree(sample_folder(), folder, ignore=shutil.ignore_patterns("exports", "*.py",
                                                                           "__pycache__"))
    return folder


def gk(folder: Path, *args: str):
    return run("--data", str(folder), "--as-of", AS_OF, *args)


def test_team_board_golden():
    result = run("--as-of", AS_OF, "team", "board")
    assert result.exit_code == 0, result.output
    golden("team-board.txt", result.stdout)


def test_team_board_json_csv_html_shapes():
    data = json.loads(run("--as-of", AS_OF, "team", "board", "--format", "json").stdout)
    assert [m["id"] for m in data["team"]] == ["p-dana-whitfield", MARCUS, PRIYA]
    assert {(c["organization"], tuple(m["id"] for m in c["members"]))
            for c in data["competitions"]} >= {("Initech", (PRIYA, MARCUS))}
    for target in data["targets"]:
        scores = [d["score"] for d in target["doors"]]
        assert scores == sorted(scores, reverse=True)
    csv_out = run("--as-of", AS_OF, "team", "board", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == ("member,organization,priority,role,rank,teammate,via,"
                                       "person_there,hops,score")
    page = run("--as-of", AS_OF, "team", "board", "--format", "html").stdout
    assert page.startswith("<!DOCTYPE html>") and "Who can help whom this week" in page


def test_marcus_private_target_is_on_his_board_only():
    mine = run("--as-of", AS_OF, "--as", "Marcus Bell", "team", "board", "--format", "json")
    theirs = run("--as-of", AS_OF, "team", "board", "--format", "json")
    def listed(out: str) -> set[tuple[str, str]]:
        return {(t["member"]["id"], t["organization"]) for t in json.loads(out)["targets"]}
    assert (MARCUS, "Hooli") in listed(mine.stdout)
    assert (MARCUS, "Hooli") not in listed(theirs.stdout)
    assert "Controller" not in theirs.stdout  # the private target's role is not shown either


def test_a_private_target_never_leaks_into_another_members_outputs(team_net, tmp_path):
    added = gk(team_net, "--as", "Marcus Bell", "target", "add", SECRET, "--private",
               "--role", "Controller")
    assert added.exit_code == 0, added.output
    assert SECRET in gk(team_net, "--as", "Marcus Bell", "target", "list").stdout
    assert SECRET in gk(team_net, "--as", "Marcus Bell", "team", "board").stdout
    for viewer in ([], ["--as", "Priya Raman"]):
        outputs = [gk(team_net, *viewer, "team", "board", "--format", fmt).stdout
                   for fmt in ("table", "json", "csv", "html")]
        outputs += [gk(team_net, *viewer, "targets", "--format", fmt).stdout
                    for fmt in ("table", "json", "csv")]
        outputs.append(gk(team_net, *viewer, "target", "list").stdout)
        outputs.append(gk(team_net, *viewer, "next").stdout)
        report = gk(team_net, *viewer, "report", "--format", "json",
                    "--state", str(tmp_path / f"state{len(viewer)}"))
        assert report.exit_code == 0, report.output
        outputs.append(report.stdout)
        svg = tmp_path / f"net{len(viewer)}.svg"
        plotted = gk(team_net, *viewer, "plot", "--out", str(svg), "--labels", "500")
        assert plotted.exit_code == 0, plotted.output
        outputs.append(svg.read_text(encoding="utf-8"))
        for out in outputs:
            assert SECRET not in out


def test_as_member_answers_from_their_point_of_view():
    dana = json.loads(run("--as-of", AS_OF, "path-to", "Initech", "--format", "json").stdout)
    priya = json.loads(run("--as-of", AS_OF, "--as", "Priya Raman", "path-to", "Initech",
                           "--format", "json").stdout)
    assert dana["paths"][0]["people"][0]["id"] == "p-dana-whitfield"
    assert priya["paths"] and {p["people"][0]["id"] for p in priya["paths"]} == {PRIYA}
    targets = run("--as-of", AS_OF, "--as", "Priya Raman", "targets", "--format", "csv").stdout
    assert [line.split(",")[1] for line in targets.splitlines()[1:]] == [
        "Initech", "Hooli", "Harborview Health"]  # by priority, then reach


def test_as_someone_not_on_the_team_is_one_line():
    result = run("--as-of", AS_OF, "--as", "Nobody Atall", "targets")
    assert result.exit_code == 1
    assert "is not on the team" in result.stderr and "Traceback" not in result.output


def test_team_add_and_list(team_net):
    added = gk(team_net, "team", "add", "Sara Pereira")
    assert added.exit_code == 0, added.output
    assert "is on the team" in added.stdout
    assert "already on the team" in gk(team_net, "team", "add", "Sara Pereira").stdout
    listed = gk(team_net, "team", "list").stdout
    assert "Sara Pereira (p-sara-pereira): 0 targets" in listed
    assert "Marcus Bell (p-marcus-bell): 3 targets, 1 private" in listed


def _without_marcus(folder: Path):
    network = read_network(folder, Problems())
    remove_member(network, MARCUS)
    return network


def test_removing_a_member_leaves_no_row_of_theirs_and_a_valid_network(team_net):
    before = read_network(team_net, Problems())
    only_marcus = {p for p, person in before.people.items()
                   if provenance(person.extra) == (MARCUS,)}
    mine = {p for p, person in before.people.items() if not provenance(person.extra)}
    removable = set(before.people) - set(_without_marcus(team_net).people)
    assert removable and removable <= only_marcus
    result = gk(team_net, "team", "remove", "Marcus Bell")
    assert result.exit_code == 0, result.output
    problems = Problems()
    after = read_network(team_net, problems)
    assert list(problems) == []  # valid: no row refers to a removed row
    assert rows_from(after, MARCUS) == 0
    assert not [t for t in after.targets if t.member == MARCUS]
    assert MARCUS in after.people and not removable & set(after.people)
    assert mine <= set(after.people)  # yours (own export, by hand) all stay
    assert len(after.targets) == len(before.targets) - 3
    # Nothing of Dana's or Priya's changed.
    assert [t for t in after.targets] == [t for t in before.targets if t.member != MARCUS]
    assert [m.person.id for m in team_list(after)] == ["p-dana-whitfield", PRIYA]
    assert gk(team_net, "check").exit_code == 0
    assert gk(team_net, "team", "board").exit_code == 0


def test_a_contact_you_logged_stays_when_the_member_leaves(team_net):
    net = read_network(team_net, Problems())
    contact = min(set(net.people) - set(_without_marcus(team_net).people))
    logged = gk(team_net, "log", contact, "--kind", "coffee")
    assert logged.exit_code == 0, logged.output
    result = gk(team_net, "team", "remove", MARCUS)
    assert "of their contacts you have since recorded something with" in result.stdout
    after = read_network(team_net, Problems())
    assert contact in after.people and provenance(after.people[contact].extra) == ()


def test_the_owner_cannot_leave_and_as_does_not_change_the_team(team_net):
    owner = gk(team_net, "team", "remove", "Dana Whitfield")
    assert owner.exit_code == 1 and "owns this network" in owner.stderr
    refused = gk(team_net, "--as", "Priya Raman", "team", "remove", "Marcus Bell")
    assert refused.exit_code == 2 and "--as does not apply" in refused.stderr


def test_importing_a_teammates_export_records_provenance(tmp_path):
    folder = tmp_path / "net"
    assert run("init", str(folder), "--me", "Dana Whitfield").exit_code == 0
    exports = Path(__file__).resolve().parent.parent / "sample_data" / "exports"
    assert run("import", "linkedin", str(exports / "Connections.csv"), "--into",
               str(folder)).exit_code == 0
    assert run("import", "linkedin", str(exports / "priya-raman-Connections.csv"), "--into",
               str(folder), "--owner", "Priya Raman").exit_code == 0
    net = read_network(folder, Problems())
    origins = {provenance(p.extra) for p in net.people.values()}
    assert origins == {(), ("p-priya-raman",)}  # mine: no provenance; hers: her id
    tied = [t for t in net.ties if "p-priya-raman" in t.key and t.source == "teammate-export"]
    assert tied and all(provenance(t.extra) == ("p-priya-raman",) for t in tied)


def test_a_members_report_keeps_its_own_snapshots(team_net):
    """--as MEMBER report: the member's snapshots live apart from the owner's, so neither
    report compares with (or overwrites) the other's week."""
    owner = gk(team_net, "report", "--format", "json")
    member = gk(team_net, "--as", "Priya Raman", "report", "--format", "json")
    assert owner.exit_code in (0, 3) and member.exit_code in (0, 3), owner.output + member.output
    state = team_net / ".graphkit" / "state"
    owners = sorted(p.name for p in state.glob("snapshot-*.json"))
    folders = list((state / "members").iterdir())
    assert len(owners) == 1 and len(folders) == 1 and folders[0].name.startswith("p-priya-raman-")
    assert [p.name for p in folders[0].glob("snapshot-*.json")] == owners
    mine = json.loads((state / owners[0]).read_text())
    hers = json.loads((folders[0] / owners[0]).read_text())
    assert mine != hers  # each is the view it was taken from
    again = gk(team_net, "--as", "Priya Raman", "report", "--format", "json")
    assert again.exit_code == 0, again.output  # her second run compares with her own first


def test_a_members_schedule_reports_as_the_member(team_net, tmp_path):
    tab = tmp_path / "crontab"
    added = gk(team_net, "--as", "Priya Raman", "schedule", "add", "--cron", "0 8 * * MON",
               "--out", str(tmp_path / "reports"), "--crontab", str(tab))
    assert added.exit_code == 0, added.output
    line = tab.read_text()
    assert "--as p-priya-raman" in line and "/members/p-priya-raman-" in line
    nobody = gk(team_net, "--as", "Nobody Atall", "schedule", "add", "--cron", "0 8 * * MON",
                "--out", str(tmp_path / "reports"), "--crontab", str(tab))
    assert nobody.exit_code == 1 and "is not on the team" in nobody.stderr
    assert tab.read_text() == line  # nothing added for somebody not on the team
