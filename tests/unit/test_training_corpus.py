"""The training corpus keeps copies of frozen-set phrases out of training and applies its relabels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirewatch.training.corpus import (
    FROZEN_SET,
    RELABELS,
    TRAIN_DIR,
    CorpusError,
    read_articles,
    read_relabels,
    training_articles,
    without_frozen_overlap,
    word_runs,
    written_articles,
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


POLICED = "Police fired tear gas at stone-throwing youths."
RIOT = ["PROTEST", "VIOL_DEMONSTR", "riot"]
DENIED = "The ministry denied that its forces had shelled the market."


def _labelled(path: Path, **labels: object) -> Path:
    """A one-sentence corpus file: the policed riot, realis COERCE, unless ``labels`` say otherwise."""
    sentence = {"text": POLICED, "para": 0, "realis": True,
                "category": "COERCE", "mode": "repression", "subtype": "FORCE_AGAINST_PROTEST",
                "actors": [], "targets": [], "place": None, "date": None, "negative": None, "form": [],
                **labels}
    record = {"id": "tra-0001", "country": "KE", "published_at": "2026-03-12", "dateline": None,
              "title": "", "sentences": [sentence]}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _relabel(folder: Path, before: list | None, after: list | None = RIOT, text: str = POLICED) -> None:
    folder.mkdir()
    row = {"id": "tra-0001", "sentence": 0, "text": text, "from": before, "to": after, "why": "a change of convention"}
    (folder / "a.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")


def test_a_relabel_changes_the_sentence_labels_training_reads(tmp_path: Path) -> None:
    _labelled(tmp_path / "corpus-a-01.jsonl")
    _relabel(tmp_path / RELABELS, ["COERCE", "FORCE_AGAINST_PROTEST", "repression"])
    [article] = training_articles(tmp_path, team_tsv=None)
    sentence = article.sentences[0]
    assert (sentence.category, sentence.subtype, sentence.mode) == ("PROTEST", "VIOL_DEMONSTR", "riot")
    # the writers' file is left as it was
    assert read_articles(tmp_path / "corpus-a-01.jsonl")[0].sentences[0].subtype == "FORCE_AGAINST_PROTEST"


def test_a_relabel_to_not_a_happening_clears_the_type_and_keeps_the_kind(tmp_path: Path) -> None:
    _labelled(tmp_path / "corpus-a-01.jsonl")
    _relabel(tmp_path / RELABELS, ["COERCE", "FORCE_AGAINST_PROTEST", "repression"], None)
    [article] = training_articles(tmp_path, team_tsv=None)
    sentence = article.sentences[0]
    assert not sentence.realis
    assert (sentence.category, sentence.subtype, sentence.mode) == (None, None, None)


def test_a_relabel_from_not_a_happening_needs_the_sentence_to_be_none(tmp_path: Path) -> None:
    _labelled(tmp_path / "corpus-a-01.jsonl")  # a happening: a relabel "from null" no longer names it
    _relabel(tmp_path / RELABELS, None, ["REJECT", "ATTRIB", None])
    with pytest.raises(CorpusError, match="labelled"):
        training_articles(tmp_path, team_tsv=None)


def test_a_relabel_from_not_a_happening_makes_the_sentence_one(tmp_path: Path) -> None:
    _labelled(tmp_path / "corpus-a-01.jsonl", text=DENIED, realis=False, category=None, mode=None,
              subtype=None, negative="denial")
    _relabel(tmp_path / RELABELS, None, ["REJECT", "ATTRIB", None], text=DENIED)
    [article] = training_articles(tmp_path, team_tsv=None)
    s = article.sentences[0]
    assert (s.realis, s.category, s.subtype, s.mode, s.negative) == (True, "REJECT", "ATTRIB", None, "denial")


def test_a_relabel_that_no_longer_names_its_sentence_as_it_was_is_refused(tmp_path: Path) -> None:
    _labelled(tmp_path / "corpus-a-01.jsonl")
    _relabel(tmp_path / RELABELS, ["COERCE", "PROTEST_WITH_INTER", "repression"])
    with pytest.raises(CorpusError, match="tra-0001#0"):
        training_articles(tmp_path, team_tsv=None)


def test_the_shipped_relabels_all_apply() -> None:
    relabels = read_relabels(TRAIN_DIR / RELABELS)
    assert relabels, "the riots-met-by-force relabels ship with the corpus"
    # (indices count the writers' sentences, before the frozen-overlap filter)
    by_id = {a.id: a for a in written_articles()}
    for r in relabels:
        s = by_id[r.article].sentences[r.sentence]
        assert ((s.category, s.subtype) == r.after[:2]) if r.after else not s.realis, r
