"""People the model misses in lists and bylines, found by their neighbours.

- In a list line ("Jason Gillespie , Stuart Law , Ricky Ponting", "1 - Bernard
  Lama ; 2 - Lilian Thuram ( 14 - Sabri Lamouchi 87th )") the model tags some
  names and skips others. When at least :data:`MIN_PEOPLE` items of a line are
  people, every other item that is only a name is a person too (one list, one type).
- A line that is nothing but a given name and a surname ("Adrian Warner") is a
  byline: a person.
- In such a list the model's "organisations" that are only a name ("Mariano
  Rivera") are people too, and on a cricket scorecard the fielder and bowler
  after "c", "st" and "b" are people ("c Tillekeratne b Dharmasena 13").

Items that are places or organisations already ("Romania - Cosmin Contra") keep
their type: only names no one else claims become people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from streams.tagging.entities.candidates import Candidate, overlaps
from streams.tagging.entities.names import ORG_WORDS, given_name_run
from streams.tagging.shared.spans import Lines

MIN_PEOPLE = 2
MIN_ITEMS = 3
# A name run: capitalised words, with the particles of names between them.
_RUN = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]*\.?(?: (?:[A-Z][\w'’-]*\.?|de|van|der|den|da|del|von|di|le|la|dos|du))*"
                  r"(?![\w'’-])")
# What may stand between list items: separators, shirt numbers, minutes, "and".
_GLUE = re.compile(r"^(?:[\s,;:()\-–.\d]|\b(?:st|nd|rd|th|mins?|and|&)\b)*$")


def _items(full: str, start: int, end: int) -> list[tuple[int, int]]:
    """Name runs of a line that are whole list items, or [] when the line is no list."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(full, start, end)]
    items, prev = [], start
    for i, (s, e) in enumerate(runs):
        nxt = runs[i + 1][0] if i + 1 < len(runs) else end
        label = full[e:nxt].lstrip().startswith(":")  # "Tries : ..." heads the list
        if _GLUE.match(full[prev:s]) and _GLUE.match(full[e:nxt]) and not label \
                and not full.startswith("The ", s):
            items.append((s, e))
        prev = e
    return items


# Cricket dismissals: "c <fielder>", "st <keeper>", "b <bowler>", before a bowler or the runs.
_DISMISSAL = re.compile(r"(?<![\w.])(?:c|st|b)\s([A-Z][\w'’-]+)(?=\s(?:b\s|\d))")


def retype_listed_people(cands: list[Candidate], full: str, lines: Lines,
                         places: Sequence[tuple[int, int]]) -> None:
    """Organisation candidates that are only a name, in a list of people, become people (in place);
    names that are ``places`` stay as they are."""
    people = [(c.start, c.end) for c in cands if c.label == "PERSON"]
    for c in cands:
        if c.label != "ORG" or c.rule or any(w.lower() in ORG_WORDS for w in full[c.start:c.end].split()) \
                or overlaps(c.start, c.end, places):
            continue
        line = lines.at(c.start)
        if line is None or line.shouting or (c.start, c.end) not in _items(full, line.start, line.end):
            continue
        if sum(overlaps(*i, people) for i in _items(full, line.start, line.end)) >= MIN_PEOPLE:
            c.label, c.why = "PERSON", f"{c.why}; an item of a list of people"


def scorecard_people(full: str) -> list[Candidate]:
    """Fielders and bowlers named in cricket dismissals ("c Tillekeratne b Dharmasena 13")."""
    return [Candidate(m.start(1), m.end(1), "PERSON", rule=True, why="a fielder or bowler on a scorecard")
            for m in _DISMISSAL.finditer(full)]


def list_people(full: str, lines: Lines, cands: Sequence[Candidate],
                places: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Person candidates for unlabelled items of people lists and for byline lines."""
    people = [(c.start, c.end) for c in cands if c.label == "PERSON"]
    others = [(c.start, c.end) for c in cands if c.label != "PERSON"] + list(places)
    found: list[Candidate] = []
    for line in lines.lines:
        if line.shouting:
            continue
        text = full[line.start:line.end].strip()
        if given_name_run(text) and not overlaps(line.start, line.end, [*people, *others]):
            s = line.start + full[line.start:line.end].index(text)
            found.append(Candidate(s, s + len(text), "PERSON", rule=True, why="a byline: a given name and a surname"))
            continue
        items = _items(full, line.start, line.end)
        if len(items) < MIN_ITEMS:
            continue
        named = [i for i in items if overlaps(*i, people)]
        if len(named) < MIN_PEOPLE:
            continue
        found += [Candidate(s, e, "PERSON", why="an item of a list of people")
                  for s, e in items if not overlaps(s, e, [*people, *others])]
    return found
