"""Kill the connectors mid-poll with SIGKILL, restart them: nothing lost, duplicates bounded."""

import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from connectors.service import ConnectorService
from core.settings import Settings
from core.topics import Topics
from tests.integration.helpers import wait_for
from tests.support.http_server import LocalServer, Route
from tests.support.samples import article_page, rss_feed, sample_entries
from tests.support.topics import TopicReader

pytestmark = pytest.mark.integration

ENTRIES = 40
IN_FLIGHT_WINDOW = 5
"""Articles sent but not yet recorded as acknowledged when the process dies (see connectors/feeds.py)."""




def connectors_process(settings: Settings, tmp_path: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "WIREWATCH_KAFKA_BOOTSTRAP": settings.bootstrap,
        "WIREWATCH_TOPIC_PREFIX": settings.topic_prefix,
        "WIREWATCH_INBOX_DIR": str(tmp_path / "inbox"),
        "WIREWATCH_CONNECTORS__STATE_DIR": str(tmp_path / "state"),
        "WIREWATCH_CONNECTORS__FEEDS_FILE": str(tmp_path / "feeds.yaml"),
        "WIREWATCH_LOG_LEVEL": "WARNING",
    }
    return subprocess.Popen([sys.executable, "-m", "wirewatch", "connectors"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_mid_poll_then_restart_loses_nothing(isolated_settings: Settings, tmp_path: Path) -> None:
    topic = TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw)
    with LocalServer() as server:
        entries = sample_entries(ENTRIES, base=server.url("/story"))
        server.routes["/rss"] = Route(rss_feed(entries))
        for i in range(ENTRIES):  # every entry's full page takes a while: the poll is slow
            route = Route(article_page(f"Story {i}", [f"Full text of story {i}. " * 8]),
                          content_type="text/html", delay=0.05)
            server.routes[f"/story/{i}?utm_source=rss"] = server.routes[f"/story/{i}"] = route
        (tmp_path / "feeds.yaml").write_text(
            f"feeds:\n  - {{name: slow, url: '{server.url('/rss')}', poll_interval: 600, full_pages: always}}\n")

        first = connectors_process(isolated_settings, tmp_path)
        try:
            wait_for(lambda: len(topic.read(idle=0.2, timeout=2)) >= 10, timeout=20, what="some articles published")
            first.send_signal(signal.SIGKILL)
            first.wait(10)
        finally:
            first.kill()
        before = {r.key for r in topic.read(idle=0.3, timeout=3)}
        assert 10 <= len(before) < ENTRIES, "the kill must land mid-poll"

        second = connectors_process(isolated_settings, tmp_path)
        try:
            wait_for(lambda: len({r.key for r in topic.read(idle=0.2, timeout=2)}) >= ENTRIES,
                       timeout=30, what="every entry on the topic")
            second.send_signal(signal.SIGTERM)
            assert second.wait(15) == 0, second.stderr.read().decode() if second.stderr else ""
        finally:
            second.kill()

    counts = collections.Counter(r.key for r in topic.read(expect=ENTRIES, idle=0.5))
    assert len(counts) == ENTRIES
    duplicates = sum(n - 1 for n in counts.values())
    assert duplicates <= IN_FLIGHT_WINDOW, counts.most_common(8)


def test_service_starts_every_configured_connector_and_stops_cleanly(
    isolated_settings: Settings, tmp_path: Path
) -> None:
    connectors = isolated_settings.connectors.model_copy(update={
        "state_dir": tmp_path / "state", "feeds_file": tmp_path / "feeds.yaml",
        "webhook_enabled": True, "webhook_port": 0, "inbox_poll_s": 0.1})
    settings = isolated_settings.model_copy(update={"connectors": connectors})
    service = ConnectorService(settings)
    started = time.monotonic()
    service.start()
    try:
        assert time.monotonic() - started < 5  # start() does not block
        assert [c.name for c in service.connectors] == ["inbox", "feeds", "webhook"]
        (settings.inbox_dir / "x.txt").write_text("Service\nbody")
        wait_for(lambda: (settings.inbox_dir / "done" / "x.txt").exists(), timeout=20, what="inbox file done")
    finally:
        service.stop()
    assert not any(c.alive for c in service.connectors) and service.failed() == []
    assert len(TopicReader(settings.bootstrap, Topics(settings.topic_prefix).raw).read(expect=1)) == 1
