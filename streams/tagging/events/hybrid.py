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

With ``rules_first``, the other way round: the rules' events of a sentence where
they found one, else the model's event where it says a happening. The rules path
then reads as ``events.taxonomy`` does, with its ``rule_veto`` and
``depth_discount``; the model still reads the rules' matches before any veto. The
model may still overrule the rules of a sentence:

- ``overrule_above``: the model is this sure that nothing happened ("no event"
  probability above it): no event, whatever the rules found; with
  ``overrule_needs_doubt``, only where the rules' event is open to doubt
  (:func:`open_to_doubt`): the parse puts the happening in doubt
  (:func:`~streams.tagging.events.realis_scope.doubt_cues`: a negation, "will", a
  verb of alleging or hoping over it, a date before the news ...), or the rules' top
  trigger sits ``overrule_depth`` links or more below the sentence's root (a happening
  named inside a phrase or clause, not the one the sentence reports), or the rules' top
  event is of a category in ``overrule_without_doubt`` (acts the model tells from their
  background well: an attack, an arrest, a protest). The model then reads only those of the
  rules' sentences;
- ``retype_share``: the model says a happening (below ``fallback_threshold``), is
  this sure of its category (share above it) and types it otherwise than the
  rules' top event (category or subtype): the model's event.

Every event of the model's on this path passes the ``model_veto`` cues of the
parse (a year before the news, "will", a condition: see ``realis_scope``), as
``events.trained``'s pass its ``veto``. The model's event where the rules found none
(the fallback) has its confidence multiplied by ``fallback_weight``, how often such
events are right against the rules' (grouped CV), so that an article's events rank on
one scale.

The two thresholds are chosen by grouped cross-validation on the training corpus
only (``training/events/choose_hybrid.py``), never on a dev or the frozen set.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, NamedTuple

from spacy.tokens import Span

from schemas import PLOVER_CATEGORIES, Entity, Event, Place
from streams.tagging.config import ComponentConfig
from streams.tagging.events.arbiter import Arbiter, ArbiterInput, arbiter_input
from streams.tagging.events.classifier import DEFAULT_THRESHOLD, EventClassifier, Reading
from streams.tagging.events.extractor import learned_targets_of
from streams.tagging.events.ranking import MAX_LINKS, check_discount, links_to_root
from streams.tagging.events.realis_scope import (
    doubt_cues,
    in_given_clause,
    read_article_with_scope,
    scope_cues,
    veto_cues,
)
from streams.tagging.events.roles import MentionIndex
from streams.tagging.events.rules import Match, SentenceMatches
from streams.tagging.events.sentences import body_line_numbers
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
# With rules_first, the model's "no event" probability below which it gives an event to a sentence
# the rules found none in. Chosen the same way (choose_hybrid.py, grouped CV, objective as above,
# the rules with their shipped rule_veto and depth_discount; session 15): the rules alone 0.7822;
# rules first 0.8135 (0.02), 0.8165 (0.05), 0.8187 (0.10, 0.15), 0.8209 (0.20), 0.8201 (0.25),
# 0.8198 (0.30), 0.8203 (0.35), 0.8182 (0.50); every held-out corpus gains at 0.20.
# Session 20, with session 19's rules and veto and the model's events passing the rules' veto cues
# (model_veto = rule_veto): 0.8618 (0.20, no model_veto) -> 0.8645 (0.20), 0.8646 (0.25), 0.8647 (0.30).
DEFAULT_FALLBACK_THRESHOLD = 0.30
NEVER = 2.0  # a probability threshold nothing reaches: overrule_above and retype_share off
ALWAYS_TYPE = NEVER  # classifier threshold that never says "no event": every reading has a type

Source = Literal["model", "rules"] | None


@dataclass(frozen=True, slots=True)
class RuleGuess:
    """The rules' top event of a sentence."""

    category: str
    subtype: str | None
    mode: str | None


@dataclass(frozen=True, slots=True)
class HybridSettings:
    """Who decides, as the events component's options set it (see the module docstring)."""

    threshold: float
    rule_floor: float = DEFAULT_RULE_FLOOR
    type_share: float = DEFAULT_TYPE_SHARE
    rules_first: bool = False
    # rules_first only (see the module docstring)
    overrule_above: float = NEVER
    retype_share: float = NEVER
    overrule_needs_doubt: bool = False
    overrule_depth: int | None = None  # None: depth puts no event in doubt
    # the rules' categories whose events are open to the overrule without the parse's doubt
    overrule_without_doubt: frozenset[str] = frozenset()
    veto: frozenset[str] = frozenset()  # the model_veto option
    # rules_first only: the factor on the confidence of the model's event where the rules found
    # none (``fallback_weight``), so that an article's events rank on the rules' scale
    fallback_weight: float = 1.0

    @classmethod
    def of(cls, options: dict[str, Any]) -> HybridSettings:
        """The settings an events component's options give (``threshold``, ``rule_floor``,
        ``type_share``; with ``rules_first``, ``fallback_threshold`` is the threshold, and
        ``overrule_above``, ``overrule_needs_doubt``, ``overrule_depth``,
        ``overrule_without_doubt``, ``retype_share`` and ``model_veto`` apply)."""
        rules_first = bool(options.get("rules_first", False))
        if not rules_first:
            return cls(float(options.get("threshold", DEFAULT_THRESHOLD)),
                       float(options.get("rule_floor", DEFAULT_RULE_FLOOR)),
                       float(options.get("type_share", DEFAULT_TYPE_SHARE)))
        return cls(float(options.get("fallback_threshold", DEFAULT_FALLBACK_THRESHOLD)),
                   rules_first=True,
                   overrule_above=_probability(options, "overrule_above"),
                   retype_share=_probability(options, "retype_share"),
                   overrule_needs_doubt=bool(options.get("overrule_needs_doubt", False)),
                   overrule_depth=_links(options, "overrule_depth"),
                   overrule_without_doubt=_categories(options, "overrule_without_doubt"),
                   veto=veto_cues(options.get("model_veto"), "model_veto"),
                   fallback_weight=_weight(options, "fallback_weight"))

    @property
    def model_reads_all(self) -> bool:
        """Whether the model must read every sentence the rules found an event in too (with
        ``overrule_needs_doubt`` and no retyping, only those whose parse shows a doubt)."""
        return not self.rules_first or self.retype_share < 1.0 \
            or (self.overrule_above < 1.0 and not self.overrule_needs_doubt)

    @property
    def model_reads_doubtful(self) -> bool:
        """Whether the model reads the sentences the rules found an event in whose parse puts
        the happening in doubt (to overrule them)."""
        return self.model_reads_all or self.overrule_above < 1.0


def _probability(options: dict[str, Any], name: str) -> float:
    """An option that is a probability threshold; absent or null: never reached."""
    value = options.get(name)
    if value is None:
        return NEVER
    if not 0.0 <= float(value) <= 1.0:
        raise ValueError(f"events option {name} must be a probability between 0 and 1 "
                         f"(or null for never), not {value!r}")
    return float(value)


def _weight(options: dict[str, Any], name: str) -> float:
    """An option that is a factor on a confidence, above 0 and at most 1; absent or null: 1."""
    value = options.get(name)
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0.0 < float(value) <= 1.0:
        raise ValueError(f"events option {name} must be a factor above 0 and at most 1 "
                         f"(or null for 1), not {value!r}")
    return float(value)


def _links(options: dict[str, Any], name: str) -> int | None:
    """An option that counts dependency links (1 to ``MAX_LINKS``); absent or null: None."""
    value = options.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_LINKS:
        raise ValueError(f"events option {name} must be a number of links from 1 to {MAX_LINKS} "
                         f"(or null for never), not {value!r}")
    return value


def open_to_doubt(cues: Iterable[str], links: int | None, settings: HybridSettings,
                  given: bool = False, category: str | None = None) -> bool:
    """Whether the rules' event of a sentence is open to the model's overrule (with
    ``overrule_needs_doubt``): ``cues``, the sentence's realis scope cues, put the happening in
    doubt (:func:`~streams.tagging.events.realis_scope.doubt_cues`; ``given``: the rules' top
    trigger is in a clause that states it as given, which they reach less), or that trigger
    sits ``links`` links below the root, ``overrule_depth`` or more, or its ``category`` is
    one the model overrules without doubt (``overrule_without_doubt``)."""
    if category is not None and category in settings.overrule_without_doubt:
        return True
    deep = settings.overrule_depth is not None and links is not None and links >= settings.overrule_depth
    return deep or bool(doubt_cues(cues, given))


def decide(reading: Reading, rule: RuleGuess | None, settings: HybridSettings,
           doubtful: bool = True) -> Source:
    """Whose event a sentence gets (see the module docstring); ``None``: no event. A
    "model" answer is still subject to the ``veto`` of the parse (rules first).
    ``doubtful``: whether the rules' event is open to doubt (:func:`open_to_doubt`;
    ``overrule_needs_doubt``)."""
    p_none = 1.0 - reading.realis
    sure = p_none < settings.threshold and reading.category is not None
    if settings.rules_first:
        if rule is None:
            return "model" if sure else None
        if p_none > settings.overrule_above and (doubtful or not settings.overrule_needs_doubt):
            return None
        if sure and reading.share > settings.retype_share \
                and (reading.category, reading.subtype) != (rule.category, rule.subtype):
            return "model"
        return "rules"
    if sure:
        return "rules" if rule is not None and reading.share < settings.type_share else "model"
    if rule is not None and p_none < settings.rule_floor:
        return "rules"
    return None


def _categories(options: dict[str, Any], name: str) -> frozenset[str]:
    """An option that lists PLOVER categories; absent or null: none."""
    chosen = frozenset(options.get(name) or ())
    unknown = chosen - set(PLOVER_CATEGORIES)
    if unknown:
        raise ValueError(f"events option {name} lists {sorted(unknown)}, which are not PLOVER "
                         f"categories (known: {sorted(PLOVER_CATEGORIES)})")
    return chosen


def fallback_ranked(event: Event, weight: float) -> Event:
    """The model's fallback event (the rules found none in its line) with its confidence times
    ``weight``: the model's own confidence overstates how often such an event is right against
    the rules' events, and an article's events are ranked by confidence."""
    if weight == 1.0:
        return event
    return event.model_copy(update={"confidence": round(event.confidence * weight, 3)})


class HybridEventExtractor(TrainedEventExtractor):
    """The events component over the trained model and the rules (see the module docstring)."""

    def __init__(self, taxonomy: Taxonomy, classifier: EventClassifier, settings: HybridSettings,
                 rules_veto: Collection[str] = (), rules_depth_discount: float = 1.0) -> None:
        """``settings.threshold``: the model's "no event" probability below which it says a
        happening (with ``rules_first``, where the rules found nothing or it retypes them)."""
        # the model's events pass the parse's veto on the rules-first path only
        super().__init__(taxonomy, classifier, settings.veto if settings.rules_first else ())
        self.settings = settings
        # the rules path's own veto and ranking (rules_first only); ``rule_veto`` and
        # ``depth_discount`` of the base class stay empty, since the model reads raw matches
        self.rules_veto = frozenset(rules_veto) if settings.rules_first else frozenset()
        self.rules_depth_discount = check_discount(rules_depth_discount, "depth_discount") \
            if settings.rules_first else 1.0
        # rules first: the learned arbiter of the rules' events of its categories (arbiter.py);
        # set from the config's data file ``arbiter``. None: the hand overrule for every category
        self.arbiter: Arbiter | None = None

    @classmethod
    def from_config(cls, config: ComponentConfig,
                    resources: ResourceCache = RESOURCES) -> HybridEventExtractor:
        """The extractor over the config's taxonomy and model (options ``threshold``,
        ``rule_floor``, ``type_share``, ``rules_first``, and with it ``fallback_threshold``,
        ``overrule_above``, ``retype_share``, ``model_veto`` and the rules path's ``rule_veto``
        and ``depth_discount``: see the module docstring)."""
        taxonomy_path, model_path = config.file("taxonomy"), config.file("model")
        taxonomy = resources.get("taxonomy", Path(taxonomy_path).resolve(),
                                 lambda: load_taxonomy(taxonomy_path))
        classifier = resources.get("event model", (Path(model_path).resolve(), ALWAYS_TYPE),
                                   lambda: EventClassifier.load(model_path, ALWAYS_TYPE))
        options = config.options
        extractor = cls(taxonomy, classifier, HybridSettings.of(options),
                        rules_veto=veto_cues(options.get("rule_veto"), "rule_veto"),
                        rules_depth_discount=check_discount(options.get("depth_discount"), "depth_discount"))
        extractor.learned_targets = learned_targets_of(config, resources)
        if (path := config.data.get("arbiter")) is not None and extractor.settings.rules_first:
            extractor.arbiter = resources.get("arbiter", Path(path).resolve(), lambda: Arbiter.load(Path(path)))
        return extractor

    def _run(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
             article_id: str, entities: Sequence[Entity], places: Sequence[Place],
             published_at: datetime | None, news_year: int | None) -> list[tuple[Event, dict[str, Any]]]:
        index = MentionIndex(text, entities, places, self.taxonomy.demonyms, published_at,
                             self.learned_targets)
        rules_first = self.settings.rules_first
        ruled_sentences = sentences if not rules_first else read_article_with_scope(
            sentences, self.taxonomy, self.rules_veto, news_year, self.rules_depth_discount)
        # the sentences the rules find an event in (one for each match kept)
        ruled_some = {i for i, (sent, ruled) in enumerate(ruled_sentences)
                      if ruled.kept and text.mention(sent.start_char, sent.end_char) is not None}
        # rules first: the model reads the sentences the rules found nothing in, and those
        # it may overrule (every one, or with overrule_needs_doubt those open to doubt)
        settings = self.settings
        # what the doubt and the arbiter read of a sentence's top rule trigger, read once for both
        tops: dict[int, _TopTrigger] = {}

        def top_of(i: int) -> _TopTrigger:
            if i not in tops:
                tops[i] = _top_trigger(*ruled_sentences[i], news_year)
            return tops[i]

        doubtful = {i for i in ruled_some if settings.model_reads_doubtful
                    and (not settings.overrule_needs_doubt or self._open_to_doubt(top_of(i)))}
        # the sentences whose rules' event the arbiter decides (the model reads them all): in the
        # body, as those it was fitted on (a title keeps the hand policy: "Fourteen soldiers killed")
        arbiter = self.arbiter
        arbitrated = {i for i in ruled_some if arbiter is not None
                      and ruled_sentences[i][0].start_char >= text.body_offset
                      and (best := _top_match(ruled_sentences[i][1])) is not None
                      and arbiter.decides(best.rule.category)}
        to_read = [i for i, (sent, _) in enumerate(sentences)
                   if settings.model_reads_all or i in doubtful or i in arbitrated or i not in ruled_some]
        readings = dict(zip(to_read, self._readings([sentences[i] for i in to_read]), strict=True))
        # where each line sits in the body, for the arbiter (sentences.body_line_numbers)
        lines = [sent for sent, _ in sentences]
        line_numbers = body_line_numbers(lines, text.body_offset, [line.start_char for line in lines])
        # one index for both, the roles read in text order: a statement, whichever path types it,
        # is about an act either path read before it (the rules' events of a sentence first, so
        # the rules over all sentences as before: a bare "killed" still takes its means from before)
        rule_events = self._rule_events_by_sentence(ruled_sentences, text, article_id, index)
        out: list[tuple[Event, dict[str, Any]]] = []
        for number, (sent, matches) in enumerate(sentences):
            ruled = next(rule_events)
            reading = readings.get(number)
            if reading is None:  # rules first, and the rules found an event
                out += ruled
                continue
            top = max(ruled, key=lambda found: found[0].confidence, default=None)
            guess = RuleGuess(top[0].category, top[0].subtype, top[0].mode) if top else None
            judged: float | None = None  # the arbiter's happening probability, where it decides
            if number in arbitrated and guess is not None and arbiter is not None:
                judged = arbiter.happening(self._arbiter_input(top_of(number), reading, guess, number in doubtful,
                                                               line_numbers[number]))
                source: Source = "rules" if judged >= arbiter.threshold else None
            else:
                source = decide(reading, guess, self.settings, doubtful=number in doubtful)
            if source == "model" and reading.category is not None \
                    and self._vetoed(sent, reading.category, news_year):
                source = None
            if source == "model":
                found = self._model_event(sent, matches, reading, text, index, article_id,
                                          published_at)
                if rules_first and guess is None:  # the fallback: on the rules' scale
                    found = [(fallback_ranked(event, self.settings.fallback_weight), why)
                             for event, why in found]
                out += found
            elif source == "rules":
                note = f"rules kept (happening probability {reading.realis:.2f}" + \
                    (f", arbiter {judged:.2f})" if judged is not None else ")")
                out += [(event, {**why, "note": why["note"] or note}) for event, why in ruled]
        return out

    def _open_to_doubt(self, top: _TopTrigger) -> bool:
        """Whether the rules' event of a sentence, ``top`` its top trigger, is open to the model's
        overrule (:func:`open_to_doubt`)."""
        return open_to_doubt(top.cues, top.links, self.settings, top.given, top.category)

    def _arbiter_input(self, top: _TopTrigger, reading: Reading, guess: RuleGuess, doubtful: bool,
                       line_number: int | None) -> ArbiterInput:
        """What the arbiter reads of a sentence the rules found an event in, ``top`` its top trigger
        (as the grouped-CV readings it was fitted on hold it: wirewatch.evaluation.event_typing.cv_readings),
        ``line_number`` where the line sits in the body."""
        return arbiter_input(reading.realis, reading.category, guess.category, guess.subtype, top.cues, top.links,
                             top.given, doubtful or self._open_to_doubt(top), line_number)


class _TopTrigger(NamedTuple):
    """What the doubt and the arbiter read of the rules' top trigger of a sentence."""

    cues: list[str]  # the sentence's realis scope cues
    links: int | None  # from the trigger to its line's root
    given: bool  # the trigger sits in a clause stating it as given
    category: str | None


def _top_match(ruled: SentenceMatches) -> Match | None:
    """The rules' top match of a sentence (as the events rank)."""
    return max(ruled.kept, key=lambda match: match.confidence, default=None)


def _top_trigger(sent: Span, ruled: SentenceMatches, news_year: int | None) -> _TopTrigger:
    """What the doubt reads of the rules' top trigger of a sentence."""
    top = _top_match(ruled)
    links = links_to_root(top.anchor, sent) if top is not None else None
    given = top is not None and in_given_clause(top.anchor, sent)
    category = top.rule.category if top is not None else None
    return _TopTrigger(scope_cues(sent, news_year), links, given, category)
