"""The hybrid events component: who decides a sentence, and the component in the tagger."""

from __future__ import annotations

from dataclasses import replace

import pytest

from streams.tagging.events.classifier import DEFAULT_THRESHOLD, Reading
from streams.tagging.events.hybrid import NEVER, HybridSettings, RuleGuess, decide
from tests.support.roles import events_tagger, tag

RULE = RuleGuess("ASSAULT", "AIR_STRIKE", "drone")


def _reading(p_none: float, share: float) -> Reading:
    return Reading(realis=1 - p_none, category="REQUEST", subtype="DIPLO", mode=None,
                   confidence=0.5, share=share)


@pytest.mark.parametrize(("p_none", "share", "rule", "floor", "type_share", "expected"), [
    (0.2, 0.9, RULE, 0.8, 0.5, "model"),  # sure happening, sure type: the model's
    (0.2, 0.3, RULE, 0.8, 0.5, "rules"),  # sure happening, unsure type, a rule fired
    (0.2, 0.3, None, 0.8, 0.5, "model"),  # unsure type but no rule to fall back on
    (0.7, 0.9, RULE, 0.8, 0.5, "rules"),  # the model doubts, a rule fired: the rule survives
    (0.9, 0.9, RULE, 0.8, 0.5, None),  # the model is sure nothing happened
    (0.7, 0.9, None, 0.8, 0.5, None),  # no happening and no rule
    (0.7, 0.9, RULE, 0.5, 0.0, None),  # the defaults: the model alone decides
    (0.2, 0.1, RULE, 0.5, 0.0, "model"),
])
def test_who_decides(p_none, share, rule, floor, type_share, expected) -> None:
    assert decide(_reading(p_none, share), rule, HybridSettings(0.5, floor, type_share)) == expected


@pytest.mark.parametrize(("p_none", "rule", "expected"), [
    (0.9, RULE, "rules"),  # the rules found an event: theirs, whatever the model reads
    (0.1, RULE, "rules"),
    (0.1, None, "model"),  # the rules found nothing, the model is sure of a happening
    (0.3, None, None),  # nor is the model sure enough (threshold 0.2)
])
def test_rules_first_gives_the_model_only_what_the_rules_left(p_none, rule, expected) -> None:
    assert decide(_reading(p_none, 0.9), rule, HybridSettings(0.2, rules_first=True)) == expected


SAME_TYPE = RuleGuess("REQUEST", "DIPLO", None)  # what _reading types


@pytest.mark.parametrize(("p_none", "share", "rule", "expected"), [
    (0.8, 0.9, RULE, None),  # the model is sure nothing happened: the rules' event goes
    (0.6, 0.9, RULE, "rules"),  # unsure either way: the rules'
    (0.1, 0.9, RULE, "model"),  # sure of a happening it types otherwise, and of its type
    (0.1, 0.5, RULE, "rules"),  # ... but not sure enough of its type
    (0.1, 0.9, SAME_TYPE, "rules"),  # the same type: the rules' event (with their roles)
    (0.1, 0.9, RuleGuess("REQUEST", "POLICY", None), "model"),  # another subtype is another type
    (0.3, 0.9, RULE, "rules"),  # not a happening by the fallback threshold: no retyping
    (0.1, 0.9, None, "model"),
])
def test_rules_first_model_overrules_only_where_it_is_sure(p_none, share, rule, expected) -> None:
    settings = HybridSettings(0.2, rules_first=True, overrule_above=0.7, retype_share=0.6)
    assert decide(_reading(p_none, share), rule, settings) == expected


@pytest.mark.parametrize(("p_none", "doubtful", "expected"), [
    (0.95, True, None),  # sure nothing happened, and the parse puts it in doubt: the rules' event goes
    (0.95, False, "rules"),  # sure nothing happened, but the parse reads plain news: the rules'
    (0.5, True, "rules"),  # in doubt, but the model is not sure
])
def test_rules_first_overrules_only_what_the_parse_doubts(p_none, doubtful, expected) -> None:
    settings = HybridSettings(0.2, rules_first=True, overrule_above=0.9, overrule_needs_doubt=True)
    assert decide(_reading(p_none, 0.9), RULE, settings, doubtful=doubtful) == expected
    everywhere = replace(settings, overrule_needs_doubt=False)
    assert decide(_reading(p_none, 0.9), RULE, everywhere, doubtful=doubtful) == (None if p_none > 0.9 else "rules")


def test_a_rule_event_is_open_to_doubt_by_a_cue_or_by_a_deep_trigger() -> None:
    from streams.tagging.events.hybrid import open_to_doubt

    by_cue = HybridSettings(0.2, rules_first=True, overrule_above=0.9, overrule_needs_doubt=True)
    assert open_to_doubt(["GOV:SAY", "NEG"], 0, by_cue)
    assert not open_to_doubt(["GOV:SAY", "GOVTENSE:VBD"], 3, by_cue)  # depth off: plain news
    by_depth = replace(by_cue, overrule_depth=2)
    assert open_to_doubt(["GOV:SAY"], 2, by_depth) and open_to_doubt([], 4, by_depth)
    assert not open_to_doubt(["GOV:SAY"], 1, by_depth) and not open_to_doubt([], None, by_depth)
    assert HybridSettings.of({"rules_first": True, "overrule_depth": 2}).overrule_depth == 2
    assert HybridSettings.of({"rules_first": True, "overrule_depth": None}).overrule_depth is None
    with pytest.raises(ValueError, match="overrule_depth must be a number of links"):
        HybridSettings.of({"rules_first": True, "overrule_depth": 0.5})


def test_a_rule_event_of_a_listed_category_is_open_to_doubt_whatever_the_parse() -> None:
    from streams.tagging.events.hybrid import open_to_doubt

    settings = HybridSettings.of({"rules_first": True, "overrule_above": 0.9, "overrule_needs_doubt": True,
                                  "overrule_without_doubt": ["ASSAULT", "COERCE"]})
    assert settings.overrule_without_doubt == {"ASSAULT", "COERCE"}
    plain_news = ["GOV:SAY", "GOVTENSE:VBD"]
    assert open_to_doubt(plain_news, 0, settings, category="ASSAULT")
    assert not open_to_doubt(plain_news, 0, settings, category="ACCUSE")
    assert not open_to_doubt(plain_news, 0, settings)  # no rule event: nothing to overrule
    assert open_to_doubt(["NEG"], 0, settings, category="ACCUSE")  # a doubt cue still opens any
    assert HybridSettings.of({"rules_first": True, "overrule_without_doubt": None}).overrule_without_doubt == set()
    with pytest.raises(ValueError, match="not PLOVER categories"):
        HybridSettings.of({"rules_first": True, "overrule_without_doubt": ["AIR_STRIKE"]})


def test_doubt_cues_leave_out_the_governors_tense_and_plain_saying() -> None:
    from streams.tagging.events.realis_scope import doubt_cues

    assert doubt_cues(["GOV:SAY", "GOVTENSE:VBD"]) == []  # "police said they arrested ..."
    assert doubt_cues(["GOV:SAY", "GOVTENSE:VBD", "NEG", "GOV:ALLEGE"]) == ["NEG", "GOV:ALLEGE"]
    # a happening stated as given in a clause of reason: only the whole line's cues reach it
    assert doubt_cues(["GOV:OPINION", "GOV1:OPINION", "HEADLINE"], given=True) == ["HEADLINE"]


def test_rules_first_options_are_probabilities_or_null() -> None:
    settings = HybridSettings.of({"rules_first": True, "fallback_threshold": 0.35, "overrule_above": 0.7,
                                  "retype_share": None, "model_veto": ["FUT"]})
    assert (settings.threshold, settings.overrule_above, settings.retype_share) == (0.35, 0.7, NEVER)
    assert settings.veto == {"FUT"} and settings.model_reads_all
    assert not HybridSettings.of({"rules_first": True}).model_reads_all  # the model fills gaps only
    # overruling only where the parse doubts: the model reads those of the rules' sentences only
    doubting = HybridSettings.of({"rules_first": True, "overrule_above": 0.9, "overrule_needs_doubt": True})
    assert doubting.overrule_needs_doubt and doubting.model_reads_doubtful and not doubting.model_reads_all
    with pytest.raises(ValueError, match="overrule_above must be a probability"):
        HybridSettings.of({"rules_first": True, "overrule_above": 70})


def test_the_hybrid_events_component_tags_an_article() -> None:
    from streams.tagging.events import HybridEventExtractor

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "The ministry plans to open a new road next year.")
    # the model first (rules_first off); rules survive wherever they fire, and type wherever
    # they fire: the rules' own event
    tagger = events_tagger("events.hybrid", rules_first=False, rule_floor=1.01, type_share=1.01)
    component = tagger.component("events")
    assert isinstance(component, HybridEventExtractor)
    assert (component.settings.rule_floor, component.settings.type_share) == (1.01, 1.01)
    (event,) = tag(tagger, body).events
    assert event == tag(events_tagger("events.taxonomy"), body).events[0]  # the rules' event, all of it
    assert event.sentence.text.startswith("Police arrested") and event.date == "2026-03-10"
    # the model first with its CV-chosen thresholds
    (same,) = tag(events_tagger("events.hybrid", rules_first=False), body).events
    assert (same.category, same.subtype, same.mode) == ("COERCE", "ARREST", "arrest")


def test_rules_first_reads_the_rules_as_the_rules_path_does_and_fills_the_gaps() -> None:
    from streams.tagging.events import HybridEventExtractor

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "Rebels stormed the town of Kiwanja in 2019.")
    rules = tag(events_tagger("events.taxonomy"), body).events
    assert [e.sentence.text[:6] for e in rules] == ["Police"]  # "in 2019" vetoes the storming
    # a fallback threshold no reading fails and no model_veto: the model's event wherever the rules
    # found none (and the model overrules no rule event)
    hybrid = events_tagger("events.hybrid", rules_first=True, fallback_threshold=1.01,
                           overrule_above=None, retype_share=None, model_veto=[])
    component = hybrid.component("events")
    assert isinstance(component, HybridEventExtractor) and component.rules_veto
    events = tag(hybrid, body).events
    assert events[0] == rules[0]  # the rules' event, all of it
    assert [e.sentence.text[:6] for e in events] == ["Police", "Rebels"]
    never = tag(events_tagger("events.hybrid", rules_first=True, fallback_threshold=0.0,
                              overrule_above=None, retype_share=None), body).events
    assert never == rules  # a model that never says a happening leaves the rules path as it is


def test_the_fallback_weight_is_a_factor_on_a_confidence() -> None:
    assert HybridSettings.of({"rules_first": True, "fallback_weight": 0.6}).fallback_weight == 0.6
    assert HybridSettings.of({"rules_first": True, "fallback_weight": None}).fallback_weight == 1.0
    for wrong in (0, 1.5, "half", True):
        with pytest.raises(ValueError, match="fallback_weight must be a factor above 0"):
            HybridSettings.of({"rules_first": True, "fallback_weight": wrong})


def test_the_models_fallback_events_rank_on_the_rules_scale() -> None:
    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "Rebels stormed the town of Kiwanja in 2019.")
    gaps = {"rules_first": True, "fallback_threshold": 1.01, "overrule_above": None,
            "retype_share": None, "model_veto": []}
    plain = tag(events_tagger("events.hybrid", **gaps, fallback_weight=None), body).events
    ranked = tag(events_tagger("events.hybrid", **gaps, fallback_weight=0.5), body).events
    assert [e.sentence.text[:6] for e in ranked] == ["Police", "Rebels"]
    assert ranked[0] == plain[0]  # the rules' event as it was
    # the model's event where the rules found none: the same event at half its confidence
    assert ranked[1].confidence == pytest.approx(plain[1].confidence * 0.5, abs=0.001)
    assert ranked[1].model_copy(update={"confidence": plain[1].confidence}) == plain[1]


# the hand overrule alone: the learned arbiter (events/arbiter.py) decides the rules' events of
# material acts where it is configured, whatever the overrule options say
HAND = ("arbiter",)


def test_rules_first_model_overrules_and_its_events_pass_the_veto() -> None:
    from streams.tagging.events import HybridEventExtractor

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "Rebels stormed the town of Kiwanja in 2019.")
    # a model "sure" that nothing happened anywhere (every "no event" probability is above 0):
    # no rule event survives
    assert tag(events_tagger("events.hybrid", without=HAND, rules_first=True, overrule_above=0.0,
                             overrule_needs_doubt=False), body).events == []
    # the model's event where the rules found none, unless the parse vetoes it ("in 2019")
    gaps = events_tagger("events.hybrid", without=HAND, rules_first=True, fallback_threshold=1.01,
                         overrule_above=None, retype_share=None, model_veto=["IN_YEAR"])
    assert [e.sentence.text[:6] for e in tag(gaps, body).events] == ["Police"]
    # as shipped, the model's events pass the rules' own veto cues (model_veto = rule_veto)
    shipped = events_tagger("events.hybrid", without=HAND, fallback_threshold=1.01)
    component = shipped.component("events")
    assert isinstance(component, HybridEventExtractor)
    assert component.settings.veto == component.rules_veto
    assert [e.sentence.text[:6] for e in tag(shipped, body).events] == ["Police"]
    # every reading "sure" of its type: the model's event wherever it types otherwise than the rules
    retyped = events_tagger("events.hybrid", without=HAND, rules_first=True, fallback_threshold=1.01,
                            overrule_above=None, retype_share=0.0, model_veto=[])
    model = tag(events_tagger("events.trained", threshold=1.01, veto=[]), body).events
    assert [(e.sentence.text[:6], e.category, e.subtype) for e in tag(retyped, body).events] == \
        [(e.sentence.text[:6], e.category, e.subtype) for e in model]


def test_rules_first_overrules_only_the_sentences_whose_parse_shows_a_doubt() -> None:
    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "Rebels accused the army of shelling the town of Kiwanja on Monday.")
    rules = tag(events_tagger("events.taxonomy"), body).events
    assert [(e.sentence.text[:6], e.category) for e in rules] == [("Police", "COERCE"), ("Rebels", "ACCUSE")]
    # a model "sure" that nothing happened anywhere may overrule only the second sentence, whose
    # parse puts the shelling under a verb of alleging; the arrest is plain news
    doubting = events_tagger("events.hybrid", without=HAND, rules_first=True, overrule_above=0.0,
                             overrule_needs_doubt=True, overrule_without_doubt=[])
    assert tag(doubting, body).events == rules[:1]
    # with the arrest's category open to the overrule whatever the parse says, both go
    by_category = events_tagger("events.hybrid", without=HAND, rules_first=True, overrule_above=0.0,
                                overrule_needs_doubt=True, overrule_without_doubt=["COERCE"])
    assert tag(by_category, body).events == []
    # ... and an accusation's category leaves the plain arrest alone
    by_other = events_tagger("events.hybrid", without=HAND, rules_first=True, overrule_above=0.0,
                             overrule_needs_doubt=True, overrule_without_doubt=["ACCUSE"])
    assert tag(by_other, body).events == rules[:1]


def test_rules_first_overrules_a_rule_event_whose_trigger_sits_deep() -> None:
    body = "Police arrested 14 protesters in Nairobi on Tuesday. Residents fled after the shelling of the market."
    # "shelling" hangs two links below "fled" (after -> shelling), "arrested" is the root: a model
    # "sure" that nothing happened anywhere overrules only the deep trigger, and only from two links
    def triggers(**options: object) -> list[str]:
        return [e.trigger for e in tag(events_tagger("events.hybrid", without=HAND, overrule_above=0.0,
                                                     overrule_without_doubt=[], **options), body).events]

    assert triggers(overrule_depth=None) == ["arrested", "shelling"]  # as shipped: no doubt cue either
    assert triggers(overrule_depth=2) == ["arrested"]
    assert triggers(overrule_depth=3) == ["arrested", "shelling"]


def test_cross_validation_reads_rules_model_and_hybrid_from_the_same_readings() -> None:
    from wirewatch.evaluation.event_typing import CvReadings, Prediction, cv_predictions
    from wirewatch.training.corpus import Sentence

    gold = [Sentence(0, 10, "x", True, "ASSAULT", "AIR_STRIKE", "drone", True)] * 3
    readings = [_reading(0.2, 0.9), _reading(0.7, 0.9), _reading(0.9, 0.9)]
    cv = CvReadings(gold, [RULE, RULE, None], readings)
    model, rule, none = (Prediction("REQUEST", "DIPLO", None), Prediction("ASSAULT", "AIR_STRIKE", "drone"),
                         Prediction(None, None, None))
    assert cv_predictions(cv, "rules") == [rule, rule, none]
    assert cv_predictions(cv, "trained") == [model, none, none]
    assert cv_predictions(cv, "hybrid") == cv_predictions(cv, "trained")  # the CV-chosen defaults
    assert cv_predictions(cv, "hybrid", HybridSettings(DEFAULT_THRESHOLD, rule_floor=0.8)) == [model, rule, none]
    first = HybridSettings(0.35, rules_first=True, overrule_above=0.8, retype_share=0.6)
    assert cv_predictions(cv, "hybrid", first) == [model, rule, none]  # retyped, kept, no rule
    # the model's event passes the veto: "in 2019" vetoes the retyping (and leaves no event), "must"
    # spares a REQUEST (a demand made), "will" no longer does (a request to come is a plan: session 26)
    in_2019 = CvReadings(gold, [RULE, RULE, None], readings, cues=[frozenset({"IN_YEAR"})] * 3)
    assert cv_predictions(in_2019, "hybrid", replace(first, veto=frozenset({"IN_YEAR"}))) == [none, rule, none]
    must = CvReadings(gold, [RULE, RULE, None], readings, cues=[frozenset({"MODAL"})] * 3)
    assert cv_predictions(must, "hybrid", replace(first, veto=frozenset({"MODAL"}))) == [model, rule, none]
    will = CvReadings(gold, [RULE, RULE, None], readings, cues=[frozenset({"FUT"})] * 3)
    assert cv_predictions(will, "hybrid", replace(first, veto=frozenset({"FUT"}))) == [none, rule, none]
    with pytest.raises(ValueError, match="no scope cues"):
        cv_predictions(cv, "hybrid", replace(first, veto=frozenset({"FUT"})))
    # overruling where the parse doubts: "said" is plain news, an allegation is a doubt
    doubting = HybridSettings(0.35, rules_first=True, overrule_above=0.8, overrule_needs_doubt=True)
    said = CvReadings(gold, [RULE, RULE, RULE], readings, cues=[frozenset({"GOV:SAY", "GOVTENSE:VBD"})] * 3)
    assert cv_predictions(said, "hybrid", doubting) == [rule, rule, rule]
    alleged = CvReadings(gold, [RULE, RULE, RULE], readings, cues=[frozenset({"GOV:ALLEGE"})] * 3)
    assert cv_predictions(alleged, "hybrid", doubting) == [rule, rule, none]
    with pytest.raises(ValueError, match="no scope cues"):
        cv_predictions(cv, "hybrid", doubting)
    # ... or whose rules' trigger sits deep (overrule_depth): "said" is plain, two links is deep
    deep = CvReadings(gold, [RULE, RULE, RULE], readings, cues=[frozenset({"GOV:SAY"})] * 3,
                      rule_links=[2, 2, 1])
    assert cv_predictions(deep, "hybrid", replace(doubting, overrule_depth=2)) == [rule, rule, rule]
    deeper = replace(deep, readings=[_reading(0.7, 0.9), _reading(0.95, 0.9), _reading(0.95, 0.9)])
    assert cv_predictions(deeper, "hybrid", replace(doubting, overrule_depth=2)) == [rule, none, rule]
    with pytest.raises(ValueError, match="no trigger depths"):
        cv_predictions(said, "hybrid", replace(doubting, overrule_depth=2))
