"""Names the model calls places that name something else: "the African Union mission",
"the Viv Ansanm gang coalition", "Captagon pills", "the Los Choneros gangs".

The model labels such unknown names GPE or FAC, the resolver keeps them as places without a point,
and the event reader then placed events at them (training corpus session 32: 'african union' 7,
'captagon' 6, 'viv ansanm' 6). A name the gazetteer does not know that only says what a following
common noun is, is an organisation, a gang, a drug or a service, unless that noun is one a place
name modifies ("the Khor Mor gas field", "Puntland forces"): :func:`place_nouns`.
"""

from __future__ import annotations

import functools

from spacy.tokens import Doc

from streams.tagging.places.cues import (
    CITY_WORDS,
    REGION_WORDS,
    ROAD_WORDS,
    TOWN_PARTS_OF,
    WATER_AFTER,
)
from streams.tagging.places.gazetteer import NameIndex
from streams.tagging.places.toponym import Toponym
from streams.tagging.shared.participant_nouns import participant_nouns

# (areas such as "region" and "outskirts" come with REGION_WORDS and TOWN_PARTS_OF)
_LANDFORMS = frozenset({"mountain", "mountains", "hill", "hills", "forest", "desert", "valley", "plain",
                        "plains", "plateau", "island", "islands", "peninsula", "coast", "border", "field",
                        "fields", "zone", "front", "frontline", "corridor", "square", "street", "avenue",
                        "quarter", "area", "range", "heights", "pass", "gate", "park", "reserve",
                        "state", "north", "south", "east", "west", "side", "shore", "bank"})
# The state's people and bodies a place qualifies ("Puntland forces", "the Tigray government",
# "Amhara militia"), unlike a gang's or a movement's ("the Los Choneros gangs").
_STATE_NOUNS = frozenset({"force", "forces", "troop", "troops", "army", "police", "military", "militia",
                          "government", "authority", "authorities", "security", "official", "officials",
                          "ministry", "governor", "administration", "soldier", "soldiers", "resident",
                          "residents", "people", "villager", "villagers", "civilian", "civilians",
                          "president", "parliament", "court"})


@functools.cache
def place_nouns() -> frozenset[str]:
    """Nouns a place's name can modify and stay a place: areas, towns, waters, roads, landforms,
    built structures and sites, and the state's people and bodies."""
    # the built structures, sites and vehicles of the participant nouns, and unsettled villages ("the
    # Zamzam camp", "the Ain al-Asad air base"); vehicles come with them: "a Captagon truck" stays
    built = {noun for noun, kind in participant_nouns().items() if kind in {"facility", "settlement"}}
    return frozenset(built | _LANDFORMS | _STATE_NOUNS | set(REGION_WORDS) | CITY_WORDS | WATER_AFTER
                     | ROAD_WORDS | TOWN_PARTS_OF)


def drop_named_things(doc: Doc, toponyms: list[Toponym], gazetteer: NameIndex) -> list[Toponym]:
    """The toponyms without the model's names (``source`` "ner") that the gazetteer does not know
    and that say what a following common noun is, a noun no place name modifies. ``start`` and
    ``end`` are token indices (the finder's, before it turns them into characters)."""
    nouns = place_nouns()

    def names_a_thing(t: Toponym) -> bool:
        last = doc[t.end - 1]
        if t.source != "ner" or last.dep_ != "compound" or last.head.i < t.end:
            return False
        head = last.head
        while head.dep_ == "compound" and head.head.i > head.i:  # "the Rashidieh refugee camp"
            head = head.head
        return head.pos_ == "NOUN" and not {head.lemma_.lower(), head.lower_} & nouns \
            and not gazetteer.lookup_key(t.key)

    return [t for t in toponyms if not names_a_thing(t)]
