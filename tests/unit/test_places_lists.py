"""Names listed together, and names the model swallowed: list partners, list kinds, overruns."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from streams.tagging.places.context import partner_features
from streams.tagging.places.cues import mark_partners
from streams.tagging.places.gazetteer import Candidate
from streams.tagging.places.toponym import Resolution, Toponym
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)

_VOCAB = spacy.blank("en").vocab


def _toponyms(doc: Doc, names: list[str]) -> list[Toponym]:
    words = [t.text for t in doc]
    return [Toponym(words.index(n), words.index(n) + 1, n.lower(), "ner") for n in names]


def test_comma_lists_of_three_and_and_lists_are_partners_but_a_town_and_its_state_are_not():
    doc = Doc(_VOCAB, words=["in", "Alberta", ",", "Manitoba", ",", "and", "Ontario", "."])
    listed = _toponyms(doc, ["Alberta", "Manitoba", "Ontario"])
    mark_partners(doc, listed)
    assert listed[2].partners == {"alberta", "manitoba"}
    pair = Doc(_VOCAB, words=["in", "Ceres", ",", "California", "."])
    qualified = _toponyms(pair, ["Ceres", "California"])
    mark_partners(pair, qualified)
    assert not qualified[0].partners and not qualified[1].partners
    both = Doc(_VOCAB, words=["Darfur", "and", "Malakal"])
    joined = _toponyms(both, ["Darfur", "Malakal"])
    mark_partners(both, joined)
    assert joined[1].partners == {"darfur"}


def test_partner_features_are_the_readings_of_the_listed_names():
    a, b = Toponym(0, 1, "alberta", "ner"), Toponym(2, 3, "ontario", "ner")
    a.partners, b.partners = {"ontario"}, {"alberta"}
    area = Candidate(id="geonames:5883102", name="Alberta", feature="admin1", country_code="CA")
    assert partner_features([a, b], [Resolution(area, 0.9), None], "ontario") == frozenset({"admin1"})
    assert partner_features([a, b], [Resolution(area, 0.9), None], "alberta") == frozenset()


def test_provinces_in_a_list_of_provinces_are_provinces(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Cantaloupes were recalled in the United States and "
                              "Canada. Stores in Alberta, British Columbia, Manitoba, Ontario and "
                              "New Brunswick pulled them, as did stores in California and Oregon."))
    for mention in ("Ontario", "New Brunswick"):
        assert (found[mention].feature, found[mention].country_code) == ("admin1", "CA")


def test_a_country_the_model_ran_on_past_is_a_place(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Officials reported the dead as best they can: "
                              "Sri Lanka - approximately 28,500, India - more than 10,000."))
    assert found["Sri Lanka"].country_code == "LK"


def test_a_country_without_a_capital_in_the_extracts_has_a_point(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Health officials in Togo confirmed the outbreak."))
    togo = found["Togo"]
    assert togo.feature == "country" and togo.lat == pytest.approx(8.0, abs=1.5)


def test_a_big_city_by_its_old_english_name(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Over 150,000 stall wallahs in Calcutta will be shown "
                              "how to prepare food safely."))
    assert (found["Calcutta"].name, found["Calcutta"].country_code) == ("Kolkata", "IN")


def test_a_province_abbreviation_after_a_town_with_its_full_stop(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "She sold her home in Barrie, Ont., and moved to "
                              "Gatineau, Que., with her children."))
    assert (found["Ont."].name, found["Ont."].feature) == ("Ontario", "admin1")
    assert (found["Que."].name, found["Que."].country_code) == ("Quebec", "CA")
