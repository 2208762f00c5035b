"""schemas/asyncapi.yaml: generated from the models, fresh, and faithful to topics and settings."""

from __future__ import annotations

import yaml

from core.settings import KafkaSettings, Settings
from core.topics import Topics
from schemas import BOUNDED_HEADERS, DEADLETTER_HEADERS, EventMessage, RawArticle, TaggedArticle
from schemas.asyncapi import CONSUMER_CONFIG, DEFAULT_PREFIX, render
from schemas.generate import ASYNCAPI_FILE


def test_the_asyncapi_document_is_up_to_date():
    """Fails while schemas/asyncapi.yaml is stale: run `python -m schemas.generate`."""
    assert ASYNCAPI_FILE.read_text(encoding="utf-8") == render(), (
        "schemas/asyncapi.yaml is stale: run `python -m schemas.generate` and commit")


def load() -> dict:
    return yaml.safe_load(ASYNCAPI_FILE.read_text(encoding="utf-8"))


def test_it_describes_the_four_topics_with_their_keys():
    doc = load()
    assert doc["asyncapi"] == "3.0.0"
    assert Settings().topic_prefix == DEFAULT_PREFIX
    addresses = sorted(channel["address"] for channel in doc["channels"].values())
    assert addresses == sorted(Topics(DEFAULT_PREFIX).all())
    for message in doc["components"]["messages"].values():
        assert message["bindings"]["kafka"]["key"], message["name"]


def test_payloads_are_the_models_own_schemas():
    schemas = load()["components"]["schemas"]
    for model in (RawArticle, TaggedArticle, EventMessage):
        generated = schemas[model.__name__]
        own = model.model_json_schema(mode="serialization", ref_template="#/components/schemas/{model}")
        own.pop("$defs", None)
        assert generated == own, model.__name__
    assert "actor_refs" in schemas["EventMessage"]["properties"]


def test_dead_letters_document_every_header():
    headers = load()["components"]["messages"]["DeadLetter"]["headers"]
    assert list(headers["properties"]) == [*DEADLETTER_HEADERS, *BOUNDED_HEADERS]
    assert set(headers["required"]) == set(DEADLETTER_HEADERS)  # the bounded ones only on a bounded letter


def test_consumer_settings_are_the_ones_wirewatch_itself_uses():
    kafka = KafkaSettings()
    assert CONSUMER_CONFIG["session.timeout.ms"] == kafka.session_timeout_ms
    assert CONSUMER_CONFIG["heartbeat.interval.ms"] == kafka.heartbeat_interval_ms
    assert CONSUMER_CONFIG["max.poll.interval.ms"] == kafka.max_poll_interval_ms
    receives = [op for op in load()["operations"].values() if op["action"] == "receive"]
    assert receives and all(op["x-consumer-config"] == CONSUMER_CONFIG for op in receives)
    for channel in load()["channels"].values():
        assert channel["bindings"]["kafka"]["partitions"] == kafka.partitions
