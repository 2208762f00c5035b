"""The bundled demo articles load, validate and are varied enough to demo with."""

from __future__ import annotations

import itertools
import json
import re
from datetime import UTC, datetime

import pytest

from schemas import RawArticle, article_id
from wirewatch.demo import demo_articles, parse_demo_lines

COUNTRIES = [
    "Ukraine", "Russia", "Sudan", "Myanmar", "Colombia", "Kenya", "France", "Pakistan",
    "Philippine", "Turkish", "Chile", "Bangladesh", "Israel", "Lebanon", "Gaza", "Mexico",
]  # fmt: skip


@pytest.fixture(scope="module")
def articles() -> list[RawArticle]:
    return demo_articles()


def _shingles(text: str, size: int = 3) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_there_are_at_least_twelve_valid_articles(articles: list[RawArticle]) -> None:
    assert len(articles) >= 12
    assert all(isinstance(article, RawArticle) for article in articles)


def test_ids_are_the_contract_hash_of_the_url_and_unique(articles: list[RawArticle]) -> None:
    assert all(a.id == article_id(a.url, a.title, a.body) for a in articles)
    assert len({a.id for a in articles}) == len(articles)
    assert len({a.url for a in articles}) == len(articles)


def test_every_article_has_a_title_and_a_wire_length_body(articles: list[RawArticle]) -> None:
    for article in articles:
        paragraphs = article.body.split("\n")
        assert article.title.strip(), article.url
        assert 120 <= len(article.body.split()) <= 300, article.title
        assert 3 <= len(paragraphs) <= 6, article.title
        assert all(p.strip() == p and p for p in paragraphs), article.title


def test_fields_follow_the_demo_conventions(articles: list[RawArticle]) -> None:
    for article in articles:
        assert article.source == "file:demo"
        assert article.language == "en"
        assert article.url and article.url.startswith("https://demo.wirewatch.dev/2026/03/")
        assert article.published_at is not None
        assert datetime(2026, 3, 1, tzinfo=UTC) <= article.published_at
        assert article.published_at < datetime(2026, 4, 1, tzinfo=UTC)
        assert article.metadata["demo"] == "true" and article.metadata["topic"]


def test_articles_cover_many_countries(articles: list[RawArticle]) -> None:
    text = " ".join(f"{a.title}\n{a.body}" for a in articles)
    present = [country for country in COUNTRIES if country in text]
    assert len(present) >= 10, present


def test_no_two_articles_are_near_identical(articles: list[RawArticle]) -> None:
    shingles = {a.title: _shingles(a.body) for a in articles}
    for (title_a, a), (title_b, b) in itertools.combinations(shingles.items(), 2):
        overlap = len(a & b) / len(a | b)
        assert overlap < 0.2, (title_a, title_b, round(overlap, 2))
    assert len({a.title for a in articles}) == len(articles)


def test_weekday_mentions_match_the_publication_week(articles: list[RawArticle]) -> None:
    # Wire copy says "on Tuesday" only for the last few days before publication; a weekday
    # further back means published_at and the text disagree (the demo texts stay within 2).
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    for article in articles:
        assert article.published_at is not None
        named = set(re.findall(r"\b(" + "|".join(days) + r")\b", article.body))
        assert named, f"{article.title}: no weekday reference"
        published = article.published_at.weekday()
        for day in named:
            assert (published - days.index(day)) % 7 <= 2, (article.title, day)


def test_parse_keeps_a_given_id_and_computes_a_missing_one() -> None:
    record = {"url": "https://demo.wirewatch.dev/x", "source": "file:demo", "body": "Text."}
    given = dict(record, id="0" * 32)
    parsed = parse_demo_lines([json.dumps(record), "", json.dumps(given)])
    assert [a.id for a in parsed] == [article_id(record["url"]), "0" * 32]
    assert parsed[0].fetched_at == parsed[1].fetched_at


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: not valid JSON"),
        ("[1, 2]", "line 1: expected a JSON object"),
        (json.dumps({"source": "demo", "body": "x"}), "line 1: not a valid RawArticle"),
    ],
)
def test_parse_names_the_bad_line(line: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_demo_lines([line])
