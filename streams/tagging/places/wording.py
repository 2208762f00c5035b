"""What the words around a gazetteer name say about it: an area word after it, a
preposition before it, a part of the place after it, a city's council.

The finder asks these before keeping a name the model did not call a place
("Anambra state", "fled to Sake", "HARARE SUBURBS", "Columbia City Council").
"""

from __future__ import annotations

from spacy.tokens import Doc

from streams.tagging.places.cues import CITY_WORDS, LOCATIVE_WORDS, REGION_WORDS
from streams.tagging.places.gazetteer import NameIndex

# Trailing words of a model place that name a part or a kind of a known place.
AREA_TAILS = frozenset({"valley", "area", "basin", "metropolitan", "metro", "suburbs", "outskirts"})
# Leading words that name a part of a place ("Southern California", "North-Western Sydney").
COMPASS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                     "central", "northwestern", "northeastern", "southwestern", "southeastern",
                     "north-western", "north-eastern", "south-western", "south-eastern",
                     "north-west", "north-east", "south-west", "south-east", "upper", "lower",
                     "greater", "downtown", "rural", "coastal"})


# Stoplisted words that stay adjectives before an area word ("the Eastern province",
# "the capital region"): many countries have such an area, the word alone says little.
_GENERIC_AREAS = COMPASS | {"capital", "coast", "federal", "center", "centre", "new", "white"}
# Prepositions after which a capitalised word is a place's name whatever its tag.
_BEFORE_PLACES = LOCATIVE_WORDS | {"to", "from", "at"}


def after_locative(doc: Doc, start: int) -> bool:
    """A capitalised word right after "in", "to", "near" ... inside a sentence is a name
    ("fled to Sake", where the model calls "Sake" a common noun)."""
    return start > 0 and not doc[start].is_sent_start and doc[start - 1].lower_ in _BEFORE_PLACES \
        and doc[start].text[1:2].islower()


# How much bigger the town must be than the places named "<town> City" for "<town> City
# Council" to be the town's council (Columbia MO vs Columbia City IN; Carson City,
# Kansas City and Mexico City stay themselves).
CITY_BODY_RATIO = 5


def town_of_city_body(key: str, gazetteer: NameIndex) -> str | None:
    """The town's key when "<town> City" in a body's name is the town's city government."""
    if not key.endswith(" city"):
        return None
    town = key[:-len(" city")]
    biggest = max((e.candidate.population for e in gazetteer.lookup_key(key)), default=0)
    towns = [e.candidate.population for e in gazetteer.lookup_key(town) if e.candidate.feature == "city"]
    return town if towns and max(towns) >= CITY_BODY_RATIO * max(biggest, 1) else None


def is_area_tail(word: str) -> bool:
    """Whether a word after a place names a part or a kind of it ("suburbs", "Province").

    "City", "Town", "County" and "State" capitalised end clubs' and universities'
    names ("Stoke City", "Derby County", "Ohio State"): only their lowercase forms count.
    """
    lower = word.lower()
    if lower in CITY_WORDS or lower in ("county", "counties", "state"):
        return word == lower
    return lower in AREA_TAILS or lower in REGION_WORDS


def area_word(doc: Doc, end: int) -> bool:
    """Whether an area word follows the name ("Anambra state", "Kasai province")."""
    return end < len(doc) and (doc[end].lower_ in REGION_WORDS or doc[end].text == "state")


def area_named(doc: Doc, end: int, key: str) -> bool:
    """A stoplisted capitalised word before an area word is that area's name ("Unity state")."""
    return area_word(doc, end) and key not in _GENERIC_AREAS
