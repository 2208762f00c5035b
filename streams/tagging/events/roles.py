"""Who did it, to whom, where and when: an event's actors, targets, places and day.

The head words of the roles come from the dependency tree (:mod:`.actors`);
each head word is mapped to an id here:

0. a description a proper-name apposition names ("Lebanon's prime minister,
   Nawaf Salam", "the main opposition party, the CHP") to that name first,
   then to what 1-5 make of the description;
1. a pronoun or a definite description ("it", "the group") to the entity it
   refers back to (:mod:`.coref`), and a subject pronoun that opens its sentence to the last
   act's doers of a kind it may stand for ("..., officials said. They also burned houses": the
   gunmen, not the officials); "the militants", "the rebel group" to the
   armed group outside the state named before ("Boko Haram fighters", or an
   organisation that acted: "JNIM ambushed ...");
2. else the entity or place whose mention covers it (the longest: "Sudan's
   army" rather than "Sudan"); when that is a bare unnamed group ("fighters")
   and a named possessor or modifier stands beside it ("Hamas fighters",
   "its troops"), the possessor; "the police", "the army", "the government"
   alone are the police, army or government named before;
3. else a nationality adjective to its country ("Russian drones"), or a proper name no mention
   covers to the one entity or place the article writes that name for elsewhere ("accused the
   M23 of ..." after "M23 rebels seized ...": the entities left this mention out);
4. else, for a word that names no one ("drones", "strikes"), what its
   modifiers name: apposition, possessive, compound, "launched by X",
   "members of X" (where X names no one, the unnamed participant X is: "members of a vigilante
   group attacked" were the group); who led or joined the actors acted with them ("people led by
   students marched": the students too);
5. else, for a target (and for an actor when no reading names one), an
   unnamed participant: "two shepherds", "a police station", "houses" get an
   id of their own (:mod:`.unnamed`), added to the article's entities or places.
   A target head that is none of these stands for its "of" phrase
   ("regained control of the bridge", "a series of hideouts"); an unnamed
   participant's "of" phrase is a target beside it ("stormed the offices of a
   state oil company").

An act named in a phrase of a verb, with no actor of its own, was done by the verb's subjects
("Saudi officials summoned both sides to Riyadh for talks", "Russia and Ukraine traded prisoners
in an exchange"); who an act of helping names as the helper acted too ("with the help of the
DEA", "in cooperation with Spanish police").

A spokesperson's actors start with the body they speak for ("a spokesman for the TTP",
"Rwanda's government spokeswoman Yolande Makolo": the TTP, Rwanda), before the spokesperson.

Places come from :mod:`.where`, the day from :mod:`.when`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime

from spacy.tokens import Span, Token

from schemas import Entity, Place
from streams.tagging.entities.nominals import actor_nouns
from streams.tagging.events import coref
from streams.tagging.events.actors import (
    ATTACK_NOUNS,
    SPEECH_VERBS,
    anchor,
    clause_verb,
    condition_subjects,
    participants,
    reported,
    shared_subject_verbs,
    with_conjuncts,
)
from streams.tagging.events.capitals import national_capital
from streams.tagging.events.fallbacks import (
    agentless_passive,
    attacked_objects,
    casualties,
    clause_doers,
    coordinated_objects,
    fallback_actors,
    fallback_targets,
    headline_undergoers,
    passing_subjects,
    planted_in,
    purpose_objects,
    setting_objects,
    speaker,
    struck_vehicles,
    when_clauses,
)
from streams.tagging.events.joint import joint_parties
from streams.tagging.events.learned_targets import TargetModel, add_targets
from streams.tagging.events.unnamed import (
    BODY,
    FACILITY,
    FORCE,
    GATHERING,
    GROUPS,
    OBJECT,
    PEOPLE,
    SETTLEMENT,
    Minted,
    judged_objects,
    listed_abbreviation,
    named_before,
    phrase,
    restricted_objects,
    wrecked_objects,
)
from streams.tagging.events.when import event_day
from streams.tagging.events.where import STATEMENTS, PlaceContext, event_places, named_body
from streams.tagging.places.demonyms import demonym_only, named_places
from streams.tagging.shared.text import NEWS_AGENCY_NAMES, ArticleText, credited_agencies

# phrases an act's noun is named in beside the verb that did it: "for talks", "in an exchange"
_ACT_PHRASE_PREPS = frozenset({"for", "in", "with"})
# nouns of an act of helping, whose "of" / "from" / "with" phrase names a helper who acted too
_HELP_NOUNS = frozenset({"help", "support", "assistance", "cooperation", "backing", "coordination"})
_MODIFIER_DEPS = ("appos", "poss", "compound", "amod", "nmod")
_MEMBER_PREPS = {"of", "from", "loyal"}
# Nouns of how many, whose "of" phrase says who: "crowds of protesters", "a group of settlers". Not
# "a mob of several hundred men": the mob is who acted (training corpus source misses 1,563 ->
# 1,560).
_PARTITIVE = {"crowd", "crowds", "group", "groups", "hundreds", "thousands", "dozens",
              "scores", "tens", "members", "member"}
# People who back or belong to someone without being them: "supporters of a jailed opposition leader
# clashed with police" were the supporters, where "members of the Jurists' Association" were the
# association; the team corpus names a party or a committee for its supporters ("Supporters of the
# Bangladesh Nationalist Party"), so an organisation still stands for them.
_APART = frozenset({"supporters", "supporter", "followers", "follower", "loyalists", "sympathisers",
                    "sympathizers", "backers", "fans", "relatives", "families", "opponents", "critics"})
_NAMED = {coref.PERSON, coref.ORG, coref.COUNTRY}
_SIDES = coref.PAIR_NOUNS["sides"]  # who fight and make peace: bodies, forces, countries
# Bodies and officials whose part in news is to speak, not to act: "the foreign ministry said
# ... troops were deployed" (authorities, governments, courts and prosecutors do act: arrests).
_SPEAKERS = frozenset({"ministry", "ministries", "spokesman", "spokeswoman", "spokesperson", "official",
                       "officials", "diplomat", "diplomats", "envoy", "envoys", "minister", "ministers"})
# Places that stand for the government seated there when they speak: "The Kremlin said it was ready".
_SEATS_OF_GOVERNMENT = frozenset({"kremlin", "elysee", "élysée", "elysee palace", "élysée palace", "downing street",
                                  "zhongnanhai", "blue house", "white house", "pentagon"})
_ARMED_ACTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})  # what armed groups are seen doing
_ATTACKS = frozenset({"ASSAULT", "COERCE", "PROTEST"})  # acts whose object was hit, whatever its noun
# People named by no more than that word ("arrested 30 people", "two people were killed"): after a
# protest, who the police acted on are most likely the protesters told before.
_ANYONE = "group:people"
# Prepositional phrases that say where or when, not who: "incidents in Bila Tserkva".
_SETTING_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "during", "within",
                  "throughout", "after", "before", "amid", "since", "until"}


@dataclass(frozen=True, slots=True)
class Roles:
    """Ids of who acted and who was acted on, where it happened and on which day."""

    actors: list[str]
    targets: list[str]
    place_ids: list[str]
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Act:
    """An earlier event that named its actors: what a later statement about it may target."""

    lemma: str  # of its trigger
    category: str | None
    actors: list[str]
    title: bool = False  # told in the title
    sentence: int = 0  # where its sentence starts in the text
    targets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    id: str
    kind: str


# What a pronoun or description may take a minted participant for; facilities, villages and
# objects are localities.
_MINTED_COREF_KINDS = {FORCE: coref.FORCE, BODY: coref.ORG, PEOPLE: coref.PEOPLE, GATHERING: coref.PEOPLE}


def _entity_kind(entity: Entity) -> str:
    if entity.type == "PERSON":
        return coref.PERSON
    if entity.type == "ORG":
        return coref.ORG
    words = entity.name.lower().split()
    kind = actor_nouns().get(" ".join(words[-2:])) or actor_nouns().get(words[-1] if words else "")
    return coref.PEOPLE if kind == "people" or kind is None else coref.FORCE


def _place_kind(place: Place) -> str:
    return coref.COUNTRY if place.feature == "country" else coref.TOWN if place.feature == "city" \
        else coref.LOCALITY


class MentionIndex:
    """Entity and place mentions of one article, in the tagged text's offsets.

    The unnamed participants the roles name (:meth:`mint`) are appended to ``entities`` and
    ``places`` when they are lists: the events component hands over the lists it returns.
    """

    def __init__(self, text: ArticleText, entities: Sequence[Entity], places: Sequence[Place],
                 demonyms: dict[str, str], published_at: datetime | None = None,
                 learned_targets: TargetModel | None = None) -> None:
        self.text = text
        self.published_at = published_at
        self.learned_targets = learned_targets  # adds targets the readings left (learned_targets.py)
        # The roles read the places the article names (places.demonyms runs before the events): a
        # country named only by its people ("Israeli Prime Minister ...") is left to a pair of
        # countries that names no other (:meth:`_countries_before`: "the two countries")
        named = named_places(places)
        self.people_countries = {text.span_of(m)[0]: p.id for p in places if demonym_only(p) for m in p.mentions}
        self.spans: list[_Span] = []
        items: list[tuple[Entity | Place, str]] = [*((p, _place_kind(p)) for p in named),
                                                    *((e, _entity_kind(e)) for e in entities)]
        for item, kind in items:
            for m in item.mentions:
                self.spans.append(_Span(*text.span_of(m), item.id, kind))
        self.kinds = {s.id: s.kind for s in self.spans}
        # groups named only by their noun ("group:militants"): they may stand for a named one
        self.bare = frozenset(e.id for e in entities if e.type == "GROUP" and len(e.name.split()) == 1)
        self.heads = {e.id: e.name.lower().split()[-1] for e in entities if e.name.strip()}
        self.full = text.text  # the tagged text, title and body, as the doc holds it
        self.written = _written_names(self.full, self.spans, [*entities, *named])
        # a news agency tells the story: no one in it ("told AFP ... He said", "Reuters witnesses said ...
        # The ministry denied")
        agencies = NEWS_AGENCY_NAMES | credited_agencies(self.full)
        self.reporters = frozenset(e.id for e in entities if e.name.lower() in agencies)
        by_name = {p.name.lower(): p.id for p in named}
        self.demonyms = {adj: by_name[c.lower()] for adj, c in demonyms.items() if c.lower() in by_name}
        named_bodies = {e.id for e in entities if e.type in {"ORG", "GROUP"} and named_body(e.name)}
        bodies = [(s.start, s.end) for s in self.spans if s.id in named_bodies]
        self.places = PlaceContext(text, named, self.spans_of, bodies)
        # nor is the dateline's city where the story went on ("GUSAU - ... stormed the village")
        self.antecedents = coref.Antecedents([coref.Referable(s.start, s.id, s.kind) for s in self.spans
                                              if s.id not in self.reporters and not self.places.in_dateline(s.start)])
        self.acts: list[Act] = []  # the events that named an actor, in text order
        self.minted = Minted(text, entities if isinstance(entities, list) else list(entities),
                             places if isinstance(places, list) else list(places))
        # a capital that acts stands for its country, when the article names that country
        countries = {p.country_code: p.id for p in named if p.feature == "country" and p.country_code}
        self.capital_of = {p.id: countries[p.country_code] for p in named
                           if p.feature == "city" and p.country_code in countries and p.geonames_id is not None
                           and national_capital(p.geonames_id)}
        # the seat of a government named as a place speaks for it ("The Kremlin said it ...")
        self.seats = frozenset(p.id for p in named if p.name.lower().removeprefix("the ") in _SEATS_OF_GOVERNMENT)

    def acts_before(self, offset: int) -> list[Act]:
        """The acts told in the sentences up to ``offset``, in text order (the rules path reads
        every sentence's events before any roles of the model's; the hybrid reads both in text order)."""
        return sorted((act for act in self.acts if act.sentence <= offset), key=lambda act: act.sentence)

    def acts_by_others(self, offset: int, actors: Collection[str],
                       kinds: Collection[str] | None = None) -> Iterator[Act]:
        """The acts told up to ``offset``, latest first, of one of ``kinds`` (any when None),
        that none of ``actors`` took part in doing: what a statement or a move by ``actors``
        answers, asks to undo or gives way to."""
        own = set(actors)
        return (act for act in reversed(self.acts_before(offset))
                if (kinds is None or act.category in kinds) and not own & set(act.actors))

    def last_actors(self, offset: int) -> list[str]:
        """The actors of the latest event told before ``offset`` that named any."""
        acts = self.acts_before(offset)
        return acts[-1].actors if acts else []

    def last_protesters(self, offset: int) -> list[str]:
        """The actors of the latest protest told before: whom a later coercion that names no one
        was used against ("Protesters threw stones ... Police responded with tear gas")."""
        return next((act.actors for act in reversed(self.acts_before(offset)) if act.category == "PROTEST"), [])

    def mint(self, heads: Sequence[Token], verb: Token, people_only: bool = False,
             facilities_only: bool = False, owned_only: bool = False, any_noun: bool = False) -> list[str]:
        """Ids of the unnamed participants among ``heads`` that no mention covers (see
        :mod:`.unnamed`; ``verb`` says whether an object is acted on); with ``people_only``,
        only groups of people and bodies, with ``facilities_only`` only facilities and vehicles, with
        ``owned_only`` only facilities and people (what an owner's name may stand beside: not
        "the town of Chipwi", which is Chipwi), and villages and objects their owner modifies
        ("two Alawite villages", "18 Ukrainian drones": the villages and the drones); with
        ``any_noun``, the heads are things acted on whatever their noun: what a verb of restriction
        or of judging acted on (:func:`.unnamed.phrase`)."""
        out: list[str] = []
        for head in heads:
            if head.pos_ == "PRON" or head.pos_ == "PROPN" and not listed_abbreviation(head) \
                    or self.covering(head):
                continue
            taken = [(s.start, s.end) for s in self.spans]
            found = phrase(head, verb.lemma_.lower(), taken, people_only, any_noun=any_noun)
            if found is not None:  # "The field was overrun": the oil field named before, minted or not
                names = [(s.start, s.end) for s in self.spans if s.id not in self.minted.made]
                found = named_before(head, found, verb.lemma_.lower(), names, people_only, any_noun)
            if found is None or (people_only and found.kind not in GROUPS) \
                    or (facilities_only and found.kind != FACILITY) \
                    or (owned_only and found.kind not in _owned_kinds(head)):
                continue
            if (made := self.minted.add(found)) is not None:
                kind = _MINTED_COREF_KINDS.get(found.kind, coref.LOCALITY)
                self.spans.append(_Span(found.start, found.end, made, kind))
                self.kinds[made] = kind
                out.append(made)
        return list(dict.fromkeys(out))

    def with_countries(self, ids: Sequence[str]) -> list[str]:
        """``ids`` with the country of each national capital among them right after it
        ("Washington imposed sanctions": Washington, the United States)."""
        return list(dict.fromkeys(j for i in ids for j in (i, self.capital_of.get(i, i))))

    def spans_of(self, place_id: str) -> list[tuple[int, int]]:
        return [(s.start, s.end) for s in self.spans if s.id == place_id]

    def covering(self, token: Token) -> list[_Span]:
        """Mentions that cover ``token``, longest first."""
        start, end = token.idx, token.idx + len(token)
        found = [s for s in self.spans if s.start <= start and end <= s.end]
        return sorted(found, key=lambda s: s.start - s.end)

    def ids(self, tokens: Sequence[Token]) -> list[str]:
        """Ids of the mentions overlapping any of ``tokens`` (for callers that hold a phrase)."""
        return list(dict.fromkeys(i for t in tokens for i in self.refer(t)))

    def _speaker(self, token: Token, depth: int) -> str | None:
        """For "X said it/its ...": the subject of the clause a pronoun's clause reports. Not for
        the object of a clause without a subject of its own ("Police fired tear gas to disperse
        them"): the subject that clause borrows is not who its object is, which is read back to
        the mention before it."""
        kinds = coref.PRONOUNS.get(token.lower_)
        if kinds is None or token.pos_ != "PRON" or depth >= 2 or _object_of_borrowing_clause(token):
            return None
        clause = token.head.head if token.dep_ == "poss" else token.head
        for _ in range(3):
            if clause.dep_ not in {"ccomp", "xcomp", "conj", "advcl"} or clause.head == clause:
                return None
            clause = clause.head
            if clause.i > token.i and token.dep_ in {"nsubj", "nsubjpass"}:
                # "They shot dead two people, a church official said": a subject told before its
                # teller points back to who acted before, not ahead to the teller
                continue
            for subject in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
                if subject.pos_ == "PRON":
                    continue
                named = self.refer(subject, depth + 1)
                if named and (self.kinds.get(named[0]) in kinds or coref.COUNTRY in kinds and (
                        named[0] in self.capital_of or named[0] in self.seats)):
                    return named[0]  # "Moscow said it ...": a capital or a seat speaks for its government
        return None

    def _countries_before(self, token: Token, count: int, skip: frozenset[str]) -> list[str]:
        """The ``count`` countries named nearest before ``token``, by a mention or a demonym
        adjective ("Iranian President"; also of a country named only so), nearest first."""
        out: list[str] = []
        for word in reversed(token.doc[:token.i]):
            country = next((s.id for s in self.covering(word) if s.kind == coref.COUNTRY), None) \
                or self.demonyms.get(word.lower_) \
                or self.people_countries.get(word.idx)
            if country is not None and country not in skip and country not in out:
                out.append(country)
                if len(out) == count:
                    break
        return out

    def sides_before(self, offset: int, kinds: frozenset[str], skip: frozenset[str],
                     count: int = 2) -> list[str]:
        """For "both sides", "the two countries": the ``count`` parties of the latest act told before
        ``offset`` that had ``count`` of ``kinds`` (who fought, talked or met, actors before targets),
        not the two names mentioned last, which are often a mediator or a speaker ("Mediators
        urged both sides ...")."""
        for act in reversed(self.acts_before(offset)):
            parties = [i for i in dict.fromkeys((*act.actors, *act.targets))
                       if self.kinds.get(i) in kinds and i not in skip]
            if len(parties) >= count:
                return parties[:count]
        return []

    def earlier_force(self, offset: int, heads: frozenset[str] | None = None, own: str = "",
                      armed: bool = False, skip: frozenset[str] = frozenset()) -> list[str]:
        """The armed or security force named last before ``offset`` (its name ending in one of
        ``heads``, not ``own`` nor in ``skip``): who most likely did what an agentless passive
        reports ("Police raided ... Five men were arrested"), the police a later "officers" are.
        With ``armed`` (an act of force), a ministry or an official who spoke is no force: "the
        foreign ministry said ... troops were deployed" (but an agreement "was reached" by them)."""
        for s in sorted((s for s in self.spans if s.start < offset), key=lambda s: -s.start):
            head = self.heads.get(s.id, "")
            if s.kind == coref.FORCE and s.id != own and s.id not in skip and (heads is None or head in heads) \
                    and not (armed and head in _SPEAKERS):
                return [s.id]
        return []

    def armed_before(self, offset: int, skip: frozenset[str] = frozenset()) -> list[str]:
        """The armed group outside the state named last before ``offset``, for "the militants",
        "the rebel group" (:func:`.coref.armed_description`): a named group whose head word says
        so ("Boko Haram fighters", "ELN guerrillas"), or an organisation that acted in an earlier
        event ("JNIM ambushed ..."); not a group named by its noun alone."""
        acted = {i for act in self.acts_before(offset) if act.category in _ARMED_ACTS for i in act.actors}
        for s in sorted((s for s in self.spans if s.start < offset), key=lambda s: -s.start):
            if s.id in self.bare or s.id in skip:
                continue
            if (s.kind == coref.FORCE and self.heads.get(s.id) in coref.NON_STATE) \
                    or (s.kind == coref.ORG and s.id in acted):
                return [s.id]
        return []

    def _same_head_before(self, token: Token, skip: frozenset[str]) -> str | None:
        """For a definite description of a body ("the ministry"), the latest body named before
        with that head word ("the interior ministry said ... The ministry denied"), before any
        other body of its kind ("the EU" is no ministry)."""
        kinds = coref.anaphor_kinds(token)
        if kinds is None or token.pos_ != "NOUN" or coref.ORG not in kinds:
            return None
        words = {token.lower_, token.lemma_.lower()}
        return next((s.id for s in sorted(self.spans, key=lambda s: -s.start)
                     if s.end <= token.idx and s.id not in skip and s.id not in self.reporters
                     and self.heads.get(s.id) in words), None)

    def _apposition(self, token: Token, depth: int, skip: frozenset[str]) -> list[str]:
        """The name an apposition gives a described role ("Lebanon's prime minister, Nawaf
        Salam", "the main opposition party, the CHP"): the person or body named, which the
        labelling conventions take (the description stays beside it, as some gold sets take
        that)."""
        if token.pos_ != "NOUN" or depth >= 2:
            return []
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                named = [i for i in self.refer(child, depth + 1, skip)
                         if self.kinds.get(i) in _NAMED | {coref.FORCE}]
                if named:
                    return named
        return []

    def phrase_ids(self, heads: Sequence[Token]) -> list[str]:
        """Ids of the mentions inside the phrases of ``heads``, setting phrases ("in X") left out."""
        tokens = [t for head in heads for t in _phrase(head)]
        # "broke off negotiations with the group": a description inside the phrase points back
        return list(dict.fromkeys(i for t in tokens if t.pos_ not in {"PRON", "DET"}
                                  for i in (self.refer(t) if coref.anaphor_kinds(t) is not None
                                            or coref.armed_description(t) else
                                            [s.id for s in self.covering(t)])))

    def refer(self, token: Token, depth: int = 0, skip: frozenset[str] = frozenset()) -> list[str]:
        """The ids ``token`` (a role's head word) names; see the module docstring. A pronoun
        does not refer back to ``skip`` (a target's "them" is not the actor)."""
        if (named := self._apposition(token, depth, skip)):  # the name, then what describes it
            return list(dict.fromkeys(named + [i for i in self._refer(token, depth, skip) if i not in skip]))
        return self._refer(token, depth, skip)

    def _refer(self, token: Token, depth: int, skip: frozenset[str]) -> list[str]:
        if (speaker := self._speaker(token, depth)) is not None:
            return [speaker]
        if coref.armed_description(token) and (armed := self.armed_before(token.idx, skip)):
            # "the militants" after "Boko Haram fighters abducted ...", and the militants themselves
            return list(dict.fromkeys(armed + [s.id for s in self.covering(token)[:1] if s.id not in skip]))
        if (found := self._same_head_before(token, skip) or coref.resolve(token, self.antecedents, skip)) is not None:
            # "the crowd" is the protesters named before, and still the crowd
            return list(dict.fromkeys([found] + [s.id for s in self.covering(token)[:1] if s.id not in skip]))
        if coref.anaphor_kinds(token) is not None and token.pos_ == "PRON":
            return []
        if self.places.in_dateline(token.idx):
            return []  # "BUENOS AIRES - Hundreds of ...": the dateline says where it was filed
        cover = self.covering(token)
        if (pair := coref.pair_kinds(token)) is not None:
            count = coref.party_count(token)
            if len(both := self.sides_before(token.idx, pair, self.bare | skip, count)) == count:
                return both
            if len(both := self.antecedents.nearest(token.idx, pair, self.bare | skip, count)) == count:
                return both
            # "Iraqi Prime Minister ... held talks with Iranian President ...; the two countries":
            # a country the article writes as its adjective only is a party too
            if pair == {coref.COUNTRY} and len(both := self._countries_before(token, count, skip)) == count:
                return both
        if cover:
            best = cover[0]
            if best.kind in {coref.FORCE, coref.PEOPLE} and best.end - best.start <= len(token) + 1:
                # "Hamas fighters", "its troops", "members of the Jurists' Association"
                # a people's possessor is not who acted: "his supporters" are the supporters
                owner_deps = {"poss", "compound"} if best.kind == coref.FORCE else {"compound"}
                owners = [c for c in token.children if c.dep_ in owner_deps
                          and not (best.start <= c.idx < best.end)]
                owners += _member_of(token)
                for child in owners:  # "delegations of the army and the RSF": both
                    named = [i for c in (child, *child.conjuncts) for i in self.refer(c, depth + 1, skip)] \
                        if depth < 2 else []
                    kind = self.kinds.get(named[0], coref.PERSON) if named else None
                    if token.lower_ in _APART and kind != coref.ORG:
                        continue  # "supporters of Duterte" are the supporters; "of the BNP", the party
                    if named and (kind in _NAMED | {coref.FORCE} or token.lower_ in _PARTITIVE):  # "crowds of protesters"
                        return list(dict.fromkeys(named))
            ids = [s.id for s in cover if (s.start, s.end) == (best.start, best.end)]
            if ids[0] in self.bare and (heads := coref.KIN_NOUNS.get(token.lower_)):
                return list(dict.fromkeys(self.earlier_force(token.idx, heads, ids[0]) + ids))
            return ids
        if (country := self.demonyms.get(token.lower_)) is not None:
            return [country]
        if token.pos_ == "PROPN" and (same := self.written.get(_proper_name(token))) is not None:
            return [same]  # "accused the M23 of ...": a mention the entities left out of this sentence
        if depth >= 2:
            return []
        for dep in _MODIFIER_DEPS:
            for child in token.children:
                if child.dep_ == dep and (named := self.refer(child, depth + 1)):
                    return named
        for child in token.children:
            if child.dep_ == "acl":  # "drones launched by the RSF"
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for g in agent.children:
                        if g.dep_ == "pobj" and (named := self.refer(g, depth + 1)):
                            return named
            if child.dep_ == "prep" and child.lower_ in _MEMBER_PREPS:
                # "30 of them" after "Officers arrested": not the officers; "the ambassadors of
                # Germany, France and Italy": all the list names
                for g in child.children:
                    if g.dep_ == "pobj" and (named := self.refer(g, depth + 1, skip)):
                        listed = [i for c in g.conjuncts for i in self.refer(c, depth + 1, skip)]
                        return list(dict.fromkeys(named + listed))
        return []


def _written_names(text: str, spans: Sequence[_Span], items: Sequence[Entity | Place]) -> dict[str, str]:
    """Each name the article writes for one entity or place alone (its mentions and its own name,
    lowercased), to that id: what a proper name no mention covers names ("accused the M23 of ..."
    after "M23 rebels seized ..."). A name written for two ids names neither."""
    owners: dict[str, set[str]] = {}
    for s in spans:
        owners.setdefault(text[s.start:s.end].lower(), set()).add(s.id)
    for item in items:
        owners.setdefault(item.name.lower(), set()).add(item.id)
    return {name: next(iter(ids)) for name, ids in owners.items() if len(ids) == 1 and name.strip()}


def _proper_name(token: Token) -> str:
    """The proper name ``token`` heads, its compound words before it ("Islamic State Sahel
    Province", "Estado Mayor Central"), lowercased; without "the"."""
    start = min((c.left_edge.i for c in token.children if c.dep_ in {"compound", "flat"} and c.i < token.i),
                default=token.i)
    return token.doc[start:token.i + 1].text.lower()


def _object_of_borrowing_clause(token: Token) -> bool:
    """Whether ``token`` is the object of a verb (or of its preposition) whose clause has no
    subject of its own ("to disperse them", "accusing them of ...")."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return token.dep_ in {"dobj", "dative", "pobj"} and verb.pos_ in {"VERB", "AUX"} \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "csubj"} for c in verb.children)


def _owned_kinds(head: Token) -> set[str]:
    """The kinds of unnamed participant that stand beside the owner named with them: facilities,
    people and gatherings always ("the main market of Um Sumeima", "a rally of the BNP"), villages
    and objects only when the owner modifies them ("Alawite villages", "RSF drones"), not when an
    "of" phrase names them ("the town of Chipwi" is Chipwi)."""
    named_by_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return {FACILITY, PEOPLE, GATHERING} if named_by_of else {FACILITY, PEOPLE, GATHERING, SETTLEMENT, OBJECT}


def _phrase(token: Token) -> list[Token]:
    """The token's subtree minus prepositional phrases of setting and clauses."""
    out = [token]
    for child in token.children:
        if (child.dep_ == "prep" and child.lower_ in _SETTING_PREPS) or child.dep_ in {"relcl", "acl", "advcl"}:
            continue
        out += _phrase(child)
    return out


def _target_ids(head: Token, trigger: Token, index: MentionIndex, actors: frozenset[str]) -> list[str]:
    """What a target head names other than the actors ("their base": the base, not "their"
    army), else the unnamed participant it is. A facility or people named by what owns them
    ("looted the main market of Um Sumeima", "bombs at a rally of the BNP", "arrested 27 members
    of a gang", "beat supporters of X") were acted on themselves: the head first, then its owner.
    An unnamed head's owner need not be named either: "stormed the offices of a state oil
    company", "ambushed a convoy of fuel thieves" acted on the company and the thieves too."""
    named = [i for i in index.refer(head, skip=actors) if i not in actors]
    if named and coref.anaphor_kinds(head) is None and coref.pair_kinds(head) is None:
        own = [i for i in _own_ids(head, trigger, index) if i not in actors]
        return own + [i for i in named if i not in own]
    if named:
        return named
    if not (own := index.mint([head], trigger)):
        return index.mint(_of_objects(head), trigger)
    owners = [i for g in _of_objects(head) for i in index.refer(g, skip=actors) or index.mint([g], trigger)]
    return list(dict.fromkeys(own + [i for i in owners if i not in actors]))


def _own_ids(head: Token, trigger: Token, index: MentionIndex) -> list[str]:
    """The id of the people or facility a target head itself is, beside the owner the roles read
    for it: the group its own mention names ("members", "supporters"), else the unnamed
    participant it is ("the main market")."""
    cover = index.covering(head)
    if cover:
        return [cover[0].id] if cover[0].kind in {coref.PEOPLE, coref.FORCE} else []
    return index.mint([head], trigger, owned_only=True)


def _prep_objects(head: Token, preps: Collection[str]) -> list[Token]:
    """The objects of ``head``'s prepositions among ``preps``, in order ("members of X": X)."""
    return [g for c in head.children if c.dep_ == "prep" and c.lower_ in preps
            for g in c.children if g.dep_ == "pobj"]


def _of_objects(head: Token) -> list[Token]:
    """The nouns of a head's "of" phrase: what a head that names no one stands for ("regained
    control of the bridge", "captured a series of hideouts", "struck a gathering of officials"),
    and of an attack's "on/against" phrase ("threatened to resume attacks on commercial ships")."""
    preps = {"of", "on", "against"} if head.lemma_.lower() in ATTACK_NOUNS else {"of"}
    return with_conjuncts(_prep_objects(head, preps))


_STEM = 4  # letters an act's noun shares with the verb of the event it names: "killings" ~ "kill"
_FORCE = frozenset({"ASSAULT", "COERCE"})
_WORDS = frozenset({"ACCUSE", "THREATEN", "REQUEST", "REJECT", "SANCTION"})
# Nouns of an act that a statement may be about, with the categories of the earlier act they
# name (empty: any act): "condemned the crackdown" names an earlier assault or coercion.
ACT_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("attack", "assault", "crackdown", "violence", "bombing", "shelling", "killing",
                     "massacre", "raid", "offensive", "incursion", "strike", "seizure", "abduction",
                     "kidnapping", "detention", "arrest", "siege", "bombardment", "ambush", "operation",
                     "repression", "advance", "capture"), _FORCE),
    **dict.fromkeys(("remark", "comment", "statement"), _WORDS),
    # words that say which kind of words they answer: "rejected the ultimatum" is the threat told
    # before, not a demand told after it; "denied the accusation" the accusation
    **dict.fromkeys(("accusation", "allegation", "charge", "claim", "criticism"), frozenset({"ACCUSE"})),
    **dict.fromkeys(("threat", "ultimatum"), frozenset({"THREATEN"})),
    "demand": frozenset({"REQUEST", "THREATEN"}),  # "threatened to strike unless ...": a demand too
    **dict.fromkeys(("sanction", "ban", "expulsion"), frozenset({"SANCTION", "COERCE"})),
    **dict.fromkeys(("move", "decision", "step", "action", "measure", "deployment"), frozenset()),
    # what parties sign, ask, hand over or rule: "X and Y signed a pact ... Z welcomed the deal",
    # "Lebanon asked the council to ... Israel rejected the request", "Turkish troops withdrew from
    # two posts ... praised the handover", "a court jailed ... condemned the verdict"
    **dict.fromkeys(("deal", "agreement", "accord", "pact", "arrangement", "rapprochement", "offer", "proposal"),
                    frozenset({"AGREE", "COOPERATE"})),
    **dict.fromkeys(("request", "appeal"), frozenset({"REQUEST"})),
    **dict.fromkeys(("handover", "return", "withdrawal", "pullout", "pull-out"), frozenset({"RETREAT", "CONCEDE"})),
    **dict.fromkeys(("verdict", "ruling", "sentence", "judgment", "announcement"), frozenset()),
    "warning": frozenset({"THREATEN"}),
}


def _doers(token: Token, index: MentionIndex) -> list[str]:
    """The actors of the latest earlier event that a statement's object names by its own word
    ("condemned the killings", "criticised the arrests", "called for the release" after "X
    killed", "Y arrested", "Z released"): the act's noun shares its stem with that event's
    trigger; none when the object names no earlier act."""
    # the act may be the object, the passive subject ("the crackdown was condemned by ...") or
    # the subject of a verb of judging ("the strikes violated the truce")
    nouns = [c for c in token.children if c.pos_ == "NOUN" and (c.dep_ in {"dobj", "nsubjpass"} or (
        c.dep_ == "nsubj" and c.lemma_.lower() in ACT_NOUNS))]
    if token.pos_ == "NOUN" and ACT_NOUNS.get(token.lemma_.lower()) == _FORCE:
        nouns.insert(0, token)  # a statement told by the act's own noun: "said the strikes violated ..."
    nouns += [g for g in _prep_objects(token, {"for", "over", "of"}) if g.pos_ == "NOUN"]
    if token.lemma_.lower() in SPEECH_VERBS:  # "said the trials breached the conventions", "said the
        # move was a provocation": the act the reported clause is about, told before with its doers
        nouns += [s for c in token.children if c.dep_ == "ccomp" for s in c.children
                  if s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ == "NOUN" and _definite(s)]
    return _doers_of(nouns, token, index)


def _doers_of(nouns: Sequence[Token], token: Token, index: MentionIndex) -> list[str]:
    """The actors of the latest act told before ``token`` that one of ``nouns`` names (see
    :func:`_doers`)."""
    act = _named_act(nouns, token, index)
    return act.actors if act is not None else []


def _named_act(nouns: Sequence[Token], token: Token, index: MentionIndex) -> Act | None:
    """The latest act told before ``token`` that one of ``nouns`` names by its trigger's stem, else
    by a definite noun of its kind (``ACT_NOUNS``); none when they name no earlier act."""
    stems = {n.lemma_.lower()[:_STEM] for n in nouns if len(n.lemma_) >= _STEM}
    told = index.acts_before(token.idx)
    for act in reversed(told):
        if len(act.lemma) >= _STEM and act.lemma[:_STEM] in stems:
            return act
    # "condemned the crackdown", "rejected the charge", "welcomed the move": a definite noun of
    # an act names an earlier act of its kind, whatever word that act was told with: an act of
    # force the first one (the news the article leads with, not the response to it: "condemned
    # the attack" after "Russia struck ... Ukraine's air force shot down ..."), words and moves
    # the latest
    for noun in nouns:
        kinds = ACT_NOUNS.get(noun.lemma_.lower())
        if noun.lemma_.lower() == "use" and any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
            kinds = _FORCE  # "condemned the use of force / of tear gas / of mines": the act of force told before
        if kinds is None or not _definite(noun) or any(c.dep_ in {"poss", "agent"} or (
                c.dep_ == "prep" and c.lower_ == "by") for c in noun.children):
            continue
        # the first act of force told in the body (a title retells it with fewer words)
        acts = sorted(told, key=lambda a: a.title) if kinds == _FORCE else list(reversed(told))
        for act in acts:
            if not kinds or act.category in kinds:
                return act
    return None


# Verbs of owning up to an act: "claimed the attack", "claimed responsibility for the bombing",
# "took responsibility for the ambush", "accepted responsibility for the killings".
_CLAIMS = frozenset({"claim", "take", "accept", "assume", "admit"})


def _claimed_acts(token: Token) -> list[Token]:
    """The nouns of the acts a claim of responsibility owns up to: the "for" phrase of
    "responsibility" ("claimed responsibility for the blast"), or the object of "claim" that names
    an act ("claimed the ambush"); none for any other statement."""
    word = anchor(token)
    verb = word.head if word.lower_ == "responsibility" and word.dep_ == "dobj" else word
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CLAIMS:
        return []
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    owned = [o for o in objects if o.lower_ == "responsibility"]
    if owned:  # the parser hangs "for" on the verb or on "responsibility"
        return with_conjuncts([g for h in (verb, *owned) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                               for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"])
    return [o for o in objects if verb.lemma_.lower() == "claim" and o.pos_ == "NOUN"
            and (o.lemma_.lower() in ACT_NOUNS or o.lemma_.lower() in ATTACK_NOUNS)]


def _claimed_targets(token: Token, index: MentionIndex, actors: frozenset[str]) -> list[str]:
    """Whom a claim of responsibility is about: what the act it owns up to was done to, as its
    noun says ("claimed the attack on an army post", "responsibility for the hijacking of a
    train", "for the convoy ambush"), else as the act told before said ("Gunmen stormed a
    hotel ... Al-Shabaab claimed the attack": the hotel). The claimer did the act: the doers of
    the act told before are not its target."""
    acts = _claimed_acts(token)
    heads = with_conjuncts([g for a in acts for g in _prep_objects(a, {"on", "against", "of"})])
    heads += [c for a in acts for c in a.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    named = [i for t in heads for i in _target_ids(t, token, index, actors) if i not in actors]
    if named or not acts:
        return list(dict.fromkeys(named))
    act = _named_act(acts, token, index)
    return [i for i in act.targets if i not in actors] if act is not None else []


def _told_before(token: Token, index: MentionIndex, category: str | None) -> list[str]:
    """For a definite noun of an act of force that names no doer and is what its clause is about
    ("The air strike on the village hit a school", "The fighting with the SPLA-IO forced ..."):
    the act told before in the article, as the labelling conventions take the perpetrator named
    earlier: the latest earlier act of the same category or whose trigger shares the noun's stem."""
    word = anchor(token)
    # the act the clause is about, not one named as its setting ("scrambled jets during the strikes")
    # nor one told in someone's account ("police said the attack bore the hallmarks of ...": the
    # speaker's claim, which the speaker reading gives); a passive's agent is what its clause is
    # about too ("were wounded by the blast")
    agent = word.dep_ == "pobj" and word.head.dep_ == "agent"
    if word.pos_ != "NOUN" or category not in _FORCE or not _definite(word) \
            or (word.dep_ not in {"nsubj", "nsubjpass", "ROOT"} and not agent) or reported(clause_verb(word)):
        return []
    stem = word.lemma_.lower()[:_STEM]
    return next((act.actors for act in reversed(index.acts_before(token.idx))
                 if act.category == category or (len(stem) == _STEM and act.lemma[:_STEM] == stem)), [])


_THIRD_PERSON = frozenset({"they", "he", "she"})
_DISPERSE = frozenset({"disperse", "break"})  # "to disperse a rally", "to break up a march"

# Words of answering an act: a threat or a measure told with one answers whoever did it.
_RESPONSES = frozenset({"respond", "response", "retaliate", "retaliation", "retaliatory", "avenge",
                        "revenge", "reprisal", "unanswered"})


def _responded_to(token: Token, index: MentionIndex, actors: list[str]) -> list[str]:
    """Whom a response a statement announces answers ("The Houthis vowed to respond", "said Moscow
    would retaliate", "warned of a response"): the doers of the latest act told in an earlier
    sentence that the speaker did not do; none when the statement speaks of no response."""
    word = anchor(token)
    responses = [t for t in (word, *word.subtree) if t.lemma_.lower() in _RESPONSES]
    if not responses:
        return []
    for response in responses:  # "vowed to respond to the strikes": whom its "to" phrase names
        answered, makers = _answered(response)
        named = [i for t in makers for i in index.refer(t)] \
            or [i for t in answered for i in index.refer(t) if index.kinds.get(i) in _NAMED | {coref.FORCE}] \
            or _doers_of(answered, token, index)
        if named := [i for i in named if i not in actors]:
            return named
    sentence = token.sent.start_char
    # acts_by_others leaves out every act the speaker took part in: none of its actors is the speaker's
    return next((list(act.actors) for act in index.acts_by_others(sentence, actors) if act.sentence < sentence), [])


def _answered(response: Token) -> tuple[list[Token], list[Token]]:
    """What a response word answers and who made it: the objects of its "to", "for" or "against"
    phrase ("respond to the strikes", "retaliate for the expulsions", "a response to drills"), and
    their "by" phrase, which the parser often hangs on the response itself ("vowed to respond with
    force to joint drills by Ruritania and Freedonia")."""
    answered = with_conjuncts([g for g in _prep_objects(response, {"to", "for", "against"})
                               if g.pos_ in {"NOUN", "PROPN"}])
    by = [g for c in response.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
          for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}] if answered else []
    return answered, _makers(answered) + with_conjuncts(by)


def _provokers(token: Token) -> list[Token]:
    """Who did what a statement or a measure answers, as its "after" clause tells ("threatened to
    quit the treaty after Ruritania moved to restore sanctions", "expelled two diplomats after
    Freedonia jailed a journalist"): the subjects of that clause (of the trigger's verb or of its
    complement, where the parser may hang it)."""
    verb = clause_verb(anchor(token))
    holders = [verb, *(c for c in verb.children if c.dep_ in {"xcomp", "ccomp"})]
    subjects = [s for h in holders for c in h.children if c.dep_ == "advcl"
                and any(m.dep_ == "mark" and m.lower_ == "after" for m in c.children)
                for s in c.children if s.dep_ == "nsubj"]
    # "after Ruritania, Freedonia and Gondor moved to ...", parsed as "after" and its object: a
    # name right after "after" is the subject of the clause the parser cut off
    subjects += [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "after"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return with_conjuncts(subjects)


def _ground_given_up(token: Token, index: MentionIndex, actors: list[str]) -> list[str]:
    """For a withdrawal that names no place it left by name ("the army pulled out before dawn",
    "withdrew towards Kara", "pulled back from the town"): the town or village that the latest act
    of force told in an earlier sentence, by another party, was done to ("Rebels took control of
    Abba ... The troops pulled out the same morning"): the ground given up."""
    verb = clause_verb(anchor(token))
    froms = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}]
    froms += [p for c in verb.children if c.lower_ == "out" for p in c.children if p.dep_ == "prep" and p.lower_ == "of"]
    if any(g.pos_ == "PROPN" for c in froms for g in c.children if g.dep_ == "pobj"):
        return []  # "withdrew from Zemio": the place is named
    sentence = token.sent.start_char
    for act in index.acts_by_others(sentence, actors, _FORCE):
        if act.sentence < sentence and (places := [i for i in act.targets
                                                   if index.kinds.get(i) in {coref.TOWN, coref.LOCALITY}]):
            return places
    return []


# Verbs of bringing someone else to act, whose object a request wants to act in the end.
_PRESSING = frozenset({"press", "pressure", "push", "persuade", "urge", "convince", "compel", "force"})


def _pressed_parties(token: Token) -> list[Token]:
    """Whom a request asks its addressee to bring to act ("called on Freedonia to press Ruritania
    to withdraw", "asked the envoy to persuade the rebels to talk"): the object of a verb of
    pressing in the request's complement, the party the request is about."""
    verb = clause_verb(anchor(token))
    clauses = [c for c in verb.children if c.dep_ in {"xcomp", "ccomp", "advcl"} and c.lemma_.lower() in _PRESSING]
    return with_conjuncts([o for c in clauses for o in c.children if o.dep_ == "dobj"])


def _told_in_noun(token: Token) -> list[Token]:
    """Whom a statement told by its noun is about, where the parser hangs it off the noun's own
    phrases: the subject of its "that" clause ("threats from the minister that Freedonia would
    pay"), and the "against/on/to" phrase it hangs on the speaker ("threats from the minister
    against the rebels' leaders")."""
    word = anchor(token)
    if word.pos_ != "NOUN":
        return []
    told = [s for c in word.children if c.dep_ in {"acl", "relcl"}
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
    told += [g for c in word.children if c.dep_ == "prep" and c.lower_ == "from"
             for a in c.children if a.dep_ == "pobj"
             for p in a.children if p.dep_ == "prep" and p.lower_ in {"against", "on", "to"}
             for g in p.children if g.dep_ == "pobj"]
    return with_conjuncts(told)


def _beneficiaries(token: Token) -> list[Token]:
    """Whom help or backing is for, as the "for" phrase of its noun or of the verb's object says
    ("set up camps for survivors", "reaffirmed its support for Freedonia", "pledged funds for
    displaced families")."""
    word = anchor(token)
    holders = [word] if word.pos_ == "NOUN" else []
    holders += [c for c in clause_verb(word).children if c.dep_ == "dobj"]
    return with_conjuncts([g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                           for g in c.children if g.dep_ == "pobj" and g.pos_ in {"NOUN", "PROPN"}])


# Words of setting people free, which a statement asks of whoever holds them.
_FREEING = frozenset({"release", "freedom", "free"})


def _captors(token: Token, index: MentionIndex, actors: list[str]) -> list[str]:
    """Who holds the people a statement asks to free ("demanded the release of the fishermen",
    "called for their release", "urged the group to free the hostages", "demanded that he be
    freed"): the doers of the latest act of force told before, other than the speaker; none when
    the statement asks for no one's freedom."""
    word = anchor(token)
    asked = [c for c in word.children if c.dep_ in {"dobj", "xcomp", "ccomp"}]
    asked += _prep_objects(word, {"for", "of"})
    if not any(a.lemma_.lower() in _FREEING for a in asked):
        return []
    return next((list(act.actors) for act in index.acts_by_others(token.idx, actors, _FORCE)), [])


# What only the two sides of a fight can give: a call for it is addressed to both.
_PEACE_NOUNS = frozenset({"ceasefire", "truce", "restraint", "de-escalation", "calm", "dialogue", "talks"})


def _asks_for_peace(token: Token) -> bool:
    """Whether a request asks for a ceasefire, a truce, restraint or talks ("called for an
    immediate ceasefire", "urged restraint")."""
    word = anchor(token)
    asked = [c for c in word.children if c.dep_ == "dobj"]
    asked += [g for c in word.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children if g.dep_ == "pobj"]
    return any(a.lemma_.lower() in _PEACE_NOUNS or a.lower_ in _PEACE_NOUNS for a in asked)


def _reported_agents(token: Token) -> list[Token]:
    """Who a statement says did what its reported passive tells ("said the boat was operated by
    Tren de Aragua", "alleged that the bombs had been stockpiled by the ruling party", "said the
    attack was organised by handlers in Pakistan"): the one it accuses."""
    clauses = [c for c in anchor(token).children if c.dep_ == "ccomp"]
    clauses += [c for clause in clauses for c in clause.conjuncts]
    return with_conjuncts([g for clause in clauses for c in clause.children
                           if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"])


def _accusers(token: Token, index: MentionIndex, actors: list[str]) -> list[str]:
    """Whom a denial answers ("The Philippine army denied targeting civilians", "denied any
    wrongdoing", "denied that the drone had crossed the border"): the doers of the latest
    accusation told before, other than the speaker."""
    if anchor(token).lemma_.lower() != "deny":
        return []
    return next((list(act.actors) for act in index.acts_by_others(token.idx, actors, {"ACCUSE"})), [])


def _purpose_party(token: Token, index: MentionIndex, actors: list[str]) -> list[str]:
    """Whom a statement told in a purpose clause is addressed to: the object of the verb the
    clause serves ("summoned Afghanistan's envoy to protest against ...", "called in the
    ambassador to complain", "summoned the ambassadors of Germany and France in protest"): the
    party, not what the protest is about."""
    verb = token.head
    purpose = token.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if token.dep_ == "pobj" and verb.lower_ == "in":  # "in protest": the verb its phrase serves
        verb, purpose = verb.head, True
    if not purpose or verb == token or verb.pos_ != "VERB":
        return []
    return [i for o in verb.children if o.dep_ == "dobj" for i in index.refer(o) if i not in actors]


def _makers(nouns: Sequence[Token]) -> list[Token]:
    """Who made what a statement judged, as its "by" or "from" phrase says ("dismissed criticism by
    U.N. experts", "rejected a pay offer from airport operators", "condemned the attacks by armed
    men"): the party the judgement is about."""
    return with_conjuncts([g for n in nouns for c in n.children if c.dep_ in {"prep", "agent"}
                           and c.lower_ in {"by", "from"} for g in c.children if g.dep_ == "pobj"])


# Verbs of taking people into custody: where they were taken is no one acted on ("arrested five
# suspects outside a hospital"), unlike where force was used ("opened fire in a bar").
_CUSTODY = frozenset({"arrest", "detain", "apprehend", "nab", "hold", "jail", "imprison", "capture", "abduct",
                      "kidnap", "round"})


_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "spokespeople"}


def _spoken_for(head: Token, index: MentionIndex) -> list[str]:
    """The ids of the body a spokesperson speaks for, when ``head`` is one ("a spokesman for the
    TTP") or is named with that title ("Rwanda's government spokeswoman Yolande Makolo", "M23
    spokesman Lawrence Kanyuka"): the title's "for" phrase, its possessor and the names before
    it. What a spokesperson says is the body's word; news and the gold sets name the body."""
    if head.lower_ in _SPOKESPEOPLE:
        titles = [head]
    else:
        titles = [c for c in head.children if c.dep_ == "compound" and c.lower_ in _SPOKESPEOPLE]
    words = [g for title in titles for c in title.children if c.dep_ == "prep" and c.lower_ == "for"
             for g in c.children if g.dep_ == "pobj"]
    words += [c for title in titles for c in title.children if c.dep_ in {"poss", "compound", "amod"}]
    words += [c for c in head.children if titles and c.dep_ == "compound" and c.i < titles[0].i]
    return list(dict.fromkeys(i for w in words if w.pos_ in {"PROPN", "NOUN", "ADJ"} for i in index.refer(w)))


def _custody(token: Token) -> bool:
    return clause_verb(anchor(token)).lemma_.lower() in _CUSTODY


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in {"the", "this", "that", "these", "those"} for c in noun.children)


# A natural disaster that is its own subject ("flash floods swept away homes, a disaster official
# said") has no doer: whoever else the sentence names told of it or came to help (the team corpus:
# 286 of 289 natural disasters name no actor). A person who declares a state of disaster does act,
# and acts of people the parse types so ("militiamen burned houses") keep their roles.
_NO_DOER = frozenset({"NATURAL_DISASTER"})
_HAZARD_AS_SUBJECT = frozenset({"nsubj", "nsubjpass", "ROOT"})


# Who tells of an act of force without having done it: a named person ("He said 23 militants were
# killed": the spokesman) or people ("..., residents said"); a force or a body may have done it.
_TELLERS = frozenset({coref.PERSON, coref.PEOPLE})


# Who tells of the wounded and the dead as those who treat or count them ("Hospital officials
# said 12 people were wounded", "the health ministry said ...", "rescuers said ..."): never the
# doers of the attack; nor "the Red Cross", "civil defence".
_CARERS = frozenset({"hospital", "hospitals", "health", "medical", "medic", "medics", "doctor", "doctors",
                     "nurse", "nurses", "paramedic", "paramedics", "rescuer", "rescuers", "rescue",
                     "ambulance", "morgue", "mortuary", "coroner"})
_CARER_PAIRS = (frozenset({"red", "cross"}), frozenset({"red", "crescent"}), frozenset({"civil", "defence"}),
                frozenset({"civil", "defense"}))
# The state's own forces: a force or body that tells of them hurt ("Police said nine officers were
# injured", "the army said two soldiers were killed") tells of an attack on it, not one it made.
_OWN_FORCES = frozenset({"police", "policeman", "policemen", "officer", "officers", "soldier", "soldiers",
                         "troop", "troops", "guard", "guards", "guardsmen", "gendarme", "gendarmes",
                         "peacekeeper", "peacekeepers", "marine", "marines", "serviceman", "servicemen"})


def _blameless_tellers(verb: Token, tellers: Sequence[Token], category: str | None) -> list[Token]:
    """The tellers of an agentless act of force ("X said 12 people were wounded": the subjects of
    the verb of saying that reports ``verb``'s clause) who did not do it: who treat or count its
    victims, or, of an attack, a state force or body telling of its own forces hurt (every subject
    of the passive one of them)."""
    undergoers = [c for s in verb.children if s.dep_ == "nsubjpass" for c in (s, *s.conjuncts)]
    own_hurt = category == "ASSAULT" and bool(undergoers) and all(t.lower_ in _OWN_FORCES for t in undergoers)
    found = []
    for teller in tellers:
        words = {t.lower_ for t in teller.subtree if t.i <= teller.i}
        carer = bool(words & _CARERS) or any(pair <= words for pair in _CARER_PAIRS)
        state = actor_nouns().get(teller.lower_) in {"force", "body"} and teller.lower_ not in coref.NON_STATE
        if carer or (own_hurt and state):
            found.append(teller)
    return found


def _passive_doers(token: Token, sent: Span, index: MentionIndex, target_heads: Sequence[Token],
                   category: str | None) -> list[str]:
    """Who did what an agentless passive reports: whom its "when" clause names ("Fourteen
    soldiers were killed when jihadists attacked a post"; not "... was seized as they returned":
    the ones seized), else for an assault whoever attacked last before it, else the force named
    before; for an assault never the one the passive says underwent it ("Fourteen soldiers killed
    ..." in the headline; police may detain officers, no force attacks itself). A protest is held by
    those who protested before, or by nobody the text names: never a force."""
    undergone = frozenset(i for t in target_heads for i in index.refer(t))
    for heads in clause_doers(token):
        if found := [i for i in dict.fromkeys(i for t in heads for i in index.refer(t)) if i not in undergone]:
            return found
    if category == "ASSAULT":  # "Russia launched 450 drones ... Air defences shot down 410 ... Four
        # people were killed in Kyiv": who attacked last, not the force named last (the defender)
        for act in index.acts_by_others(sent.start_char, (), {"ASSAULT"}):
            if doers := [i for i in act.actors if i not in undergone]:
                return doers
    if category == "PROTEST":  # "Tens of thousands marched in Paris ... Police said 38,000 took part.
        # Similar rallies were held in Lyon": who protested before, never the police named last
        return next((list(act.actors) for act in index.acts_by_others(sent.start_char, (), {"PROTEST"})
                     if act.actors), [])
    return index.earlier_force(sent.start_char, armed=category in _ARMED_ACTS,
                               skip=undergone if category == "ASSAULT" else frozenset())


# Participles whose agent acted with the people they qualify: "people led by students marched",
# "farmers joined by students".
_WITH_VERBS = frozenset({"lead", "head", "join", "accompany"})


def _leaders(heads: Sequence[Token], verb: Token, index: MentionIndex) -> list[str]:
    """Who led, headed or joined the actors ("Thousands of people, led by the victims' families,
    marched"): the agents of such a participle on an actor head, named or unnamed people."""
    agents = [g for head in heads for c in head.children
              if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _WITH_VERBS
              for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
    return [i for g in with_conjuncts(agents) for i in index.refer(g) or index.mint([g], verb, people_only=True)]


# Subject pronouns that, opening a sentence, carry on its story's doer: "Gunmen attacked a village
# ..., officials said. They also burned houses" (not the officials who spoke last).
_OPENING_PRONOUNS = _THIRD_PERSON | {"it"}


def _opening_pronoun(head: Token, sent: Span, index: MentionIndex) -> list[str]:
    """The doers a sentence-opening subject pronoun carries on from the latest act told before,
    those of a kind the pronoun may stand for; empty for any other head or when none fits."""
    if head.i != sent.start or head.pos_ != "PRON" or head.lower_ not in _OPENING_PRONOUNS \
            or head.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    kinds = coref.PRONOUNS[head.lower_]
    return [i for i in index.last_actors(sent.start_char) if index.kinds.get(i) in kinds]


def _member_of(head: Token) -> list[Token]:
    """The nouns of a head's "of" / "from" phrase: whose members or fighters they are ("members
    of the Jurists' Association", "fighters from a local cartel")."""
    return _prep_objects(head, {"of", "from"})


def _members_of_unnamed(head: Token, verb: Token, index: MentionIndex) -> list[str]:
    """The unnamed people a partitive actor is part of ("Members of an anti-immigrant vigilante
    group attacked ...", "A group of cow vigilantes beat ..."): the group acted, not "members".
    Empty where the "of" phrase names an entity (MentionIndex.refer reads that) or no one."""
    if head.lower_ not in _PARTITIVE:
        return []
    owners = _member_of(head)
    if not owners or any(index.refer(g) for g in owners):
        return []
    return index.mint(owners, verb, people_only=True)


def _phrase_noun(token: Token) -> Token:
    """The noun of a trigger written as a phrase: a trigger "for talks" sits on "for"."""
    if token.dep_ == "prep":
        return next((g for g in token.children if g.dep_ == "pobj"), token)
    return token


def _phrase_verb_subjects(token: Token, index: MentionIndex) -> list[str]:
    """What the subjects name of the verb an act's noun hangs on through a phrase ("Saudi
    officials summoned both sides to Riyadh for talks", "Russia and Ukraine traded prisoners in an
    exchange", "the army recaptured the town with the help of drones"): they did it. A passive's
    subject is what was done, so none is read."""
    token = _phrase_noun(token)
    prep = token.head
    if token.pos_ != "NOUN" or token.dep_ != "pobj" or prep.dep_ != "prep" \
            or prep.lower_ not in _ACT_PHRASE_PREPS or prep.head.pos_ != "VERB":
        return []
    subjects = with_conjuncts([c for c in prep.head.children if c.dep_ == "nsubj"])
    return list(dict.fromkeys(i for t in subjects for i in index.refer(t)))


def _helpers(token: Token, index: MentionIndex) -> list[str]:
    """Who an act of helping named in a phrase names as the helper ("conducted with the help of
    the DEA", "with intelligence support from the coalition", "in cooperation with Spanish
    police"): they acted too."""
    token = _phrase_noun(token)
    if token.pos_ != "NOUN" or token.lemma_.lower() not in _HELP_NOUNS:
        return []
    return list(dict.fromkeys(i for t in with_conjuncts(_prep_objects(token, {"of", "from", "with"}))
                              for i in index.refer(t)))


def event_roles(token: Token, sent: Span, index: MentionIndex, category: str | None = None,
                subtype: str | None = None) -> Roles:
    """Actors, targets, places and day of the event triggered by ``token`` in ``sent`` (``subtype``:
    a natural disaster that is its sentence's subject has no actor)."""
    actor_heads, target_heads = participants(token)
    # "Six soldiers killed in ambush": the soldiers underwent it (a "by" phrase still names the doer)
    undergoers = headline_undergoers(token) if token.idx < index.text.body_offset else []
    headline = bool(undergoers)
    if headline:
        actor_heads = [t for t in actor_heads if t not in undergoers]
        target_heads = [*undergoers, *(t for t in target_heads if t not in undergoers)]
    # read once: the conjuncts below ask again
    referred = {t: _opening_pronoun(t, sent, index) or _members_of_unnamed(t, token, index) or index.refer(t)
                for t in actor_heads}
    actors = list(dict.fromkeys(i for t in actor_heads for i in referred[t]))
    actors += [i for i in _leaders(actor_heads, token, index) if i not in actors]
    passive = agentless_passive(token)
    blameless: set[str] = set()
    if category in _ARMED_ACTS and passive:
        # the clause borrowed its teller as its doer: a person or people who tell of an act of
        # force did not do it ("He said 23 militants and four soldiers were killed"), a force
        # or a body may have ("Police said 47 suspects had been arrested"), but not one who treats
        # or counts its victims, nor a force telling of its own people hurt
        verb = clause_verb(anchor(token))
        tellers = speaker(verb)
        told = {i for t in tellers for i in index.refer(t)}
        blameless = {i for t in _blameless_tellers(verb, tellers, category) for i in index.refer(t)}
        actors = [i for i in actors if i not in blameless
                  and (i not in told or index.kinds.get(i) not in _TELLERS)]
    if not actors:  # the subject is an unnamed participant: "vigilantes shot ...", "military jets"
        actors = index.mint([t for t in actor_heads if t != token], token, people_only=True)
    else:  # "Supporters and opponents of Yoon held rallies": an unnamed conjunct of a named actor
        conjoined = [t for t in actor_heads if t != token and any(c in actor_heads for c in t.conjuncts)
                     and not referred[t]]
        actors += [i for i in index.mint(conjoined, token, people_only=True) if i not in actors]
    if not actors:  # "summoned both sides for talks", "traded prisoners in an exchange"
        actors = _phrase_verb_subjects(token, index)
    if not actors and passive:
        actors = _passive_doers(token, sent, index, target_heads, category)
    if not actors:  # "The air strike on the village hit a school": the strike told before
        actors = _told_before(token, index, category)
    if not actors:  # "Seven more people were wounded by the blast": who set off the blast told before
        actors = next((found for t in actor_heads if t != token
                       and (found := _told_before(t, index, category))), [])
    # a subject pronoun no antecedent was found for ("They killed two soldiers before fleeing, a
    # local official said"): they are whoever acted last, never the teller
    unresolved = not actors and any(t.pos_ == "PRON" and t.lower_ in _THIRD_PERSON for t in actor_heads)
    if unresolved:
        actors = index.last_actors(sent.start_char)
    for heads, said in [] if actors or unresolved or headline else fallback_actors(token):  # the first other reading naming someone
        # witnesses and residents who tell of it did not do it, nor does a person who tells of an
        # act of force ("He said 23 militants and four soldiers were killed": the spokesman)
        untold = _TELLERS if category in _ARMED_ACTS else {coref.PEOPLE}
        if actors := [i for i in dict.fromkeys(i for t in heads for i in index.refer(t))
                      if not (said and index.kinds.get(i) in untold) and i not in blameless]:
            break
    actors += [i for i in _helpers(token, index) if i not in actors]  # "with the help of the DEA"
    # "a spokesman for the TTP denied", "M23 spokesman Lawrence Kanyuka said": the body spoke through them
    spoken_for = [i for t in actor_heads for i in _spoken_for(t, index)]
    actors = list(dict.fromkeys([*spoken_for, *actors]))
    others = frozenset(actors) | {s.id for t in actor_heads for s in index.covering(t)}  # "Officers": police
    targets = [i for i in dict.fromkeys(i for t in target_heads for i in _target_ids(t, token, index, others))
               if i not in actors]
    if not targets:  # no head word names anyone: whoever the target phrases name ("the Bosnian town of Gorazde")
        targets = [i for i in index.phrase_ids(target_heads) if i not in actors]
    for heads in [] if targets else fallback_targets(token):
        if targets := [i for i in dict.fromkeys(i for t in heads for i in _target_ids(t, token, index, others))
                       if i not in actors]:
            break

    def beside(heads: Sequence[Token]) -> list[str]:
        """Ids of ``heads`` read beside the targets found: neither an actor nor a target yet."""
        return [i for t in heads for i in _target_ids(t, token, index, others)
                if i not in actors and i not in targets]

    targets += beside(casualties(token))  # "..., killing four teenagers"
    targets += [i for i in index.mint(struck_vehicles(token), token, facilities_only=True)
                if i not in actors and i not in targets]  # "when their minibus struck a mine"
    if not targets or category == "ASSAULT" or (category == "COERCE" and not _custody(token)):
        # "a bomb exploded near a market", "went off in a parked car", "opened fire in a bar, killing nine",
        # "killed nine people in a bar": the facility an attack took place at was hit
        targets += [i for i in index.mint(setting_objects(token), token, facilities_only=True)
                    if i not in actors and i not in targets]
    if not targets:  # "banned all protests", "suspended mobile data": what was restricted, whatever its noun
        targets = [i for i in index.mint(with_conjuncts(restricted_objects(clause_verb(anchor(token)))), token,
                                         any_noun=True) if i not in actors]
    if not targets and category == "COERCE":  # "Police responded with tear gas": at the protesters
        targets = [i for i in index.last_protesters(token.idx) if i not in actors]
    elif _ANYONE in targets and category in _ATTACKS:  # "Police arrested 30 people": the protesters
        targets += [i for i in index.last_protesters(token.idx) if i not in actors and i not in targets]
    targets += beside(coordinated_objects(token))  # "arrested 14 suspects and seized weapons"
    purposed = purpose_objects(token)
    targets += beside(purposed)  # "fired tear gas to disperse the crowd"
    # "... to disperse an opposition rally": the gathering dispersed, whatever its noun
    targets += [i for i in index.mint([t for t in purposed if t.head.lemma_.lower() in _DISPERSE], token,
                                      any_noun=True) if i not in actors and i not in targets]
    # the clause's verb and the verbs it shares its subject with: "threw rocks and set a trailer on fire"
    own_verb = clause_verb(anchor(token))
    wrecked = [o for v in (own_verb, *shared_subject_verbs(own_verb)) for o in wrecked_objects(v)]
    targets += [i for i in index.mint(with_conjuncts(wrecked), token,
                                      any_noun=True)  # "blew up the airstrip", "set fire to power poles"
                if i not in actors and i not in targets]
    if category in _ATTACKS:  # "stormed a police armoury", "hurled crude bombs at a rally"
        attacked = attacked_objects(token)
        targets += beside([t for t in attacked if index.covering(t)])  # "... gas on Ukrainian soldiers"
        targets += [i for i in index.mint(attacked, token, any_noun=True)
                    if i not in actors and i not in targets]
        for clause in when_clauses(token):  # "were killed when a missile struck the bus station",
            # "... when a grenade exploded in the central market": what the clause says was hit
            targets += [i for i in index.mint(attacked_objects(clause), clause, any_noun=True)
                        + index.mint(setting_objects(clause), clause, facilities_only=True)
                        if i not in actors and i not in targets]
            targets += beside(passing_subjects(clause))  # "a bomb exploded as a military convoy passed"
        targets += [i for i in index.mint(planted_in(token), token, facilities_only=True)  # "a bomb
                    if i not in actors and i not in targets]  # attached to a minibus"
    if category in STATEMENTS and (claimed := _claimed_targets(token, index, others)):
        # "claimed the attack on an army post": what the claimed act was done to
        targets = claimed + [i for i in targets if i not in claimed]
    elif category in STATEMENTS and (done := [i for i in _doers(token, index) if i not in actors]):
        # "condemned the killings": whoever did the killing named before is the target
        targets = done + [i for i in targets if i not in done]
    elif not targets and category in STATEMENTS and any(c.dep_ == "dobj" for c in token.children):
        # "condemned the arrests": the act named before; whoever did it is the target
        targets = [i for i in index.last_actors(token.idx) if i not in actors]
    if category in STATEMENTS | {"SANCTION"}:  # "vowed to respond": to whoever acted before
        targets += [i for i in _responded_to(token, index, actors) if i not in targets]
        # "threatened to quit the treaty after X moved to ...": a named party whose act the
        # statement followed (not "after residents fled")
        targets += [i for t in _provokers(token) for i in index.refer(t, skip=frozenset(actors))
                    if index.kinds.get(i) in _NAMED | {coref.FORCE} and i not in actors and i not in targets]
    if category in STATEMENTS:  # "called on Freedonia to press Ruritania to withdraw": Ruritania too
        targets += beside(_pressed_parties(token))
        targets += beside(_told_in_noun(token))  # "threats from the minister that Freedonia would pay"
    if category in {"AID", "SUPPORT"}:  # "set up camps for survivors": the survivors
        targets += beside(_beneficiaries(token))
    if category == "RETREAT":  # "Rebels took control of Abba ... The troops pulled out": of Abba
        targets += [i for i in _ground_given_up(token, index, actors) if i not in targets]
    if category == "REQUEST" and _asks_for_peace(token):  # "called for an immediate ceasefire": of both sides
        targets += [i for i in index.sides_before(token.idx, _SIDES, frozenset(actors)) if i not in targets]
    if category == "ACCUSE":  # "said the boat was operated by Tren de Aragua": whom it accuses
        targets += beside(_reported_agents(token))
    if category == "REJECT":  # "denied targeting civilians": whoever accused them before
        targets += [i for i in _accusers(token, index, actors) if i not in targets]
    if category in STATEMENTS:  # "threatened to block roads unless the government ...": who must act
        targets += beside(condition_subjects(anchor(token)))
    if category in STATEMENTS:  # "demanded the release of the fishermen": of whoever holds them
        targets += [i for i in _captors(token, index, actors) if i not in targets]
    if category in STATEMENTS | {"ACCUSE", "PROTEST"} and (summoned := _purpose_party(token, index, actors)):
        targets = summoned + [i for i in targets if i not in summoned]  # "summoned X's envoy to protest"
    # "rejected the agreement", "condemned the arrests": what was judged, after whoever did it
    judged = with_conjuncts(judged_objects(clause_verb(anchor(token))))
    targets += [i for i in index.mint(judged, token, any_noun=True) if i not in actors and i not in targets]
    targets += beside(_makers(judged))  # "rejected a pay offer from airport operators"
    # "condemned the French position": the country the nationality word on it stands for
    targets += [c for n in judged for m in n.children if m.dep_ == "amod"
                and (c := index.demonyms.get(m.lower_)) is not None and c not in actors and c not in targets]
    # what the readings left: the sentence's other names the learned model says are targets
    targets = add_targets(index.learned_targets, token, sent, index.spans, index.full, category,
                          actors, targets, index.reporters)
    actors, targets = joint_parties(token, category, actors, targets, index.kinds)
    actors = [i for i in actors if i not in index.reporters]  # "..., Reuters reported": it did none of it
    # "Washington imposed sanctions", "accused Madrid of": the government seated there; not the city
    # an attack or a deployment reached ("missiles struck Kyiv")
    actors = index.with_countries(actors)
    if category not in _ARMED_ACTS:
        targets = index.with_countries(targets)
    hazard = anchor(token)
    if subtype in _NO_DOER and hazard.dep_ in _HAZARD_AS_SUBJECT and hazard.pos_ in {"NOUN", "PROPN"}:
        actors = []
    if actors:
        index.acts.append(Act(token.lemma_.lower(), category, actors, token.idx < index.text.body_offset,
                              sent.start_char, tuple(targets)))
    places = event_places(token, sent, index.places, actors=actors, category=category)
    day = event_day(token, sent, index.published_at, index.full)
    return Roles(actors=actors, targets=targets, place_ids=places, date=day)
