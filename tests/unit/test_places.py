"""Places: toponyms found (also where the model mislabels them) and resolved in context."""

from __future__ import annotations

import pytest

from core.settings import REPO_ROOT, get_settings
from schemas import Place
from streams.tagging.config import load_config
from streams.tagging.places.context import Context
from streams.tagging.places.gazetteer import Candidate, Entry
from streams.tagging.places.resolver import PlaceResolver
from streams.tagging.places.score import resolve_one
from streams.tagging.places.toponym import Toponym
from streams.tagging.shared.text import ArticleText
from streams.tagging.spacy_model import load_pipeline

SAMPLE = REPO_ROOT.parent / "shared" / "samples" / "buffer-zone-article.txt"


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(get_settings().spacy_model)


@pytest.fixture(scope="module")
def resolver() -> PlaceResolver:
    return PlaceResolver.from_config(load_config().component("places"))


def places(nlp, resolver, body: str, title: str = "") -> list[Place]:
    text = ArticleText(title=title, body=body)
    found = resolver.extract(nlp(text.text), text)
    for place in found:
        for m in place.mentions:
            assert (title if m.field == "title" else body)[m.start:m.end] == m.text
    return found


def by_mention(found: list[Place]) -> dict[str, Place]:
    return {m.text: p for p in found for m in p.mentions}


def test_odesa_in_a_ukraine_story_is_the_ukrainian_city(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Russian drones hit Ukraine overnight. "
                              "In Odesa, a strike killed two people, officials in Kyiv said."))
    odesa = found["Odesa"]
    assert (odesa.geonames_id, odesa.feature, odesa.country_code) == (698740, "city", "UA")
    assert odesa.admin1 == "Odesa Oblast"
    assert odesa.lat == pytest.approx(46.49, abs=0.05) and odesa.confidence > 0.5


def test_regions_named_in_a_list_are_first_level_regions(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Putin ordered a buffer zone in Ukraine's Sumy and "
                              "Kharkiv regions."))
    for mention, name in (("Sumy", "Sumy Oblast"), ("Kharkiv", "Kharkiv Oblast")):
        place = found[mention]
        assert (place.name, place.feature, place.country_code) == (name, "admin1", "UA")
        assert place.lat is not None


def test_x_region_is_one_mention_and_a_bare_name_may_be_the_city(nlp, resolver):
    found = places(nlp, resolver, "Troops liberated Russia's Kursk region. "
                   "The incursion into Kursk ended in March.")
    kursk = [p for p in found if p.name == "Kursk Oblast"]
    assert len(kursk) == 1 and kursk[0].feature == "admin1"
    assert [m.text for m in kursk[0].mentions] == ["Kursk region"]
    assert by_mention(found)["Kursk"].geonames_id == 538560


def test_bare_name_is_the_city_when_the_region_is_named_explicitly(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Russian drone strikes hit Kharkiv overnight, killing "
                              "two. Power was cut in villages in the Kharkiv region, officials said."))
    assert (found["Kharkiv"].geonames_id, found["Kharkiv"].feature) == (706483, "city")
    assert (found["Kharkiv region"].name, found["Kharkiv region"].feature) == ("Kharkiv Oblast", "admin1")


def test_bare_names_listed_with_another_region_stay_regions(nlp, resolver):
    found = places(nlp, resolver, "Putin ordered a buffer zone in Ukraine's Sumy and Kharkiv regions. "
                   "Zelenskiy called the plans for Sumy and Kharkiv mad.")
    oblasts = {p.name: [m.text for m in p.mentions] for p in found if p.feature == "admin1"}
    assert oblasts == {"Sumy Oblast": ["Sumy", "Sumy"], "Kharkiv Oblast": ["Kharkiv", "Kharkiv"]}


def test_teams_on_results_lines_are_not_places_but_countries_are(nlp, resolver):
    found = by_mention(places(nlp, resolver, "BOSTON 69 66\nPeterborough 3 1 1 4 2\n"
                              "Middlesex 20 points\nGermany 2 Netherlands 1",
                              title="SPORTS - RESULTS"))
    assert not {"BOSTON", "Peterborough", "Middlesex"} & set(found)
    assert found["Germany"].feature == found["Netherlands"].feature == "country"


def test_the_place_a_public_body_serves_is_a_place_but_not_in_brand_names(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Officers of the Kentucky State Police arrested two "
                              "men, the New York Times reported, citing the U.S. Food and Drug "
                              "Administration."))
    assert found["Kentucky"].feature == "admin1" and found["U.S."].country_code == "US"
    assert "New York" not in found and "Drug" not in found


def test_bila_tserkva_is_one_place_not_bila(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Similar incidents in Bila Tserkva wounded residents, "
                              "Ukrainian officials said."))
    assert found["Bila Tserkva"].geonames_id == 712165
    assert "Bila" not in found


def test_black_sea_is_water_and_demonyms_are_not_places(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Ukrainian drones struck an oil plant in Tuapse and "
                              "a Black Sea port, Russian officials said."))
    assert found["Black Sea"].feature == "water" and found["Black Sea"].lat == pytest.approx(43)
    assert found["Tuapse"].geonames_id == 480716
    assert not {"Ukrainian", "Russian"} & set(found)


def test_a_state_after_a_comma_picks_the_town(nlp, resolver):
    found = by_mention(places(nlp, resolver, "The museum in Paris, Texas, reopened on Monday, "
                              "local officials said."))
    assert found["Paris"].country_code == "US" and found["Paris"].admin1 == "Texas"


def test_the_article_country_picks_the_town(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Canada must do more, organisers of a rally in London "
                              "said. Canada's stance was welcomed by families across Canada."))
    assert found["London"].country_code == "CA"


def test_disease_names_and_surnames_are_not_places(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Mark Paterson, a doctor, said the West Nile virus "
                              "spread fast. Paterson urged calm."))
    assert "West Nile" not in found and "Paterson" not in found


def test_salience_favours_the_title_and_repeated_places(nlp, resolver):
    found = places(nlp, resolver, "Ukraine and Russia traded strikes. Ukraine said Moscow "
                   "was to blame. Ukraine asked for help.", title="Strikes on Ukraine")
    salience = {p.name: p.salience for p in found}
    assert salience["Ukraine"] == max(salience.values())
    assert salience["Ukraine"] > salience["Moscow"]


def _entry(gid: int, name: str, cc: str, pop: int, feature: str = "city") -> Entry:
    return Entry(Candidate(id=f"geonames:{gid}", name=name, feature=feature, geonames_id=gid,
                           country_code=cc, lat=0.0, lon=0.0, population=pop))


def test_context_overturns_a_modest_population_lead_but_not_a_huge_one():
    odessa = (_entry(698740, "Odesa", "UA", 1_010_537), _entry(4531405, "Odessa", "US", 114_428))
    paris = (_entry(2988507, "Paris", "FR", 2_138_551), _entry(4717560, "Paris", "US", 25_000))
    us_story = Context(countries={"US": 4}, admin1=set())
    t = Toponym(0, 6, "odessa", "ner", "GPE")
    assert resolve_one(t, odessa, Context({"UA": 3}, set())).candidate.country_code == "UA"
    assert resolve_one(Toponym(0, 5, "paris", "ner", "GPE"), paris, us_story).candidate.country_code == "FR"
    london = (_entry(2643743, "London", "GB", 8_961_989), _entry(6058560, "London", "CA", 383_822))
    canada_story = Context(countries={"CA": 6, "SY": 2}, admin1=set())
    assert resolve_one(Toponym(0, 6, "london", "ner", "GPE"), london, canada_story).candidate.country_code == "CA"


def test_unlabelled_small_towns_need_support_from_the_article():
    drone = (_entry(1, "Drone", "IT", 2_000),)
    assert resolve_one(Toponym(0, 5, "drone", "gazetteer"), drone, Context({}, set())) is None
    valday = (_entry(477301, "Valday", "RU", 18_549),)
    product = Toponym(0, 6, "valdai", "relabel", "PRODUCT")
    assert resolve_one(product, valday, Context({}, set())) is None
    assert resolve_one(product, valday, Context({"RU": 5}, set())).candidate.geonames_id == 477301


def test_unknown_model_places_stay_unresolved_but_demonyms_go():
    assert resolve_one(Toponym(0, 6, "kfraya", "ner", "GPE"), (), None).candidate is None
    assert resolve_one(Toponym(0, 9, "ukrainian", "ner", "GPE"), (), None) is None


@pytest.mark.skipif(not SAMPLE.is_file(), reason="shared sample article not present")
def test_buffer_zone_sample_has_the_annotated_places(nlp, resolver):
    title, body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)
    found = places(nlp, resolver, body.strip("\n"), title=title)
    names = {p.name: p for p in found}
    ids = {p.geonames_id for p in found}
    assert {690791, 2017370, 6252001, 524901, 698740, 712165, 480716, 477301} <= ids
    for region in ("Sumy Oblast", "Kharkiv Oblast", "Novgorod Oblast"):
        assert names[region].feature == "admin1"
    assert "Kursk Oblast" in names or 538560 in ids
    assert "Belgorod Oblast" in names or 578072 in ids
    assert names["Black Sea"].feature == "water"
    assert names["Odesa"].country_code == "UA"
    assert not {"Ukrainian", "Russian", "Russians", "Putin", "Peace"} & {
        m.text for p in found for m in p.mentions}
    assert all(p.feature != "other" for p in found)


def test_a_town_a_highway_is_named_after_is_the_local_town(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Five people died when a lorry overturned on the Namanga "
                                             "highway near Kajiado, Kenya police said."))
    assert found["Namanga"].country_code == "KE"
    assert found["Namanga"].feature == "city"


def test_across_the_river_is_the_river_and_the_bare_name_the_city(nlp, resolver):
    found = places(nlp, resolver, "Russian troops tried to cross the Dnipro near Kherson, while "
                                  "drones struck Dnipro and Zaporizhzhia overnight.")
    readings = {(m.start, p.feature) for p in found for m in p.mentions if m.text.startswith("Dnipro")}
    assert sorted(f for _, f in readings) == ["city", "water"]
    assert [f for s, f in sorted(readings)] == ["water", "city"]  # the river first, then the city


def test_pakistani_districts_are_places_with_coordinates(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Flash floods hit Buner and Swat districts, and Bajaur and "
                                             "Mohmand were cut off, officials in Peshawar said."))
    for name in ("Buner", "Swat", "Bajaur", "Mohmand"):
        assert found[name].feature == "admin2", name
        assert found[name].country_code == "PK" and found[name].lat is not None, name
        assert found[name].geonames_id is not None, name


@pytest.mark.parametrize("text", [
    "Gunmen attacked Gidan Waya in Kachia LGA on Monday.",  # the model reads "Kachia LGA" as a person
    "Bandits raided villages in Tsafe LGA, Zamfara state, on Sunday.",  # and "Tsafe LGA" as an organisation
])
def test_a_nigerian_local_government_area_is_a_district(nlp, resolver, text):
    name = text.split(" LGA")[0].split()[-1] + " LGA"
    found = by_mention(places(nlp, resolver, text))
    assert found[name].feature == "admin2" and found[name].country_code == "NG"
    assert found[name].geonames_id is not None


@pytest.mark.parametrize(("text", "name", "feature", "country"), [
    ("A cartel landmine killed two soldiers on a dirt road in Michoacan.", "Michoacan", "admin1", "MX"),
    ("Jets struck a JNIM gathering near Gayeri on Monday.", "Gayeri", "city", "BF"),
])
def test_a_name_the_model_calls_a_people_is_a_place_where_the_text_places_it(nlp, resolver, text, name,
                                                                             feature, country):
    # it ends like a demonym ("-an", "-i") but is no nationality or group word
    found = by_mention(places(nlp, resolver, text))
    assert found[name].feature == feature and found[name].country_code == country


@pytest.mark.parametrize(("text", "word"), [
    ("Kyrgyz authorities arrested eight journalists on Monday.", "Kyrgyz"),  # no demonym ending
    ("China will donate police vehicles and train Tongan officers.", "Tongan"),  # not Tong'an, China
    ("Kazakh police dispersed a rally against a nuclear plant.", "Kazakh"),  # a name of Petropavl
    ("Ethiopian troops crossed into Gedo, Somali officials said.", "Somali"),  # not Ethiopia's region
])
def test_a_country_s_people_word_is_no_place_of_that_name(nlp, resolver, text, word):
    # the demonyms component makes it a mention of its country; the places component leaves it
    assert word not in by_mention(places(nlp, resolver, text))


def test_a_region_named_for_a_people_is_still_a_place(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Floods hit the Somali region of Ethiopia on Monday."))
    assert found["Somali region"].feature == "admin1" and found["Somali region"].country_code == "ET"


def test_a_country_whose_name_ends_like_a_people_s_is_a_country_whatever_the_model_calls_it(nlp, resolver):
    # the model calls "Tajikistan" a nationality (NORP) here; it ends in "-an" as "Afghan" does
    found = by_mention(places(nlp, resolver, "Kyrgyzstan and Tajikistan signed a border treaty in Bishkek."))
    assert found["Tajikistan"].feature == "country" and found["Tajikistan"].country_code == "TJ"
    assert by_mention(places(nlp, resolver, "Tajikistan signed a border treaty."))["Tajikistan"].country_code == "TJ"


def test_an_unknown_district_after_a_place_s_possessive_is_a_place(nlp, resolver):
    # "Abu Salim" (the model reads a person) before "district", after "Tripoli's": the city's district
    found = by_mention(places(nlp, resolver, "Clashes erupted in Tripoli's Abu Salim district on Sunday night."))
    assert found["Abu Salim district"].geonames_id is None and found["Tripoli"].country_code == "LY"
    # a possessive that is no place's names no district
    assert "Abu Salim district" not in by_mention(places(nlp, resolver, "Clashes erupted in the general's "
                                                                        "Abu Salim district on Sunday night."))


def test_a_known_word_inside_an_unknown_area_s_name_does_not_hide_it(nlp, resolver):
    # the store knows a town "Cal" (Turkey): the first word of "the Cal Miskaad mountains"
    found = by_mention(places(nlp, resolver, "US forces struck Islamic State fighters in the Cal Miskaad "
                                             "mountains of Somalia's Puntland region on Saturday."))
    assert found["Cal Miskaad"].geonames_id is None and "Cal" not in found


@pytest.mark.parametrize(("text", "name"), [
    ("Gangs threatened to attack the hillside suburb of Petion-Ville on Sunday.", "Petion-Ville"),
    ("Troops repelled an attack on a base on the Lake Chad island of Barkaram on Monday.", "Barkaram"),
])
def test_a_name_after_suburb_of_or_island_of_is_a_place(nlp, resolver, text, name):
    # the model types both names organisations
    assert name in by_mention(places(nlp, resolver, text))


def test_anniversaries_and_titled_names_are_not_places(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Police in Nairobi fired tear gas at Saba Saba Day "
                                             "marchers, and President Jordan Kiprop called for calm."))
    assert "Nairobi" in found
    assert "Saba" not in found and "Jordan" not in found


def test_a_state_outranks_a_small_town_of_the_same_name(nlp, resolver):
    found = by_mention(places(nlp, resolver, "Wildfires spread across Oregon and California on Monday, "
                                             "officials in Portland said."))
    assert found["Oregon"].feature == "admin1" and found["California"].feature == "admin1"


def test_explain_lists_the_top_three_candidates_with_scores(nlp, resolver):
    from streams.tagging.places.explain import explain_places, format_places

    text = ArticleText(title="", body="Shelling hit Odesa overnight, Ukraine's army said.")
    report = explain_places(nlp(text.text), text, resolver)
    odesa = next(e for e in report if e["text"] == "Odesa")
    assert 1 <= len(odesa["candidates"]) <= 3
    assert odesa["candidates"][0]["id"] == odesa["reading"]["id"] == "geonames:698740"
    scores = [c["score"] for c in odesa["candidates"]]
    assert scores == sorted(scores, reverse=True)
    assert any(line.startswith("place: 'Odesa'") for line in format_places(report))


def test_coherence_prefers_the_neighbour_of_the_other_places():
    from streams.tagging.places.context import Context

    near = Context(countries={}, admin1=set(), anchors=[(34.74, 71.52)])
    assert near.coherence(34.74, 71.53) > 0.95
    assert near.coherence(40.0, 71.5) < 0.35
    assert Context(countries={}, admin1=set()).coherence(1.0, 1.0) == 0.0


def test_a_model_place_written_in_lower_case_is_no_place(nlp, resolver):
    # the model calls "metro" a facility, and the gazetteer knows Metro, Indonesia
    found = by_mention(places(nlp, resolver, "The governor banned demonstrations in the city for four "
                              "days and closed several roads and metro stations."))
    assert "metro" not in found
    # a text written all in lower case keeps its places
    lower = by_mention(places(nlp, resolver, "fighting raged in khartoum and omdurman."))
    assert "khartoum" in lower


def test_an_unknown_town_ending_like_a_demonym_is_a_place_where_the_text_places_it(nlp, resolver):
    # "Moqokori" ends like "Somali": kept without a point where the text says it is a town
    found = by_mention(places(nlp, resolver, "Al Shabaab fighters took control of the town of "
                              "Moqokori in Somalia's Hiiraan region on Tuesday."))
    assert found["Moqokori"].geonames_id is None and found["Moqokori"].name == "Moqokori"
    # with no place cue such a name stays a word for people or a person's name
    named = by_mention(places(nlp, resolver, "Hemedti's fighters shelled El Fasher on Tuesday."))
    assert "Hemedti" not in named


def test_a_name_after_a_town_word_and_of_is_a_place_whatever_comes_before(nlp, resolver):
    # the model types "Aitaroun" a person; "the village of X" alone was read before
    found = by_mention(places(nlp, resolver, "The army blew up several houses in the border "
                              "village of Aitaroun on Sunday."))
    assert "Aitaroun" in found


def test_a_border_crossing_s_name_is_a_place_whatever_the_model_typed_it(nlp, resolver):
    # the model types "Torkham" an organisation, and the gazetteer does not know it
    found = by_mention(places(nlp, resolver, "Afghan and Pakistani forces exchanged fire at the Torkham "
                              "border crossing on Friday."))
    assert "Torkham" in found and found["Torkham"].geonames_id is None
    # a body's checkpoint is the body's: "an SDF checkpoint" names no place
    assert "SDF" not in by_mention(places(nlp, resolver, "A suicide bomber struck an SDF checkpoint "
                                          "in eastern Syria on Monday."))


def test_an_unknown_name_after_near_is_a_place_whatever_the_model_typed_it(nlp, resolver):
    # the model types "Parotani" a person, and the gazetteer does not know it
    found = by_mention(places(nlp, resolver, "Police cleared road blockades set up by miners near "
                              "Parotani on Tuesday."))
    assert found["Parotani"].geonames_id is None
    # a possessive is someone's: "near Putin's residence"
    assert "Putin" not in by_mention(places(nlp, resolver, "A protester was shot near Putin's residence."))


def test_an_unknown_name_at_a_site_is_a_place_whatever_the_model_typed_it(nlp, resolver):
    # the model types these names an organisation, a person and a place that ends like a people's
    # word; the gazetteer knows none of them
    for text, name in [("The army built a new outpost at Kolbiyow near the Somali border.", "Kolbiyow"),
                       ("Al Shabaab attacked the army base at Moqokori on Monday.", "Moqokori"),
                       ("Fighters overran the army camp at Boulkessi, near the border with Burkina Faso.",
                        "Boulkessi")]:
        assert by_mention(places(nlp, resolver, text))[name].geonames_id is None, text
    # "at" alone does not: "at Google"
    assert "Kolbiyow" not in by_mention(places(nlp, resolver, "She met officials at Kolbiyow on Monday."))
