"""The event model's trainable heads: one exclusive text classifier per question.

The trained event model (``events/model/``, built by ``make train``) is a small
spaCy pipeline of four heads, each a bag of n-grams over the same sentence words
(the realis head three times over, trained with three seeds: :func:`realis_bag`):

- ``realis``: does the sentence report a happening (or a threat, demand or
  accusation made)? ``REALIS:NONE`` = no event, ``REALIS:EVENT`` = an event;
- ``category``: its PLOVER category, learned from happenings only, so it always
  proposes a type and a category with few examples does not compete with "no
  event" (which all the negatives of every kind would teach it);
- ``subtype``: the ACLED-style subtype of a happening;
- ``mode``: its PLOVER mode (``MODE:none`` = no mode).

All four read the same ``doc.cats``, their labels told apart by a prefix
(``REALIS:``, ``CAT:``, ``SUB:``, ``MODE:``). spaCy's exclusive ``textcat`` refuses a doc
whose cats hold more than one positive label and cannot leave a label out;
:class:`EventHead` is that textcat with the check and the loss restricted to
its own labels, so a sentence labelled only with its realis (a negative) or
only with a category (the older team set has no modes) trains only the heads
it has labels for instead of teaching the others "no event" or "no mode".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.pipeline.textcat import TextCategorizer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.vocab import Vocab
from thinc.api import Model

FACTORY = "wirewatch_event_head"
REALIS, CATEGORY, SUBTYPE, MODE = "realis", "category", "subtype", "mode"
PREFIX = {REALIS: "REALIS:", CATEGORY: "CAT:", SUBTYPE: "SUB:", MODE: "MODE:"}
NO_CATEGORY = "NONE"  # the realis head's "no event" class
EVENT = "EVENT"  # the realis head's "an event" class
NO_MODE = "none"


def bag_member(i: int) -> str:
    """The pipe name of the realis head trained with the ``i``-th seed after the first
    (``realis_1``, ``realis_2`` ...; the first is ``realis`` itself)."""
    return f"{REALIS}_{i}"


def realis_bag(pipe_names: Iterable[str]) -> list[str]:
    """The realis heads of a model, first ``realis`` then its bag members in order."""
    names = set(pipe_names)
    out = [REALIS] if REALIS in names else []
    i = 1
    while bag_member(i) in names:
        out.append(bag_member(i))
        i += 1
    return out


def label(head: str, value: str | None) -> str:
    """The cats key of ``value`` for ``head`` (``None`` is the head's empty class)."""
    empty = NO_MODE if head == MODE else NO_CATEGORY
    return PREFIX[head] + (value or empty)


def value(head: str, key: str) -> str | None:
    """The code behind a cats key (``None`` for the empty class)."""
    code = key[len(PREFIX[head]):]
    return None if code in (NO_MODE, NO_CATEGORY) else code


# Named entities and counts the model reads as their kind, not their words: the corpus'
# invented names ("Brigadier Tamsin Oduya", "the Kharaz Front") and its figures would
# otherwise become features that no real article has. Dates stay words ("last year" is a
# background cue).
PLACEHOLDERS = {"PERSON": "~PER", "ORG": "~ORG", "GPE": "~GPE", "LOC": "~LOC", "FAC": "~FAC",
                "NORP": "~NORP", "CARDINAL": "~NUM", "QUANTITY": "~NUM", "MONEY": "~NUM",
                "PERCENT": "~NUM"}


def sentence_words(sent: Span) -> list[str]:
    """The sentence's words in lower case, each named entity or count as one placeholder."""
    out: list[str] = []
    for token in sent:
        if token.is_space:
            continue
        kind = PLACEHOLDERS.get(token.ent_type_)
        if kind is None:
            out.append(token.lower_)
        elif token.ent_iob_ == "B" or not out or out[-1] != kind:
            out.append(kind)
    return out


def sentence_doc(vocab: Vocab, sent: Span, features: Sequence[str] = ()) -> Doc:
    """What the model reads for one sentence, made the same way in training and in the
    tagger: its words (:func:`sentence_words`), then ``features`` (words the model cannot
    confuse with text, e.g. what the taxonomy's rules made of the sentence)."""
    return Doc(vocab, words=[*sentence_words(sent), *features])


class EventHead(TextCategorizer):
    """An exclusive text classifier over the cats keys with its own prefix; a doc without
    any of its keys is skipped by the loss (see the module docstring)."""

    @property
    def support_missing_values(self) -> bool:
        return True

    def _validate_categories(self, examples: Iterable[Example]) -> None:
        own = set(self.labels)
        for example in examples:
            values = [v for k, v in example.reference.cats.items() if k in own]
            if values.count(1.0) > 1 or any(v not in (0.0, 1.0) for v in values):
                raise ValueError(f"{self.name}: a sentence needs exactly one of its labels "
                                 f"at 1.0 and the others at 0.0, got {example.reference.cats}")


@Language.factory(
    FACTORY,
    default_config={"threshold": 0.0, "scorer": {"@scorers": "spacy.textcat_scorer.v2"}},
)
def make_event_head(nlp: Language, name: str, model: Model, threshold: float,
                    scorer: Any) -> EventHead:
    """An :class:`EventHead` (for the config's ``factory = "wirewatch_event_head"``)."""
    return EventHead(nlp.vocab, model, name, threshold=threshold, scorer=scorer)
