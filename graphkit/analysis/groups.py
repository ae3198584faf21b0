"""Which groups are worth your time: what each group (groups.csv, Google labels, an event's
attendees) adds to your search.

A group adds the members you would not otherwise meet: those who work at a target, those one
hop from someone there (they can introduce you), and the other people new to you. A member you
already know, or already meet in another group you attend, adds nothing new: a group whose
members you see every week elsewhere is redundant. The score of a group counts its *fresh*
members (not tied to you, not in your other groups)::

    score = 1.0 * fresh members at a target
          + 0.5 * fresh members one hop from someone at a target
          + 0.1 * every other fresh member

The same measure ranks a group you attend (what you would lose by dropping it) and one you
do not (what you would gain by joining it), so the best group not yet attended is the answer
to "which single group should I join next".

Only the viewer's own targets count (``store.targets()`` of the point of view): a teammate's
targets, private or not, never enter the ranking or its explanations.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from graphkit.analysis.targets import resolve_targets
from graphkit.model import Organization, Person
from graphkit.store.base import GraphStore

#: The weight of a fresh member at a target, one hop from a target, and any other fresh one.
AT_TARGET = 1.0
NEAR_TARGET = 0.5
NEW_PERSON = 0.1
#: Openers listed per group (the most common things you share with its members).
OPENERS = 3


@dataclass(frozen=True)
class Contact:
    """A member of a group at (``via`` is None) or one hop from (``via`` works there) a
    target organization; ``known`` when you are already tied to them."""

    person: Person
    organization: Organization
    via: Person | None
    known: bool


@dataclass(frozen=True)
class Opener:
    """Something you share with ``members`` of a group, to open a conversation: an employer
    (``kind`` "employer"), a tag of people.csv ("tag"), or the industry of your targets
    ("industry"). The groups you share are in :attr:`GroupValue.overlap_groups`."""

    kind: str
    label: str
    members: int

    @property
    def text(self) -> str:
        """What to say about it.

        >>> Opener("industry", "non-profit", 4).text
        '4 work in non-profit, like your targets'
        """
        one = self.members == 1
        return {
            "employer": f"{self.members} {'has' if one else 'have'} worked at {self.label}, "
                        "as you have",
            "tag": f"{self.members} {'shares' if one else 'share'} your interest in "
                   f"{self.label}",
            "industry": f"{self.members} {'works' if one else 'work'} in {self.label}, like "
                        "your targets",
        }[self.kind]


@dataclass(frozen=True)
class GroupValue:
    """What one group adds, for the viewer."""

    group: str
    attending: bool
    #: members other than the viewer
    members: int
    at_targets: tuple[Contact, ...]
    near_targets: tuple[Contact, ...]
    #: members you are not tied to
    new_people: int
    #: members you already meet in the other groups you attend
    overlap: int
    #: the groups you attend that share members with this one, most shared first
    overlap_groups: tuple[tuple[str, int], ...]
    #: members neither tied to you nor in your other groups
    fresh: int
    openers: tuple[Opener, ...]
    score: float

    @property
    def overlap_share(self) -> float:
        """The share of the members you already meet elsewhere (0 for an empty group)."""
        return self.overlap / self.members if self.members else 0.0


@dataclass(frozen=True)
class GroupsAnswer:
    """Every group ranked by its score (best first, then by name)."""

    viewer: Person
    as_of: date
    #: the organizations that count as targets (the target list, or ``--target``)
    organizations: tuple[Organization, ...]
    #: True when one organization was asked for instead of the target list
    one_target: bool
    groups: tuple[GroupValue, ...]
    #: target-list lines that name no organization
    unmatched: tuple[str, ...] = ()

    @property
    def join_next(self) -> GroupValue | None:
        """The best group you do not attend yet, if it adds anything."""
        return next((g for g in self.groups if not g.attending and g.score > 0), None)

    @property
    def most_redundant(self) -> GroupValue | None:
        """The group you attend whose members you most often meet elsewhere (half or more)."""
        mine = [g for g in self.groups if g.attending and g.overlap_share >= 0.5]
        return max(mine, key=lambda g: (g.overlap_share, -g.score), default=None)


def all_groups(store: GraphStore) -> list[str]:
    """Every group anyone belongs to, sorted."""
    return sorted({g for p in store.people() for g in store.groups_of(p.id)})


def group_values(store: GraphStore, target: str | None = None) -> GroupsAnswer:
    """Rank every group of the network by what it adds for ``store.me()``.

    Parameters
    ----------
    store : the network, as the viewer sees it (their targets, their ties).
    target : one organization (a name, alias or id) to rank the groups for, instead of the
        viewer's target list.

    Returns
    -------
    GroupsAnswer, the groups best first (score, then name).

    Raises
    ------
    UnknownOrganization
        when ``target`` names no organization (with the closest names).

    Examples
    --------
    >>> from graphkit.model import Employment, Membership, Network, Target, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> people = {p: Person(p, p.title()) for p in ("me", "ann", "bo", "cy")}
    >>> net = Network("me", people, {"acme": Organization("acme", "Acme")},
    ...     employment=[Employment("ann", "acme")], ties=[Tie("me", "cy"), Tie("bo", "ann")],
    ...     memberships=[Membership("ann", "Chess"), Membership("cy", "Chess"),
    ...                  Membership("bo", "Choir")], targets=[Target("Acme")])
    >>> answer = group_values(MemoryStore(net, date(2026, 1, 1)))
    >>> [(g.group, g.score, g.fresh) for g in answer.groups]
    [('Chess', 1.0, 1), ('Choir', 0.5, 1)]
    """
    me = store.me()
    if target is not None:
        organizations: tuple[Organization, ...] = (store.organization(target),)
        unmatched: tuple[str, ...] = ()
    else:
        listed = resolve_targets(store)
        organizations = listed.organizations
        unmatched = tuple(u.target.organization for u in listed.unmatched)
    org_ids = {o.id for o in organizations}
    by_id = {o.id: o for o in organizations}
    # Who works at a target now, and where: the people "there".
    staff: dict[str, str] = {}
    for org in organizations:
        for job in store.employment_at(org.id):
            if job.current:
                staff.setdefault(job.person_id, org.id)
    known = set(store.neighbors(me.id))
    mine = set(store.groups_of(me.id))
    members = {g: [p for p in store.members(g) if p != me.id] for g in all_groups(store)}
    industries = {o.industry.strip() for o in organizations if o.industry.strip()}
    everything = store.organizations()
    industry_of = {o.id: o.industry.strip() for o in everything}
    org_names = {o.id: o.name for o in everything}
    my_employers = {j.org_id for j in store.employment_of(me.id)}
    my_tags = _tags(me.tags)
    people: dict[str, Person] = {}

    def person(pid: str) -> Person:
        if pid not in people:
            people[pid] = store.person(pid)
        return people[pid]

    out = []
    for group, ids in members.items():
        elsewhere = {p for g in mine - {group} for p in members.get(g, ())}
        at, near = [], []
        score = 0.0
        fresh = 0
        openers: Counter[tuple[str, str]] = Counter()
        shared: Counter[str] = Counter()
        for pid in ids:
            is_fresh = pid not in known and pid not in elsewhere
            fresh += is_fresh
            weight = NEW_PERSON
            if pid in staff:
                at.append(Contact(person(pid), by_id[staff[pid]], None, pid in known))
                weight = AT_TARGET
            else:
                there = sorted(n for n in store.neighbors(pid) if n in staff and n != me.id)
                if there:
                    via = person(there[0])
                    near.append(Contact(person(pid), by_id[staff[via.id]], via, pid in known))
                    weight = NEAR_TARGET
            score += weight if is_fresh else 0.0
            theirs = set(store.groups_of(pid))
            for other in sorted(theirs & mine - {group}):
                shared[other] += 1
            jobs = store.employment_of(pid)
            for org_id in sorted({j.org_id for j in jobs} & my_employers):
                openers["employer", org_names.get(org_id, org_id)] += 1
            for tag in sorted(_tags(person(pid).tags) & my_tags):
                openers["tag", tag] += 1
            for industry in sorted({industry_of.get(j.org_id, "") for j in jobs if j.current
                                    and j.org_id not in org_ids} & industries):
                openers["industry", industry] += 1
        ranked = sorted(openers.items(), key=lambda kv: (-kv[1], kv[0]))
        out.append(GroupValue(
            group, group in mine, len(ids), _ordered(at), _ordered(near),
            sum(p not in known for p in ids), len(set(ids) & elsewhere),
            tuple(sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))), fresh,
            tuple(Opener(kind, label, n) for (kind, label), n in ranked[:OPENERS]),
            round(score, 6)))
    out.sort(key=lambda g: (-g.score, g.group.casefold(), g.group))
    return GroupsAnswer(me, store.as_of, organizations, target is not None, tuple(out),
                        unmatched)


def _ordered(contacts: Iterable[Contact]) -> tuple[Contact, ...]:
    """New people first (they are what the group adds), then by name."""
    return tuple(sorted(contacts, key=lambda c: (c.known, c.person.name.casefold(),
                                                 c.person.id)))


def _tags(text: str) -> set[str]:
    """The tags of people.csv's ``tags`` cell (``;`` or ``,`` separated), compared without
    regard to case.

    >>> sorted(_tags("Hiking; data viz,, "))
    ['data viz', 'hiking']
    """
    return {t.strip().casefold() for t in text.replace(",", ";").split(";") if t.strip()}
