"""The Neo4j backend without a server: query files, their checks, and which queries run with
which parameters (a recording fake runner), connection settings."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import date
from pathlib import Path

import pytest

from graphkit.errors import ConfigError, GraphkitError, InputError, InvalidArgument
from graphkit.model import Network, Organization, Person, Tie
from graphkit.store.base import BestPath, TieView
from graphkit.store.memory import MemoryStore
from graphkit.store.neo4j import Neo4jStore, load_network
from graphkit.store.neo4j.connection import connection_settings
from graphkit.store.neo4j.load import CLEAR, SCHEMA
from graphkit.store.neo4j.queries import Query, labels_in, load_queries, parse_query
from graphkit.store.neo4j.records import LABELS, REL_TYPES, _tie_props
from graphkit.store.neo4j.runner import Result, check_params
from networks import AS_OF, random_network

QUERIES = load_queries()


class RecordingRunner:
    """Records every query run (name, params, literals, write) and answers from ``replies``."""

    where = "bolt://fake:7687 (database test)"

    def __init__(self, replies: dict[str, list[dict]] | None = None) -> None:
        self.calls: list[tuple[str, dict, dict | None, bool]] = []
        self.replies = {"meta": [{"me": "me", "as_of": AS_OF.isoformat(), "model": None,
                                  "complete": True, "source": ""}],
                        "counts": [dict.fromkeys(["people", "organizations", "groups",
                                                  "orgnames", "memberships", "jobs", "ties"],
                                                 0)],
                        **(replies or {})}

    def run(self, query: Query, params: dict, *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        check_params(query, params)
        query.text_for(literals)
        self.calls.append((query.name, params, literals, write))
        return Result(list(self.replies.get(query.name, [])))

    def close(self) -> None:
        pass

    def names(self) -> list[str]:
        return [name for name, *_ in self.calls]


# --- the query files ---------------------------------------------------------------------------

def test_every_query_file_loads_and_uses_only_whitelisted_labels():
    assert len(QUERIES) >= 40
    assert labels_in(QUERIES.values()) <= set(LABELS) | set(REL_TYPES)
    assert set(SCHEMA) <= set(QUERIES)


def test_query_files_are_shipped_in_the_package():
    import graphkit.queries

    folder = Path(graphkit.queries.__file__).parent
    assert {p.stem for p in folder.glob("*.cypher")} == set(QUERIES)


@pytest.mark.parametrize("text,line,message", [
    ("// params: a\nRETURN $a", 1, "`// name:` is missing"),
    ("// name: q\nRETURN 1", 2, "`// params:` is missing"),
    ("// name: other\n// params:\nRETURN 1", 1, "does not match the file name q.cypher"),
    ("// name: q\n// params: a\nRETURN 1", 2, "$a is declared but the query never uses it"),
    ("// name: q\n// params: a\nMATCH (n)\nWHERE n.x = $a\n  AND n.y = $b\nRETURN n", 5,
     "$b is used but not declared"),
    ("// name: q\n// params:\nMATCH (n)-[*1..{{hops}}]-(m) RETURN m", 3,
     "{{hops}} is used but not declared in `// literals:`"),
    ("// name: q\n// params:\n// literals: hops\nRETURN 1", 3, "literal hops is declared"),
    ("// name: q\n// params: a b\nRETURN $a", 2, "'a b' is not a parameter name"),
])
def test_bad_query_files_name_file_and_line(text, line, message):
    with pytest.raises(InputError) as info:
        parse_query(text, "queries/q.cypher")
    assert info.value.path == "queries/q.cypher" and info.value.line == line
    assert message in str(info.value)
    assert str(info.value).startswith(f"queries/q.cypher:{line}: ")


def test_dollar_words_in_strings_and_comments_are_not_parameters():
    q = parse_query("// name: q\n// params: a\n// uses $nothing\n"
                    "RETURN $a, '$b', \"$c\", `$d` /* $e */", "q.cypher")
    assert q.params == ("a",)


def test_load_queries_reports_a_bad_file(tmp_path):
    (tmp_path / "good.cypher").write_text("// name: good\n// params:\nRETURN 1\n")
    (tmp_path / "bad.cypher").write_text("// name: bad\n// params: x\nRETURN 1\n")
    with pytest.raises(InputError, match=r"bad\.cypher:2: \$x is declared"):
        load_queries(tmp_path)


BOUNDED = parse_query("// name: q\n// params: a\n// literals: max_hops\n"
                      "MATCH (x {id: $a})-[*1..{{max_hops}}]-(y) RETURN y", "q.cypher")


@pytest.mark.parametrize("value", ["3", "1]-() DETACH DELETE n //", 2.0, True, -1, None])
def test_literal_slots_take_only_whole_numbers(value):
    with pytest.raises(ValueError, match="literal max_hops must be a whole number"):
        BOUNDED.text_for({"max_hops": value})


def test_literal_slots_must_all_be_filled():
    with pytest.raises(ValueError, match="declared"):
        BOUNDED.text_for({})
    assert "*1..3]" in BOUNDED.text_for({"max_hops": 3})


def test_no_bundled_query_enumerates_variable_length_paths():
    """Paths and ego networks are searched layer by layer: a variable-length pattern
    enumerates every trail, exponential in the hop count."""
    assert not [q.name for q in QUERIES.values() if re.search(r"\*\s*\d*\s*\.\.", q.text)]


def test_undeclared_parameters_are_refused_before_running():
    with pytest.raises(ValueError, match="declares"):
        check_params(QUERIES["person"], {"id": "x", "extra": 1})


# --- query selection and parameters ------------------------------------------------------------

def _tie_row(a: str, b: str, strength: float) -> dict:
    lo, hi = sorted((a, b))
    return {"lo": lo, "hi": hi, "props": _tie_props(TieView(Tie(a, b), strength, ()))}


def _near(a: str, b: str, strength: float) -> dict:
    return {"a": a, "b": b, "strength": strength}


class TiesRunner(RecordingRunner):
    """A recording runner that answers ``strengths_of_people`` as the database would: the
    ties (a, b, strength) of each person asked about, from ``ties``."""

    def __init__(self, ties: list[tuple[str, str, float]], **replies: list[dict]) -> None:
        super().__init__(replies)
        self.held = ties

    def run(self, query: Query, params: dict, *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        result = super().run(query, params, write=write, literals=literals)
        if query.name != "strengths_of_people":
            return result
        return Result([_near(p, b if p == a else a, s) for p in params["ids"]
                       for a, b, s in self.held if p in (a, b)])


def test_best_paths_walks_every_layer_from_fetched_strengths():
    runner = TiesRunner([("me", "a", 0.5), ("me", "b", 0.5), ("a", "x", 0.5), ("b", "x", 0.5),
                         ("x", "t", 1.0), ("t", "y", 0.9), ("c", "z", 0.1)])
    store = Neo4jStore(runner)
    got = store.best_paths("me", ["t", "me", "c", "t"], 3)
    asked = [(name, params) for name, params, *_ in runner.calls[1:]]
    assert asked[0] == ("strengths_of_people", {"ids": ["me"]})
    # the layer in between: the frontier's strengths, one query, walked here
    assert asked[1] == ("strengths_of_people", {"ids": ["a", "b"]})
    # the last layer walks back from the targets
    assert asked[2] == ("strengths_of_people", {"ids": ["c", "t"]})
    # paths that tie on score and hops: the smallest id list wins; y is not on the frontier
    # (it was not reached at hop 2), so its tie to t does not count
    assert got == {"t": BestPath(("me", "a", "x", "t"), 0.25)}
    # the explanations: the search knew only strengths; the ties along the path, in one query
    assert asked[3:] == [("ties_between", {"pairs": [["a", "me"], ["a", "x"], ["t", "x"]]})]


def test_best_paths_to_everyone_runs_layers_until_nothing_improves():
    runner = TiesRunner([("me", "a", 0.5), ("a", "b", 0.5)])
    got = Neo4jStore(runner).best_paths("me", None, 6)
    # me, then a, then b: b's ties improve nothing, so the search stops at the third layer
    assert [p["ids"] for n, p, *_ in runner.calls if n == "strengths_of_people"] == [
        ["me"], ["a"], ["b"]]
    assert list(got) == ["a", "b"] and got["a"].people == ("me", "a")
    assert got["b"] == BestPath(("me", "a", "b"), 0.25)


def test_best_paths_reuses_the_ties_it_holds_across_searches():
    runner = RecordingRunner({
        "strengths_of_people": [_near("me", "a", 0.5), _near("t", "a", 0.5)],
        "ties_between": [_tie_row("me", "a", 0.5), _tie_row("a", "t", 0.5)]})
    store = Neo4jStore(runner)
    first = store.best_paths("me", ["t"], 2)
    before = len(runner.calls)
    assert store.best_paths("me", ["t"], 2) == first == {"t": BestPath(("me", "a", "t"), 0.25)}
    assert len(runner.calls) == before


def test_best_paths_without_targets_or_hops_asks_nothing():
    runner = RecordingRunner()
    store = Neo4jStore(runner)
    before = len(runner.calls)
    assert store.best_paths("me", ["me"], 2) == {}
    with pytest.raises(GraphkitError, match="at least 1"):
        store.best_paths("me", ["a"], 0)
    assert len(runner.calls) == before


def test_ego_ties_one_query_per_hop_then_one_for_the_ties():
    runner = RecordingRunner({"neighbors_of": [{"id": "a"}, {"id": "b"}]})
    store = Neo4jStore(runner)
    assert store.ego_ties("me", 0) == []
    store.ego_ties("me", 2)
    names = [n for n in runner.names() if n in ("neighbors_of", "ego_ties")]
    assert names == ["neighbors_of", "neighbors_of", "ego_ties"]
    members = {"a": True, "b": True, "me": True}
    assert runner.calls[-1] == ("ego_ties", {"ids": ["a", "b", "me"], "members": members},
                                None, False)


def test_ego_neighbors_asks_for_ids_only_in_one_query_per_batch():
    runner = RecordingRunner({"neighbors_of": [{"id": "a"}, {"id": "b"}],
                              "ego_pairs": [{"lo": "a", "hi": "me"}, {"lo": "a", "hi": "b"}]})
    store = Neo4jStore(runner)
    assert store.ego_neighbors("me", 0) == {}
    assert store.ego_neighbors("me", 2) == {"a": ["b", "me"], "b": ["a"], "me": ["a"]}
    names = [n for n in runner.names() if n in ("neighbors_of", "ego_pairs", "ego_ties")]
    assert names == ["neighbors_of", "neighbors_of", "ego_pairs"]
    members = {"a": True, "b": True, "me": True}
    assert runner.calls[-1] == ("ego_pairs", {"ids": ["a", "b", "me"], "members": members},
                                None, False)


def test_ego_ties_walks_held_ties_without_asking():
    runner = RecordingRunner({"strengths_of_people": [_near("me", "a", 0.5)],
                              "neighbors_of": [{"id": "b"}]})
    store = Neo4jStore(runner)
    store.best_paths("me", None, 1)  # holds my ties
    store.ego_ties("me", 2)
    names = [n for n in runner.names() if n in ("neighbors_of", "ego_ties")]
    assert names == ["neighbors_of", "ego_ties"]
    assert runner.calls[-2][1] == {"ids": ["a"]}


def test_people_named_by_an_answer_are_fetched_together():
    props = {"id": "ann", "name": "Ann"}
    runner = RecordingRunner({"members": [{"id": "ann"}, {"id": "bo"}],
                              "people_details": [
                                  {"id": "ann", "props": props, "groups": ["MIT"], "jobs": []},
                                  {"id": "bo", "props": {"id": "bo", "name": "Bo"},
                                   "groups": [], "jobs": []}]})
    store = Neo4jStore(runner)
    store.members("MIT")
    assert store.person("ann") == store.person("ann") == Person("ann", "Ann")
    assert store.groups_of("ann") == ["MIT"] and store.groups_of("bo") == []
    assert runner.names().count("people_details") == 1
    assert runner.calls[-1][1] == {"ids": ["ann", "bo"]}


def test_one_persons_ties_are_fetched_in_one_query():
    def tie(lo, hi, strength, swapped=False):
        props = {"strength": strength, "evidence": ["advice obtained"]}
        return {"lo": lo, "hi": hi, "props": {**props, "swapped": True} if swapped else props}
    runner = RecordingRunner({"ties_of": [tie("ann", "me", 0.5), tie("bo", "me", 0.25, True)]})
    store = Neo4jStore(runner)
    assert store.tie("me", "ann").strength == 0.5
    assert store.tie("me", "ann").tie == Tie("ann", "me")
    assert store.tie("bo", "me").tie == Tie("me", "bo")  # cached, in the file's order
    with pytest.raises(KeyError):
        store.tie("me", "cy")
    assert [c for c in runner.calls if c[0] == "ties_of"] == [
        ("ties_of", {"person_id": "me"}, None, False)]


def test_names_are_resolved_in_the_database_and_remembered():
    acme = {"id": "acme", "name": "Acme Corp", "aliases": ["ACME Widgets"]}
    runner = RecordingRunner({"resolve_organizations": [
        {"name": "ACME Corporation", "by_id": None, "by_key": acme}]})
    store = Neo4jStore(runner)
    assert store.organization("ACME Corporation").id == "acme"
    assert store.organization("ACME Corporation").aliases == ("ACME Widgets",)
    assert runner.names().count("resolve_organizations") == 1
    assert runner.calls[-1][1] == {"names": [{"name": "ACME Corporation", "key": "acme"}]}
    assert "organizations" not in runner.names()


def test_an_unknown_name_suggests_the_closest_spellings():
    from graphkit.errors import UnknownOrganization

    runner = RecordingRunner({"resolve_organizations": [
        {"name": "Acme Crop", "by_id": None, "by_key": None}],
        "organization_names": [{"key": "acme", "name": "Acme Corp"},
                               {"key": "initech", "name": "Initech"}]})
    with pytest.raises(UnknownOrganization) as info:
        Neo4jStore(runner).organization("Acme Crop")
    assert info.value.suggestions == ["Acme Corp"]


def test_store_refuses_an_empty_or_half_loaded_database_or_another_date():
    with pytest.raises(GraphkitError, match="holds no graphkit network; load one"):
        Neo4jStore(RecordingRunner({"meta": []}))
    half = [{"me": "me", "as_of": "2026-11-22", "model": None, "complete": False}]
    with pytest.raises(GraphkitError, match="did not finish; run `graphkit load"):
        Neo4jStore(RecordingRunner({"meta": half}))
    with pytest.raises(ConfigError, match=r"as of 2026-11-22, not 2026-12-01; reload with "
                       r"`graphkit load --backend neo4j --as-of 2026-12-01`"):
        Neo4jStore(RecordingRunner(), date(2026, 12, 1))
    assert Neo4jStore(RecordingRunner()).as_of == AS_OF


def test_store_refuses_another_infer_than_the_load():
    with pytest.raises(ConfigError, match=r"loaded without inferred ties; reload with "
                       r"`graphkit --infer load --backend neo4j`"):
        Neo4jStore(RecordingRunner(), infer=True)
    inferred = [{"me": "me", "as_of": "2026-11-22", "model": None, "complete": True,
                 "inferred": True}]
    with pytest.raises(ConfigError, match="loaded with inferred ties"):
        Neo4jStore(RecordingRunner({"meta": inferred}), infer=False)
    assert Neo4jStore(RecordingRunner({"meta": inferred}), infer=True).as_of == AS_OF


def test_load_fetches_keys_only_where_counts_say_something_is_stale():
    network = random_network(4, people=6, ties=5)
    counts = {"people": 7, "organizations": 6, "orgnames": 6,
              "groups": len({m.group for m in network.memberships}),
              "memberships": len(network.memberships), "jobs": len(network.employment),
              "ties": 5}
    runner = RecordingRunner({"counts": [counts], "person_keys": [{"key": "gone"}]})
    summary = load_network(runner, network, AS_OF)
    assert [n for n in runner.names() if n.endswith("_keys")] == ["person_keys"]
    assert runner.calls[runner.names().index("delete_people")][1] == {"keys": ["gone"]}
    assert {c.kind: c.removed for c in summary.counts}["people"] == 1


def test_load_records_date_me_model_and_infer_last():
    runner = RecordingRunner()
    load_network(runner, random_network(2, people=4, ties=3), AS_OF, inferred=True,
                 source="/nets/mine")
    name, params, _, write = runner.calls[-1]
    assert name == "finish_load" and write
    assert params["as_of"] == "2026-11-22" and params["me"] == "p00"
    assert params["inferred"] is True and params["source"] == "/nets/mine"
    assert '"half_life_days": 180.0' in params["model"]


def test_load_runs_schema_first_then_batches_then_cleanup():
    network = random_network(3, people=7, ties=9)
    runner = RecordingRunner()
    summary = load_network(runner, network, AS_OF, batch_size=4)
    names = runner.names()
    assert names[:len(SCHEMA)] == list(SCHEMA)
    # no last load is recorded (the fake holds none), so the counts decide: nothing is held,
    # so every row is sent without fetching a hash
    assert names[len(SCHEMA):len(SCHEMA) + 3] == ["load_chunks", "counts", "begin_load"]
    assert not [n for n in names if n.startswith("hashes_") and n not in (
        "hashes_introductions", "hashes_targets")]
    assert names[-1] == "finish_load"
    assert "clear_graphkit" not in names
    # nothing is held: people, memberships, jobs and ties are created, not merged (no
    # existing relationship to look through)
    merges = [(n.partition("_")[2], p["rows"]) for n, p, _, _ in runner.calls
              if n.startswith(("merge_", "create_"))]
    assert {n for n in runner.names() if n.startswith("create_")} == {
        "create_people", "create_memberships", "create_jobs", "create_ties"}
    assert all(1 <= len(rows) <= 4 for _, rows in merges)
    assert all(write for n, _, _, write in runner.calls
               if n.startswith(("merge_", "create_", "delete_")))
    people = [row for n, rows in merges if n == "people" for row in rows]
    assert [p["id"] for p in people] == list(network.people)
    assert [n for n, _ in merges].count("people") == 2  # 7 people, 4 per batch
    # the strengths sent are exactly the memory store's, keyed smaller id first
    ties = {(r["lo"], r["hi"]): r["props"] for n, rows in merges if n == "ties"
            for r in rows}
    memory = MemoryStore(network, AS_OF)
    assert {k: (v["strength"], tuple(v["evidence"])) for k, v in ties.items()} == {
        v.tie.key: (v.strength, v.evidence) for v in memory.ties()}
    groups = len({m.group for m in network.memberships})
    assert [c.total for c in summary.counts] == [6, 7, groups, len(network.memberships),
                                                  len(network.employment), 9, 0, 0]


def test_load_replace_clears_in_batches_until_nothing_is_left():
    runner = RecordingRunner({name: [{"deleted": 0}] for name in CLEAR})
    load_network(runner, random_network(1, people=4, ties=3), AS_OF, replace=True,
                 batch_size=1000)
    names = runner.names()
    assert [n for n in names if n.startswith("clear_")] == list(CLEAR)  # label by label
    assert names.index("clear_person") < names.index("begin_load")
    assert runner.calls[names.index("clear_person")][1] == {"batch_size": 1000}


def test_load_sends_hostile_names_only_as_parameters():
    evil = 'Acme"}) DETACH DELETE n //'
    net = Network("me", {"me": Person("me", "Me"), "x": Person("x", "`x` {y} $z")},
                  {"o": Organization("o", evil, aliases=("'; MATCH (n) DETACH DELETE n",))},
                  ties=[Tie("me", "x", 0.5)])
    runner = RecordingRunner()
    load_network(runner, net, AS_OF)
    for name, _, literals, _ in runner.calls:
        text = QUERIES[name].text_for(literals)
        assert evil not in text and "$z" not in text


def test_load_refuses_a_zero_batch_size():
    with pytest.raises(InvalidArgument, match="batch_size must be at least 1") as raised:
        load_network(RecordingRunner(), random_network(1, people=3, ties=2), AS_OF,
                     batch_size=0)
    assert raised.value.message("--batch-size") == "--batch-size must be at least 1, not 0"


# --- connection settings -----------------------------------------------------------------------

def test_environment_wins_over_graphkit_toml_over_defaults():
    env = {"NEO4J_PASSWORD": "s3cret", "NEO4J_DATABASE": "team"}
    c = connection_settings({"uri": "neo4j+s://db.example:7687", "user": "dana"}, env)
    assert (c.uri, c.user, c.database, c.password) == ("neo4j+s://db.example:7687", "dana",
                                                       "team", "s3cret")
    c = connection_settings(None, {"NEO4J_PASSWORD": "pw", "NEO4J_URI": "bolt://h:1"})
    assert (c.uri, c.user, c.database) == ("bolt://h:1", "neo4j", "neo4j")
    assert "s3cret" not in repr(connection_settings({}, env))


def test_password_never_comes_from_a_file():
    with pytest.raises(ConfigError, match=r"\[neo4j\] password: never keep the password"):
        connection_settings({"password": "pw"}, {"NEO4J_PASSWORD": "pw"})


def test_unknown_neo4j_setting_lists_the_valid_ones():
    with pytest.raises(ConfigError, match="unknown setting; valid ones are uri, user, database"):
        connection_settings({"url": "bolt://x"}, {"NEO4J_PASSWORD": "pw"})


def test_missing_password_is_asked_for_or_refused():
    asked = []
    c = connection_settings({}, {}, lambda prompt: asked.append(prompt) or "typed")
    assert c.password == "typed"
    assert asked == ["Neo4j password for neo4j at bolt://localhost:7687: "]
    with pytest.raises(ConfigError, match="no password for Neo4j at bolt://localhost:7687: "
                       "set NEO4J_PASSWORD"):
        connection_settings({}, {})


# --- Neo4j's own parser ------------------------------------------------------------------------

LINT = Path(__file__).resolve().parent / "cypher-lint"


def test_every_query_file_parses_with_neo4js_cypher_parser():
    """ArcadeDB accepts some Cypher that Neo4j rejects, so the files also go through Neo4j's
    parser (npm @neo4j-cypher/language-support, offline once installed with
    ``npm ci --prefix tests/cypher-lint``)."""
    import shutil
    import subprocess

    node = shutil.which("node")
    if node is None or not (LINT / "node_modules" / "@neo4j-cypher").is_dir():
        pytest.skip("Neo4j's Cypher parser is not installed: npm ci --prefix tests/cypher-lint")
    files = sorted(str(p) for p in Path(QUERIES["meta"].path).parent.glob("*.cypher"))
    done = subprocess.run([node, str(LINT / "lint.mjs"), *files], capture_output=True,
                          text=True, cwd=LINT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(files)} files checked, 0 problems" in done.stdout


def _recorded(network: Network) -> tuple[dict, dict]:
    """What a complete load of ``network`` leaves: its load_chunks row and the counts."""
    first = RecordingRunner()
    load_network(first, network, AS_OF)
    params = first.calls[-1][1]
    recorded = json.loads(params["chunks"])
    counts = {"people": 0, "organizations": 0, "groups": 0, "orgnames": 0, "memberships": 0,
              "jobs": 0, "ties": 0}
    names = {"organization names": "orgnames"}
    for kind, entry in recorded.items():
        if names.get(kind, kind) in counts:
            counts[names.get(kind, kind)] = entry["rows"]
    return {"complete": True, "digest": params["digest"], "chunks": params["chunks"]}, counts


def test_a_reload_sends_the_changed_chunk_and_trusts_no_unreadable_record():
    network = random_network(4, people=30, ties=60)
    last, counts = _recorded(network)
    edited = dataclasses.replace(network, ties=[
        dataclasses.replace(network.ties[0], notes="met again"), *network.ties[1:]])
    runner = RecordingRunner({"load_chunks": [last], "counts": [counts]})
    load_network(runner, edited, AS_OF)
    sent = [n for n in runner.names() if n.startswith(("merge_", "create_", "hashes_"))]
    assert sent == ["merge_ties"]  # 60 ties: one chunk, sent whole; nothing else, no hash
    # an unreadable record of the chunks: every kind compares the stored hashes instead
    for chunks in ("not json", "[1, 2]", '{"ties": {"rows": 60}}', None):
        runner = RecordingRunner({"load_chunks": [{**last, "chunks": chunks}],
                                  "counts": [counts]})
        load_network(runner, edited, AS_OF)
        assert "hashes_ties" in runner.names() and "hashes_people" in runner.names()
