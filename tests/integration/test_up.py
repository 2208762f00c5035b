"""`wirewatch up --demo` end to end: embedded services, demo searchable, clean stop."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack

import pytest

from tests.integration.helpers import wait_for
from tests.support.http_server import LocalServer, Route
from tests.support.samples import rss_feed, sample_entries
from wirewatch.embedded import free_port
from wirewatch.processes import spawn, terminate

pytestmark = pytest.mark.integration


def _get(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.loads(response.read())
    except OSError:
        return {}


def _children_of(pid: int) -> set[int]:
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    tree, found = {}, set()
    for line in out.splitlines():
        child, parent = map(int, line.split())
        tree.setdefault(parent, []).append(child)
    stack = [pid]
    while stack:
        for child in tree.get(stack.pop(), []):
            found.add(child)
            stack.append(child)
    return found


def _post_article(port: int, article: dict) -> int:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/articles", data=json.dumps(article).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def _try_post(port: int, article: dict) -> int | None:
    try:
        return _post_article(port, article)
    except OSError:
        return None


def test_up_demo_makes_the_demo_searchable_and_stops_cleanly(tmp_path):
    kafka_port, es_port, webhook_port, web_port = free_port(), free_port(), free_port(), free_port()
    cleanup = ExitStack()
    feed = cleanup.enter_context(LocalServer({"/feed.xml": Route(rss_feed(sample_entries(3)))}))
    feeds_file = tmp_path / "feeds.yaml"
    feeds_file.write_text(f"feeds:\n  - name: local\n    url: {feed.url('/feed.xml')}\n"
                          "    poll_interval: 60\n    full_pages: never\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update({"WIREWATCH_EMBEDDED__KAFKA_PORT": str(kafka_port), "WIREWATCH_EMBEDDED__ES_PORT": str(es_port),
                "WIREWATCH_CONNECTORS__WEBHOOK_PORT": str(webhook_port), "WIREWATCH_WEB__PORT": str(web_port),
                "WIREWATCH_INBOX_DIR": str(tmp_path / "inbox"),
                "WIREWATCH_WORKER__DATA_DIR": str(tmp_path / "worker")})
    log = tmp_path / "up.log"
    up = spawn([sys.executable, "-m", "wirewatch", "up", "--demo", "--feeds", str(feeds_file),
                "--log-dir", str(tmp_path / "logs")], log_path=log, env=env, cwd=tmp_path)
    started = time.monotonic()
    try:
        url = f"http://127.0.0.1:{es_port}"
        wait_for(lambda: _get(f"{url}/wirewatch-articles/_count").get("count", 0) >= 12, timeout=120,
                 what=f"demo articles searchable (log {log})")
        print(f"demo searchable after {time.monotonic() - started:.1f} s")
        # events have their own index agent: they may become searchable a moment after the articles
        hits = wait_for(lambda: _get(f"{url}/wirewatch-events/_search?q=subtype:AIR_STRIKE")["hits"]["hits"],
                        timeout=30, what="the demo's air strikes searchable")
        assert all(h["_source"]["subtype"] == "AIR_STRIKE" for h in hits)

        # the connectors started by `up`: the feed is polled, the webhook accepts articles
        wait_for(lambda: _get(f"{url}/wirewatch-articles/_count?q=source:%22rss:local%22").get("count") == 3,
                 timeout=60, what="the three feed items indexed")
        status = wait_for(lambda: _try_post(webhook_port, {
            "title": "Hail storm in Lyon", "body": "A hail storm damaged roofs in Lyon, France, on Friday.",
            "url": "https://example.org/hail-lyon"}), timeout=30, what="the webhook accepting an article")
        assert status == 202
        wait_for(lambda: _get(f"{url}/wirewatch-articles/_count?q=title:hail").get("count") == 1,
                 timeout=60, what="the webhook article indexed")
        # the search page `up` serves answers with the demo, and `up` said when search started working
        page = wait_for(lambda: _get(f"http://127.0.0.1:{web_port}/api/articles?q=earthquake"), timeout=30,
                        what="the search page answering")
        assert page["hits"] and "earthquake" in page["hits"][0]["title"].lower()
        children = _children_of(up.pid)
        assert len(children) >= 5, "expected broker, search engine, worker, connectors and the page"
        # `up` prints "first article searchable" from its supervisor loop, which counts at most every
        # 2 s and may lag the search engine on a loaded machine: wait for the line, bounded
        wanted = (f"127.0.0.1:{kafka_port}", url, f"http://127.0.0.1:{web_port}/", "first article searchable")
        wait_for(lambda: all(text in log.read_text() for text in wanted), timeout=30,
                 what=f"up's log naming the broker, the search engine, the page and the first searchable article ({log})")
    finally:
        cleanup.close()
        up.send_signal(signal.SIGTERM)
        try:
            up.wait(30)
        finally:
            terminate(up)
    alive = [pid for pid in children if os.path.exists(f"/proc/{pid}") and
             "zombie" not in open(f"/proc/{pid}/status").read().lower()]
    assert alive == [], f"orphans left behind: {alive}"
    assert up.returncode == 0, log.read_text()[-3000:]
