"""Whether a trigger reports a happening: negation, conditions, governors, main line.

"threatened to strike", "alleged that drones targeted", "no such strike",
"if it is attacked", "amid strikes" and "could strike" name violence that did
not (or not certainly) happen; these checks read the dependency tree around
the trigger. Pure functions over spaCy tokens.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from streams.tagging.events.taxonomy import Pattern, Taxonomy

GOVERNOR_DEPTH = 4  # how far up the tree a governor or a condition still counts
# Dependency links that keep a trigger on the sentence's main line: the main
# verb, its coordinated, reported or purpose clauses, and noun subjects or
# objects of those ("strikes killed", "launched an airstrike"). A trigger
# reached through anything else ("after a blast", "a town that was the scene
# of an attack") is background.
_MAIN_LINE = {"ROOT", "conj", "ccomp", "xcomp", "advcl", "parataxis", "nsubj", "nsubjpass",
              "dobj", "attr", "acomp", "oprd", "csubj"}


# Nouns of a charge that a trailing clause denies: "..., a charge Kigali denies".
_CHARGES = frozenset({"charge", "allegation", "accusation", "claim", "claims", "charges", "allegations",
                      "accusations"})
_DENIALS = frozenset({"deny", "reject", "dispute", "dismiss", "refute"})


def trailing_denial(clause: Token) -> bool:
    """Whether ``clause``'s head is the verb of a trailing "..., a charge Kigali denies" that the
    parser took for the sentence's main verb over the clause before it ("Congo accused Rwanda of
    sending troops, a charge Kigali denies"): the denial is of the charge, not a governor of the
    accusation."""
    head = clause.head
    if clause.dep_ != "ccomp" or head.i == clause.i or not clause.i < head.i \
            or head.lemma_.lower() not in _DENIALS:
        return False
    return any(t.lower_ in _CHARGES for t in head.doc[clause.right_edge.i + 1:head.i])


def ancestors(token: Token, sent: Span, depth: int = GOVERNOR_DEPTH) -> list[Token]:
    """The token's heads, nearest first, at most ``depth`` and within ``sent``; a trailing
    denial of a charge (:func:`trailing_denial`) is not one of them."""
    out: list[Token] = []
    while token.head.i != token.i and len(out) < depth and sent.start <= token.head.i < sent.end \
            and not trailing_denial(token):
        token = token.head
        out.append(token)
    return out


def compound_head(token: Token) -> Token:
    """The word a chain of compounds belongs to ("deals" for "peace" in "previous peace deals",
    "government" for "state" in "the Kano state government"); ``token`` itself when no compound."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head
    return token


def _is_one_of(token: Token, patterns: tuple[Pattern, ...]) -> bool:
    """Whether ``token`` is one of ``patterns``; a phrase's later words must be its
    children ("call for": the verb "call" with a "for" attached)."""
    forms = (token.lemma_.lower(), token.lower_)
    children = {c.lower_ for c in token.children}
    return any(
        p.words[0] in forms and (p.pos is None or token.pos_ == p.pos)
        and all(w in children for w in p.words[1:])
        for p in patterns
    )


def scope_reason(token: Token, sent: Span, taxonomy: Taxonomy, realis: bool,
                 conditional: bool = False) -> str | None:
    """Why a trigger does not report a happening, or None when it does.

    Negation ("no such strike"), a condition ("if it is attacked"), a governor
    ("threatened to strike", "alleged that drones targeted"), a background
    preposition ("amid strikes") or, for violence (``realis``), a modal ("could strike").
    A ``conditional`` trigger (a threat: "warned of retaliation if...") may
    carry its own condition.
    """
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ == "det" and child.lower_ == "no"):
            return f"negated by {child.text!r}"
        if not conditional and child.dep_ == "advcl" and any(
            g.dep_ == "mark" and g.lower_ in taxonomy.conditional_marks for g in child.children
        ):
            return "has a condition (unless/if clause)"
        if realis and child.dep_ == "aux" and child.lower_ in taxonomy.irrealis_modals:
            return f"modal {child.text!r}"
    for node in [token, *ancestors(token, sent)]:
        if any(c.dep_ == "mark" and c.lower_ in taxonomy.conditional_marks for c in node.children):
            return "inside a condition (if/unless)"
        if node is not token:
            if _is_one_of(node, taxonomy.governors):
                return f"governed by {node.text!r}"
            if node.dep_ == "prep" and node.lower_ in taxonomy.background_preps:
                return f"background ({node.text!r})"
    return None


def on_main_line(token: Token, sent: Span) -> bool:
    """Whether the trigger sits on the sentence's main line (see ``_MAIN_LINE``)."""
    if token.dep_ == "advcl" and token.tag_ == "VBG" and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in token.children):
        return False  # "..., accusing them of spreading the virus": a motive, not the act
    node = token
    while node.head.i != node.i and sent.start <= node.head.i < sent.end:
        if node.dep_ not in _MAIN_LINE:
            return False
        node = node.head
    return True
