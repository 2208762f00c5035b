"""The trained event model at inference: sentence Docs in, one reading per sentence out.

The model (``model/`` beside this module, written by ``make train``) scores
each sentence with three heads (:mod:`streams.tagging.events.heads`). A
sentence is a happening when the category head's "no event" class is below
``threshold``; its (category, subtype, mode) is then the combination the
training corpus uses that the three heads together find most likely, so the
output is always one the taxonomy allows (no ASSAULT/PEACE_PROTEST).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.errors import TaggingError
from streams.tagging.events import heads

MODEL_DIR = Path(__file__).parent / "model"
META_KEY = "wirewatch_events"
DEFAULT_THRESHOLD = 0.5  # probability of "no event" above which a sentence reports nothing
_FLOOR = 1e-6  # keeps log() finite for a class a head gives 0


class EventModelError(TaggingError, ValueError):
    """The trained event model is missing or not one ``make train`` wrote."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model reads in one sentence."""

    realis: float  # probability that the sentence reports a happening
    category: str | None  # None: no happening
    subtype: str | None
    mode: str | None
    confidence: float  # of the category (its head's probability times realis)


class EventClassifier:
    """The three heads and the combinations they may output."""

    def __init__(self, nlp: Language, combinations: Sequence[Sequence[str | None]],
                 threshold: float = DEFAULT_THRESHOLD) -> None:
        self.nlp = nlp
        self.combinations = [(str(c), s, m) for c, s, m in combinations]
        self.threshold = threshold

    @classmethod
    def load(cls, path: Path = MODEL_DIR, threshold: float = DEFAULT_THRESHOLD) -> EventClassifier:
        """Load a model directory written by ``make train`` (offline, CPU).

        Raises:
            EventModelError: the directory is missing or is not an event model.
        """
        if not (Path(path) / "config.cfg").is_file():
            raise EventModelError(
                f"no trained event model at {path}: run 'make train', or use the rules "
                "(factory events.taxonomy in streams/tagging/pipeline.yaml)")
        nlp = spacy.load(path)
        meta = nlp.meta.get(META_KEY)
        missing = {heads.CATEGORY, heads.SUBTYPE, heads.MODE} - set(nlp.pipe_names)
        if not meta or missing:
            raise EventModelError(f"{path} is not a wirewatch event model (heads missing: "
                                  f"{sorted(missing)}); rebuild it with 'make train'")
        return cls(nlp, meta["combinations"], threshold)

    def read(self, docs: Sequence[Doc]) -> list[Reading]:
        """One reading per sentence Doc (see :func:`heads.sentence_doc`)."""
        if not docs:
            return []
        return [self._decode(doc.cats) for doc in self.nlp.pipe(docs)]

    def _decode(self, cats: dict[str, float]) -> Reading:
        none = cats.get(heads.label(heads.CATEGORY, None), 0.0)
        realis = 1.0 - none
        if none >= self.threshold:
            return Reading(realis=realis, category=None, subtype=None, mode=None,
                           confidence=round(none, 3))

        def log(head: str, code: str | None) -> float:
            return math.log(max(cats.get(heads.label(head, code), 0.0), _FLOOR))

        category, subtype, mode = max(
            self.combinations,
            key=lambda t: log(heads.CATEGORY, t[0]) + log(heads.SUBTYPE, t[1]) + log(heads.MODE, t[2]),
        )
        share = cats.get(heads.label(heads.CATEGORY, category), 0.0) / max(realis, _FLOOR)
        return Reading(realis=realis, category=category, subtype=subtype, mode=mode,
                       confidence=round(min(0.99, realis * (0.5 + 0.5 * share)), 3))
