"""The events component where the trained model and the rules decide together (factory ``events.hybrid``).

The trained model (:mod:`streams.tagging.events.trained`) is better at telling a
happening from a plan, a threat of it or a denial, and at typing what the team
corpus covers; the rules still find statements and kinds of events the corpus
has few of. Per sentence:

1. the model says a happening ("no event" probability below ``threshold``): its
   event, unless the rules found one too and the model is unsure of the type
   (its category's share of the happening probability below ``type_share``):
   then the rules' events of the sentence;
2. the model says no happening but is not sure of it ("no event" probability
   below ``rule_floor``) and the rules found an event: the rules' events;
3. else nothing.

The two thresholds are chosen by grouped cross-validation on the training corpus
only (``training/events/choose_hybrid.py``), never on a dev or the frozen set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from spacy.tokens import Span

from schemas import Entity, Event, Place
from streams.tagging.config import ComponentConfig
from streams.tagging.events.classifier import DEFAULT_THRESHOLD, EventClassifier, Reading
from streams.tagging.events.extractor import EventExtractor
from streams.tagging.events.roles import MentionIndex
from streams.tagging.events.rules import SentenceMatches
from streams.tagging.events.taxonomy import Taxonomy, load_taxonomy
from streams.tagging.events.trained import TrainedEventExtractor
from streams.tagging.resources import RESOURCES, ResourceCache
from streams.tagging.shared.text import ArticleText

# Chosen by training/events/choose_hybrid.py (grouped CV on the training corpus, one corpus held
# out at a time; objective: mean of realis accuracy, category accuracy, subtype macro-F1,
# 1 - hard-negative errors, averaged over the held-out corpora), together with the realis
# threshold (classifier.DEFAULT_THRESHOLD, 0.35). The best triple keeps no rule event the model
# rejects and no rule type over the model's, so with these defaults the hybrid reads exactly as
# the trained model. Raising rule_floor to 0.5 trades hard-negative precision for recall of what
# the rules find (corpora E and F held out: objective 0.8959 -> 0.8942, hard-negative realis
# errors 0.081 -> 0.090).
DEFAULT_RULE_FLOOR = 0.0
DEFAULT_TYPE_SHARE = 0.0
ALWAYS_TYPE = 2.0  # classifier threshold that never says "no event": every reading has a type

Source = Literal["model", "rules"] | None


@dataclass(frozen=True, slots=True)
class RuleGuess:
    """The rules' top event of a sentence."""

    category: str
    subtype: str | None
    mode: str | None


def decide(reading: Reading, rule: RuleGuess | None, threshold: float, rule_floor: float,
           type_share: float) -> Source:
    """Whose event a sentence gets (see the module docstring); ``None``: no event."""
    p_none = 1.0 - reading.realis
    if p_none < threshold and reading.category is not None:
        return "rules" if rule is not None and reading.share < type_share else "model"
    if rule is not None and p_none < rule_floor:
        return "rules"
    return None


class HybridEventExtractor(TrainedEventExtractor):
    """The events component over the trained model and the rules (see the module docstring)."""

    def __init__(self, taxonomy: Taxonomy, classifier: EventClassifier, threshold: float = DEFAULT_THRESHOLD,
                 rule_floor: float = DEFAULT_RULE_FLOOR,
                 type_share: float = DEFAULT_TYPE_SHARE) -> None:
        super().__init__(taxonomy, classifier)
        self.threshold, self.rule_floor, self.type_share = threshold, rule_floor, type_share

    @classmethod
    def from_config(cls, config: ComponentConfig,
                    resources: ResourceCache = RESOURCES) -> HybridEventExtractor:
        """The extractor over the config's taxonomy and model (options ``threshold``,
        ``rule_floor``, ``type_share``: see the module docstring)."""
        taxonomy_path, model_path = config.file("taxonomy"), config.file("model")
        taxonomy = resources.get("taxonomy", Path(taxonomy_path).resolve(),
                                 lambda: load_taxonomy(taxonomy_path))
        classifier = resources.get("event model", (Path(model_path).resolve(), ALWAYS_TYPE),
                                   lambda: EventClassifier.load(model_path, ALWAYS_TYPE))
        options = config.options
        return cls(taxonomy, classifier,
                   threshold=float(options.get("threshold", DEFAULT_THRESHOLD)),
                   rule_floor=float(options.get("rule_floor", DEFAULT_RULE_FLOOR)),
                   type_share=float(options.get("type_share", DEFAULT_TYPE_SHARE)))

    def _run(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
             article_id: str, entities: Sequence[Entity], places: Sequence[Place],
             published_at: datetime | None) -> list[tuple[Event, dict[str, Any]]]:
        index = MentionIndex(text, entities, places, self.taxonomy.demonyms, published_at)
        readings = self._readings(sentences)
        by_sentence: dict[int, list[tuple[Event, dict[str, Any]]]] = {}
        # the rules over all sentences, so a bare "killed" still takes its means from before
        for event, why in EventExtractor._run(self, sentences, text, article_id, entities,
                                              places, published_at):
            by_sentence.setdefault(why["sentence_start"], []).append((event, why))
        out: list[tuple[Event, dict[str, Any]]] = []
        for (sent, matches), reading in zip(sentences, readings, strict=True):
            ruled = by_sentence.get(sent.start_char, [])
            top = max(ruled, key=lambda found: found[0].confidence, default=None)
            guess = RuleGuess(top[0].category, top[0].subtype, top[0].mode) if top else None
            source = decide(reading, guess, self.threshold, self.rule_floor, self.type_share)
            if source == "model":
                out += self._model_event(sent, matches, reading, text, index, article_id,
                                         published_at)
            elif source == "rules":
                note = f"rules kept (happening probability {reading.realis:.2f})"
                out += [(event, {**why, "note": why["note"] or note}) for event, why in ruled]
        return out
