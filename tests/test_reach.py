"""Reach over the target list, hand-checked on a small network and on the sample."""

from __future__ import annotations

from datetime import date

import pytest

from graphkit.analysis.reach import reach
from graphkit.errors import GraphkitError
from graphkit.model import Employment, Membership, Network, Organization, Person, Target, Tie
from networks import AS_OF


def _network() -> Network:
    names = ["me", "ann", "bo", "cy", "di", "ed", "fay", "gus", "hal"]
    people = {p: Person(p, p.title()) for p in names}
    orgs = {"acme": Organization("acme", "Acme Corp", (), "software", "Boston, MA"),
            "ini": Organization("ini", "Initech", (), "software", "Cambridge, MA"),
            "salem": Organization("salem", "Salem Trust", (), "non-profit", "Salem, MA"),
            "glob": Organization("glob", "Globex", (), "non-profit", "Salem, MA")}
    jobs = [Employment("bo", "acme", "CFO"), Employment("cy", "acme", "Analyst"),
            Employment("ed", "ini", "Engineer"),
            Employment("fay", "salem", "Treasurer", date(2015, 1, 1), date(2020, 1, 1)),
            Employment("hal", "salem", "Director"),
            Employment("gus", "glob", "Controller")]
    ties = [Tie("me", "ann", 0.9), Tie("ann", "bo", 0.8), Tie("me", "cy", 0.3),
            Tie("me", "di", 0.7), Tie("di", "ed", 0.5), Tie("me", "fay", 0.6),
            Tie("me", "gus", 0.5), Tie("cy", "bo", 0.5)]
    groups = [Membership("hal", "Rotary"), Membership("me", "Rotary")]
    targets = [Target("Acme Corp", 1), Target("Initech", 2), Target("Salem Trust", 1),
               Target("Initek", 2), Target("ACME Corporation", 3)]
    return Network("me", people, orgs, jobs, ties, memberships=groups, targets=targets)


def test_reach_hand_checked(store_of):
    result = reach(store_of(_network()), max_hops=2)
    rows = [(t.organization.name, t.priority, t.reachable, t.degree,
             None if t.best_score is None else round(t.best_score, 9),
             t.best_contact.id if t.best_contact else None, [p.id for p in t.doors],
             t.reached, t.employees) for t in result.targets]
    assert rows == [
        ("Acme Corp", 1, True, 1, 0.72, "ann", ["ann", "cy"], 2, 2),
        ("Salem Trust", 1, False, None, None, None, [], 0, 1),
        ("Initech", 2, True, 2, 0.35, "di", ["di"], 1, 1),
    ]
    acme, salem, initech = result.targets
    assert [p.id for p in acme.best_path.people] == ["me", "ann", "bo"]
    assert initech.fragile and not acme.fragile
    assert [t.organization.name for t in result.fragile] == ["Initech"]
    assert [s.text for s in salem.suggestions] == [
        "Fay used to work at Salem Trust (you know them)",
        "1 person at Salem Trust belongs to Rotary (you are a member)",
        "1 of your contacts works in non-profit: Gus (Globex)",
        "1 of your contacts works in Salem, MA: Gus (Globex)",
    ]


def test_unmatched_and_duplicate_targets_are_reported_not_dropped(store_of):
    result = reach(store_of(_network()))
    assert [(m.target.organization, m.suggestions[0]) for m in result.unmatched] == [
        ("Initek", "Initech")]
    assert result.notes == ('targets.csv lists Acme Corp twice ("Acme Corp" and '
                            '"ACME Corporation"); counted once, with the first priority',)


def test_one_hop_reach_and_all_organizations(store_of):
    result = reach(store_of(_network()), max_hops=1, all_organizations=True)
    by_name = {t.organization.name: t for t in result.targets}
    assert set(by_name) == {"Acme Corp", "Initech", "Salem Trust", "Globex"}
    assert by_name["Acme Corp"].best_contact.id == "cy"
    assert [p.id for p in by_name["Acme Corp"].doors] == ["cy"]
    assert not by_name["Initech"].reachable
    assert by_name["Globex"].degree == 1 and by_name["Globex"].priority is None
    assert result.unmatched == ()


def test_three_hops_counts_every_door(store_of):
    net = _network()
    net.ties.append(Tie("gus", "di", 0.9))  # a second way to Ed, two hops before him
    result = reach(store_of(net), max_hops=3)
    initech = next(t for t in result.targets if t.organization.id == "ini")
    assert [p.id for p in initech.doors] == ["di", "gus"]
    assert initech.degree == 2


def test_bad_hop_limit(store_of):
    with pytest.raises(GraphkitError, match="between 1 and 6"):
        reach(store_of(_network()), max_hops=7)


def test_sample_targets(store_of, sample_network):
    result = reach(store_of(sample_network))
    assert len(result.targets) == 15 and result.unmatched == ()
    unreachable = {t.organization.name for t in result.targets if not t.reachable}
    assert unreachable == {"Salem Harbor Trust", "Pioneer Valley Education Fund"}
    teammates = {"Greater Boston Food Network", "New England Housing Alliance",
                 "Harborview Health", "Cambridge Climate Fund"}
    for t in result.targets:
        if t.organization.name in teammates:
            assert t.degree == 2
            assert {p.name for p in t.doors} <= {"Priya Raman", "Marcus Bell"}
    priorities = [t.priority for t in result.targets]
    assert priorities == sorted(priorities)
    for t in result.targets:
        if not t.reachable:
            assert any(s.kind == "former-employee" for s in t.suggestions)


# --- the best path per organization: one vectorized pass in the array store ----------------


@pytest.mark.parametrize("seed", range(6))
def test_best_path_per_organization_is_the_same_from_every_store(seed):
    """The array store's one pass equals the plain answer (best path to everyone, credited to
    current employers), tie-breaks included, from several people and hop limits."""
    from test_array_store import rich_network

    from graphkit.analysis.reach import best_path_per_organization
    from graphkit.model.columns import columns_of
    from graphkit.store.array import ArrayStore
    from graphkit.store.base import BestPathsByOrg
    from graphkit.store.memory import MemoryStore

    net = rich_network(seed, people=80)
    memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
    assert isinstance(array, BestPathsByOrg) and not isinstance(memory, BestPathsByOrg)
    for me in sorted(net.people)[:4]:
        net.me = me
        memory, array = MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)
        for hops in (1, 2, 3, 6):
            plain = best_path_per_organization(memory, hops)
            assert array.best_paths_by_org(me, hops) == plain
            assert best_path_per_organization(array, hops) == plain
    assert array.best_paths_by_org("nobody", 2) == {}


def test_best_path_per_organization_breaks_equal_scores_by_hops_then_ids():
    """Every strength 1: many equal scores; the shorter path wins, then the smaller ids;
    ended jobs do not count."""
    from datetime import date

    from graphkit.analysis.reach import best_path_per_organization
    from graphkit.model import Employment, Network, Organization, Person, Tie
    from graphkit.model.columns import columns_of
    from graphkit.store.array import ArrayStore
    from graphkit.store.memory import MemoryStore

    people = {p: Person(p, p.title()) for p in ("me", "ann", "bo", "cy", "di", "ed")}
    orgs = {"acme": Organization("acme", "Acme Corp"), "ini": Organization("ini", "Initech")}
    jobs = [Employment("di", "acme"), Employment("cy", "acme"), Employment("ed", "ini"),
            Employment("ann", "ini", end=date(2020, 1, 1))]
    ties = [Tie("me", "bo", 1.0), Tie("me", "ann", 1.0), Tie("ann", "cy", 1.0),
            Tie("bo", "cy", 1.0), Tie("bo", "di", 1.0), Tie("ann", "di", 1.0),
            Tie("di", "ed", 1.0)]
    net = Network("me", people, orgs, jobs, ties)
    array = ArrayStore(columns_of(net), AS_OF)
    found = best_path_per_organization(array, 3)
    assert found == best_path_per_organization(MemoryStore(net, AS_OF), 3)
    assert found["acme"].people == ("me", "ann", "cy")  # cy and di tie: ann before bo
    assert found["ini"].people == ("me", "ann", "di", "ed")
    assert best_path_per_organization(array, 2) == {"acme": found["acme"]}


# --- doors and suggestions against their definitions, on random networks --------------------


def _varied_network(seed: int) -> Network:
    """A random network whose organizations share industries and locations, some people
    with two current jobs, some organizations with nobody (and nobody before) there."""
    import random

    from networks import random_network

    rng = random.Random(seed)
    net = random_network(seed, people=60, orgs=12, ties=110)
    for k, org in enumerate(sorted(net.organizations)):
        net.organizations[org] = Organization(org, f"Org {k}", (),
                                              rng.choice(["software", "finance", ""]),
                                              rng.choice(["Boston, MA", "Salem, MA", ""]))
    for extra in ("o90", "o91"):  # nobody there, nobody has been
        net.organizations[extra] = Organization(extra, f"Empty {extra}", (), "finance",
                                                "Salem, MA")
    for p in rng.sample(sorted(net.people), 15):
        net.employment.append(Employment(p, rng.choice(sorted(net.organizations)), "Advisor"))
    return net


def _reference_doors(store, max_hops: int, jobs) -> tuple[str, ...]:
    """The definition: my contacts from whom someone there is within ``max_hops - 1`` ties
    without going through me."""
    import networkx as nx

    me = store.me().id
    graph = nx.Graph()
    graph.add_edges_from(v.tie.key for v in store.ties())
    graph.remove_node(me)
    out = []
    for contact in store.neighbors(me):
        near = nx.single_source_shortest_path_length(graph, contact, cutoff=max_hops - 1)
        if any(p in near for p in jobs):
            out.append(contact)
    return tuple(out)


def _reference_alike(store, org, field: str) -> str | None:
    """The sentence about my contacts alike ``org`` in ``field``, by its definition: every
    current job of every contact of mine at another organization with the same value, each
    contact counted once, the first three shown in order of tie strength."""
    value = getattr(org, field)
    me = store.me().id
    entries = []
    for p in store.neighbors(me):
        for job in store.employment_of(p):
            other = store.organization(job.org_id)
            if job.current and other.id != org.id and value and getattr(other, field) == value:
                entries.append((-store.tie(me, p).strength, p, other.id, other.name))
    entries.sort()
    first: dict[str, str] = {}
    for _, p, _, name in entries:
        first.setdefault(p, f"{store.person(p).name} ({name})")
    if not first:
        return None
    shown = list(first.values())[:3]
    more = len(first) - len(shown)
    return (f"{len(first)} of your contacts {'works' if len(first) == 1 else 'work'} in "
            f"{value}: " + ", ".join(shown) + (f" and {more} more" if more else ""))


@pytest.mark.parametrize("seed", range(5))
def test_doors_and_suggestions_follow_their_definitions(seed):
    """Every organization, from both stores and several hop limits: the doors are my contacts
    through whom someone there is in reach, and the industry and location suggestions name
    the contacts alike (counted once, the organization itself left out)."""
    from graphkit.analysis.paths import suggest_openings
    from graphkit.model.columns import columns_of
    from graphkit.store.array import ArrayStore
    from graphkit.store.memory import MemoryStore

    net = _varied_network(seed)
    stores = [MemoryStore(net, AS_OF), ArrayStore(columns_of(net), AS_OF)]
    answers = []
    for store in stores:
        for hops in (1, 2, 3):
            result = reach(store, hops, all_organizations=True)
            assert len(result.targets) == len(net.organizations)
            for t in result.targets:
                jobs = [j.person_id for j in store.employment_at(t.organization.id)
                        if j.current and j.person_id != "p00"]
                assert tuple(p.id for p in t.doors) == _reference_doors(store, hops, jobs)
            answers.append(result)
        seen_alike = 0
        for org in store.organizations():
            found = {s.kind: s.text for s in suggest_openings(store, org, [])}
            for kind, field in (("industry", "industry"), ("location", "location")):
                assert found.get(kind) == _reference_alike(store, org, field)
                seen_alike += kind in found
        assert seen_alike  # the check compared real sentences
    assert answers[:3] == answers[3:]  # the same answers from both stores


def test_memory_ego_ties_are_the_ties_of_networkx_ego_graph():
    import networkx as nx

    from graphkit.store.memory import MemoryStore
    from networks import random_network

    store = MemoryStore(random_network(3, people=50, ties=90), AS_OF)
    for center in ("p00", "p07", "nobody"):
        for radius in (1, 2, 3):
            expected = (sorted((d["view"] for _, _, d in nx.ego_graph(
                store.graph, center, radius=radius).edges(data=True)), key=lambda v: v.tie.key)
                if center in store.graph else [])
            assert store.ego_ties(center, radius) == expected
