"""The story index decides as a brute-force search over every remembered sketch would.

The oracle below keeps what the index should remember (ids in the order they
would be forgotten, their sketches and stories) and compares a new sketch
with every one of them: the match is the highest estimated similarity at or
above the threshold, ties to the article assigned longest ago. The index
must give the same ``(story_id, duplicate_of)`` for every article of a stream
that mixes generated near-copies, exact copies (ties), re-tagging, new
versions of an id, short texts and eviction at capacity.
"""

from __future__ import annotations

import random
from collections import OrderedDict

import numpy as np
import pytest

from schemas import RawArticle, article_id, utcnow
from streams.tagging.stories.index import (
    DEFAULT_CAPACITY,
    DEFAULT_THRESHOLD,
    StoryIndex,
    article_sketch,
    similarities,
    similarity,
    sketch,
)
from wirewatch.benchmarking.corpus import bench_articles

# A brief and its fuller follow-up (hand-made): the brief's sketch holds all 5 of
# its shingles, the follow-up's 27. Estimated similarity 0.6 (3 of the 5 smallest
# values of the union are shared), so the follow-up is the brief's duplicate.
BRIEF = "Protesters surrounded the port gates at dawn"
FOLLOW_UP = (f"{BRIEF}. Police said the crowd was peaceful. Trucks waited on the coast road for hours. "
             "The union wants higher wages for night shifts.")


class BruteForceStories:
    """What the index should decide, by comparing with every remembered sketch."""

    def __init__(self, capacity: int, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.capacity = capacity
        self.threshold = threshold
        self.seen: OrderedDict[str, tuple[tuple[int, ...], str, str | None]] = OrderedDict()

    def assign(self, article: RawArticle) -> tuple[str, str | None]:
        fingerprint = article_sketch(article)
        if article.id in self.seen:
            old, story, duplicate_of = self.seen[article.id]
            if old == fingerprint:
                self.seen.move_to_end(article.id)
                return story, duplicate_of
            del self.seen[article.id]
        if fingerprint is None:
            return article.id, None
        best: tuple[float, str] | None = None
        for other, (theirs, _, _) in self.seen.items():  # oldest first: a tie keeps the older
            if not set(theirs) & set(fingerprint):
                continue  # nothing shared: the estimate is 0
            score = similarity(fingerprint, theirs)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, other)
        story, duplicate_of = (article.id, None) if best is None else (self.seen[best[1]][1], best[1])
        self.seen[article.id] = (fingerprint, story, duplicate_of)
        while len(self.seen) > self.capacity:
            self.seen.popitem(last=False)
        return story, duplicate_of


def article(url: str, body: str, title: str = "") -> RawArticle:
    return RawArticle(id=article_id(url), url=url, source="rss:t", title=title, body=body, fetched_at=utcnow())


def mixed_stream(count: int, seed: int = 7) -> list[RawArticle]:
    """Generated articles with re-tags, new versions, copies under new ids and short texts mixed in."""
    rng = random.Random(seed)
    generated = bench_articles(count)
    stream: list[RawArticle] = []
    for n, item in enumerate(generated):
        stream.append(item)
        if n < 10:
            continue
        roll = rng.random()
        earlier = stream[rng.randrange(max(0, len(stream) - 400), len(stream))]
        if roll < 0.08:  # re-tagged unchanged
            stream.append(earlier)
        elif roll < 0.14:  # a new version of an id: another article's text
            stream.append(earlier.model_copy(update={"body": generated[rng.randrange(count)].body}))
        elif roll < 0.20:  # the same text under a new id: ties with every earlier copy
            stream.append(earlier.model_copy(update={"id": article_id(f"{earlier.url}#copy{n}")}))
        elif roll < 0.23:  # short: no sketch, or a few words of an earlier text
            words = earlier.body.split()
            start = rng.randrange(max(1, len(words) - 12))
            stream.append(article(f"https://short.example/{n}", " ".join(words[start : start + rng.randint(2, 12)])))
        elif roll < 0.25:  # a new version too short to sketch
            stream.append(earlier.model_copy(update={"title": "", "body": "Updated."}))
    return stream


def hand_made() -> list[RawArticle]:
    """Copies, a brief and its follow-up, re-tagging and new versions, in an order that exercises each."""
    body = ("Russian drone strikes hit the city of Kharkiv overnight, killing two people and wounding eleven "
            "others, the regional governor said on Tuesday, adding that power was cut to thousands.")
    a, b, c = (article(f"https://copies.example/{n}", body) for n in range(3))
    brief, follow_up = article("https://brief.example/1", BRIEF), article("https://brief.example/2", FOLLOW_UP)
    new_version = a.model_copy(update={"body": FOLLOW_UP.replace("dawn", "noon")})
    return [a, b, c, brief, follow_up, a, article("https://copies.example/3", body), new_version, b,
            article("https://copies.example/4", body), brief, follow_up]


def decisions(index: StoryIndex | BruteForceStories, stream: list[RawArticle]) -> list[tuple[str, str | None]]:
    return [index.assign(item) for item in stream]


def test_the_vectorised_estimate_is_the_same_float_as_similarity():
    rng = random.Random(3)
    texts = [f"{a.title}\n{a.body}" for a in bench_articles(60)] + [BRIEF, FOLLOW_UP]
    sketches = [s for s in map(sketch, texts) if s] + [
        tuple(sorted({rng.getrandbits(64) for _ in range(rng.randint(1, 64))})) for _ in range(40)]
    # near sketches: a sketch with some of its values replaced, and shortened
    for base in sketches[:30]:
        kept = [v for v in base if rng.random() < 0.8] + [rng.getrandbits(64) for _ in range(rng.randint(0, 20))]
        sketches.append(tuple(sorted(set(kept)))[: rng.randint(1, 64)])
    rows = np.zeros((len(sketches), 64), dtype=np.uint64)
    for row, values in zip(rows, sketches, strict=True):
        row[: len(values)] = values
    lengths = np.array([len(values) for values in sketches], dtype=np.intp)
    for mine in sketches:
        want = [similarity(mine, theirs) for theirs in sketches]
        assert similarities(mine, rows, lengths).tolist() == want


def test_a_follow_up_is_the_duplicate_of_its_short_brief():
    assert len(sketch(BRIEF) or ()) == 5 and len(sketch(FOLLOW_UP) or ()) == 27
    assert similarity(sketch(FOLLOW_UP) or (), sketch(BRIEF) or ()) == pytest.approx(0.6)
    index = StoryIndex()
    brief, follow_up = article("https://brief.example/1", BRIEF), article("https://brief.example/2", FOLLOW_UP)
    assert index.assign(brief) == (brief.id, None)
    assert index.assign(follow_up) == (brief.id, brief.id)


def test_a_tie_goes_to_the_article_assigned_longest_ago():
    stream = hand_made()
    a, b, c = stream[:3]
    index = StoryIndex()
    got = decisions(index, stream)
    assert got[1] == (a.id, a.id) and got[2] == (a.id, a.id)  # b and c: a is the oldest of the equals
    assert got[5] == (a.id, None)  # a re-tagged: it keeps its story and becomes the youngest
    assert got[6] == (a.id, b.id)  # a fourth copy: b is now the oldest
    assert got == decisions(BruteForceStories(DEFAULT_CAPACITY), stream)


# (capacity, generated articles, duplicates among the decisions): a small index evicts
# thousands of articles; a larger one rebuilds its postings with many holders per value
@pytest.mark.parametrize(("capacity", "count", "duplicates"), [(150, 1_200, 89), (600, 800, 154)])
def test_every_decision_matches_the_brute_force_search(capacity: int, count: int, duplicates: int):
    stream = hand_made() + mixed_stream(count) + hand_made()
    index = StoryIndex(capacity=capacity)
    oracle = BruteForceStories(capacity)
    got, want = decisions(index, stream), decisions(oracle, stream)
    assert sum(duplicate is not None for _, duplicate in want) == duplicates  # the stream has near-copies
    assert [n for n, (g, w) in enumerate(zip(got, want, strict=True)) if g != w] == []
    assert len(index) == len(oracle.seen) <= capacity
