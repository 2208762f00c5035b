"""A rebalance while a batch is stuck behind a stalled search engine: the worker rejoins its group.

In a rebalance faust waits until every message its agents took is
acknowledged, and stops fetching meanwhile; aiokafka will not rejoin once its
consumer has fetched nothing for ``max_poll_interval`` ("no activity on
consumer") and asks again forever. An index batch retries its bulk write
without limit while the search engine is away, so a rebalance during a stall
longer than the poll interval left the worker out of its group for good (the
session-9 soak: both workers idle, 2,800 articles waiting). Workers now take
their poll interval from ``worker.max_poll_interval_s`` (a day), not from the
Kafka clients' ``kafka.max_poll_interval_ms`` set short here, and a rebalance
waits at most ``worker.rebalance_wait_s`` for batches (streams/transport.py).

Here: one worker is writing when the engine stops; a second worker joins, so
the group rebalances; the engine stays stopped for twice the Kafka clients'
poll interval. The first worker must be given partitions again, and every
article and event must be indexed exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.faults.harness import FaultStack, good_articles, start_fault_stack
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration

POLL_INTERVAL_S = 10.0
STALL_S = 2 * POLL_INTERVAL_S
REBALANCE_ENV = {"WIREWATCH_KAFKA__MAX_POLL_INTERVAL_MS": str(int(POLL_INTERVAL_S * 1000)),
                 "WIREWATCH_WORKER__REBALANCE_WAIT_S": "3"}


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory):
    tmp: Path = tmp_path_factory.mktemp("rebalance")
    stack = start_fault_stack(tmp, "rebalance", worker_env=REBALANCE_ENV)
    try:
        yield stack
    finally:
        stack.stop()


def _assignments(log: Path, start: int = 0) -> int:
    """How many "partitions assigned" lines with partitions the worker's log has after byte ``start``."""
    count = 0
    with open(log, "rb") as lines:
        lines.seek(start)
        for line in lines:
            if b'"partitions assigned"' in line and json.loads(line).get("count", 0) > 0:
                count += 1
    return count


def test_a_worker_rejoins_after_a_rebalance_during_a_long_search_engine_stall(stack: FaultStack):
    first_log = stack.log_path
    before = first_log.stat().st_size
    articles = good_articles("rebal", 150)
    ids = {a.id for a in articles}
    stack.publish(articles)
    wait_for(lambda: len(stack.doc_ids("articles", {"ids": {"values": sorted(ids)}})) >= 10, timeout=60,
             interval=0.2, what="the first articles indexed")
    os.kill(stack.search.process.pid, signal.SIGSTOP)
    try:
        second = stack.start_second_worker()
        # the second worker joins, the group rebalances while the first one's batches wait for the engine
        wait_for(lambda: _assignments(stack.tmp / "worker-2.log") >= 1, timeout=90, interval=0.5,
                 what="the second worker given partitions")
        time.sleep(STALL_S)
    finally:
        os.kill(stack.search.process.pid, signal.SIGCONT)
    resumed = time.monotonic()
    wait_for(lambda: _assignments(first_log, before) >= 1, timeout=60, interval=0.5,
             what="the first worker given partitions again after the rebalance")
    stack.check_delivered(ids, timeout=180)
    stack.wait_committed_to_end(timeout=60)
    assert second.poll() is None, "the second worker exited"
    assert stack.restarts == 0
    print(f"\nrebalance during a {STALL_S:.0f} s search engine stall: {len(ids)} articles indexed, "
          f"recovered in {time.monotonic() - resumed:.1f} s")
