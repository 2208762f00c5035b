"""RSS 2.0, Atom and RDF (RSS 1.0) documents to entries, with feedparser. Pure: bytes in.

Anything feedparser had to guess about (malformed XML, bytes that are not in
the declared encoding) is rejected with a :class:`~connectors.errors.ParseError`
rather than half-published: a broken feed is logged and retried at the next poll.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from connectors.errors import ParseError
from connectors.html import html_to_text
from connectors.urls import canonical_url

SUMMARY_ONLY_CHARS = 600
"""Entries whose text is shorter than this are treated as summaries (``full_pages: auto``)."""


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed.

    Attributes:
        key: the dedupe key: the GUID when the feed gives one, else the canonical link.
        url: the canonical link, if any.
        title: plain-text title.
        text: plain-text content (full content when present, else the summary).
        has_content: True when the feed carried full content, not only a summary.
        published_at: publication (else update) time in UTC.
        authors: author names.
    """

    key: str
    url: str | None
    title: str
    text: str
    has_content: bool
    published_at: datetime | None
    authors: list[str] = field(default_factory=list)

    @property
    def summary_only(self) -> bool:
        """True when the feed seems to give only a teaser of the article."""
        return not self.has_content and len(self.text) < SUMMARY_ONLY_CHARS


@dataclass(frozen=True, slots=True)
class FeedDocument:
    """A parsed feed: its kind (``rss20``, ``atom10``, ``rss10``...), language and entries."""

    version: str
    language: str | None
    entries: list[FeedEntry]


def _utc(parsed: Any) -> datetime | None:
    if not parsed:
        return None
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC)


def _entry(raw: Any) -> FeedEntry | None:
    link = raw.get("link")
    url = canonical_url(link) if link else None
    key = raw.get("id") or raw.get("guid") or url
    if not key:
        return None  # neither GUID nor link: nothing stable to dedupe on
    contents = [c.get("value", "") for c in raw.get("content") or [] if c.get("value")]
    content = html_to_text(max(contents, key=len)) if contents else ""
    summary = html_to_text(raw.get("summary") or "")
    authors = [a.get("name", "").strip() for a in raw.get("authors") or [] if a.get("name")]
    return FeedEntry(
        key=str(key),
        url=url,
        title=html_to_text(raw.get("title") or ""),
        text=content or summary,
        has_content=bool(content) and len(content) > len(summary),
        published_at=_utc(raw.get("published_parsed") or raw.get("updated_parsed")),
        authors=authors,
    )


def parse_feed(body: bytes, *, url: str = "", content_type: str | None = None) -> FeedDocument:
    """Parse a feed document.

    Args:
        body: the raw bytes as served (feedparser sniffs the encoding).
        url: where it came from, to resolve relative links and for messages.
        content_type: the served ``Content-Type``, which may name the charset.

    Raises:
        ParseError: not a feed (e.g. an HTML page), malformed XML, or bytes
            that do not match the declared encoding.
    """
    headers = {"content-location": url} if url else {}
    if content_type:
        headers["content-type"] = content_type
    parsed = feedparser.parse(body, response_headers=headers, sanitize_html=True)
    problem = parsed.get("bozo_exception")
    # a well-formed feed served with a wrong Content-Type is common and harmless
    if parsed.get("bozo") and not isinstance(problem, feedparser.NonXMLContentType):
        kind = type(problem).__name__
        if isinstance(problem, feedparser.CharacterEncodingOverride):
            raise ParseError(f"{url}: bytes are not in the declared encoding ({problem})")
        raise ParseError(f"{url}: malformed feed XML ({kind}: {problem})")
    if not parsed.get("version"):
        served = f" (served as {content_type})" if content_type else ""
        raise ParseError(f"{url}: not an RSS, Atom or RDF feed{served}; check the feed URL")
    entries = [e for e in (_entry(raw) for raw in parsed.entries) if e is not None]
    return FeedDocument(
        version=parsed.version, language=parsed.feed.get("language"), entries=entries
    )
