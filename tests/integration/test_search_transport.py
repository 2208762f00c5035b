"""Choosing the transport: the embedded engine needs plain media types, Elasticsearch does not."""

from __future__ import annotations

import threading
import time

import pytest

from core.search_client import PlainMediaTypeNode, detect_flavor, make_client
from core.settings import Settings
from wirewatch.embedded import free_port, start_search

pytestmark = pytest.mark.integration


def test_the_embedded_engine_is_detected_and_served_plain_media_types(search_url):
    settings = Settings(kafka_bootstrap="127.0.0.1:1", es_url=search_url)
    assert detect_flavor(settings) == "opensearch"
    client = make_client(settings)
    assert all(isinstance(node, PlainMediaTypeNode) for node in client.transport.node_pool.all())
    client.index(index="transport-check", id="1", document={"ok": True}, refresh=True)
    assert client.get(index="transport-check", id="1")["_source"] == {"ok": True}


def test_a_client_made_before_the_engine_starts_waits_and_still_picks_the_right_transport(tmp_path):
    port = free_port()
    settings = Settings(kafka_bootstrap="127.0.0.1:1", es_url=f"http://127.0.0.1:{port}")
    made: list = []
    waiting = threading.Thread(target=lambda: made.append(make_client(settings, wait_s=30)))
    waiting.start()  # the client waits for an engine that is not there yet
    time.sleep(2.0)
    server = start_search("127.0.0.1", port, log_dir=tmp_path)  # from the main thread: see spawn()
    try:
        waiting.join(35)
        (client,) = made
        client.index(index="late-start", id="1", document={"ok": True}, refresh=True)
        assert client.count(index="late-start")["count"] == 1
    finally:
        server.stop()
