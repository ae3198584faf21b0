"""``team_board``: the work team's weekly board of introductions.

For each member and each of their targets: which teammates hold the best door in (and through
whom), ranked; who on the team can help whom this week; the targets nobody on the team can
reach; and members competing for the same role at the same organization.

The caller decides which targets go on the board (:func:`graphkit.model.visible_targets`: a
private target is given only to its own member's board).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from graphkit.errors import UnknownOrganization
from graphkit.model import Organization, Person, Target
from graphkit.store.base import GraphStore, check_max_hops


@dataclass(frozen=True)
class Door:
    """A teammate's best way into an organization: ask ``via`` (a contact of the teammate's),
    who leads to ``person`` there. On a path of one tie, ``via`` is ``person``; a teammate who
    works there is their own door (``via`` and ``person`` are the teammate)."""

    teammate: Person
    via: Person
    person: Person
    score: float
    hops: int


@dataclass(frozen=True)
class BoardTarget:
    """One target of one member, with the team's doors into it, best first."""

    member: Person
    organization: Organization
    priority: int | None
    role: str
    private: bool
    doors: tuple[Door, ...]

    @property
    def own(self) -> Door | None:
        """The member's own best door, if they have one."""
        return next((d for d in self.doors if d.teammate.id == self.member.id), None)

    @property
    def best(self) -> Door | None:
        return self.doors[0] if self.doors else None


@dataclass(frozen=True)
class Help:
    """This week's ask: ``helper`` opens a door for ``member`` that beats the member's own."""

    helper: Person
    member: Person
    target: BoardTarget
    door: Door


@dataclass(frozen=True)
class Competition:
    """Two members after the same kind of role at the same organization."""

    organization: Organization
    roles: tuple[str, str]
    members: tuple[Person, Person]


@dataclass(frozen=True)
class TeamBoard:
    """The board: every member's targets (as the viewer may see them), the asks, the gaps."""

    viewer: Person
    as_of_date: str
    max_hops: int
    team: tuple[Person, ...]
    targets: tuple[BoardTarget, ...]
    helps: tuple[Help, ...]
    competitions: tuple[Competition, ...]
    unmatched: tuple[tuple[Person, str], ...]

    @property
    def unreachable(self) -> tuple[BoardTarget, ...]:
        """Targets nobody on the team can reach within ``max_hops``."""
        return tuple(t for t in self.targets if not t.doors)


def same_role(a: str, b: str) -> bool:
    """True when two role texts name the same kind of role (case, spacing and punctuation
    aside), or either is not given (then the members may well compete).

    >>> same_role("Financial Analyst", "financial  analyst"), same_role("CFO", "Data Analyst")
    (True, False)
    >>> same_role("", "Controller")
    True
    """
    def key(text: str) -> str:
        return " ".join("".join(c if c.isalnum() else " " for c in text.casefold()).split())

    return not key(a) or not key(b) or key(a) == key(b)


def team_board(store: GraphStore, team: Sequence[Person], targets: Sequence[Target],
               viewer: Person, max_hops: int = 2) -> TeamBoard:
    """The board for ``team`` over ``targets`` (each naming its member, "" for the owner).

    For every target and every teammate, the best path from the teammate to someone working
    there now (:meth:`GraphStore.best_paths`); doors are ranked best score first. A best path
    whose first step is another member is left out: that member's own door is on the board.
    Cost: one hop-limited search per teammate and target organization.

    Parameters
    ----------
    store : the pooled network; ``store.me()`` is the owner (rows without a member).
    team : the members, the owner included.
    targets : the targets to show (already limited to what ``viewer`` may see).
    viewer : whose board it is (for the record; the caller chose the targets).
    max_hops : the longest path from a teammate (1 = people they know there).

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Employment, Network, Organization, Person, Target, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> people = {p: Person(p, p.title()) for p in ("me", "bo", "cy", "di")}
    >>> net = Network("me", people, {"acme": Organization("acme", "Acme")},
    ...               [Employment("di", "acme")], [Tie("bo", "cy", 0.5), Tie("cy", "di", 0.5)],
    ...               targets=[Target("Acme")])
    >>> board = team_board(MemoryStore(net, date(2026, 1, 1)), [people["me"], people["bo"]],
    ...                    net.targets, people["me"])
    >>> [(h.helper.name, h.door.via.name, h.door.person.name) for h in board.helps]
    [('Bo', 'Cy', 'Di')]
    """
    check_max_hops(max_hops)
    owner = store.me().id
    by_id = {p.id: p for p in team}
    staff_cache: dict[str, list[str]] = {}
    doors_cache: dict[str, tuple[Door, ...]] = {}
    rows: list[BoardTarget] = []
    unmatched: list[tuple[Person, str]] = []
    seen: set[tuple[str, str]] = set()
    for target in targets:
        member = by_id.get(target.owner(owner))
        if member is None:
            continue  # a list of someone no longer on the team
        try:
            org = store.organization(target.organization)
        except UnknownOrganization:
            unmatched.append((member, target.organization))
            continue
        if (member.id, org.id) in seen:
            continue
        seen.add((member.id, org.id))
        if org.id not in doors_cache:
            staff = staff_cache.setdefault(org.id, sorted(
                {j.person_id for j in store.employment_at(org.id) if j.current}))
            doors_cache[org.id] = _doors(store, team, staff, max_hops)
        rows.append(BoardTarget(member, org, target.priority, target.role, target.private,
                                doors_cache[org.id]))
    helps = []
    for row in rows:
        own = row.own
        for door in row.doors:
            if door.teammate.id == row.member.id:
                continue
            if own is None or door.score > own.score:
                helps.append(Help(door.teammate, row.member, row, door))
                break  # the best helper for this target; the others are on the board
    helps.sort(key=lambda h: (-h.door.score, h.target.priority or 99, h.member.name,
                              h.target.organization.name))
    return TeamBoard(viewer, store.as_of.isoformat(), max_hops, tuple(team), tuple(rows),
                     tuple(helps), _competitions(rows), tuple(unmatched))


def _doors(store: GraphStore, team: Sequence[Person], staff: list[str],
           max_hops: int) -> tuple[Door, ...]:
    doors = []
    ids = {p.id for p in team}
    for mate in team:
        if mate.id in staff:
            doors.append(Door(mate, mate, mate, 1.0, 0))
            continue
        found = store.best_paths(mate.id, staff, max_hops) if staff else {}
        if not found:
            continue
        best = min(found.values(), key=lambda b: b.sort_key())
        if best.hops > 1 and best.people[1] in ids:
            continue  # through another member: that member's own door is on the board
        doors.append(Door(mate, store.person(best.people[1]), store.person(best.people[-1]),
                          best.score, best.hops))
    doors.sort(key=lambda d: (-d.score, d.hops, d.teammate.name, d.teammate.id))
    return tuple(doors)


def _competitions(rows: list[BoardTarget]) -> tuple[Competition, ...]:
    out = []
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if (a.organization.id == b.organization.id and a.member.id != b.member.id
                    and same_role(a.role, b.role)):
                out.append(Competition(a.organization, (a.role, b.role), (a.member, b.member)))
    return tuple(out)
