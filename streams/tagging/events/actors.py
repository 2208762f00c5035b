"""Who did it and to whom, as head words of the dependency tree around the trigger.

The trigger's clause gives the roles, in the voice it is written in:

- active: the subject acts ("Police fired ..."), the object and the
  object-like prepositions ("at", "on", "against", "with" for clashes) are
  acted on, also when the parser gave their noun to a gerund clause ("fired at
  students marching ...", "abducted 15 farmers working in fields");
- passive: the agent acts ("... were killed by police"), the passive subject
  is acted on ("11 people"); but a force deployed in a passive that names no
  sender ("peacekeepers were deployed to the town", "commandos were flown into
  Juba") is who mobilised, unless an account names the sender ("the army said
  3,000 soldiers had been deployed");
- every role takes the words coordinated with its head, also a first conjunct the parser hung on
  the second's head as a modifier ("Police and gang members exchanged fire": "[Police and] gang
  members");
- a clause without its own subject borrows the one it depends on ("...
  blew themselves up, killing 12"; "militants who opened fire": the noun a
  relative clause describes);
- a noun trigger takes "by X", "from X", possessives and nationality
  adjectives as actors ("Russian strikes", "the RSF's attack"), "on/against
  Y" as targets (and "with Y" after a noun of fighting or talks: "a gun
  battle with Y"), "between X and Y" as both sides, and the subject of a light
  verb ("launched an attack", "staged a protest"); an attack noun in a
  prepositional phrase also takes the "on/against Y" the parser hung on the
  verb right after it ("responded with air strikes on nearby villages");
- a noun trigger that is itself the subject ("Drones struck ...") acts
  through its modifiers, and the verb's object is the target; one in a
  passive's "by" phrase hit the passive subject ("houses were damaged by the
  shells"); the passive
  subject of a light verb ("the kidnapping was carried out by X", "the
  ambush was claimed by X") was done by the agent, unless the clause is
  someone's account ("police said the attack was carried out by X");
- a trigger that only modifies a noun ("tear gas", "air strikes") reads the
  roles of that noun; an auxiliary ("will") those of its verb;
- a participle that describes a noun ("students abducted from a school",
  "those killed") has that noun as its target, not as its actor;
- a relative pronoun ("the ADF, which carried out ...") is the noun it
  describes;
- a munition's relative clause says what it hit ("planted a bomb that
  destroyed a police vehicle");
- what a vehicle was driven into or a thing thrown into, through or at is hit ("drove a car
  packed with explosives into an army base", "tossed a grenade through the window of a bar");
  the vehicle driven is how, not a target;
- verbs of leaving and of taking have a target in their "from" (or "out of")
  phrase: the place given up ("withdrew from their base", "pulled out of the
  villages"), who lost what was taken
  ("seized two villages from the army"); so does a clause of fleeing under a
  verb of taking ("took control of the town after police fled"), and one of
  holding it before ("retook the town after the cartel had controlled it",
  "retook four villages that insurgents had occupied"), and whom its "after"
  phrase says the taker fought or drove out ("after clashes with the SDF",
  "after driving out FARC dissidents");
- an intransitive verb of mishap or death has no actor: its subject underwent
  it ("the boat capsized", "two trains collided", "four inmates died"; not "a
  bomb exploded", the means), and so did a vehicle that hit a mine ("a bus hit
  a landmine");
- an agentless passive joined to a clause with a subject ("Police used
  batons, and 12 people were injured") takes that subject as its actor;
- a sentence the parser read as one noun phrase, its verb a modifier ("Protesters
  in Otavalo set fire to a police station", "RSF fighters sexually assaulted
  girls"), fills the roles the readings above left empty: the noun heading
  what comes before the verb acted, what the verb modifies after it, its
  objects and its target prepositions' nouns were acted on;
- "X shot dead Y" with "shot" taken for a noun ("Gunmen on a motorcycle shot
  dead two workers") is read by its words: who shot is the subject of "dead" or
  the noun before "shot" the phrase hangs on, whom is what "dead" takes or modifies.

When these name no one, :mod:`.fallbacks` has other places to look.

Every role word brings its coordinated words ("Sudan's army and the RSF").
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from streams.tagging.entities.nominals import actor_nouns, head_noun
from streams.tagging.events.unnamed import hurt_people

SUBJECTS = {"nsubj", "csubj"}
# Verbs of saying whose subject speaks for a reported clause (:func:`reported`, and
# :func:`.fallbacks.speaker` for a clause that names no actor).
SPEECH_VERBS = {"say", "tell", "report", "announce", "state", "confirm", "add", "claim", "write",
                "allege", "warn", "insist", "declare", "accuse", "assert", "note", "acknowledge"}
_OBJECTS = {"dobj", "iobj", "dative", "attr", "oprd"}
# how the parser hangs a sentence's verb on a noun when it reads the sentence as one noun phrase
_COLLAPSED_DEPS = {"amod", "acl", "compound", "appos"}
TARGET_PREPS = {"against", "on", "at", "into", "upon", "toward", "towards", "with", "to", "targeting",
                "for", "over", "among"}
# What a thrown or fired thing is aimed at, when the parser hangs it on that thing ("fired tear
# gas at students", "hurled stones at police lines", "imposed sanctions on Russia")
AIMED_AT = {"at", "against", "on", "upon", "toward", "towards", "into"}
_NOUN_TARGET_PREPS = {"against", "on", "upon", "at", "targeting", "of"}
_NOUN_ACTOR_PREPS = {"by", "from"}
# Nouns of fighting and of talks whose "with" phrase is the other side: "a gun battle with the
# attackers", "negotiations with the group" (not "an attack with drones": the means).
_WITH_NOUNS = {"battle", "battles", "clash", "clashes", "fighting", "fight", "gunfight", "firefight",
               "skirmish", "skirmishes", "confrontation", "war", "talks", "negotiations", "dialogue",
               "exchange", "shootout", "standoff", "gunfights", "firefights"}
# A noun trigger's subject: the parser gives a noun one only where it misread a verb as a noun
# ("A gunman shot and wounded ...": "shot" a noun with the subject "gunman").
_NOUN_ACTOR_DEPS = {"poss", "amod", "compound", "nmod", "nsubj"}
# Spans of time an "after" phrase counts in ("after weeks of fighting with the army").
_SPANS = {"hours", "days", "weeks", "months", "years", "nights"}
# Nouns of attack whose "on/against" phrase is whom the attack was on ("weeks of attacks on X").
ATTACK_NOUNS = {"attack", "assault", "strike", "airstrike", "raid", "offensive", "bombardment", "shelling"}
_BORROW = {"xcomp", "advcl", "conj", "acl", "relcl", "pcomp", "ccomp", "acomp", "prep", "pobj"}
_RELATIVE = {"which", "who", "that", "whom"}
WHEN = {"DATE", "TIME"}  # "on Thursday" is no target
# the phrases of a passive that tell the act it was done in: "killed in an ambush by X", "wounded
# during a raid by X", "were killed in a Taliban attack"
_DURING = frozenset({"in", "during"})
_CARRY = {"carry", "transport", "ferry", "bring"}  # who rode in the vehicle attacked was attacked
# Verbs of taking, whose "from" phrase is who lost it: "seized two villages from the army".
_TAKE_VERBS = {"seize", "capture", "recapture", "retake", "take", "wrest", "snatch", "grab", "win", "regain",
               "overrun", "retook", "occupy", "reoccupy"}  # the small model's lemma of "retook" is itself
# Verbs of leaving whose "from" phrase is what is given up: "withdrew from the town of Zemio".
_LEAVE_VERBS = {"withdraw", "retreat", "pull", "evacuate", "expel", "oust", "drive", "push", "dislodge",
                *_TAKE_VERBS - {"overrun"}}
# Verbs of fending off an act: who made the act ("repelled an attack by the RSF", "foiled an
# attempt by al Shabaab fighters to storm the base") was fought off, so is the target.
_FEND_OFF = {"repel", "repulse", "foil", "thwart", "rebuff", "withstand", "fend", "avert"}
_BACK_OFF = {"back", "off"}  # "beat back an assault by ...", "fought off a raid by ..."
# Who fled or withdrew before a place was taken lost it: "took control of the town after police fled".
_FLED = {"flee", "withdraw", "retreat", "abandon", "leave", "pull", "evacuate", "desert", "vacate", "fall"}
# Who held a place before it was taken lost it: "retook the town after the cartel had controlled it",
# "retook four villages that insurgents had occupied".
_HELD = {"hold", "control", "occupy", "seize", "capture", "take", "overrun", "block", "besiege"}
# Verbs of driving a vehicle at something and of throwing: what "into", "through", "at" or "onto"
# names was hit ("drove a car into a union march", "tossed a grenade through the door of a bar"),
# also when the parser hangs it on a participle of the object ("drove two vehicles packed with
# explosives into an army camp"). The vehicle driven is how it was done, not what was hit.
_DRIVE_VERBS = {"drive", "steer", "ram", "plough", "plow", "crash", "slam", "smash"}
_HURL_VERBS = {"throw", "toss", "hurl", "lob", "fling"}
_HURLED_INTO = {"into", "through", "at", "onto"}
_VEHICLES = {"car", "cars", "vehicle", "vehicles", "truck", "trucks", "lorry", "lorries", "van", "vans", "bus",
             "buses", "suv", "motorcycle", "motorcycles", "motorbike", "tractor", "tractors", "minibus", "taxi",
             "pickup", "jeep", "tanker", "bulldozer"}
# Verbs whose object is the event noun and whose subject is its actor.
LIGHT_VERBS = {"launch", "carry", "conduct", "stage", "mount", "hold", "make", "claim", "begin", "start",
               "continue", "step", "intensify", "escalate", "resume", "unleash", "lead", "organise",
               "organize", "wage", "fight", "commit", "perpetrate", "execute", "order", "impose",
               "declare", "announce", "sign", "reach", "deliver", "send", "provide", "issue", "file",
               "level", "lodge", "mark", "join", "call", "take", "hit", "strike", "open", "fire",
               "place", "put"}


def with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The tokens and every word coordinated with them, in order, once each."""
    out: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts, *_misread_conjuncts(token)):
            if t not in out and (t.pos_ in {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"} or hurt_people(t)):
                out.append(t)
    return out


def _coordinator(token: Token) -> Token | None:
    """The coordinating "and" or "or" that hangs on ``token``, if any."""
    return next((g for g in token.children if g.dep_ == "cc" and g.lower_ in {"and", "or"}), None)


def _misread_conjuncts(token: Token) -> list[Token]:
    """Words coordinated with ``token`` that the small parser did not make its conjuncts:
    - modifiers before it that carry a coordinating "and" or "or" of their own ("Police and gang
      members exchanged fire" read as "[Police and] gang members");
    - an apposition that has a conjunct of its own: a list read as a name and its apposition
      ("Mali, Burkina Faso and Niger condemned ...": Burkina Faso in apposition to Mali, Niger
      its conjunct), with that apposition's conjuncts;
    - the word right after the token's own "and" that the parser hung on the token's head
      ("Australia and Nauru signed": Nauru an npadvmod of "signed")."""
    out = [c for c in token.lefts if c.dep_ in {"nmod", "compound", "amod"} and _coordinator(c) is not None]
    for c in token.rights:
        if c.dep_ == "appos" and any(g.dep_ == "conj" for g in c.children):
            out += [c, *c.conjuncts]
    cc = _coordinator(token)
    if cc is not None and cc.i > token.i and not any(g.dep_ == "conj" for g in token.children) \
            and cc.i + 1 < len(token.doc):
        after = token.doc[cc.i + 1]
        if after.head == token.head and after != token.head and after.dep_ in {"npadvmod", "dep", "nmod"}:
            out.append(after)
    return out


def clause_verb(token: Token) -> Token:
    """The verb a noun trigger is the subject of ("strikes" in "strikes killed ...")."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}:
        return token.head
    return token


def verb_roles(verb: Token) -> tuple[list[Token], list[Token], bool]:
    """Actors and targets governed by ``verb`` itself; whether it has a subject."""
    actors: list[Token] = []
    targets: list[Token] = []
    has_subject = False
    for child in verb.children:
        if child.dep_ in SUBJECTS:
            actors.append(child)
            has_subject = True
        elif child.dep_ == "nsubjpass":
            # "peacekeepers were deployed to the town": the force sent is who mobilised
            (actors if deployed_force(verb) and is_force(child) else targets).append(child)
            has_subject = True
        elif child.dep_ in {"agent", "prep"} and child.lower_ == "by" and verb.tag_ != "VBN" \
                and any(c.dep_ == "dobj" or (c.dep_ == "npadvmod" and c.pos_ == "NOUN") for c in verb.children):
            # an active verb's object made by someone: "broke up a march by protesters" (the
            # parser hangs "by" on the verb, even as an agent); an active verb has no agent: the
            # marchers were acted on, they did not act
            targets += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            actors += _by_doers(child)
        elif child.dep_ == "dative" and child.pos_ == "ADP":  # "gave $60 million to the army": the army
            targets += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in _OBJECTS:
            targets.append(child)
        elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
            targets += [g for g in child.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN
                        and g.tag_ != "VBG"] \
                or _clause_subjects(child, "pcomp") or _clause_subjects(child, "pobj", gerund=True) \
                or _dangling_object(verb, child)
        elif child.dep_ == "prep" and child.lower_ == "between":
            actors += [g for g in child.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in _LEAVE_VERBS:  # "withdrew from their base", "seized X from the army"
        targets += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                    for g in c.children if g.dep_ == "pobj"]
        targets += [g for c in verb.children if c.dep_ in {"prt", "prep", "advmod"} and c.lower_ == "out"
                    for p in c.children if p.dep_ == "prep" and p.lower_ == "of"  # "pulled out of the
                    for g in p.children if g.dep_ == "pobj"]  # villages"
        targets += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                    and any(o.dep_ == "prt" and o.lower_ == "out" for o in verb.children)
                    for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in _DRIVE_VERBS | _HURL_VERBS:
        targets = _hurled_into(verb, targets)
    # "planted a bomb that destroyed a police vehicle": what the munition's clause says it hit
    targets += [o for m in verb.children if m.dep_ == "dobj" and m.lemma_.lower() in _MUNITIONS
                for r in m.children if r.dep_ == "relcl" for o in r.children if o.dep_ == "dobj"]
    if verb.lemma_.lower() in _FEND_OFF or any(c.dep_ == "prt" and c.lower_ in _BACK_OFF for c in verb.children):
        targets += [g for o in verb.children if o.dep_ == "dobj" for c in o.children
                    if c.dep_ in {"prep", "agent"} and c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    if verb.lemma_.lower() in _TAKE_VERBS:
        # "retook a town in the Cal Miskaad range from Islamic State fighters": the parser hangs
        # "from" on the nearest noun of what was taken; whoever it was taken from lost it
        targets += [g for o in verb.children if o.dep_ == "dobj" for c in o.subtree
                    if c.dep_ == "prep" and c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        targets += _former_holders(verb)
    if not actors and any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children):
        # "soldiers were killed in an ambush by JNIM fighters": who made the ambush killed them;
        # "guerrillas were killed in a gunbattle with army troops": whom they fought
        actors += [a for c in verb.children if c.dep_ == "prep" and c.lower_ in _DURING
                   for g in c.children if (g.dep_ == "pobj" and g.pos_ == "NOUN") or g.lower_ == "fighting"
                   for a in _agents(g) or _fought_with(g)]
    if (verb.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in verb.children)) \
            or undergoes(verb):
        # "villages came under fire": the subject is what was fired on; "the boat capsized",
        # "a bus hit a landmine": the subject underwent it
        targets += actors
        actors = []
    if verb.dep_ == "relcl" and has_subject and not targets and verb.head.pos_ in {"NOUN", "PROPN"}:
        targets.append(verb.head)  # "a mayor they abducted": the noun is the object
    if verb.pos_ == "VERB" and not any(c.dep_ in _OBJECTS for c in verb.children):
        # "detained lawmakers marching to ...", parsed as
        targets += _clause_subjects(verb, "ccomp", gerund=True)  # the gerund's subject
        # "abducted 15 farmers working in fields", parsed as a clause of the verb: the noun
        # right after the verb is its object
        targets += [s for dep in ("advcl", "xcomp") for s in _clause_subjects(verb, dep, gerund=True)
                    if all(t in set(s.subtree) for t in verb.doc[verb.i + 1:s.i])]
    return actors, targets, has_subject


def _hurled_into(verb: Token, targets: list[Token]) -> list[Token]:
    """``targets`` of a verb of driving or throwing (``_DRIVE_VERBS``, ``_HURL_VERBS``) with what
    it hit; a vehicle driven into something is left out of them."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    hangers = [verb, *(p for o in objects for p in o.children if p.dep_ == "acl" and p.tag_ == "VBN")]
    hit = [g for h in hangers for c in h.children if c.dep_ == "prep" and c.lower_ in _HURLED_INTO
           for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN]
    if not hit:
        return targets
    if verb.lemma_.lower() in _DRIVE_VERBS:
        targets = [t for t in targets if not (t in objects and t.lower_ in _VEHICLES)]
    return [*targets, *(g for g in hit if g not in targets)]


def _former_holders(verb: Token) -> list[Token]:
    """Who lost what a verb of taking took: who fled or withdrew before ("took the town after the
    army withdrew", "after the garrison fell"), and who held it before ("retook the town after
    the cartel had controlled it for a year", "retook four villages that insurgents had
    occupied")."""
    clauses = [c for c in verb.children if c.dep_ == "advcl" and (
        c.lemma_.lower() in _FLED or (c.lemma_.lower() in _HELD and _before(c)))]
    clauses += [r for o in verb.children if o.dep_ == "dobj" for r in o.children
                if r.dep_ == "relcl" and r.lemma_.lower() in _HELD]
    return [g for c in clauses for g in c.children if g.dep_ in SUBJECTS] + _fought_before(verb)


def _fought_before(verb: Token) -> list[Token]:
    """Whom a verb of taking's "after" phrase says the taker fought or drove out: who lost the
    ground ("took over the oil field after brief clashes with the SDF", "recaptured two villages
    after pushing Russian troops back across a river", "captured the town after days of fighting
    with the army", "after weeks of attacks on the TNLA")."""
    out: list[Token] = []
    for after in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "after"):
        for g in after.children:
            if g.dep_ == "pobj" and g.lower_ in _SPANS:  # "after weeks of ...": what filled them
                g = next((w for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                          for w in p.children if w.dep_ in {"pobj", "pcomp"}), g)
            if g.tag_ == "VBG" and (g.dep_ == "pcomp" or g.pos_ == "VERB"):  # "after driving out a
                out += verb_roles(g)[1]  # rival faction", "after weeks of shelling their positions"
            elif g.dep_ == "pobj" and g.lower_ in _WITH_NOUNS:  # "after clashes with the SDF"
                out += [o for w in g.children if w.dep_ == "prep" and w.lower_ == "with"
                        for o in w.children if o.dep_ == "pobj"]
            elif g.dep_ == "pobj" and g.lemma_.lower() in ATTACK_NOUNS:  # "after weeks of attacks on the TNLA"
                out += [o for w in g.children if w.dep_ == "prep" and w.lower_ in {"on", "against"}
                        for o in w.children if o.dep_ == "pobj"]
    return out


def _before(clause: Token) -> bool:
    """Whether a clause tells what came before its head's act ("after X had held it")."""
    return any(c.dep_ == "mark" and c.lower_ == "after" for c in clause.children) \
        or any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in clause.children)


def _clause_subjects(token: Token, dep: str, gerund: bool = False) -> list[Token]:
    """Nouns the parser made the subject of a gerund clause under ``token`` that are really
    its object: "fired at thousands of students marching ...", "detained lawmakers marching"."""
    return [s for c in token.children if c.dep_ == dep and (c.tag_ == "VBG" or not gerund)
            for s in c.children if s.dep_ == "nsubj" and s.pos_ in {"NOUN", "PROPN", "NUM"}]


def _dangling_object(verb: Token, prep: Token) -> list[Token]:
    """The noun a preposition left without its object lost to a gerund clause the parser hung on
    the verb: "fired tear gas at students marching against ..." parsed as "at" and a clause
    "[students marching]" of "fired" (the clause's subject is what was fired at; the parse
    "at [students marching]" is read by ``_clause_subjects``)."""
    if any(prep.children):
        return []
    return [s for c in verb.children if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i > prep.i
            for s in c.children if s.dep_ == "nsubj" and s.pos_ in {"NOUN", "PROPN"}
            and all(t.head == s for t in s.doc[prep.i + 1:s.i])]  # right after the preposition


def borrowed_subject(verb: Token, *, reported: bool = True) -> list[Token]:
    """The subject a subjectless clause takes from the clause it depends on ("France is ready
    to contribute", "are guilty of violating", "... blew themselves up, killing 12"); with
    ``reported`` False, not the subject of a clause that reports it ("residents said ...")."""
    head = verb
    for _ in range(5):
        if head.dep_ not in _BORROW or head.head == head or (head.dep_ == "ccomp" and not reported):
            return []
        if head.dep_ in {"acl", "relcl"}:
            return [head.head] if head.head.pos_ in {"NOUN", "PROPN", "PRON"} else []
        head = head.head
        subjects = [c for c in head.children if c.dep_ in SUBJECTS
                    or (c.dep_ == "nsubjpass" and deployed_force(head) and is_force(c))]
        if subjects:
            return subjects
        agents = [g for c in head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents:
            return agents
    return []


def _noun_roles(noun: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = [c for c in noun.children if c.dep_ in _NOUN_ACTOR_DEPS]
    targets: list[Token] = []
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ in _NOUN_TARGET_PREPS
                                     or (child.lower_ == "with" and noun.lower_ in _WITH_NOUNS)):
            targets += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in {"prep", "agent"} and child.lower_ in _NOUN_ACTOR_PREPS:
            actors += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ == "between":
            actors += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "acl":  # "drones launched by the RSF"
            actors += [g for c in child.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            actors += _blamed_on(child)  # "a bomb attack blamed on the ELN"
            # "An air strike killed at least 20 people": the parser, thrown by "at least", makes
            # "killed" a participle of the strike; a past participle with an object is the strike's
            # verb ("drones carrying explosives" is no such misreading)
            if child.tag_ in {"VBD", "VBN"}:
                targets += [g for g in child.children if g.dep_ == "dobj"]
    return actors, targets


_BLAME = frozenset({"blame", "attribute"})


def _blamed_on(participle: Token) -> list[Token]:
    """Whom a participle of blame names ("blamed on the ELN", "attributed to the army")."""
    if participle.lemma_.lower() not in _BLAME:
        return []
    return [g for c in participle.children if c.dep_ in {"prep", "agent"} and c.lower_ in {"on", "to"}
            for g in c.children if g.dep_ == "pobj"]


def _blamed_doers(noun: Token) -> list[Token]:
    """Whom the act ``noun`` is blamed on ("A drone strike blamed on the RSF hit a market": the
    strike is how, the RSF who)."""
    return [g for c in noun.children if c.dep_ == "acl" for g in _blamed_on(c)]


_ATTACK_PREPS = frozenset({"on", "against", "upon"})


def _misattached_targets(noun: Token) -> list[Token]:
    """What an attack noun in a prepositional phrase hit, where the parser hung its "on" phrase on
    the verb: "The military responded with air strikes on nearby villages" ("on nearby villages"
    under "responded"). The phrase must follow the noun's own words directly; a light verb's
    phrases are read as the verb's already ("carried out strikes on ...")."""
    if noun.dep_ != "pobj" or noun.lemma_.lower() not in ATTACK_NOUNS:
        return []
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in LIGHT_VERBS:
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _ATTACK_PREPS
            and c.i == noun.head.right_edge.i + 1 for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ not in WHEN]  # not "strikes on Thursday"


def _passive_subject_of_agent(noun: Token) -> list[Token]:
    """What a noun trigger in a passive's "by" phrase hit: the passive subject ("several houses
    were damaged by the shells", "a convoy was targeted by a suicide bomber")."""
    by = noun.head
    if noun.dep_ != "pobj" or by.lower_ != "by" or by.dep_ not in {"agent", "prep"}:
        return []
    return [c for c in by.head.children if c.dep_ == "nsubjpass"]


def anchor(trigger: Token) -> Token:
    """The word the roles hang on: the noun a modifier trigger qualifies ("tear gas", "air
    strikes", "hunger strike"), the verb of an auxiliary ("will") or of an adverb ("sexually
    assaulted")."""
    for _ in range(2):
        if trigger.dep_ in {"compound", "amod"} and trigger.head.pos_ in {"NOUN", "PROPN"} \
                and trigger.head != trigger:
            trigger = trigger.head
        elif trigger.dep_ == "aux" and trigger.head.pos_ in {"VERB", "AUX"}:
            trigger = trigger.head
        elif trigger.dep_ == "advmod" and trigger.pos_ == "ADV" and trigger.head.pos_ == "VERB":
            trigger = trigger.head  # "sexually" of "sexually assaulted"
    return trigger


def saying_verbs(verb: Token) -> Iterator[tuple[Token, Token]]:
    """The verbs of saying that report ``verb``'s clause, nearest first, each with the clause it
    governs ("police said the attack bore ...", "..., the army said"), looking up through at most
    three clauses."""
    clause = verb
    for _ in range(3):
        head = clause.head
        if head == clause:
            return
        if clause.dep_ in {"ccomp", "parataxis"} and head.lemma_.lower() in SPEECH_VERBS:
            yield head, clause
        if clause.dep_ not in {"ccomp", "conj", "xcomp", "advcl", "parataxis"}:
            return
        clause = head


def reported(verb: Token) -> bool:
    """Whether ``verb``'s clause is told as someone's account, the complement of a verb of saying
    written before it ("police said the attack bore ...", "ISPR said that the attack was carried
    out by ..."; not "..., the army said" after the news), up through at most three clauses."""
    nearest = next(saying_verbs(verb), None)
    return nearest is not None and nearest[0].i < nearest[1].i


def _agents(verb: Token) -> list[Token]:
    """The nouns of a passive verb's "by" phrase."""
    return [g for c in verb.children if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by")
            for g in _by_doers(c)]


def _by_doers(by: Token) -> list[Token]:
    """Whom a "by" phrase names: its nouns, or where the parser read it as a clause the clause's
    subject ("burned down by soldiers searching for separatists" hangs "searching" on "by", with
    "soldiers" its subject); for an act of force, who it names as its doer ("killed by Russian
    shelling": Russian, :func:`act_owners`)."""
    gerunds = [c for c in by.children if c.dep_ == "pcomp" and c.tag_ == "VBG"]  # also "by Russian shelling"
    return [d for g in by.children if g.dep_ == "pobj" for d in (act_owners(g) or [g])] \
        or [s for c in gerunds for s in c.children if s.dep_ == "nsubj"] or [o for c in gerunds for o in act_owners(c)]


# Nouns of an act of force whose named owner did it: "an Israeli drone strike", "an al-Shabaab
# ambush", "a police crackdown", "Russia's bombardment".
_OWNED_ACTS = ATTACK_NOUNS | {"ambush", "bombing", "crackdown", "shooting", "incursion", "massacre",
                              "onslaught", "airstrikes", "barrage"}
_OWNER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
_OWNER_ENTITIES = frozenset({"NORP", "ORG", "GPE", "PERSON"})
# the phrases of a passive that tell the act whose object it names too ("in a drone strike on a minibus")
_ACT_OBJECT_PREPS = frozenset({"in", "during", "amid"})


def _is_owned_act(noun: Token) -> bool:
    """Whether ``noun`` names an act of force whose named owner did it (``_OWNED_ACTS``)."""
    return noun.lemma_.lower() in _OWNED_ACTS or noun.lower_ in _OWNED_ACTS


def _phrase_acts(verb: Token, preps: frozenset[str]) -> list[Token]:
    """The acts of force an agentless passive says it was done in, by its phrases of ``preps``
    ("were killed in a Taliban attack"): what :func:`act_phrase_doers` and
    :func:`act_phrase_objects` read."""
    if not agentless(verb):
        return []
    return [g for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj" and _is_owned_act(g)]


def act_owners(noun: Token) -> list[Token]:
    """Who the act of force ``noun`` names as its doer by a name, a nationality word or a force
    written on it ("an Israeli drone strike", "an RSF drone attack", "a police crackdown"), also on
    a noun compounded with it ("a Russian missile strike"), or by its "by" phrase ("an attack by
    gunmen"); none for any other noun, or for an act named by no one ("a deadly drone strike")."""
    if not _is_owned_act(noun):
        return []
    words = [c for c in noun.children if c.dep_ in _OWNER_DEPS]
    words += [g for c in words if c.dep_ == "compound" for g in c.children if g.dep_ in _OWNER_DEPS]
    owners = [t for t in words if t.pos_ == "PROPN" or t.ent_type_ in _OWNER_ENTITIES or is_force(t)]
    return owners or [g for c in noun.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                      for g in c.children if g.dep_ == "pobj"]


def act_phrase_doers(verb: Token) -> list[Token]:
    """Who did what an agentless passive reports, as the act of force its "in" or "during" phrase
    names says ("Two children were killed in a Russian missile strike": Russian; "were wounded in
    an attack by gunmen"): read before the teller of the clause ("..., the army said"), who tells
    of the act rather than did it."""
    return [o for act in _phrase_acts(verb, _DURING) for o in act_owners(act)]


def act_phrase_objects(verb: Token) -> list[Token]:
    """What the act of force an agentless passive was done in struck, as its "on" or "against"
    phrase names it ("Four passengers were killed in a drone strike on a minibus": the minibus, with
    the passengers the passive's subject names)."""
    return [o for act in _phrase_acts(verb, _ACT_OBJECT_PREPS) for c in act.children
            if c.dep_ == "prep" and c.lower_ in {"on", "against"} for o in c.children if o.dep_ == "pobj"]


# Nouns of a fight whose "with" or "against" phrase names the other side.
_FIGHT_NOUNS = {"clash", "clashes", "gunbattle", "gunbattles", "gunfight", "firefight", "shootout", "fighting",
                "battle", "battles", "skirmish", "skirmishes", "encounter", "exchange", "confrontation"}


def _fought_with(noun: Token) -> list[Token]:
    """The other side of a fight ``noun`` names ("a gunbattle with Philippine army troops",
    "fighting with ELN rebels", "an exchange of fire with police")."""
    if noun.lower_ not in _FIGHT_NOUNS:
        return []
    preps = [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"with", "against"}]
    preps += [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"  # "an exchange of fire with"
              for g in c.children for p in g.children if p.dep_ == "prep" and p.lower_ in {"with", "against"}]
    return [g for p in preps for g in p.children if g.dep_ == "pobj"]


def conjunct_agents(verb: Token) -> list[Token]:
    """Who did what an agentless passive reports, as the passive participle coordinated with it
    under the same subject says by its "by" phrase ("Government offices were looted and set on fire
    by armed men": the men looted them too)."""
    if not agentless(verb):
        return []
    return [d for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"
            and not any(g.dep_ in SUBJECTS | {"nsubjpass"} for g in c.children)
            for a in c.children if a.dep_ == "agent" for d in _by_doers(a)]


def relative_antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for ("the ADF, which carried out ..." -> ADF)."""
    if token.lower_ in _RELATIVE and token.tag_ in {"WDT", "WP"} and token.head.dep_ == "relcl":
        return token.head.head
    return token


def agentless(verb: Token) -> bool:
    children = list(verb.children)
    return any(c.dep_ == "nsubjpass" for c in children) and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children)


# Verbs of deploying forces: in a passive that names no one who sent them, the force sent is
# who acts ("troops were deployed", "commandos were flown into Juba", "jets were scrambled").
_DEPLOY = frozenset({"deploy", "redeploy", "send", "dispatch", "fly", "airlift", "rush", "scramble", "move",
                     "station", "position", "mobilise", "mobilize"})
_DEPLOY_IN = frozenset({"call", "bring"})  # "were called in", "were brought in"


def is_force(token: Token) -> bool:
    """Whether ``token`` heads a force: a noun of the force kind of the actor nouns ("troops",
    "peacekeepers", "police"), a name ("the Rangers", "the BSF"), or a unit of either ("two
    companies of the BSF", "columns of the Assam Rifles")."""
    nouns = actor_nouns()

    def named_or_force(t: Token) -> bool:
        return t.pos_ == "PROPN" or t.ent_type_ == "ORG" or nouns.get(t.lower_) == "force" \
            or nouns.get(t.lemma_.lower()) == "force"
    return named_or_force(token) or any(named_or_force(g) for c in token.children
                                        if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                                        if g.dep_ == "pobj")


def deployed_force(verb: Token) -> bool:
    """Whether ``verb`` is an agentless passive of deploying ("Rangers were deployed in Lahore",
    "reinforcements were called in"), whose passive subject is who mobilised."""
    lemma = verb.lemma_.lower()
    if not (lemma in _DEPLOY or (lemma in _DEPLOY_IN and any(
            c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "in" for c in verb.children))):
        return False  # the word first: the parse checks below run for every passive otherwise
    # "the army said 3,000 soldiers had been deployed": the speaker sent them
    return verb.pos_ in {"VERB", "AUX"} and agentless(verb) \
        and any(c.dep_ == "auxpass" for c in verb.children) and not reported(verb)


def participants(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Head words of the actors and of the targets of the event ``trigger`` names."""
    actors, targets = _participants(anchor(trigger))
    actors = [doer for t in actors for doer in (_blamed_doers(t) or [t])]
    # "Rioters set cars on fire": the trigger names who (also where the parser took it for a
    # name after a dateline: "AMMAN - Protesters gathered ...")
    if trigger.pos_ in {"NOUN", "PROPN"} and head_noun(trigger) is not None:
        actors.insert(0, trigger)
    # "tear" is not who used "tear gas"
    actors = [relative_antecedent(t) for t in actors if t != trigger or head_noun(t) is not None]
    actors = with_conjuncts(actors)
    targets = with_conjuncts([relative_antecedent(t) for t in targets])
    targets += with_conjuncts([g for t in targets for c in t.children  # "40 people, including activists"
                               if c.dep_ == "prep" and c.lower_ == "including" for g in c.children
                               if g.dep_ == "pobj"])
    targets += with_conjuncts([c for t in targets for c in t.children  # "the group's leader, Mahrang
                               if c.dep_ == "appos" and c.pos_ == "PROPN"])  # Baloch"
    targets += with_conjuncts([g for t in targets if t.pos_ == "NOUN" and not t.ent_type_  # "fired tear
                               for c in t.children if c.dep_ == "prep" and c.lower_ in AIMED_AT  # gas at
                               for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN])  # students"
    targets += with_conjuncts([g for t in targets for c in t.children  # "a vehicle carrying police
                               if c.dep_ == "acl" and c.lemma_.lower() in _CARRY  # commandos"
                               for g in c.children if g.dep_ == "dobj"])
    targets = [t for t in dict.fromkeys(targets) if t not in actors and t != trigger]
    if (shot := _shot_dead(trigger)) is not None:  # the parse is broken there: read it by its words
        actors = with_conjuncts(shot[0]) or actors
        targets = [t for t in with_conjuncts(shot[1]) if t not in actors] or targets
    if not actors or not targets:  # the parser may have read the sentence as one noun phrase
        collapsed_actors, collapsed_targets = _collapsed_roles(trigger)
        actors = actors or with_conjuncts(collapsed_actors)
        targets = targets or [t for t in with_conjuncts(collapsed_targets) if t not in actors and t != trigger]
    return actors, targets


def _shot_dead(trigger: Token) -> tuple[list[Token], list[Token]] | None:
    """Actor and target heads of "X shot dead Y" where the small parser took "shot" for a noun
    ("A gang shot dead a businessman": "[A gang shot] dead"; "Gunmen on a motorcycle shot dead two
    workers": one noun phrase), else None. Who shot: the subject of "dead", else the noun the
    phrase of "shot" hangs on before it, else the noun "shot" is a compound of ("gang"); whom: the
    object of "dead", or the noun "dead" modifies. ``trigger`` may be "dead" itself, when the event
    sits on the clause "dead" heads (fallbacks.reported_verb: "..., police said")."""
    doc = trigger.doc
    if trigger.lower_ == "dead" and trigger.i > 0:  # the event may sit on "dead", the clause's head
        trigger = doc[trigger.i - 1]
    if trigger.lower_ != "shot" or trigger.pos_ not in {"NOUN", "PROPN"} or trigger.i + 1 >= len(doc) \
            or doc[trigger.i + 1].lower_ != "dead":
        return None
    dead = doc[trigger.i + 1]
    targets = [c for c in dead.children if c.dep_ in _OBJECTS and c.i > dead.i]
    if dead.dep_ == "amod" and dead.head.i > dead.i:
        targets.append(dead.head)
    actors = [c for c in dead.children if c.dep_ == "nsubj" and c != trigger and c.i < trigger.i]
    node = trigger
    while not actors and node.head != node:
        node = node.head
        if node.pos_ in {"NOUN", "PROPN"} and node.i < trigger.i and node.dep_ in {"ROOT", "nsubj"}:
            actors = [node]
    if not actors:
        actors = [c for c in trigger.children if c.dep_ == "compound" and c.i < trigger.i][-1:]
    return actors, targets


def _collapsed_verb(trigger: Token) -> Token | None:
    """The verb of a sentence the parser read as one noun phrase, when ``trigger`` is it or
    names it ("Protesters in Otavalo set fire to ...": "set" a modifier of "fire", "Protesters"
    the root; "RSF fighters sexually assaulted girls": "assaulted" a modifier of "girls"), else None."""
    sent = trigger.sent
    if sent.root.pos_ not in {"NOUN", "PROPN"}:
        return None
    for verb in (trigger, *(c for c in anchor(trigger).children if c.dep_ == "amod" and c.i < trigger.i)):
        if verb.tag_ in {"VBD", "VBN"} and verb.dep_ in _COLLAPSED_DEPS and verb.i > sent.start \
                and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children):
            return verb
    return None


def _collapsed_roles(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Actor and target heads of a sentence read as one noun phrase (:func:`_collapsed_verb`):
    the noun heading what comes before the verb did it; the noun the verb modifies after it, the
    verb's objects and what a target preposition after it names were acted on."""
    verb = _collapsed_verb(trigger)
    if verb is None:
        return [], []
    sent = trigger.sent
    before = [t for t in sent if t.i < verb.i and t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ not in WHEN
              and (t.head == t or t.head.i >= verb.i)]
    targets = [verb.head] if verb.dep_ == "amod" and verb.head.i > verb.i else []  # "closed schools"
    targets += verb_roles(verb)[1]
    targets += [g for h in dict.fromkeys((anchor(trigger), verb.head, sent.root)) for c in h.children
                if c.dep_ == "prep" and c.i > verb.i and c.lower_ in TARGET_PREPS
                for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in WHEN]
    return before[-1:], list(dict.fromkeys(t for t in targets if t.i > verb.i))


def _participants(trigger: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    targets: list[Token] = []
    verb = clause_verb(trigger)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        a, t = _noun_roles(trigger)
        actors += a
        targets += t
        if verb == trigger and trigger.dep_ in {"dobj", "pobj"}:
            light = trigger.head if trigger.dep_ == "dobj" else trigger.head.head
            if light.pos_ in {"VERB", "AUX"} and (light.lemma_.lower() in LIGHT_VERBS or trigger.dep_ == "dobj"):
                a2, t2, has_subject = verb_roles(light)
                actors += a2 or ([] if has_subject else borrowed_subject(light))
                targets += [x for x in t2 if x != trigger]
        targets += _passive_subject_of_agent(trigger)
        targets += _misattached_targets(trigger)
    if verb != trigger or trigger.pos_ in {"VERB", "AUX"}:
        a, t, has_subject = verb_roles(verb)
        if verb != trigger:  # "Drones struck the depot": the drones are how, not who
            # but "the kidnapping was carried out by X", "the ambush was claimed by X": the act
            # told as the passive subject of a light verb was done by its agent
            # (not in someone's account: "ISPR said the attack was carried out by X" is ISPR's claim)
            a = _agents(verb) if trigger.dep_ == "nsubjpass" and verb.lemma_.lower() in LIGHT_VERBS \
                and not reported(verb) else []
            t = [x for x in t if x != trigger]
        if not has_subject and verb.dep_ == "conj" and verb.tag_ in {"VBN", "VBD"} \
                and not any(c.dep_ in _OBJECTS for c in verb.children):
            # "The gunman was shot and killed by soldiers": the second participle shares the passive subject
            t = [c for c in verb.head.children if c.dep_ == "nsubjpass"] + t
        participle = verb.dep_ == "acl" and verb.tag_ == "VBN"
        if participle and not t:  # "students abducted from a school": the students were abducted
            t = [verb.head]
        # "children who had been kidnapped" were kidnapped: the noun is no actor
        relative_passive = verb.dep_ == "relcl" and agentless(verb)
        if not a and not actors and not participle and not relative_passive \
                and (not has_subject or agentless(verb)):
            # "Police used batons, and 12 people were injured"; "Police said 47 suspects had been
            # arrested": the speaker whose account it is; but not the teller of an account written
            # after the news: in "Two farmers were shot dead, said a councillor" the councillor tells
            # of it (roles.event_roles reads that speaker last, where a speaker can be the doer)
            a = act_phrase_doers(verb) or conjunct_agents(verb) or borrowed_subject(verb, reported=reported(verb))
        actors += a
        targets += t + [o for o in act_phrase_objects(verb) if o not in t]
    if trigger.pos_ == "ADJ" and trigger.dep_ == "acomp":  # "Kenya is ready to deploy ..."
        a, t, has_subject = verb_roles(trigger.head)
        actors += a or ([] if has_subject else borrowed_subject(trigger.head))
        targets += t
    if not targets and trigger.pos_ in {"VERB", "AUX", "ADJ"}:
        targets += _complement_targets(trigger)
    return actors, targets


def _active(verb: Token) -> bool:
    return verb.pos_ in {"VERB", "AUX"} and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def shared_subject_objects(verb: Token) -> list[Token]:
    """What the verbs coordinated with ``verb`` under its own subject acted on: "Security forces
    arrested 14 suspects and seized weapons", "intercepted a boat ... and arrested four foreign
    nationals", "threw stones at police and burned tyres". One subject doing both, in one
    sentence, is one happening told in steps, and whoever each step acted on was acted on. A
    coordinated clause with its own subject ("Police fired, and protesters threw stones") is
    someone else's act, and a passive ("were arrested and later released") has no object."""
    return [o for other in shared_subject_verbs(verb) for o in verb_roles(other)[1]]


def shared_subject_verbs(verb: Token) -> list[Token]:
    """The active verbs coordinated with active ``verb`` under its own subject (see
    :func:`shared_subject_objects`)."""
    if not _active(verb):
        return []
    out: list[Token] = []
    for other in verb.conjuncts:
        later = other if other.i > verb.i else verb
        if _active(other) and not any(c.dep_ in SUBJECTS | {"expl"} for c in later.children):
            out.append(other)
    return out


# What a vehicle hits or runs over when nobody is named as having attacked it.
_HIT = {"hit", "strike", "run", "drive", "detonate", "trigger", "touch", "roll"}
_EXPLOSIVES = {"mine", "landmine", "device", "ied", "explosive", "explosives", "bomb", "ordnance"}
_MUNITIONS = _EXPLOSIVES | {"grenade", "shell", "rocket", "missile", "projectile", "munition", "submunition",
                            "drone", "charge"}
_CONTACT = {"hit", "strike", "run", "touch", "roll"}  # what a vehicle does to a mine it did not set off
# Verbs whose subject undergoes what they tell, when they take no object: "the boat capsized",
# "a building collapsed", "two trains collided", "a parked car exploded", "four inmates died"
# (not "militants exploded a bomb", "blew up a bridge": those have an object and an actor).
_UNDERGO = {"capsize", "sink", "collapse", "derail", "collide", "overturn", "explode", "burst", "crash",
            "die", "drown", "fall", "blow", "cave", "topple"}


def undergoes(verb: Token) -> bool:
    """Whether ``verb``'s subject underwent it rather than did it: an intransitive verb of
    mishap or death (``_UNDERGO``), or a vehicle that hit a mine ("a bus hit a landmine")."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return False
    if verb.lemma_.lower() in _UNDERGO and not any(c.dep_ in {"dobj", "auxpass"} for c in verb.children):
        # "a bomb exploded": what went off is the means, not what underwent it
        return not any(c.dep_ in SUBJECTS and c.lemma_.lower() in _MUNITIONS for c in verb.children)
    # "a bus hit a landmine" (not "insurgents detonated a bomb": they set it off)
    return verb.lemma_.lower() in _CONTACT and hit_a_mine(verb)


def hit_a_mine(clause: Token) -> bool:
    """Whether a clause says its subject hit or ran over an explosive ("their truck ran over a
    landmine"): the subject was hit, it did not attack."""
    if clause.lemma_.lower() not in _HIT:
        return False
    hit = [c for c in clause.children if c.dep_ == "dobj"]
    hit += [g for c in clause.children if c.dep_ == "prep" and c.lower_ in {"over", "on", "into"}
            for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in _EXPLOSIVES or h.lower_ in _EXPLOSIVES for h in hit)


def condition_subjects(word: Token, infinitives: bool = True) -> list[Token]:
    """Who must act for a threat not to be carried out: the subject of an "if" or "unless" clause
    of the threat's verb or of its complement ("threatened to strike if the government did not raise
    wages", "threatened on Monday to block roads unless the government ...": the parser hangs such
    an infinitive as a clause of its own; "said it would go on strike if the government ...": the
    verb a noun trigger is the object of). With ``infinitives`` false, only complements."""
    verb = word
    if word.pos_ in {"NOUN", "PROPN"}:  # "go on strike", "stage a strike": the verb of the noun
        verb = word.head.head if word.dep_ == "pobj" else word.head if word.dep_ == "dobj" else word
    clauses = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "ccomp"} or (
        infinitives and c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]
    return [s for clause in clauses for c in clause.children if c.dep_ == "advcl"
            and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
            for s in c.children if s.dep_ in SUBJECTS | {"nsubjpass"}]


def _complement_targets(verb: Token) -> list[Token]:
    """Targets stated in a complement: "demanded that Israel ease ..." (its subject),
    "is willing to withdraw its troops from Lebanon", "help defend Saudi Arabia" (its objects)."""
    # "threatened to strike if the government did not raise wages" (not through an infinitive the
    # parser hangs as a clause of its own: its objects are read below when the reading names none)
    out = condition_subjects(verb, infinitives=False)
    for child in verb.children:
        if child.dep_ == "ccomp":
            out += [c for c in child.children if c.dep_ in SUBJECTS | {"nsubjpass"}]
        if child.dep_ in {"xcomp", "ccomp", "acomp"}:
            for clause in (child, *(c for c in child.children if c.dep_ in {"xcomp", "ccomp"})):
                _, objects, _ = verb_roles(clause)
                out += objects
    return out
