"""raw -> tagged + events: tag articles in batches.

Only the processing step lives here; :class:`~streams.agents.runner.DeliveryRunner`
produces the outputs, dead-letters what cannot go on, and acknowledges the
offsets only after the broker acknowledged everything (at-least-once; the
ids keep downstream writes idempotent). Each tagged article carries its raw
offset as ``revision``, so the index can drop the events of older versions.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING

from faust.types import EventT

from core import metrics
from core.limits import ArticleTooLarge, max_message_bytes
from schemas import RawArticle, TaggedArticle
from streams.agents.batches import (
    TAGGING_THREAD,
    UndecodableMessage,
    decode_raw,
    start_loading_tagger,
    tag_isolated,
)
from streams.agents.runner import DeliveryRunner, Outcome, Output
from streams.app import app, deadletter_topic, events_topic, raw_topic, settings, tagged_topic
from streams.deadletter import envelope
from streams.indexing.documents import event_messages

if TYPE_CHECKING:  # spaCy loads on the tagging thread (batches.start_loading_tagger)
    from streams.tagging import Tagger

log = logging.getLogger(__name__)


def outputs(article: TaggedArticle) -> list[Output]:
    """The tagged article and one message per event, keyed by their ids."""
    produced = [Output(tagged_topic, article.id.encode(), article.model_dump_json().encode())]
    for message in event_messages(article):
        produced.append(Output(events_topic, message.id.encode(), message.model_dump_json().encode()))
    return produced


class TagStep:
    """Decode, keep the latest version of each article in the batch, tag, and say what to produce."""

    def __init__(self, tagger: Tagger) -> None:
        self.tagger = tagger
        self.counts: dict[str, int | float] = {}

    async def __call__(self, batch: list[EventT]) -> list[Outcome]:
        outcomes = [Outcome(event) for event in batch]
        decoded: list[tuple[Outcome, RawArticle]] = []
        for outcome in outcomes:
            try:
                decoded.append((outcome, decode_raw(outcome.event.message.value, settings)))
            except (UndecodableMessage, ArticleTooLarge) as exc:
                outcome.failure = envelope(outcome.event, "validate", exc)
        # an article published twice in one batch: only its last version counts
        last = {article.id: index for index, (_, article) in enumerate(decoded)}
        current = [pair for index, pair in enumerate(decoded) if last[pair[1].id] == index]
        started = time.perf_counter()
        results = await asyncio.get_running_loop().run_in_executor(
            TAGGING_THREAD, tag_isolated, self.tagger, [article for _, article in current])
        tagging_s = time.perf_counter() - started
        metrics.observe_tagging(tagging_s)
        tagged = events = 0
        for (outcome, _), result in zip(current, results, strict=True):
            if isinstance(result, Exception):
                outcome.failure = envelope(outcome.event, "tag", result)
                continue
            article = result.model_copy(update={"revision": outcome.event.message.offset})
            outcome.outputs = outputs(article)
            tagged += 1
            events += len(article.events)
        self.counts = {"tagged": tagged, "events": events, "superseded": len(decoded) - len(current),
                       "tagging_seconds": round(tagging_s, 3)}
        metrics.record_tagged(tagged)
        metrics.record_produced(tagged_topic.get_topic_name(), tagged)
        metrics.record_produced(events_topic.get_topic_name(), events)
        if len(current) < len(decoded):
            log.info("%d articles superseded by a later version in the same batch", len(decoded) - len(current))
        return outcomes


@app.agent(raw_topic, name="tag-articles")
async def tag_articles(stream):
    # loading since the worker started (wirewatch worker calls it before importing faust)
    tagger = await asyncio.wrap_future(start_loading_tagger(settings))
    runner = DeliveryRunner("tag", deadletter=deadletter_topic, max_message_bytes=max_message_bytes(settings))
    worker = settings.worker
    await runner.run(stream, TagStep(tagger), batch_size=worker.tag_batch_size, within=worker.tag_batch_within_s)
