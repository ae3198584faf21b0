"""A snapshot: per target organization, who works there, who of them I can reach and how, and
whom I would ask first; and its stored JSON form (old snapshot files keep loading)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from graphkit.analysis.reach import staff_reach
from graphkit.analysis.targets import resolve_targets
from graphkit.store.base import GraphStore, check_max_hops

SNAPSHOT_VERSION = 1


@dataclass(frozen=True)
class Ref:
    """A person or organization as a report names them."""

    id: str
    name: str


@dataclass(frozen=True)
class PersonStanding:
    """Someone working at a target, and my best path to them (``path`` empty: out of reach)."""

    person: Ref
    path: tuple[Ref, ...] = ()
    score: float = 0.0

    @property
    def reachable(self) -> bool:
        return bool(self.path)

    @property
    def hops(self) -> int | None:
        return len(self.path) - 1 if self.path else None

    @property
    def ask(self) -> Ref | None:
        """Whom I ask first (the person themself when I know them)."""
        return self.path[1] if self.path else None


@dataclass(frozen=True)
class TargetStanding:
    """My reach into one target organization on the snapshot's date."""

    organization: Ref
    people: tuple[PersonStanding, ...]

    def best(self) -> PersonStanding | None:
        """The person with my best path (higher score, fewer hops, then id)."""
        reachable = [p for p in self.people if p.reachable]
        if not reachable:
            return None
        return min(reachable, key=lambda p: (-p.score, p.hops, tuple(r.id for r in p.path)))

    @property
    def reachable(self) -> bool:
        return self.best() is not None

    @property
    def hops(self) -> int | None:
        best = self.best()
        return best.hops if best else None

    @property
    def score(self) -> float:
        best = self.best()
        return best.score if best else 0.0

    def contacts(self) -> list[Ref]:
        """The distinct people I could ask first, best path first."""
        order = sorted((p for p in self.people if p.reachable),
                       key=lambda p: (-p.score, p.hops, tuple(r.id for r in p.path)))
        seen: dict[str, Ref] = {}
        for p in order:
            assert p.ask is not None
            seen.setdefault(p.ask.id, p.ask)
        return list(seen.values())


@dataclass(frozen=True)
class Snapshot:
    """Reach over the target list on ``as_of``, with paths of at most ``max_hops`` ties."""

    as_of: date
    me: Ref
    max_hops: int
    targets: tuple[TargetStanding, ...]
    #: target-list entries that match no organization.
    unresolved: tuple[str, ...] = ()

    def target(self, org_id: str) -> TargetStanding | None:
        return next((t for t in self.targets if t.organization.id == org_id), None)


def snapshot(store: GraphStore, targets: Sequence[str] | None = None,
             max_hops: int = 2) -> Snapshot:
    """Measure my reach into each target organization.

    Reach is measured by :func:`graphkit.analysis.reach.staff_reach` (each organization's
    current employees, one hop-limited best-path search from me), as ``graphkit targets`` does.

    Parameters
    ----------
    store : the network.
    targets : organization names or ids; None means the network's target list.
    max_hops : longest path considered.

    Returns
    -------
    Snapshot, targets in the given order (each organization once).

    Examples
    --------
    >>> from datetime import date
    >>> from graphkit.model import Employment, Network, Organization, Person, Tie
    >>> from graphkit.store.memory import MemoryStore
    >>> net = Network("me", {p: Person(p, p.title()) for p in ("me", "ann", "bo")},
    ...               {"acme": Organization("acme", "Acme Corp")}, [Employment("bo", "acme")],
    ...               [Tie("me", "ann", 0.8), Tie("ann", "bo", 0.5)])
    >>> snap = snapshot(MemoryStore(net, date(2026, 1, 1)), ["Acme Corp"])
    >>> acme = snap.targets[0]
    >>> acme.reachable, acme.hops, acme.score, [c.name for c in acme.contacts()]
    (True, 2, 0.4, ['Ann'])
    """
    check_max_hops(max_hops)
    resolved = resolve_targets(store, targets)
    me = store.me()
    unresolved = [u.target.organization for u in resolved.unmatched]
    ref: dict[str, Ref] = {}

    def person(pid: str) -> Ref:
        if pid not in ref:
            ref[pid] = Ref(pid, store.person(pid).name)
        return ref[pid]

    reach = []
    for staff in staff_reach(store, resolved.organizations, max_hops):
        people = []
        for pid in sorted(staff.jobs):
            found = staff.paths.get(pid)
            people.append(PersonStanding(person(pid), tuple(person(p) for p in found.people)
                                         if found else (), found.score if found else 0.0))
        org = staff.organization
        reach.append(TargetStanding(Ref(org.id, org.name), tuple(people)))
    return Snapshot(store.as_of, Ref(me.id, me.name), max_hops, tuple(reach), tuple(unresolved))


# --- snapshots as JSON -------------------------------------------------------------------------

def ref_json(r: Ref) -> dict[str, str]:
    """A person or organization as the report's JSON names them."""
    return {"id": r.id, "name": r.name}


def snapshot_json(snap: Snapshot) -> dict[str, Any]:
    """The stored form of a snapshot (``graphkit_snapshot`` is the format version)."""
    return {
        "graphkit_snapshot": SNAPSHOT_VERSION,
        "as_of": snap.as_of.isoformat(),
        "me": ref_json(snap.me),
        "max_hops": snap.max_hops,
        "unresolved": list(snap.unresolved),
        "targets": [{"organization": ref_json(t.organization),
                     "people": [{"person": ref_json(p.person), "score": p.score,
                                 "path": [ref_json(r) for r in p.path]} for p in t.people]}
                    for t in snap.targets],
    }


def snapshot_from_json(data: Any) -> Snapshot:
    """Read :func:`snapshot_json` output back.

    Raises
    ------
    ValueError
        when ``data`` is not a snapshot of a known version.
    """
    try:
        if data.get("graphkit_snapshot") != SNAPSHOT_VERSION:
            raise ValueError(f"unknown snapshot version {data.get('graphkit_snapshot')!r}")

        def ref(d: Any) -> Ref:
            return Ref(str(d["id"]), str(d["name"]))

        targets = tuple(
            TargetStanding(ref(t["organization"]),
                           tuple(PersonStanding(ref(p["person"]), tuple(ref(r) for r in p["path"]),
                                                float(p["score"])) for p in t["people"]))
            for t in data["targets"])
        return Snapshot(date.fromisoformat(data["as_of"]), ref(data["me"]),
                        int(data["max_hops"]), targets,
                        tuple(str(u) for u in data.get("unresolved", ())))
    except (AttributeError, KeyError, TypeError) as exc:
        raise ValueError(f"not a graphkit snapshot ({type(exc).__name__}: {exc})") from None
