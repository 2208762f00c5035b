"""The day of an event: the day its own sentence fixes, not the day something was said.

:func:`streams.tagging.events.dates.find_dates` finds the day-fixing
expressions ("on Tuesday", "yesterday", "on 3 March"; "last week" fixes
none). A day that belongs to a verb of saying other than the trigger
("..., the ministry said on Monday") is when it was said, not when it
happened, and is left out. Of the rest, the nearest to the trigger wins,
one before it counting twice as far (time adverbials mostly follow their verb).
A sentence that fixes no day takes the day of the stamp that opens its entry,
if it belongs to a timeline or a live blog ("3 May 2026 - Eight workers were
killed ..."): the latest stamp before it in its paragraph.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from spacy.tokens import Span, Token

from streams.tagging.events.dates import date_spans, find_dates
from streams.tagging.shared.text import COLON_DATELINE, line_bounds

SAYING = frozenset({"say", "tell", "add", "report", "state", "announce", "confirm", "claim", "write",
                    "post", "quote", "cite", "note", "told"})
# a day joined to another ("on Monday and Tuesday") names a span of days, not one
_SPAN_WORDS = frozenset({"and", "to", "through", "until", "till", "or", "-", "–"})

# what opens a paragraph or follows a sentence's end before a dash or a colon: a stamp when it
# is a day ("3 May 2026 - "). Real timelines give each entry a paragraph; feeds that lose their
# line breaks run them together. The sentence splitter cuts a stamp off as a sentence of its own.
_STAMP = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s))([^\n.!?]{1,40}?)\s*[-–—:]\s", re.M)


def _governor(token: Token) -> Token:
    """The verb a date word hangs from."""
    head = token
    for _ in range(6):
        if head.pos_ in {"VERB", "AUX"} or head.head == head:
            return head
        head = head.head
    return head


def _filing_day_end(text: str, offset: int) -> int:
    """Where a colon dateline opening the line holding ``offset`` ends (its start when none): a day
    in it ("JAMMU, May 18: ") is the day the report was filed, not the day of what it tells
    ("... from Kishtwar town on Sunday")."""
    start = line_bounds(text, offset)[0]
    match = COLON_DATELINE.match(text, start)
    return match.end() if match and match["rest"] else start


def _joined(date: Span) -> bool:
    """Whether the date opens or closes a span of days ("on Monday and Tuesday", "3 to 5 May"): the
    words after the whole date ("2026-12-03" is one day) or before it are a joining word and a date."""
    doc = date.doc
    after, before = doc[date.end:date.end + 2], doc[max(date.start - 2, 0):date.start]
    return (len(after) == 2 and after[0].lower_ in _SPAN_WORDS and after[1].ent_type_ == "DATE") or \
        (len(before) == 2 and before[1].lower_ in _SPAN_WORDS and before[0].ent_type_ == "DATE")


def event_day(trigger: Token, sent: Span, published_at: datetime | None, text: str) -> str | None:
    """``YYYY-MM-DD`` of the event ``trigger`` names in ``sent``, or None when neither the sentence nor
    its entry's stamp fixes a day. ``text`` is the doc's text, which the caller holds (``Doc.text``
    joins every token again on each read)."""
    filed = _filing_day_end(text, sent.start_char) - sent.start_char
    dates = [(offset, end, day) for offset, end, day in date_spans(sent.text, published_at) if offset >= filed]
    kept = []
    for offset, end, day in dates:
        span = sent.doc.char_span(sent.start_char + offset, sent.start_char + end, alignment_mode="expand")
        if span is not None and len(span):
            word = span[0]
            verb = _governor(word)
            # "..., police said on Monday": when it was said; but a day written before the act, under
            # a saying verb that trails it ("On 9 August, guards assaulted inmates, a UN report said":
            # the parser hangs the opening day on "said"), is the act's
            trailing = word.i < trigger.i < verb.i
            if verb != trigger and verb.lemma_.lower() in SAYING and not trailing:
                continue
            if _joined(span):
                continue
        kept.append((offset, day))
    if not kept:
        stamp = paragraph_stamp(text, sent.start_char, published_at)
        return stamp.isoformat() if stamp is not None else None
    anchor = trigger.idx - sent.start_char
    return min(kept, key=lambda item: item[0] - anchor if item[0] >= anchor
               else 2 * (anchor - item[0]))[1].isoformat()


def paragraph_stamp(text: str, offset: int, published_at: datetime | None) -> date | None:
    """The day of the latest stamp before ``offset`` in its paragraph ("3 May 2026 - ..."), or
    None when no entry there opens with a day ("MOSUL, Iraq - ", "11:40 GMT - ")."""
    # a stamp may start before the sentence and end inside it: the splitter cuts "14 | January 2026 - "
    stamps = [m for m in _STAMP.finditer(text, *line_bounds(text, offset)) if m.start(1) <= offset]
    for match in reversed(stamps):
        days = find_dates(match.group(1), published_at)
        if len(days) == 1 and days[0][0] == 0:
            return days[0][1]
    return None
