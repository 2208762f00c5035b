"""Near-duplicate detection assigns one story to re-worded copies."""

from schemas import RawArticle, article_id, utcnow
from streams.tagging.stories.index import StoryIndex, sketch

BODY = ("Russian drone strikes hit the city of Kharkiv overnight, killing two people and wounding "
        "eleven others, the regional governor said on Tuesday, adding that power was cut to thousands.")


def article(url: str, body: str = BODY, title: str = "Drones hit Kharkiv") -> RawArticle:
    return RawArticle(id=article_id(url), url=url, source="rss:t", title=title, body=body, fetched_at=utcnow())


def test_a_near_copy_joins_the_first_story():
    index = StoryIndex()
    first = article("https://a.example/1")
    copy = article("https://b.example/2", BODY.replace("eleven", "11"))
    other = article("https://c.example/3", "Parliament passed the budget after a long debate about pensions, "
                    "taxes and the cost of energy for households and small firms across the country.")
    assert index.assign(first) == (first.id, None)
    assert index.assign(copy) == (first.id, first.id)
    assert index.assign(other) == (other.id, None)


def test_re_tagging_an_article_is_not_a_duplicate_of_itself():
    index = StoryIndex()
    first = article("https://a.example/1")
    assert index.assign(first) == (first.id, None)
    assert index.assign(first) == (first.id, None)


def test_short_texts_have_no_fingerprint_and_the_index_stays_bounded():
    assert sketch("too short") is None
    index = StoryIndex(capacity=2)
    for n in range(5):
        index.assign(article(f"https://x.example/{n}", BODY + f" Item {n} " * n))
    assert len(index) == 2
