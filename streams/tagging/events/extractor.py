"""Sentence events: what happened, typed with PLOVER categories and ACLED subtypes.

For each sentence that reports a happening (headings and verbless lines are
skipped), the taxonomy's rules (``streams/tagging/data/taxonomy.yaml``) find
triggers and type them; threats, allegations, denials, conditions and
negations cancel the violence they mention. Each kept trigger becomes one
:class:`~schemas.Event` per category, with actors and targets from the
dependency tree, places from the sentence (else the article's focus) and a
day resolved against the publication time. Everything reads the parse the
tagger already made: no second model pass.

The option ``rule_veto`` names realis scope cues
(:mod:`~streams.tagging.events.realis_scope`) that overrule a rule's event:
the parse says the sentence does not assert it ("has not commented on the
attack", "in 2019", "will strike"). The trained extractor reads the rules'
matches before any veto (they are its features) and has its own ``veto``.
The option ``depth_discount`` ranks a sentence's events by how near their
trigger sits to its root (:mod:`~streams.tagging.events.ranking`), so that the
happening the sentence reports, not one named inside it, is its top event.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, cast

from spacy.tokens import Doc, Span

from schemas import Entity, Event, Place, event_id
from schemas.articles import Category, Subtype
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig
from streams.tagging.events.dates import news_time
from streams.tagging.events.learned_targets import TargetModel
from streams.tagging.events.ranking import check_discount
from streams.tagging.events.realis_scope import read_article_with_scope, veto_cues, year_of_news
from streams.tagging.events.roles import MentionIndex, event_roles
from streams.tagging.events.rules import Match, SentenceMatches, match_sentence
from streams.tagging.events.sentences import read_lines
from streams.tagging.events.taxonomy import Taxonomy, load_taxonomy
from streams.tagging.resources import RESOURCES, ResourceCache
from streams.tagging.shared.text import ArticleText

INHERIT_WINDOW = 2  # sentences back a bare "killed"/"wounded" may take its means from
GENERIC_SUBTYPES = {None, "ATTACK", "OTHER"}


def learned_targets_of(config: ComponentConfig, resources: ResourceCache = RESOURCES) -> TargetModel | None:
    """The learned targets the config's data file ``target_model`` holds (None without one: the
    roles' readings alone name the targets)."""
    path = config.data.get("target_model")
    if path is None:
        return None
    return resources.get("learned targets", Path(path).resolve(), lambda: TargetModel.load(Path(path)))


class EventExtractor:
    """The events component: finds event triggers in sentences and types them with the taxonomy."""

    requires: tuple[str, ...] = ("places", "entities")
    # and the unnamed participants the events name ("two journalists", "a police station")
    provides: tuple[str, ...] = ("events", "entities", "places")

    def __init__(self, taxonomy: Taxonomy, rule_veto: Collection[str] = (), depth_discount: float = 1.0) -> None:
        self.taxonomy = taxonomy
        # the learned targets the roles add (learned_targets.py); set from the config's data file
        self.learned_targets: TargetModel | None = None
        self.rule_veto = frozenset(rule_veto)
        self.depth_discount = check_discount(depth_discount, "depth_discount")

    @classmethod
    def from_config(cls, config: ComponentConfig, resources: ResourceCache = RESOURCES) -> EventExtractor:
        """The extractor over the taxonomy file the config names, with its ``rule_veto`` cues
        and ``depth_discount``."""
        extractor = cls.from_file(config.file("taxonomy"), resources,
                                  rule_veto=veto_cues(config.options.get("rule_veto"), "rule_veto"),
                                  depth_discount=check_discount(config.options.get("depth_discount"), "depth_discount"))
        extractor.learned_targets = learned_targets_of(config, resources)
        return extractor

    @classmethod
    def from_file(cls, path: Path, resources: ResourceCache = RESOURCES,
                  rule_veto: Collection[str] = (), depth_discount: float = 1.0) -> EventExtractor:
        """An extractor over a taxonomy file (the bundled one or an ops team's extension).

        Raises:
            TaxonomyError: the file is missing or malformed.
        """
        return cls(resources.get("taxonomy", Path(path).resolve(), lambda: load_taxonomy(path)), rule_veto,
                   depth_discount)

    def __call__(self, work: Work) -> None:
        # the roles append the unnamed participants they name to these lists (roles.MentionIndex)
        entities, places = list(work.entities), list(work.places)
        work.events = self.extract(
            work.doc, work.text, article_id=work.article.id, entities=entities,
            places=places, published_at=work.article.published_at, fetched_at=work.article.fetched_at,
        )
        work.entities, work.places = entities, places

    def extract(self, doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                places: list[Place], published_at: datetime | None,
                fetched_at: datetime | None = None) -> list[Event]:
        """Events of one parsed article, in text order.

        Args:
            doc: the spaCy parse of ``text.text``.
            text: the article's combined text, to map spans back to fields.
            article_id: the contract's article id (part of each event id).
            entities: the article's entities (actors and targets are their ids); a list gets
                the unnamed participants the events name appended.
            places: the article's places (actors, targets and ``place_ids``); a list
                likewise gets the unnamed facilities and objects.
            published_at: publication time, for "on Tuesday" and "yesterday"; without one, the
                day the body's dateline gives (:func:`~streams.tagging.events.dates.news_time`).
            fetched_at: when the article came in: the day of its news when it has no
                ``published_at``, for telling the news from background ("in 2019").
        """
        published_at = news_time(text.body, published_at, fetched_at)
        news_year = year_of_news(published_at, fetched_at)
        found = self._run(self._sentences(doc, news_year), text, article_id, entities, places, published_at,
                          news_year)
        return [event for event, _ in found]

    def explain(self, doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                places: list[Place], published_at: datetime | None,
                fetched_at: datetime | None = None) -> list[dict[str, Any]]:
        """Why each event was found, and which triggers were dropped and why.

        Returns:
            One dict per sentence with a trigger: ``sentence`` (text), ``events``
            (event id, category, subtype, mode, trigger, rule, cues,
            confidence, actors, targets, place_ids, date, note) and ``dropped``
            (rule, trigger, reason).
        """
        published_at = news_time(text.body, published_at, fetched_at)
        news_year = year_of_news(published_at, fetched_at)
        sentences = self._sentences(doc, news_year)
        report: dict[int, dict[str, Any]] = {}
        for sent, matches in sentences:
            if matches.kept or matches.dropped:
                report[sent.start_char] = {
                    "sentence": sent.text.strip(), "events": [],
                    "dropped": [vars_of(d) for d in matches.dropped],
                }
        for event, why in self._run(sentences, text, article_id, entities, places, published_at, news_year):
            entry = report.setdefault(why.pop("sentence_start"), {"sentence": event.sentence.text,
                                                                   "events": [], "dropped": []})
            entry["events"].append({**event.model_dump(exclude={"sentence"}), **why})
        return list(report.values())

    def _sentences(self, doc: Doc, news_year: int | None) -> list[tuple[Span, SentenceMatches]]:
        # the trained extractors (no rule_veto, no depth_discount) read the rules' matches as they are
        return read_article_with_scope([(s, match_sentence(s, self.taxonomy)) for s in read_lines(doc)],
                                       self.taxonomy, self.rule_veto, news_year, self.depth_discount)

    def _run(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
             article_id: str, entities: Sequence[Entity], places: Sequence[Place],
             published_at: datetime | None, news_year: int | None) -> list[tuple[Event, dict[str, Any]]]:
        index = MentionIndex(text, entities, places, self.taxonomy.demonyms, published_at,
                             self.learned_targets)
        return self._rule_events(sentences, text, article_id, index)

    def _rule_events(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
                     article_id: str, index: MentionIndex) -> list[tuple[Event, dict[str, Any]]]:
        """The rules' events of the sentences, their roles read over ``index``."""
        return [found for events in self._rule_events_by_sentence(sentences, text, article_id, index)
                for found in events]

    def _rule_events_by_sentence(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
                                 article_id: str, index: MentionIndex) -> Iterator[list[tuple[Event, dict[str, Any]]]]:
        """The rules' events of each sentence in turn (an empty list where they found none), their
        roles read over ``index`` as the sentence is reached: the hybrid shares the index with the
        model's events and reads both in text order, so that a statement knows the acts told
        before it, whichever path read them ("Kiir reinstated three ministers. The U.N. welcomed
        the move.": the model's reinstating, then the rules' welcome)."""
        recent: list[tuple[int, Match]] = []  # (sentence number, specific ASSAULT match)
        for number, (sent, matches) in enumerate(sentences):
            out: list[tuple[Event, dict[str, Any]]] = []
            sentence = text.mention(sent.start_char, sent.end_char)
            if sentence is None:
                yield out
                continue
            for match in matches.kept:
                subtype, mode, note = match.subtype, match.mode, None
                if match.rule.inherit and subtype in GENERIC_SUBTYPES:
                    earlier = [m for n, m in recent if number - n <= INHERIT_WINDOW]
                    if earlier:
                        subtype, mode = earlier[-1].subtype, earlier[-1].mode
                        note = f"means taken from an earlier sentence ({earlier[-1].trigger!r})"
                if match.rule.category == "ASSAULT" and subtype not in GENERIC_SUBTYPES and note is None:
                    recent.append((number, match))
                roles = event_roles(match.anchor, sent, index, category=match.rule.category, subtype=subtype)
                event = Event(
                    id=event_id(article_id, sent.start_char, match.rule.category),
                    # the taxonomy loader checks names against the contract; pydantic checks again
                    category=cast(Category, match.rule.category), mode=mode,
                    subtype=cast("Subtype | None", subtype), sentence=sentence,
                    trigger=match.trigger, actors=roles.actors, targets=roles.targets,
                    place_ids=roles.place_ids,
                    date=roles.date,
                    confidence=match.confidence,
                )
                why = {"rule": match.rule.name, "cues": list(match.cues), "note": note,
                       "sentence_start": sent.start_char}
                out.append((event, why))
            yield out


def vars_of(dropped: Any) -> dict[str, str]:
    """A dropped trigger as a plain dict (rule, trigger, reason)."""
    return {"rule": dropped.rule, "trigger": dropped.trigger, "reason": dropped.reason}
