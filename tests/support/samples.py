"""Sample feeds (RSS, Atom, RDF) and article pages for connector tests."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SampleEntry:
    """One entry for the sample feed builders below."""

    guid: str
    title: str
    link: str
    summary: str
    published: str = "Tue, 30 Dec 2025 10:00:00 +0000"


def sample_entries(n: int, *, base: str = "https://news.example/story", start: int = 0) -> list[SampleEntry]:
    """``n`` distinct English entries with GUIDs and links."""
    return [
        SampleEntry(
            guid=f"urn:story:{i}",
            title=f"Story {i}: talks resume in Geneva",
            link=f"{base}/{i}?utm_source=rss",
            summary=(f"Story {i}. Negotiators from both sides met again in Geneva on Tuesday "
                     "to discuss a ceasefire and the exchange of prisoners of war."),
        )
        for i in range(start, start + n)
    ]


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_feed(entries: list[SampleEntry], *, language: str | None = "en-us") -> bytes:
    """An RSS 2.0 document."""
    items = "".join(
        f"<item><title>{_x(e.title)}</title><link>{_x(e.link)}</link>"
        f"<guid isPermaLink=\"false\">{_x(e.guid)}</guid><description>{_x(e.summary)}</description>"
        f"<pubDate>{e.published}</pubDate></item>"
        for e in entries
    )
    lang = f"<language>{language}</language>" if language else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Sample</title>'
            f"<link>https://news.example/</link>{lang}{items}</channel></rss>").encode()


def atom_feed(entries: list[SampleEntry]) -> bytes:
    """An Atom 1.0 document."""
    items = "".join(
        f"<entry><id>{_x(e.guid)}</id><title>{_x(e.title)}</title><link href=\"{_x(e.link)}\"/>"
        f"<updated>2025-12-30T10:00:00Z</updated><summary>{_x(e.summary)}</summary>"
        f"<author><name>Jane Doe</name></author></entry>"
        for e in entries
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Sample</title><id>urn:sample</id><updated>2025-12-30T10:00:00Z</updated>"
            f"{items}</feed>").encode()


def rdf_feed(entries: list[SampleEntry]) -> bytes:
    """An RDF (RSS 1.0) document; RDF items have no GUID, so links are the keys."""
    items = "".join(
        f'<item rdf:about="{_x(e.link)}"><title>{_x(e.title)}</title><link>{_x(e.link)}</link>'
        f"<description>{_x(e.summary)}</description><dc:date>2025-12-30T10:00:00Z</dc:date></item>"
        for e in entries
    )
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="https://news.example/"><title>Sample</title>'
            f"<link>https://news.example/</link><description>d</description></channel>{items}"
            "</rdf:RDF>").encode()


def article_page(title: str, paragraphs: list[str]) -> bytes:
    """An HTML article page with navigation noise around the main text."""
    body = "".join(f"<p>{_x(p)}</p>" for p in paragraphs)
    return (f'<html lang="en"><head><title>{_x(title)} | Example News</title>'
            f'<meta property="og:title" content="{_x(title)}"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{_x(title)}</h1>{body}</article>"
            "<footer>Copyright Example News. All rights reserved.</footer></body></html>").encode()
