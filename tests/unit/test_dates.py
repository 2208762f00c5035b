"""Event dates: only expressions that fix a day give one, resolved against publication."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from streams.tagging.events.dates import find_dates, resolve_date
from streams.tagging.events.when import paragraph_stamp

PUBLISHED = datetime(2025, 12, 31, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebels attacked the town on Tuesday.", "2025-12-30"),
        ("Protesters gathered on Wednesday evening.", "2025-12-31"),  # publication day itself
        ("The blast happened last Wednesday.", "2025-12-24"),
        ("Police arrested him yesterday.", "2025-12-30"),
        ("Troops withdrew today.", "2025-12-31"),
        ("The talks resumed on January 5.", "2025-01-05"),
        ("The strike came on 28 December.", "2025-12-28"),
        ("Elections are set for 5 January 2026.", "2026-01-05"),
        ("The deal was signed on March 12, 2019.", "2019-03-12"),
        ("The filing is dated 2024-02-29.", "2024-02-29"),
    ],
)
def test_day_fixing_expressions(sentence, expected):
    assert resolve_date(sentence, PUBLISHED) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "A drone attack on the palace in late December.",
        "Putin ordered the buffer zone expanded in 2026.",
        "Fighting went on last week.",
        "The May announcement changed little.",
        "Officials may 5 times revise the count.",  # no month-day here, only a modal
        "February 30 is not a day.",
    ],
)
def test_no_day_no_date(sentence):
    assert resolve_date(sentence, PUBLISHED) is None


def test_a_month_and_day_after_publication_is_last_years():
    published = datetime(2026, 1, 3, tzinfo=UTC)
    assert resolve_date("The strike on December 28 killed two.", published) == "2025-12-28"


def test_relative_days_need_a_publication_time_but_explicit_dates_do_not():
    assert resolve_date("Police arrested him yesterday.", None) is None
    assert resolve_date("He was arrested on 5 January 2026.", None) == "2026-01-05"


def test_the_date_nearest_the_trigger_wins():
    sentence = "After talks on Monday, rebels attacked the base on Tuesday."
    assert [d.isoformat() for _, d in find_dates(sentence, PUBLISHED)] == ["2025-12-29", "2025-12-30"]
    assert resolve_date(sentence, PUBLISHED, anchor=sentence.index("attacked")) == "2025-12-30"


TIMELINE = "3 May 2026 - Eight workers died in a blast. 14 May 2026 - Floods washed away shops.\n\nRescuers dug on."


@pytest.mark.parametrize(
    ("offset", "expected"),
    [
        (TIMELINE.index("Eight"), date(2026, 5, 3)),  # the stamp opens the paragraph
        (TIMELINE.index("Floods"), date(2026, 5, 14)),  # an entry run into the one before it
        (TIMELINE.index("May 2026 - Floods"), date(2026, 5, 14)),  # the splitter cut inside the stamp
        (TIMELINE.index("Rescuers"), None),  # a stamp dates its own paragraph only
    ],
)
def test_a_timeline_entry_is_dated_by_its_stamp(offset, expected):
    assert paragraph_stamp(TIMELINE, offset, PUBLISHED) == expected


@pytest.mark.parametrize("paragraph", ["MOSUL, Iraq - Gunmen killed a shepherd.",
                                       "11:40 GMT - Gunmen killed a shepherd.",
                                       "Gunmen killed a shepherd - the third this week."])
def test_a_dateline_or_a_time_is_no_day_stamp(paragraph):
    assert paragraph_stamp(paragraph, paragraph.index("Gunmen"), PUBLISHED) is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Police arrested 12 protesters in Nairobi on 2025-12-29.", "2025-12-29"),  # one day, not "2025 - 12"
        ("Police arrested 12 protesters in Nairobi on Monday.", "2025-12-29"),
        ("Police arrested protesters in Nairobi on Monday and Tuesday.", None),  # a span: neither day
        ("Police arrested protesters in Nairobi on 28 December and 29 December.", None),
        ("Fighting raged from Monday to Tuesday in Goma.", None),
    ],
)
def test_an_event_is_dated_by_one_day_and_not_by_a_span_of_days(tagger, body, expected):
    from schemas import RawArticle, article_id

    article = RawArticle(id=article_id(None, "", body), source="test:dates", body=body,
                         published_at=PUBLISHED, fetched_at=PUBLISHED)
    [event] = tagger.tag(article).events
    assert event.date == expected
