"""Who tells of a happening is not who did it: the teller of an account written after the news
("..., a rights group said") is not the doer of an agentless passive, a subject pronoun before its
teller points back to who acted before, and what was fired, dropped or planted "by" or "from"
someone names its doer. An account told first ("Police said 47 suspects had been arrested") stays
the speaker's. Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, names, tag


def test_the_teller_after_an_agentless_passive_did_not_do_it(tagger):
    tagged = tag(tagger, "Eleven people were wounded in Kisumu, the rights group said.")
    e = event(tagged, "Eleven", "ASSAULT")
    assert "rights group" not in names(tagged, e.actors, lower=True)
    assert "people" in names(tagged, e.targets, lower=True)


def test_an_account_told_first_stays_the_speakers(tagger):
    tagged = tag(tagger, "Police said 47 suspects had been arrested in Nakuru.")
    e = event(tagged, "Police", "COERCE")
    assert "police" in names(tagged, e.actors, lower=True)


def test_a_pronoun_before_its_teller_points_back(tagger):
    tagged = tag(tagger, "Unknown gunmen ambushed a convoy near Gao on Monday. "
                         "They killed two soldiers before fleeing, a local official said.")
    e = event(tagged, "They", "ASSAULT")
    assert names(tagged, e.actors, lower=True) == {"gunmen"}


def test_a_pronoun_with_nothing_before_is_not_the_teller(tagger):
    tagged = tag(tagger, "They killed two soldiers before fleeing, a local official said.")
    e = event(tagged, "They", "ASSAULT")
    assert "official" not in names(tagged, e.actors, lower=True)


@pytest.mark.parametrize(("text", "start", "doer"), [
    ("Mortar rounds fired by M23 rebels hit a market in Goma on Friday, killing three people, "
     "police said.", "Mortar", "m23 rebels"),
    ("A minibus hit a landmine planted by al Shabaab near Afgoye on Monday, killing six "
     "passengers, police said.", "A minibus", "al shabaab"),
])
def test_who_fired_or_planted_the_weapon_did_it(tagger, text, start, doer):
    tagged = tag(tagger, text)
    e = event(tagged, start, "ASSAULT")
    assert doer in names(tagged, e.actors, lower=True)
    assert "police" not in names(tagged, e.actors, lower=True)


def test_a_natural_disaster_has_no_doer(tagger):
    tagged = tag(tagger, "Flash floods swept away dozens of homes in Buner on Wednesday, a disaster official said.")
    e = event(tagged, "Flash", "AID")
    assert e.subtype == "NATURAL_DISASTER"
    assert e.actors == []
    assert "homes" in names(tagged, e.targets, lower=True) or "home" in names(tagged, e.targets, lower=True)


def test_who_made_the_act_fended_off_is_the_target(tagger):
    tagged = tag(tagger, "Sudan's army repelled an attack by the Rapid Support Forces on El Obeid.")
    e = event(tagged, "Sudan", "ASSAULT")
    assert "sudan's army" in names(tagged, e.actors, lower=True)
    assert "rapid support forces" in names(tagged, e.targets, lower=True)


def test_a_when_clause_on_a_conjunct_names_who_did_it_not_the_teller(tagger):
    tagged = tag(tagger, "Two soldiers were killed and five wounded when guerrillas attacked a military "
                         "base in Catatumbo, the army said.")
    e = event(tagged, "Two soldiers", "ASSAULT")
    assert names(tagged, e.actors, lower=True) == {"guerrillas"}
    assert "soldiers" in names(tagged, e.targets, lower=True)


def test_a_spokesperson_speaks_for_the_body_named_with_them(tagger):
    tagged = tag(tagger, "A spokesman for the Tehreek-e-Taliban Pakistan denied any role in the attack.")
    got = names(tagged, event(tagged, "A spokesman").actors, lower=True)
    assert "tehreek-e-taliban pakistan" in got
    titled = tag(tagger, "Rwanda's government spokeswoman Yolande Makolo rejected the accusation.")
    got = names(titled, event(titled, "Rwanda").actors, lower=True)
    assert "rwanda" in got and "yolande makolo" in got


@pytest.mark.parametrize(("text", "start", "category", "teller"), [
    ("A car bomb exploded at a market in Mogadishu on Sunday. Hospital officials said 12 people were wounded.",
     "Hospital", "ASSAULT", "hospital officials"),
    ("A car bomb exploded at a market in Mogadishu on Sunday. The health ministry said four people were killed "
     "and 20 wounded.", "The health", "ASSAULT", "health ministry"),
    ("Police fired tear gas at protesters in Nairobi on Thursday. The Kenya Red Cross said it had treated 27 "
     "people for injuries and that ambulances had been prevented from reaching parts of the city centre.",
     "The Kenya Red Cross", "COERCE", "kenya red cross"),
])
def test_who_treats_or_counts_the_hurt_did_not_hurt_them(tagger, text, start, category, teller):
    tagged = tag(tagger, text)
    assert teller not in names(tagged, event(tagged, start, category).actors, lower=True)


@pytest.mark.parametrize(("text", "teller"), [
    ("Police said two officers were shot dead at a checkpoint in Kisii on Monday.", "police"),
    ("The army said three soldiers were killed in an ambush near Zamfara on Monday.", "army"),
])
def test_a_force_telling_of_its_own_hurt_did_not_attack_them(tagger, text, teller):
    tagged = tag(tagger, text)
    e = event(tagged, text[:8], "ASSAULT")
    assert teller not in names(tagged, e.actors, lower=True)
    assert names(tagged, e.targets, lower=True) & {"officers", "soldiers"}


def test_a_force_telling_of_others_hurt_may_have_done_it(tagger):
    tagged = tag(tagger, "The army said 20 militants were killed in an operation near Zamfara on Monday.")
    e = event(tagged, "The army", "ASSAULT")
    assert "army" in names(tagged, e.actors, lower=True)
