"""Type rules: which model candidates are not people or organisations at all, or another type.

The small model labels by word shape and position, so it calls months,
ministries' portfolio words, sentence-initial common nouns, observances and
places "PERSON" or "ORG". Each rule here reads the candidate's words, its
neighbours in the parse, or the gazetteer, and either drops the candidate or
changes its label; each records why (``Candidate.why``) for
``wirewatch tag --explain``.

- calendar words are trimmed off a span ("August Chicago NAPM") or drop it ("May");
- a portfolio word before a title is part of the title ("Interior Minister"),
  before "Ministry" it is the ministry ("Interior Ministry", ORG);
- a one-word name that opens a sentence and is a common noun ("Riot police",
  "Magnitude 6.1", "Shells hit") is no name;
- an observance ("Saba Saba", "Mashujaa Day") is no person, an event ("the
  U.S. Open", "the World Cup") no person or organisation;
- a name shaped like a place ("Place de la Nation", "Tahrir Square", "the village of Kyauk Oo") is none;
- a name after a locative preposition ("in Swat and Bajaur") that the
  gazetteer knows as a place is a place, not an entity;
- a two-word name with a given name or a surname ending ("Irina Sokolova") is a person;
- a body's common noun alone ("Parliament", "Party") names no organisation; a "person" that
  ends in a facility noun ("X Hospital") or is shelled or struck ("strike Dahiyeh") is none.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc, Token

from streams.tagging.entities.candidates import FACILITY_NOUNS, Candidate
from streams.tagging.entities.names import (
    HONORIFICS,
    ORG_WORDS,
    given_names,
    listed_group,
    looks_like_person,
)
from streams.tagging.entities.orgheads import ORG_HEADS

# True when the gazetteer knows the name as a place (any feature).
PlaceLookup = Callable[[str], bool]

# Capitalised at a sentence start or in a heading, these are never names ("Riot police",
# "Magnitude 6.1", "Staff at the hospital", "Men's 100 metres").
GENERIC_NOUNS = frozenset("""people staff riot riots magnitude shell shells men women man woman police
troops soldiers officials residents witnesses protesters rescuers authorities militants rebels gunmen
fighters forces lawmakers voters workers students villagers families children survivors victims
security shelling rockets drones missiles artillery floods flood heavy rain fire fires attendance
extras division sales net current next state department sport sports business markets world
""".split())

# Bodies every country has: capitalised and alone ("marched towards Parliament", "the Party")
# the word names no particular organisation; with a country or a name it does ("Kenya's
# Parliament" is an unnamed actor of entities.nominals, "Republican People's Party" a name).
INSTITUTION_NOUNS = frozenset("""parliament government cabinet ministry party staff army navy police
court council committee commission senate congress assembly presidency opposition military
treasury legislature judiciary""".split())

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
CALENDAR = frozenset([*_MONTHS, *_DAYS])
_CALENDAR_WORD = re.compile(r"[A-Za-z]+\.?")
# Words that never open or close a person's name (role_people in .joins).
NOT_NAME_WORDS = frozenset([*CALENDAR, *ORG_WORDS, *GENERIC_NOUNS, "the", "a", "an"])
# Ministry portfolios: "Interior Minister" is a title, "Interior Ministry" an organisation.
PORTFOLIOS = frozenset("""interior defence defense foreign finance health education agriculture justice
home trade commerce labour labor energy transport information environment economy treasury""".split())
_BODY_NOUNS = ("Ministry", "Department", "Office")
_LOCATIVE = frozenset("in near across outside around inside into towards toward throughout".split())
_OBSERVE_VERBS = frozenset("mark celebrate commemorate observe".split())
_OBSERVANCE_NEXT = re.compile(r"\s+(?:Day|day|anniversary|holiday|festival|rally|rallies|protests?)\b")
# Generic heads that make a capitalised name a place or a site, first or last word.
_PLACE_FIRST = frozenset("place rue avenue boulevard plaza piazza calle via mount lake cape gulf".split())
_ORG_LAST = ORG_HEADS | ORG_WORDS
_PLACE_LAST = frozenset("square street avenue road bridge river lake valley mountains hills "
                        "district province county region".split())
_DISTRICT_NEXT = re.compile(r"\s+(?:district|province|valley|county|region|tehsil|governorate)\b")
_PLACE_OF = re.compile(r"\b(?:village|town|city|district|province|region|state|county|island|suburb)\s+of\s+$")
# Surname endings that make "<capitalised> <word>" a person (Slavic, Baltic, Greek, Turkic).
_SURNAME_ENDINGS = ("ova", "eva", "ina", "ovich", "evich", "enko", "chuk", "ska", "skaya", "sky",
                    "ski", "ov", "ev", "yan", "oglu")


def _calendar(word: str) -> bool:
    return word.lower().rstrip(".") in CALENDAR


def trim_calendar(cand: Candidate, full: str) -> Candidate | None:
    """The candidate without leading/trailing month and weekday words; None if nothing is left."""
    words = [(m.start(), m.end()) for m in _CALENDAR_WORD.finditer(full, cand.start, cand.end)]
    start, end = cand.start, cand.end
    while words and _calendar(full[words[0][0]:words[0][1]]):
        words.pop(0)
        start = words[0][0] if words else end
    while words and _calendar(full[words[-1][0]:words[-1][1]]):
        words.pop()
        end = words[-1][1] if words else start
    if start >= end or not any(c.isupper() for c in full[start:end]):
        return None
    if (start, end) != (cand.start, cand.end):
        cand.start, cand.end = start, end
        cand.why += "; calendar word trimmed"
    return cand


def _tokens(doc: Doc, cand: Candidate) -> list[Token]:
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    return list(span) if span is not None else []


def _sentence_initial(tok: Token) -> bool:
    if tok.i == 0 or tok.is_sent_start:
        return True
    prev = tok.doc[tok.i - 1]
    return "\n" in prev.text_with_ws or prev.is_punct and prev.text in {'"', "“", "-", "—", ":"}


def _common_noun_opening(toks: list[Token]) -> bool:
    """A one-word name that opens a sentence and the tagger reads as a common noun ("Shells hit")."""
    if len(toks) != 1 or not _sentence_initial(toks[0]) or toks[0].text.isupper():
        return False
    return toks[0].tag_ in ("NN", "NNS")


def _observance(toks: list[Token], name: str, full: str, end: int) -> bool:
    words = name.split()
    if len(words) == 2 and words[0] == words[1]:
        return True  # "Saba Saba": a reduplicated word is a date or a slogan, not a person
    if _OBSERVANCE_NEXT.match(full, end):
        return True
    root = toks[-1] if toks else None
    return root is not None and root.dep_ == "dobj" and root.head.lemma_ in _OBSERVE_VERBS


def _place_shaped(name: str, full: str, start: int, end: int, person: bool) -> bool:
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in _PLACE_LAST:
        return True
    # "Gulf of Mexico" is a place, "The Gulf Cooperation Council" an organisation by its last word
    if len(words) >= 2 and words[0].lower() in _PLACE_FIRST and words[-1].lower() not in _ORG_LAST:
        return True
    # "the town of X" drops only a "person": an ORG stays until places make X a place (event targets)
    return bool(_DISTRICT_NEXT.match(full, end) or person and _PLACE_OF.search(full, max(0, start - 20), start))


def _after_locative(toks: list[Token]) -> bool:
    """Whether the name is the object of "in"/"near"/..., directly or as a conjunct ("in Swat and Bajaur")."""
    if not toks:
        return False
    first = toks[0]
    if first.i > 0 and first.doc[first.i - 1].lower_ in _LOCATIVE:
        return True
    root = max(toks, key=lambda t: t.head not in toks)
    seen = 0
    while root.dep_ == "conj" and seen < 5:
        root, seen = root.head, seen + 1
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE


# Verbs whose object is a place, not a person ("will strike Dahiyeh", "shelled Avdiivka").
_PLACE_VERBS = frozenset("strike shell bomb bombard pound raid besiege capture seize recapture retake "
                         "overrun storm evacuate encircle".split())


def struck_place(toks: list[Token]) -> bool:
    """Whether a one-word name is what a verb of attack or capture acted on ("shelled Avdiivka")."""
    return len(toks) == 1 and toks[0].dep_ == "dobj" and toks[0].head.lemma_ in _PLACE_VERBS \
        and toks[0].text.lower() not in given_names()


def _person_shaped(name: str) -> bool:
    words = name.split()
    if looks_like_person(name):
        return True
    return (len(words) == 2 and all(w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words)
            and words[1].lower().endswith(_SURNAME_ENDINGS))


# Last words that make a capitalised name an event, not its organiser ("U.S. Open", "World Cup").
_EVENT_LAST = frozenset("open cup championship championships games olympics tournament trophy prix "
                        "series marathon".split())


# Time zones, currencies and indicators the model calls organisations ("1800 GMT").
UNIT_ABBREVIATIONS = frozenset("GMT UTC EST EDT CST CDT PST PDT BST CET CEST GDP GNP CPI PMI VAT USD EUR GBP JPY".split())


def _not_a_name(cand: Candidate, toks: list[Token], name: str, full: str,
                is_place: PlaceLookup | None) -> str | None:
    """Why the candidate is no person or organisation, or None if no rule says so."""
    if name in UNIT_ABBREVIATIONS:
        return "a time zone, currency or indicator, not a name"
    if name.lower() in GENERIC_NOUNS or _common_noun_opening(toks):
        return "a common noun, not a name"
    if cand.label == "ORG" and name.lower() in INSTITUTION_NOUNS:
        return "a body every country has, named by its common noun alone: no particular organisation"
    if name.split()[-1].lower() in _EVENT_LAST:
        return "an event (a tournament, a cup), not a person or organisation"
    if cand.label == "PERSON" and name.split()[-1].lower() in FACILITY_NOUNS and " " in name:
        return "a facility (its last word is a building or site noun), not a person"
    if cand.label == "PERSON" and struck_place(toks) and not acts_as_person(name, full):
        return "a one-word name that is struck, shelled or captured and never acts as a person: a place"
    if cand.label == "PERSON" and _observance(toks, name, full, cand.end):
        return "an observance or anniversary, not a person"
    if _place_shaped(name, full, cand.start, cand.end, cand.label == "PERSON"):
        return "shaped like a place name (square, street, district, the village of ...)"
    if is_place is not None and not name.isupper() and _after_locative(toks) and is_place(name):
        return "the gazetteer knows it as a place and it follows 'in'/'near'/..."
    return None


def apply_type_rules(cands: list[Candidate], doc: Doc, full: str, is_place: PlaceLookup | None = None,
                     dropped: list[tuple[str, str]] | None = None) -> list[Candidate]:
    """The candidates that survive the rules, relabelled where a rule says so (see the module doc).

    ``dropped`` collects ``(name, reason)`` of the candidates the rules remove.
    """
    kept: list[Candidate] = []
    for cand in cands:
        if cand.label == "GROUP":
            kept.append(cand)
            continue
        if cand.rule and cand.label == "PERSON":  # initials and a surname: only an event name is wrong
            if full[cand.start:cand.end].split()[-1].lower() not in _EVENT_LAST:
                kept.append(cand)
            continue
        name = full[cand.start:cand.end]
        if trim_calendar(cand, full) is None:
            if dropped is not None:
                dropped.append((name, f"{cand.why}; dropped: a month or weekday"))
            continue
        name = full[cand.start:cand.end]
        toks = _tokens(doc, cand)
        low = name.lower()
        if low in PORTFOLIOS:
            body = re.match(rf"\s+(?:{'|'.join(_BODY_NOUNS)})\b", full[cand.end:])
            if body:  # "Interior Ministry": the organisation, whole
                cand.end += body.end()
                cand.label, cand.why = "ORG", "portfolio word + Ministry: an organisation"
                kept.append(cand)
            if dropped is not None:  # "Interior Minister", "Interior": part of a title, not a name
                dropped.append((name, f"{cand.why}; dropped: a portfolio word of a title"))
            continue
        if cand.rule:  # a team on a results line: only its words can tell ("Net 1,234")
            reason = "a common noun, not a name" if name.lower() in GENERIC_NOUNS else None
        else:
            reason = _not_a_name(cand, toks, name, full, is_place)
        if reason is not None:
            if dropped is not None:
                dropped.append((name, f"{cand.why}; dropped: {reason}"))
            continue
        if len(name.split()) == 1 and listed_group(name):  # "Tajik troops" the model calls a person
            cand.label, cand.why = "GROUP", f"{cand.why}; a listed nationality or group word"
        elif cand.label == "ORG" and _person_shaped(name):
            cand.label, cand.why = "PERSON", f"{cand.why}; given name or surname shape: a person"
        kept.append(cand)
    return kept


# True country codes of the places the gazetteer knows by a name (any feature).
PlaceCountries = Callable[[str], frozenset[str]]
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*) $")
# After a name: what people do or have ("Tavildara said" never happens).
_PERSON_NEXT = re.compile(r"\s*(?:,\s*\d{1,3}\s*,|['’]s (?:wife|husband|son|daughter|family|lawyer)|"
                          r"\s(?:said|says|told|added|asked|denied|insisted|who|whose)\b)")


def drop_local_places(cands: list[Candidate], full: str, countries: frozenset[str],
                      place_countries: PlaceCountries | None, people: set[str],
                      dropped: list[tuple[str, str]] | None = None) -> list[Candidate]:
    """One-word "people" the gazetteer knows as places in the article's countries are places.

    "Bajaur" in an article about Pakistan, "Tavildara" in one about Tajikistan:
    the small model reads an unknown one-word name as a person. It stays a
    person when the article names someone with that surname (``people``,
    lower-cased), puts a title before it or makes it speak ("Tavildara said").
    """
    if place_countries is None or not countries:
        return cands
    kept = []
    for cand in cands:
        name = full[cand.start:cand.end]
        if before := _CAPITAL_BEFORE.search(full, max(0, cand.start - 30), cand.start):
            name = f"{before.group(1)} {name}"  # "Dera" + "Ismail Khan"
        words = name.split()
        if cand.label != "PERSON" or cand.rule or name.lower() in people or (
                len(words) > 1 and (words[0].lower() in given_names() or words[0].lower() in HONORIFICS)) \
                or not (place_countries(name) & countries) or acts_as_person(name, full):
            kept.append(cand)
            continue
        if dropped is not None:
            dropped.append((name, f"{cand.why}; dropped: the gazetteer knows it as a place in the "
                                  f"article's country ({', '.join(sorted(place_countries(name) & countries))})"))
    return kept


def acts_as_person(name: str, full: str) -> bool:
    """Whether the text writes ``name`` anywhere as a person's (a title before it, a verb of a person after)."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", full):
        if _PERSON_NEXT.match(full, m.end()) or re.search(
                r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|General|Governor|Senator)\.?\s+$", full[max(0, m.start() - 12):m.start()]):
            return True
    return False
