"""The Neo4j store: the network in a Neo4j database, answered by Cypher over Bolt.

This is the only module that imports the ``neo4j`` driver (lazily, when it connects). Every
query is a named file in ``queries/`` (see :mod:`graphkit.store.queries`); values travel as
parameters, and the labels and relationship types are the fixed ones in :data:`LABELS` and
:data:`REL_TYPES`.

The graph::

    (:Person {id, name, ...})-[:KNOWS {strength, evidence, ...}]->(:Person)   smaller id first
    (:Person)-[:WORKS_AT {n, seq, title, start, end, current}]->(:Organization {id, name, ...})
    (:Person)-[:MEMBER_OF {role}]->(:Group {name})
    (:Introduction {seq, ...}), (:Target {seq, ...})
    (:GraphkitMeta {id: 'graphkit', me, as_of, model, complete, source})

Tie strengths are computed when the network is loaded, by the same strength model as the
memory store, for an as-of date recorded in ``GraphkitMeta``; a store opened for another date
refuses and says how to reload.
"""

from __future__ import annotations

import copy
import getpass
import json
import logging
import os
import sys
import weakref
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TypeVar

from tqdm import tqdm

from graphkit.errors import BackendUnavailable, ConfigError, GraphkitError
from graphkit.io.network import read_network
from graphkit.io.settings import CONFIG_FILE, parse_config
from graphkit.io.table import Problems
from graphkit.io.text import read_text
from graphkit.model import Employment, Introduction, Network, Organization, Person, Target, Tie
from graphkit.orgs import OrgIndex
from graphkit.store.base import BestPath, TieView, jobs_in_order
from graphkit.store.queries import Query, load_queries
from graphkit.strength import StrengthModel

#: Node labels graphkit writes and reads; ``load --replace`` deletes exactly these.
LABELS = ("Person", "Organization", "Group", "Introduction", "Target", "GraphkitMeta")
#: Relationship types graphkit writes and reads.
REL_TYPES = ("KNOWS", "WORKS_AT", "MEMBER_OF")
#: Rows per UNWIND batch when loading (one transaction each).
DEFAULT_BATCH_SIZE = 5000
#: Schema statements, run before anything is loaded.
SCHEMA = ("schema_person_id", "schema_organization_id", "schema_group_name",
          "schema_introduction_seq", "schema_target_seq", "schema_meta_id")
DEFAULTS = {"uri": "bolt://localhost:7687", "user": "neo4j", "database": "neo4j"}
ENV = {"uri": "NEO4J_URI", "user": "NEO4J_USER", "database": "NEO4J_DATABASE"}
PASSWORD_ENV = "NEO4J_PASSWORD"
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

R = TypeVar("R")


# --- connection -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Connection:
    """Where the database is and who logs in; the password never appears in ``repr``."""

    uri: str
    user: str
    database: str
    password: str = field(default="", repr=False)

    @property
    def where(self) -> str:
        """The URI and database, for messages.

        >>> Connection("bolt://db:7687", "neo4j", "team", "secret").where
        'bolt://db:7687 (database team)'
        """
        return f"{self.uri} (database {self.database})"


def connection_settings(table: Mapping[str, Any] | None = None,
                        environ: Mapping[str, str] | None = None,
                        ask_password: Callable[[str], str] | None = None) -> Connection:
    """Connection settings from the environment, then graphkit.toml's ``[neo4j]`` table, then
    the defaults (``bolt://localhost:7687``, user and database ``neo4j``).

    The password comes only from ``NEO4J_PASSWORD`` or, on a terminal, a prompt.

    Raises
    ------
    ConfigError
        for a password or an unknown key in ``[neo4j]``, or no password to use.

    Examples
    --------
    >>> c = connection_settings({"uri": "bolt://db:7687"}, {"NEO4J_PASSWORD": "pw"})
    >>> c.uri, c.user, c.database, c
    ('bolt://db:7687', 'neo4j', 'neo4j', Connection(uri='bolt://db:7687', user='neo4j', \
database='neo4j'))
    """
    env = os.environ if environ is None else environ
    table = dict(table or {})
    if "password" in table:
        raise ConfigError(f"{CONFIG_FILE}: [neo4j] password: never keep the password in a file; "
                          f"remove it and set {PASSWORD_ENV} (or type it when asked)")
    unknown = sorted(set(table) - set(DEFAULTS))
    if unknown:
        raise ConfigError(f"{CONFIG_FILE}: [neo4j] {unknown[0]}: unknown setting; valid ones are "
                          + ", ".join(DEFAULTS))
    values = {key: env.get(ENV[key]) or str(table.get(key) or default)
              for key, default in DEFAULTS.items()}
    password = env.get(PASSWORD_ENV)
    if password is None and ask_password is not None:
        password = ask_password(f"Neo4j password for {values['user']} at {values['uri']}: ")
    if password is None:
        raise ConfigError(f"no password for Neo4j at {values['uri']}: set {PASSWORD_ENV}")
    return Connection(values["uri"], values["user"], values["database"], password)


def _prompt_on_terminal() -> Callable[[str], str] | None:
    return getpass.getpass if sys.stdin is not None and sys.stdin.isatty() else None


# --- running queries ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Result:
    """What a query returned: its rows, and the change counters of a write."""

    records: list[dict[str, Any]]
    counters: dict[str, int] = field(default_factory=dict)


class QueryRunner(Protocol):
    """Runs named queries; :class:`BoltRunner` talks to a server, tests use a recording fake."""

    where: str

    def run(self, query: Query, params: dict[str, Any], *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        """Run ``query`` with ``params`` (every declared one, nothing else)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...


def check_params(query: Query, params: Mapping[str, Any]) -> None:
    """Refuse parameters that differ from the ones the query file declares (a bug in graphkit).

    >>> from graphkit.store.queries import parse_query
    >>> check_params(parse_query("// name: q\\n// params: a\\nRETURN $a", "q.cypher"), {"b": 1})
    Traceback (most recent call last):
    ...
    ValueError: q.cypher declares ['a'] but was given ['b']
    """
    if set(params) != set(query.params):
        raise ValueError(f"{query.path} declares {sorted(query.params)} but was given "
                         f"{sorted(params)}")


class BoltRunner:
    """Runs queries on a Neo4j (or Bolt-compatible) server with the official driver.

    Reads go through ``execute_query`` with read routing, writes with write routing; each call
    is one managed, retried transaction. Connecting checks the server, the login and the
    database, so a fault shows up at once as one :class:`BackendUnavailable` line.
    """

    def __init__(self, connection: Connection) -> None:
        try:
            import neo4j
        except ImportError:
            raise BackendUnavailable("the neo4j backend needs the Neo4j driver: "
                                     "pip install 'graphkit[neo4j]'") from None
        self._neo4j = neo4j
        driver_log = logging.getLogger("neo4j")
        if not driver_log.handlers:  # keep its warnings off stderr: the faults become errors
            driver_log.addHandler(logging.NullHandler())
        self.connection = connection
        self.where = connection.where
        scheme = connection.uri.partition("://")[0]
        if scheme not in SCHEMES or "://" not in connection.uri:
            raise ConfigError(f"cannot use Neo4j URI '{connection.uri}': graphkit speaks Bolt; "
                              f"use one of the schemes {', '.join(s + '://' for s in SCHEMES)}, "
                              "like bolt://localhost:7687 (set NEO4J_URI or [neo4j] uri in "
                              "graphkit.toml)")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                connection.uri, auth=(connection.user, connection.password),
                connection_timeout=15.0, user_agent="graphkit")
        except (ValueError, neo4j.exceptions.ConfigurationError) as exc:
            raise ConfigError(f"cannot use Neo4j URI '{connection.uri}' ({self._clean(exc)}); "
                              "write it like bolt://localhost:7687 or neo4j+s://host (set "
                              "NEO4J_URI or [neo4j] uri in graphkit.toml)") from None
        self._finalizer = weakref.finalize(self, self._driver.close)
        try:
            self._driver.verify_connectivity()
            self._driver.execute_query("RETURN 1 AS ok", database_=connection.database,
                                       routing_=neo4j.RoutingControl.READ)
        except Exception as exc:
            self.close()
            raise self._fault(exc, None) from None

    def run(self, query: Query, params: dict[str, Any], *, write: bool = False,
            literals: dict[str, int] | None = None) -> Result:
        check_params(query, params)
        routing = self._neo4j.RoutingControl.WRITE if write else self._neo4j.RoutingControl.READ
        try:
            result = self._driver.execute_query(query.text_for(literals), parameters_=params,
                                                database_=self.connection.database,
                                                routing_=routing)
        except Exception as exc:
            raise self._fault(exc, query) from None
        counters = {k: v for k, v in vars(result.summary.counters).items()
                    if isinstance(v, int) and not isinstance(v, bool) and v}
        return Result([record.data() for record in result.records], counters)

    def on_database(self, database: str) -> BoltRunner:
        """A runner for another database of the same server, sharing this one's connections
        (closing it leaves them open)."""
        other = copy.copy(self)
        other.connection = replace(self.connection, database=database)
        other.where = other.connection.where
        other._finalizer = weakref.finalize(other, lambda: None)
        return other

    def close(self) -> None:
        self._finalizer()

    def _clean(self, exc: BaseException) -> str:
        text = " ".join(str(getattr(exc, "message", None) or exc).split())
        if self.connection.password:
            text = text.replace(self.connection.password, "***")
        return text

    def _fault(self, exc: BaseException, query: Query | None) -> GraphkitError:
        """One line naming the URI and what to check; never the password."""
        errors = self._neo4j.exceptions
        uri = self.connection.uri
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, errors.AuthError):
            return BackendUnavailable(
                f"Neo4j at {uri} refused user '{self.connection.user}': check NEO4J_USER and "
                f"{PASSWORD_ENV} (or [neo4j] user in graphkit.toml)")
        if code.endswith("DatabaseNotFound"):
            return BackendUnavailable(
                f"Neo4j at {uri} has no database '{self.connection.database}': check "
                "NEO4J_DATABASE (or [neo4j] database in graphkit.toml); Neo4j Community Edition "
                "has only 'neo4j'")
        if isinstance(exc, (errors.ServiceUnavailable, errors.SessionExpired)):
            reason = self._clean(exc)
            refused = "Connection refused" in reason
            tls = uri.partition("://")[0].endswith(("+s", "+ssc"))
            if any(word in reason for word in ("SSL", "TLS", "encrypted", "certificate")) or (
                    tls and not refused):
                return BackendUnavailable(
                    f"cannot connect to Neo4j at {uri}: no TLS connection; check the URI "
                    "scheme: bolt:// or neo4j:// for a server without TLS, bolt+s:// or neo4j+s:// "
                    "for one with TLS (bolt+ssc:// for a self-signed certificate)")
            return BackendUnavailable(
                f"cannot connect to Neo4j at {uri}: check that the server is running and that "
                f"NEO4J_URI (or [neo4j] uri in graphkit.toml) names the right host, port and "
                f"scheme ({'connection refused' if refused else reason[:200]})")
        if isinstance(exc, errors.ConfigurationError):
            return ConfigError(f"Neo4j at {uri}: {self._clean(exc)}")
        if isinstance(exc, (errors.Neo4jError, errors.DriverError)):
            where = query.path if query is not None else "connection check"
            return GraphkitError(f"{where}: the query failed on Neo4j at {uri}: "
                                 f"{code + ': ' if code else ''}{self._clean(exc)}")
        if isinstance(exc, OSError):
            return BackendUnavailable(f"cannot connect to Neo4j at {uri}: {self._clean(exc)}")
        raise exc


# --- records <-> properties ---------------------------------------------------------------------

def _props(record: Any, omit: tuple[str, ...] = (), **more: Any) -> dict[str, Any]:
    """A record's fields (but ``omit``) as Neo4j properties, plus ``more``: tuples become
    lists, ``extra`` JSON text, and None is left out (Neo4j does not store nulls)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        if f.name in omit:
            continue
        value = getattr(record, f.name)
        if f.name == "extra":
            value = json.dumps([list(pair) for pair in value], ensure_ascii=False)
        elif isinstance(value, tuple):
            value = list(value)
        if value is not None:
            out[f.name] = value
    out.update({k: v for k, v in more.items() if v is not None})
    return out


def _value(value: Any, name: str) -> Any:
    if name == "extra":
        return tuple(tuple(pair) for pair in json.loads(value or "[]"))
    if isinstance(value, list):
        return tuple(value)
    if hasattr(value, "to_native"):  # neo4j.time.Date
        return value.to_native()
    return value


def _record(cls: type[R], props: Mapping[str, Any], **given: Any) -> R:
    kwargs = {f.name: _value(props[f.name], f.name) for f in fields(cls)  # type: ignore[arg-type]
              if f.name in props}
    kwargs.update(given)
    return cls(**kwargs)


def _tie_props(view: TieView) -> dict[str, Any]:
    props = _props(view.tie)
    props["set_strength"] = props.pop("strength", None)
    props["strength"] = view.strength
    props["evidence"] = list(view.evidence)
    return {k: v for k, v in props.items() if v is not None}


def _tie_view(props: Mapping[str, Any]) -> TieView:
    tie = _record(Tie, props, strength=props.get("set_strength"))
    return TieView(tie, props["strength"], tuple(props.get("evidence") or ()))


def _model_text(model: StrengthModel) -> str:
    return json.dumps(asdict(model), sort_keys=True)


# --- loading ---------------------------------------------------------------------------------

@dataclass
class KindCount:
    """How many records of one kind the network has, and what a load created and removed."""

    kind: str
    total: int
    created: int = 0
    removed: int = 0


@dataclass
class LoadSummary:
    """What ``load`` did."""

    where: str
    as_of: date
    counts: list[KindCount]
    cleared: int = 0

    def lines(self) -> list[str]:
        """Human-readable lines, one per kind of record."""
        out = [f"loaded into Neo4j at {self.where}, tie strengths as of {self.as_of}"]
        if self.cleared:
            out.append(f"  --replace: {self.cleared} graphkit nodes deleted first")
        width = max(len(c.kind) for c in self.counts)
        for c in self.counts:
            out.append(f"  {c.kind:<{width}} {c.total:>8}  ({c.created} new, {c.removed} removed)")
        return out


def load_network(runner: QueryRunner, network: Network, as_of: date, *,
                 batch_size: int = DEFAULT_BATCH_SIZE, replace: bool = False, source: str = "",
                 progress: bool = False, inferred: bool = False,
                 queries: Mapping[str, Query] | None = None) -> LoadSummary:
    """Copy ``network`` into the database behind ``runner``, with tie strengths for ``as_of``.

    Constraints first, then batched ``UNWIND $rows MERGE`` (one transaction per batch), then
    the records the network no longer has are deleted. Re-running changes nothing; a load that
    was interrupted leaves the database marked incomplete (stores refuse it) and re-running it
    completes it. ``replace`` deletes graphkit's own nodes (:data:`LABELS`) first.
    ``inferred`` records that ``network`` includes inferred ties (``graphkit --infer``).

    Raises
    ------
    ConfigError
        for a batch size below 1.
    BackendUnavailable, GraphkitError
        when the server fails (naming the URI, or the query file).
    """
    from graphkit.store.memory import MemoryStore  # the same strengths and evidence

    if batch_size < 1:
        raise ConfigError(f"--batch-size must be at least 1, not {batch_size}")
    q = dict(queries or load_queries())

    def run(name: str, write: bool = False, **params: Any) -> Result:
        return runner.run(q[name], params, write=write)

    for name in SCHEMA:
        run(name, write=True)
    cleared = 0
    if replace:
        while True:
            deleted = run("clear_graphkit", write=True, batch_size=batch_size)
            n = deleted.records[0]["deleted"] if deleted.records else 0
            cleared += n
            if n == 0:
                break
    run("begin_load", write=True, as_of=as_of.isoformat())

    memory = MemoryStore(network, as_of)
    orgs = [_props(o, seq=i) for i, o in enumerate(network.organizations.values())]
    people = [_props(p) for p in network.people.values()]
    groups = sorted({m.group for m in network.memberships})
    memberships = {(m.person_id, m.group): _props(m, omit=("person_id", "group"))
                   for m in network.memberships}
    jobs: list[dict[str, Any]] = []
    seen: Counter[tuple[str, str]] = Counter()
    for seq, job in enumerate(network.employment):
        n = seen[job.person_id, job.org_id]
        seen[job.person_id, job.org_id] += 1
        jobs.append({"person_id": job.person_id, "org_id": job.org_id,
                     "props": _props(job, omit=("person_id", "org_id"), n=n, seq=seq,
                                     current=job.current)})
    ties = [{"lo": v.tie.key[0], "hi": v.tie.key[1], "props": _tie_props(v)}
            for v in memory.ties()]
    intros = [_props(x, seq=i) for i, x in enumerate(network.introductions)]
    targets = [_props(t, seq=i) for i, t in enumerate(network.targets)]
    membership_rows = [{"person_id": p, "group": g, "props": props}
                       for (p, g), props in memberships.items()]

    plan: list[tuple[str, str, list[dict[str, Any]], str]] = [
        ("organizations", "merge_organizations", orgs, "nodes_created"),
        ("people", "merge_people", people, "nodes_created"),
        ("groups", "merge_groups", [{"name": g} for g in groups], "nodes_created"),
        ("memberships", "merge_memberships", membership_rows, "relationships_created"),
        ("jobs", "merge_jobs", jobs, "relationships_created"),
        ("ties", "merge_ties", ties, "relationships_created"),
        ("introductions", "merge_introductions", intros, "nodes_created"),
        ("targets", "merge_targets", targets, "nodes_created"),
    ]
    counts = {kind: KindCount(kind, len(rows)) for kind, _, rows, _ in plan}
    bar = tqdm(total=sum(len(rows) for _, _, rows, _ in plan), desc="loading", unit=" rows",
               file=sys.stderr, leave=False, disable=None if progress else True)
    with bar:
        for kind, name, rows, counter in plan:
            for start in range(0, len(rows), batch_size):
                batch = rows[start:start + batch_size]
                counts[kind].created += run(name, write=True, rows=batch).counters.get(counter, 0)
                bar.update(len(batch))

    # Remove what the network no longer has: relationships before the nodes they hang on.
    wanted: list[tuple[str, str, str, set[Any]]] = [
        ("ties", "tie_keys", "delete_ties", {(t["lo"], t["hi"]) for t in ties}),
        ("jobs", "job_keys", "delete_jobs",
         {(j["person_id"], j["org_id"], j["props"]["n"]) for j in jobs}),
        ("memberships", "membership_keys", "delete_memberships", set(memberships)),
        ("people", "person_keys", "delete_people", set(network.people)),
        ("organizations", "organization_keys", "delete_organizations",
         set(network.organizations)),
        ("groups", "group_keys", "delete_groups", set(groups)),
    ]
    # Every wanted record exists after the MERGEs, so equal counts mean nothing is stale.
    held = run("counts").records[0]
    for kind, keys_query, delete_query, keep in wanted:
        if held[kind] == len(keep):
            continue
        present = {tuple(r["key"]) if isinstance(r["key"], list) else r["key"]
                   for r in run(keys_query).records}
        stale = sorted(present - keep, key=repr)
        for start in range(0, len(stale), batch_size):
            keys = [list(k) if isinstance(k, tuple) else k
                    for k in stale[start:start + batch_size]]
            run(delete_query, write=True, keys=keys)
        counts[kind].removed = len(stale)
    for kind, name, rows in (("introductions", "trim_introductions", intros),
                             ("targets", "trim_targets", targets)):
        trimmed = run(name, write=True, count=len(rows))
        counts[kind].removed = trimmed.records[0]["deleted"] if trimmed.records else 0
    run("finish_load", write=True, as_of=as_of.isoformat(), me=network.me,
        model=_model_text(memory.model), source=source, inferred=inferred)
    return LoadSummary(runner.where, as_of, [counts[kind] for kind, _, _, _ in plan], cleared)


def load_folder(folder: str | Path, as_of: date | None = None,
                problems: Problems | None = None, *, batch_size: int = DEFAULT_BATCH_SIZE,
                replace: bool = False, progress: bool = False,
                infer: bool = False) -> LoadSummary:
    """Read the network folder and load it into the Neo4j database its settings name;
    ``infer`` adds the inferred ties first (see :mod:`graphkit.infer`).

    Connection settings: ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_DATABASE``, then the
    ``[neo4j]`` table of graphkit.toml; the password from ``NEO4J_PASSWORD`` or a prompt.
    """
    network = read_network(folder, problems)
    if infer:
        from graphkit.infer import with_inferred_ties

        network = with_inferred_ties(network)
    connection = connection_settings(network.settings.get("neo4j"),
                                     ask_password=_prompt_on_terminal())
    runner = BoltRunner(connection)
    try:
        return load_network(runner, network, as_of or date.today(), batch_size=batch_size,
                            replace=replace, source=str(Path(folder).resolve()),
                            progress=progress, inferred=infer)
    finally:
        runner.close()


# --- the store ---------------------------------------------------------------------------------

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
            raise GraphkitError(f"max hops must be at least 1, not {max_hops}")
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


def open_neo4j_store(folder: str | Path, as_of: date | None = None,
                     infer: bool = False) -> Neo4jStore:
    """Open the Neo4j database named by the environment and ``folder``'s graphkit.toml.

    ``as_of`` None takes the date the database was loaded for; another date is refused, and so
    is an ``infer`` that differs from the load's.
    """
    config_path = Path(folder) / CONFIG_FILE
    config = parse_config(read_text(config_path), config_path) if config_path.is_file() else {}
    connection = connection_settings(config.get("neo4j"), ask_password=_prompt_on_terminal())
    model = StrengthModel.from_settings(config.get("strength")) if config else None
    runner = BoltRunner(connection)
    try:
        return Neo4jStore(runner, as_of, model, infer)
    except BaseException:
        runner.close()
        raise
