"""Lookup keys: the same ``normalize`` as :mod:`streams.tagging.places.gazetteer`.

Kept here as a copy so the store does not import the in-memory gazetteer it
replaces; ``tests/unit/test_gazetteer_store.py`` checks that both agree.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def normalize(name: str) -> str:
    """The lookup key of a name: accents folded, lowercase, single spaces.

    >>> normalize("Oděsa")
    'odesa'
    """
    if name.isascii():  # the common case, and 5x faster
        return " ".join(name.replace("`", "'").lower().split())
    folded = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(folded.lower().split())


def name_keys(name: str) -> Iterator[str]:
    """The keys a name is indexed under: itself, and without a leading "the".

    The finder drops a leading "the" from spans ("The Netherlands").
    """
    key = normalize(name)
    if key:
        yield key
        if key.startswith("the ") and len(key) > 4:
            yield key[4:]


def ascii_fold(name: str) -> str:
    """The name with accents removed and case kept ("Oděsa" -> "Odesa")."""
    if name.isascii():
        return name
    folded = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in folded if not unicodedata.combining(ch)).encode(
        "ascii", "ignore").decode("ascii") or name
