"""Place names the finder used to miss: compounds, places inside organisations' names, area words.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from tests.unit.tagged_places import places


def test_a_place_opening_a_hyphenated_compound_is_found(tagger):
    found = places(tagger, "A Kharkiv-based charity delivered insulin to villages near the front, "
                           "and a Rivne-bound train left at noon.")
    assert found["Kharkiv"][1:] == ("UA", "city") and found["Rivne"][1:] == ("UA", "city")
    # after "-owned", "-backed" ... only a country or a region: "Amazon-owned" is a company
    assert "Amazon" not in places(tagger, "An Amazon-owned warehouse opened near the port.")


def test_a_country_named_by_its_red_cross_or_union_is_a_place(tagger):
    found = places(tagger, "The Zambia Red Cross Society sent tents to families in Kazungula "
                           "after the storm.")
    assert found["Zambia"] == ("Zambia", "ZM", "country")
    assert "Red Cross" not in found  # the body's own words are no place


def test_a_disease_word_inside_an_organisations_name_leaves_its_place(tagger):
    found = places(tagger, "Scientists at the Uganda Virus Research Institute tested the samples.")
    assert found["Uganda"] == ("Uganda", "UG", "country")
    # a name before "virus" alone is still the disease
    assert "West Nile" not in places(tagger, "Two horses died of West Nile virus on a farm.")


def test_a_town_ending_like_a_demonym_inside_an_organisation_is_still_the_town(tagger):
    found = places(tagger, "Students of the University of Karachi protested on Monday, and the "
                           "Canadian National Railway stopped its trains.")
    assert found["Karachi"][1:] == ("PK", "city")
    assert "Canadian" not in found  # a people's name is no town (Canadian, Texas)


def test_a_name_the_model_calls_a_people_is_a_place_before_an_area_word(tagger):
    found = places(tagger, "A child from Mangochi district was the first case, officials said.")
    assert found["Mangochi district"][1] == "MW"


def test_a_common_word_before_an_area_word_names_that_area(tagger):
    found = places(tagger, "Floods hit Unity state and Lakes state, while the Islamic State "
                           "claimed an attack in the Eastern province.")
    assert found["Unity"] == ("Unity", "SS", "admin1")
    assert not {"Islamic State", "Eastern", "Eastern province"} & set(found)


def test_a_name_before_an_area_word_is_taken_whatever_its_part_of_speech(tagger):
    found = places(tagger, "Anambra state lawmakers approved the budget on Friday.")
    assert found["Anambra"][1:] == ("NG", "admin1")  # "Anambra" tagged a common noun


def test_a_place_around_the_models_piece_of_it_is_found(tagger):
    found = places(tagger, "Floods cut the road between Santo Domingo and La Vega on Sunday.")
    assert found["Santo Domingo"][1] == "DO"


def test_a_place_the_model_ran_into_its_suburbs_is_found_but_clubs_stay_clubs(tagger):
    found = places(tagger, "TYPHOID CASES CLIMB IN HARARE SUBURBS")
    assert found["HARARE"][1:] == ("ZW", "city")  # "HARARE SUBURBS" an organisation
    assert "Ohio" not in places(tagger, "Ohio State lost to Penn State on Saturday.")


def test_a_capitalised_name_after_a_preposition_is_a_name_whatever_its_tag(tagger):
    found = places(tagger, "Thousands of families fled to Sake as the fighting spread, aid groups in "
                           "Goma said.")
    assert found["Sake"][1] == "CD"


def test_a_province_named_by_its_provincial_body_is_a_place(tagger):
    found = places(tagger, "The Guangdong Provincial Center for Disease Control said 30 cases "
                           "were confirmed.")
    assert found["Guangdong"][1:] == ("CN", "admin1")


def test_a_disease_named_after_a_place_is_no_place_but_the_town_after_in_is(tagger):
    found = places(tagger, "Chikungunya spread in Reunion, and an outbreak of Marburg virus was "
                           "confirmed in Marburg, Germany.")
    assert "Chikungunya" not in found and found["Marburg"][1] == "DE"


def test_the_place_someone_or_something_moved_to_is_a_place(tagger):
    found = places(tagger, "Ebola spread to Goma. Zika was found in Recife.")
    assert found["Goma"][1] == "CD"


def test_a_city_council_is_the_towns_unless_the_city_is_its_own_place(tagger):
    found = places(tagger, "The Alexandria City Council approved a budget on Monday, and lawmakers "
                           "in Richmond, Virginia, praised it.")
    assert found["Alexandria"][1] == "US"  # not Alexandria City, Alabama
    kansas = places(tagger, "The Kansas City Council met on Monday.")
    assert kansas["Kansas City"][1:] == ("US", "city") and "Kansas" not in kansas


def test_a_person_like_name_taken_to_or_reached_from_a_place_is_a_place(tagger):
    found = places(tagger, "The tanker was seized in the Gulf and taken to Bandar Abbas. Migrants "
                           "sailed from Libya to Lampedusa.")
    assert found["Bandar Abbas"][1] == "IR" and found["Lampedusa"][1] == "IT"


def test_a_noun_for_people_opening_a_sentence_is_no_place(tagger):
    # the model labels a capitalised "Gunmen" a place; unknown to the gazetteer, it was kept
    found = places(tagger, "Police shot dead two students in Dhaka on Monday.\n"
                           "Gunmen killed four soldiers at a checkpoint near Mopti.")
    assert "Gunmen" not in found
    assert found["Mopti"][1] == "ML" and found["Dhaka"][1] == "BD"
