"""Bounded output: a legal article never yields a tagged article the broker refuses.

The caps (stated in ``schemas/README.md``, "Size limits"):

* at most :data:`MAX_MENTIONS` mentions per entity and per place (the first
  ones in the text; ``salience`` is computed before, from all of them);
* at most :data:`MAX_EVENTS` events per article (the first ones in the text).

After the caps, the tagged article's JSON must fit ``max_bytes``
(``core.limits.max_output_bytes``: twice the largest accepted article) and so
must each event's message on ``{prefix}events``. When it does not (a legal
article with very many names or very long sentences), detail is shed in a
fixed order until it fits: events whose message alone is too large, then
mentions beyond 10 per entity or place, then half of the remaining events,
entities and places (least salient or last first), down to none. The raw
article's own fields are never touched, and an article within
``WIREWATCH_MAX_ARTICLE_BYTES`` with no annotations is far below the bound,
so the loop always ends with an output that fits.
"""

from __future__ import annotations

import logging

from schemas import Event, Place, TaggedArticle

log = logging.getLogger(__name__)

MAX_MENTIONS = 50
MAX_EVENTS = 100
_SHED_MENTIONS = 10
# per event message, besides the event, title, url and places: article_id, dates, keys
_EVENT_MESSAGE_OVERHEAD = 512


def json_size(article: TaggedArticle) -> int:
    """Bytes of the article's JSON, as it goes on the tagged topic."""
    return len(article.model_dump_json().encode("utf-8"))


def event_message_size(article: TaggedArticle, event: Event, places: dict[str, Place]) -> int:
    """An upper bound of the bytes of ``event``'s message on the events topic."""
    named = sum(len(places[pid].model_dump_json()) for pid in event.place_ids if pid in places)
    return (len(event.model_dump_json().encode("utf-8")) + 2 * len(article.title.encode("utf-8"))
            + len((article.url or "").encode("utf-8")) + named + _EVENT_MESSAGE_OVERHEAD)


def cap(article: TaggedArticle, *, mentions: int = MAX_MENTIONS, events: int = MAX_EVENTS) -> TaggedArticle:
    """The article with at most ``mentions`` per entity and place and ``events`` events."""
    if (len(article.events) <= events and all(len(e.mentions) <= mentions for e in article.entities)
            and all(len(p.mentions) <= mentions for p in article.places)):
        return article
    return article.model_copy(update={
        "entities": [e.model_copy(update={"mentions": e.mentions[:mentions]}) for e in article.entities],
        "places": [p.model_copy(update={"mentions": p.mentions[:mentions]}) for p in article.places],
        "events": article.events[:events],
    })


def bound(article: TaggedArticle, max_bytes: int | None) -> TaggedArticle:
    """Apply the caps, then shed detail until the article and its event messages fit ``max_bytes``.

    Args:
        article: a tagged article.
        max_bytes: the bound for its JSON and for each event message; None applies the caps only.
    """
    bounded = cap(article)
    if max_bytes is None:
        return bounded
    places = {p.id: p for p in bounded.places}
    fitting = [e for e in bounded.events if event_message_size(bounded, e, places) <= max_bytes]
    if len(fitting) < len(bounded.events):
        bounded = bounded.model_copy(update={"events": fitting})
    size = json_size(bounded)
    if size > max_bytes:
        bounded = cap(bounded, mentions=_SHED_MENTIONS)
        size = json_size(bounded)
    while size > max_bytes and (bounded.events or bounded.entities or bounded.places):
        bounded = bounded.model_copy(update={
            "events": bounded.events[: len(bounded.events) // 2],
            "entities": sorted(bounded.entities, key=lambda e: -e.salience)[: len(bounded.entities) // 2],
            "places": sorted(bounded.places, key=lambda p: -p.salience)[: len(bounded.places) // 2],
        })
        size = json_size(bounded)
    if bounded is not article:
        log.warning("article %s: tagged output bounded (events %d -> %d, entities %d -> %d, places %d -> %d, "
                    "%d bytes)", article.id, len(article.events), len(bounded.events), len(article.entities),
                    len(bounded.entities), len(article.places), len(bounded.places), size)
    return bounded
