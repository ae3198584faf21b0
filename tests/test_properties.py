"""Property-based tests: any text given to an importer is imported or refused with graphkit's
own error; never another exception, never a hang."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graphkit.errors import GraphkitError
from graphkit.io.google import parse_google
from graphkit.io.linkedin import parse_linkedin
from graphkit.io.network import PEOPLE, TIES, parse_people, parse_ties
from graphkit.io.table import Problems
from graphkit.io.text import decode
from graphkit.io.vcard import parse_vcard
from graphkit.model import Person

LINKEDIN = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
GOOGLE = "First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels\n"
TOKENS = [",", ";", "\t", '"', '""', "\n", "\r\n", "\r", "\x00", " ", "Zoë", "Ólafsdóttir",
          "Acme, Inc.", "26 Dec 2025", "1/8/18, 6:14 PM", "BEGIN:VCARD", "END:VCARD",
          "VERSION:3.0", "FN:", "N:", ";;;", "ORG:", "CATEGORIES:", "RELATED:", "item1.",
          "PHOTO;ENCODING=b:", "\n ", "=0D=0A", "\\,", ":", "0.5", "NaN", "-1", "First Name",
          "Last Name", "Notes:", "ﬁ", "\u202e", "🙂"]
texts = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=60).map(
    "".join)
SETTINGS = settings(max_examples=150, deadline=timedelta(seconds=5),
                    suppress_health_check=[HealthCheck.too_slow])


def imports_or_refuses(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        parse(text, "input", Problems())
    except GraphkitError:
        pass


@SETTINGS
@given(texts)
def test_linkedin_with_any_body(body):
    imports_or_refuses(parse_linkedin, LINKEDIN + body)
    imports_or_refuses(parse_linkedin, body)


@SETTINGS
@given(texts)
def test_google_with_any_body(body):
    imports_or_refuses(parse_google, GOOGLE + body)


@SETTINGS
@given(texts)
def test_vcard_with_any_text(body):
    imports_or_refuses(parse_vcard, "BEGIN:VCARD\nVERSION:3.0\n" + body)
    imports_or_refuses(parse_vcard, body)


@SETTINGS
@given(texts)
def test_network_tables_with_any_body(body):
    imports_or_refuses(parse_people, ",".join(PEOPLE.columns) + "\n" + body)
    people = {p: Person(p, p) for p in ("a", "b")}
    try:
        parse_ties(",".join(TIES.columns) + "\n" + body, "ties.csv", people, Problems())
    except GraphkitError:
        pass


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_decode(data):
    try:
        assert isinstance(decode(data), str)
    except GraphkitError:
        pass
