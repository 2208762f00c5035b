"""``wirewatch eval ner --set team``: entity span F1 on the frozen team places+entities set.

The set (``data/places/frozen/places-frozen-v1.jsonl``, see its data card
``data/places/DATA.md``) marks PERSON, ORG and GROUP mentions in 194 short
news paragraphs. Each paragraph becomes the body of a RawArticle (empty
title) and goes through the real :class:`Tagger`; predicted entity mentions
and gold mentions are compared as exact ``(field, start, end, type)`` tuples,
GROUP included. Places are not scored here (``wirewatch eval places`` does).

The bare spaCy model is scored beside it (PERSON -> PERSON, ORG -> ORG,
NORP -> GROUP), on the same texts.

The set is test-only: it is measured, never used to tune a rule.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from core.settings import REPO_ROOT
from schemas import RawArticle, article_id
from wirewatch.evaluation.ner import GoldDoc, Score, Span

TEAM_SET = REPO_ROOT / "data" / "places" / "frozen" / "places-frozen-v1.jsonl"
TEAM_TYPES = ("PERSON", "ORG", "GROUP")
_SPACY_TEAM_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP"}


def _article(doc: GoldDoc, n: int) -> RawArticle:
    return RawArticle(id=article_id(f"eval:team-entities:{n}"), source="eval:team-entities",
                      body=doc.body, fetched_at=datetime(2026, 1, 1, tzinfo=UTC))


def read_team(path: Path = TEAM_SET) -> list[GoldDoc]:
    """The team set's paragraphs as bodies with their gold entity spans."""
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        spans = frozenset(("body", e["start"], e["end"], e["type"]) for e in row["entities"])
        docs.append(GoldDoc(title="", body=row["text"], spans=spans))
    return docs


def wirewatch_entity_spans(tagged) -> set[Span]:
    """PERSON/ORG/GROUP mention spans of a TaggedArticle, named entities only.

    Unnamed actors ("police", "Kenyan police", "11 people": GROUPs from
    ``entities.nominals``, whose names hold a lower-case noun) are left out: the
    team set marks only named groups, as its data card says.
    """
    return {(m.field, m.start, m.end, e.type) for e in tagged.entities for m in e.mentions
            if e.type != "GROUP" or not _unnamed(e.name)}


def _unnamed(name: str) -> bool:
    return any(w[:1].islower() for w in name.split())


def spacy_entity_spans(doc) -> set[Span]:
    """PERSON/ORG/NORP spans of a bare spaCy doc over the body alone."""
    return {("body", e.start_char, e.end_char, _SPACY_TEAM_TYPES[e.label_])
            for e in doc.ents if e.label_ in _SPACY_TEAM_TYPES}


def evaluate(docs: list[GoldDoc], model_name: str) -> tuple[Score, Score]:
    """Score the wirewatch tagger and the bare spaCy model; returns (wirewatch, spacy)."""
    from streams.tagging.tagger import Tagger

    tagger = Tagger(model_name)
    articles = [_article(d, i) for i, d in enumerate(docs)]
    tagged = tagger.tag_stream(articles, chunk=32)
    ours = Score.of(((wirewatch_entity_spans(t), d) for t, d in zip(tagged, docs, strict=True)),
                    TEAM_TYPES)
    bare_docs = tagger.nlp.pipe((d.body for d in docs), batch_size=32)
    bare = Score.of(((spacy_entity_spans(doc), d) for doc, d in zip(bare_docs, docs, strict=True)),
                    TEAM_TYPES)
    return ours, bare
