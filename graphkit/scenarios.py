"""What-if scenarios named the way people say them: "reconnect with Sara", "meet Jordan at
Netflix". Names become people and organizations here; :mod:`graphkit.analysis.what_if` does
the arithmetic."""

from __future__ import annotations

from pathlib import Path

from graphkit.analysis.what_if import (
    THRESHOLD,
    USABLE,
    Reconnection,
    Scenario,
    WhatIf,
    rank_reconnections,
    reconnect_scenario,
    what_if,
)
from graphkit.errors import GraphkitError, UnknownPerson
from graphkit.io.settings import find_settings
from graphkit.model import Network, Person, Tie
from graphkit.record import resolve_person
from graphkit.store.base import GraphStore
from graphkit.strength import StrengthModel


def strength_model(folder: str | Path) -> StrengthModel:
    """The strength model graphkit.toml in ``folder`` configures (the default without one)."""
    settings = find_settings(folder)
    return settings.strength_model() if settings is not None else StrengthModel()


def _directory(store: GraphStore) -> Network:
    """Just the people of ``store``, to resolve names with :func:`resolve_person`."""
    return Network(store.me().id, {p.id: p for p in store.people()})


def _tied(store: GraphStore, person: Person) -> bool:
    try:
        store.tie(store.me().id, person.id)
    except KeyError:
        return False
    return True


def reconnect(store: GraphStore, name: str, model: StrengthModel, max_hops: int = 2,
              usable: float = USABLE, threshold: float = THRESHOLD) -> WhatIf:
    """Targets before and after I reconnect with ``name`` today.

    Raises
    ------
    UnknownPerson, Ambiguous
        when ``name`` names nobody, or several people.
    GraphkitError
        when I have no tie with them (that is ``meet``).
    """
    person = resolve_person(_directory(store), name)
    if person.id == store.me().id:
        raise GraphkitError(f"{person.name} is you; name one of your contacts")
    if not _tied(store, person):
        raise GraphkitError(f"you have no tie with {person.name} yet; try "
                            f'graphkit what-if meet "{person.name}"')
    return what_if(store, reconnect_scenario(store, person, model), max_hops, usable, threshold)


def meet(store: GraphStore, name: str, model: StrengthModel, org: str | None = None,
         max_hops: int = 2, usable: float = USABLE, threshold: float = THRESHOLD) -> WhatIf:
    """Targets before and after I meet ``name`` (someone in the network I have no tie with,
    or someone new who works at ``org``).

    Raises
    ------
    UnknownOrganization
        when ``org`` names no organization.
    GraphkitError
        when I already know them (that is ``reconnect``), or a new person comes without ``org``.
    """
    organization = store.organization(org) if org else None
    try:
        person: Person | None = resolve_person(_directory(store), name)
    except UnknownPerson:
        person = None
    if person is not None and person.id == store.me().id:
        raise GraphkitError(f"{person.name} is you; name someone you could meet")
    if person is not None and _tied(store, person):
        raise GraphkitError(f"you already know {person.name}; try "
                            f'graphkit what-if reconnect "{person.name}"')
    if person is None and organization is None:
        raise GraphkitError(f'nobody in your network is called "{name}"; say where they work: '
                            "--org ORG")
    shown = person.name if person is not None else " ".join(name.split())
    new_tie = Tie(store.me().id, person.id if person else "new", stage="initiated",
                  last_contact=store.as_of, interactions=1, source="manual")
    shared = (tuple(g for g in store.groups_of(store.me().id)
                    if g in set(store.groups_of(person.id))) if person else ())
    strength = model.score(new_tie, store.as_of, shared).strength
    at = f" of {organization.name}" if organization is not None else ""
    scenario = Scenario(shown, person, strength, None, organization,
                        f"you meet {shown}{at} (a first conversation on "
                        f"{store.as_of.isoformat()})")
    return what_if(store, scenario, max_hops, usable, threshold)


def best_reconnections(store: GraphStore, model: StrengthModel, max_hops: int = 2,
                       limit: int = 10) -> tuple[Reconnection, ...]:
    """My contacts ranked by the targets reconnecting with them would open or improve."""
    return rank_reconnections(store, model, max_hops, limit)
