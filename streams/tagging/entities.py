"""People, organisations and groups: one entity per real-world referent.

The model's PERSON/ORG/NORP spans are candidates, not answers. In order:

1. candidates: model spans split at line breaks and trimmed ("the", "'s"),
   plus rule spans the model misses (initials + surname, the holder of a
   copyright line, team names on results lines);
2. filters: spans claimed as places, facility names ("Valdai palace"), and
   names found only in headings (a title-cased heading makes every phrase
   look like a name) are dropped;
3. referents: short forms join the full name they abbreviate ("Putin" ->
   "Vladimir Putin", also when the model called "Zelenskiy" an ORG), acronyms
   join the organisation they abbreviate, nationality words join their group;
4. recall: every other occurrence of a confirmed name or surname becomes a
   mention too, headings and all-caps lines included;
5. salience from title, lead paragraph and mention count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from schemas import Entity, Mention
from streams.tagging.names import (
    acronym,
    group_name,
    looks_like_person,
    name_pieces,
    name_words,
    surname,
)
from streams.tagging.slug import slugify
from streams.tagging.spans import Lines, is_heading, results_team_spans, rule_spans, word_cases
from streams.tagging.text import ArticleText

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_PREFIX = {"PERSON": "person", "ORG": "org", "GROUP": "group"}
_EntityType = Literal["PERSON", "ORG", "GROUP"]  # Entity.type's values (schemas inlines the Literal)
# A capitalised name followed by one of these is a building or site, not an organisation.
_FACILITY_NOUNS = re.compile(
    r"\s+(?:palace|residence|airport|airbase|base|plant|port|bridge|dam|stadium|mosque|church|"
    r"cathedral|prison|camp|refinery|mine|station|hospital|square|temple)\b")
TITLE_WEIGHT, LEAD_WEIGHT, COUNT_WEIGHT = 0.3, 0.2, 0.5


@dataclass(slots=True)
class Candidate:
    """A possible mention in the combined text; ``rule`` spans outrank model spans."""

    start: int
    end: int
    label: str
    rule: bool = False


@dataclass
class _Referent:
    label: str
    names: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        if self.label == "GROUP":
            return self.names[0]
        return max(self.names, key=lambda n: (len(name_words(n)), len(n)))


def extract_entities(doc, text: ArticleText, *, claimed: Sequence[tuple[str, int, int]] = ()) -> list[Entity]:
    """The article's people, organisations and groups, places excluded.

    A place strictly inside a longer person or organisation name ("Kentucky"
    in "Kentucky State Police") does not block that name: the place is a
    place and the organisation keeps its whole name. On sports results lines
    the model's town names are teams, not places ("BOSTON 69 66").

    Args:
        doc: the spaCy doc of ``text.text``.
        text: the article's combined text.
        claimed: ``(field, start, end)`` place mentions; no entity mention may overlap
            one, unless it strictly contains it.
    """
    full = text.text
    lines = Lines(full)
    teams = results_team_spans(full)
    blocked = [_combined(text, f, s, e) for f, s, e in claimed]
    blocked += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _PLACE_LABELS
                and group_name(e.text) is None and not _overlaps(e.start_char, e.end_char, teams)]
    rules = [Candidate(s, e, label, rule=True) for s, e, label in rule_spans(doc, full, lines, blocked)]
    cands = _resolve_overlaps([*_model_candidates(doc, full), *rules])
    for c in cands:  # a given name and a surname read as a team or a firm ("Wasim Akram")
        if c.label == "ORG" and looks_like_person(full[c.start:c.end]):
            c.label = "PERSON"
    facilities = {name for c in cands if c.label == "ORG" and _is_facility(name := full[c.start:c.end], full)}
    blocked += [(c.start, c.end) for c in cands if full[c.start:c.end] in facilities]
    cands = [c for c in cands if not _blocked(c.start, c.end, blocked, c.label != "GROUP")]
    cands = _drop_unconfirmed_headings(cands, full, lines, text)
    referents = _referents(cands, full)
    _propagate(referents, doc, full, lines, blocked)
    return _entities(referents, text)


def _combined(text: ArticleText, fld: str, start: int, end: int) -> tuple[int, int]:
    offset = 0 if fld == "title" else text.body_offset
    return start + offset, end + offset


def _overlaps(start: int, end: int, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in ranges)


def _blocked(start: int, end: int, ranges: Iterable[tuple[int, int]], nests: bool) -> bool:
    """Whether a range overlaps ``start:end``; with ``nests``, ranges strictly inside do not count."""
    return any(s < end and start < e and not (nests and start <= s and e <= end and e - s < end - start)
               for s, e in ranges)


def _model_candidates(doc, full: str) -> Iterable[Candidate]:
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None and ent.label_ in _PLACE_LABELS and group_name(ent.text):
            label = "GROUP"  # "Ukrainian sovereignty" tagged GPE: a demonym is not a place
        if label is None:
            continue
        for start, end in name_pieces(full, ent.start_char, ent.end_char):
            name = full[start:end]
            if label == "GROUP" and group_name(name) is None:
                continue
            yield Candidate(start, end, label)


def _is_facility(name: str, full: str) -> bool:
    """Whether the article anywhere writes ``name`` followed by a facility noun ("Valdai palace")."""
    return any(_FACILITY_NOUNS.match(full, m.end())
               for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", full))


def _resolve_overlaps(cands: list[Candidate]) -> list[Candidate]:
    """Keep the longest of overlapping candidates; rule spans win ties."""
    kept: list[Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), not c.rule, c.start)):
        if not _overlaps(c.start, c.end, ((k.start, k.end) for k in kept)):
            kept.append(c)
    return sorted(kept, key=lambda c: c.start)


def _drop_unconfirmed_headings(cands: list[Candidate], full: str, lines: Lines,
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


def _referents(cands: list[Candidate], full: str) -> list[_Referent]:
    """Group candidates by referent: full names absorb their surnames and acronyms."""
    people: dict[tuple[str, ...], _Referent] = {}
    by_surname: dict[str, list[_Referent]] = {}
    for c in cands:  # full names first: they define the people
        name = full[c.start:c.end]
        if c.label == "PERSON" and surname(name):
            key = tuple(name_words(name))
            ref = people.setdefault(key, _Referent("PERSON"))
            ref.names.append(name)
            ref.spans.append((c.start, c.end))
            if ref not in by_surname.setdefault(key[-1], []):
                by_surname[key[-1]].append(ref)
    others: dict[tuple[str, str], _Referent] = {}
    acronyms: dict[str, _Referent] = {}
    for c in cands:
        name = full[c.start:c.end]
        if c.label == "PERSON" and surname(name):
            continue
        words = name_words(name) if c.label != "GROUP" else [name]
        matches = by_surname.get(words[-1], []) if len(words) == 1 and c.label != "GROUP" else []
        if c.label == "GROUP":
            key = ("GROUP", group_name(name) or name)
        elif matches:  # "Putin", or "Zelenskiy" mislabelled ORG: the person named in full
            ref = _nearest(matches, c.start)
            ref.names.append(name)
            ref.spans.append((c.start, c.end))
            continue
        else:
            key = ("NAME", " ".join(words).lower())
        ref = others.setdefault(key, _Referent(c.label))
        if key[0] == "GROUP" and not ref.names:
            ref.names.append(key[1])
        elif key[0] != "GROUP":
            ref.names.append(" ".join(words))
            if c.label == "PERSON":
                ref.label = "PERSON"  # a bare surname the model also called ORG stays a person
        ref.spans.append((c.start, c.end))
        if c.label == "ORG" and (abbr := acronym(name)):
            acronyms.setdefault(abbr, ref)
    for key, ref in list(others.items()):
        target = acronyms.get(ref.names[0]) if ref.label == "ORG" else None
        if target is not None and target is not ref:
            target.spans.extend(ref.spans)
            del others[key]
    return [*people.values(), *others.values()]


def _nearest(refs: list[_Referent], start: int) -> _Referent:
    """Of several people sharing a surname, the one last named in full before ``start``."""
    def last_before(ref: _Referent) -> int:
        return max((s for s, _ in ref.spans if s < start), default=-1)
    return max(refs, key=last_before)


def _propagate(referents: list[_Referent], doc, full: str, lines: Lines,
               blocked: list[tuple[int, int]]) -> None:
    """Add every other occurrence of a referent's names (and a person's surname).

    A place strictly inside an occurrence does not stop it ("Kentucky State Police").
    """
    taken = [s for ref in referents for s in ref.spans]
    shouting = [(line.start, line.end) for line in lines.lines if line.shouting]
    for ref in referents:
        if ref.label == "GROUP":
            continue
        forms = {full[s:e] for s, e in ref.spans}
        if ref.label == "PERSON":
            forms |= {s for n in ref.names if (s := surname(n))}
        forms = {f for f in forms if len(f) >= 2}
        if not forms:
            continue
        for start, end in _occurrences(full, forms, shouting):
            if not _overlaps(start, end, taken) and not _blocked(start, end, blocked, True) \
                    and doc.char_span(start, end) is not None:
                ref.spans.append((start, end))
                taken.append((start, end))


def _occurrences(full: str, forms: set[str],
                 shouting: list[tuple[int, int]]) -> Iterable[tuple[int, int]]:
    """Whole-word occurrences of the forms, longest first; upper-cased in all-caps lines."""
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    for m in re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", full):
        yield m.start(), m.end()
    if shouting:
        upper = re.compile(rf"(?<![\w'’-])(?:{alternatives.upper()})(?![\w-])")
        for line_start, line_end in shouting:
            for m in upper.finditer(full, line_start, line_end):
                yield m.start(), m.end()


def _entities(referents: list[_Referent], text: ArticleText) -> list[Entity]:
    built: dict[str, tuple[str, str, list[Mention]]] = {}
    for ref in referents:
        mentions = [m for s, e in ref.spans if (m := text.mention(s, e)) is not None]
        if not mentions:
            continue
        eid = f"{_PREFIX[ref.label]}:{slugify(ref.name)}"
        _, _, existing = built.setdefault(eid, (ref.name, ref.label, []))
        existing.extend(m for m in mentions if m not in existing)
    if not built:
        return []
    lead_end = text.body.find("\n") if "\n" in text.body else len(text.body)
    most = max(len(m) for _, _, m in built.values())
    entities = []
    for eid, (name, label, mentions) in built.items():
        mentions.sort(key=lambda m: (m.field != "title", m.start))
        in_title = any(m.field == "title" for m in mentions)
        in_lead = any(m.field == "body" and m.start < lead_end for m in mentions)
        salience = TITLE_WEIGHT * in_title + LEAD_WEIGHT * in_lead + COUNT_WEIGHT * len(mentions) / most
        # labels come from _LABELS and the rules, all of Entity.type's values; pydantic checks
        entities.append(Entity(id=eid, name=name, type=cast(_EntityType, label), mentions=mentions,
                               salience=round(min(1.0, salience), 3)))
    return sorted(entities, key=lambda e: -e.salience)
