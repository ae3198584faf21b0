"""Inferred ties from crafted overlaps of jobs and small groups."""

from __future__ import annotations

from datetime import date

import pytest

from graphkit.analysis.paths import path_to
from graphkit.infer import infer_ties, with_inferred_ties
from graphkit.model import Employment, Membership, Network, Organization, Person, Tie
from graphkit.workspace import open_store


def _network() -> Network:
    people = {p: Person(p, p.title()) for p in
              ("me", "ann", "bo", "cy", "di", "ed", "fay")}
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech")}
    d = date
    jobs = [Employment("ann", "acme", "", d(2019, 3, 1), d(2021, 6, 1)),
            Employment("bo", "acme", "", d(2020, 1, 1)),               # overlaps ann 2020-2021
            Employment("cy", "acme", "", d(2022, 1, 1), d(2023, 1, 1)),  # overlaps bo only
            Employment("di", "acme"),                                   # current, start unknown
            Employment("ed", "acme", "", None, d(2018, 1, 1)),          # known only at its end
            Employment("ann", "ini", "", d(2010, 1, 1), d(2012, 1, 1)),
            Employment("fay", "ini", "", d(2011, 6, 1), d(2011, 6, 1))]
    groups = [Membership(p, "Chess Club") for p in ("me", "ann", "fay")]
    groups += [Membership(f"p{i}", "Big Meetup") for i in range(13)]
    people.update({f"p{i}": Person(f"p{i}", f"P{i}") for i in range(13)})
    ties = [Tie("bo", "cy", 0.4)]  # recorded: never replaced
    return Network("me", people, orgs, jobs, ties, memberships=groups)


def test_inferred_ties_and_their_evidence():
    got = {t.key: (t.notes, t.last_contact) for t in infer_ties(_network())}
    assert got == {
        ("ann", "bo"): ("both at Acme Corp 2020-2021", date(2021, 6, 1)),
        ("bo", "di"): ("both at Acme Corp now", None),
        ("ann", "fay"): ("both at Initech in 2011; both in Chess Club (3 members)",
                         date(2011, 6, 1)),
        ("ann", "me"): ("both in Chess Club (3 members)", None),
        ("fay", "me"): ("both in Chess Club (3 members)", None),
    }
    assert all(t.source == "inferred" and t.strength is None for t in infer_ties(_network()))


def test_big_groups_are_not_evidence():
    assert not any("Big Meetup" in t.notes for t in infer_ties(_network()))
    assert any("Big Meetup" in t.notes for t in infer_ties(_network(), max_group_size=13))


def test_inferred_ties_are_weak_labelled_and_shown_in_paths(store_of):
    net = with_inferred_ties(_network())
    net.organizations["glob"] = Organization("glob", "Globex")
    net.employment.append(Employment("fay", "glob", "CFO"))
    store = store_of(net)
    view = store.tie("ann", "me")
    assert view.inferred and view.evidence == ("inferred: both in Chess Club (3 members)",)
    # acquaintance 0.30 * no-date recency 0.5 + one shared group 0.04, times 0.6
    assert view.strength == pytest.approx(0.114, abs=1e-12)
    step = path_to(store, "Globex").paths[0].steps[0]
    assert step.inferred and step.target.id == "fay"


def test_open_store_adds_inferred_ties_only_when_asked(sample_dir):
    plain = open_store(sample_dir, as_of=date(2026, 11, 22))
    inferred = open_store(sample_dir, as_of=date(2026, 11, 22), infer=True)
    assert not any(v.inferred for v in plain.ties())
    extra = [v for v in inferred.ties() if v.inferred]
    assert extra and len(inferred.ties()) == len(plain.ties()) + len(extra)
    recorded = {v.tie.key for v in plain.ties()}
    assert not any(v.tie.key in recorded for v in extra)
