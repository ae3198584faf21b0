"""Weak ties: local bridges and Burt's measures against networkx, and a hand-checked ego network."""

from __future__ import annotations

import math
import random

import networkx as nx
import pytest

from graphkit.analysis.brokerage import burt_measures, local_bridges
from graphkit.analysis.weak_ties import STALE_DAYS, WEAK, weak_ties
from graphkit.errors import InvalidArgument
from graphkit.model import Employment, Network, Organization, Person, Target, Tie
from networks import AS_OF


def _graphs():
    yield "karate", nx.karate_club_graph()
    for seed in range(6):
        g = nx.gnp_random_graph(40, 0.06 + 0.015 * seed, seed=seed)
        g.add_node(100)  # an isolate: measures are nan
        rng = random.Random(seed)
        for u, v in g.edges:
            g.edges[u, v]["weight"] = rng.choice([0.1, 0.25, 0.5, 0.75, 1.0, 0.37])
        yield f"gnp-{seed}", g


def _star(contacts: int, extra: int = 0) -> nx.Graph:
    """One person's export: me and ``contacts`` contacts, plus ``extra`` ties among them."""
    graph = nx.star_graph(contacts)
    rng = random.Random(contacts)
    for u, v in graph.edges:
        graph.edges[u, v]["weight"] = rng.choice([0.15, 0.3, 0.6, 0.9])
    for k in range(extra):
        graph.add_edge(1 + k, 2 + k, weight=0.5)
    return graph


@pytest.mark.parametrize("name,graph", [*_graphs(), ("star", _star(30)),
                                        ("star-and-triangles", _star(30, 6)),
                                        ("cycle-with-tails", nx.lollipop_graph(5, 4)),
                                        ("two-cycles", nx.circulant_graph(12, [1, 6]))])
def test_local_bridges_equal_networkx(name, graph):
    assert sorted(local_bridges(graph)) == sorted(nx.local_bridges(graph, with_span=True))


@pytest.mark.parametrize("method", [None, "products", "triangles"])
@pytest.mark.parametrize("weight", [None, "weight"])
@pytest.mark.parametrize("name,graph", [*_graphs(), ("star", _star(30)),
                                        ("star-and-triangles", _star(30, 6))])
def test_burt_measures_equal_networkx(name, graph, weight, method):
    nodes = list(graph)
    expected_size = nx.effective_size(graph, nodes=nodes, weight=weight)
    expected_constraint = nx.constraint(graph, nodes=nodes, weight=weight)
    got = burt_measures(graph, weight=weight, method=method)
    for v in nodes:
        for mine, theirs in ((got[v][0], expected_size[v]), (got[v][1], expected_constraint[v])):
            if math.isnan(theirs):
                assert math.isnan(mine)
            else:
                assert mine == pytest.approx(theirs, abs=1e-9)


def test_burt_measures_of_some_nodes_only():
    graph = nx.karate_club_graph()
    some = burt_measures(graph, [33, 0], weight="weight")
    assert list(some) == [33, 0]
    assert some[0] == burt_measures(graph, weight="weight")[0]


def _ego(weak_c: float = 1.0) -> Network:
    """me - a, b, c, d; a - b; c - x, c - y, x - y (c, x, y at Kendall Bio, a target)."""
    people = {p: Person(p, p.upper()) for p in ("me", "a", "b", "c", "d", "x", "y")}
    orgs = {"kb": Organization("kb", "Kendall Bio", (), "biotech")}
    jobs = [Employment(p, "kb", "Scientist") for p in ("c", "x", "y")]
    ties = [Tie("me", "a", 1.0), Tie("me", "b", 1.0), Tie("me", "c", weak_c),
            Tie("me", "d", 1.0), Tie("a", "b", 1.0), Tie("c", "x", 1.0), Tie("c", "y", 1.0),
            Tie("x", "y", 1.0)]
    return Network("me", people, orgs, jobs, ties, targets=[Target("Kendall Bio", 1)])


def test_depth_one_hand_checked(store_of):
    result = weak_ties(store_of(_ego()), depth=1)
    assert (result.people, result.ties) == (5, 5)
    # me: 4 contacts, one tie among them: 4 - 2/4; constraint 2 * (3/8)^2 + 2 * (1/4)^2
    assert result.me.effective_size == pytest.approx(3.5, abs=1e-12)
    assert result.me.constraint == pytest.approx(26 / 64, abs=1e-12)
    a = next(p for p in result.contacts if p.person.id == "a")
    assert a.effective_size == pytest.approx(1.0) and a.constraint == pytest.approx(61 / 64)
    assert [(b.a.id, b.b.id, b.span, b.pendant) for b in result.local_bridges] == [
        ("me", "c", math.inf, True), ("me", "d", math.inf, True)]
    assert [sorted(m.id for m in c.members) for c in result.communities] == [
        ["a", "b"], ["c"], ["d"]]
    assert result.reactivate == ()


def test_depth_two_finds_the_only_door(store_of):
    result = weak_ties(store_of(_ego()), depth=2)
    assert (result.people, result.ties) == (7, 8)
    circle = result.communities[0]
    assert sorted(m.id for m in circle.members) == ["c", "x", "y"]
    assert [d.id for d in circle.doors] == ["c"] and circle.single_door
    assert circle.label == "Kendall Bio (3 of 3)" and circle.at_targets == 3
    c = result.contacts[0]
    assert c.person.id == "c" and c.alone_to == 2 and c.bridge_span == math.inf
    # c: 3 contacts, one tie among them (x - y): 3 - 2/3; constraint 1/9 + 2 * (1/2)^2
    assert c.effective_size == pytest.approx(7 / 3) and c.constraint == pytest.approx(11 / 18)
    assert result.me.effective_size == pytest.approx(3.5)
    assert [(r.position.person.id, r.reason) for r in result.reactivate] == [
        ("c", "your only door into the Kendall Bio (3 of 3) circle (3 people, 3 at targets); "
              "a local bridge: none of your contacts knows them; acquaintance, no contact "
              "recorded (strength 1.00)")]


def test_circles_do_not_depend_on_the_order_of_the_files(store_of):
    net = _ego()
    first = weak_ties(store_of(net), depth=2)
    net.ties.reverse()
    second = weak_ties(store_of(net), depth=2)
    assert [[m.id for m in c.members] for c in first.communities] == [
        [m.id for m in c.members] for c in second.communities]


def test_a_fresh_strong_tie_needs_no_reviving(store_of):
    net = _ego()
    net.ties[2] = Tie("me", "c", stage="referral", last_contact=AS_OF)
    assert weak_ties(store_of(net), depth=2).reactivate == ()


def test_bad_depth(store_of):
    with pytest.raises(InvalidArgument, match="depth must be 1") as raised:
        weak_ties(store_of(_ego()), depth=3)
    assert raised.value.parameter == "depth"
    # what the command line says, once it names the flag
    assert raised.value.message("--depth") == (
        "--depth must be 1 (your contacts) or 2 (their contacts too), not 3")


def test_sample_weak_ties(store_of, sample_network):
    result = weak_ties(store_of(sample_network), depth=2)
    top = {p.person.name for p in result.contacts[:2]}
    assert top == {"Priya Raman", "Marcus Bell"}  # the teammates bridge into their networks
    assert result.reactivate
    for r in result.reactivate:
        tie = r.position.tie
        assert tie.strength < WEAK or tie.tie.last_contact is None or (
            AS_OF - tie.tie.last_contact).days > STALE_DAYS


def _star_network(contacts: int, among: int = 0) -> Network:
    """One person's own export: me and ``contacts`` contacts (with ``among`` ties among the
    first of them)."""
    people = {"me": Person("me", "Me")}
    people.update({f"c{i:04d}": Person(f"c{i:04d}", f"Contact {i}") for i in range(contacts)})
    ties = [Tie("me", f"c{i:04d}", 0.2 + 0.6 * (i % 3) / 2) for i in range(contacts)]
    ties += [Tie(f"c{i:04d}", f"c{i + 1:04d}", 0.5) for i in range(among)]
    return Network("me", people, ties=ties)


def test_a_star_is_detected_and_its_answer_is_the_trivial_one(store_of):
    """A star (me and contacts who know no one else here): every tie is a pendant local
    bridge, every contact has effective size 1 and constraint 1, and the text says why and
    what to do."""
    from graphkit.render.weak_ties import text

    result = weak_ties(store_of(_star_network(300)))
    assert result.star
    assert result.me.effective_size == pytest.approx(300) and result.me.constraint == (
        pytest.approx(sum(((0.2 + 0.6 * (i % 3) / 2) / sum(
            0.2 + 0.6 * (k % 3) / 2 for k in range(300))) ** 2 for i in range(300))))
    assert all((p.effective_size, p.constraint) == (1.0, 1.0) for p in result.contacts)
    assert len(result.local_bridges) == 300
    assert all(b.pendant and b.span == math.inf for b in result.local_bridges)
    assert not [c for c in result.communities if c.size > 1]
    shown = text(result)
    assert ("You and 300 contacts, none of whom know each other in this network" in shown
            and "Import a teammate's export" in shown and "--infer" in shown)


def test_one_tie_among_the_contacts_is_not_a_star(store_of):
    from graphkit.render.weak_ties import text

    result = weak_ties(store_of(_star_network(50, among=1)))
    assert not result.star
    assert "none of whom know each other" not in text(result)
    assert not weak_ties(store_of(_star_network(1))).star  # one contact: nothing to explain


def test_the_star_answer_is_the_same_on_every_store(store_of):
    """The fast paths (pendant bridges, triangles) give the reference answer."""
    from graphkit.model.columns import columns_of
    from graphkit.store.array import ArrayStore
    from graphkit.store.memory import MemoryStore

    net = _star_network(400, among=3)
    assert weak_ties(MemoryStore(net, AS_OF)) == weak_ties(ArrayStore(columns_of(net), AS_OF))
