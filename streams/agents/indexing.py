"""tagged -> ``wirewatch-articles``, events -> ``wirewatch-events``, in bulk.

Only the processing step lives here: validate, write in bulk
(:class:`~streams.indexing.bulk.BulkWriter` returns once every document is in
the index or rejected for good), drop events that a newer revision of their
article replaced (:mod:`streams.indexing.revisions`), and name the rejected
messages. :class:`~streams.agents.runner.DeliveryRunner` dead-letters those
and acknowledges the batch's offsets only after all that. The document
``_id`` is the message key (article id / event id), so a replay overwrites
instead of duplicating: effectively once in the index.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from faust.types import EventT
from pydantic import ValidationError

from core import metrics, threads
from core.backoff import Backoff
from core.limits import max_message_bytes
from schemas import EventMessage, TaggedArticle
from streams.agents.runner import DeliveryRunner, Outcome
from streams.app import app, deadletter_topic, events_topic, raw_topic, settings, tagged_topic
from streams.deadletter import envelope
from streams.indexing.documents import article_document, event_document
from streams.indexing.revisions import ArticleVersion, delete_stale_events, delete_superseded_events
from streams.progress import LAG_INTERVAL_S, backlog, export_lag

if TYPE_CHECKING:
    from streams.indexing.bulk import BulkWriter, Document

log = logging.getLogger(__name__)

ENGINE_WAIT_S = 300.0

# The elasticsearch client is synchronous; one thread per alias keeps each
# alias's batches in order.
_ARTICLES_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-articles",
                                      initializer=threads.naming(threads.INDEX_ARTICLES))
_EVENTS_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index-events",
                                    initializer=threads.naming(threads.INDEX_EVENTS))


def _alias(kind: str) -> str:
    return f"{settings.index_prefix}{kind}"


def _writer(kind: str) -> BulkWriter:
    # imported here, on the index thread: the elasticsearch client's import then
    # overlaps the worker's group join instead of delaying its start
    from core.search_client import make_client
    from streams.indexing.bulk import BulkWriter

    search = settings.search
    # Wait for the engine before choosing the transport: a worker may start first.
    return BulkWriter(
        make_client(settings, wait_s=ENGINE_WAIT_S, request_timeout=search.request_timeout_s), _alias(kind),
        backoff=Backoff(search.retry_initial_backoff_s, search.retry_max_backoff_s),
        max_doc_attempts=search.max_doc_attempts, refresh=search.refresh,
    )


def _drop_replaced(kind: str, writer: BulkWriter, written: list[Any], updated: set[str]) -> None:
    """After a write: delete events that a newer revision of their article replaced."""
    client = writer.client
    if kind == "articles":
        articles = [a for a in written if isinstance(a, ArticleVersion) and a.id in updated]
        if articles:
            writer.call("deleting stale events",
                        lambda: delete_stale_events(client, _alias("events"), articles))
    else:
        events = [e for e in written if isinstance(e, EventMessage)]
        if events:
            # one setting for both writers: the articles' writes are visible once they return
            visible = writer.refresh in ("wait_for", "true")
            writer.call("deleting superseded events", lambda: delete_superseded_events(
                client, _alias("articles"), _alias("events"), events, articles_visible=visible))


class IndexStep:
    """Validate a batch, write it in bulk, and name what the index refused.

    Each message is turned into its document and ``keep``'s record at once, and
    the validated model is dropped: what stays until the bulk request returns
    is each document's JSON (:meth:`~streams.indexing.bulk.BulkWriter.encode`)
    and the records the revision checks need
    (:class:`~streams.indexing.revisions.ArticleVersion`).
    """

    def __init__(self, kind: str, model: type[TaggedArticle] | type[EventMessage],
                 to_document: Callable[[Any], dict[str, Any]], keep: Callable[[Any], Any],
                 thread: ThreadPoolExecutor) -> None:
        self.kind, self.model, self.to_document, self.keep, self.thread = kind, model, to_document, keep, thread
        self.writer: BulkWriter | None = None
        self.counts: dict[str, int] = {}

    def _write(self, docs: list[tuple[str, Document]], messages: list[Any]):
        assert self.writer is not None
        with metrics.bulk_timer(self.writer.alias):
            result = self.writer.write(docs)
        rejected = {r.doc_id for r in result.rejected}
        _drop_replaced(self.kind, self.writer,
                       [m for m in messages if getattr(m, "id", None) not in rejected], result.updated)
        return result

    async def prepare(self) -> BulkWriter:
        """Connect the writer (it waits for the search engine); called once the agent starts."""
        if self.writer is None:
            self.writer = await asyncio.get_running_loop().run_in_executor(self.thread, _writer, self.kind)
        return self.writer

    async def __call__(self, batch: list[EventT]) -> list[Outcome]:
        loop = asyncio.get_running_loop()
        writer = await self.prepare()
        outcomes = [Outcome(event) for event in batch]
        docs: list[tuple[str, Document]] = []
        messages: list[Any] = []  # what `keep` made of each message
        by_id: dict[str, Outcome] = {}
        for outcome in outcomes:
            try:
                message = self.model.model_validate_json(outcome.event.message.value or b"")
            except ValidationError as exc:
                outcome.failure = envelope(outcome.event, "index", exc)
                continue
            docs.append((message.id, writer.encode(self.to_document(message))))  # JSON, not a dict: see bulk.py
            messages.append(self.keep(message))
            by_id[message.id] = outcome  # a later copy of an id wins, as in the bulk request
        result = await loop.run_in_executor(self.thread, self._write, docs, messages)
        for reject in result.rejected:
            outcome = by_id[reject.doc_id]
            outcome.failure = envelope(outcome.event, "index",
                                       f"index rejected document {reject.doc_id} ({reject.status}): {reject.reason}")
        self.counts = {"indexed": len(by_id) - len(result.rejected), "rejected": len(result.rejected)}
        metrics.record_indexed(writer.alias, len(by_id) - len(result.rejected))
        return outcomes


def _runner(kind: str) -> DeliveryRunner:
    return DeliveryRunner(f"index-{kind}", deadletter=deadletter_topic,
                          max_message_bytes=max_message_bytes(settings))


@app.timer(interval=LAG_INTERVAL_S)
async def export_consumer_lag() -> None:
    await export_lag(app.consumer)


def tagger_backlog() -> bool:
    """Whether this worker's tagger has more than a tagging batch of raw articles waiting.

    Then more tagged articles and events are on their way, and an index batch
    may wait for them (``WorkerSettings.index_hold_s``).
    """
    return backlog(app.consumer, raw_topic.get_topic_name()) > settings.worker.tag_batch_size


async def _run_index(stream, kind: str, step: IndexStep, fill: int) -> None:
    worker = settings.worker
    await step.prepare()  # while the consumer joins its group, not at the first batch
    await _runner(kind).run(stream, step, batch_size=max(worker.index_batch_size, fill),
                            within=worker.index_batch_within_s,
                            hold=tagger_backlog, fill=fill, hold_s=worker.index_hold_s)


@app.agent(tagged_topic, name="index-articles")
async def index_articles(stream):
    step = IndexStep("articles", TaggedArticle, article_document, ArticleVersion.of, _ARTICLES_THREAD)
    await _run_index(stream, "articles", step, settings.worker.index_articles_fill)


@app.agent(events_topic, name="index-events")
async def index_events(stream):
    # an event message is small (~1 KB of JSON): the revision check takes it as it is
    step = IndexStep("events", EventMessage, event_document, lambda event: event, _EVENTS_THREAD)
    await _run_index(stream, "events", step, settings.worker.index_events_fill)
