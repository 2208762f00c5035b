"""A second passive participle shares the first one's subject as its target: "The gunman was shot
and killed by soldiers" names the gunman as who was killed. Hand-written sentences (not from any
evaluation set). A force deployed in a passive that names no sender ("commandos were flown
into Juba") is who mobilised, unless an account names the sender ("the army said ...").
"""

from __future__ import annotations

import pytest

from streams.tagging.events.actors import participants
from tests.support.roles import event, names, tag


def test_a_second_passive_participle_shares_the_passive_subject(tagger):
    doc = tagger.nlp("The gunman was shot and killed by soldiers outside the mosque.")
    killed = next(t for t in doc if t.text == "killed")
    assert killed.dep_ == "conj"  # the parse this test is about
    actors, targets = participants(killed)
    assert [t.text for t in actors] == ["soldiers"]
    assert "gunman" in [t.text for t in targets]


def test_an_active_second_verb_keeps_its_own_object(tagger):
    doc = tagger.nlp("Gunmen stormed the village and burned the market.")
    burned = next(t for t in doc if t.text == "burned")
    _, targets = participants(burned)
    assert [t.text for t in targets] == ["market"]


def test_the_agent_of_the_attack_a_passive_happened_in_is_its_actor(tagger):
    doc = tagger.nlp("Twelve police officers were killed in an ambush by bandits near Gusau.")
    killed = next(t for t in doc if t.text == "killed")
    actors, targets = participants(killed)
    assert [t.text for t in actors] == ["bandits"]
    assert [t.text for t in targets] == ["officers"]
    doc = tagger.nlp("Twelve police officers were killed in Gusau by bandits.")
    actors, _ = participants(next(t for t in doc if t.text == "killed"))
    assert [t.text for t in actors] == ["bandits"]  # an agent of the verb stays the actor


def test_a_force_deployed_in_a_passive_that_names_no_sender_is_who_mobilised(tagger):
    # the force sent acts (ACLED and PLOVER code it so); it is no target, and no one else is
    # borrowed as the actor
    tagged = tag(tagger, "Hundreds of rebels attacked Kidal on Monday. "
                         "Ugandan commandos were flown into Juba on Tuesday to guard the presidency.")
    found = event(tagged, "Ugandan commandos", "MOBILIZE")
    assert names(tagged, found.actors) == {"Ugandan commandos"}
    assert "Ugandan commandos" not in names(tagged, found.targets)


def test_an_account_of_a_deployment_keeps_the_speaker_as_who_sent_them(tagger):
    tagged = tag(tagger, "The army said 3,000 soldiers had been deployed to the border.")
    found = event(tagged, "The army said", "MOBILIZE")
    assert "army" in names(tagged, found.actors)
    assert "soldiers" in names(tagged, found.targets)


def test_the_agent_of_a_coordinated_passive_did_the_first_act_too(tagger):
    # one subject, two passive participles, the "by" phrase hung on the second: both are its acts
    tagged = tag(tagger, "Two shops were looted and set on fire in Misrata by armed youths on Monday.")
    assert "armed youths" in names(tagged, event(tagged, "Two shops").actors) \
        or "youths" in names(tagged, event(tagged, "Two shops").actors)


def test_an_as_clause_read_as_a_preposition_names_who_did_it(tagger):
    # the parser reads "as army troops swept" as "as" + a noun described by "swept"
    text = "Scores of homes were burned in Magway Region as army troops swept through several villages."
    doc = tagger.nlp(text)
    assert next(t for t in doc if t.text == "as").dep_ == "prep"  # the parse this test is about
    tagged = tag(tagger, text)
    assert "army troops" in names(tagged, event(tagged, "Scores").actors)


def test_who_the_act_a_passive_happened_in_names_did_it_not_the_teller(tagger):
    # the act's own words name its doer (a nationality word, a name compounded with it, or its
    # "by" phrase); the ministry or the army that tells of it did not do it
    for text, doer in [
        ("Two nurses were killed in an Israeli drone strike near Tyre, Lebanon's health ministry said.", "Israeli"),
        ("Three soldiers were killed in an al-Shabaab ambush near Baidoa, the army said.", "al-Shabaab"),
        ("A teacher was wounded in a Taliban attack in Ghazni.", "Taliban"),
        ("Four farmers were killed by Russian shelling in Nikopol, officials said.", "Russian"),
    ]:
        tagged = tag(tagger, text)
        found = event(tagged, text.split()[0])
        assert doer in names(tagged, found.actors), (text, names(tagged, found.actors))
        assert not names(tagged, found.actors) & {"Lebanon's health ministry", "army", "officials"}, text


def test_the_object_of_the_act_a_passive_happened_in_is_a_target_too(tagger):
    # the people the passive names were hurt, and the act was aimed at what its "on" phrase names
    for text, hit in [
        ("Four passengers were killed in a drone strike on a minibus near Kadugli on Tuesday.", "minibus"),
        ("Two guards were wounded in a grenade attack on a police station in Mogadishu.", "police station"),
    ]:
        tagged = tag(tagger, text)
        found = names(tagged, event(tagged, text.split()[0]).targets)
        assert hit in found and text.split()[1] in found, (text, found)


@pytest.mark.parametrize(("text", "held_by"), [
    ("Tens of thousands of people marched through Paris on Tuesday against the pension reform. Police said "
     "38,000 people took part. Similar rallies were held in Lyon and Marseille.", {"people"}),
    ("Police said 38,000 people took part in a march in Paris. Similar rallies were held in Lyon and Marseille.",
     set()),  # no protest told before: nobody the text names
])
def test_a_protest_told_in_the_passive_is_held_by_who_protested_before_never_the_police(tagger, text, held_by):
    tagged = tag(tagger, text)
    e = event(tagged, "Similar", "PROTEST")
    assert "police" not in names(tagged, e.actors, lower=True)
    assert held_by <= names(tagged, e.actors, lower=True)
