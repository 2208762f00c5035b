"""Cue words around toponyms: what a reader learns of a place from the words next to it.

"Kursk region", "Buner district", "the city of X", "the Tana river",
"across the Dnipro", "the Namanga highway", "Paris, Texas". The finder notes
them on each :class:`~streams.tagging.places.toponym.Toponym` for the
resolver, along with the names listed together ("Sumy and Kharkiv").

Cues: ``region`` (a first-level area), ``county`` and ``district`` (a
second-level one), ``city`` (a town, also a town a road is named after),
``water`` (a river, lake or sea), ``the`` (a bare name after "the", more
often a river, region or range than a town), ``locative`` (right after "in",
"near", "outside" ...: where something happens; also a one-word name that a verb
of attack or capture acts on: "shelled Kherson").
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from streams.tagging.entities.rules import acts_as_person, struck_place
from streams.tagging.places.toponym import Toponym

REGION_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "province": "region", "provinces": "region", "governorate": "region",
    "governorates": "region", "prefecture": "region", "krai": "region", "territory": "region",
    "county": "county", "counties": "county",
    "district": "district", "districts": "district", "tehsil": "district", "subcounty": "district",
    "sub-county": "district", "municipality": "district", "regency": "district",
    "raion": "district", "rayon": "district",
    # Nigeria's local government areas ("Tsafe LGA"), second-level areas like districts
    "lga": "district", "lgas": "district",
}
_PLURAL_REGION = frozenset({"regions", "oblasts", "provinces", "governorates", "counties", "districts"})
# Adjectives of a province's bodies after its name: the name is the province.
_AREA_ADJECTIVES = frozenset({"provincial", "prefectural", "oblast"})
CITY_WORDS = frozenset({"city", "town", "village", "port", "capital", "township", "hamlet"})
# Words after a name that make it a river, lake or sea ("the Tana river", "Swat River").
WATER_AFTER = frozenset({"river", "rivers", "lake", "reservoir", "sea", "gulf", "bay", "strait",
                         "estuary", "delta", "creek", "canal", "lagoon", "basin", "waters"})
# Those of them after which a name is the river's or lake's whatever else it names ("the Mahisagar
# river", a district too): not those after which a country's or town's name stays that place
# ("Philippine waters", "the Niger delta", "Guantanamo Bay", "the Kerch strait").
RIVER_AFTER = frozenset({"river", "rivers", "lake", "reservoir", "creek", "canal", "lagoon", "estuary"})
# Words right before one ("river Thames", "lake Turkana").
WATER_BEFORE = frozenset({"river", "lake"})
# Words before "of the X" ("the banks of the Niger").
WATER_OF = frozenset({"banks", "bank", "shores", "shore", "mouth", "tributary", "waters"})
# Verbs and prepositions before "the X" that a river takes ("across the Dnipro").
WATER_VERBS = frozenset({"across", "along", "crossed", "cross", "crossing", "crosses", "downstream",
                         "upstream", "into", "burst", "swollen", "overflowing", "overflowed"})
# Prepositions that put what follows on the map ("in Goma", "near Kismayo"); the
# same list as the entities' rules, which drop a person or organisation there.
LOCATIVE_WORDS = frozenset({"in", "near", "across", "outside", "around", "inside", "into", "towards",
                            "toward", "throughout"})
# Sites that stand at a place: "at" after them puts what follows on the map ("the army camp at
# Boulkessi", "an outpost at Kolbiyow"), where "at" alone need not ("at Google", "at Reuters").
# Session 60: training corpus event place misses 2,130 -> 2,111 (21 fixed, 2 new); TR-News,
# GeoVirus and CoNLL dev unchanged.
SITE_NOUNS = frozenset({"base", "bases", "camp", "camps", "post", "posts", "outpost", "outposts",
                        "garrison", "barracks", "checkpoint", "checkpoints", "site", "prison", "airport",
                        "airbase", "port", "mine", "mines", "depot", "position", "positions"})
# Verbs whose "to X" / "from X" is a place ("spread to Goma", "fled from Sake"), unlike
# "spoke to X" or "a letter from X".
MOTION_VERBS = frozenset({"spread", "flee", "travel", "move", "return", "deploy", "fly", "drive",
                          "march", "advance", "retreat", "evacuate", "relocate", "migrate",
                          "arrive", "head", "withdraw", "escape", "sail", "airlift", "walk",
                          "take", "transfer", "cross", "deport", "extradite", "repatriate",
                          "divert", "tow", "ferry", "smuggle", "transport", "ship"})
# Offices and bodies of a first-level area, and of a town, next to its name: "Puebla's governor",
# "the governor of Kano", "Quebec Premier", "the mayor of Puebla", "Santa Cruz's mayor".
AREA_OFFICES = frozenset({"governor", "governors", "premier", "legislature", "gubernatorial"})
TOWN_OFFICES = frozenset({"mayor", "mayors", "mayoral"})
# Parts of a town before "of X" ("the outskirts of X") and before its name ("downtown X").
TOWN_PARTS_OF = frozenset({"outskirts", "suburbs", "suburb", "streets", "centre", "center", "downtown",
                           "neighbourhoods", "neighborhoods", "neighbourhood", "neighborhood"})
TOWN_PARTS_BEFORE = frozenset({"downtown", "uptown", "suburban"})
# Words after a place named by another's possessive that make it a part of that place ("Nairobi's
# Eastleigh neighbourhood"); any other noun there is what the possessor owns ("Moscow's Kyiv offensive").
TOWN_PART_NOUNS = frozenset({"neighbourhood", "neighborhood", "district", "suburb", "quarter", "area",
                             "township", "slum", "estate", "ward", "division", "borough", "sector",
                             "commune", "zone", "locality", "village"})
# The possessive's tokens as the tokenizer splits them ("Nairobi's", "Lagos'"), read by the finder too.
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
# Words after a name that make it the town a road is named after ("the Namanga highway").
ROAD_WORDS = frozenset({"highway", "road", "expressway", "motorway", "bypass", "freeway",
                        "turnpike", "junction"})


def add_cues(doc: Doc, toponyms: list[Toponym]) -> None:
    """Region/county/city cues from the surrounding words; extends "Kursk region"."""
    by_end = {t.end: t for t in toponyms}
    positions = {id(t): i for i, t in enumerate(toponyms)}
    for index, toponym in enumerate(toponyms):
        nxt = doc[toponym.end] if toponym.end < len(doc) else None
        _kind_cues(doc, toponym, nxt, by_end)
        if toponym.start > 1 and doc[toponym.start - 1].text in POSSESSIVES \
                and (owner := by_end.get(toponym.start - 1)) is not None and _names_a_part(nxt):
            toponym.possessor = positions[id(owner)]
        if nxt is not None and (nxt.text in ("state", "states")  # "Upper Nile state", not "Islamic State"
                                or nxt.lower_ in _AREA_ADJECTIVES):  # "Guangdong Provincial Center"
            toponym.cues.add("region")
        if nxt is not None and (cue := REGION_WORDS.get(nxt.lower_)):
            toponym.cues.add(cue)
            if nxt.lower_ not in _PLURAL_REGION:
                toponym.end += 1  # the mention is "Kursk region", the key stays "kursk"
            else:  # "Sumy and Kharkiv regions": the cue covers the whole list
                _cue_coordinated(doc, toponym, by_end, cue)
        prev = doc[toponym.start - 1] if toponym.start > 0 else None
        if prev is not None and prev.lower_ == "of" and toponym.start > 1:
            before = doc[toponym.start - 2].lower_  # "the city of X", "the province of X"
            if before in CITY_WORDS - {"capital"}:  # "the capital of X": X holds the capital
                toponym.cues.add("city")
            elif (cue := REGION_WORDS.get(before, "region" if before == "state" else None)):
                toponym.cues.add(cue)
        if prev is not None and prev.lower_ in CITY_WORDS and prev.text[:1].islower():
            toponym.cues.add("city")
        _office_cues(doc, toponym)
        if toponym.end - toponym.start == 1 and struck_place([doc[toponym.start]]) \
                and not acts_as_person(doc[toponym.start].text, doc.text):
            # "Russian forces shelled Kherson": the entities drop the model's person there as a
            # place, so the name is the place or nothing, as after "in" or "near"
            toponym.cues.add("locative")
        if prev is not None and prev.text == "," and toponym.start > 1 \
                and doc[toponym.start - 2].i + 1 in by_end:
            toponym.after_place_comma = True
            head = by_end[doc[toponym.start - 2].i + 1]
            head.qualifier = index
    _spread_locative(toponyms)


def _names_a_part(nxt: Token | None) -> bool:
    """Whether a place named after another's possessive is a part of it, by the word after its
    name: a word for a part of a town, or no noun at all ("Dakar's Medina on Monday"); another noun
    is what the possessor owns ("Washington's Kabul embassy")."""
    return nxt is None or nxt.lower_ in TOWN_PART_NOUNS or nxt.pos_ not in ("NOUN", "PROPN")


def _office_cues(doc: Doc, toponym: Toponym) -> None:
    """"Kano's governor", "governor of Kano" (the state); "Puebla's mayor", "the mayor of
    Puebla", "the outskirts of Puebla", "downtown Puebla" (the town)."""
    after = toponym.end + (1 if toponym.end < len(doc) and doc[toponym.end].lower_ in ("'s", "’s") else 0)
    following = doc[after].lower_ if after < len(doc) else ""
    before = doc[toponym.start - 2].lower_ if toponym.start > 1 and doc[toponym.start - 1].lower_ == "of" else ""
    previous = doc[toponym.start - 1].lower_ if toponym.start > 0 else ""
    if following in AREA_OFFICES or before in AREA_OFFICES:
        toponym.cues.add("region")
    elif following in TOWN_OFFICES or before in TOWN_OFFICES | TOWN_PARTS_OF or previous in TOWN_PARTS_BEFORE:
        toponym.cues.add("city")


def site_at(doc: Doc, start: int) -> bool:
    """Whether the token before ``start`` is "at" after a site noun ("the army camp at Boulkessi")."""
    return start >= 2 and doc[start - 1].lower_ == "at" and doc[start - 2].lower_ in SITE_NOUNS


def _spread_locative(toponyms: list[Toponym]) -> None:
    """"near Idlib and Maarat al-Numan": the preposition covers the names listed after it."""
    for first in toponyms:
        if "locative" in first.cues:
            for later in toponyms:
                if later.start > first.start and later.key in first.partners and first.key in later.partners:
                    later.cues.add("locative")


def _kind_cues(doc: Doc, toponym: Toponym, nxt, by_end: dict[int, Toponym]) -> None:
    """Water, road and "the" cues: "the Tana river", "across the Dnipro", "Namanga highway"."""
    if nxt is not None and nxt.lower_ in WATER_AFTER:
        toponym.cues.add("water")
    if nxt is not None and nxt.lower_ in ROAD_WORDS:
        toponym.cues.add("city")
    before = [t.lower_ for t in doc[max(0, toponym.start - 3):toponym.start]]
    if before and before[-1] in WATER_BEFORE:
        toponym.cues.add("water")
    if before and (before[-1] in LOCATIVE_WORDS or before[-1] in ("to", "from") and len(before) >= 2
                   and doc[toponym.start - 2].lemma_ in MOTION_VERBS or site_at(doc, toponym.start)):
        toponym.cues.add("locative")
    elif before and before[-1] == "to" and (source := by_end.get(toponym.start - 1)) is not None \
            and source.start > 0 and doc[source.start - 1].lower_ == "from":
        toponym.cues.add("locative")  # "from Libya to Lampedusa"
    if before and before[-1] == "the" and not toponym.nested:
        # "The Ohio Department of Health": the article is the organisation's, not the place's
        toponym.cues.add("the")
        if len(before) >= 2 and (before[-2] in WATER_VERBS or before[-2] == "of"
                                 and len(before) == 3 and before[-3] in WATER_OF):
            toponym.cues.add("water")


def mark_partners(doc: Doc, toponyms: list[Toponym]) -> None:
    """Note the names listed together, both ways: "Sumy and Kharkiv", "Alberta, Manitoba, Ontario".

    Names joined by "and"/"or" are a list; names joined by commas only when
    there are three or more of them or an "and" closes them ("Ceres,
    California" qualifies a town, it lists nothing).
    """
    by_end = {t.end: t for t in toponyms}
    chains: list[list[tuple[Toponym, str]]] = []
    linked: dict[int, list[tuple[Toponym, str]]] = {}
    for toponym in toponyms:
        j = toponym.start - 1
        join = doc[j].lower_ if j >= 1 else ""
        if join in ("and", "or") and j >= 2 and doc[j - 1].text == ",":
            j -= 1  # "A, B, and C"
        earlier = by_end.get(j) if join in ("and", "or", ",") else None
        chain = linked.get(id(earlier)) if earlier is not None else None
        if chain is None:
            chain = [(toponym, "")]
            chains.append(chain)
        else:
            chain.append((toponym, join))
        linked[id(toponym)] = chain
    for chain in chains:
        if len(chain) < 2 or (len(chain) == 2 and chain[1][1] == ","):
            continue
        keys = {t.key for t, _ in chain}
        for t, _ in chain:
            t.partners |= keys - {t.key}


def _cue_coordinated(doc: Doc, toponym: Toponym, by_end: dict[int, Toponym], cue: str) -> None:
    i = toponym.start
    while i >= 2 and doc[i - 1].lower_ in {"and", ",", "or"}:
        earlier = by_end.get(i - 1) or by_end.get(i - 2 if doc[i - 2].text == "," else -1)
        if earlier is None:
            break
        earlier.cues.add(cue)
        i = earlier.start
