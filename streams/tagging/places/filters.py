"""Telling place names from the same words used otherwise.

Headings capitalise every word, a dateline shouts its place, a surname can
be a town's name, a public body carries the place it serves, a club on a
results line is a team and a name before "virus" is a disease: the finder
asks these tests before keeping a gazetteer name.
"""

from __future__ import annotations

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

from streams.tagging.entities.known import canonical_of
from streams.tagging.places.cues import LOCATIVE_WORDS, REGION_WORDS
from streams.tagging.places.gazetteer import Entry, NameIndex
from streams.tagging.places.toponym import Toponym
from streams.tagging.shared.spans import multiword_person, results_team_spans

# Words after a name that make it an anniversary or observance ("Saba Saba Day").
OBSERVANCE_WORDS = frozenset({"day", "anniversary", "holiday", "festival", "commemoration",
                              "commemorations", "memorial"})
# Titles and honorifics before a name that make it a person ("President Jordan").
PERSON_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president",
                           "minister", "general", "gen.", "sheikh", "prof", "prof.", "senator",
                           "sen.", "rep.", "judge", "pastor", "imam", "bishop", "sir", "lady",
                           "commander", "colonel", "col.", "captain", "capt.", "sgt.", "lt."})
# Diseases named after a place, often written without "virus": "Ebola cases rose" is
# the disease, "in Marburg" the town (see drop_diseases).
DISEASE_NAMES = frozenset({"ebola", "zika", "lassa", "marburg", "nipah", "hendra", "chikungunya",
                           "lyme", "coxsackie", "norwalk", "hantaan", "junin", "machupo"})
DISEASE_WORDS = frozenset({"virus", "viruses", "fever", "disease", "flu", "ebolavirus", "strain",
                           "encephalitis"})
# Head words of public bodies, whose names carry the place they serve.
PUBLIC_BODY_WORDS = frozenset({
    "administration", "agency", "army", "authority", "board", "bureau", "centers", "commission",
    "congress", "consulate", "coroner", "council", "court", "department", "detention", "district",
    "embassy", "government", "governor", "guard", "jail", "mayor", "military", "ministry", "navy",
    "parliament", "patrol", "police", "premier", "secretary", "service", "services", "sheriff",
    "treasury", "troopers",
})
# A line with this share of capitalised words is a heading: only sure names count there.
_HEADING_SHARE = 0.7


def heading_lines(doc: Doc) -> set[int]:
    """Token indexes of lines that look like headings ("Recent Gains").

    Lines, not sentences: the parser runs a heading into the next sentence.
    """
    # Offsets from one array and the line's text checked first: most lines are paragraphs
    # ending in a full stop, so only a few need their words' attributes (per-token
    # attribute reads over the whole doc were ~2 ms of an article's tagging).
    full = doc.text
    offsets = doc.to_array([IDX, LENGTH]).tolist()
    headings: set[int] = set()
    first = 0  # the current line's first token
    for i in range(len(offsets) + 1):
        if i < len(offsets):
            idx, length = offsets[i]
            if "\n" not in full[idx:idx + length]:
                continue
        if i - first >= 2:  # a line of tokens first .. i-1 (the token at i holds the line break)
            text = full[offsets[first][0]:offsets[i - 1][0] + offsets[i - 1][1]]
            if not text.rstrip().endswith((".", "?", "!", '"', "”", ":")):
                words = [t for t in doc[first:i] if t.is_alpha and not t.is_stop]
                if len(words) >= 2 and sum(1 for t in words if t.text[0].isupper()) / len(words) >= _HEADING_SHARE:
                    headings.update(range(first, i))
        first = i + 1
    return headings


def is_dateline(doc: Doc, start: int, end: int) -> bool:
    """ "BEIRUT (AP) —" or "TORRINGTON, Conn. —": a capitalised place opening a line."""
    first = doc[start]
    line_start = start == 0 or "\n" in doc[start - 1].text or doc.text[first.idx - 1:first.idx] == "\n"
    return (line_start and doc[start:end].text.isupper() and end < len(doc)
            and doc[end].text in {",", "(", "—", "–", "-", ":"})


def person_words(doc: Doc) -> set[str]:
    """Lowercase words of the model's multi-word person names, but not of a "name" that ends in an
    area word ("Kachia LGA", "Bajaur district"): that is the area, read as a person."""
    return {t.lower_ for e in doc.ents if multiword_person(e) and not _ends_in_area_word(e)
            for t in e if t.is_alpha}


def _ends_in_area_word(ent: Span) -> bool:
    words = [t for t in ent if not t.is_space]
    return bool(words) and words[-1].lower_ in REGION_WORDS


# Words of organisations that sit where their name's place is ("University of
# Winnipeg", "Toronto EMS", "Springfield Clinic"): the place is where the story is.
# Gold sets in the TR-News and GeoWebNews style count such embedded toponyms.
LOCATED_BODY_WORDS = frozenset({
    "university", "college", "school", "schools", "academy", "hospital", "hospitals", "clinic",
    "ems", "rescue", "fire", "ambulance", "paramedics", "airport", "museum", "library", "zoo",
    "church", "cathedral", "mosque", "diocese", "archdiocese", "chamber", "association",
    "partnership", "coalition", "institute", "centre", "center", "tourism", "transit", "health",
    # a country's own branch or union ("Kenya Red Cross", "Sudan Red Crescent", "Ghana
    # Medical Association", "Nigeria Union of Teachers") works in that country
    "cross", "crescent", "union", "unions", "society", "laboratory", "laboratories",
})


def located_body(doc: Doc, org: tuple[int, int], start: int, end: int) -> bool:
    """Whether a place at tokens ``start:end`` names where the organisation ``org`` sits.

    It opens the name, follows "of" or closes it, and the name is a public
    body's or a local institution's (see :data:`LOCATED_BODY_WORDS`); brands
    stay names ("New York Times", "Air Berlin").
    """
    first, last = org
    if not first <= start < last or not (start == first or end == last or doc[start - 1].lower_ == "of"):
        return False
    # the body's word is outside the name ("Red Cross" in "Kenya Red Cross" is no place)
    return any(t.lower_ in PUBLIC_BODY_WORDS or t.lower_ in LOCATED_BODY_WORDS
               for t in (*doc[first:start], *doc[end:last]))


def public_body(doc: Doc, org: tuple[int, int], start: int) -> bool:
    """Whether a place at token ``start`` names where the organisation ``org`` governs.

    It must open the name or follow "of" ("Kentucky State Police", "Government
    of Alberta"), and the name must be a public body's. In brand names the
    place is part of a name, not a location ("New York Times", "Taco Bell
    Canada", "University of Georgia").
    """
    first, last = org
    if not first <= start < last or (start != first and doc[start - 1].lower_ != "of"):
        return False
    return any(t.lower_ in PUBLIC_BODY_WORDS for t in doc[first:last])


def drop_teams(doc: Doc, toponyms: list[Toponym], gazetteer: NameIndex) -> list[Toponym]:
    """Drop club names on sports results lines ("BOSTON 69 66", "Middlesex 20 points").

    There the name is an organisation, the team. A country's name stays a
    place: national sides are conventionally tagged with the country.
    """
    teams = results_team_spans(doc.text)
    if not teams:
        return toponyms

    def team(t: Toponym) -> bool:
        start, end = doc[t.start].idx, doc[t.end - 1].idx + len(doc[t.end - 1].text)
        return any(s < end and start < e for s, e in teams) and not any(
            e.candidate.feature == "country" for e in gazetteer.lookup_key(t.key))

    return [t for t in toponyms if not team(t)]


def drop_diseases(doc: Doc, toponyms: list[Toponym], gazetteer: NameIndex) -> list[Toponym]:
    """Drop names used for a disease ("West Nile virus", "Marburg fever", "H5N1").

    Other mentions of such a name go too, unless the model called them places
    and the gazetteer knows them. A name whose disease word goes on into an
    organisation's name is that organisation's place ("Uganda Virus Research
    Institute", "Lassa Fever Centre").
    """
    def disease(t: Toponym) -> bool:
        if t.key in DISEASE_NAMES and not (t.start > 0 and doc[t.start - 1].lower_ in LOCATIVE_WORDS):
            return True  # "Ebola spread to Goma", "an outbreak of Zika"
        return t.end < len(doc) and doc[t.end].lower_ in DISEASE_WORDS and not _names_body(doc, t.end)

    diseases = {t.key for t in toponyms if disease(t) or any(ch.isdigit() for ch in t.key)}
    return [t for t in toponyms if t.key not in diseases
            or (t.source == "ner" and not disease(t) and gazetteer.lookup_key(t.key))]


def drop_not_places(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Drop names used for an observance or a person ("Saba Saba Day", "President Jordan").

    A name before "Day" or "anniversary" (possibly repeated: "Saba Saba Day")
    is an anniversary, and so are its other mentions unless the model called
    them places; a name right after a title is a person's.
    """
    def observance(t: Toponym) -> bool:
        i = t.end
        while i < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_ not in OBSERVANCE_WORDS \
                and i - t.end < 2:
            i += 1  # "Saba Saba Day": the second word of a repeated name
        return i < len(doc) and doc[i].lower_ in OBSERVANCE_WORDS and doc[i].text[:1].isupper()

    def titled(t: Toponym) -> bool:
        return t.start > 0 and doc[t.start - 1].lower_ in PERSON_TITLES and doc[t.start - 1].text[:1].isupper() \
            and t.label != "GPE"

    observances = {t.key for t in toponyms if observance(t)}
    return [t for t in toponyms if not titled(t) and (
        t.key not in observances or (t.source == "ner" and t.label == "GPE" and not observance(t)))]


def drop_armed_groups(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Drop names that are, as written, the whole name of a listed armed group, cartel or gang
    ("fought the Clan del Golfo", which the model calls a facility; "Los Lobos" in Ecuador): the
    group, which :mod:`streams.tagging.entities.known` makes an organisation once no place claims
    its span. Right after a locative word ("clashes in Los Lobos") the name stays a place."""
    return [t for t in toponyms if canonical_of(doc[t.start:t.end].text) is None
            or (t.start > 0 and doc[t.start - 1].lower_ in LOCATIVE_WORDS)]


def _names_body(doc: Doc, word: int) -> bool:
    """Whether the disease word at token ``word`` is inside a model organisation that goes on past it."""
    if doc[word].ent_type_ != "ORG":
        return False
    ent = next((e for e in doc.ents if e.start <= word < e.end), None)
    return ent is not None and ent.end > word + 1 and doc[word + 1].text[:1].isupper()


# Words after "<place>-" that make the place where someone or something is from or
# going ("Kharkiv-based", "Gaza-bound", "Lagos-born"); the tagger takes the name
# without the model's proper-noun tag there ("Kharkiv" is often tagged a common noun).
PLACE_COMPOUNDS = frozenset({"based", "bound", "born", "headquartered", "registered", "flagged",
                             "area"})
# ... and words that make it a country or a region acting ("Iran-backed", "Saudi-led").
AGENT_COMPOUNDS = frozenset({"backed", "led", "controlled", "held", "occupied", "run", "funded",
                             "brokered", "allied", "sponsored", "owned", "made"})


_HYPHENS = frozenset({"-", "‐", "‑"})


def compound_word(doc: Doc, end: int) -> str | None:
    """The word, lowercased, that a hyphen touching both words joins to the name ending before
    token ``end`` ("based" of "Kharkiv-based"; not "Kharkiv - based"); None without one."""
    if end + 1 >= len(doc) or doc[end].text not in _HYPHENS or doc[end - 1].whitespace_ or doc[end].whitespace_:
        return None
    return doc[end + 1].lower_


def hyphen_compound(doc: Doc, end: int, entries: tuple[Entry, ...]) -> bool:
    """Whether the name ending before token ``end`` opens a compound adjective of place
    (:func:`compound_word`). After an agent word the name must be able to mean a country or a
    first-level area ("Iran-backed"; "Amazon-owned" is a company).
    """
    word = compound_word(doc, end)
    if word in PLACE_COMPOUNDS:
        return True
    return word in AGENT_COMPOUNDS and any(
        e.candidate.feature in ("country", "admin1") and not e.weak for e in entries)
