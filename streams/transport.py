"""faust's Kafka transport, with a bounded retry interval while the broker is away; no start-up nap.

faust builds aiokafka's consumer with ``fetch_max_wait_ms`` fixed at 1,500 ms,
which on Tansu is added to every hop (:class:`App` takes the setting instead),
and its consumer and producer without ``retry_backoff_ms``, so
both retry every 100 ms (aiokafka's default): with the broker gone a worker
logged about 2,300 errors a minute (connect, metadata, group coordinator,
fetch). Here they wait :data:`RETRY_BACKOFF_MS` between attempts instead,
which still reconnects within a second of the broker's return; the repeated
lines themselves are thinned by :class:`core.logging.RepeatFilter`.

:class:`App` is ``faust.App`` with this transport, a table manager that
starts without faust's fixed one-second sleep (:class:`TableManager`), and a
bounded wait for the agents' batches in a rebalance (:meth:`App._consumer_wait_empty`).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import faust
from faust.tables import TableManager as FaustTableManager
from faust.transport.drivers import aiokafka as driver

from core import threads

log = logging.getLogger(__name__)

RETRY_BACKOFF_MS = 1_000
DEFAULT_FETCH_MAX_WAIT_MS = 100  # the setting kafka.fetch_max_wait_ms (core/settings.py) says why


class _ConsumerThread(driver.AIOKafkaConsumerThread):
    async def on_thread_started(self) -> None:
        threads.name_os_thread(threads.CONSUMER)  # for CPU accounts from /proc (core/threads.py)
        await super().on_thread_started()

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        # faust fixes fetch_max_wait_ms at 1,500; aiokafka reads it when the consumer starts
        if hasattr(consumer, "_fetch_max_wait_ms"):
            consumer._fetch_max_wait_ms = getattr(self.app, "fetch_max_wait_ms", DEFAULT_FETCH_MAX_WAIT_MS)
        # faust passes no retry_backoff_ms; aiokafka reads these two when it starts
        # (the fetcher and the group coordinator) and between metadata attempts.
        if hasattr(consumer, "_retry_backoff_ms") and hasattr(consumer, "_client"):
            consumer._retry_backoff_ms = RETRY_BACKOFF_MS
            consumer._client._retry_backoff = RETRY_BACKOFF_MS / 1000
        return consumer


class _Consumer(driver.Consumer):
    def _new_consumer_thread(self) -> _ConsumerThread:
        return _ConsumerThread(self, loop=self.loop, beacon=self.beacon)


class _Producer(driver.Producer):
    def _settings_extra(self) -> Any:
        return {**super()._settings_extra(), "retry_backoff_ms": RETRY_BACKOFF_MS}


class Transport(driver.Transport):
    """The aiokafka transport with :data:`RETRY_BACKOFF_MS` between retries."""

    Consumer = _Consumer
    Producer = _Producer


class TableManager(FaustTableManager):
    """faust's table manager without the sleep at start.

    faust's ``TableManager.on_start`` sleeps one second before it registers the
    tables, and the consumer subscribes only after that: a second of every
    worker's start-up spent waiting for tables that modules declare at import
    time. wirewatch declares none, so it starts at once.
    """

    async def on_start(self) -> None:
        if not self.should_stop:
            await self._update_channels()
            await self.recovery.start()


class App(faust.App):
    """``faust.App`` that talks to Kafka through :class:`Transport`, with :class:`TableManager`.

    ``fetch_max_wait_ms``: how long the broker may hold a fetch with nothing to
    read (faust fixes it at 1,500 ms; see ``kafka.fetch_max_wait_ms``).
    ``rebalance_wait_s``: how long a rebalance waits for the agents' batches
    (``worker.rebalance_wait_s``); None waits as faust does, without limit.
    """

    def __init__(self, *args: Any, fetch_max_wait_ms: int = DEFAULT_FETCH_MAX_WAIT_MS,
                 rebalance_wait_s: float | None = None, **kwargs: Any) -> None:
        super().__init__(*args, TableManager=TableManager, **kwargs)
        self.fetch_max_wait_ms = fetch_max_wait_ms
        self.rebalance_wait_s = rebalance_wait_s

    async def _consumer_wait_empty(self, consumer: Any, logger: Any) -> None:
        """Wait for the agents' batches: for good when stopping, at most ``rebalance_wait_s`` in a rebalance.

        faust stops fetching while its partitions are revoked and waits here
        until every message taken is acknowledged; the group's rebalance waits
        for this worker meanwhile. A bulk write retrying against a stalled
        search engine made that wait as long as the stall, and past aiokafka's
        max_poll_interval the worker was never let back into the group
        (``worker.max_poll_interval_s`` says why that limit is now a day).
        Past the bound the rebalance goes on; the batch still finishes and
        acknowledges what it delivered, and whatever it had not is processed
        again by the partition's next owner.
        """
        if self.should_stop or self.rebalance_wait_s is None:
            # an orderly stop: core/lifecycle.py bounds it with worker.stop_timeout_s
            await super()._consumer_wait_empty(consumer, logger)
            return
        waiting = asyncio.ensure_future(super()._consumer_wait_empty(consumer, logger))
        done, _ = await asyncio.wait({waiting}, timeout=self.rebalance_wait_s)
        if not done:
            # not a cancel: faust's wait swallows CancelledError and goes on waiting. It
            # loops while messages are taken but unacknowledged; forgetting them ends it
            # within a second, after it committed what was acknowledged.
            log.warning("rebalance: %d messages still being processed after %.0f s; rejoining the group "
                        "without waiting for them (what is not delivered by then is processed again after "
                        "the rebalance)", len(consumer._unacked_messages), self.rebalance_wait_s)
            consumer._unacked_messages.clear()
        await waiting

    def _new_transport(self) -> Any:
        return Transport(self.conf.broker_consumer, self)

    def _new_producer_transport(self) -> Any:
        return Transport(self.conf.broker_producer, self)
