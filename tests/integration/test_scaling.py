"""Two workers in one consumer group share the partitions; each article is tagged once."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from connectors.publisher import ArticlePublisher
from core.search_client import make_client
from core.settings import Settings
from core.topics import Topics
from schemas import RawArticle, article_id, utcnow
from tests.conftest import settings_env
from tests.integration.helpers import wait_for
from tests.support.topics import read_topic
from wirewatch.commands.setup import run_setup
from wirewatch.processes import spawn, terminate

pytestmark = pytest.mark.integration

ARTICLES = 40


def _assignments(log: Path) -> list[set[str]]:
    """Every 'partitions assigned' line of a worker's JSON log, oldest first."""
    found = []
    for line in log.read_text(errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("message") == "partitions assigned":
            found.append(set(record["partitions"]))
    return found


def _raw_partitions(assigned: set[str], topic: str) -> set[str]:
    return {p for p in assigned if p.rsplit(":", 1)[0] == topic}


def test_two_workers_split_the_raw_topic_and_tag_each_article_once(embedded_stack, tmp_path):
    bootstrap, url = embedded_stack
    settings = Settings(kafka_bootstrap=bootstrap, es_url=url, topic_prefix="scale.", index_prefix="scale-",
                        worker={"app_id": "wirewatch-scaling-test", "data_dir": tmp_path / "worker"})
    run_setup(settings, wait_s=10)
    topics = Topics(settings.topic_prefix)
    env = {**os.environ, **settings_env(settings), "WIREWATCH_LOG_LEVEL": "INFO"}
    logs = [tmp_path / f"worker-{n}.log" for n in (1, 2)]
    workers = [spawn([sys.executable, "-m", "wirewatch", "worker"], log_path=log, env=env) for log in logs]
    try:
        # wait until the group settled with both members owning disjoint raw partitions
        def settled() -> bool:
            latest = [_assignments(log)[-1:] for log in logs]
            if not all(latest):
                return False
            first, second = (_raw_partitions(a[0], topics.raw) for a in latest)
            return bool(first) and bool(second) and not first & second and \
                len(first | second) == settings.kafka.partitions

        wait_for(settled, timeout=120, interval=0.5, what=f"both workers owning raw partitions ({logs})")

        articles = [RawArticle(id=article_id(None, f"Report {n}", body), source="file:scale", title=f"Report {n}",
                               body=body, fetched_at=utcnow())
                    for n in range(ARTICLES)
                    for body in [f"Police in Lagos arrested {n + 2} protesters on Monday, officials said."]]
        with ArticlePublisher(settings) as publisher:
            for article in articles:
                publisher.publish(article)
            publisher.flush()

        client = make_client(settings)
        alias = f"{settings.index_prefix}articles"

        def indexed() -> bool:
            client.indices.refresh(index=alias)
            return client.count(index=alias)["count"] == ARTICLES

        wait_for(indexed, timeout=90, what=f"{ARTICLES} articles indexed")
        tagged = read_topic(settings, topics.tagged, expect=ARTICLES + 1, timeout=5)
        keys = [m.key for m in tagged]
        assert sorted(keys) == sorted(a.id.encode() for a in articles), "an article was tagged twice or not at all"
        for log in logs:
            batches = [json.loads(line) for line in log.read_text().splitlines()
                       if line.startswith("{") and '"message": "tag batch"' in line]
            assert sum(b["tagged"] for b in batches) > 0, f"{log.name} tagged nothing"
    finally:
        for worker in workers:
            terminate(worker)
