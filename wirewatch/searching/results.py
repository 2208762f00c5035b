"""Search results as typed models, shared by the CLI and the page (pure functions).

Highlighted text is HTML: escaped, with ``<mark>`` around the matches, the
same whether the engine highlighted it or :func:`mark_terms` did.
"""

from __future__ import annotations

import html
import re
from typing import Any

from pydantic import BaseModel, Field


class Bucket(BaseModel):
    """One facet value and how many documents have it."""

    key: str
    count: int


class Facets(BaseModel):
    """Top values per facet field, and documents per day (``YYYY-MM-DD``)."""

    fields: dict[str, list[Bucket]] = Field(default_factory=dict)
    days: list[Bucket] = Field(default_factory=list)


class EventHit(BaseModel):
    """One event, as a result list or the map shows it."""

    id: str
    article_id: str
    category: str
    subtype: str | None = None
    mode: str | None = None
    date: str | None = None
    published_at: str | None = None
    actors: list[str] = Field(default_factory=list)
    targets: list[str] = Field(default_factory=list)
    actor_names: list[str] = Field(default_factory=list)
    target_names: list[str] = Field(default_factory=list)
    place_names: list[str] = Field(default_factory=list)
    sentence: str = ""
    sentence_html: str = ""
    trigger: str | None = None
    title: str = ""
    url: str | None = None
    lat: float | None = None
    lon: float | None = None
    confidence: float | None = None


class ArticleHit(BaseModel):
    """One article (the best of its story unless expanded), with its events."""

    id: str
    title: str = ""
    title_html: str = ""
    snippet_html: str = ""
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    story_id: str | None = None
    copies: int = 1
    place_names: list[str] = Field(default_factory=list)
    subtypes: list[str] = Field(default_factory=list)
    categories: list[str] = Field(default_factory=list)
    events: list[EventHit] = Field(default_factory=list)
    score: float | None = None
    document: dict[str, Any] = Field(default_factory=dict, exclude=True)


class SearchPage(BaseModel):
    """One page of results, with what the user needs to trust it."""

    kind: str
    total: int = Field(description="documents that match (copies included)")
    stories: int | None = Field(default=None, description="distinct stories that match, when collapsed")
    page: int = 1
    size: int = 10
    order: str = "relevance"
    hits: list[Any] = Field(default_factory=list)
    facets: Facets | None = None
    term_counts: dict[str, int] = Field(default_factory=dict)

    @property
    def unmatched(self) -> list[str]:
        """Words or phrases that no document matches on its own."""
        return [t for t, n in self.term_counts.items() if n == 0]


def mark_terms(text: str, terms: list[str]) -> str:
    """``text`` HTML-escaped with ``<mark>`` around each whole-word match of ``terms``."""
    words = [t for t in terms if t.strip()]
    if not words:
        return html.escape(text)
    pattern = re.compile(r"\b(" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                         + r")\w*", re.IGNORECASE)
    out, last = [], 0
    for match in pattern.finditer(text):
        out += [html.escape(text[last:match.start()]), "<mark>", html.escape(match.group(0)), "</mark>"]
        last = match.end()
    out.append(html.escape(text[last:]))
    return "".join(out)


def snippet(text: str, terms: list[str], width: int = 200) -> str:
    """A window of ``text`` around the first match of ``terms``, highlighted (HTML)."""
    lowered = text.lower()
    starts = [i for t in terms if t.strip() and (i := lowered.find(t.lower())) >= 0]
    start = max(0, min(starts) - width // 3) if starts else 0
    window = text[start:start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(text) else ""
    return prefix + mark_terms(window, terms) + suffix


def _str_list(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def event_hit(doc: dict[str, Any], known_places: dict[str, str] | None = None) -> EventHit:
    """An EventHit from an events-index document (or an events-topic message).

    Args:
        doc: the document or message.
        known_places: more place id -> name pairs for actors and targets (the article's places).
    """
    sentence = doc.get("sentence") or {}
    text = sentence.get("text", "") if isinstance(sentence, dict) else ""
    trigger = doc.get("trigger")
    location = doc.get("location") or {}
    if not location:
        located = [p for p in doc.get("places") or [] if p.get("lat") is not None]
        location = {"lat": located[0]["lat"], "lon": located[0]["lon"]} if located else {}
    names = doc.get("place_names") or [p.get("name") for p in doc.get("places") or [] if p.get("name")]
    refs = [*(doc.get("actor_refs") or []), *(doc.get("target_refs") or []), *(doc.get("place_refs") or []),
            *(doc.get("places") or [])]
    known = {**(known_places or {}), **{r["id"]: r["name"] for r in refs if r.get("id") and r.get("name")}}
    actors, targets = _str_list(doc.get("actors")), _str_list(doc.get("targets"))
    return EventHit(
        id=doc["id"], article_id=doc.get("article_id", ""), category=doc.get("category", ""),
        subtype=doc.get("subtype"), mode=doc.get("mode"), date=doc.get("date"),
        published_at=doc.get("published_at"), actors=actors, targets=targets,
        actor_names=[party_label(a, known) for a in actors], target_names=[party_label(t, known) for t in targets],
        place_names=_str_list(names), sentence=text,
        sentence_html=mark_terms(text, [trigger] if trigger else []), trigger=trigger,
        title=doc.get("title") or "", url=doc.get("url"), lat=location.get("lat"), lon=location.get("lon"),
        confidence=doc.get("confidence"),
    )


def party_label(party_id: str, places: dict[str, str] | None = None) -> str:
    """A readable name for an actor/target id: ``person:oleh-marchenko`` -> ``Oleh Marchenko``."""
    if places and party_id in places:
        return places[party_id]
    kind, _, tail = party_id.partition(":")
    if not tail:
        return party_id
    if kind == "geonames":
        from wirewatch.searching.places import countries

        table = countries()
        code = table.by_geonames_id.get(int(tail)) if tail.isdigit() else None
        return table.name_of[code] if code else party_id
    return " ".join(w.capitalize() if w.islower() else w for w in tail.split("-"))


def article_hit(hit: dict[str, Any], terms: list[str], copies: int = 1) -> ArticleHit:
    """An ArticleHit from a ``_search`` hit (highlight from the engine, else computed)."""
    doc = hit.get("_source") or {}
    highlight = hit.get("highlight") or {}
    title = doc.get("title") or ""
    body = doc.get("body") or ""
    places = {p["id"]: p["name"] for p in doc.get("places") or [] if p.get("id") and p.get("name")}
    events = []
    for event in doc.get("events") or []:
        e = dict(event, article_id=doc.get("id", hit.get("_id")), title=title, url=doc.get("url"),
                 published_at=doc.get("published_at"),
                 place_names=[places[p] for p in event.get("place_ids") or [] if p in places])
        located = [p for p in doc.get("places") or [] if p.get("id") in (event.get("place_ids") or [])
                   and p.get("lat") is not None]
        e["places"] = located
        events.append(event_hit(e, places))
    return ArticleHit(
        id=doc.get("id") or hit["_id"], title=title,
        title_html=(highlight.get("title") or highlight.get("title.en") or [mark_terms(title, terms)])[0],
        snippet_html=_snippet(highlight, body, terms),
        url=doc.get("url"), source=doc.get("source"), published_at=doc.get("published_at"),
        story_id=doc.get("story_id"), copies=copies, place_names=_str_list(doc.get("place_names")),
        subtypes=_str_list(doc.get("subtypes")), categories=_str_list(doc.get("categories")),
        events=events, score=hit.get("_score"), document=doc,
    )


def _snippet(highlight: dict[str, list[str]], body: str, terms: list[str]) -> str:
    """The engine's body fragments (exact or stemmed), else a computed one; none without terms."""
    fragments = highlight.get("body") or highlight.get("body.en")
    if fragments:
        return " … ".join(fragments)
    return snippet(body, terms) if terms else ""


def facets(aggregations: dict[str, Any], names: list[str]) -> Facets:
    """Facets from a response's ``aggregations`` (terms per name, plus ``days``)."""
    fields = {name: [Bucket(key=str(b["key"]), count=b["doc_count"])
                     for b in aggregations.get(name, {}).get("buckets", [])] for name in names}
    days = [Bucket(key=b.get("key_as_string") or str(b["key"])[:10], count=b["doc_count"])
            for b in aggregations.get("days", {}).get("buckets", []) if b["doc_count"]]
    return Facets(fields=fields, days=days)
