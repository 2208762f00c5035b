"""ArticlePublisher against the real embedded broker."""

import json

import pytest

from connectors.errors import DeliveryError
from connectors.publisher import ArticlePublisher
from connectors.records import build_article
from core.limits import ArticleTooLarge
from core.settings import Settings
from core.topics import Topics
from schemas.articles import RawArticle
from tests.support.topics import TopicReader

pytestmark = pytest.mark.integration


def _articles(n: int) -> list[RawArticle]:
    return [build_article({"title": f"T{i}", "body": f"Body {i}."}, source="file:test") for i in range(n)]


def test_articles_land_keyed_by_id_as_contract_json(isolated_settings: Settings) -> None:
    articles = _articles(20)
    delivered: list[tuple[str, object]] = []
    with ArticlePublisher(isolated_settings) as publisher:
        for article in articles:
            publisher.publish(article, on_delivered=lambda a, e: delivered.append((a.id, e)))
        publisher.flush(10)
        assert publisher.in_flight == 0
    assert sorted(delivered) == sorted((a.id, None) for a in articles)
    records = TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read(expect=20)
    assert len(records) == 20
    by_key = {r.key.decode(): RawArticle.model_validate_json(r.value) for r in records}
    assert by_key == {a.id: a for a in articles}
    assert json.loads(records[0].value)["fetched_at"].endswith("Z")


def test_raw_bytes_can_be_published_for_malformed_message_tests(isolated_settings: Settings) -> None:
    with ArticlePublisher(isolated_settings, topic=f"{isolated_settings.topic_prefix}custom") as publisher:
        publisher.publish_raw(b"k", b"{not json")
    records = TopicReader(isolated_settings.bootstrap, f"{isolated_settings.topic_prefix}custom").read(expect=1)
    assert [(r.key, r.value) for r in records] == [(b"k", b"{not json")]


def test_flush_names_the_undelivered_articles_instead_of_losing_them(isolated_settings: Settings) -> None:
    good, = _articles(1)
    # built past the entrance check, as a caller of the publisher's API might
    too_big = build_article({"title": "Huge", "body": "x" * (9 * 1024 * 1024)}, source="file:test",
                            max_bytes=16 * 1024 * 1024)
    errors: list[object] = []
    publisher = ArticlePublisher(isolated_settings)
    try:
        publisher.publish(good)
        publisher.publish(too_big, on_delivered=lambda a, e: errors.append(e))
        with pytest.raises(DeliveryError) as caught:
            publisher.flush(10)
        assert list(caught.value.undelivered) == [too_big.id]
        assert too_big.id in str(caught.value) and "re-publish" in str(caught.value)
        assert len(errors) == 1 and isinstance(errors[0], ArticleTooLarge)
        assert "ArticleTooLarge" in str(caught.value)
        publisher.flush(10)  # reported once: the next flush is clean
    finally:
        publisher.close(5)
