"""A listed armed group's name is the group, not a place (``places.filters.drop_armed_groups``)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from streams.tagging.places.filters import drop_armed_groups
from streams.tagging.places.toponym import Toponym
from streams.tagging.tagger import Tagger
from tests.unit.tagged_places import places, tag_body


def _doc(words: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words)


def test_a_listed_group_the_model_calls_a_facility_is_no_place():
    doc = _doc(["The", "army", "fought", "the", "Clan", "del", "Golfo", "in", "Choco", "."])
    group, choco = Toponym(4, 7, "clan del golfo", "ner", "FAC"), Toponym(8, 9, "choco", "ner", "GPE")
    assert drop_armed_groups(doc, [group, choco]) == [choco]


def test_a_listed_name_after_a_locative_word_stays_a_place():
    doc = _doc(["Clashes", "broke", "out", "in", "Los", "Lobos", "."])
    town = Toponym(4, 6, "los lobos", "gazetteer")
    assert drop_armed_groups(doc, [town]) == [town]


def test_the_tagger_reads_the_group_as_an_organisation_and_the_place_where_it_was_fought(tagger: Tagger):
    body = "The Colombian army fought the Clan del Golfo in Choco on Monday."
    assert "Clan del Golfo" not in places(tagger, body)
    article = tag_body(tagger, body)
    assert ("ORG", "Clan del Golfo") in {(e.type, e.name) for e in article.entities}
    names = {p.id: p.name for p in article.places}
    assert [names[i] for i in article.events[0].place_ids] == ["Choco"]
