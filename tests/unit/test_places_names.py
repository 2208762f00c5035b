"""Reading place names: dotted abbreviations and the names a place is known by.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from core.settings import get_settings
from streams.tagging.places.filters import person_words
from streams.tagging.spacy_model import load_pipeline
from streams.tagging.tagger import Tagger
from tests.unit.tagged_places import places, tag_body


def test_a_hyphen_after_a_dotted_initialism_is_its_own_token():
    nlp = load_pipeline(get_settings().spacy_model)
    assert [t.text for t in nlp("A U.S.-led force and U.K.-funded clinics.")] == [
        "A", "U.S.", "-", "led", "force", "and", "U.K.", "-", "funded", "clinics", "."]
    # a hyphen between words, or after an abbreviation that is no initialism, is as before
    assert [t.text for t in nlp("A Nairobi-based firm in Jan.-Feb. sales.")][:4] == ["A", "Nairobi", "-", "based"]
    assert "Jan.-Feb" in [t.text for t in nlp("A Nairobi-based firm in Jan.-Feb. sales.")]


def test_a_dotted_country_before_a_hyphen_is_the_country(tagger):
    found = places(tagger, "A U.S.-led coalition struck targets near the border, and a U.K.-funded "
                           "clinic reopened in the town.")
    assert found["U.S."] == ("United States", "US", "country")
    assert found["U.K."] == ("United Kingdom", "GB", "country")
    assert "U.S.-led" not in found
    # a state's abbreviation after its town, as "Albany, N.Y."
    assert places(tagger, "Protesters marched in Washington, D.C., on Monday.")["D.C."] == (
        "District of Columbia", "US", "admin1")


def entities(tagger: Tagger, body: str) -> dict[str, str]:
    """Entity mention text -> type."""
    return {m.text: e.type for e in tag_body(tagger, body).entities for m in e.mentions}


def test_a_dotted_country_before_a_capitalised_word_is_no_ones_initials(tagger):
    body = ("The U.S. Army flew supplies to the valley. U.S. Agriculture Secretary Tom Vilsack said the "
            "ban would end. Cases rose across the U.S. The first was found in May.")
    assert [m for m in places(tagger, body) if m == "U.S."] == ["U.S."]
    assert places(tagger, body)["U.S."] == ("United States", "US", "country")
    found = entities(tagger, body)
    assert found.get("U.S. Army") == "ORG"
    assert "U.S. Agriculture" not in found and "U.S. The" not in found
    # people's initials are as before
    assert entities(tagger, "J.R. Ewing and A. Dale met in Dallas.") == {"J.R. Ewing": "PERSON", "A. Dale": "PERSON"}


def test_a_country_opening_a_guard_or_navy_is_a_place_of_the_story(tagger):
    found = places(tagger, "The U.S. Coast Guard rescued four fishermen, and the Kenya Navy searched the coast.")
    assert found["U.S."] == ("United States", "US", "country")
    assert found["Kenya"] == ("Kenya", "KE", "country")


def test_names_written_with_stops_or_hyphens_are_the_indexed_names(tagger):
    found = places(tagger, "Fighting flared in eastern D.R. Congo on Tuesday, and floods hit Kvemo-Kartli "
                           "near Tbilisi.")
    assert found["D.R. Congo"] == ("Democratic Republic of the Congo", "CD", "country")
    assert found["Kvemo-Kartli"] == ("Kvemo Kartli", "GE", "admin1")
    # initials without their stops must still name a country or a region: "U.N." is no town "Un"
    assert "U.N." not in places(tagger, "Donors met in Riyadh, where U.S. and U.N. officials also spoke.")


def test_a_historic_english_name_of_a_region_is_the_region(tagger):
    found = places(tagger, "A cyclone made landfall on the coast of Orissa, and floods cut roads in "
                           "Transcarpathia.")
    assert found["Orissa"] == ("Odisha", "IN", "admin1")
    assert found["Transcarpathia"][1:] == ("UA", "admin1")


def test_a_name_after_the_village_of_is_a_place_known_or_not(tagger):
    # an invented village the gazetteer cannot know: a place without a point, not an organisation
    tagged = tag_body(tagger, "Gunmen killed 12 civilians in an attack on the village of Kwaramendo "
                              "in northern Burkina Faso on Sunday.")
    village = next(p for p in tagged.places if p.name == "Kwaramendo")
    assert village.lat is None and village.geonames_id is None
    assert "Kwaramendo" not in {e.name for e in tagged.entities}


def test_a_town_found_only_by_a_foreign_places_other_name_is_not_that_place(tagger):
    # GeoNames lists "Boni" among Bonn's names; in a Malian story the town of Boni is not in Germany
    found = places(tagger, "BAMAKO - A roadside bomb killed five Malian soldiers near the central town "
                           "of Boni on Tuesday.")
    assert found.get("Boni", (None, None, None))[1] != "DE"
    # a big city's well-known other name still is the city
    assert places(tagger, "Protesters marched in Bombay on Monday.")["Bombay"] == ("Mumbai", "IN", "city")


def test_a_one_word_person_run_onto_a_line_break_is_no_surname():
    # the model may end a title's entity on the blank line after it ("Dakar\n\n" as a person):
    # that is one word, so "Dakar" is no surname that keeps every later "Dakar" off the map
    nlp = load_pipeline(get_settings().spacy_model)
    doc = Doc(nlp.vocab, words=["Rally", "in", "Dakar", "\n\n", "Angela", "Merkel", "spoke", "."],
              spaces=[True, True, False, False, True, True, False, False])
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, 4, 6, label="PERSON")]
    assert person_words(doc) == {"angela", "merkel"}


def test_a_countrys_own_name_is_the_country_not_its_capital_city(tagger):
    found = places(tagger, "A magnitude 6.8 earthquake struck southern Mexico on Thursday, killing at least 12 "
                           "people in the state of Oaxaca. Buildings swayed as far away as Mexico City.")
    assert found["Mexico"] == ("Mexico", "MX", "country")
    assert found["Mexico City"][2] == "city"
