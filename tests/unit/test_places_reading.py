"""Places read the way a reader does: state support, lists, prepositions, rivers, institutions.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from streams.tagging.places.context import admin1_shares, admin1_support
from streams.tagging.places.gazetteer import Candidate, Entry
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)


def _town(gid: int, admin1: str, feature: str = "city") -> Entry:
    return Entry(Candidate(f"geonames:{gid}", "X", feature, gid, admin1[:2], admin1, 0.0, 0.0, 1000))


def test_admin1_support_weighs_names_found_in_few_states_most():
    shares = admin1_shares(["paris", "honey grove", "paris"],
                           [(_town(1, "US-TX"), _town(2, "US-TN")), (_town(3, "US-TX"),),
                            (_town(1, "US-TX"), _town(2, "US-TN"))])
    assert shares["paris"] == {"US-TX": 0.5, "US-TN": 0.5}
    assert admin1_support(shares, "paris") == {"US-TX": 1.0}
    assert admin1_support(shares, "honey grove") == {"US-TX": 0.5, "US-TN": 0.5}


def test_same_name_towns_follow_the_state_the_other_names_share(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Deputies in Lamar County searched for a driver who "
                              "fled from Paris toward Honey Grove on Sunday."))
    assert (found["Paris"].country_code, found["Paris"].admin1) == ("US", "Texas")
    assert found["Lamar County"].admin1 == "Texas"


def test_a_list_of_towns_the_model_read_as_one_name_is_split(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Volunteers from Chicopee and Holyoke cleared the "
                              "park in Springfield, Massachusetts, on Saturday."))
    assert found["Chicopee"].admin1 == "Massachusetts" and found["Holyoke"].admin1 == "Massachusetts"


def test_a_name_after_toward_is_the_town(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Rebels advanced toward Goma on Sunday, residents said."))
    assert (found["Goma"].feature, found["Goma"].country_code) == ("city", "CD")


def test_a_name_that_was_shelled_is_a_place(nlp, resolver):  # noqa: F811
    # the model calls "Kherson" a person here; the entities drop it as a place (shelled, never
    # acting as a person), so the places take it as they take a name after "toward"
    found = by_mention(places(nlp, resolver, "Russian forces shelled Kherson, hitting a bus stop."))
    assert found["Kherson"].country_code == "UA"


def test_an_institution_after_in_stays_the_institution(nlp, resolver):  # noqa: F811
    # "congress" is on the place stoplist: the town of that name (Congress, Arizona) is never
    # taken without the model's place label, "in" or not (the model calls it an organisation here)
    found = by_mention(places(nlp, resolver, "Republicans in Congress blocked the bill on Tuesday, "
                              "and lawmakers in Nairobi backed it."))
    assert "Congress" not in found
    assert found["Nairobi"].country_code == "KE"


def test_an_unknown_name_that_says_what_a_noun_is_is_no_place(nlp, resolver):  # noqa: F811
    # the model calls these places; the gazetteer knows none of them, and each names what its noun is
    found = by_mention(places(nlp, resolver, "Gunmen from the Viv Ansanm gang coalition attacked the town of Mirebalais, "
                              "and police seized three million Captagon pills near Daraa."))
    assert "Viv Ansanm" not in found and "Captagon" not in found
    assert {"Mirebalais", "Daraa"} <= set(found)
    # an unknown name before a place noun stays a place
    found = by_mention(places(nlp, resolver, "Bandits operating in the Kamuku forest merged on Monday."))
    assert "Kamuku" in found


def test_a_month_after_in_stays_a_date(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Work on the bridge in Ames will start in May."))
    assert "May" not in found and "Ames" in found


def test_the_bare_river_name_is_the_river_not_the_country(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "The Niger flooded parts of Mopti and Segou, "
                              "Malian officials said."))
    assert found["Niger"].feature == "water"
    found = by_mention(places(nlp, resolver, "Heavy rain swelled the Tana near Garsen, "
                              "Kenyan officials said."))
    assert (found["Tana"].feature, found["Tana"].country_code) == ("water", "KE")


def test_a_place_in_a_local_institution_name_is_a_place(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "The University of Oklahoma closed its campus in "
                              "Norman after the storm, and Tulsa EMS sent two crews."))
    assert found["Oklahoma"].feature == "admin1" and found["Tulsa"].admin1 == "Oklahoma"
    found = by_mention(places(nlp, resolver, "Doctors at the Mayo Clinic in Rochester, Minnesota, "
                              "said the trial would grow."))
    assert "Mayo" not in found


def test_a_capital_listed_with_another_capital_is_the_capital(nlp, resolver):  # noqa: F811
    # Australia's context alone would pick the Wellington in Victoria
    found = by_mention(places(nlp, resolver, "Officials in Sydney said Canberra and Wellington "
                              "would share the cost of the search."))
    assert (found["Wellington"].country_code, found["Wellington"].feature) == ("NZ", "city")


def test_a_county_written_with_st_is_found_under_its_spelled_out_name(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Crews from St. Lucie County cleared fallen trees in "
                              "Port St. Lucie on Monday."))
    county = found["St. Lucie County"]
    assert (county.feature, county.admin1) == ("admin2", "Florida") and county.lat is not None
