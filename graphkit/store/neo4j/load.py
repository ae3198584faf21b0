"""Loading a network into Neo4j: batched, idempotent, and marked complete only at the end."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
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


#: Rows per chunk a re-load compares by digest (about: the chunks of a kind are a power of
#: two, so their number changes only when the kind doubles or halves).
CHUNK_ROWS = 256


@dataclass
class _Kind:
    """The rows of one kind of record, not built yet: ``keys[i]`` identifies row ``i`` (its
    chunk, and what deleting it takes), the ``repr`` of ``prints``' i-th item changes whenever
    the row would (an iterable, read once: no copy of every record's text is kept), and
    ``build(i)`` makes the row (with its content hash ``h``)."""

    kind: str
    merge: str
    counter: str
    keys: list[Any]
    prints: Iterable[Any]
    build: Callable[[int], dict[str, Any]]
    salt: str = ""
    #: The query that writes rows when the database holds none of this kind (no MERGE: it
    #: looks through what the nodes already have, thousands of members for a group).
    create: str = ""

    def chunks(self) -> tuple[list[int], list[str]]:
        """Each row's chunk (from its key, by ``zlib.crc32``: the same in every process), and
        each chunk's digest (of its rows' ``prints``, in order)."""
        n = _chunk_count(len(self.keys))
        crc = zlib.crc32
        of = [crc((k if type(k) is str else _key_text(k)).encode()) % n for k in self.keys]
        digests = [hashlib.blake2b(self.salt.encode(), digest_size=8) for _ in range(n)]
        for chunk, item in zip(of, self.prints, strict=True):
            digests[chunk].update(repr(item).encode() + b"\x1f")
        return of, [d.hexdigest() for d in digests]


def _chunk_count(rows: int) -> int:
    n = 1
    while n * CHUNK_ROWS < rows:
        n *= 2
    return n


def _key_text(key: Any) -> str:
    if isinstance(key, tuple):
        return "\x1f".join(k if type(k) is str else str(k) for k in key)
    return str(key)


def _kinds(network: Network, as_of: date, model: StrengthModel) -> list[_Kind]:
    """Every kind of record a load writes, in the order it writes them (nodes before the
    relationships that hang on them)."""
    orgs = list(network.organizations.values())
    people = list(network.people.values())
    names = organization_names(network)
    groups = sorted({m.group for m in network.memberships})
    memberships = {(m.person_id, m.group): m for m in network.memberships}
    member_keys = list(memberships)
    jobs = network.employment
    seen: Counter[tuple[str, str]] = Counter()
    job_n: list[int] = []
    for job in jobs:
        job_n.append(seen[job.person_id, job.org_id])
        seen[job.person_id, job.org_id] += 1
    groups_of: dict[str, set[str]] = defaultdict(set)
    for m in network.memberships:
        groups_of[m.person_id].add(m.group)
    by_key = {t.key: t for t in network.ties}  # of two records of one pair, the later counts
    tie_keys = sorted(by_key)
    ties = [by_key[k] for k in tie_keys]
    none: set[str] = set()
    shared = [tuple(sorted(ga & gb)) if (ga := groups_of.get(t.person_a, none)) and (
        gb := groups_of.get(t.person_b, none)) else () for t in ties]
    intros, targets = network.introductions, network.targets

    def tie_row(i: int) -> dict[str, Any]:
        tie = ties[i]
        scored = model.score(tie, as_of, shared[i])
        return _hashed_rel({"lo": tie_keys[i][0], "hi": tie_keys[i][1],
                            "props": _tie_props(TieView(tie, scored.strength, scored.evidence))})

    def job_row(i: int) -> dict[str, Any]:
        job = jobs[i]
        return _hashed_rel({"person_id": job.person_id, "org_id": job.org_id,
                            "props": _props(job, omit=("person_id", "org_id"), n=job_n[i],
                                            seq=i, current=job.current)})

    def membership_row(i: int) -> dict[str, Any]:
        p, g = member_keys[i]
        return _hashed_rel({"person_id": p, "group": g,
                            "props": _props(memberships[p, g], omit=("person_id", "group"))})

    return [
        _Kind("organizations", "merge_organizations", "nodes_created", [o.id for o in orgs],
              enumerate(orgs),
              lambda i: _hashed(_props(orgs[i], seq=i))),
        _Kind("organization names", "merge_orgnames", "nodes_created",
              [n["key"] for n in names], (n["h"] for n in names), names.__getitem__),
        _Kind("people", "merge_people", "nodes_created", [p.id for p in people],
              people, lambda i: _hashed(_props(people[i])),
              create="create_people"),
        _Kind("groups", "merge_groups", "nodes_created", groups, groups,
              lambda i: _hashed({"name": groups[i]})),
        _Kind("memberships", "merge_memberships", "relationships_created", member_keys,
              (memberships[k] for k in member_keys), membership_row,
              create="create_memberships"),
        _Kind("jobs", "merge_jobs", "relationships_created",
              [(j.person_id, j.org_id, n) for j, n in zip(jobs, job_n, strict=True)],
              enumerate(zip(jobs, job_n, strict=True)),
              job_row, create="create_jobs"),
        # a tie's row depends on the date and the strength model too
        _Kind("ties", "merge_ties", "relationships_created", tie_keys,
              zip(ties, shared, strict=True), tie_row,
              salt=as_of.isoformat() + _model_text(model), create="create_ties"),
        _Kind("introductions", "merge_introductions", "nodes_created", list(range(len(intros))),
              intros, lambda i: _hashed(_props(intros[i], seq=i))),
        _Kind("targets", "merge_targets", "nodes_created", list(range(len(targets))),
              targets, lambda i: _hashed(_props(targets[i], seq=i))),
    ]


#: The kinds the ``counts`` query counts (introductions and targets are trimmed by number).
COUNTED = ("organizations", "organization names", "people", "groups", "memberships", "jobs",
           "ties")
#: What a load deletes when the network no longer has it: (kind, keys query, delete query),
#: relationships before the nodes they hang on.
STALE = (("ties", "tie_keys", "delete_ties"), ("jobs", "job_keys", "delete_jobs"),
         ("memberships", "membership_keys", "delete_memberships"),
         ("people", "person_keys", "delete_people"),
         ("organizations", "organization_keys", "delete_organizations"),
         ("organization names", "orgname_keys", "delete_orgnames"),
         ("groups", "group_keys", "delete_groups"))
#: Rows of one kind to send: their indexes (built while sending), or built rows.
Todo = list[int] | list[dict[str, Any]]


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
    previous: dict[str, list[str]] = {}
    held: dict[str, Any] = {}
    last: list[dict[str, Any]] = []
    if not cleared:
        last = run("load_chunks").records
        held = run("counts").records[0]
        if last and last[0].get("complete") and last[0].get("digest") == digest:
            unchanged = _unchanged(network, held)
            if unchanged is not None:
                return LoadSummary(runner.where, as_of, unchanged, cleared)
    kinds = _kinds(network, as_of, model)
    chunked = {k.kind: k.chunks() for k in kinds}
    chunks_text = json.dumps({k.kind: {"rows": len(k.keys), "chunks": chunked[k.kind][1]}
                              for k in kinds}, sort_keys=True)
    totals = {k.kind: len(k.keys) for k in kinds}
    if last and last[0].get("complete"):
        previous = _previous_chunks(last[0].get("chunks"), held)
    run("begin_load", write=True, as_of=as_of.isoformat())

    counts = {k.kind: KindCount(k.kind, len(k.keys)) for k in kinds}
    # What to send, per kind: after --replace, or when none is held, everything; where the last
    # load recorded this kind's chunks, every row of each chunk whose digest changed (the
    # MERGE of an unchanged row changes nothing); otherwise every row is built and only the
    # rows whose content hash the database does not hold are sent.
    sends: list[tuple[_Kind, str, Todo]] = []
    for kind in kinds:
        of, digests = chunked[kind.kind]
        before = previous.get(kind.kind)
        if cleared or not kind.keys or held.get(HASHED[kind.kind]) == 0:
            sends.append((kind, kind.create or kind.merge, list(range(len(kind.keys)))))
        elif before is not None and len(before) == len(digests):
            changed = {c for c, (d, b) in enumerate(zip(digests, before, strict=True)) if d != b}
            sends.append((kind, kind.merge, [i for i, c in enumerate(of) if c in changed]))
        else:
            held_hashes = {r["h"] for r in run("hashes_" + HASHED[kind.kind]).records}
            rows = [kind.build(i) for i in range(len(kind.keys))]
            sends.append((kind, kind.merge,
                          [r for r in rows if _hash_of(r) not in held_hashes]))
    bar = progress(sum(len(todo) for _, _, todo in sends))
    with bar as shown:
        for kind, created in _send(run, sends, batch_size, shown):
            counts[kind.kind].created += created

    # Remove what the network no longer has. Every wanted record exists after the MERGEs, so
    # equal counts mean nothing is stale.
    held_counts = run("counts").records[0]
    by_kind = {k.kind: k for k in kinds}
    for kind_name, keys_query, delete_query in STALE:
        keep = set(by_kind[kind_name].keys)
        if held_counts[HASHED[kind_name]] == len(keep):
            continue
        present = {tuple(r["key"]) if isinstance(r["key"], list) else r["key"]
                   for r in run(keys_query).records}
        stale = sorted(present - keep, key=repr)
        for start in range(0, len(stale), batch_size):
            keys = [list(k) if isinstance(k, tuple) else k
                    for k in stale[start:start + batch_size]]
            run(delete_query, write=True, keys=keys)
        counts[kind_name].removed = len(stale)
    for kind_name, name in (("introductions", "trim_introductions"),
                            ("targets", "trim_targets")):
        trimmed = run(name, write=True, count=totals[kind_name])
        counts[kind_name].removed = trimmed.records[0]["deleted"] if trimmed.records else 0
    run("finish_load", write=True, as_of=as_of.isoformat(), me=network.me,
        model=_model_text(model), source=source, inferred=inferred, digest=digest,
        chunks=chunks_text)
    return LoadSummary(runner.where, as_of, [counts[k.kind] for k in kinds
                                              if k.kind in SHOWN], cleared)


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


def _unchanged(network: Network, held: Mapping[str, Any]) -> list[KindCount] | None:
    """The counts of a re-load with nothing to do (the last load completed with the same
    :func:`network_digest`), or None when the database holds another number of records of
    some kind than the network has (a cheap guard against records deleted by hand)."""
    totals = {"organizations": len(network.organizations),
              "organization names": len(organization_names(network)),
              "people": len(network.people),
              "groups": len({m.group for m in network.memberships}),
              "memberships": len({(m.person_id, m.group) for m in network.memberships}),
              "jobs": len(network.employment),
              "ties": len({t.key for t in network.ties}),
              "introductions": len(network.introductions),
              "targets": len(network.targets)}
    if any(held[HASHED[kind]] != totals[kind] for kind in COUNTED):
        return None
    return [KindCount(kind, totals[kind]) for kind in SHOWN]


def _previous_chunks(text: Any, held: Mapping[str, Any]) -> dict[str, list[str]]:
    """The chunk digests the last complete load recorded, per kind, for the kinds whose
    records are all still there (the database holds as many as that load wrote: a record
    deleted by hand makes its kind compare every row's hash, which puts it back)."""
    try:
        recorded = json.loads(text) if isinstance(text, str) else {}
    except ValueError:
        return {}
    out: dict[str, list[str]] = {}
    for kind, entry in recorded.items() if isinstance(recorded, dict) else ():
        if not isinstance(entry, dict) or not isinstance(entry.get("chunks"), list):
            continue
        if kind in COUNTED and held.get(HASHED.get(kind, ""), -1) != entry.get("rows"):
            continue
        out[kind] = entry["chunks"]
    return out


def _send(run: Callable[..., Result], sends: list[tuple[_Kind, str, Todo]], batch_size: int,
          shown: ProgressBar) -> Iterator[tuple[_Kind, int]]:
    """Send each kind's rows with its query in batches, one transaction each, yielding how
    many records each batch created. Rows given by index are built in a second thread while
    the batch before them is on the server (the driver waits for the server without holding
    the GIL)."""
    jobs = [(kind, query, todo[start:start + batch_size])
            for kind, query, todo in sends for start in range(0, len(todo), batch_size)]

    def build(job: tuple[_Kind, str, Todo]) -> list[dict[str, Any]]:
        kind, _, part = job
        return [kind.build(i) if isinstance(i, int) else i for i in part]

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="graphkit-load") as pool:
        ahead = pool.submit(build, jobs[0]) if jobs else None
        for n, (kind, query, _) in enumerate(jobs):
            assert ahead is not None
            rows = ahead.result()
            ahead = pool.submit(build, jobs[n + 1]) if n + 1 < len(jobs) else None
            created = run(query, write=True, rows=rows).counters.get(kind.counter, 0)
            shown.update(len(rows))
            yield kind, created


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
