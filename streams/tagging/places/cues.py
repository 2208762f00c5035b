"""Cue words around toponyms: "Kursk region", "the city of X", "Paris, Texas".

The finder notes them on each :class:`~streams.tagging.places.toponym.Toponym`
for the resolver, along with the names listed together ("Sumy and Kharkiv").
"""

from __future__ import annotations

from spacy.tokens import Doc

from streams.tagging.places.toponym import Toponym

REGION_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "province": "region", "provinces": "region", "governorate": "region",
    "governorates": "region", "prefecture": "region", "krai": "region", "territory": "region",
    "county": "county", "counties": "county",
}
_PLURAL_REGION = frozenset({"regions", "oblasts", "provinces", "governorates", "counties"})
CITY_WORDS = frozenset({"city", "town", "village", "port", "capital"})


def add_cues(doc: Doc, toponyms: list[Toponym]) -> None:
    """Region/county/city cues from the surrounding words; extends "Kursk region"."""
    by_end = {t.end: t for t in toponyms}
    for index, toponym in enumerate(toponyms):
        nxt = doc[toponym.end] if toponym.end < len(doc) else None
        if nxt is not None and (cue := REGION_WORDS.get(nxt.lower_)):
            toponym.cues.add(cue)
            if nxt.lower_ not in _PLURAL_REGION:
                toponym.end += 1  # the mention is "Kursk region", the key stays "kursk"
            else:  # "Sumy and Kharkiv regions": the cue covers the whole list
                _cue_coordinated(doc, toponym, by_end, cue)
        prev = doc[toponym.start - 1] if toponym.start > 0 else None
        if prev is not None and prev.lower_ == "of" and toponym.start > 1:
            before = doc[toponym.start - 2].lower_  # "the city of X", "the province of X"
            if before in CITY_WORDS:
                toponym.cues.add("city")
            elif (cue := REGION_WORDS.get(before, "region" if before == "state" else None)):
                toponym.cues.add(cue)
        if prev is not None and prev.lower_ in CITY_WORDS and prev.text[:1].islower():
            toponym.cues.add("city")
        if prev is not None and prev.text == "," and toponym.start > 1 \
                and doc[toponym.start - 2].i + 1 in by_end:
            toponym.after_place_comma = True
            head = by_end[doc[toponym.start - 2].i + 1]
            head.qualifier = index


def mark_partners(doc: Doc, toponyms: list[Toponym]) -> None:
    """Note the names listed together with "and"/"or" ("Sumy and Kharkiv"), both ways."""
    by_end = {t.end: t for t in toponyms}
    for toponym in toponyms:
        i = toponym.start
        if i >= 2 and doc[i - 1].lower_ in {"and", "or"} and (earlier := by_end.get(i - 1)):
            toponym.partners.add(earlier.key)
            earlier.partners.add(toponym.key)


def _cue_coordinated(doc: Doc, toponym: Toponym, by_end: dict[int, Toponym], cue: str) -> None:
    i = toponym.start
    while i >= 2 and doc[i - 1].lower_ in {"and", ",", "or"}:
        earlier = by_end.get(i - 1) or by_end.get(i - 2 if doc[i - 2].text == "," else -1)
        if earlier is None:
            break
        earlier.cues.add(cue)
        i = earlier.start
