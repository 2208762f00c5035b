"""What ``wirewatch eval events`` can be pointed at: a corpus left out of cross-validation, a
model trained into a scratch folder, and the objective the choices are made on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from streams.tagging.events.classifier import EventModelError, Reading
from wirewatch.evaluation.event_typing import (
    CvReadings,
    part_objective,
    part_objectives,
)
from wirewatch.evaluation.events import events
from wirewatch.training.corpus import CorpusError, Sentence, training_articles


def _write(path: Path, article_id: str, text: str) -> None:
    sentence = {"text": text, "para": 0, "realis": False, "category": None, "mode": None,
                "subtype": None, "actors": [], "targets": [], "place": None, "date": None,
                "negative": None, "form": []}
    record = {"id": article_id, "country": "KE", "published_at": "2026-03-12", "dateline": None,
              "title": "", "sentences": [sentence]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")


def test_a_corpus_left_out_is_not_read(tmp_path: Path) -> None:
    _write(tmp_path / "corpus-a-01.jsonl", "tra-0001", "Talks resumed in Nairobi.")
    _write(tmp_path / "corpus-i-01.jsonl", "tri-0001", "Floods hit Garissa.")
    assert [a.id for a in training_articles(tmp_path, team_tsv=None)] == ["tra-0001", "tri-0001"]
    assert [a.id for a in training_articles(tmp_path, team_tsv=None, leave_out="i")] == ["tra-0001"]
    with pytest.raises(CorpusError, match="no corpus Q to leave out"):
        training_articles(tmp_path, team_tsv=None, leave_out="Q")


def test_the_event_model_option_is_what_the_tagger_loads(tmp_path: Path) -> None:
    missing = tmp_path / "no-model-here"
    result = CliRunner().invoke(events, ["--set", "frozen", "--model", "trained",
                                         "--event-model", str(missing)])
    assert isinstance(result.exception, EventModelError)
    assert str(missing) in str(result.exception)


def _sentence(realis: bool, negative: str | None = None) -> Sentence:
    return Sentence(start=0, end=1, text="x", realis=realis,
                    category="ASSAULT" if realis else None, subtype="ATTACK" if realis else None,
                    mode=None, has_mode=False, negative=negative)


def _reading(event: bool) -> Reading:
    return Reading(realis=0.9 if event else 0.1, category="ASSAULT", subtype="ATTACK", mode=None,
                   confidence=0.9)


def test_the_objective_is_averaged_over_the_held_out_corpora_but_the_tuned_one() -> None:
    # corpus A: all right; corpus B: its hard negative read as an event; T (tuned on): all wrong
    gold = [_sentence(True), _sentence(False, "plan"), _sentence(True), _sentence(False, "plan"),
            _sentence(True)]
    readings = [_reading(True), _reading(False), _reading(True), _reading(True), _reading(False)]
    cv = CvReadings(gold, [None] * 5, readings, ["A", "A", "B", "B", "T"])
    each = part_objectives(cv, "trained")
    assert each["A"] == 1.0
    # B: realis 1/2, category 1/1, subtype macro-F1 1, hard-negative errors 1/1 -> (0.5+1+1+0)/4
    assert each["B"] == pytest.approx(0.625)
    assert each["T"] < each["B"]
    assert part_objective(cv, "trained") == pytest.approx((1.0 + 0.625) / 2)


def test_a_training_seed_given_overrides_the_configs_and_none_leaves_it() -> None:
    # session 31: one grouped-CV run's objective moves by up to ~0.003 with the seed alone, so a
    # choice of that size is read over several seeds (eval events --set cv-grouped --seed N)
    from wirewatch.training.events import overrides

    work, labels = Path("/w"), Path("/w/labels")
    assert overrides(work, labels) == {"paths.train": "/w/train.spacy", "paths.dev": "/w/dev.spacy",
                                       "paths.labels": "/w/labels"}
    assert overrides(work, labels, 2)["system.seed"] == 2
    result = CliRunner().invoke(events, ["--set", "cv-grouped", "--seed", "x"])
    assert result.exit_code == 2 and "--seed" in result.output  # an integer, said so before any training


def test_the_frozen_sets_misses_are_not_for_reading() -> None:
    from wirewatch.evaluation.event_typing import realis_misses
    from wirewatch.training.corpus import FROZEN_SET, read_articles

    with pytest.raises(ValueError, match="not for reading"):
        realis_misses(read_articles(FROZEN_SET), [])
