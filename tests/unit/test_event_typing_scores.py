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


def test_the_cv_objective_table_scores_the_hybrid_as_shipped() -> None:
    # a plan whose rule trigger the rules' veto dropped ("will"), and a happening; the model reads
    # both as happenings: the shipped hybrid's model_veto keeps the plan clean, the model-first
    # default does not, so the table must score the one the pipeline config sets up
    from io import StringIO

    from rich.console import Console

    from streams.tagging.config import load_config
    from streams.tagging.events.classifier import Reading
    from streams.tagging.events.hybrid import HybridSettings, RuleGuess
    from wirewatch.evaluation.event_report import objectives
    from wirewatch.evaluation.event_typing import CvReadings, cv_scores, part_objective

    gold = [_sentence(False, "plan"), _sentence(True, None, "ASSAULT")]
    vetoed = RuleGuess("ASSAULT", "ATTACK", None)  # the rules' trigger, dropped by their veto
    readings = [Reading(0.9, "ASSAULT", "ATTACK", None, 0.9, 0.9), Reading(0.9, "ASSAULT", "ATTACK", None, 0.9, 0.9)]
    cv = CvReadings(gold, [vetoed, None], readings, ["A", "A"], [None, None], [frozenset({"FUT"}), frozenset()])
    shipped = HybridSettings.of(load_config().component("events").options)
    assert part_objective(cv, "hybrid", shipped) != part_objective(cv, "hybrid")  # the FUT veto tells them apart

    out = StringIO()
    objectives(Console(file=out, width=200), cv_scores(cv)[1], ["hybrid"])

    assert f"{part_objective(cv, 'hybrid', shipped):.4f}" in out.getvalue()


def test_the_cv_objective_table_nests_the_arbiter_as_the_summary_does() -> None:
    # session 30: the table scored the hand overrule alone while the summary nested the learned
    # arbiter (0.8995 against 0.9050 on one run); it now reads the same per-part scores
    from io import StringIO

    from rich.console import Console

    from wirewatch.evaluation.event_report import objectives
    from wirewatch.evaluation.event_typing import TypingScores, objective

    def scores(realis: float) -> TypingScores:
        gold = [_sentence(True, None, "ASSAULT"), _sentence(False, "plan")]
        return typing_scores(gold, [ATTACK, ATTACK if realis < 1 else NOTHING])

    parts = {"A": {"hybrid": scores(1.0)}, "B": {"hybrid": scores(0.5)}, "T": {"hybrid": scores(0.5)}}
    out = StringIO()
    objectives(Console(file=out, width=200), parts, ["hybrid"])

    row = next(line for line in out.getvalue().splitlines() if line.startswith("│ hybrid"))
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    a, b = objective(parts["A"]["hybrid"]), objective(parts["B"]["hybrid"])
    assert cells == ["hybrid", f"{a:.4f}", f"{b:.4f}", f"{objective(parts['T']['hybrid']):.4f}",
                     f"{(a + b) / 2:.4f}"]  # T, the set the rules were tuned on, is left out of the mean


def test_the_cv_objective_table_weighs_every_sentence_alike_beside_the_mean() -> None:
    # session 33: the mean gives a small held-out corpus the weight of a large one
    from io import StringIO

    from rich.console import Console

    from wirewatch.evaluation.event_report import objectives
    from wirewatch.evaluation.event_typing import objective

    big_gold = [_sentence(True, None, "ASSAULT")] * 3 + [_sentence(False, "plan")]
    big = typing_scores(big_gold, [ATTACK, ATTACK, ATTACK, NOTHING])
    small = typing_scores([_sentence(False, "plan")], [ATTACK])
    every = typing_scores([*big_gold, _sentence(False, "plan")], [ATTACK, ATTACK, ATTACK, NOTHING, ATTACK])
    out = StringIO()
    objectives(Console(file=out, width=200), {"A": {"hybrid": big}, "M": {"hybrid": small}}, ["hybrid"],
               pooled={"hybrid": every})

    row = next(line for line in out.getvalue().splitlines() if line.startswith("│ hybrid"))
    cells = [cell.strip() for cell in row.strip("│ ").split("│")]
    assert "every sentence" in out.getvalue()
    assert cells[-1] == f"{objective(every):.4f}" != cells[-2]


def test_the_hard_negative_table_gives_each_taggers_errors_by_kind() -> None:
    from io import StringIO

    from rich.console import Console

    from wirewatch.evaluation.event_report import hard_negative_kinds

    gold = [_sentence(False, "plan"), _sentence(False, "plan"), _sentence(False, "negation")]
    rules = typing_scores(gold, [ATTACK, NOTHING, ATTACK])
    hybrid = typing_scores(gold, [ATTACK, ATTACK, NOTHING])
    out = StringIO()

    Console(file=out, width=100).print(hard_negative_kinds("by kind", {"rules": rules, "hybrid": hybrid}))

    cells = [[cell.strip() for cell in line.strip("│ ").split("│")]
             for line in out.getvalue().splitlines() if line.startswith("│ ")]
    assert cells == [["negation", "1 (1.00)", "0 (0.00)", "1"], ["plan", "1 (0.50)", "2 (1.00)", "2"]]


def test_a_part_objective_given_the_arbiters_decisions_scores_each_part_with_its_own() -> None:
    # training/events/choose_hybrid.py passes the nested arbiter's decisions (session 31): each
    # held-out part must be scored with the decisions of its own sentences
    from streams.tagging.events.classifier import Reading
    from streams.tagging.events.hybrid import HybridSettings, RuleGuess
    from wirewatch.evaluation.event_typing import (
        CvReadings,
        objective,
        part_objective,
        part_objectives,
    )

    gold = [_sentence(False, "background"), _sentence(True, None, "ASSAULT"),
            _sentence(False, "plan"), _sentence(True, None, "ASSAULT")]
    rule = RuleGuess("ASSAULT", "ATTACK", None)
    sure = Reading(0.9, "ASSAULT", "ATTACK", None, 0.9, 0.9)
    cv = CvReadings(gold, [rule] * 4, [sure] * 4, ["A", "A", "B", "B"], [rule] * 4, [frozenset()] * 4,
                    [0] * 4, [False] * 4)
    settings = HybridSettings(0.3, rules_first=True)
    # the arbiter drops the background in A only: A is all right, B keeps its false event
    keeps = [False, True, True, True]
    each = part_objectives(cv, "hybrid", settings, keeps)
    a = objective(typing_scores(gold[:2], [NOTHING, ATTACK]))
    b = objective(typing_scores(gold[2:], [ATTACK, ATTACK]))
    assert each == {"A": a, "B": b}
    assert part_objective(cv, "hybrid", settings, keeps) == (a + b) / 2
    assert part_objective(cv, "hybrid", settings) == b  # without the arbiter both parts keep the rules'


def test_readings_of_one_held_out_corpus_are_scored_without_a_nested_arbiter() -> None:
    # `--set cv-grouped --hold-out M` holds out one corpus: no arbiter can be fitted without it
    # (it raised "no sentence the rules found an event in" until session 31)
    from streams.tagging.config import load_config
    from streams.tagging.events.classifier import Reading
    from streams.tagging.events.hybrid import HybridSettings, RuleGuess
    from wirewatch.evaluation.event_typing import CvReadings, nested_arbiter_keeps

    rule = RuleGuess("ASSAULT", "ATTACK", None)
    cv = CvReadings([_sentence(True, None, "ASSAULT")], [rule], [Reading(0.9, "ASSAULT", "ATTACK", None, 0.9, 0.9)],
                    ["M"], [rule], [frozenset()], [0], [False])
    events = load_config().component("events")
    shipped = HybridSettings.of(events.options)
    assert events.data.get("arbiter") is not None and shipped.rules_first
    assert nested_arbiter_keeps(cv, shipped, events.data["arbiter"]) is None
