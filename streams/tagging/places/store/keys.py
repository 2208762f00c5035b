"""Lookup keys: the same ``normalize`` as :mod:`streams.tagging.places.gazetteer`.

Kept here as a copy so the store does not import the in-memory gazetteer it
replaces; ``tests/unit/test_gazetteer_store.py`` checks that both agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Letters that Unicode does not decompose into a base letter and an accent, as news in English
# spells them: "Kadıköy" is "Kadikoy", "Białystok" "Bialystok", "Tromsø" "Tromso". Without them
# GeoNames names that list no ASCII form (2,649 keys, most of them Turkish) are never found.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                               "ħ": "h", "Ħ": "H", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe",
                               "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"})
# An apostrophe before a letter writes a glottal stop ("Ma'rib", "'Ajlūn"); one that ends a word
# writes a Russian soft sign ("Tver'", "Khalil'" for Hebron), whose bare form is a person's name as
# often as a town's and whose towns English news knows by their own names.
_GLOTTAL = re.compile(r"'(?=[a-z])")
# An apostrophe-free key is added only for names at least this long once bare ("'Ain" stays)
_BARE_MIN = 5


def normalize(name: str) -> str:
    """The lookup key of a name: accents folded, lowercase, single spaces.

    >>> normalize("Oděsa")
    'odesa'
    """
    if name.isascii():  # the common case, and 5x faster
        return " ".join(name.replace("`", "'").lower().split())
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES).translate(_UNDECOMPOSED))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.lower().split())


def name_keys(name: str) -> Iterator[str]:
    """The keys a name is indexed under: itself, without a leading "the", without glottal stops.

    The finder drops a leading "the" from spans ("The Netherlands"). GeoNames writes the Arabic
    ʿayn and hamza and the Ethiopic glottal stop as apostrophes ("'Ajlūn", "Ma'rib", "Debre
    Mark'os"); English news mostly leaves them out ("Ajlun", "Marib", "Debre Markos").
    """
    key = normalize(name)
    if key:
        yield key
        if key.startswith("the ") and len(key) > 4:
            yield key[4:]
        bare = _GLOTTAL.sub("", key)
        if bare != key and len(bare.replace(" ", "")) >= _BARE_MIN:
            yield bare


def ascii_fold(name: str) -> str:
    """The name with accents removed and case kept ("Oděsa" -> "Odesa")."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name.translate(_UNDECOMPOSED))
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).encode(
        "ascii", "ignore").decode("ascii") or name
