"""Namesakes that lie together: ambiguous names read as the towns that share a neighbourhood.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from streams.tagging.places.gazetteer import Candidate, Entry
from streams.tagging.places.namesakes import joint_support, plausible_readings
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)


def _town(gid: int, lat: float, lon: float, population: int = 1000) -> Entry:
    return Entry(Candidate(f"geonames:{gid}", "X", "city", gid, "US", "US-OH", lat, lon, population))


def test_only_readings_near_the_best_score_are_plausible_and_only_spread_names_count():
    # two namesakes 800 km apart within the margin, a third far below it
    newark = plausible_readings([(5.4, _town(1, 40.73, -74.17)), (4.7, _town(2, 40.06, -82.40)),
                                 (1.0, _town(3, 35.0, -90.0))])
    assert [c.id for c in newark] == ["geonames:1", "geonames:2"]
    # one town twice (two records a few km apart): not ambiguous
    assert plausible_readings([(3.6, _town(4, 40.07, -82.52)), (3.5, _town(5, 40.08, -82.50))]) == ()
    assert plausible_readings([]) == ()


def test_joint_support_grows_with_each_near_namesake_and_is_capped():
    ohio = {"newark": (_town(1, 40.73, -74.17).candidate, _town(2, 40.06, -82.40).candidate),
            "granville": (_town(3, 43.41, -73.26).candidate, _town(4, 40.07, -82.52).candidate)}
    support = joint_support(ohio)
    # the Ohio pair lies 10 km apart, the New York/New Jersey pair 280 km
    assert support["granville"]["geonames:4"] > 0.9 > support["granville"]["geonames:3"]
    assert support["newark"]["geonames:2"] > support["newark"]["geonames:1"]
    three = {**ohio, "mount vernon": (_town(5, 40.39, -82.49).candidate, _town(6, 40.91, -73.84).candidate),
             "heath": (_town(7, 40.02, -82.44).candidate, _town(8, 42.0, -71.0).candidate)}
    assert joint_support(three)["newark"]["geonames:2"] == 2.0  # three near names, capped at two
    assert joint_support({"newark": ohio["newark"]}) == {}  # nobody else to agree with


def test_three_ambiguous_towns_are_read_where_they_lie_together(nlp, resolver):  # noqa: F811
    # each name alone is likelier in New York or New Jersey; together they are the Ohio towns
    found = by_mention(places(nlp, resolver, "Fire crews from Mount Vernon and Newark fought a "
                              "barn fire near Granville overnight."))
    assert {found[name].admin1 for name in ("Mount Vernon", "Newark", "Granville")} == {"Ohio"}


def test_a_big_city_named_with_its_own_neighbours_keeps_its_reading(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Flights from Paris to Lyon and Marseille were "
                              "cancelled on Monday because of a strike."))
    assert {found[name].country_code for name in ("Paris", "Lyon", "Marseille")} == {"FR"}


def test_an_area_the_news_never_means_does_not_take_a_famous_name(nlp, resolver):  # noqa: F811
    # GeoNames keeps a "Gaza" sub-district in Israel's Southern District; an article naming Israel
    # read Gaza as that area until the store left it out (store/data/areas_left_out.tsv)
    found = by_mention(places(nlp, resolver, "Israel said its aircraft struck militant positions "
                              "in Gaza on Tuesday."))
    assert found["Gaza"].country_code == "PS"
    assert 7870269 not in {entry.candidate.geonames_id for entry in resolver.gazetteer.lookup("Gaza")}
