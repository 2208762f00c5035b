"""The feed poller: RSS 2.0, Atom and RDF feeds listed in a YAML file.

Delivery guarantee: at-least-once, with duplicates limited to the in-flight
window. An entry is marked seen (in the state file, see :mod:`connectors.state`)
only after the broker acknowledged its article, and a feed's ETag/Last-Modified
are stored only after all of its new entries were acknowledged. After a crash
the entries that were published but not yet marked are published again, with
the same ids (so downstream writes stay idempotent). Entries are deduplicated
by GUID, else by canonical link.

Each feed is polled on its own schedule by a small thread pool; a failing feed
(HTTP error, timeout, malformed XML, oversized body) backs off exponentially
with jitter and never delays the others. The YAML file is re-read when it
changes, without a restart.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from connectors.backfill import FEED_ACCEPT
from connectors.base import Connector
from connectors.delivery import await_delivery
from connectors.errors import ConnectorError, DeliveryError
from connectors.feed_config import FeedConfig, FeedsWatcher
from connectors.feed_items import document_articles, feed_source
from connectors.feed_parse import parse_feed
from connectors.fetch import Fetcher
from connectors.items import ItemError
from connectors.publisher import DeliveryCallback
from connectors.state import FeedState
from core.backoff import Backoff
from core.metrics import record_connector
from schemas import RawArticle

log = logging.getLogger(__name__)

TICK_S = 0.1
REPORTS_KEPT = 200
# a broker outage is not the feed's fault: poll again soon (windows of 2, 4... s up to a minute)
BROKER_BACKOFF = Backoff(initial_s=2.0, max_s=60.0)


@dataclass
class PollReport:
    """What one poll of one feed did."""

    feed: str
    not_modified: bool = False
    entries: int = 0
    published: int = 0
    invalid: int = 0
    seconds: float = 0.0


@dataclass
class _Schedule:
    feed: FeedConfig
    due: float
    failures: int = 0
    undelivered: int = 0  # polls in a row whose articles the broker did not acknowledge
    running: Future | None = field(default=None, repr=False)


class FeedPoller:
    """Polls one feed at a time: fetch, parse, publish new entries, remember them."""

    def __init__(self, connector: FeedConnector) -> None:
        self.c = connector

    def poll(self, feed: FeedConfig) -> PollReport:
        """Poll ``feed`` once.

        Raises:
            ConnectorError: fetch or parse failure, or undelivered articles.
        """
        state, report = self.c.state, PollReport(feed.name)
        started = time.monotonic()
        etag, last_modified = state.validators(feed.name)
        response = self.c.fetcher.get(
            feed.url, etag=etag, last_modified=last_modified, accept=FEED_ACCEPT
        )
        if response.not_modified:
            report.not_modified = True
            report.seconds = time.monotonic() - started
            return report
        document = parse_feed(response.body, url=response.url, content_type=response.content_type)
        report.entries = len(document.entries)
        seen = state.seen_keys(feed.name, (e.key for e in document.entries))
        source = feed_source(feed)
        record_connector(source, "fetched", len(document.entries))
        record_connector(source, "duplicates", len(seen))
        acked: list[tuple[str, str]] = []  # (dedupe key, article id), filled by the I/O thread
        sends = []

        def drain() -> None:
            """Record what the broker acknowledged so far: the only place entries become seen."""
            batch = acked[:]
            del acked[: len(batch)]
            state.mark_seen(feed.name, batch)

        for entry, result in document_articles(document, feed, self.c.fetcher, skip=seen):
            if self.c.stopping.is_set():
                break
            if isinstance(result, ItemError):
                report.invalid += 1
                record_connector(source, "errors")
                log.warning("feed %s: skipping %s", feed.name, result)
                state.mark_seen(feed.name, [(entry.key, "-")])  # invalid for good
                continue
            future = self.c.publisher.publish(result.article, _ack_into(acked, entry.key))
            sends.append((result.article.id, future))
            drain()
        try:
            await_delivery(sends, self.c.settings.connectors.delivery_timeout_s)
        finally:
            drain()
        report.published = len(sends)
        report.seconds = time.monotonic() - started
        if not self.c.stopping.is_set():
            state.set_validators(feed.name, response.etag, response.last_modified)
        return report


class FeedConnector(Connector):
    """Polls every feed of ``connectors.feeds_file`` on its own schedule."""

    name = "feeds"

    def setup(self) -> None:
        cfg = self.settings.connectors
        if cfg.feeds_file is None:
            raise ConnectorError("no feeds file: set WIREWATCH_CONNECTORS__FEEDS_FILE")
        self.state = FeedState(cfg.state_dir)
        self.fetcher = Fetcher(cfg)
        self.watcher = FeedsWatcher(cfg.feeds_file)
        self.pool = ThreadPoolExecutor(cfg.fetch_workers, thread_name_prefix="wirewatch-feed")
        self.poller = FeedPoller(self)
        self.schedules: dict[str, _Schedule] = {}
        self.reports: deque[PollReport] = deque(maxlen=REPORTS_KEPT)

    def _reload(self) -> None:
        try:
            changed = self.watcher.poll()
        except ConnectorError as exc:
            log.error("feeds file not reloaded, keeping the previous list: %s", exc)
            return
        if not changed:
            return
        now, current = time.monotonic(), {f.name: f for f in self.watcher.feeds}
        for name in list(self.schedules):
            if name not in current:
                del self.schedules[name]
        for name, feed in current.items():
            old = self.schedules.get(name)
            if old is None or old.feed != feed:
                self.schedules[name] = _Schedule(feed, due=now)
        log.info("feeds file loaded: %d feed(s)", len(current))

    def _finish(self, schedule: _Schedule) -> None:
        future, schedule.running = schedule.running, None
        assert future is not None
        cfg, now = self.settings.connectors, time.monotonic()
        error = future.exception()
        if error is None:
            report = future.result()
            self.reports.append(report)
            schedule.failures = schedule.undelivered = 0
            schedule.due = now + (schedule.feed.poll_interval or cfg.default_poll_interval_s)
            log.info(
                "feed %s polled in %.0f ms: %s", schedule.feed.name, report.seconds * 1000,
                "not modified" if report.not_modified else f"{report.entries} entries, "
                f"{report.published} published, {report.invalid} invalid",
            )
            return
        if isinstance(error, DeliveryError):
            # unacknowledged entries were not marked seen: the next poll sends them again
            delay = BROKER_BACKOFF.delay(schedule.undelivered)
            schedule.undelivered += 1
            schedule.due = now + delay
            log.error("feed %s: the broker did not acknowledge (%d polls in a row); polling again in %.1fs: %s",
                      schedule.feed.name, schedule.undelivered, delay, error)
            return
        schedule.failures += 1
        record_connector(feed_source(schedule.feed), "errors")
        delay = Backoff(cfg.backoff_initial_s, cfg.backoff_max_s).delay(schedule.failures - 1)
        schedule.due = now + delay
        log.error(
            "feed %s failed (%d in a row), retrying in %.1fs: %s",
            schedule.feed.name, schedule.failures, delay, error,
        )

    def run(self) -> None:
        reload_every, next_reload = self.settings.connectors.feeds_reload_s, 0.0
        while not self.stopping.is_set():
            now = time.monotonic()
            if now >= next_reload:
                self._reload()
                next_reload = now + reload_every
            for schedule in list(self.schedules.values()):
                if schedule.running is not None and schedule.running.done():
                    self._finish(schedule)
                if schedule.running is None and schedule.due <= now:
                    schedule.running = self.pool.submit(self.poller.poll, schedule.feed)
            self.wait(TICK_S)

    def cleanup(self, failed: bool) -> None:
        if hasattr(self, "pool"):
            self.pool.shutdown(wait=True, cancel_futures=True)
        if hasattr(self, "state"):
            self.state.close()


def _ack_into(acked: list[tuple[str, str]], key: str) -> DeliveryCallback:
    """A delivery callback that records ``(entry key, article id)`` once the broker acknowledged it."""

    def on_delivered(article: RawArticle, error: BaseException | None) -> None:
        if error is None:
            acked.append((key, article.id))

    return on_delivered
