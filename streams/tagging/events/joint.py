"""Meetings, deals and fights have parties, each the other's counterpart: "Ortagus met President
Joseph Aoun in Beirut", "Iran and Saudi Arabia agreed to restore ties", "Soldiers clashed with
gunmen" (both sides fought: both are actors).

A consultation's object ("met X", "held talks with X") is one more actor, as the labelling
conventions have it (data/events/DATA.md: the training corpus lists the partner of "met" among
the actors 28 times, among the targets 3 times), and stays a target: whom the actor met, as
dyadic coding (PLOVER's source and target, ACLED's two actors) reads a meeting. Where two or more
named parties meet, agree or cooperate together, each is a target too: the counterpart of the
others (session 21; the training corpus lists such parties among the targets as well). A host's
guests are parties too ("Xi Jinping hosted Lula in Beijing": session 41, as the corpus lists them);
whom one receives, visits or invites stays a target only, and so do facilities and unnamed things.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from streams.tagging.events import coref
from streams.tagging.events.actors import anchor, clause_verb

JOINT = frozenset({"CONSULT"})  # moving AGREE's and COOPERATE's partners lost more targets than it won actors
RECIPROCAL = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts done together, each party to the others
_HOSTS = {"receive", "visit", "invite"}  # whose object is a guest (or host) only, not a party
_PARTIES = {coref.PERSON, coref.ORG, coref.COUNTRY, coref.FORCE}
# Fights have two sides, both actors as ACLED's armed clashes code them ("Security forces fought
# militants", "Soldiers clashed with gunmen"), and each side stays the other's target.
_FIGHTS = {"fight", "clash", "battle", "skirmish", "exchange"}


def joint_parties(trigger: Token, category: str | None, actors: list[str], targets: list[str],
                  kinds: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Actors and targets, with a consultation's named partners among the actors too, and the
    named parties of an act done together among the targets too (see the module docstring)."""
    if category in RECIPROCAL and len(parties := [i for i in actors if kinds.get(i) in _PARTIES]) >= 2:
        targets = targets + [i for i in parties if i not in targets]  # "Iran and Saudi Arabia agreed"
    verb = clause_verb(anchor(trigger)).lemma_.lower()
    fight = category == "ASSAULT" and verb in _FIGHTS
    if (category not in JOINT and not fight) or not actors or verb in _HOSTS:
        return actors, targets
    joint = [i for i in targets if kinds.get(i) in _PARTIES]
    return actors + [i for i in joint if i not in actors], targets
