"""Read a big network folder straight into columns, with the reader's exact semantics.

:func:`read_columns` gives the same result and the same warnings as
``columns_of(read_network(folder, problems))`` without building a Python record per tie.
It reads the big files (people, employment, ties, groups) with the same csv tokenizer and
checks them column by column; a file with anything :func:`~graphkit.io.network.read_network`
would warn about or repair (an unknown id, a bad date, a duplicate, a short row, a BOM, a
non-UTF-8 byte, a NUL) sends the whole folder through ``read_network`` itself, so warnings,
their order and the records kept are the reference's by construction. Clean folders, the
common case at scale, take the fast path; a folder with problems costs what it always cost.

Files are read in chunks by :mod:`graphkit.io.bulk` (pyarrow for big plain files, the csv
module otherwise); ids are mapped to indices with ``pyarrow.compute.index_in`` where pyarrow
read them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from graphkit.io.bulk import NotClean, read_table
from graphkit.io.dates import parse_date
from graphkit.io.network import (
    CONFIG_FILE,
    EMPLOYMENT,
    GROUPS,
    INTRODUCTIONS,
    ORGANIZATIONS,
    PEOPLE,
    TARGETS,
    TIES,
    FileSpec,
    parse_introductions,
    parse_organizations,
    parse_targets,
    read_network,
)
from graphkit.io.settings import read_settings
from graphkit.io.table import Problems
from graphkit.io.text import read_text
from graphkit.model import STAGES, Extra
from graphkit.model.columns import (
    PERSON_FIELDS,
    NetworkColumns,
    columns_of,
    ordinal,
    text_column,
)


class _Keys:
    """Sorted names (person or organization ids) and their positions, looked up by dict for
    lists of str and by ``pyarrow.compute.index_in`` for pyarrow columns."""

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.index = {p: i for i, p in enumerate(names)}
        self._arrow: Any = None

    def arrow(self) -> Any:
        if self._arrow is None:
            import pyarrow as pa

            self._arrow = pa.array(self.names, type=pa.string())
        return self._arrow


def _encoded(values: Any) -> tuple[np.ndarray, list[str]]:
    """A pyarrow column as (codes, distinct values)."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(values)
    return (encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            encoded.dictionary.to_pylist())


def _lookup(values: Any, keys: _Keys) -> np.ndarray:
    if not isinstance(values, list):
        import pyarrow.compute as pc

        found = pc.index_in(values, value_set=keys.arrow())
        if found.null_count:
            raise NotClean
        return found.to_numpy(zero_copy_only=False).astype(np.int32)
    try:
        return np.fromiter(map(keys.index.__getitem__, values), dtype=np.int32,
                           count=len(values))
    except KeyError:
        raise NotClean from None


def _dates(values: Any, cache: dict[str, int]) -> np.ndarray:
    if not isinstance(values, list):
        codes, distinct = _encoded(values)
        return _dates(distinct, cache)[codes] if len(codes) else np.zeros(0, dtype=np.int32)
    for text in set(values) - cache.keys():
        try:
            cache[text] = ordinal(parse_date(text))
        except ValueError:
            raise NotClean from None
    return np.fromiter(map(cache.__getitem__, values), dtype=np.int32, count=len(values))


def _parsed(values: Any, parse: Callable[[str], Any], ok: Callable[[Any], bool],
            empty: Any, dtype: Any) -> np.ndarray:
    if not isinstance(values, list):
        codes, distinct = _encoded(values)
        return _parsed(distinct, parse, ok, empty, dtype)[codes]
    table: dict[str, Any] = {"": empty}
    for text in set(values) - {""}:
        try:
            value = parse(text)
        except (ValueError, OverflowError):
            raise NotClean from None
        if not ok(value):
            raise NotClean
        table[text] = value
    return np.array(list(map(table.__getitem__, values)), dtype=dtype)


def _non_empty(values: Any) -> list[tuple[int, str]]:
    """(row, value) for every non-empty value."""
    if isinstance(values, list):
        return [(k, v) for k, v in enumerate(values) if v]
    import pyarrow.compute as pc

    rows = np.flatnonzero(pc.utf8_length(values).to_numpy(zero_copy_only=False))
    return list(zip(rows.tolist(), values.take(rows).to_pylist(), strict=True))


def _people(path: Path) -> tuple[list[str], dict[str, list[str] | None], list[Extra] | None]:
    ids: list[str] = []
    text: dict[str, list[str]] = {f: [] for f in PERSON_FIELDS}
    extra: list[Extra] | None = None
    for table in read_table(path, PEOPLE):
        chunk_ids, names = table.get("id"), table.get("name")
        if not (all(chunk_ids) and all(names)):
            raise NotClean
        ids += chunk_ids
        for f in PERSON_FIELDS:
            text[f] += table.get(f)
        if table.extra is not None:
            extra = (extra or []) + table.extra
    if len(set(ids)) != len(ids):
        raise NotClean
    order = sorted(range(len(ids)), key=ids.__getitem__)

    def sort(values: list[Any]) -> list[Any]:
        return list(map(values.__getitem__, order))

    return (sort(ids), {f: text_column(sort(v)) for f, v in text.items()},
            sort(extra) if extra is not None else None)


def read_columns(folder: str | Path, problems: Problems | None = None) -> NetworkColumns:
    """Read a network folder into columns, exactly as ``columns_of(read_network(...))``.

    Raises
    ------
    InputError, ConfigError
        as :func:`~graphkit.io.network.read_network` does.

    Examples
    --------
    >>> from graphkit.workspace.locate import sample_folder
    >>> cols = read_columns(sample_folder())
    >>> cols.me in cols.person_ids, len(cols.tie_a) > 100
    (True, True)
    """
    problems = problems if problems is not None else Problems()
    root = Path(folder)
    collecting = gc.isenabled()
    gc.disable()  # millions of short-lived lists: the cyclic collector would rescan them all
    try:
        return _read_clean(root, problems)
    except NotClean:
        return columns_of(read_network(root, problems))
    finally:
        if collecting:
            gc.enable()


def _read_clean(root: Path, problems: Problems) -> NetworkColumns:
    config_path, people_path = root / CONFIG_FILE, root / PEOPLE.name
    if not (root.is_dir() and config_path.exists() and people_path.exists()):
        raise NotClean
    settings = read_settings(root)
    me = settings.me
    ids, person_text, person_extra = _people(people_path)
    people = _Keys(ids)
    index = people.index
    if me not in index:
        raise NotClean
    local = Problems()  # small files: the reference parsers; their warnings replayed in order

    def small(spec: FileSpec, parse: Callable[[str, Path], Any]) -> Any:
        path = root / spec.name
        return parse(read_text(path) if path.exists() else ",".join(spec.columns) + "\n", path)

    orgs = small(ORGANIZATIONS, lambda t, p: parse_organizations(t, p, local))
    org_ids = sorted(orgs)
    org_keys = _Keys(org_ids)
    dates: dict[str, int] = {"": 0}

    jobs: dict[str, list[Any]] = {k: [] for k in ("person", "org", "start", "end", "title")}
    job_extra: list[Extra] | None = None
    if (root / EMPLOYMENT.name).exists():
        for table in read_table(root / EMPLOYMENT.name, EMPLOYMENT):
            jobs["person"].append(_lookup(table.raw("person_id"), people))
            jobs["org"].append(_lookup(table.raw("org_id"), org_keys))
            jobs["start"].append(_dates(table.raw("start"), dates))
            jobs["end"].append(_dates(table.raw("end"), dates))
            jobs["title"] += table.get("title")
            if table.extra is not None:
                job_extra = (job_extra or []) + table.extra

    ties: dict[str, list[Any]] = {k: [] for k in ("a", "b", "strength", "stage", "last",
                                                   "interactions", "source")}
    tie_notes: dict[int, str] = {}
    stage_codes, source_codes = _Categories(), _Categories()
    tie_extra: dict[int, Extra] = {}
    count = 0
    if (root / TIES.name).exists():
        for table in read_table(root / TIES.name, TIES):
            a, b = _lookup(table.raw("person_a"), people), _lookup(table.raw("person_b"), people)
            if (a == b).any():
                raise NotClean
            ties["a"].append(a)
            ties["b"].append(b)
            ties["strength"].append(_parsed(table.raw("strength"), float,
                                            lambda v: 0.0 < v <= 1.0, np.nan, np.float64))
            ties["stage"].append(stage_codes.add(table.raw("stage"), str.lower))
            if not set(stage_codes.code) <= {"", *STAGES}:
                raise NotClean
            ties["last"].append(_dates(table.raw("last_contact"), dates))
            ties["interactions"].append(_parsed(table.raw("interactions"), int,
                                                lambda v: 0 <= v < 2 ** 62, 0, np.int64))
            ties["source"].append(source_codes.add(table.raw("source")))
            for k, note in _non_empty(table.raw("notes")):
                tie_notes[count + k] = note
            for k, extra in enumerate(table.extra or ()):
                if extra:
                    tie_extra[count + k] = extra
            count += table.rows
    tie_a = _concat(ties["a"])
    tie_b = _concat(ties["b"])
    keys = np.minimum(tie_a, tie_b).astype(np.int64) * len(ids) + np.maximum(tie_a, tie_b)
    if _repeats(keys):
        raise NotClean

    members: dict[str, list[Any]] = {"person": [], "group": []}
    if (root / GROUPS.name).exists():
        for table in read_table(root / GROUPS.name, GROUPS):
            members["person"].append(_lookup(table.raw("person_id"), people))
            groups = table.get("group")
            if not all(groups):
                raise NotClean
            members["group"] += groups
    member_person = _concat(members["person"])
    group_names = sorted(set(members["group"]))
    group_index = {g: i for i, g in enumerate(group_names)}
    member_group = np.array(list(map(group_index.__getitem__, members["group"])),
                            dtype=np.int32)
    pairs = member_person.astype(np.int64) * max(len(group_names), 1) + member_group
    if _repeats(pairs):
        raise NotClean
    order = np.argsort(pairs, kind="stable")

    introductions = small(INTRODUCTIONS, lambda t, p: parse_introductions(t, p, index, local))  # type: ignore[arg-type]
    targets = small(TARGETS, lambda t, p: parse_targets(t, p, local))
    for problem in local:
        problems.warn(problem.path, problem.line, problem.column, problem.message)

    stage, stage_names = stage_codes.finish(ties["stage"])
    source, source_names = source_codes.finish(ties["source"])
    return NetworkColumns(
        me=me, person_ids=ids, person_text=person_text, person_extra=person_extra,
        organizations=list(orgs.values()), org_ids=org_ids,
        job_person=_concat(jobs["person"]), job_org=_concat(jobs["org"]),
        job_start=_concat(jobs["start"]), job_end=_concat(jobs["end"]),
        job_title=jobs["title"], job_extra=job_extra,
        tie_a=tie_a, tie_b=tie_b,
        tie_strength=_joined(ties["strength"], np.float64),
        tie_stage=stage, stage_names=stage_names, tie_last=_concat(ties["last"]),
        tie_interactions=_joined(ties["interactions"], np.int64),
        tie_source=source, source_names=source_names,
        tie_notes=tie_notes, tie_extra=tie_extra,
        group_names=group_names, member_person=member_person[order],
        member_group=member_group[order],
        introductions=introductions, targets=targets,
        settings=dict(settings.raw),
    )


class _Categories:
    """Text values turned into small integer codes chunk by chunk; :meth:`finish` renumbers
    them as :func:`~graphkit.model.columns.codes` does (names sorted)."""

    def __init__(self) -> None:
        self.code: dict[str, int] = {}

    def add(self, values: Any, convert: Callable[[str], str] | None = None) -> np.ndarray:
        if not isinstance(values, list):
            codes, distinct = _encoded(values)
            return self.add(distinct, convert)[codes]
        if convert is not None:
            values = list(map(convert, values))
        for value in set(values) - self.code.keys():
            self.code[value] = len(self.code)
        return np.fromiter(map(self.code.__getitem__, values), dtype=np.int16,
                           count=len(values))

    def finish(self, parts: list[np.ndarray]) -> tuple[np.ndarray, list[str]]:
        names = sorted(self.code)
        renumber = np.zeros(max(len(names), 1), dtype=np.int16)
        for rank, name in enumerate(names):
            renumber[self.code[name]] = rank
        return renumber[_joined(parts, np.int16)], names


def _joined(parts: list[np.ndarray], dtype: Any) -> np.ndarray:
    return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)


def _repeats(keys: np.ndarray) -> bool:
    """True if a value occurs twice (by sorting: numpy's hash-based unique is slower)."""
    ordered = np.sort(keys)
    return bool((ordered[1:] == ordered[:-1]).any())


def _concat(parts: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(parts).astype(np.int32) if parts else np.zeros(0, dtype=np.int32)


__all__ = ["read_columns"]
