"""What the explorer page shows, decided in Python: plain data, ready to embed as JSON.

The page's rules, stated once:

- **Who is drawn**: the people of ``graphkit plot``'s ego picture (:func:`graphkit.plot
  .ego_view`) within ``depth`` hops, at most :data:`DEFAULT_LIMIT` (the strongest paths kept,
  the people on paths to visible targets always kept); the same seeded layout and circles.
- **Targets**: only those :func:`visible_targets` returns (the one place a viewer's targets are
  chosen); their reach, doors and fragility as ``graphkit targets`` computes them, their paths
  exactly as ``graphkit path-to --format json`` gives them.
- **Organizations to search**: the targets, then the organizations where drawn people work now.
- **A star** (no tie between two of my contacts: one export) is coloured by employer and says
  so, instead of drawing circles that are not there.
- **Private by default**: no note (of a person, a tie, an introduction or a target) is ever put
  in the page; nothing but what the answers above already print.
"""

from __future__ import annotations

import math
import shlex
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from graphkit.analysis.paths import path_to
from graphkit.analysis.reach import reach
from graphkit.analysis.referrals import referral_chains
from graphkit.analysis.targets import TargetList, resolve_targets
from graphkit.errors import InvalidArgument
from graphkit.model import STAGES, Person
from graphkit.plot.view import PALETTE, NetworkView, _keep, _view, layout
from graphkit.render.paths import json_data as path_json
from graphkit.store.base import GraphStore, check_max_hops, jobs_in_order

#: Most people put in the page (you included); above it, the strongest paths are kept.
DEFAULT_LIMIT = 5000
#: Above this many people, the page draws only the 2-hop neighbourhood of what is selected.
NEIGHBOURHOOD_ABOVE = 1500
#: Most organizations (besides the targets) whose paths the search box can show.
SEARCHABLE_ORGANIZATIONS = 150
#: Above this many people, only the strongest this many are laid out by the spring (the layout
#: of ``graphkit plot``, which is quadratic); the rest are placed around them.
SPRING_MAX = 600
#: Half the width of the square the layout is scaled to, in page units.
SCALE = 500.0
#: The colour of people in no coloured circle (and of me).
OTHER_COLOUR = "#9a918c"


def visible_targets(store: GraphStore) -> TargetList:
    """The targets the page may show: today, the network's target list.

    This is the one place the explorer chooses targets. Teams (a viewer who sees only their
    own private targets and the shared ones) plug in here: every target, path, ring and search
    entry of the page comes from this list.

    >>> from datetime import date
    >>> from graphkit.model import Network, Organization, Person, Target
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {"me": Person("me", "Me")}, {"acme": Organization("acme", "Acme")},
    ...               targets=[Target("Acme")])
    >>> [o.id for o in visible_targets(MemoryStore(net, date(2026, 1, 1))).organizations]
    ['acme']
    """
    return resolve_targets(store)


def is_star(view: NetworkView) -> bool:
    """True when every drawn tie has me at one end (one person's export, nobody else's).

    >>> view = NetworkView("me", {}, {}, (("a", "me", 0.5),), {}, (), frozenset(), "")
    >>> is_star(view)
    True
    """
    return all(view.me in (a, b) for a, b, _ in view.ties)


def star_message(contacts: int) -> str:
    """What a one-export page says about itself.

    >>> star_message(3)
    "You and 3 contacts: nobody here knows anybody else yet, so there are no circles to draw. \
Import a teammate's export or use --infer to see who knows whom."
    """
    return (f"You and {contacts} contact{'s' if contacts != 1 else ''}: nobody here knows "
            "anybody else yet, so there are no circles to draw. Import a teammate's export or "
            "use --infer to see who knows whom.")


def positions(view: NetworkView) -> dict[str, tuple[float, float]]:
    """Where each drawn person goes: ``graphkit plot``'s seeded spring layout, for the
    :data:`SPRING_MAX` people with the strongest paths; above that, everyone else is placed
    without the (quadratic) spring: my other contacts on a ring outside, ordered by circle,
    the rest beside the person before them on their best path. Same network, same page.
    """
    if len(view.people) <= SPRING_MAX:
        return layout(view)
    ranked = sorted((p for p in view.people if p != view.me),
                    key=lambda p: view.best[p].sort_key())
    core = {view.me, *ranked[:SPRING_MAX - 1]}
    sub = replace(view, names={p: n for p, n in view.names.items() if p in core},
                  best={p: b for p, b in view.best.items() if p in core},
                  ties=tuple(t for t in view.ties if t[0] in core and t[1] in core))
    pos = layout(sub)
    outer = 1.15 * max((math.hypot(x, y) for x, y in pos.values()), default=1.0)
    rest = [p for p in ranked if p not in core]
    ring = sorted((p for p in rest if view.best[p].hops == 1),
                  key=lambda p: (view.groups.get(p, -1) < 0, view.groups.get(p, -1), p))
    for i, person in enumerate(ring):
        angle = 2 * math.pi * i / len(ring)
        wobble = outer * (1 + 0.12 * ((i * 7919) % 13) / 13)
        pos[person] = (wobble * math.cos(angle), wobble * math.sin(angle))
    for person in sorted((p for p in rest if view.best[p].hops > 1),
                         key=lambda p: (view.best[p].hops, p)):
        before = view.best[person].people[-2]
        x, y = pos.get(before, (0.0, 0.0))
        angle = (sum(map(ord, person)) % 360) * math.pi / 180
        pos[person] = (x + 0.06 * outer * math.cos(angle), y + 0.06 * outer * math.sin(angle))
    return pos


def _quote(text: str) -> str:
    return shlex.quote(text)


def _next_stage(stage: str) -> str | None:
    order = list(STAGES)
    if stage not in order:
        return order[1]
    at = order.index(stage)
    return order[at + 1] if at + 1 < len(order) else None


def _commands(prefix: str, me: str, person: str, path: Sequence[str], stage: str,
              handle: dict[str, str]) -> list[dict[str, str]]:
    """The ``graphkit`` commands that move things along with ``person``, ready to copy."""
    if person == me:
        return [{"why": "what to do this week", "command": f"{prefix} next"}]
    who = _quote(handle[person])
    if len(path) > 2:
        first = _quote(handle[path[1]])
        return [{"why": f"ask {handle[path[1]]} for an introduction",
                 "command": f"{prefix} ask {first} --to {who}"},
                {"why": "record that you asked",
                 "command": f"{prefix} intro add {first} {who} --status requested"}]
    out = [{"why": "record a conversation", "command": f"{prefix} log {who} --kind message"}]
    following = _next_stage(stage)
    if following:
        out.append({"why": f"move the relationship to {following}",
                    "command": f"{prefix} stage {who} {following}"})
    out.append({"why": "draft a message for the next step", "command": f"{prefix} ask {who}"})
    return out


def _handles(people: Iterable[Person]) -> dict[str, str]:
    """What a command names each person by: the name, or the id when the name is shared."""
    everyone = list(people)
    counts = Counter(p.name.casefold() for p in everyone)
    return {p.id: p.name if p.name and counts[p.name.casefold()] == 1 else p.id
            for p in everyone}


def _jobs(store: GraphStore, person: str, org_names: dict[str, str]) -> list[dict[str, Any]]:
    return [{"organization": org_names.get(j.org_id, j.org_id), "organization_id": j.org_id,
             "title": j.title, "current": j.current,
             "start": j.start.isoformat() if j.start else None,
             "end": j.end.isoformat() if j.end else None}
            for j in jobs_in_order(store.employment_of(person))]


def _tie(store: GraphStore, me: str, person: str) -> dict[str, Any] | None:
    if person == me or person not in store.neighbors(me):
        return None
    view = store.tie(me, person)
    tie = view.tie
    return {"stage": tie.stage, "strength": round(view.strength, 6),
            "evidence": list(view.evidence), "inferred": view.inferred,
            "last_contact": tie.last_contact.isoformat() if tie.last_contact else None,
            "interactions": tie.interactions}


def _searchable(store: GraphStore, people: Iterable[str], targets: TargetList) -> list[str]:
    """Organization ids the search box knows: targets, then the biggest current employers of
    the drawn people (at most :data:`SEARCHABLE_ORGANIZATIONS` of those)."""
    counts: Counter[str] = Counter()
    for person in people:
        for job in store.employment_of(person):
            if job.current:
                counts[job.org_id] += 1
    chosen = list(targets.ids and [o.id for o in targets.organizations])
    others = sorted((o for o in counts if o not in targets.ids), key=lambda o: (-counts[o], o))
    return chosen + others[:SEARCHABLE_ORGANIZATIONS]


def explorer_data(store: GraphStore, depth: int = 2, limit: int = DEFAULT_LIMIT,
                  prefix: str = "graphkit", anonymized: bool = False) -> dict[str, Any]:
    """Everything the explorer page shows, as JSON-ready data (the rules are in the module
    docstring).

    Parameters
    ----------
    store : the network.
    depth : how far from me the page draws, and the longest path it shows (1-3 read well).
    limit : most people drawn, me included.
    prefix : how the copied commands start (``graphkit --data DIR`` for a folder given).
    anonymized : the store holds an anonymized copy (the page says so).

    Returns
    -------
    dict with ``meta``, ``circles``, ``people``, ``ties``, ``targets`` and ``paths`` (the
    ``path-to --format json`` answer per organization id).

    Raises
    ------
    InvalidArgument
        when ``depth`` is out of range or ``limit`` below 2.

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Employment, Network, Organization, Person, Target, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")}, [Employment("bo", "acme")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)], targets=[Target("Acme")])
    >>> data = explorer_data(MemoryStore(net, date(2026, 1, 1)))
    >>> [p["name"] for p in data["people"]], data["targets"][0]["doors"]
    (['Me', 'Ann', 'Bo'], ['Ann'])
    >>> [[q["name"] for q in p["people"]] for p in data["paths"]["acme"]["paths"]]
    [['Me', 'Ann', 'Bo']]
    """
    check_max_hops(depth, "depth")
    if limit < 2:
        raise InvalidArgument("limit", limit, "at least 2 people")
    me = store.me().id
    targets = visible_targets(store)
    answers = {org.id: path_to(store, org.id, depth) for org in targets.organizations}
    on_paths = sorted({p.id for a in answers.values() for path in a.paths for p in path.people})
    best, within = _keep(store, depth, limit, on_paths)
    probe = _view(store, best, within, depth, "community", "", (), 0)
    star = is_star(probe) and len(best) > 1
    view = _view(store, best, within, depth, "organization", "", (), 0) if star else probe
    staff = {j.person_id for org in targets.organizations for j in store.employment_at(org.id)
             if j.current}
    view = replace(view, at_target=frozenset(staff & set(best)))
    pos = positions(view)
    span = max((max(abs(x), abs(y)) for x, y in pos.values()), default=1.0) or 1.0
    order = view.label_order()  # most important first: the page labels in this order
    everyone = store.people()
    handle = _handles(everyone)
    org_names = {o.id: o.name for o in store.organizations()}
    due: dict[str, list[str]] = defaultdict(list)
    for follow in referral_chains(store).due:
        for person in {follow.introducer.id, follow.introduced_to.id}:
            due[person].append(follow.action)
    people = []
    for person in order:
        path = view.best[person].people
        tie = _tie(store, me, person)
        x, y = pos[person]
        people.append({
            "id": person, "name": view.names[person],
            "x": round(x / span * SCALE, 2), "y": round(y / span * SCALE, 2),
            "circle": view.groups.get(person, -1), "score": round(view.best[person].score, 6),
            "hops": view.best[person].hops, "at_target": person in view.at_target,
            "path": list(path), "jobs": _jobs(store, person, org_names),
            "groups": sorted(store.groups_of(person)), "tie": tie,
            "follow_ups": due.get(person, []),
            "commands": [] if anonymized else _commands(prefix, me, person, path,
                                                        tie["stage"] if tie else "", handle)})
    index = {p["id"]: i for i, p in enumerate(people)}
    ties = [[index[a], index[b], round(s, 4)] for a, b, s in view.ties]
    for org_id in _searchable(store, best, targets):
        if org_id not in answers:
            answers[org_id] = path_to(store, org_id, depth)
    standing = reach(store, depth)
    shown = targets.ids
    target_rows = [{
        "id": t.organization.id, "name": t.organization.name, "priority": t.priority,
        "reachable": t.reachable, "degree": t.degree,
        "score": round(t.best_score, 6) if t.best_score is not None else None,
        "employees": t.employees, "reached": t.reached,
        "doors": [d.name for d in t.doors], "fragile": t.reachable and t.fragile,
        "ask_first": t.best_contact.name if t.best_contact else None,
        "suggestions": [s.text for s in t.suggestions]}
        for t in standing.targets if t.organization.id in shown]
    contacts = sum(1 for p in people if p["hops"] == 1)
    title = f"{store.me().name}'s network"
    return {
        "meta": {"title": title, "me": me, "as_of": store.as_of.isoformat(), "depth": depth,
                 "people": len(people), "within": within, "ties": len(ties),
                 "contacts": contacts, "star": star,
                 "message": star_message(contacts) if star else "",
                 "neighbourhood": len(people) > NEIGHBOURHOOD_ABOVE,
                 "neighbourhood_above": NEIGHBOURHOOD_ABOVE, "anonymized": anonymized,
                 "colour_by": "organization" if star else "circle",
                 "unmatched_targets": [u.target.organization for u in targets.unmatched]},
        "circles": [{"name": name, "colour": PALETTE[i]}
                    for i, name in enumerate(view.group_names)] + [
                        {"name": "other", "colour": OTHER_COLOUR}],
        "people": people,
        "ties": ties,
        "targets": target_rows,
        "paths": {org_id: path_json(answer) for org_id, answer in answers.items()},
    }
