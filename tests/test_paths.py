"""Hop-limited best paths: checked against brute-force enumeration of simple paths."""

from __future__ import annotations

import networkx as nx
import pytest

from graphkit.analysis.paths import path_to
from graphkit.errors import GraphkitError, InvalidArgument, UnknownOrganization
from graphkit.model import Employment, Network, Organization, Person, Tie
from graphkit.render import paths as render_paths
from graphkit.store.base import BestPath, path_score
from networks import random_network


def brute_force(store, source, targets, max_hops):
    """Every simple path with at most max_hops ties, the best by the documented order."""
    graph = nx.Graph()
    for view in store.ties():
        graph.add_edge(view.tie.person_a, view.tie.person_b, strength=view.strength)
    best = {}
    for target in targets:
        if target == source or target not in graph or source not in graph:
            continue
        for path in nx.all_simple_paths(graph, source, target, cutoff=max_hops):
            pairs = zip(path, path[1:], strict=False)
            score = path_score(graph.edges[a, b]["strength"] for a, b in pairs)
            candidate = BestPath(tuple(path), score)
            if target not in best or candidate.sort_key() < best[target].sort_key():
                best[target] = candidate
    return best


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("max_hops", [1, 2, 3, 4])
def test_best_paths_equal_brute_force(store_of, seed, max_hops):
    network = random_network(seed, people=18, ties=40)
    store = store_of(network)
    targets = sorted(network.people)
    expected = brute_force(store, "p00", targets, max_hops)
    got = store.best_paths("p00", targets, max_hops)
    assert list(got) == sorted(expected)
    for person, path in got.items():
        assert path.people == expected[person].people
        assert path.score == pytest.approx(expected[person].score, abs=1e-12)


def test_hop_limit_changes_the_answer_where_dijkstra_would_not(store_of):
    # The strongest route to t takes 3 ties; with max 2 the weaker direct-ish route must win.
    people = {p: Person(p, p) for p in ("me", "a", "b", "c", "t")}
    net = Network("me", people, ties=[Tie("me", "a", 1.0), Tie("a", "b", 1.0),
                                      Tie("b", "t", 0.9), Tie("me", "c", 0.5),
                                      Tie("c", "t", 0.5)])
    store = store_of(net)
    assert store.best_paths("me", ["t"], 3)["t"].people == ("me", "a", "b", "t")
    two = store.best_paths("me", ["t"], 2)["t"]
    assert two.people == ("me", "c", "t") and two.score == 0.25
    assert store.best_paths("me", ["t"], 1) == {}


def test_ties_break_by_fewer_hops_then_ids(store_of):
    people = {p: Person(p, p) for p in ("me", "a", "b", "t")}
    net = Network("me", people, ties=[Tie("me", "t", 0.5), Tie("me", "b", 0.5),
                                      Tie("b", "t", 1.0), Tie("me", "a", 1.0),
                                      Tie("a", "b", 0.5)])
    store = store_of(net)
    assert store.best_paths("me", ["t"], 3)["t"].people == ("me", "t")
    assert store.best_paths("me", ["b"], 3)["b"].people == ("me", "b")


def _acme_network():
    people = {p: Person(p, n) for p, n in [("me", "Me"), ("ann", "Ann Lee"), ("bo", "Bo Diaz"),
                                           ("cy", "Cy Ng"), ("di", "Di Oh"), ("ed", "Ed Fox")]}
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech")}
    jobs = [Employment("bo", "acme", "VP Engineering"), Employment("cy", "acme", "Analyst"),
            Employment("ed", "acme", "CFO", end=None), Employment("di", "ini", "Engineer"),
            Employment("ann", "acme", "Intern", None, __import__("datetime").date(2020, 1, 1))]
    ties = [Tie("me", "ann", 0.9), Tie("ann", "bo", 0.8), Tie("ann", "cy", 0.5),
            Tie("me", "cy", 0.3), Tie("me", "di", 0.7), Tie("di", "ed", 0.9)]
    return Network("me", people, orgs, jobs, ties)


def test_path_to_ranks_and_groups_by_first_contact(store_of):
    result = path_to(store_of(_acme_network()), "ACME Corporation", max_hops=2)
    assert result.organization.id == "acme"
    assert [(p.person.id, round(p.score, 6)) for p in result.paths] == [
        ("bo", 0.72), ("ed", 0.63), ("cy", 0.45)]
    groups = result.by_first_contact()
    assert [(g.contact.id, [p.person.id for p in g.paths]) for g in groups] == [
        ("ann", ["bo", "cy"]), ("di", ["ed"])]
    assert result.paths[0].steps[1].evidence == ("strength set by hand: 0.8",)


def test_path_to_one_hop_only_people_i_know(store_of):
    result = path_to(store_of(_acme_network()), "acme", max_hops=1)
    assert [p.person.id for p in result.paths] == ["cy"]


def test_path_to_no_path_suggests_openings(store_of):
    net = _acme_network()
    net.ties = [t for t in net.ties if t.key != ("ann", "bo")]
    net.ties = [t for t in net.ties if "cy" not in t.key and "ed" not in t.key]
    result = path_to(store_of(net), "Acme Corp", max_hops=2)
    assert result.paths == ()
    assert any("Ann Lee used to work at Acme Corp (you know them)" == s.text
               for s in result.suggestions)


def test_path_to_unknown_organization_suggests_names(store_of):
    with pytest.raises(UnknownOrganization) as info:
        path_to(store_of(_acme_network()), "Acmee Corp")
    assert info.value.suggestions[0] == "Acme Corp"
    assert "did you mean" in str(info.value)


def test_path_to_rejects_bad_hop_limit(store_of):
    with pytest.raises(GraphkitError, match="between 1 and 6"):
        path_to(store_of(_acme_network()), "acme", max_hops=0)


def test_sample_network_reaches_acme_in_three_degrees(store_of, sample_network):
    store = store_of(sample_network)
    one = path_to(store, "Acme Corp", 1)
    two = path_to(store, "Acme Corp", 2)
    assert 0 < len(one.paths) < len(two.paths)
    assert {p.hops for p in two.paths} == {1, 2}
    # A teammate's export is what makes second-degree paths: some go through Priya or Marcus.
    firsts = {p.first_contact.name for p in path_to(store, "Initech", 3).paths}
    assert firsts & {"Priya Raman", "Marcus Bell"}


def test_render_returns_each_format_and_rejects_others(store_of):
    result = path_to(store_of(_acme_network()), "acme")
    assert render_paths.render(result) == render_paths.text(result)
    assert render_paths.render(result, "csv").startswith(",".join(render_paths.CSV_HEADER))
    assert '"as_of": "' in render_paths.render(result, "json")
    with pytest.raises(InvalidArgument, match="format must be one of table, json, csv, not xml"):
        render_paths.render(result, "xml")
