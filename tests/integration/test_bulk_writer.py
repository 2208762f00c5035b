"""BulkWriter against the real search engine: rejections and retries."""

from __future__ import annotations

import pytest

from core.backoff import Backoff
from core.search_client import make_client
from core.settings import Settings
from streams.indexing.bulk import BulkWriter, WriteResult
from wirewatch.embedded import free_port, start_search
from wirewatch.search_setup import ensure_indices

pytestmark = pytest.mark.integration


def test_bad_documents_are_rejected_and_good_ones_indexed(isolated_settings: Settings):
    client = make_client(isolated_settings)
    ensure_indices(isolated_settings, client, wait_s=10)
    alias = f"{isolated_settings.index_prefix}articles"
    writer = BulkWriter(client, alias, backoff=Backoff(0.01, 0.02))
    rejected = writer.write([
        ("good", {"id": "good", "title": "Floods in Porto Alegre"}),
        ("bad-date", {"id": "bad-date", "published_at": "not-a-date"}),
        ("bad-geo", {"id": "bad-geo", "location": {"lat": 200, "lon": 0}}),
    ]).rejected
    assert sorted(r.doc_id for r in rejected) == ["bad-date", "bad-geo"]
    assert all(r.status == 400 and r.reason for r in rejected)
    client.indices.refresh(index=alias)
    assert client.exists(index=alias, id="good")
    assert not client.exists(index=alias, id="bad-date")


def test_encoded_documents_are_indexed_and_rejected_like_dicts(isolated_settings: Settings):
    """The index agents hand the writer each document's JSON (BulkWriter.encode), not the dict."""
    client = make_client(isolated_settings)
    ensure_indices(isolated_settings, client, wait_s=10)
    alias = f"{isolated_settings.index_prefix}articles"
    writer = BulkWriter(client, alias, backoff=Backoff(0.01, 0.02))
    good = {"id": "enc-good", "title": "Floods in Pôrto Alegre", "published_at": "2026-01-02T03:04:05Z"}
    result = writer.write([("enc-good", writer.encode(good)),
                           ("enc-bad", writer.encode({"id": "enc-bad", "published_at": "not-a-date"})),
                           ("dict-good", {"id": "dict-good", "title": "A dict beside them"})])
    assert [r.doc_id for r in result.rejected] == ["enc-bad"]
    client.indices.refresh(index=alias)
    assert client.get(index=alias, id="enc-good")["_source"] == good
    assert client.exists(index=alias, id="dict-good")


def test_an_unreachable_index_is_retried_until_it_answers(tmp_path):
    """The writer waits for a search engine that starts only after the first failures."""
    port = free_port()
    settings = Settings(kafka_bootstrap="127.0.0.1:1", es_url=f"http://127.0.0.1:{port}",
                        search={"flavor": "opensearch"})
    client = make_client(settings, request_timeout=2)
    started = []
    waits: list[float] = []

    def sleep_then_start(delay: float) -> None:
        waits.append(delay)
        if len(waits) == 2:  # bring the engine up after two failed attempts
            server = start_search("127.0.0.1", port, log_dir=tmp_path)
            started.append(server)
            ensure_indices(settings, make_client(settings), wait_s=10)

    writer = BulkWriter(client, "wirewatch-events", backoff=Backoff(0.01, 0.05), sleep=sleep_then_start)
    try:
        assert writer.write([("e1", {"id": "e1", "category": "ASSAULT"})]).rejected == []
        assert len(waits) >= 2
        client.indices.refresh(index="wirewatch-events")
        assert client.get(index="wirewatch-events", id="e1")["_source"]["category"] == "ASSAULT"
    finally:
        for server in started:
            server.stop()


def test_backoff_grows_exponentially_and_is_capped():
    backoff = Backoff(initial_s=1.0, max_s=8.0)
    for attempt, cap in [(0, 1.0), (2, 4.0), (3, 8.0), (10, 8.0)]:
        assert all(0 <= backoff.delay(attempt) <= cap for _ in range(50))


def test_a_request_refused_as_too_large_is_split_until_it_goes_in(isolated_settings: Settings):
    """osmem answers 413 to a bulk body over 100 MB: the writer halves it instead of crashing."""
    client = make_client(isolated_settings, request_timeout=120)
    ensure_indices(isolated_settings, client, wait_s=10)
    alias = f"{isolated_settings.index_prefix}articles"
    blob = "x" * 1_000_000  # an unmapped field (dynamic: false): stored, not indexed
    docs = [(f"big-{i}", {"id": f"big-{i}", "blob": blob}) for i in range(105)]
    result = BulkWriter(client, alias, backoff=Backoff(0.01, 0.02)).write(docs)
    assert result.rejected == []
    client.indices.refresh(index=alias)
    assert client.count(index=alias)["count"] == 105
    client.indices.delete(index=f"{alias}-000001")


def test_documents_wait_for_a_missing_alias_instead_of_creating_an_index(isolated_settings: Settings):
    """With require_alias a lost alias is never replaced by a plain index; setup brings it back."""
    client = make_client(isolated_settings)
    alias = f"{isolated_settings.index_prefix}events"
    waits: list[float] = []

    def sleep_then_setup(delay: float) -> None:
        waits.append(delay)
        assert not client.indices.exists(index=alias), "a plain index was auto-created"
        if len(waits) == 2:
            ensure_indices(isolated_settings, client, wait_s=10)

    writer = BulkWriter(client, alias, backoff=Backoff(0.01, 0.02), sleep=sleep_then_setup)
    assert writer.write([("e1", {"id": "e1", "category": "PROTEST"})]).rejected == []
    assert len(waits) == 2
    assert client.indices.exists_alias(name=alias)
    client.indices.refresh(index=alias)
    assert client.get(index=alias, id="e1")["_source"]["category"] == "PROTEST"


def test_setup_moves_a_plain_index_squatting_on_an_alias_name(isolated_settings: Settings):
    client = make_client(isolated_settings)
    alias = f"{isolated_settings.index_prefix}articles"
    client.index(index=alias, id="a1", document={"id": "a1", "title": "written before setup"}, refresh=True)
    assert not client.indices.exists_alias(name=alias)
    notes: list[str] = []
    created = ensure_indices(isolated_settings, client, wait_s=10, notify=notes.append)
    assert alias in created
    assert notes and "plain index (1 documents)" in notes[0]
    assert client.indices.exists_alias(name=alias)
    assert list(client.indices.get_alias(name=alias)) == [f"{alias}-000001"]
    assert client.get(index=alias, id="a1")["_source"]["title"] == "written before setup"
    assert ensure_indices(isolated_settings, client, wait_s=10) == []  # repaired: a re-run finds nothing


def test_doc_retries_are_bounded_but_the_cluster_is_waited_for():
    """Per-document 429/5xx count towards the bound; a missing alias does not."""
    writer = BulkWriter(None, "x", max_doc_attempts=2)  # type: ignore[arg-type] - _sort_items needs no client
    pending = {"a": {}, "b": {}, "c": {}, "d": {}}
    attempts: dict[str, int] = {}
    result = WriteResult()
    items = [
        {"index": {"_id": "a", "status": 201, "result": "created"}},
        {"index": {"_id": "b", "status": 503, "error": {"type": "unavailable", "reason": "busy"}}},
        {"index": {"_id": "c", "status": 404, "error": {"type": "index_not_found_exception", "reason": "gone"}}},
        {"index": {"_id": "d", "status": 400, "error": {"type": "mapper_parsing_exception", "reason": "bad"}}},
    ]
    retry = writer._sort_items(items, pending, attempts, result)
    assert sorted(retry) == ["b", "c"]
    assert [r.doc_id for r in result.rejected] == ["d"]
    retry = writer._sort_items(items[1:3], retry, attempts, result)
    assert sorted(retry) == ["c"]  # b failed twice on its own: rejected; c waits for setup
    assert [(r.doc_id, r.status) for r in result.rejected] == [("d", 400), ("b", 503)]
