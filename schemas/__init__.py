"""Typed message shapes: the source of truth for CONTRACT.md.

Downstream consumers that do not use Python read the JSON Schema files in
``schemas/json/`` (regenerate them with ``python -m schemas.generate``).
"""

from schemas.articles import (
    PLOVER_CATEGORIES,
    SCHEMA_VERSION,
    SUBTYPES,
    Entity,
    Event,
    Mention,
    Place,
    RawArticle,
    TaggedArticle,
    event_id,
    unnamed,
    utcnow,
)
from schemas.messages import (
    BOUNDED_HEADERS,
    DEADLETTER_HEADERS,
    DeadLetter,
    EventMessage,
    Participant,
)
from schemas.values import article_id

__all__ = [
    "BOUNDED_HEADERS",
    "DEADLETTER_HEADERS",
    "PLOVER_CATEGORIES",
    "SCHEMA_VERSION",
    "SUBTYPES",
    "DeadLetter",
    "Entity",
    "Event",
    "EventMessage",
    "Mention",
    "Participant",
    "Place",
    "RawArticle",
    "TaggedArticle",
    "article_id",
    "event_id",
    "unnamed",
    "utcnow",
]
