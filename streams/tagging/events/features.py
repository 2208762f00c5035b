"""What the taxonomy's rules tell the trained model about a sentence.

The hand rules (``rules.py``, ``scope.py`` over ``taxonomy.yaml``) stay as
features: each rule that fires adds the category, subtype and mode it would
give; each trigger they drop adds why (negated, governed by "threatened",
modal, condition, background...). The model learns from the team corpus how
far to trust each of them, instead of a person tuning weights on dev
sentences. Feature words are upper case with a ``~`` (``~R:ASSAULT``), so they
never collide with the sentence's own (lower-cased) words.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

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


def sentence_features(sent: Span, matches: SentenceMatches) -> list[str]:
    """All feature words of one sentence, the same in training and in the tagger."""
    return (rule_features(matches) + clause_features(sent) + assertion_features(sent, matches)
            + lemma_features(sent))
