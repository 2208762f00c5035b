"""Feed entries to RawArticles, fetching the full page when the feed has only a summary."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime

from connectors.errors import ConnectorError
from connectors.feed_config import FeedConfig
from connectors.feed_parse import FeedDocument, FeedEntry
from connectors.fetch import Fetcher
from connectors.html import extract_page
from connectors.items import Item, ItemError, Result
from connectors.records import RecordError, build_article
from schemas.articles import utcnow

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"



def feed_source(feed: FeedConfig) -> str:
    """The ``source`` of a feed's articles (and its metrics label): ``rss:<name>``."""
    return f"rss:{feed.name}"

def wants_full_page(entry: FeedEntry, feed: FeedConfig) -> bool:
    """Whether to fetch the linked page for this entry (pure)."""
    if entry.url is None or feed.full_pages == "never":
        return False
    return feed.full_pages == "always" or entry.summary_only


def _page_text(entry: FeedEntry, fetcher: Fetcher) -> tuple[str, list[str]]:
    """The linked page's main text and authors; the feed's own text if that fails."""
    assert entry.url is not None
    try:
        response = fetcher.get(entry.url, accept=PAGE_ACCEPT)
        page = extract_page(response.body, url=response.url)
    except ConnectorError as exc:
        log.warning("full page of %s not used, keeping the feed's text: %s", entry.url, exc)
        return entry.text, entry.authors
    return page.body, entry.authors or page.authors


def entry_article(
    entry: FeedEntry,
    feed: FeedConfig,
    document: FeedDocument,
    fetcher: Fetcher,
    *,
    fetched_at: datetime | None = None,
) -> Result:
    """One feed entry as a RawArticle (or an error item saying why not).

    Args:
        entry: the parsed entry.
        feed: its feed's configuration (name, language hint, metadata, full_pages).
        document: the parsed feed, for its declared language.
        fetcher: used for the full page when :func:`wants_full_page` says so.
        fetched_at: the poll time; now by default.
    """
    origin = entry.url or f"{feed.url}#{entry.key}"
    text, authors = entry.text, entry.authors
    if wants_full_page(entry, feed):
        text, authors = _page_text(entry, fetcher)
    metadata = {**feed.metadata, "feed": feed.name, "guid": entry.key[:500]}
    record = {
        "url": entry.url,
        "title": entry.title,
        "body": text,
        "published_at": entry.published_at,
        "authors": authors,
        "metadata": metadata,
    }
    try:
        article = build_article(
            record,
            source=feed_source(feed),
            fetched_at=fetched_at or utcnow(),
            language_hint=feed.language or document.language,
        )
    except RecordError as exc:
        return ItemError(origin, f"invalid entry: {exc}")
    return Item(article, origin)


def document_articles(
    document: FeedDocument, feed: FeedConfig, fetcher: Fetcher, *, skip: set[str] | None = None
) -> Iterator[tuple[FeedEntry, Result]]:
    """Each entry not in ``skip`` (dedupe keys already delivered), with its article."""
    fetched_at = utcnow()
    done = set(skip or ())
    for entry in document.entries:
        if entry.key in done:
            continue  # already delivered, or listed twice in this document
        done.add(entry.key)
        yield entry, entry_article(entry, feed, document, fetcher, fetched_at=fetched_at)
