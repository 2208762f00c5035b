"""Meetings have parties, not a doer and a done-to: "Ortagus met President Joseph Aoun in Beirut".

A consultation's object ("met X", "held talks with X") is one more actor, as the labelling
conventions have it (data/events/DATA.md: the training corpus lists the partner of "met" among
the actors 28 times, among the targets 3 times). A host's guests stay targets ("Jordan hosted the
interior ministers of Syria and Iraq"), and so do facilities and unnamed things.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Token

from streams.tagging.events import coref
from streams.tagging.events.actors import anchor, clause_verb

JOINT = frozenset({"CONSULT"})  # AGREE and COOPERATE were tried too: more targets lost than actors won
_HOSTS = {"host", "receive", "visit", "invite"}  # whose object is a guest (or host), not a party
_PARTIES = {coref.PERSON, coref.ORG, coref.COUNTRY, coref.FORCE}


def joint_parties(trigger: Token, category: str | None, actors: list[str], targets: list[str],
                  kinds: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """Actors and targets, with a consultation's named partners moved to the actors."""
    if category not in JOINT or not actors or clause_verb(anchor(trigger)).lemma_.lower() in _HOSTS:
        return actors, targets
    joint = [i for i in targets if kinds.get(i) in _PARTIES]
    return actors + joint, [i for i in targets if i not in joint]
