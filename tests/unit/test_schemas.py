"""The contract's models: ids, offsets, codes, and the published JSON Schemas."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from pydantic import ValidationError

from schemas import (
    DeadLetter,
    Event,
    Mention,
    Place,
    RawArticle,
    TaggedArticle,
    article_id,
    event_id,
    utcnow,
)
from schemas.generate import JSON_DIR, render


def raw(**overrides) -> RawArticle:
    fields = dict(id=article_id("https://example.org/a"), url="https://example.org/a", source="rss:example",
                  title="Floods in Porto Alegre", body="Rain flooded Porto Alegre.", fetched_at=utcnow())
    return RawArticle(**{**fields, **overrides})


def test_article_id_hashes_the_url_else_title_and_body():
    assert article_id("https://x.org/a") == article_id("https://x.org/a", "other", "text")
    assert article_id(None, "T", "B") != article_id(None, "T", "C")
    assert len(article_id(None, "T", "B")) == 32


@pytest.mark.parametrize("bad_id", ["ABC", "g" * 32, "0" * 31, "0" * 64])
def test_raw_article_rejects_ids_that_are_not_32_lowercase_hex(bad_id):
    with pytest.raises(ValidationError, match="32 lowercase hex"):
        raw(id=bad_id)


@pytest.mark.parametrize("source", ["rss", ":x", "rss:", ""])
def test_source_must_be_kind_colon_name(source):
    with pytest.raises(ValidationError, match="kind:name"):
        raw(source=source)


def test_timestamps_are_utc_and_serialised_with_z():
    cest = timezone(timedelta(hours=2))
    article = raw(published_at=datetime(2026, 3, 1, 12, 0, tzinfo=cest), fetched_at=datetime(2026, 3, 1, 11))
    assert article.published_at == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)
    data = article.model_dump(mode="json")
    assert data["published_at"] == "2026-03-01T10:00:00Z"
    assert data["fetched_at"] == "2026-03-01T11:00:00Z"


def test_language_is_iso_639_1():
    assert raw(language="en").language == "en"
    with pytest.raises(ValidationError, match="ISO 639-1"):
        raw(language="English")


def test_mention_text_must_span_its_offsets():
    assert Mention(field="body", start=0, end=4, text="Rain").end == 4
    with pytest.raises(ValidationError):
        Mention(field="body", start=0, end=5, text="Rain")
    with pytest.raises(ValidationError):
        Mention(field="body", start=3, end=3, text="")


def test_place_id_agrees_with_geonames_id_and_coordinates_come_in_pairs():
    ok = Place(id="geonames:698740", name="Odesa", geonames_id=698740, feature="city", country_code="UA",
               lat=46.48, lon=30.73, confidence=0.9, salience=0.5)
    assert ok.id == "geonames:698740"
    with pytest.raises(ValidationError, match="geonames:<geonames_id>"):
        Place(id="geonames:1", name="Odesa", geonames_id=698740, feature="city", confidence=1, salience=1)
    with pytest.raises(ValidationError, match="together"):
        Place(id="place:x", name="X", feature="other", lat=1.0, confidence=0, salience=0)
    with pytest.raises(ValidationError, match="alpha-2"):
        Place(id="place:x", name="X", feature="other", country_code="UKR", confidence=0, salience=0)


def test_event_codes_and_dates_are_checked():
    sentence = Mention(field="body", start=0, end=4, text="Rain")
    base = dict(id="x", category="ASSAULT", sentence=sentence, confidence=0.5)
    assert Event(**base, subtype="AIR_STRIKE", date="2026-02-28").date == "2026-02-28"
    with pytest.raises(ValidationError):
        Event(**{**base, "category": "FIGHT"})
    with pytest.raises(ValidationError):
        Event(**base, subtype="BOMBING")
    with pytest.raises(ValidationError):
        Event(**base, date="2026-02-30")


def test_event_id_is_article_sentence_start_and_category():
    assert event_id("a" * 32, 120, "ASSAULT") == f"{'a' * 32}-120-assault"


def test_tagged_article_refuses_offsets_that_do_not_point_at_their_text():
    article = raw()
    good = Mention(field="body", start=13, end=25, text="Porto Alegre")
    place = Place(id="place:porto-alegre", name="Porto Alegre", feature="city", mentions=[good],
                  confidence=0.1, salience=1)
    fields = dict(**article.model_dump(), places=[place], story_id=article.id, tagged_at=utcnow(),
                  tagger_version="test")
    assert TaggedArticle(**fields).places[0].mentions[0].text == "Porto Alegre"
    bad = Mention(field="body", start=13, end=25, text="Porto Alegra")
    fields["places"] = [place.model_copy(update={"mentions": [bad]})]
    with pytest.raises(ValidationError, match="does not match"):
        TaggedArticle(**fields)


def test_dead_letter_envelope_round_trips_through_headers():
    letter = DeadLetter(stage="validate", error_class="UndecodableMessage", error_message="bad id",
                        source_topic="wirewatch.articles.raw", source_partition=2, source_offset=41)
    headers = letter.to_headers()
    assert all(isinstance(v, bytes) for _, v in headers)
    assert DeadLetter.from_headers(headers) == letter


def test_json_schema_files_are_up_to_date():
    """Fails while schemas/json/ is stale: run `python -m schemas.generate`."""
    expected = render()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in JSON_DIR.glob("*.schema.json")}
    assert on_disk == expected, "schemas/json is stale: run `python -m schemas.generate` and commit"


def _published() -> dict[str, dict]:
    import json

    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in JSON_DIR.glob("*.schema.json")}


def _walk(node, path=""):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _walk(value, f"{path}/{i}")


def test_published_schemas_let_new_fields_through():
    # Forward compatible: a field added later must not break a strict validator.
    for name, schema in _published().items():
        closed = [path for path, node in _walk(schema) if node.get("additionalProperties") is False]
        assert closed == [], f"{name} closes objects at {closed}"


def test_dates_urls_and_codes_are_typed_for_validators():
    schemas = _published()
    raw = schemas["raw-article.schema.json"]["properties"]
    formats = {path: node["format"] for path, node in _walk(raw) if "format" in node}
    assert formats == {"/fetched_at": "date-time", "/published_at/anyOf/0": "date-time",
                       "/url/anyOf/0": "uri"}
    assert raw["id"]["pattern"] == "^[0-9a-f]{32}$"
    event = schemas["event-message.schema.json"]
    assert event["properties"]["date"]["anyOf"][0]["format"] == "date"
    assert len(event["properties"]["category"]["enum"]) == 16
    assert "AIR_STRIKE" in event["properties"]["subtype"]["anyOf"][0]["enum"]
    participant = event["$defs"]["Participant"]["properties"]
    assert participant["type"]["enum"] == ["PERSON", "ORG", "GROUP", "PLACE"]


def test_a_message_from_a_newer_producer_still_validates_and_parses():
    import jsonschema

    article = raw(published_at=datetime(2026, 3, 1, tzinfo=UTC)).model_dump(mode="json")
    newer = {**article, "sentiment": 0.3, "entities_v2": [{"id": "x"}]}
    schema = _published()["raw-article.schema.json"]
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(newer)) == []
    assert RawArticle.model_validate(newer) == RawArticle.model_validate(article)
    assert list(validator.iter_errors({**article, "id": "not-an-id"}))


def test_urls_are_ascii_uris_and_ascii_ones_do_not_change():
    from schemas.values import uri_from_iri

    assert uri_from_iri("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    assert uri_from_iri("https://ru.wikipedia.org/wiki/Киев") == (
        "https://ru.wikipedia.org/wiki/%D0%9A%D0%B8%D0%B5%D0%B2")
    assert uri_from_iri("https://пример.рф/a b") == "https://xn--e1afmkfd.xn--p1ai/a%20b"
    assert raw(url="https://ru.wikipedia.org/wiki/Киев").url.isascii()
    with pytest.raises(ValidationError, match="absolute URL"):
        raw(url="/relative/path")
