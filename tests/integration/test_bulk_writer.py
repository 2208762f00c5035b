"""BulkWriter against the real search engine: rejections and retries."""

from __future__ import annotations

import pytest

from core.backoff import Backoff
from core.search_client import make_client
from core.settings import Settings
from streams.indexing.bulk import BulkWriter
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
    ])
    assert sorted(r.doc_id for r in rejected) == ["bad-date", "bad-geo"]
    assert all(r.status == 400 and r.reason for r in rejected)
    client.indices.refresh(index=alias)
    assert client.exists(index=alias, id="good")
    assert not client.exists(index=alias, id="bad-date")


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
        assert writer.write([("e1", {"id": "e1", "category": "ASSAULT"})]) == []
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
