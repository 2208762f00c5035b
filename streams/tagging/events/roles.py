"""Who did it, to whom, and where: an event's actors, targets and places.

Read off the dependency tree around the trigger (its subject, "by X", its
object, "against/on Y") and mapped to the ids of the entity and place
mentions that overlap those words. Nationality adjectives ("Russian drone
strikes") stand for their country when the article names it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from schemas import Entity, Place
from streams.tagging.shared.text import ArticleText

_ACTOR_DEPS = {"nsubj", "csubj"}
_TARGET_DEPS = {"dobj", "nsubjpass", "iobj", "attr"}
_TARGET_PREPS = {"against", "on", "at", "into", "upon", "toward", "towards", "targeting"}
_NOUN_ACTOR_DEPS = {"amod", "compound", "poss", "nmod"}
# Prepositional phrases that say where or when, not who: "incidents in Bila Tserkva".
_SETTING_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "during", "within",
                  "throughout", "after", "before", "amid"}
_BROAD = "country"
_PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his"}


@dataclass(frozen=True, slots=True)
class Roles:
    """Ids of who acted and who was acted on, and where it happened."""

    actors: list[str]
    targets: list[str]
    place_ids: list[str]


class MentionIndex:
    """Entity and place mentions of one article, in the tagged text's offsets."""

    def __init__(self, text: ArticleText, entities: Sequence[Entity], places: Sequence[Place],
                 demonyms: dict[str, str]) -> None:
        self.spans: list[tuple[int, int, str]] = []
        items: list[Place | Entity] = [*places, *entities]
        for item in items:
            for m in item.mentions:
                offset = 0 if m.field == "title" else text.body_offset
                self.spans.append((m.start + offset, m.end + offset, item.id))
        # Where each person was last named, so "He urged..." can point back to them.
        self.people = sorted((m.start + (0 if m.field == "title" else text.body_offset), e.id)
                             for e in entities if e.type == "PERSON" for m in e.mentions)
        self.features = {p.id: p.feature for p in places}
        by_name = {p.name.lower(): p.id for p in places}
        self.demonyms = {adj: by_name[c.lower()] for adj, c in demonyms.items() if c.lower() in by_name}
        focus = max(places, key=lambda p: p.salience, default=None)
        self.focus = focus.id if focus is not None else None

    def ids(self, tokens: Iterable[Token]) -> list[str]:
        """Ids whose mentions overlap ``tokens``; a demonym's country comes first."""
        out: list[str] = []
        for token in tokens:
            if token.lower_ in _PERSONAL_PRONOUNS:
                before = [i for start, i in self.people if start < token.idx]
                out.extend(before[-1:])
                continue
            country = self.demonyms.get(token.lower_)
            if country:
                out.append(country)
                continue
            start, end = token.idx, token.idx + len(token)
            out.extend(i for s, e, i in self.spans if s < end and start < e)
        return list(dict.fromkeys(out))

    def places_in(self, start: int, end: int) -> list[str]:
        return list(dict.fromkeys(i for s, e, i in self.spans if start <= s < end and i in self.features))


def _phrase(token: Token, skip: set[str]) -> list[Token]:
    """The token's subtree minus prepositional phrases headed by ``skip``."""
    out = [token]
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in skip:
            continue
        out += _phrase(child, skip)
    return out


def _subtrees(tokens: Iterable[Token], skip: frozenset[str] | set[str] = frozenset()) -> list[Token]:
    return [t for tok in tokens for t in _phrase(tok, set(skip))]


def _nested_targets(tokens: Iterable[Token]) -> list[Token]:
    """Targets stated inside an actor phrase: "threats from officials against Zelenskiy"."""
    return [g for tok in tokens for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "against"
            for g in t.children if g.dep_ == "pobj"]


def _clause_verb(token: Token) -> Token:
    """The verb a noun trigger belongs to ("strikes" in "strikes killed...")."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"nsubj", "nsubjpass"}:
        return token.head
    return token


def _participants(token: Token) -> tuple[list[Token], list[Token]]:
    actors: list[Token] = []
    targets: list[Token] = []
    verb = _clause_verb(token)
    if verb is not token:  # noun subject: its modifiers act, the verb's object suffers
        actors += [c for c in token.children if c.dep_ in _NOUN_ACTOR_DEPS]
        targets += [c for c in verb.children if c.dep_ in _TARGET_DEPS]
    head = verb
    for _ in range(3):
        for child in head.children:
            if child.dep_ in _ACTOR_DEPS:
                actors.append(child)
            elif child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
                actors += [g for g in child.children if g.dep_ == "pobj"]
            elif child.dep_ in _TARGET_DEPS and head is verb:
                targets.append(child)
            elif child.dep_ == "prep" and child.lower_ in _TARGET_PREPS and head is verb:
                targets += [g for g in child.children if g.dep_ == "pobj"]
        if actors or head.dep_ not in {"xcomp", "advcl", "conj", "acl", "relcl"}:
            break
        head = head.head  # "...blew themselves up, killing..." borrows the subject
    if token.pos_ in {"NOUN", "PROPN"} and verb is token:
        actors += [c for c in token.children if c.dep_ in _NOUN_ACTOR_DEPS]
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                targets += [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                actors += [g for g in child.children if g.dep_ == "pobj"]
    return actors, targets


def event_roles(token: Token, sent: Span, index: MentionIndex) -> Roles:
    """Actors, targets and places of the event triggered by ``token`` in ``sent``.

    Places are those the sentence names (minus the actors'); when it names a
    city or region, countries are dropped as too broad; when it names none,
    the article's focus place (highest salience) stands in.
    """
    actor_tokens, target_tokens = _participants(token)
    target_tokens += _nested_targets(actor_tokens)
    actors = index.ids(_subtrees(actor_tokens, _SETTING_PREPS | {"against"}))
    targets = [i for i in index.ids(_subtrees(target_tokens, _SETTING_PREPS)) if i not in actors]
    places = [p for p in index.places_in(sent.start_char, sent.end_char) if p not in actors]
    narrow = [p for p in places if index.features.get(p) != _BROAD]
    if narrow:
        places = narrow
    if not places and index.focus:
        places = [index.focus]
    return Roles(actors=actors, targets=targets, place_ids=places)
