"""Who acts in a lead: a wire dateline is its own sentence, so "KISUMU - Police fired ..." names
the police (not "KISUMU - Police"); and an organisation the model misses in subject position
("Islamic State claimed", "Amnesty International condemned") is named by its head word.
Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, names, tag


def test_a_dateline_is_not_parsed_with_its_lead(tagger):
    doc = tagger.nlp("KISUMU - Police fired tear gas at traders blocking the road.")
    assert [s.text for s in doc.sents][0] == "KISUMU -"
    doc = tagger.nlp("GARISSA, Kenya - Police arrested nine men on Monday.")
    assert doc[4].text == "Police" and doc[4].is_sent_start


def test_a_lead_that_opens_with_an_initialism_stays_one_sentence(tagger):
    doc = tagger.nlp("ABUJA - U.S. President Donald Trump threatened on Monday to cut all aid to Nigeria.")
    assert [s.text for s in doc.sents] == [
        "ABUJA -", "U.S. President Donald Trump threatened on Monday to cut all aid to Nigeria."]
    tagged = tag(tagger, "ABUJA - U.S. President Donald Trump threatened on Monday to cut all aid to Nigeria.")
    assert "THREATEN" in [e.category for e in tagged.events]
    assert "Donald Trump" in names(tagged, event(tagged, "U.S. President", "THREATEN").actors)


def test_a_lead_after_a_dateline_names_its_actor(tagger):
    tagged = tag(tagger, "PORT-AU-PRINCE - Police abandoned a post in the Solino neighbourhood on Monday.")
    assert "Police" in names(tagged, [e.id for e in tagged.entities])
    assert not any("-" in n for n in names(tagged, [e.id for e in tagged.entities]))


@pytest.mark.parametrize(("text", "lead"), [
    ("CULIACÁN, Mexico (AP) — Gunmen opened fire at a party on Sunday.", "Gunmen"),
    ("Sanaa (AFP) - Huthi rebels detained seven aid workers on Monday.", "Huthi"),
    ("Port-au-Prince (AFP) - Gangs torched a police station on Monday.", "Gangs"),
])
def test_accented_and_title_case_datelines_before_an_agency_are_their_own_sentence(tagger, text, lead):
    doc = tagger.nlp(text)
    assert [s.text for s in doc.sents][1].startswith(lead)


def test_a_title_case_opening_before_another_bracket_is_no_dateline(tagger):
    doc = tagger.nlp("Islamic State (IS) - the group that held Raqqa - claimed the attack.")
    assert len(list(doc.sents)) == 1


def test_a_short_capitalised_opening_is_no_dateline(tagger):
    doc = tagger.nlp("US - China talks ended without a deal on Monday.")
    assert len(list(doc.sents)) == 1


def test_an_organisation_in_subject_position_is_named(tagger):
    tagged = tag(tagger, "Islamic State claimed the bombing of a checkpoint near Raqqa on Sunday.")
    assert "Islamic State" in names(tagged, [e.id for e in tagged.entities if e.type == "ORG"])
    tagged = tag(tagger, "The Azawad Liberation Front said its fighters shot down a drone near Kidal.")
    assert "Azawad Liberation Front" in names(tagged, [e.id for e in tagged.entities if e.type == "ORG"])


@pytest.mark.parametrize(("text", "name"), [
    # session 53: forces, chambers and commissions name organisations as armies and councils do
    ("Assam Rifles recovered 22 weapons in a search operation in Imphal East on Monday.", "Assam Rifles"),
    ("The Karachi Chamber of Commerce threatened on Wednesday to shut markets across the city.",
     "Karachi Chamber of Commerce"),
    ("The Gang Suppression Force set up a base in Kenscoff on Monday.", "Gang Suppression Force"),
])
def test_more_head_words_of_organisations(tagger, text, name):
    tagged = tag(tagger, text)
    assert name in names(tagged, [e.id for e in tagged.entities if e.type == "ORG"])


def test_a_name_runs_on_over_of_the(tagger):
    tagged = tag(tagger, "The International Committee of the Red Cross condemned the shelling of a clinic in Goma.")
    orgs = names(tagged, [e.id for e in tagged.entities if e.type == "ORG"])
    assert "International Committee of the Red Cross" in orgs


def test_an_opening_article_or_number_is_no_part_of_the_name(tagger):
    tagged = tag(tagger, "An Islamic State cell attacked a checkpoint near Raqqa on Sunday.")
    assert not any(n.startswith("An ") for n in names(tagged, [e.id for e in tagged.entities]))


def test_an_abbreviation_with_digits_that_acts_is_an_organisation(tagger):
    tagged = tag(tagger, "Burundian troops and M23 fought near Uvira on Monday. M23 later withdrew.")
    orgs = [e for e in tagged.entities if e.type == "ORG" and e.name == "M23"]
    assert orgs and len(orgs[0].mentions) == 2
    e = event(tagged, "Burundian", "ASSAULT")
    assert "M23" in names(tagged, e.actors)


def test_a_road_number_is_no_organisation(tagger):
    tagged = tag(tagger, "The convoy drove along the M4 towards Aleppo on Monday.")
    assert not [e for e in tagged.entities if e.name == "M4"]


def test_an_actor_noun_the_tagger_read_as_an_adjective_in_a_subjects_place_acts(tagger):
    # after a dated opening the tagger may call "military" JJ while the parser makes it the subject
    tagged = tag(tagger, "On 25 October 2026, the military fired artillery shells at resistance fighters near Kalay.")
    assert "military" in names(tagged, event(tagged, "On 25 October").actors)
    # an adjective before the name it modifies stays the name's: no group "paramilitary"
    named = tag(tagger, "PORT SUDAN - The paramilitary Rapid Support Forces said on Thursday its fighters had seized the town.")
    assert "paramilitary" not in {e.name.lower() for e in named.entities}
