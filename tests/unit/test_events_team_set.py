"""Event typing on the team's own sentences (tests/data/events_team_set.tsv).

Our data, so no skip: the set is well formed and the rules stay above a floor.
"""

from __future__ import annotations

from collections import Counter

import pytest

from schemas.articles import PLOVER_CATEGORIES, SUBTYPES
from wirewatch.evaluation.events import ALL_PARTS, NO_CATEGORY, evaluate_team, load_team

# Measured over all 486 sentences: subtype macro-F1 0.976, category accuracy 0.979; the
# later parts alone: check 0.967 / 0.968, check2 0.978 / 0.989, check3 (n=40, mostly
# PLOVER's verbal categories) 0.920 / 0.950, check4 (n=41, protest and territory
# readings) 0.950 / 0.927. Floors sit a little below.
SUBTYPE_MACRO_F1_FLOOR = 0.94
CATEGORY_ACCURACY_FLOOR = 0.95
CHECK_PART_FLOOR = 0.88  # each later part alone (subtype macro-F1 and category accuracy)
MIN_PER_SUBTYPE = 5


@pytest.fixture(scope="module")
def rows():
    return load_team()


@pytest.fixture(scope="module")
def results():
    from core.settings import get_settings
    from streams.tagging.config import load_config
    from streams.tagging.tagger import Tagger

    # The rules, which were tuned on this set; the trained model is trained on it.
    rules = load_config().with_factory("events", "events.taxonomy")
    return evaluate_team(Tagger(get_settings().spacy_model, config=rules))


def test_every_label_is_a_contract_code(rows):
    assert {r["subtype"] for r in rows} <= set(SUBTYPES)
    assert {r["category"] for r in rows} <= {*PLOVER_CATEGORIES, NO_CATEGORY}
    assert {r["part"] for r in rows} == {"tune", "check", "check2", "check3", "check4"}


def test_every_subtype_has_enough_examples(rows):
    counts = Counter(r["subtype"] for r in rows)
    assert set(counts) == set(SUBTYPES)
    assert min(counts.values()) >= MIN_PER_SUBTYPE, counts.most_common()[-3:]


def test_sentences_are_unique_and_ids_too(rows):
    assert len({r["text"] for r in rows}) == len(rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_subtype_macro_f1_floor(results):
    subtypes, _ = results[ALL_PARTS]
    assert subtypes.macro_f1 >= SUBTYPE_MACRO_F1_FLOOR, subtypes.confusions


def test_category_accuracy_floor(results):
    _, categories = results[ALL_PARTS]
    assert categories.accuracy >= CATEGORY_ACCURACY_FLOOR, categories.confusions


@pytest.mark.parametrize("part", ["check", "check2", "check3", "check4"])
def test_later_parts_stay_above_their_floor(results, part):
    subtypes, categories = results[part]
    assert subtypes.macro_f1 >= CHECK_PART_FLOOR, subtypes.confusions
    assert categories.accuracy >= CHECK_PART_FLOOR, categories.confusions
