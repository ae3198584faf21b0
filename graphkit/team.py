"""A job search work team in one network: its members, each one's point of view, and a
member's consent to leave.

The network's owner (``me``) is always on the team; ``graphkit team add`` flags other people
(people.csv column ``team``). Each member has their own target list (targets.csv column
``member``; rows without one are the owner's), and sees the pooled network from their own
place: :class:`PointOfView` is a store whose ``me()`` is the member and whose ``targets()`` are
the member's own. Which targets a member may see of the others' is decided in one place,
:func:`graphkit.model.visible_targets`.

:func:`remove_member` takes a member off the team and removes everything that came only from
their exports (the ``imported_from`` column every import writes), leaving a valid network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from graphkit.analysis.board import TeamBoard, team_board
from graphkit.errors import GraphkitError
from graphkit.model import (
    PROVENANCE_COLUMN,
    TEAM_COLUMN,
    Employment,
    Introduction,
    Network,
    Organization,
    Person,
    Target,
    extra_value,
    provenance,
    targets_of,
    visible_targets,
    with_extra,
    with_provenance,
)
from graphkit.orgs import OrgIndex
from graphkit.record import resolve_person
from graphkit.store.base import BestPath, GraphStore, TieView, ego_neighbors

#: The value of people.csv's ``team`` column for a team member.
MEMBER = "member"


def is_member(person: Person) -> bool:
    """True for a person flagged as a team member (the owner is on the team without a flag)."""
    return extra_value(person.extra, TEAM_COLUMN).strip().lower() == MEMBER


def team_of(people: Iterable[Person], me: str) -> list[Person]:
    """The team: the owner first, then the flagged members by name.

    >>> from graphkit.model import Person
    >>> team = team_of([Person("me", "Dana"), Person("p-b", "Bo", extra=(("team", "member"),)),
    ...                 Person("p-c", "Cy")], "me")
    >>> [p.id for p in team]
    ['me', 'p-b']
    """
    people = list(people)
    owner = [p for p in people if p.id == me]
    others = sorted((p for p in people if p.id != me and is_member(p)),
                    key=lambda p: (p.name.casefold(), p.id))
    return owner + others


def resolve_member(people: Iterable[Person], me: str, text: str) -> Person:
    """The team member ``text`` names (an id, name, email or LinkedIn URL).

    Raises
    ------
    GraphkitError
        when ``text`` names nobody on the team (the members are listed).
    """
    team = team_of(people, me)
    roster = Network(me, {p.id: p for p in team})
    try:
        return resolve_person(roster, text, "member")
    except GraphkitError:
        names = ", ".join(f"{p.name} ({p.id})" for p in team)
        raise GraphkitError(f'"{text}" is not on the team ({names}); add them with '
                            "`graphkit team add PERSON`") from None


# --- each member's point of view --------------------------------------------------------------


class PointOfView:
    """The pooled network as ``member`` sees it: :meth:`me` is the member, :meth:`targets`
    their own target list; every other question goes to ``store`` unchanged.

    Every analysis, the report and the plot ask ``store.me()`` and ``store.targets()``, so
    wrapping a store is all ``--as MEMBER`` needs, on every backend.
    """

    def __init__(self, store: GraphStore, member: str) -> None:
        self.store = store
        self.owner = store.me().id
        self.member = store.person(member)
        self.as_of = store.as_of

    def me(self) -> Person:
        return self.member

    def targets(self) -> list[Target]:
        return targets_of(self.store.targets(), self.member.id, self.owner)

    def person(self, person_id: str) -> Person:
        return self.store.person(person_id)

    def people(self) -> list[Person]:
        return self.store.people()

    def organizations(self) -> list[Organization]:
        return self.store.organizations()

    def organization(self, name: str) -> Organization:
        return self.store.organization(name)

    def employment_at(self, org_id: str) -> list[Employment]:
        return self.store.employment_at(org_id)

    def employment_of(self, person_id: str) -> list[Employment]:
        return self.store.employment_of(person_id)

    def groups_of(self, person_id: str) -> list[str]:
        return self.store.groups_of(person_id)

    def members(self, group: str) -> list[str]:
        return self.store.members(group)

    def neighbors(self, person_id: str) -> list[str]:
        return self.store.neighbors(person_id)

    def tie(self, a: str, b: str) -> TieView:
        return self.store.tie(a, b)

    def ties(self) -> list[TieView]:
        return self.store.ties()

    def best_paths(self, source: str, targets: Sequence[str] | None,
                   max_hops: int) -> dict[str, BestPath]:
        return self.store.best_paths(source, targets, max_hops)

    def ego_ties(self, center: str, radius: int) -> list[TieView]:
        return self.store.ego_ties(center, radius)

    def ego_neighbors(self, center: str, radius: int) -> dict[str, list[str]]:
        return ego_neighbors(self.store, center, radius)

    def introductions(self) -> list[Introduction]:
        return self.store.introductions()


def point_of_view(store: GraphStore, member: str | None = None) -> PointOfView:
    """``store`` as ``member`` (a name or id of a team member; None: the owner) sees it.

    Without ``member`` the view still matters: the owner's analyses read the owner's target
    list only, never a teammate's (private or not).

    Raises
    ------
    GraphkitError
        when ``member`` names nobody on the team.
    """
    if member is None:
        return PointOfView(store, store.me().id)
    return PointOfView(store, resolve_member(store.people(), store.me().id, member).id)


# --- the roster -------------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamChange:
    """What :func:`add_member` did."""

    person: Person
    added: bool

    @property
    def message(self) -> str:
        if not self.added:
            return f"{self.person.name} ({self.person.id}) is already on the team"
        return (f"{self.person.name} ({self.person.id}) is on the team; their targets: "
                f'graphkit --as "{self.person.name}" target add ORGANIZATION [--private]')


def add_member(network: Network, text: str) -> TeamChange:
    """Flag the person ``text`` names as a team member.

    Examples
    --------
    >>> net = Network("me", {"me": Person("me", "Dana"), "p-bo": Person("p-bo", "Bo Chen")})
    >>> add_member(net, "Bo Chen").added, [p.id for p in team_of(net.people.values(), "me")]
    (True, ['me', 'p-bo'])
    """
    person = resolve_person(network, text)
    if person.id == network.me or is_member(person):
        return TeamChange(person, False)
    network.people[person.id] = replace(person, extra=with_extra(person.extra, TEAM_COLUMN,
                                                                 MEMBER))
    return TeamChange(network.people[person.id], True)


@dataclass(frozen=True)
class Member:
    """One line of ``team list``: a member, how many targets, how many rows their exports
    brought (shared with others or theirs alone)."""

    person: Person
    owner: bool
    targets: int
    private_targets: int
    rows: int
    rows_only_theirs: int


def team_list(network: Network) -> list[Member]:
    """The team with each member's targets and the rows that came from their exports."""
    out = []
    for person in team_of(network.people.values(), network.me):
        mine = targets_of(network.targets, person.id, network.me)
        rows = [provenance(r.extra) for r in _records(network)]
        out.append(Member(person, person.id == network.me, len(mine),
                          sum(t.private for t in mine),
                          sum(person.id in p for p in rows),
                          sum(p == (person.id,) for p in rows)))
    return out


def _records(network: Network) -> list[Any]:
    return [*network.people.values(), *network.organizations.values(), *network.employment,
            *network.ties, *network.memberships]


@dataclass(frozen=True)
class Removed:
    """What :func:`remove_member` did: rows removed per file, and rows kept although only the
    member's exports had them (because something of yours refers to them)."""

    person: Person
    people: int
    organizations: int
    jobs: int
    ties: int
    memberships: int
    targets: int
    kept_people: tuple[Person, ...]

    @property
    def message(self) -> str:
        parts = [f"{n} {what}" for n, what in (
            (self.people, "people"), (self.organizations, "organizations"), (self.jobs, "jobs"),
            (self.ties, "ties"), (self.memberships, "group memberships"),
            (self.targets, "targets")) if n]
        text = (f"{self.person.name} ({self.person.id}) is off the team; removed what came "
                f"only from their exports: {', '.join(parts) if parts else 'nothing'}")
        if self.kept_people:
            names = ", ".join(p.name for p in self.kept_people[:5])
            more = f" and {len(self.kept_people) - 5} more" if len(self.kept_people) > 5 else ""
            text += (f"; kept {len(self.kept_people)} of their contacts you have since "
                     f"recorded something with ({names}{more}), without their export's jobs")
        return text + f". {self.person.name} stays in people.csv as your contact."


def remove_member(network: Network, text: str) -> Removed:
    """Take a member off the team and remove everything that came only from their exports.

    A row whose ``imported_from`` names only this member goes: people, organizations, jobs,
    ties and group memberships their exports brought and nobody else's did, and their target
    list. A row other exports also brought stays, with the member's name taken out of its
    provenance; a row without provenance (yours) always stays. A person only their export
    brought, but whom one of your own rows refers to (a tie you logged, an introduction), stays
    as your contact; the result is always a valid network (no row refers to a removed row).

    Raises
    ------
    GraphkitError
        when ``text`` names the owner, or nobody on the team.

    Examples
    --------
    >>> from graphkit.model import Tie
    >>> net = Network("me", {"me": Person("me", "Dana"),
    ...     "p-bo": Person("p-bo", "Bo", extra=(("team", "member"),)),
    ...     "p-cy": Person("p-cy", "Cy", extra=(("imported_from", "p-bo"),))},
    ...     ties=[Tie("me", "p-bo"), Tie("p-bo", "p-cy", extra=(("imported_from", "p-bo"),))])
    >>> print(remove_member(net, "Bo").message)
    Bo (p-bo) is off the team; removed what came only from their exports: 1 people, 1 ties. Bo ...
    >>> sorted(net.people), [t.key for t in net.ties]
    (['me', 'p-bo'], [('me', 'p-bo')])
    """
    member = resolve_member(network.people.values(), network.me, text)
    if member.id == network.me:
        raise GraphkitError(f"{member.name} ({member.id}) owns this network and cannot leave "
                            "its team; remove a teammate instead")
    mid = member.id

    def only(extra: tuple[tuple[str, str], ...]) -> bool:
        return provenance(extra) == (mid,)

    def without(extra: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
        found = provenance(extra)
        if mid not in found:
            return extra
        return with_provenance(extra, [p for p in found if p != mid])

    ties = [t for t in network.ties if not only(t.extra)]
    jobs = [j for j in network.employment if not only(j.extra)]
    memberships = [m for m in network.memberships if not only(m.extra)]
    referred = ({p for t in ties for p in t.key} | {j.person_id for j in jobs}
                | {m.person_id for m in memberships}
                | {p for i in network.introductions
                   for p in (i.introducer_id, i.person_id, i.introduced_to_id)}
                | {network.me, mid})
    gone = {pid for pid, p in network.people.items() if only(p.extra) and pid not in referred}
    kept = tuple(p for pid, p in network.people.items() if only(p.extra) and pid in referred)
    # Targets first, by organization: a target of someone else keeps its organization.
    targets = [t for t in network.targets if t.member != mid]
    index = OrgIndex(network.organizations.values())
    targeted = {o.id for t in targets if (o := index.find(t.organization)) is not None}
    employed = {j.org_id for j in jobs}
    orgs_gone = {oid for oid, o in network.organizations.items()
                 if only(o.extra) and oid not in employed and oid not in targeted}

    removed = Removed(member, len(gone), len(orgs_gone), len(network.employment) - len(jobs),
                      len(network.ties) - len(ties),
                      len(network.memberships) - len(memberships),
                      len(network.targets) - len(targets), kept)
    network.people = {pid: replace(p, extra=without(p.extra))
                      for pid, p in network.people.items() if pid not in gone}
    person = network.people[mid]
    network.people[mid] = replace(person, extra=with_extra(person.extra, TEAM_COLUMN, ""))
    network.organizations = {oid: replace(o, extra=without(o.extra))
                             for oid, o in network.organizations.items() if oid not in orgs_gone}
    network.employment = [replace(j, extra=without(j.extra)) for j in jobs]
    network.ties = [replace(t, extra=without(t.extra)) for t in ties]
    network.memberships = [replace(m, extra=without(m.extra)) for m in memberships]
    network.targets = targets
    return removed


def rows_from(network: Network, member: str) -> int:
    """How many rows of the network name ``member`` in their provenance (0 after removal)."""
    return sum(member in provenance(r.extra) for r in _records(network))


__all__ = ["MEMBER", "PROVENANCE_COLUMN", "Member", "PointOfView", "Removed", "TeamChange",
           "add_member", "board", "is_member", "point_of_view", "remove_member", "resolve_member",
           "rows_from", "team_list", "team_of"]


def board(view: PointOfView, max_hops: int = 2) -> TeamBoard:
    """The team's board as ``view``'s member may see it: every member's targets but the
    others' private ones (:func:`~graphkit.model.visible_targets`), the doors, the asks.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.workspace.locate import sample_folder
    >>> from graphkit.workspace import open_store
    >>> store = open_store(sample_folder(), as_of=date(2026, 11, 22))
    >>> [m.name for m in board(point_of_view(store)).team]
    ['Dana Whitfield', 'Marcus Bell', 'Priya Raman']
    """
    raw = view.store
    team = team_of(raw.people(), view.owner)
    targets = visible_targets(raw.targets(), view.member.id, view.owner)
    return team_board(raw, team, targets, view.member, max_hops)
