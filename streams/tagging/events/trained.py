"""The events component with the trained model deciding what happened (factory ``events.trained``).

Same sentences, roles and days as the rules component
(:class:`~streams.tagging.events.extractor.EventExtractor`); what changes is
who decides. The taxonomy's rules still run on each sentence, but only as
features (:mod:`streams.tagging.events.features`); the trained model
(:mod:`streams.tagging.events.classifier`) says whether the sentence reports a
happening and gives its one (category, subtype, mode). The trigger word that
roles are read from is the rule's trigger of that category when a rule found
one, else any rule trigger, else the sentence's main verb; a rule trigger in a
clause that describes a participant ("workers demanding wages") is passed over.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from spacy.tokens import Span, Token

from schemas import Entity, Event, Place, event_id
from schemas.articles import Category, Subtype
from streams.tagging.config import ComponentConfig
from streams.tagging.events.classifier import DEFAULT_THRESHOLD, EventClassifier, Reading
from streams.tagging.events.extractor import (
    GENERIC_SUBTYPES,
    INHERIT_WINDOW,
    EventExtractor,
    learned_targets_of,
)
from streams.tagging.events.fallbacks import reported_verb
from streams.tagging.events.features import sentence_features
from streams.tagging.events.heads import sentence_doc
from streams.tagging.events.realis_scope import scope_cues, veto_cues, vetoes
from streams.tagging.events.roles import MentionIndex, event_roles
from streams.tagging.events.rules import SentenceMatches
from streams.tagging.events.taxonomy import Taxonomy, load_taxonomy
from streams.tagging.resources import RESOURCES, ResourceCache
from streams.tagging.shared.text import ArticleText

# Categories whose event is the saying itself: "X said Y was behind the attack" is X's accusation.
SPEECH_ACTS = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"})
# ACLED tells these apart by who took the ground (state forces or anyone else), not by the words
# for taking it; the model reads words, the rules' subject cues (@GOV, @NONSTATE) read the subject.
BY_WHO_TOOK_IT = frozenset({"GOV_REGAINS_TERIT", "NON_STATE_ACTOR_OVERTAKES_TER"})


class TrainedEventExtractor(EventExtractor):
    """The events component over the trained model (see the module docstring)."""

    def __init__(self, taxonomy: Taxonomy, classifier: EventClassifier,
                 veto: Collection[str] = ()) -> None:
        super().__init__(taxonomy)
        self.classifier = classifier
        self.veto = frozenset(veto)

    @classmethod
    def from_config(cls, config: ComponentConfig,
                    resources: ResourceCache = RESOURCES) -> TrainedEventExtractor:
        """The extractor over the config's taxonomy file and model folder (option
        ``threshold``: probability of "no event" above which a sentence reports nothing; option
        ``veto``: the realis scope cues that overrule the model's event, see
        :mod:`~streams.tagging.events.realis_scope`)."""
        taxonomy_path, model_path = config.file("taxonomy"), config.file("model")
        threshold = float(config.options.get("threshold", DEFAULT_THRESHOLD))
        veto = veto_cues(config.options.get("veto"), "veto")
        taxonomy = resources.get("taxonomy", Path(taxonomy_path).resolve(),
                                 lambda: load_taxonomy(taxonomy_path))
        classifier = resources.get("event model", (Path(model_path).resolve(), threshold),
                                   lambda: EventClassifier.load(model_path, threshold))
        extractor = cls(taxonomy, classifier, veto)
        extractor.learned_targets = learned_targets_of(config, resources)
        return extractor

    def _run(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
             article_id: str, entities: Sequence[Entity], places: Sequence[Place],
             published_at: datetime | None, news_year: int | None) -> list[tuple[Event, dict[str, Any]]]:
        index = MentionIndex(text, entities, places, self.taxonomy.demonyms, published_at,
                             self.learned_targets)
        out: list[tuple[Event, dict[str, Any]]] = []
        for (sent, matches), reading in zip(sentences, self._readings(sentences), strict=True):
            if reading.category is not None and not self._vetoed(sent, reading.category, news_year):
                out += self._model_event(sent, matches, reading, text, index, article_id, published_at)
        return out

    def _vetoed(self, sent: Span, category: str, news_year: int | None) -> bool:
        """Whether the parse says the sentence does not assert its happening (a veto cue of
        the config, e.g. the happening's verb under "denied" for an ASSAULT)."""
        return bool(self.veto) and vetoes(scope_cues(sent, news_year), category, self.veto)

    def _readings(self, sentences: list[tuple[Span, SentenceMatches]]) -> list[Reading]:
        """The model's reading of each sentence, in order, from its words and rule features;
        a bare casualty sentence takes its means from before (:func:`inherit_means`)."""
        vocab = self.classifier.nlp.vocab
        readings = self.classifier.read([sentence_doc(vocab, sent, sentence_features(sent, matches))
                                         for sent, matches in sentences])
        return inherit_means(readings, [matches for _, matches in sentences])

    def _model_event(self, sent: Span, matches: SentenceMatches, reading: Reading,
                     text: ArticleText, index: MentionIndex, article_id: str,
                     published_at: datetime | None) -> list[tuple[Event, dict[str, Any]]]:
        """The model's event of one sentence (none when the sentence is outside the text)."""
        sentence = text.mention(sent.start_char, sent.end_char)
        if reading.category is None or sentence is None:
            return []
        token, trigger = _anchor(sent, matches, reading)
        subtype = subtype_by_actor(reading.subtype, matches)
        roles = event_roles(token, sent, index, category=reading.category, subtype=subtype)
        event = Event(
            id=event_id(article_id, sent.start_char, reading.category),
            # the model's labels are contract codes (its heads are built from schemas)
            category=cast(Category, reading.category), mode=reading.mode,
            subtype=cast("Subtype | None", subtype), sentence=sentence,
            trigger=trigger, actors=roles.actors, targets=roles.targets,
            place_ids=roles.place_ids,
            date=roles.date,
            confidence=reading.confidence,
        )
        why = {"rule": "trained model", "cues": sentence_features(sent, matches),
               "note": f"happening probability {reading.realis:.2f}",
               "sentence_start": sent.start_char}
        return [(event, why)]


def subtype_by_actor(subtype: str | None, matches: SentenceMatches) -> str | None:
    """The model's territory subtype, or the other one where a rule whose subject cues say who
    took the ground fired ("Ethiopian federal forces took control of Shire": @GOV, so
    GOV_REGAINS_TERIT whatever the words suggest). Rules without subject cues say nothing
    about who, and two rules that disagree leave the model's reading."""
    if subtype not in BY_WHO_TOOK_IT:
        return subtype
    by_subject = {m.subtype for m in matches.kept if m.rule.subject_cues and m.subtype in BY_WHO_TOOK_IT}
    return by_subject.pop() if len(by_subject) == 1 else subtype


def inherit_means(readings: Sequence[Reading], matches: Sequence[SentenceMatches]) -> list[Reading]:
    """Readings where a generic assault ("Similar incidents wounded residents": ATTACK) whose
    trigger is a bare casualty verb (a rule with ``inherit``) takes the subtype and mode of the
    model's last specific assault up to ``INHERIT_WINDOW`` sentences before, as the rules do:
    a sentence alone does not say that the wounding was done by the drones of the one before."""
    out: list[Reading] = []
    recent: list[tuple[int, Reading]] = []
    for number, (reading, found) in enumerate(zip(readings, matches, strict=True)):
        if reading.category == "ASSAULT" and reading.subtype not in GENERIC_SUBTYPES:
            recent.append((number, reading))
        elif (reading.category == "ASSAULT" and any(m.rule.inherit for m in found.kept)
              and recent and number - recent[-1][0] <= INHERIT_WINDOW):
            reading = replace(reading, subtype=recent[-1][1].subtype, mode=recent[-1][1].mode)
        out.append(reading)
    return out


def _describes_participant(token: Token) -> bool:
    """Whether ``token`` sits in a clause that describes a noun ("workers demanding unpaid
    wages", "against [nurses demanding ...]", "a man convicted over his role in protests",
    "students who were protesting"): a rule trigger there tells who the participants are, not
    the sentence's happening. A past participle with an object is a main verb the parser hung on
    its subject ("militants abducted 15 farmers, officials said"), not a description."""
    for word in (token, *token.ancestors):
        if word.pos_ not in {"VERB", "AUX"}:
            continue
        if word.dep_ == "relcl" or (word.dep_ == "acl" and not (
                word.tag_ == "VBN" and any(c.dep_ == "dobj" for c in word.children))):
            return True
        if word.dep_ == "pcomp" and word.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in word.children):
            return True
    return False


def _anchor(sent: Span, matches: SentenceMatches, reading: Reading) -> tuple[Token, str | None]:
    """The token roles and the day are read from, and the trigger text."""
    same = [m for m in matches.kept if m.rule.category == reading.category]
    root = sent.root
    for match in same or matches.kept:
        if root.pos_ == "VERB" and _describes_participant(match.token):
            continue  # "used batons against workers demanding wages": the act is "used"
        return match.anchor, match.trigger
    if reading.category not in SPEECH_ACTS:  # "Belarus freed 14 prisoners, the opposition said"
        root = reported_verb(root)
    return root, root.text if root.pos_ in {"VERB", "NOUN", "AUX"} else None
