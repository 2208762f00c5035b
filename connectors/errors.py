"""The connectors' exceptions, in one tree.

::

    WirewatchError (core/errors.py)
    └── ConnectorError
        ├── BrokerUnavailableError  no broker answered at the configured address
        ├── DeliveryError        the broker did not acknowledge some articles
        ├── FetchError           an HTTP fetch failed (carries the URL)
        │   ├── HttpStatusError  the server answered 4xx/5xx
        │   └── TooLargeError    the body exceeded the configured maximum
        ├── ParseError           bytes that are not a valid feed, record or page
        └── RecordError          connectors/records.py: a record that is not a RawArticle

Third-party errors (``kafka.errors``, ``urllib.error``, ``feedparser``) are
translated into these at the boundary so callers handle one family.
"""

from __future__ import annotations

from core.errors import WirewatchError


class ConnectorError(WirewatchError):
    """Base class of every error raised by ``connectors``."""


class BrokerUnavailableError(ConnectorError):
    """No Kafka broker answered at the configured bootstrap address."""


class DeliveryError(ConnectorError):
    """Some articles were not acknowledged by the broker.

    Attributes:
        undelivered: article ids (Kafka keys) that were not acknowledged,
            mapped to the reason (an exception, or None when still in flight
            at the flush timeout).
    """

    def __init__(self, undelivered: dict[str, BaseException | None]) -> None:
        self.undelivered = dict(undelivered)
        sample = ", ".join(sorted(self.undelivered)[:5])
        more = "" if len(self.undelivered) <= 5 else f" and {len(self.undelivered) - 5} more"
        reasons = {type(e).__name__ if e else "timeout" for e in self.undelivered.values()}
        super().__init__(
            f"{len(self.undelivered)} article(s) not acknowledged by the broker "
            f"({', '.join(sorted(reasons))}): {sample}{more}; check that the broker is "
            "reachable and re-publish them (same ids, so nothing is duplicated downstream)"
        )


class FetchError(ConnectorError):
    """An HTTP fetch failed."""

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        super().__init__(f"{url}: {message}")


class HttpStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, url: str, status: int) -> None:
        self.status = status
        super().__init__(url, f"HTTP {status}")


class TooLargeError(FetchError):
    """The response body was larger than ``connectors.max_response_bytes``."""

    def __init__(self, url: str, limit: int) -> None:
        self.limit = limit
        super().__init__(
            url,
            f"response larger than {limit} bytes; raise WIREWATCH_CONNECTORS__MAX_RESPONSE_BYTES "
            "if this source is legitimate",
        )


class ParseError(ConnectorError):
    """Input that is not a valid feed, record or page."""
