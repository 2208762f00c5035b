"""Roles told through a noun of the act, a pair or a clause of damage: "the kidnapping was carried
out by X" was done by X, "the arrest of the miners was condemned by Y" targets who arrested them,
"The air strike on the village hit a school" was the strike told before (and "were wounded by the
blast" the blast told before), "the two forces" are two forces named before other than the
speaker, "..., hitting a warehouse and a school" hit them,
a statement told by the act's noun ("said the strikes violated ...") targets who struck, and a
statement about "the crackdown" targets the crackdown the body tells (not the title's
retelling). Hand-written sentences (not from any evaluation set), tagged with the rules (and the
trained model where its reading is the point).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.settings import get_settings
from schemas import RawArticle, article_id
from streams.tagging.tagger import Tagger
from tests.support.roles import event, names, tag
from wirewatch.evaluation.event_typing import events_config


@pytest.fixture(scope="module")
def trained() -> Tagger:
    return Tagger(get_settings().spacy_model, config=events_config("trained"))


def test_an_act_carried_out_by_a_group_was_done_by_it(tagger):
    tagged = tag(tagger, "The kidnapping of two nurses in Gusau was carried out by the Zamfara Liberation "
                         "Front, officials said.")
    found = event(tagged, "The kidnapping", "ASSAULT")
    assert "Zamfara Liberation Front" in names(tagged, found.actors)
    assert "officials" not in names(tagged, found.actors, lower=True)


def test_a_condemned_arrest_targets_who_made_it(tagger):
    tagged = tag(tagger, "Police in Ghana arrested six miners near Tarkwa on Monday. "
                         "The arrest of the miners was condemned by the mineworkers' union.")
    found = event(tagged, "The arrest of the miners", "ACCUSE")
    assert "police" in names(tagged, found.targets, lower=True)


def test_a_definite_act_noun_was_done_by_who_did_the_act_before(tagger):
    tagged = tag(tagger, "Russian drones struck a power plant in Odesa on Monday. "
                         "Myanmar's military bombed a village in Sagaing on Tuesday. "
                         "The air strike on the village hit a school.")
    found = event(tagged, "The air strike", "ASSAULT")
    assert "myanmar's military" in names(tagged, found.actors, lower=True)


def test_the_act_a_passive_was_done_by_was_done_by_who_did_it_before(tagger):
    tagged = tag(tagger, "A suicide bomber blew himself up at a checkpoint in Mogadishu on Sunday. "
                         "Seven more people were wounded by the blast, police said.")
    found = event(tagged, "Seven", "ASSAULT")
    assert names(tagged, found.actors, lower=True) == {"suicide bomber"}


def test_the_two_forces_are_two_named_before_not_the_speaker(tagger):
    tagged = tag(tagger, "Sudan's army fought the Rapid Support Forces near El Fasher on Tuesday. "
                         "UNMISS called on the two forces to lay down their arms.")
    found = event(tagged, "UNMISS", "REQUEST")
    targets = names(tagged, found.targets, lower=True)
    assert "sudan's army" in targets and "rapid support forces" in targets
    assert "unmiss" not in targets


def test_a_clause_of_damage_names_what_was_hit(tagger):
    tagged = tag(tagger, "Russian drones struck a power plant in Odesa, hitting a warehouse and a school.")
    found = event(tagged, "Russian drones", "ASSAULT")
    assert {"power plant", "warehouse", "school"} <= names(tagged, found.targets, lower=True)


def test_a_clause_of_damage_after_a_casualty_clause_names_what_was_hit(tagger):
    tagged = tag(tagger, "Militants stormed the village of Kaya on Sunday, killing four farmers and torching homes.")
    found = event(tagged, "Militants", "ASSAULT")
    assert {"farmers", "home"} <= names(tagged, found.targets, lower=True)


def test_a_statement_told_by_the_acts_noun_targets_who_did_it(trained):
    # (the model retrained in session 20 reads "said the strikes violated" as no event, "said the
    # bombing violated" as an accusation told by its noun: the reading under test)
    tagged = tag(trained, "Israeli jets bombed a depot in Tyre on Monday. "
                          "Hezbollah said the bombing violated the ceasefire.")
    found = event(tagged, "Hezbollah", "ACCUSE")
    assert "Israeli" in names(tagged, found.targets)


def test_a_statement_about_the_crackdown_targets_the_body_not_the_title(tagger):
    published = datetime(2026, 3, 12, 12, tzinfo=UTC)
    title = "Georgian police disperse protest"
    body = ("TBILISI - Georgian riot police dispersed thousands of protesters outside parliament in Tbilisi "
            "on Wednesday with water cannon. The crackdown on the demonstrators was condemned by the "
            "European Union.")
    tagged = tagger.tag(RawArticle(id=article_id(None, title, body), source="test:roles", title=title,
                                   body=body, published_at=published, fetched_at=published))
    found = event(tagged, "The crackdown", "ACCUSE")
    assert "georgian riot police" in names(tagged, found.targets, lower=True)
