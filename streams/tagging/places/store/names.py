"""Which names a place goes by, and which of them are weak."""

from __future__ import annotations

import re
from collections.abc import Iterable

from streams.tagging.places.store.keys import normalize

# Words naming the kind of an administrative area, not the area itself.
_KINDS = (r"district|county|province|prefecture|department|municipality|agency|tehsil|tahsil|"
          r"tumani|rayon|raion|region|oblast'?|okrug|governorate|division|sub-?county|borough|"
          r"parish|municipio|commune|canton|kreis|landkreis|regency|kabupaten|shahrestan|state|"
          r"protected area|tribal area|tribal district|autonomous region|autonomous republic|"
          r"voivodeship|krai|kray|emirate|republic|sheng|shi|zizhiqu")
_SUFFIX = re.compile(rf"\s+(?:{_KINDS})$", re.IGNORECASE)
_PREFIX = re.compile(
    r"^(?:district|county|province|department|municipality|city|regency|kabupaten|kota|"
    r"provincia|departamento|distrito|municipio|comarca|arrondissement|prefecture)"
    r"(?:\s+(?:of|de|del|de la|di|du|d'))?\s+", re.IGNORECASE)
_LATIN_MAX = 0x24F  # end of Latin Extended-B: beyond are other scripts
MIN_SHORT_LEN = 3


def strip_kind(name: str) -> str:
    """"Buner District" -> "Buner"; "Provincia de Lima" -> "Lima"; else the name."""
    stripped = _PREFIX.sub("", _SUFFIX.sub("", name)).strip()
    return stripped if len(stripped) >= MIN_SHORT_LEN else name


def usable(name: str) -> bool:
    """Latin-script, capitalised, and not a code ("ODS", "KP")."""
    if len(name) < 3 or not name[0].isupper() or any(ord(ch) > _LATIN_MAX for ch in name):
        return False
    return not (name.isupper() and len(name) <= 4)


def area_names(full: Iterable[str], short: Iterable[str] = ()) -> list[tuple[str, bool]]:
    """(name, weak) for an area: its full names strong, shortened forms weak.

    A full name that is only another full name without its kind word
    ("Buner" beside "Buner District") is a shortened form, so weak too;
    a name given as the area's own name ("Swat") stays strong.
    """
    full = [n for n in dict.fromkeys(full) if n]
    if not full:
        return []
    own = normalize(full[0])
    shortened = {normalize(strip_kind(n)) for n in full} | {normalize(n) for n in short}
    out: dict[str, tuple[str, bool]] = {}
    for n in full:
        key = normalize(n)
        weak = key != own and key in shortened
        if key not in out or (out[key][1] and not weak):
            out[key] = (n, weak)
    for n in [*short, *(strip_kind(n) for n in full)]:
        key = normalize(n)
        if key and key not in out:
            out[key] = (n, True)
    return list(out.values())
