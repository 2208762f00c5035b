"""Spelling variants of unknown names, tried only in the story's countries.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from streams.tagging.places.gazetteer import Candidate, Gazetteer
from streams.tagging.places.variants import spelling_variants, variant_entries
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)


def test_respellings_add_the_arabic_article_as_pronounced_and_drop_a_final_h():
    assert spelling_variants("zubayr")[-1] == "az zubayr"
    assert "ash shamiyah" in spelling_variants("shamiyah")
    assert "rumaytha" in spelling_variants("rumaythah")
    assert spelling_variants("al-kafr nabl")[:2] == ["al kafr nabl", "kafr nabl"]
    assert "tallafar" in spelling_variants("tall afar")
    assert spelling_variants("kut") == []  # too short to respell safely
    assert "zubayr" not in spelling_variants("zubayr")


def test_a_respelling_counts_only_in_the_story_countries():
    town = Candidate("geonames:1", "Az Zubayr", "city", 1, "IQ", "IQ-BA", 30.39, 47.70, 120_000)
    gazetteer = Gazetteer([("Az Zubayr", town, False)])
    assert [e.candidate for e in variant_entries("zubayr", gazetteer, {"IQ", "KW"})] == [town]
    assert variant_entries("zubayr", gazetteer, {"SY"}) == ()
    assert variant_entries("zubayr", gazetteer, set()) == ()


def test_a_town_spelled_without_its_article_is_found_next_to_its_neighbours(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Police in Zubayr and Basra arrested four men after a "
                              "pipeline fire in southern Iraq."))
    assert (found["Zubayr"].country_code, found["Zubayr"].admin1) == ("IQ", "Basra")
    found = by_mention(places(nlp, resolver, "Farmers near Rumaythah and Samawah said the canals "
                              "had run dry, Iraqi officials said."))
    assert found["Rumaythah"].country_code == "IQ" and found["Rumaythah"].lat is not None
