"""The training corpus keeps copies of frozen-set phrases out of training."""

from __future__ import annotations

import json
from pathlib import Path

from wirewatch.training.corpus import (
    FROZEN_SET,
    read_articles,
    training_articles,
    without_frozen_overlap,
    word_runs,
)


def _write(path: Path, texts: list[str]) -> Path:
    sentences = [{"text": t, "para": 0, "realis": False, "category": None, "mode": None,
                  "subtype": None, "actors": [], "targets": [], "place": None, "date": None,
                  "negative": None, "form": []} for t in texts]
    record = {"id": "tra-0001", "country": "KE", "published_at": "2026-03-12",
              "dateline": None, "title": "", "sentences": sentences}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def test_word_runs_are_lower_cased_runs_of_eight() -> None:
    runs = word_runs("One two three four five six seven Eight nine")
    assert runs == {("one", "two", "three", "four", "five", "six", "seven", "eight"),
                    ("two", "three", "four", "five", "six", "seven", "eight", "nine")}
    assert word_runs("too short to count") == set()


def test_a_sentence_sharing_eight_words_with_the_frozen_set_is_left_out(tmp_path: Path) -> None:
    frozen = _write(tmp_path / "frozen.jsonl",
                    ["Police fired tear gas at hundreds of protesters in the capital on Monday."])
    corpus = read_articles(_write(tmp_path / "train.jsonl", [
        "Riot police fired tear gas at hundreds of protesters in the capital on Friday.",
        "Police fired tear gas at students in the port city on Friday.",
    ]))
    kept = without_frozen_overlap(corpus, frozen)
    assert [s.text for s in kept[0].sentences] == [
        "Police fired tear gas at students in the port city on Friday."]
    assert kept[0].raw.body == corpus[0].raw.body  # the text stays as context


def test_no_training_sentence_shares_eight_words_with_the_frozen_set() -> None:
    frozen = set()
    for article in read_articles(FROZEN_SET):
        for sentence in article.sentences:
            frozen |= word_runs(sentence.text)
    for article in training_articles():
        for sentence in article.sentences:
            assert not word_runs(sentence.text) & frozen, (article.id, sentence.text)
