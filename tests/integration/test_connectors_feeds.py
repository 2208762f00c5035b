"""The feed poller against a local HTTP server and the real embedded broker."""

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from connectors.feeds import FeedConnector
from connectors.publisher import ArticlePublisher
from core.settings import Settings
from core.topics import Topics
from schemas.articles import RawArticle
from tests.integration.helpers import wait_for
from tests.support.http_server import LocalServer, Route
from tests.support.samples import article_page, atom_feed, rdf_feed, rss_feed, sample_entries
from tests.support.topics import TopicReader

pytestmark = pytest.mark.integration
MB = 1024 * 1024




@pytest.fixture
def feed_settings(isolated_settings: Settings, tmp_path: Path) -> Settings:
    connectors = isolated_settings.connectors.model_copy(update={
        "state_dir": tmp_path / "state",
        "feeds_file": tmp_path / "feeds.yaml",
        "feeds_reload_s": 0.2,
        "fetch_timeout_s": 0.5,
        "backoff_initial_s": 0.2,
        "backoff_max_s": 5.0,
        "max_response_bytes": MB,
        "delivery_timeout_s": 10.0,
    })
    return isolated_settings.model_copy(update={"connectors": connectors})


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with LocalServer() as s:
        yield s


def write_feeds(settings: Settings, server: LocalServer, feeds: dict[str, str], **options) -> None:
    extra = "".join(f", {k}: {v}" for k, v in options.items())
    lines = [f"  - {{name: {n}, url: '{server.url(p)}', poll_interval: 0.3{extra}}}" for n, p in feeds.items()]
    assert settings.connectors.feeds_file is not None
    settings.connectors.feeds_file.write_text("feeds:\n" + "\n".join(lines) + "\n")


class Running:
    """A FeedConnector with its own publisher, stopped on exit."""

    def __init__(self, settings: Settings) -> None:
        self.publisher = ArticlePublisher(settings)
        self.connector = FeedConnector(settings, self.publisher)

    def __enter__(self) -> FeedConnector:
        self.connector.start()
        return self.connector

    def __exit__(self, *exc: object) -> None:
        self.connector.stop()
        self.connector.join(10)
        self.publisher.close(5)
        assert self.connector.failed is None


def topic_articles(settings: Settings, expect: int | None = None) -> list[RawArticle]:
    reader = TopicReader(settings.bootstrap, Topics(settings.topic_prefix).raw)
    return [RawArticle.model_validate_json(r.value) for r in reader.read(expect=expect, idle=0.5)]


def test_rss_atom_and_rdf_feeds_are_published_once(feed_settings: Settings, server: LocalServer) -> None:
    server.routes["/rss"] = Route(rss_feed(sample_entries(3, base="https://a.example/s")))
    server.routes["/atom"] = Route(atom_feed(sample_entries(2, base="https://b.example/s")))
    server.routes["/rdf"] = Route(rdf_feed(sample_entries(2, base="https://c.example/s")))
    write_feeds(feed_settings, server, {"rss": "/rss", "atom": "/atom", "rdf": "/rdf"}, full_pages="never")
    with Running(feed_settings):
        wait_for(lambda: all(len(server.hits_for(p)) >= 3 for p in ("/rss", "/atom", "/rdf")),
                   what="three polls of each feed")
    articles = topic_articles(feed_settings, expect=7)
    assert len(articles) == 7  # polled three times, published once
    by_source = {a.source for a in articles}
    assert by_source == {"rss:rss", "rss:atom", "rss:rdf"}
    story = next(a for a in articles if a.url == "https://a.example/s/0")
    assert story.language == "en" and story.metadata["guid"] == "urn:story:0"
    assert story.published_at is not None and story.title.startswith("Story 0")


def test_not_modified_feeds_are_asked_conditionally(feed_settings: Settings, server: LocalServer) -> None:
    server.routes["/rss"] = Route(rss_feed(sample_entries(2)), etag='"v1"')
    write_feeds(feed_settings, server, {"rss": "/rss"}, full_pages="never")
    with Running(feed_settings) as connector:
        wait_for(lambda: len(server.hits_for("/rss")) >= 3, what="three polls")
        wait_for(lambda: any(r.not_modified for r in connector.reports), what="a 304")
    hits = server.hits_for("/rss")
    assert "If-None-Match" not in hits[0].headers
    assert all(h.headers.get("If-None-Match") == '"v1"' and h.status == 304 for h in hits[1:])
    assert len(topic_articles(feed_settings, expect=2)) == 2


def test_failing_feeds_back_off_and_do_not_hold_up_the_others(
    feed_settings: Settings, server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.routes["/good"] = Route(rss_feed(sample_entries(2)))
    server.routes["/error"] = Route(b"boom", status=500)
    server.routes["/slow"] = Route(rss_feed(sample_entries(1)), delay=2.0)
    write_feeds(feed_settings, server, {"good": "/good", "error": "/error", "slow": "/slow"}, full_pages="never")
    with caplog.at_level(logging.ERROR, logger="connectors.feeds"), Running(feed_settings):
        wait_for(lambda: len(server.hits_for("/error")) >= 4 and len(server.hits_for("/good")) >= 4,
                 timeout=15, what="four tries of the failing feed and four polls of the good one")
        good = server.hits_for("/good")
    errors = server.hits_for("/error")
    gaps = [b.at - a.at for a, b in zip(errors, errors[1:], strict=False)]
    delays = [r.args[2] for r in caplog.records if r.args and r.args[0] == "error"]
    for failures, (delay, gap) in enumerate(zip(delays, gaps, strict=False), start=1):
        window = 0.2 * 2 ** (failures - 1)  # backoff_initial_s doubling, full jitter in [0, window]
        assert 0 <= delay <= window, (failures, delay)
        assert gap >= delay - 0.02, (failures, gap, delay)  # the feed really waited
    # backing off, not polling on the feed's own 0.3 s interval: every wait is the logged draw
    assert len(delays) >= 3 and all(abs(gap - delay) < 0.28 for delay, gap in zip(delays, gaps, strict=False))
    # polled on its 0.3 s schedule meanwhile, never held up by the failing feed or by the slow one (0.3 + its 0.5 s timeout)
    assert len(good) >= 4 and all(b.at - a.at < 0.75 for a, b in zip(good, good[1:], strict=False))
    assert "feed error failed" in caplog.text and "HTTP 500" in caplog.text
    assert "feed slow failed" in caplog.text and "timed out" in caplog.text
    assert {a.source for a in topic_articles(feed_settings, expect=2)} == {"rss:good"}


@pytest.mark.parametrize(("route", "message"), [
    (Route(rss_feed(sample_entries(3))[:-50]), "malformed feed XML"),
    (Route(b"<html><head><title>Home</title></head><body><p>Welcome</p></body></html>",
           content_type="text/html"), "not an RSS, Atom or RDF feed"),
    (Route(lambda: (b"<rss>" + b" " * MB for _ in range(50))), "larger than"),
    (Route(rss_feed(sample_entries(2)).replace(b"Negotiators", b"N\xe9gociateurs\xff")),
     "not in the declared encoding"),
], ids=["malformed-xml", "html-page", "50mb-body", "non-utf8-bytes"])
def test_broken_feeds_are_logged_and_publish_nothing(
    feed_settings: Settings, server: LocalServer, caplog: pytest.LogCaptureFixture, route: Route, message: str
) -> None:
    server.routes["/bad"] = route
    write_feeds(feed_settings, server, {"bad": "/bad"}, full_pages="never")
    with caplog.at_level(logging.ERROR, logger="connectors.feeds"), Running(feed_settings) as connector:
        wait_for(lambda: message in caplog.text, what=f"an error log saying {message!r}")
        assert connector.alive
    assert topic_articles(feed_settings) == []


def test_summary_only_entries_get_the_full_page(feed_settings: Settings, server: LocalServer) -> None:
    paragraphs = ["The full article text that the feed only summarised, with every detail of the talks.",
                  "A second paragraph quoting the negotiators at length about the prisoner exchange."]
    entries = sample_entries(1, base=server.url("/story"))
    server.routes["/rss"] = Route(rss_feed(entries))
    server.routes["/story/0?utm_source=rss"] = Route(article_page("Talks resume", paragraphs))
    server.routes["/story/0"] = Route(article_page("Talks resume", paragraphs))
    write_feeds(feed_settings, server, {"rss": "/rss"})
    with Running(feed_settings):
        (article,) = wait_for(lambda: topic_articles(feed_settings, expect=1), what="the article")
    assert article.body == "\n".join(paragraphs)
    assert article.url == server.url("/story/0")  # tracking parameters dropped
    assert server.hits_for("/story/0")[0].headers["User-Agent"].startswith("wirewatch/")


def test_feeds_file_changes_apply_without_restart_and_state_survives_restarts(
    feed_settings: Settings, server: LocalServer
) -> None:
    server.routes["/one"] = Route(rss_feed(sample_entries(2, base="https://one.example/s")))
    server.routes["/two"] = Route(rss_feed(sample_entries(3, base="https://two.example/s")))
    write_feeds(feed_settings, server, {"one": "/one"}, full_pages="never")
    with Running(feed_settings):
        wait_for(lambda: server.hits_for("/one"), what="feed one")
        write_feeds(feed_settings, server, {"one": "/one", "two": "/two"}, full_pages="never")
        wait_for(lambda: len(server.hits_for("/two")) >= 2, what="feed two, added while running")
    # a restart re-reads the feeds but publishes nothing new
    with Running(feed_settings):
        wait_for(lambda: len(server.hits_for("/two")) >= 4, what="polls after the restart")
    articles = topic_articles(feed_settings, expect=5)
    assert len(articles) == 5 and len({a.id for a in articles}) == 5
