"""Spelling variants of a place name the gazetteer does not know, tried in the story's countries.

News spells transliterated names its own way: "Diwaniyah" for Ad Diwaniyah,
"Hodeidah" for Hodeida, "Zinda Jan" for Zindajan. When the model calls a name
a place and no gazetteer name matches, a few regular respellings are looked
up (an Arabic article added or dropped, a final "h", doubled letters, "ou"
for "u", words run together); a hit counts only in a country the article's
other places lie in, so a respelling cannot carry a name across the world.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from streams.tagging.places.gazetteer import Entry, NameIndex

# The Arabic article as romanised before each first letter ("ad-Diwaniyah",
# "as-Samawah", "ash-Shatrah"); "al" before the others.
_SUN = (("sh", "ash"), ("th", "ath"), ("dh", "adh"), ("t", "at"), ("d", "ad"), ("r", "ar"),
        ("z", "az"), ("s", "as"), ("n", "an"))
_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[ -]")
_DOUBLE = re.compile(r"([a-z])\1")
# Names shorter than this have too many near spellings.
MIN_LENGTH = 5


def _article(word: str) -> str:
    return next((art for start, art in _SUN if word.startswith(start)), "al")


def spelling_variants(key: str) -> list[str]:
    """Regular respellings of a lowercase key, most conservative first (``key`` itself excluded)."""
    if len(key) < MIN_LENGTH or not re.fullmatch(r"[a-z' -]+", key):
        return []
    bare = _ARTICLE.sub("", key).replace("-", " ")
    forms = dict.fromkeys([key.replace("-", " "), bare,
                           bare[:-1] if bare.endswith("ah") else bare + "h" if bare.endswith("a") else bare,
                           _DOUBLE.sub(r"\1", bare), bare.replace("ou", "u"), bare.replace(" ", "")])
    with_article = [f"{_article(form)} {form}" for form in forms if " " not in form]
    return [v for v in dict.fromkeys([*forms, *with_article]) if v != key and len(v) >= MIN_LENGTH]


def variant_entries(key: str, gazetteer: NameIndex, countries: Iterable[str]) -> tuple[Entry, ...]:
    """Gazetteer entries of the first respelling with a place in one of ``countries``."""
    allowed = set(countries)
    if not allowed:
        return ()
    for variant in spelling_variants(key):
        found = tuple(e for e in gazetteer.lookup_key(variant) if e.candidate.country_code in allowed)
        if found:
            return found
    return ()
