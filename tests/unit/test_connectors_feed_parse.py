from datetime import UTC, datetime

import pytest

from connectors.errors import ParseError
from connectors.feed_parse import parse_feed
from tests.support.samples import atom_feed, rdf_feed, rss_feed, sample_entries


@pytest.mark.parametrize(("build", "version"), [(rss_feed, "rss20"), (atom_feed, "atom10"), (rdf_feed, "rss10")])
def test_rss_atom_and_rdf_entries(build, version) -> None:
    document = parse_feed(build(sample_entries(3)), url="https://news.example/feed")
    assert document.version == version
    assert [e.url for e in document.entries] == [f"https://news.example/story/{i}" for i in range(3)]
    first = document.entries[0]
    assert first.title == "Story 0: talks resume in Geneva"
    assert first.text.startswith("Story 0. Negotiators")
    assert first.published_at == datetime(2025, 12, 30, 10, 0, tzinfo=UTC)
    assert first.summary_only


def test_guid_is_the_key_else_the_link() -> None:
    rss = parse_feed(rss_feed(sample_entries(1)))
    assert rss.entries[0].key == "urn:story:0"
    no_guid = rss_feed(sample_entries(1)).replace(b'<guid isPermaLink="false">urn:story:0</guid>', b"")
    assert parse_feed(no_guid).entries[0].key == "https://news.example/story/0"


def test_rss_language_and_atom_authors() -> None:
    assert parse_feed(rss_feed(sample_entries(1))).language == "en-us"
    assert parse_feed(atom_feed(sample_entries(1))).entries[0].authors == ["Jane Doe"]


def test_full_content_is_preferred_over_the_summary() -> None:
    long_text = "<p>" + "A long paragraph of the full article. " * 30 + "</p>"
    feed = rss_feed(sample_entries(1)).replace(
        b"</item>", f"<content:encoded><![CDATA[{long_text}]]></content:encoded></item>".encode()
    ).replace(b'<rss version="2.0">', b'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">')
    entry = parse_feed(feed).entries[0]
    assert entry.has_content and not entry.summary_only
    assert entry.text.startswith("A long paragraph") and "<p>" not in entry.text


def test_malformed_xml_is_rejected() -> None:
    with pytest.raises(ParseError, match="malformed feed XML"):
        parse_feed(rss_feed(sample_entries(2))[:-40], url="u")


def test_html_page_is_not_a_feed() -> None:
    with pytest.raises(ParseError, match="not an RSS, Atom or RDF feed"):
        parse_feed(b"<html><head><title>Home</title></head><body><p>hi</p></body></html>",
                   content_type="text/html")


def test_bytes_not_in_the_declared_encoding_are_rejected() -> None:
    feed = rss_feed(sample_entries(1)).replace(b"Negotiators", "Négociateurs".encode("latin-1"))
    with pytest.raises(ParseError, match="declared encoding"):
        parse_feed(feed)


def test_a_declared_non_utf8_encoding_is_fine() -> None:
    feed = (rss_feed(sample_entries(1)).replace(b'encoding="utf-8"', b'encoding="iso-8859-1"')
            .replace(b"Negotiators", "Négociateurs".encode("latin-1")))
    assert "Négociateurs" in parse_feed(feed).entries[0].text
