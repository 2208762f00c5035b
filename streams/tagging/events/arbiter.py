"""Whether the rules' event of a sentence stands: a learned arbiter of the rules' events.

On the default path (``events.hybrid``, rules first) the rules' event of a sentence stands unless
the model overrules it. The hand policy overrules where the model's "no event" probability is above
``overrule_above`` and the parse puts the happening in doubt. For the rules' events of the
categories the arbiter names (material acts: ASSAULT, COERCE, AID, PROTEST, RETREAT, SANCTION;
REJECT, whose training sentences tell a denial made from a standing one by one convention; and since
session 37 the statements CONSULT, COOPERATE, CONCEDE and SUPPORT), a logistic model decides
instead. It reads the model's "no event" probability (binned, and as the logit of the happening
probability), the rules' category and subtype, the model's category and whether the two agree, the
sentence's realis scope cues, how deep the rules' trigger sits, whether it is stated as given,
whether the hand policy would see doubt, and where the line sits in the article body (the lead, the
second line or later: background comes late). The rules' event stands where the arbiter gives a
happening at least its threshold.

The arbiter is fitted by ``make train`` (:mod:`wirewatch.training.arbiter`) on grouped
cross-validation readings of the training corpus: each sentence's model reading comes from the
model trained without that sentence's corpus, as the shipped model reads text it never saw.
ACCUSE, AGREE, REQUEST, THREATEN and MOBILIZE keep the hand policy: the corpus holds fewer of their
phrasings, a sure "no event" of the model is wrong there as often as right ("drew threats from al
Shabaab"), and the sample article's annotation reads a commentator's suggestion as a REQUEST and "As
Putin encourages ..." as a MOBILIZE event, which the arbiter drops when it decides them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import TaggingError
from streams.tagging.events.sentences import body_place
from streams.tagging.events.weights import read_weights, write_weights

#: format of the weights file; raise it when the features change, so an old file is refused
FEATURES_VERSION = 2  # 2: where the line sits in the body (pos:)
REALIS = "~realis_logit"  # the numeric feature: the logit of the model's happening probability


class ArbiterError(TaggingError, ValueError):
    """The arbiter's weights are missing or not a file this code reads."""


@dataclass(frozen=True, slots=True)
class ArbiterInput:
    """What the arbiter reads of one sentence the rules found an event in."""

    realis: float  # the model's happening probability
    model_category: str | None
    rule_category: str
    rule_subtype: str | None
    cues: frozenset[str]  # the sentence's realis scope cues
    links: int | None  # from the rules' top trigger to its line's root
    given: bool  # that trigger sits in a clause stating it as given
    doubtful: bool  # the hand policy sees doubt (hybrid.open_to_doubt)
    line_number: int | None  # lines before it in the article body (sentences.body_line_numbers; None: title)


def _bin(p: float) -> str:
    return str(min(int(p * 10), 9))


def arbiter_features(read: ArbiterInput) -> tuple[str, ...]:
    """The feature words of one sentence."""
    p_none = _bin(1.0 - read.realis)
    words = [f"pn:{p_none}", f"rc:{read.rule_category}", f"rcpn:{read.rule_category}|{p_none}",
             f"mc:{read.model_category}", f"agree:{read.model_category == read.rule_category}",
             f"doubt:{read.doubtful}", f"dpn:{read.doubtful}|{p_none}", f"links:{min(read.links or 0, 4)}",
             f"given:{read.given}", f"rs:{read.rule_subtype}", f"pos:{body_place(read.line_number)}"]
    return (*words, *(f"cue:{c}" for c in sorted(read.cues)))


def realis_logit(realis: float) -> float:
    """The logit of a happening probability, kept within [1e-4, 1 - 1e-4]."""
    p = min(max(realis, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p))


@dataclass(frozen=True, slots=True)
class Arbiter:
    """A logistic model over feature words and the realis logit; the categories it decides for."""

    weights: dict[str, float]
    bias: float
    threshold: float
    categories: frozenset[str]

    def decides(self, rule_category: str | None) -> bool:
        """Whether the arbiter, not the hand policy, decides the rules' events of this category."""
        return rule_category in self.categories

    def happening(self, read: ArbiterInput) -> float:
        """How likely the sentence reports a happening."""
        score = self.bias + self.weights.get(REALIS, 0.0) * realis_logit(read.realis) \
            + sum(self.weights.get(f, 0.0) for f in arbiter_features(read))
        return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))

    def keeps(self, read: ArbiterInput) -> bool:
        """Whether the rules' event stands."""
        return self.happening(read) >= self.threshold

    @classmethod
    def load(cls, path: Path) -> Arbiter:
        """Read a weights file written by ``make train`` (:mod:`wirewatch.training.arbiter`).

        Raises:
            ArbiterError: the file is missing, is no weights file, or is of another features
                version; rebuild it with ``make train``.
        """
        data = read_weights(path, FEATURES_VERSION, "arbiter", ArbiterError,
                            "remove arbiter from the events component's data in "
                            "streams/tagging/pipeline.yaml (the hand overrule alone)")
        return cls(dict(data["weights"]), float(data["bias"]), float(data["threshold"]),
                   frozenset(data["categories"]))

    def save(self, path: Path, about: dict[str, object]) -> None:
        """Write the weights (sorted, so that a retrain diffs cleanly) with ``about`` the training."""
        write_weights(path, {"features_version": FEATURES_VERSION, "threshold": self.threshold,
                             "categories": sorted(self.categories), "bias": round(self.bias, 6),
                             "about": about}, self.weights)


def arbiter_input(realis: float, model_category: str | None, rule_category: str, rule_subtype: str | None,
                  cues: Iterable[str], links: int | None, given: bool, doubtful: bool,
                  line_number: int | None) -> ArbiterInput:
    """An :class:`ArbiterInput` (the cues as a set)."""
    return ArbiterInput(realis, model_category, rule_category, rule_subtype, frozenset(cues), links, given,
                        doubtful, line_number)


__all__: Sequence[str] = ("Arbiter", "ArbiterError", "ArbiterInput", "arbiter_features", "arbiter_input",
                          "realis_logit")
