"""A name the gazetteer does not know, before a word for an area or a landform, is a place
without a point (``places.finder._unknown_before_area``)."""

from __future__ import annotations

from streams.tagging.tagger import Tagger
from tests.unit.tagged_places import places, tag_body


def test_an_unknown_name_before_a_landform_is_a_place_without_a_point(tagger: Tagger):
    found = places(tagger, "Turkish warplanes struck PKK targets in the Qandil mountains of northern "
                           "Iraq on Friday.")
    assert found["Qandil"] == ("Qandil", None, "region")
    assert found["Iraq"][1] == "IQ"


def test_the_event_is_placed_in_the_named_area(tagger: Tagger):
    article = tag_body(tagger, "A landslide buried homes in the Gofa zone of southern Ethiopia on "
                               "Sunday, killing at least 48 people.")
    names = {p.id: p.name for p in article.places}
    assert names[article.events[0].place_ids[0]] == "Gofa"


def test_acronyms_peoples_and_listed_groups_before_an_area_word_are_no_places(tagger: Tagger):
    found = places(tagger, "Troops shelled the PKK area and the Kurdish region, and fought the "
                           "Lakurawa area fighters on Monday.")
    assert not {"PKK", "Kurdish", "Lakurawa"} & set(found)


def test_a_camp_is_named_for_the_place_it_stands_at(tagger: Tagger):
    article = tag_body(tagger, "RSF fighters overran the Zamzam displacement camp in North Darfur on Sunday.")
    assert ("Zamzam", None, "region") in {(p.name, p.country_code, p.feature) for p in article.places}
    assert not any(t.startswith("person:") for t in article.events[0].targets)
    assert "Boko Haram" not in places(tagger, "Troops raided a Boko Haram camp on Sunday.")
