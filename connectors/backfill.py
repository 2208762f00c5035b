"""One-shot backfill: every entry of a feed URL, or of each feed in an OPML file.

Used by ``wirewatch publish URL`` and ``wirewatch publish feeds.opml``. No state
is kept: everything the feed lists is published; article ids are stable, so
publishing twice only overwrites downstream.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from connectors.errors import ConnectorError
from connectors.feed_config import FeedConfig, FullPages
from connectors.feed_items import document_articles
from connectors.feed_parse import parse_feed
from connectors.fetch import Fetcher
from connectors.items import ItemError, Result
from core.settings import Settings, get_settings

FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1"


def feed_name(url: str) -> str:
    """A feed name from its URL's host, e.g. ``www.ibtimes.co.uk`` -> ``ibtimes.co.uk``."""
    host = (urlsplit(url).hostname or "feed").removeprefix("www.")
    return re.sub(r"[^a-z0-9._-]+", "-", host.lower()).strip("-") or "feed"


def read_feed(feed: FeedConfig, fetcher: Fetcher) -> Iterator[Result]:
    """Every entry of one feed as a result; one error item if the feed itself fails."""
    try:
        response = fetcher.get(feed.url, accept=FEED_ACCEPT)
        document = parse_feed(response.body, url=response.url, content_type=response.content_type)
    except ConnectorError as exc:
        yield ItemError(feed.url, str(exc))
        return
    for _entry, result in document_articles(document, feed, fetcher):
        yield result


def read_feed_url(
    url: str, *, full_pages: FullPages = "auto", settings: Settings | None = None
) -> Iterator[Result]:
    """Backfill from one feed URL (its name is taken from the host)."""
    fetcher = Fetcher((settings or get_settings()).connectors)
    feed = FeedConfig(name=feed_name(url), url=url, full_pages=full_pages)
    yield from read_feed(feed, fetcher)


def opml_feeds(path: Path, *, full_pages: FullPages = "auto") -> list[FeedConfig]:
    """The feeds an OPML file lists (``<outline xmlUrl=...>`` at any depth).

    Raises:
        ConnectorError: when the file is not valid OPML XML.
    """
    try:
        root = ElementTree.parse(path).getroot()
    except (ElementTree.ParseError, OSError) as exc:
        raise ConnectorError(f"{path}: not a readable OPML file ({exc})") from None
    feeds: dict[str, FeedConfig] = {}
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl") or outline.get("xmlurl")
        if url and url.startswith(("http://", "https://")):
            title = outline.get("title") or outline.get("text") or ""
            name = re.sub(r"[^a-z0-9._-]+", "-", title.lower()).strip("-._") or feed_name(url)
            feeds.setdefault(url, FeedConfig(name=name, url=url, full_pages=full_pages))
    return list(feeds.values())


def read_opml(
    path: Path, *, full_pages: FullPages = "auto", settings: Settings | None = None
) -> Iterator[Result]:
    """Backfill from every feed listed in an OPML file."""
    try:
        feeds = opml_feeds(path, full_pages=full_pages)
    except ConnectorError as exc:
        yield ItemError(str(path), str(exc))
        return
    fetcher = Fetcher((settings or get_settings()).connectors)
    for feed in feeds:
        yield from read_feed(feed, fetcher)
