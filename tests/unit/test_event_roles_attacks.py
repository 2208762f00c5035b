"""Who did an attack told as a noun or a passive (session 27): "a junta air strike", an act "blamed
on" someone, "an air strike killed at least 20 people", and the casualties an attack caused told
after a defender acted. Hand-written sentences (not from any evaluation set or the training corpus).
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, names, tag


def test_an_actor_noun_in_the_compounds_of_an_attack_did_it(tagger):
    tagged = tag(tagger, "A Myanmar junta air strike killed 20 people in a village in Sagaing region on Sunday.")
    strike = event(tagged, "A Myanmar junta", "ASSAULT")
    assert names(tagged, strike.actors) == {"Myanmar junta"}
    assert "Sagaing" in names(tagged, strike.place_ids)  # the country only qualifies the junta
    assert not any(p.name == "Myanmar" for p in tagged.places if p.id in strike.place_ids)


def test_an_actor_noun_in_the_compounds_of_the_arms_of_an_attack_did_it(tagger):
    tagged = tag(tagger, "Junta aircraft bombed a village in Sagaing on Sunday, killing 12 people.")
    assert names(tagged, event(tagged, "Junta aircraft", "ASSAULT").actors, lower=True) == {"junta"}
    jets = tag(tagger, "Two fighter jets dropped bombs on the village on Sunday.")
    assert not any(e.type == "GROUP" and "fighter" in e.name.lower() for e in jets.entities)


def test_a_place_compound_is_still_no_actor_noun(tagger):
    tagged = tag(tagger, "Gunmen attacked the police station in Bannu on Monday.")
    assert not any(e.type == "GROUP" and e.name == "police" for e in tagged.entities)


def test_the_victims_of_a_strike_the_parser_reads_as_a_participle_are_its_targets(tagger):
    tagged = tag(tagger, "An army air strike killed at least 20 people on Sunday.")
    doc = tagger.nlp("An army air strike killed at least 20 people on Sunday.")
    assert next(t for t in doc if t.text == "killed").dep_ == "acl"  # the misparse this is about
    assert "people" in names(tagged, event(tagged, "An army air strike", "ASSAULT").targets)


def test_an_act_blamed_on_someone_was_done_by_them(tagger):
    tagged = tag(tagger, "A bomb attack blamed on the ELN killed seven soldiers at an outpost in Arauca on Saturday.")
    assert names(tagged, event(tagged, "A bomb attack", "ASSAULT").actors) == {"ELN"}
    tagged = tag(tagger, "A drone strike attributed to the RSF hit a crowded market in Omdurman on Saturday.")
    assert names(tagged, event(tagged, "A drone strike", "ASSAULT").actors) == {"RSF"}


def test_casualties_told_after_a_defence_are_the_attackers_doing(tagger):
    tagged = tag(tagger, "Russia launched 120 drones at Ukraine overnight, the air force said.\n\n"
                         "Air defences intercepted 95 of them.\n\n"
                         "Four people were killed in the city of Dnipro.")
    killed = event(tagged, "Four people were killed", "ASSAULT")
    assert names(tagged, killed.actors) == {"Russia"}


@pytest.mark.parametrize("title, body, doer", [
    ("Attack on checkpoint", "Gunmen attacked a checkpoint near Wana on Monday, killing three soldiers.", "Gunmen"),
    ("Joint patrols resume", "Algeria and Niger resumed joint military patrols on their border on Monday.", "Algeria"),
])
def test_a_paragraphs_first_word_is_no_sentence_of_its_own(tagger, title, body, doer):
    # given the start of the paragraph, the parser made "Gunmen" a sentence and the act lost its doer
    doc = tagger.nlp(f"{title}\n\n{body}")
    assert [s.text.strip() for s in doc.sents] == [title, body]
    tagged = tag(tagger, body, title=title)
    assert doer in names(tagged, event(tagged, body[:15]).actors)


def test_a_by_phrase_read_as_a_clause_names_the_doer(tagger):
    body = "Around 60 houses in Batibo were burned down, allegedly by soldiers searching for separatists."
    doc = tagger.nlp(body)
    assert next(t for t in doc if t.text == "searching").dep_ == "pcomp"  # the parse this is about
    tagged = tag(tagger, body)
    assert names(tagged, event(tagged, "Around 60 houses").actors) == {"soldiers"}


def test_the_gathering_a_purpose_of_dispersing_names_is_a_target(tagger):
    body = "Police fired tear gas on Saturday to disperse an opposition rally in Abidjan."
    tagged = tag(tagger, body)
    assert "opposition rally" in names(tagged, event(tagged, "Police fired").targets)


def test_an_attack_nouns_on_phrase_the_parser_hung_on_the_verb_names_its_targets(tagger):
    body = "The junta responded with air strikes on two villages near the town, residents said."
    doc = tagger.nlp(body)
    on = next(t for t in doc if t.text == "on")
    assert on.head.text == "responded"  # the parse this is about: the phrase hangs on the verb
    tagged = tag(tagger, body)
    assert "villages" in names(tagged, event(tagged, "The junta responded", "ASSAULT").targets, lower=True)
    # a day in that place is when, not whom
    tagged = tag(tagger, "The junta responded with air strikes on Thursday, residents said.")
    assert not event(tagged, "The junta responded", "ASSAULT").targets


def test_who_shot_dead_whom_when_the_parser_took_shot_for_a_noun(tagger):
    # the small model reads the sentence as one noun phrase, "shot" a noun
    tagged = tag(tagger, "Gunmen on a motorcycle shot dead two workers on Monday.")
    shooting = event(tagged, "Gunmen", "ASSAULT")
    assert "Gunmen" in names(tagged, shooting.actors)
    assert "workers" in names(tagged, shooting.targets)


def test_who_shot_dead_whom_in_a_reported_clause_headed_by_dead(tagger):
    # the parser heads the reported clause with "dead" ("shot" a noun): the happening is told
    # there, so the police who tell of it are not who shot
    tagged = tag(tagger, "Gunmen on a motorcycle shot dead a prominent lawyer who had defended "
                         "protesters, police said.")
    shooting = event(tagged, "Gunmen", "ASSAULT")
    assert "Gunmen" in names(tagged, shooting.actors)
    assert "police" not in names(tagged, shooting.actors, lower=True)


def test_a_houthi_attack_was_done_by_the_houthis(tagger):
    # "Houthi" is a movement's word, as "Hutu" or "Rohingya" (entities_groups.txt), not a name
    tagged = tag(tagger, "On Friday, Houthi drones struck a fuel depot in Marib.")
    assert "Houthis" in names(tagged, event(tagged, "On Friday", "ASSAULT").actors)


def test_members_of_an_unnamed_group_are_the_group_acting(tagger):
    # "members" is who the parse names; the group they belong to did it, named or not
    tagged = tag(tagger, "Members of a local vigilante group beat two suspected thieves in Kisumu on Monday.")
    actors = names(tagged, event(tagged, "Members of a local", "ASSAULT").actors, lower=True)
    assert any("vigilante group" in a for a in actors) and "members" not in actors


def test_who_led_a_crowd_acted_with_it(tagger):
    tagged = tag(tagger, "Thousands of people led by striking teachers marched through Nakuru on Friday.")
    actors = names(tagged, event(tagged, "Thousands of people", "PROTEST").actors, lower=True)
    assert any("teachers" in a for a in actors)


def test_a_sentence_opening_with_they_goes_on_about_the_last_acts_doers(tagger):
    # the officials spoke last, but "They" carries on the story of who attacked
    tagged = tag(tagger, "Gunmen attacked a village in Plateau state on Sunday, killing 12 people, "
                         "officials said. They also burned dozens of houses and a church.")
    assert names(tagged, event(tagged, "They also burned").actors, lower=True) == {"gunmen"}


def test_the_three_countries_are_the_three_named_before(tagger):
    # "the three countries" points back to as many parties as its number says
    tagged = tag(tagger, "Ghana hosted the foreign ministers of Togo and Benin in Accra on Friday. "
                         "The three countries agreed to set up a joint border patrol.")
    assert names(tagged, event(tagged, "The three countries", "AGREE").actors) >= {"Ghana", "Togo", "Benin"}


def test_talks_named_in_a_phrase_of_a_verb_were_held_by_its_subject(tagger):
    # the act sits on "for talks", a phrase of "invited": who invited them held the talks
    tagged = tag(tagger, "Qatari officials invited the two delegations to Doha on Sunday for talks.")
    talks = next(e for e in tagged.events if e.category == "CONSULT")
    assert any("Qatari" in n for n in names(tagged, talks.actors))


def test_who_helped_in_an_operation_acted_too(tagger):
    tagged = tag(tagger, "The raid on the camp was carried out with the help of Ugandan troops.")
    helping = next(e for e in tagged.events if e.category == "COOPERATE")
    assert any("Ugand" in n for n in names(tagged, helping.actors))


def test_what_an_explosive_was_set_off_under_was_hit(tagger):
    tagged = tag(tagger, "Rebels detonated a roadside bomb under an army lorry near Kidal on Monday.")
    assert "army lorry" in names(tagged, event(tagged, "Rebels").targets, lower=True)
