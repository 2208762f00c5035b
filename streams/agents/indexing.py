"""tagged -> ``wirewatch-articles``, events -> ``wirewatch-events``, in bulk.

Delivery: at-least-once, effectively once in the index. A batch's offsets are
acknowledged only after :class:`BulkWriter` returned, i.e. after every
document is in the index or was rejected for good and dead-lettered. The
document ``_id`` is the message key (article id / event id), so a replay
overwrites instead of duplicating.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from pydantic import ValidationError

from core import metrics
from core.search_client import make_client
from schemas import EventMessage, TaggedArticle
from streams.app import app, deadletter_topic, events_topic, settings, tagged_topic
from streams.deadletter import envelope, send_to_deadletter
from streams.indexing.bulk import Backoff, BulkWriter
from streams.indexing.documents import article_document, event_document
from streams.progress import LAG_INTERVAL_S, acknowledged, export_lag

log = logging.getLogger(__name__)

ENGINE_WAIT_S = 300.0

# The elasticsearch client is synchronous; one thread per alias keeps each
# alias's batches in order.
_ARTICLES_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-articles")
_EVENTS_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-events")


def _writer(kind: str) -> BulkWriter:
    search = settings.search
    # Wait for the engine before choosing the transport: a worker may start first.
    return BulkWriter(
        make_client(settings, wait_s=ENGINE_WAIT_S), f"{settings.index_prefix}{kind}",
        backoff=Backoff(search.retry_initial_backoff_s, search.retry_max_backoff_s),
    )


async def _index_stream(stream, *, kind: str, model: type[TaggedArticle] | type[EventMessage],
                        to_document: Callable[[Any], dict[str, Any]], thread: ThreadPoolExecutor) -> None:
    loop = asyncio.get_running_loop()
    writer = await loop.run_in_executor(thread, _writer, kind)
    worker = settings.worker
    async for batch in stream.noack_take(worker.index_batch_size, within=worker.index_batch_within_s):
        started = time.perf_counter()
        metrics.record_consumed(stream.channel.get_topic_name(), len(batch))
        deliveries, docs, by_id = [], [], {}
        for event in batch:
            try:
                message = model.model_validate_json(event.message.value or b"")
            except ValidationError as exc:
                deliveries.append(await send_to_deadletter(
                    deadletter_topic, event, envelope(event, "index", exc)))
                continue
            docs.append((message.id, to_document(message)))
            by_id[message.id] = event
        with metrics.bulk_timer(writer.alias):
            rejected = await loop.run_in_executor(thread, writer.write, docs)
        metrics.record_indexed(writer.alias, len(set(doc_id for doc_id, _ in docs)) - len(rejected))
        for reject in rejected:
            reason = f"index rejected document {reject.doc_id} ({reject.status}): {reject.reason}"
            deliveries.append(await send_to_deadletter(
                deadletter_topic, by_id[reject.doc_id], envelope(by_id[reject.doc_id], "index", reason)))
        await asyncio.gather(*deliveries)
        for event in batch:
            await stream.ack(event)
        acknowledged(batch)
        log.info("index batch", extra={
            "stage": "index", "alias": writer.alias, "consumed": len(batch),
            "indexed": len(docs) - len(rejected), "deadlettered": len(batch) - len(docs) + len(rejected),
            "seconds": round(time.perf_counter() - started, 3),
        })


@app.timer(interval=LAG_INTERVAL_S)
async def export_consumer_lag() -> None:
    await export_lag(app.consumer)


@app.agent(tagged_topic, name="index-articles")
async def index_articles(stream):
    await _index_stream(stream, kind="articles", model=TaggedArticle,
                        to_document=article_document, thread=_ARTICLES_THREAD)


@app.agent(events_topic, name="index-events")
async def index_events(stream):
    await _index_stream(stream, kind="events", model=EventMessage,
                        to_document=event_document, thread=_EVENTS_THREAD)
