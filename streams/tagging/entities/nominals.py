"""Unnamed actors as entities: "police", "Sudan's army", "Russian forces", "11 people".

Events need ids for who acted and who was acted on, and news names most of
them with common nouns: security forces, government bodies, armed men,
crowds and victims. Each noun phrase whose head is one of the actor nouns of
``data/entities_actor_nouns.txt`` becomes a mention of a GROUP entity (GROUP,
not ORG: they are not names, and the NER evaluation leaves groups aside).

- Its name keeps a nationality or place qualifier and compound nouns:
  "Kenyan police", "Sudan's army", "security forces", "opposition activists";
  numbers, determiners and other adjectives are dropped ("11 people" -> "people").
- A qualifier that is a country of the article ties the group to it: "Russian
  forces" and "Russia's forces" are both ``group:russia-forces``.
- A bare mention ("the army", "police") joins the nearest earlier qualified
  group with the same head in the article ("Sudan's army"), else the only
  one, else stands alone (``group:police``).
- Unnamed victims are groups too, by their head noun: "11 people were killed"
  -> ``group:people``, "Christian students" -> ``group:christian-students``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, Token

from schemas import Place
from streams.tagging.entities.names import group_name
from streams.tagging.entities.referents import Referent
from streams.tagging.resources import RESOURCES
from streams.tagging.shared.wordlists import kind_table

_NOUNS = Path(__file__).parent.parent / "data" / "entities_actor_nouns.txt"
_QUALIFIER_DEPS = {"amod", "compound", "poss", "nmod"}
_NOUN_DEPS_OUT = {"compound"}  # "police station": the head is the station, not the police
# ... but in "a junta air strike", "a police raid" and "army aircraft bombed" the compound names
# who did it: an actor noun in the compounds of one of these nouns of acts of force, or of the
# arms that do them, is an actor all the same
_ACT_NOUNS = frozenset("""strike strikes airstrike airstrikes attack attacks raid raids shelling offensive
    crackdown ambush bombardment assault aircraft jet jets warplane warplanes helicopter helicopters
    gunship gunships drone drones artillery tank tanks""".split())
_ARMS_KINDS = frozenset({"fighter", "bomber"})  # "fighter jets", "bomber aircraft": a kind of aircraft
# Plural nouns of people by their ending, minus the common things that end alike.
_PEOPLE_ENDINGS = ("ers", "ists", "ians", "ees")
_NOT_PEOPLE = frozenset("""
    others papers orders numbers matters centers centres quarters headquarters borders powers waters
    computers containers layers towers letters rivers meters metres kilometers kilometres chambers
    offers answers filters shelters helicopters trailers barriers corners covers transfers flowers
    tankers banners posters tigers liters litres dollars tenders ledgers markers lockers fibers
    sanctuaries fees degrees trees committees guarantees
    """.split())
_MIN_PREFIX = 4  # letters a demonym shares with its country ("Kenyan" ~ "Kenya")


def actor_nouns() -> dict[str, str]:
    """Actor head nouns (lowercase, singular and plural forms) -> kind (force, body, people)."""
    return RESOURCES.get("actor nouns", _NOUNS, _load)


def _load() -> dict[str, str]:
    return kind_table(_NOUNS)


# Where the parser puts a noun: an adjective there is a noun the tagger misread ("On 25
# November, the military fired ...": "military" JJ, the subject).
_NOUN_PLACES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj"})


def _misread_adjective(token: Token) -> bool:
    """An adjective in a noun's place that modifies nothing after it ("the military fired"; not
    "The paramilitary Rapid Support Forces said", where it is the name's modifier)."""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "ADJ" and token.dep_ in _NOUN_PLACES \
        and (after is None or after.pos_ not in {"NOUN", "PROPN"})


def head_noun(token: Token) -> str | None:
    """The actor noun ``token`` heads ("police", "coast guard"), or None."""
    nouns = actor_nouns()
    if token.pos_ not in {"NOUN", "PROPN"} and not _misread_adjective(token) \
            or token.dep_ in _NOUN_DEPS_OUT and (
            _act_noun(token) is None or token.lower_ in _ARMS_KINDS):
        return None
    compound = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
    if compound and f"{compound[0].lower_} {token.lower_}" in nouns:
        return f"{compound[0].lower_} {token.lower_}"
    if token.lower_ in nouns or token.lemma_.lower() in nouns:
        return token.lower_
    # NNPS too: the small model tags a body's opening plural so after a title line ("Maoists overran")
    if token.tag_ in {"NNS", "NNPS"} and token.lower_.endswith(_PEOPLE_ENDINGS) and token.lower_ not in _NOT_PEOPLE:
        return token.lower_  # "rescuers", "looters", "activists", "Ukrainians"
    return None


def _act_noun(token: Token) -> Token | None:
    """The noun of an act of force that ``token`` is a compound of, through other compounds
    ("army" in "a Sudanese army air strike"), or None."""
    head = token
    while head.dep_ == "compound" and head.head.i > head.i:
        head = head.head
        if head.lower_ in _ACT_NOUNS:
            return head
    return None


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int  # character offsets of the mention
    end: int
    head: str  # the actor noun, lowercase
    name: str  # qualifier + compounds + head, as written
    country: str | None  # the article's country the qualifier names


def _country_of(word: str, countries: Sequence[str]) -> str | None:
    """The country a demonym or place word names, among the article's countries."""
    low = word.lower().removesuffix("'s").removesuffix("’s").replace("-", " ")
    best, best_len = None, 0
    for country in countries:
        c = country.lower().replace("-", " ")
        n = 0
        while n < min(len(c), len(low)) and c[n] == low[n]:
            n += 1
        if n == len(c) == len(low) or (n >= _MIN_PREFIX and n >= len(c) - 2 and n > best_len):
            best, best_len = country, n if n < len(c) else 99
    return best


def _phrase(token: Token, head: str, countries: Sequence[str],
            places: Sequence[tuple[int, int]], names: Sequence[tuple[int, int]] = ()) -> _Phrase:
    left = token
    qualifier: Token | None = None
    # in "a Myanmar junta air strike" the parse hangs "Myanmar" on the strike: the word right
    # before an act noun's compound actor qualifies the actor
    act = _act_noun(token)
    before = [token.doc[token.i - 1]] if act is not None and token.i > 0 and token.doc[token.i - 1].head == act else []
    for child in [*sorted(token.lefts, key=lambda t: t.i), *before]:
        if child.dep_ not in _QUALIFIER_DEPS:
            continue
        is_place = any(s <= child.idx < e for s, e in places)
        if is_place or child.ent_type_ in {"NORP", "GPE"} or group_name(child.text) is not None:
            qualifier = child
            break
    words: list[Token] = []
    if qualifier is not None:  # the qualifier with its own compounds ("North Kordofan's")
        i = qualifier.i
        while i > 0 and token.doc[i - 1].dep_ == "compound" and token.doc[i - 1].head == qualifier:
            i -= 1
        left = token.doc[i]
        words = list(token.doc[i:token.i + 1])
    else:  # compounds and nouns right before the head ("riot police", "opposition activists")
        i = token.i
        while i > 0 and token.doc[i - 1].dep_ == "compound" and token.doc[i - 1].head.i >= i:
            i -= 1
        left = token.doc[i]
        words = list(token.doc[i:token.i + 1])
    start, end = left.idx, token.idx + len(token)
    name = "".join(t.text_with_ws for t in words).strip()
    country = _country_of(qualifier.text, countries) if qualifier is not None else None
    # a first word inside a longer place name takes the whole name: spaCy splits
    # "Timor-Leste" and "Guinea-Bissau" at the hyphen, which left "Leste health ministry"
    # and "Bissau's army" (tied to no country)
    place = next(((s, e) for s, e in places if s <= left.idx < e), None)
    if place is not None and place[0] < start:
        start = place[0]
        name = " ".join(token.doc.text[start:end].split())
        country = _country_of(token.doc.text[place[0]:place[1]], countries) or country
    # so does a first word inside a name: the parse makes only "Sham" of "Hayat Tahrir al-Sham
    # fighters" a compound of the head, which left the group "Sham fighters"
    named = next(((s, e) for s, e in names if s < start < e), None)
    if named is not None:
        start = named[0]
        name = " ".join(token.doc.text[start:end].split())
    return _Phrase(start, end, head, name, country)


def _title_of_name(token: Token, taken: Sequence[tuple[int, int]]) -> bool:
    """A capitalised noun right before a name is that person's title ("Kenya's President William Ruto")."""
    nxt = token.i + 1
    return (token.text[:1].isupper() and nxt < len(token.doc)
            and any(s == token.doc[nxt].idx for s, _ in taken))


def nominal_referents(doc: Doc, taken: Sequence[tuple[int, int]], places: Sequence[Place],
                      place_spans: Sequence[tuple[int, int]]) -> list[Referent]:
    """GROUP referents for the article's unnamed actors, in the combined text's offsets.

    Args:
        doc: the parse of the combined text.
        taken: spans of named entities; a noun inside one is part of that name.
        places: the article's places (countries tie groups to them).
        place_spans: their mention spans in the combined text.
    """
    countries = [p.name for p in places if p.feature == "country"]
    phrases: list[_Phrase] = []
    for token in doc:
        head = head_noun(token)
        if head is None or any(s <= token.idx < e for s, e in taken) or _title_of_name(token, taken):
            continue
        phrases.append(_phrase(token, head, countries, place_spans, taken))
    qualified: dict[tuple[str, str], Referent] = {}
    order: list[tuple[_Phrase, Referent]] = []
    for p in phrases:
        if p.name.lower() == p.head:
            continue
        key = (p.country or p.name.lower(), p.head)
        ref = qualified.setdefault(key, Referent("GROUP"))
        if not ref.names:
            ref.names.append(p.name)
            ref.key = f"{p.country} {p.head}" if p.country else None
        ref.spans.append((p.start, p.end))
        order.append((p, ref))
    bare: dict[str, Referent] = {}
    for p in phrases:
        if p.name.lower() != p.head:
            continue
        same = [(q, r) for q, r in order if q.head == p.head]
        before = [(q, r) for q, r in same if q.start < p.start]
        if before:
            ref = before[-1][1]
        elif len({id(r) for _, r in same}) == 1:
            ref = same[0][1]
        else:
            ref = bare.setdefault(p.head, Referent("GROUP", names=[p.head]))
        ref.spans.append((p.start, p.end))
    refs = list({id(r): r for r in [*qualified.values(), *bare.values()]}.values())
    return refs
