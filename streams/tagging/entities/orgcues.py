"""Companies and news agencies by the words around them, anywhere in the article.

The small model reads an unknown one-word company as a person or a place
("Cofinec said", "Magna was up 1/8"). Business prose gives such names away
with words only organisations take: "Cofinec CEO Stephen Frater", "shares of
Jones", "the Yugoslav news agency Tanjug", "Ericsson spokesman", "Boko Haram
fighters" (nationality words, "Kurdish fighters", are groups, not organisations). One such cue
anywhere makes the name an organisation in the whole article (one name, one
type per document), unless the article names a person with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

from streams.tagging.entities.names import given_name_run, listed_group

_NAME = r"([A-Z][\w&'’.-]*[\w&](?: [A-Z][\w&'’.-]*[\w&]){0,2})"
# After the name: what only organisations have or do.
_AFTER = re.compile(
    _NAME + r"(?: ['’]s)? (?:stock\b(?! (?:exchange|market|index|prices?))|shares?\b(?! (?:index|average))|"
    r"GDRs|ADRs|board of directors|shareholders|subsidiary|subsidiaries|"
    r"chief executive|CEO|general manager|managing director|spokes(?:man|woman)|"
    r"said in a statement|news agency|"
    r"(?:fighters|militants|gunmen|insurgents|commanders|militiamen)\b)")
# Before the name: a noun that introduces an organisation ("the news agency Tanjug").
_BEFORE = re.compile(
    r"\b(?:news agency|newspaper|daily|weekly|shares of|stake in|acquisition of|takeover of|"
    r"bid for|subsidiary of|units? of|company|firm|airline|insurer) " + _NAME)
_SUFFIXED = re.compile(r"-[a-z]")  # "London-based": an adjective, not a name
# Plural "shares"/"stocks" after a place name is its market ("London shares"), not a company.
_MARKET = re.compile(r"(?: ['’]s)? (?:shares|stocks)\b")


def cued_organisations(full: str, people: Iterable[str], is_place: Callable[[str], bool] | None,
                       not_orgs: Iterable[str] = ()) -> set[str]:
    """Lower-cased names the article marks as organisations by the words around them.

    ``people`` are lower-cased surnames and names of people the article names in
    full; ``not_orgs`` other lower-cased names that are no organisation (countries,
    nationality words: "the Yugoslav news agency").
    """
    skip = {*people, *not_orgs}
    found: set[str] = set()
    for m in [*_AFTER.finditer(full), *_BEFORE.finditer(full)]:
        words = m.group(1).split()
        while words and words[0].lower() in STOP_WORDS:  # "The Dole campaign" -> "Dole"
            words = words[1:]
        name = " ".join(words)
        low = name.lower()
        if (not words or low in skip or listed_group(name) or len(name) <= 2 or given_name_run(name)
                or _SUFFIXED.search(name)):
            continue
        if m.re is _AFTER and _MARKET.match(full, m.end(1)) and is_place is not None and is_place(name):
            continue
        found.add(low)
    return found
