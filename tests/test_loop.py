"""The weekly job-search loop from the command line: record, plan, ask.

The acceptance test plays four weeks of a job search on a copy of the sample network; after
every command that writes, `graphkit check` exits 0, no row is lost and every file written is
private (0600).
"""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from graphkit.cli.main import main
from graphkit.io.network import FILES, read_network
from graphkit.workspace.write import KEYS

PITCH = """
[pitch]
role = "Senior Financial Analyst"
skills = ["financial modeling", "grant budgeting", "forecasting"]
industry = "non-profit organizations"
geography = "the Boston area"
"""
SECRET = "SECRET-salary-talk-7731"


def rows(folder: Path) -> dict[str, list[dict[str, str]]]:
    """Every row of every CSV file of the network, as read by the csv module."""
    out = {}
    for spec in FILES:
        path = folder / spec.name
        text = path.read_text(encoding="utf-8-sig") if path.exists() else ""
        out[spec.name] = list(csv.DictReader(io.StringIO(text))) if text else []
    return out


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.csv")}


class Loop:
    """Runs graphkit on one network folder and checks the folder after every write."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.as_of = "2026-11-23"

    def run(self, *args: str, code: int | tuple[int, ...] = 0):
        result = CliRunner().invoke(main, ["--data", str(self.folder), "--as-of", self.as_of,
                                           *args])
        assert "Traceback" not in result.output, result.output
        codes = code if isinstance(code, tuple) else (code,)
        assert result.exit_code in codes, (args, result.output)
        return result

    def write(self, *args: str, removes: int = 0) -> str:
        """Run a command that changes the network; check that nothing was lost."""
        before, bytes_before = rows(self.folder), snapshot(self.folder)
        result = self.run(*args)
        after, bytes_after = rows(self.folder), snapshot(self.folder)
        lost = 0
        for name, old in before.items():
            keys = {KEYS[name](r) for r in after[name]}
            lost += sum(1 for r in old if KEYS[name](r) not in keys)
            if bytes_before.get(name) != bytes_after.get(name):
                mode = stat.S_IMODE((self.folder / name).stat().st_mode)
                assert mode == 0o600, (name, oct(mode))
        assert lost == removes, (args, lost)
        check = self.run("check")
        assert check.exit_code == 0, check.output
        return result.output


@pytest.fixture
def loop(sample_dir: Path) -> Loop:
    with (sample_dir / "graphkit.toml").open("a", encoding="utf-8") as f:
        f.write(PITCH)
    return Loop(sample_dir)


def test_four_weeks_of_a_job_search(loop: Loop) -> None:
    # Week 1: a dream employer where I know nobody; a coffee that moves a relationship along.
    loop.as_of = "2026-11-23"
    out = loop.write("target", "add", "Netflix", "--priority", "1", "--industry", "media")
    assert "added Netflix to the target list (a new organization" in out
    path = loop.run("path-to", "Netflix")
    assert "nobody there yet" in path.output and "What could open a door:" in path.output
    targets = loop.run("targets").output
    assert targets.startswith("13 of 16 targets reachable")
    assert "Netflix (nobody there yet)" in targets and "Not matched" not in targets
    assert "Find a door into Netflix" in loop.run("next", "--limit", "30").output
    first = loop.run("report", "--format", "json")  # the baseline
    assert json.loads(first.output)
    out = loop.write("log", "Sara Pereira", "--kind", "coffee", "--note", SECRET)
    assert "logged a coffee with Sara Pereira on 2026-11-23: 16 interactions" in out
    out = loop.write("stage", "Sara Pereira", "advice")
    assert "conversation initiated -> advice obtained; strength" in out
    week1 = loop.run("next", "--format", "json")
    assert "Acme Corp" in [o["name"] for o in json.loads(week1.output)["worked"]]

    # Week 2: met someone at an event who knows someone at Netflix; asked for the intro.
    loop.as_of = "2026-11-30"
    loop.write("person", "add", "Jordan Lee", "--org", "Seaport Media Group", "--title",
               "Producer")
    loop.write("person", "add", "Riley Chen", "--org", "Netflix", "--title", "Finance Director",
               "--knows", "Jordan Lee", "--not-met")
    loop.write("log", "Jordan Lee", "--kind", "meeting")
    out = loop.write("intro", "add", "Jordan Lee", "Riley Chen", "--status", "requested")
    assert "introduction by Jordan Lee to Riley Chen: requested (2026-11-30)" in out
    draft = loop.run("ask", "Jordan Lee", "--to", "Riley Chen").output
    assert "Riley Chen, Finance Director at Netflix" in draft and "introduce us" in draft
    report = loop.run("report", code=3).output  # something new: Netflix is reachable now
    assert "Netflix" in report and "newly reachable" in report.lower()
    assert "nobody there yet" not in loop.run("path-to", "Netflix").output

    # Week 3: the ask is a week old: follow up; then Jordan makes the introduction.
    loop.as_of = "2026-12-07"
    plan = loop.run("next").output
    assert "Ask Jordan Lee again about an introduction to Riley Chen" in plan
    out = loop.write("intro", "update", "Jordan Lee", "Riley Chen", "--status", "done")
    assert "requested -> made" in out and "you are now tied to Riley Chen" in out
    assert "Ask Jordan Lee again" not in loop.run("next").output
    assert loop.run("path-to", "Netflix").output.startswith("Netflix: 1 of 1 people there")

    # Week 4: the introduction is a week old: write to Riley; then meet and record it.
    loop.as_of = "2026-12-14"
    assert "Write to Riley Chen: Jordan Lee introduced you 1 week ago" in loop.run("next").output
    loop.write("log", "Riley Chen", "--kind", "call")
    loop.write("intro", "update", "Jordan Lee", "Riley Chen", "--status", "met")
    out = loop.write("stage", "Riley Chen", "initiated")
    assert "Riley Chen: acquaintance -> conversation initiated; strength" in out
    assert "Riley Chen" not in loop.run("next").output.split("Already being worked")[0]
    loop.write("target", "remove", "Initech", removes=1)
    assert "Initech" not in loop.run("target", "list").output

    # Notes stay private: never in shared outputs.
    shared = [loop.run("report", "--format", fmt, code=(0, 3)).output
              for fmt in ("json", "markdown", "html")]
    shared += [loop.run(*cmd, "--format", "json").output for cmd in (
        ("next",), ("targets",), ("path-to", "Acme Corp"), ("what-if", "reconnect"),
        ("referrals", "--plan", "Acme Corp"), ("referrals",),
        ("what-if", "reconnect", "Sara Pereira"))]
    shared.append(loop.run("ask", "Sara Pereira").output)
    anonymized = loop.folder.parent / "anon"
    loop.run("export", "--anonymize", str(anonymized))
    shared += [p.read_text(encoding="utf-8") for p in anonymized.glob("*.csv")]
    assert all(SECRET not in text for text in shared)
    assert SECRET in (loop.folder / "ties.csv").read_text(encoding="utf-8")


def test_a_write_keeps_rows_graphkit_cannot_read(loop: Loop) -> None:
    with (loop.folder / "ties.csv").open("a", encoding="utf-8") as f:
        f.write("p-dana-whitfield,p-nobody,,,,,manual,kept as written\n")
    loop.run("log", "Marcus Bell")
    assert (loop.folder / "ties.csv").read_text(encoding="utf-8").endswith(
        "p-dana-whitfield,p-nobody,,,,,manual,kept as written\n")


def test_the_bundled_sample_is_read_only() -> None:
    result = CliRunner().invoke(main, ["log", "Marcus Bell"], env={"GRAPHKIT_DATA": ""})
    assert result.exit_code == 1
    assert "the bundled sample network is read-only" in result.output
    assert "Traceback" not in result.output


def test_ambiguous_and_unknown_names_refuse_to_guess(loop: Loop) -> None:
    out = loop.run("log", "Sara", code=1).output
    assert '"Sara" matches 6 people: Sara Abbott (p-sara-abbott)' in out
    assert "pass the id instead" in out
    out = loop.run("stage", "Sarah Pereira", "advice", code=1).output
    assert 'no person matches "Sarah Pereira": did you mean "Sara Pereira"' in out
    assert loop.run("stage", "p-sara-abbott", "referral").output.startswith("Sara Abbott:")


def test_find_lists_people_and_organizations_with_ids(loop: Loop) -> None:
    out = loop.run("find", "acme").output
    assert "organization" in out and "o-acme" in out and "Acme Corp" in out
    out = loop.run("find", "chloe.morales@example").output
    assert "p-chloe-morales" in out and "[email]" in out
    assert loop.run("find", "zzzz-nobody").output == 'nothing matches "zzzz-nobody"\n'


def test_log_refuses_dates_after_the_as_of_date_and_unknown_kinds(loop: Loop) -> None:
    out = loop.run("log", "Marcus Bell", "--date", "2026-12-25", code=1).output
    assert "--date must be on or before 2026-11-23" in out
    assert loop.run("log", "Marcus Bell", "--kind", "fax", code=2).exit_code == 2


def test_log_with_a_stranger_creates_the_tie(loop: Loop) -> None:
    before = read_network(loop.folder)
    stranger = next(p for p in before.people.values() if p.id != before.me and not any(
        before.me in t.key and p.id in t.key for t in before.ties))
    out = loop.write("log", stranger.id, "--kind", "call")
    assert "(a new tie: you have met now)" in out
    tie = next(t for t in read_network(loop.folder).ties
               if t.key == tuple(sorted((before.me, stranger.id))))
    assert (tie.source, tie.stage, tie.interactions) == ("manual", "initiated", 1)
    assert tie.last_contact == date(2026, 11, 23)


def test_intro_add_twice_and_update_of_nothing_say_what_to_do(loop: Loop) -> None:
    loop.write("intro", "add", "Marcus Bell", "Chloe Lee")
    out = loop.run("intro", "add", "Marcus Bell", "Chloe Lee", code=1).output
    assert "already in the log; change it with `graphkit intro update`" in out
    out = loop.run("intro", "update", "Marcus Bell", "Aaron Kim", "--status", "met",
                   code=1).output
    assert "add it with `graphkit intro add`" in out
    declined = loop.write("intro", "update", "Marcus Bell", "Chloe Lee", "--status", "declined")
    assert "requested -> declined" in declined
    assert "Chloe Lee" not in loop.run("referrals").output.split("Chains")[0]


def test_target_add_refuses_a_typo_and_updates_an_existing_target(loop: Loop) -> None:
    out = loop.run("target", "add", "Acmee Corp", code=1).output
    assert 'did you mean "Acme Corp"? To add it as a new organization, pass --new' in out
    assert "updated Acme Corp on the target list" in loop.write(
        "target", "add", "Acme Corp", "--priority", "2")
    assert "is already on the target list" in loop.run("target", "add", "acme").output
    out = loop.run("target", "remove", "Nowhere Inc", code=1).output
    assert '"Nowhere Inc" is not on the target list' in out


def test_person_add_refuses_a_namesake_without_new(loop: Loop) -> None:
    out = loop.run("person", "add", "Marcus Bell", code=1).output
    assert "Marcus Bell is already in the network (p-marcus-bell)" in out
    out = loop.write("person", "add", "Marcus Bell", "--new", "--org", "Initech")
    assert "added Marcus Bell (p-marcus-bell-2), tied to you; works at Initech" in out


def test_what_if_meet_opens_a_target_and_reconnect_needs_a_tie(loop: Loop) -> None:
    loop.write("target", "add", "Netflix", "--priority", "1")
    out = loop.run("what-if", "meet", "Riley Chen", "--org", "Netflix").output
    assert "Netflix" in out and "opens" in out and "1 target opens" in out
    data = json.loads(loop.run("what-if", "meet", "Riley Chen", "--org", "Netflix",
                               "--format", "json").output)
    netflix = next(t for t in data["targets"] if t["organization"]["name"] == "Netflix")
    assert netflix["before"] is None and netflix["after"] > 0.1 and netflix["change"] == "opens"
    out = loop.run("what-if", "reconnect", "Riley Chen", code=1).output
    assert "no person matches" in out
    ranked = loop.run("what-if", "reconnect", "--limit", "3").output
    assert ranked.startswith("Reconnections that open the most targets")
    assert ranked.count("tie 0.") == 3


def test_next_is_capped_and_speaks_csv(loop: Loop) -> None:
    out = loop.run("next", "--limit", "2").output
    assert out.count("    why: ") == 2 and "more: graphkit next --limit" in out
    table = list(csv.reader(io.StringIO(loop.run("next", "--format", "csv").output)))
    assert table[0] == ["rank", "kind", "action", "reason", "person", "organization", "command"]
    assert len(table) == 11


def test_ask_never_asks_for_a_job_and_offers_help_back(loop: Loop) -> None:
    for args in (("Sara Pereira",), ("Aisha Mahmoud",), ("Xavier Weber", "--for", "Initech"),
                 ("Priya Raman", "--for", "Harborview Health"),
                 ("Marcus Bell", "--to", "Chloe Lee")):
        draft = loop.run("ask", *args).output
        assert "job" not in draft.lower()
        assert "return the favour" in draft
        assert "Senior Financial Analyst" in draft and draft.startswith("Subject: ")
    out = loop.run("ask", "Marcus Bell", "--to", "Sara Pereira", code=1).output
    assert "have no recorded tie" in out


def test_ask_uses_the_users_own_template_and_checks_it(loop: Loop) -> None:
    written = loop.run("ask", "--init-templates").output
    assert written.count("wrote ") == 5
    own = loop.folder / "templates" / "initiate.txt"
    assert stat.S_IMODE(own.stat().st_mode) == 0o600
    own.write_text("Hey $first_name! $pitch -- $my_name\n", encoding="utf-8")
    assert loop.run("ask", "Aisha Mahmoud").output.startswith("Hey Aisha! I'm looking for")
    own.write_text("Hi $firstname\n", encoding="utf-8")
    out = loop.run("ask", "Aisha Mahmoud", code=1).output
    assert "initiate.txt" in out and "unknown placeholder $firstname" in out


def test_ask_without_a_pitch_leaves_a_gap_and_says_so(sample_dir: Path) -> None:
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-23",
                                       "ask", "Sara Pereira"])
    assert result.exit_code == 0
    assert "[your one-line pitch: add a [pitch] table to graphkit.toml" in result.stdout
    assert "note: no [pitch] in graphkit.toml" in result.stderr


def test_a_bad_pitch_is_one_line_naming_the_file(sample_dir: Path) -> None:
    with (sample_dir / "graphkit.toml").open("a", encoding="utf-8") as f:
        f.write('\n[pitch]\nrole = 3\n')
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "ask", "Sara Pereira"])
    assert result.exit_code == 1
    assert "graphkit.toml: [pitch] role must be text, not 3" in result.output


def test_concurrent_logs_all_land(sample_dir: Path) -> None:
    """Five `graphkit log` processes at once: the lock makes them take turns, none is lost."""
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("graphkit")
    runs = [subprocess.Popen([str(exe), "--data", str(sample_dir), "--as-of", "2026-11-23",
                              "log", "Marcus Bell", "--note", f"note {i}"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(5)]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    network = read_network(sample_dir)
    tie = next(t for t in network.ties if t.key == ("p-dana-whitfield", "p-marcus-bell"))
    assert tie.interactions == 20 + 5
    assert all(f"note {i}" in tie.notes for i in range(5))


def _small_network():
    from graphkit.model import Employment, Network, Organization, Person, Target, Tie

    people = {p: Person(p, p.title()) for p in ("me", "ann", "bo", "cy")}
    return Network("me", people,
                   {"acme": Organization("acme", "Acme Corp"),
                    "init": Organization("init", "Initech")},
                   [Employment("bo", "acme", "CFO"), Employment("cy", "init", "CEO")],
                   [Tie("me", "ann", stage="advice", last_contact=date(2020, 1, 1),
                        interactions=8),
                    Tie("ann", "bo", 0.5), Tie("me", "cy", 0.05)],
                   targets=[Target("Acme Corp", 1), Target("Initech", 2)])


@pytest.mark.parametrize("backend", ["memory", "array"])
def test_next_revives_a_dormant_strong_tie_that_opens_a_target(backend: str) -> None:
    from conftest import make_store

    from graphkit.analysis.plan import weekly_plan

    store = make_store(backend, _small_network(), date(2026, 11, 23))
    plan = weekly_plan(store)
    kinds = [(item.kind, item.action) for item in plan.items]
    assert kinds[0] == ("ask", "Ask Ann for an introduction to Bo, CFO at Acme Corp")
    revive = next(item for item in plan.items if item.kind == "revive")
    assert revive.action == "Reconnect with Ann (advice obtained, last contact 6 years ago)"
    assert revive.reason == "a better path to Acme Corp"
    assert revive.command == 'graphkit what-if reconnect "Ann"'


@pytest.mark.parametrize("backend", ["memory", "array"])
def test_what_if_reconnect_and_meet_on_a_small_network(backend: str) -> None:
    from conftest import make_store

    from graphkit.analysis.what_if import rank_reconnections
    from graphkit.scenarios import meet, reconnect
    from graphkit.strength import StrengthModel

    store = make_store(backend, _small_network(), date(2026, 11, 23))
    model = StrengthModel()
    result = reconnect(store, "Cy", model)
    initech = next(t for t in result.targets if t.organization.id == "init")
    assert initech.before == pytest.approx(0.05) and initech.opened()
    assert initech.ask_after == "Cy"
    ranked = rank_reconnections(store, model)
    assert [r.contact.id for r in ranked] == ["cy", "ann"]
    assert [t.organization.id for t in ranked[0].opened] == ["init"]
    met = meet(store, "Dee Novak", model, "Initech")
    assert [t.organization.id for t in met.opened] == ["init"]
    with pytest.raises(Exception, match="you already know Ann"):
        meet(store, "Ann", model)
