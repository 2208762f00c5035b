"""Roles in forms fresh wire copy uses that the earlier readings missed: a headline's passive
without its "were", a "when" clause that names who acted before any force named earlier, a
fight's other side, a person who tells of an act of force, the news agency that reports the
story, and the place an act is set in beside countries named for something else.
Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, names, tag


def test_a_headline_passive_without_its_auxiliary_names_who_underwent_it(tagger):
    tagged = tag(tagger, "Fourteen soldiers were killed when jihadists attacked an army post on Monday.",
                 title="Fourteen soldiers killed in attack on army post")
    headline = event(tagged, "Fourteen soldiers killed", "ASSAULT")
    assert "soldiers" not in names(tagged, headline.actors, lower=True)
    assert "soldiers" in names(tagged, headline.targets, lower=True)


def test_a_headline_passive_keeps_its_by_phrase_as_the_doer(tagger):
    tagged = tag(tagger, "Iranian police detained a journalist on Monday.",
                 title="Journalist detained by police in Tehran")
    headline = event(tagged, "Journalist detained", "COERCE")
    assert "journalist" in names(tagged, headline.targets, lower=True)
    assert "journalist" not in names(tagged, headline.actors, lower=True)
    assert any("police" in n for n in names(tagged, headline.actors, lower=True))


def test_the_when_clause_names_the_doer_before_a_force_named_earlier(tagger):
    # the headline names the soldiers first: they must not become their own killers
    tagged = tag(tagger, "Fourteen soldiers were killed when jihadists attacked an army post on Monday.",
                 title="Fourteen soldiers killed in attack on army post")
    lead = event(tagged, "Fourteen soldiers were", "ASSAULT")
    assert names(tagged, lead.actors, lower=True) == {"jihadists"}


def test_a_clause_after_the_act_does_not_name_its_doer(tagger):
    tagged = tag(tagger, "Police raided a bar in Mombasa. "
                         "The owner was arrested on Sunday after the girl's parents filed a complaint.")
    e = event(tagged, "The owner", "COERCE")
    assert "parents" not in names(tagged, e.actors, lower=True)


@pytest.mark.parametrize(("text", "side"), [
    ("Five guerrillas were killed in a gunbattle with army troops in Northern Samar on Thursday.", "army troops"),
    ("Three of the attackers were killed in a shootout with police.", "police"),
])
def test_who_was_killed_in_a_fight_was_killed_by_the_other_side(tagger, text, side):
    tagged = tag(tagger, text)
    e = event(tagged, text.split()[0], "ASSAULT")
    assert side in names(tagged, e.actors, lower=True)


def test_a_person_who_tells_of_an_act_of_force_did_not_do_it(tagger):
    tagged = tag(tagger, "Soldiers repelled an assault on the base at Mahaday, a ministry spokesman, "
                         "Abdirahman Nur, said. He said 23 militants were killed.")
    e = event(tagged, "He said", "ASSAULT")
    assert not names(tagged, e.actors) & {"Abdirahman Nur", "He"}


def test_a_news_agency_is_no_antecedent(tagger):
    tagged = tag(tagger, "Riot police used water cannon, Reuters witnesses said. "
                         "The ministry denied the allegations.")
    e = event(tagged, "The ministry", "REJECT")
    assert "Reuters" not in names(tagged, e.actors)


def test_an_initialism_of_a_news_agency_is_one_only_where_credited(tagger):
    tagged = tag(tagger, "The AFP deployed two battalions to Zambales on Monday.")
    e = event(tagged, "The AFP")
    assert "AFP" in names(tagged, e.actors)


def test_an_act_is_placed_where_it_is_set_not_in_countries_named_for_something_else(tagger):
    tagged = tag(tagger, "An Israeli drone strike on a car in southern Lebanon killed two people on Friday, "
                         "as the country marked two years since a U.S.-brokered ceasefire halted "
                         "hostilities between Israel and Hezbollah.")
    e = event(tagged, "An Israeli", "ASSAULT")
    assert names(tagged, e.place_ids) == {"Lebanon"}


def test_a_definite_description_of_a_body_is_the_body_named_with_that_word(tagger):
    tagged = tag(tagger, "The EU froze talks with Georgia. The interior ministry said 11 officers had been "
                         "injured. Opposition parties accused police of beating detainees. "
                         "The ministry denied the allegations.")
    e = event(tagged, "The ministry", "REJECT")
    assert "EU" not in names(tagged, e.actors)
    assert "ministry" in names(tagged, e.actors, lower=True)


def test_the_dateline_city_is_no_antecedent(tagger):
    tagged = tag(tagger, "GUSAU, Nigeria - Gunmen abducted 37 people from the village of Kwanar Dutse on Sunday.\n\n"
                         "The attackers stormed the village shortly after midnight.")
    e = event(tagged, "The attackers", "ASSAULT")
    assert "Gusau" not in names(tagged, e.targets)
