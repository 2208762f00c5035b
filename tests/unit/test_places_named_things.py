"""An unknown name the model calls a place that says what a noun is (``places/named_things.py``).

The parses are written by hand (no model), so the reading is tested whatever the model labels.
"""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from streams.tagging.places.gazetteer import Candidate, Entry
from streams.tagging.places.named_things import drop_named_things, place_nouns
from streams.tagging.places.toponym import Toponym

_ANY_ENTRY = Entry(Candidate("geonames:1", "X", "city", 1, "XX", None, 0.0, 0.0, 1000))


class _Gazetteer:
    """A gazetteer that knows only the given keys."""

    def __init__(self, known: set[str]) -> None:
        self.known = known

    def lookup_key(self, key: str) -> tuple[Entry, ...]:
        return (_ANY_ENTRY,) if key in self.known else ()


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos,
               lemmas=[w.lower() for w in words])


def _kept(doc: Doc, toponym: Toponym, known: frozenset[str] = frozenset()) -> bool:
    return drop_named_things(doc, [toponym], _Gazetteer(set(known))) == [toponym]


# "Gunmen from the Viv Ansanm gang coalition attacked": Viv -> Ansanm -> gang -> coalition
_GANG = _doc(["Gunmen", "from", "the", "Viv", "Ansanm", "gang", "coalition", "attacked"],
             [7, 0, 6, 4, 6, 6, 1, 7], ["nsubj", "prep", "det", "compound", "compound", "compound", "pobj", "ROOT"],
             ["NOUN", "ADP", "DET", "PROPN", "PROPN", "NOUN", "NOUN", "VERB"])


def test_a_name_that_says_what_its_nouns_are_is_dropped_along_the_compound_chain():
    assert not _kept(_GANG, Toponym(3, 5, "viv ansanm", "ner", "FAC"))


def test_the_gazetteer_s_names_and_names_not_from_the_model_stay():
    assert _kept(_GANG, Toponym(3, 5, "viv ansanm", "ner", "FAC"), frozenset({"viv ansanm"}))
    assert _kept(_GANG, Toponym(3, 5, "viv ansanm", "gazetteer"))


def test_a_name_before_a_place_noun_or_a_state_s_force_stays():
    camp = _doc(["in", "the", "Rashidieh", "refugee", "camp"], [0, 4, 4, 4, 0],
                ["ROOT", "det", "compound", "compound", "pobj"], ["ADP", "DET", "PROPN", "NOUN", "NOUN"])
    assert _kept(camp, Toponym(2, 3, "rashidieh", "ner", "GPE"))
    forces = _doc(["Puntland", "forces", "fought"], [1, 2, 2], ["compound", "nsubj", "ROOT"],
                  ["PROPN", "NOUN", "VERB"])
    assert _kept(forces, Toponym(0, 1, "puntland", "ner", "GPE"))
    assert {"camp", "forces", "mountains", "district"} <= place_nouns()


def test_a_name_that_is_no_modifier_or_ends_the_text_stays():
    alone = _doc(["near", "Captagon"], [0, 0], ["ROOT", "pobj"], ["ADP", "PROPN"])
    assert _kept(alone, Toponym(1, 2, "captagon", "ner", "GPE"))
    pills = _doc(["seized", "Captagon", "pills"], [0, 2, 0], ["ROOT", "compound", "dobj"], ["VERB", "PROPN", "NOUN"])
    assert not _kept(pills, Toponym(1, 2, "captagon", "ner", "GPE"))
    named = _doc(["seized", "Captagon", "Co"], [0, 2, 0], ["ROOT", "compound", "dobj"], ["VERB", "PROPN", "PROPN"])
    assert _kept(named, Toponym(1, 2, "captagon", "ner", "GPE"))  # a proper noun's head: a longer name
