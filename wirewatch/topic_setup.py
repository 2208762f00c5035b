"""Creating the pipeline's topics (idempotent), sized by the size policy.

Every topic gets ``max.message.bytes`` = :func:`core.limits.max_message_bytes`,
at creation and again on every ``setup`` (so raising
``WIREWATCH_MAX_ARTICLE_BYTES`` and re-running ``setup`` resizes existing
topics). Apache Kafka stores and enforces it. The embedded broker (Tansu)
accepts the config at creation and in AlterConfigs but neither stores it
(DescribeConfigs returns nothing) nor enforces it: there the producers'
``max_request_size`` (same value) is the limit that holds.
"""

from __future__ import annotations

import logging

from kafka import KafkaAdminClient
from kafka.admin import ConfigResource, ConfigResourceType, NewTopic
from kafka.errors import (
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    TopicAlreadyExistsError,
)

from core.errors import SetupError
from core.kafka_options import client_options
from core.limits import max_message_bytes
from core.settings import Settings
from core.topics import Topics
from core.waiting import poll_until

log = logging.getLogger(__name__)

MAX_MESSAGE_BYTES = "max.message.bytes"


class TopicSetupError(SetupError, RuntimeError):
    """Topics could not be created; the message says what to check."""


def ensure_topics(settings: Settings, *, wait_s: float = 60.0) -> list[str]:
    """Create the four topics if they are missing, size them all; return the ones created.

    Waits up to ``wait_s`` seconds for the broker, so it can run right after
    the broker container starts.
    """
    admin = _connect(settings, wait_s)
    limit = str(max_message_bytes(settings))
    try:
        wanted = Topics(settings.topic_prefix).all()
        existing = set(admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        if missing:
            new = [
                NewTopic(name, settings.kafka.partitions, settings.kafka.replication_factor,
                         topic_configs={MAX_MESSAGE_BYTES: limit})
                for name in missing
            ]
            try:
                admin.create_topics(new)
            except TopicAlreadyExistsError:
                pass  # another `setup` raced us: what we wanted exists
            except KafkaError as exc:
                raise TopicSetupError(f"creating topics {missing} failed: {exc}") from exc
        _set_message_limit(admin, [name for name in wanted if name not in missing], limit)
        return missing
    finally:
        admin.close()


def _set_message_limit(admin: KafkaAdminClient, topics: list[str], limit: str) -> None:
    """``max.message.bytes`` of existing topics (incremental: other configs are kept)."""
    if not topics:
        return
    resources = [ConfigResource(ConfigResourceType.TOPIC, name, configs={MAX_MESSAGE_BYTES: limit})
                 for name in topics]
    try:
        results = admin.alter_configs(resources, raise_on_unknown=False)
    except KafkaError as exc:
        raise TopicSetupError(
            f"setting {MAX_MESSAGE_BYTES}={limit} on {topics} failed: {exc}; the broker must allow "
            "topic config changes (or set it by hand to match WIREWATCH_MAX_ARTICLE_BYTES)"
        ) from exc
    refused = {name: result for name, result in results.get("topic", {}).items()
               if result != "OK"}
    if refused:
        raise TopicSetupError(
            f"the broker refused {MAX_MESSAGE_BYTES}={limit} for {sorted(refused)} ({refused}); "
            "set it by hand to match WIREWATCH_MAX_ARTICLE_BYTES"
        )


def _connect(settings: Settings, wait_s: float) -> KafkaAdminClient:
    def connect() -> KafkaAdminClient:
        return KafkaAdminClient(**client_options(settings), client_id="wirewatch-setup")

    try:
        return poll_until(connect, timeout=wait_s, interval=1.0,
                          retry_on=(KafkaConnectionError, KafkaTimeoutError))
    except (KafkaConnectionError, KafkaTimeoutError) as exc:
        raise TopicSetupError(
            f"no Kafka broker answers at {settings.bootstrap} after {wait_s:.0f} s: "
            "check WIREWATCH_KAFKA_BOOTSTRAP and that the broker is up"
        ) from exc
