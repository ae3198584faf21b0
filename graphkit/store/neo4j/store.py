"""The Neo4j store: a :class:`~graphkit.store.base.GraphStore` answered by Cypher on a
database loaded by :mod:`graphkit.store.neo4j.load`.

Tie strengths were computed when the network was loaded, for an as-of date recorded in
``GraphkitMeta``; a store opened for another date refuses and says how to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from graphkit.errors import ConfigError, GraphkitError, InvalidArgument
from graphkit.model import Employment, Introduction, Organization, Person, Target
from graphkit.orgs import OrgIndex
from graphkit.store.base import BestPath, TieView, jobs_in_order
from graphkit.store.neo4j.connection import connection_settings
from graphkit.store.neo4j.queries import Query, load_queries
from graphkit.store.neo4j.records import _model_text, _record, _tie_view
from graphkit.store.neo4j.runner import BoltRunner, QueryRunner
from graphkit.strength import StrengthModel


class Neo4jStore:
    """A :class:`~graphkit.store.base.GraphStore` answered by Cypher on a loaded database.

    Parameters
    ----------
    runner : runs the queries (a :class:`BoltRunner`, or a fake in tests).
    as_of : the date the caller wants; None takes the loaded one. Another date than the
        loaded one is refused, since strengths were computed at load.
    model : when given, the strength model the caller expects; refused if the load used another.
    infer : when given, whether the caller wants inferred ties; refused if the load differs.

    Raises
    ------
    GraphkitError
        when the database holds no complete graphkit network.
    ConfigError
        when ``as_of`` or ``model`` differ from the load's.
    """

    def __init__(self, runner: QueryRunner, as_of: date | None = None,
                 model: StrengthModel | None = None, infer: bool | None = None,
                 queries: Mapping[str, Query] | None = None) -> None:
        self.runner = runner
        self._queries = dict(queries or load_queries())
        rows = self._run("meta")
        where = runner.where
        if not rows:
            raise GraphkitError(f"Neo4j at {where} holds no graphkit network; load one with "
                                "`graphkit --data DIR load --backend neo4j`")
        meta = rows[0]
        if not meta.get("complete"):
            raise GraphkitError(f"the last load into Neo4j at {where} did not finish; run "
                                "`graphkit load --backend neo4j` again to complete it")
        loaded = date.fromisoformat(meta["as_of"])
        if as_of is not None and as_of != loaded:
            raise ConfigError(
                f"Neo4j at {where} holds tie strengths as of {loaded}, not {as_of}; reload "
                f"with `graphkit load --backend neo4j --as-of {as_of}` (or query with "
                f"--as-of {loaded}, or without --as-of)")
        if model is not None and _model_text(model) != meta.get("model"):
            raise ConfigError(
                f"the [strength] settings differ from the ones Neo4j at {where} was loaded "
                "with; reload with `graphkit load --backend neo4j`")
        if infer is not None and infer != bool(meta.get("inferred")):
            flag = " --infer" if infer else ""
            had = "with" if meta.get("inferred") else "without"
            raise ConfigError(
                f"Neo4j at {where} was loaded {had} inferred ties; reload with "
                f"`graphkit{flag} load --backend neo4j` (or query {had} --infer)")
        self.as_of = loaded
        self._me: str = meta["me"]
        self._people: dict[str, Person] = {}
        self._ties: dict[tuple[str, str], TieView] = {}
        self._ties_of: set[str] = set()
        self._orgs: list[Organization] | None = None
        self._index: OrgIndex | None = None

    def _run(self, name: str, literals: dict[str, int] | None = None,
             **params: Any) -> list[dict[str, Any]]:
        return self.runner.run(self._queries[name], params, literals=literals).records

    def close(self) -> None:
        """Release the connection."""
        self.runner.close()

    def me(self) -> Person:
        return self.person(self._me)

    def person(self, person_id: str) -> Person:
        if person_id not in self._people:
            rows = self._run("person", id=person_id)
            if not rows:
                raise KeyError(person_id)
            self._people[person_id] = _record(Person, rows[0]["props"])
        return self._people[person_id]

    def people(self) -> list[Person]:
        found = [_record(Person, r["props"]) for r in self._run("people")]
        self._people.update((p.id, p) for p in found)
        return sorted(found, key=lambda p: p.id)

    def _organizations_in_file_order(self) -> list[Organization]:
        if self._orgs is None:
            rows = self._run("organizations")
            rows.sort(key=lambda r: r["props"].get("seq", 0))
            self._orgs = [_record(Organization, r["props"]) for r in rows]
        return self._orgs

    def organizations(self) -> list[Organization]:
        return sorted(self._organizations_in_file_order(), key=lambda o: o.id)

    def organization(self, name: str) -> Organization:
        if self._index is None:
            self._index = OrgIndex(self._organizations_in_file_order())
        return self._index.resolve(name)

    def _jobs(self, rows: list[dict[str, Any]]) -> list[Employment]:
        rows.sort(key=lambda r: r["props"]["seq"])
        return [_record(Employment, r["props"], person_id=r["person_id"], org_id=r["org_id"])
                for r in rows]

    def employment_at(self, org_id: str) -> list[Employment]:
        return sorted(self._jobs(self._run("employment_at", org_id=org_id)),
                      key=lambda e: e.person_id)

    def employment_of(self, person_id: str) -> list[Employment]:
        return jobs_in_order(self._jobs(self._run("employment_of", person_id=person_id)))

    def groups_of(self, person_id: str) -> list[str]:
        return sorted(r["name"] for r in self._run("groups_of", person_id=person_id))

    def members(self, group: str) -> list[str]:
        return sorted(r["id"] for r in self._run("members", group=group))

    def neighbors(self, person_id: str) -> list[str]:
        return sorted(r["id"] for r in self._run("neighbors", person_id=person_id))

    def tie(self, a: str, b: str) -> TieView:
        """The tie between two people; the first question about someone's tie fetches all of
        that person's ties at once (callers usually go on to ask about the others)."""
        key = (a, b) if a <= b else (b, a)
        if key not in self._ties and a not in self._ties_of:
            self._ties_of.add(a)
            for row in self._run("ties_of", person_id=a):
                view = _tie_view(row["props"])
                self._ties[view.tie.key] = view
        if key not in self._ties:
            raise KeyError((a, b))
        return self._ties[key]

    def ties(self) -> list[TieView]:
        views = [_tie_view(r["props"]) for r in self._run("ties")]
        return sorted(views, key=lambda v: v.tie.key)

    def best_paths(self, source: str, targets: Sequence[str] | None,
                   max_hops: int) -> dict[str, BestPath]:
        """Hop-limited best paths computed in Cypher (``queries/best_paths*.cypher``).

        Enumerates the simple paths of at most ``max_hops`` ties from ``source``: cost grows
        with the number of such paths, about (mean degree) ** max_hops.
        """
        if max_hops < 1:
            raise InvalidArgument("max_hops", max_hops, "at least 1")
        literals = {"max_hops": max_hops}
        if targets is None:
            rows = self._run("best_paths_all", literals, source=source)
        else:
            wanted = sorted(set(targets) - {source})
            if not wanted:
                return {}
            rows = self._run("best_paths", literals, source=source, targets=wanted)
        found = {r["target"]: BestPath(min(tuple(ids) for ids in r["tied"]), r["score"])
                 for r in rows if r["target"] != source}
        return {t: found[t] for t in sorted(found)}

    def ego_ties(self, center: str, radius: int) -> list[TieView]:
        if radius < 1:
            return []
        rows = self._run("ego_ties", {"radius": radius}, center=center)
        return sorted((_tie_view(r["props"]) for r in rows), key=lambda v: v.tie.key)

    def targets(self) -> list[Target]:
        rows = sorted(self._run("targets"), key=lambda r: r["props"]["seq"])
        return [_record(Target, r["props"]) for r in rows]

    def introductions(self) -> list[Introduction]:
        rows = sorted(self._run("introductions"), key=lambda r: r["props"]["seq"])
        return [_record(Introduction, r["props"]) for r in rows]


def open_neo4j_store(table: Mapping[str, Any] | None, model: StrengthModel | None = None,
                     as_of: date | None = None, infer: bool = False, *,
                     prompt: Callable[[str], str] | None = None) -> Neo4jStore:
    """Open the Neo4j database named by the environment and the ``[neo4j]`` settings ``table``.

    ``model`` is the strength model the database must have been loaded with (None: the
    default). ``as_of`` None takes the date the database was loaded for; another date is
    refused, and so is an ``infer`` that differs from the load's. Without ``NEO4J_PASSWORD``
    the password comes from ``prompt`` when given (called with the question, returns the
    answer).
    """
    connection = connection_settings(table, ask_password=prompt)
    runner = BoltRunner(connection)
    try:
        return Neo4jStore(runner, as_of, model, infer)
    except BaseException:
        runner.close()
        raise
