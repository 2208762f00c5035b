"""The trained event model: heads, features, decoding, the shipped weights and the corpus reader."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from streams.tagging.events import heads
from streams.tagging.events.classifier import (
    MODEL_DIR,
    EventClassifier,
    EventModelError,
    Reading,
    bag_of_ngrams,
)
from streams.tagging.events.features import NO_RULE, clause_features, rule_features
from streams.tagging.events.rules import SentenceMatches
from wirewatch.training import corpus
from wirewatch.training.events import REALIS_BAG, cats_of, labels


def _head(labels_: list[str]):
    nlp = spacy.blank("en")
    head = nlp.add_pipe(heads.FACTORY, name="category", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 1,
        "no_output_layer": False}})
    for name in labels_:
        head.add_label(name)
    return nlp, head


def test_a_head_checks_only_its_own_labels() -> None:
    nlp, head = _head(["CAT:NONE", "CAT:ASSAULT"])
    doc = nlp.make_doc("Gunmen attacked a village.")
    mixed = {"CAT:ASSAULT": 1.0, "CAT:NONE": 0.0, "SUB:ATTACK": 1.0, "MODE:firearms": 1.0}
    head._validate_categories([Example.from_dict(doc, {"cats": mixed})])  # other heads' labels
    with pytest.raises(ValueError, match="exactly one"):
        head._validate_categories([Example.from_dict(doc, {"cats": {"CAT:ASSAULT": 1.0,
                                                                    "CAT:NONE": 1.0}})])


def test_a_sentence_without_the_heads_labels_adds_no_loss() -> None:
    nlp, head = _head(["MODE:none", "MODE:drone"])
    nlp.initialize()
    doc = nlp.make_doc("Gunmen attacked a village.")
    example = Example.from_dict(doc, {"cats": {"CAT:ASSAULT": 1.0}})  # no mode given
    loss, gradient = head.get_loss([example], head.predict([doc]))
    assert loss == 0.0 and not gradient.any()


def test_labels_round_trip_and_empty_classes() -> None:
    assert heads.label(heads.REALIS, None) == "REALIS:NONE"
    assert heads.label(heads.REALIS, heads.EVENT) == "REALIS:EVENT"
    assert heads.label(heads.MODE, None) == "MODE:none"
    assert heads.value(heads.SUBTYPE, "SUB:AIR_STRIKE") == "AIR_STRIKE"
    assert heads.value(heads.MODE, "MODE:none") is None


def test_decoding_keeps_to_the_corpus_combinations() -> None:
    classifier = EventClassifier(None, [["ASSAULT", "AIR_STRIKE", "drone"],  # type: ignore[arg-type]
                                        ["PROTEST", "PEACE_PROTEST", "demo"]])
    labels = {"realis": ["REALIS:NONE", "REALIS:EVENT"], "category": ["CAT:ASSAULT", "CAT:PROTEST"],
              "subtype": ["SUB:AIR_STRIKE", "SUB:PEACE_PROTEST"], "mode": ["MODE:drone", "MODE:demo"]}
    scores = {"realis": numpy.array([[0.1, 0.9], [0.6, 0.4]]),
              "category": numpy.array([[0.55, 0.45], [0.7, 0.3]]),
              "subtype": numpy.array([[0.1, 0.9], [0.1, 0.9]]),
              "mode": numpy.array([[0.1, 0.9], [0.1, 0.9]])}
    reading, nothing = classifier.decode(scores, labels)
    # the subtype and mode heads outvote a narrow category lead; no ASSAULT/PEACE_PROTEST
    assert (reading.category, reading.subtype, reading.mode) == ("PROTEST", "PEACE_PROTEST", "demo")
    assert nothing.category is None and nothing.realis == pytest.approx(0.4)


def test_rule_features_name_what_the_rules_did() -> None:
    assert rule_features(SentenceMatches()) == [NO_RULE]


@pytest.fixture(scope="module")
def nlp():
    from core.settings import get_settings
    from streams.tagging.spacy_model import load_pipeline

    return load_pipeline(get_settings().spacy_model)


def test_clause_features_see_modals_and_reported_clauses(nlp) -> None:
    (sent,) = nlp("The army said it would strike the town.").sents
    features = clause_features(sent)
    assert "~COMPAUX:would" in features and any(f.startswith("~ROOT:") for f in features)


def test_dependency_features_read_tense_and_who_did_what(nlp) -> None:
    from streams.tagging.events.features import dependency_features

    def features(text: str) -> list[str]:
        (sent,) = nlp(text).sents
        return dependency_features(sent)

    reported = features("Police said they had arrested three men in Kano on Tuesday.")
    assert reported[0] == "~TENSE:PLUPERF"  # the reported clause's verb, not "said"
    assert "~VO:arrest|man" in reported and "~VP:arrest|on|~DATE" in reported
    assert features("The ministry did not respond to the request.")[0] == "~TENSE:PAST_NEG"
    assert features("The rebels will attack the town.")[0] == "~TENSE:FUT"
    assert "~COND" in features("The rebels threatened to attack the town if the army stayed.")
    passive = features("Protesters were dispersed by riot police with tear gas.")
    assert passive[0] == "~TENSE:PAST_PASS"
    assert "~VS:disperse|police" in passive and "~SUBJ:protester" in passive
    assert features("Russian missiles hit grain terminals at Odesa port.")[0] == "~TENSE:PAST"


def test_assertion_features_see_fragments_opinions_and_hedges(nlp) -> None:
    from streams.tagging.events.features import assertion_features
    from streams.tagging.events.rules import match_sentence
    from streams.tagging.events.taxonomy import load_taxonomy

    taxonomy = load_taxonomy()

    def features(text: str) -> list[str]:
        (sent,) = nlp(text).sents
        return assertion_features(sent, match_sentence(sent, taxonomy))

    assert "~LEN:1-4" in features("All rights reserved.")
    credit = features("Reporting by the Nairobi newsroom; editing by Anna Smith.")
    assert "~NOFINITE" in credit and "~NOSUBJ" in credit
    opinion = features("Analysts believe the militia attacked the convoy.")
    assert "~OPINION" in opinion and "~NOFINITE" not in opinion
    assert "~HEDGE" in features("Rebels reportedly attacked a purported arms depot near Goma.")
    relative = features("Residents fled the village that militiamen had attacked on Monday.")
    assert any(f.startswith("~TRIGIN:") for f in relative)
    assert "~TRIGMAIN" in features("Militiamen attacked the village of Kiwanja on Monday.")


def test_the_shipped_model_loads_and_reads_clear_sentences(nlp) -> None:
    from streams.tagging.events.features import sentence_features
    from streams.tagging.events.rules import match_sentence
    from streams.tagging.events.taxonomy import load_taxonomy

    classifier = EventClassifier.load(MODEL_DIR)
    taxonomy = load_taxonomy()
    texts = ["Police arrested 14 people in Nairobi on Tuesday.",
             "The ministry plans to open a new road next year."]
    docs = [heads.sentence_doc(classifier.nlp.vocab, s, sentence_features(s, match_sentence(s, taxonomy)))
            for s in (next(iter(nlp(t).sents)) for t in texts)]
    arrest, plan = classifier.read(docs)
    assert (arrest.category, arrest.subtype) == ("COERCE", "ARREST")
    assert plan.category is None and plan.realis < 0.5


def test_the_heads_count_the_ngrams_once_with_the_same_probabilities(nlp) -> None:
    classifier = EventClassifier.load(MODEL_DIR)
    pipes = {name: classifier.nlp.get_pipe(name) for name in ("realis", "category", "subtype", "mode")}
    # the shipped heads are bags of n-grams the classifier can share (else it reads head by head)
    assert all(bag_of_ngrams(pipe.model) is not None for pipe in pipes.values())
    texts = ["Police arrested 14 people in Nairobi on Tuesday.", "Rebels said they would attack the town.",
             "The ministry plans to open a new road next year.", "Floods killed nine people."]
    docs = [heads.sentence_doc(classifier.nlp.vocab, next(iter(nlp(t).sents))) for t in texts]
    shared = classifier.scores(docs)
    for name, pipe in pipes.items():
        if name != "realis":
            assert numpy.array_equal(shared[name], numpy.asarray(pipe.predict(docs))), name
    # the realis probabilities are the mean of the bag of realis heads, each trained with its own seed
    bag = heads.realis_bag(classifier.nlp.pipe_names)
    assert bag == ["realis", *(heads.bag_member(i) for i in range(1, REALIS_BAG))]
    each = [numpy.asarray(classifier.nlp.get_pipe(name).predict(docs)) for name in bag]
    assert numpy.array_equal(shared["realis"], numpy.mean(each, axis=0))
    assert not numpy.array_equal(each[0], each[1])  # the seeds made different heads
    # spaCy's default text classifier (an ensemble with a CNN) is no bag of n-grams to share
    assert bag_of_ngrams(spacy.blank("en").add_pipe("textcat").model) is None


def test_the_realis_bag_is_realis_then_its_numbered_members() -> None:
    assert heads.realis_bag(["realis", "category", "realis_2", "realis_1", "mode"]) == [
        "realis", "realis_1", "realis_2"]
    # a gap ends the bag: a member is only read after every one before it
    assert heads.realis_bag(["realis", "realis_2", "subtype"]) == ["realis"]
    assert heads.realis_bag(["category"]) == []


def test_a_realis_member_with_other_labels_is_refused() -> None:
    nlp = spacy.blank("en")
    for name, names in (("realis", ["REALIS:NONE", "REALIS:EVENT"]), ("realis_1", ["REALIS:EVENT", "REALIS:NONE"])):
        head = nlp.add_pipe(heads.FACTORY, name=name, config={"model": {
            "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 1,
            "no_output_layer": False}})
        for label_ in names:
            head.add_label(label_)
    with pytest.raises(EventModelError, match="realis_1"):
        EventClassifier(nlp, [])


def test_a_missing_model_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(EventModelError, match="make train"):
        EventClassifier.load(tmp_path)


def test_training_never_reads_the_frozen_set() -> None:
    with pytest.raises(corpus.CorpusError, match="frozen"):
        corpus.training_files(corpus.FROZEN_DIR)


def test_folds_are_whole_articles_and_stable() -> None:
    articles = corpus.read_team_tsv()[:50]
    folds = corpus.fold_of(articles)
    assert folds == corpus.fold_of(list(reversed(articles)))
    assert set(folds.values()) == set(range(corpus.FOLDS))


def test_groups_are_the_corpora_of_the_ids() -> None:
    articles = [a for a in corpus.training_articles() if a.id.endswith(("-0001", "-001"))]
    groups = corpus.group_of(articles)
    assert {"A", "B", "C", "D", "E", "F", "G", "M", "T"} <= set(groups.values())
    assert groups["tra-0001"] == "A" and groups["team-001"] == "T"


def test_corpus_j_pairs_each_hard_negative_with_a_happening_in_its_article() -> None:
    """Corpus J (README-corpus-j.md) is its own group, and every article of it holds both a
    happening and a realis-false hard negative, so the model sees the contrast, not the words."""
    articles = [a for a in corpus.training_articles() if a.id.startswith("trj-")]
    assert len(articles) == 60
    assert set(corpus.group_of(articles).values()) == {"J"}
    for article in articles:
        assert any(s.realis for s in article.sentences), article.id
        assert any(s.negative and not s.realis for s in article.sentences), article.id


def test_labels_become_one_hot_cats_per_head() -> None:
    names = labels()
    happening = corpus.Sentence(0, 5, "x", True, "ASSAULT", "AIR_STRIKE", None, has_mode=False)
    cats = cats_of(happening, names)
    assert cats["REALIS:EVENT"] == 1.0 and cats["REALIS:NONE"] == 0.0
    assert cats["CAT:ASSAULT"] == 1.0 and sum(v for k, v in cats.items() if k.startswith("CAT:")) == 1
    assert cats["SUB:AIR_STRIKE"] == 1.0 and not any(k.startswith("MODE:") for k in cats)
    nothing = corpus.Sentence(0, 5, "x", False, None, None, None, has_mode=True)
    # a negative teaches only the realis head: the typing heads always propose a type
    assert cats_of(nothing, names) == {"REALIS:NONE": 1.0, "REALIS:EVENT": 0.0}


def test_a_sentence_doc_is_lower_case_words_then_features() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Police", "fired", "."])
    assert [t.text for t in heads.sentence_doc(vocab, doc[:], ["~R:COERCE"])] == \
        ["police", "fired", ".", "~R:COERCE"]


def test_names_and_counts_are_read_as_their_kind() -> None:
    vocab = spacy.blank("en").vocab
    doc = Doc(vocab, words=["Tamsin", "Oduya", "said", "12", "people", "died", "in", "Bor", "."],
              ents=["B-PERSON", "I-PERSON", "O", "B-CARDINAL", "O", "O", "O", "B-GPE", "O"])
    assert heads.sentence_words(doc[:]) == ["~PER", "said", "~NUM", "people", "died", "in", "~GPE", "."]


def test_the_trained_events_component_tags_an_article() -> None:
    from datetime import UTC, datetime

    from core.settings import get_settings
    from schemas import RawArticle, article_id
    from streams.tagging.config import load_config
    from streams.tagging.events import TrainedEventExtractor
    from streams.tagging.tagger import Tagger

    body = ("Police arrested 14 protesters in Nairobi on Tuesday. "
            "The ministry plans to open a new road next year.")
    article = RawArticle(id=article_id(None, "", body), source="test:events", body=body,
                         published_at=datetime(2026, 3, 12, 12, tzinfo=UTC),
                         fetched_at=datetime(2026, 3, 12, 12, tzinfo=UTC))
    tagger = Tagger(get_settings().spacy_model,
                    config=load_config().with_factory("events", "events.trained"))
    assert isinstance(tagger.component("events"), TrainedEventExtractor)
    (event,) = tagger.tag(article).events
    assert (event.category, event.subtype, event.mode) == ("COERCE", "ARREST", "arrest")
    assert event.sentence.text.startswith("Police arrested") and event.date == "2026-03-10"


def test_a_bare_casualty_sentence_takes_the_means_of_the_assault_before() -> None:
    from types import SimpleNamespace
    from typing import Any, cast

    from streams.tagging.events.trained import inherit_means

    def reading(category: str, subtype: str, mode: str | None) -> Any:
        return Reading(realis=0.9, category=category, subtype=subtype, mode=mode, confidence=0.8)

    bare = SentenceMatches(kept=[cast(Any, SimpleNamespace(rule=SimpleNamespace(inherit=True)))])
    readings = [reading("ASSAULT", "AIR_STRIKE", "drone"), reading("ASSAULT", "ATTACK", None),
                reading("ASSAULT", "ATTACK", None)]
    out = inherit_means(readings, [SentenceMatches(), bare, SentenceMatches()])
    assert (out[1].subtype, out[1].mode) == ("AIR_STRIKE", "drone")  # "Similar incidents wounded ..."
    assert out[2].subtype == "ATTACK"  # no bare casualty verb: the model's own type


def test_who_took_the_ground_decides_the_territory_subtype() -> None:
    from datetime import UTC, datetime

    from core.settings import get_settings
    from schemas import RawArticle, article_id
    from streams.tagging.config import load_config
    from streams.tagging.tagger import Tagger

    tagger = Tagger(get_settings().spacy_model, config=load_config().with_factory("events", "events.trained"))
    cases = {  # written for this test; none comes from an evaluation set
        "Ethiopian federal forces took control of the town of Shire on Friday.": "GOV_REGAINS_TERIT",
        "Russian troops seized three villages in the Donetsk region on Tuesday.": "GOV_REGAINS_TERIT",
        "Al-Shabaab militants seized the town of Bulo Burde on Monday, residents said.":
            "NON_STATE_ACTOR_OVERTAKES_TER",
    }
    for body, subtype in cases.items():
        article = RawArticle(id=article_id(None, "", body), source="test:events", body=body,
                             fetched_at=datetime(2026, 3, 12, 12, tzinfo=UTC))
        assert [(e.category, e.subtype) for e in tagger.tag(article).events] == [("ASSAULT", subtype)], body


def test_rules_that_disagree_on_who_took_the_ground_leave_the_models_subtype() -> None:
    from types import SimpleNamespace
    from typing import Any, cast

    from streams.tagging.events.trained import subtype_by_actor

    def match(subtype: str, cued: bool) -> Any:
        return cast(Any, SimpleNamespace(subtype=subtype, rule=SimpleNamespace(subject_cues=("@GOV",) if cued else ())))

    gov, nonstate = "GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"
    assert subtype_by_actor(nonstate, SentenceMatches(kept=[match(gov, True)])) == gov
    assert subtype_by_actor(nonstate, SentenceMatches(kept=[match(gov, False)])) == nonstate
    assert subtype_by_actor(gov, SentenceMatches(kept=[match(gov, True), match(nonstate, True)])) == gov
    assert subtype_by_actor("ARMED_CLASH", SentenceMatches(kept=[match(gov, True)])) == "ARMED_CLASH"
