"""Why each toponym got its reading: the report behind ``wirewatch tag --explain``.

For every toponym found: how it was found (the model's label or the
gazetteer), the cue words around it, and the top three candidates with
their scores in the context the article gave.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from schemas import TaggedArticle
from streams.tagging.places.finder import find_toponyms
from streams.tagging.places.resolve import resolve_with_context
from streams.tagging.places.resolver import PlaceResolver, peoples_named
from streams.tagging.places.score import rank
from streams.tagging.shared.text import ArticleText

TOP = 3


def explain_places(doc: Doc, text: ArticleText, resolver: PlaceResolver) -> list[dict[str, Any]]:
    """One entry per toponym: its text, source, cues, reading and top candidates with scores."""
    toponyms = find_toponyms(doc, resolver.gazetteer, resolver.stoplist)
    readings, merged, entries, contexts, qualifiers = resolve_with_context(
        toponyms, resolver.gazetteer, peoples_named(doc, toponyms, resolver.gazetteer))
    report = []
    for i, toponym in enumerate(merged):
        ranked = rank(toponym, entries[i], contexts.get(toponym.key), qualifiers[i])[:TOP]
        reading = readings[i]
        chosen = reading.candidate if reading is not None else None
        report.append({
            "text": text.text[toponym.start:toponym.end], "source": toponym.source,
            "label": toponym.label, "cues": sorted(toponym.cues),
            "reading": None if reading is None else {
                "id": chosen.id if chosen else None, "name": chosen.name if chosen else None,
                "confidence": reading.confidence},
            "candidates": [{"score": round(value, 2), "id": e.candidate.id, "name": e.candidate.name,
                            "feature": e.candidate.feature, "country_code": e.candidate.country_code,
                            "population": e.candidate.population, "weak": e.weak}
                           for value, e in ranked],
        })
    return report


def explain_tagged_places(nlp: Any, article: TaggedArticle, resolver: PlaceResolver) -> list[dict[str, Any]]:
    """:func:`explain_places` for an article already tagged (re-parses its text with ``nlp``)."""
    text = ArticleText(title=article.title, body=article.body)
    return explain_places(nlp(text.text), text, resolver)


def format_places(report: list[dict[str, Any]]) -> list[str]:
    """Readable lines: one per toponym, then its top candidates."""
    lines = []
    for entry in report:
        reading = entry["reading"]
        if reading is None:
            outcome = "left out (not a place here, or too little support)"
        elif reading["id"] is None:
            outcome = "kept unresolved (not in the gazetteer)"
        else:
            outcome = f"{reading['name']} ({reading['id']}) confidence={reading['confidence']}"
        found = f"{entry['source']}" + (f"/{entry['label']}" if entry["label"] else "")
        lines.append(f"place: {entry['text']!r} found={found} cues={entry['cues']} -> {outcome}")
        for rank_no, c in enumerate(entry["candidates"], start=1):
            weak = " (short name)" if c["weak"] else ""
            lines.append(f"  {rank_no}. {c['score']:6.2f} {c['name']} [{c['feature']}, "
                         f"{c['country_code'] or '-'}, pop {c['population']}] {c['id']}{weak}")
    return lines
