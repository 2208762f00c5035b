"""The day an event happened, from the words of its sentence and the publication time.

Only expressions that fix a day give a date: "on Tuesday" (the most recent
Tuesday on or before publication), "yesterday", "today", "January 5",
"5 January 2026", "2026-01-05". "Late December", "last week" or "in 2026" fix
no day, so they give None, as the contract asks.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from streams.tagging.shared.text import COLON_DATELINE, DATELINE

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}
#: month names as words (the realis scope reads "between October and June" by them)
MONTH_NAMES = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                         "september", "october", "november", "december"})
_MONTH = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
          r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_PATTERNS = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:%|per|km|people|kilo))" + _YEAR, re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b" + _YEAR, re.I)),
    ("rel", re.compile(r"\b(?P<rel>the day before yesterday|yesterday|today|tonight|"
                       r"last night|this (?:morning|afternoon|evening))\b", re.I)),
    ("wd", re.compile(r"\b(?P<last>last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|"
                      r"friday|saturday|sunday)\b", re.I)),
]
_RELATIVE = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
             "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0}
# A month-and-day after publication is taken as last year's ("December 28"
# read on January 3), unless it is only this many days ahead (time zones, embargoes).
_FUTURE_SLACK = timedelta(days=2)


def month_number(value: str) -> int:
    """1-12 for a month written as a number, a name or its abbreviation ("3", "March", "Mar")."""
    return int(value) if value.isdigit() else _MONTHS[value.lower()[:3]]


def _calendar(match: re.Match[str], published: date | None) -> date | None:
    if not match["month"][0].isupper() and not match["month"].isdigit():
        return None  # "may 5 times": a modal, not a month; news capitalises month names
    try:
        month, day = month_number(match["month"]), int(match["day"])
        if match["year"]:
            return date(int(match["year"]), month, day)
        if published is None:
            return None
        guess = date(published.year, month, day)
        if guess - published > _FUTURE_SLACK:
            guess = date(published.year - 1, month, day)
        return guess
    except ValueError:  # "February 30": not a day
        return None


def _resolve(kind: str, match: re.Match[str], published: date | None) -> date | None:
    if kind in {"iso", "mdy", "dmy"}:
        return _calendar(match, published)
    if published is None:
        return None
    if kind == "rel":
        return published + timedelta(days=_RELATIVE[match["rel"].lower()])
    back = (published.weekday() - WEEKDAYS[match["weekday"].lower()]) % 7
    if match["last"] and back == 0:
        back = 7
    return published - timedelta(days=back)


def find_dates(text: str, published_at: datetime | None) -> list[tuple[int, date]]:
    """Every day-fixing expression in ``text`` as (character offset, day), in text order."""
    return [(start, day) for start, _, day in date_spans(text, published_at)]


def date_spans(text: str, published_at: datetime | None) -> list[tuple[int, int, date]]:
    """Every day-fixing expression in ``text`` as (start, end, day) character offsets, in text order."""
    published = published_at.date() if published_at else None
    found: dict[int, tuple[int, date]] = {}
    taken: list[range] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() in r for r in taken):
                continue
            day = _resolve(kind, match, published)
            if day is not None:
                found[match.start()] = (match.end(), day)
                taken.append(range(match.start(), match.end()))
    return [(start, end, day) for start, (end, day) in sorted(found.items())]


def resolve_date(text: str, published_at: datetime | None, anchor: int | None = None) -> str | None:
    """The ``YYYY-MM-DD`` day a sentence fixes, or None if it fixes none.

    Args:
        text: the sentence.
        published_at: publication time; relative days count back from it.
        anchor: offset of the trigger in ``text``; with several dates the nearest wins.
    """
    dates = find_dates(text, published_at)
    if not dates:
        return None
    if anchor is None:
        return dates[0][1].isoformat()
    # Time adverbials mostly follow their verb ("attacked the base on Tuesday"),
    # so a date before the trigger counts as twice as far away.
    return min(dates, key=lambda item: item[0] - anchor if item[0] >= anchor
               else 2 * (anchor - item[0]))[1].isoformat()


def news_time(body: str, published_at: datetime | None, fetched_at: datetime | None) -> datetime | None:
    """The time the article's days count back from: its publication time, else the day its dateline
    gives ("OUAGADOUGOU, Nov 28 (Wirewatch) - ...", "JAMMU, May 18: ..."), read as the latest such
    day not after it came in (``fetched_at``; a file or a webhook post often has no publication
    time, while wire copy dates its dateline). None when neither says."""
    if published_at is not None:
        return published_at
    match = DATELINE.match(body) or COLON_DATELINE.match(body)
    if match is None:
        return None
    days = date_spans(match.group(0), fetched_at)
    if not days:
        return None
    day = days[0][2]
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
