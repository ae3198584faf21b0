"""Inferred ties: people who likely know each other though no tie is recorded.

Two kinds of evidence count:

- **shared employer**: both worked at the same organization in overlapping periods (never a
  placeholder such as "Stealth Startup" or "Self-employed", :func:`graphkit.orgs.
  is_placeholder`: 26 strangers in stealth do not know each other). A job with
  no start date is known only at its end (or, while current, only now), so a current job with
  no start overlaps only other current jobs there;
- **small group**: both belong to a group of at most ``max_group_size`` members (a book club,
  a class, a board), where people meet each other; big groups are not evidence.

An inferred tie has ``source = "inferred"`` and ``notes`` saying why ("both at Acme Corp
2019-2021; both in Chess Club (6 members)"). Its strength comes from the strength model like any
tie: an acquaintance (no stage), recency measured from when the shared job ended (no date
while it goes on), the shared-group bonus, times the ``inferred`` source weight (0.6 by default):
the more evidence, the more confidence. Inferred ties never replace a recorded tie.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from itertools import combinations

from graphkit.model import Employment, Network, Tie
from graphkit.orgs import is_placeholder

#: Groups with more members than this are not evidence that two members know each other.
MAX_GROUP_SIZE = 12

_NOW = date.max


def _known_span(job: Employment) -> tuple[date, date]:
    """The part of a job we know: [start, end]; an unknown start collapses it to its end."""
    end = job.end or _NOW
    return (job.start or end, end)


def _years(first: date, last: date) -> str:
    if last == _NOW:
        return "now" if first == _NOW else f"{first.year}-now"
    return f"in {first.year}" if first.year == last.year else f"{first.year}-{last.year}"


def infer_ties(network: Network, max_group_size: int = MAX_GROUP_SIZE) -> list[Tie]:
    """Ties the evidence suggests between people with no recorded tie.

    Parameters
    ----------
    network : the records; recorded ties are never duplicated or replaced.
    max_group_size : groups larger than this are not evidence.

    Returns
    -------
    list of Tie with ``source="inferred"``, ``notes`` holding the evidence, and
    ``last_contact`` the end of the shared job (None while both are still there), sorted by key.

    Examples
    --------
    >>> from graphkit.model import Membership, Organization, Person
    >>> net = Network("me", {p: Person(p, p) for p in ("me", "ann", "bo", "cy")},
    ...               {"acme": Organization("acme", "Acme Corp")},
    ...               [Employment("ann", "acme", start=date(2019, 3, 1), end=date(2021, 6, 1)),
    ...                Employment("bo", "acme", start=date(2020, 1, 1))],
    ...               memberships=[Membership("bo", "Chess Club"), Membership("cy", "Chess Club")])
    >>> for tie in infer_ties(net):
    ...     print(tie.key, tie.notes, tie.last_contact)
    ('ann', 'bo') both at Acme Corp 2020-2021 2021-06-01
    ('bo', 'cy') both in Chess Club (2 members) None
    """
    recorded = {t.key for t in network.ties}
    evidence: dict[tuple[str, str], list[str]] = defaultdict(list)
    ended: dict[tuple[str, str], date] = {}

    jobs_at: dict[str, list[Employment]] = defaultdict(list)
    for job in network.employment:
        jobs_at[job.org_id].append(job)
    settings = network.settings.get("import", {})
    extra = settings.get("placeholder_employers", []) if isinstance(settings, dict) else []
    extra = [e for e in extra if isinstance(e, str)] if isinstance(extra, list) else []
    for org_id in sorted(jobs_at):
        org = network.organizations.get(org_id)
        name = org.name if org else org_id
        if is_placeholder(name, extra):
            continue
        overlaps: dict[tuple[str, str], tuple[date, date]] = {}
        jobs = sorted(jobs_at[org_id], key=lambda j: (j.person_id, _known_span(j)))
        for a, b in combinations(jobs, 2):
            if a.person_id == b.person_id:
                continue
            (start_a, end_a), (start_b, end_b) = _known_span(a), _known_span(b)
            first, last = max(start_a, start_b), min(end_a, end_b)
            if first > last:
                continue
            key = (a.person_id, b.person_id) if a.person_id <= b.person_id else (
                b.person_id, a.person_id)
            # Two spells at the same place: keep the latest overlap, then the longest.
            if key not in overlaps or (last, -first.toordinal()) > (
                    overlaps[key][1], -overlaps[key][0].toordinal()):
                overlaps[key] = (first, last)
        for key, (first, last) in sorted(overlaps.items()):
            if key in recorded:
                continue
            evidence[key].append(f"both at {name} {_years(first, last)}")
            ended[key] = max(ended.get(key, date.min), last)

    members: dict[str, set[str]] = defaultdict(set)
    for m in network.memberships:
        members[m.group].add(m.person_id)
    for group in sorted(members):
        people = sorted(members[group])
        if len(people) > max_group_size:
            continue
        for key in combinations(people, 2):
            if key not in recorded:
                evidence[key].append(f"both in {group} ({len(people)} members)")

    return [Tie(a, b, last_contact=None if ended.get((a, b), _NOW) == _NOW else ended[(a, b)],
                source="inferred", notes="; ".join(evidence[(a, b)]))
            for a, b in sorted(evidence)]


def with_inferred_ties(network: Network, max_group_size: int = MAX_GROUP_SIZE) -> Network:
    """A copy of ``network`` whose ties include the inferred ones (recorded ties first).

    >>> net = Network("me")
    >>> with_inferred_ties(net) is not net
    True
    """
    return replace(network, ties=[*network.ties, *infer_ties(network, max_group_size)])
