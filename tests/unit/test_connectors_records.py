from datetime import UTC, datetime

import pytest

from connectors.records import RecordError, build_article, parse_datetime
from schemas.values import article_id

ENGLISH = "Russian forces expanded the buffer zone in the Sumy region on Tuesday."


def test_missing_fields_are_filled_the_contract_way() -> None:
    article = build_article(
        {"title": "Buffer zone", "body": ENGLISH, "url": "https://ex.com/a?utm_source=x#top"},
        source="file:test",
    )
    assert article.url == "https://ex.com/a"
    assert article.id == article_id("https://ex.com/a")
    assert article.source == "file:test"
    assert article.language == "en"
    assert article.fetched_at.tzinfo is not None


def test_without_url_the_id_hashes_title_and_body() -> None:
    article = build_article({"title": "T", "body": "B"}, source="file:x")
    assert article.id == article_id(None, "T", "B")
    assert article.url is None


def test_given_id_source_and_language_are_kept() -> None:
    record = {"id": "a" * 32, "title": "T", "body": ENGLISH, "source": "rss:x", "language": "de"}
    article = build_article(record, source="file:x")
    assert (article.id, article.source, article.language) == ("a" * 32, "rss:x", "de")


def test_published_at_is_parsed_to_utc() -> None:
    article = build_article(
        {"title": "T", "body": "B", "published_at": "Tue, 30 Dec 2025 12:00:00 +0200"}, source="f:x"
    )
    assert article.published_at == datetime(2025, 12, 30, 10, 0, tzinfo=UTC)


def test_language_hint_is_normalised() -> None:
    article = build_article({"title": "T", "body": "B"}, source="f:x", language_hint="en-GB")
    assert article.language == "en"


def test_every_bad_field_is_reported() -> None:
    with pytest.raises(RecordError) as caught:
        build_article({"title": 3, "published_at": "soon", "colour": "red"}, source="f:x")
    fields = {e.field for e in caught.value.errors}
    assert fields == {"published_at"}  # date errors are reported before model validation
    with pytest.raises(RecordError) as caught:
        build_article({"title": 3, "colour": "red"}, source="f:x")
    fields = {e.field for e in caught.value.errors}
    assert fields == {"title", "body", "colour"}
    assert "unknown field" in str(caught.value)


def test_empty_article_is_rejected() -> None:
    with pytest.raises(RecordError, match="both empty"):
        build_article({"title": " ", "body": ""}, source="f:x")


def test_non_object_record_is_rejected() -> None:
    with pytest.raises(RecordError, match="expected a JSON object"):
        build_article(["not", "an", "object"], source="f:x")  # type: ignore[arg-type]


def test_parse_datetime() -> None:
    assert parse_datetime(None) is None
    assert parse_datetime("2025-12-30") == datetime(2025, 12, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_datetime("not a date")


def test_invisible_characters_that_split_words_are_taken_out(tagger) -> None:
    body = "Police fired tear gas at pro\u00adtesters in Nai\u00adrobi\u200b on Saturday.\ufeff"
    article = build_article({"title": "Tear\u2060gas in Nairobi", "body": body}, source="file:x")
    assert article.body == "Police fired tear gas at protesters in Nairobi on Saturday."
    assert article.title == "Teargas in Nairobi"
    assert article.id == article_id(None, article.title, article.body)
    assert "Nairobi" in {p.name for p in tagger.tag(article).places}
    # the characters that shape other scripts stay: ZWNJ in Persian, a direction mark
    kept = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u200fsaid"
    assert build_article({"title": "", "body": kept}, source="file:x").body == kept


def test_an_article_of_invisible_characters_only_is_empty() -> None:
    with pytest.raises(RecordError, match="both empty"):
        build_article({"title": "\u200b", "body": "\u00ad\ufeff"}, source="file:x")
