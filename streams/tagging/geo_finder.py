"""Finding toponyms in a parsed doc: the model's places plus a gazetteer pass.

The small English model misses or mislabels many place names ("Sumy" as a
person, "Kursk" as a product, "Bila Tserkva" cut to "Bila"). Besides its
GPE/LOC/FAC entities, every capitalised token run is looked up in the
gazetteer (longest match first, a few dict hits per token), and cue words
("Kursk region", "the city of X") are noted for the resolver.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from streams.tagging.gazetteer import Gazetteer, normalize
from streams.tagging.spans import results_team_spans

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the model puts on place names by mistake.
RELABEL = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "DATE", "TIME",
                     "LANGUAGE", "LAW"})
REGION_WORDS = {
    "region": "region", "regions": "region", "oblast": "region", "oblasts": "region",
    "province": "region", "provinces": "region", "governorate": "region",
    "governorates": "region", "prefecture": "region", "krai": "region", "territory": "region",
    "county": "county", "counties": "county",
}
_PLURAL_REGION = frozenset({"regions", "oblasts", "provinces", "governorates", "counties"})
DISEASE_WORDS = frozenset({"virus", "viruses", "fever", "disease", "flu", "ebolavirus", "strain",
                           "encephalitis"})
CITY_WORDS = frozenset({"city", "town", "village", "port", "capital"})
# Head words of public bodies, whose names carry the place they serve.
PUBLIC_BODY_WORDS = frozenset({
    "administration", "agency", "army", "authority", "board", "bureau", "centers", "commission",
    "congress", "coroner", "council", "court", "department", "detention", "district", "embassy",
    "government", "governor", "jail", "mayor", "ministry", "parliament", "patrol", "police",
    "premier", "secretary", "service", "services", "sheriff", "troopers",
})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_MAX_WORDS = 5
# A line with this share of capitalised words is a heading: only sure names count there.
_HEADING_SHARE = 0.7


@dataclass(slots=True)
class Toponym:
    """A place name found in the text, before resolution.

    ``source`` says how it was found: ``ner`` (the model's place label),
    ``relabel`` (another label on a gazetteer name) or ``gazetteer`` (no label).
    """

    start: int
    end: int
    key: str  # normalised lookup name, without cue words ("kursk" for "Kursk region")
    source: str
    label: str = ""
    cues: set[str] = field(default_factory=set)
    qualifier: int | None = None  # index of a toponym right after ", " ("Paris, Texas")
    after_place_comma: bool = False
    in_heading: bool = False  # headings capitalise every word: only sure names count
    capitalised: bool = True  # False for the model's lowercase "places" ("marijuana")
    nested: bool = False  # inside an organisation's name ("Kentucky" in "Kentucky State Police")
    partners: set[str] = field(default_factory=set)  # keys listed with it ("Sumy and Kharkiv")


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading "the" or a trailing possessive."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return start, end


def _ner_toponym(doc: Doc, start: int, end: int, label: str, gazetteer: Gazetteer) -> Toponym:
    """A model place; unknown "Sichuan province" is looked up as "Sichuan", with a cue."""
    key = normalize(doc[start:end].text)
    cue = REGION_WORDS.get(doc[end - 1].lower_) if end - start > 1 else None
    capitalised = doc[start].text[:1].isupper()
    if cue is None or gazetteer.lookup_key(key):
        return Toponym(start, end, key, "ner", label, capitalised=capitalised)
    return Toponym(start, end, normalize(doc[start:end - 1].text), "ner", label, {cue},
                   capitalised=capitalised)


def _heading_lines(doc: Doc) -> set[int]:
    """Token indexes of lines that look like headings ("Recent Gains").

    Lines, not sentences: the parser runs a heading into the next sentence.
    """
    headings: set[int] = set()
    line: list = []
    for token in [*doc, None]:
        if token is not None and "\n" not in token.text:
            line.append(token)
            continue
        words = [t for t in line if t.is_alpha and not t.is_stop]
        text = doc.text[line[0].idx:line[-1].idx + len(line[-1].text)] if line else ""
        if len(words) >= 2 and not text.rstrip().endswith((".", "?", "!", '"', "”", ":")) \
                and sum(1 for t in words if t.text[0].isupper()) / len(words) >= _HEADING_SHARE:
            headings.update(t.i for t in line)
        line = []
    return headings


def _gazetteer_matches(doc: Doc, gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """Longest gazetteer names over capitalised token runs: (start, end, key)."""
    text = doc.text
    matches = []
    i, n = 0, len(doc)
    max_words = min(_MAX_WORDS, gazetteer.max_words)
    while i < n:
        token = doc[i]
        if not token.text[:1].isupper():
            i += 1
            continue
        found = None
        for j in range(min(n, i + max_words), i, -1):
            last = doc[j - 1]
            if not last.text[:1].isupper() or any("\n" in t.text for t in doc[i:j]):
                continue
            key = normalize(text[token.idx:last.idx + len(last.text)])
            if gazetteer.lookup_key(key):
                found = (i, j, key)
                break
        if found:
            matches.append(found)
            i = found[1]
        else:
            i += 1
    return matches


def find_toponyms(doc: Doc, gazetteer: Gazetteer, stoplist: frozenset[str] = frozenset()) -> list[Toponym]:
    """All toponym candidates in ``doc``, ordered by position.

    Args:
        doc: a parsed spaCy ``Doc`` (NER, tagger and parser).
        gazetteer: the name index.
        stoplist: lowercase names never taken without the model's place label.
    """
    spans: dict[tuple[int, int], Toponym] = {}
    ent_at: dict[int, Span] = {}
    surnames = _person_words(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_at[i] = ent
        if ent.label_ in PLACE_LABELS:
            start, end = _trim(doc, ent.start, ent.end)
            if start < end:
                spans[(start, end)] = _ner_toponym(doc, start, end, ent.label_, gazetteer)
    headings = _heading_lines(doc)
    for start, end, key in _gazetteer_matches(doc, gazetteer):
        if key in surnames:
            continue  # "Paterson" after "Mark Paterson" is the man, not the town
        overlapping = {id(e): e for i in range(start, end) if (e := ent_at.get(i)) is not None}
        ents = list(overlapping.values())
        if any(e.label_ in PLACE_LABELS for e in ents):
            inner = [s for s in spans if s[0] >= start and s[1] <= end and s != (start, end)]
            if inner and all(start <= e.start and e.end <= end for e in ents):
                label = spans[inner[0]].label
                for s in inner:
                    del spans[s]
                spans[(start, end)] = Toponym(start, end, key, "ner", label)
            continue
        if ents:
            ent = ents[0]
            trimmed = _trim(doc, ent.start, ent.end)
            if len(ents) == 1 and ent.label_ in RELABEL and trimmed == (start, end):
                spans[(start, end)] = Toponym(start, end, key, "relabel", ent.label_)
            elif len(ents) == 1 and ent.label_ == "ORG" and key not in stoplist \
                    and _public_body(doc, trimmed, start):
                # the place a public body serves is a toponym of the story ("Kentucky
                # State Police"); the organisation keeps its whole name (see
                # entities.extract_entities)
                spans[(start, end)] = Toponym(start, end, key, "gazetteer", "ORG", nested=True,
                                              in_heading=start in headings)
            continue
        if key in stoplist:
            continue
        if _is_dateline(doc, start, end):
            spans[(start, end)] = Toponym(start, end, key, "gazetteer", cues={"dateline"})
            continue
        if doc[end - 1].pos_ != "PROPN" and not key.endswith("."):
            continue
        spans[(start, end)] = Toponym(start, end, key, "gazetteer", in_heading=start in headings)
    toponyms = _drop_teams(doc, sorted(spans.values(), key=lambda t: t.start), gazetteer)
    toponyms = _drop_diseases(doc, toponyms, gazetteer)
    _mark_partners(doc, toponyms)
    _add_cues(doc, toponyms)
    return _to_chars(doc, toponyms)


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """ "BEIRUT (AP) —" or "TORRINGTON, Conn. —": a capitalised place opening a line."""
    first = doc[start]
    line_start = start == 0 or "\n" in doc[start - 1].text or doc.text[first.idx - 1:first.idx] == "\n"
    return (line_start and doc[start:end].text.isupper() and end < len(doc)
            and doc[end].text in {",", "(", "—", "–", "-", ":"})


def _person_words(doc: Doc) -> set[str]:
    """Lowercase words of the model's multi-word person names."""
    return {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 for t in e if t.is_alpha}


def _public_body(doc: Doc, org: tuple[int, int], start: int) -> bool:
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


def _drop_teams(doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
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


def _drop_diseases(doc: Doc, toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Toponym]:
    """Drop names used for a disease ("West Nile virus", "Marburg fever", "H5N1").

    Other mentions of such a name go too, unless the model called them places
    and the gazetteer knows them.
    """
    def disease(t: Toponym) -> bool:
        return t.end < len(doc) and doc[t.end].lower_ in DISEASE_WORDS

    diseases = {t.key for t in toponyms if disease(t) or any(ch.isdigit() for ch in t.key)}
    return [t for t in toponyms if t.key not in diseases
            or (t.source == "ner" and not disease(t) and gazetteer.lookup_key(t.key))]


def _add_cues(doc: Doc, toponyms: list[Toponym]) -> None:
    """Region/county/city cues from the surrounding words; extends "Kursk region"."""
    by_end = {t.end: t for t in toponyms}
    for index, toponym in enumerate(toponyms):
        nxt = doc[toponym.end] if toponym.end < len(doc) else None
        if nxt is not None and (cue := REGION_WORDS.get(nxt.lower_)):
            toponym.cues.add(cue)
            if nxt.lower_ not in _PLURAL_REGION:
                toponym.end += 1  # the mention is "Kursk region", the key stays "kursk"
            else:  # "Sumy and Kharkiv regions": the cue covers the whole list
                _cue_coordinated(doc, toponym, by_end, cue)
        prev = doc[toponym.start - 1] if toponym.start > 0 else None
        if prev is not None and prev.lower_ == "of" and toponym.start > 1:
            before = doc[toponym.start - 2].lower_  # "the city of X", "the province of X"
            if before in CITY_WORDS:
                toponym.cues.add("city")
            elif (cue := REGION_WORDS.get(before, "region" if before == "state" else None)):
                toponym.cues.add(cue)
        if prev is not None and prev.lower_ in CITY_WORDS and prev.text[:1].islower():
            toponym.cues.add("city")
        if prev is not None and prev.text == "," and toponym.start > 1 \
                and doc[toponym.start - 2].i + 1 in by_end:
            toponym.after_place_comma = True
            head = by_end[doc[toponym.start - 2].i + 1]
            head.qualifier = index


def _mark_partners(doc: Doc, toponyms: list[Toponym]) -> None:
    """Note the names listed together with "and"/"or" ("Sumy and Kharkiv"), both ways."""
    by_end = {t.end: t for t in toponyms}
    for toponym in toponyms:
        i = toponym.start
        if i >= 2 and doc[i - 1].lower_ in {"and", "or"} and (earlier := by_end.get(i - 1)):
            toponym.partners.add(earlier.key)
            earlier.partners.add(toponym.key)


def _cue_coordinated(doc: Doc, toponym: Toponym, by_end: dict[int, Toponym], cue: str) -> None:
    i = toponym.start
    while i >= 2 and doc[i - 1].lower_ in {"and", ",", "or"}:
        earlier = by_end.get(i - 1) or by_end.get(i - 2 if doc[i - 2].text == "," else -1)
        if earlier is None:
            break
        earlier.cues.add(cue)
        i = earlier.start


def _to_chars(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Token offsets to character offsets in ``doc.text``."""
    for toponym in toponyms:
        first, last = doc[toponym.start], doc[toponym.end - 1]
        toponym.start, toponym.end = first.idx, last.idx + len(last.text)
    return toponyms
