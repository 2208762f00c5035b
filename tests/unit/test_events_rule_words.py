"""The rules' word forms: a part of a sentence (a trigger's subtree, the words without the report's
source) reads the forms the sentence's words already have, and they are the forms it would read
alone. Hand-written sentences (not from any evaluation set)."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.events.rules import Words
from streams.tagging.events.taxonomy import load_taxonomy
from streams.tagging.spacy_model import load_pipeline


@pytest.fixture(scope="module")
def sentence():
    nlp = load_pipeline(get_settings().spacy_model)
    return next(nlp("Rebels retook the town and overran two army posts, residents said.").sents)


def test_a_part_reads_the_forms_its_sentence_has(sentence):
    fixes = load_taxonomy().lemma_fixes
    whole = Words(list(sentence), fixes)
    trigger = next(t for t in sentence if t.lower_ == "overran")
    part = list(trigger.subtree)
    within, alone = Words(part, fixes, whole), Words(part, fixes)
    assert within.forms == alone.forms
    assert [t.i for t in within.tokens] == [t.i for t in alone.tokens]
    assert whole.forms_of(trigger) == alone.forms[[t.i for t in alone.tokens].index(trigger.i)]


def test_words_outside_the_sentence_are_read_anew(sentence):
    fixes = load_taxonomy().lemma_fixes
    first_half = Words(list(sentence[:4]), fixes)
    whole = Words(list(sentence), fixes, first_half)  # most words are not in the part it reads within
    assert whole.forms == Words(list(sentence), fixes).forms
