"""Which lines of a parse are read for events: sentences cut at line breaks, headings skipped."""

from __future__ import annotations

from collections.abc import Iterable

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
