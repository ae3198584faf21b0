"""Measures of brokerage on a graph: local bridges (Granovetter) and effective size and
constraint (Burt), weighted by tie strength.

- **local bridges**: ties whose two ends share no contact; the *span* is how many hops apart
  the two would be without the tie (infinite: nothing else joins them), as networkx
  ``local_bridges`` defines it;
- **effective size** (how many non-redundant contacts a person has) and **constraint** (how
  much their contacts are tied to each other: high = a closed circle), computed with sparse
  matrix products rather than node by node, equal to networkx's to 1e-9.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

#: Candidate triangles examined per numpy slice in :func:`burt_measures` (bounds its memory).
_STEPS = 2_000_000


def local_bridges(graph: nx.Graph) -> list[tuple[Hashable, Hashable, float]]:
    """Every local bridge ``(u, v, span)``: an edge whose ends share no neighbour; ``span`` is
    the hop distance between them without the edge (``inf`` when nothing else joins them).

    The same triples as ``networkx.local_bridges(graph, with_span=True)``, in edge order.
    Cost: O(V + E) to find the bridges of the whole graph (their span is ``inf``: a tie to a
    contact with no other tie, or every tie of a star, needs no search), then a breadth-first
    search, stopped at the far end, for each remaining local bridge; the common-neighbour
    test is O(smaller degree) per edge.

    Examples
    --------
    >>> local_bridges(nx.cycle_graph(5))[0]
    (0, 1, 4)
    >>> local_bridges(nx.path_graph(2))
    [(0, 1, inf)]
    """
    adj = graph.adj
    cut: set[frozenset[Hashable]] | None = None  # the graph's bridges, found when first needed
    out: list[tuple[Hashable, Hashable, float]] = []
    for u, v in graph.edges():
        if u == v or not adj[u].keys().isdisjoint(adj[v].keys()):
            continue
        if len(adj[u]) == 1 or len(adj[v]) == 1:  # a pendant tie: nothing else joins them
            out.append((u, v, math.inf))
            continue
        if cut is None:
            cut = {frozenset(e) for e in nx.bridges(graph)}
        out.append((u, v, math.inf if frozenset((u, v)) in cut else _span(adj, u, v)))
    return out


def _span(adj: Mapping[Hashable, Mapping[Hashable, object]], u: Hashable, v: Hashable) -> float:
    seen = {u}
    frontier = [u]
    hops = 0
    while frontier:
        hops += 1
        nxt = []
        for x in frontier:
            for y in adj[x]:
                if y in seen or (x == u and y == v):
                    continue
                if y == v:
                    return hops
                seen.add(y)
                nxt.append(y)
        frontier = nxt
    return math.inf


def burt_measures(graph: nx.Graph, nodes: Iterable[Hashable] | None = None,
                  weight: str | None = None,
                  method: str | None = None) -> dict[Hashable, tuple[float, float]]:
    """Burt's effective size and constraint of ``nodes`` (default: all), as networkx's
    ``effective_size`` and ``constraint`` define them; ``nan`` for isolated nodes.

    With ``p`` the tie weights normalized by each row's sum and ``m`` by each row's maximum::

        effective_size(v) = sum over neighbours u of (1 - sum_w p[v, w] * m[u, w])
        constraint(v)     = sum over neighbours u of (p[v, u] + sum_w p[v, w] * p[w, u]) ** 2

    where only the ``w`` tied to both ``v`` and ``u`` count (the triangles through the tie
    ``v``-``u``). Two ways compute the same sums for all requested nodes at once, and the
    one that walks fewer steps is used: sparse matrix products, O(two-step paths leaving the
    requested nodes), fast per step but quadratic on a star (one person's export: every
    contact is two steps from every other through me); or the triangles alone, found with
    numpy from the end of each tie with fewer ties, O(sum over the ties of the smaller
    degree): linear on a star. Weights must be positive; self-loops are ignored.

    Parameters
    ----------
    graph : an undirected graph.
    nodes : the nodes to measure.
    weight : edge attribute holding the tie weight; None counts every tie as 1.
    method : "products", "triangles", or None (the cheaper for this graph).

    Returns
    -------
    dict node -> (effective_size, constraint)

    Examples
    --------
    >>> star = nx.star_graph(3)
    >>> burt_measures(star, [0, 1])
    {0: (3.0, 0.3333333333333333), 1: (1.0, 1.0)}
    """
    import numpy as np

    order = list(graph)
    index = {n: i for i, n in enumerate(order)}
    wanted = list(graph) if nodes is None else list(nodes)
    if not order or not wanted:
        return {n: (math.nan, math.nan) for n in wanted}
    n = len(order)
    src, dst, vals = [], [], []
    for u, v, data in graph.edges(data=True):
        if u == v:
            continue
        w = float(data.get(weight, 1.0)) if weight is not None else 1.0
        i, j = index[u], index[v]
        src += [i, j]
        dst += [j, i]
        vals += [w, w]
    # A CSR adjacency with sorted rows: keys row * n + column are sorted.
    key = np.array(src, dtype=np.int64) * n + np.array(dst, dtype=np.int64)
    by_key = np.argsort(key, kind="stable")
    key = key[by_key]
    weights = np.array(vals, dtype=float)[by_key]
    row, col = key // n, key % n
    degree = np.bincount(row, minlength=n)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(degree, out=indptr[1:])
    total = np.bincount(row, weights=weights, minlength=n)
    top = np.zeros(n)
    np.maximum.at(top, row, weights)
    p = weights / total[row]
    m = weights / top[row]

    picked = np.array([index[v] for v in wanted], dtype=np.int64)
    counts = degree[picked]
    # Two ways to the same sums: sparse products (fast per step, but they walk every two-step
    # path from the requested nodes: contacts squared for a star) or the triangles alone,
    # found with numpy from the end with fewer ties (about ten times slower per step).
    starts = indptr[picked]
    near = col[_ranges(starts, counts)]
    two_step = int(degree[near].sum())
    triangle_steps = int(np.minimum(np.repeat(counts, counts), degree[near]).sum())
    if method is None:
        method = "products" if two_step <= 10 * triangle_steps else "triangles"
    if method == "products":
        effective, constraint = _burt_products(n, row, col, p, m, picked)
    else:
        effective, constraint = _burt_triangles(n, key, indptr, degree, col, p, m, picked)
    isolated = counts == 0
    effective[isolated] = np.nan
    constraint[isolated] = np.nan
    return {x: (float(e), float(c)) for x, e, c in zip(wanted, effective, constraint,
                                                       strict=True)}


def _burt_products(n: int, row: Any, col: Any, p_values: Any, m_values: Any,
                   picked: Any) -> tuple[Any, Any]:
    """Effective size and constraint of ``picked`` by sparse matrix products."""
    import numpy as np
    import scipy.sparse as sp

    p = sp.csr_array((p_values, (row, col)), shape=(n, n))
    m = sp.csr_array((m_values, (row, col)), shape=(n, n))
    p_rows = p[picked]
    mask = (p_rows != 0).astype(float)
    redundancy = ((p_rows @ m.T) * mask).sum(axis=1)
    degree = mask.sum(axis=1)
    effective = np.asarray(degree - redundancy, dtype=float).ravel()
    local = (p_rows + (p_rows @ p) * mask).power(2)
    constraint = np.asarray(local.sum(axis=1), dtype=float).ravel()
    return effective, constraint


def _burt_triangles(n: int, key: Any, indptr: Any, degree: Any, col: Any, p: Any, m: Any,
                    picked: Any) -> tuple[Any, Any]:
    """Effective size and constraint of ``picked`` from the triangles through their ties."""
    import numpy as np

    counts = degree[picked]
    owner = np.repeat(np.arange(len(picked)), counts)
    tie = _ranges(indptr[picked], counts)  # position of (v, u) in the CSR arrays
    v, u = picked[owner], col[tie]
    small = np.where(degree[v] <= degree[u], v, u)
    other = np.where(degree[v] <= degree[u], u, v)
    steps = degree[small]
    redundancy = np.zeros(len(tie))
    indirect = np.zeros(len(tie))
    # In slices of about _STEPS candidate triangles, so that dense circles (inferred ties
    # make cliques) cost time, not memory.
    ends = np.searchsorted(np.cumsum(steps), np.arange(_STEPS, int(steps.sum()), _STEPS))
    for lo, hi in zip(np.r_[0, ends], np.r_[ends, len(tie)], strict=True):
        if lo >= hi:
            continue
        part = np.arange(lo, hi)
        through = np.repeat(part, steps[lo:hi])
        w = col[_ranges(indptr[small[lo:hi]], steps[lo:hi])]
        wanted_key = other[through] * n + w
        found = np.searchsorted(key, wanted_key)
        hit = (found < len(key)) & (key[np.minimum(found, len(key) - 1)] == wanted_key)
        through, w = through[hit], w[hit]
        tv, tu = v[through], u[through]
        vw = np.searchsorted(key, tv * n + w)
        uw = np.searchsorted(key, tu * n + w)
        wu = np.searchsorted(key, w * n + tu)
        redundancy += np.bincount(through, weights=p[vw] * m[uw], minlength=len(tie))
        indirect += np.bincount(through, weights=p[vw] * p[wu], minlength=len(tie))
    effective = counts - np.bincount(owner, weights=redundancy, minlength=len(picked))
    constraint = np.bincount(owner, weights=(p[tie] + indirect) ** 2, minlength=len(picked))
    return effective, constraint


def _ranges(starts: Any, counts: Any) -> Any:
    """The concatenated ranges ``starts[k] .. starts[k] + counts[k] - 1``."""
    import numpy as np

    total = int(counts.sum())
    return (np.arange(total, dtype=np.int64)
            + np.repeat(starts - (np.cumsum(counts) - counts), counts))
