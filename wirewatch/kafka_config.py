"""kafka-python client options from settings: bootstrap and security, in one place."""

from __future__ import annotations

from typing import Any

from wirewatch.settings import Settings


def client_options(settings: Settings) -> dict[str, Any]:
    """Options every kafka-python client (producer, consumer, admin) takes."""
    kafka = settings.kafka
    options: dict[str, Any] = {
        "bootstrap_servers": settings.bootstrap.split(","),
        "request_timeout_ms": kafka.request_timeout_ms,
        "security_protocol": kafka.security_protocol,
    }
    if kafka.sasl_mechanism:
        options["sasl_mechanism"] = kafka.sasl_mechanism
        options["sasl_plain_username"] = kafka.sasl_username
        if kafka.sasl_password is not None:
            options["sasl_plain_password"] = kafka.sasl_password.get_secret_value()
    if kafka.ssl_cafile is not None:
        options["ssl_cafile"] = str(kafka.ssl_cafile)
    return options


def consumer_options(settings: Settings) -> dict[str, Any]:
    """Group-membership timeouts for kafka-python consumers (short ones suit Tansu)."""
    kafka = settings.kafka
    return {
        **client_options(settings),
        "session_timeout_ms": kafka.session_timeout_ms,
        "heartbeat_interval_ms": kafka.heartbeat_interval_ms,
        "max_poll_interval_ms": kafka.max_poll_interval_ms,
    }
