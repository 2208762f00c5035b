"""Choosing among a name's readings: local towns named like countries, "X City" read as X,
areas of one name in several countries, the town after "the town of", unlabelled areas
abroad, and demonyms that begin a place name.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from streams.tagging.places.demonyms import find_demonyms
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)


def test_a_town_named_like_a_country_among_local_places_is_the_town(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Deputies said a barn burned near Mount Juliet and "
                              "a shed in Hendersonville, and a second fire broke out in Lebanon."))
    assert (found["Lebanon"].feature, found["Lebanon"].country_code, found["Lebanon"].admin1) == \
        ("city", "US", "Tennessee")


def test_a_country_named_abroad_stays_the_country(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Officials in Nashville said the state would send "
                              "doctors to Lebanon after the explosion."))
    assert found["Lebanon"].feature == "country"


def test_a_city_called_x_city_is_read_by_x(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "New York prosecutors charged a former aide with fraud."))
    assert (found["New York"].feature, found["New York"].name) == ("city", "New York City")
    found = by_mention(places(nlp, resolver, "Oklahoma lawmakers passed a budget on Friday."))
    assert found["Oklahoma"].feature == "admin1"  # Oklahoma City is not big enough to take the name


def test_of_two_areas_of_one_name_the_one_with_a_big_namesake_town_comes_first(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Aid trucks entered Gaza on Sunday."))
    assert found["Gaza"].country_code == "PS"


def test_the_town_of_x_is_the_town_not_its_region(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Rebels seized the town of Kidal, Mali's army said."))
    assert (found["Kidal"].feature, found["Kidal"].country_code) == ("city", "ML")


def test_an_unlabelled_area_name_abroad_is_not_taken(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "The Nile Delta is losing farmland to the sea, and "
                              "farmers near Damietta and Rosetta say salt has ruined their soil."))
    assert all(p.country_code in (None, "EG") for p in found.values())
    assert found["Damietta"].country_code == "EG"


def test_a_demonym_that_begins_a_place_name_is_no_demonym(nlp, resolver):  # noqa: F811
    doc = nlp("Two men were arrested in Spanish Wells, and Spanish police helped.")
    assert [doc.text[s:e] for s, e, _ in find_demonyms(doc, [])] == ["Spanish", "Spanish"]
    assert [doc.text[s:e] for s, e, _ in find_demonyms(doc, [], resolver.gazetteer)] == ["Spanish"]
    assert find_demonyms(doc, [], resolver.gazetteer)[0][0] == doc.text.index("Spanish police")


def test_a_state_is_not_read_as_its_capital_named_in_the_same_sentence(nlp, resolver):  # noqa: F811
    # Bahia and Ceara are also old names of Salvador and Fortaleza; a reader who meets both
    # names takes the first for the state
    for text, state, town in (("Police in Bahia said the gang had robbed banks in Salvador and Ilheus.",
                               "Bahia", "Salvador"),
                              ("Storms in Ceara cut power to homes in Fortaleza and Sobral.",
                               "Ceara", "Fortaleza")):
        found = by_mention(places(nlp, resolver, text))
        assert (found[state].feature, found[town].feature) == ("admin1", "city"), text



def test_the_article_of_an_agency_named_after_a_state_is_not_a_river_cue(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "The Ohio Department of Transportation closed a bridge "
                              "lane at Marietta, and drivers were sent through Parkersburg."))
    assert (found["Ohio"].feature, found["Ohio"].admin1) == ("admin1", "Ohio")


def test_a_governor_names_the_area_and_a_mayor_the_town(nlp, resolver):  # noqa: F811
    # areas and towns of one name: the office next to the name says which one is meant
    for text, name, feature in (("Kano's governor ordered schools closed.", "Kano", "admin1"),
                                ("Chihuahua's governor asked for troops.", "Chihuahua", "admin1"),
                                ("Mendoza's mayor closed the city parks after the storm.", "Mendoza", "city"),
                                ("The mayor of Quebec asked for federal help after the storm.", "Quebec", "city")):
        assert by_mention(places(nlp, resolver, text))[name].feature == feature, text


def test_a_municipality_named_like_its_town_is_read_as_the_town(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Schools closed in Juchitan and Salina Cruz after the "
                              "earthquake, and the road to Tehuantepec was cut."))
    assert (found["Juchitan"].feature, found["Juchitan"].admin1) == ("city", "Oaxaca")
    found = by_mention(places(nlp, resolver, "Fishermen from Salina Cruz and Juchitan blocked the port."))
    assert found["Salina Cruz"].feature == "city"


def test_a_city_read_by_the_words_before_its_particle_is_the_city(nlp, resolver):  # noqa: F811
    # "Santa Cruz" for Santa Cruz de la Sierra, as the news writes it, weighs like "X" for "X City"
    found = by_mention(places(nlp, resolver, "Bolivian police cleared roadblocks near Santa Cruz and "
                              "Cochabamba on Sunday."))
    assert (found["Santa Cruz"].name, found["Santa Cruz"].feature) == ("Santa Cruz de la Sierra", "city")
    found = by_mention(places(nlp, resolver, "The motorway to Xalapa was closed by protesters from Veracruz."))
    assert (found["Xalapa"].name, found["Xalapa"].feature) == ("Xalapa de Enríquez", "city")


def test_a_name_is_the_bigger_city_of_exactly_that_name_before_a_town_with_it_as_another_name(nlp, resolver):  # noqa: F811
    # the store lists "Milan" among Syracuse's other names; a reader takes Milan for Milan
    found = by_mention(places(nlp, resolver, "Fashion buyers from Milan and Tokyo met designers in "
                              "New York on Monday."))
    assert (found["Milan"].country_code, found["New York"].name) == ("IT", "New York City")


def test_an_area_named_like_its_town_is_the_area_when_other_towns_of_it_lie_far_away(nlp, resolver):  # noqa: F811
    # Montreal and Gatineau are far from Quebec City: the story is about the province
    found = by_mention(places(nlp, resolver, "In Quebec, the ruling party lost seats in Montreal and Gatineau."))
    assert found["Quebec"].feature == "admin1"
    found = by_mention(places(nlp, resolver, "Power failed in New York and Brooklyn on Monday."))
    assert found["New York"].name == "New York City"  # Brooklyn is part of the city
