"""Creating the pipeline's topics (idempotent)."""

from __future__ import annotations

from kafka import KafkaAdminClient
from kafka.admin import NewTopic
from kafka.errors import (
    KafkaConnectionError,
    KafkaError,
    KafkaTimeoutError,
    TopicAlreadyExistsError,
)

from core.errors import SetupError
from core.kafka_options import client_options
from core.settings import Settings
from core.topics import Topics
from core.waiting import poll_until


class TopicSetupError(SetupError, RuntimeError):
    """Topics could not be created; the message says what to check."""


def ensure_topics(settings: Settings, *, wait_s: float = 60.0) -> list[str]:
    """Create the four topics if they are missing; return the ones created.

    Waits up to ``wait_s`` seconds for the broker, so it can run right after
    the broker container starts.
    """
    admin = _connect(settings, wait_s)
    try:
        wanted = Topics(settings.topic_prefix).all()
        existing = set(admin.list_topics())
        missing = [name for name in wanted if name not in existing]
        if not missing:
            return []
        new = [
            NewTopic(name, settings.kafka.partitions, settings.kafka.replication_factor)
            for name in missing
        ]
        try:
            admin.create_topics(new)
        except TopicAlreadyExistsError:
            pass  # another `setup` raced us: what we wanted exists
        except KafkaError as exc:
            raise TopicSetupError(f"creating topics {missing} failed: {exc}") from exc
        return missing
    finally:
        admin.close()


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
