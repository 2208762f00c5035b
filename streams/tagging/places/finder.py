"""Finding toponyms in a parsed doc: the model's places plus a gazetteer pass.

The small English model misses or mislabels many place names ("Sumy" as a
person, "Kursk" as a product, "Bila Tserkva" cut to "Bila"). Besides its
GPE/LOC/FAC entities, every capitalised token run is looked up in the
gazetteer (longest match first, a few dict hits per token), and cue words
("Kursk region", "the city of X") are noted for the resolver
(:mod:`streams.tagging.places.cues`). Names used otherwise (headings, teams,
diseases) are told apart in :mod:`streams.tagging.places.filters`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from streams.tagging.entities.known import canonical_of
from streams.tagging.entities.names import nationality_countries
from streams.tagging.places.cues import (
    CITY_WORDS,
    LOCATIVE_WORDS,
    POSSESSIVES,
    REGION_WORDS,
    add_cues,
    mark_partners,
    site_at,
)
from streams.tagging.places.filters import (
    drop_armed_groups,
    drop_diseases,
    drop_not_places,
    drop_teams,
    heading_lines,
    hyphen_compound,
    is_dateline,
    located_body,
    person_words,
    public_body,
)
from streams.tagging.places.gazetteer import NameIndex, normalize
from streams.tagging.places.named_things import drop_named_things
from streams.tagging.places.overrun import is_piece, list_parts, overrun_kind
from streams.tagging.places.toponym import Toponym
from streams.tagging.places.wording import (
    AREA_TAILS,
    COMPASS,
    after_locative,
    area_named,
    area_word,
    is_area_tail,
    town_of_city_body,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the model puts on place names by mistake.
RELABEL = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "DATE", "TIME",
                     "LANGUAGE", "LAW"})
_MAX_WORDS = 5
def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Token bounds without a leading "the" or a trailing possessive."""
    while start < end and doc[start].lower_ == "the":
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVES or doc[end - 1].is_punct):
        end -= 1
    return start, end


# Initials written with full stops ("d.r." of "D.R. Congo", "u.a.e."): gazetteers index them
# without the stops ("DR Congo", "UAE") as often as with them.
_INITIALISM = re.compile(r"\b(?:[a-z]\.){2,}")


def undotted(key: str) -> str:
    """The key with the full stops of its initialisms dropped ("d.r. congo" -> "dr congo")."""
    return _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), key)


# Initials stand for a country's or a region's name ("D.R. Congo", "U.A.E."); without their
# stops they also spell small towns ("U.N." is not Un, India).
_INITIALS_NAME = frozenset({"country", "admin1"})


def spelled_key(key: str, gazetteer: NameIndex) -> str | None:
    """The indexed key of a name written another common way: initials without their stops
    ("D.R. Congo", when that is a country's or region's name), a hyphen for a space
    ("Timor-Leste", "Kvemo-Kartli"); None when neither is."""
    plain = undotted(key)
    if plain != key and any(e.candidate.feature in _INITIALS_NAME for e in gazetteer.lookup_key(plain)):
        return plain
    spaced = key.replace("-", " ")
    if spaced != key and gazetteer.lookup_key(spaced):
        return spaced
    return None


# Abbreviations of saints' names that GeoNames often spells out ("Saint Tammany Parish").
_SAINTS = (("st. ", "saint "), ("st ", "saint "), ("ste. ", "sainte "), ("ste ", "sainte "))


def _uncapitalised(span: Span) -> bool:
    """Whether a model place is written with no capital letter in a sentence that has one
    elsewhere ("closed several roads and metro stations": no Metro, Indonesia). A text written all
    in lower case keeps its places."""
    return not any(c.isupper() for c in span.text) and any(c.isupper() for c in span.sent.text)


# Words for a settlement or a part of one before "of" and its name, besides the town words
# ("the hillside suburb of Petion-Ville", "the Lake Chad island of Barkaram").
_SETTLEMENT_WORDS = CITY_WORDS | {"suburb", "island", "islet", "neighbourhood", "neighborhood"}


def _named_settlement(doc: Doc, ent: Span) -> bool:
    """Whether a name follows "town of", "village of" ... ("the village of Barsalogho", "the
    border village of Aitaroun", "the Amhara town of Debre Markos")."""
    before = doc[max(0, ent.start - 2):ent.start]
    return len(before) == 2 and before[0].lower_ in _SETTLEMENT_WORDS and before[1].lower_ == "of" \
        and doc[ent.start].text[:1].isupper()


# Words after a name that make it a border crossing's, named for the place it stands at ("the Torkham
# border crossing", "the Kerem Shalom crossing"). Not "checkpoint": bodies own checkpoints ("an SDF
# checkpoint", "a Libyan National Army checkpoint": training corpus 5 new misses of 7 fixed).
_CROSSING_WORDS = frozenset({"crossing", "crossings"})
_BORDER_WORDS = frozenset({"crossing", "crossings", "post", "posts", "point", "points"})


def _short_name(ent: Span) -> bool:
    """Whether the model typed ``ent`` a person or organisation and it is a short name, every word
    capitalised (3 words or fewer): the names that :func:`_crossing_name` and :func:`_unknown_near`
    take for places."""
    return ent.label_ in {"PERSON", "ORG"} and len(ent) <= 3 \
        and all(t.text[:1].isupper() for t in ent if t.is_alpha)


def _crossing_name(doc: Doc, ent: Span) -> bool:
    """Whether a name the model typed a person or organisation names a border crossing ("the
    Torkham border crossing": ORG): a place, whatever the model typed it."""
    after = [t.lower_ for t in doc[ent.end:ent.end + 2]]
    return _short_name(ent) and bool(after) \
        and (after[0] in _CROSSING_WORDS or after[0] == "border" and len(after) == 2 and after[1] in _BORDER_WORDS)


# Prepositions after which a name is a place whatever the model typed it ("near Parotani"): not
# "in" or "at" ("in Congress", "at Google"), except "at" after a site (``SITE_NOUNS``: "the
# army camp at Boulkessi").
_NEAR_WORDS = frozenset({"near", "outside", "around"})


def _unknown_near(doc: Doc, ent: Span, gazetteer: NameIndex) -> bool:
    """Whether a name the model typed a person or organisation, which the gazetteer does not know,
    follows "near", "outside" or "around" ("cleared blockades near Parotani": PERSON), or "at" after
    a site ("the base at Moqokori", :func:`~.cues.site_at`): a place without a point. Not a
    possessive ("near Putin's residence") nor a longer name."""
    after = doc[ent.end] if ent.end < len(doc) else None
    return _short_name(ent) and ent.start > 0 \
        and (doc[ent.start - 1].lower_ in _NEAR_WORDS or site_at(doc, ent.start)) \
        and (after is None or after.text not in POSSESSIVES) \
        and not gazetteer.lookup_key(normalize(ent.text))


# Words for an area or a landform after a name: the name is a place's, known to the gazetteer or
# not ("in Depayin township", "the Gofa zone", "the Qandil mountains"). Not "base", which armed
# groups own ("an ISIS base"), nor "border" ("the Wagner border" is no name); camps below.
_AREA_NOUNS = frozenset({"township", "zone", "area", "district", "county", "region", "province",
                         "mountains", "mountain", "hills", "forest", "valley", "desert", "pass"})
# Camps are named for the place they stand at ("the Zamzam displacement camp", "Kakuma refugee
# camp"); a group's camp has the group's name, which the exclusions below keep out ("a Boko Haram camp").
_CAMPS = frozenset({"camp", "camps"})
_CAMP_KINDS = frozenset({"displacement", "refugee", "idp", "displaced"})
_AREA_WORD = re.compile(r"\b(?:" + "|".join(sorted(_AREA_NOUNS | _CAMPS)) + r")\b")
# What comes before such a name ("in", "the", "of"): a place, not a name's first words.
_BEFORE_AREA_NAME = frozenset({"the", "of"}) | LOCATIVE_WORDS


def _unknown_before_area(doc: Doc, text: str, taken: dict[tuple[int, int], Toponym],
                         gazetteer: NameIndex) -> list[Toponym]:
    """Short capitalised names the gazetteer does not know, right before a word of ``_AREA_NOUNS``
    or a camp's (``_CAMPS``) and after "the", "of", a locative word or a place's possessive
    ("Tripoli's Abu Salim district": :func:`_after_place_possessive`), whatever the model labels
    them: places without a point. Not an acronym ("the PKK area"), a people's word ("the Kurdish region"), a listed armed
    group, a span already taken, or a name the model calls a place (it has its own toponym). A
    piece of the name that only the gazetteer read does not block it ("the Cal Miskaad mountains":
    the store's Cal, Turkey); the caller drops such pieces (:func:`_inside_names`)."""
    out: list[Toponym] = []
    spans = [span for span, toponym in taken.items() if toponym.source != "gazetteer"]
    pieces = [span for span, toponym in taken.items() if toponym.source == "gazetteer"]
    for match in _AREA_WORD.finditer(text):  # ``doc.text``: cheaper than a look at every token
        word = doc.char_span(match.start(), match.end())
        if word is None or word.start == 0:
            continue
        j, area = word.start, word[0]
        if area.lower_ in _CAMPS and doc[j - 1].lower_ in _CAMP_KINDS:
            j -= 1  # "the Zamzam displacement camp": the name ends before the kind of camp
        i = j
        while i > 0 and j - i < 3 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha \
                and not doc[i - 1].is_sent_start:
            i -= 1
        if i == j or doc[i - 1].lower_ not in _BEFORE_AREA_NAME and not _after_place_possessive(doc, i, gazetteer):
            continue
        name = doc[i:j]
        key = normalize(name.text)
        # ``nationality_countries()`` is places.demonyms.is_demonym's test, read here directly:
        # demonyms imports the resolver, which imports this module
        if any(t.is_upper and len(t) > 1 for t in name) \
                or any(t.ent_type_ in PLACE_LABELS | {"NORP"} for t in name) \
                or name.text.lower() in nationality_countries() or canonical_of(name.text) is not None \
                or any(s < j and i < e for s, e in spans) or gazetteer.lookup_key(key) \
                or any(s < j and i < e and not _strictly_inside((s, e), i, j) for s, e in pieces):
            continue
        cue = REGION_WORDS.get(area.lower_)
        out.append(Toponym(i, j, key, "ner", "LOC", {cue} if cue else set()))
        spans.append((i, j))
    return out


def _after_place_possessive(doc: Doc, i: int, gazetteer: NameIndex) -> bool:
    """Whether ``doc[i]`` follows a place's possessive ("Kachin state's Mansi township", "Tripoli's
    Abu Salim district"): the word before the "'s" ends a name the model calls a place, or one the
    gazetteer knows (with "state" or "province" after it, the name before that)."""
    if i < 2 or doc[i - 1].text not in POSSESSIVES:
        return False
    k = i - 2
    if doc[k].ent_type_ in PLACE_LABELS:
        return True
    if doc[k].lower_ in REGION_WORDS or doc[k].lower_ == "state":
        k -= 1  # "Kachin state's": the state's name
    start = k
    while start > 0 and k - start < 2 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    return k >= 0 and doc[k].text[:1].isupper() and any(
        gazetteer.lookup_key(normalize(doc[s:k + 1].text)) for s in range(start, k + 1))


def _strictly_inside(span: tuple[int, int], start: int, end: int) -> bool:
    """Whether ``span`` lies within ``start:end`` and is not all of it (token offsets)."""
    return start <= span[0] and span[1] <= end and span != (start, end)


def _inside_names(spans: dict[tuple[int, int], Toponym], name: Toponym) -> list[tuple[int, int]]:
    """The gazetteer's pieces strictly inside ``name`` (token offsets): "Cal" of "Cal Miskaad"."""
    return [span for span, toponym in spans.items() if toponym.source == "gazetteer"
            and _strictly_inside(span, name.start, name.end)]


def _ner_toponym(doc: Doc, start: int, end: int, label: str, gazetteer: NameIndex) -> Toponym:
    """A model place; an unknown one is looked up by the place it names.

    "Sichuan province" as "Sichuan" (with a region cue), "Pingliang city" and
    "City of Santa Ana" as the town, "Swat Valley" as Swat, "North-Western
    Sydney" as Sydney: a point inside the named area beats no point at all.
    """
    key = normalize(doc[start:end].text)
    capitalised = doc[start].text[:1].isupper()
    if not gazetteer.lookup_key(key) and (spelled := spelled_key(key, gazetteer)) is not None:
        return Toponym(start, end, spelled, "ner", label, capitalised=capitalised)
    if end - start > 1 and not gazetteer.lookup_key(key):
        if (full := _saint_form(key, gazetteer)) is not None:
            return Toponym(start, end, full, "ner", label, capitalised=capitalised)
        for first, last, cues in _inner_names(doc, start, end):
            inner = normalize(doc[first:last].text)
            if gazetteer.lookup_key(inner):
                return Toponym(start, end, inner, "ner", label, cues, capitalised=capitalised)
    return Toponym(start, end, key, "ner", label, capitalised=capitalised)


def _saint_form(key: str, gazetteer: NameIndex) -> str | None:
    """The key with "St."/"Ste." written out when only that form is indexed ("St. Louis County")."""
    for short, full in _SAINTS:
        if key.startswith(short) and gazetteer.lookup_key(longer := full + key[len(short):]):
            return longer
    return None


def _inner_names(doc: Doc, start: int, end: int) -> list[tuple[int, int, set[str]]]:
    """Token ranges of the place inside a longer model place, with the cue the rest gives."""
    out = []
    tail = doc[end - 1].lower_
    if (cue := REGION_WORDS.get(tail)) is not None:
        out.append((start, end - 1, {cue}))
    elif tail in CITY_WORDS or tail in AREA_TAILS:
        out.append((start, end - 1, {"city"} if tail in CITY_WORDS else set()))
    if end - start > 2 and doc[start + 1].lower_ == "of":
        head = doc[start].lower_
        if head in CITY_WORDS:
            out.append((start + 2, end, {"city"}))
        elif (cue := REGION_WORDS.get(head, "region" if head == "state" else None)) is not None:
            out.append((start + 2, end, {cue}))
    first = start
    while first < end - 1 and (doc[first].lower_ in COMPASS or doc[first].text in "-"):
        first += 1
    if first > start:
        out.append((first, end, set()))
    return out


def _is_name(doc: Doc, start: int, end: int, gazetteer: NameIndex) -> bool:
    """Whether tokens ``start:end`` are one capitalised name the gazetteer knows."""
    return doc[start].text[:1].isupper() and bool(gazetteer.lookup_key(normalize(doc[start:end].text)))


def _unknown_around(spans: dict[tuple[int, int], Toponym], start: int, end: int,
                    gazetteer: NameIndex) -> tuple[int, int] | None:
    """A model place strictly around ``start:end`` whose name the gazetteer does not know."""
    for (first, last), toponym in spans.items():
        if first <= start and end <= last and (first, last) != (start, end) \
                and toponym.source == "ner" and not gazetteer.lookup_key(toponym.key):
            return first, last
    return None


def _gazetteer_matches(doc: Doc, text: str, gazetteer: NameIndex) -> list[tuple[int, int, str]]:
    """Longest gazetteer names over capitalised token runs: (start, end, key); ``text`` is
    ``doc.text`` (which spaCy joins anew at each read)."""
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
            if j < n and doc[j].text == "." and not last.whitespace_ \
                    and gazetteer.lookup_key(dotted := key + "."):
                found = (i, j + 1, dotted)  # "Barrie, Ont.": the full stop split off the abbreviation
                break
            if gazetteer.lookup_key(key) or (i > 0 and doc[i - 1].lower_ == "the"
                                             and gazetteer.lookup_key(f"{key} river")):
                found = (i, j, key)  # "the Amazon": known only as "Amazon River"
                break
            if ("." in key or "-" in key) and (spelled := spelled_key(key, gazetteer)) is not None:
                found = (i, j, spelled)  # "D.R. Congo" indexed as "DR Congo"
                break
        if found:
            matches.append(found)
            i = found[1]
        else:
            i += 1
    return matches


def find_toponyms(doc: Doc, gazetteer: NameIndex, stoplist: frozenset[str] = frozenset()) -> list[Toponym]:
    """All toponym candidates in ``doc``, ordered by position.

    Args:
        doc: a parsed spaCy ``Doc`` (NER, tagger and parser).
        gazetteer: the name index.
        stoplist: lowercase names never taken without the model's place label.
    """
    spans: dict[tuple[int, int], Toponym] = {}
    ent_at: dict[int, Span] = {}
    surnames = person_words(doc)
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ent_at[i] = ent
        if ent.label_ in PLACE_LABELS:
            start, end = _trim(doc, ent.start, ent.end)
            if start < end and not _uncapitalised(doc[start:end]):
                spans[(start, end)] = _ner_toponym(doc, start, end, ent.label_, gazetteer)
        elif ent.label_ in RELABEL and (_named_settlement(doc, ent) or _unknown_near(doc, ent, gazetteer)
                                        or _crossing_name(doc, ent)):
            # "the village of Barsalogho" read as an organisation: a place, known to the
            # gazetteer or not (then a place without a point, not an organisation)
            spans[(ent.start, ent.end)] = _ner_toponym(doc, ent.start, ent.end, "GPE", gazetteer)
    headings = heading_lines(doc)
    pieces: set[tuple[int, int]] = set()  # unknown model places split into known names
    text = doc.text
    for start, end, key in _gazetteer_matches(doc, text, gazetteer):
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
            elif (outer := _unknown_around(spans, start, end, gazetteer)) is not None \
                    and is_piece(doc, outer, start, end):
                # "Metcalfe County Sheriff's Office", "Cattai and Wilberforce": the known names
                # inside a model place the gazetteer does not know
                label = spans.pop(outer).label
                spans[(start, end)] = Toponym(start, end, key, "ner", label)
                pieces.add(outer)
            elif (outer := next((s for s in pieces if s[0] <= start and end <= s[1]), None)) \
                    and is_piece(doc, outer, start, end):
                spans[(start, end)] = Toponym(start, end, key, "ner", "GPE")
            continue
        if ents:
            ent = ents[0]
            trimmed = _trim(doc, ent.start, ent.end)
            kind = overrun_kind(doc, trimmed, start, end) if len(ents) == 1 else None
            if ent.label_ in RELABEL and kind in ("same", "overrun") and key not in stoplist:
                # (the stoplist's names stay what the model says: "Republicans in Congress")
                spans[(start, end)] = Toponym(start, end, key, "relabel", ent.label_)
            elif len(ents) == 1 and ent.label_ in RELABEL and key not in stoplist \
                    and (start, end) in list_parts(doc, trimmed, lambda a, b: _is_name(doc, a, b, gazetteer)):
                # "Chicopee and Holyoke" as one ORG: a list of places
                spans[(start, end)] = Toponym(start, end, key, "relabel", ent.label_)
            elif len(ents) == 1 and ent.label_ in RELABEL and start == trimmed[0] < end < trimmed[1] \
                    and all(is_area_tail(t.text) for t in doc[end:trimmed[1]]):
                # "HARARE SUBURBS", "Kasai Province" as an organisation: the place and its part
                spans[(start, end)] = Toponym(start, end, key, "relabel", ent.label_, {
                    cue for t in doc[end:trimmed[1]] if (cue := REGION_WORDS.get(t.lower_))})
            elif len(ents) == 1 and ent.label_ in RELABEL and key not in stoplist \
                    and start <= trimmed[0] and trimmed[1] <= end and (start, end) != trimmed:
                # the model's name is a piece of the place's ("Domingo" in "Santo Domingo")
                spans[(start, end)] = Toponym(start, end, key, "relabel", ent.label_)
            elif ent.label_ in ("PERSON", "ORG") and kind == "office" and key not in stoplist:
                # "U.S. Secretary of State John Kerry": the office's country is a place of the story
                spans[(start, end)] = Toponym(start, end, key, "gazetteer", ent.label_, nested=True,
                                              in_heading=start in headings)
            elif len(ents) == 1 and ent.label_ == "ORG" and key not in stoplist \
                    and (public_body(doc, trimmed, start) or located_body(doc, trimmed, start, end)):
                # the place a public body serves is a toponym of the story ("Kentucky
                # State Police"); the organisation keeps its whole name (see
                # entities.extract_entities)
                cues = set()
                if (town := town_of_city_body(key, gazetteer)) is not None:
                    key, end, cues = town, end - 1, {"city"}  # "Columbia City Council": Columbia's
                spans[(start, end)] = Toponym(start, end, key, "gazetteer", "ORG", cues, nested=True,
                                              in_heading=start in headings)
            continue
        if key in stoplist and not area_named(doc, end, key):
            continue
        if is_dateline(doc, start, end):
            spans[(start, end)] = Toponym(start, end, key, "gazetteer", cues={"dateline"})
            continue
        if doc[end - 1].pos_ != "PROPN" and not key.endswith(".") and not area_word(doc, end) \
                and not after_locative(doc, start) and not hyphen_compound(doc, end, gazetteer.lookup_key(key)):
            continue
        spans[(start, end)] = Toponym(start, end, key, "gazetteer", in_heading=start in headings)
    for toponym in _unknown_before_area(doc, text, spans, gazetteer):
        for inside in _inside_names(spans, toponym):
            del spans[inside]
        spans[(toponym.start, toponym.end)] = toponym
    toponyms = drop_teams(doc, sorted(spans.values(), key=lambda t: t.start), gazetteer)
    toponyms = drop_diseases(doc, toponyms, gazetteer)
    toponyms = drop_not_places(doc, toponyms)
    toponyms = drop_armed_groups(doc, toponyms)
    toponyms = drop_named_things(doc, toponyms, gazetteer)
    mark_partners(doc, toponyms)
    add_cues(doc, toponyms)
    return _to_chars(doc, toponyms)


def _to_chars(doc: Doc, toponyms: list[Toponym]) -> list[Toponym]:
    """Token offsets to character offsets in ``doc.text``."""
    for toponym in toponyms:
        first, last = doc[toponym.start], doc[toponym.end - 1]
        toponym.start, toponym.end = first.idx, last.idx + len(last.text)
    return toponyms
