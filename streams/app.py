"""The faust app every stream processor registers with.

Topics carry raw bytes (``value_serializer="raw"``): each agent validates the
bytes itself against the pydantic schema, so a message that fails validation
can go to the dead-letter topic exactly as it arrived.
"""

from __future__ import annotations

import faust

from core.errors import ConfigError
from core.kafka_options import bootstrap_servers, faust_credentials
from core.limits import max_message_bytes
from core.settings import Settings, get_settings
from core.topics import Topics
from streams.transport import App


def _broker_urls(settings: Settings) -> list[str]:
    return [f"kafka://{host}" for host in bootstrap_servers(settings)]


def build_app(settings: Settings) -> faust.App:
    """A faust app configured from settings (one consumer group: ``worker.app_id``)."""
    kafka = settings.kafka
    worker = settings.worker
    if worker.rebalance_wait_s >= worker.max_poll_interval_s:
        raise ConfigError(
            f"WIREWATCH_WORKER__REBALANCE_WAIT_S ({worker.rebalance_wait_s:g} s) must be shorter than "
            f"WIREWATCH_WORKER__MAX_POLL_INTERVAL_S ({worker.max_poll_interval_s:g} s), or a worker that waited "
            "that long in a rebalance is never let back into its group; lower the first or raise the second")
    return App(
        worker.app_id,
        broker=_broker_urls(settings),
        broker_credentials=faust_credentials(settings),
        store="memory://",
        datadir=str(worker.data_dir),
        topic_partitions=kafka.partitions,
        topic_replication_factor=kafka.replication_factor,
        # Tansu settles a consumer group slowly unless these are short.
        broker_session_timeout=kafka.session_timeout_ms / 1000,
        broker_heartbeat_interval=kafka.heartbeat_interval_ms / 1000,
        broker_max_poll_interval=worker.max_poll_interval_s,  # not kafka's: see the setting
        broker_request_timeout=kafka.request_timeout_ms / 1000,
        fetch_max_wait_ms=kafka.fetch_max_wait_ms,
        stream_buffer_maxsize=worker.stream_buffer,
        rebalance_wait_s=worker.rebalance_wait_s,
        consumer_auto_offset_reset="earliest",
        producer_acks=-1,
        # a batch the broker has not acknowledged by then fails, and the delivery
        # runner retries it with backoff (faust's default waits 20 minutes)
        producer_request_timeout=kafka.request_timeout_ms / 1000,
        # the size policy (core/limits.py), not faust's 1 MB defaults
        producer_max_request_size=max_message_bytes(settings),
        producer_max_batch_size=min(kafka.producer_batch_bytes, max_message_bytes(settings)),
        consumer_max_fetch_size=max_message_bytes(settings),
        producer_compression_type=None if kafka.compression_type == "none" else kafka.compression_type,
        # Topics are created by `wirewatch setup` with the configured partition count.
        topic_allow_declare=False,
        topic_disable_leader=True,
        web_enabled=False,
    )


settings = get_settings()
topics = Topics(settings.topic_prefix)
app = build_app(settings)

raw_topic = app.topic(topics.raw, key_serializer="raw", value_serializer="raw")
tagged_topic = app.topic(topics.tagged, key_serializer="raw", value_serializer="raw")
events_topic = app.topic(topics.events, key_serializer="raw", value_serializer="raw")
deadletter_topic = app.topic(topics.deadletter, key_serializer="raw", value_serializer="raw")
