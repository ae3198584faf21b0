"""Real exports, trusted (issue 12): identity, dates, organization names, placeholders and the
evidence of each tie (a LinkedIn archive, a calendar, a mailbox), on invented fixtures."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main as cli
from graphkit.errors import GraphkitError, InputError
from graphkit.importing import import_file
from graphkit.infer import infer_ties
from graphkit.io.dates import read_export_dates
from graphkit.io.linkedin import parse_linkedin, read_linkedin
from graphkit.io.linkedin_archive import read_linkedin_archive
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.model import Employment, Network, Organization, Person, Tie
from graphkit.orgs import OrgIndex, is_placeholder, org_key
from graphkit.strength import StrengthModel
from graphkit.workspace.init import init_network

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = date(2026, 11, 22)
HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


@pytest.fixture
def mynet(tmp_path):
    folder = tmp_path / "mynet"
    init_network(folder, "Dana Whitfield")
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _zip(tmp_path: Path) -> Path:
    """The archive fixture as LinkedIn ships it: a zip with the CSVs at its root."""
    path = tmp_path / "Complete_LinkedInDataExport_11-22-2026.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for child in sorted((FIXTURES / "linkedin_archive").iterdir()):
            archive.write(child, child.name)
    return path


# Identity ---------------------------------------------------------------------------------

def test_same_name_with_different_urls_are_two_people_and_keep_their_jobs(mynet):
    summary, _ = import_file(mynet, "linkedin", FIXTURES / "linkedin_real_world.csv",
                             as_of=TODAY)
    assert (summary.added, summary.merged, summary.jobs_changed) == (14, 1, 0)
    net = read_network(mynet)
    alexes = sorted(p.id for p in net.people.values() if p.name == "Alex Kim")
    assert alexes == ["p-alex-kim", "p-alex-kim-2"]
    jobs = {(e.person_id, net.organizations[e.org_id].name, e.end) for e in net.employment}
    assert {("p-alex-kim", "Acme Corp", None), ("p-alex-kim-2", "Globex", None)} <= jobs
    # the one merge is me, listed with its reason
    assert [(m.line, m.person_id, m.reason) for m in summary.merges] == [
        (19, "p-dana-whitfield", "same name as the export's owner")]


@pytest.mark.parametrize("kind,fixture", [
    ("linkedin", "linkedin_real_world.csv"), ("linkedin", "linkedin_month_first.csv"),
    ("linkedin", "linkedin_ambiguous_dates.csv"), ("linkedin", "linkedin_current.csv"),
    ("linkedin", "linkedin_legacy.csv"), ("linkedin", "linkedin_archive"),
    ("google", "google_shared_mailbox.csv"), ("google", "google_current.csv"),
    ("google", "google_legacy.csv"), ("vcard", "contacts_v3.vcf"),
    ("vcard", "contacts_v4.vcf")])
def test_reimport_of_every_fixture_changes_no_byte(mynet, kind, fixture):
    import_file(mynet, kind, FIXTURES / fixture, as_of=TODAY)
    before = _files(mynet)
    again, problems = import_file(mynet, kind, FIXTURES / fixture, as_of=TODAY)
    assert _files(mynet) == before
    assert again.added == 0 and again.jobs_changed == 0 and again.ties_added == 0
    assert again.skipped["ambiguous"] == 0, [str(p) for p in problems]


def test_evidence_reimports_change_no_byte(mynet, tmp_path):
    import_file(mynet, "linkedin", _zip(tmp_path), as_of=TODAY)
    steps = [("calendar", FIXTURES / "calendar.ics"), ("mbox", FIXTURES / "mail.mbox")]
    for kind, path in steps:
        import_file(mynet, kind, path, as_of=TODAY, addresses=("dana.whitfield@example.org",))
    before = _files(mynet)
    for kind, path in [("linkedin", _zip(tmp_path)), *steps]:
        import_file(mynet, kind, path, as_of=TODAY, addresses=("dana.whitfield@example.org",))
        assert _files(mynet) == before, kind


def test_same_name_without_urls_in_one_file_are_two_people_and_reimport_is_stable(mynet,
                                                                                   tmp_path):
    legacy = tmp_path / "legacy.csv"
    legacy.write_text("First Name,Last Name,Email Address,Company,Position,Connected On\n"
                      'Alex,Kim,,Acme Corp,Analyst,"1/8/18, 6:14 PM"\n'
                      'Alex,Kim,,Globex,Buyer,"3/4/21, 9:02 AM"\n'
                      'Alex,Kim,,,,"12/31/19, 11:59 PM"\n', encoding="utf-8")
    first, _ = import_file(mynet, "linkedin", legacy, as_of=TODAY)
    assert (first.added, first.merged) == (3, 0)
    before = _files(mynet)
    again, problems = import_file(mynet, "linkedin", legacy, as_of=TODAY)
    assert (again.added, again.merged, len(problems)) == (0, 3, 0)
    assert _files(mynet) == before


def test_shared_mailbox_is_not_an_identity_and_placeholder_cards_are_not_people(mynet):
    summary, problems = import_file(mynet, "google", FIXTURES / "google_shared_mailbox.csv",
                                    as_of=TODAY)
    net = read_network(mynet)
    names = sorted(p.name for p in net.people.values() if p.id != net.me)
    assert names == ["Dr. Amal Haddad", "Erik Lindqvist", "Front Desk", "Rosa Lindqvist"]
    # the repeated Rosa row is the same person (same email and name), and listed as a merge
    assert [(m.line, m.person_id, m.reason) for m in summary.merges] == [
        (8, "p-rosa-lindqvist", "same email and name")]
    assert summary.skipped["placeholder"] == 2
    assert summary.line() == ("rows read 7 = 4 imported + 1 merged + 2 skipped "
                              "(2 placeholder)")
    assert {p.line for p in problems} == {6, 7}


def test_different_emails_are_different_people(mynet, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "Jo,Park,,jo@acme.example,Acme,Analyst,01 Jan 2024\n"
                    "Jo,Park,,jo.park@globex.example,Globex,Buyer,02 Jan 2024\n")
    summary, _ = import_file(mynet, "linkedin", path, as_of=TODAY)
    assert (summary.added, summary.merged) == (2, 0)


def test_owner_by_first_name_offers_candidates_and_adds_no_one(mynet, tmp_path):
    people = mynet / "people.csv"
    people.write_text(people.read_text() + "p-sam-ortiz,Sam Ortiz,,,,,,\n")
    before = _files(mynet)
    with pytest.raises(GraphkitError, match=r"did you mean Sam Ortiz \(p-sam-ortiz\)"):
        import_file(mynet, "linkedin", FIXTURES / "linkedin_current.csv", owner="Sam")
    assert _files(mynet) == before


# Dates ------------------------------------------------------------------------------------

@pytest.mark.parametrize("values,order,expected", [
    (["6-Feb-26", "06-Feb-2026", "Feb 6, 2026", "6.2.2026", "06/02/2026", "25/12/2025"],
     "day-first", ["2026-02-06"] * 5 + ["2025-12-25"]),
    (["06/02/2026", "12/25/2025", "2/6/26"], "month-first",
     ["2026-06-02", "2025-12-25", "2026-02-06"]),
    (["1/8/18, 6:14 PM", "3/4/21, 9:02 AM"], "month-first", ["2018-01-08", "2021-03-04"]),
    (["6.2.2026", "7.3.2026"], "day-first", ["2026-02-06", "2026-03-07"]),
    (["2026-08-01 02:00:00 UTC", "26 Dec 2025"], None, ["2026-08-01", "2025-12-26"]),
])
def test_export_dates_decide_the_order_once_per_file(values, order, expected):
    got = read_export_dates(values)
    assert got.order == order and not got.errors
    assert [d.isoformat() for d in got.dates] == expected


def test_ambiguous_dates_are_refused_with_their_line_and_the_contact_kept():
    problems, notes = Problems(), []
    contacts = read_linkedin(FIXTURES / "linkedin_ambiguous_dates.csv", problems, notes)
    assert [c.connected_on for c in contacts] == [None, None, date(2025, 7, 7)]
    assert [(p.line, p.column) for p in problems] == [(2, "Connected On"), (3, "Connected On")]
    assert "ambiguous date '06/02/2026' (6 Feb or Jun 2)" in problems.items[0].message
    assert notes == []


def test_excel_day_first_file_says_which_order_it_chose():
    notes: list[str] = []
    contacts = read_linkedin(FIXTURES / "linkedin_real_world.csv", Problems(), notes)
    assert contacts[0].connected_on == date(2026, 2, 6)  # 06/02/2026, not June 2
    assert notes == ["linkedin_real_world.csv: read numeric dates as day-first (6 date(s) "
                     "with a day over 12 first)"]
    month_first = read_linkedin(FIXTURES / "linkedin_month_first.csv")
    assert month_first[0].connected_on == date(2026, 6, 2)


def test_conflicting_orders_refuse_only_the_ambiguous_values():
    got = read_export_dates(["25/12/2025", "12/25/2025", "03/04/2025"])
    assert got.dates[:2] == [date(2025, 12, 25), date(2025, 12, 25)]
    assert list(got.errors) == [2] and "both ways" in got.errors[2]


# Unclosed quotes and binary files ---------------------------------------------------------

def test_unclosed_quote_is_reported_where_it_opens_and_swallowed_rows_count_as_skipped():
    text = (HEADER + "Ann,Lee,,,Acme,Analyst,01 Jan 2024\n"
            'Bo,"Wu,,,Initech,CFO,02 Jan 2024\n'
            "Cy,Ford,,,Globex,Buyer,03 Jan 2024\n"
            "Di,Ng,,,Hooli,CTO,04 Jan 2024\n")
    problems = Problems()
    contacts = parse_linkedin(text, "c.csv", problems)
    assert [c.name for c in contacts] == ["Ann Lee"]
    assert [(p.line, p.skipped) for p in problems] == [(3, True), (4, True), (5, True)]
    assert "a quote opened on line 3 is never closed" in problems.items[0].message


def test_a_zip_or_binary_file_given_as_a_csv_is_refused(tmp_path):
    fake = tmp_path / "Connections.csv"
    shutil.copy(_zip(tmp_path), fake)
    with pytest.raises(InputError, match="this is a zip archive, not a LinkedIn"):
        read_linkedin(fake)
    blob = tmp_path / "blob.csv"
    blob.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(InputError, match="binary file"):
        read_linkedin(blob)


# Organization names -----------------------------------------------------------------------

@pytest.mark.parametrize("a,b", [
    ("Origami", "Origami (YC F24)"), ("Hooli", "Hooli (YC W24)"), ("Releva", "Releva.ai"),
    ("Truelancer", "Truelancer.com"), ("JPMorgan Chase", "JPMorganChase"),
    ("Acme Corp", "ACME Corporation"), ("Initech", "Initech, Inc."),
])
def test_spellings_people_type_fold_together(a, b):
    assert org_key(a) == org_key(b)


@pytest.mark.parametrize("a,b", [
    ("Acme Corp", "Acme Capital"), ("Meta", "Metal"), ("Apple", "Applied"),
    ("Google", "Google Cloud"), ("Amazon", "Amazon Web Services"), ("Stripe", "Stripes"),
    ("Initech", "Initech Labs"), ("Bank of America", "America Bank"), ("Globex", "Globe"),
    ("Hooli", "Hooli XYZ"), ("Origami", "Origami Labs (YC F24)"), ("Monday", "Mondays.com"),
])
def test_near_miss_names_stay_apart(a, b):
    assert org_key(a) != org_key(b)


def test_the_most_common_spelling_names_a_new_organization(mynet):
    import_file(mynet, "linkedin", FIXTURES / "linkedin_real_world.csv", as_of=TODAY)
    names = sorted(o.name for o in read_network(mynet).organizations.values())
    assert names == ["Acme Corp", "Globex", "Hooli", "JPMorgan Chase", "Origami", "Releva.ai"]


def test_suggestions_are_plausible_or_nothing():
    index = OrgIndex([Organization("f", "Fayston Preparatory School"),
                      Organization("i", "iUX"), Organization("a", "Acme Corp"),
                      Organization("h", "Hooli XYZ")])
    assert index.suggest("Netflix") == []
    assert index.suggest("Hooli") == ["Hooli XYZ"]
    assert index.suggest("Acme Crop") == ["Acme Corp"]
    assert "Fayston Preparatory School" not in index.suggest("Hooli")


def test_placeholder_employers_are_a_status_not_an_organization(mynet):
    for name in ("Stealth Startup", "Stealth Mode", "Self Employed", "Self-employed",
                 "Freelance", "Confidential", "Retired", "Looking for new opportunities"):
        assert is_placeholder(name), name
    assert not is_placeholder("Stealth Bank") and not is_placeholder("Freelancer.com Inc")
    import_file(mynet, "linkedin", FIXTURES / "linkedin_real_world.csv", as_of=TODAY)
    net = read_network(mynet)
    assert not any("stealth" in o.name.lower() for o in net.organizations.values())
    assert net.people["p-kofi-mensah"].title == "Founder (Stealth Startup)"
    assert net.people["p-gus-alder"].title == "Retired"


def test_placeholder_list_is_configurable(mynet, tmp_path):
    toml = mynet / "graphkit.toml"
    toml.write_text(toml.read_text() + '\n[import]\nplaceholder_employers = ["Sabbatical"]\n')
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "Jo,Park,,,Sabbatical,,01 Jan 2024\n")
    import_file(mynet, "linkedin", path, as_of=TODAY)
    assert read_network(mynet).organizations == {}


def test_placeholder_employers_never_infer_ties():
    people = {p: Person(p, p) for p in ("me", "a", "b", "c", "d")}
    orgs = {"s": Organization("s", "Stealth Startup"), "x": Organization("x", "Acme")}
    jobs = [Employment("a", "s"), Employment("b", "s"), Employment("c", "x"),
            Employment("d", "x")]
    inferred = infer_ties(Network("me", people, orgs, jobs))
    assert [t.key for t in inferred] == [("c", "d")]


# Evidence ---------------------------------------------------------------------------------

def test_linkedin_archive_zip_and_folder_read_alike(tmp_path):
    from_zip = read_linkedin_archive(_zip(tmp_path))
    from_folder = read_linkedin_archive(FIXTURES / "linkedin_archive")
    assert [c.name for c in from_zip.contacts] == ["Ada Byrne", "Ben Okoro", "Cleo Marsh",
                                                   "Dev Patel"]
    assert [(i.kind, i.from_them, i.line) for i in from_zip.interactions] == [
        (i.kind, i.from_them, i.line) for i in from_folder.interactions]
    kinds = [i.kind for i in from_zip.interactions]
    assert (kinds.count("message"), kinds.count("invitation"), kinds.count("recommendation"),
            kinds.count("endorsement")) == (7, 2, 1, 2)


def test_archive_messages_give_counts_dates_reciprocity_never_content(mynet, tmp_path):
    summary, _ = import_file(mynet, "linkedin", _zip(tmp_path), as_of=TODAY)
    assert summary.line() == "rows read 4 = 4 imported + 0 merged + 0 skipped"
    found = summary.evidence["linkedin"]
    assert (found.read, found.matched, found.people) == (12, 12, 4)
    ties = {t.key[1] if t.key[0] == "p-dana-whitfield" else t.key[0]: t
            for t in read_network(mynet).ties}
    ada, ben, cleo = ties["p-ada-byrne"], ties["p-ben-okoro"], ties["p-cleo-marsh"]
    assert (ada.stage, ada.interactions, ada.last_contact) == ("advice", 4, date(2026, 11, 1))
    assert ada.notes == "4 LinkedIn messages (2 from them); recommended you; they replied"
    assert ben.notes == ("2 LinkedIn messages (0 from them); you invited them; "
                         "they never replied") and ben.stage == ""
    assert cleo.notes == "1 LinkedIn message (1 from them); they invited you"
    text = b"".join(_files(mynet).values()).decode()
    for secret in ("Of course", "20 minutes", "role, interested", "careful analyst"):
        assert secret not in text


def test_calendar_and_mail_add_meetings_and_emails_by_address(mynet, tmp_path):
    import_file(mynet, "linkedin", _zip(tmp_path), as_of=TODAY)
    people = mynet / "people.csv"
    text = people.read_text().replace(",Ada Byrne,,", ",Ada Byrne,ada.byrne@acme.example,")
    text = text.replace(",Ben Okoro,,", ",Ben Okoro,ben.okoro@initech.example,")
    people.write_text(text.replace(",Dev Patel,,", ",Dev Patel,dev.patel@acme.example,"))
    cal, problems = import_file(mynet, "calendar", FIXTURES / "calendar.ics", as_of=TODAY)
    assert cal.notes[0].startswith("took dana.whitfield@example.org")
    assert cal.evidence["calendar"].line("interactions") == (
        "3 interactions read = 2 matched to 2 people + 1 not matched (1 not in the network); "
        "1 skipped in the file (see the warnings)")
    assert "cancelled" in str(problems.items[0])
    mail, problems = import_file(mynet, "mbox", FIXTURES / "mail.mbox", as_of=TODAY,
                                 addresses=("dana.whitfield@example.org",))
    assert mail.evidence["mail"].matched == 3
    assert [p.line for p in problems] == [19]  # the newsletter
    ties = {t.key: t for t in read_network(mynet).ties}
    ada = ties[("p-ada-byrne", "p-dana-whitfield")]
    assert ada.notes == ("4 LinkedIn messages (2 from them); recommended you; 1 meeting; "
                         "2 emails (1 from them); they replied")
    assert (ada.interactions, ada.last_contact) == (7, date(2026, 11, 5))
    ben = ties[("p-ben-okoro", "p-dana-whitfield")]
    assert ben.stage == "initiated" and "never replied" not in ben.notes
    text = b"".join(_files(mynet).values()).decode()
    assert "Confidential body" not in text and "Coffee with Ada" not in text


def test_shared_address_in_mail_is_not_matched_to_anyone(mynet):
    import_file(mynet, "google", FIXTURES / "google_shared_mailbox.csv", as_of=TODAY)
    summary, _ = import_file(mynet, "mbox", FIXTURES / "mail.mbox", as_of=TODAY,
                             addresses=("dana.whitfield@example.org",))
    assert summary.evidence["mail"].unmatched["shared address"] == 1


def test_strength_says_connected_unless_there_is_contact_and_weighs_evidence():
    model = StrengthModel()
    connected = Tie("me", "a", last_contact=date(2018, 1, 1), source="own-export")
    talked = Tie("me", "b", stage="initiated", last_contact=date(2026, 11, 1), interactions=12,
                 source="own-export", notes="12 LinkedIn messages (5 from them); they replied")
    same_date_contact = Tie("me", "c", last_contact=date(2018, 1, 1), source="manual")
    assert model.score(connected, TODAY).evidence == ("connected 8 years ago",)
    assert model.score(talked, TODAY).evidence == (
        "conversation initiated", "last contact 3 weeks ago",
        "12 LinkedIn messages (5 from them)", "they replied")
    assert model.score(talked, TODAY).strength > model.score(connected, TODAY).strength
    fresh = Tie("me", "d", last_contact=date(2026, 11, 1), source="own-export")
    assert model.score(fresh, TODAY).strength < model.score(
        Tie("me", "e", last_contact=date(2026, 11, 1), source="manual"), TODAY).strength
    assert model.score(same_date_contact, TODAY).evidence == ("last contact 8 years ago",)


# The command line -------------------------------------------------------------------------

def test_cli_imports_an_archive_explains_merges_and_shows_evidence_in_path_to(mynet, tmp_path):
    runner = CliRunner()
    archive = _zip(tmp_path)
    result = runner.invoke(cli, ["--as-of", "2026-11-22", "import", "linkedin", str(archive),
                                 "--into", str(mynet)])
    assert result.exit_code == 0, result.output
    assert "12 interactions read = 12 matched to 4 people" in result.output
    again = runner.invoke(cli, ["--as-of", "2026-11-22", "import", "linkedin", str(archive),
                                "--into", str(mynet), "--explain"])
    assert "merged line 5: Ada Byrne -> p-ada-byrne (same LinkedIn URL)" in again.output
    paths = runner.invoke(cli, ["--data", str(mynet), "--as-of", "2026-11-22", "path-to",
                                "Acme Corp"])
    assert ("Talk to Ada Byrne, Director of Finance at Acme Corp directly (score 0.665): "
            "advice obtained; last contact 3 weeks ago; 4 LinkedIn messages (2 from them); "
            "recommended you; they replied") in paths.output
    assert "connected 8 years ago; endorsed you 2 times" in paths.output
    assert (mynet / ".graphkit" / "last-import.log").read_text().count("merged line") == 4


def test_cli_owner_candidates_is_one_line(mynet):
    people = mynet / "people.csv"
    people.write_text(people.read_text() + "p-sam-ortiz,Sam Ortiz,,,,,,\n")
    result = CliRunner().invoke(cli, ["import", "linkedin", str(FIXTURES / "linkedin_current.csv"),
                                      "--into", str(mynet), "--owner", "Sam"])
    assert result.exit_code == 1
    assert "did you mean Sam Ortiz (p-sam-ortiz)?" in result.output
    assert "Traceback" not in result.output


# Malformed evidence files: one clean error or a counted warning, never a traceback --------

@pytest.mark.parametrize("kind,name,data,message", [
    ("linkedin", "bad.zip", b"PK\x03\x04garbage", "damaged zip archive"),
    ("linkedin", "Profile.zip", None, "has no Connections.csv"),
    ("calendar", "x.ics", b"hello\n", "not an iCalendar file"),
    ("calendar", "r.ics", b"BEGIN:VCALENDAR\n;;;:::\x01\nEND:VCALENDAR\n", "unreadable"),
    ("mbox", "x.mbox", b"hello\n", "not an mbox file"),
    ("mbox", "e.mbox", b"", "no message found"),
    ("google", "c.csv", b"PK\x03\x04\x00\x00garbage", "this is a zip archive, not a Google"),
])
def test_malformed_evidence_files_are_refused_cleanly(mynet, tmp_path, kind, name, data,
                                                      message):
    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("Profile.csv", "First Name,Last Name\nDana,Whitfield\n")
    else:
        path.write_bytes(data)
    before = _files(mynet)
    with pytest.raises(InputError, match=message):
        import_file(mynet, kind, path, as_of=TODAY)
    assert _files(mynet) == before


def test_a_broken_event_is_a_counted_warning(mynet, tmp_path):
    path = tmp_path / "g.ics"
    path.write_text("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:garbage\nEND:VEVENT\n"
                    "END:VCALENDAR\n")
    summary, problems = import_file(mynet, "calendar", path, as_of=TODAY)
    assert summary.evidence["calendar"].skipped == 1
    assert [(p.line, p.column) for p in problems] == [(2, "DTSTART")]


def test_a_body_line_starting_with_from_does_not_split_a_message():
    from graphkit.io.mbox import read_mbox

    mails = read_mbox(FIXTURES / "mail.mbox")
    assert [m.line for m in mails] == [1, 10, 19, 27]


def test_vcard_2_1_with_quoted_printable_and_a_placeholder_email(mynet, tmp_path):
    path = tmp_path / "old-phone.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\nVERSION:2.1\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\n"
                     b"ORG:Initech\r\nEMAIL;PREF;INTERNET:ann@x.org\r\n"
                     b"NOTE;ENCODING=QUOTED-PRINTABLE:Met at =0D=0Athe fair\r\nEND:VCARD\r\n"
                     b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Bo Wu\r\nEMAIL:n/a\r\nEND:VCARD\r\n")
    summary, problems = import_file(mynet, "vcard", path, as_of=TODAY)
    assert (summary.added, len(problems)) == (2, 0)
    net = read_network(mynet)
    assert net.people["p-ann-lee"].notes == "Met at \r\nthe fair"
    assert net.people["p-bo-wu"].email == ""


def test_archive_whose_owner_cannot_be_told_reads_no_message_and_counts_them(mynet, tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "Connections.csv").write_text(HEADER + "Bo,Wu,https://www.linkedin.com/in/bo,,"
                                            "Initech,CFO,01 Jan 2024\n")
    (folder / "messages.csv").write_text(
        "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"
        "c1,Ann,https://www.linkedin.com/in/ann,Cy,https://www.linkedin.com/in/cy,"
        "2026-08-01 02:00:00 UTC,hi\n"
        "c1,Cy,https://www.linkedin.com/in/cy,Ann,https://www.linkedin.com/in/ann,"
        "2026-08-02 02:00:00 UTC,hello\n")
    summary, problems = import_file(mynet, "linkedin", folder, as_of=TODAY)
    assert summary.line() == "rows read 1 = 1 imported + 0 merged + 0 skipped"
    assert [(p.line, p.skipped) for p in problems] == [(2, True), (3, True)]
    assert "cannot tell which profile is yours" in problems.items[0].message
    assert summary.evidence["linkedin"].line("interactions") == (
        "0 interactions read = 0 matched to 0 people + 0 not matched; 2 skipped in the file "
        "(see the warnings)")
