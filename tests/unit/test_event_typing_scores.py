"""The typing scores' hard-negative figures: the one rate and its breakdown by kind."""

from wirewatch.evaluation.event_typing import Prediction, typing_scores
from wirewatch.training.corpus import Sentence


def _sentence(realis: bool, negative: str | None, category: str | None = None) -> Sentence:
    return Sentence(0, 1, "x", realis, category, None, None, False, negative)


NOTHING = Prediction(None, None, None)
ATTACK = Prediction("ASSAULT", "ATTACK", None)


def test_hard_negative_errors_are_counted_by_kind() -> None:
    gold = [_sentence(False, "negation"), _sentence(False, "negation"), _sentence(False, "headline"),
            _sentence(True, "threat", "THREATEN"), _sentence(True, None, "ASSAULT")]
    predicted = [ATTACK, NOTHING, NOTHING, NOTHING, ATTACK]

    scores = typing_scores(gold, predicted)

    assert scores.hard_negatives == 4
    assert scores.hard_negative_errors == 0.5  # the event read into a negation, the threat missed
    assert scores.hard_negative_kinds == {"headline": (1, 0), "negation": (2, 1), "threat": (1, 1)}


def test_no_hard_negatives_no_kinds() -> None:
    scores = typing_scores([_sentence(True, None, "ASSAULT")], [ATTACK])

    assert scores.hard_negatives == 0
    assert scores.hard_negative_kinds == {}
