"""The event model's trainable heads: one exclusive text classifier per question.

The trained event model (``events/model/``, built by ``make train``) is a small
spaCy pipeline of three heads over one shared tok2vec:

- ``category``: is the sentence a reported happening (or a threat, demand or
  accusation made), and of which PLOVER category; ``CAT:NONE`` = no event;
- ``subtype``: the ACLED-style subtype of a happening;
- ``mode``: its PLOVER mode (``MODE:none`` = no mode).

All three read the same ``doc.cats``, their labels told apart by a prefix
(``CAT:``, ``SUB:``, ``MODE:``). spaCy's exclusive ``textcat`` refuses a doc
whose cats hold more than one positive label and cannot leave a label out;
:class:`EventHead` is that textcat with the check and the loss restricted to
its own labels, so a sentence labelled only with a category (the older team
set has no modes) trains the category and subtype heads and leaves the mode
head alone instead of teaching it "no mode".
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
CATEGORY, SUBTYPE, MODE = "category", "subtype", "mode"
PREFIX = {CATEGORY: "CAT:", SUBTYPE: "SUB:", MODE: "MODE:"}
NO_CATEGORY = "NONE"  # the category head's "no event" class
NO_MODE = "none"


def label(head: str, value: str | None) -> str:
    """The cats key of ``value`` for ``head`` (``None`` is the head's empty class)."""
    empty = NO_MODE if head == MODE else NO_CATEGORY
    return PREFIX[head] + (value or empty)


def value(head: str, key: str) -> str | None:
    """The code behind a cats key (``None`` for the empty class)."""
    code = key[len(PREFIX[head]):]
    return None if code in (NO_MODE, NO_CATEGORY) else code


def sentence_doc(vocab: Vocab, sent: Span, features: Sequence[str] = ()) -> Doc:
    """What the model reads for one sentence, made the same way in training and in the
    tagger: its words in lower case, then ``features`` (words the model cannot confuse
    with text, e.g. what the taxonomy's rules made of the sentence)."""
    words = [t.lower_ for t in sent if not t.is_space]
    return Doc(vocab, words=[*words, *features])


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
