"""An article with no publication date (a text file, a page or a webhook post without one) is
news of the day it came in: a year written in it is background only when it is before that day's."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import RawArticle, article_id
from streams.tagging.tagger import Tagger

FETCHED = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)
ARREST = "On 3 December 2026, police arrested 12 members of an opposition party in Harare."


def _tag(tagger: Tagger, body: str, published_at: datetime | None):
    article = RawArticle(id=article_id(None, "", body), source="test:undated", body=body,
                         published_at=published_at, fetched_at=FETCHED)
    return tagger.tag(article)


def test_an_undated_article_dated_this_week_reports_its_happening(tagger: Tagger) -> None:
    for published in (None, datetime(2026, 12, 5, tzinfo=UTC)):
        events = _tag(tagger, ARREST, published).events
        assert [(e.category, e.subtype, e.date) for e in events] == [("COERCE", "ARREST", "2026-12-03")], published


def test_an_undated_article_still_reads_an_earlier_year_as_background(tagger: Tagger) -> None:
    assert _tag(tagger, "In 2014, Russian forces seized Crimea from Ukraine.", None).events == []


def test_the_fetch_gives_an_undated_article_its_year_but_not_its_month(tagger: Tagger) -> None:
    from datetime import date

    from streams.tagging.events.realis_scope import year_of_news

    dated = year_of_news(date(2026, 4, 22), date(2026, 12, 7))
    assert dated == 2026 and getattr(dated, "month", None) == 4
    undated = year_of_news(None, date(2026, 12, 7))
    assert undated == 2026 and getattr(undated, "month", None) is None
    assert year_of_news(None, None) is None
    # a page may be weeks old when it is fetched: a month it names is no reason to call it background
    april = "In April, police arrested 12 members of an opposition party in Harare."
    assert [e.subtype for e in _tag(tagger, april, None).events] == ["ARREST"]
    assert _tag(tagger, april, datetime(2026, 12, 5, tzinfo=UTC)).events == []
