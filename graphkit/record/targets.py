"""The target list: organizations I (or a team member) want to work at."""

from __future__ import annotations

from dataclasses import dataclass, replace

from graphkit.errors import GraphkitError, InvalidArgument
from graphkit.model import Network, Organization, Target, targets_of
from graphkit.orgs import OrgIndex, normalize
from graphkit.record.people import organization_for, resolve_organization


@dataclass(frozen=True)
class TargetChange:
    """What :func:`add_target` or :func:`remove_target` did."""

    organization: Organization
    action: str  # "added" | "updated" | "unchanged" | "removed"
    created: bool = False
    rows: int = 1

    @property
    def message(self) -> str:
        name = self.organization.name
        if self.action == "removed":
            rows = f" ({self.rows} rows)" if self.rows != 1 else ""
            return (f"removed {name} from the target list{rows}; the organization stays in "
                    "organizations.csv")
        if self.action == "unchanged":
            return f"{name} is already on the target list"
        text = f"{self.action} {name} {'to' if self.action == 'added' else 'on'} the target list"
        if self.created:
            text += (f" (a new organization, {self.organization.id}: nobody there in your "
                     f"network yet; see graphkit path-to \"{name}\")")
        return text


def _targets_of(network: Network, org: Organization, member: str = "") -> list[int]:
    index = OrgIndex(network.organizations.values())
    return [i for i, t in enumerate(network.targets)
            if t.member == member
            and (found := index.find(t.organization)) is not None and found.id == org.id]


def _member(network: Network, member: str) -> str:
    """The ``member`` column for a team member's id ("" for the network's owner)."""
    return "" if member == network.me else member


def add_target(network: Network, name: str, priority: int | None = None, notes: str = "",
               create: bool = False, industry: str = "", location: str = "", member: str = "",
               role: str = "", private: bool | None = None) -> TargetChange:
    """Put an organization on the target list (of team member ``member``, an id; "" or
    ``me``: the owner's); an organization not in the network is created (knowing nobody there
    yet is normal). Already listed: priority, notes, role and ``private`` (when given) are
    updated.

    Examples
    --------
    >>> from graphkit.model import Person
    >>> net = Network("me", {"me": Person("me", "Me")})
    >>> add_target(net, "Netflix", 1).created
    True
    >>> [(t.organization, t.priority, t.status, t.member) for t in net.targets]
    [('Netflix', 1, 'researching', '')]
    """
    if priority is not None and priority < 1:
        raise InvalidArgument("priority", priority, "a whole number from 1 (highest)")
    member = _member(network, member)
    org, created = organization_for(network, name, create, industry, location)
    rows = _targets_of(network, org, member)
    if not rows:
        network.targets.append(Target(org.name, priority, "researching", notes.strip(),
                                      member=member, role=role.strip(),
                                      private=bool(private)))
        return TargetChange(org, "added", created)
    old = network.targets[rows[0]]
    new = replace(old, priority=priority if priority is not None else old.priority,
                  notes=notes.strip() if notes.strip() else old.notes,
                  role=role.strip() or old.role,
                  private=old.private if private is None else private)
    if new == old:
        return TargetChange(org, "unchanged")
    network.targets[rows[0]] = new
    return TargetChange(org, "updated")


def remove_target(network: Network, name: str, member: str = "") -> TargetChange:
    """Take an organization off the target list (every line naming it); it stays in the network.

    Raises
    ------
    GraphkitError
        when the organization is not on the target list.
    """
    member = _member(network, member)
    org = resolve_organization(network, name)
    rows = _targets_of(network, org, member) if org is not None else []
    if org is None or not rows:
        listed = [t.organization for t in network.targets if normalize(t.organization)
                  == normalize(name) and t.member == member]
        if listed:  # a line that names no organization: remove it by its text
            network.targets[:] = [t for t in network.targets
                                  if normalize(t.organization) != normalize(name)
                                  or t.member != member]
            return TargetChange(Organization("", listed[0]), "removed", rows=len(listed))
        raise GraphkitError(f'"{name}" is not on the target list; see graphkit target list')
    network.targets[:] = [t for i, t in enumerate(network.targets) if i not in set(rows)]
    return TargetChange(org, "removed", rows=len(rows))


@dataclass(frozen=True)
class TargetLine:
    """One line of the target list as :func:`target_list` shows it."""

    priority: int | None
    listed_as: str
    organization: Organization | None
    status: str
    people_there: int
    private: bool = False
    role: str = ""


def target_list(network: Network, member: str = "") -> list[TargetLine]:
    """The target list (of team member ``member``; default the owner's) in file order, each
    line with its organization and the people there."""
    index = OrgIndex(network.organizations.values())
    staff: dict[str, int] = {}
    for job in network.employment:
        if job.current and job.person_id != network.me:
            staff[job.org_id] = staff.get(job.org_id, 0) + 1
    out = []
    for t in targets_of(network.targets, member or network.me, network.me):
        org = index.find(t.organization)
        out.append(TargetLine(t.priority, t.organization, org, t.status,
                              staff.get(org.id, 0) if org else 0, t.private, t.role))
    return out
