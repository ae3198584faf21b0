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
read them (both ends of every tie in one call), and people are sorted by pyarrow. Text
columns pyarrow read are kept as NUL-separated bytes (:class:`LazyStrings`), decoded when
used, and organizations as columns (:class:`OrgColumns`).
"""

from __future__ import annotations

import gc
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cached_property
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
    LazyStrings,
    NetworkColumns,
    OrgColumns,
    columns_of,
    ordinal,
    text_column,
)


class _Keys:
    """Sorted names (person or organization ids) and their positions, looked up by dict for
    lists of str and by ``pyarrow.compute.index_in`` for pyarrow columns (the dict is built
    only when a list needs it: a million entries cost half a second)."""

    def __init__(self, names: list[str], arrow: Any = None) -> None:
        self.names = names
        self._arrow: Any = arrow

    @cached_property
    def index(self) -> dict[str, int]:
        return {p: i for i, p in enumerate(self.names)}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        k = bisect_left(self.names, name)
        return k < len(self.names) and self.names[k] == name

    def arrow(self) -> Any:
        if self._arrow is None:
            import pyarrow as pa

            self._arrow = pa.array(self.names, type=pa.string())
        return self._arrow


def _encoded(values: Any) -> tuple[np.ndarray, list[str]]:
    """A pyarrow column as (codes, distinct values stripped as the reference strips every
    value; two distinct values may strip to the same)."""
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(values)
    return (encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            [v.strip() for v in encoded.dictionary.to_pylist()])


def _lookup(values: Any, keys: _Keys) -> np.ndarray:
    """Row numbers of ``values`` among ``keys``; NotClean for a value not there (a padded
    value read unchecked is not there either: the reference reader then decides)."""
    return _lookup_all([values], keys)[0]


def _lookup_all(columns: list[Any], keys: _Keys) -> list[np.ndarray]:
    """:func:`_lookup` of several columns; pyarrow columns in one ``index_in`` call (the
    hash table of the keys is built once)."""
    if all(not isinstance(values, list) for values in columns):
        import pyarrow as pa
        import pyarrow.compute as pc

        found = pc.index_in(pa.chunked_array(columns, type=pa.string()),
                            value_set=keys.arrow())
        if found.null_count:
            raise NotClean
        rows = found.to_numpy().astype(np.int32)
        bounds = np.cumsum([0, *map(len, columns)])
        return [rows[bounds[k]:bounds[k + 1]] for k in range(len(columns))]
    out = []
    for values in columns:
        if not isinstance(values, list):
            values = values.to_pylist()
        try:
            out.append(np.fromiter(map(keys.index.__getitem__, values), dtype=np.int32,
                                   count=len(values)))
        except KeyError:
            raise NotClean from None
    return out


def _dates(values: Any, cache: dict[str, int], rows: int) -> np.ndarray:
    if values is None:
        return np.zeros(rows, dtype=np.int32)
    if not isinstance(values, list):
        codes, distinct = _encoded(values)
        if not len(codes):
            return np.zeros(0, dtype=np.int32)
        return _dates(distinct, cache, len(distinct))[codes]
    for text in set(values) - cache.keys():
        try:
            cache[text] = ordinal(parse_date(text))
        except ValueError:
            raise NotClean from None
    return np.fromiter(map(cache.__getitem__, values), dtype=np.int32, count=len(values))


def _parsed(values: Any, parse: Callable[[str], Any], ok: Callable[[Any], bool],
            empty: Any, dtype: Any, rows: int) -> np.ndarray:
    if values is None:
        return np.full(rows, empty, dtype=dtype)
    if not isinstance(values, list):
        codes, distinct = _encoded(values)
        return _parsed(distinct, parse, ok, empty, dtype, len(distinct))[codes]
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
    """(row, stripped value) for every value not empty once stripped."""
    if values is None:
        return []
    if isinstance(values, list):
        return [(k, v) for k, v in enumerate(values) if v]
    import pyarrow.compute as pc

    rows = np.flatnonzero(pc.utf8_length(values).to_numpy(zero_copy_only=False))
    found = zip(rows.tolist(), values.take(rows).to_pylist(), strict=True)
    return [(k, v) for k, v in ((k, v.strip()) for k, v in found) if v]


def _lazy_strings(column: Any) -> LazyStrings:
    """A pyarrow string column as :class:`LazyStrings` (its bytes with a NUL between values:
    no Python string is made until one is used)."""
    n = len(column)
    offsets = np.frombuffer(column.buffers()[1], dtype=np.int32)[
        column.offset:column.offset + n + 1].astype(np.int64)
    data = column.buffers()[2]
    body = (np.frombuffer(data, dtype=np.uint8)[offsets[0]:offsets[-1]] if data is not None
            else np.zeros(0, dtype=np.uint8))
    blob = np.zeros(len(body) + max(n - 1, 0), dtype=np.uint8)
    keep = np.ones(len(blob), dtype=bool)
    keep[offsets[1:-1] - offsets[0] + np.arange(n - 1)] = False  # the separators
    blob[keep] = body
    return LazyStrings(blob, n)


def _text(values: Any) -> Sequence[str] | None:
    """A text column (stripped) as a sequence of str, None when empty for every row."""
    if values is None:
        return None
    if isinstance(values, list):
        return text_column(values)
    import pyarrow.compute as pc

    if not len(values) or not pc.max(pc.utf8_length(values)).as_py():
        return None
    return _lazy_strings(values)


def _take(values: Any, order: np.ndarray) -> Any:
    if values is None or not isinstance(values, list):
        return values if values is None else values.take(order)
    return list(map(values.__getitem__, order.tolist()))


def _one(path: Path, spec: FileSpec) -> Any:
    """The whole file as one :class:`~graphkit.io.bulk.Table` (chunks of lists joined)."""
    from graphkit.io.bulk import Table

    tables = list(read_table(path, spec))
    if len(tables) == 1:
        return tables[0]
    values: dict[str, Any] = {}
    for name in spec.columns:
        if any(name in t.values for t in tables):
            values[name] = [v for t in tables for v in t.get(name)]
    extra = ([e for t in tables for e in (t.extra or [()] * t.rows)]
             if any(t.extra is not None for t in tables) else None)
    return Table(values, extra, sum(t.rows for t in tables))


def _people(path: Path) -> tuple[list[str], dict[str, Sequence[str] | None], list[Extra] | None,
                                 Any]:
    """Sorted ids, the text columns in that order, extra columns, and the ids as a pyarrow
    array when pyarrow read them (for the lookups)."""
    table = _one(path, PEOPLE)
    ids, names = table.raw("id"), table.raw("name")
    if not table.rows:
        raise NotClean
    if isinstance(ids, list) or isinstance(names, list):
        ids, names = table.get("id"), table.get("name")
        if not (all(ids) and all(names)) or len(set(ids)) != len(ids):
            raise NotClean
        order = np.array(sorted(range(len(ids)), key=ids.__getitem__), dtype=np.int64)
        arrow_ids = None
        sorted_ids = _take(ids, order)
    else:
        import pyarrow.compute as pc

        if not (pc.min(pc.utf8_length(ids)).as_py() and pc.min(pc.utf8_length(names)).as_py()):
            raise NotClean
        # UTF-8 byte order is code point order: pyarrow sorts as Python's sorted() would.
        order = pc.sort_indices(ids).to_numpy()
        arrow_ids = ids.take(order)
        if len(ids) > 1 and pc.any(pc.equal(arrow_ids[1:], arrow_ids[:-1])).as_py():
            raise NotClean
        sorted_ids = arrow_ids.to_pylist()
    text = {f: _text(_take(table.raw(f), order)) for f in PERSON_FIELDS}
    extra = _take(table.extra, order) if table.extra is not None else None
    return sorted_ids, text, extra, arrow_ids


def _organizations(path: Path, problems: Problems) -> OrgColumns:
    """organizations.csv as columns, as the reference reads it. A file the column reader
    does not take (an empty or repeated id, an empty name, a quote, a BOM...) is read by the
    reference parser, its warnings added to ``problems``: organizations are few, and no
    other file depends on how they were read."""
    if not path.exists():
        return OrgColumns([], [], None, None, None, None)
    try:
        table = _one(path, ORGANIZATIONS)
        ids, names = table.get("id"), table.get("name")
        if not (all(ids) and all(names)) or len(set(ids)) != len(ids):
            raise NotClean
    except NotClean:
        return OrgColumns.of(list(parse_organizations(read_text(path), path, problems).values()))
    aliases = table.get("aliases")
    if any(";" in a for a in aliases):  # split and stripped as the reference does
        aliases = [";".join(x for x in (a.strip() for a in v.split(";")) if x)
                   for v in aliases]
    return OrgColumns(ids, names, text_column(aliases), _text(table.raw("industry")),
                      _text(table.raw("location")), table.extra)


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
    ids, person_text, person_extra, arrow_ids = _people(people_path)
    people = _Keys(ids, arrow_ids)
    if me not in people:
        raise NotClean
    local = Problems()  # small files: the reference parsers; their warnings replayed in order

    def small(spec: FileSpec, parse: Callable[[str, Path], Any]) -> Any:
        path = root / spec.name
        return parse(read_text(path) if path.exists() else ",".join(spec.columns) + "\n", path)

    orgs = _organizations(root / ORGANIZATIONS.name, local)
    org_ids = sorted(orgs.ids)
    org_keys = _Keys(org_ids)
    dates: dict[str, int] = {"": 0}

    jobs: dict[str, list[Any]] = {k: [] for k in ("person", "org", "start", "end")}
    titles: list[Any] = []
    job_extra: list[Extra] | None = None
    if (root / EMPLOYMENT.name).exists():
        for table in read_table(root / EMPLOYMENT.name, EMPLOYMENT,
                                unchecked=("person_id", "org_id", "start", "end")):
            jobs["person"].append(_lookup(table.raw("person_id"), people))
            jobs["org"].append(_lookup(table.raw("org_id"), org_keys))
            jobs["start"].append(_dates(table.raw("start"), dates, table.rows))
            jobs["end"].append(_dates(table.raw("end"), dates, table.rows))
            titles.append(table.raw("title") if table.raw("title") is not None
                          else [""] * table.rows)
            if table.extra is not None:
                job_extra = (job_extra or []) + table.extra
    job_title: Sequence[str] = (
        _lazy_strings(titles[0]) if len(titles) == 1 and not isinstance(titles[0], list)
        else [v for part in titles for v in (part if isinstance(part, list)
                                             else part.to_pylist())])

    ties: dict[str, list[Any]] = {k: [] for k in ("a", "b", "strength", "stage", "last",
                                                   "interactions", "source")}
    tie_notes: dict[int, str] = {}
    stage_codes, source_codes = _Categories(), _Categories()
    tie_extra: dict[int, Extra] = {}
    count = 0
    if (root / TIES.name).exists():
        for table in read_table(root / TIES.name, TIES, unchecked=(
                "person_a", "person_b", "strength", "stage", "last_contact", "interactions",
                "source", "notes")):
            rows = table.rows
            a, b = _lookup_all([table.raw("person_a"), table.raw("person_b")], people)
            if (a == b).any():
                raise NotClean
            ties["a"].append(a)
            ties["b"].append(b)
            ties["strength"].append(_parsed(table.raw("strength"), float,
                                            lambda v: 0.0 < v <= 1.0, np.nan, np.float64, rows))
            ties["stage"].append(stage_codes.add(table.raw("stage"), rows, str.lower))
            if not set(stage_codes.code) <= {"", *STAGES}:
                raise NotClean
            ties["last"].append(_dates(table.raw("last_contact"), dates, rows))
            ties["interactions"].append(_parsed(table.raw("interactions"), int,
                                                lambda v: 0 <= v < 2 ** 62, 0, np.int64, rows))
            ties["source"].append(source_codes.add(table.raw("source"), rows))
            for k, note in _non_empty(table.raw("notes")):
                tie_notes[count + k] = note
            for k, extra in enumerate(table.extra or ()):
                if extra:
                    tie_extra[count + k] = extra
            count += rows
    tie_a = _concat(ties["a"])
    tie_b = _concat(ties["b"])
    keys = np.minimum(tie_a, tie_b).astype(np.int64) * len(ids) + np.maximum(tie_a, tie_b)
    if _repeats(keys):
        raise NotClean
    del keys

    members: dict[str, list[Any]] = {"person": [], "group": []}
    group_names: list[str] = []
    group_code: dict[str, int] = {}
    if (root / GROUPS.name).exists():
        for table in read_table(root / GROUPS.name, GROUPS, unchecked=("person_id", "group")):
            members["person"].append(_lookup(table.raw("person_id"), people))
            codes, distinct = ((np.arange(table.rows), table.raw("group"))
                               if isinstance(table.raw("group"), list)
                               else _encoded(table.raw("group")))
            if not all(distinct):
                raise NotClean
            for name in distinct:
                group_code.setdefault(name, len(group_code))
            members["group"].append(np.array([group_code[g] for g in distinct],
                                             dtype=np.int32)[codes])
    member_person = _concat(members["person"])
    group_names = sorted(group_code)
    renumber = np.zeros(max(len(group_names), 1), dtype=np.int32)
    for rank, name in enumerate(group_names):
        renumber[group_code[name]] = rank
    member_group = renumber[_concat(members["group"])]
    pairs = member_person.astype(np.int64) * max(len(group_names), 1) + member_group
    if _repeats(pairs):
        raise NotClean
    order = np.argsort(pairs, kind="stable")

    introductions = small(INTRODUCTIONS, lambda t, p: parse_introductions(t, p, people, local))  # type: ignore[arg-type]
    targets = small(TARGETS, lambda t, p: parse_targets(t, p, local))
    for problem in local:
        problems.warn(problem.path, problem.line, problem.column, problem.message)

    stage, stage_names = stage_codes.finish(ties["stage"])
    source, source_names = source_codes.finish(ties["source"])
    return NetworkColumns(
        me=me, person_ids=ids, person_text=person_text, person_extra=person_extra,
        organizations=orgs, org_ids=org_ids,
        job_person=_concat(jobs["person"]), job_org=_concat(jobs["org"]),
        job_start=_concat(jobs["start"]), job_end=_concat(jobs["end"]),
        job_title=job_title, job_extra=job_extra,
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

    def add(self, values: Any, rows: int,
            convert: Callable[[str], str] | None = None) -> np.ndarray:
        if values is None:
            values = [""]
            return np.full(rows, self.add(values, 1, convert)[0], dtype=np.int16)
        if not isinstance(values, list):
            codes, distinct = _encoded(values)
            return self.add(distinct, len(distinct), convert)[codes]
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
