"""Delivery under faults, bad input and oversized messages, on a private embedded stack.

Each test asserts exact counts: nothing lost, no duplicate documents, every
bad message in the dead-letter topic with its headers (and its bytes, or for
a message too large to dead-letter whole, its first 64 KiB, size and
sha256), offsets committed to the end, and no unplanned worker restart.
The tests share one stack and worker, in this order; each prints one row of
the table scenario -> sent / indexed / dead-lettered / lost -> time to recover.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import time
from pathlib import Path

import pytest

from schemas import BOUNDED_HEADERS
from tests.faults.harness import FaultStack, article, good_articles, start_fault_stack
from tests.integration.helpers import wait_for

pytestmark = pytest.mark.integration

STALL_S = 12.0  # the issue measured 30-60 s stalls; shortened for the suite
ROWS: list[str] = []


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory):
    tmp: Path = tmp_path_factory.mktemp("faults")
    stack = start_fault_stack(tmp, "faults")
    try:
        yield stack
    finally:
        stack.stop()
        print("\nscenario | sent | indexed | dead-lettered | lost | time to recover")
        for row in ROWS:
            print(row)
        if stack.restarts:
            print((tmp / "worker.log").read_text(errors="replace")[-5000:])


def _row(scenario: str, sent: int, indexed: int, deadlettered: int, lost: int, seconds: float) -> None:
    ROWS.append(f"{scenario} | {sent} | {indexed} | {deadlettered} | {lost} | {seconds:.1f} s")


def _no_letters_for(stack: FaultStack, ids: set[str]) -> None:
    keys = {record.key.decode() for record, _ in stack.envelopes() if record.key}
    assert not keys & ids, f"good articles were dead-lettered: {sorted(keys & ids)[:5]}"


def _bad_messages(count: int, limit: int) -> list[tuple[bytes, bytes, list[tuple[str, bytes]]]]:
    """``count`` malformed or oversized messages, each with a key and a header naming it."""
    malformed = [
        b"", b"not json {", b"[1, 2, 3]", b"\xff\xfe\x00binary", b'{"id": "short"}',
        b'{"schema_version": 1, "id": "' + b"a" * 32 + b'", "source": "file:x", "title": "t", '
        b'"body": "b", "fetched_at": "not a date"}',
        b'{"title": 42, "body": null}', b"null", b'"a string"',
    ]
    messages = []
    for i in range(count):
        key = f"bad-{i}".encode()
        headers = [("origin", f"fault-{i}".encode())]
        if i % 100 == 99:  # too large to dead-letter whole: goes bounded
            raw = article(f"giant {i}", "Giant record. " * (4 * limit // 14))
            messages.append((key, raw.model_dump_json().encode(), headers))
        elif i % 3 == 0:  # over WIREWATCH_MAX_ARTICLE_BYTES, but otherwise a valid article
            raw = article(f"oversized {i}", "Oversized record. " * (limit // 18 + 20 + i))
            messages.append((key, raw.model_dump_json().encode(), headers))
        else:
            messages.append((key, malformed[i % len(malformed)], headers))
    return messages


def _maximal_article(limit: int):
    """A legal article as large as allowed, dense with names, places and events."""
    sentence = ("President Emmanuel Macron met Chancellor Olaf Scholz in Berlin; protesters marched in "
                "Paris, Lyon and Hamburg, and police arrested 40 people. ")
    body = sentence * (limit // len(sentence))
    while len(article("maximal", body).model_dump_json().encode()) > limit:
        body = body[: -len(sentence)]
    return article("Maximal article: talks in Berlin", body)


def test_malformed_and_oversized_messages_among_good_ones(stack: FaultStack):
    limit = stack.settings.max_article_bytes
    good = good_articles("mix", 60) + [_maximal_article(limit)]
    bad = _bad_messages(1000, limit)
    messages = [(a.id.encode(), a.model_dump_json().encode(), []) for a in good] + bad
    random.Random(7).shuffle(messages)
    started = time.monotonic()
    stack.send(messages)

    ids = {a.id for a in good}
    _, _events = stack.check_delivered(ids, timeout=90)
    sent = {key: (value, headers) for key, value, headers in bad}

    def all_letters():
        letters = {record.key: (record, envelope) for record, envelope in stack.envelopes()
                   if record.key in sent}
        return letters if len(letters) >= len(sent) else None

    letters = wait_for(all_letters, timeout=60, interval=1.0, what="1,000 dead letters")
    seconds = time.monotonic() - started
    assert len([r for r, _ in stack.envelopes() if r.key in sent]) == len(sent)  # each exactly once
    bounded = 0
    for key, (record, envelope) in letters.items():
        value, headers = sent[key]
        assert envelope.stage == "validate"
        assert envelope.source_topic == stack.topics.raw
        assert envelope.error_class in {"UndecodableMessage", "ArticleTooLarge"}
        assert ("origin", headers[0][1]) in record.headers
        if envelope.bounded:
            bounded += 1
            assert {name for name, _ in record.headers} >= set(BOUNDED_HEADERS)
            assert envelope.original_size == len(value)
            assert envelope.original_sha256 == hashlib.sha256(value).hexdigest()
            assert record.value == value[: 64 * 1024]
        else:
            assert record.value == value
    assert bounded == 10
    _no_letters_for(stack, ids)
    stack.wait_committed_to_end()
    assert stack.restarts == 0
    _row("1,000 malformed/oversized among 61 good (one maximal)", len(messages), len(ids), len(letters), 0,
         seconds)


def test_a_republished_article_replaces_its_events(stack: FaultStack):
    story = ("Thousands of protesters marched through Lima on Monday against the new mining law, and police "
             "fired tear gas near the congress building. Organisers said more marches would follow.")
    first = article("Lima protest over mining law", story)
    url = "https://news.example/peru/lima-protest"
    v1 = article("Lima protest over mining law", story + " Officials said 12 people were hurt.", url=url)
    v2 = article("Air strike hits Aleppo market",
                 "An air strike hit a crowded market in Aleppo on Tuesday, killing 14 people, rescuers said. "
                 "Rebels later shelled government positions south of the city.", url=url)
    assert v1.id == v2.id
    stack.publish([first])
    stack.wait_indexed("articles", {first.id}, timeout=60)
    stack.publish([v1])
    wait_for(lambda: (stack.client.get(index=stack.alias("articles"), id=v1.id)["_source"]
                      if stack.client.exists(index=stack.alias("articles"), id=v1.id) else None),
             timeout=60, what="version 1 indexed")
    old = stack.client.get(index=stack.alias("articles"), id=v1.id)["_source"]
    assert old["duplicate_of"] == first.id
    old_events = {e["id"] for e in old["events"]}
    stack.wait_indexed("events", old_events, timeout=60)

    started = time.monotonic()
    stack.publish([v2])
    wait_for(lambda: stack.client.get(index=stack.alias("articles"), id=v2.id)["_source"]["title"] == v2.title,
             timeout=60, what="version 2 indexed")
    new = stack.client.get(index=stack.alias("articles"), id=v2.id)["_source"]
    new_events = {e["id"] for e in new["events"]}
    assert new_events and not new_events & old_events
    assert new["revision"] > old["revision"]
    assert new["duplicate_of"] is None  # not the stale match of version 1

    def only_new() -> bool:
        return sorted(stack.doc_ids("events", {"term": {"article_id": v2.id}})) == sorted(new_events)

    wait_for(only_new, timeout=60, interval=0.5, what="only version 2's events indexed")
    seconds = time.monotonic() - started
    stack.assert_no_duplicates("events")
    stack.wait_committed_to_end()
    assert stack.restarts == 0
    _row(f"re-published article ({len(old_events)} old events -> {len(new_events)} new)", 3, 2, 0, 0, seconds)


def _stall(stack: FaultStack, pid: int, scenario: str, tag: str, n: int) -> None:
    articles = good_articles(tag, n)
    ids = {a.id for a in articles}
    stack.publish(articles)
    # stop it mid-stream: some articles indexed, others being tagged, produced or written
    wait_for(lambda: len(stack.doc_ids("articles", {"ids": {"values": sorted(ids)}})) >= 10, timeout=60,
             interval=0.2, what="the first articles indexed")
    os.kill(pid, signal.SIGSTOP)
    try:
        time.sleep(STALL_S)
    finally:
        os.kill(pid, signal.SIGCONT)
    resumed = time.monotonic()
    stack.check_delivered(ids, timeout=120)
    seconds = time.monotonic() - resumed
    _no_letters_for(stack, ids)
    stack.wait_committed_to_end(timeout=60)
    assert stack.restarts == 0
    _row(f"{scenario} ({STALL_S:.0f} s SIGSTOP)", n, len(ids), 0, 0, seconds)


def test_a_search_engine_stall_loses_nothing(stack: FaultStack):
    _stall(stack, stack.search.process.pid, "search engine stall", "sstall", 200)


def test_a_broker_stall_loses_nothing(stack: FaultStack):
    _stall(stack, stack.broker.process.pid, "broker stall", "bstall", 200)


def test_kill_9_of_a_worker_mid_batch_loses_nothing(stack: FaultStack):
    articles = good_articles("kill", 150)
    ids = {a.id for a in articles}
    stack.publish(articles)
    wait_for(lambda: len(stack.doc_ids("articles", {"ids": {"values": sorted(ids)}})) >= 16, timeout=60,
             interval=0.2, what="the first batches indexed")
    stack.kill_worker()
    killed = time.monotonic()
    done = len(stack.doc_ids("articles", {"ids": {"values": sorted(ids)}}))
    assert done < len(ids), "the worker finished before it was killed: nothing was mid-batch"
    stack.check_delivered(ids, timeout=180)
    seconds = time.monotonic() - killed
    _no_letters_for(stack, ids)
    stack.wait_committed_to_end(timeout=60)
    assert stack.restarts == 0
    _row(f"kill -9 of the worker mid-batch ({done} of {len(ids)} indexed when killed)", len(ids), len(ids), 0, 0,
         seconds)
