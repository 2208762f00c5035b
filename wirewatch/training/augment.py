"""Training-time copies that teach the realis head what a happening without its day looks like.

Most happenings in the team corpus are dated in the sentence ("killed five people on
Tuesday"), while its negatives seldom are (in corpus E 66% of the happenings name a day and 6%
of the negatives; in A 47% and 3%). A bag-of-words head learns the day name as evidence of a
happening, and then doubts the same report written without one: a headline-like line, a
snippet cut from its article, the older team set's one-sentence reports (held out in grouped
cross-validation the model accepted 88% of their happenings, against 95% on the other corpora).
For each happening that names a day, :func:`dayless_copies` adds a copy without the day,
labelled for the realis head only (the typing heads see each sentence once), so the day stays
a cue but its absence stops being one. Used for every model trained (``make train`` and the
cross-validation folds); never for the sentences a model is scored on.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from streams.tagging.events import heads

DAY_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                       "sunday", "yesterday", "today"})
_BEFORE_DAY = frozenset({"on", "late", "early"})  # "late on Tuesday", "early Sunday"


def without_day(words: Sequence[str]) -> list[str]:
    """The words less each day name and the "on"/"late"/"early" right before it."""
    out: list[str] = []
    for word in words:
        if word in DAY_WORDS:
            while out and out[-1] in _BEFORE_DAY:
                out.pop()
            continue
        out.append(word)
    return out


def dayless_copies(docs: Sequence[Doc]) -> list[Doc]:
    """A realis-only copy without its day of each happening (``doc.cats``) that names one."""
    event = heads.label(heads.REALIS, heads.EVENT)
    out = []
    for doc in docs:
        words = [t.text for t in doc]
        if doc.cats.get(event) != 1.0 or not DAY_WORDS.intersection(words):
            continue
        copy = Doc(doc.vocab, words=without_day(words))
        copy.cats = {k: v for k, v in doc.cats.items() if k.startswith(heads.PREFIX[heads.REALIS])}
        out.append(copy)
    return out
