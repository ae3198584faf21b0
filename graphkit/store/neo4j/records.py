"""graphkit's records as Neo4j properties and back, and the fixed shape of the graph.

The graph::

    (:Person {id, name, ...})-[:KNOWS {strength, evidence, ...}]->(:Person)   smaller id first
    (:Person)-[:WORKS_AT {n, seq, title, start, end, current}]->(:Organization {id, name, ...})
    (:Person)-[:MEMBER_OF {role}]->(:Group {name})
    (:OrgName {key, org, name})     a normalized spelling and the organization it resolves to
    (:Introduction {seq, ...}), (:Target {seq, ...})
    (:GraphkitMeta {id: 'graphkit', me, as_of, model, complete, source})

Properties equal to the field's default (empty text, None, no extra columns) are not stored,
and a tie keeps no copy of its ends: they are the relationship's nodes (``swapped`` is set when
ties.csv named the larger id first). Every record carries ``h``, a hash of its content, so a
re-load sends only what changed.

The labels and relationship types are the fixed ones in :data:`LABELS` and :data:`REL_TYPES`;
the query files may use no others.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import MISSING, asdict, fields
from typing import Any, TypeVar

from graphkit.model import Tie
from graphkit.store.base import TieView
from graphkit.strength import StrengthModel

#: Node labels graphkit writes and reads; ``load --replace`` deletes exactly these.
LABELS = ("Person", "Organization", "Group", "OrgName", "Introduction", "Target",
          "GraphkitMeta")
#: Relationship types graphkit writes and reads.
REL_TYPES = ("KNOWS", "WORKS_AT", "MEMBER_OF")

R = TypeVar("R")


_DEFAULTS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    """Each field of a record class with its default (``MISSING`` when it has none), looked up
    once per class (``dataclasses.fields`` was a sixth of a load's Python time)."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = tuple((f.name, f.default) for f in fields(cls))
    return found


def _props(record: Any, omit: tuple[str, ...] = (), **more: Any) -> dict[str, Any]:
    """A record's fields (but ``omit``) as Neo4j properties, plus ``more``: tuples become
    lists, ``extra`` JSON text; None and values equal to the field's default are left out
    (reading fills the default back in)."""
    out: dict[str, Any] = {}
    for name, default in _defaults(type(record)):
        if name in omit:
            continue
        value = getattr(record, name)
        if default is not MISSING and value == default:
            continue
        if name == "extra":
            value = json.dumps([list(pair) for pair in value], ensure_ascii=False)
        elif isinstance(value, tuple):
            value = list(value)
        if value is not None:
            out[name] = value
    out.update({k: v for k, v in more.items() if v is not None})
    return out


_PLAIN = (str, int, float, bool)


def _value(value: Any, name: str) -> Any:
    if type(value) in _PLAIN and name != "extra":
        return value
    if name == "extra":
        return tuple(tuple(pair) for pair in json.loads(value or "[]"))
    if isinstance(value, list):
        return tuple(value)
    if hasattr(value, "to_native"):  # neo4j.time.Date
        return value.to_native()
    return value


_FIELD_NAMES: dict[type, frozenset[str]] = {}


def _field_names(cls: type) -> frozenset[str]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = frozenset(f.name for f in fields(cls))
    return names


def _record(cls: type[R], props: Mapping[str, Any], **given: Any) -> R:
    names = _field_names(cls)
    kwargs = {k: _value(v, k) for k, v in props.items() if k in names}
    kwargs.update(given)
    return cls(**kwargs)


def _tie_props(view: TieView) -> dict[str, Any]:
    """A scored tie as relationship properties: no ends (they are the nodes), ``swapped`` when
    the file named the larger id first."""
    props = _props(view.tie, omit=("person_a", "person_b"))
    props["set_strength"] = props.pop("strength", None)
    props["strength"] = view.strength
    props["evidence"] = list(view.evidence)
    if view.tie.person_a > view.tie.person_b:
        props["swapped"] = True
    return {k: v for k, v in props.items() if v is not None}


def _tie_view(lo: str, hi: str, props: Mapping[str, Any]) -> TieView:
    """The tie from lo to hi (the relationship's ends) with its properties."""
    a, b = (hi, lo) if props.get("swapped") else (lo, hi)
    tie = _record(Tie, props, person_a=a, person_b=b, strength=props.get("set_strength"))
    return TieView(tie, props["strength"], tuple(props.get("evidence") or ()))


def content_hash(row: Mapping[str, Any]) -> str:
    """A short hash of a row's content (keys sorted), stored as ``h`` beside it.

    >>> content_hash({"id": "p1", "name": "Ann"}) == content_hash({"name": "Ann", "id": "p1"})
    True
    """
    text = json.dumps(row, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def _model_text(model: StrengthModel) -> str:
    return json.dumps(asdict(model), sort_keys=True)
