"""graphkit's own on-disk cache of the array index, kept inside the network folder.

``<network>/.graphkit/cache/`` (a 0700 folder of 0600 files) holds the network as columns plus
the built adjacency, so the next run maps arrays instead of parsing CSV. The cache is keyed by
the content of the network's CSV files: ``index.json`` records the cache format, each file's
size, modification time (ns) and SHA-256. When size and mtime of every file match, the cache
is used without reading the files (the fast pre-check); when they differ, the files are
hashed, and only a content change rebuilds it. graphkit.toml is always read fresh (``me`` and
the ``[strength]`` settings are not cached), and strengths are computed on open, because
they depend on the as-of date. Warnings found when the cache was built are kept and shown
again on every load, as reading the files would.

Format 3 (this one) is a folder ``columns-<content hash>/`` of plain ``.npy`` files, one per
array, memory-mapped when read (no zip, no copy), and ``meta.json`` (the small records, the
warnings, and for every ``.npy`` file its size and a checksum: the XOR and the wrapping sum
of its 8-byte words, which any flipped bit changes). Lists of strings (ids, names, titles,
the organizations' columns) are NUL-separated UTF-8, one ``.npy`` file each, decoded when
first used. Format 2 kept the organizations as JSON records; format 1 was one ``.npz``.
The folder is written aside and renamed into place, then ``index.json`` points at it. A
cache of another format, a missing, truncated or corrupt file, a checksum or a shape that
does not match, or an index out of range is never trusted: it is discarded and rebuilt from
the CSV files, silently, as a missing one is.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
from bisect import bisect_left
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.errors import GraphkitError
from graphkit.io.fastload import read_columns
from graphkit.io.settings import CONFIG_FILE, read_settings
from graphkit.io.table import Problem, Problems
from graphkit.model import Introduction, Target
from graphkit.model.columns import PERSON_FIELDS, NetworkColumns, OrgColumns
from graphkit.store.array import ArrayStore
from graphkit.store.array_index import ArrayIndex, build_index
from graphkit.strength import StrengthModel
from graphkit.workspace.cache_files import (
    STAT_FILE,
    CorruptCache,
    checksum,
    digests,
    file_stat,
    file_stats,
    fingerprint,
    lazy_strings,
    read_array,
    string_blob,
    strings_of,
    trusted,
)
from graphkit.workspace.transaction import make_private_dir, write_private

CACHE_DIR = Path(".graphkit") / "cache"
#: The cache layout; any other value in ``index.json`` (or none) means: rebuild. Format 3
#: keeps organizations as columns of strings (format 2 kept them as JSON records).
FORMAT = 3
_STRING_LISTS = ("person_ids", "org_ids", "job_title", "stage_names", "source_names",
                 "group_names")
_ARRAYS = tuple(f.name for f in fields(NetworkColumns)
                if f.name.startswith(("job_", "tie_", "member_"))
                and f.name not in ("job_title", "job_extra", "tie_notes", "tie_extra"))
#: Lists of strings decoded only when first used (a warm query shows a few people, and
#: finds a person id by bisection: a handful of ids decoded, not a million).
_LAZY = ("person_ids", "job_title")
#: The organization columns (file order), each a list of strings decoded when first used.
_ORG_TEXT = ("ids", "names", "aliases", "industry", "location")


def _date_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _records_json(cols: NetworkColumns) -> dict[str, Any]:
    def rec(obj: Any) -> dict[str, Any]:
        # Fields of plain values and tuples (JSON lists): no deep copy (asdict) needed.
        return {f.name: _date_json(getattr(obj, f.name)) for f in fields(obj)}

    return {
        "me": cols.me,
        "person_text_present": [f for f in PERSON_FIELDS if cols.person_text[f] is not None],
        "person_extra": cols.person_extra,
        "job_extra": cols.job_extra,
        "org_present": [f for f in _ORG_TEXT if getattr(cols.organizations, f) is not None],
        "org_extra": cols.organizations.extra,
        "introductions": [rec(i) for i in cols.introductions],
        "targets": [rec(t) for t in cols.targets],
        "tie_notes": [[k, v] for k, v in cols.tie_notes.items()],
        "tie_extra": [[k, v] for k, v in cols.tie_extra.items()],
    }


def _extra(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in value)


def _arrays(cols: NetworkColumns, index: ArrayIndex) -> dict[str, np.ndarray]:
    arrays: dict[str, np.ndarray] = {name: getattr(cols, name) for name in _ARRAYS}
    arrays.update({f"index_{k}": v for k, v in asdict(index).items()})
    for name in _STRING_LISTS:
        arrays[name], arrays[f"{name}_count"] = string_blob(getattr(cols, name))
    for f in PERSON_FIELDS:
        column = cols.person_text[f]
        if column is not None:
            arrays[f"person_{f}"], arrays[f"person_{f}_count"] = string_blob(column)
    for f in _ORG_TEXT:
        column = getattr(cols.organizations, f)
        if column is not None:
            arrays[f"organization_{f}"], arrays[f"organization_{f}_count"] = string_blob(column)
    return arrays


def save(folder: Path, cols: NetworkColumns, index: ArrayIndex, problems: list[Problem]) -> None:
    """Write columns, index and warnings as the folder ``folder`` (0700, files 0600): written
    aside in full, fsynced, then renamed into place (an existing folder of that name is
    replaced)."""
    tmp = Path(tempfile.mkdtemp(prefix=".columns.", suffix=".tmp", dir=folder.parent))
    try:
        sums: dict[str, list[int]] = {}
        for name, array in _arrays(cols, index).items():
            path = tmp / f"{name}.npy"
            with open(path, "wb") as handle:
                os.fchmod(handle.fileno(), 0o600)
                np.save(handle, np.ascontiguousarray(array), allow_pickle=False)
                handle.flush()
                os.fsync(handle.fileno())
            sums[name] = checksum(path)
        meta = _records_json(cols)
        meta["format"] = FORMAT
        meta["problems"] = [[p.path, p.line, p.column, p.message] for p in problems]
        meta["arrays"] = sums
        write_private(tmp / "meta.json", json.dumps(meta))
        write_private(tmp / STAT_FILE, json.dumps(file_stats(tmp, sums)))
        if folder.exists():
            shutil.rmtree(folder)
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def load(folder: Path, settings: dict[str, Any]) -> tuple[NetworkColumns, ArrayIndex,
                                                           list[Problem]]:
    """Read what :func:`save` wrote.

    Raises
    ------
    CorruptCache, OSError, ValueError, KeyError, TypeError
        when the folder is not, or no longer, what :func:`save` wrote.
    """
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise CorruptCache("format")
    sums = meta["arrays"]
    if not all(name.replace("_", "").isalpha() and name.isascii() for name in sums):
        raise CorruptCache("array names")  # only names save() writes: no path in a name
    # Files that are the very files verified before are mapped without reading them: the
    # checksums and the range checks read every page (450 MB at a million people).
    verify = not trusted(folder, sums)
    data = {name: read_array(folder / f"{name}.npy", expected, verify)
            for name, expected in sums.items()}
    strings: dict[str, Sequence[str]] = {
        name: (lazy_strings(data[name], data[f"{name}_count"], verify) if name in _LAZY
               else strings_of(data[name], data[f"{name}_count"])) for name in _STRING_LISTS}
    person_text: dict[str, Sequence[str] | None] = {
        f: (lazy_strings(data[f"person_{f}"], data[f"person_{f}_count"], verify)
            if f in meta["person_text_present"] else None) for f in PERSON_FIELDS}
    org_text: dict[str, Sequence[str] | None] = {
        f: (lazy_strings(data[f"organization_{f}"], data[f"organization_{f}_count"], verify)
            if f in meta["org_present"] else None) for f in _ORG_TEXT}
    if org_text["ids"] is None or org_text["names"] is None:
        raise CorruptCache("organization columns")
    arrays = {name: data[name] for name in _ARRAYS}
    index = ArrayIndex(**{f.name: data[f"index_{f.name}"] for f in fields(ArrayIndex)})

    def dated(record: dict[str, Any], *names: str) -> dict[str, Any]:
        for name in names:
            if record[name] is not None:
                record[name] = date.fromisoformat(record[name])
        record["extra"] = _extra(record["extra"])
        return record

    cols = NetworkColumns(
        me=meta["me"],
        person_text=person_text,
        person_extra=([_extra(e) for e in meta["person_extra"]]
                      if meta["person_extra"] is not None else None),
        organizations=OrgColumns(
            org_text["ids"], org_text["names"], org_text["aliases"],
            org_text["industry"], org_text["location"],
            [_extra(e) for e in meta["org_extra"]] if meta["org_extra"] is not None else None),
        job_extra=([_extra(e) for e in meta["job_extra"]]
                   if meta["job_extra"] is not None else None),
        tie_notes={int(k): v for k, v in meta["tie_notes"]},
        tie_extra={int(k): _extra(v) for k, v in meta["tie_extra"]},
        introductions=[Introduction(**dated(i, "date")) for i in meta["introductions"]],
        targets=[Target(**dated(t)) for t in meta["targets"]],
        settings=settings,
        **strings,  # type: ignore[arg-type]
        **arrays,  # type: ignore[arg-type]
    )
    _check_shapes(cols, index, values=verify)
    if verify:  # verified in full: the next open can trust these very files
        try:
            write_private(folder / STAT_FILE, json.dumps(file_stats(folder, sums)))
        except GraphkitError:
            pass  # a read-only folder: verified in full every time
    problems = [Problem(p[0], p[1], p[2], p[3]) for p in meta["problems"]]
    return cols, index, problems


def _check_shapes(cols: NetworkColumns, index: ArrayIndex, values: bool = True) -> None:
    """Raise CorruptCache unless lengths agree and (with ``values``) every index points inside
    its table: a cache that passed its checksums but was written by other code is not used
    either. Lengths are checked always (no page is read); values when the files were not
    known to be the verified ones."""
    n, orgs, groups = cols.people, len(cols.org_ids), len(cols.group_names)
    ties, jobs, members = len(cols.tie_a), len(cols.job_person), len(cols.member_person)

    def check(ok: bool, what: str) -> None:
        if not ok:
            raise CorruptCache(what)

    def within(array: np.ndarray, size: int) -> bool:
        return not values or not len(array) or (int(array.min()) >= 0
                                                 and int(array.max()) < size)

    check(all(len(getattr(cols, f"tie_{k}")) == ties for k in (
        "b", "strength", "stage", "last", "interactions", "source")), "tie columns")
    check(all(len(getattr(cols, f"job_{k}")) == jobs for k in ("org", "start", "end", "title"))
          and (cols.job_extra is None or len(cols.job_extra) == jobs), "job columns")
    check(len(cols.member_group) == members, "member columns")
    organizations = cols.organizations
    check(len(organizations) == orgs and all(
        c is None or len(c) == orgs for c in (organizations.names, organizations.aliases,
                                              organizations.industry, organizations.location,
                                              organizations.extra)), "organization columns")
    check(all(c is None or len(c) == n for c in cols.person_text.values())
          and (cols.person_extra is None or len(cols.person_extra) == n), "person columns")
    check(within(cols.tie_a, n) and within(cols.tie_b, n) and within(cols.job_person, n)
          and within(cols.job_org, orgs) and within(cols.member_person, n)
          and within(cols.member_group, groups)
          and within(cols.tie_stage, max(len(cols.stage_names), 1))
          and within(cols.tie_source, max(len(cols.source_names), 1)), "column values")
    for ptr, rows, size, total in (
            (index.indptr, index.neighbor, n, 2 * ties),
            (index.org_ptr, index.jobs_by_org, orgs, jobs),
            (index.person_job_ptr, index.jobs_by_person, n, jobs),
            (index.person_group_ptr, index.groups_by_person, n, members),
            (index.group_ptr, index.members_by_group, groups, members)):
        check(len(ptr) == size + 1 and len(rows) == total and int(ptr[0]) == 0
              and int(ptr[-1]) == total and (not values or bool((np.diff(ptr) >= 0).all())),
              "index pointers")
    check(within(index.neighbor, n) and len(index.edge_tie) == 2 * ties
          and within(index.edge_tie, ties) and len(index.shared) == ties
          and within(index.jobs_by_org, jobs) and within(index.jobs_by_person, jobs)
          and within(index.groups_by_person, members)
          and within(index.members_by_group, members), "index values")


def open_columns(folder: str | Path, problems: Problems | None = None,
                 use_cache: bool = True) -> tuple[NetworkColumns, ArrayIndex]:
    """The network's columns and index, from the cache when it matches the files.

    A folder graphkit cannot write to (the bundled sample inside site-packages) is read
    without a cache; a cache that is old, truncated or corrupt is rebuilt.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from graphkit.workspace.locate import sample_folder
    >>> folder = Path(tempfile.mkdtemp()) / "net"
    >>> _ = shutil.copytree(sample_folder(), folder)
    >>> cols, index = open_columns(folder)           # builds and writes the cache
    >>> again, _ = open_columns(folder)              # reads it back
    >>> again.person_ids == cols.person_ids, (folder / CACHE_DIR / "index.json").exists()
    (True, True)
    """
    problems = problems if problems is not None else Problems()
    root = Path(folder)
    config_path = root / CONFIG_FILE
    cache = root / CACHE_DIR
    if use_cache and config_path.exists() and (cache / "index.json").exists():
        settings = read_settings(root)
        found = _cached(root, cache, dict(settings.raw))
        if found is not None and _has(found[0].person_ids, settings.me):
            cols, index, kept = found
            cols.me = settings.me
            for problem in kept:
                problems.warn(problem.path, problem.line, problem.column, problem.message)
            return cols, index
    before = fingerprint(root)
    # The files' SHA-256 (the cache's key) computed on another thread while they are read:
    # hashlib releases the GIL, and the reading is mostly one core's work.
    hashing = ThreadPoolExecutor(max_workers=1) if use_cache else None
    sums = hashing.submit(digests, root) if hashing is not None else None
    if hashing is not None:
        hashing.shutdown(wait=False)
    seen = Problems()
    cols = read_columns(root, seen)
    for problem in seen:
        problems.warn(problem.path, problem.line, problem.column, problem.message)
    index = build_index(cols)
    if sums is not None and fingerprint(root) == before:
        try:
            _store(root, cache, cols, index, seen.items, before, sums.result())
        except (OSError, GraphkitError):
            pass  # a read-only network folder or a full disk: work without a cache
    return cols, index


def open_array_store(folder: str | Path, problems: Problems | None, as_of: date,
                     use_cache: bool = True) -> ArrayStore:
    """The array store of the network in ``folder`` as of ``as_of``: columns and index from
    the cache (:func:`open_columns`), and the tie strengths too when they were computed for
    the same date and strength settings (they are computed and kept otherwise)."""
    cols, index = open_columns(folder, problems, use_cache)
    model = StrengthModel.from_settings(cols.settings.get("strength"))
    strength = (_cached_strengths(Path(folder) / CACHE_DIR, as_of, model, len(cols.tie_a))
                if use_cache else None)
    store = ArrayStore(cols, as_of, model, index=index, strength=strength)
    if use_cache and strength is None:
        try:
            _store_strengths(Path(folder) / CACHE_DIR, as_of, model, store.strength)
        except (OSError, GraphkitError, KeyError, ValueError):
            pass  # a read-only folder or a full disk: computed again next time
    return store


def _strength_key(as_of: date, model: StrengthModel) -> str:
    return hashlib.sha256(json.dumps([FORMAT, as_of.isoformat(), repr(model)]).encode()
                          ).hexdigest()[:16]


def _columns_folder(cache: Path) -> Path:
    name = json.loads((cache / "index.json").read_text(encoding="utf-8"))["file"]
    folder = cache / name
    if folder.parent != cache or not name.startswith("columns-"):
        raise CorruptCache("file")
    return folder


def _cached_strengths(cache: Path, as_of: date, model: StrengthModel,
                      ties: int) -> np.ndarray | None:
    """The strengths kept for this date and model, if any and intact (else None)."""
    try:
        folder = _columns_folder(cache)
        key = _strength_key(as_of, model)
        path = folder / f"strength-{key}.npy"
        record = json.loads((folder / f"strength-{key}.json").read_text(encoding="utf-8"))
        if record["stat"] != file_stat(path) and record["checksum"] != checksum(path):
            return None
        strength = read_array(path, record["checksum"], verify=False)
        return strength if strength.shape == (ties,) and strength.dtype == np.float64 else None
    except (CorruptCache, OSError, ValueError, KeyError, TypeError):
        return None


def _store_strengths(cache: Path, as_of: date, model: StrengthModel,
                     strength: np.ndarray) -> None:
    """Keep ``strength`` beside the columns (one date and model at a time)."""
    folder = _columns_folder(cache)
    key = _strength_key(as_of, model)
    for old in folder.glob("strength-*"):
        old.unlink(missing_ok=True)
    path = folder / f"strength-{key}.npy"
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(strength, dtype=np.float64), allow_pickle=False)
    write_private(path, buffer.getvalue())
    write_private(folder / f"strength-{key}.json",
                  json.dumps({"checksum": checksum(path), "stat": file_stat(path)}))


def _has(ids: Sequence[str], person: str) -> bool:
    """``person in ids`` for the sorted list ``ids``, in O(log n)."""
    k = bisect_left(ids, person)
    return k < len(ids) and ids[k] == person


def _cached(root: Path, cache: Path, settings: dict[str, Any]) -> tuple[
        NetworkColumns, ArrayIndex, list[Problem]] | None:
    try:
        meta = json.loads((cache / "index.json").read_text(encoding="utf-8"))
        if not isinstance(meta, dict) or meta.get("format") != FORMAT:
            return None
        current = fingerprint(root)
        if current != meta["fingerprint"]:
            if digests(root) != meta["digests"]:
                return None
            meta["fingerprint"] = current  # same content, touched files: keep the cache
            write_private(cache / "index.json", json.dumps(meta))
        folder = cache / meta["file"]
        if folder.parent != cache or not folder.name.startswith("columns-"):
            return None
        return load(folder, settings)
    except (CorruptCache, OSError, ValueError, KeyError, TypeError, IndexError,
            AttributeError, GraphkitError):
        # Missing, truncated, partial, foreign or of another format: rebuilt, never trusted.
        # (numpy raises ValueError or OSError on a damaged .npy header; json ValueError.)
        return None


def _store(root: Path, cache: Path, cols: NetworkColumns, index: ArrayIndex,
           problems: list[Problem], before: dict[str, list[int]],
           sums: dict[str, str]) -> None:
    """Write the cache of files whose fingerprint was ``before`` and SHA-256 ``sums``."""
    make_private_dir(cache)
    os.chmod(cache, 0o700)
    os.chmod(cache.parent, 0o700)
    name = "columns-" + hashlib.sha256(json.dumps(sums, sort_keys=True).encode()).hexdigest()[
        :16]
    save(cache / name, cols, index, problems)
    write_private(cache / "index.json", json.dumps({"format": FORMAT, "fingerprint": before,
                                                    "digests": sums, "file": name}))
    for old in cache.glob("columns-*"):  # older caches, format 1's .npz files included
        if old.name != name:
            if old.is_dir():
                shutil.rmtree(old, ignore_errors=True)
            else:
                old.unlink(missing_ok=True)
    for stale in cache.glob(".columns.*.tmp"):  # left by a run that was killed mid-write
        shutil.rmtree(stale, ignore_errors=True)
