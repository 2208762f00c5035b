"""Main text out of an HTML page (trafilatura), for ``.html`` files and full-page fetches."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from connectors.errors import ParseError
from connectors.furniture import without_furniture

_HTML_LANG = re.compile(rb"<html[^>]*\blang=[\"']?([A-Za-z]{2}(?:[-_][A-Za-z0-9]+)?)", re.I)


@dataclass(frozen=True, slots=True)
class Page:
    """What was extracted from one HTML page.

    Attributes:
        title: the page's title ('' when none).
        body: main text, paragraphs separated by ``\\n``.
        published: the page's publication date as text, if found.
        authors: author names, if found.
        language: the page's ``<html lang>`` as given, if any.
        canonical: the page's ``<link rel=canonical>`` URL, if any.
    """

    title: str
    body: str
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    canonical: str | None = None


def extract_page(html: bytes | str, url: str | None = None) -> Page:
    """Extract the main text and metadata of an HTML page.

    Args:
        html: the page, as bytes (encoding sniffed) or text.
        url: where it came from, to resolve relative links.

    Raises:
        ParseError: when the page has no extractable main text.
    """
    import trafilatura  # heavy import (lxml, htmldate): only when pages are handled
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    # trafilatura returns a Document (a dict only with as_dict=True, which is not asked for)
    if doc is not None and not isinstance(doc, Document):
        raise ParseError(f"unexpected extraction result {type(doc).__name__} from trafilatura")
    text = (doc.text or "").strip() if doc is not None else ""
    if doc is None or not text:
        raise ParseError("no main text found in the HTML page (is it an article page?)")
    title = (doc.title or "").strip()
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # trafilatura repeats the <h1> headline as the first line
    lines = without_furniture(lines)  # "Sign up for our newsletter", "Share this story"
    if not lines:
        raise ParseError("the HTML page holds only sign-up, sharing and cookie lines, no story")
    raw = html if isinstance(html, bytes) else html.encode("utf-8", "replace")
    lang = _HTML_LANG.search(raw[:4096])
    authors = [a.strip() for a in re.split(r";|\band\b", doc.author or "") if a.strip()]
    return Page(
        title=title,
        body="\n".join(lines),
        published=doc.date,
        authors=authors,
        language=lang.group(1).decode("ascii") if lang else None,
        canonical=doc.url if doc.url and doc.url != url else None,
    )


_BLOCKS = frozenset(
    {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section",
     "article", "pre", "figcaption", "dd", "dt"}
)
_SKIP = frozenset({"script", "style", "noscript", "template"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one paragraph per line."""
    if "<" not in fragment and "&" not in fragment:
        return "\n".join(without_furniture([" ".join(p.split()) for p in fragment.splitlines() if p.strip()]))
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(without_furniture([line for line in lines if line]))
