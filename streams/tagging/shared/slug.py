"""Stable, readable ids from names: ``Vladimir Putin`` -> ``vladimir-putin``."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# Letters Unicode NFKD does not decompose into a base letter and a mark, so an
# ASCII fold would drop them ("Aydın" -> "aydn"): their usual Latin spellings.
_NO_DECOMPOSITION = str.maketrans({
    "ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
    "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T", "ŋ": "ng", "Ŋ": "NG", "ĸ": "q", "ŀ": "l", "Ŀ": "L",
    "ƒ": "f", "ɨ": "i",
})


def slugify(name: str) -> str:
    """ASCII-fold, lowercase and hyphenate a name; never empty.

    Accented letters lose their marks ("Öztürk" -> "ozturk"); letters with no
    decomposition take their usual Latin spelling ("Aydın" -> "aydin",
    "Łódź" -> "lodz", "Ærø" -> "aero").
    """
    spelled = name.translate(_NO_DECOMPOSITION)
    folded = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    slug = _NON_ALNUM.sub("-", folded.lower()).strip("-")
    return slug or "unnamed"
