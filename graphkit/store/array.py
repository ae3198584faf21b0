"""The compact array store: a whole network as numpy arrays, for networks of millions.

The same :class:`~graphkit.store.base.GraphStore` answers as the networkx store, bit for bit,
from a CSR adjacency (neighbors of person ``i`` are ``neighbor[indptr[i]:indptr[i + 1]]``,
sorted) and per-tie columns. People are indexed in sorted id order, so comparing index tuples
is comparing id tuples, which is what the tie-breaking rule of best paths needs. Records
(people, jobs, tie views with their evidence) are built only when asked for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from datetime import date
from functools import cached_property
from typing import Any

import numpy as np
from numpy.typing import NDArray

from graphkit.errors import GraphkitError
from graphkit.model import Employment, Introduction, Organization, Person, Target, Tie
from graphkit.model.columns import NetworkColumns, from_ordinal
from graphkit.orgs import OrgIndex
from graphkit.store.array_index import ArrayIndex, Positions, build_index, in_sorted, unique_sorted
from graphkit.store.base import BestPath, TieView, jobs_in_order
from graphkit.strength import StrengthModel, tie_strengths

Ints = NDArray[np.int64]
#: How many searches' first layers :meth:`ArrayStore._search` keeps (see ``_keep_prefix``).
PREFIXES_KEPT = 4


class ArrayStore:
    """A :class:`~graphkit.store.base.GraphStore` over numpy arrays.

    Parameters
    ----------
    cols : the network as columns.
    as_of : the date recency is measured from.
    model : the strength model (default: the one configured in the network's settings).
    index : the prebuilt adjacency (default: built now; the on-disk cache passes its copy).
    strength : the strength of each tie under ``model`` as of ``as_of`` (default: computed
        now; the on-disk cache passes the copy it kept for this date and model).

    Examples
    --------
    >>> from graphkit.model import Network, Person, Tie
    >>> from graphkit.model.columns import columns_of
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               ties=[Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> store = ArrayStore(columns_of(net), date(2026, 1, 1))
    >>> store.best_paths("me", ["bo"], 2)
    {'bo': BestPath(people=('me', 'ann', 'bo'), score=0.4)}
    """

    def __init__(self, cols: NetworkColumns, as_of: date, model: StrengthModel | None = None,
                 index: ArrayIndex | None = None,
                 strength: NDArray[np.float64] | None = None) -> None:
        self.cols = cols
        self.as_of = as_of
        self.model = model or StrengthModel.from_settings(cols.settings.get("strength"))
        self.index = index if index is not None else build_index(cols)
        # Ids are sorted: looked up by bisection, not through a dictionary of a million.
        self._id = Positions(cols.person_ids)
        self._org_pos = Positions(cols.org_ids)
        if strength is not None and len(strength) != len(cols.tie_a):
            raise GraphkitError(f"{len(strength)} strengths for {len(cols.tie_a)} ties")
        self.strength = strength if strength is not None else tie_strengths(
            self.model, as_of, explicit=cols.tie_strength, stage=cols.tie_stage,
            stage_names=cols.stage_names, last_contact=cols.tie_last,
            interactions=cols.tie_interactions, shared_groups=self.index.shared,
            source=cols.tie_source, source_names=cols.source_names)
        # Records built on demand, kept: analyses ask about the same few people repeatedly.
        self._views: dict[int, TieView] = {}
        self._pairs: dict[tuple[str, str], TieView] = {}
        self._people: dict[int, Person] = {}
        self._jobs_of: dict[str, list[Employment]] = {}
        # The state of a search after all but its last layer, by (source, layers): see _search.
        self._prefix: dict[tuple[int, int], tuple[Any, ...]] = {}

    # -- records -----------------------------------------------------------------------

    def _person(self, i: int) -> Person:
        person = self._people.get(i)
        if person is None:
            person = self._people[i] = self.cols.person(i)
        return person

    def me(self) -> Person:
        return self.person(self.cols.me)

    def person(self, person_id: str) -> Person:
        return self._person(self._id[person_id])

    def people(self) -> list[Person]:
        return [self._person(i) for i in range(self.cols.people)]

    def _org(self, org_id: str) -> Organization:
        """The organization with this id (which exists): its record built now."""
        org = self.cols.organizations.by_id(org_id)
        assert org is not None
        return org

    @cached_property
    def _sorted_orgs(self) -> list[Organization]:
        by_id = {o.id: o for o in self.cols.organizations}
        return [by_id[o] for o in self.cols.org_ids]

    def organizations(self) -> list[Organization]:
        return list(self._sorted_orgs)

    @cached_property
    def _org_index(self) -> OrgIndex:
        return OrgIndex(self.cols.organizations)

    def organization(self, name: str) -> Organization:
        # An id is found without building the name index (as OrgIndex.find: ids first).
        if name in self._org_pos:
            return self._org(name)
        return self._org_index.resolve(name)

    def _jobs(self, jobs: NDArray[np.int32]) -> list[Employment]:
        c = self.cols
        return [Employment(c.person_ids[p], c.org_ids[o], c.job_title[j], from_ordinal(start),
                           from_ordinal(end), c.job_extra[j] if c.job_extra is not None else ())
                for j, p, o, start, end in zip(
                    jobs.tolist(), c.job_person[jobs].tolist(), c.job_org[jobs].tolist(),
                    c.job_start[jobs].tolist(), c.job_end[jobs].tolist(), strict=True)]

    def employment_at(self, org_id: str) -> list[Employment]:
        k = self._org_pos.get(org_id)
        if k is None:
            return []
        ix = self.index
        return self._jobs(ix.jobs_by_org[ix.org_ptr[k]:ix.org_ptr[k + 1]])

    def employment_of(self, person_id: str) -> list[Employment]:
        jobs = self._jobs_of.get(person_id)
        if jobs is None:
            i = self._id.get(person_id)
            if i is None:
                return []
            ix = self.index
            jobs = jobs_in_order(self._jobs(ix.jobs_by_person[ix.person_job_ptr[i]:
                                                              ix.person_job_ptr[i + 1]]))
            self._jobs_of[person_id] = jobs
        return list(jobs)

    def _group_ids(self, i: int) -> NDArray[np.int32]:
        ix = self.index
        rows = ix.groups_by_person[ix.person_group_ptr[i]:ix.person_group_ptr[i + 1]]
        return self.cols.member_group[rows]

    def groups_of(self, person_id: str) -> list[str]:
        i = self._id.get(person_id)
        if i is None:
            return []
        return [self.cols.group_names[g] for g in self._group_ids(i)]

    def members(self, group: str) -> list[str]:
        names = self.cols.group_names
        k = bisect_left(names, group)
        if k >= len(names) or names[k] != group:
            return []
        ix = self.index
        rows = ix.members_by_group[ix.group_ptr[k]:ix.group_ptr[k + 1]]
        return [self.cols.person_ids[p] for p in self.cols.member_person[rows]]

    def neighbors(self, person_id: str) -> list[str]:
        i = self._id.get(person_id)
        if i is None:
            return []
        ix = self.index
        ids = self.cols.person_ids
        return [ids[j] for j in ix.neighbor[ix.indptr[i]:ix.indptr[i + 1]]]

    # -- ties --------------------------------------------------------------------------

    def _view(self, t: int) -> TieView:
        view = self._views.get(t)
        if view is not None:
            return view
        c = self.cols
        a, b = int(c.tie_a[t]), int(c.tie_b[t])
        explicit = float(c.tie_strength[t])
        tie = Tie(c.person_ids[a], c.person_ids[b], None if explicit != explicit else explicit,
                  c.stage_names[c.tie_stage[t]], from_ordinal(int(c.tie_last[t])),
                  int(c.tie_interactions[t]), c.source_names[c.tie_source[t]],
                  c.tie_notes.get(t, ""), c.tie_extra.get(t, ()))
        shared = (tuple(sorted(set(self.groups_of(tie.person_a))
                               & set(self.groups_of(tie.person_b))))
                  if self.index.shared[t] else ())
        scored = self.model.score(tie, self.as_of, shared)
        view = self._views[t] = TieView(tie, float(self.strength[t]), scored.evidence)
        return view

    def _tie_index(self, i: int, j: int) -> int:
        ix = self.index
        lo, hi = int(ix.indptr[i]), int(ix.indptr[i + 1])
        k = lo + int(np.searchsorted(ix.neighbor[lo:hi], j))
        if k >= hi or ix.neighbor[k] != j:
            raise KeyError((self.cols.person_ids[i], self.cols.person_ids[j]))
        return int(ix.edge_tie[k])

    def tie(self, a: str, b: str) -> TieView:
        view = self._pairs.get((a, b))
        if view is None:
            view = self._pairs[(a, b)] = self._view(self._tie_index(self._id[a], self._id[b]))
        return view

    def _tie_order(self, ties: NDArray[np.int64]) -> NDArray[np.int64]:
        """``ties`` sorted by key (the smaller person index first: index order is id order)."""
        a, b = self.cols.tie_a[ties], self.cols.tie_b[ties]
        return ties[np.lexsort((np.maximum(a, b), np.minimum(a, b)))]

    def ties(self) -> list[TieView]:
        everything = np.arange(len(self.cols.tie_a), dtype=np.int64)
        return [self._view(int(t)) for t in self._tie_order(everything)]

    def ego_ties(self, center: str, radius: int) -> list[TieView]:
        i = self._id.get(center)
        if i is None:
            return []
        ix = self.index
        nodes = self._ego_nodes(i, radius)
        owner, dst, positions = self._expand(nodes)
        owner = nodes[owner]
        keep = (owner < dst) & in_sorted(dst, nodes)
        ties = ix.edge_tie[positions[keep]].astype(np.int64)
        return [self._view(int(t)) for t in self._tie_order(ties)]

    def _ego_nodes(self, i: int, radius: int) -> Ints:
        """Everyone within ``radius`` hops of person ``i`` (``i`` included), sorted."""
        nodes = np.array([i], dtype=np.int64)
        frontier = nodes
        for _ in range(radius):
            step = unique_sorted(self._expand(frontier)[1])
            frontier = step[~in_sorted(step, nodes)]
            if not len(frontier):
                break
            nodes = np.sort(np.concatenate([nodes, frontier]))
        return nodes

    def ego_neighbors(self, center: str, radius: int) -> dict[str, list[str]]:
        """:class:`~graphkit.store.base.EgoNeighbors`: the ego network's adjacency from the
        CSR arrays alone (no tie column is read)."""
        i = self._id.get(center)
        if i is None:
            return {}
        nodes = self._ego_nodes(i, radius)
        owner, dst, _ = self._expand(nodes)
        keep = in_sorted(dst, nodes)
        ids = self.cols.person_ids
        out: dict[str, list[str]] = {}
        for u, v in zip(nodes[owner[keep]].tolist(), dst[keep].tolist(), strict=True):
            out.setdefault(ids[u], []).append(ids[v])
        return out

    def targets(self) -> list[Target]:
        return list(self.cols.targets)

    def introductions(self) -> list[Introduction]:
        return list(self.cols.introductions)

    # -- best paths --------------------------------------------------------------------

    def _edge_positions(self, nodes: NDArray[np.int64]) -> NDArray[np.int64]:
        """Positions in the CSR arrays of every edge leaving ``nodes``, row by row."""
        ix = self.index
        starts = ix.indptr[nodes]
        counts = ix.indptr[nodes + 1] - starts
        total = int(counts.sum())
        return np.arange(total, dtype=np.int64) + np.repeat(starts - (np.cumsum(counts)
                                                                      - counts), counts)

    def _expand(self, nodes: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64],
                                                          NDArray[np.int64]]:
        """(row of the source in ``nodes``, neighbor, edge position) for every edge."""
        ix = self.index
        positions = self._edge_positions(nodes)
        counts = ix.indptr[nodes + 1] - ix.indptr[nodes]
        rows = np.repeat(np.arange(len(nodes), dtype=np.int64), counts)
        return rows, ix.neighbor[positions].astype(np.int64), positions

    def best_paths(self, source: str, targets: Sequence[str] | None,
                   max_hops: int) -> dict[str, BestPath]:
        """Hop-limited best paths by dynamic programming over hop layers, vectorized.

        The recurrence of the networkx store: layer h extends only the paths that improved in
        layer h-1, a candidate replaces a node's best path only if it scores strictly higher
        (fewer hops win ties), and among candidates of one layer the higher score wins, then
        the alphabetically smaller path, known from the lexicographic rank of the paths of the
        previous layer. Cost: O(E log E) for the E edges leaving the nodes improved in fewer
        than ``max_hops`` hops; the last layer steps only onto targets (from the targets' side
        when their degrees sum to less).
        """
        if max_hops < 1:
            raise GraphkitError(f"max hops must be at least 1, not {max_hops}")
        s = self._id.get(source)
        if s is None:
            return {}
        if targets is None:
            wanted = None
        else:
            wanted = unique_sorted(np.fromiter((self._id[t] for t in targets if t in self._id),
                                         dtype=np.int64))
            wanted = wanted[wanted != s]
            if not len(wanted):
                return {}
        layers, _, reached, reached_score, reached_layer = self._search(s, wanted, max_hops)
        return self._paths_to(layers, reached, reached_score, reached_layer, wanted, s)

    def _search(self, s: int, wanted: Ints | None, max_hops: int) -> tuple[
            list[tuple[Ints, NDArray[np.int64]]], list[Ints], Ints, NDArray[np.float64], Ints]:
        """The layers of :meth:`best_paths` from person ``s``: per layer its improved nodes
        (sorted) with their paths, and the lexicographic rank of each path in its layer; then
        every node reached, its best score and the layer that holds its best path."""
        ix = self.index
        # Layer h: the nodes improved there (sorted), their paths (rows of node indices from
        # the source), scores, and the lexicographic rank of each path within the layer.
        # Every layer but the last depends on the source alone: kept from the previous
        # search from the same person with the same hop limit (path-to asks twice per
        # organization out of reach). A search that ended early keeps nothing.
        kept = self._prefix.get((s, max_hops - 1))
        if kept is not None:
            nodes, paths, scores, ranks, layers, layer_ranks, reached, reached_score, \
                reached_layer = kept
            layers, layer_ranks = list(layers), list(layer_ranks)
            start = max_hops
        else:
            nodes = np.array([s], dtype=np.int64)
            paths = nodes.reshape(1, 1)
            scores = np.ones(1)
            ranks = np.zeros(1, dtype=np.int64)
            layers = [(nodes, paths)]
            layer_ranks = [ranks]
            reached, reached_score = nodes, scores
            reached_layer = np.zeros(1, dtype=np.int64)
            start = 1
        for layer in range(start, max_hops + 1):
            if layer == max_hops:
                self._keep_prefix(s, max_hops - 1, (nodes, paths, scores, ranks, list(layers),
                                                    list(layer_ranks), reached, reached_score,
                                                    reached_layer))
            last = layer == max_hops
            if last and wanted is not None and (
                    int((ix.indptr[wanted + 1] - ix.indptr[wanted]).sum())
                    < int((ix.indptr[nodes + 1] - ix.indptr[nodes]).sum())):
                tgt, via, positions = self._expand(wanted)
                row = np.searchsorted(nodes, via)
                ok = (row < len(nodes)) & (nodes[np.minimum(row, len(nodes) - 1)] == via)
                row, v, positions = row[ok], wanted[tgt[ok]], positions[ok]
            else:
                row, v, positions = self._expand(nodes)
                if last and wanted is not None:
                    ok = in_sorted(v, wanted)
                    row, v, positions = row[ok], v[ok], positions[ok]
            ok = np.ones(len(v), dtype=bool)
            for k in range(paths.shape[1]):  # no cycles: v is not on the path to u
                ok &= paths[row, k] != v
            row, v = row[ok], v[ok]
            # The strength of each edge through its tie: no per-edge copy of the strengths
            # (13.5 million floats at a million people) is built for a query that reads few.
            cand = scores[row] * self.strength[self.index.edge_tie[positions[ok]]]
            pos = np.searchsorted(reached, v)
            pos_c = np.minimum(pos, len(reached) - 1)
            found = reached[pos_c] == v
            better = ~found | (cand > np.where(found, reached_score[pos_c], 0.0))
            row, v, cand = row[better], v[better], cand[better]
            if not len(v):
                break
            order = np.lexsort((ranks[row], -cand, v))
            first = np.ones(len(order), dtype=bool)
            first[1:] = v[order][1:] != v[order][:-1]
            pick = order[first]
            row = row[pick]
            nodes, scores = v[pick], cand[pick]
            paths = np.concatenate([paths[row], nodes[:, None]], axis=1)
            previous = ranks[row]
            ranks = np.empty(len(nodes), dtype=np.int64)
            ranks[np.lexsort((nodes, previous))] = np.arange(len(nodes))
            layers.append((nodes, paths))
            layer_ranks.append(ranks)
            reached, reached_score, reached_layer = _merge(
                reached, reached_score, reached_layer, nodes, scores, layer)
        return layers, layer_ranks, reached, reached_score, reached_layer

    def _keep_prefix(self, s: int, layers: int, state: tuple[Any, ...]) -> None:
        """Keep the state of a search from ``s`` after ``layers`` layers (the few latest: at
        three hops from a well-connected person it holds a quarter of a million paths)."""
        if layers < 1 or (s, layers) in self._prefix:
            return
        if len(self._prefix) >= PREFIXES_KEPT:
            del self._prefix[next(iter(self._prefix))]
        self._prefix[(s, layers)] = state

    def best_paths_by_org(self, source: str, max_hops: int) -> dict[str, BestPath]:
        """For each organization, the best of my best paths to its current employees (the
        source excepted): the one :meth:`BestPath.sort_key` puts first. Organizations out of
        reach are absent.

        One search to everyone within ``max_hops`` (as ``best_paths(source, None, max_hops)``)
        and one vectorized pass over the current jobs of the people reached: a path record is
        built per organization, not per person reached.
        """
        if max_hops < 1:
            raise GraphkitError(f"max hops must be at least 1, not {max_hops}")
        s = self._id.get(source)
        if s is None:
            return {}
        layers, layer_ranks, reached, score, layer = self._search(s, None, max_hops)
        keep = reached != s
        reached, score, layer = reached[keep], score[keep], layer[keep]
        rank = np.zeros(len(reached), dtype=np.int64)
        row = np.zeros(len(reached), dtype=np.int64)
        for h, (nodes, _) in enumerate(layers):
            here = np.flatnonzero(layer == h)
            at = np.searchsorted(nodes, reached[here])
            row[here], rank[here] = at, layer_ranks[h][at]
        ix, c = self.index, self.cols
        starts = ix.person_job_ptr[reached]
        counts = ix.person_job_ptr[reached + 1] - starts
        positions = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(
            starts - (np.cumsum(counts) - counts), counts)
        owner = np.repeat(np.arange(len(reached), dtype=np.int64), counts)
        jobs = ix.jobs_by_person[positions]
        current = c.job_end[jobs] == 0
        owner, org = owner[current], c.job_org[jobs[current]].astype(np.int64)
        # Per organization: higher score, then fewer hops, then the alphabetically first path.
        order = np.lexsort((rank[owner], layer[owner], -score[owner], org))
        first = np.ones(len(order), dtype=bool)
        first[1:] = org[order][1:] != org[order][:-1]
        pick = order[first]
        ids, org_ids = c.person_ids, c.org_ids
        out: dict[str, BestPath] = {}
        for k, p in zip(org[pick].tolist(), owner[pick].tolist(), strict=True):
            path = layers[int(layer[p])][1][row[p]]
            out[org_ids[k]] = BestPath(tuple(ids[q] for q in path.tolist()), float(score[p]))
        return out

    def _paths_to(self, layers: list[tuple[Ints, NDArray[np.int64]]], reached: Ints,
                  reached_score: NDArray[np.float64], reached_layer: Ints,
                  wanted: Ints | None, source: int) -> dict[str, BestPath]:
        keep = reached != source
        if wanted is not None:
            keep &= in_sorted(reached, wanted)
        ids = self.cols.person_ids
        out: dict[str, BestPath] = {}
        for node, score, layer in zip(reached[keep].tolist(), reached_score[keep].tolist(),
                                      reached_layer[keep].tolist(), strict=True):
            nodes, paths = layers[layer]
            row = int(np.searchsorted(nodes, node))
            out[ids[node]] = BestPath(tuple(ids[p] for p in paths[row].tolist()), score)
        return out


def _merge(reached: Ints, score: NDArray[np.float64], layer: Ints, nodes: Ints,
           new_score: NDArray[np.float64], h: int) -> tuple[Ints, NDArray[np.float64], Ints]:
    """The reached set with ``nodes`` (improved at layer ``h``) added or updated."""
    old = ~in_sorted(reached, nodes)
    all_nodes = np.concatenate([reached[old], nodes])
    order = np.argsort(all_nodes, kind="stable")
    return (all_nodes[order], np.concatenate([score[old], new_score])[order],
            np.concatenate([layer[old], np.full(len(nodes), h, dtype=np.int64)])[order])
