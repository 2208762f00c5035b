"""What the taxonomy's rules tell the trained model about a sentence.

The hand rules (``rules.py``, ``scope.py`` over ``taxonomy.yaml``) stay as
features: each rule that fires adds the category, subtype and mode it would
give; each trigger they drop adds why (negated, governed by "threatened",
modal, condition, background...). The model learns from the team corpus how
far to trust each of them, instead of a person tuning weights on dev
sentences. Feature words are upper case with a ``~`` (``~R:ASSAULT``), so they
never collide with the sentence's own (lower-cased) words.

Beside the rules, the parse's view of the sentence: the main verb's tense,
auxiliaries and marks (:func:`clause_features`), the sentence's form
(:func:`assertion_features`), verb lemmas, and who did what to whom
(:func:`dependency_features`: the event verb's tense as one word, its subject and
object heads paired with its lemma). Grouped CV (corpora A-F held out one at a
time, choose_hybrid's objective): 0.8835 -> 0.8860 with the dependency features.
:func:`sentence_features` is the one function training and the tagger call.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from streams.tagging.events.heads import PLACEHOLDERS
from streams.tagging.events.rules import Match, SentenceMatches

NO_RULE = "~NORULE"
_REPORTING = {"say", "tell", "report", "add", "state", "announce", "confirm", "claim", "write"}
# Verbs of opinion and inference: their complement is someone's view, not a reported
# happening ("Commentators suggest it serves as a pretext", "analysts believe ...").
_OPINION = {"suggest", "believe", "think", "argue", "fear", "expect", "hope", "doubt",
            "speculate", "assume", "predict", "estimate", "consider", "see", "view", "feel",
            "worry", "wonder", "question", "appear", "seem"}
# Hedges: the writer does not vouch for what the sentence reports.
_HEDGES = {"purported", "purportedly", "alleged", "allegedly", "reportedly", "apparent",
           "apparently", "possible", "possibly", "likely", "unconfirmed", "unverified",
           "suspected", "supposed", "supposedly", "rumoured", "rumored", "perhaps", "potential"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_CLAUSE_DEPS = {"relcl": "REL", "acl": "ACL", "advcl": "ADV", "ccomp": "COMP", "csubj": "SUBJ",
                "pcomp": "PCOMP", "xcomp": "X"}
_QUOTES = {"\"", "\u201c", "\u201d"}  # not the apostrophe: "protesters'" is a possessive
# sentence length buckets (words): a short line is seldom a report of a happening
_LENGTHS = ((4, "~LEN:1-4"), (9, "~LEN:5-9"), (19, "~LEN:10-19"))
_FUTURE = {"will", "shall", "'ll", "wo"}  # "wo" is the parse of "won't"
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "attr", "oprd"}
_CONDITIONS = {"if", "unless"}


def _reason_kind(reason: str) -> str:
    """The kind of a drop reason ("governed by 'threatened'" -> "GOVERNED_THREATENED")."""
    words = reason.replace("'", " ").replace('"', " ").replace("(", " ").replace(")", " ").split()
    if not words:
        return "OTHER"
    head = words[0].upper()
    if head in {"GOVERNED", "NEGATED", "MODAL"} and len(words) > 2:
        return f"{head}_{words[-1].upper()}"
    return head


def rule_features(matches: SentenceMatches) -> list[str]:
    """Feature words for one sentence (empty rules give ``~NORULE``)."""
    out: list[str] = []
    for match in matches.kept:
        out += [f"~R:{match.rule.category}", f"~S:{match.subtype or 'NONE'}",
                f"~M:{match.mode or 'none'}", f"~RULE:{match.rule.name}"]
    for dropped in matches.dropped:
        out.append(f"~D:{_reason_kind(dropped.reason)}")
    return out or [NO_RULE]


def _verb_features(verb: Token, tag: str) -> list[str]:
    out = [f"~{tag}:{verb.tag_}"]
    for child in verb.children:
        if child.dep_ == "neg":
            out.append(f"~{tag}NEG")
        elif child.dep_ in {"aux", "auxpass"}:
            out.append(f"~{tag}AUX:{child.lower_}")
        elif child.dep_ == "mark":
            out.append(f"~{tag}MARK:{child.lower_}")
    return out


def clause_features(sent: Span) -> list[str]:
    """Tense, negation, auxiliaries and marks of the main verb, and of the clause a
    reporting verb introduces ("police said they had arrested", "said it would strike"):
    what tells a happening from a plan, a denial or a condition."""
    root = sent.root
    out = _verb_features(root, "ROOT")
    if root.lemma_.lower() in _REPORTING:
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                out += _verb_features(child, "COMP")
                break
    return out


def assertion_features(sent: Span, matches: SentenceMatches) -> list[str]:
    """Whether the sentence asserts a happening, read from its form rather than its topic:
    its length, whether it has a finite verb and a subject (a fragment such as "All rights
    reserved." has neither), hedges ("purported"), a main verb of opinion, and where the
    rules' triggers sit (in a relative or subordinate clause, in a quote, under a modal)."""
    words, finite, hedge, quotes = 0, False, False, []
    for token in sent:  # one pass: this runs on every sentence the tagger reads
        if token.is_space or token.is_punct:
            if token.text in _QUOTES:
                quotes.append(token.i)
            continue
        words += 1
        finite = finite or token.tag_ in _FINITE
        hedge = hedge or token.lower_ in _HEDGES
    out = [next((name for limit, name in _LENGTHS if words <= limit), "~LEN:20+")]
    if not finite:
        out.append("~NOFINITE")
    root = sent.root
    if not any(c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for c in root.children):
        out.append("~NOSUBJ")
    if root.lemma_.lower() in _OPINION:
        out.append("~OPINION")
        out += [f"~OPCOMP:{c.tag_}" for c in root.children if c.dep_ in {"ccomp", "xcomp"}][:1]
    if hedge:
        out.append("~HEDGE")
    for match in matches.kept:
        out += trigger_context(match, sent, quotes)
    return out


def trigger_context(match: Match, sent: Span, quotes: Sequence[int] = ()) -> list[str]:
    """Where a kept rule trigger sits: the clauses between it and the main verb, a quote
    around it, and the auxiliaries of its own verb ("would", "will", "has not")."""
    out: list[str] = []
    node, verb = match.token, None
    while node.head.i != node.i and sent.start <= node.head.i < sent.end:
        if verb is None and node.pos_ in {"VERB", "AUX"}:
            verb = node
        kind = _CLAUSE_DEPS.get(node.dep_)
        if kind is not None:
            out.append(f"~TRIGIN:{kind}")
        node = node.head
    verb = verb or (node if node.pos_ in {"VERB", "AUX"} else None)
    if verb is not None:
        out += [f"~TRIGAUX:{c.lower_}" for c in verb.children if c.dep_ in {"aux", "neg"}]
    if sum(i < match.token.i for i in quotes) % 2 == 1:  # inside an open quote
        out.append("~TRIGQUOTE")
    return out or ["~TRIGMAIN"]


def lemma_features(sent: Span) -> list[str]:
    """The lemma of every verb and of the main verb ("dismissed", "dismisses" -> dismiss):
    what happened, in a form that does not depend on tense or person."""
    out = [f"~ROOTL:{sent.root.lemma_.lower()}"]
    out += [f"~V:{t.lemma_.lower()}" for t in sent if t.pos_ == "VERB"]
    return out


def event_verb(sent: Span) -> Token:
    """The verb that says what happened: the main verb, or the clause a reporting main verb
    introduces ("police said they had arrested ..." -> arrested)."""
    root = sent.root
    if root.lemma_.lower() in _REPORTING:
        for child in root.children:
            if child.dep_ in {"ccomp", "xcomp"}:
                return child
    return root


def tense(verb: Token) -> str:
    """One word for the tense, aspect, negation and voice of ``verb`` and its auxiliaries
    ("had arrested" -> ~TENSE:PLUPERF, "will not be allowed" -> ~TENSE:FUT_NEG_PASS): a
    reported happening is mostly PAST or PERF, a plan FUT, a threat or condition MODAL."""
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    tags = {verb.tag_} | {c.tag_ for c in auxiliaries}
    have = [c for c in auxiliaries if c.lemma_ == "have"]
    if any(c.lower_ in _FUTURE or c.lower_ == "going" for c in auxiliaries):
        name = "FUT"
    elif any(c.tag_ == "MD" for c in auxiliaries):
        name = "MODAL"
    elif have:
        name = "PLUPERF" if any(c.tag_ == "VBD" for c in have) else "PERF"
    elif "VBD" in tags:
        name = "PAST"
    elif tags & {"VBZ", "VBP"}:
        name = "PRES"
    elif "TO" in tags or verb.tag_ == "VB":
        name = "INF"
    else:
        name = "ING" if verb.tag_ == "VBG" else "NONFIN"
    if any(c.dep_ == "neg" for c in verb.children):
        name += "_NEG"
    if any(c.dep_ == "auxpass" for c in auxiliaries):
        name += "_PASS"
    return f"~TENSE:{name}"


def _head_word(token: Token) -> str:
    """A dependent as the model reads it: its entity placeholder, ~DATE, or its lemma."""
    if token.ent_type_ in {"DATE", "TIME"}:
        return "~DATE"
    return PLACEHOLDERS.get(token.ent_type_) or token.lemma_.lower()


def dependency_features(sent: Span) -> list[str]:
    """Who did what to whom, as the parse says it: the event verb's tense (:func:`tense`), its
    subject (or passive agent) and object heads alone and paired with its lemma
    (~VS:arrest|police, ~VO:arrest|man), its prepositional objects (~VP:flee|to|~GPE), and
    whether a clause is conditional ("if", "unless"). Pairs carry what a bag of adjacent
    words misses when the subject and the verb are far apart."""
    verb = event_verb(sent)
    lemma = verb.lemma_.lower()
    out = [tense(verb)]
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            out += [f"~SUBJ:{_head_word(child)}", f"~VS:{lemma}|{_head_word(child)}"]
        elif child.dep_ in _OBJECTS:
            out += [f"~OBJ:{_head_word(child)}", f"~VO:{lemma}|{_head_word(child)}"]
        elif child.dep_ in {"agent", "prep"}:
            for word in (g for g in child.children if g.dep_ == "pobj"):
                if child.dep_ == "agent":
                    out += [f"~SUBJ:{_head_word(word)}", f"~VS:{lemma}|{_head_word(word)}"]
                else:
                    out.append(f"~VP:{lemma}|{child.lower_}|{_head_word(word)}")
    if any(t.dep_ == "mark" and t.lower_ in _CONDITIONS for t in sent):
        out.append("~COND")
    return out


def sentence_features(sent: Span, matches: SentenceMatches) -> list[str]:
    """All feature words of one sentence, the same in training and in the tagger."""
    return (rule_features(matches) + clause_features(sent) + assertion_features(sent, matches)
            + lemma_features(sent) + dependency_features(sent))
