"""Sentence events: the hard readings, roles, places, ids and the explanation."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.settings import get_settings
from schemas import Entity, Mention, Place, event_id
from streams.tagging.config import load_config
from streams.tagging.events.explain import explain_events
from streams.tagging.events.extractor import EventExtractor
from streams.tagging.events.taxonomy import Pattern, TaxonomyError, load_taxonomy, parse_taxonomy
from streams.tagging.shared.text import ArticleText
from streams.tagging.spacy_model import load_pipeline

ARTICLE = "0" * 32
PUBLISHED = datetime(2025, 12, 31, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(get_settings().spacy_model)


def run(nlp, body, *, title="", entities=(), places=(), published_at=PUBLISHED):
    text = ArticleText(title=title, body=body)
    return EventExtractor.from_config(load_config().component("events")).extract(
        nlp(text.text), text, article_id=ARTICLE, entities=list(entities), places=list(places),
        published_at=published_at,
    )


def kinds(events):
    return {(e.category, e.subtype) for e in events}


def place(body: str, name: str, pid: int, feature: str = "city", salience: float = 0.5) -> Place:
    start = body.index(name)
    mention = Mention(field="body", start=start, end=start + len(name), text=name)
    return Place(id=f"geonames:{pid}", name=name, geonames_id=pid, feature=feature,
                 mentions=[mention], confidence=0.9, salience=salience)


def person(body: str, name: str, slug: str) -> Entity:
    start = body.index(name)
    mention = Mention(field="body", start=start, end=start + len(name), text=name)
    return Entity(id=f"person:{slug}", name=name, type="PERSON", mentions=[mention], salience=0.5)


def test_a_threat_to_strike_is_a_threat_not_an_attack(nlp):
    events = run(nlp, "Iran threatened to shell Iraqi towns in retaliation.")
    assert kinds(events) == {("THREATEN", "DIPLO")}


def test_an_allegation_is_accuse_attrib_and_its_content_is_no_attack(nlp):
    events = run(nlp, "Russian Foreign Minister Sergei Lavrov alleged that 91 drones targeted "
                      "the Novgorod region residence.")
    assert kinds(events) == {("ACCUSE", "ATTRIB")}


def test_a_denial_is_reject_and_a_negated_strike_is_no_event(nlp):
    events = run(nlp, 'Zelenskiy dismissed it as a "hoax," insisting no such strike occurred.')
    assert [e.category for e in events] == ["REJECT"]


def test_a_protest_police_broke_up_is_force_against_protest(nlp):
    # The hard reading: breaking up a protest is forcible in itself.
    events = run(nlp, "Police broke up the protest outside parliament on Sunday.")
    assert ("COERCE", "FORCE_AGAINST_PROTEST") in kinds(events)
    assert all(e.subtype != "PEACE_PROTEST" for e in events)
    hurt = run(nlp, "Police broke up the protest outside parliament, injuring dozens.")
    assert ("COERCE", "FORCE_AGAINST_PROTEST") in kinds(hurt)


def test_a_dispersal_is_an_intervention_unless_force_is_named(nlp):
    plain = run(nlp, "Police dispersed a peaceful march in Minsk and detained 20 people.")
    assert ("COERCE", "PROTEST_WITH_INTER") in kinds(plain)
    gassed = run(nlp, "Police dispersed protesters in Tbilisi with tear gas.")
    assert ("COERCE", "FORCE_AGAINST_PROTEST") in kinds(gassed)


def test_a_calm_rally_is_a_peaceful_protest(nlp):
    events = run(nlp, "Thousands of people marched through the capital against corruption.")
    assert kinds(events) == {("PROTEST", "PEACE_PROTEST")}


def test_a_suicide_bombing_is_suic_bomb_not_attack(nlp):
    events = run(nlp, "A suicide bomber blew himself up at a checkpoint, killing five soldiers.")
    assert kinds(events) == {("ASSAULT", "SUIC_BOMB")}


def test_a_flood_is_a_natural_disaster_filed_under_aid(nlp):
    events = run(nlp, "Flash floods swept through three villages, killing 12 people.")
    top = max(events, key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "NATURAL_DISASTER", "natural-disaster")
    assert all(e.category != "ASSAULT" for e in events)


def test_an_order_to_attack_is_mobilisation_not_an_attack(nlp):
    events = run(nlp, "The general ordered troops to attack the town.")
    assert "ASSAULT" not in {e.category for e in events}


def test_a_conditional_attack_is_no_event(nlp):
    events = run(nlp, "Norway will help defend Saudi Arabia if it is attacked.")
    assert "ASSAULT" not in {e.category for e in events}


def test_headings_report_nothing(nlp):
    assert run(nlp, "The Contested Drone Strike on Putin's Residence") == []


def test_drone_strike_actor_is_the_demonym_country_and_place_the_city(nlp):
    body = "In Odesa, Russian drone strikes killed a baby. Russia denies it."
    places = [place(body, "Odesa", 698740), place(body, "Russia", 2017370, "country", 0.9)]
    [strike, *_] = run(nlp, body, places=places)
    assert (strike.category, strike.subtype, strike.mode) == ("ASSAULT", "AIR_STRIKE", "drone")
    assert strike.actors == ["geonames:2017370"]
    assert strike.place_ids == ["geonames:698740"]
    assert strike.id == event_id(ARTICLE, 0, "ASSAULT")
    assert strike.sentence.text == "In Odesa, Russian drone strikes killed a baby."


def test_subject_acts_and_against_names_the_target(nlp):
    body = "Officials in Moscow issued threats against Volodymyr Zelenskiy on Tuesday."
    places = [place(body, "Moscow", 524901)]
    zelenskiy = person(body, "Volodymyr Zelenskiy", "volodymyr-zelenskiy")
    [threat] = run(nlp, body, entities=[zelenskiy], places=places)
    assert threat.category == "THREATEN"
    assert threat.targets == ["person:volodymyr-zelenskiy"]
    assert threat.place_ids == ["geonames:524901"]
    assert threat.date == "2025-12-30"


def test_without_a_place_in_the_sentence_the_focus_place_stands_in(nlp):
    body = "Ukraine said the shelling went on. Rebels attacked a checkpoint and killed two soldiers."
    places = [place(body, "Ukraine", 690791, "country", 0.8)]
    events = run(nlp, body, places=places)
    clash = next(e for e in events if e.subtype == "ARMED_CLASH")
    assert clash.place_ids == ["geonames:690791"]


def test_a_sentence_with_two_triggers_of_one_category_keeps_one_event(nlp):
    events = run(nlp, "Gunmen attacked a village and killed ten residents.")
    assert [e.category for e in events].count("ASSAULT") == 1
    assert len({e.id for e in events}) == len(events)


def test_explain_says_why_a_trigger_was_dropped(nlp):
    text = ArticleText(title="", body="Iran threatened to shell Iraqi towns.")
    report = explain_events(nlp(text.text), text, article_id=ARTICLE, entities=[], places=[],
                            published_at=PUBLISHED)
    [sentence] = report
    assert [e["category"] for e in sentence["events"]] == ["THREATEN"]
    assert sentence["events"][0]["rule"] == "threat"
    assert any(d["trigger"] == "shell" and "threatened" in d["reason"] for d in sentence["dropped"])


def test_the_bundled_taxonomy_only_uses_contract_codes():
    taxonomy = load_taxonomy()
    assert {r.category for r in taxonomy.rules} <= set(__import__("schemas").PLOVER_CATEGORIES)
    assert len(taxonomy.rules) > 30


def test_a_bad_taxonomy_is_refused_with_the_rule_named():
    bad = {"rules": [{"name": "x", "category": "FIGHT", "triggers": ["fight"]}]}
    with pytest.raises(TaxonomyError, match="rule 'x'"):
        parse_taxonomy(bad)
    unknown_list = {"rules": [{"name": "y", "category": "ASSAULT", "triggers": ["@NOPE"]}]}
    with pytest.raises(TaxonomyError, match="@NOPE"):
        parse_taxonomy(unknown_list)


def test_explanation_lines_for_a_tagged_article(nlp):
    from schemas import TaggedArticle, utcnow
    from streams.tagging.events.explain import explain_tagged, format_explanation

    body = "Police arrested 20 people in Minsk on Tuesday."
    article = TaggedArticle(id=ARTICLE, source="file:test", body=body, fetched_at=utcnow(),
                            published_at=PUBLISHED, story_id="s", tagged_at=utcnow(),
                            tagger_version="test")
    lines = format_explanation(explain_tagged(nlp, article))
    assert lines[0] == f"sentence: {body}"
    assert lines[1].startswith("  + COERCE/ARREST mode=arrest trigger='arrested' rule=arrest")
    assert "date=2025-12-30" in lines[1]


def test_a_heading_glued_to_the_next_line_does_not_hide_its_events(nlp):
    body = ("Civilian Toll and Humanitarian Concerns\n"
            "Rebels attacked an army checkpoint near the border on Monday.")
    [clash] = run(nlp, body)
    assert (clash.category, clash.subtype) == ("ASSAULT", "ARMED_CLASH")
    assert clash.sentence.text == "Rebels attacked an army checkpoint near the border on Monday."
    assert clash.date == "2025-12-29"


def test_a_headline_in_sentence_case_is_read_even_when_the_verb_is_missed(nlp):
    events = run(nlp, "Police detain protesters during a protest against the jailing of "
                      "opposition leader Alexei Navalny in St. Petersburg")
    assert ("COERCE", "PROTEST_WITH_INTER") in kinds(events)


def test_a_bare_casualty_verb_takes_the_means_of_the_attack_before_it(nlp):
    body = "Russian drone strikes hit Odesa overnight. Similar incidents wounded residents in Kyiv."
    events = run(nlp, body)
    wounded = next(e for e in events if e.trigger == "wounded")
    assert (wounded.subtype, wounded.mode) == ("AIR_STRIKE", "drone")


def test_background_violence_ranks_below_the_main_happening(nlp):
    events = run(nlp, "Police arrested three suspects in connection with the bombing.")
    assert top(events) == ("COERCE", "ARREST")


def test_eval_scores_macro_f1_over_gold_classes_and_confusions():
    from wirewatch.evaluation.events import PLOVER_LEGACY, score

    scores = score(["A", "A", "B", "C"], ["A", "B", "B", "OTHER"])
    assert scores.per_class["A"] == (1.0, 0.5, 2 / 3, 2)
    assert scores.per_class["B"] == (0.5, 1.0, 2 / 3, 1)
    assert scores.per_class["C"] == (0.0, 0.0, 0.0, 1)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3) / 3)
    assert scores.accuracy == 0.5
    assert ("A", "B", 1) in scores.confusions
    assert PLOVER_LEGACY["FIGHT"] == "ASSAULT"


def test_a_hyphenated_pattern_needs_the_hyphen(nlp):
    # "die-in" is a protest; "died in an exchange of fire" is a clash.
    events = run(nlp, "Five militants and two soldiers died in an exchange of fire in Kupwara.")
    assert kinds(events) == {("ASSAULT", "ARMED_CLASH")}
    assert Pattern.parse("sit-in").joined == (True,)
    assert Pattern.parse("open fire").joined == (False,)


def test_lemma_fixes_cover_forms_the_model_leaves_alone(nlp):
    events = run(nlp, "Government troops retook the town of Palmyra on Sunday.")
    assert ("ASSAULT", "GOV_REGAINS_TERIT") in kinds(events)


def test_forces_named_for_a_country_are_state_forces(nlp):
    # "{nationality} forces" in @GOV: a country's forces taking ground regain it, as ACLED
    # codes state forces; forces of a people without a state, or a group whose name says
    # "Forces", are not a government's.
    taken = {
        "Russian forces captured the village of Pokrovske on Tuesday.": "GOV_REGAINS_TERIT",
        "Kurdish forces took control of the town of Manbij.": "NON_STATE_ACTOR_OVERTAKES_TER",
        "The Rapid Support Forces captured the city of El Fasher on Sunday.": "NON_STATE_ACTOR_OVERTAKES_TER",
    }
    for body, subtype in taken.items():
        assert kinds(run(nlp, body)) == {("ASSAULT", subtype)}, body


def test_a_nationality_phrase_expands_to_every_nationality_word():
    from streams.tagging.entities.names import nationality_countries

    data = {"lexicon": {"GOV": ["army", "{nationality} forces"]},
            "rules": [{"name": "x", "category": "ASSAULT", "triggers": ["capture"], "subject_cues": ["@GOV"]}]}
    [rule] = parse_taxonomy(data).rules
    words = {p.text for p in rule.subject_cues} - {"army"}
    assert {"russian forces", "kenyan forces", "sri lankan forces"} <= words
    assert "kurdish forces" not in words  # a people without a state of its own
    assert len(words) == len(nationality_countries())


def test_a_reporting_pronoun_borrows_the_speaker_as_subject(nlp):
    events = run(nlp, "The national army said it had reclaimed 20 localities from the insurgents.")
    assert ("ASSAULT", "GOV_REGAINS_TERIT") in kinds(events)


def test_a_named_storm_is_read_although_its_kind_modifies_the_name(nlp):
    events = run(nlp, "Typhoon Haiyan battered the central Philippines on Friday.")
    assert ("AID", "NATURAL_DISASTER") in kinds(events)


def test_protesters_blocking_a_road_protest_and_police_blocking_a_march_intervene(nlp):
    protest = run(nlp, "Farmers blocked a highway with tractors to protest against fuel taxes.")
    assert kinds(protest) == {("PROTEST", "PEACE_PROTEST")}
    stopped = run(nlp, "Authorities stopped a march by opposition supporters at the city limits.")
    top = max(stopped, key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("COERCE", "PROTEST_WITH_INTER")


def test_storming_a_town_is_no_storm(nlp):
    events = run(nlp, "The president ordered the army to storm the rebel-held town.")
    assert kinds(events) == {("MOBILIZE", "CHANGE_TO_GROUP_ACT")}


def test_the_rules_realis_veto_drops_what_the_sentence_does_not_assert(nlp):
    # the rules find a trigger in each ("attack", "disarmed", "strike"); the parse says none happened
    for body in ("The ministry has not commented on the attack.",
                 "Israel said the war would go on until Hamas was disarmed.",
                 "Rebels stormed the town in 2019, residents said."):
        assert run(nlp, body) == [], body
    assert [e.category for e in run(nlp, "Rebels stormed the town on Tuesday.")] == ["ASSAULT"]


def test_recalling_an_envoy_is_a_sanction_and_recalling_an_attack_is_memory(nlp):
    # the only governor, with no clause below, is the happening itself when it is a trigger
    assert [(e.category, e.trigger) for e in run(nlp, "Ghana recalled its ambassador from Abuja on Tuesday.")] \
        == [("SANCTION", "recalled")]
    # "recall" without an envoy is memory; a governor above it still vetoes the sanction
    for body in ("Gunmen looted shops in the market last year, residents recalled on Tuesday.",
                 "Farmers recalled the massacre at the market on Tuesday.",
                 "Ghana denied that it had recalled its ambassador from Abuja."):
        assert "SANCTION" not in [e.category for e in run(nlp, body)], body


def test_without_the_rule_veto_the_rules_keep_the_trigger_and_explain_names_the_cue(nlp):
    text = ArticleText(title="", body="The ministry has not commented on the attack.")
    doc = nlp(text.text)
    bare = EventExtractor(load_taxonomy())
    assert [e.category for e in bare.extract(doc, text, article_id=ARTICLE, entities=[], places=[],
                                             published_at=PUBLISHED)] == ["ASSAULT"]
    vetoed = EventExtractor(load_taxonomy(), rule_veto={"NEG"})
    [sentence] = vetoed.explain(doc, text, article_id=ARTICLE, entities=[], places=[], published_at=PUBLISHED)
    assert sentence["events"] == []
    assert any(d["trigger"] == "attack" and d["reason"] == "veto: NEG" for d in sentence["dropped"])


def test_the_depth_discount_ranks_the_happening_a_sentence_reports_above_one_named_inside_it(nlp):
    # (a main verb of a weaker rule than "unrest": shutting down the internet is now a
    # service-restriction of higher weight)
    text = ArticleText(title="", body="The government censored the newspapers for several days during the unrest.")
    doc = nlp(text.text)

    def top(depth_discount: float) -> str:
        events = EventExtractor(load_taxonomy(), depth_discount=depth_discount).extract(
            doc, text, article_id=ARTICLE, entities=[], places=[], published_at=PUBLISHED)
        return max(events, key=lambda e: e.confidence).category

    assert top(1.0) == "PROTEST"  # "unrest", inside a prepositional phrase, by its rule's weight
    assert top(0.75) == "COERCE"  # "shut down", the main verb


def test_a_gold_sentence_is_read_as_the_tagger_reads_its_lines(nlp):
    from streams.tagging.events.sentences import lines_within, read_lines

    doc = nlp("MOSCOW - Shoigu warned on Thursday that Moscow would respond. Police detained two men.")
    gold = doc.char_span(0, doc.text.index(" Police"), alignment_mode="expand")
    assert [line.text for line in read_lines(doc)] == [
        "Shoigu warned on Thursday that Moscow would respond.", "Police detained two men."]
    assert [line.text for line in lines_within(gold)] == ["Shoigu warned on Thursday that Moscow would respond."]
    assert gold.root.text == "MOSCOW"  # read whole, the span hangs on the dateline


def test_a_line_is_numbered_within_the_body_as_training_and_the_tagger_count(nlp):
    from streams.tagging.events.sentences import body_line_numbers, body_place, read_lines
    from streams.tagging.shared.text import ArticleText

    text = ArticleText(title="Gunmen kill five in Kiwanja",
                       body="KIWANJA - Gunmen killed five people on Monday. The army said it was searching the area."
                            "\n\nThe town was attacked in 2019 too.")
    doc = nlp(text.text)
    lines = read_lines(doc)
    numbers = body_line_numbers(lines, text.body_offset, [line.start_char for line in lines])
    assert numbers[0] is None  # the title
    assert numbers[1:] == list(range(len(lines) - 1))
    # a gold sentence (training) that starts at the dateline: no line of the body before it
    assert body_line_numbers(lines, text.body_offset, [text.body_offset]) == [0]
    assert body_line_numbers(lines, text.body_offset, [text.text.index("The town")]) == [numbers[-1]]
    assert [body_place(n) for n in (None, 0, 1, 2, 9)] == [None, "LEAD", "SECOND", "LATER", "LATER"]


@pytest.mark.parametrize("value", [0, 1.5, "0.75", True])
def test_a_depth_discount_outside_zero_to_one_is_refused_with_the_option_named(value):
    from streams.tagging.events.ranking import check_discount

    with pytest.raises(ValueError, match="depth_discount must be a number above 0 and at most 1"):
        check_discount(value, "depth_discount")


def test_an_unknown_veto_cue_is_refused_with_the_option_named():
    from streams.tagging.events.realis_scope import veto_cues

    with pytest.raises(ValueError, match="rule_veto.*NEGATED"):
        veto_cues(["NEGATED"], "rule_veto")


def test_a_warning_over_a_future_clause_is_a_threat_though_no_threat_word_fired(nlp):
    # "warn that it would" is a threat trigger; "warned that Moscow would" needs the tree
    for body in ("Russian foreign ministry spokeswoman Maria Zakharova warned that Moscow would respond.",
                 "Katz warned on Monday that Israel would strike Beirut's southern suburbs."):
        assert [e.category for e in run(nlp, body)] == ["THREATEN"], body
    # a warning of a disaster is no threat (the threat rule's `without`)
    assert run(nlp, "The weather service warned that heavy rain would hit the coast.") == []
    # the trained extractors read the rules' matches without it (no rule_veto)
    text = ArticleText(title="", body="Russian foreign ministry spokeswoman Maria Zakharova warned that Moscow would respond.")
    bare = EventExtractor(load_taxonomy())
    assert bare.extract(nlp(text.text), text, article_id=ARTICLE, entities=[], places=[], published_at=PUBLISHED) == []


def test_forces_who_kill_are_the_attackers_not_a_military_target(nlp):
    # the "11 people were killed by police" is no armed clash: the military words
    # of attack-on-forces (acted_on) must name what was hit, not who hit it
    for body in ("Eleven people were killed by police in Nairobi on Monday.",
                 "Soldiers killed three villagers near Mopti on Sunday."):
        assert kinds(run(nlp, body)) == {("ASSAULT", "ATTACK")}, body
    assert kinds(run(nlp, "Gunmen killed four soldiers at a checkpoint near Mopti.")) == {
        ("ASSAULT", "ARMED_CLASH")}


def test_a_happening_spoken_of_as_near_or_likely_is_no_event(nlp):
    # the "A deal was closer than ever" became AGREE
    for body in ("A deal was closer than ever, the mediators said.",
                 "A ceasefire remains elusive after three rounds of talks.",
                 "Diplomats said a prisoner exchange was possible within weeks."):
        assert run(nlp, body) == [], body


def test_a_diplomatic_protest_is_no_street_protest(nlp):
    events = run(nlp, "The Philippines protested to China over the water cannon attack.")
    assert [e.category for e in events] == ["ACCUSE"]


def test_who_reports_a_happening_does_not_block_a_rule(nlp):
    # "police said" names the source: the mob rule's negative cue "police" is not read there
    body = "A mob beat two men accused of stealing a goat in Kisumu on Friday, police said."
    assert ("ASSAULT", "MOB_VIOL") in kinds(run(nlp, body))
    assert ("ASSAULT", "ATTACK") not in kinds(run(nlp, body))


def test_a_crowd_of_civilians_beating_someone_is_mob_violence(nlp):
    assert kinds(run(nlp, "Villagers beat a man to death in Sagaing on Monday.")) == {
        ("ASSAULT", "MOB_VIOL")}


def test_police_tear_gas_is_crowd_control_unless_fired_into_a_home_or_a_place_of_worship(nlp):
    assert kinds(run(nlp, "Police fired tear gas to push them back.")) == {
        ("COERCE", "FORCE_AGAINST_PROTEST")}
    body = "Police fired tear gas into a mosque in Garissa, and worshippers were treated for breathing problems."
    assert kinds(run(nlp, body)) == {("ASSAULT", "CHEM_WEAP")}


def test_police_removing_protesters_intervene_and_do_not_riot(nlp):
    assert kinds(run(nlp, "Riot police removed protesters blocking a road in Yerevan.")) == {
        ("COERCE", "PROTEST_WITH_INTER")}


def test_territory_rules_read_who_took_it_and_a_named_place_as_what_was_taken(nlp):
    # the army named in what was taken does not make the taker a state force (subject_without)
    assert kinds(run(nlp, "Armed men seized an army base near Djibo on Thursday.")) == {
        ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")}
    # a place's name as the object counts as territory (place_object)
    assert kinds(run(nlp, "The army retook Kirawa from the militants on Sunday.")) == {
        ("ASSAULT", "GOV_REGAINS_TERIT")}


def top(events):
    """The reading the tagger ranks first (the highest confidence)."""
    best = max(events, key=lambda e: e.confidence)
    return best.category, best.subtype


def test_gangs_who_kill_or_burn_commit_organised_crime_and_their_arrest_is_an_arrest(nlp):
    body = "Members of a drug cartel shot dead two shopkeepers in Zamora who refused to pay extortion."
    assert top(run(nlp, body)) == ("COERCE", "ORG_CRIME")
    assert top(run(nlp, "Gang members set fire to three buses in Choloma on Monday.")) == ("COERCE", "ORG_CRIME")
    # forces who fight a cartel clash with it (subject_without), and an arrest is an arrest
    assert ("COERCE", "ORG_CRIME") not in kinds(run(nlp, "Soldiers killed four cartel gunmen near Culiacan."))
    assert top(run(nlp, "Police arrested six suspected gang members in Tegucigalpa on Monday.")) == ("COERCE", "ARREST")
    # a gang that kidnaps abducts
    assert top(run(nlp, "A gang kidnapped three teachers in Port-au-Prince on Tuesday.")) == ("ASSAULT", "ABDUCT_DISSAP")


def test_people_taken_to_an_unknown_place_have_disappeared(nlp):
    body = "Soldiers detained two farmers near Kidal and took them to an unknown location."
    assert top(run(nlp, body)) == ("ASSAULT", "ABDUCT_DISSAP")
    assert top(run(nlp, "Police detained two farmers near Kidal on Monday.")) == ("COERCE", "ARREST")


def test_evacuating_rescuing_and_handing_out_relief_is_aid(nlp):
    for body in ("The navy evacuated 300 residents from the flooded district by boat.",
                 "The Red Cross distributed food and blankets to displaced families in Goma.",
                 "Coast guards rescued 40 fishermen off Mindanao on Sunday."):
        assert ("AID", "OTHER") in kinds(run(nlp, body)), body
    # an army that evacuates its own post withdraws from it
    assert top(run(nlp, "The army evacuated its camp near Tessalit on Monday.")) == ("RETREAT", "NON_VIOL_TERRIT_TRANSFER")


def test_bans_shutdowns_and_emergency_regimes_are_restrictions(nlp):
    for body in ("The governor banned all rallies in the capital for a week.",
                 "Authorities suspended mobile internet in three districts on Friday.",
                 "The president declared a state of exception in four provinces on Monday."):
        assert top(run(nlp, body)) == ("COERCE", "OTHER"), body
    # suspending trade with a state stays a sanction
    assert top(run(nlp, "Colombia suspended trade with Ecuador on Monday.")) == ("SANCTION", "DIPLO")


def test_irritant_gas_and_poisoned_wells_are_chemical_attacks(nlp):
    for body in ("A drone dropped canisters of an irritant gas on soldiers near Bakhmut.",
                 "Unknown men poisoned the village well with pesticide on Sunday.",
                 "Armed men threw tear gas canisters into a school in Cauca."):
        assert top(run(nlp, body)) == ("ASSAULT", "CHEM_WEAP"), body


def test_an_armed_group_named_army_takes_territory_as_a_non_state_actor(nlp):
    body = "The Karen National Liberation Army seized the town of Myawaddy on Saturday."
    assert top(run(nlp, body)) == ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")
    # a force's post or camp is ground taken, not only a target attacked
    assert top(run(nlp, "Jihadist fighters overran an army post near Menaka on Sunday.")) == (
        "ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")
    body = "Government troops pushed the rebels out of two villages near Bunia on Friday."
    assert top(run(nlp, body)) == ("ASSAULT", "GOV_REGAINS_TERIT")


def test_handing_over_suspects_and_joint_operations_are_cooperation(nlp):
    body = "Kenya handed over five suspects wanted for murder to Uganda on Tuesday."
    assert top(run(nlp, body)) == ("COOPERATE", "DIPLO")
    body = "The two navies held a joint search-and-rescue exercise in the Gulf on Monday."
    assert ("COOPERATE", "DIPLO") in kinds(run(nlp, body))


def test_freeing_prisoners_and_withdrawing_a_measure_are_concessions(nlp):
    for body in ("The junta freed 40 political prisoners on Monday.",
                 "The government withdrew the fuel tax bill after a week of protests.",
                 "Pakistan reopened the border crossing on Tuesday.",
                 "Caracas freed three Americans on Tuesday.",
                 "The teachers' union called off its strike after talks with the ministry."):
        assert top(run(nlp, body)) == ("CONCEDE", "DIPLO"), body
    assert ("CONCEDE", "DIPLO") not in kinds(run(nlp, "The ministry released a statement on Monday."))


def test_a_deadly_fire_crash_or_depot_blast_is_a_disaster_not_an_attack(nlp):
    for body in ("A fire at a hotel in Ankara killed 12 guests on Sunday.",
                 "A bus fell into a gorge near Shimla, killing 14 passengers.",
                 "An explosion at a fuel depot in Lagos killed six workers."):
        assert top(run(nlp, body)) == ("AID", "MAN_MADE_DISASTER"), body


def test_a_group_saying_it_carried_out_an_attack_claims_it(nlp):
    for body in ("The separatist group said its fighters had carried out the ambush.",
                 "The insurgents claimed an attack on an army base in Borno."):
        assert top(run(nlp, body)) == ("ACCUSE", "ATTRIB"), body
    # a threat is no claim
    assert ("ACCUSE", "ATTRIB") not in kinds(run(nlp, "The group said it would attack the bases."))


def test_strikers_burning_buses_riot_and_police_evicting_occupiers_intervene(nlp):
    assert top(run(nlp, "Striking drivers torched three buses in Nairobi on Monday.")) == ("PROTEST", "VIOL_DEMONSTR")
    body = ("Italian police on Tuesday removed dozens of workers who were blocking the entrance to a "
            "steel plant in Taranto.")
    assert top(run(nlp, body)) == ("COERCE", "PROTEST_WITH_INTER")


@pytest.mark.parametrize("body", [
    "Police fired tear gas to disperse stone-throwing youths in Nairobi.",
    "Police shot dead two youths as crowds burned tyres and looted shops.",
    "Riot police clashed with rioters who set fire to cars in the city centre.",
])
def test_police_force_against_a_crowd_that_riots_is_a_violent_demonstration(nlp, body):
    # ACLED types a demonstration by the demonstrators' conduct (DATA.md): a riot met by force
    assert top(run(nlp, body)) == ("PROTEST", "VIOL_DEMONSTR")


def test_police_force_against_a_crowd_that_does_not_riot_stays_force_against_protest(nlp):
    body = "Police fired tear gas and water cannon to disperse teachers marching on parliament."
    assert top(run(nlp, body)) == ("COERCE", "FORCE_AGAINST_PROTEST")
    blocked = "Police opened fire on protesters blocking a highway, killing two."
    assert top(run(nlp, blocked)) == ("COERCE", "FORCE_AGAINST_PROTEST")


def test_air_defences_downing_drones_disrupt_weapons(nlp):
    assert top(run(nlp, "Air defences shot down 30 drones over Kyiv overnight.")) == ("COERCE", "DISR_WEAP")


def test_an_order_is_a_mobilisation_only_when_forces_are_ordered(nlp):
    assert top(run(nlp, "The president ordered troops to the northern border on Monday.")) == (
        "MOBILIZE", "CHANGE_TO_GROUP_ACT")
    assert top(run(nlp, "The governor ordered the closure of all markets in the city on Monday.")) == (
        "COERCE", "OTHER")
    assert top(run(nlp, "Ghana ordered two Russian diplomats to leave the country on Friday.")) == (
        "SANCTION", "DIPLO")
    # a military zone or front to be moved is forces ordered too
    assert top(run(nlp, "The defence minister ordered a new offensive in the east on Monday.")) == (
        "MOBILIZE", "CHANGE_TO_GROUP_ACT")


def test_a_killing_in_a_gunfight_is_an_armed_clash(nlp):
    body = "Security forces killed six Maoists in a gunfight in Bijapur district on Sunday."
    assert top(run(nlp, body)) == ("ASSAULT", "ARMED_CLASH")


def test_smuggled_weapons_seized_are_weapons_seized_and_drugs_seized_organised_crime(nlp):
    body = "Customs officers seized 40 rifles being smuggled across the border near Kassala."
    assert top(run(nlp, body)) == ("COERCE", "DISR_WEAP")
    body = "Police seized two tonnes of cocaine hidden in a banana shipment at the port of Guayaquil."
    assert top(run(nlp, body)) == ("COERCE", "ORG_CRIME")


def test_ground_retaken_from_a_side_or_from_a_cartel_is_territory(nlp):
    # a name not known as a place, retaken "from" a side
    assert top(run(nlp, "The army recaptured Wad Kurmi from the rebels on Sunday.")) == (
        "ASSAULT", "GOV_REGAINS_TERIT")
    # a town a cartel had held is still ground (only seized goods block the territory rules)
    body = "Soldiers took back the town of San Lucas on Sunday after a cartel had controlled it for a year."
    assert top(run(nlp, body)) == ("ASSAULT", "GOV_REGAINS_TERIT")


@pytest.mark.parametrize("body", [
    "The ministry denied that the town had fallen to the rebels.",
    "The militia's spokesman denied the accusations on Tuesday.",
])
def test_a_denial_disputes_a_claim_of_fact_whatever_is_denied(nlp, body):
    # denying is disputing a claim of fact (ATTRIB), not only when an attack or a role is named
    assert ("REJECT", "ATTRIB") in kinds(run(nlp, body))


def test_agreeing_to_share_intelligence_is_cooperation_not_a_deal(nlp):
    # what was agreed is acting together: COOPERATE, though "agreed" alone reads a deal
    events = run(nlp, "Kenya and Uganda agreed on Monday to share intelligence on armed groups.")
    assert top(events) == ("COOPERATE", "DIPLO")


def test_arrests_of_protesters_are_arrests_unless_taken_from_a_protest_in_progress(nlp):
    # DATA.md: arrests reported on their own are ARREST, though those arrested protested
    arrested = run(nlp, "Police arrested 30 protesters in the capital on Friday.")
    assert max(arrested, key=lambda e: e.confidence).subtype == "ARREST"
    # taken while marching: an intervention in the march
    stopped = run(nlp, "Police detained 20 activists who tried to march to parliament.")
    assert max(stopped, key=lambda e: e.confidence).subtype == "PROTEST_WITH_INTER"


@pytest.mark.parametrize("body", [
    "Tren de Aragua members shot dead three shopkeepers in Caracas on Friday.",
    "Illegal miners killed two forest rangers near the river on Monday.",
])
def test_killings_by_gangs_known_by_name_or_trade_are_organised_crime(nlp, body):
    # a gang whose name holds no "gang" or "cartel", or illegal miners, still commits
    # organised crime (DATA.md), not an attack on civilians
    assert top(run(nlp, body)) == ("COERCE", "ORG_CRIME")


def test_an_ambush_on_a_bus_is_an_attack_not_a_clash(nlp):
    # no armed side fought back: the ambushed are civilians (ATTACK, DATA.md)
    events = run(nlp, "Gunmen ambushed a bus on the highway and killed six passengers.")
    assert top(events) == ("ASSAULT", "ATTACK")


@pytest.mark.parametrize("body", [
    "Hundreds of nurses blocked the main road on Monday to demand unpaid wages.",
    "The protesters were demanding the resignation of the mayor.",
])
def test_a_demand_a_protest_is_held_to_press_is_the_protest(nlp, body):
    # the happening is the protest, not a request made in words
    assert top(run(nlp, body)) == ("PROTEST", "PEACE_PROTEST")


def test_protesters_demanding_that_authorities_act_make_a_request(nlp):
    events = run(nlp, "Protesters demanded that the authorities restore electricity.")
    top = max(events, key=lambda e: e.confidence)
    assert top.category == "REQUEST"


@pytest.mark.parametrize("body", [
    "LIMA - Protesters set fire to part of the regional government building on Thursday.",
    "Picketers also torched a police van near the port.",
])
def test_protesters_who_burn_riot_though_the_parser_keeps_their_plural(nlp, body):
    # a plural opening a sentence is often tagged a proper noun and keeps its form as lemma
    assert top(run(nlp, body)) == ("PROTEST", "VIOL_DEMONSTR")


@pytest.mark.parametrize(("body", "kind"), [
    ("Landslides buried two villages in the hills, killing 14 people.",
     ("AID", "NATURAL_DISASTER")),
    ("Gendarmes fired tear gas and rubber bullets to disperse the crowd.",
     ("COERCE", "FORCE_AGAINST_PROTEST")),
])
def test_a_plural_the_parser_tags_a_proper_noun_is_read_as_its_singular(nlp, body, kind):
    # the small model leaves a capitalised plural it tags PROPN unlemmatised
    assert top(run(nlp, body)) == kind


def test_a_gang_that_seizes_control_of_a_town_takes_ground(nlp):
    events = run(nlp, "Gangs seized control of the town of Mirebalais on Tuesday.")
    assert top(events) == ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")


@pytest.mark.parametrize("body", [
    "Forty rebels surrendered to the army on Sunday and handed over 30 rifles.",
    "About 300 fighters handed in their weapons at a ceremony in the north.",
    "Twenty militiamen laid down their arms before the district police.",
])
def test_fighters_who_give_up_their_weapons_disarm(nlp, body):
    # DATA.md: surrender and disarming are RETREAT/AGREEMENT, not weapons seized or a mobilisation
    assert top(run(nlp, body)) == ("RETREAT", "AGREEMENT")


def test_a_ban_aimed_at_another_states_people_or_goods_is_a_sanction(nlp):
    foreign = run(nlp, "Estonia banned Russian citizens from buying land near its border on Monday.")
    assert max(foreign, key=lambda e: e.confidence).category == "SANCTION"
    # a ban on the state's own people's activity restricts
    own = run(nlp, "The interior ministry banned all opposition rallies in the capital on Monday.")
    assert max(own, key=lambda e: e.confidence).category == "COERCE"


def test_overrunning_an_army_post_takes_it_though_weapons_were_seized_there(nlp):
    events = run(nlp, "JNIM fighters overran an army post near the border on Sunday, seizing "
                      "weapons and vehicles.")
    assert top(events) == ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")


@pytest.mark.parametrize("body", [
    "The Arakan Army captured a naval outpost near the coast on Sunday.",
    "Rebels seized the town of Rutshuru on Sunday, home to 80,000 people.",
])
def test_armed_groups_known_by_name_take_ground_not_people(nlp, body):
    # "Army" in an armed group's name is no government's; a town seized is ground taken
    assert top(run(nlp, body)) == ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER")


def test_youths_who_burn_a_police_post_riot(nlp):
    # violence against the state by youths or residents is a riot though no protest is named
    events = run(nlp, "Youths set fire to a police post in the town after a man died in custody.")
    assert top(events) == ("PROTEST", "VIOL_DEMONSTR")


def test_forces_sent_to_rescue_people_bring_relief(nlp):
    # what they were sent for decides: relief (AID/OTHER/assist), not a mobilisation
    events = run(nlp, "The army sent helicopters to evacuate stranded residents from the valley.")
    top = max(events, key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


def test_calling_an_arrest_arbitrary_condemns_it(nlp):
    # the sentence reports the words (ACCUSE/DIPLO, DATA.md), not the arrest
    events = run(nlp, "Amnesty International called the arrests of the two reporters arbitrary.")
    assert top(events) == ("ACCUSE", "DIPLO")


def test_an_armed_group_saying_it_killed_claims_the_killing(nlp):
    events = run(nlp, "Islamic State said it had killed 12 soldiers in the attack on the convoy.")
    assert top(events) == ("ACCUSE", "ATTRIB")


def test_a_protest_against_a_death_in_custody_is_still_peaceful(nlp):
    # the death is what the march is about, not force used at it
    events = run(nlp, "Hundreds of students marched in the capital on Monday to protest the death "
                      "of a classmate in police custody.")
    assert top(events) == ("PROTEST", "PEACE_PROTEST")


def test_suspending_aid_is_a_sanction_and_suspending_visits_at_home_restricts(nlp):
    aid = run(nlp, "The European Union suspended budget support to the government on Monday.")
    assert max(aid, key=lambda e: e.confidence).category == "SANCTION"
    visits = run(nlp, "Prison authorities suspended all family visits on Monday.")
    top = max(visits, key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("COERCE", "OTHER")


def test_police_who_remove_a_group_and_detain_some_intervene(nlp):
    # acting on the gathering itself, whoever the people are (no protest word named)
    events = run(nlp, "Police removed the farmers from the highway on Tuesday and detained 15 of them.")
    assert top(events) == ("COERCE", "PROTEST_WITH_INTER")


@pytest.mark.parametrize("body", [
    "Police said a separatist group was behind the bombing of the bus station.",
    "Police said the attack was organised by handlers abroad.",
])
def test_naming_who_was_behind_an_attack_attributes_it(nlp, body):
    assert top(run(nlp, body)) == ("ACCUSE", "ATTRIB")


@pytest.mark.parametrize(("body", "category"), [
    ("Rescuers pulled seven miners out alive from the flooded shaft on Sunday.", "AID"),
    ("Azerbaijan handed over six Armenian prisoners at the border on Monday.", "CONCEDE"),
])
def test_people_handed_over_or_pulled_out_are_no_ground_given_up(nlp, body, category):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert top.category == category


@pytest.mark.parametrize(("body", "kind"), [
    ("North Korea fired two ballistic missiles into the sea off its east coast on Tuesday.",
     ("MOBILIZE", "CHANGE_TO_GROUP_ACT")),
    ("Government troops moved into the town without a fight after the rebels left.",
     ("RETREAT", "NON_VIOL_TERRIT_TRANSFER")),
])
def test_missiles_fired_into_the_sea_and_ground_left_without_a_fight(nlp, body, kind):
    assert top(run(nlp, body)) == kind


@pytest.mark.parametrize(("body", "kind"), [
    ("Hundreds of farmers blocked the main highway with tractors on Monday.",
     ("PROTEST", "PEACE_PROTEST")),
    ("Police blocked opposition supporters from reaching the city centre on Saturday.",
     ("COERCE", "PROTEST_WITH_INTER")),
])
def test_a_road_blockade_protests_and_police_keeping_people_away_intervene(nlp, body, kind):
    assert top(run(nlp, body)) == kind


@pytest.mark.parametrize("body", [
    "Opposition supporters set fire to the ruling party's offices after the results.",
    "Unpaid garment workers smashed the windows of the factory offices on Monday.",
])
def test_opposition_supporters_or_workers_who_burn_and_smash_riot(nlp, body):
    # "opposition" names no armed group; people with a grievance who burn or smash riot
    assert top(run(nlp, body)) == ("PROTEST", "VIOL_DEMONSTR")


def test_opposition_supporters_blocking_a_road_protest(nlp):
    events = run(nlp, "Opposition supporters blocked the main road with burning tyres on Monday.")
    assert top(events) == ("PROTEST", "PEACE_PROTEST")


def test_rival_cult_groups_that_clash_commit_organised_crime(nlp):
    # Nigeria's cult groups are criminal gangs: their fights are organised crime, not a clash
    events = run(nlp, "Rival cult groups clashed in Benin City on Saturday, killing three.")
    assert top(events) == ("COERCE", "ORG_CRIME")


def test_police_shooting_people_at_a_blockade_use_force_against_a_protest(nlp):
    events = run(nlp, "Police shot dead two farmers blocking a highway near the town on Monday.")
    assert top(events) == ("COERCE", "FORCE_AGAINST_PROTEST")


def test_relief_handed_to_flood_victims_is_the_aid_not_the_flood(nlp):
    events = run(nlp, "The Red Cross distributed food and blankets to flood victims in the camps.")
    top = max(events, key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


def test_a_building_that_collapses_after_heavy_rain_is_a_man_made_disaster(nlp):
    events = run(nlp, "A three-storey building collapsed in the capital after heavy rain, "
                      "trapping 12 people.")
    assert top(events) == ("AID", "MAN_MADE_DISASTER")


@pytest.mark.parametrize(("body", "category"), [
    ("The government agreed on Monday to raise the minimum wage by 20 percent.", "CONCEDE"),
    ("Kenya and Uganda agreed on Monday to reopen their main border crossing.", "AGREE"),
])
def test_one_party_agreeing_to_give_concedes_and_two_agreeing_make_a_deal(nlp, body, category):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert top.category == category


def test_an_attack_on_a_camp_of_displaced_people_is_no_attack_on_forces(nlp):
    events = run(nlp, "Militia fighters attacked a displacement camp near the town, killing 11.")
    assert top(events) == ("ASSAULT", "ATTACK")


@pytest.mark.parametrize(("body", "subtype"), [
    ("About 500 more gendarmes have arrived on the island to restore order.", "CHANGE_TO_GROUP_ACT"),
    # an arrival named as the time of something else is no news of its own
    ("The rebels left the town before government troops arrived.", "NON_VIOL_TERRIT_TRANSFER"),
])
def test_forces_arriving_somewhere_have_been_deployed_there(nlp, body, subtype):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert top.subtype == subtype


@pytest.mark.parametrize("body", [
    "France sent 300 more gendarmes to the island on Wednesday.",
    "The United States sent three more warships to the region on Monday.",
])
def test_gendarmes_or_warships_sent_somewhere_are_forces_moved(nlp, body):
    assert top(run(nlp, body)) == ("MOBILIZE", "CHANGE_TO_GROUP_ACT")


def test_forces_stepping_up_patrols_change_their_posture(nlp):
    top = max(run(nlp, "Border guards stepped up patrols along the frontier on Tuesday."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("MOBILIZE", "CHANGE_TO_GROUP_ACT")


def test_a_defence_ministry_telling_of_its_forces_taking_a_village_is_a_state_regaining_ground(nlp):
    # "its forces" are the speaker's: the ministry's, a state's forces
    events = run(nlp, "Russia's defence ministry said on Monday its forces had captured the village "
                      "of Kamianka in the Donetsk region.")
    assert top(events) == ("ASSAULT", "GOV_REGAINS_TERIT")


@pytest.mark.parametrize("body", [
    "The provincial government gave food and blankets to 3,000 displaced families on Friday.",
    "Kuwait gave $40 million to the health ministry on Monday to pay nurses' salaries.",
])
def test_food_or_money_given_to_people_or_a_state_is_aid(nlp, body):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


def test_thanking_a_state_for_its_help_supports_it(nlp):
    top = max(run(nlp, "The Kenyan president thanked Norway for its mediation on Tuesday."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("SUPPORT", "DIPLO")


@pytest.mark.parametrize(("body", "category"), [
    ("The Kenyan president received his Ugandan counterpart in Nairobi on Monday.", "CONSULT"),
    # what is received otherwise is no meeting
    ("The Kenyan president received a letter of complaint on Monday.", None),
])
def test_a_leader_receiving_another_leader_hosts_a_meeting(nlp, body, category):
    events = run(nlp, body)
    top = max(events, key=lambda e: e.confidence) if events else None
    assert (top.category if top else None) == category


def test_calling_an_act_dangerous_or_a_betrayal_condemns_it(nlp):
    top = max(run(nlp, "The defence minister called the pilot's manoeuvre \"unsafe and unprofessional\"."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("ACCUSE", "DIPLO")


def test_a_source_saying_men_belong_to_an_armed_group_alleges_it(nlp):
    top = max(run(nlp, "The army said the two men belonged to Boko Haram."), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("ACCUSE", "ATTRIB", "allege")


@pytest.mark.parametrize(("body", "subtype"), [
    ("The army set up a new operations command in the town on Monday.", "HQ_ESTABLISHED"),
    ("The marines inaugurated a new battalion headquarters on the island.", "HQ_ESTABLISHED"),
    # opening fire on a camp opens nothing
    ("Gunmen opened fire on a camp of farm workers, killing four.", "ATTACK"),
])
def test_a_new_command_or_barracks_set_up_or_inaugurated_is_a_seat_established(nlp, body, subtype):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert top.subtype == subtype


@pytest.mark.parametrize("body", [
    "The fighters took away six truck drivers on the road to the border.",
    "Armed men forced two women into a van outside the market on Sunday.",
])
def test_people_taken_away_by_fighters_or_forced_into_a_van_are_abducted(nlp, body):
    assert top(run(nlp, body)) == ("ASSAULT", "ABDUCT_DISSAP")


def test_fighters_entering_a_town_unopposed_take_it_over_without_a_fight(nlp):
    top = max(run(nlp, "Rebel fighters entered the town without a fight on Sunday."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("RETREAT", "NON_VIOL_TERRIT_TRANSFER")


@pytest.mark.parametrize("body", [
    "The US-led coalition left the airbase on Friday.",
    "Police abandoned their post in the district on Monday after days of attacks.",
])
def test_a_coalition_or_police_leaving_a_post_or_base_gives_up_ground(nlp, body):
    assert top(run(nlp, body)) == ("RETREAT", "NON_VIOL_TERRIT_TRANSFER")


@pytest.mark.parametrize("body", [
    "Six members of the armed group gave themselves up to the army on Monday.",
    "Forty fighters handed their rifles to the UN mission on Tuesday.",
])
def test_fighters_giving_themselves_up_or_handing_weapons_to_someone_surrender(nlp, body):
    assert top(run(nlp, body)) == ("RETREAT", "AGREEMENT")


@pytest.mark.parametrize(("body", "subtype"), [
    ("Thousands of farmers drove tractors into the capital on Monday to demand higher crop prices.",
     "PEACE_PROTEST"),
    # driving them away ends the blockade
    ("The farmers drove their tractors away from the border crossing on Monday.", None),
])
def test_farmers_driving_tractors_into_a_city_protest_by_convoy(nlp, body, subtype):
    events = run(nlp, body)
    top = max(events, key=lambda e: e.confidence) if events else None
    assert (top.subtype if top else None) == subtype


def test_authorities_closing_a_border_crossing_restrict_movement(nlp):
    top = max(run(nlp, "Pakistan closed the main border crossing on Saturday."), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("COERCE", "OTHER", "restrict")


@pytest.mark.parametrize("body", [
    "The disaster agency opened nine shelters for families left homeless by the storm.",
    "The state government set up 14 relief camps on Sunday.",
])
def test_shelters_or_relief_camps_opened_for_people_are_relief(nlp, body):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


@pytest.mark.parametrize("body", [
    "Norway delivered 50 mobile generators to Ukrainian hospitals on Monday.",
    "The air force airdropped food parcels over the besieged town.",
])
def test_goods_delivered_donated_or_airdropped_are_aid(nlp, body):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


@pytest.mark.parametrize("body", [
    "Firefighters pulled three children alive from the rubble overnight.",
    "Divers recovered 12 bodies from the river by Tuesday morning.",
])
def test_rescuers_pulling_people_alive_or_recovering_bodies_carry_out_the_rescue(nlp, body):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("AID", "OTHER", "assist")


@pytest.mark.parametrize(("body", "subtype"), [
    ("The military called up 40,000 reservists on Thursday.", "CHANGE_TO_GROUP_ACT"),
    ("The air force scrambled two fighter jets on Friday night.", "CHANGE_TO_GROUP_ACT"),
    # recruiting civil servants raises no force
    ("A commission will present recommendations on civil service recruitment.", None),
])
def test_reservists_called_up_or_jets_scrambled_are_forces_raised(nlp, body, subtype):
    events = run(nlp, body)
    top = max(events, key=lambda e: e.confidence) if events else None
    assert (top.subtype if top else None) == subtype


@pytest.mark.parametrize("body", [
    "Police seized a suicide vest and 20 kg of explosives in a house on Monday.",
    "Soldiers found rifles, grenades and three drones in the cave.",
])
def test_drones_or_suicide_vests_found_are_weapons_seized(nlp, body):
    # the kind of weapon names no strike or bombing
    assert top(run(nlp, body)) == ("COERCE", "DISR_WEAP")


@pytest.mark.parametrize(("body", "subtype"), [
    ("Deminers removed nine anti-tank mines from the field on Tuesday.", "DISR_WEAP"),
    # a mine set off under a vehicle is an attack
    ("The rebels detonated a landmine under an army truck, killing four soldiers.", "REM_EXPLOS"),
])
def test_mines_that_deminers_remove_are_weapons_disabled(nlp, body, subtype):
    top = max(run(nlp, body), key=lambda e: e.confidence)
    assert top.subtype == subtype


def test_a_post_or_station_retaken_is_a_position_taken_back(nlp):
    assert top(run(nlp, "Government troops recaptured the police station on Sunday.")) == ("ASSAULT", "GOV_REGAINS_TERIT")


def test_escaped_inmates_recaptured_are_arrested_again(nlp):
    top = max(run(nlp, "Police recaptured four of the escaped inmates in a house on Thursday."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("COERCE", "ARREST")


def test_police_removing_workers_from_a_highway_intervene(nlp):
    top = max(run(nlp, "Police removed the striking workers from the highway after four hours."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("COERCE", "PROTEST_WITH_INTER")


@pytest.mark.parametrize("body", [
    "Militants sabotaged a water pipeline supplying the town on Sunday.",
    "Settlers uprooted dozens of olive trees near the village.",
])
def test_property_sabotaged_or_uprooted_by_hand_is_destroyed(nlp, body):
    assert top(run(nlp, body)) == ("COERCE", "PROPERTY_DISTRUCT")


def test_shot_read_as_a_noun_after_its_subject_is_still_a_shooting(nlp):
    # the small model tags "shot" a noun in "Gunmen on a motorcycle shot dead ..."
    top = max(run(nlp, "Gunmen on a motorcycle shot dead a radio broadcaster in the city."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("ASSAULT", "ATTACK")


def test_militants_firing_on_a_bus_of_pilgrims_attack_it(nlp):
    top = max(run(nlp, "Militants fired on a bus carrying pilgrims near the shrine."), key=lambda e: e.confidence)
    assert (top.category, top.subtype, top.mode) == ("ASSAULT", "ATTACK", "firearms")


def test_motorcycle_taxi_riders_beating_a_driver_are_a_mob(nlp):
    top = max(run(nlp, "Boda boda riders beat a motorist after he knocked down one of them."),
              key=lambda e: e.confidence)
    assert (top.category, top.subtype) == ("ASSAULT", "MOB_VIOL")


@pytest.mark.parametrize(("text", "expected"), [
    # a long object between a verb and the rest of its phrase
    ("Protesters set a police post on fire in Kitengela.", ("PROTEST", "VIOL_DEMONSTR")),
    ("Residents of a village set a suspected cattle thief on fire.", ("ASSAULT", "MOB_VIOL")),
    ("The rebels pulled their remaining fighters out of the town on Sunday.", ("RETREAT", "NON_VIOL_TERRIT_TRANSFER")),
])
def test_a_phrase_reaches_past_its_verbs_object(nlp, text, expected):
    assert top(run(nlp, text)) == expected


def test_a_preposition_that_ends_a_phrase_must_follow_its_verb(nlp):
    # "call for" is a demand; "called a day of strikes for Tuesday" calls the strikes, a plan
    assert ("REQUEST", "DIPLO") not in kinds(run(nlp, "Unions called another day of nationwide strikes for next Tuesday."))


@pytest.mark.parametrize(("text", "expected"), [
    ("Dock workers began a three-day strike in Mombasa on Monday.", ("PROTEST", "PEACE_PROTEST")),
    ("The United Nations condemned the strike on the school.", ("ACCUSE", "DIPLO")),
])
def test_a_bare_strike_is_a_work_stoppage_only_where_someones_work_stops(nlp, text, expected):
    assert top(run(nlp, text)) == expected
    if expected[0] == "ACCUSE":  # the strike condemned is the attack, not a protest
        assert ("PROTEST", "PEACE_PROTEST") not in kinds(run(nlp, text))


def test_a_trailing_denial_of_a_charge_does_not_govern_the_accusation(nlp):
    # the small model parses "..., a charge Kigali denies" as the main clause over the accusation
    events = run(nlp, "Congo's government accused Rwanda of sending troops to fight alongside the rebels, "
                      "a charge Kigali denies.")
    assert top(events) == ("ACCUSE", "ATTRIB")
    assert ("REJECT", "ATTRIB") in kinds(events)
