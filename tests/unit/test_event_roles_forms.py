"""Who did what to whom in forms the clause's own roles miss: both sides of "delegations of X
and Y", who lost what was taken ("seized ... from the army"), "30 of them", what a weapon noun's
clause was done to, a lead's subject the parser hung on the dateline, the facility where a bomb
went off, and a country that only owns a named body. One hand-written sentence per form (not from any
evaluation set).
"""

from __future__ import annotations

from streams.tagging.events.fallbacks import fallback_targets
from tests.support.roles import event, tag
from tests.support.roles import names as role_names


def names(tagged, ids: list[str]) -> set[str]:
    return role_names(tagged, ids, lower=True)


def test_both_sides_of_a_coordinated_of_phrase_act(tagger):
    tagged = tag(tagger, "Delegations of the Ethiopian government and the Tigray People's Liberation Front "
                         "began talks in Pretoria on Monday.")
    e = event(tagged, "Delegations")
    assert names(tagged, e.actors) >= {"ethiopian government", "tigray people's liberation front"}


def test_who_lost_what_was_taken_is_a_target(tagger):
    tagged = tag(tagger, "M23 rebels seized two villages from the army in North Kivu on Tuesday.")
    e = event(tagged, "M23 rebels")
    assert "army" in names(tagged, e.targets)
    assert "army" not in names(tagged, e.actors)


def test_a_count_of_them_is_not_the_actor(tagger):
    tagged = tag(tagger, "Police fired tear gas at protesters in Lima on Monday. Officers arrested 30 of them.")
    e = event(tagged, "Officers arrested")
    assert "protesters" in names(tagged, e.targets)


def test_a_weapon_noun_reads_the_purpose_clause_of_its_verb(tagger):
    doc = tagger.nlp("Riot police used batons and pepper spray to push the students back.")
    spray = next(t for t in doc if t.text == "spray")
    assert "students" in {t.text for heads in fallback_targets(spray) for t in heads}


def test_a_lead_subject_hung_on_the_dateline_is_the_actor(tagger):
    body = "EL FASHER, Sudan - The Rapid Support Forces attacked Bara on Sunday, residents said."
    tagged = tag(tagger, body)
    e = event(tagged, "The Rapid")  # the dateline is its own sentence
    assert "rapid support forces" in names(tagged, e.actors)
    doc = tagger.nlp(body)  # the parser no longer hangs the subject on the dateline
    attacked = next(t for t in doc if t.text == "attacked")
    assert [t.text for t in attacked.children if t.dep_ == "nsubj"] == ["Forces"]


def test_a_facility_where_a_bomb_went_off_is_its_target(tagger):
    tagged = tag(tagger, "A bomb went off in a parked car in Azaz on Sunday.")
    e = event(tagged, "A bomb")
    assert any("car" in n for n in names(tagged, e.targets))
    assert "azaz" not in names(tagged, e.targets)


# --- where: a country that only qualifies a name -----------------------------------------

def test_a_country_that_owns_a_named_body_is_not_the_place(tagger):
    tagged = tag(tagger, "COLOMBO - Sri Lanka's Criminal Investigation Department arrested a former "
                         "minister on Monday.")
    e = event(tagged, "Sri Lanka")
    assert names(tagged, e.place_ids[:1]) == {"colombo"}  # the dateline, not Sri Lanka


def test_a_phrase_trigger_opening_with_a_modifier_reads_its_roles_at_its_head(tagger):
    # "sexually" is the trigger's first word; its subject and object are those of "assaulted"
    tagged = tag(tagger, "RSF fighters sexually assaulted girls in a village.")
    found = event(tagged, "RSF fighters", "ASSAULT")
    assert found.trigger == "sexually assaulted"
    assert "rsf fighters" in names(tagged, found.actors)
    assert "girls" in names(tagged, found.targets)


def test_supporters_of_a_person_are_the_supporters_and_of_a_party_the_party(tagger):
    tagged = tag(tagger, "Supporters of former President Ollanta Ruiz attacked police with sticks and stones "
                         "in Cusco on Monday.")
    e = event(tagged, "Supporters")
    assert "supporters" in names(tagged, e.actors) and "ollanta ruiz" not in names(tagged, e.actors)
    tagged = tag(tagger, "Supporters of the National Unity Party clashed with police in Cusco on Monday.")
    e = event(tagged, "Supporters")
    assert "national unity party" in names(tagged, e.actors)
