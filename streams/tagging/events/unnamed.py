"""Ids for unnamed participants: "two journalists", "a police station", "houses", "a convoy".

News often writes who was acted on with a common noun, and the actor nouns of
:mod:`streams.tagging.entities.nominals` (police, protesters, civilians ...)
do not cover them all. When an actor or a target head word names no entity or
place, and its noun is one of ``data/events_participant_nouns.txt``, it gets
an id within the contract, made here and only here (so the entity and place
lists are not flooded with every common noun of the article):

- people ("a shopkeeper", "two shepherds") become a GROUP entity named by the
  plural of the noun with its compounds ("airport operators"):
  ``group:shepherds``; singular and plural, numbers and determiners do not
  change the id; so does any noun that is the object (or passive subject) of a
  verb whose object is a person ("arrested a cook", "kidnapped four
  missionaries": ``PERSON_VERBS``), and a person named by their age ("shot dead
  a 17-year-old": ``group:17-year-olds``);
- bodies named by their common noun ("the health department", "a security company", "the
  electoral commission") become a GROUP entity named by the singular with its compounds and
  classifying adjectives: ``group:health-department``; "the commission" alone is the commission
  named before where there is one (coreference reads it first);
- gatherings ("an opposition rally", "a union march", "a wedding") become a GROUP entity
  named by the singular with its compounds: ``group:opposition-rally``; a gathering attacked,
  dispersed or banned is the people at it, and the news names it by the gathering;
- facilities and vehicles ("the police station", "a fuel depot", "houses", "a
  convoy") become a place of feature ``facility``, unsettled villages and
  towns ("two villages") and seized or downed objects ("rifles", "drones") a
  place of feature ``other``, named by the singular with its compounds and
  classifying adjectives ("military base"): ``place:police-station``.
  What a verb of destroying or seizing acted on is such an object whatever its noun, also
  under a verb coordinated with the trigger's ("threw rocks and set a trailer on fire":
  ``wrecked_objects``). What a verb of restriction banned, cut or broke up ("banned all protests",
  "suspended mobile internet", "broke up a rally") is such an object whatever
  its noun, when no other reading names a target (``RESTRICT_VERBS``); so is
  what a verb of judging judged ("rejected the agreement", "welcomed the
  decision": ``JUDGE_VERBS``), beside the targets found.

A bare definite description ("The officer was arrested", "the field", "the bomber") is the
participant the article named before with the same noun and words of its kind ("a police
officer", "an oil field", "a suicide bomber"): it takes that mention's name, and both mentions go
to its id (:func:`named_before`), as coreference reads "the commission" for a body's name.

The places carry no coordinates, country or GeoNames id (``geonames_id``,
``lat``, ``lon`` and ``country_code`` null, confidence 0): the id names a kind
of thing shared by every article that writes it, not one located building, so
borrowing the event's town's point would state a location nobody resolved; the
event's ``place_ids`` say where it happened. Their names are lower case, which
is how consumers and the evaluations tell an unnamed participant from a
toponym or a name (:func:`schemas.unnamed`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from schemas import Entity, Place, unnamed
from schemas.articles import Feature
from streams.tagging.shared.participant_nouns import participant_nouns
from streams.tagging.shared.slug import slugify
from streams.tagging.shared.text import ArticleText

PEOPLE, FORCE, BODY, GATHERING = "people", "force", "body", "gathering"
FACILITY, SETTLEMENT, OBJECT = "facility", "settlement", "object"
# the kinds that become a GROUP entity; the others are places
GROUPS = frozenset({PEOPLE, FORCE, BODY, GATHERING})
FEATURE: dict[str, Feature] = {FACILITY: "facility", SETTLEMENT: "other", OBJECT: "other"}
# Objects are participants only of what is done to them: seized, found, downed, destroyed.
OBJECT_VERBS = {"seize", "confiscate", "recover", "find", "discover", "intercept", "down", "shoot",
                "destroy", "defuse", "capture", "smuggle", "surrender", "dismantle", "burn", "hand",
                "impound", "detonate", "neutralise", "neutralize", "shot", "traffic", "hide", "store",
                "clear", "collect", "remove", "steal", "vandalise", "vandalize", "damage", "loot", "torch"}
# Verbs whose object is a person whatever noun names them: "arrested a cook", "kidnapped four
# missionaries", "shot a mask seller", "extradited a drug lord" (not "released a statement",
# "met resistance": verbs that also take things are left out).
PERSON_VERBS = {"arrest", "detain", "apprehend", "abduct", "kidnap", "kill", "murder", "assassinate",
                "execute", "behead", "lynch", "hang", "shoot", "stab", "beat", "torture", "flog", "rape",
                "injure", "wound", "extradite", "deport", "rescue", "interrogate", "sentence", "convict",
                "jail", "imprison"}
# Verbs that bid someone act, whose object is whoever is bidden, a person or a body whatever its
# noun, when a "to" clause says what to do: "urged allies to supply ...", "ordered transport
# companies to stop ...", "told residents to leave" (not "urged restraint").
BID_VERBS = {"urge", "ask", "order", "tell", "force", "compel", "press", "encourage", "invite", "warn",
             "advise", "instruct", "persuade", "allow", "permit", "direct", "request", "pressure"}
# Verbs of accusing, whose object is whoever is accused, a person or a body whatever its noun, when
# an "of" or "for" phrase says of what: "accused security agencies of abducting ...", "blamed the
# compound bosses for ..." (not "blamed the attack on ...": the act).
ACCUSE_VERBS = {"accuse", "blame"}
# Verbs of restriction, whose object is what was banned, cut or broken up: "banned all protests",
# "suspended mobile internet", "blocked a messaging app", "broke up a rally" (with their particle).
RESTRICT_VERBS = {"ban", "prohibit", "outlaw", "suspend", "block", "restrict", "limit", "disperse", "cut",
                  "shut", "break", "disrupt", "halt", "close", "cancel"}
# Verbs of judging, whose object is the plan, deal, act or vote judged: "rejected the agreement",
# "welcomed the decision", "condemned the crackdown", "dismissed the claim as absurd" (a statement's
# target, whatever its noun; a party judged is named and read as such).
JUDGE_VERBS = {"reject", "welcome", "criticise", "criticize", "condemn", "praise", "hail", "defend", "dismiss",
               "denounce", "endorse", "oppose", "accept", "approve", "applaud", "decry", "slam", "veto",
               "back", "support"}
# Verbs of destroying, damaging or seizing, whose object is a thing acted on whatever its noun:
# "blew up the airstrip", "demolished shanties", "smashed computers", "recovered a suicide vest".
WRECK_VERBS = {"destroy", "demolish", "dismantle", "raze", "flatten", "bulldoze", "smash", "wreck", "burn",
               "torch", "vandalise", "vandalize", "deface", "desecrate", "uproot", "loot", "ransack",
               "sabotage", "damage", "defuse", "deactivate", "disable", "blow", "tear", "seize", "confiscate",
               "recover", "unearth", "impound", "steal", "poison"}
# Verbs of these lists that say so only with their particle: "broke up" (not "broke into"),
# "shut down", "blew up", "tore down".
_PARTICLES = {"break": {"up"}, "shut": {"down"}, "blow": {"up"}, "tear": {"down", "up", "apart"}}


def _objects_of(verb: Token, verbs: set[str]) -> list[Token]:
    """The object of ``verb``, or its passive subject ("protests were banned"), when it is one of
    ``verbs`` (with its particle, for the verbs that need one)."""
    lemma = verb.lemma_.lower()
    if lemma not in verbs or (lemma in _PARTICLES and not any(
            c.dep_ == "prt" and c.lower_ in _PARTICLES[lemma] for c in verb.children)):
        return []
    return [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]


def restricted_objects(verb: Token) -> list[Token]:
    """What a verb of restriction acted on ("banned all protests", "protests were banned")."""
    return _objects_of(verb, RESTRICT_VERBS)


def judged_objects(verb: Token) -> list[Token]:
    """What a verb of judging judged ("rejected the agreement", "the plan was rejected")."""
    return _objects_of(verb, JUDGE_VERBS)


def wrecked_objects(verb: Token) -> list[Token]:
    """What a verb of destroying or seizing acted on ("blew up the airstrip", "seized a suicide
    vest"), and what was set on fire ("set fire to power poles", "set a trailer ablaze")."""
    if verb.lemma_.lower() == "set":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if any(o.lower_ == "fire" for o in objects):  # "set fire to X": X (the "to" under either word)
            return [g for h in (verb, *objects) for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"]
        return [o for o in objects if any(c.lower_ in {"fire", "ablaze", "alight"} for c in verb.subtree)]
    return _objects_of(verb, WRECK_VERBS)


# Adjectives that say which or how many, not what kind: left out of a name.
_NOT_KIND = {"several", "many", "other", "few", "numerous", "nearby", "new", "old", "big", "large",
             "small", "main", "busy", "crowded", "overcrowded", "local", "same", "entire", "whole",
             "various", "dozens", "hundreds", "thousands", "least", "more", "most", "some", "further",
             "another", "single", "separate", "second", "third", "first", "last", "elderly", "young"}
# Participles that do name a kind of thing: "armoured vehicle", "guided missile".
_KIND_PARTICIPLES = {"armoured", "armored", "guided", "unmanned", "improvised", "licensed", "registered",
                     "displaced", "detained", "wounded", "injured", "retired", "elected", "striking"}
_PARTITIVE = {"dozens", "hundreds", "thousands", "scores", "tens", "some", "most", "many", "all",
              "several", "one", "none", "each", "both", "few", "rest", "kg", "kilograms", "kilos",
              "tonnes", "tons", "pounds", "grams", "litres", "liters", "barrels", "rounds", "boxes",
              "packets", "bags", "crates", "pieces", "cache", "caches", "stockpile", "haul",
              # a measure of ground is no participant: "seizing over 700 square kilometres"
              "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile", "miles", "metre", "metres",
              "meter", "meters", "hectare", "hectares", "acre", "acres"}
_PARTS = {"gate", "gates", "entrance", "entrances", "wall", "walls", "windows", "roof", "outskirts",
          "perimeter", "part", "parts", "side", "fence", "door", "doors", "floor", "floors", "wing"}
# Singular nouns that name a whole body of people, written as they are: "urged the public to ...".
_COLLECTIVE = {"public", "population", "electorate", "youth", "media", "press", "staff", "personnel", "crew",
               "workforce", "leadership", "clergy", "citizenry"}
_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people",
              "businessman": "businessmen", "businesswoman": "businesswomen",
              "tribesman": "tribesmen", "gunman": "gunmen", "policeman": "policemen",
              "clergyman": "clergymen", "passer-by": "passers-by"}


def plural(noun: str) -> str:
    """The plural of a lowercase singular noun (enough for the nouns of people listed)."""
    words = noun.split(" ")
    last = words[-1]
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("y") and last[-2:-1] not in set("aeiou"):
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    elif last.endswith("fe"):
        last = last[:-2] + "ves"
    elif last.endswith("ief"):
        last = last[:-1] + "ves"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


@dataclass(frozen=True, slots=True)
class Phrase:
    """An unnamed participant as written: its span, kind and canonical name."""

    start: int
    end: int
    kind: str
    name: str
    # where the article named it before, when this is a bare definite description of it
    # ("a police officer ... The officer was arrested": the first mention's span)
    antecedent: tuple[int, int] | None = None


def _lemma(token: Token) -> str:
    low = token.lower_
    lemma = token.lemma_.lower()
    nouns = participant_nouns()
    if low in nouns:
        return low
    if lemma in nouns:
        return lemma
    return low[:-1] if low.endswith("s") and low[:-1] in nouns else lemma


def listed_abbreviation(token: Token) -> bool:
    """A participant noun written as an upper-case abbreviation ("an IED"), which the tagger
    calls a proper noun when it stands alone (NNP; "two IEDs" is NNS)."""
    low, nouns = token.lower_, participant_nouns()
    return token.text.isupper() and (low in nouns or low.endswith("s") and low[:-1] in nouns)


def _indefinite(token: Token) -> bool:
    """Whether the noun is introduced as new ("a drug trafficking network", "a cell"): it
    points back to no one, as "the group" may."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in token.children)


def _head(token: Token) -> Token:
    """The noun a count or a part stands for: "31 of the 45 drones", "dozens of homes", "the
    gate of an army camp"."""
    if token.pos_ == "NUM" or token.lower_ in _PARTITIVE or token.lower_ in _PARTS:
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
    return token


def phrase(token: Token, verb_lemma: str | None, taken: list[tuple[int, int]],
           actor: bool = False, any_noun: bool = False) -> Phrase | None:
    """The unnamed participant ``token`` heads, or None when it is not one (see the module
    docstring); ``taken`` are the spans of the article's names, which a phrase stays clear of;
    ``actor``: the head is an actor's, where "military jets" are the military; ``any_noun``:
    the head is a thing acted on whatever its noun: what a verb of restriction banned, suspended
    or broke up ("banned all protests", "suspended mobile data"), what a verb of judging judged
    ("rejected the agreement")."""
    token = _head(token)
    if token.pos_ == "VERB" and token.tag_ == "VBN" and hurt_people(token):
        # "pulled the injured out of the wreck": the parser took the word for a participle
        end = token.idx + len(token)
        return None if any(s < end and token.idx < e for s, e in taken) \
            else Phrase(token.idx, end, PEOPLE, token.lower_)
    if token.pos_ not in {"NOUN", "ADJ"} and not listed_abbreviation(token) \
            or (token.dep_ == "compound" and not actor):
        return None
    nouns = participant_nouns()
    compound = [c for c in token.lefts if c.dep_ == "compound" and c.i == token.i - 1]
    two = f"{compound[0].lower_} {_lemma(token)}" if compound else ""
    lemma = two if two in nouns else _lemma(token)
    kind = nouns.get(lemma)
    person = not actor and _object_of_person_verb(token)
    if person and (age := _age(token)) is not None:
        return None if any(s < age.end and age.start < e for s, e in taken) else age
    written_plural = False
    if kind is None and person and token.pos_ == "NOUN" and token.is_alpha \
            and token.lower_ not in _PARTITIVE | {"others"}:  # "detained dozens": no kind named
        kind = PEOPLE  # "arrested a cook": whoever is arrested is a person
        # "trawlermen", "the public": as written, not a made plural
        written_plural = token.tag_ == "NNS" or token.lower_ in _COLLECTIVE
    if kind is None and any_noun and token.pos_ == "NOUN" and token.is_alpha and token.lower_ not in _PARTITIVE:
        kind = OBJECT  # "banned all protests", "rejected the deal": what was banned or judged was acted on
    if token.pos_ == "ADJ" or (kind is None and not actor):
        # "the injured", "the wounded": people named by what happened to them
        if hurt_people(token):
            kind, lemma = PEOPLE, token.lower_
        else:
            return None
    army = next((c for c in token.lefts if c.dep_ == "amod" and c.lower_ == "military"), None)
    if actor and kind not in GROUPS and army is not None:
        # "military jets bombed ...", "military artillery shelled": the armed forces did it
        if any(s <= army.idx < e for s, e in taken):
            return None
        return Phrase(army.idx, army.idx + len(army), FORCE, "military")
    if kind is None or (kind == OBJECT and verb_lemma not in OBJECT_VERBS and not any_noun):
        return None
    words = [token]
    for left in sorted(token.lefts, key=lambda t: -t.i):  # nearest first, contiguous only
        if left.i != words[0].i - 1 or left.dep_ not in {"compound", "amod"} or not left.is_alpha:
            break
        if left.lower_ in _NOT_KIND or left.pos_ == "PROPN" or left.ent_type_:
            break
        if left.tag_ in {"VBN", "VBG"} and left.lower_ not in _KIND_PARTICIPLES:
            break  # "a parked car", "looted shops", "burning buses": what happened, not what kind
        if any(s <= left.idx < e for s, e in taken):
            break
        words.insert(0, left)
    if kind == FORCE and len(words) == 1 and token.tag_ != "NNS" and not _indefinite(token):
        return None  # "the group" with nothing before it points back (coref) or says nothing
    start, end = words[0].idx, token.idx + len(token)
    if any(s < end and start < e for s, e in taken):
        return None
    modifiers = [w.lower_ for w in words[:-2 if two and two == lemma else -1]]
    if kind in {PEOPLE, FORCE}:
        base = lemma if token.pos_ == "ADJ" else token.lower_ if written_plural else plural(lemma)
    else:
        base = lemma
    name = " ".join([*modifiers, base])
    return Phrase(start, end, kind, name)


_HURT = {"injured", "wounded", "dead", "displaced"}


def hurt_people(token: Token) -> bool:
    """Whether ``token`` names people by what happened to them: "the injured", "the wounded", and
    a count of them ("hundreds of injured")."""
    if token.lower_ not in _HURT:
        return False
    counted = token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _PARTITIVE
    return counted or any(c.lower_ == "the" for c in token.children)


# Determiners that point back to what the article named before ("the officer", "this field").
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def named_before(token: Token, found: Phrase, verb_lemma: str | None, taken: list[tuple[int, int]],
                 actor: bool = False, any_noun: bool = False) -> Phrase:
    """``found`` (what ``token`` heads) with the name and span of the nearest earlier mention in
    the article of the same noun with words of its kind before it, when ``found`` is a bare
    definite description ("A police officer shot a student ... The officer was arrested": the
    police officers; "an oil field ... The field was overrun"): coreference of a definite noun
    with the fuller mention that introduced it. ``found`` as it is otherwise (the arguments are
    :func:`phrase`'s)."""
    head = _head(token)
    if found.start != head.idx or not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children) \
            or any(c.dep_ in {"poss", "nummod", "compound", "amod"} for c in head.lefts):
        return found
    lemma = _lemma(head)
    for earlier in reversed(head.doc[:head.i]):
        if earlier.pos_ != "NOUN" or _lemma(earlier) != lemma:
            continue
        before = phrase(earlier, verb_lemma, taken, actor, any_noun)
        if before is not None and before.kind == found.kind and before.start < earlier.idx:
            return Phrase(found.start, found.end, found.kind, before.name, (before.start, before.end))
    return found


def _object_of_person_verb(token: Token) -> bool:
    """Whether the noun is the object (or passive subject) of a verb whose object is a person
    (``PERSON_VERBS``, ``BID_VERBS`` with a "to" clause: "urged allies to ...", ``ACCUSE_VERBS``
    with an "of" or "for" phrase: "accused security agencies of ..."), itself or
    through a list ("shot dead a village head and his son"); not a noun elsewhere in its clause
    ("arrested a boy at the scene", "beat a thief to death")."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    verb = token.head
    lemma = verb.lemma_.lower()
    if token.dep_ == "pobj" and (verb.lower_, verb.head.lemma_.lower()) in _ADDRESSED:
        return True  # "called on its allies to ...", "appealed to aid agencies for ..."
    return token.dep_ in {"dobj", "nsubjpass"} and (lemma in PERSON_VERBS or (
        lemma in BID_VERBS and (_bids_to_act(verb) or _asks_for(verb))) or (
        lemma in ACCUSE_VERBS and _says_of_what(verb)))


# The preposition and verb of a request addressed to someone: "called on its allies to send ...",
# "appealed to international organisations for tents".
_ADDRESSED = {("on", "call"), ("to", "appeal")}


def _asks_for(verb: Token) -> bool:
    """Whether a "for" phrase says what the verb's object is asked for ("asked its allies for more
    air defence systems")."""
    return verb.lemma_.lower() == "ask" and any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)


def _says_of_what(verb: Token) -> bool:
    """Whether an "of" or "for" phrase says what the verb's object is accused of ("accused the
    bosses of trafficking", "blamed local officials for the delays")."""
    return any(c.dep_ == "prep" and c.lower_ in {"of", "for"} for c in verb.children)


def _bids_to_act(verb: Token) -> bool:
    """Whether a "to" clause says what the verb's object is to do ("urged allies to supply")."""
    return any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in verb.children)


def _age(token: Token) -> Phrase | None:
    """A person named by their age ("a 17-year-old", parsed as the adjective "old" with "year"
    below it), as the news writes minors and young victims."""
    if token.lower_ != "old" or not any(c.lower_ in {"year", "years"} for c in token.children):
        return None
    words = [t for t in token.subtree if t.dep_ != "det" and t.i <= token.i]
    first = words[0]
    name = token.doc[first.i:token.i + 1].text.lower()
    return Phrase(first.idx, token.idx + len(token), PEOPLE, plural(name))


class Minted:
    """The unnamed participants one article's events named, appended to its entity and place
    lists as they are made (the lists the events component hands to the roles)."""

    def __init__(self, text: ArticleText, entities: list[Entity], places: list[Place]) -> None:
        self.text = text
        self.entities = entities
        self.places = places
        self.made: set[str] = set()  # the ids minted here

    def add(self, found: Phrase) -> str | None:
        """The id of ``found``, made or extended with this mention; None if it has no mention
        or a name of the article slugs alike (that id stays the name's)."""
        mention = self.text.mention(found.start, found.end)
        if mention is None:
            return None
        mentions = [mention]
        if found.antecedent is not None and (first := self.text.mention(*found.antecedent)) is not None:
            mentions.insert(0, first)
        group = found.kind in GROUPS  # people, forces and bodies are entities; the rest places
        made = f"{'group' if group else 'place'}:{slugify(found.name)}"
        items: list[Entity] | list[Place] = self.entities if group else self.places
        for item in items:
            if item.id == made:
                if not unnamed(item.name):
                    return None  # a name's id: it stays the name's, not one made here
                if new := [m for m in mentions if m not in item.mentions]:
                    item.mentions.extend(new)
                    item.mentions.sort(key=lambda m: (m.field != "title", m.start))
                self.made.add(made)
                return made
        self.made.add(made)
        if group:
            self.entities.append(Entity(id=made, name=found.name, type="GROUP", mentions=mentions,
                                        salience=0.0))
        else:
            self.places.append(Place(id=made, name=found.name, feature=FEATURE[found.kind],
                                     mentions=mentions, confidence=0.0, salience=0.0))
        return made
