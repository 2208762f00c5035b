"""The AsyncAPI 3 document of the four topics, built from the pydantic models.

``python -m schemas.generate`` writes it to ``schemas/asyncapi.yaml`` beside
the JSON Schemas; a test fails while it is stale, and another validates it
with the reference parser (``@asyncapi/parser``). Payload schemas are the
models' own JSON Schemas, so the document cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

import yaml
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from schemas.articles import SCHEMA_VERSION, RawArticle, TaggedArticle
from schemas.messages import BOUNDED_HEADERS, DEADLETTER_HEADERS, DeadLetter, EventMessage

DEFAULT_PREFIX = "wirewatch."  # WIREWATCH_TOPIC_PREFIX's default
PARTITIONS = 4  # WIREWATCH_KAFKA__PARTITIONS's default, for topics `wirewatch setup` creates
RETENTION_MS = 7 * 24 * 3600 * 1000  # deploy/kafka/kafka.env: KAFKA_LOG_RETENTION_HOURS=168
BINDING_VERSION = "0.5.0"
REF = "#/components/schemas/{model}"

# Consumer settings measured against the embedded broker and fine for Kafka
# (docs/consumers.md): short group timeouts let a new member join in seconds.
CONSUMER_CONFIG = {
    "auto.offset.reset": "earliest",
    "enable.auto.commit": False,
    "session.timeout.ms": 6000,
    "heartbeat.interval.ms": 1000,
    "max.poll.interval.ms": 60000,
}

TOPICS: dict[str, dict[str, Any]] = {
    "articlesRaw": {
        "suffix": "articles.raw", "message": "RawArticle", "key": "article id",
        "description": "Articles as the connectors fetched them. The only input that cannot be "
                       "recomputed: everything else is derived from it.",
    },
    "articlesTagged": {
        "suffix": "articles.tagged", "message": "TaggedArticle", "key": "article id",
        "description": "Raw articles plus who (entities), where (places) and what happened (events).",
    },
    "events": {
        "suffix": "events", "message": "EventMessage", "key": "event id",
        "description": "One message per event, with the names of its actors, targets and places "
                       "and the resolved places it names, so a consumer needs no article.",
    },
    "deadletter": {
        "suffix": "deadletter", "message": "DeadLetter", "key": "the original message's key",
        "description": "Messages that could not be processed: the original bytes, untouched, "
                       "with headers saying why and where they came from.",
    },
}

TOPICS_BY_MESSAGE = {topic["message"]: topic for topic in TOPICS.values()}

KEY_SCHEMAS: dict[str, dict[str, Any]] = {
    "article id": {"type": "string", "pattern": "^[0-9a-f]{32}$",
                   "description": "the article id (UTF-8); equals the payload's `id`"},
    "event id": {"type": "string", "description": "the event id (UTF-8); equals the payload's `id`"},
    "the original message's key": {"description": "the failed message's key, byte for byte (may be absent)"},
}

VERSIONING = (
    "Every payload carries `schema_version` (now {version}). Compatible changes (a new optional "
    "field, a new header) keep it, so consumers must ignore fields they do not know; a breaking "
    "change (a field renamed, removed or retyped, a code list narrowed) raises it and is published "
    "on new topics side by side with the old ones. Rules: schemas/README.md."
)


def component_schemas() -> dict[str, Any]:
    """JSON Schemas of every payload model, sharing their definitions, keyed by model name."""
    models: list[tuple[type[BaseModel], Any]] = [
        (RawArticle, "serialization"), (TaggedArticle, "serialization"),
        (EventMessage, "serialization"),
    ]
    _, top = models_json_schema(models, ref_template=REF)
    return dict(sorted(top["$defs"].items()))


def deadletter_headers() -> dict[str, Any]:
    """The dead-letter headers as an object schema (Kafka headers are bytes; these are UTF-8)."""
    fields = DeadLetter.model_fields
    properties = {}
    for header, name in zip((*DEADLETTER_HEADERS, *BOUNDED_HEADERS), fields, strict=True):
        spec: dict[str, Any] = {"type": "string", "description": fields[name].description or name}
        if fields[name].annotation in (int, int | None):
            spec["pattern"] = "^[0-9]+$"
        properties[header] = spec
    # besides these, a letter keeps the original message's own headers
    return {"type": "object", "required": list(DEADLETTER_HEADERS), "properties": properties}


def _message(name: str, topic: dict[str, Any]) -> dict[str, Any]:
    message: dict[str, Any] = {
        "name": name,
        "title": name,
        "contentType": "application/json",
        "bindings": {"kafka": {"key": KEY_SCHEMAS[topic["key"]], "bindingVersion": BINDING_VERSION}},
    }
    if name == "DeadLetter":
        message["contentType"] = "application/octet-stream"
        message["summary"] = "The original value, untouched; the headers say why it is here."
        message["headers"] = deadletter_headers()
        message["payload"] = {"description": "the failed message's value, byte for byte"}
    else:
        message["summary"] = TOPICS_BY_MESSAGE[name]["description"]
        message["payload"] = {"$ref": REF.format(model=name)}
    return message


def _operations() -> dict[str, Any]:
    def op(action: str, channel: str, summary: str, group: str | None = None) -> dict[str, Any]:
        message = TOPICS[channel]["message"]
        operation: dict[str, Any] = {
            "action": action,
            "channel": {"$ref": f"#/channels/{channel}"},
            "summary": summary,
            "messages": [{"$ref": f"#/channels/{channel}/messages/{message}"}],
        }
        if action == "receive":
            operation["bindings"] = {"kafka": {
                "groupId": {"type": "string", **({"enum": [group]} if group else {
                    "description": "your own consumer group; never `wirewatch` (the workers' group)"})},
                "bindingVersion": BINDING_VERSION,
            }}
            operation["x-consumer-config"] = CONSUMER_CONFIG
        return operation

    return {
        "publishRawArticles": op("send", "articlesRaw",
                                 "Connectors publish fetched articles (idempotent producer, acks=all)."),
        "tagRawArticles": op("receive", "articlesRaw",
                             "The workers tag raw articles (at-least-once).", group="wirewatch"),
        "publishTaggedArticles": op("send", "articlesTagged", "The workers publish tagged articles."),
        "publishEvents": op("send", "events", "The workers publish one message per event."),
        "publishDeadLetters": op("send", "deadletter", "Any stage sends what it could not process."),
        "consumeTaggedArticles": op("receive", "articlesTagged",
                                    "A downstream consumer reads tagged articles."),
        "consumeEvents": op("receive", "events", "A downstream consumer reads events."),
    }


def document() -> dict[str, Any]:
    """The AsyncAPI 3.0 document as a dict."""
    channels = {}
    for channel_id, topic in TOPICS.items():
        message = topic["message"]
        channels[channel_id] = {
            "address": f"{DEFAULT_PREFIX}{topic['suffix']}",
            "title": f"{{prefix}}{topic['suffix']}",
            "description": topic["description"] + f" Key: {topic['key']}. The prefix `{DEFAULT_PREFIX}` "
                           "is the setting WIREWATCH_TOPIC_PREFIX.",
            "messages": {message: {"$ref": f"#/components/messages/{message}"}},
            "bindings": {"kafka": {
                "partitions": PARTITIONS,
                "topicConfiguration": {"cleanup.policy": ["delete"], "retention.ms": RETENTION_MS},
                "bindingVersion": BINDING_VERSION,
            }},
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "wirewatch",
            "version": f"{SCHEMA_VERSION}.0.0",
            "description": "News articles in; tagged articles and sentence-level events out, on Kafka. "
                           + VERSIONING.format(version=SCHEMA_VERSION)
                           + " Generated by `python -m schemas.generate`; do not edit by hand.",
            "license": {"name": "Apache-2.0", "url": "https://www.apache.org/licenses/LICENSE-2.0"},
        },
        "defaultContentType": "application/json",
        "servers": {
            "compose": {"host": "kafka:29092", "protocol": "kafka",
                        "description": "Inside the production stack's compose network (docker-compose.yml)."},
            "host": {"host": "127.0.0.1:9092", "protocol": "kafka",
                     "description": "From the Docker host (port KAFKA_HOST_PORT), or the embedded "
                                    "broker of `wirewatch up`."},
        },
        "channels": channels,
        "operations": _operations(),
        "components": {
            "messages": {topic["message"]: _message(topic["message"], topic) for topic in TOPICS.values()},
            "schemas": component_schemas(),
        },
    }


def render() -> str:
    """The document as YAML text (stable: regenerating it changes nothing)."""
    header = "# Generated by `python -m schemas.generate` from schemas/*.py; do not edit by hand.\n"
    return header + yaml.safe_dump(document(), sort_keys=False, allow_unicode=True, width=100)
