"""Which lines of a parse are read for events: sentences cut at line breaks, headings skipped."""

from __future__ import annotations

from spacy.tokens import Span


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
