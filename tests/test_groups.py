"""Groups and events (issue 16): which groups are worth your time, and an event's attendee
list imported as a group's members."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import FIXTURES
from test_cli import golden, run

from graphkit.attendees import parse_attendees
from graphkit.errors import InputError

AS_OF = "2026-11-22"
ATTENDEES = FIXTURES / "eventbrite_attendees.csv"
FORUM = "Boston FP&A Forum"
SECRET = "Quabbin Reservoir Labs"


def _read(path: Path) -> io.StringIO:
    return io.StringIO(path.read_text(encoding="utf-8"), newline="")


def gk(folder: Path, *args: str):
    return run("--data", str(folder), "--as-of", AS_OF, *args)


def test_groups_golden():
    result = run("--as-of", AS_OF, "groups")
    assert result.exit_code == 0, result.output
    golden("groups.txt", result.stdout)


def test_groups_json_and_csv_agree_with_the_table():
    data = json.loads(run("--as-of", AS_OF, "groups", "--format", "json").stdout)
    scores = [g["score"] for g in data["groups"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 10
    best = next(g for g in data["groups"] if not g["attending"])
    assert data["join_next"] == best["group"]
    for g in data["groups"]:
        weights = data["weights"]
        assert (g["fresh"] * weights["new_person"] - 1e-9 <= g["score"]
                <= g["fresh"] * weights["at_target"] + 1e-9)
        assert g["new_to_you"] >= g["fresh"] and g["members"] >= g["new_to_you"]
    rows = list(csv.DictReader(io.StringIO(run("--as-of", AS_OF, "groups", "--format",
                                               "csv").stdout)))
    assert [r["group"] for r in rows] == [g["group"] for g in data["groups"]]
    assert [float(r["score"]) for r in rows] == scores
    # The array store answers the same (the analysis uses only the store protocol).
    same = run("--as-of", AS_OF, "--backend", "array", "groups", "--format", "json").stdout
    assert json.loads(same) == data


def test_one_target_ranks_for_that_organization_and_a_typo_is_one_line():
    data = json.loads(run("--as-of", AS_OF, "groups", "--target", "ACME Corporation",
                          "--format", "json").stdout)
    assert [o["name"] for o in data["organizations"]] == ["Acme Corp"]
    assert {c["organization"] for g in data["groups"] for c in g["at_targets"]} == {"Acme Corp"}
    bad = run("--as-of", AS_OF, "groups", "--target", "Acmee Corp")
    assert bad.exit_code == 1 and "Traceback" not in bad.output
    assert 'did you mean "Acme Corp"' in bad.output


def test_a_private_target_never_counts_or_appears_for_another_member(sample_dir, tmp_path):
    added = gk(sample_dir, "--as", "Marcus Bell", "target", "add", SECRET, "--private")
    assert added.exit_code == 0, added.output
    sheet = tmp_path / "quabbin.csv"
    sheet.write_text("Name,Email,Company,Title\nWen Ortiz,wen.ortiz@example.org,"
                     f"{SECRET},Controller\nNia Brooks,nia.b@example.net,,Analyst\n",
                     encoding="utf-8")
    imported = gk(sample_dir, "import", "attendees", str(sheet), "--group", "Watershed Data "
                  "Circle", "--into", str(sample_dir))
    assert imported.exit_code == 0, imported.output

    marcus = json.loads(gk(sample_dir, "--as", "Marcus Bell", "groups", "--format",
                           "json").stdout)
    circle = next(g for g in marcus["groups"] if g["group"] == "Watershed Data Circle")
    assert [c["organization"] for c in circle["at_targets"]] == [SECRET]
    for viewer in ([], ["--as", "Priya Raman"]):
        outputs = [gk(sample_dir, *viewer, "groups", "--format", fmt).stdout
                   for fmt in ("table", "json", "csv")]
        for out in outputs:
            assert SECRET not in out
        data = json.loads(outputs[1])
        circle = next(g for g in data["groups"] if g["group"] == "Watershed Data Circle")
        assert circle["at_targets"] == [] and circle["score"] == pytest.approx(0.2)


def test_importing_attendees_records_members_and_no_ties(sample_dir):
    ties = (sample_dir / "ties.csv").read_bytes()
    result = gk(sample_dir, "import", "attendees", str(ATTENDEES), "--group", FORUM,
                "--into", str(sample_dir))
    assert result.exit_code == 0, result.output
    assert ("rows read 11 = 4 matched + 4 new + 3 skipped (1 listed twice, 1 no name, 1 not "
            "attending)") in result.stdout
    assert f"{FORUM}: 8 members added (you among them), 0 already members" in result.stdout
    assert "Owen Fitzgerald is marked 'Not Attending'; row skipped" in result.stderr
    assert (sample_dir / "ties.csv").read_bytes() == ties
    rows = list(csv.DictReader(_read(sample_dir / "groups.csv")))
    forum = sorted(r["person_id"] for r in rows if r["group"] == FORUM)
    assert forum == sorted(["p-chloe-lee", "p-tariq-chaudhry", "p-lauren-alvarez",
                            "p-zoe-okonkwo-baptiste", "p-rafael-quintero",
                            "p-mei-tanaka-hollis", "p-priscilla-nakamura",
                            "p-dana-whitfield"])
    people = {r["id"]: r for r in csv.DictReader(_read(sample_dir / "people.csv"))}
    assert people["p-zoe-okonkwo-baptiste"]["name"] == "Zoë Okonkwo-Baptiste"
    jobs = {(r["person_id"], r["org_id"]) for r in csv.DictReader(
        _read(sample_dir / "employment.csv"))}
    assert ("p-zoe-okonkwo-baptiste", "o-initech") in jobs  # "Initech LLC" is an alias

    # Importing the same list again changes no byte.
    before = {p.name: p.read_bytes() for p in sample_dir.glob("*.csv")}
    again = gk(sample_dir, "import", "attendees", str(ATTENDEES), "--group", FORUM,
               "--into", str(sample_dir))
    assert "0 members added (you among them), 8 already members" in again.stdout
    assert {p.name: p.read_bytes() for p in sample_dir.glob("*.csv")} == before

    # The group now ranks with the rest: three new faces at Dana's targets.
    data = json.loads(gk(sample_dir, "groups", "--format", "json").stdout)
    forum_value = next(g for g in data["groups"] if g["group"] == FORUM)
    assert forum_value["attending"]
    assert {c["person"]["name"] for c in forum_value["at_targets"] if not c["known"]} >= {
        "Zoë Okonkwo-Baptiste", "Mei Tanaka-Hollis", "Chloe Lee"}


@pytest.mark.parametrize("text, names", [
    # Meetup's RSVP export
    ("Name,User ID,Title,Event Host,RSVP,Guests,RSVPed on\n"
     "Grace Okafor,31337,Grants Manager,No,Yes,0,2026-09-01\n"
     "Ivan Petrov,31338,,No,No,0,2026-09-02\n", ["Grace Okafor"]),
    # Zoom's participant report
    ("Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes)\n"
     "Aiko Mori,aiko@example.org,10/01/2026 18:02,10/01/2026 19:30,88\n", ["Aiko Mori"]),
    # Luma, semicolon-separated by a European spreadsheet, with a preamble line
    ("Guest list for Data for Good Night\n"
     "name;first_name;last_name;email;company_name;job_title;approval_status\n"
     "Lena Vogel;Lena;Vogel;lena@example.de;Cambridge Climate Fund;Analyst;approved\n"
     "Tom Weiss;Tom;Weiss;tom@example.de;;;rejected\n", ["Lena Vogel"]),
])
def test_attendee_lists_under_their_usual_headers(text, names):
    found = parse_attendees(text)
    assert [c.name for c in found.contacts] == names
    assert len(found.contacts) + sum(found.skipped.values()) == len(text.splitlines()) - 1 - (
        text.startswith("Guest list"))


def test_meetup_title_is_the_title_and_the_company_is_read():
    found = parse_attendees("Full Name,E-mail Address,Organisation,Job Title\n"
                            "Sam Okoro,sam@example.org,Initech,Controller\n")
    contact = found.contacts[0]
    assert (contact.email, contact.company, contact.title) == ("sam@example.org", "Initech",
                                                               "Controller")


def test_a_file_that_is_not_an_attendee_list_is_one_line(sample_dir, tmp_path):
    with pytest.raises(InputError, match="not an attendee list"):
        parse_attendees("Order #,Ticket Type\n1,General\n")
    wrong = tmp_path / "orders.csv"
    wrong.write_text("Order #,Ticket Type\n1,General\n", encoding="utf-8")
    before = (sample_dir / "groups.csv").read_bytes()
    result = gk(sample_dir, "import", "attendees", str(wrong), "--group", FORUM, "--into",
                str(sample_dir))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "not an attendee list" in result.output
    blank = gk(sample_dir, "import", "attendees", str(ATTENDEES), "--group", " ", "--into",
               str(sample_dir))
    assert blank.exit_code == 1 and "--group" in blank.output
    assert (sample_dir / "groups.csv").read_bytes() == before
