"""The malformed-input corpus (tests/corpus, made by make_corpus.py): every case's outcome.

An importer either imports (with the expected number of records and warnings) or refuses with
graphkit's own error; never any other exception.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphkit.errors import GraphkitError
from graphkit.io.google import parse_google, read_google
from graphkit.io.linkedin import parse_linkedin, read_linkedin
from graphkit.io.network import read_network
from graphkit.io.table import Problems
from graphkit.io.vcard import read_vcard

CORPUS = Path(__file__).resolve().parent / "corpus"
CASES = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
NETWORK = json.loads((CORPUS / "network-base.json").read_text(encoding="utf-8"))
READERS = {"linkedin": read_linkedin, "linkedin-legacy": read_linkedin, "google": read_google,
           "google-legacy": read_google, "vcard": read_vcard}
COLLECTIONS = {"people.csv": "people", "organizations.csv": "organizations",
               "employment.csv": "employment", "ties.csv": "ties",
               "introductions.csv": "introductions", "groups.csv": "memberships",
               "targets.csv": "targets", "graphkit.toml": "people"}


def read_case(case: dict, tmp_path: Path, problems: Problems) -> tuple[int, list[str]]:
    """(records read, names read) for one case."""
    path = CORPUS / "files" / case["file"]
    if case["kind"] != "network":
        contacts = READERS[case["kind"]](path, problems)
        return len(contacts), [c.name for c in contacts]
    folder = tmp_path / "net"
    folder.mkdir()
    for name, text in NETWORK.items():
        (folder / name).write_text(text, encoding="utf-8")
    target = Path(case["file"]).name
    (folder / target).write_bytes(path.read_bytes())
    network = read_network(folder, problems)
    records = getattr(network, COLLECTIONS[target])
    base = read_network(_base(tmp_path))
    case.setdefault("records", len(getattr(base, COLLECTIONS[target])))
    return len(records), [p.name for p in network.people.values()]


def _base(tmp_path: Path) -> Path:
    folder = tmp_path / "base"
    if not folder.exists():
        folder.mkdir()
        for name, text in NETWORK.items():
            (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_corpus_is_large_enough():
    assert len(CASES) >= 200
    assert {c["kind"] for c in CASES} == {*READERS, "network"}


@pytest.mark.parametrize("case", CASES, ids=[f"{c['kind']}/{c['name']}" for c in CASES])
def test_case(case, tmp_path):
    case = dict(case)
    problems = Problems()
    if case["expect"] == "error":
        with pytest.raises(GraphkitError) as info:
            read_case(case, tmp_path, problems)
        assert case["match"] in str(info.value)
        return
    records, names = read_case(case, tmp_path, problems)
    assert (records, len(problems), sum(p.skipped for p in problems)) == (
        case["records"], case["warnings"], case["skipped"]), [str(p) for p in problems]
    if case["name"].startswith(("enc-", "excel-", "mixed-", "semicolons")) or "-enc-" in case[
            "name"]:
        if case["kind"] != "network" or case["file"].endswith("people.csv"):
            assert "Zoë Ólafsdóttir" in names


def test_ten_megabyte_field(tmp_path):
    path = tmp_path / "big-field.csv"
    note = "x" * 10_000_000
    path.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    f'Ann,Lee,,,Acme,"{note}",01 Jan 2024\n', encoding="utf-8")
    [contact] = read_linkedin(path)
    assert len(contact.title) == 10_000_000


def test_hundred_thousand_rows():
    rows = "\n".join(f"F{i},L{i},https://www.linkedin.com/in/u{i},,Org {i % 97},Analyst,"
                     "26 Dec 2025" for i in range(100_000))
    contacts = parse_linkedin("First Name,Last Name,URL,Email Address,Company,Position,"
                              "Connected On\n" + rows + "\n")
    assert len(contacts) == 100_000 and contacts[-1].line == 100_001
    google = parse_google("First Name,Last Name,Organization Name\n" + "\n".join(
        f"F{i},L{i},Org" for i in range(100_000)))
    assert len(google) == 100_000
