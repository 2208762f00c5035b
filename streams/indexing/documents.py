"""Search documents for the two aliases (pure functions).

A document is the message itself plus a few flattened, keyword-typed fields
that Kibana and ``wirewatch search`` filter and aggregate on (``persons``,
``place_names``, ``subtypes``, ``location`` ...). The mapping lives in
``deploy/elasticsearch/index-templates/``.

Left out: the ``mentions`` of entities and places (every offset of every
name, ~100 small objects per article). No search, facet or page reads them,
and the topics' messages keep them; the embedded engine holds every document
twice in memory (its JSON and a parsed tree), where they took ~10 % of the
bytes of an article and its events.
"""

from __future__ import annotations

from typing import Any

from schemas import Event, EventMessage, Participant, Place, TaggedArticle


def _geo(place: Place) -> dict[str, float] | None:
    if place.lat is None or place.lon is None:
        return None
    return {"lat": place.lat, "lon": place.lon}


#: what the index documents leave out of the messages (see the module's docstring)
NOT_INDEXED = {"mentions"}


def _place_doc(place: Place) -> dict[str, Any]:
    doc = place.model_dump(mode="json", exclude=NOT_INDEXED)
    if (location := _geo(place)) is not None:
        doc["location"] = location
    return doc


def article_document(article: TaggedArticle) -> dict[str, Any]:
    """The ``wirewatch-articles`` document for a tagged article (``_id`` = article id)."""
    doc = article.model_dump(mode="json", exclude={"entities": {"__all__": NOT_INDEXED}, "places": True})
    doc["places"] = [_place_doc(p) for p in article.places]
    by_type: dict[str, list[str]] = {"PERSON": [], "ORG": [], "GROUP": []}
    for entity in sorted(article.entities, key=lambda e: -e.salience):
        by_type[entity.type].append(entity.name)
    doc["persons"] = by_type["PERSON"]
    doc["organisations"] = by_type["ORG"]
    doc["groups"] = by_type["GROUP"]
    places = sorted(article.places, key=lambda p: -p.salience)
    doc["place_names"] = [p.name for p in places]
    doc["country_codes"] = sorted({p.country_code for p in places if p.country_code})
    doc["categories"] = sorted({e.category for e in article.events})
    doc["subtypes"] = sorted({e.subtype for e in article.events if e.subtype})
    doc["location"] = [loc for p in places if (loc := _geo(p)) is not None]
    return doc


def event_messages(article: TaggedArticle) -> list[EventMessage]:
    """The ``{prefix}events`` messages of the article's events, in order."""
    lookups = _lookups(article)  # once per article: ~18 events each read the same participants
    return [_message(article, event, *lookups) for event in article.events]


def _lookups(article: TaggedArticle) -> tuple[dict[str, Participant], dict[str, list[Place]]]:
    known = {e.id: Participant.of_entity(e) for e in article.entities}
    known |= {p.id: Participant.of_place(p) for p in article.places}
    places: dict[str, list[Place]] = {}
    for place in article.places:
        places.setdefault(place.id, []).append(place)
    return known, places


def _message(article: TaggedArticle, event: Event, known: dict[str, Participant],
             places: dict[str, list[Place]]) -> EventMessage:
    named = [p for pid in event.place_ids for p in places.get(pid, ()) if p.geonames_id]
    refs = lambda ids: [known[i] for i in ids if i in known]  # noqa: E731
    return EventMessage(
        **event.model_dump(),
        article_id=article.id,
        revision=article.revision,
        published_at=article.published_at,
        title=article.title,
        url=article.url,
        places=named,
        actor_refs=refs(event.actors),
        target_refs=refs(event.targets),
        place_refs=refs(event.place_ids),
    )


def event_document(message: EventMessage) -> dict[str, Any]:
    """The ``wirewatch-events`` document for an event message (``_id`` = event id)."""
    doc = message.model_dump(mode="json")
    doc["places"] = [_place_doc(p) for p in message.places]
    doc["place_names"] = [p.name for p in message.places]
    doc["country_codes"] = sorted({p.country_code for p in message.places if p.country_code})
    located = [loc for p in message.places if (loc := _geo(p)) is not None]
    if located:
        doc["location"] = located[0]
    return doc


def article_from_document(doc: dict[str, Any]) -> TaggedArticle:
    """The TaggedArticle inside an articles-index document (index-only fields dropped)."""
    fields = {k: v for k, v in doc.items() if k in TaggedArticle.model_fields}
    fields["places"] = [_drop_location(p) for p in doc.get("places", [])]
    return TaggedArticle.model_validate(fields)


def event_from_document(doc: dict[str, Any]) -> EventMessage:
    """The EventMessage inside an events-index document (index-only fields dropped)."""
    fields = {k: v for k, v in doc.items() if k in EventMessage.model_fields}
    fields["places"] = [_drop_location(p) for p in doc.get("places", [])]
    return EventMessage.model_validate(fields)


def _drop_location(place: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in place.items() if k != "location"}
