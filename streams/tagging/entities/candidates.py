"""Entity candidates: the model's name spans and rule spans, cleaned.

Model PERSON/ORG/NORP spans are split at line breaks and trimmed; where
candidates overlap the longest wins; facility names ("Valdai palace") and
names found only in headings are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from streams.tagging.entities.names import (
    given_name_run,
    group_name,
    listed_group,
    name_pieces,
    surname,
)
from streams.tagging.shared.spans import Lines, is_heading, word_cases
from streams.tagging.shared.text import ArticleText

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP"}
PLACE_LABELS = {"GPE", "LOC", "FAC"}
# A capitalised name followed by one of these is a building or site, not an organisation
# or a person ("Valdai palace", "the Zikim crossing").
FACILITY_NOUNS = frozenset("""palace residence airport airbase base plant port bridge dam stadium
mosque church cathedral prison camp refinery mine station hospital square temple crossing checkpoint
terminal clinic barracks embassy consulate harbour harbor pier""".split())
_FACILITY_WORDS = re.compile(rf"(?<=\S)\s+(?:{'|'.join(sorted(FACILITY_NOUNS))})\b")

# After a name the model calls a place, these keep it a place even when it ends like a
# demonym ("the Korabelnyi district", "Bani Walid region"): a demonym names no district.
_PLACE_NOUN_NEXT = re.compile(r"\s+(?:district|region|province|county|raion|oblast|governorate|"
                              r"municipality|neighbou?rhood|suburb|valley)\b")


@dataclass(slots=True)
class Candidate:
    """A possible mention in the combined text; ``rule`` spans outrank model spans."""

    start: int
    end: int
    label: str
    rule: bool = False
    why: str = ""  # how it got its label, for ``wirewatch tag --explain``


def overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    """Whether any of ``ranges`` overlaps ``start:end``."""
    return any(s < end and start < e for s, e in ranges)


def is_blocked(start: int, end: int, ranges: Iterable[tuple[int, int]], nests: bool) -> bool:
    """Whether a range overlaps ``start:end``; with ``nests``, ranges strictly inside do not count."""
    return any(s < end and start < e and not (nests and start <= s and e <= end and e - s < end - start)
               for s, e in ranges)


_JOINERS = re.compile(r"[\s,&]*(?:\band\b)?[\s,&]*")


def joined_places(start: int, end: int, ranges: Iterable[tuple[int, int]], full: str) -> bool:
    """Whether ``start:end`` is only places joined by "and", commas or "&" ("Kharkiv and Odesa",
    "Tame and Arauca", which the model reads as one organisation): a list of places, no name."""
    inside = sorted((s, e) for s, e in ranges if start <= s and e <= end)
    if len(inside) < 2:
        return False
    gaps = [full[a:b] for a, b in zip([start, *(e for _, e in inside)], [*(s for s, _ in inside), end], strict=True)]
    return all(_JOINERS.fullmatch(gap) for gap in gaps)


def model_candidates(doc, full: str) -> Iterable[Candidate]:
    """The model's PERSON/ORG/NORP spans as candidates, one per line-bounded name piece."""
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None and ent.label_ in PLACE_LABELS and group_name(ent.text) \
                and not _PLACE_NOUN_NEXT.match(full, ent.end_char):
            label = "GROUP"  # "Ukrainian sovereignty" tagged GPE: a demonym is not a place
        elif label is None and ent.label_ in PLACE_LABELS and given_name_run(ent.text):
            label = "PERSON"  # "Nusrat Jahan Mitu" tagged FAC: a given name opens it
        if label is None:
            continue
        for start, end in name_pieces(full, ent.start_char, ent.end_char):
            name = full[start:end]
            if label == "GROUP" and (group_name(name) is None or not listed_group(name)
                                     and not _adjectival(doc, ent.end)):
                continue  # "Agassi said": an unlisted word ending in -i used as a noun is a name
            why = f"model {ent.label_}" + ((" (a given name opens it)" if label == "PERSON" else " (a demonym)")
                                            if ent.label_ in PLACE_LABELS else "")
            yield Candidate(start, end, label, why=why)


def _adjectival(doc, end: int) -> bool:
    """Whether a noun follows, as after a demonym used as an adjective ("Houthi rebels")."""
    return end < len(doc) and doc[end].pos_ in ("NOUN", "ADJ") and doc[end].text.islower()


def facility_names(names: Iterable[str], full: str) -> set[str]:
    """The names the article anywhere writes followed by a facility noun ("Valdai palace").

    One scan for the facility nouns, then a look at the words before each.
    """
    ends = [m.start() for m in _FACILITY_WORDS.finditer(full)]
    if not ends:
        return set()
    return {name for name in names if any(
        full.endswith(name, 0, end) and (end - len(name) == 0 or not full[end - len(name) - 1].isalnum())
        for end in ends)}


def resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates; rule spans win ties."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), not c.rule, c.start)):
        if not overlaps(c.start, c.end, ((k.start, k.end) for k in kept)):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def drop_unconfirmed_headings(cands: list[Candidate], full: str, lines: Lines,
                               text: ArticleText) -> list[Candidate]:
    """Drop model names seen only in headings, unless the body confirms them."""
    title_heading = bool(text.title) and is_heading(text.title, max_words=64)

    def in_heading(c: Candidate) -> bool:
        if text.in_title(c.start):
            return title_heading
        line = lines.at(c.start)
        return line is not None and line.heading

    def shouting(c: Candidate) -> bool:
        line = lines.at(c.start)
        return line is not None and line.shouting

    confirmed = {full[c.start:c.end] for c in cands if not in_heading(c) and not shouting(c)}
    confirmed |= {s for n in confirmed if (s := surname(n))}
    cases = word_cases(full, lines.lines)

    def trusted(c: Candidate) -> bool:
        name = full[c.start:c.end]
        if shouting(c):  # truecased guesswork: keep names the body writes with capitals
            return name.title() in {n.title() for n in confirmed} or all(
                cases.get(w.lower()) in ("title", "upper") for w in name.split())
        return not in_heading(c) or name in confirmed

    return [c for c in cands if c.rule or c.label == "GROUP" or trusted(c)]
