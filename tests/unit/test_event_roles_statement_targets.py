"""Whom a statement is about: a welcome, a condemnation or a rejection of an act told before
targets whoever did that act, whichever path (the rules or the model) read the act.
Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

from tests.support.roles import event, names, tag


def test_a_welcome_targets_the_doer_of_an_act_the_model_read_before(tagger):
    # the reopening is typed by the model, the praise by the rules: both are read in text order
    tagged = tag(tagger, "Chad reopened its embassy in Bangui on Monday.\n\nThe African Union praised the decision.")
    e = event(tagged, "The African Union", "SUPPORT")
    assert "chad" in names(tagged, e.targets, lower=True)


def test_a_rejected_request_targets_who_asked(tagger):
    # "the request" names the latest request told before, not the latest act of any kind
    tagged = tag(tagger, "Guatemala asked Belize on Monday to hand over two fugitive police officers.\n\n"
                         "Belize police arrested a third suspect in Belmopan on Tuesday.\n\n"
                         "The Belize foreign ministry rejected the request.")
    e = event(tagged, "The Belize foreign ministry", "REJECT")
    assert "guatemala" in names(tagged, e.targets, lower=True)
    assert "police" not in names(tagged, e.targets, lower=True)


def test_a_criticised_deal_targets_its_parties(tagger):
    tagged = tag(tagger, "Peru and Ecuador signed a fisheries pact in Lima on Tuesday.\n\n"
                         "Ecuadorian navy ships detained three Peruvian trawlers the same day.\n\n"
                         "The fishermen's union criticised the deal.")
    e = event(tagged, "The fishermen's union", "ACCUSE")
    assert {"peru", "ecuador"} <= names(tagged, e.targets, lower=True)


def test_a_vow_to_respond_targets_who_did_what_it_answers(tagger):
    # "the strikes" names the bombing told before, not the escort told last
    tagged = tag(tagger, "American warplanes bombed a fuel depot near Hodeidah on Monday.\n\n"
                         "The Indian navy escorted two tankers through the strait.\n\n"
                         "The Houthis vowed to respond to the strikes.")
    e = event(tagged, "The Houthis", "THREATEN")
    assert "american" in names(tagged, e.targets, lower=True)
    assert "indian navy" not in names(tagged, e.targets, lower=True)


def test_a_response_to_drills_targets_their_makers(tagger):
    # the parser hangs "by Ruritania and Freedonia" on "response": the makers of the drills
    tagged = tag(tagger, 'Grand Fenwick warned on Friday of an "overwhelming" response to joint '
                         "naval drills by Ruritania and Freedonia.")
    e = event(tagged, "Grand Fenwick", "THREATEN")
    assert {"ruritania", "freedonia"} <= names(tagged, e.targets, lower=True)


def test_an_account_of_an_act_told_before_targets_its_doers(tagger):
    # "said the move was ...": the reported clause is about the act told before (an act the rules
    # read: until session 31 "crossed into the Essequibo region", which only the model's fallback
    # read as a happening, and the model retrained on the relabelled riots no longer does)
    tagged = tag(tagger, "Venezuelan troops seized a border post in the Essequibo region on Monday.\n\n"
                         "Guyana's foreign ministry said the move was a grave provocation.")
    e = event(tagged, "Guyana's foreign ministry", "ACCUSE")
    assert "venezuelan troops" in names(tagged, e.targets, lower=True)


def test_a_claimed_attack_targets_what_it_hit(tagger):
    # the claimer did the attack: its target is the hotel, not the gunmen told before
    tagged = tag(tagger, "Gunmen stormed a hotel in Kismayo on Friday, killing nine people.\n\n"
                         "Al-Shabaab claimed the attack in a statement.")
    e = event(tagged, "Al-Shabaab", "ACCUSE")
    assert "hotel" in names(tagged, e.targets, lower=True)
    assert "gunmen" not in names(tagged, e.targets, lower=True)


def test_responsibility_for_a_hijacking_targets_what_was_hijacked(tagger):
    tagged = tag(tagger, "The Zomia Liberation Front claimed responsibility for the hijacking of a passenger train.")
    e = event(tagged, "The Zomia Liberation Front", "ACCUSE")
    assert "passenger train" in names(tagged, e.targets, lower=True)


def test_a_rejected_ultimatum_targets_who_threatened(tagger):
    # "the ultimatum" is the threat told before, not the demand told after it
    tagged = tag(tagger, "The Santa Clara teachers' union threatened on Monday to strike unless the ministry raised wages.\n\n"
                         "Union leader Ana Ruiz demanded that the ministry rehire forty dismissed teachers.\n\n"
                         "The Education Ministry rejected the ultimatum.")
    e = event(tagged, "The Education Ministry", "REJECT")
    assert "union" in names(tagged, e.targets, lower=True)
    assert "ana ruiz" not in names(tagged, e.targets, lower=True)


def test_a_threat_after_another_partys_move_targets_that_party(tagger):
    tagged = tag(tagger, "Peru threatened on Monday to suspend fishing talks after Chile and Ecuador moved to close their waters.")
    e = event(tagged, "Peru", "THREATEN")
    assert {"chile", "ecuador"} <= names(tagged, e.targets, lower=True)


def test_a_withdrawal_naming_no_place_gave_up_the_town_taken_before(tagger):
    tagged = tag(tagger, "Rebels took control of the town of Bambari on Sunday after a two-day assault.\n\n"
                         "Government troops pulled out the same morning, residents said.")
    e = event(tagged, "Government troops", "RETREAT")
    assert "bambari" in names(tagged, e.targets, lower=True)


def test_a_withdrawal_from_a_named_place_keeps_that_place(tagger):
    tagged = tag(tagger, "Rebels took control of the town of Bambari on Sunday after a two-day assault.\n\n"
                         "Government troops withdrew from Bria the same morning, residents said.")
    e = event(tagged, "Government troops", "RETREAT")
    assert "bambari" not in names(tagged, e.targets, lower=True)


def test_a_request_to_press_a_party_targets_that_party_too(tagger):
    tagged = tag(tagger, "Ghana's president asked the United States and France to press Togo to release the fishermen.")
    e = event(tagged, "Ghana's president", "REQUEST")
    assert {"united states", "france", "togo"} <= names(tagged, e.targets, lower=True)


def test_threats_from_a_speaker_against_a_party_target_that_party(tagger):
    # the parser hangs "against" on the speaker of "threats from ..."
    tagged = tag(tagger, "The raid followed threats from Kenya's interior minister against al Shabaab's commanders.")
    e = event(tagged, "The raid", "THREATEN")
    assert "commanders" in names(tagged, e.targets, lower=True)


def test_support_for_a_party_targets_that_party(tagger):
    tagged = tag(tagger, "The German chancellor reaffirmed Germany's support for Moldova.")
    e = event(tagged, "The German chancellor", "SUPPORT")
    assert "moldova" in names(tagged, e.targets, lower=True)


def test_shelters_for_refugees_are_for_the_refugees(tagger):
    tagged = tag(tagger, "The Honduran government set up shelters for Nicaraguan refugees in Choluteca.")
    e = event(tagged, "The Honduran government", "AID")
    assert "nicaraguan refugees" in names(tagged, e.targets, lower=True)


def test_a_condemned_use_of_force_targets_who_used_it(tagger):
    # "the use of force" names the act of force told before, not the gathering told last
    tagged = tag(tagger, "Police fired tear gas at opposition supporters in Kisumu on Monday.\n\n"
                         "Human rights groups gathered outside parliament on Tuesday.\n\n"
                         "The Law Society condemned the use of force.")
    e = event(tagged, "The Law Society", "ACCUSE")
    assert "police" in names(tagged, e.targets, lower=True)
    assert "rights groups" not in names(tagged, e.targets, lower=True)
