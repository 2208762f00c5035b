"""Who did what to whom when the trigger's own clause does not say: the fallback readings
(events/fallbacks.py), relative pronouns, pairs, statements about an earlier act, and the
place of a statement. One hand-written sentence per construction (not from any evaluation set).

The pure functions are tested on parses; the id-level rules through the real tagger, so roles
point at the ids the article carries.
"""

from __future__ import annotations

from schemas import TaggedArticle
from streams.tagging.events.actors import participants
from streams.tagging.events.fallbacks import (
    agentless_passive,
    fallback_actors,
    fallback_targets,
    speaker,
)
from streams.tagging.tagger import Tagger
from tests.support.roles import event, tag
from tests.support.roles import names as role_names


def parse(tagger: Tagger, text: str):
    return tagger.nlp(text)


def word(doc, text: str):
    return next(t for t in doc if t.text == text)


def names(tagged: TaggedArticle, ids: list[str]) -> set[str]:
    return role_names(tagged, ids, lower=True)


# --- pure functions on parses ---------------------------------------------------------------

def test_speaker_of_a_reported_clause(tagger):
    doc = parse(tagger, "Eleven protesters were arrested in Lagos on Monday, police said.")
    arrested = word(doc, "arrested")
    assert agentless_passive(arrested)
    assert [t.text for t in speaker(arrested)] == ["police"]
    assert [t.text for heads, said in fallback_actors(arrested) if said for t in heads] == ["police"]


def test_a_modifier_trigger_reads_the_roles_of_its_noun(tagger):
    doc = parse(tagger, "Police used tear gas against the marchers.")
    actors, _ = participants(word(doc, "tear"))  # "tear gas": the gas is what was used
    assert [t.text for t in actors] == ["Police"]


def test_a_noun_trigger_under_a_preposition_takes_the_verb_subject(tagger):
    doc = parse(tagger, "Riot police responded with tear gas and stun grenades.")
    readings = fallback_actors(word(doc, "grenades"))
    assert readings and [t.text for t in readings[0][0]] == ["police"]


def test_relative_pronoun_is_the_noun_it_describes(tagger):
    doc = parse(tagger, "The union, which called a strike in March, met the minister.")
    actors, _ = participants(word(doc, "strike"))
    assert "union" in [t.text for t in actors]


def test_a_participle_has_its_noun_as_target_not_actor(tagger):
    doc = parse(tagger, "The army freed 17 students abducted from a school in Katsina.")
    actors, targets = participants(word(doc, "abducted"))
    assert "students" in [t.text for t in targets]
    assert "students" not in [t.text for t in actors]


def test_targets_in_purpose_clauses_and_under_the_thing_fired(tagger):
    doc = parse(tagger, "Police fired tear gas to disperse the crowd.")
    assert "crowd" in [t.text for heads in fallback_targets(word(doc, "fired")) for t in heads]
    doc = parse(tagger, "Gunmen fired shells at the village of Kafr Nabl.")
    _, targets = participants(word(doc, "fired"))
    assert "village" in [t.text for t in targets]


# --- through the tagger ---------------------------------------------------------------------

def test_reported_arrest_is_the_speakers_when_no_one_else_is_named(tagger):
    tagged = tag(tagger, "Eleven protesters were arrested in Lagos on Monday, police said.")
    e = event(tagged, "Eleven protesters", "COERCE")
    assert names(tagged, e.actors) == {"police"}
    assert "protesters" in names(tagged, e.targets)


def test_a_witness_who_tells_of_fighting_did_not_fight(tagger):
    tagged = tag(tagger, "Three residents said the fighting killed 12 people.")
    for e in tagged.events:
        assert "residents" not in names(tagged, e.actors)


def test_agentless_passive_takes_the_force_named_before(tagger):
    tagged = tag(tagger, "Police raided a warehouse in Mombasa on Monday.\n\nFive men were arrested.")
    e = event(tagged, "Five men", "COERCE")
    assert names(tagged, e.actors) == {"police"}


def test_agentless_passive_joined_to_a_clause_with_a_subject(tagger):
    tagged = tag(tagger, "Somali police used batons on Wednesday, and 12 protesters were injured.")
    e = event(tagged, "Somali police")
    assert "somali police" in names(tagged, e.actors)
    assert "protesters" in names(tagged, e.targets)


def test_purpose_clause_names_the_target(tagger):
    tagged = tag(tagger, "Police fired tear gas to disperse the protesters in Nairobi on Tuesday.")
    e = event(tagged, "Police fired")
    assert "protesters" in names(tagged, e.targets)


def test_the_town_of_x_is_x(tagger):
    tagged = tag(tagger, "Rebels of the Kachin Independence Army captured the town of Chipwi on Friday.")
    e = event(tagged, "Rebels", "ASSAULT")
    assert "chipwi" in names(tagged, e.targets)
    assert "kachin independence army" in names(tagged, e.actors)


def test_the_two_sides_are_the_pair_named_before(tagger):
    tagged = tag(tagger, "Egypt and Eritrea held talks in Cairo on Monday.\n\n"
                         "The two sides agreed to open a joint border commission.")
    e = event(tagged, "The two sides")
    assert names(tagged, e.actors) >= {"egypt", "eritrea"}


def test_condemning_an_earlier_act_targets_who_did_it(tagger):
    tagged = tag(tagger, "Police arrested 20 opposition activists in Lagos on Monday.\n\n"
                         "The opposition party condemned the arrests.")
    e = event(tagged, "The opposition party", "ACCUSE")
    assert names(tagged, e.targets[:1]) == {"police"}  # the doer first, then what was judged (the arrests)
    assert "activists" not in names(tagged, e.targets)


def test_dateline_is_never_an_actor(tagger):
    tagged = tag(tagger, "LAGOS - Hundreds of students marched through the city centre on Monday.")
    e = event(tagged, "Hundreds")  # the dateline is its own sentence
    assert "lagos" not in names(tagged, e.actors)
    assert "students" in names(tagged, e.actors)


def test_a_named_description_is_not_an_anaphor(tagger):
    tagged = tag(tagger, "Amnesty International accused police of torture on Monday.\n\n"
                         "The Libyan interior ministry rejected the accusations on Tuesday.")
    e = event(tagged, "The Libyan interior ministry", "REJECT")
    assert "amnesty international" not in names(tagged, e.actors)


def test_where_a_statement_was_made_under_its_object(tagger):
    tagged = tag(tagger, "Italy and Libya signed a migration agreement in Rome on Friday.")
    e = event(tagged, "Italy and Libya")
    assert names(tagged, e.place_ids[:1]) >= {"rome"}


def test_paragraph_town_before_a_country_named_earlier(tagger):
    tagged = tag(tagger, "KINSHASA - Congo's government said on Monday it would send troops to the east.\n\n"
                         "Rebels attacked Goma on Sunday.\n\nPolice used tear gas to scatter the crowd.")
    e = event(tagged, "Police used")
    assert names(tagged, e.place_ids[:1]) & {"goma", "kinshasa"}
    assert "congo" not in names(tagged, e.place_ids[:1])


def test_a_trigger_that_names_people_is_its_own_actor(tagger):
    doc = parse(tagger, "Rioters set cars on fire in the city centre.")
    actors, _ = participants(word(doc, "Rioters"))
    assert [t.text for t in actors] == ["Rioters"]
    doc = parse(tagger, "The European Union adopted a package of sanctions against Russia.")
    readings = fallback_actors(word(doc, "sanctions"))
    assert readings and [t.text for t in readings[0][0]] == ["Union"]


def test_whom_a_dropped_thing_was_aimed_at_is_the_target_when_named_too(tagger):
    # the parse hangs "on resistance fighters" deep in the dropped thing's phrase; they are an entity
    tagged = tag(tagger, "Junta jets dropped bombs releasing white smoke on resistance fighters in Sagaing Region.")
    e = event(tagged, "Junta jets", "ASSAULT")
    assert "resistance fighters" in names(tagged, e.targets)
