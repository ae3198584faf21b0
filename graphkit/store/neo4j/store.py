"""The Neo4j store: a :class:`~graphkit.store.base.GraphStore` answered by Cypher on a
database loaded by :mod:`graphkit.store.neo4j.load`.

Tie strengths were computed when the network was loaded, for an as-of date recorded in
``GraphkitMeta``; a store opened for another date refuses and says how to reload.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from graphkit.errors import ConfigError, GraphkitError, InvalidArgument, UnknownOrganization
from graphkit.model import Employment, Introduction, Organization, Person, Target
from graphkit.orgs import org_key, suggestions_from
from graphkit.store.base import BestPath, TieView, jobs_in_order
from graphkit.store.neo4j.connection import connection_settings
from graphkit.store.neo4j.queries import Query, load_queries
from graphkit.store.neo4j.records import _model_text, _record, _tie_view
from graphkit.store.neo4j.runner import BoltRunner, QueryRunner
from graphkit.strength import StrengthModel

#: Ids per query when the store fetches a set of people or ties.
BATCH = 5000


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
        self._groups: dict[str, list[str]] = {}
        self._jobs_of: dict[str, list[Employment]] = {}
        self._ties: dict[tuple[str, str], TieView] = {}
        # Each fetched tie under both of its people; complete for the people in _ties_of.
        self._adj: dict[str, dict[str, TieView]] = {}
        self._ties_of: set[str] = set()
        # The strength of each tie known (fetched whole or alone, for a search) under both of
        # its people; complete for the people in _near_of (a superset of _ties_of).
        self._near: dict[str, dict[str, float]] = {}
        self._near_of: set[str] = set()
        self._orgs: dict[str, Organization] = {}
        self._resolved: dict[str, Organization | None] = {}
        self._staff: dict[str, list[Employment]] = {}
        self._targets: list[Target] | None = None
        # Read-ahead: sets of people (and organizations) an answer named, fetched together on
        # the first question about any one of them, so that an analysis asking about each in
        # turn costs one query per set, not one per person.
        self._people_ahead: list[set[str]] = []
        self._orgs_ahead: list[set[str]] = []

    def _run(self, name: str, literals: dict[str, int] | None = None,
             **params: Any) -> list[dict[str, Any]]:
        return self.runner.run(self._queries[name], params, literals=literals).records

    def close(self) -> None:
        """Release the connection."""
        self.runner.close()

    # --- people, their groups and jobs, read ahead by sets ----------------------------------

    def _ahead(self, ids: Iterable[str]) -> None:
        wanted = {p for p in ids if p not in self._groups}
        if wanted:
            self._people_ahead.append(wanted)

    def _fetch_people(self, person_id: str) -> None:
        """Fetch ``person_id`` and the smallest read-ahead set holding them (people, groups
        and jobs), in batches of :data:`BATCH`."""
        sets = [s for s in self._people_ahead if person_id in s]
        chosen = min(sets, key=len) if sets else set()
        ids = sorted({person_id, *chosen} - self._groups.keys())
        for start in range(0, len(ids), BATCH):
            batch = ids[start:start + BATCH]
            for row in self._run("people_details", ids=batch):
                pid = row["id"]
                self._people[pid] = _record(Person, row["props"])
                self._groups[pid] = sorted(row["groups"])
                self._jobs_of[pid] = self._jobs([dict(j, person_id=pid) for j in row["jobs"]
                                                 if j is not None])
            for pid in batch:  # absent from the database
                self._groups.setdefault(pid, [])
                self._jobs_of.setdefault(pid, [])
        self._people_ahead = [s for s in (s - self._groups.keys() for s in self._people_ahead)
                              if s]
        org_ids = {j.org_id for pid in ids for j in self._jobs_of.get(pid, ())}
        org_ids -= self._orgs.keys()
        if org_ids:
            self._orgs_ahead.append(org_ids)

    def me(self) -> Person:
        return self.person(self._me)

    def person(self, person_id: str) -> Person:
        if person_id not in self._people and person_id not in self._groups:
            self._fetch_people(person_id)
        if person_id not in self._people:
            raise KeyError(person_id)
        return self._people[person_id]

    def people(self) -> list[Person]:
        found = [_record(Person, r["props"]) for r in self._run("people")]
        self._people.update((p.id, p) for p in found)
        return sorted(found, key=lambda p: p.id)

    def groups_of(self, person_id: str) -> list[str]:
        if person_id not in self._groups:
            self._fetch_people(person_id)
        return list(self._groups[person_id])

    def employment_of(self, person_id: str) -> list[Employment]:
        if person_id not in self._jobs_of:
            self._fetch_people(person_id)
        return jobs_in_order(self._jobs_of[person_id])

    def members(self, group: str) -> list[str]:
        found = sorted(r["id"] for r in self._run("members", group=group))
        self._ahead(found)
        return found

    def neighbors(self, person_id: str) -> list[str]:
        self._ties_from(person_id)
        found = sorted(self._adj.get(person_id, ()))
        self._ahead(found)
        return found

    # --- organizations, resolved in the database ---------------------------------------------

    def organizations(self) -> list[Organization]:
        rows = self._run("organizations")
        found = [_record(Organization, r["props"]) for r in rows]
        self._orgs.update((o.id, o) for o in found)
        self._resolved.update((o.id, o) for o in found)
        return sorted(found, key=lambda o: o.id)

    def _resolve(self, names: Iterable[str]) -> None:
        """Resolve names (ids, names, aliases) not yet resolved, in one query."""
        todo = sorted({n for n in names if n not in self._resolved})
        ahead = [s for s in self._orgs_ahead if any(n in s for n in todo)]
        by_id = sorted(set().union(*ahead) - set(todo)) if ahead else []
        if by_id:
            for row in self._run("organizations_by_id", ids=by_id):
                org = _record(Organization, row["props"])
                self._orgs[org.id] = org
                self._resolved[org.id] = org
            self._orgs_ahead = [s - self._orgs.keys() for s in self._orgs_ahead]
            self._orgs_ahead = [s for s in self._orgs_ahead if s]
            todo = [n for n in todo if n not in self._resolved]
        if not todo:
            return
        rows = self._run("resolve_organizations",
                         names=[{"name": n, "key": org_key(n)} for n in todo])
        for row in rows:
            props = row["by_id"] or row["by_key"]
            found = _record(Organization, props) if props else None
            if found is not None:
                self._orgs[found.id] = found
                self._resolved[found.id] = found
            self._resolved[row["name"]] = found

    def organization(self, name: str) -> Organization:
        """Resolve an id, name or alias in the database (the indexed ``OrgName`` keys); only
        a name that matches nothing fetches every spelling, for the closest suggestions."""
        if name not in self._resolved:
            self._resolve([name])
        org = self._resolved.get(name)
        if org is None:
            choices = {r["key"]: r["name"] for r in self._run("organization_names")}
            raise UnknownOrganization(name, suggestions_from(choices, name))
        return org

    def _jobs(self, rows: list[dict[str, Any]]) -> list[Employment]:
        rows.sort(key=lambda r: r["props"]["seq"])
        return [_record(Employment, r["props"], person_id=r["person_id"], org_id=r["org_id"])
                for r in rows]

    def employment_at(self, org_id: str) -> list[Employment]:
        if org_id not in self._staff:
            self._staff[org_id] = self._jobs(self._run("employment_at", org_id=org_id))
            self._ahead(j.person_id for j in self._staff[org_id])
        return sorted(self._staff[org_id], key=lambda e: e.person_id)

    # --- ties and paths ------------------------------------------------------------------------

    def _keep(self, rows: list[dict[str, Any]]) -> list[TieView]:
        views = [_tie_view(r["lo"], r["hi"], r["props"]) for r in rows]
        for view in views:
            a, b = view.tie.key
            self._ties[a, b] = view
            self._adj.setdefault(a, {})[b] = view
            self._adj.setdefault(b, {})[a] = view
            self._near.setdefault(a, {})[b] = view.strength
            self._near.setdefault(b, {})[a] = view.strength
        return views

    def _ties_from(self, person_id: str) -> None:
        if person_id not in self._ties_of:
            self._ties_of.add(person_id)
            self._near_of.add(person_id)
            self._keep(self._run("ties_of", person_id=person_id))

    def _strengths_of_all(self, ids: Iterable[str]) -> None:
        """Fetch the strength of every tie of each of ``ids`` not known yet, :data:`BATCH`
        people a query: a search needs no more (its rows are a third of a whole tie's)."""
        todo = sorted(set(ids) - self._near_of)
        for start in range(0, len(todo), BATCH):
            batch = todo[start:start + BATCH]
            for row in self._run("strengths_of_people", ids=batch):
                self._near.setdefault(row["a"], {})[row["b"]] = row["strength"]
                self._near.setdefault(row["b"], {})[row["a"]] = row["strength"]
            self._near_of.update(batch)

    def tie(self, a: str, b: str) -> TieView:
        """The tie between two people; the first question about someone's tie fetches all of
        that person's ties at once (callers usually go on to ask about the others)."""
        key = (a, b) if a <= b else (b, a)
        if key not in self._ties:
            self._ties_from(a)
        if key not in self._ties:
            raise KeyError((a, b))
        return self._ties[key]

    def ties(self) -> list[TieView]:
        return sorted(self._keep(self._run("ties")), key=lambda v: v.tie.key)

    def best_paths(self, source: str, targets: Sequence[str] | None,
                   max_hops: int) -> dict[str, BestPath]:
        """Hop-limited best paths by the memory store's layered search: layer h extends only
        the paths that improved at h - 1, keeping the best path per person, so the cost grows
        with the people reached, linearly in ``max_hops``.

        Every layer is walked here, from the strengths of the frontier's ties fetched in one
        ``strengths_of_people`` query per :data:`BATCH` frontier people not known yet (kept for
        later searches in the same command); with targets, the last layer walks back from the
        targets' ties instead (``strengths_of_people`` on them: only the ties that can end a
        path are fetched, not every tie the frontier has). Shipping the frontier's paths to
        the database and back, one query per layer, was slower (BENCHMARKS.md, "Load and deep
        paths"). The ties along the paths found are then fetched whole (``ties_between``,
        their explanations) unless held already."""
        if max_hops < 1:
            raise InvalidArgument("max_hops", max_hops, "at least 1")
        wanted = None if targets is None else sorted(set(targets) - {source})
        if wanted is not None and not wanted:
            return {}
        best: dict[str, BestPath] = {source: BestPath((source,), 1.0)}
        frontier = [source]
        for layer in range(1, max_hops + 1):
            last = layer == max_hops
            if last and wanted is not None and self._backward(frontier, wanted):
                improved = self._last_layer(best, frontier, wanted)
            else:
                self._strengths_of_all(frontier)
                improved = self._layer(best, frontier,
                                       set(wanted) if last and wanted is not None else None)
            best.update(improved)
            frontier = sorted(improved)
            if not frontier:
                break
        keep = set(best) - {source} if wanted is None else set(wanted) & set(best)
        found = {t: best[t] for t in sorted(keep)}
        if targets is not None:
            self._explain(found.values())
        return found

    def _layer(self, best: dict[str, BestPath], frontier: list[str],
               only: set[str] | None) -> dict[str, BestPath]:
        """One layer from held ties: every frontier path extended by each tie of its end (onto
        someone in ``only``, when given)."""
        improved: dict[str, BestPath] = {}
        for u in frontier:
            path = best[u]
            for v, strength in self._near.get(u, {}).items():
                if v not in path.people and (only is None or v in only):
                    _better(improved, best, v, BestPath(path.people + (v,),
                                                         path.score * strength))
        return improved

    def _backward(self, frontier: list[str], wanted: list[str]) -> bool:
        """Whether to walk the last layer back from the targets: when their ties not held yet
        are about as few as the frontier paths the database layer would have to extend (its
        rows grow with the frontier, these with the targets)."""
        return len(wanted) - len(self._near_of.intersection(wanted)) <= 4 * len(frontier) + 100

    def _last_layer(self, best: dict[str, BestPath], frontier: list[str],
                    wanted: list[str]) -> dict[str, BestPath]:
        """The last layer towards ``wanted``, walked back from their ties: each frontier
        path extended by a tie onto a wanted person."""
        self._strengths_of_all(wanted)
        ends = set(frontier)
        improved: dict[str, BestPath] = {}
        for v in wanted:
            for u, strength in self._near.get(v, {}).items():
                if u in ends and v not in best[u].people:
                    path = best[u]
                    _better(improved, best, v, BestPath(path.people + (v,),
                                                         path.score * strength))
        return improved

    def _explain(self, paths: Iterable[BestPath]) -> None:
        """Fetch the ties along ``paths`` in one query, and read their people ahead."""
        pairs = {(a, b) if a <= b else (b, a) for path in paths
                 for a, b in zip(path.people, path.people[1:], strict=False)}
        missing = sorted(pairs - self._ties.keys())
        for start in range(0, len(missing), BATCH):
            self._keep(self._run("ties_between",
                                 pairs=[list(k) for k in missing[start:start + BATCH]]))
        self._ahead({p for key in pairs for p in key} | {self._me})

    def ego_ties(self, center: str, radius: int) -> list[TieView]:
        """The ego network found breadth first (one ``neighbors_of`` query per hop, none for
        people whose ties are held already), then every tie among its people: one
        ``ego_ties`` query per :data:`BATCH` people, the database keeping only the ties whose
        other end is in the ego network too."""
        views = self._keep(self._among_ego("ego_ties", center, radius))
        return sorted(views, key=lambda v: v.tie.key)

    def ego_neighbors(self, center: str, radius: int) -> dict[str, list[str]]:
        """The ego network as ids (:class:`~graphkit.store.base.EgoNeighbors`): its people
        found as :meth:`ego_ties` finds them, then who knows whom among them by
        ``ego_pairs``, which returns two ids a tie instead of the tie's properties."""
        adjacency: dict[str, list[str]] = {}
        for row in self._among_ego("ego_pairs", center, radius):
            adjacency.setdefault(row["lo"], []).append(row["hi"])
            adjacency.setdefault(row["hi"], []).append(row["lo"])
        return {person: sorted(adjacency[person]) for person in sorted(adjacency)}

    def _among_ego(self, query: str, center: str, radius: int) -> list[dict[str, Any]]:
        """The rows of ``query`` (``ego_ties`` or ``ego_pairs``: one row per tie among the
        ego network's people) for the ego network of ``center``, :data:`BATCH` people a
        query; no query when nobody is within ``radius``."""
        seen = self._ego_people(center, radius)
        if len(seen) <= 1:
            return []
        ids = sorted(seen)
        members = dict.fromkeys(ids, True)
        rows: list[dict[str, Any]] = []
        for start in range(0, len(ids), BATCH):
            rows += self._run(query, ids=ids[start:start + BATCH], members=members)
        self._ahead(seen)
        return rows

    def _ego_people(self, center: str, radius: int) -> set[str]:
        """Everyone within ``radius`` hops of ``center`` (``center`` included), breadth first:
        one ``neighbors_of`` query per hop, none for people whose ties are held already."""
        seen = {center}
        if radius < 1:
            return seen
        frontier = [center]
        for _ in range(radius):
            found: set[str] = set()
            asked = [p for p in frontier if p not in self._near_of]
            for p in frontier:
                if p in self._near_of:
                    found.update(self._near.get(p, ()))
            for start in range(0, len(asked), BATCH):
                found.update(r["id"] for r in self._run("neighbors_of",
                                                        ids=asked[start:start + BATCH]))
            frontier = sorted(found - seen)
            seen.update(frontier)
            if not frontier:
                break
        return seen

    # --- lists ----------------------------------------------------------------------------------

    def targets(self) -> list[Target]:
        """The target list; the organizations it names are resolved, and their staff
        fetched, at the same time (every analysis of targets goes on to ask)."""
        if self._targets is None:
            rows = sorted(self._run("targets"), key=lambda r: r["props"]["seq"])
            self._targets = [_record(Target, r["props"]) for r in rows]
            self._resolve(t.organization for t in self._targets)
            org_ids = sorted({o.id for o in self._resolved.values() if o is not None}
                             - self._staff.keys())
            if org_ids:
                staff: dict[str, list[dict[str, Any]]] = {o: [] for o in org_ids}
                for row in self._run("employment_at_all", org_ids=org_ids):
                    staff[row["org_id"]].append(row)
                for org_id, jobs in staff.items():
                    self._staff[org_id] = self._jobs(jobs)
                self._ahead(j.person_id for jobs in self._staff.values() for j in jobs)
        return list(self._targets)

    def introductions(self) -> list[Introduction]:
        rows = sorted(self._run("introductions"), key=lambda r: r["props"]["seq"])
        found = [_record(Introduction, r["props"]) for r in rows]
        self._ahead({p for i in found for p in (i.introducer_id, i.introduced_to_id)})
        return found


def _better(improved: dict[str, BestPath], best: dict[str, BestPath], v: str,
            candidate: BestPath) -> None:
    """Keep ``candidate`` as ``v``'s path of this layer if it beats the best so far."""
    current = improved.get(v) or best.get(v)
    if current is None or candidate.sort_key() < current.sort_key():
        improved[v] = candidate


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
