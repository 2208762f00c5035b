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

from spacy.tokens import Span, Token

from streams.tagging.events.rules import SentenceMatches

NO_RULE = "~NORULE"
_REPORTING = {"say", "tell", "report", "add", "state", "announce", "confirm", "claim", "write"}


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


def lemma_features(sent: Span) -> list[str]:
    """The lemma of every verb and of the main verb ("dismissed", "dismisses" -> dismiss):
    what happened, in a form that does not depend on tense or person."""
    out = [f"~ROOTL:{sent.root.lemma_.lower()}"]
    out += [f"~V:{t.lemma_.lower()}" for t in sent if t.pos_ == "VERB"]
    return out


def sentence_features(sent: Span, matches: SentenceMatches) -> list[str]:
    """All feature words of one sentence, the same in training and in the tagger."""
    return rule_features(matches) + clause_features(sent) + lemma_features(sent)
