"""Day bounds for ``--since`` / ``--until`` (pure functions; "today" is passed in).

A bound is a day or an instant. Days are inclusive at both ends: ``--until
2026-03-12`` means through the end of 12 March (UTC), so the range is
``published_at >= since`` and ``published_at < until``, where an ``until`` day
becomes the start of the next day. Accepted spellings:

* ISO dates and datetimes: ``2026-03-12``, ``2026-03-12T06:00:00Z``;
* ``today``, ``yesterday``;
* relative days, weeks or hours back from now: ``7d``, ``2w``, ``12h``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

_RELATIVE = re.compile(r"^\s*(\d{1,5})\s*([hdw])\s*$", re.IGNORECASE)
_UNIT = {"h": timedelta(hours=1), "d": timedelta(days=1), "w": timedelta(weeks=1)}

DATE_HELP = "a day (2026-03-12), a datetime (2026-03-12T06:00Z), today, yesterday, or 7d / 2w / 12h ago"


class BadDate(ValueError):
    """A date bound that cannot be read; the message says what is accepted."""


@dataclass(frozen=True)
class Bound:
    """One end of a time range: an instant, and whether it names a whole day."""

    instant: datetime
    whole_day: bool


def parse_bound(value: str, *, now: datetime) -> Bound:
    """Read one ``--since`` / ``--until`` value.

    Args:
        value: what the user typed.
        now: the current time (UTC), for ``today``, ``yesterday`` and ``7d``.

    Raises:
        BadDate: the value is none of the accepted spellings.
    """
    text = value.strip().lower()
    today = now.astimezone(UTC).date()
    if text == "today":
        return Bound(_midnight(today), True)
    if text == "yesterday":
        return Bound(_midnight(today - timedelta(days=1)), True)
    if match := _RELATIVE.match(text):
        count, unit = int(match.group(1)), match.group(2).lower()
        if unit == "h":
            return Bound(now.astimezone(UTC) - count * _UNIT[unit], False)
        return Bound(_midnight(today - count * _UNIT[unit]), True)
    try:
        if len(text) == 10:
            return Bound(_midnight(date.fromisoformat(text)), True)
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        raise BadDate(f"cannot read {value!r} as a date; use ISO dates, e.g. {DATE_HELP}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return Bound(parsed.astimezone(UTC), False)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


@dataclass(frozen=True)
class TimeRange:
    """``start <= t < end``; either end may be open (None)."""

    start: datetime | None = None
    end: datetime | None = None

    def contains(self, instant: datetime) -> bool:
        if self.start is not None and instant < self.start:
            return False
        return self.end is None or instant < self.end

    def contains_day(self, day: date) -> bool:
        """Whether any part of ``day`` falls in the range."""
        start = _midnight(day)
        if self.end is not None and start >= self.end:
            return False
        return self.start is None or start + timedelta(days=1) > self.start


def time_range(since: str | None, until: str | None, *, now: datetime) -> TimeRange:
    """The range for ``--since`` / ``--until``: an ``until`` day includes the whole day.

    Raises:
        BadDate: a bound cannot be read, or ``since`` is after ``until``.
    """
    start = parse_bound(since, now=now).instant if since else None
    end: datetime | None = None
    if until:
        bound = parse_bound(until, now=now)
        end = bound.instant + timedelta(days=1) if bound.whole_day else bound.instant + timedelta(milliseconds=1)
    if start is not None and end is not None and start >= end:
        raise BadDate(f"--since {since} is after --until {until}: nothing can match")
    return TimeRange(start, end)


def iso(instant: datetime) -> str:
    """``2026-03-12T00:00:00.000Z``: the form Elasticsearch and osmem both read."""
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{instant.microsecond // 1000:03d}Z"
