"""Every configured connector in one process, sharing one publisher.

``ConnectorService(settings).start()`` returns at once, with the inbox
watcher, the feed poller (when ``connectors.feeds_file`` is set) and the
webhook (when ``connectors.webhook_enabled``) running in background threads;
``stop()`` stops and joins them and flushes the producer. ``wirewatch up``
embeds it; ``wirewatch connectors`` runs it in the foreground.
"""

from __future__ import annotations

import logging
from types import TracebackType

from connectors.base import Connector
from connectors.feeds import FeedConnector
from connectors.inbox import InboxConnector
from connectors.publisher import ArticlePublisher
from connectors.webhook import WebhookConnector
from core.settings import Settings, get_settings

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 30.0


class ConnectorService:
    """Starts and stops the configured connectors."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.publisher: ArticlePublisher | None = None
        self.connectors: list[Connector] = []

    def build(self, publisher: ArticlePublisher) -> list[Connector]:
        """The connectors the settings ask for (not started)."""
        cfg = self.settings.connectors
        connectors: list[Connector] = [InboxConnector(self.settings, publisher)]
        if cfg.feeds_file is not None:
            connectors.append(FeedConnector(self.settings, publisher))
        if cfg.webhook_enabled:
            connectors.append(WebhookConnector(self.settings, publisher))
        return connectors

    def start(self) -> None:
        """Start every configured connector in the background; returns at once.

        Raises:
            BrokerUnavailableError: when the broker cannot be reached.
            ConnectorError: when a connector's configuration is unusable (what
                started is stopped again).
            OSError: when the webhook port is taken.
        """
        self.publisher = ArticlePublisher(self.settings)
        self.connectors = []
        try:
            for connector in self.build(self.publisher):
                connector.start()
                self.connectors.append(connector)
        except BaseException:
            self.stop()
            raise
        log.info("connectors started: %s", ", ".join(c.name for c in self.connectors))

    def failed(self) -> list[Connector]:
        """Connectors whose thread ended with an error."""
        return [c for c in self.connectors if c.failed is not None]

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> None:
        """Stop the connectors, wait for them, flush and close the producer."""
        for connector in self.connectors:
            connector.stop()
        for connector in self.connectors:
            connector.join(timeout)
            if connector.alive:
                log.warning("%s connector did not stop within %.0fs", connector.name, timeout)
        if self.publisher is not None:
            self.publisher.close(timeout)
            self.publisher = None

    def __enter__(self) -> ConnectorService:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
