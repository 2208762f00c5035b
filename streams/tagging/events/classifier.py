"""The trained event model at inference: sentence Docs in, one reading per sentence out.

The model (``model/`` beside this module, written by ``make train``) scores
each sentence with four heads (:mod:`streams.tagging.events.heads`). The realis
head may come as a bag, trained with several seeds (``realis``, ``realis_1`` ...):
its probabilities are then the mean of theirs. A sentence is a happening when
the realis "no event" probability is below ``threshold``; its (category,
subtype, mode) is then the combination the training corpus uses that the three
typing heads together find most likely, so the output is always one the
taxonomy allows (no ASSAULT/PEACE_PROTEST).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer
from spacy.tokens import Doc
from thinc.api import Model

from core.errors import TaggingError
from streams.tagging.events import heads
from streams.tagging.spacy_model import TOKENIZER_FROM_DISK

MODEL_DIR = Path(__file__).parent / "model"
META_KEY = "wirewatch_events"
# Probability of "no event" above which a sentence reports nothing. Chosen by grouped CV on the
# training corpus (one corpus held out at a time; training/events/choose_hybrid.py; objective:
# mean of realis accuracy, category accuracy, subtype macro-F1 and 1 - hard-negative realis
# errors, averaged over the held-out corpora): with corpora E and F held out 0.25 scores 0.897,
# 0.35 0.896, 0.5 0.891; before them (corpora A-D, M) 0.35 scored best (0.857; 0.30-0.45 within
# 0.001). It is below 0.5 because a wrong "event" on a threat, plan or denial costs more than a
# missed one in that objective.
DEFAULT_THRESHOLD = 0.35
_FLOOR = 1e-6  # keeps log() finite for a class a head gives 0
TYPING = (heads.CATEGORY, heads.SUBTYPE, heads.MODE)
HEADS = (heads.REALIS, *TYPING)


class EventModelError(TaggingError, ValueError):
    """The trained event model is missing or not one ``make train`` wrote."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the model reads in one sentence."""

    realis: float  # probability that the sentence reports a happening
    category: str | None  # None: no happening
    subtype: str | None
    mode: str | None
    confidence: float  # of the event: realis, discounted when the category is unsure
    share: float = 0.0  # the category head's probability of the category (how sure the type is)


class EventClassifier:
    """The four heads and the combinations they may output."""

    def __init__(self, nlp: Language, combinations: Sequence[Sequence[str | None]],
                 threshold: float = DEFAULT_THRESHOLD) -> None:
        self.nlp = nlp
        self.combinations = [(str(c), s, m) for c, s, m in combinations]
        self.threshold = threshold
        # the realis heads whose probabilities are averaged (heads.realis_bag)
        self._realis_bag = heads.realis_bag(nlp.pipe_names) if nlp is not None else [heads.REALIS]
        # each head's n-gram counter, weights and output layer, when all heads (the realis bag's
        # too) count the same n-grams (see scores); None: read head by head. A model's layers do
        # not change once loaded.
        self._bags = _shared_bags(nlp, self._realis_bag) if nlp is not None else None
        if nlp is not None and self._realis_bag:
            first = _labels(nlp, heads.REALIS)
            odd = [name for name in self._realis_bag if _labels(nlp, name) != first]
            if odd:
                raise EventModelError(f"the realis heads {odd} have other labels than 'realis' "
                                      f"({first}): rebuild the model with 'make train'")

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
        # The heads read Docs built from the tagger's parse (heads.sentence_doc), never text, so
        # the model's own tokenizer (1,347 special cases to load) is left out: 0.6-0.8 -> 0.2-0.3 s
        # CPU at a worker's start (session 19). ``nlp("text")`` on it splits on spaces only.
        nlp = spacy.load(path, exclude=["tokenizer"],
                         config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER_FROM_DISK}}})
        meta = nlp.meta.get(META_KEY)
        missing = set(HEADS) - set(nlp.pipe_names)
        if not meta or missing:
            raise EventModelError(f"{path} is not a wirewatch event model (heads missing: "
                                  f"{sorted(missing)}); rebuild it with 'make train'")
        return cls(nlp, meta["combinations"], threshold)

    def read(self, docs: Sequence[Doc]) -> list[Reading]:
        """One reading per sentence Doc (see :func:`heads.sentence_doc`).

        Calls the heads' models directly (no ``nlp.pipe``: nothing is written on the
        docs) and decodes the whole batch with array operations.
        """
        if not docs:
            return []
        labels = {h: _labels(self.nlp, h) for h in HEADS}
        return self.decode(self.scores(docs), labels)

    def scores(self, docs: Sequence[Doc]) -> dict[str, Any]:
        """Each head's probabilities for ``docs`` (rows: docs; columns: the head's labels).

        The four heads are bags of the same n-grams (``TextCatBOW``): counting a sentence's
        n-grams was over half of each head's time, so it is done once and each head applies
        only its own weights to the counts (same probabilities; 0.25 -> 0.10 ms a sentence
        for the four, session 30). A model built otherwise is read head by head.
        """
        docs = list(docs)
        if self._bags is None:
            each = {h: numpy.asarray(cast(TextCategorizer, self.nlp.get_pipe(h)).predict(docs))
                    for h in (*self._realis_bag, *TYPING)}
        else:
            counts = next(iter(self._bags.values()))[0].predict(docs)
            each = {h: numpy.asarray(output.predict(weights.predict(counts)))
                    for h, (_, weights, output) in self._bags.items()}
        realis = numpy.mean([each[h] for h in self._realis_bag], axis=0)
        return {heads.REALIS: realis, **{h: each[h] for h in TYPING}}

    def decode(self, scores: Mapping[str, Any], labels: Mapping[str, Sequence[str]]) -> list[Reading]:
        """Readings from each head's probabilities (rows: sentences; columns: ``labels``)."""
        column = {h: {name: j for j, name in enumerate(labels[h])} for h in HEADS}
        pick = {h: numpy.array([column[h][heads.label(h, combo[k])] for combo in self.combinations])
                for k, h in enumerate(TYPING)}
        logs = {h: numpy.log(numpy.maximum(numpy.asarray(scores[h], dtype="f"), _FLOOR)) for h in TYPING}
        joint = sum(logs[h][:, pick[h]] for h in TYPING)
        best = joint.argmax(axis=1)
        none = numpy.asarray(scores[heads.REALIS])[:, column[heads.REALIS][heads.label(heads.REALIS, None)]]
        out = []
        for i, (p_none, b) in enumerate(zip(none.tolist(), best.tolist(), strict=True)):
            realis = 1.0 - p_none
            if p_none >= self.threshold:
                out.append(Reading(realis=realis, category=None, subtype=None, mode=None,
                                   confidence=round(p_none, 3)))
                continue
            category, subtype, mode = self.combinations[b]
            share = float(scores[heads.CATEGORY][i, pick[heads.CATEGORY][b]])
            out.append(Reading(realis=realis, category=category, subtype=subtype, mode=mode,
                               confidence=round(min(0.99, realis * (0.5 + 0.5 * share)), 3),
                               share=share))
        return out


def bag_of_ngrams(model: Model) -> tuple[Model, Model, Model] | None:
    """The n-gram counter, the weights and the output layer of a ``spacy.TextCatBOW`` head
    (``with_cpu(extract_ngrams >> sparse_linear) >> with_cpu(softmax)``), else ``None``."""
    if len(model.layers) != 2 or len(model.layers[0].layers) != 1:
        return None
    bag, output = model.layers
    if len(bag.layers[0].layers) != 2:
        return None
    counter, weights = bag.layers[0].layers
    return (counter, weights, output) if counter.name == "extract_ngrams" else None


def _shared_bags(nlp: Language, realis_bag: Sequence[str]) -> dict[str, tuple[Model, Model, Model]] | None:
    """Each head's :func:`bag_of_ngrams` (the typing heads and ``realis_bag``) when every head is
    one and all count the same n-grams (the same longest n-gram and token attribute), else None."""
    if not set(HEADS) <= set(nlp.pipe_names):
        return None
    names = [*realis_bag, *TYPING]
    bags = {h: bag_of_ngrams(cast(TextCategorizer, nlp.get_pipe(h)).model) for h in names}
    shared = {h: bag for h, bag in bags.items() if bag is not None}
    if len(shared) != len(names) or len({_ngram_key(bag[0]) for bag in shared.values()}) != 1:
        return None
    return shared


def _labels(nlp: Language, head: str) -> list[str]:
    return list(cast(TextCategorizer, nlp.get_pipe(head)).labels)


def _ngram_key(counter: Model) -> tuple[Any, Any]:
    """What decides an n-gram counter's output: the longest n-gram and the token attribute."""
    return counter.attrs.get("ngram_size"), counter.attrs.get("attr")
