"""The compact array store answers exactly what the networkx store answers."""

from __future__ import annotations

import random
from datetime import timedelta

import numpy as np
import pytest

from graphkit.model import Membership, Network, Person, Tie
from graphkit.model.columns import codes, columns_of, ordinal
from graphkit.store.array import ArrayStore
from graphkit.store.memory import MemoryStore
from graphkit.strength import StrengthModel, tie_strengths
from networks import AS_OF, random_network


def random_ties(seed: int, count: int) -> tuple[list[Tie], list[tuple[str, ...]]]:
    """Ties with every kind of evidence, and the groups each pair shares."""
    rng = random.Random(seed)
    stages = ["", "acquaintance", "initiated", "advice", "referral"]
    sources = ["", "manual", "own-export", "teammate-export", "introduction", "inferred", "x"]
    ties, shared = [], []
    for i in range(count):
        explicit = rng.choice([None, None, None, rng.random() or 1.0, 1.0, 0.01, 5e-324])
        last = (None if rng.random() < 0.2
                else AS_OF + timedelta(days=rng.randrange(-20000, 40)))
        ties.append(Tie(f"a{i}", f"b{i}", explicit, rng.choice(stages), last,
                        rng.choice([0, 1, 2, 9, 10, 11, 500]), rng.choice(sources)))
        shared.append(tuple(f"g{k}" for k in range(rng.choice([0, 0, 1, 2, 3, 4, 7]))))
    return ties, shared


@pytest.mark.parametrize("settings", [None, {"half_life_days": 97.5, "recency_floor": 0.3,
                                             "per_shared_group": 0.07, "max_interactions": 4,
                                             "stages": {"advice": 0.7}}])
def test_vectorized_strengths_equal_the_scalar_model_bit_for_bit(settings):
    model = StrengthModel.from_settings(settings)
    ties, shared = random_ties(7, 5000)
    stage, stage_names = codes([t.stage for t in ties])
    source, source_names = codes([t.source for t in ties])
    got = tie_strengths(
        model, AS_OF,
        explicit=np.array([np.nan if t.strength is None else t.strength for t in ties]),
        stage=stage, stage_names=stage_names,
        last_contact=np.array([ordinal(t.last_contact) for t in ties]),
        interactions=np.array([t.interactions for t in ties]),
        shared_groups=np.array([len(s) for s in shared]), source=source,
        source_names=source_names)
    expected = [model.score(t, AS_OF, s).strength for t, s in zip(ties, shared, strict=True)]
    assert got.tolist() == expected  # exact float equality, not approx


def rich_network(seed: int, people: int = 60) -> Network:
    """A random network with groups shared across ties and equal scores that need tie-breaks."""
    net = random_network(seed, people=people, orgs=8, ties=people * 3, explicit=0.6)
    rng = random.Random(seed)
    for p in rng.sample(sorted(net.people), people // 2):
        for g in rng.sample(range(5), rng.randrange(1, 4)):
            net.memberships.append(Membership(p, f"Club {g}"))
    return net


def assert_same(memory: MemoryStore, array: ArrayStore) -> None:
    assert array.me() == memory.me()
    assert array.targets() == memory.targets()
    assert array.introductions() == memory.introductions()
    assert array.people() == memory.people()
    assert array.organizations() == memory.organizations()
    for org in memory.organizations():
        assert array.employment_at(org.id) == memory.employment_at(org.id)
        assert array.organization(org.name) == memory.organization(org.name)
    assert [(v.tie, v.strength, v.evidence) for v in array.ties()] == [
        (v.tie, v.strength, v.evidence) for v in memory.ties()]
    for p in memory.people():
        assert array.employment_of(p.id) == memory.employment_of(p.id)
        assert array.groups_of(p.id) == memory.groups_of(p.id)
        assert array.neighbors(p.id) == memory.neighbors(p.id)
    for group in ("Club 0", "Club 3", "Group 1", "nope"):
        assert array.members(group) == memory.members(group)
    for radius in (1, 2):
        assert array.ego_ties("p00", radius) == memory.ego_ties("p00", radius)


@pytest.mark.parametrize("seed", range(6))
def test_every_answer_equals_the_networkx_store(seed):
    net = rich_network(seed)
    memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
    assert_same(memory, array)
    people = sorted(net.people)
    for source in people[:6]:
        for hops in (1, 2, 3, 4, 6):
            assert array.best_paths(source, None, hops) == memory.best_paths(source, None, hops)
            some = people[::3] + ["nobody"]
            assert array.best_paths(source, some, hops) == memory.best_paths(source, some, hops)


def test_equal_scores_break_by_hops_then_ids_over_many_paths():
    # A dense network where every strength is 0.5 or 1: many equal scores at each layer.
    rng = random.Random(3)
    ids = [f"p{i:02d}" for i in range(30)]
    net = Network("p00", {p: Person(p, p) for p in ids})
    seen = set()
    while len(net.ties) < 120:
        a, b = rng.sample(ids, 2)
        if (min(a, b), max(a, b)) not in seen:
            seen.add((min(a, b), max(a, b)))
            net.ties.append(Tie(a, b, rng.choice([0.5, 1.0])))
    memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
    for hops in range(1, 6):
        for source in ids[:5]:
            assert array.best_paths(source, None, hops) == memory.best_paths(source, None, hops)


def test_unknown_people_and_empty_targets():
    net = rich_network(1, people=20)
    array = ArrayStore(columns_of(net), AS_OF)
    assert array.best_paths("nobody", None, 2) == {}
    assert array.best_paths("p00", ["p00"], 2) == {}
    assert array.best_paths("p00", [], 2) == {}
    assert array.neighbors("nobody") == [] and array.ego_ties("nobody", 1) == []
    assert array.employment_at("nope") == [] and array.groups_of("nobody") == []
    with pytest.raises(KeyError):
        array.person("nobody")
    with pytest.raises(KeyError):
        array.tie("p00", "p00")


def test_a_repeated_tie_keeps_the_last_row_as_the_graph_does():
    people = {p: Person(p, p) for p in ("me", "ann")}
    net = Network("me", people, ties=[Tie("me", "ann", 0.5), Tie("ann", "me", 0.75)])
    memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
    assert array.tie("me", "ann") == memory.tie("me", "ann")
    assert array.best_paths("me", None, 1) == memory.best_paths("me", None, 1)


@pytest.mark.parametrize("seed", range(4))
def test_the_counting_sort_builds_the_same_adjacency(seed, monkeypatch):
    """The counting sort (scipy's COO to CSR) and the key sort give the same arrays, and the
    store built on it every networkx answer."""
    from graphkit.store import array_index as array

    rng = np.random.default_rng(seed)
    n = 300
    pairs = {(min(x, y), max(x, y)) for x, y in rng.integers(0, n, (2000, 2)).tolist() if x != y}
    order = rng.permutation(len(pairs))
    a, b = (np.array(v, dtype=np.int64)[order] for v in zip(*sorted(pairs), strict=True))
    flip = rng.random(len(a)) < 0.5  # either end first, as files list them
    a, b = np.where(flip, b, a), np.where(flip, a, b)
    monkeypatch.setattr(array, "COUNTING_SORT_TIES", 10 ** 9)
    by_keys = array._adjacency(a, b, n)
    monkeypatch.setattr(array, "COUNTING_SORT_TIES", 0)
    counted = array._adjacency(a, b, n)
    for x, y in zip(by_keys, counted, strict=True):
        assert np.array_equal(x, y)
    # pointers and neighbours have one dtype either way; the edge order may be 32-bit
    assert [x.dtype for x in by_keys[:2]] == [y.dtype for y in counted[:2]]
    net = rich_network(seed)  # still 0: every network here is built by the counting sort
    assert_same(MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF))


@pytest.mark.parametrize("seed", range(4))
def test_searches_that_reuse_their_first_layers_give_the_answers_of_a_fresh_store(seed):
    """A search keeps its layers but the last for the next search from the same person: in
    any order of sources, hop limits and targets (searches that end early included: a
    small component runs out of people to improve before the hop limit), every answer is
    the one a fresh store gives."""
    import random

    net = rich_network(seed, people=50)
    # A small component apart: its searches end before the hop limit.
    for p in ("z1", "z2", "z3"):
        net.people[p] = Person(p, p.upper())
    net.ties += [Tie("z1", "z2", 0.5), Tie("z2", "z3", 0.75)]
    cols = columns_of(net)
    kept = ArrayStore(cols, AS_OF)
    rng = random.Random(seed)
    people = sorted(net.people)
    for _ in range(60):
        source = rng.choice(people[:4] + ["z1", "z3"])
        hops = rng.choice([1, 2, 3, 4])
        targets = None if rng.random() < 0.3 else rng.sample(people, 8)
        assert kept.best_paths(source, targets, hops) == ArrayStore(cols, AS_OF).best_paths(
            source, targets, hops)
        if targets is None:
            assert kept.best_paths_by_org(source, hops) == ArrayStore(
                cols, AS_OF).best_paths_by_org(source, hops)
    assert len(kept._prefix) <= 4


@pytest.mark.parametrize("seed", range(4))
def test_ego_neighbors_are_the_people_and_ties_of_ego_ties(seed):
    """The array store's adjacency from the CSR arrays equals the one built from the tie
    records of any store (the networkx store here), for every radius, through a team
    member's point of view too."""
    from graphkit.store.base import EgoNeighbors, ego_neighbors
    from graphkit.team import PointOfView

    net = rich_network(seed, people=50)
    net.people["alone"] = Person("alone", "Alone")
    memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
    assert isinstance(array, EgoNeighbors) and not isinstance(memory, EgoNeighbors)
    for center in sorted(net.people)[:5] + ["alone", "nobody"]:
        for radius in (1, 2, 3):
            expected = ego_neighbors(memory, center, radius)
            assert array.ego_neighbors(center, radius) == expected
            assert ego_neighbors(PointOfView(array, "p00"), center, radius) == expected
            assert ego_neighbors(PointOfView(memory, "p00"), center, radius) == expected
            views = memory.ego_ties(center, radius)
            assert sum(map(len, expected.values())) == 2 * len(views)
