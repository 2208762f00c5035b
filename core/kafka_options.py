"""Kafka client options from settings, in one place for kafka-python and faust.

:func:`security_options` is the one mapping of ``settings.kafka``'s security
fields (protocol, SASL, SSL) to client options, in kafka-python's names.
kafka-python clients take it as keyword arguments (:func:`client_options`);
faust (aiokafka underneath) takes the same mapping turned into its credentials
object (:func:`faust_credentials`), so the two can never disagree.
"""

from __future__ import annotations

import ssl
from typing import Any

from core.limits import max_message_bytes
from core.settings import Settings

SSL_PROTOCOLS = ("SSL", "SASL_SSL")


def bootstrap_servers(settings: Settings) -> list[str]:
    """``host:port`` of each configured bootstrap server."""
    return [host.strip() for host in settings.bootstrap.split(",") if host.strip()]


def security_options(settings: Settings) -> dict[str, Any]:
    """Security protocol, SASL and SSL options, in kafka-python's names."""
    kafka = settings.kafka
    options: dict[str, Any] = {"security_protocol": kafka.security_protocol}
    if kafka.sasl_mechanism:
        options["sasl_mechanism"] = kafka.sasl_mechanism
        options["sasl_plain_username"] = kafka.sasl_username
        if kafka.sasl_password is not None:
            options["sasl_plain_password"] = kafka.sasl_password.get_secret_value()
    if kafka.ssl_cafile is not None:
        options["ssl_cafile"] = str(kafka.ssl_cafile)
    return options


def client_options(settings: Settings) -> dict[str, Any]:
    """Options every kafka-python client (producer, consumer, admin) takes."""
    return {
        "bootstrap_servers": bootstrap_servers(settings),
        "request_timeout_ms": settings.kafka.request_timeout_ms,
        **security_options(settings),
    }


def consumer_options(settings: Settings) -> dict[str, Any]:
    """Group-membership timeouts for kafka-python consumers (short ones suit Tansu)."""
    kafka = settings.kafka
    return {
        **client_options(settings),
        "session_timeout_ms": kafka.session_timeout_ms,
        "heartbeat_interval_ms": kafka.heartbeat_interval_ms,
        "max_poll_interval_ms": kafka.max_poll_interval_ms,
        # the size policy (core/limits.py): fetch the largest message whole
        "max_partition_fetch_bytes": max_message_bytes(settings),
    }


def faust_credentials(settings: Settings) -> Any:
    """:func:`security_options` as faust's ``broker_credentials`` (None for PLAINTEXT)."""
    import faust  # only stream processors need it; kafka-python users should not pay for it

    options = security_options(settings)
    ssl_context = None
    if options["security_protocol"] in SSL_PROTOCOLS:
        ssl_context = ssl.create_default_context(cafile=options.get("ssl_cafile"))
    mechanism = options.get("sasl_mechanism")
    if mechanism:
        credentials: dict[str, Any] = {
            "username": options["sasl_plain_username"],
            "password": options.get("sasl_plain_password", ""),
            "ssl_context": ssl_context,
        }
        if mechanism != "PLAIN":  # faust's default mechanism
            credentials["mechanism"] = mechanism
        return faust.SASLCredentials(**credentials)
    if ssl_context is not None:
        return faust.SSLCredentials(ssl_context)
    return None
