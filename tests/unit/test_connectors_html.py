import pytest

from connectors.errors import ParseError
from connectors.html import extract_page, html_to_text
from tests.support.samples import article_page


def test_html_fragments_become_one_paragraph_per_line() -> None:
    fragment = "<p>Hello <b>world</b> &amp; co</p><p>Two<br/>lines</p><script>var x;</script>"
    assert html_to_text(fragment) == "Hello world & co\nTwo\nlines"


def test_plain_text_summaries_only_get_whitespace_normalised() -> None:
    assert html_to_text("  spaced   out \n\n second ") == "spaced out\nsecond"


def test_pages_give_title_body_language_and_canonical_link() -> None:
    page_bytes = article_page("Talks resume", ["First paragraph of the story, long enough to keep.",
                                               "Second paragraph of the story, also long enough."])
    page_bytes = page_bytes.replace(b"</head>", b'<link rel="canonical" href="https://ex.com/talks"></head>')
    page = extract_page(page_bytes, url="https://ex.com/talks?utm_source=x")
    assert page.title == "Talks resume"
    assert page.body.split("\n") == ["First paragraph of the story, long enough to keep.",
                                     "Second paragraph of the story, also long enough."]
    assert page.language == "en"
    assert page.canonical == "https://ex.com/talks"


def test_pages_without_text_are_parse_errors() -> None:
    with pytest.raises(ParseError, match="no main text"):
        extract_page(b"<html><head><script>var x = 1;</script></head><body></body></html>")
