"""Unnamed participants: "two shepherds", "a police station", "houses" as ids of an event's roles.

Each article goes through the real tagger (real spaCy parse, no mocks). Sentences are
written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

import pytest

from schemas import unnamed
from streams.tagging.events.unnamed import plural
from tests.support.roles import event, names, tag
from wirewatch.evaluation.ner import wirewatch_spans
from wirewatch.evaluation.ner_team import wirewatch_entity_spans


def _place(tagged, place_id):
    return next(p for p in tagged.places if p.id == place_id)


def test_a_facility_attacked_is_a_place_without_coordinates(tagger):
    tagged = tag(tagger, "Gunmen threw a grenade at a police station in Mardan on Friday, police said.")
    e = event(tagged, "Gunmen", "ASSAULT")
    assert "place:police-station" in e.targets
    station = _place(tagged, "place:police-station")
    assert station.feature == "facility" and station.name == "police station"
    assert station.geonames_id is None and station.lat is None and station.country_code is None
    assert [m.text for m in station.mentions] == ["police station"]
    assert unnamed(station.name)
    assert "Mardan" in names(tagged, e.place_ids[:1])  # where it happened stays the town


def test_people_named_by_a_noun_are_one_group_singular_or_plural(tagger):
    one = tag(tagger, "Settlers beat a shepherd near Hebron on Monday, residents said.")
    two = tag(tagger, "Settlers beat two shepherds near Hebron on Monday, residents said.")
    for tagged in (one, two):
        e = event(tagged, "Settlers")
        assert "group:shepherds" in e.targets
        group = next(x for x in tagged.entities if x.id == "group:shepherds")
        assert group.type == "GROUP" and group.name == "shepherds"
    assert [m.text for x in one.entities if x.id == "group:shepherds" for m in x.mentions] == ["shepherd"]


@pytest.mark.parametrize(("text", "start", "actor"), [
    # the parser reads "Protesters" after a dateline as a name: the trigger still names who
    ("AMMAN - Protesters gathered near the embassy in Amman on Sunday night.", "Protesters", "protesters"),
    ("Criminals beat a scrap trader to death in Old Dhaka on Monday.", "Criminals", "criminals"),
])
def test_the_people_who_did_it_named_by_a_noun(tagger, text, start, actor):
    tagged = tag(tagger, text)
    assert actor in names(tagged, event(tagged, start).actors, lower=True)


def test_houses_burned_and_a_convoy_ambushed(tagger):
    tagged = tag(tagger, "Militants burned dozens of houses in the village of Tawa on Sunday. "
                         "Fighters ambushed a fuel convoy near Kati on Monday.")
    burned = event(tagged, "Militants")
    assert "place:house" in burned.targets
    assert "houses" in names(tagged, burned.targets)
    ambush = event(tagged, "Fighters")
    assert "place:fuel-convoy" in ambush.targets


def test_only_role_fillers_get_ids_not_every_common_noun(tagger):
    tagged = tag(tagger, "Residents said the market reopened on Tuesday. "
                         "Police arrested five suspects outside a hospital in Lagos on Monday.")
    ids = {p.id for p in tagged.places} | {x.id for x in tagged.entities}
    assert "place:market" not in ids
    assert "place:hospital" not in ids  # where they were arrested, not who


def test_objects_count_only_when_seized_not_when_fired(tagger):
    seized = tag(tagger, "Customs officers seized 300 rifles at the port of Durres on Monday.")
    e = event(seized, "Customs officers")
    assert "place:rifle" in e.targets
    assert _place(seized, "place:rifle").feature == "other"
    fired = tag(tagger, "Militants fired rockets at an army base near Kirkuk on Monday.")
    e = event(fired, "Militants")
    assert "place:army-base" in e.targets
    assert "place:rocket" not in {p.id for p in fired.places}


def test_a_measure_of_ground_is_no_participant_but_what_it_measures_is(tagger):
    seized = tag(tagger, "Government troops seized more than 300 square kilometres from the rebels in May.")
    assert not any("kilomet" in p.id for p in seized.places)
    burned = tag(tagger, "Soldiers destroyed hundreds of acres of poppy fields in Helmand on Tuesday.")
    e = event(burned, "Soldiers")
    assert "place:poppy-field" in e.targets and not any("acre" in t for t in e.targets)


def test_withdrawing_from_a_base_and_coming_under_fire(tagger):
    tagged = tag(tagger, "Peacekeepers withdrew from their base in Kamango on Monday. "
                         "Border villages came under artillery fire on Tuesday.")
    left = event(tagged, "Peacekeepers")
    assert names(tagged, left.actors, lower=True) & {"peacekeepers"}
    assert "place:base" in left.targets
    shelled = event(tagged, "Border villages")
    assert names(tagged, shelled.targets, lower=True) & {"border villages", "villages"}
    assert not shelled.actors or "place:border-village" not in shelled.actors


def test_victims_of_a_passive_relative_clause_are_targets(tagger):
    tagged = tag(tagger, "Soldiers freed 30 migrants, including 8 children, who had been kidnapped "
                         "and held in a house in Reynosa.")
    e = event(tagged, "Soldiers", "ASSAULT")
    assert names(tagged, e.targets, lower=True) & {"children", "migrants"}
    assert not names(tagged, e.actors, lower=True) & {"children", "migrants"}


def test_military_aircraft_as_actor_is_the_military(tagger):
    tagged = tag(tagger, "Rebels said military jets bombed a school near Tabayin on Friday.")
    e = event(tagged, "Rebels", "ASSAULT")
    assert "group:military" in e.actors
    assert "place:school" in e.targets


def test_event_participants_are_not_named_locations_for_the_ner_score(tagger):
    tagged = tag(tagger, "Gunmen threw a grenade at a police station in Mardan on Friday.")
    spans = {(start, end) for _, start, end, _ in wirewatch_spans(tagged)}
    station = _place(tagged, "place:police-station").mentions[0]
    assert (station.start, station.end) not in spans
    assert any(p.name == "Mardan" for p in tagged.places)


def test_names_are_unnamed_only_in_lower_case():
    assert unnamed("police station") and unnamed("journalists")
    assert not unnamed("al-Shabaab") and not unnamed("Gulf of Aden") and not unnamed("NATO")
    assert plural("shepherd") == "shepherds" and plural("businessman") == "businessmen"
    assert plural("family") == "families" and plural("thief") == "thieves"


def test_a_participle_says_what_happened_not_what_kind_of_facility(tagger):
    tagged = tag(tagger, "Rioters torched looted shops and an armoured vehicle in Bamako on Monday.")
    ids = {p.id for p in tagged.places}
    assert {"place:shop", "place:armoured-vehicle"} <= ids
    assert "place:looted-shop" not in ids


def test_equipment_burned_and_a_figure_detained(tagger):
    burned = tag(tagger, "Rebels burned construction machinery near Tumaco on Monday, the army said.")
    assert "place:construction-machinery" in event(burned, "Rebels").targets
    detained = tag(tagger, "Soldiers detained an opposition figure in Bamako on Friday.")
    assert "group:opposition-figures" in event(detained, "Soldiers").targets


def test_whoever_is_arrested_is_a_person_whatever_the_noun(tagger):
    tagged = tag(tagger, "Police arrested a pastry chef in Lyon on Monday.")
    e = event(tagged, "Police arrested")
    assert any("chef" in n for n in names(tagged, e.targets))


def test_a_person_named_by_age_is_a_target(tagger):
    tagged = tag(tagger, "Gunmen shot dead a 16-year-old in Marseille on Friday.")
    e = event(tagged, "Gunmen")
    assert any("16-year-old" in n for n in names(tagged, e.targets))


def test_a_noun_beside_the_object_of_an_arrest_is_no_person(tagger):
    tagged = tag(tagger, "Police arrested a 15-year-old at the scene.")
    e = event(tagged, "Police")
    assert not any("scene" in n for n in names(tagged, e.targets))


def test_objects_an_owner_modifies_are_targets_beside_the_owner(tagger):
    tagged = tag(tagger, "Russian air defences shot down 40 Ukrainian drones over Bryansk overnight.")
    e = event(tagged, "Russian air defences")
    assert any("drone" in n for n in names(tagged, e.targets))
    tagged = tag(tagger, "Gunmen attacked two Christian villages near Jos on Sunday.")
    assert any("village" in n for n in names(tagged, event(tagged, "Gunmen").targets))


def test_what_a_verb_of_restriction_banned_is_its_target_whatever_the_noun(tagger):
    tagged = tag(tagger, "The regional government banned all street parades in Oruro on Monday.")
    e = event(tagged, "The regional government")
    assert any("parade" in n for n in names(tagged, e.targets))
    tagged = tag(tagger, "Authorities suspended mobile internet across the province on Friday.")
    assert any("internet" in n for n in names(tagged, event(tagged, "Authorities").targets))


def test_a_body_named_by_its_common_noun_is_a_participant_named_in_the_singular(tagger):
    tagged = tag(tagger, "A private security company detained three reporters outside the mine in "
                         "Kolwezi on Friday. The provincial health department closed two clinics.")
    detained = event(tagged, "A private security company", "COERCE")
    assert "group:private-security-company" in detained.actors
    company = next(x for x in tagged.entities if x.id == "group:private-security-company")
    assert company.type == "GROUP" and company.name == "private security company" and unnamed(company.name)
    closed = event(tagged, "The provincial health department")
    assert "provincial health department" in names(tagged, closed.actors)
    # a role-only participant, no name: the team NER evaluation leaves it out
    assert not any("company" in tagged.body[start:end] for _, start, end, _ in wirewatch_entity_spans(tagged))


def test_a_body_named_before_is_who_the_definite_noun_means(tagger):
    tagged = tag(tagger, "The Independent Electoral Commission said on Monday it had found "
                         "irregularities. The commission suspended the count in Kandahar.")
    suspended = event(tagged, "The commission")
    assert "Independent Electoral Commission" in names(tagged, suspended.actors)
    assert not any(x.id == "group:commission" for x in tagged.entities)


def test_rescuers_named_by_their_noun_are_who_rescued(tagger):
    tagged = tag(tagger, "Rescue teams pulled nine survivors from the collapsed building in Sylhet "
                         "on Thursday.")
    rescue = event(tagged, "Rescue teams", "AID")
    assert "group:rescue-teams" in rescue.actors


def test_armed_miscreants_are_who_torched_the_shop(tagger):
    tagged = tag(tagger, "Armed miscreants torched a grocery shop in Imphal East district on Sunday night.")
    torched = event(tagged, "Armed miscreants")
    assert "group:armed-miscreants" in torched.actors


def test_what_an_unnamed_target_is_of_is_a_target_too(tagger):
    tagged = tag(tagger, "Sacked miners stormed the offices of a state mining company in Tarkwa on Friday.")
    stormed = event(tagged, "Sacked miners")
    assert stormed.targets[:2] == ["place:office", "group:state-mining-company"]


def test_a_bare_definite_noun_is_the_participant_named_before_with_that_noun(tagger):
    tagged = tag(tagger, "Gunmen attacked an oil field near Zawiya on Sunday, officials said. "
                         "The field was overrun by the attackers on Monday, halting production.")
    overrun = event(tagged, "The field")
    assert "place:oil-field" in overrun.targets
    field = _place(tagged, "place:oil-field")
    assert [m.text for m in field.mentions] == ["oil field", "field"]
    assert not any(p.id == "place:field" for p in tagged.places)


def test_a_definite_noun_points_back_to_its_nearest_fuller_mention_only(tagger):
    # the first mention need not have been anyone's role: "a suicide bomber" is who the bomber is
    tagged = tag(tagger, "Witnesses said a suicide bomber was seen near a checkpoint in Mogadishu on "
                         "Friday. Soldiers shot the bomber before he reached the gate.")
    assert "group:suicide-bomber" in event(tagged, "Soldiers").targets
    # a noun with words of its own names its own kind, and a noun named only bare stays itself
    own = tag(tagger, "Gunmen attacked an oil field near Zawiya on Sunday. Gunmen also stormed the gas "
                      "field on Monday.")
    assert "place:gas-field" in event(own, "Gunmen also").targets
    bare = tag(tagger, "Officials said production had stopped. The field was overrun by gunmen on Sunday.")
    assert "place:field" in event(bare, "The field").targets


def test_a_gathering_acted_on_is_a_group_named_by_its_noun(tagger):
    tagged = tag(tagger, "Police dispersed an opposition rally in Dakar on Wednesday.")
    e = event(tagged, "Police")
    assert "group:opposition-rally" in e.targets
    rally = next(x for x in tagged.entities if x.id == "group:opposition-rally")
    assert rally.type == "GROUP" and rally.name == "opposition rally" and unnamed(rally.name)
    struck = tag(tagger, "A drone strike killed 11 civilians at a wedding near Kidal on Saturday.")
    assert "group:wedding" in event(struck, "A drone").targets


def test_a_protest_lodged_is_no_crowd(tagger):
    tagged = tag(tagger, "Japan lodged a formal protest with China on Friday.")
    assert not any(i.startswith("group:") and "protest" in i for e in tagged.events for i in e.targets)


def test_what_a_coordinated_verb_wrecked_is_a_target_too(tagger):
    tagged = tag(tagger, "Protesters threw rocks and set a trailer on fire near the presidential palace in Manila.")
    assert "place:trailer" in event(tagged, "Protesters").targets
    looted = tag(tagger, "RSF fighters looted shops and destroyed water points in the town.")
    assert "place:water-point" in event(looted, "RSF fighters").targets


def test_the_injured_the_parser_tags_as_a_verb_are_people(tagger):
    tagged = tag(tagger, "Peruvian police and residents pulled the injured out of the wreck with ropes.")
    assert "group:injured" in event(tagged, "Peruvian police", "AID").targets


def test_an_object_written_as_an_upper_case_abbreviation_is_that_object(tagger):
    # the tagger may call a lone "IED" a proper noun (NNP); "two IEDs" it reads as a plural noun
    tagged = tag(tagger, "On Friday, a police bomb squad defused an IED planted near a mosque in Marawi.")
    assert "ied" in {n.lower() for n in names(tagged, event(tagged, "On Friday").targets)}


def test_a_mob_of_people_is_the_mob_and_a_crowd_of_protesters_the_protesters(tagger):
    mob = tag(tagger, "A mob of about 300 men burned shops and cars in Kasur on Friday.")
    assert names(mob, event(mob, "A mob").actors) == {"mob"}
    crowd = tag(tagger, "Crowds of protesters attacked the offices of two ministers in Quetta on Sunday.")
    assert "protesters" in names(crowd, event(crowd, "Crowds").actors, lower=True)


def test_a_plural_of_people_the_tagger_calls_a_proper_noun_is_still_the_actor(tagger):
    # after a title line the small model tags a body's opening "Maoists" NNPS, not NNS
    tagged = tag(tagger, "Maoists overran a police camp in Dantewada on Monday.", title="India one-line reports")
    assert "Maoists" in names(tagged, event(tagged, "Maoists", "ASSAULT").actors)
