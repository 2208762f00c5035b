import pytest

from connectors.errors import ParseError
from connectors.furniture import is_furniture
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


@pytest.mark.parametrize("line", [
    "Sign up for our weekly Africa newsletter.", "SUBSCRIBE to read the full analysis",
    "Follow us on X and Telegram for the latest updates.", "Share this story on Facebook, X or LinkedIn",
    "Accept all cookies", "Click here to receive the latest news from the Sahel.",
    "The post Troops retake Diapaga appeared first on Sahel Monitor.", "Continue reading...",
])
def test_lines_addressed_to_the_reader_are_page_furniture(line) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Follow-up talks are due in Doha next week.", "Subscribers to the mobile network lost service on Monday.",
    "Share prices fell 4% after the attack on the pipeline.",
    "Sign up for our newsletter " + "and read what officials said about the long dispute " * 3,  # too long
])
def test_lines_of_the_story_are_not_furniture(line) -> None:
    assert not is_furniture(line)


def test_pages_and_feed_summaries_lose_their_furniture() -> None:
    page = extract_page(article_page("Talks resume", [
        "First paragraph of the story, long enough to keep.", "Sign up for our daily briefing.",
        "Second paragraph of the story, also long enough."]))
    assert page.body.split("\n") == ["First paragraph of the story, long enough to keep.",
                                     "Second paragraph of the story, also long enough."]
    summary = "<p>Troops retook Diapaga on Monday.</p><p>The post Troops retake Diapaga appeared first on X.</p>"
    assert html_to_text(summary) == "Troops retook Diapaga on Monday."
