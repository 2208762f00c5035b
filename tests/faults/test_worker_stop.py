"""A worker never outlives its parent, and its stop ends within ``worker.stop_timeout_s``.

In session 7 two workers of a killed soak benchmark ran on for 75 minutes: the
parent's death did reach them (SIGTERM, "Stopping..."), but faust's orderly
stop waits until every message taken is acknowledged, and a batch whose
search engine or broker is gone is retried without limit; with the broker
gone even an idle worker's consumer took over a minute to stop. Each test here
puts a worker in one of those states, on a private broker and search engine
(tests/faults/harness.py), and checks that it is gone within the deadline plus
a margin for a loaded machine. Without the deadline and the parent watch
(core/lifecycle.py) each of them waits out its bound and fails.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.lifecycle import PARENT_PID_ENV
from streams.agents.runner import EXIT_RESTART
from tests.conftest import settings_env
from tests.faults.harness import FaultStack, good_articles, start_fault_stack
from tests.integration.helpers import wait_for
from wirewatch.commands.setup import run_setup
from wirewatch.embedded import start_search
from wirewatch.processes import terminate

pytestmark = pytest.mark.integration

STOP_TIMEOUT_S = 3.0
# the deadline, plus what a loaded two-core machine may take to notice and exit
BOUND_S = STOP_TIMEOUT_S + 12.0
STOP_ENV = {"WIREWATCH_WORKER__STOP_TIMEOUT_S": str(STOP_TIMEOUT_S)}


def _gone_within(pid: int, bound: float, what: str) -> float:
    """Seconds until process ``pid`` no longer exists (a zombie counts as gone); fail after ``bound``."""
    started = time.monotonic()

    def gone() -> bool:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
        except OSError:
            return True

    wait_for(gone, timeout=bound, interval=0.1, what=what)
    return time.monotonic() - started


def _worker_logged(stack: FaultStack, logger: str, text: str) -> bool:
    """Whether the current worker logged a line of ``logger`` containing ``text``."""
    with open(stack.log_path, "rb") as log:
        log.seek(stack.worker_log_start)
        lines = log.read().decode(errors="replace").splitlines()
    for line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if record.get("logger") == logger and text in record.get("message", ""):
            return True
    return False


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultStack]:
    tag = f"stop{uuid.uuid4().hex[:6]}"
    stack = start_fault_stack(tmp_path_factory.mktemp("stop"), tag, supervised=False, worker_env=STOP_ENV)
    try:
        yield stack
    finally:
        stack.stop()


def test_a_worker_whose_parent_is_already_gone_stops(stack: FaultStack, tmp_path: Path) -> None:
    """The parent died before the child could ask for the death signal: the child's own watch stops it.

    A parent that dies between fork and the child's prctl leaves no signal to
    come; this worker is told its parent is a process that is not its parent
    (the broker), which is what it sees in that case.
    """
    env = {**os.environ, **settings_env(stack.settings), **STOP_ENV,
           PARENT_PID_ENV: str(stack.broker.process.pid)}
    log = tmp_path / "orphan.log"
    with open(log, "ab") as out:
        worker = subprocess.Popen([sys.executable, "-m", "wirewatch", "worker"], stdout=out,
                                  stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        took = _gone_within(worker.pid, BOUND_S, f"the worker whose parent is gone to stop ({log})")
    finally:
        terminate(worker)
    print(f"\nworker whose parent was gone: stopped after {took:.1f} s (code {worker.returncode})")


def test_sigterm_mid_indexing_ends_within_the_deadline_and_loses_nothing(stack: FaultStack) -> None:
    """The search engine dies with documents in flight; SIGTERM; the next worker indexes them all.

    The deadline's exit (code 75) comes while the index batch is still being
    retried, so nothing of it was acknowledged: offsets are committed only after
    the documents are indexed. A new search engine (empty: it keeps its indices
    in memory) gets every article of the batch from the next worker, which can
    only have read them again from the broker.
    """
    worker = stack.worker
    stack.search.process.kill()
    stack.search.process.wait(10)
    articles = good_articles(f"mid-{uuid.uuid4().hex[:6]}", 8)
    stack.publish(articles)
    wait_for(lambda: _worker_logged(stack, "streams.indexing.bulk", "search engine unavailable"), timeout=90,
             interval=0.5, what=f"the worker retrying an index batch ({stack.log_path})")
    worker.send_signal(signal.SIGTERM)
    took = _gone_within(worker.pid, BOUND_S, f"the worker to exit after SIGTERM ({stack.log_path})")
    assert worker.wait(5) == EXIT_RESTART, "the stop ended before the deadline: nothing was in flight"
    stack.search.stop()
    port = int(stack.settings.search_url.rsplit(":", 1)[1])
    stack.search = start_search("127.0.0.1", port, log_dir=stack.tmp / "services")
    run_setup(stack.settings, wait_s=20)
    stack.start_worker()
    stack.wait_indexed("articles", {a.id for a in articles}, timeout=120)
    stack.assert_no_duplicates("articles")
    print(f"\nSIGTERM mid-indexing: exited after {took:.1f} s (code {worker.returncode}); "
          f"all {len(articles)} articles indexed by the next worker")


def test_sigterm_ends_a_worker_whose_broker_is_gone_within_the_deadline(stack: FaultStack) -> None:
    """The broker is killed under an idle worker; its consumer's stop alone took over a minute."""
    worker = stack.worker
    assert worker.poll() is None, f"the worker exited ({stack.log_path})"
    wait_for(lambda: _worker_logged(stack, "streams.worker", "partitions assigned"), timeout=120,
             interval=0.5, what=f"the worker to join its group ({stack.log_path})")
    stack.broker.process.kill()
    stack.broker.process.wait(10)
    worker.send_signal(signal.SIGTERM)
    took = _gone_within(worker.pid, BOUND_S, f"the worker to exit after SIGTERM ({stack.log_path})")
    print(f"\nSIGTERM with the broker gone: exited after {took:.1f} s (code {worker.wait(5)})")


PARENT = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from connectors.publisher import ArticlePublisher
    from wirewatch.benchmarking.corpus import bench_articles
    from wirewatch.benchmarking.stack import embedded_stack, wait_until

    with embedded_stack(keep=Path(sys.argv[1])) as stack:
        worker = stack.start_workers(1)[0]
        with ArticlePublisher(stack.settings) as publisher:  # a backlog of ~30 s: busy when the parent dies
            for article in bench_articles(300):
                publisher.publish(article)
            publisher.flush()
        wait_until(lambda: worker.tagged() > 0, timeout=120, what="a tagged article", alive=[stack])
        print("READY", json.dumps({"worker": worker.process.pid, "log": str(worker.log_path)}), flush=True)
        time.sleep(600)
""")


def test_a_worker_is_gone_soon_after_its_parent_is_killed(tmp_path: Path) -> None:
    """kill -9 of a benchmark's parent mid-backlog: its broker and search engine die with it, and so must its worker.

    The worker gets SIGTERM from the kernel, but its stop waits for a batch whose
    outputs no broker will acknowledge any more: the 75-minute orphans.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update(STOP_ENV)
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path)], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=env, text=True, start_new_session=True)
    worker_pid = None
    try:
        assert parent.stdout is not None
        lines = (line for line in parent.stdout if line.startswith("READY "))  # setup prints lines too
        line = next(lines, "")
        assert line, f"the parent ended before its worker tagged an article (logs in {tmp_path})"
        started = json.loads(line.removeprefix("READY "))
        worker_pid = started["worker"]
        parent.kill()
        parent.wait(10)
        took = _gone_within(worker_pid, BOUND_S, f"the worker of the killed parent to exit ({started['log']})")
    finally:
        parent.kill()
        if worker_pid is not None:
            try:
                os.killpg(worker_pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
    print(f"\nparent kill -9: its worker was gone {took:.1f} s later")
