"""Sentence events: what happened, typed with PLOVER categories and ACLED subtypes.

For each sentence that reports a happening (headings and verbless lines are
skipped), the taxonomy's rules (``streams/tagging/data/taxonomy.yaml``) find
triggers and type them; threats, allegations, denials, conditions and
negations cancel the violence they mention. Each kept trigger becomes one
:class:`~schemas.Event` per category, with actors and targets from the
dependency tree, places from the sentence (else the article's focus) and a
day resolved against the publication time. Everything reads the parse the
tagger already made: no second model pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from spacy.tokens import Doc, Span

from schemas import Entity, Event, Place, TaggedArticle, event_id
from schemas.articles import Category, Subtype
from streams.tagging.dates import resolve_date
from streams.tagging.event_roles import MentionIndex, event_roles
from streams.tagging.event_rules import Match, SentenceMatches, match_sentence
from streams.tagging.taxonomy import DEFAULT_TAXONOMY, Taxonomy, load_taxonomy
from streams.tagging.text import ArticleText

INHERIT_WINDOW = 2  # sentences back a bare "killed"/"wounded" may take its means from
_GENERIC = {None, "ATTACK", "OTHER"}
# Drop reasons too common to be worth a line in the explanation.
_UNREMARKABLE = {"no context cue", "no argument cue"}


def split_lines(sent: Span) -> list[Span]:
    """The sentence cut at line breaks: the parser often glues a heading to the next line."""
    pieces: list[Span] = []
    start = sent.start
    for token in sent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                pieces.append(sent.doc[start:end])
            start = token.i + 1
    if start < sent.end:
        pieces.append(sent.doc[start : sent.end])
    return [p for p in pieces if not all(t.is_space for t in p)]


HEADING_CAPS = 0.6  # share of capitalised words above which a verbless line is a heading


def reports_happening(sent: Span) -> bool:
    """False for headings ("Civilian Toll and Humanitarian Concerns").

    A heading has no verb and mostly capitalised words; a verbless line in
    sentence case ("Police detain protesters during a protest", where the
    model missed the verb) is still read.
    """
    if any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return True
    words = [t for t in sent if t.is_alpha]
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return bool(words) and capitalised / len(words) < HEADING_CAPS


class EventExtractor:
    """Finds event triggers in sentences and types them with the taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> EventExtractor:
        """The extractor over the bundled taxonomy (loaded once per process)."""
        return cls(load_taxonomy(DEFAULT_TAXONOMY))

    @classmethod
    def from_file(cls, path: Path) -> EventExtractor:
        """An extractor over another taxonomy file (e.g. an ops team's extension)."""
        return cls(load_taxonomy(path))

    def extract(self, doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                places: list[Place], published_at: datetime | None) -> list[Event]:
        """Events of one parsed article, in text order.

        Args:
            doc: the spaCy parse of ``text.text``.
            text: the article's combined text, to map spans back to fields.
            article_id: the contract's article id (part of each event id).
            entities: the article's entities (actors and targets are their ids).
            places: the article's places (actors, targets and ``place_ids``).
            published_at: publication time, for "on Tuesday" and "yesterday".
        """
        found = self._run(self._sentences(doc), text, article_id, entities, places, published_at)
        return [event for event, _ in found]

    def explain(self, doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                places: list[Place], published_at: datetime | None) -> list[dict[str, Any]]:
        """Why each event was found, and which triggers were dropped and why.

        Returns:
            One dict per sentence with a trigger: ``sentence`` (text), ``events``
            (event id, category, subtype, mode, trigger, rule, cues,
            confidence, actors, targets, place_ids, date, note) and ``dropped``
            (rule, trigger, reason).
        """
        sentences = self._sentences(doc)
        report: dict[int, dict[str, Any]] = {}
        for sent, matches in sentences:
            if matches.kept or matches.dropped:
                report[sent.start_char] = {
                    "sentence": sent.text.strip(), "events": [],
                    "dropped": [vars_of(d) for d in matches.dropped],
                }
        for event, why in self._run(sentences, text, article_id, entities, places, published_at):
            entry = report.setdefault(why.pop("sentence_start"), {"sentence": event.sentence.text,
                                                                   "events": [], "dropped": []})
            entry["events"].append({**event.model_dump(exclude={"sentence"}), **why})
        return list(report.values())

    def _sentences(self, doc: Doc) -> list[tuple[Span, SentenceMatches]]:
        lines = (line for sent in doc.sents for line in split_lines(sent))
        return [(s, match_sentence(s, self.taxonomy)) for s in lines if reports_happening(s)]

    def _run(self, sentences: list[tuple[Span, SentenceMatches]], text: ArticleText,
             article_id: str, entities: Sequence[Entity], places: Sequence[Place],
             published_at: datetime | None) -> list[tuple[Event, dict[str, Any]]]:
        index = MentionIndex(text, entities, places, self.taxonomy.demonyms)
        out: list[tuple[Event, dict[str, Any]]] = []
        recent: list[tuple[int, Match]] = []  # (sentence number, specific ASSAULT match)
        for number, (sent, matches) in enumerate(sentences):
            sentence = text.mention(sent.start_char, sent.end_char)
            if sentence is None:
                continue
            for match in matches.kept:
                subtype, mode, note = match.subtype, match.mode, None
                if match.rule.inherit and subtype in _GENERIC:
                    earlier = [m for n, m in recent if number - n <= INHERIT_WINDOW]
                    if earlier:
                        subtype, mode = earlier[-1].subtype, earlier[-1].mode
                        note = f"means taken from an earlier sentence ({earlier[-1].trigger!r})"
                if match.rule.category == "ASSAULT" and subtype not in _GENERIC and note is None:
                    recent.append((number, match))
                roles = event_roles(match.token, sent, index)
                anchor = match.token.idx - sent.start_char
                event = Event(
                    id=event_id(article_id, sent.start_char, match.rule.category),
                    # the taxonomy loader checks names against the contract; pydantic checks again
                    category=cast(Category, match.rule.category), mode=mode,
                    subtype=cast("Subtype | None", subtype), sentence=sentence,
                    trigger=match.trigger, actors=roles.actors, targets=roles.targets,
                    place_ids=roles.place_ids,
                    date=resolve_date(sent.text, published_at, anchor=anchor),
                    confidence=match.confidence,
                )
                why = {"rule": match.rule.name, "cues": list(match.cues), "note": note,
                       "sentence_start": sent.start_char}
                out.append((event, why))
        return out


def explain_tagged(nlp: Any, article: TaggedArticle) -> list[dict[str, Any]]:
    """:func:`explain_events` for an article already tagged (re-parses its text with ``nlp``).

    Costs one extra parse: meant for ``wirewatch tag --explain``, not the stream.
    """
    text = ArticleText(title=article.title, body=article.body)
    return explain_events(nlp(text.text), text, article_id=article.id, entities=article.entities,
                          places=article.places, published_at=article.published_at)


def format_explanation(report: list[dict[str, Any]]) -> list[str]:
    """Readable lines for an :meth:`EventExtractor.explain` report, one block per sentence."""
    lines: list[str] = []
    for entry in report:
        lines.append(f"sentence: {entry['sentence']}")
        for e in entry["events"]:
            extra = f"; {e['note']}" if e.get("note") else ""
            lines.append(
                f"  + {e['category']}/{e['subtype']} mode={e['mode']} trigger={e['trigger']!r} "
                f"rule={e['rule']} cues={e['cues']} confidence={e['confidence']} "
                f"actors={e['actors']} targets={e['targets']} places={e['place_ids']} "
                f"date={e['date']}{extra}"
            )
        for d in entry["dropped"]:
            if d["reason"] in _UNREMARKABLE:
                continue
            lines.append(f"  - {d['rule']}: {d['trigger']!r} dropped ({d['reason']})")
    return lines


def vars_of(dropped: Any) -> dict[str, str]:
    """A dropped trigger as a plain dict (rule, trigger, reason)."""
    return {"rule": dropped.rule, "trigger": dropped.trigger, "reason": dropped.reason}


def explain_events(doc: Doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                   places: list[Place], published_at: datetime | None) -> list[dict[str, Any]]:
    """:meth:`EventExtractor.explain` with the bundled taxonomy (for ``wirewatch tag --explain``)."""
    return EventExtractor.default().explain(
        doc, text, article_id=article_id, entities=entities, places=places,
        published_at=published_at,
    )
