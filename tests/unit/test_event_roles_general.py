"""Targets read in general terms (session 21): what a verb of judging judged ("rejected the deal"),
and who made it ("a pay offer from port operators"), what a verb of destroying or seizing acted on
whatever its noun ("blew up a culvert"), people named by whose they are ("arrested members of a
gang": the members beside the gang), what an attack hit or a thrown thing was aimed at whatever its
noun ("hurled bombs at a rally"), whom a verb bids act ("urged allies to ..."), what a bomber or a
blast in a passive's "by" phrase hit, the facility an attack took place at ("exploded outside a
police station, wounding three officers"), whom a "to" phrase gives or sends to, who lost the
ground a clause of driving out or a taker's fight before names ("..., pushing government troops
back", "after days of fighting with the army"), who the object pronoun of a clause without a
subject of its own is ("fired tear gas to disperse them": not the police), whom a coercion that
names no one, or only "people", was used against (the protesters told before), what a threatened
attack would hit ("threatened to resume attacks on fuel convoys"), what a "when" clause of a
casualty says was hit ("were killed when jets bombed the hospital"), what went by when a blast went
off ("exploded as an army convoy passed"), and what an explosive was attached to ("a bomb attached
to a minibus"). One hand-written sentence per form (not from any evaluation set); each reading was
measured on the training corpus and the role dev sets.
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, tag
from tests.support.roles import names as role_names

# (sentence, the start of the event's sentence, a word of the target the reading finds)
TARGETS = [
    # what a verb of judging judged, whatever its noun
    ("The opposition alliance rejected the electoral reform on Tuesday.", "The opposition alliance", "reform"),
    ("The farmers' union welcomed the trade deal on Friday.", "The farmers' union", "deal"),
    # who made what was judged, as its "by" or "from" phrase says
    ("The dockers' union rejected a pay offer from port operators on Monday.", "The dockers' union", "operators"),
    # what a verb of destroying or seizing acted on, whatever its noun
    ("Rebels blew up a culvert on the main road near Beni on Monday.", "Rebels", "culvert"),
    ("Saboteurs set fire to two power pylons near Lyon on Sunday.", "Saboteurs", "pylon"),
    ("Customs officers seized 300 kg of shabu at the port on Friday.", "Customs officers", "shabu"),
    # people named by whose they are were acted on themselves, beside their owner
    ("Police arrested 12 members of the Black Axe gang in Benin City on Friday.", "Police", "members"),
    ("Riot police beat supporters of opposition leader Kizza Besigye in Jinja.", "Riot police", "supporters"),
    # what an attack hit, or a thrown or fired thing was aimed at, whatever its noun
    ("Unidentified men hurled petrol bombs at a campaign rally in Kumasi on Friday.", "Unidentified men", "rally"),
    ("Gunmen stormed a police armoury in Jos on Sunday.", "Gunmen", "armoury"),
    ("Rebels dropped explosives from a drone on an army outpost near Beni on Monday.", "Rebels", "outpost"),
    ("Soldiers used grenades filled with an irritant gas against rebel positions near Beni on Friday.", "Soldiers",
     "position"),
    # whom a verb bids act, whatever its noun
    ("The interior minister urged the public to stay calm.", "The interior minister", "public"),
    # the facility an attack took place at, beside its casualties
    ("A bomb exploded outside a police station in Jamundi on Monday, wounding three officers.", "A bomb",
     "police station"),
    # whom a "to" phrase gives or sends to (the parser's dative preposition)
    ("The Red Cross handed out blankets to displaced families in Goma on Tuesday.", "The Red Cross", "families"),
    ("Kuwait gave 20 million dollars to the Jordanian army on Sunday.", "Kuwait", "army"),
    # what a clause of attack says the act hit
    ("Russia fired 40 missiles at Ukraine overnight, targeting power substations in the west.", "Russia",
     "substation"),
    # whom a clause of driving out says lost the ground
    ("Rebel fighters captured the village of Kamako on Friday, pushing government troops back.", "Rebel fighters",
     "troops"),
    # whom a verb of taking's "after" phrase says the taker fought, counted in weeks or days
    ("Rebel fighters captured the town of Kamako on Friday after days of fighting with the army.", "Rebel fighters",
     "army"),
    ("Government troops seized the village of Kamako after a surprise attack on the rebels.", "Government troops",
     "rebels"),
    # what a threatened attack would hit: the "on" phrase of a noun of attack that names no one
    ("The rebels threatened on Monday to resume attacks on fuel convoys if the army advanced.", "The rebels",
     "convoy"),
    # what a "when" clause of a casualty says was hit
    ("Three patients were killed when army jets bombed the district hospital, a nurse said.", "Three patients",
     "hospital"),
    # what went by when a blast went off
    ("A roadside bomb exploded as an army convoy passed near Gao on Monday.", "A roadside bomb", "convoy"),
    # what an explosive was attached to or hidden in
    ("A magnetic bomb attached to a minibus exploded in Herat on Monday.", "A magnetic bomb", "minibus"),
    # what a noun trigger in a passive's "by" phrase hit
    ("A police checkpoint in Quetta was targeted by a suicide bomber on Monday.", "A police checkpoint",
     "checkpoint"),
]


@pytest.mark.parametrize(("text", "start", "target"), TARGETS)
def test_the_target_a_reading_finds(tagger, text, start, target):
    tagged = tag(tagger, text)
    assert any(target in n for n in role_names(tagged, event(tagged, start).targets, lower=True))


def test_a_body_of_people_bidden_to_act_keeps_its_written_name(tagger):
    tagged = tag(tagger, "The interior minister urged the public to stay calm.")
    assert "public" in role_names(tagged, event(tagged, "The interior minister").targets, lower=True)
    assert not any(e.id == "group:publics" for e in tagged.entities)


def test_the_object_of_a_purpose_clause_is_not_the_subject_it_borrows(tagger):
    tagged = tag(tagger, "Hundreds of students marched through central Nairobi on Monday.\n\n"
                         "Police fired tear gas to disperse them.")
    e = event(tagged, "Police fired")
    assert "students" in role_names(tagged, e.targets, lower=True)
    assert "police" not in role_names(tagged, e.targets, lower=True)


def test_a_coercion_that_names_no_one_was_used_against_the_protesters_before(tagger):
    tagged = tag(tagger, "Hundreds of teachers marched on the education ministry in Accra on Monday.\n\n"
                         "Riot police responded with tear gas and stun grenades.")
    e = event(tagged, "Riot police")
    assert "teachers" in role_names(tagged, e.targets, lower=True)


def test_people_the_police_acted_on_after_a_protest_are_the_protesters(tagger):
    tagged = tag(tagger, "Hundreds of teachers marched on the education ministry in Accra on Monday.\n\n"
                         "Police arrested 30 people.")
    e = event(tagged, "Police arrested")
    assert {"people", "teachers"} <= role_names(tagged, e.targets, lower=True)


def test_maoists_are_a_group_who_act(tagger):
    tagged = tag(tagger, "Twenty-two Maoists laid down arms before police in Bijapur on Monday.")
    assert "group:maoists" in event(tagged, "Twenty-two").actors
