"""The article index step keeps a small version record and the JSON per article, not the validated article.

Under a backlog an index batch holds up to ``index_batch_size`` articles until
its bulk request returns. A validated TaggedArticle is ~150 KB of Python
objects (from ~22 KB of JSON), so keeping them made a worker's heap peak at
~75 MB per batch, which the soak of issue #13 saw as RSS growth. The
document itself is held as its JSON: as a dict it is about twice that (16 vs 8 KiB
per demo article by tracemalloc); while a backlog drained in batches of up to
500, worker RSS peaked ~50 MB above its level (session 10).
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any

from elasticsearch import Elasticsearch

from schemas import Event, Mention, TaggedArticle, utcnow
from streams.agents.indexing import IndexStep
from streams.indexing.bulk import BulkWriter
from streams.indexing.documents import article_document
from streams.indexing.revisions import ArticleVersion, stale_events_query

BODY = "Police fired on protesters in Nairobi on Tuesday. " * 40


def _article(n: int, revision: int) -> TaggedArticle:
    events = [Event(id=f"{n:032d}-{start}-protest", category="PROTEST",
                    sentence=Mention(field="body", start=start, end=start + 10, text=BODY[start:start + 10]),
                    confidence=0.9) for start in range(0, 40 * 51, 51)]
    return TaggedArticle(id=f"{n:032d}", source="file:test", title="Nairobi", body=BODY, language="en",
                         fetched_at=utcnow(), events=events, story_id=f"{n:032d}", tagged_at=utcnow(),
                         tagger_version="test", revision=revision)


class _Recorder:
    """Stands in for the bulk write: records what the step keeps while the request is under way."""

    def __init__(self) -> None:
        self.kept: list[Any] = []
        self.docs: list[tuple[str, Any]] = []

    def __call__(self, docs: list[tuple[str, Any]], messages: list[Any]) -> Any:
        self.kept, self.docs = messages, docs
        return SimpleNamespace(rejected=[], updated=set())


def _run(step: IndexStep, articles: list[TaggedArticle]) -> None:
    batch = [SimpleNamespace(message=SimpleNamespace(value=a.model_dump_json().encode(), topic="t", partition=0,
                                                     offset=i)) for i, a in enumerate(articles)]
    # on a thread of its own: a test that ran earlier in this process may have left an event
    # loop marked as running on the main thread, and asyncio.run refuses to nest
    with ThreadPoolExecutor(max_workers=1) as runner:
        runner.submit(asyncio.run, step(batch)).result()  # type: ignore[arg-type]


def test_the_article_step_keeps_versions_while_its_bulk_request_is_under_way():
    recorder = _Recorder()
    with ThreadPoolExecutor(max_workers=1) as thread:
        step = IndexStep("articles", TaggedArticle, article_document, ArticleVersion.of, thread)
        # a real writer (it connects to nothing until a request is made): its encode is under test
        step.writer = BulkWriter(Elasticsearch("http://127.0.0.1:9"), "wirewatch-articles")
        step._write = recorder
        articles = [_article(1, 7), _article(2, 9)]
        _run(step, articles)
    assert recorder.kept == [ArticleVersion.of(articles[0]), ArticleVersion.of(articles[1])]
    assert recorder.kept[1].event_ids[0] == f"{2:032d}-0-protest"
    assert [doc_id for doc_id, _ in recorder.docs] == [f"{1:032d}", f"{2:032d}"]
    assert all(isinstance(doc, bytes) for _, doc in recorder.docs), "the step held documents as dicts"
    assert json.loads(recorder.docs[1][1]) == json.loads(step.writer.encode(article_document(articles[1])))
    assert json.loads(recorder.docs[1][1])["revision"] == 9


def test_the_stale_events_query_of_a_version_names_its_current_events():
    version = ArticleVersion.of(_article(3, 11))
    clause = stale_events_query([version])["bool"]["should"][0]["bool"]
    assert clause["filter"] == [{"term": {"article_id": f"{3:032d}"}}]
    same_revision = clause["should"][2]["bool"]
    assert same_revision["filter"] == [{"term": {"revision": 11}}]
    assert same_revision["must_not"][0]["ids"]["values"] == list(version.event_ids)
