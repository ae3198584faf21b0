"""graphkit's records as Neo4j properties and back, and the fixed shape of the graph.

The graph::

    (:Person {id, name, ...})-[:KNOWS {strength, evidence, ...}]->(:Person)   smaller id first
    (:Person)-[:WORKS_AT {n, seq, title, start, end, current}]->(:Organization {id, name, ...})
    (:Person)-[:MEMBER_OF {role}]->(:Group {name})
    (:Introduction {seq, ...}), (:Target {seq, ...})
    (:GraphkitMeta {id: 'graphkit', me, as_of, model, complete, source})

The labels and relationship types are the fixed ones in :data:`LABELS` and :data:`REL_TYPES`;
the query files may use no others.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, fields
from typing import Any, TypeVar

from graphkit.model import Tie
from graphkit.store.base import TieView
from graphkit.strength import StrengthModel

#: Node labels graphkit writes and reads; ``load --replace`` deletes exactly these.
LABELS = ("Person", "Organization", "Group", "Introduction", "Target", "GraphkitMeta")
#: Relationship types graphkit writes and reads.
REL_TYPES = ("KNOWS", "WORKS_AT", "MEMBER_OF")

R = TypeVar("R")


def _props(record: Any, omit: tuple[str, ...] = (), **more: Any) -> dict[str, Any]:
    """A record's fields (but ``omit``) as Neo4j properties, plus ``more``: tuples become
    lists, ``extra`` JSON text, and None is left out (Neo4j does not store nulls)."""
    out: dict[str, Any] = {}
    for f in fields(record):
        if f.name in omit:
            continue
        value = getattr(record, f.name)
        if f.name == "extra":
            value = json.dumps([list(pair) for pair in value], ensure_ascii=False)
        elif isinstance(value, tuple):
            value = list(value)
        if value is not None:
            out[f.name] = value
    out.update({k: v for k, v in more.items() if v is not None})
    return out


def _value(value: Any, name: str) -> Any:
    if name == "extra":
        return tuple(tuple(pair) for pair in json.loads(value or "[]"))
    if isinstance(value, list):
        return tuple(value)
    if hasattr(value, "to_native"):  # neo4j.time.Date
        return value.to_native()
    return value


def _record(cls: type[R], props: Mapping[str, Any], **given: Any) -> R:
    kwargs = {f.name: _value(props[f.name], f.name) for f in fields(cls)  # type: ignore[arg-type]
              if f.name in props}
    kwargs.update(given)
    return cls(**kwargs)


def _tie_props(view: TieView) -> dict[str, Any]:
    props = _props(view.tie)
    props["set_strength"] = props.pop("strength", None)
    props["strength"] = view.strength
    props["evidence"] = list(view.evidence)
    return {k: v for k, v in props.items() if v is not None}


def _tie_view(props: Mapping[str, Any]) -> TieView:
    tie = _record(Tie, props, strength=props.get("set_strength"))
    return TieView(tie, props["strength"], tuple(props.get("evidence") or ()))


def _model_text(model: StrengthModel) -> str:
    return json.dumps(asdict(model), sort_keys=True)
