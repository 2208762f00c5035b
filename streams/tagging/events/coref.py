"""Pronouns and definite descriptions back to the entity or place they stand for.

"The army said it repelled the attack": "it" is the army. Within one article,
a pronoun or a description ("the group", "the country", "the town") refers
to the nearest earlier mention of a compatible kind:

| words | kinds it may refer to |
|---|---|
| he, she, him, her, his | a person |
| it, its | an organisation, an armed or official group, a country |
| they, them, their | a group, an organisation, a country |
| the group, the organisation, the militia, the movement ... | an organisation or an armed group |
| the country, the nation, the state | a country |
| the town, the city, the village | a city |
| the area, the district, the region ... | a city, a district, a region |
| the crowd, the mob | a group of people |

| the two sides, both countries, the two leaders, the three countries | as many nearest distinct compatible mentions as the number says (countries also by their adjective: "Iranian President") |
| the militants, the rebels, the rebel group, the militia ... | the nearest armed group outside the state named before |

Only mentions before the word count: news names before it refers back. "They" and
"them" never stand for a nationality word that modifies a noun ("South African police
... them": the people are the noun's), and the object of a verb of dispersing a crowd
("fired tear gas to disperse them", "push them back") stands for people only, not for
a body, a company or a country named between (training corpus: +12 targets found).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

PERSON, ORG, FORCE, PEOPLE, COUNTRY, LOCALITY = "person", "org", "force", "people", "country", "locality"
TOWN = "town"  # a place of feature city (a LOCALITY otherwise)
PLACES = frozenset({LOCALITY, TOWN})

PRONOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("he", "she", "him", "her", "his", "himself", "herself"), frozenset({PERSON})),
    **dict.fromkeys(("it", "its", "itself"), frozenset({ORG, FORCE, COUNTRY})),
    **dict.fromkeys(("they", "them", "their", "themselves"), frozenset({FORCE, ORG, PEOPLE, COUNTRY})),
}
DESCRIPTIONS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("group", "organisation", "organization", "movement", "militia", "faction",
                     "outfit", "network", "insurgency", "coalition", "alliance", "brigade", "battalion",
                     "regiment"), frozenset({ORG, FORCE})),
    **dict.fromkeys(("agency", "foundation", "mission", "council", "committee", "commission", "company",
                     "firm", "institute", "charity", "watchdog", "ministry", "party", "union",
                     "bloc", "service", "department", "directorate", "bureau", "office", "command"),
                    frozenset({ORG})),
    **dict.fromkeys(("country", "nation", "state", "kingdom", "republic"), frozenset({COUNTRY})),
    # "the town" is a town named before, not the province around it
    **dict.fromkeys(("town", "city", "village", "settlement", "capital", "port"), frozenset({TOWN})),
    **dict.fromkeys(("area", "district", "region", "province", "camp", "neighbourhood", "neighborhood"),
                    frozenset({LOCALITY, TOWN})),
    # "Riot police dispersed the crowd": the people named before (the protesters, the marchers)
    **dict.fromkeys(("crowd", "mob", "gathering"), frozenset({PEOPLE})),
}
_DEFINITE = {"the", "this", "that", "these", "those"}
# Words that describe an armed group outside the state (the "force" nouns of
# data/entities_actor_nouns.txt that are not the state's own): "the militants", "the rebel group",
# "the armed group", "the gang" point back to such a group named before, never to the army.
NON_STATE = frozenset({
    "militia", "militias", "militiaman", "militiamen", "militant", "militants", "gunman", "gunmen",
    "rebel", "rebels", "insurgent", "insurgents", "fighters", "jihadist", "jihadists", "extremist",
    "extremists", "separatist", "separatists", "guerrilla", "guerrillas", "attacker", "attackers",
    "assailant", "assailants", "raiders", "paramilitary", "paramilitaries", "gang", "gangs",
    "insurgency", "islamist", "islamists", "armed", "terrorist", "terrorists", "kidnappers",
    "bandits", "cartel"})
# Heads a non-state word may describe: "the rebel group", "the armed movement", "the militant outfit".
_GROUP_HEADS = {"group", "groups", "movement", "organisation", "organization", "outfit", "faction",
                "coalition", "alliance", "force", "forces", "network"}
# "the two sides", "both countries": plural nouns for a pair of what the article named before.
PAIR_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("sides", "parties"), frozenset({ORG, FORCE, COUNTRY})),
    **dict.fromkeys(("countries", "nations", "governments", "neighbours", "neighbors", "powers"),
                    frozenset({COUNTRY})),
    **dict.fromkeys(("leaders", "presidents", "ministers", "men"), frozenset({PERSON})),
    **dict.fromkeys(("groups", "armies", "forces"), frozenset({ORG, FORCE})),
}


# Police named by a plain word of their kind are the police named before: "Police raided ...
# Officers seized ..." (training corpus +12 actors, +6 targets). "Soldiers" for the army named
# before was tried and dropped: -26 actors (soldiers are often not the whole army).
# "the police", "the army", "the government" alone are the police, army or government named before
# ("Georgian riot police ... detained by the police", "Sudan's army ... the army said"), and a
# government is the "junta" or "regime" named before.
_GOVERNMENT = frozenset({"government", "junta", "regime", "administration", "authorities", "cabinet"})
KIN_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("officer", "officers", "policeman", "policemen", "police"), frozenset({"police"})),
    **dict.fromkeys(("army", "military"), frozenset({"army", "military"})),
    "forces": frozenset({"forces"}),
    **dict.fromkeys(_GOVERNMENT, _GOVERNMENT),
}


@dataclass(frozen=True, slots=True)
class Referable:
    """A mention an anaphor may point back to."""

    start: int
    id: str
    kind: str


class Antecedents:
    """The article's mentions in text order, for finding what a word refers back to."""

    def __init__(self, mentions: list[Referable]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def before(self, offset: int, kinds: frozenset[str], skip: frozenset[str] = frozenset(),
               passed: Sequence[tuple[int, int]] = ()) -> str | None:
        """The id of the nearest mention before ``offset`` of one of ``kinds``, not in ``skip``
        and not starting inside one of the ``passed`` character ranges."""
        found = self.nearest(offset, kinds, skip, 1, passed)
        return found[0] if found else None

    def nearest(self, offset: int, kinds: frozenset[str], skip: frozenset[str], count: int,
                passed: Sequence[tuple[int, int]] = ()) -> list[str]:
        """Ids of the ``count`` nearest distinct mentions before ``offset`` of one of ``kinds``."""
        out: list[str] = []
        for m in reversed(self.mentions[:bisect_left(self._starts, offset)]):
            if m.kind in kinds and m.id not in skip and m.id not in out \
                    and not any(start <= m.start < end for start, end in passed):
                out.append(m.id)
                if len(out) == count:
                    break
        return out


def anaphor_kinds(token: Token) -> frozenset[str] | None:
    """What kinds of referent ``token`` may stand for, or None if it is not a pronoun or
    a definite description ("the group")."""
    low = token.lower_
    if token.pos_ == "PRON" or (token.tag_ == "PRP$" and low in PRONOUNS):
        return PRONOUNS.get(low)
    if low in DESCRIPTIONS and token.pos_ == "NOUN" and token.tag_ == "NN":
        if any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children) \
                and not any(_names_it(c) for c in token.children):
            return DESCRIPTIONS[low]
    return None


def armed_description(token: Token) -> bool:
    """Whether ``token`` heads a definite description of an armed group outside the state that
    names none: "the militants", "the rebels", "the rebel group", "the paramilitary group",
    "the militia" (not "the ADF rebels", "the Wagner group", "its fighters")."""
    children = list(token.children)
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in children):
        return False
    if any(_names_it(c) and c.lower_ not in NON_STATE for c in children):
        return False
    if token.lower_ in NON_STATE:
        return True
    return token.lower_ in _GROUP_HEADS and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in NON_STATE for c in children)


def _names_it(modifier: Token) -> bool:
    """Whether a modifier makes a description a name of its own ("the interior ministry",
    "the Libyan army", "the group's leader", "the town of Chipwi"), not a word pointing back."""
    if modifier.dep_ == "compound" and modifier.pos_ == "NOUN" and modifier.lower_ in NON_STATE:
        return False  # "the rebel group" describes, "the Wagner group" names
    if modifier.dep_ in {"compound", "poss", "nmod", "appos"}:
        return True
    if modifier.dep_ == "prep" and modifier.lower_ == "of":  # "the village of Novopavlivka"
        return any(g.dep_ == "pobj" and g.pos_ == "PROPN" for g in modifier.children)
    return modifier.dep_ == "amod" and (modifier.ent_type_ in {"NORP", "GPE"} or modifier.pos_ == "PROPN")


# how many parties "the two sides", "both countries", "the three countries" stand for
_PARTY_COUNTS = {"two": 2, "both": 2, "2": 2, "three": 3, "3": 3, "four": 4, "4": 4}


def party_count(token: Token) -> int:
    """How many parties a description of parties names ("the three countries": 3), else 0. A
    number above two points back only after "the" ("three former ministers" are new people)."""
    count = next((_PARTY_COUNTS[c.lower_] for c in token.children if c.lower_ in _PARTY_COUNTS
                  and c.dep_ in {"nummod", "det", "predet", "amod"}), 0)
    spelled_pair = any(c.lower_ in {"two", "both"} for c in token.children)
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children)
    return count if spelled_pair or definite else 0


def pair_kinds(token: Token) -> frozenset[str] | None:
    """For "the two sides", "both countries", "the three countries": the kinds of the parties it
    stands for (how many: :func:`party_count`)."""
    kinds = PAIR_NOUNS.get(token.lower_)
    if kinds is None or token.pos_ != "NOUN":
        return None
    return kinds if party_count(token) else None


# Verbs of dispersing a crowd, alone or with a particle: their object is people ("fired tear gas
# to disperse them", "used batons to push them back", "drove them out of the square").
_DISPERSE = {"disperse", "scatter"}
_DISPERSE_WITH = {"push": {"back", "away", "out", "off"}, "drive": {"back", "away", "out", "off"},
                  "chase": {"back", "away", "out", "off"}, "force": {"back", "away", "out", "off"},
                  "beat": {"back", "away", "off"}, "break": {"up"}}
_PLURAL = {"they", "them", "their", "themselves"}


def crowd_object(token: Token) -> bool:
    """Whether ``token`` is the object of a verb of dispersing a crowd (see ``_DISPERSE``)."""
    if token.dep_ != "dobj":
        return False
    verb = token.head
    lemma = verb.lemma_.lower()
    if lemma in _DISPERSE:
        return True
    particles = {c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod", "prep"}}
    return bool(particles & _DISPERSE_WITH.get(lemma, set()))


def nationality_modifiers(token: Token) -> list[tuple[int, int]]:
    """Character ranges of the nationality words before ``token`` that modify a noun ("South
    African police", "Rwandan troops"): "they" and "them" stand for the noun's people, never
    for the nationality's."""
    return [(ent.start_char, ent.end_char) for ent in token.doc.ents
            if ent.label_ == "NORP" and ent.end <= token.i and ent.root.dep_ in {"amod", "compound"}
            and ent.root.head.pos_ in {"NOUN", "PROPN"}]


def resolve(token: Token, antecedents: Antecedents, skip: frozenset[str] = frozenset()) -> str | None:
    """The id ``token`` refers back to, if it is an anaphor and a compatible mention precedes it."""
    kinds = anaphor_kinds(token)
    if kinds is None:
        return None
    if token.pos_ != "PRON" or token.lower_ not in _PLURAL:
        return antecedents.before(token.idx, kinds, skip)
    if crowd_object(token):  # "fired tear gas to disperse them": people, no body or country
        kinds = frozenset({PEOPLE})
    return antecedents.before(token.idx, kinds, skip, nationality_modifiers(token))
