"""`wirewatch up` supervises the embedded broker and search engine: kill -9, then recovery.

One `wirewatch up` (embedded broker and search engine on free ports, one
worker, the connectors with the webhook) serves both tests. Each kills one
embedded server with SIGKILL and checks: one clear line reports the death and
says that the in-memory data is lost; the server is restarted and `setup`
re-runs; an article posted to the webhook after the recovery is indexed,
exactly once. The embedded servers keep everything in memory, so what was
indexed (or queued) before the kill is gone; that is stated, not tested away.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.integration.helpers import wait_for
from wirewatch.embedded import free_port
from wirewatch.processes import spawn, terminate

pytestmark = pytest.mark.integration

STARTUP_S = 120.0
RECOVERY_S = 60.0


@dataclass
class Up:
    process: subprocess.Popen
    log: Path
    es_url: str
    webhook_port: int

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def server_pid(self, binary: str) -> int:
        """The pid of the child whose command line contains ``binary``."""
        for pid in _descendants(self.process.pid):
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if binary in cmdline:
                return pid
        raise AssertionError(f"no {binary} process under wirewatch up")


def _descendants(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid=,ppid="], capture_output=True, text=True).stdout
    tree: dict[int, list[int]] = {}
    for line in out.splitlines():
        child, parent = map(int, line.split())
        tree.setdefault(parent, []).append(child)
    found, stack = [], [pid]
    while stack:
        for child in tree.get(stack.pop(), []):
            found.append(child)
            stack.append(child)
    return found


def _get(url: str) -> dict:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return json.loads(response.read())
    except (OSError, ValueError):
        return {}


def _post(port: int, article: dict) -> int | None:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/articles", data=json.dumps(article).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status
    except OSError:  # 503 (HTTPError is an OSError) or not listening yet
        return None


def _indexed(up: Up, word: str) -> int:
    return _get(f"{up.es_url}/wirewatch-articles/_count?q=title:{word}").get("count", 0)


def _publish_and_find(up: Up, what: str) -> float:
    """Post one article until the webhook accepts it, then wait until it is indexed; seconds taken."""
    started = time.monotonic()
    word = f"zx{uuid.uuid4().hex[:10]}"
    article = {"title": f"Storm {word}", "body": f"A storm hit Lyon, France, on Friday ({what}).",
               "url": f"https://example.org/{word}"}
    wait_for(lambda: _post(up.webhook_port, article) == 202, timeout=RECOVERY_S, interval=0.5,
             what=f"the webhook accepting an article {what} (log {up.log})")
    wait_for(lambda: _indexed(up, word) >= 1, timeout=RECOVERY_S, interval=0.5,
             what=f"the article posted {what} indexed (log {up.log})")
    time.sleep(1.0)  # a duplicate would show up by now
    assert _indexed(up, word) == 1
    return time.monotonic() - started


@pytest.fixture(scope="module")
def up(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Up]:
    tmp = tmp_path_factory.mktemp("up")
    kafka_port, es_port, webhook_port = free_port(), free_port(), free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("WIREWATCH_")}
    env.update({"WIREWATCH_EMBEDDED__KAFKA_PORT": str(kafka_port), "WIREWATCH_EMBEDDED__ES_PORT": str(es_port),
                "WIREWATCH_CONNECTORS__WEBHOOK_PORT": str(webhook_port),
                "WIREWATCH_CONNECTORS__DELIVERY_TIMEOUT_S": "5", "WIREWATCH_WEB__ENABLED": "false",
                "WIREWATCH_INBOX_DIR": str(tmp / "inbox"), "WIREWATCH_WORKER__DATA_DIR": str(tmp / "worker"),
                "WIREWATCH_WORKER__TAG_BATCH_WITHIN_S": "0.5", "WIREWATCH_WORKER__INDEX_BATCH_WITHIN_S": "0.5"})
    log = tmp / "up.log"
    process = spawn([sys.executable, "-m", "wirewatch", "up", "--log-dir", str(tmp / "logs")],
                    log_path=log, env=env, cwd=tmp)
    handle = Up(process, log, f"http://127.0.0.1:{es_port}", webhook_port)
    try:
        wait_for(lambda: "wirewatch is up" in handle.output(), timeout=STARTUP_S, what=f"wirewatch up ({log})")
        print(f"\nready: {_publish_and_find(handle, 'at start'):.1f} s to the first indexed article")
        yield handle
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        finally:
            terminate(process)
    assert process.returncode == 0, handle.output()[-3000:]


def _kill_and_recover(up: Up, binary: str, name: str, lost: str) -> None:
    os.kill(up.server_pid(binary), signal.SIGKILL)
    killed = time.monotonic()
    wait_for(lambda: f"{name} was killed by SIGKILL" in up.output(), timeout=10, what=f"the report of the {name} death")
    wait_for(lambda: f"{name} is back on" in up.output(), timeout=RECOVERY_S, what=f"the {name} restarted, setup re-run")
    back = time.monotonic() - killed
    took = _publish_and_find(up, f"after the {name} kill")
    lines = [line for line in up.output().splitlines() if f"{name} was killed" in line]
    assert len(lines) == 1 and lost in lines[0] and "setup re-runs" in lines[0], lines
    print(f"\n{name} kill -9: restarted and set up after {back:.1f} s; an article posted then was indexed "
          f"{took:.1f} s later ({time.monotonic() - killed:.1f} s after the kill)")


def test_the_broker_killed_is_restarted_set_up_and_the_pipeline_works_again(up: Up) -> None:
    _kill_and_recover(up, "tansu", "Kafka broker (embedded Tansu)", "topics, messages and committed offsets are lost")


def test_the_search_engine_killed_is_restarted_set_up_and_the_pipeline_works_again(up: Up) -> None:
    _kill_and_recover(up, "osmem", "search engine (embedded osmem)", "the indices and every document in them are lost")
