"""Importers on realistic exports, and merging them into a network without duplicates."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from graphkit.errors import InputError
from graphkit.importing import import_file
from graphkit.io.google import read_google
from graphkit.io.linkedin import parse_linkedin, read_linkedin
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.io.vcard import read_vcard
from graphkit.workspace.init import init_network

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 22)


def test_linkedin_current_format_with_preamble():
    problems = Problems()
    contacts = read_linkedin(FIXTURES / "linkedin_current.csv", problems)
    assert [c.name for c in contacts] == ["Jordan Lee", "Priya Raman", "Zoë Ólafsdóttir",
                                          "Sam O'Neil"]
    jordan = contacts[0]
    assert (jordan.url, jordan.email, jordan.company, jordan.title, jordan.connected_on,
            jordan.line) == ("https://www.linkedin.com/in/jordan-lee-4a1b2",
                             "jordan.lee@example.com", "ACME Corporation", "VP Engineering",
                             date(2025, 12, 26), 5)
    assert contacts[1].title == "Director, Finance & Ops"
    assert contacts[2].company == ""
    assert [(p.line, p.column) for p in problems] == [(9, "First Name")]
    assert "row skipped" in problems.items[0].message


def test_linkedin_preamble_of_any_length():
    body = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,\n"
    for preamble in ("", "Notes:\n\n", "Notes:\n\"line one\nline two\nline three\"\n\n\n"):
        assert parse_linkedin(preamble + body)[0].name == "A B"


def test_linkedin_legacy_2018_format():
    contacts = read_linkedin(FIXTURES / "linkedin_legacy.csv")
    assert [(c.name, c.url, c.connected_on) for c in contacts] == [
        ("Jordan Lee", "", date(2018, 1, 8)), ("Dana Whitfield", "", date(2021, 3, 4)),
        ("Marco Rossi", "", date(2019, 12, 31))]


def test_linkedin_in_cp1252_and_utf8_bom(tmp_path):
    text = (FIXTURES / "linkedin_current.csv").read_text(encoding="utf-8")
    for encoding in ("cp1252", "utf-8-sig", "utf-16"):
        path = tmp_path / f"c-{encoding}.csv"
        path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
        assert read_linkedin(path)[2].name == "Zoë Ólafsdóttir"


def test_not_a_linkedin_export_is_a_clear_error(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n")
    with pytest.raises(InputError, match="not a LinkedIn Connections.csv"):
        read_linkedin(path)


def test_google_current_export():
    problems = Problems()
    contacts = read_google(FIXTURES / "google_current.csv", problems)
    grace, alan = contacts
    assert (grace.name, grace.company, grace.title, grace.email, grace.url, grace.groups) == (
        "Grace Hopper", "Initech", "Admiral", "grace@initech.example",
        "https://www.linkedin.com/in/gracehopper", ("Boston Analytics Meetup", "Navy Alumni"))
    assert grace.notes == "Met at the\r\nBoston Analytics Meetup"
    assert alan.name == "Alan M. Turing"
    assert [(p.line, "Acme Corp" in p.message) for p in problems] == [(5, True)]


def test_google_legacy_export():
    kj, hedy = read_google(FIXTURES / "google_legacy.csv")
    assert (kj.name, kj.company, kj.title, kj.groups, kj.url) == (
        "Katherine Johnson", "Hooli", "Mathematician", ("NASA Alumni",),
        "https://linkedin.com/in/kjohnson")
    assert (hedy.company, hedy.notes) == ("Acme Corp", "Actress and inventor")


def test_vcard_3_with_folding_groups_and_photo():
    ada, charles = read_vcard(FIXTURES / "contacts_v3.vcf")
    assert (ada.name, ada.company, ada.title, ada.email, ada.url) == (
        "Ada Byron", "ACME Corporation", "CTO", "ada@acme.example",
        "https://www.linkedin.com/in/ada-byron")
    assert ada.notes == "Met at PyCon, 2019. Very helpful with introductions."
    assert ada.groups == ("Boston Analytics Meetup", "MIT Alumni")
    assert charles.line == 16


def test_vcard_4_related_and_missing_end():
    problems = Problems()
    lin, omar, broken = read_vcard(FIXTURES / "contacts_v4.vcf", problems)
    assert lin.related == ("urn:uuid:0f8c1a52-0002-4f6e-9d0a-2a5f0e1b0002",)
    assert omar.related == ("Lin Chen",)
    assert broken.name == "Broken Card"
    assert [p.line for p in problems] == [20]
    assert "END:VCARD" in problems.items[0].message


@pytest.fixture
def mynet(tmp_path):
    folder = tmp_path / "mynet"
    init_network(folder, "Dana Whitfield")
    return folder


def _counts(folder):
    net = read_network(folder)
    return (len(net.people), len(net.organizations), len(net.employment), len(net.ties),
            len(net.memberships))


def test_import_then_reimport_changes_nothing(mynet):
    summary, _ = import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    assert summary.line() == "rows read 5 = 4 imported + 0 merged + 1 skipped (1 unreadable)"
    before = {p.name: p.read_bytes() for p in mynet.iterdir() if p.is_file()}
    again, _ = import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    assert again.line() == "rows read 5 = 0 imported + 4 merged + 1 skipped (1 unreadable)"
    assert {p.name: p.read_bytes() for p in mynet.iterdir() if p.is_file()} == before


def test_acme_spellings_resolve_to_one_organization(mynet):
    import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    net = read_network(mynet)
    acme = [o for o in net.organizations.values() if o.name.lower().startswith("acme")]
    assert len(acme) == 1
    assert {e.person_id for e in net.employment if e.org_id == acme[0].id} == {
        "p-jordan-lee", "p-sam-o-neil"}


def test_updated_export_updates_employment_and_adds_people(mynet, tmp_path):
    import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    updated = tmp_path / "updated.csv"
    text = (FIXTURES / "linkedin_current.csv").read_text(encoding="utf-8")
    text = text.replace("ACME Corporation,VP Engineering", "Globex,CTO")
    text += "Nia,Brooks,https://www.linkedin.com/in/nia-brooks,,Hooli,Analyst,02 Nov 2026\n"
    updated.write_text(text, encoding="utf-8")
    summary, _ = import_file(mynet, "linkedin", updated, as_of=TODAY)
    assert (summary.added, summary.merged) == (1, 4)
    net = read_network(mynet)
    jordan = [e for e in net.employment if e.person_id == "p-jordan-lee"]
    assert [(net.organizations[e.org_id].name, e.title, e.end) for e in jordan] == [
        ("ACME Corporation", "VP Engineering", TODAY), ("Globex", "CTO", None)]
    assert net.people["p-jordan-lee"].title == "CTO"


def test_teammate_export_recognizes_me_and_adds_teammate_ties(mynet):
    import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    summary, _ = import_file(mynet, "linkedin", FIXTURES / "linkedin_legacy.csv",
                             owner="Marcus Bell", as_of=TODAY)
    assert summary.notes == ["added Marcus Bell (p-marcus-bell) as a teammate, tied to you",
                             "linkedin_legacy.csv: read numeric dates as month-first (1 date(s) "
                             "with a day over 12 second)"]
    # Jordan Lee (same name, same employer) and I are merged, Marco Rossi is new.
    assert (summary.added, summary.merged) == (1, 2)
    net = read_network(mynet)
    keys = {t.key: t for t in net.ties}
    assert keys[("p-dana-whitfield", "p-marcus-bell")].source == "manual"
    assert keys[("p-jordan-lee", "p-marcus-bell")].source == "teammate-export"
    assert ("p-marco-rossi", "p-marcus-bell") in keys
    assert len(net.people) == 7


def test_same_name_without_evidence_is_reported_not_guessed(mynet, tmp_path):
    import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", as_of=TODAY)
    other = tmp_path / "other.csv"
    other.write_text("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                     "Jordan,Lee,,Hooli,Intern,\"1/8/18, 6:14 PM\"\n", encoding="utf-8")
    summary, problems = import_file(mynet, "linkedin", other, owner="Sam O'Neil", as_of=TODAY)
    assert summary.skipped["ambiguous"] == 1
    assert "ambiguous match" in str(problems.items[0])
    assert str(problems.items[0]).startswith(f"{other}:2: ")
    with pytest.raises(InputError, match="ambiguous"):
        import_file(mynet, "linkedin", other, owner="Sam O'Neil", as_of=TODAY, strict=True)


def test_google_and_vcard_imports_add_groups_and_related_ties(mynet):
    import_file(mynet, "google", FIXTURES / "google_current.csv", as_of=TODAY)
    summary, problems = import_file(mynet, "vcard", FIXTURES / "contacts_v4.vcf", as_of=TODAY)
    net = read_network(mynet)
    assert ("p-grace-hopper", "Navy Alumni") in {(m.person_id, m.group)
                                                 for m in net.memberships}
    assert ("p-lin-chen", "p-omar-haddad") in {t.key for t in net.ties}
    assert summary.read == 3 and len(problems) == 1


def test_import_of_empty_file_is_refused(mynet, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    with pytest.raises(InputError, match="no contacts"):
        import_file(mynet, "linkedin", empty)


def test_sample_exports_rebuild_the_sample_people(tmp_path):
    from graphkit.workspace.locate import sample_folder

    exports = sample_folder() / "exports"
    folder = tmp_path / "net"
    init_network(folder, "Dana Whitfield")
    import_file(folder, "linkedin", exports / "Connections.csv", as_of=TODAY)
    import_file(folder, "linkedin", exports / "priya-raman-Connections.csv",
                owner="Priya Raman", as_of=TODAY)
    import_file(folder, "linkedin", exports / "marcus-bell-Connections.csv",
                owner="Marcus Bell", as_of=TODAY)
    assert set(read_network(folder).people) == set(read_network(sample_folder()).people)
    shutil.rmtree(folder)


def test_vcard_org_with_only_separators():
    from graphkit.io.vcard import parse_vcard

    [card] = parse_vcard("BEGIN:VCARD\nVERSION:3.0\nFN:Jo\nORG:,,\nEND:VCARD\n")
    assert card.company == ""


def test_owner_named_twice_must_be_given_by_id(mynet, tmp_path):
    from graphkit.errors import GraphkitError

    people = mynet / "people.csv"
    people.write_text(people.read_text() + "p-sam-1,Sam Ortiz,,,,,,\np-sam-2,Sam Ortiz,,,,,,\n")
    with pytest.raises(GraphkitError, match="several people are named 'Sam Ortiz'"):
        import_file(mynet, "linkedin", FIXTURES / "linkedin_legacy.csv", owner="Sam Ortiz")
    summary, _ = import_file(mynet, "linkedin", FIXTURES / "linkedin_legacy.csv",
                             owner="p-sam-2")
    assert not any("teammate" in note for note in summary.notes)
