"""Decoding the parser and NER from Python, holding the GIL, gives spaCy's own parses and entities.

What it saves in CPU is a benchmark figure (``wirewatch bench parts``), not a test."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from core.settings import get_settings
from streams.tagging.decoding import HeldGilDecoder, hold_gil_in_decoding
from streams.tagging.shared.text import ArticleText
from wirewatch.benchmarking.corpus import bench_articles
from wirewatch.demo import demo_articles

EDGE_CASES = [
    "",
    "   ",
    "Hi",
    "THE ARMY SAID IT HAD ATTACKED THE TOWN OF KHARKIV ON MONDAY",
    "Police in Nairobi, Kenya, arrested 12 people.\n\nThe Interior Ministry said on Tuesday that "
    "Kenyan forces and the UN had met in Mombasa.",
]


def parses(nlp: Language, texts: list[str], batch_size: int) -> list[tuple[object, ...]]:
    return [(tuple((t.dep_, t.head.i, t.is_sent_start, t.lemma_, t.pos_) for t in doc),
             tuple((e.start, e.end, e.label_) for e in doc.ents))
            for doc in nlp.pipe(texts, batch_size=batch_size)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    articles = [*demo_articles(), *bench_articles(6)]
    return [ArticleText.of(a).text for a in articles] + EDGE_CASES


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load(get_settings().spacy_model)


@pytest.mark.parametrize("batch_size", [1, 4, 64])
def test_the_same_parses_and_entities_as_spacys_decoding(nlp: Language, texts: list[str],
                                                         batch_size: int) -> None:
    expected = parses(nlp, texts, batch_size)
    held = spacy.load(get_settings().spacy_model)
    assert hold_gil_in_decoding(held) == ["parser", "ner"]
    assert held.pipe_names == nlp.pipe_names  # same names, same order
    decoder = held.get_pipe("ner")
    assert isinstance(decoder, HeldGilDecoder)
    assert decoder.labels == decoder.wrapped.labels  # the wrapped component's
    assert parses(held, texts, batch_size) == expected
    assert [(e.text, e.label_) for e in held(texts[-1]).ents] == [(e.text, e.label_) for e in nlp(texts[-1]).ents]


def test_a_pipeline_without_parser_or_ner_is_left_alone() -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    assert hold_gil_in_decoding(blank) == []
    assert blank.pipe_names == ["sentencizer"]
