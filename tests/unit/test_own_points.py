"""GeoNames' own points for countries and areas (places/store/own_points.py) and their table."""

from __future__ import annotations

from streams.tagging.places.store.model import Place, PlaceRecord
from streams.tagging.places.store.own_points import AREA_CODES, area_rows, load, with_own_points


def _record(gid: int | None, feature: str, lat: float = 1.0, lon: float = 2.0) -> PlaceRecord:
    place = Place(id=f"geonames:{gid}" if gid else "place:x", name="X", feature=feature,
                  geonames_id=gid, lat=lat, lon=lon)
    return PlaceRecord(place, [("X", False)])


def test_places_of_the_given_features_with_a_known_id_move_to_geonames_point_and_keep_their_names():
    records = [_record(10, "country"), _record(11, "admin1"), _record(12, "admin2"),
               _record(13, "admin1"), _record(None, "admin1")]
    points = {10: (5.0, 6.0), 11: (7.0, 8.0), 12: (9.0, 10.0)}
    moved = list(with_own_points(records, points, frozenset({"country", "admin1", "admin2"})))
    assert [(r.place.lat, r.place.lon) for r in moved] == [
        (5.0, 6.0), (7.0, 8.0), (9.0, 10.0), (1.0, 2.0), (1.0, 2.0)]
    assert all(r.names == [("X", False)] for r in moved)
    assert moved[1].place.geonames_id == 11 and moved[1].place.feature == "admin1"


def test_by_default_second_level_areas_take_geonames_point():
    records = [_record(10, "country"), _record(11, "admin1"), _record(12, "admin2")]
    moved = list(with_own_points(records, {10: (5.0, 6.0), 11: (7.0, 8.0), 12: (9.0, 10.0)}))
    assert [(r.place.lat, r.place.lon) for r in moved] == [(1.0, 2.0), (1.0, 2.0), (9.0, 10.0)]


def test_towns_and_features_keep_their_own_points():
    records = [_record(20, "city"), _record(21, "water")]
    kept = list(with_own_points(records, {20: (5.0, 6.0), 21: (7.0, 8.0)}, frozenset({"country", "admin1", "admin2"})))
    assert [(r.place.lat, r.place.lon) for r in kept] == [(1.0, 2.0), (1.0, 2.0)]


def test_only_countries_and_administrative_areas_are_taken_from_a_dump():
    dump = ["1\tAlpha\tAlpha\t\t-20\t145\tA\tADM1\tAU\t\t04\t\t\t\t0\t\t\tAustralia/Brisbane\t2012-01-01\n",
            "2\tBeta\tBeta\t\t-20\t145\tP\tPPL\tAU\t\t04\t\t\t\t0\t\t\tAustralia/Brisbane\t2012-01-01\n",
            "3\tGamma\tGamma\t\t-20\t145\tA\tADMD\tAU\t\t04\t\t\t\t0\t\t\tAustralia/Brisbane\t2012-01-01\n",
            "4\tDelta\tDelta\t\t-25\t135\tA\tPCLI\tAU\t\t00\t\t\t\t0\t\t\tAustralia/Sydney\t2012-01-01\n"]
    assert list(area_rows(dump)) == [(1, "ADM1", -20.0, 145.0, "Alpha"), (4, "PCLI", -25.0, 135.0, "Delta")]


def test_the_shipped_table_holds_australia_and_its_areas():
    points = load()
    assert points[2077456] == (-25.0, 135.0)  # Australia, as GeoNames gives it
    assert len(points) == 574
    assert all(-90 <= lat <= 90 and -180 <= lon <= 180 for lat, lon in points.values())
    assert {"PCLI", "ADM1", "ADM2"} <= AREA_CODES
