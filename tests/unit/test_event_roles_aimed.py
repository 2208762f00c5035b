"""Targets the clause's own objects miss: what a thrown or fired thing was aimed at, the makers
of an active verb's object ("a march by X"), who must act in a threat's condition, and a group
introduced with "a". One hand-written sentence per form (not from any evaluation set); the
changes were measured on the training corpus (session 19).
"""

from __future__ import annotations

from tests.support.roles import event, tag
from tests.support.roles import names as role_names


def names(tagged, ids: list[str]) -> set[str]:
    return role_names(tagged, ids, lower=True)


def test_what_fired_tear_gas_was_aimed_at_is_the_target(tagger):
    tagged = tag(tagger, "Riot police fired tear gas and water cannon at university students marching "
                         "toward the ministry in Colombo on Friday.")
    e = event(tagged, "Riot police")
    assert "university students" in names(tagged, e.targets)


def test_sanctions_on_a_country_target_it(tagger):
    tagged = tag(tagger, "The European Union imposed sanctions on Belarus on Monday.")
    e = event(tagged, "The European Union")
    assert "belarus" in names(tagged, e.targets)


def test_a_march_by_protesters_makes_them_targets_not_actors(tagger):
    tagged = tag(tagger, "Riot police used batons to break up a march by pro-European protesters "
                         "in Tbilisi on Sunday.")
    e = event(tagged, "Riot police")
    assert "riot police" in names(tagged, e.actors)
    assert not any("protesters" in n for n in names(tagged, e.actors))
    assert any("protesters" in n for n in names(tagged, e.targets))


def test_who_must_act_in_a_threats_condition_is_its_target(tagger):
    tagged = tag(tagger, "The transport union threatened on Monday to strike indefinitely if the "
                         "government did not cut fuel prices.")
    e = event(tagged, "The transport union")
    assert "government" in names(tagged, e.targets)


def test_a_group_introduced_with_a_is_a_target(tagger):
    tagged = tag(tagger, "Italian police dismantled a drug trafficking network in Naples on Tuesday.")
    e = event(tagged, "Italian police")
    assert any("network" in n for n in names(tagged, e.targets))


def test_whoever_ground_was_retaken_from_is_a_target(tagger):
    tagged = tag(tagger, "Somali forces retook a mountain town in the Golis range from al Shabaab "
                         "fighters on Wednesday.")
    e = event(tagged, "Somali forces")
    assert any("al shabaab" in n for n in names(tagged, e.targets))


def test_what_a_vehicle_was_driven_into_is_the_target_not_the_vehicle(tagger):
    tagged = tag(tagger, "A suicide bomber drove a car packed with explosives into an army base near "
                         "Banibangou on Sunday.")
    e = event(tagged, "A suicide bomber")
    got = names(tagged, e.targets)
    assert "army base" in got and "car" not in got


def test_what_a_grenade_was_thrown_through_is_the_target(tagger):
    tagged = tag(tagger, "A gunman tossed a grenade through the window of a bar in Cotabato on Friday.")
    assert "bar" in names(tagged, event(tagged, "A gunman").targets)


def test_where_a_thrown_thing_that_did_harm_was_thrown_is_the_target(tagger):
    tagged = tag(tagger, "A grenade thrown into a nightclub in southern Bogota early on Sunday wounded 14 people.")
    assert "nightclub" in names(tagged, event(tagged, "A grenade").targets)
