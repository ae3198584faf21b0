"""The Neo4j backend against a real Bolt server (ArcadeDB embedded, see neo4j_server.py):
every protocol answer equal to the memory store's, loading, faults, hostile names, the CLI."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

import pytest
from click.testing import CliRunner

from graphkit.analysis.paths import path_to
from graphkit.cli.main import main
from graphkit.errors import BackendUnavailable, ConfigError, GraphkitError
from graphkit.io.network import read_network
from graphkit.model import Employment, Membership, Network, Organization, Person, Target, Tie
from graphkit.store.base import ego_neighbors
from graphkit.store.memory import MemoryStore
from graphkit.store.neo4j import BoltRunner, Neo4jStore, load_network
from graphkit.store.neo4j.queries import parse_query
from graphkit.workspace.locate import sample_folder
from graphkit.workspace.write import write_network
from networks import AS_OF, random_network


def answers(store, hops=(1, 2, 3), every=1) -> dict:
    """Every protocol answer on the store's network, for comparing two stores (per-person
    questions for every ``every``-th person: one round trip each keeps big networks fast)."""
    me = store.me().id
    people = [me] + [p.id for p in store.people()][::every]
    out = {
        "me": store.me(), "people": store.people(), "organizations": store.organizations(),
        "ties": store.ties(), "targets": store.targets(), "introductions": store.introductions(),
        "employment_at": {o.id: store.employment_at(o.id)
                          for o in store.organizations()[::every]},
        "employment_of": {p: store.employment_of(p) for p in people},
        "groups_of": {p: store.groups_of(p) for p in people},
        "neighbors": {p: store.neighbors(p) for p in people},
        "ego_ties": {r: store.ego_ties(me, r) for r in (0, 1, 2)},
        "ego_neighbors": {r: ego_neighbors(store, me, r) for r in (0, 1, 2)},
        "resolve": {o.name: store.organization(o.name.upper()).id
                    for o in store.organizations()[::every]},
        "person": {p: store.person(p) for p in people},
        "best_paths_all": {h: store.best_paths(me, None, h) for h in hops},
    }
    groups = sorted({g for p in people for g in out["groups_of"][p]})
    out["members"] = {g: store.members(g) for g in groups}
    out["tie"] = {(v.tie.person_b, v.tie.person_a): store.tie(v.tie.person_b, v.tie.person_a)
                  for v in out["ties"][::every]}
    return out


def assert_same_answers(neo, memory, hops=(1, 2, 3), every=1) -> None:
    got, expected = answers(neo, hops, every), answers(memory, hops, every)
    for key in expected:
        assert got[key] == expected[key], key  # floats equal bit for bit, not approximately
    assert neo.as_of == memory.as_of


# --- every answer equals the memory store's ----------------------------------------------------

def test_sample_network_gives_the_memory_answers(neo4j_store_of, sample_network):
    neo = neo4j_store_of(sample_network, AS_OF)
    memory = MemoryStore(sample_network, AS_OF)
    assert_same_answers(neo, memory, hops=(1, 2), every=7)
    for org in ("Acme Corp", "Initech", "Greater Boston Food Network"):
        for hops in (1, 3):
            assert path_to(neo, org, hops) == path_to(memory, org, hops)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_random_networks_give_the_memory_answers(neo4j_store_of, seed):
    net = random_network(seed, people=25, ties=60)
    net.targets = [Target("o1", 1, "open"), Target("Org 2", None, "", "notes")]
    assert_same_answers(neo4j_store_of(net, AS_OF), MemoryStore(net, AS_OF), hops=(1, 2, 3, 4))


@pytest.mark.parametrize("seed", [3, 4])
def test_commands_give_the_memory_answers_on_a_bigger_network(neo4j_store_of, sample_network,
                                                              seed):
    """Whole analyses (many searches in one store, sharing the ties it holds) against the
    memory store: the layers walked in Python and in the database must agree bit for bit."""
    from graphkit.analysis.reach import reach
    from graphkit.analysis.weak_ties import weak_ties

    net = random_network(seed, people=300, orgs=12, ties=900)
    net.targets = [Target(f"o{i}", i % 3 or None) for i in range(12)]
    for network in (net, sample_network):
        neo, memory = neo4j_store_of(network, AS_OF), MemoryStore(network, AS_OF)
        for hops in (1, 2, 3, 4):
            assert reach(neo4j_store_of(network, AS_OF), hops) == reach(memory, hops), hops
            for org in [t.organization for t in network.targets][:4]:
                assert path_to(neo, org, hops) == path_to(memory, org, hops), (org, hops)
        assert weak_ties(neo, 2) == weak_ties(memory, 2)


def test_path_scores_multiply_from_the_source_outward_bit_for_bit(neo4j_store_of):
    # 0.1 * 0.7 * 0.3 differs from 0.3 * 0.7 * 0.1 in the last bit: the order must match.
    people = {p: Person(p, p) for p in ("me", "a", "b", "t")}
    net = Network("me", people, ties=[Tie("me", "a", 0.1), Tie("a", "b", 0.7),
                                      Tie("b", "t", 0.3)])
    assert 0.1 * 0.7 * 0.3 != 0.3 * 0.7 * 0.1
    got = neo4j_store_of(net, AS_OF).best_paths("me", ["t"], 3)["t"]
    assert got.score == MemoryStore(net, AS_OF).best_paths("me", ["t"], 3)["t"].score
    assert got.score == 1.0 * 0.1 * 0.7 * 0.3


def test_records_round_trip_with_dates_aliases_and_extra_columns(neo4j_store_of):
    people = {"me": Person("me", "Me", extra=(("pronouns", "she"),)),
              "ann": Person("ann", "Ann Lee", "ann@example.org", "https://x/ann", "CFO",
                            "Boston", "met at, \"conf\"", "finance;boston")}
    orgs = {"o": Organization("o", "Acme Corp", ("ACME Widgets", "Acme Inc"), "Tools", "MA")}
    jobs = [Employment("ann", "o", "Intern", date(2015, 1, 1), date(2016, 6, 30)),
            Employment("ann", "o", "CFO", date(2020, 2, 1)),
            Employment("ann", "o", "Advisor")]
    ties = [Tie("ann", "me", None, "advice", date(2026, 10, 1), 4, "own-export", "notes",
                (("met", "2019"),))]
    net = Network("me", people, orgs, jobs, ties,
                  memberships=[Membership("ann", "MIT", "alum"), Membership("me", "MIT")])
    neo = neo4j_store_of(net, AS_OF)
    memory = MemoryStore(net, AS_OF)
    assert_same_answers(neo, memory)
    assert neo.tie("me", "ann").tie == ties[0]
    assert neo.tie("me", "ann").evidence == ("advice obtained", "last contact 1 month ago",
                                             "4 interactions", "both in MIT")


# --- loading -----------------------------------------------------------------------------------

def _counts(summary) -> dict:
    return {c.kind: (c.total, c.created, c.removed) for c in summary.counts}


def test_reloading_changes_nothing(neo4j_db, sample_network):
    runner = neo4j_db.fresh()
    first = load_network(runner, sample_network, AS_OF, batch_size=1000)
    before = answers(Neo4jStore(runner), hops=(2,), every=20)
    again = load_network(runner, sample_network, AS_OF, batch_size=1000)
    assert all(created == removed == 0 for _, created, removed in _counts(again).values())
    assert _counts(first)["people"] == (len(sample_network.people),
                                        len(sample_network.people), 0)
    assert answers(Neo4jStore(runner), hops=(2,), every=20) == before


class NamingRunner:
    """Passes queries to a real runner and keeps their names."""

    def __init__(self, runner) -> None:
        self.runner, self.where, self.names = runner, runner.where, []

    def run(self, query, params, **kw):
        self.names.append(query.name)
        return self.runner.run(query, params, **kw)

    def close(self):
        pass


def test_reloading_the_same_network_writes_nothing_and_repairs_what_was_deleted(neo4j_db):
    runner = neo4j_db.fresh()
    net = random_network(9, people=30, ties=60)
    load_network(runner, net, AS_OF)
    naming = NamingRunner(runner)
    again = _counts(load_network(naming, net, AS_OF))
    # one digest and one count compared; no row built, fetched or sent
    assert not [n for n in naming.names if n.startswith(("merge_", "create_", "hashes_", "delete_",
                                                         "begin_"))], naming.names
    assert again["ties"] == (len({t.key for t in net.ties}), 0, 0)
    # a tie deleted by hand: the counts differ, so the re-load compares every row
    _raw(runner, "MATCH (:Person {id: 'p01'})-[t:KNOWS]-() DELETE t", write=True)
    repaired = _counts(load_network(runner, net, AS_OF))
    assert repaired["ties"][1] > 0
    assert_same_answers(Neo4jStore(runner), MemoryStore(net, AS_OF), hops=(2,))
    # another as-of date changes the digest (every strength), so the ties are sent again
    later = _counts(load_network(runner, net, date(2026, 12, 1)))
    assert later["people"] == (len(net.people), 0, 0)
    assert_same_answers(Neo4jStore(runner), MemoryStore(net, date(2026, 12, 1)), hops=(2,))


class RowsRunner(NamingRunner):
    """Passes queries to a real runner and keeps, per merge query, the rows it sent."""

    def __init__(self, runner) -> None:
        super().__init__(runner)
        self.sent: dict[str, list[dict]] = {}

    def run(self, query, params, **kw):
        if query.name.startswith("merge_"):
            self.sent.setdefault(query.name, []).extend(params["rows"])
        return super().run(query, params, **kw)


def test_a_reload_builds_and_sends_only_the_chunks_that_changed(neo4j_db):
    runner = neo4j_db.fresh()
    net = random_network(11, people=100, ties=3000)
    load_network(runner, net, AS_OF, batch_size=500)
    first = net.ties[0]  # edited; net.ties[1] is dropped below
    added = Tie("p00", "p99", 0.75) if ("p00", "p99") not in {t.key for t in net.ties} \
        else Tie("p98", "p99", 0.75)
    renamed = dataclasses.replace(net.people["p42"], name="Person 42 (renamed)")
    changed = dataclasses.replace(
        net, people={**net.people, "p42": renamed},
        ties=[dataclasses.replace(first, notes="met again"), *net.ties[2:], added])
    rows = RowsRunner(runner)
    summary = _counts(load_network(rows, changed, AS_OF, batch_size=500))
    # no stored hash fetched: the chunks' digests said where the changes are
    assert not [n for n in rows.names if n.startswith("hashes_")], rows.names
    ties_sent = {(r["lo"], r["hi"]) for r in rows.sent["merge_ties"]}
    assert {first.key, added.key} <= ties_sent
    assert len(ties_sent) < len(net.ties) / 4
    assert "p42" in {r["id"] for r in rows.sent["merge_people"]}  # 100 people: one chunk
    assert "merge_organizations" not in rows.sent
    assert summary["ties"] == (len({t.key for t in changed.ties}), 1, 1)
    assert_same_answers(Neo4jStore(runner), MemoryStore(changed, AS_OF), hops=(2,), every=5)
    # a record deleted by hand: its kind compares every row's hash, which puts it back
    _raw(runner, "MATCH (p:Person {id: 'p42'})-[t:KNOWS]-() DELETE t", write=True)
    again = RowsRunner(runner)
    repaired = _counts(load_network(again, changed, AS_OF, batch_size=500))
    assert "hashes_ties" in again.names and repaired["ties"][1] > 0
    assert_same_answers(Neo4jStore(runner), MemoryStore(changed, AS_OF), hops=(2,), every=5)


def test_a_new_membership_rescores_the_ties_it_is_shared_by(neo4j_db):
    """A tie's strength counts the groups both people belong to: a membership added to the
    folder changes the chunks of that person's ties, not only the memberships'."""
    runner = neo4j_db.fresh()
    net = random_network(12, people=300, ties=1500, explicit=0.0)
    load_network(runner, net, AS_OF, batch_size=500)
    member = next(m for m in net.memberships)
    partner = next(t.person_b if t.person_a == member.person_id else t.person_a
                   for t in net.ties if member.person_id in t.key)
    changed = dataclasses.replace(net, memberships=[
        *[m for m in net.memberships if m.person_id != partner],
        Membership(partner, member.group)])
    before = Neo4jStore(runner).tie(member.person_id, partner).strength
    rows = RowsRunner(runner)
    load_network(rows, changed, AS_OF, batch_size=500)
    memory = MemoryStore(changed, AS_OF)
    assert Neo4jStore(runner).tie(member.person_id, partner).strength == \
        memory.tie(member.person_id, partner).strength != before
    assert len(rows.sent["merge_ties"]) < len(net.ties) / 2
    assert_same_answers(Neo4jStore(runner), memory, hops=(2,), every=10)


def test_reloading_without_thousands_of_ties_removes_them(neo4j_db):
    """A person losing 1,500 ties in one batch (ArcadeDB failed with EntityNotFound when a
    delete batch held many ties of one person)."""
    people = {f"p{i:04d}": Person(f"p{i:04d}", f"Person {i}") for i in range(1500)}
    ids = sorted(people)
    hub = [Tie(ids[0], p, 0.5) for p in ids[1:]]
    ring = [Tie(a, b, 0.25) for a, b in zip(ids[1:], ids[2:], strict=False)]
    net = Network(me=ids[0], people=people, ties=hub + ring)
    runner = neo4j_db.fresh()
    load_network(runner, net, AS_OF)
    emptied = dataclasses.replace(net, ties=ring[:10])
    summary = _counts(load_network(runner, emptied, AS_OF))
    assert summary["ties"] == (10, 0, len(hub) + len(ring) - 10)
    assert_same_answers(Neo4jStore(runner), MemoryStore(emptied, AS_OF), hops=(2,), every=100)


def test_reloading_a_changed_network_follows_it(neo4j_db):
    runner = neo4j_db.fresh()
    net = random_network(5, people=20, ties=40)
    net.targets = [Target("o1"), Target("o2"), Target("o3")]
    load_network(runner, net, AS_OF)
    changed = dataclasses.replace(
        net,
        people={k: v for k, v in net.people.items() if k != "p19"},
        employment=[j for j in net.employment if j.person_id != "p19"][1:],
        ties=[t for t in net.ties if "p19" not in t.key][3:] + [Tie("p00", "p18", 0.42)],
        memberships=[m for m in net.memberships if m.person_id != "p19"][1:],
        targets=[Target("o2", 1)],
    )
    summary = _counts(load_network(runner, changed, date(2026, 12, 1)))
    assert summary["people"][2] == 1 and summary["targets"] == (1, 0, 2)
    assert summary["ties"][1] == len({t.key for t in changed.ties} - {t.key for t in net.ties})
    assert_same_answers(Neo4jStore(runner), MemoryStore(changed, date(2026, 12, 1)))


class Interrupted(Exception):
    pass


class DyingRunner:
    """Passes queries to a real runner until ``after`` merge batches, then dies."""

    def __init__(self, runner, after: int) -> None:
        self.runner, self.after, self.where = runner, after, runner.where

    def run(self, query, params, **kw):
        if query.name.startswith(("merge_", "create_")):
            if self.after == 0:
                raise Interrupted
            self.after -= 1
        return self.runner.run(query, params, **kw)

    def close(self):
        pass


def test_an_interrupted_load_is_refused_then_completed_by_rerunning(neo4j_db, sample_network):
    runner = neo4j_db.fresh()
    with pytest.raises(Interrupted):
        load_network(DyingRunner(runner, after=4), sample_network, AS_OF, batch_size=100)
    with pytest.raises(GraphkitError, match="did not finish; run `graphkit load --backend "
                       "neo4j` again"):
        Neo4jStore(runner)
    load_network(runner, sample_network, AS_OF, batch_size=100)
    assert_same_answers(Neo4jStore(runner), MemoryStore(sample_network, AS_OF), hops=(2,),
                        every=20)


def test_an_interrupted_reload_of_a_changed_network_completes(neo4j_db):
    runner = neo4j_db.fresh()
    old, new = random_network(6, people=15, ties=30), random_network(7, people=15, ties=30)
    load_network(runner, old, AS_OF)
    with pytest.raises(Interrupted):
        load_network(DyingRunner(runner, after=1), new, AS_OF)
    load_network(runner, new, AS_OF)
    assert_same_answers(Neo4jStore(runner), MemoryStore(new, AS_OF))


def _raw(runner, cypher: str, write: bool = False, **params):
    names = ", ".join(params)
    query = parse_query(f"// name: raw\n// params: {names}\n{cypher}", "raw.cypher")
    return runner.run(query, params, write=write).records


def test_replace_deletes_only_graphkits_own_labels(neo4j_db):
    runner = neo4j_db.fresh()
    _raw(runner, "CREATE (:Customer {id: 'p00', name: 'not ours'})", write=True)
    load_network(runner, random_network(8, people=10, ties=15), AS_OF)
    smaller = random_network(9, people=6, ties=8)
    summary = load_network(runner, smaller, AS_OF, replace=True)
    assert summary.cleared > 10
    assert _raw(runner, "MATCH (c:Customer) RETURN c.name AS name") == [{"name": "not ours"}]
    assert_same_answers(Neo4jStore(runner), MemoryStore(smaller, AS_OF))


def test_hostile_names_are_data_and_the_graph_stays_intact(neo4j_db):
    evil = 'Acme"}) DETACH DELETE n //'
    hostile = ["`x`) DETACH DELETE n //", "O'Brien \\ \"q\" {a: 1} $me", "MATCH (n) DELETE n",
               "日本 ✓"]
    people = {"me": Person("me", "Me"), **{f"h{i}": Person(f"h{i}", name, notes=name)
                                           for i, name in enumerate(hostile)},
              "id'}) DETACH DELETE n //": Person("id'}) DETACH DELETE n //", "Odd Id")}
    orgs = {"evil": Organization("evil", evil, (hostile[0],)),
            "o'}) //": Organization("o'}) //", "Plain")}
    jobs = [Employment("h0", "evil", hostile[1]), Employment("id'}) DETACH DELETE n //",
                                                              "evil", "CTO")]
    ties = [Tie("me", "h0", 0.9, notes=evil), Tie("h0", "h1", 0.5),
            Tie("me", "id'}) DETACH DELETE n //", 0.4)]
    net = Network("me", people, orgs, jobs, ties, [],
                  [Membership("h1", hostile[2]), Membership("me", hostile[2])],
                  [Target(evil, None, hostile[3])])
    runner = neo4j_db.fresh()
    load_network(runner, net, AS_OF)
    store = Neo4jStore(runner)
    result = path_to(store, evil, 2)
    assert result.organization.name == evil
    assert [p.person.id for p in result.paths] == ["h0", "id'}) DETACH DELETE n //"]
    assert_same_answers(store, MemoryStore(net, AS_OF))
    assert store.members(hostile[2]) == ["h1", "me"]
    count = "MATCH (n) RETURN count(n) AS n"
    nodes = _raw(runner, count)[0]["n"]
    # + 3 spellings (two names, one alias), group, target, meta
    assert nodes == len(people) + len(orgs) + 3 + 1 + 1 + 1
    assert _raw(runner, "MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"] == 3 + 2 + 2
    load_network(runner, net, AS_OF)
    assert _raw(runner, count)[0]["n"] == nodes


def test_another_as_of_is_refused_with_the_command_that_fixes_it(neo4j_store_of):
    net = random_network(1, people=5, ties=4)
    store = neo4j_store_of(net, AS_OF)
    with pytest.raises(ConfigError, match="--as-of 2026-11-30"):
        Neo4jStore(store.runner, date(2026, 11, 30))


# --- faults ------------------------------------------------------------------------------------

@pytest.fixture
def fault_of(bolt_server):
    def connect(**changes):
        connection = dataclasses.replace(bolt_server.connection, **changes)
        with pytest.raises(GraphkitError) as info:
            BoltRunner(connection)
        message = str(info.value)
        assert "\n" not in message and bolt_server.connection.password not in message
        assert connection.uri in message
        return info.value
    return connect


def test_wrong_password(fault_of):
    error = fault_of(password="wrong-password")
    assert isinstance(error, BackendUnavailable)
    assert "refused user 'root': check NEO4J_USER and NEO4J_PASSWORD" in str(error)
    assert "wrong-password" not in str(error)


def test_unknown_database(fault_of):
    error = fault_of(database="nosuchdb")
    assert "has no database 'nosuchdb': check NEO4J_DATABASE" in str(error)
    assert "databases/" not in str(error)  # the server's own message leaks its file path


def test_server_down(fault_of):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    error = fault_of(uri=f"bolt://127.0.0.1:{port}")
    assert str(error).endswith("check that the server is running and that NEO4J_URI (or "
                               "[neo4j] uri in graphkit.toml) names the right host, port and "
                               "scheme (connection refused)")


@pytest.mark.parametrize("scheme", ["bolt+s", "neo4j+s", "bolt+ssc"])
def test_tls_scheme_mismatch(fault_of, bolt_server, scheme, capfd):
    uri = bolt_server.connection.uri.replace("bolt://", f"{scheme}://")
    error = fault_of(uri=uri)
    assert "no TLS connection; check the URI scheme" in str(error)
    assert capfd.readouterr().err == ""  # the driver's own log lines stay quiet


def test_unsupported_scheme(fault_of):
    assert isinstance(fault_of(uri="http://127.0.0.1:7474"), ConfigError)


def test_a_failing_query_names_its_file(neo4j_db):
    runner = neo4j_db.fresh()
    broken = parse_query("// name: broken\n// params:\nMATCH (n RETURN n", "queries/broken.cypher")
    with pytest.raises(GraphkitError, match=r"^queries/broken\.cypher: the query failed on "
                       r"Neo4j at bolt://"):
        runner.run(broken, {})


# --- the command line --------------------------------------------------------------------------

@pytest.fixture
def neo4j_env(neo4j_db, bolt_server):
    database = bolt_server.new_database("cli")
    c = bolt_server.connection
    return {"NEO4J_URI": c.uri, "NEO4J_USER": c.user, "NEO4J_PASSWORD": c.password,
            "NEO4J_DATABASE": database, "GRAPHKIT_DATA": ""}


def cli(env, *args):
    result = CliRunner().invoke(main, list(args), env=env)
    assert "Traceback" not in result.output and env["NEO4J_PASSWORD"] not in result.output
    return result


def test_cli_load_then_path_to_matches_the_memory_golden(neo4j_env, sample_dir):
    pinned = ["--as-of", "2026-11-22", "--data", str(sample_dir)]
    loaded = cli(neo4j_env, *pinned, "load", "--backend", "neo4j", "--batch-size", "1000")
    assert loaded.exit_code == 0, loaded.output
    assert "tie strengths as of 2026-11-22" in loaded.stdout
    people = len(read_network(sample_dir).people)
    assert re.search(rf"\n  people +{people}  \({people} new, 0 removed\)\n", loaded.stdout)
    again = cli(neo4j_env, *pinned, "load", "--backend", "neo4j")
    assert "(0 new, 0 removed)" in again.stdout and " new" not in again.stdout.replace(
        "(0 new", "")
    for fmt in ("table", "json", "csv"):
        memory = cli(neo4j_env, *pinned, "path-to", "Acme Corp", "--format", fmt)
        neo = cli(neo4j_env, "--backend", "neo4j", "--data", str(sample_dir), "path-to",
                  "Acme Corp", "--format", fmt)
        assert neo.exit_code == 0 and neo.stdout == memory.stdout


def test_cli_load_removes_every_tie_then_follows_another_folder(neo4j_env, sample_dir,
                                                                 tmp_path):
    """Emptying ties.csv removes all 671 ties (it used to fail in delete_ties with
    EntityNotFound), and loading another folder into the same database replaces the network."""
    pinned = ["--as-of", "2026-11-22", "load", "--backend", "neo4j", "--batch-size", "100"]
    runner_env = neo4j_env
    assert cli(runner_env, "--data", str(sample_dir), *pinned).exit_code == 0
    ties = sample_dir / "ties.csv"
    ties.write_text(ties.read_text().splitlines()[0] + "\n")
    emptied = cli(runner_env, "--data", str(sample_dir), *pinned)
    assert emptied.exit_code == 0, emptied.output
    removed = len({t.key for t in read_network(sample_folder()).ties})
    assert re.search(rf"\n  ties +0  \(0 new, {removed} removed\)\n", emptied.stdout)
    other = tmp_path / "other"
    write_network(other, random_network(11, people=30, ties=80))
    moved = cli(runner_env, "--data", str(other), *pinned)
    assert moved.exit_code == 0, moved.output
    people = len(read_network(sample_dir).people)
    assert re.search(rf"\n  people +30  \(30 new, {people} removed\)\n", moved.stdout)
    for org in ("Org 1", "Org 2"):
        for fmt in ("table", "json"):
            memory = cli(runner_env, "--as-of", "2026-11-22", "--data", str(other), "path-to",
                         org, "--max-hops", "3", "--format", fmt)
            neo = cli(runner_env, "--backend", "neo4j", "--data", str(other), "path-to", org,
                      "--max-hops", "3", "--format", fmt)
            assert neo.exit_code == 0 and neo.stdout == memory.stdout


def test_cli_refuses_another_as_of_in_one_line(neo4j_env, sample_dir):
    net = read_network(sample_dir)
    net.people = {k: v for k, v in list(net.people.items())[:5]}
    net.employment = net.ties = net.introductions = net.memberships = []
    write_network(sample_dir, net)
    assert cli(neo4j_env, "--data", str(sample_dir), "--as-of", "2026-11-22", "load",
               "--backend", "neo4j").exit_code == 0
    result = cli(neo4j_env, "--data", str(sample_dir), "--backend", "neo4j", "path-to", "x",
                 "--as-of", "2026-11-23")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "graphkit load --backend neo4j --as-of 2026-11-23" in result.stderr


def test_cli_faults_are_one_line_without_the_password(neo4j_env, sample_dir):
    for change, expected in [({"NEO4J_PASSWORD": "not-it"}, "check NEO4J_USER and"),
                             ({"NEO4J_DATABASE": "nosuchdb"}, "has no database 'nosuchdb'")]:
        env = {**neo4j_env, **change}
        result = cli(env, "--data", str(sample_dir), "--backend", "neo4j", "path-to", "Acme")
        assert result.exit_code == 1
        assert result.stderr.startswith("Error: ") and expected in result.stderr
        assert result.stderr.strip().count("\n") == 0
        assert "not-it" not in result.output and neo4j_env["NEO4J_PASSWORD"] not in result.output


def test_cli_load_needs_the_neo4j_backend(sample_dir):
    result = CliRunner().invoke(main, ["--data", str(sample_dir), "load"])
    assert result.exit_code == 2 and "add --backend neo4j" in result.output


def test_cli_password_in_graphkit_toml_is_refused(neo4j_env, sample_dir):
    toml = sample_dir / "graphkit.toml"
    toml.write_text(toml.read_text() + '\n[neo4j]\npassword = "hunter2"\n')
    result = cli(neo4j_env, "--data", str(sample_dir), "--backend", "neo4j", "load")
    assert result.exit_code == 1 and "never keep the password in a file" in result.stderr
    assert "hunter2" not in result.output


# --- queries per command: bounded by the work, not by the people -------------------------------

class CountingRunner:
    """Passes queries to a real runner and counts them by name."""

    def __init__(self, runner) -> None:
        self.runner, self.where, self.names = runner, runner.where, []

    def run(self, query, params, **kw):
        self.names.append(query.name)
        return self.runner.run(query, params, **kw)

    def close(self):
        pass


def _queries(runner, analysis) -> list[str]:
    counting = CountingRunner(runner)
    analysis(Neo4jStore(counting))
    return counting.names


@pytest.mark.parametrize("size", [60, 400])
def test_queries_per_command_do_not_grow_with_the_people(neo4j_store_of, sample_network, size):
    from graphkit.analysis.reach import reach
    from graphkit.analysis.referral_plan import referral_plan
    from graphkit.analysis.referrals import referral_chains
    from graphkit.analysis.weak_ties import weak_ties

    net = sample_network if size == 400 else random_network(12, people=size, ties=3 * size)
    net.targets = net.targets or [Target("o1"), Target("Org 2"), Target("o3")]
    runner = neo4j_store_of(net, AS_OF).runner
    org = "Acme Corp" if size == 400 else "Org 1"
    for hops in (2, 4, 6):
        names = _queries(runner, lambda s, h=hops: path_to(s, org, h))
        assert names.count("best_paths_layer") <= hops
        assert len(names) <= 8 + hops, names
        # one search from me, plus one of two hops per unreachable target (its leads)
        names = _queries(runner, lambda s, h=hops: reach(s, h))
        assert len(names) <= 12 + 2 * hops + 4 * len(net.targets), names
    for depth in (1, 2):
        names = _queries(runner, lambda s, d=depth: weak_ties(s, d))
        assert len(names) <= 9 + depth, names
    assert len(_queries(runner, referral_chains)) <= 10
    assert len(_queries(runner, lambda s: referral_plan(s, org, 3))) <= 16
    assert "organizations" not in _queries(runner, lambda s: path_to(s, org, 2))
