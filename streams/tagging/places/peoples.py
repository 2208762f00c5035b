"""People's words in text: "Kenyan police", "Ukrainians", "the Papua New Guinean navy" -> the country.

The nationality words and their countries are the third column of
``data/entities_groups.txt``. The places component reads them as context for the other
names (a country named by its people: ``resolver.peoples_named``); the demonyms component
makes each a mention of its country (``demonyms``).

Left out: a demonym inside or at the start of another place's name ("Indian Ocean",
"Spanish Town") or inside an organisation's or a person's name ("Turkish Airlines",
"Dawn French"), part of a wider name ("Latin American", "African-American", "Irish
American"), and a language after "in" ("a letter in French").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from spacy.tokens import Doc, Span

from streams.tagging.entities.names import nationality_countries
from streams.tagging.places.gazetteer import NameIndex, normalize

# Capitalised words before a demonym that make a wider name of it ("Latin American").
_WIDER = frozenset({"latin", "native", "african", "asian", "european", "arab", "north", "south",
                    "east", "west", "central", "new", "pan", "anglo", "afro", "sino"})


def is_demonym(text: str) -> bool:
    """Whether a mention's text is a nationality word of a country ("Kenyan", "Ukrainians")."""
    return text.lower() in nationality_countries()


def find_demonyms(doc: Doc, taken: Sequence[tuple[int, int]],
                  names: NameIndex | None = None) -> list[tuple[int, int, str]]:
    """Demonyms in ``doc`` outside the ``taken`` spans: (start, end, ISO country code), by position.

    With ``names``, a demonym that begins a longer place name it knows ("Spanish Town",
    "French Guiana", "American Samoa") is left out, found as a place or not.
    """
    table = nationality_countries()
    firsts = _first_words()
    found: list[tuple[int, int, str]] = []
    after = 0
    # capitalised words (and the two after), found by one C-level scan; tokens only for the hits
    for match in _RUN.finditer(doc.text):
        if match.start() < after or match.group(1).lower() not in firsts:
            continue
        words = [match.group(1), *match.group(2).split()]
        hit = next(((n, code) for n in range(len(words), 0, -1)
                    if (code := table.get(" ".join(words[:n]).lower())) is not None), None)
        if hit is None:
            continue
        start = match.start()
        end = start + len(" ".join(words[:hit[0]]))  # _RUN joins the words by single spaces
        if names is not None and hit[0] < len(words) and names.lookup_key(normalize(" ".join(words[:hit[0] + 1]))):
            after = end
            continue
        span = doc.char_span(start, end)
        after = end
        if span is None or any(s < end and start < e for s, e in taken) \
                or _wider(doc, span.start, table) or _language(span):
            continue
        found.append((start, end, hit[1]))
    return found


# a capitalised word, and up to two more after single spaces looked at ahead ("Papua New Guinean")
_RUN = re.compile(r"(?<![\w.])([A-Z][A-Za-z]+)(?![\w])(?=((?: [A-Z][A-Za-z]+(?![\w])){0,2}))")


@cache
def _first_words() -> frozenset[str]:
    return frozenset(key.split(" ", 1)[0] for key in nationality_countries())


def _wider(doc: Doc, i: int, table: Mapping[str, str]) -> bool:
    """Whether the capitalised word before ``doc[i]`` makes it part of a wider name."""
    k = i - 1
    hyphen = k >= 0 and doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_
    if hyphen:
        k -= 1
    if k < 0 or not doc[k].text[:1].isupper():
        return False
    return hyphen or doc[k].lower_ in _WIDER or doc[k].lower_ in table


def _language(span: Span) -> bool:
    """A language name after "in" ("written in French"), not a people."""
    root = span.root
    return len(span) == 1 and root.dep_ == "pobj" and root.head.lower_ == "in" \
        and not root.text.endswith("s")
