"""The size policy: one setting, checked at every entrance, with the limits that follow from it."""

from __future__ import annotations

import pytest

from connectors.records import RecordError, build_article
from core.limits import (
    MESSAGE_OVERHEAD_BYTES,
    ArticleTooLarge,
    check_article_size,
    max_message_bytes,
    max_output_bytes,
)
from core.settings import Settings
from streams.agents.batches import decode_raw

SETTINGS_DEFAULT = Settings()  # what get_settings() sees, as connectors do
SETTINGS = Settings(kafka_bootstrap="127.0.0.1:1", es_url="http://127.0.0.1:1", max_article_bytes=32 * 1024)


def test_the_topic_and_producer_limits_follow_the_article_limit():
    assert max_output_bytes(SETTINGS) == 64 * 1024
    assert max_message_bytes(SETTINGS) == 64 * 1024 + MESSAGE_OVERHEAD_BYTES


def test_an_article_over_the_limit_is_refused_with_what_to_do():
    check_article_size(32 * 1024, SETTINGS)
    with pytest.raises(ArticleTooLarge) as caught:
        check_article_size(32 * 1024 + 1, SETTINGS, what="article 7")
    assert "article 7 is 32,769 bytes" in str(caught.value)
    assert "WIREWATCH_MAX_ARTICLE_BYTES" in str(caught.value)


def test_build_article_refuses_a_record_too_large_as_a_field_error():
    build_article({"title": "ok", "body": "short " * 100}, source="file:test", max_bytes=32 * 1024)
    with pytest.raises(RecordError) as caught:
        build_article({"title": "huge", "body": "word " * 10_000}, source="file:test", max_bytes=32 * 1024)
    [error] = caught.value.errors
    assert error.field == "article"
    assert "largest accepted is 32,768 bytes" in error.message


def test_build_article_counts_escaped_bytes_not_characters():
    # 6,000 control characters are 36,000 bytes of JSON (\u0001 each): over a 32 KiB limit
    with pytest.raises(RecordError):
        build_article({"title": "t", "body": "a\u0001" * 6_000}, source="file:test", max_bytes=32 * 1024)


def test_the_worker_refuses_a_raw_message_over_the_limit():
    raw = build_article({"title": "t", "body": "word " * 10_000}, source="file:test", max_bytes=10**7)
    value = raw.model_dump_json().encode()
    assert decode_raw(value) == raw  # without settings: no size check
    with pytest.raises(ArticleTooLarge):
        decode_raw(value, SETTINGS)


def test_a_file_with_an_oversized_line_yields_a_per_item_error(tmp_path):
    from connectors.files import read_file
    from connectors.items import Item, ItemError

    path = tmp_path / "news.jsonl"
    big = "word " * (SETTINGS_DEFAULT.max_article_bytes // 5 + 10)
    path.write_text('{"title": "ok", "body": "Floods in Porto Alegre."}\n'
                    f'{{"title": "huge", "body": "{big}"}}\n', encoding="utf-8")
    good, bad = list(read_file(path))
    assert isinstance(good, Item)
    assert isinstance(bad, ItemError) and bad.origin.endswith("news.jsonl:2")
    assert "article:" in bad.reason and "WIREWATCH_MAX_ARTICLE_BYTES" in bad.reason

