"""The look-up attribute rules annotate exactly as the model's own attribute ruler."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler

from core.settings import get_settings
from streams.tagging.attributes import (
    NAME,
    AttributeRules,
    UnsupportedPattern,
    replace_attribute_ruler,
)
from streams.tagging.shared.text import ArticleText
from wirewatch.demo import demo_articles

# the ruler's word exceptions: contractions, dialect forms, pronouns by dependency, spaces
EDGE_CASES = [
    "I ain't gonna do it, y'all. Let's go, we gotta leave! C'mon, doin' nothin' ol' 'em 'nuff somethin'",
    "There is a  dog.\n\n  But it was I who saw it; you told me and I told you.",
    "THE ARMY SAID IT HAD ATTACKED THE TOWN",
    "Did they have the papers? They did. Which of these is yours? That one is.",
]


def annotations(nlp: Language, texts: list[str]) -> list[list[tuple[object, ...]]]:
    return [[(t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(texts)]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [ArticleText.of(a).text for a in demo_articles()] + EDGE_CASES


def test_the_same_annotations_as_spacys_attribute_ruler(texts: list[str]) -> None:
    nlp = spacy.load(get_settings().spacy_model)
    expected = annotations(nlp, texts)
    assert replace_attribute_ruler(nlp)
    assert NAME in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert annotations(nlp, texts) == expected


def test_a_pattern_it_cannot_match_keeps_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})
    with pytest.raises(UnsupportedPattern):
        AttributeRules(ruler)
    assert not replace_attribute_ruler(nlp)
    assert nlp.pipe_names == ["attribute_ruler"]


def test_later_patterns_win_as_in_the_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    ruler.add([[{"LOWER": "strike"}]], {"POS": "NOUN"})
    ruler.add([[{"LOWER": {"IN": ["strike", "strikes"]}}]], {"POS": "VERB"})
    ruler.add([[{"LOWER": "air"}, {"LOWER": "strike"}]], {"POS": "PROPN"}, index=-1)
    expected = [[t.pos_ for t in doc] for doc in nlp.pipe(["an air strike", "a strike"])]
    assert replace_attribute_ruler(nlp)
    assert [[t.pos_ for t in doc] for doc in nlp.pipe(["an air strike", "a strike"])] == expected
    assert expected == [["", "", "PROPN"], ["", "VERB"]]
