"""Matching the taxonomy's rules against one parsed sentence.

Pure functions over spaCy tokens: no model call, so the cost is a few dict
look-ups per token on top of the parse the tagger already made.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from streams.tagging.events.scope import ancestors, on_main_line, scope_reason
from streams.tagging.events.taxonomy import Choice, Pattern, Rule, Taxonomy

MAX_GAP = 2  # words allowed between the parts of a phrase ("blew themselves up")
# Prepositions that, ending a phrase, must follow its verb at once: "called a day of strikes for
# Tuesday" is no "call for"; particles may follow a long object ("pulled its remaining fighters
# out", "pushed the Kachin Independence Army back").
_PREPOSITIONS = frozenset({"for", "to", "from", "with", "at", "into", "on", "onto", "in", "of", "against",
                           "about", "by", "upon", "toward", "towards", "through", "across", "after"})
_SUBJECT_DEPS = {"nsubj", "csubj", "agent"}  # a passive subject is the patient, not the doer
_HYPHENS = {"-", "\u2010", "\u2011"}
_SELF = {"it", "they", "we"}  # pronouns that, in a reported clause, point back to the speaker
OFF_MAIN_LINE = 0.82  # confidence factor for a trigger off the main line (see scope.py)
# Verbs that name a report's source ("police said", "witnesses told Reuters"): who said it is
# not part of what happened, so a rule's negative cues are not read there.
_ATTRIBUTION = {"say", "tell", "report", "add", "state", "confirm"}


@dataclass(frozen=True, slots=True)
class Match:
    """A rule that fired on a trigger: the makings of one Event."""

    rule: Rule
    subtype: str | None
    mode: str | None
    token: Token  # the trigger's first word (the trained model's features read it there)
    trigger: str
    confidence: float
    cues: tuple[str, ...] = ()
    head: Token | None = None  # the word of a phrase trigger that attaches outside it, if not ``token``

    @property
    def anchor(self) -> Token:
        """Where the trigger sits in the tree: the head of a phrase trigger ("assaulted" of
        "sexually assaulted", "strike" of "air strike"), whose subject and objects the roles are."""
        return self.head if self.head is not None else self.token


@dataclass(frozen=True, slots=True)
class Dropped:
    """A trigger found but not kept, and why (for ``--explain``)."""

    rule: str
    trigger: str
    reason: str


@dataclass
class SentenceMatches:
    """What the rules made of one sentence."""

    kept: list[Match] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


def _forms(token: Token, lemma_fixes: Mapping[str, str]) -> tuple[str, ...]:
    # The small model leaves some derived or British forms unlemmatised
    # ("retook", "overran", "instal"): the taxonomy's fixes supply the lemma.
    lower = token.lower_
    lemma = lemma_fixes.get(lower) or token.lemma_.lower()
    singular = _unlemmatised_plural(token, lemma)
    return (lemma, lower, singular) if singular else (lemma, lower)


def _unlemmatised_plural(token: Token, lemma: str) -> str | None:
    """The singular of a capitalised plural that the small model tagged a proper noun and
    left as it is (a plural opening a sentence: "Rebels seized ...", "Villagers beat ..."),
    so the rules read it as the noun it is; a name ending in -s is left alone by the rules'
    words, which hold no such stem."""
    text = token.text
    if token.pos_ != "PROPN" or lemma != token.lower_ or not text[:1].isupper():
        return None
    if len(text) < 5 or not text.endswith("s") or text.endswith(("ss", "us", "is")):
        return None
    return lemma[:-1]


class Words:
    """A sentence's words (punctuation and hyphens left out) for phrase matching."""

    def __init__(self, tokens: list[Token], lemma_fixes: Mapping[str, str] | None = None,
                 within: Words | None = None) -> None:
        """``within``: the sentence's words, whose forms a part of it (a subtree, the words
        without the report's source) takes instead of reading them again."""
        self.tokens = [t for t in tokens if not (t.is_punct or t.is_space)]
        self.forms: list[tuple[str, ...]] = [(within.forms_of(t) if within is not None else None)
                                             or _forms(t, lemma_fixes or {}) for t in self.tokens]
        # where each form occurs: a phrase is looked for only where its first
        # word is (cue lists are long; scanning every word for each was the
        # events stage's main cost in the profile)
        self._at: dict[str, list[int]] = {}
        for index, forms in enumerate(self.forms):
            for form in dict.fromkeys(forms):
                self._at.setdefault(form, []).append(index)
        self._cache: dict[Pattern, bool] = {}
        self._index: dict[int, int] = {t.i: n for n, t in enumerate(self.tokens)}

    def forms_of(self, token: Token) -> tuple[str, ...] | None:
        """The forms of ``token`` when it is one of these words, else None."""
        n = self._index.get(token.i)
        return self.forms[n] if n is not None else None

    def find(self, pattern: Pattern, first: int | None = None) -> int | None:
        """Index (into ``tokens``) of the last word of ``pattern``, or None.

        With ``first``, the phrase must start at that index; otherwise anywhere.
        """
        starts = [first] if first is not None else self._at.get(pattern.words[0], ())
        for start in starts:
            if pattern.words[0] not in self.forms[start]:
                continue
            if pattern.pos and self.tokens[start].pos_ != pattern.pos:
                continue
            end = self._rest(pattern, start)
            if end is not None:
                return end
        return None

    def _rest(self, pattern: Pattern, at: int) -> int | None:
        for n, word in enumerate(pattern.words[1:]):
            if pattern.joined and pattern.joined[n]:
                if not (self._hyphenated(at) and word in self.forms[at + 1]):
                    return None
                at += 1
                continue
            for step in range(1, MAX_GAP + 2):
                nxt = at + step
                if nxt < len(self.forms) and word in self.forms[nxt]:
                    at = nxt
                    break
            else:
                past = self._past_object(at, word, last=len(pattern.words) == 2) if n == 0 else None
                if past is None:
                    return None
                at = past
        return at

    def _past_object(self, at: int, word: str, last: bool) -> int | None:
        """Index of ``word`` right after the direct object of the verb at ``at``, however long the
        object ("set a police post on fire", "took three aid workers hostage", "pulled its
        fighters out"); None if it is not there. A preposition that ends the phrase must follow
        its verb at once: "called a day of strikes for Tuesday" is no "call for"."""
        if last and word in _PREPOSITIONS:
            return None
        verb = self.tokens[at]
        for child in verb.children:
            if child.dep_ != "dobj" or child.i < verb.i:
                continue
            # the word after the object, or a phrase the parser hung on the object ("post on fire")
            after = [child.right_edge.i + 1, *(c.i for c in child.children if c.dep_ == "prep" and c.i > child.i)]
            for i in after:
                nxt = self._index.get(i)
                if nxt is not None and word in self.forms[nxt]:
                    return nxt
        return None

    def _hyphenated(self, at: int) -> bool:
        """Whether word ``at`` and the next word are joined by a hyphen ("sit-in")."""
        if at + 1 >= len(self.tokens):
            return False
        left, right = self.tokens[at], self.tokens[at + 1]
        between = left.doc[left.i + 1 : right.i]
        return len(between) == 1 and between[0].text in _HYPHENS and not left.whitespace_

    def has(self, pattern: Pattern) -> bool:
        if pattern.words[0] not in self._at:  # most cues of a long list are absent: no Pattern hash
            return False
        found = self._cache.get(pattern)  # one hash of the Pattern (a dataclass of tuples) on a hit
        if found is None:
            found = self._cache[pattern] = self.find(pattern) is not None
        return found

    def hits(self, patterns: tuple[Pattern, ...]) -> list[str]:
        return [p.text for p in patterns if self.has(p)]


_OWN = {"its", "their", "our"}  # possessives that, in a reported clause, name the speaker's own
_FORCES = {"force", "forces", "troops", "fighter", "unit", "soldier", "army"}


def _speakers_own(subjects: list[Token], verb: Token) -> list[Token]:
    """The speaker's words when a reported clause's subject is the speaker's own forces ("Russia's
    defence ministry said its forces had captured ...": whose forces the speaker tells), else []."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return []
    if not all(s.lemma_.lower() in _FORCES and any(c.dep_ == "poss" and c.lower_ in _OWN for c in s.children)
               for s in subjects):
        return []
    return [t for c in verb.head.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree]


def _subject_tokens(token: Token) -> list[Token]:
    verb = token
    # A participle or infinitive without its own subject borrows its head's;
    # so does a pronoun reporting on its speaker ("the army said it had retaken").
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects and not (verb.dep_ == "ccomp" and all(s.lower_ in _SELF for s in subjects)):
            return [t for s in subjects for t in s.subtree] + _speakers_own(subjects, verb)
        if verb.dep_ in {"xcomp", "advcl", "conj", "relcl", "acl", "ccomp"} and verb.head.i != verb.i:
            verb = verb.head
        else:
            break
    if token.pos_ in {"NOUN", "PROPN"}:
        return [t for c in token.children if c.dep_ in {"amod", "compound", "poss"} for t in c.subtree]
    return []


def _acted_on(token: Token) -> list[Token]:
    """The trigger's subtree without its doer (its subject, the "by X" agent of a passive):
    where a rule looks for what was acted on ("Soldiers killed three villagers" names no
    military target; "11 people were killed by police" neither)."""
    doers = {t.i for c in token.children if c.dep_ in _SUBJECT_DEPS for t in c.subtree}
    return [t for t in token.subtree if t.i not in doers]


def attribution(sent: Span) -> set[int]:
    """Indices of the words that name where a report comes from: a verb of saying with its
    subject ("..., police said"; "Police said a mob ...": the clause it reports is kept) and
    "according to X"."""
    out: set[int] = set()
    for token in sent:
        if token.lemma_.lower() == "according" and token.dep_ == "prep":
            out.update(t.i for t in token.subtree)
        elif token.pos_ == "VERB" and token.lemma_.lower() in _ATTRIBUTION:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if not subjects:
                continue
            reported = {t.i for c in token.children if c.dep_ in {"ccomp", "xcomp", "conj"} for t in c.subtree}
            if not reported and token.dep_ not in {"parataxis", "ccomp", "advcl"}:
                continue  # "police reported the attack": the verb is the news
            out.update(t.i for t in token.subtree if t.i not in reported)
    return out


_PLACE_ENTITIES = {"GPE", "LOC", "FAC"}


def _object_is_place(token: Token) -> bool:
    """Whether the trigger's direct object (or one joined to it) is a place's name: "retook
    Um Rawaba", "captured Kirawa and Bama"; a place only named in a modifier ("in Kabul") is not."""
    objects = [c for c in token.children if c.dep_ == "dobj"]
    objects += [c for o in objects for c in o.conjuncts]
    return any(o.ent_type_ in _PLACE_ENTITIES for o in objects)


def _has_in(tokens: list[Token], patterns: tuple[Pattern, ...],
            lemma_fixes: Mapping[str, str], within: Words | None = None) -> list[str]:
    if not patterns or not tokens:
        return []
    return Words(sorted(tokens, key=lambda t: t.i), lemma_fixes, within).hits(patterns)


def _phrase_head(first: Token, last: Token) -> Token:
    """The word of a phrase trigger that attaches outside it ("in" of "sit-in", not "sit")."""
    for token in first.doc[first.i : last.i + 1]:
        if token.head.i == token.i or not first.i <= token.head.i <= last.i:
            return token
    return first


def _choose(choice: Choice, words: Words) -> str | None:
    for value, cues in choice.options:
        if words.hits(cues):
            return value
    return choice.default


def _try_rule(rule: Rule, index: int, last: int, words: Words, sent: Span,
              taxonomy: Taxonomy, reported: Words) -> Match | Dropped:
    """``rule``'s match with its trigger phrase at words ``index`` to ``last``, or why it was dropped."""
    token = words.tokens[index]
    trigger = sent.doc[token.i : words.tokens[last].i + 1].text
    cue_hits = words.hits(rule.cues)
    if rule.cues and not cue_hits:
        return Dropped(rule.name, trigger, "no context cue")
    blocked = reported.hits(rule.without)  # ``words`` without the report's source
    if blocked:
        return Dropped(rule.name, trigger, f"negative cue {blocked[0]!r}")
    if rule.heads and not any(a.lemma_.lower() in rule.heads for a in ancestors(token, sent, 2)):
        return Dropped(rule.name, trigger, "not governed by one of the rule's heads")
    if rule.arg_cues:
        arg_tokens = _acted_on(token) if rule.acted_on else list(token.subtree)
        arg_hits = _has_in(arg_tokens, rule.arg_cues, taxonomy.lemma_fixes, words)
        if not arg_hits and rule.place_object and _object_is_place(token):
            arg_hits = ["(a place)"]
        if not arg_hits:
            return Dropped(rule.name, trigger, "no argument cue")
        cue_hits += arg_hits
    arg_blocked = _has_in(list(token.subtree), rule.arg_without, taxonomy.lemma_fixes, words)
    if arg_blocked:
        return Dropped(rule.name, trigger, f"negative argument cue {arg_blocked[0]!r}")
    if rule.subject_cues or rule.subject_without:
        subject = _subject_tokens(token)
        subject_hits = _has_in(subject, rule.subject_cues, taxonomy.lemma_fixes, words)
        if rule.subject_cues and not subject_hits:
            return Dropped(rule.name, trigger, "subject does not fit")
        unfit = _has_in(subject, rule.subject_without, taxonomy.lemma_fixes, words)
        if unfit:
            return Dropped(rule.name, trigger, f"negative subject cue {unfit[0]!r}")
        cue_hits += subject_hits
    reason = scope_reason(token, sent, taxonomy, rule.realis, rule.conditional)
    if reason:
        return Dropped(rule.name, trigger, reason)
    subtype = _choose(rule.subtype, words)
    if rule.mild_subtype and not words.hits(rule.severity):
        subtype = rule.mild_subtype
    bonus = taxonomy.cue_bonus * min(3, max(0, len(set(cue_hits)) - 1))
    confidence = min(0.99, rule.weight + bonus)
    head = _phrase_head(token, words.tokens[last])
    if not on_main_line(head, sent):
        confidence *= OFF_MAIN_LINE
    return Match(
        rule=rule, subtype=subtype, mode=_choose(rule.mode, words), token=token, trigger=trigger,
        confidence=round(confidence, 3), cues=tuple(dict.fromkeys(cue_hits)),
        head=head if head is not token else None,
    )


def rule_at(rule: Rule, token: Token, sent: Span, taxonomy: Taxonomy) -> Match | None:
    """``rule``'s event with ``token`` as its trigger, for a reading that found it without
    one of its trigger words (realis_scope.structural_threat); None when one of the rule's
    ``without`` words is in the sentence."""
    words = Words(list(sent), taxonomy.lemma_fixes)
    if words.hits(rule.without):
        return None
    return Match(rule=rule, subtype=_choose(rule.subtype, words), mode=_choose(rule.mode, words),
                 token=token, trigger=token.text, confidence=rule.weight)


def _modifies_a_noun(token: Token) -> bool:
    """A word naming another noun's kind or state, not a happening: "riot police",
    "protest leaders", "detained opposition members" (but "Cyclone Freddy" heads a name)."""
    if token.dep_ == "compound":
        return token.head.pos_ != "PROPN"
    return token.dep_ == "amod" and token.tag_ == "VBN"


def match_sentence(sent: Span, taxonomy: Taxonomy) -> SentenceMatches:
    """Every rule that fires in ``sent``: the best one per trigger, then per category."""
    words = Words(list(sent), taxonomy.lemma_fixes)
    source = attribution(sent)
    reported = Words([t for t in sent if t.i not in source], taxonomy.lemma_fixes, words) if source else words
    result = SentenceMatches()
    best_per_token: dict[int, Match] = {}
    for index, forms in enumerate(words.forms):
        seen: set[tuple[str, str]] = set()
        for form in dict.fromkeys(forms):
            for rule, pattern in taxonomy.by_first_word.get(form, ()):
                if (rule.name, pattern.text) in seen:
                    continue
                last = words.find(pattern, first=index)
                if last is None:
                    continue
                seen.add((rule.name, pattern.text))
                token = words.tokens[index]
                if len(pattern.words) == 1 and _modifies_a_noun(token):
                    result.dropped.append(Dropped(rule.name, token.text, "modifies a noun"))
                    continue
                outcome = _try_rule(rule, index, last, words, sent, taxonomy, reported)
                if isinstance(outcome, Dropped):
                    result.dropped.append(outcome)
                    continue
                current = best_per_token.get(index)
                if current is None or outcome.confidence > current.confidence:
                    best_per_token[index] = outcome
    best_per_category: dict[str, Match] = {}
    for match in best_per_token.values():
        current = best_per_category.get(match.rule.category)
        if current is None or match.confidence > current.confidence:
            best_per_category[match.rule.category] = match
    result.kept = sorted(best_per_category.values(), key=lambda m: m.token.i)
    return result
