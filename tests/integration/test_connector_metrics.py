"""The connectors count what they fetch, publish, skip and fail, per source, on /metrics."""

from __future__ import annotations

from pathlib import Path

import pytest

from connectors.inbox import INBOX_SOURCE, InboxConnector
from core import metrics
from core.settings import Settings
from tests.integration.helpers import running, wait_for

pytestmark = pytest.mark.integration


def counted(outcome: str, source: str) -> float:
    return metrics.REGISTRY.get_sample_value(f"wirewatch_connector_{outcome}_total", {"source": source}) or 0.0


def test_the_inbox_counts_fetched_published_and_failed_items(isolated_settings: Settings) -> None:
    connectors = isolated_settings.connectors.model_copy(update={"inbox_poll_s": 0.1})
    settings = isolated_settings.model_copy(update={"connectors": connectors})
    before = {outcome: counted(outcome, INBOX_SOURCE) for outcome in metrics.CONNECTOR_OUTCOMES}
    produced_before = metrics.REGISTRY.get_sample_value(
        "wirewatch_messages_produced_total", {"topic": f"{settings.topic_prefix}articles.raw"}) or 0.0
    with running(InboxConnector, settings):
        folder: Path = settings.inbox_dir
        (folder / "mixed.jsonl").write_text('{"title": "A", "body": "a"}\n{"title": "B", "body": "b"}\n{broken\n')
        wait_for(lambda: list((folder / "failed").glob("*.error.txt")), what="the file handled")
        wait_for(lambda: counted("published", INBOX_SOURCE) >= before["published"] + 2, timeout=10,
                 what="two acknowledged articles counted")
    assert counted("fetched", INBOX_SOURCE) == before["fetched"] + 3
    assert counted("errors", INBOX_SOURCE) == before["errors"] + 1
    assert counted("published", INBOX_SOURCE) == before["published"] + 2
    assert counted("duplicates", INBOX_SOURCE) == before["duplicates"]
    produced = metrics.REGISTRY.get_sample_value(
        "wirewatch_messages_produced_total", {"topic": f"{settings.topic_prefix}articles.raw"})
    assert produced == produced_before + 2


def test_a_feed_counts_duplicates_on_later_polls_and_failures(isolated_settings: Settings, tmp_path: Path) -> None:
    from connectors.feeds import FeedConnector
    from tests.support.http_server import LocalServer, Route
    from tests.support.samples import rss_feed, sample_entries

    connectors = isolated_settings.connectors.model_copy(update={
        "state_dir": tmp_path / "state", "feeds_file": tmp_path / "feeds.yaml", "feeds_reload_s": 0.2,
        "fetch_timeout_s": 0.5, "backoff_initial_s": 0.2, "backoff_max_s": 1.0})
    settings = isolated_settings.model_copy(update={"connectors": connectors})
    name = f"m{isolated_settings.topic_prefix.strip('.')}"
    source, broken = f"rss:{name}", f"rss:{name}-broken"
    with LocalServer() as server:
        server.routes["/rss"] = Route(rss_feed(sample_entries(2)))
        settings.connectors.feeds_file.write_text(
            f"feeds:\n  - {{name: {name}, url: '{server.url('/rss')}', poll_interval: 0.3, full_pages: never}}\n"
            f"  - {{name: {name}-broken, url: '{server.url('/missing')}', poll_interval: 0.3}}\n")
        with running(FeedConnector, settings):
            wait_for(lambda: counted("duplicates", source) >= 4, timeout=20, what="two repeat polls counted")
            wait_for(lambda: counted("errors", broken) >= 1, timeout=20, what="the broken feed counted")
    assert counted("published", source) == 2  # each story once
    assert counted("fetched", source) >= counted("duplicates", source) + 2
