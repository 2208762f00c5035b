"""Event dates: only expressions that fix a day give one, resolved against publication."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from streams.tagging.events.dates import find_dates, resolve_date

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
