"""Loading a network into Neo4j: batched, idempotent, and marked complete only at the end."""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from graphkit.errors import InvalidArgument
from graphkit.model import Network
from graphkit.orgs import org_key
from graphkit.store.base import TieView
from graphkit.store.neo4j.queries import Query, load_queries
from graphkit.store.neo4j.records import _model_text, _props, _tie_props, content_hash
from graphkit.store.neo4j.runner import QueryRunner, Result
from graphkit.strength import StrengthModel

#: Rows per UNWIND batch when loading (one transaction each).
DEFAULT_BATCH_SIZE = 5000
#: Schema statements, run before anything is loaded.
SCHEMA = ("schema_person_id", "schema_organization_id", "schema_group_name",
          "schema_orgname_key", "schema_introduction_seq", "schema_target_seq", "schema_meta_id")
#: ``load --replace``: one query per label of :data:`~graphkit.store.neo4j.records.LABELS`.
CLEAR = ("clear_person", "clear_organization", "clear_group", "clear_org_name",
         "clear_introduction", "clear_target", "clear_graphkit_meta")
#: The name each kind of record has in the ``hashes_*`` and ``counts`` queries.
HASHED = {"organizations": "organizations", "organization names": "orgnames",
          "people": "people", "groups": "groups", "memberships": "memberships", "jobs": "jobs",
          "ties": "ties", "introductions": "introductions", "targets": "targets"}
#: The kinds a load's summary lists (organization names are an index, not records).
SHOWN = ("organizations", "people", "groups", "memberships", "jobs", "ties", "introductions",
         "targets")


class ProgressBar(Protocol):
    """What a load tells about its progress: ``update(rows)`` after each batch."""

    def update(self, n: int) -> Any: ...


#: Makes the progress bar of a load: called with the number of rows to write, returns a context
#: manager whose value is a :class:`ProgressBar` (the command line passes a tqdm bar).
Progress = Callable[[int], AbstractContextManager[ProgressBar]]


class _NoBar:
    def update(self, n: int) -> None:
        pass


def _no_progress(total: int) -> AbstractContextManager[ProgressBar]:
    return contextlib.nullcontext(_NoBar())


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


def scored_ties(network: Network, as_of: date, model: StrengthModel) -> list[TieView]:
    """Every tie of ``network`` with its strength and evidence on ``as_of``, by key.

    Scored as the memory store scores them (:meth:`StrengthModel.score` with the groups both
    people belong to); of two records of the same pair, the later one counts.
    """
    groups: dict[str, set[str]] = defaultdict(set)
    for m in network.memberships:
        groups[m.person_id].add(m.group)
    views: dict[tuple[str, str], TieView] = {}
    for tie in network.ties:
        shared = tuple(sorted(groups[tie.person_a] & groups[tie.person_b]))
        scored = model.score(tie, as_of, shared)
        views[tie.key] = TieView(tie, scored.strength, scored.evidence)
    return [views[key] for key in sorted(views)]


def load_network(runner: QueryRunner, network: Network, as_of: date, *,
                 batch_size: int = DEFAULT_BATCH_SIZE, replace: bool = False, source: str = "",
                 progress: Progress | None = None, inferred: bool = False,
                 queries: Mapping[str, Query] | None = None) -> LoadSummary:
    """Copy ``network`` into the database behind ``runner``, with tie strengths for ``as_of``.

    Constraints first, then batched ``UNWIND $rows MERGE`` (one transaction per batch), then
    the records the network no longer has are deleted. Re-running changes nothing; a load that
    was interrupted leaves the database marked incomplete (stores refuse it) and re-running it
    completes it. ``replace`` deletes graphkit's own nodes
    (:data:`~graphkit.store.neo4j.records.LABELS`) first.
    ``inferred`` records that ``network`` includes inferred ties (``graphkit --infer``).
    ``progress``, when given, makes the bar told about every batch written (see
    :data:`Progress`).

    Raises
    ------
    InvalidArgument
        for a batch size below 1.
    BackendUnavailable, GraphkitError
        when the server fails (naming the URI, or the query file).
    """
    if batch_size < 1:
        raise InvalidArgument("batch_size", batch_size, "at least 1")
    with _collector_paused():
        return _load(runner, network, as_of, batch_size, replace, source,
                     progress or _no_progress, inferred, dict(queries or load_queries()))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a load builds and hashes its rows: they
    are hundreds of thousands of small dicts and lists, none of them cyclic, and the
    collector's passes over them took more time than the building and hashing itself (a
    no-change re-load of 20k people: 12.6-23.1 s of Python with it, 6.6-7.0 s without,
    measured with a server that answers nothing). Reference counting still frees them."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _load(runner: QueryRunner, network: Network, as_of: date, batch_size: int, replace: bool,
          source: str, progress: Progress, inferred: bool, q: dict[str, Query]) -> LoadSummary:

    def run(name: str, write: bool = False, **params: Any) -> Result:
        return runner.run(q[name], params, write=write)

    for name in SCHEMA:
        run(name, write=True)
    cleared = 0
    if replace:
        for label in CLEAR:
            while True:
                deleted = run(label, write=True, batch_size=batch_size)
                n = deleted.records[0]["deleted"] if deleted.records else 0
                cleared += n
                if n == 0:
                    break
    model = StrengthModel.from_settings(network.settings.get("strength"))
    digest = network_digest(network, as_of, model, source, inferred)
    if not cleared:
        unchanged = _unchanged(run, network, digest)
        if unchanged is not None:
            return LoadSummary(runner.where, as_of, unchanged, cleared)
    run("begin_load", write=True, as_of=as_of.isoformat())

    orgs = [_hashed(_props(o, seq=i)) for i, o in enumerate(network.organizations.values())]
    people = [_hashed(_props(p)) for p in network.people.values()]
    groups = [_hashed({"name": g}) for g in sorted({m.group for m in network.memberships})]
    memberships = {(m.person_id, m.group): _props(m, omit=("person_id", "group"))
                   for m in network.memberships}
    jobs: list[dict[str, Any]] = []
    seen: Counter[tuple[str, str]] = Counter()
    for seq, job in enumerate(network.employment):
        n = seen[job.person_id, job.org_id]
        seen[job.person_id, job.org_id] += 1
        jobs.append(_hashed_rel({"person_id": job.person_id, "org_id": job.org_id,
                                 "props": _props(job, omit=("person_id", "org_id"), n=n,
                                                 seq=seq, current=job.current)}))
    ties = [_hashed_rel({"lo": v.tie.key[0], "hi": v.tie.key[1], "props": _tie_props(v)})
            for v in scored_ties(network, as_of, model)]
    intros = [_hashed(_props(x, seq=i)) for i, x in enumerate(network.introductions)]
    targets = [_hashed(_props(t, seq=i)) for i, t in enumerate(network.targets)]
    membership_rows = [_hashed_rel({"person_id": p, "group": g, "props": props})
                       for (p, g), props in memberships.items()]
    names = organization_names(network)

    plan: list[tuple[str, str, list[dict[str, Any]], str]] = [
        ("organizations", "merge_organizations", orgs, "nodes_created"),
        ("organization names", "merge_orgnames", names, "nodes_created"),
        ("people", "merge_people", people, "nodes_created"),
        ("groups", "merge_groups", groups, "nodes_created"),
        ("memberships", "merge_memberships", membership_rows, "relationships_created"),
        ("jobs", "merge_jobs", jobs, "relationships_created"),
        ("ties", "merge_ties", ties, "relationships_created"),
        ("introductions", "merge_introductions", intros, "nodes_created"),
        ("targets", "merge_targets", targets, "nodes_created"),
    ]
    counts = {kind: KindCount(kind, len(rows)) for kind, _, rows, _ in plan}
    # Only rows whose content hash the database does not hold yet are sent (new or changed);
    # after --replace nothing is held, so nothing is asked.
    sends = []
    for kind, name, rows, counter in plan:
        held: set[str] = set()
        if not cleared and rows:
            held = {r["h"] for r in run("hashes_" + HASHED[kind]).records}
        sends.append((kind, name, [r for r in rows if _hash_of(r) not in held], counter))
    bar = progress(sum(len(rows) for _, _, rows, _ in sends))
    with bar as shown:
        for kind, name, rows, counter in sends:
            for start in range(0, len(rows), batch_size):
                batch = rows[start:start + batch_size]
                counts[kind].created += run(name, write=True, rows=batch).counters.get(counter, 0)
                shown.update(len(batch))

    # Remove what the network no longer has: relationships before the nodes they hang on.
    wanted: list[tuple[str, str, str, set[Any]]] = [
        ("ties", "tie_keys", "delete_ties", {(t["lo"], t["hi"]) for t in ties}),
        ("jobs", "job_keys", "delete_jobs",
         {(j["person_id"], j["org_id"], j["props"]["n"]) for j in jobs}),
        ("memberships", "membership_keys", "delete_memberships", set(memberships)),
        ("people", "person_keys", "delete_people", set(network.people)),
        ("organizations", "organization_keys", "delete_organizations",
         set(network.organizations)),
        ("organization names", "orgname_keys", "delete_orgnames", {n["key"] for n in names}),
        ("groups", "group_keys", "delete_groups", {g["name"] for g in groups}),
    ]
    # Every wanted record exists after the MERGEs, so equal counts mean nothing is stale.
    held_counts = run("counts").records[0]
    for kind, keys_query, delete_query, keep in wanted:
        if held_counts[HASHED[kind]] == len(keep):
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
        model=_model_text(model), source=source, inferred=inferred, digest=digest)
    return LoadSummary(runner.where, as_of, [counts[kind] for kind, _, _, _ in plan
                                              if kind in SHOWN], cleared)


def network_digest(network: Network, as_of: date, model: StrengthModel, source: str,
                   inferred: bool) -> str:
    """A hash of everything a load writes: every record of ``network`` (their ``repr``: every
    field, in file order), the as-of date, the strength model, the source and ``inferred``.
    A complete load records it, so a re-load of the same network can tell that it has nothing
    to do without building, hashing or fetching a row."""
    digest = hashlib.blake2b(digest_size=16)
    for part in (network.me, as_of.isoformat(), _model_text(model), source, inferred,
                 list(network.organizations.values()), list(network.people.values()),
                 network.memberships, network.employment, network.ties,
                 network.introductions, network.targets):
        digest.update(repr(part).encode())
        digest.update(b"\0")
    return digest.hexdigest()


def _unchanged(run: Callable[..., Result], network: Network,
               digest: str) -> list[KindCount] | None:
    """The counts of a re-load with nothing to do, or None when there is something: the
    database's last load completed with the same :func:`network_digest` and it holds as many
    records of each kind as the network has (a cheap guard against records deleted by hand)."""
    meta = run("meta").records
    if not meta or not meta[0].get("complete") or meta[0].get("digest") != digest:
        return None
    totals = {"organizations": len(network.organizations),
              "organization names": len(organization_names(network)),
              "people": len(network.people),
              "groups": len({m.group for m in network.memberships}),
              "memberships": len({(m.person_id, m.group) for m in network.memberships}),
              "jobs": len(network.employment),
              "ties": len({t.key for t in network.ties}),
              "introductions": len(network.introductions),
              "targets": len(network.targets)}
    held = run("counts").records[0]
    counted = ("organizations", "organization names", "people", "groups", "memberships",
               "jobs", "ties")
    if any(held[HASHED[kind]] != totals[kind] for kind in counted):
        return None
    return [KindCount(kind, totals[kind]) for kind in SHOWN]


def organization_names(network: Network) -> list[dict[str, Any]]:
    """Every normalized spelling (name or alias) with the organization it resolves to: the
    first organization in organizations.csv to claim a spelling keeps it, as
    :class:`graphkit.orgs.OrgIndex` decides."""
    claimed: dict[str, dict[str, Any]] = {}
    for org in network.organizations.values():
        for spelling in (org.name, *org.aliases):
            key = org_key(spelling)
            if key not in claimed:
                claimed[key] = {"key": key, "org": org.id, "name": org.name}
    return [_hashed(row) for row in claimed.values()]


def _hashed(props: dict[str, Any]) -> dict[str, Any]:
    """A node's properties with ``h``, the hash of their content."""
    props["h"] = content_hash(props)
    return props


def _hashed_rel(row: dict[str, Any]) -> dict[str, Any]:
    """A relationship row (its ends and ``props``) with ``h`` in the props: the hash of the
    whole row, ends included."""
    row["props"]["h"] = content_hash(row)
    return row


def _hash_of(row: dict[str, Any]) -> str:
    return str(row["props"]["h"] if "props" in row else row["h"])
