"""The webhook under load and through a broker restart, against a real embedded broker.

Each test starts its own Tansu broker (the restart must not disturb the
session's), a webhook on a free loopback port, and counts exactly: requests
sent, answered 202, articles in the raw topic (each id once), nothing lost.
The embedded broker keeps its data in memory, so a kill -9 loses what it held:
the restart test checks the articles acknowledged by the new broker.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from connectors.webhook import WebhookConnector
from core.settings import Settings
from core.topics import Topics
from tests.integration.helpers import private_brokers, running
from tests.support.topics import TopicReader
from wirewatch.embedded import EmbeddedServer, start_broker
from wirewatch.topic_setup import ensure_topics

pytestmark = pytest.mark.integration

FLOOD = 200  # concurrent POSTs
SLOW = 40  # clients that connect and then send nothing
TRICKLE = 8  # clients that send a byte every 0.3 s, never finishing their request
THREADS = 16
SOCKET_TIMEOUT_S = 1.0
READ_TIMEOUT_S = 2.0


@dataclass
class Answer:
    status: int | None  # None: the connection failed (reset, refused, timeout)
    ids: list[str]
    retry_after: str | None
    started: float
    answered: float
    error: str = ""


def post(port: int, records: list[dict], timeout: float = 30.0) -> Answer:
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/articles", json.dumps(records).encode(), {"Content-Type": "application/json"})
        response = conn.getresponse()
        payload = json.loads(response.read() or b"{}")
        return Answer(response.status, payload.get("ids", []), response.getheader("Retry-After"),
                      started, time.monotonic())
    except OSError as exc:
        return Answer(None, [], None, started, time.monotonic(), repr(exc))
    finally:
        conn.close()


def article(tag: str, n: int) -> dict:
    return {"title": f"Flood {tag} {n}", "body": f"Article {n} of run {tag}.", "url": f"https://ex.org/{tag}/{n}"}


def raw_keys(settings: Settings, expect: int) -> Counter:
    reader = TopicReader(settings.bootstrap, Topics(settings.topic_prefix).raw)
    return Counter(r.key.decode() for r in reader.read(expect=expect, timeout=20, idle=1.0))


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[list[EmbeddedServer]]:
    """A broker of this test only, in a list so a test can replace it."""
    yield from private_brokers(tmp_path)


def webhook_settings(bootstrap: str, **connectors: object) -> Settings:
    base = Settings(kafka_bootstrap=bootstrap, es_url="http://127.0.0.1:9")
    return base.model_copy(update={"topic_prefix": f"f{uuid.uuid4().hex[:6]}.", "connectors": base.connectors.model_copy(
        update={"webhook_port": 0, "webhook_threads": THREADS, "webhook_socket_timeout_s": SOCKET_TIMEOUT_S,
                "webhook_read_timeout_s": READ_TIMEOUT_S, **connectors})})


@pytest.fixture
def hook(request: pytest.FixtureRequest, broker: list[EmbeddedServer]) -> Iterator[WebhookConnector]:
    settings = webhook_settings(broker[0].url, **getattr(request, "param", {}))
    ensure_topics(settings)
    with running(WebhookConnector, settings) as connector:
        yield connector


def _slow_client(port: int, dropped: list[float]) -> None:
    """Send half a request line, then nothing; record how long until the server hangs up."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(b"POST /articles HTTP/1.1\r\nHost: x\r\n")
        try:
            while sock.recv(1024):
                pass
        except OSError:
            pass
    dropped.append(time.monotonic() - started)


def _trickle_client(port: int, cut: list[float]) -> None:
    """Send a request one byte at a time, never finishing; record how long until the server hangs up."""
    started = time.monotonic()
    request = b"POST /articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + b"X-Pad: " + b"a" * 500
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.settimeout(0.3)
        for byte in request:
            try:
                sock.sendall(bytes([byte]))
                if sock.recv(1024) == b"":
                    break  # the server closed the connection
            except TimeoutError:
                continue  # nothing to read: the server still waits, trickle on
            except OSError:
                break
    cut.append(time.monotonic() - started)


def _request_threads() -> int:
    return sum(1 for t in threading.enumerate() if t.name == "wirewatch-webhook-request")


def test_a_flood_with_slow_clients_is_queued_not_reset_and_every_202_arrives_once(hook: WebhookConnector) -> None:
    tag = uuid.uuid4().hex[:6]
    dropped: list[float] = []
    cut: list[float] = []
    peak, stop_sampling = [0], threading.Event()

    def sample() -> None:
        while not stop_sampling.wait(0.01):
            peak[0] = max(peak[0], _request_threads())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    started = time.monotonic()
    with ThreadPoolExecutor(SLOW + TRICKLE + FLOOD) as pool:
        slow = [pool.submit(_slow_client, hook.port, dropped) for _ in range(SLOW)]
        slow += [pool.submit(_trickle_client, hook.port, cut) for _ in range(TRICKLE)]
        time.sleep(0.2)  # the slow clients take the handler threads first
        answers = list(pool.map(lambda n: post(hook.port, [article(tag, n)]), range(FLOOD)))
        for future in slow:
            future.result()
    elapsed = time.monotonic() - started
    stop_sampling.set()
    sampler.join()

    statuses = Counter(a.status for a in answers)
    assert statuses == {202: FLOOD}, [a.error for a in answers if a.status is None][:5]
    accepted = [i for a in answers for i in a.ids]
    assert len(set(accepted)) == FLOOD
    keys = raw_keys(hook.settings, FLOOD)
    assert set(keys) == set(accepted) and max(keys.values()) == 1, "every 202 article in the raw topic, once"
    assert len(dropped) == SLOW and max(dropped) < SOCKET_TIMEOUT_S * SLOW, dropped
    # a trickling client is cut after READ_TIMEOUT_S once a thread took it; the 500-byte request would need 150 s
    assert len(cut) == TRICKLE and max(cut) < 30, cut
    assert peak[0] <= THREADS
    print(f"\nflood: {FLOOD} sent, {statuses[202]} accepted, {len(keys)} delivered, 0 lost; {SLOW} silent clients "
          f"dropped after {min(dropped):.1f}-{max(dropped):.1f} s, {TRICKLE} trickling ones cut after "
          f"{min(cut):.1f}-{max(cut):.1f} s; peak {peak[0]} handler threads; {elapsed:.1f} s")


# the broker stays away longer than the webhook waits for it: some requests must get 503
@pytest.mark.parametrize("hook", [{"delivery_timeout_s": 2.0}], indirect=True)
def test_a_broker_restart_during_posts_gives_202_only_for_delivered_articles(
    hook: WebhookConnector, broker: list[EmbeddedServer], tmp_path: Path
) -> None:
    tag, counter, lock = uuid.uuid4().hex[:6], [0], threading.Lock()
    answers: list[Answer] = []
    stop = threading.Event()

    def client() -> None:
        while not stop.is_set():
            with lock:
                counter[0] += 1
                n = counter[0]
            answer = post(hook.port, [article(tag, n), article(tag, n + 100_000)])
            with lock:
                answers.append(answer)
            time.sleep(0.05)

    clients = [threading.Thread(target=client) for _ in range(4)]
    for thread in clients:
        thread.start()
    time.sleep(1.5)
    old = broker[0]
    killed = time.monotonic()
    old.process.kill()  # kill -9: the in-memory broker loses what it held
    old.process.wait()
    time.sleep(3.0)
    host, port = old.url.rsplit(":", 1)
    broker.append(start_broker(host, int(port), log_dir=tmp_path / "restarted"))
    restarted = time.monotonic()
    ensure_topics(hook.settings)  # what `wirewatch up` does after a restart
    time.sleep(4.0)
    stop.set()
    for thread in clients:
        thread.join(30)

    statuses = Counter(a.status for a in answers)
    assert set(statuses) <= {202, 503}, [a.error for a in answers if a.status not in (202, 503)][:5]
    assert statuses[503] and all(a.retry_after for a in answers if a.status == 503)
    after = [a for a in answers if a.status == 202 and a.answered > restarted]
    assert after, "the webhook accepted articles again after the restart"
    must_arrive = {i for a in after for i in a.ids}
    keys = raw_keys(hook.settings, len(must_arrive))
    lost = must_arrive - set(keys)
    assert not lost, f"{len(lost)} articles answered 202 after the restart are not in the raw topic"
    assert max(keys.values()) == 1, "no article twice"
    before = sum(len(a.ids) for a in answers if a.status == 202 and a.answered < killed)
    recovered = min(a.answered for a in after) - restarted
    print(f"\nbroker restart: {len(answers)} requests ({2 * len(answers)} articles): {statuses[202]} x 202, "
          f"{statuses[503]} x 503; {len(must_arrive)} accepted after the restart, all delivered once, 0 lost; "
          f"{before} accepted before the kill were in the old broker's memory; first 202 {recovered:.1f} s "
          "after the new broker started")
