"""Line-level facts about an article's text that decide how far to trust the model.

Two kinds of line fool a small NER model: all-caps lines (wire headlines,
datelines), where every word looks like a name, and title-cased section
headings, where every phrase looks like one. :func:`recase_shouting` re-runs
NER on a case-normalised copy of all-caps lines (same length, so offsets map
back one to one) and overwrites the doc's entities there; :class:`Lines`
answers "which line is this offset on, and is it a heading or all-caps?".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_LINE = re.compile(r"[^\n]+")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.:/-]\d+)*(?![\w.])")
_SLUG = re.compile(r"^\s*[^\W\d_]+(?: [^\W\d_]+){0,2} - ")
# A heading is short; anything longer is a sentence even without a full stop.
MAX_HEADING_WORDS = 10
_END_PUNCT = (".", "!", "?", ":", ";", '"', "”", "’", "'", ",")


def multiword_person(ent: Span) -> bool:
    """Whether the model's entity is a person's name of two words or more. Words, not tokens:
    the model may run an entity onto the line break after it ("Dakar\n\n" at the end of a
    title), and that one-word "person" is no first name and surname."""
    return ent.label_ == "PERSON" and sum(not t.is_space for t in ent) > 1


def is_all_caps(line: str) -> bool:
    """A line whose letters are all upper case, with at least one word of 2+ letters."""
    words = _WORD.findall(line)
    return any(len(w) > 1 for w in words) and all(w.isupper() for w in words)


def is_heading(line: str, max_words: int = MAX_HEADING_WORDS) -> bool:
    """A short title-cased line without final punctuation, e.g. "Civilian Toll and Concerns"."""
    stripped = line.strip()
    if not stripped or stripped.endswith(_END_PUNCT) or is_all_caps(stripped):
        return False
    if len(_NUMBER.findall(stripped)) >= 2:  # a scorecard line ("Wasim Akram 12 4 38 2")
        return False
    words = _WORD.findall(stripped)
    content = [w for w in words if w.lower() not in STOP_WORDS]
    if not 2 <= len(words) <= max_words or len(content) < 2:
        return False
    return all(w[0].isupper() for w in content)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    heading: bool
    shouting: bool


class Lines:
    """The lines of a text with their kinds, looked up by character offset."""

    def __init__(self, text: str) -> None:
        self.lines = [
            Line(m.start(), m.end(), is_heading(m.group()), is_all_caps(m.group()))
            for m in _LINE.finditer(text)
        ]
        self._starts = [line.start for line in self.lines]

    def at(self, offset: int) -> Line | None:
        """The line holding ``offset``, or None for a blank line."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.lines[i].end:
            return self.lines[i]
        return None

    def index(self, offset: int) -> int:
        """The number of the line holding ``offset`` (0-based)."""
        return max(0, bisect_right(self._starts, offset) - 1)


def word_cases(text: str, lines: Iterable[Line]) -> dict[str, str]:
    """How each word is usually written in the mixed-case lines of a text.

    Returns ``lower``, ``title`` or ``upper`` per lower-cased word.
    Sentence-initial words are skipped: their capital says nothing.
    """
    votes: Counter[tuple[str, str]] = Counter()
    for line in lines:
        if line.shouting:
            continue
        initial = True
        for m in _WORD.finditer(text, line.start, line.end):
            word = m.group()
            if not initial:
                votes[(word.lower(), _case_of(word))] += 1
            initial = text[m.end():m.end() + 2].strip()[:1] in (".", "!", "?")
    cases: dict[str, str] = {}
    for (low, case), _ in votes.most_common():
        cases.setdefault(low, case)
    return cases


def _case_of(word: str) -> str:
    if len(word) > 1 and word.isupper():
        return "upper"
    return "title" if word[0].isupper() else "lower"


def truecase(line: str, cases: dict[str, str]) -> str:
    """Re-case an all-caps line word by word; the result has the same length.

    Words written lower case elsewhere in the article, and unknown stop words,
    go lower case; words written as acronyms elsewhere, and short unknown
    words without a vowel ("BBC"), stay upper case; the rest (likely names)
    become title case.
    """
    if len(line.lower()) != len(line):  # a few letters lower-case to two characters
        return line
    out = list(line.lower())
    slug = _SLUG.match(line)  # "SOCCER - ..." names the desk, not a team: lower it
    for m in _WORD.finditer(line, slug.end() if slug else 0):
        word, low = m.group(), m.group().lower()
        case = cases.get(low)
        if case is None:
            if low in STOP_WORDS:
                case = "lower"
            elif len(low) <= 4 and not any(c in "aeiouy" for c in low):
                case = "upper"
            else:
                case = "title"
        if case == "upper":
            out[m.start():m.end()] = word
        elif case == "title":
            out[m.start()] = word[0]
    return "".join(out)


def recase_shouting(nlp: Language, docs: Sequence[Doc],
                    texts: Sequence[str] | None = None) -> list[Doc]:
    """Replace the entities of each doc's all-caps lines by NER on a truecased copy.

    One NER pass over all such lines of the batch; docs without all-caps
    lines are returned untouched. The docs are changed in place. Pass the
    docs' ``texts`` when at hand: rebuilding ``doc.text`` costs milliseconds.
    """
    jobs: list[tuple[Doc, int, str]] = []
    for doc, text in zip(docs, texts or [d.text for d in docs], strict=True):
        if not any(is_all_caps(m.group()) for m in _LINE.finditer(text)):
            continue  # the common case: no all-caps line, nothing to redo
        lines = Lines(text)
        shouting = [line for line in lines.lines if line.shouting]
        if not shouting:
            continue
        cases = word_cases(text, lines.lines)
        for line in shouting:
            jobs.append((doc, line.start, truecase(text[line.start:line.end], cases)))
    if not jobs:
        return list(docs)
    # spaCy types get_pipe as a plain callable; the "ner" component is a Pipe (batches via .pipe)
    ner = cast(Pipe, nlp.get_pipe("ner"))
    recased = ner.pipe(nlp.make_doc(text) for _, _, text in jobs)
    replaced: dict[int, tuple[Doc, list[tuple[int, int]], list[Span]]] = {}
    for (doc, offset, text), small in zip(jobs, recased, strict=True):
        _, ranges, spans = replaced.setdefault(id(doc), (doc, [], []))
        ranges.append((offset, offset + len(text)))
        for ent in small.ents:
            span = doc.char_span(offset + ent.start_char, offset + ent.end_char,
                                 label=ent.label_, alignment_mode="expand")
            if span is not None:
                spans.append(span)
    for doc, ranges, spans in replaced.values():
        kept = [e for e in doc.ents
                if not any(s <= e.start_char < t or s < e.end_char <= t for s, t in ranges)]
        doc.ents = filter_spans([*kept, *spans])
    return list(docs)


_INITIALS = re.compile(r"(?<![\w.])(?P<initials>(?:[A-Z]\. ?){1,3})[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|Copyright)\s*(?:(?:©|Copyright|\d{4})\s*)*"
    r"(?P<org>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*)*)")


_NAME = r"[A-Z][\w'’&.-]*(?: (?:[A-Z][\w'’&.-]*|\( [A-Z]{1,2} \)))*"
_SCORE = r"\d{1,3}(?:-\d{1,3})?(?=[ ,;.)]|$)"
_TEAM = re.compile(rf"(?<![\w.])({_NAME}) (?:{_SCORE}|v (?={_NAME}))|(?<= v )({_NAME})")
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z]+(?![\w-])")
# Results and standings lines ("Oldham 3 Ipswich 3", "Ipswich 4 1 2 1 9 7 5") are
# names and numbers with at most this many lower-case words ("v", "and", "not out").
MAX_RESULTS_LOWER_WORDS = 3


def results_teams(line: str) -> list[tuple[int, int]]:
    """Team names on a sports results or standings line (offsets in ``line``), else []."""
    if len(_LOWER_WORD.findall(line)) > MAX_RESULTS_LOWER_WORDS:
        return []
    return [m.span(1) if m.group(1) else m.span(2) for m in _TEAM.finditer(line)]


def results_team_spans(text: str) -> list[tuple[int, int]]:
    """:func:`results_teams` over every line of ``text``, as offsets in ``text``.

    On such lines a town or county name is the club ("BOSTON 69 66",
    "Middlesex 20 points"): places and entities both ask here first.
    """
    return [(s + m.start(), e + m.start())
            for m in _LINE.finditer(text) for s, e in results_teams(m.group())]


_NAME_AND_COUNTRY = re.compile(
    r"(?<![\w.'’])([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,2}) \( ?([A-Z][^()\n]{1,40}?) ?\)")


def rule_spans(doc: Doc, text: str, lines: Lines,
               places: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int, str]]:
    """Names the model tends to miss, as ``(start, end, label)`` on token boundaries.

    * initials and a surname ("A. Dale", "J.R. Ewing") are a person, unless the
      initials are a place's abbreviation (``places``: "U.S. Army");
    * the holder of a copyright line ("© Copyright IBTimes 2025") is an organisation;
    * names before scores on a results line ("Oldham 3 Ipswich 3") are teams,
      unless the model reads them as people (golf and athletics results);
    * a full name followed by a place in brackets is a person in a results list
      ("Marko Koers ( Netherlands ) 3:53.47"); ``places`` are the place spans.
    """
    # a one-word "person" before a score is a team the model misread ("Derbyshire 24 points")
    people = [(e.start_char, e.end_char) for e in doc.ents if multiword_person(e)]
    found = []
    for line in lines.lines:
        for s, e in results_teams(text[line.start:line.end]):
            s, e = s + line.start, e + line.start
            if not _INITIALS.match(text, s) and not any(ps < e and s < pe for ps, pe in people):
                found.append((s, e, "ORG"))
    for m in _NAME_AND_COUNTRY.finditer(text):
        if any(s < m.end(2) and m.start(2) < e for s, e in places):
            found.append((m.start(1), m.end(1), "PERSON"))
    for m in _INITIALS.finditer(text):
        # a place's dotted abbreviation is no one's initials: "U.S. Army", "U.K. Treasury"
        if not any(ps < m.end("initials") and m.start() < pe for ps, pe in places):
            found.append((m.start(), m.end(), "PERSON"))
    for line in lines.lines:
        notice = _COPYRIGHT.search(text, line.start, line.end)
        if notice:
            end = notice.end("org") - (1 if text[notice.end("org") - 1] == "." else 0)
            found.append((notice.start("org"), end, "ORG"))
    return [(s, e, label) for s, e, label in found
            if "\n" not in text[s:e] and doc.char_span(s, e) is not None]
