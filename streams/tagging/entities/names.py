"""Names as written vs the referent they name: cleaning, group names, short forms.

Pure string logic, no spaCy: ``clean_name`` trims what NER spans drag along
("the", "'s", quotes), ``group_name`` turns "Russian" into "Russians",
``surname`` and ``acronym`` give the short forms by which an article refers
back to someone it named in full ("Putin", "ISW").
"""

from __future__ import annotations

import re
from pathlib import Path

from streams.tagging.resources import RESOURCES

# Fixed word lists (not in the pipeline config: the name rules read them directly).
_DATA = Path(__file__).parent.parent / "data" / "entities_groups.txt"
_GIVEN_NAMES = Path(__file__).parent.parent / "data" / "entities_given_names.txt"
# Second words that make "<given name> <word>" an organisation ("Johnson Controls" aside,
# "Paul Hastings Bank", "Edward Jones Group" end in one of these).
ORG_WORDS = frozenset({
    "airlines", "associates", "bank", "capital", "club", "co", "college", "company", "corp",
    "corporation", "foundation", "fund", "group", "holdings", "hospital", "inc", "institute",
    "international", "ltd", "media", "motors", "news", "partners", "plc", "school", "trust",
    "united", "university",
})
_LEADING = re.compile(r"(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$")
_EDGE_PUNCT = "\"'“”‘’()[]{},;:-–—/*.!?"
# Honorifics NER often includes in PERSON spans; never part of the canonical name.
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "president",
    "minister", "general", "gen", "sen", "senator", "rep", "gov", "governor", "king", "queen",
    "prince", "princess", "pope", "judge", "mayor", "chancellor", "premier", "col", "capt",
})


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``text[start:end]`` past a leading "the", a possessive and edge punctuation.

    "Valdai" stays, "the Institute for the Study of War" loses "the",
    "Putin's" loses "'s" ("Jones'" loses the apostrophe), '"Hoax"' its quotes.
    """
    while True:
        before = (start, end)
        while start < end and (text[start].isspace() or text[start] in _EDGE_PUNCT):
            start += 1
        # a final "." belongs to initials and abbreviations ("Corp.", "A."), so keep it there
        while end > start and (text[end - 1].isspace() or (
                text[end - 1] in _EDGE_PUNCT and not _abbreviation_dot(text, start, end))):
            end -= 1
        if m := _LEADING.match(text, start, end):
            start = m.end()
        if m := _POSSESSIVE.search(text[start:end]):
            end = start + m.start()
        if (start, end) == before:
            return start, end


# line breaks, lists, possessives, brackets ("Management ( NAPM )") and slugs ("BRITAIN - Gilts")
_PIECE_BREAK = re.compile(r"\n| ?, | ?['’]s | ?\( ?| ?\) ?| - ")
_TAIL_WORD = re.compile(r"\s+(?:\S*\d\S*|[a-z][\w'’-]*)$")
_HEAD_WORD = re.compile(r"\S*\d\S*\s+")


def name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a model span into the names it runs together, each cleaned and trimmed.

    The model joins names across line breaks ("Recent Gains\nGerasimov"), lists
    ("Mercantile , Commerce") and possessives ("Magna 's North American"), and
    drags along scores and common nouns ("Derbyshire 471", "Interfax news agency").
    """
    pieces, offset = [], start
    breaks = [m for m in _PIECE_BREAK.finditer(text, start, end) if not _plural_possessive(text, m)]
    for m in [*breaks, None]:
        stop = m.start() if m else end
        s, e = clean_span(text, offset, stop)
        while s < e:
            if tail := _TAIL_WORD.search(text, s, e):
                e = tail.start()
            elif head := _HEAD_WORD.match(text, s, e):
                s = head.end()
            else:
                break
            s, e = clean_span(text, s, e)
        if s < e and any(c.isupper() for c in text[s:e]) and not any(c.isdigit() for c in text[s:e]):
            pieces.append((s, e))
        offset = m.end() if m else end
    return pieces


# English plurals that do not end in -s: before "'s" they are a common noun of the name
# ("Republican People's Party", "Women's League", "Children's Fund"), not its owner.
_IRREGULAR_PLURALS = frozenset("people men women children brethren folk".split())


def _plural_possessive(text: str, m: re.Match[str]) -> bool:
    """Whether a possessive break follows an irregular plural and a capitalised word goes on."""
    if "s" not in m.group():
        return False
    before = text[:m.start()].rsplit(maxsplit=1)
    return bool(before) and before[-1].lower() in _IRREGULAR_PLURALS and text[m.end():m.end() + 1].isupper()


def _abbreviation_dot(text: str, start: int, end: int) -> bool:
    if text[end - 1] != ".":
        return False
    word = text[start:end - 1].rsplit(maxsplit=1)[-1] if end - 1 > start else ""
    return 0 < len(word) <= 4 and word[:1].isupper()


def _groups() -> dict[str, str]:
    return _group_tables()[0]


def nationality_countries() -> dict[str, str]:
    """Nationality words and their plurals (lower case: "kenyan", "kenyans", "sri lankan") ->
    the ISO 3166-1 code of the country (the third column of ``data/entities_groups.txt``)."""
    return _group_tables()[1]


def _group_tables() -> tuple[dict[str, str], dict[str, str]]:
    return RESOURCES.get("group words", _DATA, _load_groups)


def _load_groups() -> tuple[dict[str, str], dict[str, str]]:
    table: dict[str, str] = {}
    countries: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            word, group, *country = line.split("\t")
            table[word.lower()] = group
            table[group.lower()] = group
            if country:
                countries[word.lower()] = countries[group.lower()] = country[0]
    return table, countries


def group_name(text: str) -> str | None:
    """The plural group name for a nationality/religion/party word, or None if it is not one.

    Listed words map through ``data/entities_groups.txt``; unlisted
    capitalised words are pluralised by their ending ("Bosnian Serb" ->
    "Bosnian Serbs") when it is a usual demonym ending.
    """
    words = text.split()
    if not words or not all(w[:1].isupper() for w in words):
        return None
    table = _groups()
    if (group := table.get(text.lower())) is not None:
        return group
    if (group := table.get(words[-1].lower())) is not None:
        return " ".join([*words[:-1], group])
    last = words[-1]
    if last.endswith(("an", "i")):
        return " ".join([*words[:-1], last + "s"])
    if last.endswith(("ans", "is", "ists", "ites")):
        return text
    return None


def listed_group(text: str) -> bool:
    """Whether the group word (or its last word) is in ``data/entities_groups.txt``."""
    words = text.split()
    table = _groups()
    return bool(words) and (text.lower() in table or words[-1].lower() in table)


def _given_names() -> frozenset[str]:
    return RESOURCES.get("given names", _GIVEN_NAMES, _load_given_names)


def given_names() -> frozenset[str]:
    """The listed given names, lower-cased (``data/entities_given_names.txt``)."""
    return _given_names()


def _load_given_names() -> frozenset[str]:
    lines = _GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def looks_like_person(name: str) -> bool:
    """Whether a two-word name is a given name and a surname ("Wasim Akram").

    For names the model calls organisations: the first word must be a listed
    given name (``data/entities_given_names.txt``) and the second a
    capitalised word that is not an organisation word ("Group", "Bank").
    """
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    return words[0].lower() in _given_names() and words[1].lower() not in ORG_WORDS


def given_name_run(name: str) -> bool:
    """Whether 2-4 capitalised words open with a listed given name ("Nusrat Jahan Mitu").

    For spans the model labels a place or a facility: such a run is a person's name.
    """
    words = name.split()
    return (2 <= len(words) <= 4 and words[0].lower() in _given_names()
            and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and not any(w.lower() in ORG_WORDS for w in words))


def name_words(name: str) -> list[str]:
    """The words of a person's name without honorifics: "President Vladimir Putin" -> 2 words."""
    words = name.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in HONORIFICS:
        words = words[1:]
    return words


def surname(name: str) -> str | None:
    """The family name by which a full name is shortened ("Vladimir Putin" -> "Putin").

    None for one-word names and for suffixes that are not names ("Jr.").
    """
    words = [w for w in name_words(name) if w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii"}]
    last = words[-1] if words else ""
    if len(words) < 2 or len(last) < 2 or not (last[0].isupper() or re.match(r"[a-z]{1,3}-[A-Z]", last)):
        return None  # "al-Hayya" is a surname, "of" is none
    return words[-1]


def acronym(name: str) -> str | None:
    """Initials of the capitalised words of a multi-word name ("Institute for the Study of War" -> "ISW")."""
    caps = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in caps) if len(caps) >= 2 else None
