"""The toponym records: a place name found in the text, and what it was resolved to."""

from __future__ import annotations

from dataclasses import dataclass, field

from streams.tagging.places.gazetteer import Candidate


@dataclass(slots=True)
class Toponym:
    """A place name found in the text, before resolution.

    ``source`` says how it was found: ``ner`` (the model's place label),
    ``relabel`` (another label on a gazetteer name) or ``gazetteer`` (no label).
    """

    start: int
    end: int
    key: str  # normalised lookup name, without cue words ("kursk" for "Kursk region")
    source: str
    label: str = ""
    cues: set[str] = field(default_factory=set)
    qualifier: int | None = None  # index of a toponym right after ", " ("Paris, Texas")
    after_place_comma: bool = False
    in_heading: bool = False  # headings capitalise every word: only sure names count
    capitalised: bool = True  # False for the model's lowercase "places" ("marijuana")
    nested: bool = False  # inside an organisation's name ("Kentucky" in "Kentucky State Police")
    partners: set[str] = field(default_factory=set)  # keys listed with it ("Sumy and Kharkiv")
    possessor: int | None = None  # index of the place whose possessive names it ("Nairobi's Eastleigh")


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one toponym was resolved to (``candidate`` None when unresolved)."""

    candidate: Candidate | None
    confidence: float
