"""An act the article told before and a later line judges again is no new happening.

"Russian missiles struck a power plant in Odesa ... President Zelensky condemned the strike."
The rules read "strike" in the second line as an AIR_STRIKE too, with the condemner as its actor
and the places of the condemnation as its place: a duplicate of the first line's event that says
Zelensky struck. News writes such re-mentions all the time, after the act: a verb of judging
takes it as its object ("condemned the attack", "the raid was denounced", "blamed the attack on
...", "are investigating the shooting"). The line reports the judgement (ACCUSE ...), which the
rules keep. A claim is not judged here: "JNIM claimed the ambush" names who did the act, so its
event and actor stay.

Only where an earlier line of the same article kept a rules' event of the act's category: a
one-line brief or a snippet ("The U.N. condemned the attack on peacekeepers in Mopti that killed
four") may be the only report of its act, and keeps it. Of the training corpus' lines where a verb
of judging or a claim takes an act noun (119, all labelled statements), the tagger gave 90 a second,
material event; with this, 12 (session 63, ``docs/measurements.md``, claims left alone since).

It needs the article, not the line, so it is applied over a whole article's lines after the
per-line veto (:func:`drop_retold`, called by
:func:`~streams.tagging.events.realis_scope.read_article_with_scope`, which every reader of the rules
uses: the rules path, the hybrid and the cross-validation's rules side). It runs when the ``rule_veto`` option names
``RETOLD`` (``streams/tagging/pipeline.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from spacy.tokens import Span, Token

from streams.tagging.events.rules import Dropped, Match, SentenceMatches
from streams.tagging.events.scope import compound_head

RETOLD = "RETOLD"
# verbs whose subject judges an act someone else did, or looks into it: the act named as their
# object is told again, and its doer is not their subject. Not the verbs whose subject may be the
# doer: a claim ("JNIM claimed the ambush" names who did it: the act's event, with its actor,
# stays), "defended / justified / approved the strike".
_JUDGING = {"condemn", "denounce", "deplore", "decry", "criticise", "criticize", "slam", "lament", "regret",
            "mourn", "blame", "welcome", "praise", "hail", "applaud", "oppose", "investigate", "probe"}

# verbs that name what an act was ("called the detentions a political operation", "described the
# bombing as cowardly"): they judge it when they say what it was, with a second complement; alone
# they may do it ("unions called a strike")
_NAMING = {"call", "describe", "brand", "term", "label", "dub"}

Line = TypeVar("Line", bound=Span)


def judged_act(match: Match) -> bool:
    """Whether a trigger is an act noun a verb of judging takes as its object ("condemned the
    strike", "the killing was condemned", "police are investigating the shooting"), or a verb of
    naming says what it was ("called the detentions a political operation", "described the bombing
    as cowardly")."""
    noun = compound_head(match.anchor)  # "strike" of "drone strike", "attack" of "the convoy attack"
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    head = noun.head
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    verb = head.lemma_.lower()
    return verb in _JUDGING or (verb in _NAMING and _said_what_it_was(noun, head))


def _said_what_it_was(noun: Token, verb: Token) -> bool:
    """Whether a verb of naming gives its object a second complement: an object predicate or a
    second object ("called the detentions a political operation"), or "as ..." ("described the
    bombing as cowardly", on the verb or on the object)."""
    return any(c.dep_ in {"oprd", "dobj"} and c != noun for c in verb.children) \
        or any(c.dep_ == "prep" and c.lower_ == "as" for c in (*verb.children, *noun.children))


def drop_retold(lines: Sequence[tuple[Line, SentenceMatches]]) -> list[tuple[Line, SentenceMatches]]:
    """An article's lines with each judged act (:func:`judged_act`) moved to ``dropped`` where an
    earlier line kept a rules' event of its category; the other lines as they are."""
    told: set[str] = set()  # the categories of the events kept in the lines read so far
    out: list[tuple[Line, SentenceMatches]] = []
    for line, matches in lines:
        retold = [m for m in matches.kept if m.rule.category in told and judged_act(m)]
        if retold:
            matches = SentenceMatches(
                kept=[m for m in matches.kept if not any(m is r for r in retold)],
                dropped=[*matches.dropped, *(Dropped(m.rule.name, m.trigger, _reason(m.anchor))
                                             for m in retold)])
        told.update(m.rule.category for m in matches.kept)
        out.append((line, matches))
    return out


def _reason(token: Token) -> str:
    return f"veto: {RETOLD} (an act told before, judged by {compound_head(token).head.text!r})"
