"""Benchmark articles: realistic ~400-word articles generated from the demo set.

The bundled demo articles (``wirewatch/demo/articles.jsonl``, written for the
project) are about 175 words each, shorter than a typical wire story. Each
generated article keeps one demo article whole (its title and paragraphs, so
its events and places stay coherent) and adds paragraphs of other demo
articles, chosen by a seeded generator, until it reaches about ``words``
words. The same seed gives the same articles; every article gets its own URL
and id, so none is a replay of another.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from schemas import RawArticle, article_id

SOURCE_NOTE = ("synthetic: paragraphs of the bundled demo articles (wirewatch/demo/articles.jsonl) "
               "recombined by a seeded generator, ~{words} words each")
BENCH_SOURCE = "file:bench"
EPOCH = datetime(2026, 3, 1, tzinfo=UTC)


def _paragraphs(article: RawArticle) -> list[str]:
    return [p.strip() for p in article.body.split("\n") if p.strip()]


def generate_articles(pool: Sequence[RawArticle], count: int, *, seed: int = 13, words: int = 400,
                      run: str = "0") -> list[RawArticle]:
    """``count`` articles of about ``words`` words each, built from ``pool``.

    ``run`` goes into each URL (and so the id): two runs with different
    ``run`` values publish different articles to the same topics.
    """
    if not pool:
        raise ValueError("no articles to generate from")
    rng = random.Random(seed)
    paragraphs = [(i, p) for i, article in enumerate(pool) for p in _paragraphs(article)]
    out = []
    for n in range(count):
        base_index = n % len(pool)
        base = pool[base_index]
        body = _paragraphs(base)
        length = sum(len(p.split()) for p in body)
        others = [p for i, p in paragraphs if i != base_index]
        while length < words and others:
            extra = others.pop(rng.randrange(len(others)))
            body.append(extra)
            length += len(extra.split())
        url = f"https://bench.wirewatch.dev/{run}/{n}"
        published = EPOCH + timedelta(minutes=n)
        out.append(RawArticle(
            id=article_id(url), url=url, source=BENCH_SOURCE, title=base.title, body="\n".join(body),
            language="en", published_at=published, fetched_at=published,
        ))
    return out


def demo_pool() -> list[RawArticle]:
    """The bundled demo articles."""
    from wirewatch.demo import demo_articles

    return list(demo_articles())


def bench_articles(count: int, *, seed: int = 13, words: int = 400, run: str = "0") -> list[RawArticle]:
    """``count`` generated articles from the demo set (see the module's docstring)."""
    return generate_articles(demo_pool(), count, seed=seed, words=words, run=run)


def word_count(articles: Sequence[RawArticle]) -> float:
    """Mean words per article (title and body)."""
    return sum(len(a.title.split()) + len(a.body.split()) for a in articles) / max(len(articles), 1)
