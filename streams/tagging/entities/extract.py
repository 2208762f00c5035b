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
5. unnamed actors ("police", "Sudan's army", "11 people") as groups;
6. salience from title, lead paragraph and mention count.

Steps 1-2 are :mod:`streams.tagging.entities.candidates`, 3-4
:mod:`streams.tagging.entities.referents`, 5 :mod:`streams.tagging.entities.nominals`,
6 :mod:`streams.tagging.entities.salience`.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Place
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig
from streams.tagging.entities.candidates import (
    PLACE_LABELS,
    Candidate,
    drop_unconfirmed_headings,
    is_blocked,
    is_facility,
    model_candidates,
    overlaps,
    resolve_overlaps,
)
from streams.tagging.entities.names import group_name, looks_like_person
from streams.tagging.entities.nominals import nominal_referents
from streams.tagging.entities.referents import find_referents, propagate
from streams.tagging.entities.salience import build_entities
from streams.tagging.shared.spans import Lines, results_team_spans, rule_spans
from streams.tagging.shared.text import ArticleText


class EntityExtractor:
    """The entities component: people, organisations and groups, not the places already found.

    The word lists it reads (``data/entities_groups.txt``,
    ``data/entities_given_names.txt``) are fixed in :mod:`.names`.
    """

    requires: tuple[str, ...] = ("places",)
    provides: tuple[str, ...] = ("entities",)

    @classmethod
    def from_config(cls, config: ComponentConfig) -> EntityExtractor:
        return cls()

    def __call__(self, work: Work) -> None:
        # Toponyms the places component took are not people ("Sumy" the model calls PERSON).
        claimed = [(m.field, m.start, m.end) for p in work.places for m in p.mentions]
        work.entities = extract_entities(work.doc, work.text, claimed=claimed, places=work.places)


def extract_entities(doc, text: ArticleText, *, claimed: Sequence[tuple[str, int, int]] = (),
                     places: Sequence[Place] = ()) -> list[Entity]:
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
        places: the article's places; countries among them tie unnamed groups
            ("Russian forces") to a country (:mod:`.nominals`).
    """
    full = text.text
    lines = Lines(full)
    teams = results_team_spans(full)
    blocked = [_combined(text, f, s, e) for f, s, e in claimed]
    blocked += [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PLACE_LABELS
                and group_name(e.text) is None and not overlaps(e.start_char, e.end_char, teams)]
    rules = [Candidate(s, e, label, rule=True) for s, e, label in rule_spans(doc, full, lines, blocked)]
    cands = resolve_overlaps([*model_candidates(doc, full), *rules])
    for c in cands:  # a given name and a surname read as a team or a firm ("Wasim Akram")
        if c.label == "ORG" and looks_like_person(full[c.start:c.end]):
            c.label = "PERSON"
    facilities = {name for c in cands if c.label == "ORG" and is_facility(name := full[c.start:c.end], full)}
    blocked += [(c.start, c.end) for c in cands if full[c.start:c.end] in facilities]
    cands = [c for c in cands if not is_blocked(c.start, c.end, blocked, c.label != "GROUP")]
    cands = drop_unconfirmed_headings(cands, full, lines, text)
    referents = find_referents(cands, full)
    propagate(referents, doc, full, lines, blocked)
    named = [span for ref in referents for span in ref.spans]
    place_spans = [_combined(text, f, s, e) for f, s, e in claimed]
    referents += nominal_referents(doc, named, places, place_spans)
    return build_entities(referents, text)


def _combined(text: ArticleText, fld: str, start: int, end: int) -> tuple[int, int]:
    offset = 0 if fld == "title" else text.body_offset
    return start + offset, end + offset
