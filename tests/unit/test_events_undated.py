"""An article with no publication date (a text file, a page or a webhook post without one) is
news of the day it came in: a year written in it is background only when it is before that day's.
A dateline that gives a day ("OUAGADOUGOU, Nov 28 (Wirewatch) - ") dates it instead."""

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


def test_a_dated_dateline_gives_an_undated_article_its_day() -> None:
    from datetime import date

    from streams.tagging.events.dates import news_time

    def day(body: str, fetched: datetime = FETCHED) -> date | None:
        found = news_time(body, None, fetched)
        return found.date() if found else None

    assert day("OUAGADOUGOU, Nov 28 (Wirewatch) - Gunmen killed nine people.") == date(2026, 11, 28)
    assert day("KYIV, Dec. 3, 2025 (Reuters) - Drones hit the city.") == date(2025, 12, 3)
    assert day("JAMMU, May 18: Militants attacked a post.") == date(2026, 5, 18)
    # a day after the fetch is last year's (a file read in January of a December report)
    assert day("KYIV, Dec 30 (Reuters) - Drones hit the city.", datetime(2027, 1, 3, tzinfo=UTC)) == date(2026, 12, 30)
    assert day("KYIV (Reuters) - Drones hit the city.") is None  # a dateline without a day
    assert day("Drones hit the city on Nov 28.") is None  # no dateline: a day in the text is the act's
    published = datetime(2026, 12, 1, tzinfo=UTC)
    assert news_time("KYIV, Nov 28 (Reuters) - Drones hit the city.", published, FETCHED) == published


def test_an_undated_wire_report_dates_its_happenings_by_its_dateline(tagger: Tagger) -> None:
    body = ("OUAGADOUGOU, Nov 28 (Wirewatch) - Suspected jihadists killed nine civilians in the village of "
            "Tawori in eastern Burkina Faso on Thursday, local officials said.")
    events = _tag(tagger, body, None).events
    assert events and {e.date for e in events} == {"2026-11-26"}
