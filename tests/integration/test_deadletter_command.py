"""`wirewatch deadletter list|replay` against the real broker."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from kafka import KafkaProducer

from core.settings import Settings, get_settings
from core.topics import Topics
from schemas import DeadLetter
from tests.conftest import settings_env
from tests.support.topics import read_topic
from wirewatch.cli import cli
from wirewatch.topic_setup import ensure_topics

pytestmark = pytest.mark.integration


def _letter(stage: str, error_class: str, offset: int, source: str) -> list[tuple[str, bytes]]:
    return DeadLetter(stage=stage, error_class=error_class, error_message=f"{error_class} at {offset}",
                      source_topic=source, source_partition=0, source_offset=offset).to_headers()


def _run(settings: Settings, *args: str):
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, ["deadletter", *args], env=settings_env(settings))
    finally:
        get_settings.cache_clear()


def test_letters_are_listed_and_replayed_once_to_their_source(isolated_settings: Settings):
    settings = isolated_settings
    ensure_topics(settings, wait_s=10)
    topics = Topics(settings.topic_prefix)
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    producer.send(topics.deadletter, key=b"a1", value=b'{"broken": 1}',
                  headers=_letter("validate", "UndecodableMessage", 3, topics.raw))
    producer.send(topics.deadletter, key=b"a2", value=b'{"tagged": true}',
                  headers=_letter("index", "Rejected", 7, topics.tagged))
    producer.flush()
    producer.close()

    listed = _run(settings, "list", "--json")
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert {(r["key"], r["envelope"]["stage"]) for r in rows} == {("a1", "validate"), ("a2", "index")}
    assert "stage" in _run(settings, "list").stdout

    dry = _run(settings, "replay", "--stage", "validate", "--dry-run")
    assert dry.exit_code == 0 and "would replay 1 letters" in dry.stderr
    assert read_topic(settings, topics.raw, expect=1, timeout=3) == []

    done = _run(settings, "replay", "--stage", "validate")
    assert done.exit_code == 0 and f"replayed 1 letters: 1 to {topics.raw}" in done.stderr, done.output
    (message,) = read_topic(settings, topics.raw, expect=1)
    assert (message.key, message.value) == (b"a1", b'{"broken": 1}')

    # the filtered replay did not skip the index letter; an unfiltered one sends it
    again = _run(settings, "replay")
    assert again.exit_code == 0 and f"1 to {topics.tagged}" in again.stderr, again.output
    (message,) = read_topic(settings, topics.tagged, expect=1)
    assert (message.key, message.value) == (b"a2", b'{"tagged": true}')

    # and a third run finds nothing new
    third = _run(settings, "replay")
    assert third.exit_code == 0 and "replayed 0 letters" in third.stderr, third.output
    assert len(read_topic(settings, topics.tagged, expect=2, timeout=3)) == 1


def test_a_bounded_letter_is_listed_but_never_replayed_and_original_headers_go_back(isolated_settings: Settings):
    settings = isolated_settings
    ensure_topics(settings, wait_s=10)
    topics = Topics(settings.topic_prefix)
    bounded = DeadLetter(stage="validate", error_class="ArticleTooLarge", error_message="too large",
                         source_topic=topics.raw, source_partition=0, source_offset=1,
                         original_size=300_000, original_sha256="ab" * 32)
    producer = KafkaProducer(bootstrap_servers=settings.bootstrap, acks="all")
    producer.send(topics.deadletter, key=b"big", value=b"{partial", headers=bounded.to_headers())
    producer.send(topics.deadletter, key=b"small", value=b"{}",
                  headers=[("origin", b"feed-1"), *_letter("validate", "UndecodableMessage", 2, topics.raw)])
    producer.flush()
    producer.close()

    rows = [json.loads(line) for line in _run(settings, "list", "--json").stdout.splitlines()]
    assert sorted(r["key"] for r in rows) == ["big", "small"]  # the newest letter too: read to the end
    assert next(r for r in rows if r["key"] == "big")["envelope"]["original_size"] == 300_000

    done = _run(settings, "replay")
    assert done.exit_code == 0 and "replayed 1 letters" in done.stderr, done.output
    (message,) = read_topic(settings, topics.raw, expect=1)
    assert (message.key, message.value, list(message.headers)) == (b"small", b"{}", [("origin", b"feed-1")])
    assert "replayed 0 letters" in _run(settings, "replay").stderr  # the bounded one is not retried either
