"""Targets the hand readings missed, added by a model learned from the team corpus.

The role readings (:mod:`.roles`, :mod:`.actors`, :mod:`.fallbacks`) name a target where the
parse says so in a way someone wrote down ("fired on protesters", "accused X of"). On prose
nobody tuned them for they leave many a target out that the sentence names all the same. Every
entity or place mentioned in the event's sentence that is neither an actor nor a target yet is
a candidate; a logistic model over the dependency path between the event's trigger and the
candidate, the event's category and the candidate's kind says how likely the candidate is a
target of the event. Candidates at or above the threshold are added after the readings' own
targets. The model is trained by ``make train`` (:mod:`wirewatch.training.targets`) on the
training corpus' gold targets only; the threshold is chosen by grouped cross-validation there.

Training reads the candidates through :func:`collecting`: while it is active, every event's
candidates are recorded with their features and nothing is added, so the model learns what the
readings leave for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span, Token

from core.errors import TaggingError
from streams.tagging.events.actors import SPEECH_VERBS, anchor
from streams.tagging.events.weights import read_weights, write_weights

#: format of the weights file; raise it when the features change, so an old file is refused
FEATURES_VERSION = 1
_MAX_STEPS = 3  # dependency steps kept on each side of a path ("nsubj" up, "prep:against>pobj" down)


class LearnedTargetsError(TaggingError, ValueError):
    """The learned-target weights are missing or not a file this code reads."""


class Mentioned(Protocol):
    """A mention of an entity or place in the doc's offsets (``roles.MentionIndex`` keeps them)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def id(self) -> str: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class Candidate:
    """One entity or place of the event's sentence that no reading made an actor or a target."""

    id: str
    kind: str
    features: tuple[str, ...]


@dataclass(slots=True)
class Record:
    """What :func:`collecting` keeps of one event: where it is and its candidates."""

    text_key: int  # hash of the article's tagged text
    sentence_start: int
    category: str | None
    trigger_index: int
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    candidates: list[Candidate] = field(default_factory=list)


_collector: ContextVar[list[Record] | None] = ContextVar("learned_targets_collector", default=None)


@contextmanager
def collecting() -> Iterator[list[Record]]:
    """Record every event's candidates (and add none) while the block runs."""
    records: list[Record] = []
    token = _collector.set(records)
    try:
        yield records
    finally:
        _collector.reset(token)


def _step(token: Token) -> str:
    """One dependency link as the path names it: the relation, and for a preposition its word."""
    if token.dep_ in {"prep", "agent"}:
        return f"{token.dep_}:{token.lower_}"
    return token.dep_


def _chain(token: Token) -> list[Token]:
    """``token`` and its ancestors up to the root, nearest first."""
    out = [token]
    while out[-1].head.i != out[-1].i:
        out.append(out[-1].head)
    return out


def _path(start: Token, end: Token) -> tuple[str, str]:
    """The dependency path from ``start`` up to the lowest common ancestor and down to ``end``,
    each side at most ``_MAX_STEPS`` links (longer ones end in "+")."""
    up_chain, down_chain = _chain(start), _chain(end)
    down_at = {t.i: n for n, t in enumerate(down_chain)}
    common = next((n for n, t in enumerate(up_chain) if t.i in down_at), len(up_chain) - 1)
    up = [_step(t) for t in up_chain[:common]]
    down = [_step(t) for t in reversed(down_chain[:down_at.get(up_chain[common].i, 0)])]

    def cut(steps: list[str]) -> str:
        return ">".join(steps[:_MAX_STEPS]) + ("+" if len(steps) > _MAX_STEPS else "")

    return cut(up), cut(down)


def _distance(n: int) -> str:
    return "1-2" if n <= 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def candidate_features(trigger: Token, mention: Token, category: str | None, kind: str,
                       has_targets: bool, actor_count: int) -> tuple[str, ...]:
    """The feature words of one candidate: ``mention`` is its mention's head token, ``trigger``
    the event's trigger, ``kind`` the candidate's kind (person, organisation, country, place ...)."""
    head = anchor(trigger)
    up, down = _path(head, mention)
    cat = category or "NONE"
    lemma = head.lemma_.lower()
    side = "before" if mention.i < head.i else "after"
    inside = head.is_ancestor(mention)
    said = mention.dep_ in {"nsubj", "nsubjpass"} and mention.head.lemma_.lower() in SPEECH_VERBS
    words = [
        f"c:{cat}", f"k:{kind}", f"ck:{cat}|{kind}",
        f"p:{up}|{down}", f"cp:{cat}|{up}|{down}", f"u:{up}", f"d:{down}", f"cd:{cat}|{down}",
        f"md:{mention.dep_}", f"cmd:{cat}|{mention.dep_}", f"s:{side}", f"cs:{cat}|{side}",
        f"dist:{_distance(abs(mention.i - head.i))}", f"in:{inside}", f"cin:{cat}|{inside}",
        f"t:{lemma}|{down.split('>', 1)[0] if down else '-'}", f"ht:{has_targets}", f"cht:{cat}|{has_targets}",
        f"na:{min(actor_count, 2)}", f"hp:{head.pos_}",
        f"w:{mention.lemma_.lower()}", f"cw:{cat}|{mention.lemma_.lower()}", f"tp:{lemma}|{up}|{down}",
    ]
    if said:
        words.append("speaker")
    if mention.head.dep_ in {"prep", "agent"}:
        words.append(f"prep:{mention.head.lower_}")
        words.append(f"cprep:{cat}|{mention.head.lower_}")
    return tuple(words)


@dataclass(frozen=True, slots=True)
class TargetModel:
    """A logistic model over feature words, and the threshold at which a candidate is added."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, features: Sequence[str]) -> float:
        score = self.bias + sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-score)) if score > -30 else 0.0

    @classmethod
    def load(cls, path: Path) -> TargetModel:
        """Read a weights file written by ``make train`` (:mod:`wirewatch.training.targets`).

        Raises:
            LearnedTargetsError: the file is missing, is no weights file, or is of another
                features version; rebuild it with ``make train``.
        """
        data = read_weights(path, FEATURES_VERSION, "learned-target", LearnedTargetsError,
                            "remove target_model from the events component's data in "
                            "streams/tagging/pipeline.yaml (the role readings alone)")
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]))

    def save(self, path: Path, about: dict[str, object]) -> None:
        """Write the weights (sorted, so that a retrain diffs cleanly) with ``about`` the training."""
        write_weights(path, {"features_version": FEATURES_VERSION, "threshold": self.threshold,
                             "bias": round(self.bias, 6), "about": about}, self.weights)


def candidates(trigger: Token, sent: Span, spans: Sequence[Mentioned], category: str | None,
               actors: Sequence[str], targets: Sequence[str], skip: frozenset[str]) -> list[Candidate]:
    """The candidates of one event: each id with a mention inside ``sent`` that is not an actor, a
    target or in ``skip``; one per id, its mention nearest the trigger."""
    taken = set(actors) | set(targets) | skip
    doc = sent.doc
    best: dict[str, tuple[int, Candidate]] = {}
    for span in spans:
        start, end, ident, kind = span.start, span.end, span.id, span.kind
        if ident in taken or start < sent.start_char or end > sent.end_char:
            continue
        found = doc.char_span(start, end, alignment_mode="expand")
        if found is None:
            continue
        mention = found.root
        if mention.i == trigger.i:
            continue
        distance = abs(mention.i - trigger.i)
        if ident in best and best[ident][0] <= distance:
            continue
        best[ident] = (distance, Candidate(ident, kind, candidate_features(
            trigger, mention, category, kind, bool(targets), len(actors))))
    return [c for _, c in sorted(best.values(), key=lambda pair: pair[0])]


def text_key(text: str) -> int:
    """The key :class:`Record` knows an article by: a hash of its tagged text."""
    return hash(text)


def add_targets(model: TargetModel | None, trigger: Token, sent: Span, spans: Sequence[Mentioned],
                text: str, category: str | None, actors: Sequence[str], targets: Sequence[str],
                skip: frozenset[str]) -> list[str]:
    """``targets`` and the candidates ``model`` gives at least its threshold, in the order of their
    mentions' distance from the trigger; while :func:`collecting`, the candidates are recorded and
    ``targets`` returned as they are."""
    records = _collector.get()
    if records is None and model is None:
        return list(targets)
    found = candidates(trigger, sent, spans, category, actors, targets, skip)
    if records is not None:
        records.append(Record(text_key(text), sent.start_char, category, trigger.i, tuple(actors), tuple(targets), found))
        return list(targets)
    assert model is not None
    return [*targets, *(c.id for c in found if model.probability(c.features) >= model.threshold)]
