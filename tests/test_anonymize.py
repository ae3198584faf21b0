"""``export --anonymize``: nothing that identifies a person left, the same analysis results."""

from __future__ import annotations

import dataclasses
import stat
from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from graphkit.analysis.paths import path_to
from graphkit.analysis.reach import reach
from graphkit.analysis.referral_plan import referral_plan
from graphkit.analysis.referrals import referral_chains
from graphkit.analysis.weak_ties import weak_ties
from graphkit.anonymize import anonymize, title_level
from graphkit.cli.main import main
from graphkit.io.network import read_network
from graphkit.model import Organization, Person
from graphkit.store.memory import MemoryStore

AS_OF = date(2026, 11, 22)


class Shape:
    """An answer with every name taken out: people and organizations by pseudonym, dates
    moved by the export's offset, text replaced by a marker, numbers kept exactly."""

    def __init__(self, people: dict[str, str], orgs: dict[str, str], shift: int) -> None:
        self.people, self.orgs, self.shift = people, orgs, timedelta(days=shift)

    def __call__(self, value):
        if isinstance(value, Person):
            return ("person", self.people.get(value.id, value.id))
        if isinstance(value, Organization):
            return ("org", self.orgs.get(value.id, value.id))
        if isinstance(value, date):
            return value + self.shift
        if isinstance(value, str):
            if value in self.people:
                return self.people[value]
            if value in self.orgs:
                return self.orgs[value]
            return "<text>"
        if dataclasses.is_dataclass(value):
            # ``extra`` (unknown columns, provenance) is dropped by anonymizing on purpose.
            return (type(value).__name__, {f.name: self(getattr(value, f.name))
                                           for f in dataclasses.fields(value)
                                           if f.name != "extra"})
        if isinstance(value, dict):
            return {self(k): self(v) for k, v in value.items()}
        if isinstance(value, list | tuple | set | frozenset):
            return [self(v) for v in value]
        return value


@pytest.fixture(scope="module")
def copies(sample_network):
    anon = anonymize(sample_network)
    net = anon.network
    before = Shape(dict(zip(sorted(sample_network.people), sorted(net.people), strict=True)),
                   dict(zip(sorted(sample_network.organizations), sorted(net.organizations),
                            strict=True)), anon.shift_days)
    after = Shape({p: p for p in net.people}, {o: o for o in net.organizations}, 0)
    return (MemoryStore(sample_network, AS_OF), before,
            MemoryStore(net, anon.as_of(AS_OF)), after, anon)


def test_the_offset_is_secret_and_moves_every_date(sample_network):
    shifts = {anonymize(sample_network).shift_days for _ in range(5)}
    assert len(shifts) > 1 and all(-3650 <= s <= -365 for s in shifts)
    anon = anonymize(sample_network, shift_days=-1000).network
    real = sorted(t.last_contact for t in sample_network.ties if t.last_contact)
    moved = sorted(t.last_contact for t in anon.ties if t.last_contact)
    assert moved == [d - timedelta(days=1000) for d in real]


@pytest.mark.parametrize("org", ["Acme Corp", "Initech", "Salem Harbor Trust"])
def test_paths_and_plans_are_the_same_modulo_names(copies, sample_network, org):
    store, before, anon_store, after, anon = copies
    index = {o.name: o.id for o in sample_network.organizations.values()}
    pseudonym = anon.network.organizations[before.orgs[index[org]]].name
    for hops in (1, 2, 3):
        assert before(path_to(store, org, hops).paths) == after(
            path_to(anon_store, pseudonym, hops).paths)
    assert before(referral_plan(store, org)) == after(referral_plan(anon_store, pseudonym))


def test_targets_referrals_and_weak_ties_are_the_same_modulo_names(copies):
    store, before, anon_store, after, _ = copies
    for hops in (1, 2, 3):
        assert before(reach(store, hops)) == after(reach(anon_store, hops))
    assert before(referral_chains(store)) == after(referral_chains(anon_store))
    assert before(weak_ties(store)) == after(weak_ties(anon_store))


def test_titles_become_a_level():
    assert [title_level(t) for t in ("Chief Financial Officer", "Board Treasurer",
                                     "Program Manager", "Sr. Data Engineer", "Barista")] == [
        "Executive", "Director", "Manager", "Senior", "Staff"]


def test_the_export_identifies_no_one(tmp_path, sample_dir):
    people = sample_dir / "people.csv"
    people.write_text(people.read_text().replace(
        "id,name,email,linkedin_url,title,location,notes,tags",
        "id,name,email,linkedin_url,title,location,notes,tags,phone").replace(
        "p-dana-whitfield,Dana Whitfield,,,Senior Financial Analyst,,,",
        "p-dana-whitfield,Dana Whitfield,,,Senior Financial Analyst,Salem MA,=HYPERLINK(1),"
        "job-search,+1 555 0100"))
    ties = sample_dir / "ties.csv"
    ties.write_text(ties.read_text().replace(",own-export,\n", ",=cmd|' /C calc'!A0,\n", 1))
    out = tmp_path / "anon"
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "--as-of", "2026-11-22",
                                       "export", "--anonymize", str(out)])
    assert result.exit_code == 0, result.output
    assert "kept: who knows, introduced and works with whom" in result.stdout
    original = read_network(sample_dir)
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*") if p.is_file())
    for person in original.people.values():
        assert person.name not in text and person.id not in text
        assert not person.linkedin_url or person.linkedin_url not in text
    for org in original.organizations.values():
        assert org.name not in text and org.id not in text
        assert not org.location or org.location not in text
        assert all(alias not in text for alias in org.aliases)
    titles = {e.title for e in original.employment if e.title} - {
        "Executive", "Director", "Manager", "Senior", "Staff"}
    assert titles and not any(f",{title}," in text for title in titles)
    # Every date moved by the same secret offset (a year or more), told only to the user.
    shift = date.fromisoformat(result.stdout.split("--as-of ")[1].split()[0]) - AS_OF
    assert shift <= timedelta(days=-365)
    copy = read_network(out)
    ids = dict(zip(sorted(original.people), sorted(copy.people), strict=True))
    moved = {(t.person_a, t.person_b): t.last_contact for t in copy.ties}
    assert {(ids[t.person_a], ids[t.person_b]): t.last_contact and t.last_contact + shift
            for t in original.ties} == moved
    for gone in ("Salem MA", "job-search", "555 0100", "phone", "HYPERLINK", "calc",
                 "Trinity Church", "Dana"):
        assert gone not in text, gone
    # ... every cell a spreadsheet could run is neutralized
    for line in text.splitlines():
        assert not any(cell.startswith(("=", "+", "@")) for cell in line.split(","))
    # Private: a folder only the owner opens, files only the owner reads.
    assert stat.S_IMODE(out.stat().st_mode) == 0o700
    for path in out.glob("*"):
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path
    # The copy is a network graphkit reads, and its command line answers, at the moved date.
    shifted = result.stdout.split("--as-of ")[1].split()[0]
    targets = CliRunner().invoke(main, ["--data", str(out), "--as-of", shifted, "targets"])
    assert targets.exit_code == 0, targets.output
    again = CliRunner().invoke(main, ["--data", str(sample_dir), "export", str(out)])
    assert again.exit_code == 1 and "already holds a network" in again.stderr
