"""Other places to read an actor or a target when the trigger's own roles name no one.

:mod:`.actors` reads the roles the trigger's clause governs. News often
writes them further away, and :func:`~.roles.event_roles` takes the first of
these readings that names an entity or a place:

- actors (a dateline is its own sentence, see :mod:`streams.tagging.spacy_model`,
  so a lead's subject is parsed as such): the subject of the verb a noun trigger hangs
  on ("Riot police responded with tear gas"), the subject a clause borrows, the parties
  of talks or fighting "between X and Y" told in the clause ("The step followed talks
  between Egyptian mediators and Israeli officials"), the speaker of a reported clause
  ("Eleven protesters were arrested, police said"; "the ministry said strikes would
  continue");
- targets: who the clause a "when" clause explains was done to ("five
  protesters were killed when police opened fire"); where the thing fired or
  thrown went ("fired shells containing gas at an Alawite village"), the objects of the purpose, result and
  coordinated clauses ("fired tear gas to disperse the crowd", "..., wounding
  seven protesters", "and arrested dozens of students"), and objects inside a
  complement ("threatened to review gas contracts with Spain"); what is used
  or fired reads the clauses of its verb ("used batons and pepper spray to
  push the protesters back"); last, a facility where it happened ("a bomb
  went off in a parked car"; for an attack beside the targets found: "exploded outside a police
  station, wounding three officers");
- and always, beside the targets found: who or what a casualty, damage, attack, harm-to-people
  or driving-out clause names ("opened fire on a house party, killing four teenagers", "...,
  hitting a school", ", beheading two villagers", ", pushing Ukrainian troops back"), a vehicle
  that hit a mine ("were killed when their minibus struck an explosive device"), what verbs
  coordinated under the trigger's subject acted on ("arrested 14 suspects and seized weapons"),
  whom a purpose of rescue, harm or seizure names ("sent helicopters to rescue stranded
  residents"), and, for an attack, what it hit whatever its noun ("stormed a police armoury",
  "hurled crude bombs at a rally", "used munitions against Ukrainian infantry"), what its "when"
  clause says was hit ("were killed when jets bombed the hospital"), what went by ("exploded as
  a military convoy passed") and what the explosive was attached to ("a bomb attached to a
  minibus").
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Token

from streams.tagging.events.actors import (
    AIMED_AT,
    SPEECH_VERBS,
    SUBJECTS,
    TARGET_PREPS,
    WHEN,
    agentless,
    anchor,
    borrowed_subject,
    clause_verb,
    hit_a_mine,
    relative_antecedent,
    saying_verbs,
    shared_subject_objects,
    verb_roles,
    with_conjuncts,
)
from streams.tagging.events.unnamed import PERSON_VERBS

# Verbs that only report a clause: "Belarus freed 14 prisoners, the opposition said" is the freeing.
_REPORTING = {"say", "tell", "report", "state", "add", "write", "note", "confirm"}
_OBJECT_PREPS = TARGET_PREPS - {"for", "over", "to"}
_RESULT_CLAUSES = {"xcomp", "advcl", "conj"}


def agentless_passive(trigger: Token) -> bool:
    """Whether the trigger's clause is a passive that does not say by whom ("were arrested")."""
    verb = clause_verb(anchor(trigger))
    return verb.pos_ in {"VERB", "AUX"} and agentless(verb)


def speaker(verb: Token) -> list[Token]:
    """The subject of the verb of saying that reports ``verb``'s clause ("..., police said",
    "the ministry said the army had ..."), looking up through at most three clauses."""
    for saying, _ in saying_verbs(verb):
        subjects = [c for c in saying.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    for child in verb.children:  # "Eleven protesters were arrested, police said" parsed the other way
        if child.dep_ in {"ccomp", "parataxis"} and child.lemma_.lower() in SPEECH_VERBS and child.i > verb.i:
            return [c for c in child.children if c.dep_ == "nsubj"]
    return []


def reported_verb(verb: Token) -> Token:
    """The verb of the clause a verb of saying reports ("Witnesses said the gunmen forced ...":
    forced), else ``verb``: the happening is told in the reported clause."""
    if verb.lemma_.lower() in _REPORTING:
        for child in verb.children:
            if child.dep_ in {"ccomp", "parataxis"} and (
                    child.pos_ in {"VERB", "AUX"}
                    # "Gunmen ... shot dead an activist, police said": the small parser heads the
                    # clause with "dead", "shot" a noun; a subject of its own makes it a clause
                    or (child.pos_ == "ADJ" and any(c.dep_ == "nsubj" for c in child.children))):
                return child
    return verb


def _participle(verb: Token) -> bool:
    """A past participle that describes a noun ("a woman detained during protests"), not a main
    verb the parser hung on its subject ("Suspected herdsmen killed 42 people": no other verb)."""
    root = verb.sent.root
    return (verb.dep_ == "acl" and verb.tag_ == "VBN" and root != verb and root.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ == "dobj" for c in verb.children))


def _governor(noun: Token) -> Token:
    """The verb whose object a noun is, through a list ("fired rubber bullets and stun
    grenades"); else the noun."""
    word = noun
    while word.dep_ == "conj" and word.head != word and word.head.pos_ in {"NOUN", "PROPN"}:
        word = word.head
    if word.dep_ == "dobj" and word.head.pos_ in {"VERB", "AUX"}:
        return word.head
    return noun


_LAUNCHED_FROM = {"by", "from"}


def launched_by(clause: Token) -> list[Token]:
    """Who fired, dropped or planted the thing that did it in ``clause``: the "by" or "from" phrase
    of a participle describing the clause's subject, its "by" phrase or its object ("Shells fired
    from Pakistan struck a village", "killed by a grenade dropped from a Russian drone", "when their
    vehicle hit a mine planted by a cartel"). The thing is how it happened, not who did it."""
    things = [c for c in clause.children if c.dep_ in SUBJECTS or c.dep_ == "dobj"]
    things += [g for c in clause.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ in {"by", "over", "on", "into"})
               for g in c.children if g.dep_ == "pobj"]
    return [g for thing in things if thing.pos_ == "NOUN"
            for participle in thing.children if participle.dep_ == "acl" and participle.tag_ == "VBN"
            for c in participle.children if c.dep_ in {"agent", "prep"} and c.lower_ in _LAUNCHED_FROM
            for g in c.children if g.dep_ == "pobj"]


def fallback_actors(trigger: Token) -> list[tuple[list[Token], bool]]:
    """Head words of other readings of the actor, nearest first (see the module docstring),
    each with whether it is the speaker's."""
    word = anchor(trigger)
    verb = clause_verb(word)
    out: list[list[Token]] = []
    while word.dep_ == "conj" and word.head != word and word.head.pos_ in {"NOUN", "PROPN"}:
        word = word.head  # "fired rubber bullets and stun grenades": the first of the list
    if word.pos_ in {"NOUN", "PROPN"} and word.dep_ in {"pobj", "dobj"}:
        governor = word.head
        for _ in range(4):  # up through "a package of sanctions", "in protest"
            if governor.pos_ in {"VERB", "AUX"} or governor.dep_ not in {"prep", "pobj", "dobj"}:
                break
            governor = governor.head
        if governor.pos_ in {"VERB", "AUX"}:
            verb = governor
            out.append([c for c in governor.children if c.dep_ in SUBJECTS])
    # "children who were kidnapped", "a woman detained during protests": the noun underwent it
    undergone = (verb.dep_ == "relcl" and agentless(verb)) or _participle(verb)
    if verb.pos_ in {"VERB", "AUX"} and not undergone:
        out.append(borrowed_subject(verb, reported=False))  # the speaker comes last, below
        out.append(launched_by(verb))  # "killed by a grenade dropped from a Russian drone"
        out += _clause_doers(verb)
        out.append(_between_parties(verb))  # "followed talks in New Delhi between X and Y"
    said = speaker(verb) if verb.pos_ in {"VERB", "AUX"} else []
    readings = [(with_conjuncts([relative_antecedent(t) for t in c]), False) for c in out if c]
    return [*readings, (with_conjuncts(said), True)] if said else readings


# Nouns of talks and of fighting whose "between" phrase names both parties ("talks between X and
# Y", "clashes between the brigade and ...").
_BETWEEN_NOUNS = {"talks", "meeting", "meetings", "negotiations", "negotiation", "mediation", "dialogue",
                  "fighting", "clashes", "clash", "battle", "battles", "hostilities"}


def _between_parties(verb: Token) -> list[Token]:
    """The parties of talks or fighting "between X and Y" told in ``verb``'s clause: hung on the
    verb itself or on a noun of talks or fighting among its arguments ("The agreement followed
    talks in New Delhi between Anita Anand and her Indian counterpart", "Clashes erupted ...
    between the 444 Brigade and ..."); their conjuncts are added by the caller."""
    nouns = [c for c in verb.children if c.dep_ in {*SUBJECTS, "nsubjpass", "dobj"}]
    nouns += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    hangers = [verb, *(n for n in nouns if n.lower_ in _BETWEEN_NOUNS)]
    return [g for h in hangers for c in h.subtree if c.dep_ == "prep" and c.lower_ == "between"
            and (c.head == h or c.head.head == h) for g in c.children if g.dep_ == "pobj"]


_SAME_MOMENT = frozenset({"when", "as"})


def _clause_doers(verb: Token, marks: frozenset[str] | None = None) -> list[list[Token]]:
    """For an agentless passive, who its "when" clause says acted ("were killed when a Russian
    missile struck", also hung on a conjunct: "two were killed and five wounded when guerrillas
    attacked"): who launched the thing that did it ("when shells fired by X landed"), then the
    clause's subject (not "when their truck hit a mine"). Nearest reading first; with ``marks``,
    only clauses opened by one of them."""
    if not agentless(verb):
        return []
    clauses = [c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "advcl"
               and (marks is None or any(m.dep_ in {"advmod", "mark"} and m.lower_ in marks for m in c.children))]
    return [launched_by(clause) for clause in clauses] \
        + [[c for c in clause.children if c.dep_ in SUBJECTS] for clause in clauses if not hit_a_mine(clause)] \
        + ([_misread_as_clause(verb)] if marks is None or "as" in marks else [])


def _misread_as_clause(verb: Token) -> list[Token]:
    """The subject of an "as" clause the parser read as a preposition with a described noun ("were
    torched as junta troops swept through several villages": "as" a preposition, "troops" its
    object, "swept" a clause on the troops): a past tense there is the clause's own verb, so the
    noun is its subject."""
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}
            and any(a.dep_ == "acl" and a.tag_ == "VBD" for a in g.children)]


def headline_undergoers(trigger: Token) -> list[Token]:
    """Who a headline's passive without its auxiliary says underwent it: "Fourteen soldiers killed
    in jihadist attack", "Journalist detained in Tehran", "UN staff detained by Huthis" (the "by"
    phrase still names the doer). A verb that acts on people (:data:`~.unnamed.PERSON_VERBS`)
    with a subject, no object and no auxiliary; or the noun the parser hung such a participle on
    in a headline without a verb. Call it for a headline only, where wire copy drops the "were"."""
    verb = clause_verb(anchor(trigger))
    children = {c.dep_ for c in verb.children}
    if verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBN"} or verb.lemma_.lower() not in PERSON_VERBS \
            or children & {"dobj", "aux", "auxpass", "ccomp", "xcomp"}:
        return []
    if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ != "VERB":
        return with_conjuncts([verb.head])
    return with_conjuncts([c for c in verb.children if c.dep_ == "nsubj"])


def clause_doers(trigger: Token) -> list[list[Token]]:
    """Head words of who acted, by the "when" clause of the trigger's agentless passive (see
    :func:`_clause_doers`): read before the force named earlier in the article, which is only
    the likeliest doer when the sentence itself names none. Only a clause of the same moment
    ("when", "as"): "was arrested after the girl's parents filed a complaint" names who
    complained, not who arrested."""
    verb = clause_verb(anchor(trigger))
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return [with_conjuncts([relative_antecedent(t) for t in heads]) for heads in _clause_doers(verb, _SAME_MOMENT)
            if heads]


def _prep_objects(token: Token, depth: int = 0) -> list[Token]:
    """Objects of "at/on/into/against" under an object noun and its clauses ("shells
    containing gas at a village")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
            out += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in {"acl", "relcl"} and depth < 1:
            out += _prep_objects(child, depth + 1)
    return out


_CASUALTY = {"kill", "wound", "injure", "maim"}
# Clauses of damage told the same way: "launched a missile attack on Dnipro, hitting an apartment
# block", "raided the town, looting shops and burning homes".
_DAMAGE = {"hit", "destroy", "damage", "burn", "loot", "torch", "raze", "flatten", "ransack", "gut"}
# Clauses of driving out told the same way: "captured the village, pushing Ukrainian troops back",
# "moved into the town, driving out a rival ELN unit": who was driven out lost the ground.
_DRIVE_OUT = {"push", "drive", "expel", "oust", "dislodge", "rout", "repel", "repulse", "evict"}


def casualties(trigger: Token) -> list[Token]:
    """Who or what a casualty, damage, attack or driving-out clause says the act hit, besides what
    it was aimed at: "opened fire on a house party, killing four teenagers" (the teenagers), "...,
    hitting a school" (the school), "..., targeting gas production facilities", "..., pushing
    Ukrainian troops back" (the troops)."""
    verb = clause_verb(anchor(trigger))
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    clauses = [c for c in verb.children if c.dep_ in {"advcl", "conj"} and c.tag_ == "VBG"]
    clauses += [g for c in clauses for g in c.conjuncts if g.tag_ == "VBG"]  # "freeing ... and burning"
    # "..., beheading two villagers", "..., abducting 20 students": whoever a clause of harm or
    # seizure of people names was acted on too (verbs whose object is a person)
    return with_conjuncts([o for c in dict.fromkeys(clauses)
                           if c.lemma_.lower() in _CASUALTY | _DAMAGE | _DRIVE_OUT | _ATTACK_VERBS | PERSON_VERBS
                           for o in c.children if o.dep_ == "dobj"])


def coordinated_objects(trigger: Token) -> list[Token]:
    """What the verbs coordinated with a verb trigger under its subject acted on ("arrested 14
    suspects and seized weapons": the suspects, beside the weapons; see
    :func:`.actors.shared_subject_objects`). Read beside the targets found, after the other
    readings: the trigger's own clause comes first ("closed its ports to ships ... and banned
    arms sales with Israel" keeps what the fallbacks read for the closing)."""
    verb = anchor(trigger)
    if verb.pos_ not in {"VERB", "AUX"} or clause_verb(verb) != verb:
        return []
    return with_conjuncts([relative_antecedent(t) for t in shared_subject_objects(verb)])


# Verbs of a purpose clause that say whom an act was done to: people seized, harmed, moved or freed.
_PEOPLE_PURPOSES = PERSON_VERBS | {"disperse", "evacuate", "free", "release"}


def purpose_objects(trigger: Token) -> list[Token]:
    """Whom the trigger's purpose clause says the act was done to ("fired tear gas to disperse
    hundreds of people", "sent helicopters to rescue residents"): the people a purpose of
    seizing, harming, moving or freeing names, beside what its own clause names (what was fired
    or sent); not any purpose ("deployed troops to patrol markets": the markets were not acted on)."""
    verb = clause_verb(anchor(trigger))
    if verb.pos_ in {"NOUN", "PROPN"}:
        verb = _governor(verb)
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return with_conjuncts([t for c in verb.children if c.dep_ == "advcl" and _purpose(c)
                           and c.lemma_.lower() in _PEOPLE_PURPOSES for t in verb_roles(c)[1]])


def _purpose(clause: Token) -> bool:
    """Whether a clause is an infinitive of purpose ("to disperse", "in order to free")."""
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


def struck_vehicles(trigger: Token) -> list[Token]:
    """What hit a mine in a "when" clause was hit: "five officers were killed when their vehicle
    ran over an explosive device" (the vehicle; the caller keeps facilities and vehicles only)."""
    verb = clause_verb(anchor(trigger))
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    return [s for c in verb.children if c.dep_ == "advcl" and hit_a_mine(c)
            for s in c.children if s.dep_ in SUBJECTS]


def fallback_targets(trigger: Token) -> list[list[Token]]:
    """Head words of other readings of the target, nearest first (see the module docstring)."""
    verb = clause_verb(anchor(trigger))
    if verb.pos_ in {"NOUN", "PROPN"}:  # "used batons and pepper spray to push the protesters back":
        verb = _governor(verb)  # what is used or fired reads the clauses of its verb
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    out: list[list[Token]] = []
    if verb.dep_ == "advcl" and agentless(verb.head):  # "five protesters were killed when
        out.append([c for c in verb.head.children if c.dep_ == "nsubjpass"])  # police opened fire"
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    out.append([t for o in objects for t in _prep_objects(o)])
    clauses = [c for c in verb.children if c.dep_ in _RESULT_CLAUSES and c.pos_ in {"VERB", "AUX"}]
    clauses += [g for c in clauses if c.dep_ == "conj" for g in c.children  # "and used water
                if g.dep_ in {"xcomp", "advcl"} and g.pos_ in {"VERB", "AUX"}]  # cannon to disperse"
    for clause in clauses:
        _, targets, _ = verb_roles(clause)
        out.append(targets)
    for clause in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
        out.append([t for c in clause.children if c.dep_ == "dobj" for t in _prep_objects(c)])
    return [with_conjuncts(c) for c in out if c]


_SETTING = {"in", "at", "near", "inside", "outside", "through", "into", "on"}


def setting_objects(trigger: Token) -> list[Token]:
    """Nouns of where the trigger's act took place ("exploded near a market", "a blast at a
    mosque", "went off in a parked car"): a facility there is what an attack with no other
    target hit (the caller keeps facilities only)."""
    word = anchor(trigger)
    holders = [word, clause_verb(word)] if word.pos_ in {"NOUN", "PROPN"} else [word]
    return [g for h in dict.fromkeys(holders) for c in h.children if c.dep_ == "prep" and c.lower_ in _SETTING
            for g in c.children if g.dep_ == "pobj"]


# Verbs of attack, whose object is what was hit ("stormed a police armoury", "attacked a funeral
# gathering"), and verbs of throwing, firing or using, whose "at/on/into/against" phrase is
# ("hurled crude bombs at a rally", "dropped explosives on a bus stop"; what they threw, fired or
# used is the means).
_ATTACK_VERBS = {"attack", "strike", "hit", "bomb", "shell", "storm", "raid", "ambush", "target", "overrun",
                 "stone", "besiege", "invade", "shoot"}
_THROW_VERBS = {"fire", "drop", "hurl", "throw", "lob", "toss", "launch", "detonate", "plant", "use", "employ",
                "spray"}  # "used grenades filled with gas against Ukrainian positions"
# What an explosive was set off or put under, beside or near was hit, as what it was aimed at:
# "detonated a landmine under their vehicle", "detonated a truck bomb beside the police station".
_PLACING_VERBS = {"detonate", "plant"}
_PLACED_AT = AIMED_AT | {"under", "beneath", "underneath", "beside", "alongside", "outside", "inside", "near"}


def when_clauses(trigger: Token) -> list[Token]:
    """The clauses that tell when the trigger's act happened ("two people were killed when a
    missile struck the bus station", "... as a grenade exploded in the market"): what they say
    was hit, the act hit."""
    verb = clause_verb(anchor(trigger))  # "two were killed and 12 wounded when ...": either verb's
    return [c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "advcl"
            and c.pos_ in {"VERB", "AUX"}
            and any(m.dep_ in {"mark", "advmod"} and m.lower_ in {"when", "as"} for m in c.children)]


# Verbs of going by, whose subject was where a blast went off: "a bomb exploded as a military
# convoy passed", "... as the governor arrived at his office", "as a bomb disposal team approached".
_PASSING = {"pass", "approach", "arrive", "leave", "drive", "enter", "travel", "cross", "return", "move"}


def passing_subjects(clause: Token) -> list[Token]:
    """The subject of a when/as clause of going by (``_PASSING``): what was there when the act
    happened, and was hit by it."""
    if clause.lemma_.lower() not in _PASSING:
        return []
    return with_conjuncts([c for c in clause.children if c.dep_ in SUBJECTS])


# Participles that say where an explosive was put: "a bomb hidden in a parked motorcycle", "a
# magnetic bomb attached to a minibus", "a bomb planted on a bus".
_PLANTED = {"hide", "attach", "plant", "place", "leave", "strap", "fit", "conceal", "stick", "bury"}


def planted_in(trigger: Token) -> list[Token]:
    """What an explosive was hidden in, attached to or planted on (the trigger's noun, or the
    subject or object of its verb): the caller keeps the facilities and vehicles, which the
    blast hit."""
    word = anchor(trigger)
    verb = clause_verb(word)
    holders = [word] if word.pos_ in {"NOUN", "PROPN"} else []
    holders += [c for c in verb.children if c.dep_ in SUBJECTS | {"dobj"}]
    return [g for h in dict.fromkeys(holders) for p in h.children if p.dep_ == "acl" and p.lemma_.lower() in _PLANTED
            for c in p.children if c.dep_ == "prep" and c.lower_ in {"in", "on", "to", "under", "inside", "into"}
            for g in c.children if g.dep_ == "pobj"]


def attacked_objects(trigger: Token) -> list[Token]:
    """What an attack hit, whatever its noun: the object of a verb of attack, and where a thrown
    or fired thing was aimed ("at a rally", "on a bus stop", "at several targets"), under the
    verb, under a participle describing its subject ("A grenade thrown into a market wounded ...")
    or deeper in its phrases ("dropped munitions containing gas on Ukrainian soldiers",
    "dropped explosives from a drone on a police station"); the caller mints them as things acted
    on."""
    verb = clause_verb(anchor(trigger))
    lemma = verb.lemma_.lower()
    if verb.pos_ not in {"VERB", "AUX"}:
        return []
    # "A grenade thrown into a nightclub wounded 14 people": where the thing its subject names went
    thrown = [x for c in verb.children if c.dep_ in SUBJECTS for p in c.children
              if p.dep_ == "acl" and p.tag_ == "VBN" and p.lemma_.lower() in _THROW_VERBS for x in _aimed_at(p)]
    if lemma not in _ATTACK_VERBS | _THROW_VERBS:
        return with_conjuncts(thrown)
    hit = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] if lemma in _ATTACK_VERBS else []
    aimed = _aimed_at(verb, preps=_PLACED_AT if lemma in _PLACING_VERBS else AIMED_AT)
    return with_conjuncts(hit + aimed + thrown)  # with_conjuncts keeps each token once


def _aimed_at(token: Token, depth: int = 0, preps: Collection[str] = AIMED_AT) -> list[Token]:
    """The objects of the "at/on/into/against" phrases (``preps``) under ``token``, through its
    object, its prepositional phrases and the participles that describe them (not through clauses
    of their own: "..., killing four people", "and shelled ...")."""
    out: list[Token] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            out += [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN]
        elif child.dep_ in {"dobj", "prep", "pobj", "acl"} and depth < 4:
            out += _aimed_at(child, depth + 1, preps)
    return out
