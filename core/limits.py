"""The one size policy: the largest article accepted, and the limits that follow from it.

``WIREWATCH_MAX_ARTICLE_BYTES`` (``settings.max_article_bytes``) is the largest
RawArticle accepted, measured as the bytes of its JSON (what goes on the raw
topic). Every entrance checks it per item with :func:`check_article_size`
(files, inbox, feeds, pages through ``connectors.records.build_article``, the
publisher, the webhook). Everything downstream is sized from it:

* a tagged article is bounded to :func:`max_output_bytes` (twice the article,
  see ``streams/tagging/bounds.py``), so a legal input never yields an
  output the broker refuses;
* every topic's ``max.message.bytes`` and every producer's
  ``max_request_size`` (kafka-python and faust) is :func:`max_message_bytes`:
  the output bound plus room for headers and record overhead;
* a dead letter that would still not fit is sent bounded (first
  :data:`DEADLETTER_EXCERPT_BYTES` bytes, size and sha256 of the original).
"""

from __future__ import annotations

from core.errors import WirewatchError
from core.settings import Settings

#: room above the output bound for Kafka headers (dead-letter envelope) and record overhead
MESSAGE_OVERHEAD_BYTES = 64 * 1024
#: how much of an original a bounded dead letter keeps
DEADLETTER_EXCERPT_BYTES = 64 * 1024
#: a tagged article may be at most this many times the largest article
OUTPUT_FACTOR = 2

SETTING = "WIREWATCH_MAX_ARTICLE_BYTES"


class ArticleTooLarge(WirewatchError, ValueError):
    """An article is larger than ``WIREWATCH_MAX_ARTICLE_BYTES``."""

    def __init__(self, size: int, limit: int, what: str = "article") -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"{what} is {size:,} bytes as JSON; the largest accepted is {limit:,} bytes "
            f"(setting {SETTING}): split or shorten it"
        )


def max_output_bytes(settings: Settings) -> int:
    """The largest tagged article (JSON bytes) the tagger may emit."""
    return OUTPUT_FACTOR * settings.max_article_bytes


def max_message_bytes(settings: Settings) -> int:
    """Every topic's ``max.message.bytes`` and every producer's ``max_request_size``."""
    return max_output_bytes(settings) + MESSAGE_OVERHEAD_BYTES


def check_article_size(size: int, settings: Settings, *, what: str = "article") -> None:
    """Raise :class:`ArticleTooLarge` when ``size`` (JSON bytes of an article) is over the limit.

    Args:
        size: bytes of the article's JSON (``len(article.model_dump_json().encode())``).
        settings: where the limit comes from.
        what: how the error names the item, e.g. ``"article 3"`` or a file and line.
    """
    if size > settings.max_article_bytes:
        raise ArticleTooLarge(size, settings.max_article_bytes, what)


def may_exceed(chars: int, settings: Settings) -> bool:
    """False when ``chars`` characters of text can never make an article over the limit.

    A character costs at most 6 bytes of JSON (``\\u00XX`` escapes); callers
    serialize to measure exactly only when this says the limit is reachable.
    """
    return 6 * chars + 4096 > settings.max_article_bytes
