"""Which of a sentence's events is its main one: the nearer its trigger to the root, the higher it ranks.

A sentence reports one happening and often names others inside it: "UNICEF condemned
the strike", "Police baton-charged lawyers protesting outside the court", "The
government shut down the internet during the unrest", "Residents beat to death a
man accused of theft". The rules give each trigger the confidence of its rule, so a
trigger inside an object, a relative clause or a participle ("strike", "protesting",
"unrest", "accused") could outrank the happening the sentence is about and become
its top event, with that event's actors and targets.

On the rules path (``events.taxonomy``) each dependency link between a trigger and
its sentence's root multiplies the event's confidence by ``depth_discount`` (at most
``MAX_LINKS`` links). Every event is still reported; only their order changes.
Chosen on the training corpus, which the rules were never tuned on
(``python -m training.events.rules_veto``): see ``streams/tagging/pipeline.yaml``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from streams.tagging.events.rules import SentenceMatches
from streams.tagging.events.scope import ancestors, trailing_denial

MAX_LINKS = 4  # deeper than this, a trigger is as far from the main clause as it gets


def links_to_root(token: Token, sent: Span) -> int:
    """How many dependency links lead from ``token`` up to its sentence's root (at most ``MAX_LINKS``);
    a trailing denial of a charge the parser made the root ("..., a charge Kigali denies") is one
    link below the clause it follows, which is the main one."""
    if any(trailing_denial(c) for c in token.children):
        return 1
    return len(ancestors(token, sent, MAX_LINKS))


def check_discount(value: object, option: str) -> float:
    """A config's ``depth_discount`` (``option`` names it in the error): a number in (0, 1]; 1 ranks as the rules do."""
    if value is None:
        return 1.0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise ValueError(f"{option} must be a number above 0 and at most 1 (1 leaves the rules' ranking), "
                         f"not {value!r}")
    return float(value)


def rank_by_depth(sent: Span, matches: SentenceMatches, discount: float) -> SentenceMatches:
    """The matches with each confidence multiplied by ``discount`` per link from the trigger to
    the root (see the module docstring); the same matches when ``discount`` is 1."""
    if discount >= 1.0 or not matches.kept:
        return matches
    kept = [replace(m, confidence=round(m.confidence * discount ** links_to_root(m.anchor, sent), 3))
            for m in matches.kept]
    return SentenceMatches(kept, matches.dropped)
