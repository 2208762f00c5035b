"""Which lines of a parse are read for events (sentences cut at line breaks, headings skipped), and
where each sits in the article body."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Span


def split_lines(sent: Span) -> list[Span]:
    """The sentence cut at line breaks: the parser often glues a heading to the next line."""
    pieces: list[Span] = []
    start = sent.start
    for token in sent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                pieces.append(sent.doc[start:end])
            start = token.i + 1
    if start < sent.end:
        pieces.append(sent.doc[start : sent.end])
    return [p for p in pieces if not all(t.is_space for t in p)]


HEADING_CAPS = 0.6  # share of capitalised words above which a verbless line is a heading


def reports_happening(sent: Span) -> bool:
    """False for headings ("Civilian Toll and Humanitarian Concerns").

    A heading has no verb and mostly capitalised words; a verbless line in
    sentence case ("Police detain protesters during a protest", where the
    model missed the verb) is still read.
    """
    if any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return True
    words = [t for t in sent if t.is_alpha]
    capitalised = sum(1 for t in words if t.text[0].isupper())
    return bool(words) and capitalised / len(words) < HEADING_CAPS


def read_lines(doc: Doc) -> list[Span]:
    """The lines of a parse the events components read, in order: each sentence cut at line
    breaks (:func:`split_lines`), headings left out (:func:`reports_happening`)."""
    return _read(doc.sents)


def lines_within(span: Span) -> list[Span]:
    """The read lines (:func:`read_lines`) that lie more than half inside ``span``, e.g. a gold
    sentence of a team corpus: a lead the tagger cuts from its dateline ("MOSCOW -") is
    read as the tagger reads it, not as one span rooted at the city."""
    overlapping = (sent for sent in span.doc.sents if sent.start < span.end and span.start < sent.end)
    return [line for line in _read(overlapping) if _overlap(line, span) * 2 > len(line)]


def _read(sents: Iterable[Span]) -> list[Span]:
    return [line for sent in sents for line in split_lines(sent) if reports_happening(line)]


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


# Where a line sits in the article body, in three buckets: the lead, the second line, later. Only
# three: the team corpus' articles run to 3-8 lines, real ones to 20-40, so a finer scale would be
# learned on short articles and applied to lines it never saw.
BODY_PLACES = ("LEAD", "SECOND", "LATER")


def body_place(line_number: int | None) -> str | None:
    """The bucket of :data:`BODY_PLACES` of a line ``line_number`` lines into the body (None: a
    title line)."""
    return None if line_number is None else BODY_PLACES[min(line_number, len(BODY_PLACES) - 1)]


def body_line_numbers(lines: Sequence[Span], body_offset: int, starts: Sequence[int]) -> list[int | None]:
    """For each character offset in ``starts``, how many of the read ``lines`` (:func:`read_lines`)
    of the article body (from ``body_offset``) start before it: 0 for the body's first line.
    None for an offset in the title. Grouped CV (the arbiter's readings) asks it of a gold
    sentence's start, the tagger of each line's own start, so both count the same lines."""
    body = sorted(line.start_char for line in lines if line.start_char >= body_offset)
    return [None if start < body_offset else bisect_left(body, start) for start in starts]
