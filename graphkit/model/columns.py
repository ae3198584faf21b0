"""A network as columns: numpy arrays for the big record kinds, plain records for the small.

A million people and seven million ties do not fit in memory as Python records, so the compact
array store (:mod:`graphkit.store.array`) reads them as columns: people and groups are indexed
in sorted order of their ids and names (so integer order is string order), ties and jobs are
integer arrays in file order. :func:`columns_of` turns a :class:`~graphkit.model.Network` into
columns; :mod:`graphkit.io.fastload` reads a network folder straight into them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, overload

import numpy as np
from numpy.typing import NDArray

from graphkit.model import Extra, Introduction, Network, Organization, Person, Target

#: Person fields other than ``id``, in :class:`~graphkit.model.Person` order.
PERSON_FIELDS = ("name", "email", "linkedin_url", "title", "location", "notes", "tags")

Ints = NDArray[np.int32]


@dataclass
class NetworkColumns:
    """Every record of a network folder, column by column.

    Person ``i`` is ``person_ids[i]``; ``person_ids`` is sorted. Organizations are indexed in
    sorted id order too (``organizations`` keeps file order as columns, records built on
    demand; ``org_ids`` is sorted). Dates are
    proleptic ordinals (``date.toordinal``), 0 for none; an explicit tie strength of NaN means
    none. Text columns that are empty for everyone are ``None``; notes and extra columns of
    ties are kept only where non-empty (``tie_notes``, ``tie_extra`` map tie index to value).
    """

    me: str
    person_ids: Sequence[str]
    person_text: Mapping[str, Sequence[str] | None]
    person_extra: list[Extra] | None
    organizations: OrgColumns
    org_ids: list[str]
    job_person: Ints
    job_org: Ints
    job_start: Ints
    job_end: Ints
    job_title: Sequence[str]
    job_extra: list[Extra] | None
    tie_a: Ints
    tie_b: Ints
    tie_strength: NDArray[np.float64]
    tie_stage: NDArray[np.int16]
    stage_names: list[str]
    tie_last: Ints
    tie_interactions: NDArray[np.int64]
    tie_source: NDArray[np.int16]
    source_names: list[str]
    tie_notes: dict[int, str]
    tie_extra: dict[int, Extra]
    group_names: list[str]
    member_person: Ints
    member_group: Ints
    introductions: list[Introduction] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)

    @property
    def people(self) -> int:
        return len(self.person_ids)

    def person(self, index: int) -> Person:
        """Person ``index`` as a record."""
        values = {f: col[index] if (col := self.person_text[f]) is not None else ""
                  for f in PERSON_FIELDS}
        extra = self.person_extra[index] if self.person_extra is not None else ()
        return Person(self.person_ids[index], extra=extra, **values)


def ordinal(value: date | None) -> int:
    """``value.toordinal()``, 0 for None.

    >>> ordinal(date(1, 1, 1)), ordinal(None)
    (1, 0)
    """
    return value.toordinal() if value is not None else 0


def from_ordinal(value: int) -> date | None:
    """The inverse of :func:`ordinal`.

    >>> from_ordinal(1), from_ordinal(0)
    (datetime.date(1, 1, 1), None)
    """
    return date.fromordinal(value) if value else None


def codes(values: list[str]) -> tuple[NDArray[np.int16], list[str]]:
    """Category codes of ``values`` and the names they index (sorted, "" first if present).

    >>> c, names = codes(["b", "", "b", "a"])
    >>> c.tolist(), names
    ([2, 0, 2, 1], ['', 'a', 'b'])
    """
    names = sorted(set(values))
    lookup = {name: i for i, name in enumerate(names)}
    return np.fromiter(map(lookup.__getitem__, values), dtype=np.int16, count=len(values)), names


def text_column(values: list[str]) -> list[str] | None:
    """``values``, or None when every value is empty."""
    return values if any(values) else None


def columns_of(network: Network) -> NetworkColumns:
    """The columns of a network already read as records.

    Ties repeated between the same two people keep the last one (as a graph would).

    >>> from graphkit.model import Tie
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann")},
    ...               ties=[Tie("ann", "me", 0.5)])
    >>> cols = columns_of(net)
    >>> cols.person_ids, cols.tie_a.tolist(), cols.tie_b.tolist()
    (['ann', 'me'], [0], [1])
    """
    ids = sorted(network.people)
    index = {p: i for i, p in enumerate(ids)}
    people = [network.people[p] for p in ids]
    person_text = {f: text_column([getattr(p, f) for p in people]) for f in PERSON_FIELDS}
    person_extra = [p.extra for p in people]

    org_ids = sorted(network.organizations)
    org_index = {o: i for i, o in enumerate(org_ids)}
    jobs = network.employment

    last: dict[tuple[str, str], int] = {}
    for i, tie in enumerate(network.ties):
        last[tie.key] = i
    ties = [t for i, t in enumerate(network.ties) if last[t.key] == i]
    tie_stage, stage_names = codes([t.stage for t in ties])
    tie_source, source_names = codes([t.source for t in ties])

    pairs = sorted({(m.person_id, m.group) for m in network.memberships})
    group_names = sorted({g for _, g in pairs})
    group_index = {g: i for i, g in enumerate(group_names)}

    def ints(values: list[int]) -> Ints:
        return np.array(values, dtype=np.int32)

    return NetworkColumns(
        me=network.me,
        person_ids=ids,
        person_text=person_text,
        person_extra=person_extra if any(person_extra) else None,
        organizations=OrgColumns.of(list(network.organizations.values())),
        org_ids=org_ids,
        job_person=ints([index[j.person_id] for j in jobs]),
        job_org=ints([org_index[j.org_id] for j in jobs]),
        job_start=ints([ordinal(j.start) for j in jobs]),
        job_end=ints([ordinal(j.end) for j in jobs]),
        job_title=[j.title for j in jobs],
        job_extra=[j.extra for j in jobs] if any(j.extra for j in jobs) else None,
        tie_a=ints([index[t.person_a] for t in ties]),
        tie_b=ints([index[t.person_b] for t in ties]),
        tie_strength=np.array([np.nan if t.strength is None else t.strength for t in ties],
                              dtype=np.float64),
        tie_stage=tie_stage,
        stage_names=stage_names,
        tie_last=ints([ordinal(t.last_contact) for t in ties]),
        tie_interactions=np.array([t.interactions for t in ties], dtype=np.int64),
        tie_source=tie_source,
        source_names=source_names,
        tie_notes={i: t.notes for i, t in enumerate(ties) if t.notes},
        tie_extra={i: t.extra for i, t in enumerate(ties) if t.extra},
        group_names=group_names,
        member_person=ints([index[p] for p, _ in pairs]),
        member_group=ints([group_index[g] for _, g in pairs]),
        introductions=list(network.introductions),
        targets=list(network.targets),
        settings=dict(network.settings),
    )


class LazyStrings(Sequence[str]):
    """A list of strings kept as NUL-separated UTF-8 bytes (a memory-mapped cache file) and
    decoded the first time a value is asked for: a warm open that shows a handful of people
    does not decode a million names. Compares equal to a list of the same strings.

    Examples
    --------
    >>> import numpy as np
    >>> names = LazyStrings(np.frombuffer(b"Ann" + bytes(1) + b"Bo", dtype=np.uint8), 2)
    >>> len(names), names[1], names == ["Ann", "Bo"]
    (2, 'Bo', True)
    """

    def __init__(self, blob: NDArray[np.uint8], count: int) -> None:
        self._blob: NDArray[np.uint8] | None = blob
        self._count = count
        self._values: list[str] | None = None
        self._ends: NDArray[np.int64] | None = None
        # Values cut out one at a time cost about ten times a decoded one: after this many,
        # everything is decoded, so a caller reading many pays at most about twice.
        self._singles_left = max(64, min(count // 16, 10_000))

    @property
    def values(self) -> list[str]:
        """The decoded strings (decoded once).

        Raises
        ------
        ValueError
            when the bytes are not ``count`` NUL-separated UTF-8 strings.
        """
        if self._values is None:
            assert self._blob is not None
            values = (self._blob.tobytes().decode("utf-8").split("\x00")
                      if self._count else [])
            if len(values) != self._count:
                raise ValueError(f"expected {self._count} strings, found {len(values)}")
            self._values, self._blob, self._ends = values, None, None
        return self._values

    def blob(self) -> NDArray[np.uint8]:
        """The strings as NUL-separated UTF-8 bytes (without decoding them if not decoded)."""
        if self._blob is not None:
            return self._blob
        return np.frombuffer("\x00".join(self.values).encode("utf-8"), dtype=np.uint8)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if self._values is not None or not isinstance(index, int) or not self._singles_left:
            return self.values[index]
        self._singles_left -= 1
        # One value: cut it out of the bytes by the positions of the separators, found once
        # by numpy, without decoding the others.
        k = range(self._count)[index]  # IndexError as a list's, negative indices counted back
        blob = self._blob
        assert blob is not None
        if self._ends is None:
            ends = np.flatnonzero(blob == 0)
            if len(ends) != self._count - 1:
                raise ValueError(f"expected {self._count} strings, found {len(ends) + 1}")
            self._ends = np.concatenate([ends, [len(blob)]])
        start = int(self._ends[k - 1]) + 1 if k else 0
        return blob[start:int(self._ends[k])].tobytes().decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return iter(self.values)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyStrings):
            return self.values == other.values
        return isinstance(other, list) and self.values == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"LazyStrings({self._count} strings)"



class OrgColumns(Sequence[Organization]):
    """Organizations in file order, kept as columns and built as records when asked for: a
    network of 100,000 organizations opened to answer about one does not build 100,000
    records. ``aliases`` holds each organization's aliases joined by ";" (an alias never
    contains one: the file separates them by it). Compares equal to a list of the same
    records.

    Examples
    --------
    >>> orgs = OrgColumns.of([Organization("o1", "Acme", ("Acme Inc", "ACME"))])
    >>> orgs[0].aliases, orgs.by_id("o1") == orgs[0], orgs.by_id("zz")
    (('Acme Inc', 'ACME'), True, None)
    """

    def __init__(self, ids: Sequence[str], names: Sequence[str], aliases: Sequence[str] | None,
                 industry: Sequence[str] | None, location: Sequence[str] | None,
                 extra: list[Extra] | None) -> None:
        self.ids, self.names = ids, names
        self.aliases, self.industry, self.location, self.extra = (aliases, industry, location,
                                                                  extra)
        self._rows: dict[str, int] | None = None

    @classmethod
    def of(cls, records: Sequence[Organization]) -> OrgColumns:
        """The columns of ``records``."""
        def text(values: list[str]) -> list[str] | None:
            return values if any(values) else None

        extra = [o.extra for o in records]
        return cls([o.id for o in records], [o.name for o in records],
                   text([";".join(o.aliases) for o in records]),
                   text([o.industry for o in records]), text([o.location for o in records]),
                   extra if any(extra) else None)

    def __len__(self) -> int:
        return len(self.ids)

    def record(self, k: int) -> Organization:
        """The organization on row ``k`` (file order)."""
        aliases = self.aliases[k] if self.aliases is not None else ""
        return Organization(self.ids[k], self.names[k],
                            tuple(aliases.split(";")) if aliases else (),
                            self.industry[k] if self.industry is not None else "",
                            self.location[k] if self.location is not None else "",
                            self.extra[k] if self.extra is not None else ())

    @overload
    def __getitem__(self, index: int) -> Organization: ...

    @overload
    def __getitem__(self, index: slice) -> list[Organization]: ...

    def __getitem__(self, index: int | slice) -> Organization | list[Organization]:
        if isinstance(index, slice):
            return [self.record(k) for k in range(len(self))[index]]
        return self.record(range(len(self))[index])

    def __iter__(self) -> Iterator[Organization]:
        return map(self.record, range(len(self)))

    def by_id(self, org_id: str) -> Organization | None:
        """The organization with this id (a dictionary of the ids built on first use)."""
        if self._rows is None:
            self._rows = {o: k for k, o in enumerate(self.ids)}
        k = self._rows.get(org_id)
        return self.record(k) if k is not None else None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (OrgColumns, list)):
            return len(self) == len(other) and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"OrgColumns({len(self)} organizations)"
