"""The relationship-strength model: a tie's evidence becomes a strength in (0, 1].

The formula (every weight tunable in graphkit.toml under ``[strength]``)::

    base     = stage weight            acquaintance 0.30, initiated 0.45,
                                       advice 0.65, referral 0.85 (no stage: acquaintance)
    recency  = floor + (1 - floor) * w * 0.5 ** (days since last contact / half_life_days)
                                       floor 0.5, half life 180 days; no date: floor
                                       w = 1 for real contact; connection_weight 0.5 when the
                                       only date is when an export says you connected
    bonus    = min(interactions, 10) * 0.01 + min(shared groups, 3) * 0.04
    source   = own-export / manual 1.0, introduction 0.95, teammate-export 0.85, inferred 0.6
    strength = clamp((base * recency + bonus) * source, 0.01, 1.0)

A tie *only connected* comes from an export (own or teammate), has no stage beyond
acquaintance and no interactions: its date says when you connected, not that you ever talked.
Imported evidence (messages, meetings, emails, recommendations) gives a tie interactions, a
last contact and a stage (``initiated`` once they wrote back, ``advice`` once they recommended
you), and its notes say so ("12 LinkedIn messages (5 from them)"); those notes are shown as
evidence. An explicit ``strength`` in ties.csv overrides the formula. Recency is measured from
an as-of date, so the same files and the same as-of date always give the same strengths.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from graphkit.errors import ConfigError
from graphkit.model import STAGE_LABELS, Tie

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray


def _default_stages() -> dict[str, float]:
    return {"acquaintance": 0.30, "initiated": 0.45, "advice": 0.65, "referral": 0.85}


def _default_sources() -> dict[str, float]:
    return {"manual": 1.0, "own-export": 1.0, "introduction": 0.95, "teammate-export": 0.85,
            "inferred": 0.6}


#: Sources whose date, alone, only says when two people connected.
EXPORT_SOURCES = ("own-export", "teammate-export")

#: Segments of a tie's notes written by the evidence importers (shown as evidence).
_EVIDENCE = re.compile(
    r"^(\d+ (LinkedIn messages?|meetings?|emails?)\b.*|they replied|they never replied|"
    r"you invited them.*|they invited you.*|recommended you.*|endorsed you.*)$")


def only_connected(tie: Tie) -> bool:
    """True when the tie's only evidence is an export's connection date.

    >>> only_connected(Tie("me", "ann", last_contact=date(2020, 1, 1), source="own-export"))
    True
    >>> only_connected(Tie("me", "ann", interactions=3, source="own-export"))
    False
    """
    return (tie.source in EXPORT_SOURCES and tie.stage in ("", "acquaintance")
            and not tie.interactions)


def notes_evidence(notes: str) -> list[str]:
    """The evidence the importers wrote into a tie's notes, in order.

    >>> notes_evidence("12 LinkedIn messages (5 from them); they replied; met at a fair")
    ['12 LinkedIn messages (5 from them)', 'they replied']
    """
    return [part for part in (p.strip() for p in notes.split(";")) if _EVIDENCE.match(part)]


@dataclass(frozen=True)
class ScoredTie:
    """A tie's strength and the human-readable evidence behind it."""

    strength: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class StrengthModel:
    """Tunable weights of the formula in this module's docstring."""

    stages: dict[str, float] = field(default_factory=_default_stages)
    sources: dict[str, float] = field(default_factory=_default_sources)
    recency_floor: float = 0.5
    half_life_days: float = 180.0
    per_interaction: float = 0.01
    max_interactions: int = 10
    per_shared_group: float = 0.04
    max_shared_groups: int = 3
    connection_weight: float = 0.5

    @classmethod
    def from_settings(cls, settings: dict[str, Any] | None) -> StrengthModel:
        """Build from the ``[strength]`` table of graphkit.toml (missing keys keep defaults).

        >>> StrengthModel.from_settings({"half_life_days": 90}).half_life_days
        90.0
        """
        model = cls()
        if not settings:
            return model
        known = {f.name for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in settings.items():
            if key not in known:
                raise ConfigError(f"[strength] {key}: unknown setting; valid ones are "
                                  + ", ".join(sorted(known)))
            if key in ("stages", "sources"):
                if not isinstance(value, dict):
                    raise ConfigError(f"[strength] {key} must be a table of name = weight")
                changes[key] = {**getattr(model, key), **{k: float(v) for k, v in value.items()}}
            elif key in ("max_interactions", "max_shared_groups"):
                changes[key] = int(value)
            else:
                changes[key] = float(value)
        return replace(model, **changes)

    def score(self, tie: Tie, as_of: date, shared_groups: tuple[str, ...] = ()) -> ScoredTie:
        """The strength of ``tie`` on ``as_of`` and the evidence, strongest reasons first.

        Examples
        --------
        >>> model = StrengthModel()
        >>> t = Tie("me", "ann", stage="advice", last_contact=date(2026, 1, 1), interactions=4)
        >>> round(model.score(t, date(2026, 1, 1)).strength, 6)
        0.69
        >>> c = Tie("me", "cy", last_contact=date(2018, 1, 1), source="own-export")
        >>> model.score(c, date(2026, 1, 1)).evidence
        ('connected 8 years ago',)
        >>> model.score(Tie("me", "bob", strength=0.9), date(2026, 1, 1)).evidence
        ('strength set by hand: 0.9',)
        """
        evidence: list[str] = []
        if tie.stage:
            evidence.append(STAGE_LABELS.get(tie.stage, tie.stage))
        connected = only_connected(tie)
        if tie.last_contact is not None:
            evidence.append(("connected " if connected else "last contact ")
                            + ago(tie.last_contact, as_of))
        noted = notes_evidence(tie.notes) if tie.source != "inferred" else []
        if tie.interactions and not noted:
            evidence.append(f"{tie.interactions} interaction{'s' if tie.interactions != 1 else ''}")
        evidence.extend(noted)
        source = tie.source or "manual"
        for group in shared_groups:
            if not (source == "inferred" and f"both in {group} (" in tie.notes):
                evidence.append(f"both in {group}")
        if source == "teammate-export":
            evidence.append("from a teammate's export")
        elif source == "introduction":
            evidence.append("met through an introduction")
        elif source == "inferred":
            # The notes of an inferred tie are its evidence ("both at Acme Corp 2019-2021").
            evidence.append(f"inferred: {tie.notes}" if tie.notes else "inferred, not recorded")
        if tie.strength is not None:
            return ScoredTie(tie.strength, (f"strength set by hand: {tie.strength:g}",
                                            *evidence))
        base = self.stages.get(tie.stage or "acquaintance", self.stages["acquaintance"])
        recency = self.recency_floor
        if tie.last_contact is not None:
            days = max((as_of - tie.last_contact).days, 0)
            weight_of_date = self.connection_weight if connected else 1.0
            recency += ((1.0 - self.recency_floor) * weight_of_date
                        * 0.5 ** (days / self.half_life_days))
        bonus = (min(tie.interactions, self.max_interactions) * self.per_interaction
                 + min(len(shared_groups), self.max_shared_groups) * self.per_shared_group)
        weight = self.sources.get(source, 1.0)
        value = min(max((base * recency + bonus) * weight, 0.01), 1.0)
        return ScoredTie(value, tuple(evidence))


def ago(when: date, as_of: date) -> str:
    """Say how long ago ``when`` was, as people do.

    >>> ago(date(2026, 11, 1), date(2026, 11, 22)), ago(date(2024, 1, 5), date(2026, 11, 22))
    ('3 weeks ago', '2 years ago')
    """
    days = (as_of - when).days
    if days < 0:
        return f"on {when.isoformat()} (after the as-of date)"
    if days == 0:
        return "today"
    for unit, size in (("year", 365), ("month", 30), ("week", 7), ("day", 1)):
        if days >= size:
            n = days // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "today"


def tie_strengths(model: StrengthModel, as_of: date, *, explicit: NDArray[np.float64],
                  stage: NDArray[np.integer], stage_names: Sequence[str],
                  last_contact: NDArray[np.integer], interactions: NDArray[np.integer],
                  shared_groups: NDArray[np.integer], source: NDArray[np.integer],
                  source_names: Sequence[str]) -> NDArray[np.float64]:
    """The strengths :meth:`StrengthModel.score` gives many ties at once, bit for bit.

    Every operation of the formula is done in the same order on float64 values, and the one
    transcendental step (the recency decay) is computed by Python once per distinct contact
    date, so the result equals the scalar model exactly, not approximately.

    Parameters
    ----------
    model : the strength model.
    as_of : the date recency is measured from.
    explicit : the explicit ``strength`` per tie, NaN where the model decides.
    stage, stage_names : per tie an index into ``stage_names`` (the tie's ``stage`` text).
    last_contact : per tie the proleptic ordinal of the last contact (``date.toordinal``),
        0 for none.
    interactions : per tie the number of interactions (>= 0).
    shared_groups : per tie the number of groups both people belong to.
    source, source_names : per tie an index into ``source_names`` (the tie's ``source`` text).

    Returns
    -------
    ndarray of float64, one strength per tie.

    Examples
    --------
    >>> import numpy as np
    >>> model = StrengthModel()
    >>> t = Tie("me", "ann", stage="advice", last_contact=date(2026, 1, 1), interactions=4)
    >>> got = tie_strengths(model, date(2026, 2, 1), explicit=np.array([np.nan, 0.9]),
    ...                     stage=np.array([1, 0]), stage_names=["", "advice"],
    ...                     last_contact=np.array([date(2026, 1, 1).toordinal(), 0]),
    ...                     interactions=np.array([4, 0]), shared_groups=np.array([0, 0]),
    ...                     source=np.array([0, 0]), source_names=[""])
    >>> got[0] == model.score(t, date(2026, 2, 1)).strength, float(got[1])
    (np.True_, 0.9)
    """
    import numpy as np

    acquaintance = model.stages["acquaintance"]
    base_of = np.array([model.stages.get(name or "acquaintance", acquaintance)
                        for name in stage_names] or [acquaintance], dtype=np.float64)
    weight_of = np.array([model.sources.get(name or "manual", 1.0) for name in source_names]
                         or [1.0], dtype=np.float64)
    base = base_of[stage]
    connected_stage = np.array([name in ("", "acquaintance") for name in stage_names] or [True])
    export_source = np.array([name in EXPORT_SOURCES for name in source_names] or [False])
    connected = connected_stage[stage] & export_source[source] & (interactions == 0)

    recency = np.full(len(explicit), model.recency_floor, dtype=np.float64)
    dated = last_contact != 0
    if dated.any():
        days = np.maximum(as_of.toordinal() - last_contact[dated].astype(np.int64), 0)
        lo, hi = int(days.min()), int(days.max())
        if hi - lo <= 200_000:  # a table per day in the range: O(range) Python calls
            values = np.arange(lo, hi + 1)
            index = days - lo
        else:
            values, index = np.unique(days, return_inverse=True)
        # The decay in Python, as the scalar model computes it (numpy's pow may differ in ulps).
        tables = [np.array([model.recency_floor + (1.0 - model.recency_floor) * w
                            * 0.5 ** (int(d) / model.half_life_days) for d in values],
                           dtype=np.float64) for w in (1.0, model.connection_weight)]
        recency[dated] = np.where(connected[dated], tables[1][index], tables[0][index])

    bonus = (np.minimum(interactions, model.max_interactions).astype(np.float64)
             * model.per_interaction
             + np.minimum(shared_groups, model.max_shared_groups).astype(np.float64)
             * model.per_shared_group)
    value = np.minimum(np.maximum((base * recency + bonus) * weight_of[source], 0.01), 1.0)
    return np.where(np.isnan(explicit), value, explicit)
