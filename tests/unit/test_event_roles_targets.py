"""Targets the trigger's own clause leaves unread or reads as someone else: a facility named by
what owns it, who lost what was taken when a clause says they left, a vehicle that hit a mine.
Hand-written sentences (not from any evaluation set), tagged with the default (rules) component.
"""

from __future__ import annotations

from tests.support.roles import event, names, tag


def test_a_facility_named_by_its_owner_is_the_target_before_the_owner(tagger):
    tagged = tag(tagger, "Rebels looted the central market of Bunia on Monday.")
    found = event(tagged, "Rebels looted")
    assert found.targets[0] == "place:central-market"
    assert "Bunia" in names(tagged, found.targets)


def test_a_group_whose_camp_was_attacked_is_a_target_beside_the_camp(tagger):
    # "an ADF camp": the entities keep the ADF (its name is no facility's), and the owner of
    # what was attacked was attacked
    tagged = tag(tagger, "The army attacked an ADF camp near Beni on Tuesday.")
    found = event(tagged, "The army attacked")
    assert {"camp", "ADF"} <= names(tagged, found.targets)


def test_what_a_planted_bombs_clause_says_it_hit_is_the_target(tagger):
    tagged = tag(tagger, "Al-Shabaab planted a bomb that destroyed a police vehicle in Mandera.")
    found = event(tagged, "Al-Shabaab planted")
    assert "police vehicle" in names(tagged, found.targets)


def test_who_withdrew_before_a_town_was_taken_lost_it(tagger):
    tagged = tag(tagger, "Al Shabaab fighters took control of the town of Bulo Burde on Friday after "
                         "government troops withdrew.")
    found = event(tagged, "Al Shabaab fighters took")
    assert "government troops" in names(tagged, found.targets)


def test_a_vehicle_that_hit_a_mine_was_hit_and_did_not_act(tagger):
    tagged = tag(tagger, "Four soldiers were killed on Tuesday when their truck ran over a landmine near Kidal.")
    found = event(tagged, "Four soldiers were killed")
    assert {"soldiers", "truck"} <= names(tagged, found.targets)
    assert "soldiers" not in names(tagged, found.actors)


def test_a_statement_about_an_act_targets_who_did_that_act_not_the_last_actor(tagger):
    tagged = tag(tagger, "Gunmen killed five traders at a market in Maiduguri on Monday. Police arrested two "
                         "suspects on Tuesday. Amnesty International condemned the killings.")
    found = event(tagged, "Amnesty International condemned")
    assert "Gunmen" in names(tagged, found.targets[:1])
    assert "Police" not in names(tagged, found.targets)


def test_who_was_put_under_arrest_is_the_target(tagger):
    # "place" and "put" are light verbs of an arrest or a curfew: the act is the noun after "under"
    tagged = tag(tagger, "Eleven businessmen were placed under house arrest in Harare on Monday.")
    assert names(tagged, event(tagged, "Eleven businessmen", "COERCE").targets) == {"businessmen"}
    tagged = tag(tagger, "Police put three opposition leaders under house arrest on Friday.")
    found = event(tagged, "Police put", "COERCE")
    assert names(tagged, found.actors, lower=True) == {"police"}
    assert names(tagged, found.targets) == {"opposition leaders"}
