"""``wirewatch eval places --explain-misses``: misses counted by kind, and the ceiling if far points were right."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from wirewatch.evaluation import places as places_eval
from wirewatch.evaluation.place_misses import (
    CountryOfPoint,
    Predicted,
    classify,
    page_title,
    same_name,
)
from wirewatch.evaluation.place_sets import Gold, GoldArticle, read_geovirus, read_trnews
from wirewatch.evaluation.places import Scores, render_miss_kinds

# Made-up points, ids and names: nothing here comes from a dev set.
TEXT = "Alpha met Beta and Gamma near Delta."
ALPHA, BETA, GAMMA, DELTA = (0, 5), (10, 14), (19, 24), (30, 35)


def _predicted(span: tuple[int, int], lat: float | None, lon: float | None, gid: int | None,
               feature: str, name: str = "X", country: str | None = None) -> Predicted:
    return Predicted(span[0], span[1], lat, lon, name, gid, feature, name, country)


def test_each_miss_is_counted_by_kind_and_the_ceiling_adds_only_the_right_places():
    golds = [Gold(*ALPHA, 10.0, 10.0, 101),   # country read right, point 1,100 km off
             Gold(*BETA, 20.0, 20.0, 202),    # another place, 1,500 km off
             Gold(*GAMMA, 30.0, 30.0, 303),   # not found
             Gold(*DELTA, 40.0, 40.0, 404)]   # a hit
    predicted = [_predicted(ALPHA, 20.0, 10.0, 101, "country"),
                 _predicted(BETA, 33.0, 20.0, 999, "city"),
                 _predicted(DELTA, 40.1, 40.1, 404, "admin1")]
    scores = Scores()
    scores.add(golds, predicted, TEXT)
    assert scores.miss_kinds == {"same id, far: country": 1, "other place": 1, "not found": 1}
    assert (scores.within, scores.gold_with_point, scores.found_with_point) == (1, 4, 3)
    assert scores.point_misses == 1
    assert scores.ceiling() == (2 / 4, 2 / 3)
    assert [kind for _, _, kind in scores.misses or ()] == [
        "same id, far: country", "other place", "not found"]


def test_first_level_areas_and_counties_are_their_own_kinds_and_other_features_are_other():
    far = [_predicted(ALPHA, 0.0, 0.0, 7, feature) for feature in ("admin1", "admin2", "water")]
    assert [classify(7, None, [p], [p]) for p in far] == [
        "same id, far: admin1", "same id, far: admin2", "same id, far: other"]


def test_a_found_place_without_a_point_is_no_point():
    hit = _predicted(ALPHA, None, None, 7, "admin1")
    assert classify(7, None, [hit], []) == "no point"


def test_the_same_id_among_several_overlapping_places_counts():
    wrong = _predicted(ALPHA, 0.0, 0.0, 8, "city")
    right = _predicted(ALPHA, 0.0, 0.0, 7, "admin1")
    assert classify(7, None, [wrong, right], [wrong, right]) == "same id, far: admin1"


def test_without_gold_ids_the_wikipedia_title_names_the_place_within_its_qualifier():
    assert page_title("https://en.wikipedia.org/wiki/Georgia_(country)") == ("Georgia", "country")
    assert page_title("https://en.wikipedia.org/wiki/Pandi,_Bulacan") == ("Pandi", None)
    assert page_title("https://en.wikipedia.org/wiki/S%C3%A3o_Paulo_(state)") == ("São Paulo", "state")
    assert page_title(None) is None
    country = _predicted(ALPHA, 0.0, 0.0, 1, "country", "Georgia")
    state = _predicted(ALPHA, 0.0, 0.0, 2, "admin1", "Georgia")
    page = "https://en.wikipedia.org/wiki/Georgia_(country)"
    assert same_name(page, country) and not same_name(page, state)
    assert classify(None, page, [state], [state]) == "other place"
    assert classify(None, page, [country], [country]) == "same name, far: country"
    assert classify(None, "https://en.wikipedia.org/wiki/Georgia", [state], [state]) == \
        "same name, far: admin1"


def test_a_far_town_or_an_area_of_another_country_named_as_the_page_is_another_place():
    page = "https://en.wikipedia.org/wiki/Alpha"
    town = _predicted(ALPHA, 0.0, 0.0, 1, "city", "Alpha", "AA")
    area = _predicted(ALPHA, 0.0, 0.0, 2, "admin1", "Alpha", "BB")
    region = _predicted(ALPHA, 0.0, 0.0, None, "region", "Alpha")
    assert classify(None, page, [town], [town], gold_country="AA") == "other place"
    assert classify(None, page, [area], [area], gold_country="AA") == "other place"
    assert classify(None, page, [area], [area], gold_country="BB") == "same name, far: admin1"
    assert classify(None, page, [region], [region], gold_country="AA") == "same name, far: other"


def test_the_country_of_a_point_is_that_of_its_nearest_big_town():
    country_of = CountryOfPoint()
    assert country_of(48.86, 2.35) == "FR"   # central Paris
    assert country_of(-33.87, 151.21) == "AU"  # central Sydney


def test_scores_tell_the_country_of_gold_points_without_ids():
    page = "https://en.wikipedia.org/wiki/Alpha"
    golds = [Gold(*ALPHA, 10.0, 10.0, page=page), Gold(*BETA, 20.0, 20.0, page="https://en.wikipedia.org/wiki/X")]
    predicted = [_predicted(ALPHA, 20.0, 10.0, 5, "country", "Alpha", "AA"),
                 _predicted(BETA, 30.0, 20.0, 6, "country", "X", "ZZ")]
    scores = Scores(country_of=lambda lat, lon: "AA")
    scores.add(golds, predicted, TEXT)
    assert scores.miss_kinds == {"same name, far: country": 1, "other place": 1}


def test_the_readers_keep_the_gold_id_and_page(tmp_path: Path):
    trnews = tmp_path / "tr.xml"
    trnews.write_text(
        "<articles><article><text>In Alpha.</text><toponyms><toponym><phrase>Alpha</phrase>"
        "<start>3</start><end>8</end><gaztag geonameid=\"12345\"><lat>1</lat><lon>2</lon>"
        "</gaztag></toponym></toponyms></article></articles>", encoding="utf-8")
    geovirus = tmp_path / "gv.xml"
    geovirus.write_text(
        "<articles><article><text>In Alpha.</text><locations><location><name>Alpha</name>"
        "<start>3</start><end>8</end><lat>1</lat><lon>2</lon>"
        "<page>https://en.wikipedia.org/wiki/Alpha</page></location></locations></article>"
        "</articles>", encoding="utf-8")
    assert read_trnews(trnews)[0].toponyms == (Gold(3, 8, 1.0, 2.0, 12345),)
    assert read_geovirus(geovirus)[0].toponyms == (
        Gold(3, 8, 1.0, 2.0, page="https://en.wikipedia.org/wiki/Alpha"),)


def test_the_report_prints_each_kind_and_the_ceiling():
    scores = Scores()
    scores.add([Gold(*ALPHA, 10.0, 10.0, 101), Gold(*DELTA, 40.0, 40.0, 404)],
               [_predicted(ALPHA, 20.0, 10.0, 101, "admin1"), _predicted(DELTA, 40.0, 40.0, 404, "city")],
               TEXT)
    out = io.StringIO()
    render_miss_kinds({"set A": (scores, Scores())}, Console(file=out, width=200))
    text = out.getvalue()
    assert "same id, far: admin1" in text
    assert "ceiling (1 point misses as hits)" in text and "1.000 / 1.000" in text


def test_the_command_takes_explain_misses(monkeypatch):
    scores = Scores()
    scores.add([Gold(*ALPHA, 10.0, 10.0, 101)], [_predicted(ALPHA, 20.0, 10.0, 101, "country")], TEXT)
    monkeypatch.setattr(places_eval, "load_sets", lambda which, limit: {"set A": [GoldArticle(TEXT, ())]})
    monkeypatch.setattr(places_eval, "evaluate", lambda sets, model: {"set A": (scores, Scores())})
    result = CliRunner().invoke(places_eval.places, ["--explain-misses", "--model", "m"])
    assert result.exit_code == 0, result.output
    assert "same id, far: country" in result.output and "0.000" in result.output
    assert "1.000 / 1.000" in result.output
