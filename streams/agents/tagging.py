"""raw -> tagged + events: tag articles in batches.

Delivery: at-least-once. A batch's input offsets are acknowledged only after
every output (tagged article, its events, dead letters) was acknowledged by
the broker; a crash before that re-tags the batch, and the ids (article id,
event id) keep downstream writes idempotent.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor

from core import metrics
from schemas import TaggedArticle
from streams.agents.batches import UndecodableMessage, decode_raw, tag_isolated
from streams.app import app, deadletter_topic, events_topic, raw_topic, settings, tagged_topic
from streams.deadletter import envelope, send_to_deadletter
from streams.indexing.documents import event_message
from streams.progress import acknowledged
from streams.tagging import Tagger

log = logging.getLogger(__name__)

# spaCy is CPU-bound: run it off the event loop so heartbeats and fetches go on.
_TAGGING_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tagger")


async def _publish(article: TaggedArticle) -> list:
    key = article.id.encode()
    deliveries = [await tagged_topic.send(key=key, value=article.model_dump_json().encode())]
    for index in range(len(article.events)):
        message = event_message(article, index)
        deliveries.append(await events_topic.send(key=message.id.encode(),
                                                  value=message.model_dump_json().encode()))
    return deliveries


@app.agent(raw_topic, name="tag-articles")
async def tag_articles(stream):
    loop = asyncio.get_running_loop()
    tagger = await loop.run_in_executor(
        _TAGGING_THREAD, lambda: Tagger(settings.spacy_model, max_chars=settings.tag_max_chars))
    worker = settings.worker
    async for batch in stream.noack_take(worker.tag_batch_size, within=worker.tag_batch_within_s):
        started = time.perf_counter()
        metrics.record_consumed(raw_topic.get_topic_name(), len(batch))
        deliveries, decoded = [], []
        for event in batch:
            try:
                decoded.append((event, decode_raw(event.message.value)))
            except UndecodableMessage as exc:
                deliveries.append(await send_to_deadletter(
                    deadletter_topic, event, envelope(event, "validate", exc)))
        tag_started = time.perf_counter()
        results = await loop.run_in_executor(
            _TAGGING_THREAD, tag_isolated, tagger, [article for _, article in decoded])
        metrics.observe_tagging(time.perf_counter() - tag_started)
        tagged = events = 0
        for (event, _), result in zip(decoded, results, strict=True):
            if isinstance(result, Exception):
                deliveries.append(await send_to_deadletter(
                    deadletter_topic, event, envelope(event, "tag", result)))
                continue
            tagged += 1
            events += len(result.events)
            deliveries.extend(await _publish(result))
        await asyncio.gather(*deliveries)
        for event in batch:
            await stream.ack(event)
        acknowledged(batch)
        metrics.record_tagged(tagged)
        metrics.record_produced(tagged_topic.get_topic_name(), tagged)
        metrics.record_produced(events_topic.get_topic_name(), events)
        log.info("tag batch", extra={
            "stage": "tag", "consumed": len(batch), "tagged": tagged, "events": events,
            "deadlettered": len(batch) - tagged, "seconds": round(time.perf_counter() - started, 3),
        })
