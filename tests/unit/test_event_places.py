"""Where an event happened (``streams/tagging/events/where.py``): one invented article per reading.

Each article goes through the real tagger; sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.support.roles import event, names, tag


def test_a_lead_placed_elsewhere_keeps_later_events_off_the_dateline_place(tagger):
    tagged = tag(tagger, "GOMA - M23 rebels attacked the town of Sake, west of Goma, on Monday, residents said.\n\n"
                         "The rebels burned dozens of houses and looted shops.")
    e = event(tagged, "The rebels")
    assert "Sake" in names(tagged, e.place_ids[:1])


def test_a_dateline_closed_with_a_colon_is_a_dateline(tagger):
    # the South Asian press: "SRINAGAR, March 12: " and "LAHORE: "; the city neither acts nor is the place
    dated = tag(tagger, "SRINAGAR, March 12: Militants lobbed a grenade at a police post in Sopore on Tuesday.")
    e = event(dated, "SRINAGAR", "ASSAULT")
    assert "Sopore" in names(dated, e.place_ids[:1]) and "Srinagar" not in names(dated, e.actors)
    bare = tag(tagger, "LAHORE: Police cleared a sit-in on the highway at Muridke on Sunday.\n\n"
                       "Officers detained 40 protesters.")
    assert "Lahore" not in names(bare, event(bare, "Officers").place_ids)


def test_an_agreement_in_the_lead_is_made_at_the_dateline_place(tagger):
    signed = tag(tagger, "LUSAKA - Zambia and Malawi signed a trade agreement on Monday.")
    assert "lusaka" in names(signed, event(signed, "Zambia", "AGREE").place_ids[:1], lower=True)
    later = tag(tagger, "LUSAKA - Zambia and Malawi signed a trade agreement on Monday.\n\n"
                        "Zambia and Malawi also agreed to reopen their border.")
    assert event(later, "Zambia and Malawi also", "AGREE").place_ids == []


def test_sanctions_announced_under_a_dateline_have_no_place(tagger):
    tagged = tag(tagger, "LUSAKA - Zambia imposed sanctions on three Malawian companies on Monday.")
    assert event(tagged, "Zambia", "SANCTION").place_ids == []


def test_the_town_of_the_people_acted_on_is_where_it_happened(tagger):
    tagged = tag(tagger, "NAIROBI - Police fired tear gas at residents of Kitengela on Monday.")
    assert "Kitengela" in names(tagged, event(tagged, "Police").place_ids[:1])


def test_the_seat_of_an_embassy_or_mission_acting_is_not_where_its_act_happened(tagger):
    said = tag(tagger, "The Russian embassy in Oslo condemned the arrest of two Russian sailors on Monday.")
    assert "Oslo" not in names(said, event(said, "The Russian embassy").place_ids)
    rally = tag(tagger, "Protesters rallied outside the Israeli embassy in Amman on Friday.")
    assert "Amman" in names(rally, event(rally, "Protesters").place_ids[:1])


def test_a_place_that_says_where_a_body_sits_or_who_backs_it_is_not_where_it_happened(tagger):
    based = tag(tagger, "Iran executed a man convicted over his role in protests, the Norway-based "
                        "group Iran Human Rights said on Monday.")
    assert "Norway" not in names(based, event(based, "Iran executed").place_ids)
    backed = tag(tagger, "Iran-backed militants fired rockets at a base in Erbil on Tuesday.")
    assert names(backed, event(backed, "Iran-backed").place_ids[:1]) & {"Erbil", "Arbil", "Irbil"}
    assert "Iran" not in names(backed, event(backed, "Iran-backed").place_ids)
    area = tag(tagger, "Shelling hit a Kharkiv-area village on Tuesday.")  # there, not from there
    assert "Kharkiv" in names(area, event(area, "Shelling").place_ids[:1])


def test_a_town_named_as_a_facility_s_town_is_the_place(tagger):
    tagged = tag(tagger, "Mortar rounds landed near Aden Adde International Airport in Mogadishu on Monday, "
                         "wounding two people.")
    assert "Mogadishu" in names(tagged, event(tagged, "Mortar").place_ids[:1])


def test_a_province_named_earlier_in_the_paragraph_beats_the_dateline_city(tagger):
    tagged = tag(tagger, "NAIROBI - Gunmen attacked a bus in Lamu County on Monday, killing six passengers. "
                         "Police arrested two suspects hours later.")
    e = event(tagged, "Police arrested")
    assert "Lamu County" in names(tagged, e.place_ids[:1]) or "Lamu" in names(tagged, e.place_ids[:1])
    assert "Nairobi" not in names(tagged, e.place_ids)


def test_a_lead_placed_in_a_province_keeps_later_paragraphs_off_the_dateline_city(tagger):
    tagged = tag(tagger, "GOMA - Rebels attacked several villages in Ituri province on Monday, residents said.\n\n"
                         "The rebels burned dozens of houses and looted shops.")
    e = event(tagged, "The rebels")
    assert "Ituri" in names(tagged, e.place_ids[:1])


def test_a_headline_is_placed_where_the_lead_places_its_story_not_at_the_dateline(tagger):
    from schemas import RawArticle, article_id
    from tests.support.roles import PUBLISHED

    title = "Air strike hits school, kills 11 children"
    body = ("YANGON - A military air strike hit a school in Sagaing region on Monday, killing 11 "
            "children, residents said.\n\nThe jet dropped two bombs during morning classes.")
    tagged = tagger.tag(RawArticle(id=article_id(None, title, body), source="test:roles", title=title,
                                   body=body, published_at=PUBLISHED, fetched_at=PUBLISHED))
    headline = next(e for e in tagged.events if e.sentence.field == "title")
    assert names(tagged, headline.place_ids[:1]) == names(tagged, event(tagged, "A military").place_ids[:1])
    assert "Yangon" not in names(tagged, headline.place_ids)


def test_acts_done_along_or_around_a_place_are_placed_there(tagger):
    along = tag(tagger, "The Colombian army and the Ecuadorian army coordinated patrols along the Putumayo river on Monday.")
    assert "Putumayo" in names(along, event(along, "The Colombian army", "COOPERATE").place_ids[:1])
    around = tag(tagger, "Sudan's army and the RSF agreed on Monday to a local truce around Babanusa.")
    assert "Babanusa" in names(around, event(around, "Sudan's army", "AGREE").place_ids[:1])


def test_an_adjective_triggers_act_is_its_noun_and_placed_where_that_was_done(tagger):
    patrols = tag(tagger, "Congolese and Ugandan troops began joint patrols around Beni on Monday.")
    assert "Beni" in names(patrols, event(patrols, "Congolese and Ugandan", "COOPERATE").place_ids[:1])
    exercise = tag(tagger, "KAMPALA - Ugandan and Kenyan troops held a joint exercise near Busia on Monday.")
    assert "Busia" in names(exercise, event(exercise, "Ugandan and Kenyan", "COOPERATE").place_ids[:1])


def test_a_local_court_police_or_government_acts_where_it_sits(tagger):
    court = tag(tagger, "A Tbilisi court jailed three opposition leaders for eight months on Monday.")
    assert "Tbilisi" in names(court, event(court, "A Tbilisi court").place_ids[:1])
    curfew = tag(tagger, "The Kano state government imposed a 24-hour curfew on Monday.")
    assert "Kano" in names(curfew, event(curfew, "The Kano state government").place_ids[:1])
    forces = tag(tagger, "Puntland forces captured an Islamic State base on Monday.")
    assert "Puntland" not in names(forces, event(forces, "Puntland forces").place_ids)


def test_a_place_named_as_a_reference_point_comes_after_the_place_it_locates(tagger):
    near = tag(tagger, "Gunmen killed two farmers south of Baghdad, near Mahmudiyah, on Friday.")
    assert "Baghdad" not in names(near, event(near, "Gunmen").place_ids[:1])
    km = tag(tagger, "A roadside bomb wounded four soldiers 30 km east of Mosul, near Bartella, on Sunday.")
    assert "Mosul" not in names(km, event(km, "A roadside bomb").place_ids[:1])
    alone = tag(tagger, "Gunmen killed two farmers south of Baghdad on Friday.")
    assert "Baghdad" in names(alone, event(alone, "Gunmen").place_ids[:1])
    # also when the place it locates resolves to a wider area than the reference town
    wider = tag(tagger, "In Zawiya, 45 km west of Tripoli, gunmen abducted a council member on Saturday.")
    assert "Tripoli" not in names(wider, event(wider, "In Zawiya").place_ids[:1])


def test_a_town_or_building_that_tells_of_an_event_is_not_where_it_happened(tagger):
    tagged = tag(tagger, "Russian drones struck a fuel depot overnight, Kyiv said.")
    assert not names(tagged, event(tagged, "Russian drones struck").place_ids)
    told = tag(tagger, "U.S. forces struck a boat in the Caribbean on Saturday, the Pentagon said.")
    assert names(told, event(told, "U.S. forces struck").place_ids) == {"Caribbean"}
    # a country that tells of it is still where it happened
    country = tag(tagger, "Russian drones struck a fuel depot overnight, Ukraine said.")
    assert names(country, event(country, "Russian drones struck").place_ids) == {"Ukraine"}


def test_a_place_carried_from_another_country_s_story_is_left_out(tagger):
    text = ("VILNIUS - Russian troops held exercises near Pskov on Monday, the Russian defence ministry said.\n\n"
            "Lithuania put its rapid reaction force on high alert.")
    tagged = tag(tagger, text)
    assert not names(tagged, event(tagged, "Lithuania put").place_ids)
    # a sentence that names the carried place's country keeps it
    kept = tag(tagger, "KHERSON - Russian artillery shelled Kherson on Monday, officials said.\n\n"
                       "Ukrainian rescuers pulled two people from the rubble.")
    assert names(kept, event(kept, "Ukrainian rescuers").place_ids[:1]) == {"Kherson"}


def test_a_country_the_act_went_to_or_came_from_is_not_where_it_happened(tagger):
    sent = tag(tagger, "The Netherlands delivered two Patriot batteries to Lithuania on Monday.")
    assert not names(sent, event(sent, "The Netherlands").place_ids)
    closed = tag(tagger, "Belarus closed its border with Lithuania on Monday.")
    assert not names(closed, event(closed, "Belarus closed").place_ids)
    # where it was done is still the place
    struck = tag(tagger, "Turkish warplanes struck PKK targets in Iraq on Monday.")
    assert names(struck, event(struck, "Turkish warplanes").place_ids) == {"Iraq"}


@pytest.mark.parametrize(("text", "place"), [
    ("Nigeria flew 300 more soldiers to Liberia on Monday to reinforce the regional force.", "Liberia"),
    ("Russia moved two battalions of air defence troops into Belarus last week.", "Belarus"),
])
def test_a_deployment_is_placed_where_the_forces_go(tagger, text, place):
    tagged = tag(tagger, text)
    deployment = [e for e in tagged.events if e.category == "MOBILIZE"]
    assert deployment, "the rules read a deployment here (else the test says nothing)"
    assert names(tagged, deployment[0].place_ids[:1]) == {place}


def test_a_place_inside_a_named_body_s_name_is_not_where_it_acted(tagger):
    tagged = tag(tagger, "Islamic State Sahel Province fighters on motorbikes attacked villagers at a weekly "
                         "market in Tillaberi on Sunday, killing 12, residents said.")
    assert names(tagged, event(tagged, "Islamic State Sahel").place_ids[:1]) == {"Tillaberi"}
    # a site's name places it: the town inside is where it happened
    site = tag(tagger, "Students at the University of Cape Town marched against a fee increase on Monday.")
    assert "Cape Town" in names(site, event(site, "Students").place_ids[:1])


def test_a_place_in_a_phrase_dating_the_act_by_another_is_not_where_it_happened(tagger):
    tagged = tag(tagger, "The Taliban handed back land to 300 families in Daikundi province on Saturday "
                         "after a commission in Kabul found it had been seized illegally.")
    assert "Daikundi" in names(tagged, event(tagged, "The Taliban").place_ids[:1])
    # the only place the sentence names stays its place
    alone = tag(tagger, "Police arrested 12 men on Monday after clashes in Kisumu.")
    assert "Kisumu" in names(alone, event(alone, "Police").place_ids[:1])


@pytest.mark.parametrize(("text", "opening", "place"), [
    # the district the store knows by the river's name is read as the river here
    ("A bridge over the Mahisagar river near Vadodara collapsed on Monday, killing 15.", "A bridge", "Vadodara"),
    ("A ferry capsized in the Meghna river off Chandpur on Sunday, leaving 30 missing.", "A ferry", "Chandpur"),
    # a river alone is still the place
    ("A ferry capsized on the Meghna river on Sunday, leaving 30 missing.", "A ferry", "Meghna"),
])
def test_a_river_or_lake_comes_after_the_town_or_area_it_runs_by(tagger, text, opening, place):
    tagged = tag(tagger, text)
    assert place in names(tagged, event(tagged, opening).place_ids[:1])


def test_a_coercive_act_placed_nowhere_else_is_done_where_its_body_serves(tagger):
    # "Hong Kong police arrested ...": the last resort; a place the sentence gives stays first
    home = tag(tagger, "Hong Kong police arrested eight people under the national security law.")
    assert "Hong Kong" in names(home, event(home, "Hong Kong police", "COERCE").place_ids)
    regulator = tag(tagger, "Russia's communications regulator blocked a popular messaging app on Monday.")
    assert "Russia" in names(regulator, event(regulator, "Russia's", "COERCE").place_ids)
    away = tag(tagger, "Hong Kong police arrested eight people in Shenzhen on Monday.")
    assert names(away, event(away, "Hong Kong police", "COERCE").place_ids[:1]) == {"Shenzhen"}


def test_the_capital_is_the_national_capital_named_before_it(tagger):
    text = ("JAKARTA - Protesters set fire to a regional parliament building in Makassar on Friday.\n\n"
            "The military deployed troops to guard government buildings in the capital.")
    tagged = tag(tagger, text)
    assert "Jakarta" in names(tagged, event(tagged, "The military").place_ids[:1])


def test_a_country_a_trip_went_to_is_not_carried_to_later_paragraphs(tagger):
    # session 64's probe: the search for abducted pupils was placed in South Africa, named only as
    # where the president's postponed trip was going
    text = ("ABUJA - Gunmen abducted 30 students from a school in Kebbi state on Monday, police said.\n\n"
            "President Bola Tinubu postponed a trip to South Africa.\n\n"
            "Soldiers arrested two suspects on Tuesday.")
    tagged = tag(tagger, text)
    assert names(tagged, event(tagged, "Soldiers arrested").place_ids) == {"Kebbi"}


def test_a_place_only_threatened_does_not_place_the_next_line(tagger):
    tagged = tag(tagger, "Israel threatened on Tuesday to strike targets in Beirut's southern suburbs. The Israeli "
                         "military said three rockets crossed the border late on Monday; one was intercepted.")
    e = event(tagged, "The Israeli military")
    assert "Beirut" not in names(tagged, e.place_ids)


def test_where_the_hurt_were_taken_is_not_where_they_were_hurt(tagger):
    tagged = tag(tagger, "Colombian soldiers clashed with ELN fighters near the town of Tame on Sunday. "
                         "Rojas said two soldiers were wounded and flown by helicopter to a hospital in Bogota.")
    e = event(tagged, "Rojas", "ASSAULT")
    assert names(tagged, e.place_ids) == {"Tame"}


def test_where_people_were_moved_is_the_place_of_moving_them(tagger):
    tagged = tag(tagger, "Displaced families were moved to camps in Goma on Monday.")
    assert "Goma" in names(tagged, event(tagged, "Displaced").place_ids)
