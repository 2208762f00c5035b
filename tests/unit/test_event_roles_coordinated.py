"""Targets read in general terms (session 20): what verbs coordinated under the trigger's subject
acted on, what an object that names no one stands for ("control of X"), and whom a clause of harm
to people or a purpose of rescue or harm names (", beheading three farmers", "to rescue stranded
fishermen"), the subject of a verb of mishap, which underwent it ("a boat capsized"), and who held
ground before it was taken or was fought or driven out then ("after the rebels had held it",
"after driving out government soldiers"), and the object the parser gave to a gerund clause
("attacked shepherds grazing sheep"). One
hand-written sentence per form (not from any evaluation set); measured on the training corpus and
the role dev sets.
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, tag
from tests.support.roles import names as role_names


def names(tagged, ids: list[str]) -> set[str]:
    return role_names(tagged, ids, lower=True)


def test_what_a_coordinated_verb_under_the_same_subject_acted_on_is_a_target(tagger):
    tagged = tag(tagger, "Border guards detained nine smugglers and confiscated their boats near Tarifa on Monday.")
    targets = set().union(*(names(tagged, e.targets) for e in tagged.events))
    assert any("smugglers" in n for n in targets)
    assert all(any("smugglers" in n for n in names(tagged, e.targets)) for e in tagged.events
               if e.category in {"COERCE", "ASSAULT"})


def test_a_coordinated_clause_with_its_own_subject_is_someone_elses_act(tagger):
    tagged = tag(tagger, "Police fired tear gas at the marchers, and the marchers burned two patrol cars.")
    e = event(tagged, "Police fired")
    assert not any("patrol car" in n for n in names(tagged, e.targets))


# (sentence, the start of the event's sentence, a word of the target the reading finds)
TARGETS = [
    # an object that names no one stands for its "of" phrase
    ("Government troops regained control of a bridge near Kosti on Friday.", "Government troops", "bridge"),
    # whoever a clause of harm to people names
    ("Gunmen raided a village near Gao on Tuesday, beheading three farmers.", "Gunmen", "farmers"),
    # whom a purpose of rescue names
    ("The navy sent three boats to rescue stranded fishermen off Chittagong on Sunday.", "The navy", "fishermen"),
    # who held ground before it was retaken lost it
    ("Government troops retook the town of Kamina on Sunday after the rebels had held it for a month.",
     "Government troops", "rebels"),
    # whom the taker fought or drove out before lost the ground
    ("Rebel fighters seized the town of Kabo on Friday after driving out government soldiers.", "Rebel fighters",
     "soldiers"),
    ("The militia took control of the airport on Friday after heavy clashes with the army.", "The militia", "army"),
    # the noun the parser gave to a gerund clause is the verb's object
    ("Settlers attacked Palestinian shepherds grazing sheep near Hebron with stones.", "Settlers", "shepherds"),
]


@pytest.mark.parametrize(("text", "start", "target"), TARGETS)
def test_the_target_a_reading_finds(tagger, text, start, target):
    tagged = tag(tagger, text)
    assert any(target in n for n in names(tagged, event(tagged, start).targets))


def test_what_capsized_underwent_it(tagger):
    tagged = tag(tagger, "A fishing boat capsized on Lake Victoria on Sunday.")
    e = event(tagged, "A fishing boat")
    assert any("boat" in n for n in names(tagged, e.targets))
    assert not any("boat" in n for n in names(tagged, e.actors))


def test_a_vehicle_that_hit_a_mine_is_a_target_but_who_detonated_a_bomb_acts(tagger):
    tagged = tag(tagger, "An army truck hit a landmine near Gao on Monday.")
    assert any("truck" in n for n in names(tagged, event(tagged, "An army truck").targets))
    tagged = tag(tagger, "Insurgents detonated a roadside bomb near a school in Yala on Monday.")
    assert any("insurgents" in n for n in names(tagged, event(tagged, "Insurgents").actors))


def test_a_first_conjunct_the_parser_hung_on_the_second_as_a_modifier_acts_too(tagger):
    # the small parser reads "Police and gang members" as "[Police and] gang members"
    tagged = tag(tagger, "Police and gang members exchanged fire in the area on Friday.")
    got = role_names(tagged, event(tagged, "Police").actors, lower=True)
    assert "police" in got and "gang members" in got


def test_an_unnamed_conjunct_of_a_named_actor_acts_too(tagger):
    tagged = tag(tagger, "Supporters and opponents of Yoon held rival rallies outside the residence.")
    assert {"group:supporters", "group:opponents"} <= set(event(tagged, "Supporters").actors)


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]):
    import spacy
    from spacy.tokens import Doc
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_list_the_parser_read_as_an_apposition_is_coordinated():
    from streams.tagging.events.actors import with_conjuncts
    # "Mali, Burkina Faso and Niger condemned ...": the small parser's reading, Burkina Faso in
    # apposition to Mali and Niger the apposition's conjunct
    doc = _parsed(["Mali", ",", "Burkina", "Faso", "and", "Niger", "condemned", "it"],
                  [6, 0, 3, 0, 3, 3, 6, 6],
                  ["nsubj", "punct", "compound", "appos", "cc", "conj", "ROOT", "dobj"],
                  ["PROPN", "PUNCT", "PROPN", "PROPN", "CCONJ", "PROPN", "VERB", "PRON"])
    assert [t.text for t in with_conjuncts([doc[0]])] == ["Mali", "Faso", "Niger"]


def test_a_second_party_the_parser_hung_on_the_verb_is_coordinated():
    from streams.tagging.events.actors import with_conjuncts
    # "Australia and Nauru signed a treaty": the parser made Nauru an npadvmod of "signed"
    doc = _parsed(["Australia", "and", "Nauru", "signed", "a", "treaty"],
                  [3, 0, 3, 3, 5, 3],
                  ["nsubj", "cc", "npadvmod", "ROOT", "det", "dobj"],
                  ["PROPN", "CCONJ", "PROPN", "VERB", "DET", "NOUN"])
    assert [t.text for t in with_conjuncts([doc[0]])] == ["Australia", "Nauru"]
    # a true apposition with no conjunct of its own stays out ("Kenya's president, William Ruto,")
    doc = _parsed(["Ruto", ",", "the", "president", ",", "spoke"],
                  [5, 0, 3, 0, 0, 5],
                  ["nsubj", "punct", "det", "appos", "punct", "ROOT"],
                  ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"])
    assert [t.text for t in with_conjuncts([doc[0]])] == ["Ruto"]


def test_weapons_listed_after_a_seizure_are_all_its_targets(tagger):
    tagged = tag(tagger, "Border guards found 12 pistols, 300 detonators and two rifles in the car.")
    got = names(tagged, event(tagged, "Border guards").targets)
    assert any("pistol" in n for n in got) and any("rifle" in n for n in got)
