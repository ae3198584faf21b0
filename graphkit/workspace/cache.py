"""graphkit's own on-disk cache of the array index, kept inside the network folder.

``<network>/.graphkit/cache/`` (a 0700 folder of 0600 files, written atomically) holds the
network as columns plus the built adjacency, so the next run loads arrays instead of parsing
CSV. The cache is keyed by the content of the network's CSV files: ``index.json`` records each
file's size, modification time (ns) and SHA-256. When size and mtime of every file match, the
cache is used without reading the files (the fast pre-check); when they differ, the files are
hashed, and only a content change rebuilds it. graphkit.toml is always read fresh (``me`` and
the ``[strength]`` settings are not cached), and strengths are computed on open, because
they depend on the as-of date. Warnings found when the cache was built are kept and shown
again on every load, as reading the files would.

Cost of a warm load: reading the arrays (about 60 bytes per tie) and rebuilding the id
dictionaries; no CSV parsing.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from bisect import bisect_left
from dataclasses import asdict, fields
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.io.fastload import read_columns
from graphkit.io.network import FILES
from graphkit.io.settings import CONFIG_FILE, read_settings
from graphkit.io.table import Problem, Problems
from graphkit.model import Introduction, Organization, Target
from graphkit.model.columns import PERSON_FIELDS, NetworkColumns
from graphkit.store.array import ArrayIndex, build_index

CACHE_DIR = Path(".graphkit") / "cache"
FORMAT = 1
_STRING_LISTS = ("person_ids", "org_ids", "job_title", "stage_names", "source_names",
                 "group_names")
_ARRAYS = tuple(f.name for f in fields(NetworkColumns)
                if f.name.startswith(("job_", "tie_", "member_"))
                and f.name not in ("job_title", "job_extra", "tie_notes", "tie_extra"))


def fingerprint(root: Path) -> dict[str, list[int]]:
    """Size and mtime (ns) of each CSV file of the network that exists."""
    out = {}
    for spec in FILES:
        path = root / spec.name
        if path.exists():
            st = path.stat()
            out[spec.name] = [st.st_size, st.st_mtime_ns]
    return out


def digests(root: Path) -> dict[str, str]:
    """SHA-256 of each CSV file of the network that exists."""
    out = {}
    for spec in FILES:
        path = root / spec.name
        if path.exists():
            with open(path, "rb") as handle:
                out[spec.name] = hashlib.file_digest(handle, "sha256").hexdigest()
    return out


def _strings(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    # NUL never survives reading (the reader removes it), so it can separate the values.
    blob = "\x00".join(values).encode("utf-8")
    return np.frombuffer(blob, dtype=np.uint8), np.array([len(values)])


def _unstrings(blob: np.ndarray, count: np.ndarray) -> list[str]:
    if int(count[0]) == 0:
        return []
    return blob.tobytes().decode("utf-8").split("\x00")


def _date_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _records_json(cols: NetworkColumns) -> dict[str, Any]:
    def rec(obj: Any) -> dict[str, Any]:
        return {k: _date_json(v) for k, v in asdict(obj).items()}

    return {
        "me": cols.me,
        "person_text_present": [f for f in PERSON_FIELDS if cols.person_text[f] is not None],
        "person_extra": cols.person_extra,
        "job_extra": cols.job_extra,
        "organizations": [rec(o) for o in cols.organizations],
        "introductions": [rec(i) for i in cols.introductions],
        "targets": [rec(t) for t in cols.targets],
        "tie_notes": [[k, v] for k, v in cols.tie_notes.items()],
        "tie_extra": [[k, v] for k, v in cols.tie_extra.items()],
    }


def _extra(value: Any) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in value)


def save(path: Path, cols: NetworkColumns, index: ArrayIndex, problems: list[Problem]) -> None:
    """Write columns, index and warnings to ``path`` (an .npz file) atomically, mode 0600."""
    arrays: dict[str, np.ndarray] = {name: getattr(cols, name) for name in _ARRAYS}
    arrays.update({f"index_{k}": v for k, v in asdict(index).items()})
    for name in _STRING_LISTS:
        arrays[name], arrays[f"{name}_count"] = _strings(list(getattr(cols, name)))
    for f in PERSON_FIELDS:
        column = cols.person_text[f]
        if column is not None:
            arrays[f"person_{f}"], arrays[f"person_{f}_count"] = _strings(list(column))
    meta = _records_json(cols)
    meta["problems"] = [[p.path, p.line, p.column, p.message] for p in problems]
    arrays["meta"] = np.frombuffer(json.dumps(meta).encode("utf-8"), dtype=np.uint8)
    fd, tmp = tempfile.mkstemp(prefix=".columns.", suffix=".npz.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            np.savez(handle, **arrays)  # type: ignore[arg-type]
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load(path: Path, settings: dict[str, Any]) -> tuple[NetworkColumns, ArrayIndex,
                                                         list[Problem]]:
    """Read what :func:`save` wrote."""
    with np.load(path, allow_pickle=False) as data:
        meta = json.loads(data["meta"].tobytes().decode("utf-8"))
        strings = {name: _unstrings(data[name], data[f"{name}_count"])
                   for name in _STRING_LISTS}
        person_text: dict[str, list[str] | None] = {
            f: (_unstrings(data[f"person_{f}"], data[f"person_{f}_count"])
                if f in meta["person_text_present"] else None) for f in PERSON_FIELDS}
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
        organizations=[Organization(**{**dated(o), "aliases": tuple(o["aliases"])})
                       for o in meta["organizations"]],
        job_extra=([_extra(e) for e in meta["job_extra"]]
                   if meta["job_extra"] is not None else None),
        tie_notes={int(k): v for k, v in meta["tie_notes"]},
        tie_extra={int(k): _extra(v) for k, v in meta["tie_extra"]},
        introductions=[Introduction(**dated(i, "date")) for i in meta["introductions"]],
        targets=[Target(**dated(t)) for t in meta["targets"]],
        settings=settings,
        **strings,  # type: ignore[arg-type]
        **arrays,
    )
    problems = [Problem(p[0], p[1], p[2], p[3]) for p in meta["problems"]]
    return cols, index, problems


def open_columns(folder: str | Path, problems: Problems | None = None,
                 use_cache: bool = True) -> tuple[NetworkColumns, ArrayIndex]:
    """The network's columns and index, from the cache when it matches the files.

    A folder graphkit cannot write to (the bundled sample inside site-packages) is read
    without a cache.

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
    seen = Problems()
    cols = read_columns(root, seen)
    for problem in seen:
        problems.warn(problem.path, problem.line, problem.column, problem.message)
    index = build_index(cols)
    if use_cache and fingerprint(root) == before:
        try:
            _store(root, cache, cols, index, seen.items, before)
        except OSError:
            pass  # a read-only network folder: work without a cache
    return cols, index


def _has(ids: list[str], person: str) -> bool:
    """``person in ids`` for the sorted list ``ids``, in O(log n)."""
    k = bisect_left(ids, person)
    return k < len(ids) and ids[k] == person


def _cached(root: Path, cache: Path, settings: dict[str, Any]) -> tuple[
        NetworkColumns, ArrayIndex, list[Problem]] | None:
    try:
        meta = json.loads((cache / "index.json").read_text(encoding="utf-8"))
        if meta.get("format") != FORMAT:
            return None
        current = fingerprint(root)
        if current != meta["fingerprint"]:
            if digests(root) != meta["digests"]:
                return None
            meta["fingerprint"] = current  # same content, touched files: keep the cache
            _write_json(cache / "index.json", meta)
        return load(cache / meta["file"], settings)
    except (OSError, ValueError, KeyError, TypeError):
        return None  # a missing, partial or foreign cache is rebuilt


def _write_json(path: Path, value: Any) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".index.", suffix=".json.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(value, handle)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _store(root: Path, cache: Path, cols: NetworkColumns, index: ArrayIndex,
           problems: list[Problem], before: dict[str, list[int]]) -> None:
    cache.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(cache, 0o700)
    os.chmod(cache.parent, 0o700)
    sums = digests(root)
    name = "columns-" + hashlib.sha256(json.dumps(sums, sort_keys=True).encode()).hexdigest()[
        :16] + ".npz"
    save(cache / name, cols, index, problems)
    _write_json(cache / "index.json", {"format": FORMAT, "fingerprint": before,
                                       "digests": sums, "file": name})
    for old in cache.glob("columns-*.npz"):
        if old.name != name:
            old.unlink(missing_ok=True)
