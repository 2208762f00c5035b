"""Live events: the ``{prefix}events`` topic, filtered with the same Query as a search.

:func:`event_matches` is the search filters evaluated in Python on one event
message (the stream has no index to ask). :class:`EventStream` reads the
topic without a consumer group: it assigns every partition itself and starts
at the end (or the beginning with ``replay``), so no group has to settle on
the broker (Tansu takes seconds to) and any number of viewers can watch.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from core.kafka_options import client_options
from core.settings import Settings
from core.topics import Topics
from wirewatch.searching.places import countries, resolve_place
from wirewatch.searching.query import Query, slug

log = logging.getLogger(__name__)

POLL_MS = 500


def _words(text: str) -> str:
    return " " + " ".join(text.lower().split()) + " "


def _text_matches(query: Query, event: dict[str, Any]) -> bool:
    sentence = event.get("sentence") or {}
    names = " ".join(p.get("name", "") for p in event.get("places") or [])
    haystack = _words(f"{sentence.get('text', '')} {event.get('title', '')} {names}")
    hits = [(" " + " ".join(t.lower().split())) in haystack for t in query.terms()]
    if not hits:
        return True
    return any(hits) if query.match == "any" else all(hits)


def _place_matches(value: str, places: list[dict[str, Any]]) -> bool:
    term = resolve_place(value)
    for place in places:
        if term.country_code is not None and place.get("country_code") == term.country_code:
            return True
        if term.geonames_id is not None and place.get("geonames_id") == term.geonames_id:
            return True
        name = " ".join((term.name or "").lower().split())
        if name and f" {name} " in _words(place.get("name") or ""):
            return True
    return False


def party_matches(value: str, ids: list[str], refs: list[dict[str, Any]] | None = None) -> bool:
    """An actor/target filter on ids and their refs, as :func:`query.party_clause` does it in the engine."""
    text = value.strip()
    if ":" in text:
        return text in ids
    wanted = slug(text)
    if any(wanted in i.split(":", 1)[-1] for i in ids if ":" in i):
        return True
    phrase = " ".join(text.lower().split())
    if any(f" {phrase} " in _words(str(r.get("name") or "")) for r in refs or []):
        return True
    code = resolve_place(text).country_code
    gid = countries().geonames_id_of.get(code) if code else None
    return gid is not None and f"geonames:{gid}" in ids


def _in_time(query: Query, event: dict[str, Any]) -> bool:
    if event.get("date"):
        return query.time.contains_day(datetime.fromisoformat(event["date"]).date())
    published = event.get("published_at")
    if not published:
        return query.time.start is None and query.time.end is None
    return query.time.contains(datetime.fromisoformat(published.replace("Z", "+00:00")))


def event_matches(query: Query, event: dict[str, Any]) -> bool:
    """Whether one event message passes every filter of ``query`` (Lucene text is not supported)."""
    if query.categories and event.get("category") not in query.categories:
        return False
    if query.subtypes and event.get("subtype") not in query.subtypes:
        return False
    if query.modes and (event.get("mode") or "").lower() not in query.modes:
        return False
    places = event.get("places") or []
    if not all(_place_matches(p, places) for p in query.places):
        return False
    actors, targets = event.get("actors") or [], event.get("targets") or []
    actor_refs, target_refs = event.get("actor_refs") or [], event.get("target_refs") or []
    if not all(party_matches(p, actors + targets, actor_refs + target_refs) for p in query.persons):
        return False
    if not all(party_matches(a, actors, actor_refs) for a in query.actors):
        return False
    if not all(party_matches(t, targets, target_refs) for t in query.targets):
        return False
    return _in_time(query, event) and _text_matches(query, event)


class EventStream:
    """Event messages from ``{prefix}events`` as they arrive; use as a context manager."""

    def __init__(self, settings: Settings, *, replay: bool = False, appear_timeout_s: float = 10.0) -> None:
        from kafka import KafkaConsumer, TopicPartition

        self.topic = Topics(settings.topic_prefix).events
        self._consumer = KafkaConsumer(**client_options(settings), group_id=None, enable_auto_commit=False,
                                       auto_offset_reset="earliest" if replay else "latest")
        deadline = time.monotonic() + appear_timeout_s
        partitions = self._consumer.partitions_for_topic(self.topic)
        while not partitions and time.monotonic() < deadline:
            time.sleep(0.2)
            partitions = self._consumer.partitions_for_topic(self.topic)
        assigned = [TopicPartition(self.topic, p) for p in sorted(partitions or ())]
        self._consumer.assign(assigned)
        if assigned:
            (self._consumer.seek_to_beginning if replay else self._consumer.seek_to_end)(*assigned)
            for tp in assigned:  # resolve the start now, so nothing published from here on is missed
                self._consumer.position(tp)

    def __enter__(self) -> EventStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._consumer.close()

    def poll(self, query: Query, timeout_ms: int = POLL_MS) -> list[dict[str, Any]]:
        """Matching events that arrived since the last call (waits up to ``timeout_ms``)."""
        found = []
        for records in self._consumer.poll(timeout_ms=timeout_ms).values():
            for record in records:
                try:
                    event = json.loads(record.value)
                except (TypeError, ValueError):
                    log.warning("skipping an undecodable message at %s offset %s", self.topic, record.offset)
                    continue
                if isinstance(event, dict) and event_matches(query, event):
                    found.append(event)
        return found

    def follow(self, query: Query) -> Iterator[dict[str, Any]]:
        """Matching events, forever."""
        while True:
            yield from self.poll(query)
