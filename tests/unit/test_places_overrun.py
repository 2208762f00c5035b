"""overrun_kind: a place name inside a model entity that ran on past it."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from streams.tagging.places.overrun import is_piece, overrun_kind

_VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], spaces: list[bool], sent_starts: list[bool] | None = None) -> Doc:
    return Doc(_VOCAB, words=words, spaces=spaces, sent_starts=sent_starts)


def test_same_span_and_a_full_stop_outside_the_entity():
    doc = _doc(["Barrie", ",", "Ont", ".", ",", "with"], [False, True, False, False, True, False])
    assert overrun_kind(doc, (2, 3), 2, 4) == "same"
    assert overrun_kind(doc, (2, 3), 2, 3) == "same"


def test_entity_running_past_a_dash_a_lowercase_word_or_a_sentence_break():
    dash = _doc(["Sri", "Lanka", "-", "approximately"], [True, True, True, False])
    assert overrun_kind(dash, (0, 4), 0, 2) == "overrun"
    led = _doc(["U.S.", "-", "led", "campaign"], [False, False, True, False])
    assert overrun_kind(led, (0, 3), 0, 1) == "overrun"
    sentence = _doc(["U.S.", "Usually", "elderly"], [True, True, False], [True, True, False])
    assert overrun_kind(sentence, (0, 2), 0, 1) == "overrun"


def test_an_office_after_the_place():
    doc = _doc(["U.S.", "Secretary", "of", "State", "John", "Kerry"], [True] * 5 + [False])
    assert overrun_kind(doc, (0, 6), 0, 1) == "office"


def test_a_place_that_is_part_of_a_longer_name():
    doc = _doc(["Texas", "A&M", "University"], [True, True, False])
    assert overrun_kind(doc, (0, 3), 0, 1) is None
    hyphen = _doc(["Middlesex", "-", "London", "EMS"], [False, False, True, False])
    assert overrun_kind(hyphen, (0, 4), 0, 1) is None
    assert overrun_kind(doc, (0, 3), 1, 2) is None  # not at the start of the entity


def test_known_pieces_of_an_unknown_model_place():
    pair = _doc(["Cattai", "and", "Wilberforce"], [True, True, False])
    assert is_piece(pair, (0, 3), 0, 1) and is_piece(pair, (0, 3), 2, 3)
    body = _doc(["Metcalfe", "County", "Sheriff", "'s", "Office"], [True, True, False, True, False])
    assert is_piece(body, (0, 5), 0, 2)
    coast = _doc(["Indian", "Ocean", "coast"], [True, True, False])
    assert is_piece(coast, (0, 3), 0, 2)


def test_no_piece_inside_a_longer_name():
    airport = _doc(["Pearson", "International", "Airport"], [True, True, False])
    assert not is_piece(airport, (0, 3), 0, 1)
    airline = _doc(["Air", "Berlin"], [True, False])
    assert not is_piece(airline, (0, 2), 1, 2)
    particle = _doc(["Bab", "el", "-", "Oued"], [True, False, False, False])
    assert not is_piece(particle, (0, 4), 0, 1)
    generic = _doc(["Central", "and", "South", "America"], [True, True, True, False])
    assert not is_piece(generic, (0, 4), 0, 1)


def test_a_lowercase_verb_ends_the_name_but_of_does_not():
    used = Doc(_VOCAB, words=["U.S.", "used", "weaponized"], spaces=[True, True, False],
               pos=["PROPN", "VERB", "ADJ"])
    assert overrun_kind(used, (0, 2), 0, 1) == "overrun"
    of = Doc(_VOCAB, words=["University", "of", "Manitoba"], spaces=[True, True, False],
             pos=["PROPN", "ADP", "PROPN"])
    assert overrun_kind(of, (0, 3), 0, 1) is None
