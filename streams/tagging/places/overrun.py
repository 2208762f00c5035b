"""Place names the model swallowed into a longer person or organisation span.

The small model often runs a name on past its end: "Sri Lanka - approximately"
as a PERSON, "the U.S. Usually elderly ..." across a sentence break, "Barrie,
Ont." with "Ont" a PERSON and the full stop outside, "U.S.-led" as an ORG, or
a title after a place as one person ("U.S. Secretary of State John Kerry").
A reader sees the place in each. :func:`overrun_kind` tells the finder which
case a gazetteer name inside a model entity is, if any.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Titles after a place that make the place the office's country or state
# ("U.S. Secretary of State", "NSW Minister for Primary Industries").
OFFICE_WORDS = frozenset({
    "secretary", "minister", "ministers", "president", "president-elect", "vice", "prime",
    "premier", "governor", "mayor", "senator", "sen.", "congressman", "congresswoman",
    "ambassador", "envoy", "consul", "attorney", "chancellor", "foreign", "defence", "defense",
    "health", "interior", "finance", "trade", "agriculture", "chief", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "representative", "rep.", "officials",
    "official", "authorities", "lawmakers", "lawmaker", "legislator", "legislators", "treasury",
})
# Tokens that end a name: a dash set off by spaces, a bracket, a colon.
# Parts of speech of a lowercase word that says the name has ended (not "of" in "University of").
_GOES_ON = frozenset({"VERB", "AUX", "ADV"})
_BREAKS = frozenset({"-", "–", "—", "(", ")", ":", ";", "/"})


def overrun_kind(doc: Doc, ent: tuple[int, int], start: int, end: int) -> str | None:
    """How a gazetteer name at tokens ``start:end`` stands inside a model entity at ``ent``.

    Returns:
        ``"same"`` when the entity is the name give or take a full stop ("Ont" for
        "Ont."), ``"overrun"`` when the entity opens with the name and runs on past
        where the name ends (a break, a lowercase verb or adverb, or a new sentence follows),
        ``"office"`` when an office's title follows the name ("U.S. Secretary of
        State John Kerry"), else None (the place is part of a longer name:
        "Texas A&M", "Kenya Red Cross").
    """
    first, last = ent
    if start != first:
        return None
    if end == last:
        return "same"
    if end == last + 1 and doc[end - 1].text == ".":
        return "same"
    if end > last or end >= len(doc):
        return None
    nxt = doc[end]
    if doc[end].is_sent_start or nxt.text in _BREAKS and nxt.whitespace_ and doc[end - 1].whitespace_:
        return "overrun"
    if nxt.text == "-" and end + 1 < last and doc[end + 1].text[:1].islower():
        return "overrun"  # "U.S.-led": the place as an adjective
    if nxt.text[:1].islower() and nxt.pos_ in _GOES_ON:
        return "overrun"  # "the U.S. used ...": the sentence goes on after the name
    if nxt.lower_ in OFFICE_WORDS:
        return "office"
    return None


# Words inside a model place that join or end the place names in it.
_JOINS = frozenset({"and", "or", "-", "–", "—", ",", "/", "&"})
# Words after a place that make the rest the name of its public body or part
# ("Metcalfe County Sheriff's Office", "Santa Ana City Council").
BODY_WORDS = frozenset({
    "fire", "sheriff", "sheriff's", "police", "office", "council", "city", "borough",
    "department", "sanitation", "schools", "school", "board", "district", "health", "ems",
})
# Lowercase particles inside names ("Bab el-Oued", "Rio de Janeiro"): the name goes on.
PARTICLES = frozenset({"el", "al", "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la",
                       "le", "les", "van", "von", "der", "den", "bin", "ibn", "ben", "y", "e"})
# Words that name areas in many countries: alone they are no piece ("Central and South America").
GENERIC_PIECES = frozenset({"central", "north", "south", "east", "west", "northern", "southern",
                            "eastern", "western", "upper", "lower", "middle", "greater"})


# Words that join the names of a list the model took for one name ("Beverly and Peabody").
_LIST_JOINS = frozenset({"and", ",", "&"})


def list_parts(doc: Doc, ent: tuple[int, int], known) -> list[tuple[int, int]]:
    """The names of a list of places the model read as one person or organisation.

    "Chicopee and Holyoke" as an ORG, "Worcester and Shrewsbury" as a
    PERSON: split on "and", "&" and commas, every part must be a name
    ``known`` (a callable on token bounds) accepts, else there is no list
    and the result is empty ("Procter and Gamble" has no place in it).
    """
    first, last = ent
    parts, start = [], first
    for i in range(first, last + 1):
        if i == last or doc[i].lower_ in _LIST_JOINS:
            if start < i:
                parts.append((start, i))
            start = i + 1
    joined = any(doc[i].lower_ in _LIST_JOINS for i in range(first, last))
    if not joined or len(parts) < 2 or not all(known(a, b) for a, b in parts):
        return []
    return parts


def is_piece(doc: Doc, outer: tuple[int, int], start: int, end: int) -> bool:
    """Whether the known name at ``start:end`` is one place inside the unknown model place ``outer``.

    It must open the span or follow a joining word ("Cattai and Wilberforce",
    "Central Africa - Nigeria"), and end it or come before a joining word, a
    lowercase word ("Indian Ocean coast") or a public body's word ("Orange
    County Sanitation District"). A name after other capitalised words ("Air
    Berlin") or before them ("Pearson International Airport") is not a piece.
    """
    first, last = outer
    opens = start == first or doc[start - 1].lower_ in _JOINS
    nxt = doc[end] if end < last else None
    closes = nxt is None or nxt.lower_ in _JOINS or nxt.lower_ in BODY_WORDS \
        or (nxt.text[:1].islower() and nxt.is_alpha and nxt.lower_ not in PARTICLES)
    return opens and closes and doc[start:end].text.lower() not in GENERIC_PIECES
