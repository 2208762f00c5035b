"""Namesakes that lie together: ambiguous names read as the towns that share a neighbourhood.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from collections import Counter

from streams.tagging.places.context import Context, km
from streams.tagging.places.gazetteer import Candidate, Entry
from streams.tagging.places.namesakes import plausible_readings
from tests.unit.test_places import by_mention, nlp, places, resolver  # noqa: F401  (fixtures)


def _town(gid: int, lat: float, lon: float, population: int = 1000) -> Entry:
    return Entry(Candidate(f"geonames:{gid}", "X", "city", gid, "US", "US-OH", lat, lon, population))


def test_only_readings_near_the_best_score_are_plausible_and_only_spread_names_give_points():
    ranked = {
        # two namesakes 800 km apart within the margin, a third far below it
        "newark": [(5.4, _town(1, 40.73, -74.17)), (4.7, _town(2, 40.06, -82.40)), (1.0, _town(3, 35.0, -90.0))],
        # one town twice (city and its own record nearby): not ambiguous
        "granville": [(3.6, _town(4, 40.07, -82.52)), (3.5, _town(5, 40.08, -82.50))],
    }
    names = plausible_readings(ranked, km)
    assert names.plausible["newark"] == frozenset({"geonames:1", "geonames:2"})
    assert set(names.points) == {"newark"}
    assert names.others("granville") == (((40.73, -74.17), (40.06, -82.40)),)
    assert names.others("newark") == ()


def test_joint_support_grows_with_each_near_namesake_and_is_capped():
    near, far = ((40.06, -82.40), (40.73, -74.17)), ((10.0, 10.0), (40.1, -82.45))
    context = Context(countries=Counter(), admin1=set(),
                      namesakes=(near, far, near))
    assert context.joint(40.07, -82.52) == 2.0  # three near names, capped at two names' worth
    alone = Context(countries=Counter(), admin1=set(), namesakes=(near,))
    assert 0.9 < alone.joint(40.07, -82.52) < 1.0
    assert alone.joint(35.0, -120.0) < alone.joint(40.07, -82.52)
    assert alone.joint(None, None) == 0.0


def test_three_ambiguous_towns_are_read_where_they_lie_together(nlp, resolver):  # noqa: F811
    # each name alone is likelier in New York or New Jersey; together they are the Ohio towns
    found = by_mention(places(nlp, resolver, "Fire crews from Mount Vernon and Newark fought a "
                              "barn fire near Granville overnight."))
    assert {found[name].admin1 for name in ("Mount Vernon", "Newark", "Granville")} == {"Ohio"}


def test_a_big_city_named_with_its_own_neighbours_keeps_its_reading(nlp, resolver):  # noqa: F811
    found = by_mention(places(nlp, resolver, "Flights from Paris to Lyon and Marseille were "
                              "cancelled on Monday because of a strike."))
    assert {found[name].country_code for name in ("Paris", "Lyon", "Marseille")} == {"FR"}
