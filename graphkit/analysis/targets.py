"""The target list resolved to organizations: the one place a target's name becomes an
organization, for every analysis, the report and the plot."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graphkit.errors import UnknownOrganization
from graphkit.model import Organization, Target, targets_of
from graphkit.store.base import GraphStore


@dataclass(frozen=True)
class ListedTarget:
    """A target that names an organization, with its priority and the text it was listed as."""

    organization: Organization
    priority: int | None
    listed_as: str


@dataclass(frozen=True)
class UnmatchedTarget:
    """A line of the target list that names no organization, and the closest names."""

    target: Target
    suggestions: tuple[str, ...]


@dataclass(frozen=True)
class TargetList:
    """The resolved target list: each organization once, in list order."""

    listed: tuple[ListedTarget, ...]
    unmatched: tuple[UnmatchedTarget, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def organizations(self) -> tuple[Organization, ...]:
        return tuple(t.organization for t in self.listed)

    @property
    def ids(self) -> frozenset[str]:
        """The ids of the target organizations."""
        return frozenset(t.organization.id for t in self.listed)


def resolve_targets(store: GraphStore, names: Sequence[str] | None = None,
                    all_organizations: bool = False) -> TargetList:
    """Resolve the network's target list (or ``names``) to organizations.

    Each organization is listed once, with the first priority it was given; a name that
    matches nothing is returned in ``unmatched`` with the closest names, never guessed.

    Parameters
    ----------
    store : the network.
    names : organization names or ids to use instead of the target list.
    all_organizations : every organization of the network, sorted by id, instead.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Network, Organization, Person, Target
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {"me": Person("me", "Me")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               targets=[Target("ACME"), Target("Acme Corp"), Target("Nowhere")])
    >>> found = resolve_targets(MemoryStore(net, date(2026, 1, 1)))
    >>> [t.organization.id for t in found.listed], [u.target.organization for u in found.unmatched]
    (['acme'], ['Nowhere'])
    """
    if all_organizations:
        return TargetList(tuple(ListedTarget(org, None, "") for org in store.organizations()))
    me = store.me().id
    # Only my own list: a teammate's targets (rows with another member) are never mine.
    targets = (targets_of(store.targets(), me, me) if names is None
               else [Target(name) for name in names])
    chosen: dict[str, ListedTarget] = {}
    unmatched: list[UnmatchedTarget] = []
    notes: list[str] = []
    for target in targets:
        try:
            org = store.organization(target.organization)
        except UnknownOrganization as exc:
            unmatched.append(UnmatchedTarget(target, tuple(exc.suggestions)))
            continue
        if org.id in chosen:
            first = chosen[org.id]
            if names is None:
                notes.append(f'targets.csv lists {org.name} twice ("{first.listed_as}" and '
                             f'"{target.organization}"); counted once, with the first priority')
            continue
        chosen[org.id] = ListedTarget(org, target.priority, target.organization)
    return TargetList(tuple(chosen.values()), tuple(unmatched), tuple(notes))
