"""``circles``: the communities of my network, found one way for every answer.

Circles are Louvain communities (networkx ``louvain_communities``) weighted by tie strength,
found with one fixed seed, so the same network always gives the same circles, and the circles
``weak-ties`` names are the ones ``plot`` colours.
"""

from __future__ import annotations

from collections.abc import Hashable

import networkx as nx

#: Seed of the community detection, so that the same network always gives the same circles.
SEED = 2026


def circles(graph: nx.Graph, leave_out: Hashable | None = None,
            weight: str = "strength") -> list[list[str]]:
    """The circles of ``graph`` (without ``leave_out``, usually me): Louvain communities,
    seeded with :data:`SEED`.

    Parameters
    ----------
    graph : an undirected graph of people (ids) and ties.
    leave_out : a node to remove first (me: I am in every circle of my own network).
    weight : the edge attribute holding the tie strength.

    Returns
    -------
    list of circles, each a sorted list of ids; largest first, then by first id.

    Examples
    --------
    >>> g = nx.Graph([("me", "a"), ("a", "b"), ("me", "c"), ("c", "d")])
    >>> circles(g, leave_out="me")
    [['a', 'b'], ['c', 'd']]
    """
    others = graph.copy()
    if leave_out is not None and leave_out in others:
        others.remove_node(leave_out)
    found = nx.community.louvain_communities(others, weight=weight, seed=SEED) \
        if others.number_of_nodes() else []
    return sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
