"""Referral chains, follow-ups and plans on a crafted introductions log."""

from __future__ import annotations

from datetime import date

import pytest

from graphkit.analysis.referral_plan import referral_plan
from graphkit.analysis.referrals import referral_chains
from graphkit.errors import InvalidArgument, UnknownOrganization
from graphkit.model import (
    Employment,
    Introduction,
    Membership,
    Network,
    Organization,
    Person,
    Target,
    Tie,
)
from graphkit.render import referrals as render


def _log() -> Network:
    """As of 2026-11-22: a chain a -> b -> c -> x reaching Acme, a cycle d <-> e, a second
    introduction to b, a future date, an undated one with an unknown status, and more."""
    ids = ["me", "a", "b", "c", "d", "e", "f", "g", "h", "k", "x"]
    people = {p: Person(p, p.upper()) for p in ids}
    orgs = {"acme": Organization("acme", "Acme Corp")}
    jobs = [Employment("x", "acme", "CFO")]

    def intro(by, to, when, status, who="me"):
        return Introduction(by, who, to, when, status)

    log = [intro("a", "b", date(2026, 1, 10), "met"),
           intro("b", "c", date(2026, 2, 1), "met"),
           intro("c", "x", date(2026, 11, 10), "made"),
           intro("d", "e", date(2026, 11, 20), "requested"),
           intro("e", "d", date(2026, 11, 21), "requested"),
           intro("f", "b", date(2026, 3, 1), "requested"),
           intro("g", "h", date(2027, 1, 1), "made"),
           intro("h", "k", None, "pending"),
           intro("a", "me", date(2026, 5, 1), "met"),
           intro("a", "c", date(2026, 4, 1), "made", who="b")]
    return Network("me", people, orgs, jobs, introductions=log, targets=[Target("Acme Corp")])


def test_chains(store_of):
    result = referral_chains(store_of(_log()))
    chains = [([s.introducer.id for s in c.steps][:1] + [s.introduced_to.id for s in c.steps],
               c.depth, [o.name for o in c.reached], bool(c.cut)) for c in result.chains]
    assert chains == [
        (["a", "b", "c", "x"], 3, ["Acme Corp"], False),
        (["f", "b"], 1, [], False),
        (["d", "e", "d"], 2, [], True),
        (["g", "h", "k"], 2, [], False),
    ]
    assert result.chains[2].cut == "cycle: D introduced you to E, who introduced you to D; " \
                                   "the chain stops at D"
    assert (result.introductions, result.others) == (9, 1)


def test_problems_are_reported(store_of):
    problems = referral_chains(store_of(_log())).problems
    assert problems == (
        "introductions.csv: G introduced you to H on 2027-01-01, after the as-of date "
        "2026-11-22; counted as not yet due (check the date)",
        "introductions.csv: H introduced you to K with no date; counted as due for a "
        "follow-up (add the date)",
        "introductions.csv: H introduced you to K on undated has unknown status 'pending'; "
        "counted as made (use one of requested, offered, made, met, declined)",
        "introductions.csv: A introduced you to ME on 2026-05-01: you cannot be introduced "
        "to yourself or by yourself; left out of the chains (fix the ids)",
        "introductions.csv: cycle: D introduced you to E, who introduced you to D; the chain "
        "stops at D (check the ids)",
    )


def test_follow_ups(store_of):
    result = referral_chains(store_of(_log()), days=7)
    got = [(f.introducer.id, f.introduced_to.id, f.kind, f.days, f.due)
           for f in result.follow_ups]
    assert got == [
        ("h", "k", "write", None, True),
        ("c", "x", "write", 12, True),
        ("f", "b", "close", 266, False),
        ("d", "e", "ask-again", 2, False),
        ("e", "d", "ask-again", 1, False),
        ("g", "h", "update", -40, False),
    ]
    assert result.follow_ups[1].action == ("write to X: C introduced you 1 week ago, on "
                                           "2026-11-10; propose a time to meet")
    assert result.follow_ups[2].action == ("you already met B through A (2026-01-10): thank F "
                                           "and mark this introduction met")
    # E was only asked to introduce me to D: that is no sign that I have met E.
    assert result.follow_ups[3].action == "ask D again about an introduction to E (requested " \
        "2 days ago, on 2026-11-20)"
    assert not any("so you have met" in f.action for f in result.follow_ups
                   if f.introducer.id in ("d", "e"))
    later = referral_chains(store_of(_log()), days=13)
    assert [(f.introducer.id, f.due) for f in later.due] == [("h", True)]


def test_connectors(store_of):
    result = referral_chains(store_of(_log()))
    assert [(c.person.id, c.introductions, c.met, c.requested, c.to_targets)
            for c in result.connectors][:4] == [
        ("a", 2, 1, 0, 0), ("b", 1, 1, 0, 0), ("c", 1, 0, 0, 1), ("d", 1, 0, 1, 0)]


def test_negative_days(store_of):
    with pytest.raises(InvalidArgument, match="days must be 0 or more, not -1") as raised:
        referral_chains(store_of(_log()), days=-1)
    assert raised.value.message("--days") == "--days must be 0 or more, not -1"


def test_routes_below_one(store_of):
    with pytest.raises(InvalidArgument, match="routes must be at least 1, not 0"):
        referral_plan(store_of(_plan_network()), "acme", routes=0)


def _plan_network() -> Network:
    people = {p: Person(p, p.title(), title=t) for p, t in
              [("me", "Analyst"), ("ann", "Controller"), ("bo", "CFO"), ("cy", "Clerk")]}
    orgs = {"acme": Organization("acme", "Acme Corp"), "glob": Organization("glob", "Globex")}
    jobs = [Employment("bo", "acme", "CFO"), Employment("cy", "acme", "Clerk"),
            Employment("me", "glob", "Analyst", date(2015, 1, 1), date(2018, 1, 1)),
            Employment("ann", "glob", "Controller", date(2016, 1, 1), date(2019, 1, 1))]
    ties = [Tie("me", "ann", stage="advice", last_contact=date(2026, 10, 22),
                notes="college roommate", strength=0.9),
            Tie("ann", "bo", 0.5), Tie("me", "cy", 0.3)]
    groups = [Membership("me", "Chess Club"), Membership("bo", "Chess Club")]
    log = [Introduction("ann", "me", "bo", date(2026, 11, 1), "requested")]
    return Network("me", people, orgs, jobs, ties, log, groups)


def test_plan(store_of):
    plan = referral_plan(store_of(_plan_network()), "acme")
    assert [[p.id for p in r.path.people] for r in plan.routes] == [["me", "ann", "bo"],
                                                                     ["me", "cy"]]
    first, second = plan.routes[0].asks
    assert (first.ask.id, first.to.id, first.role) == ("ann", "bo", "CFO at Acme Corp")
    assert first.relationship == ("advice obtained", "last contact 1 month ago")  # no notes
    assert first.opener == ("you both worked at Globex",)
    assert first.knows == ("strength set by hand: 0.5",)
    assert first.logged == "requested on 2026-11-01"
    assert (second.ask.id, second.to, second.role) == ("bo", None, "CFO at Acme Corp")
    assert second.opener == ("Ann introduced you", "you both belong to Chess Club")
    direct = plan.routes[1].asks
    assert [(a.ask.id, a.to, a.role) for a in direct] == [("cy", None, "Clerk at Acme Corp")]
    assert [s.introduced_to.id for s in plan.under_way] == ["bo"]
    assert len(referral_plan(store_of(_plan_network()), "acme", routes=1).routes) == 1


def test_plan_without_a_path_suggests(store_of):
    net = _plan_network()
    net.ties = [t for t in net.ties if t.key != ("ann", "bo") and t.key != ("cy", "me")]
    plan = referral_plan(store_of(net), "Acme Corp")
    assert plan.routes == () and plan.suggestions


def test_plan_unknown_organization(store_of):
    with pytest.raises(UnknownOrganization, match="did you mean"):
        referral_plan(store_of(_plan_network()), "Acme Crop")


def test_sample_referrals(store_of, sample_network):
    result = referral_chains(store_of(sample_network))
    assert max(c.depth for c in result.chains) >= 3
    assert any(c.reached for c in result.chains)
    assert [f.introduced_to.name for f in result.due][-1] == "Aaron Kim"
    assert result.problems == ()


def test_render_returns_each_format_and_rejects_others(store_of):
    result = referral_chains(store_of(_log()))
    assert render.render(result) == render.text(result)
    assert render.render(result, "csv").startswith(",".join(render.CSV_HEADER))
    assert render.json_data(result)["as_of"] == "2026-11-22"
    plan = referral_plan(store_of(_plan_network()), "acme")
    assert render.render_plan(plan) == render.plan_text(plan)
    assert render.plan_json_data(plan)["as_of"] == plan.as_of_date.isoformat()
    with pytest.raises(InvalidArgument, match="format must be one of table, json, csv, not xml"):
        render.render_plan(plan, "xml")
