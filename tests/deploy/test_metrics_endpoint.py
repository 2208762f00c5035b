"""core.metrics: the counters move and /metrics serves them."""

from __future__ import annotations

import socket
import urllib.request

import pytest
from deploy_support import free_port

from core import metrics


def value(name: str, **labels: str) -> float:
    return metrics.REGISTRY.get_sample_value(f"wirewatch_{name}", labels) or 0.0


def test_record_functions_count_with_their_labels():
    before = value("messages_consumed_total", topic="t.raw")
    metrics.record_consumed("t.raw", 3)
    metrics.record_consumed("t.raw")
    assert value("messages_consumed_total", topic="t.raw") == before + 4

    before = {
        "produced": value("messages_produced_total", topic="t.events"),
        "tagged": value("articles_tagged_total"),
        "indexed": value("documents_indexed_total", index="wirewatch-events"),
        "dead": value("messages_deadlettered_total", stage="tag"),
    }
    metrics.record_produced("t.events", 5)
    metrics.record_tagged(2)
    metrics.record_indexed("wirewatch-events", 7)
    metrics.record_deadlettered("tag")
    assert value("messages_produced_total", topic="t.events") == before["produced"] + 5
    assert value("articles_tagged_total") == before["tagged"] + 2
    assert value("documents_indexed_total", index="wirewatch-events") == before["indexed"] + 7
    assert value("messages_deadlettered_total", stage="tag") == before["dead"] + 1


def test_timers_observe_into_the_histograms():
    before = value("tagging_seconds_count")
    with metrics.tagging_timer():
        pass
    assert value("tagging_seconds_count") == before + 1
    before = value("bulk_seconds_count", index="wirewatch-articles")
    with pytest.raises(RuntimeError), metrics.bulk_timer("wirewatch-articles"):
        raise RuntimeError("a failed bulk request still took time")
    assert value("bulk_seconds_count", index="wirewatch-articles") == before + 1


def test_consumer_lag_is_set_per_partition_and_never_negative():
    metrics.set_consumer_lag("t.raw", 2, 40)
    metrics.set_consumer_lag("t.raw", 3, -1)
    assert value("consumer_lag", topic="t.raw", partition="2") == 40
    assert value("consumer_lag", topic="t.raw", partition="3") == 0


def test_metrics_server_serves_the_registry():
    port = free_port()
    server, thread = metrics.start_metrics_server(port, addr="127.0.0.1")
    try:
        metrics.record_consumed("served.topic")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
            text = response.read().decode()
        assert 'wirewatch_messages_consumed_total{topic="served.topic"}' in text
        assert "wirewatch_tagging_seconds_bucket" in text
        assert "process_cpu_seconds_total" in text
    finally:
        server.shutdown()
        server.server_close()


def test_port_zero_turns_the_endpoint_off():
    assert metrics.start_metrics_server(0) is None


def test_a_taken_port_says_which_setting_to_change():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        with pytest.raises(OSError, match="WIREWATCH_WORKER__METRICS_PORT"):
            metrics.start_metrics_server(taken.getsockname()[1], addr="127.0.0.1")


def test_bulk_failures_and_connector_outcomes_are_counted_by_label():
    before = value("bulk_failures_total", index="wirewatch-events", reason="429")
    metrics.record_bulk_failure("wirewatch-events", "429")
    assert value("bulk_failures_total", index="wirewatch-events", reason="429") == before + 1
    for outcome in metrics.CONNECTOR_OUTCOMES:
        before = value(f"connector_{outcome}_total", source="rss:test")
        metrics.record_connector("rss:test", outcome, 2)
        metrics.record_connector("rss:test", outcome, 0)
        assert value(f"connector_{outcome}_total", source="rss:test") == before + 2


def test_the_server_logs_its_url_and_a_taken_port_names_the_given_setting(caplog):
    port = free_port()
    with caplog.at_level("INFO", logger="core.metrics"):
        server, _ = metrics.start_metrics_server(port, addr=metrics.LOOPBACK)
    try:
        assert f"metrics on http://127.0.0.1:{port}/metrics" in caplog.text
        with pytest.raises(OSError, match="WIREWATCH_CONNECTORS__METRICS_PORT"):
            metrics.start_metrics_server(port, addr="127.0.0.1", setting="WIREWATCH_CONNECTORS__METRICS_PORT")
    finally:
        server.shutdown()
        server.server_close()
