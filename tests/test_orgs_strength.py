"""Organization-name resolution and the relationship-strength model."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from graphkit.errors import ConfigError, UnknownOrganization
from graphkit.model import Organization, Tie
from graphkit.orgs import OrgIndex, normalize
from graphkit.strength import StrengthModel

AS_OF = date(2026, 11, 22)


@pytest.mark.parametrize("name", ["Acme Corp", "ACME Corporation", "Acme Corp.", "Acme, Inc.",
                                  "acme", "  Acme   Corp  ", "Acme Co", "Ácme LLC"])
def test_acme_spellings_normalize_alike(name):
    assert normalize(name) == "acme"


def test_index_honours_aliases_ids_and_suggests():
    index = OrgIndex([Organization("o-acme", "Acme Corp", ("Acme Widgets",)),
                      Organization("o-ini", "Initech"),
                      Organization("o-food", "Greater Boston Food Network")])
    assert index.resolve("o-ini").name == "Initech"
    assert index.resolve("ACME WIDGETS").id == "o-acme"
    with pytest.raises(UnknownOrganization) as info:
        index.resolve("Acmee Corp")
    assert info.value.suggestions == ["Acme Corp"]
    assert index.suggest("food network") == ["Greater Boston Food Network"]
    assert index.suggest("zzzz") == []


def test_stronger_stage_fresher_contact_more_interactions_mean_stronger_ties():
    model = StrengthModel()

    def s(**kw):
        return model.score(Tie("a", "b", **kw), AS_OF).strength

    stages = [s(stage=x, last_contact=AS_OF) for x in
              ("acquaintance", "initiated", "advice", "referral")]
    assert stages == sorted(stages) and len(set(stages)) == 4
    ages = [s(stage="advice", last_contact=AS_OF - timedelta(days=d)) for d in (0, 90, 365, 2000)]
    assert ages == sorted(ages, reverse=True)
    assert s(stage="advice") == pytest.approx(0.65 * 0.5)  # no date: the recency floor
    assert s(interactions=30) - s(interactions=0) == pytest.approx(0.10)  # capped at 10


def test_half_life_and_sources_and_groups():
    model = StrengthModel()
    half = model.score(Tie("a", "b", stage="referral",
                           last_contact=AS_OF - timedelta(days=180)), AS_OF)
    assert half.strength == pytest.approx(0.85 * 0.75)
    assert "last contact 6 months ago" in half.evidence
    shared = model.score(Tie("a", "b", source="teammate-export"), AS_OF, ("Chess", "Choir"))
    assert shared.strength == pytest.approx((0.3 * 0.5 + 0.08) * 0.85)
    assert shared.evidence == ("both in Chess", "both in Choir", "from a teammate's export")


def test_explicit_strength_overrides_and_same_inputs_same_scores():
    model = StrengthModel()
    tie = Tie("a", "b", strength=0.42, stage="referral", last_contact=AS_OF)
    assert model.score(tie, AS_OF).strength == 0.42
    dated = Tie("a", "b", stage="advice", last_contact=date(2026, 1, 1))
    assert model.score(dated, AS_OF) == model.score(dated, AS_OF)
    assert model.score(dated, AS_OF) != model.score(dated, date(2027, 1, 1))


def test_model_is_tunable_from_settings():
    model = StrengthModel.from_settings({"stages": {"advice": 0.9}, "recency_floor": 1.0})
    assert model.score(Tie("a", "b", stage="advice"), AS_OF).strength == 0.9
    assert model.stages["referral"] == 0.85
    with pytest.raises(ConfigError, match="unknown setting"):
        StrengthModel.from_settings({"halflife": 3})


def test_strengths_stay_in_range():
    model = StrengthModel.from_settings({"stages": {"referral": 5.0}})
    assert model.score(Tie("a", "b", stage="referral", last_contact=AS_OF), AS_OF).strength == 1.0
    low = StrengthModel.from_settings({"stages": {"acquaintance": 0.0}})
    assert low.score(Tie("a", "b"), AS_OF).strength == 0.01


def test_a_connection_date_counts_less_than_contact_and_the_weight_is_tunable():
    import numpy as np

    from graphkit.strength import tie_strengths

    when = date(2026, 10, 1)
    ties = [Tie("a", "b", last_contact=when, source="own-export"),
            Tie("a", "c", last_contact=when, source="teammate-export", stage="acquaintance"),
            Tie("a", "d", last_contact=when, source="own-export", interactions=2),
            Tie("a", "e", last_contact=when, source="manual"),
            Tie("a", "f", last_contact=when, source="own-export", stage="initiated")]
    for model in (StrengthModel(), StrengthModel.from_settings({"connection_weight": 0.2})):
        scalar = [model.score(t, AS_OF).strength for t in ties]
        assert scalar[0] < model.score(Tie("a", "b", last_contact=when), AS_OF).strength
        stages, sources = ["", "acquaintance", "initiated"], ["own-export", "teammate-export",
                                                              "manual"]
        vector = tie_strengths(
            model, AS_OF, explicit=np.full(len(ties), np.nan),
            stage=np.array([stages.index(t.stage) for t in ties]), stage_names=stages,
            last_contact=np.array([when.toordinal()] * len(ties)),
            interactions=np.array([t.interactions for t in ties]),
            shared_groups=np.zeros(len(ties), dtype=np.int64),
            source=np.array([sources.index(t.source) for t in ties]), source_names=sources)
        assert list(vector) == scalar  # bit for bit
    weak = StrengthModel.from_settings({"connection_weight": 0.2}).score(ties[0], AS_OF)
    assert weak.strength < StrengthModel().score(ties[0], AS_OF).strength
    assert weak.evidence == ("connected 1 month ago",)
