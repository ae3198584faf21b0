"""The index of the compact array store: the CSR adjacency, the jobs and memberships grouped by
person and by organization, and how many groups the two ends of each tie share, built once from
a network's columns (and cached on disk by :mod:`graphkit.workspace.cache`); and the lookups
over sorted arrays and lists the store's searches use instead of hash tables."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from graphkit.model.columns import NetworkColumns

Ints = NDArray[np.int64]
#: From this many ties on, the adjacency is built by a counting sort (see ``_adjacency``).
COUNTING_SORT_TIES = 500_000


@dataclass(frozen=True)
class ArrayIndex:
    """The arrays built once from the columns (and cached on disk): CSR adjacency, jobs and
    memberships grouped both ways, shared-group counts per tie."""

    indptr: NDArray[np.int64]      # n + 1
    neighbor: NDArray[np.int32]    # 2 * ties, sorted within each row
    edge_tie: NDArray[np.int32]    # the tie index of each directed edge
    shared: NDArray[np.int32]      # groups both people of each tie belong to
    jobs_by_org: NDArray[np.int32]  # job indices by (org, person), file order kept
    org_ptr: NDArray[np.int64]
    jobs_by_person: NDArray[np.int32]
    person_job_ptr: NDArray[np.int64]
    groups_by_person: NDArray[np.int32]  # member indices by (person, group)
    person_group_ptr: NDArray[np.int64]
    members_by_group: NDArray[np.int32]  # member indices by (group, person)
    group_ptr: NDArray[np.int64]


def _grouped(keys: NDArray[np.int32], size: int,
             then: NDArray[np.int32] | None = None) -> tuple[NDArray[np.int32],
                                                             NDArray[np.int64]]:
    """Indices ordered by ``keys`` (then by ``then``; stable), and CSR pointers per key."""
    order = (np.lexsort((then, keys)) if then is not None
             else np.argsort(keys, kind="stable")).astype(np.int32)
    ptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(keys, minlength=size), out=ptr[1:])
    return order, ptr


def build_index(cols: NetworkColumns) -> ArrayIndex:
    """The adjacency and groupings of ``cols``: O(T log T) for T ties."""
    n = cols.people
    a, b = cols.tie_a, cols.tie_b  # 32-bit; widened only where a product needs it
    ties = len(a)
    indptr, neighbor, order = _adjacency(a, b, n)
    edge_tie = (order % ties).astype(np.int32, copy=False) if ties else np.zeros(0, dtype=np.int32)
    del order

    groups = len(cols.group_names)
    by_person, person_ptr = _grouped(cols.member_person, n, cols.member_group)
    by_group, group_ptr = _grouped(cols.member_group, groups, cols.member_person)
    shared = _shared_counts(a, b, cols.member_person[by_person].astype(np.int64),
                            cols.member_group[by_person].astype(np.int64), person_ptr, groups)
    jobs_by_org, org_ptr = _grouped(cols.job_org, len(cols.org_ids), cols.job_person)
    jobs_by_person, person_job_ptr = _grouped(cols.job_person, n)
    return ArrayIndex(indptr, neighbor, edge_tie, shared, jobs_by_org,
                      org_ptr, jobs_by_person, person_job_ptr, by_person, person_ptr,
                      by_group, group_ptr)


def _adjacency(a: NDArray[Any], b: NDArray[Any], n: int) -> tuple[NDArray[np.int64],
                                                                NDArray[np.int32], NDArray[Any]]:
    """CSR pointers, neighbours sorted within each row, and for each directed edge its
    position in ``[a -> b, b -> a]``. A counting sort by source (scipy's COO to CSR
    conversion, O(E + n)) then a sort within each row: about twice as fast as sorting the
    keys ``source * n + target`` (the definition, and the way for networks of fewer than
    :data:`COUNTING_SORT_TIES` ties, where importing scipy would cost more than it saves:
    both give the same arrays when pairs are unique, as the loaders guarantee)."""
    ties = len(a)
    if ties >= COUNTING_SORT_TIES and n:
        import scipy.sparse as sp

        # 32-bit indices and positions (they fit: n and 2 * ties < 2**31) halve the memory
        # scipy's conversion walks: 0.5 s instead of 0.9-1.6 s at 6.7M ties.
        small = np.int32 if max(n, 2 * ties) < 2**31 else np.int64
        a_, b_ = a.astype(small, copy=False), b.astype(small, copy=False)
        adj = sp.csr_array((np.arange(2 * ties, dtype=small),
                            (np.concatenate([a_, b_]), np.concatenate([b_, a_]))), shape=(n, n))
        del a_, b_
        adj.sort_indices()
        if adj.nnz == 2 * ties:  # no repeated pair was merged
            return (adj.indptr.astype(np.int64), adj.indices.astype(np.int32, copy=False),
                    adj.data)
    a, b = a.astype(np.int64), b.astype(np.int64)
    key = np.concatenate([a * n + b, b * n + a])
    order = np.argsort(key)
    key = key[order]
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(key // n, minlength=n), out=indptr[1:])
    neighbor = (key % n).astype(np.int32) if n else np.zeros(0, dtype=np.int32)
    return indptr, neighbor, order


def _shared_counts(a: NDArray[Any], b: NDArray[Any], member_person: Ints, member_group: Ints,
                   person_ptr: NDArray[np.int64], groups: int) -> NDArray[np.int32]:
    """For each tie (a, b), how many groups both belong to: each group of ``a`` is looked up
    among the memberships of ``b`` (sorted keys), O(sum of |groups(a)| log M)."""
    shared = np.zeros(len(a), dtype=np.int32)
    if not len(member_person) or not len(a):
        return shared
    count = np.diff(person_ptr)
    # Expand each tie by the groups of its endpoint with fewer groups.
    small = np.where(count[a] <= count[b], a, b)
    other = np.where(count[a] <= count[b], b, a)
    reps = count[small]
    has = np.flatnonzero((reps > 0) & (count[other] > 0))
    if not len(has):
        return shared
    reps = reps[has]
    tie = np.repeat(has, reps)
    offsets = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    group = member_group[person_ptr[small[has]].repeat(reps) + offsets]
    keys = member_person * groups + member_group  # sorted: by person, then group
    wanted = other[tie].astype(np.int64) * groups + group
    pos = np.searchsorted(keys, wanted)
    hit = (pos < len(keys)) & (keys[np.minimum(pos, len(keys) - 1)] == wanted)
    return np.bincount(tie[hit], minlength=len(a)).astype(np.int32)


# --- sorted arrays and lists: lookups without a hash table ---------------------------------


class Positions:
    """The position of each string of a sorted list, found by bisection (O(log n), no
    dictionary to build): ``get``, ``[]`` and ``in`` as a dict of positions would answer."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = names

    def get(self, name: str) -> int | None:
        k = bisect_left(self.names, name)
        return k if k < len(self.names) and self.names[k] == name else None

    def __getitem__(self, name: str) -> int:
        k = self.get(name)
        if k is None:
            raise KeyError(name)
        return k

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and self.get(name) is not None


def unique_sorted(values: NDArray[np.int64]) -> NDArray[np.int64]:
    """The distinct values, sorted (by sorting: numpy's hash-based unique is slower here)."""
    ordered = np.sort(values)
    keep = np.ones(len(ordered), dtype=bool)
    keep[1:] = ordered[1:] != ordered[:-1]
    return ordered[keep]


def in_sorted(values: NDArray[np.int64], sorted_set: NDArray[np.int64]) -> NDArray[np.bool_]:
    """``values`` that are in the sorted array ``sorted_set``."""
    if not len(sorted_set):
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return sorted_set[pos] == values
