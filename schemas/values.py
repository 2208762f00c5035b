"""Value types shared by the message models: ids, timestamps, URLs.

Kept apart from the models (``schemas/articles.py``, ``schemas/messages.py``)
so each module stays one job: how a value is checked and written here, which
fields a message has there.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import quote, urlsplit, urlunsplit

from pydantic import AfterValidator, PlainSerializer, WithJsonSchema

ARTICLE_ID = re.compile(r"^[0-9a-f]{32}$")
ENTITY_ID = re.compile(r"^(person|org|group):[a-z0-9][a-z0-9-]*$")
PLACE_ID = re.compile(r"^(geonames:\d+|place:[a-z0-9][a-z0-9-]*)$")
LANGUAGE = re.compile(r"^[a-z]{2}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_utc(value: datetime) -> datetime:
    """Naive datetimes are taken as UTC; aware ones are converted to it."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _iso_z(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


UtcDatetime = Annotated[
    datetime,
    AfterValidator(_as_utc),
    PlainSerializer(_iso_z, return_type=str, when_used="json"),
    WithJsonSchema({"type": "string", "format": "date-time"}, mode="serialization"),
]
"""A timestamp stored in UTC and written as ``2025-12-30T10:00:00Z``."""

# Characters a URI may not carry as they are (RFC 3986): escaped, byte by byte.
_URI_UNSAFE = re.compile(r"[^\x21-\x7e]|[\"<>\\^`{|}]")


def uri_from_iri(url: str) -> str:
    """An ASCII URI for ``url`` (RFC 3987, 3.1): IDNA host, UTF-8 percent-escapes elsewhere.

    ASCII URLs come back unchanged, so their article ids do not move.

    Raises:
        ValueError: ``url`` is not absolute (no scheme or host).
    """
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        raise ValueError("url must be an absolute URL such as https://example.org/a (or null)")
    if not _URI_UNSAFE.search(url):
        return url
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo, at, hostport = netloc.rpartition("@")
        host, colon, port = hostport.partition(":")
        netloc = f"{userinfo}{at}{host.encode('idna').decode('ascii')}{colon}{port}"
    escape = lambda part: _URI_UNSAFE.sub(lambda m: quote(m.group(0), safe=""), part)  # noqa: E731
    return urlunsplit((parts.scheme, netloc, escape(parts.path), escape(parts.query),
                       escape(parts.fragment)))


def string_schema(**keywords: str) -> WithJsonSchema:
    """A string's JSON Schema with extra keywords, kept inside its own branch when nullable."""
    return WithJsonSchema({"type": "string", **keywords})


Url = Annotated[
    str,
    AfterValidator(uri_from_iri),
    WithJsonSchema({"type": "string", "format": "uri"}),
]
"""An absolute URL, written as an ASCII URI (non-ASCII characters percent-escaped)."""


def article_id(url: str | None, title: str = "", body: str = "") -> str:
    """The contract's article id: sha256 of the canonical URL, else of title + body.

    Args:
        url: the canonical URL (tracking parameters and fragment already dropped).
        title: used only when there is no URL.
        body: used only when there is no URL.

    Returns:
        32 lowercase hex characters.
    """
    basis = url if url else f"{title}\n{body}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]
