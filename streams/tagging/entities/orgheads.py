"""Organisations the model misses by their head word: "Islamic State claimed", "Amnesty International said".

The small model often reads a capitalised multiword name as a nationality word
plus a common noun ("Islamic" NORP, "State" nothing) or leaves it out, most
often where it matters for events: as the subject of a verb. Names that end in
a word only organisations end in ("State", "International", "Front", "Army",
"Council", "Forces", ...) and act in the sentence (subject, agent of a passive,
or the name before a subject noun: "Islamic State fighters attacked") become
organisation candidates, and so do abbreviations with digits that act ("M23 shelled
the town": the model calls it a place); the recall step then finds their other mentions.

Left to other rules: a demonym and an actor noun ("Sudanese Army", an unnamed
group of :mod:`.nominals`), names after a title ("Secretary of State" has "of").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from streams.tagging.entities.candidates import Candidate
from streams.tagging.entities.names import group_name
from streams.tagging.entities.nominals import actor_nouns

# Last words of organisation names (capitalised, after at least one other capitalised word).
ORG_HEADS = frozenset("""state international front army council forces movement brigade brigades
party watch alliance union guard guards command committee league coalition organisation
organization federation network mission militia battalion corps rifles force chamber commission
association assembly agency authority conference service services""".split())
_ACTING = {"nsubj", "nsubjpass"}
# Abbreviations with digits name armed groups and parties ("M23", "M-19"); what acts in a sentence
# is no motorway or rifle.
_CODE = re.compile(r"[A-Z]{1,4}-?\d{1,3}")
_MAX_WORDS = 5


def _acts(head: Token) -> bool:
    """The name's last word is a subject (or joined to one: "troops and M23 fought"), an agent
    ("by Islamic State"), or the noun before a subject."""
    if head.dep_ in _ACTING or head.dep_ == "conj" and head.head.dep_ in _ACTING:
        return True
    if head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.dep_ == "agent":
        return True
    return head.dep_ == "compound" and head.head.dep_ in _ACTING and not head.head.text[:1].isupper()


def _capitalised(token: Token) -> bool:
    """A capitalised word of a name: not an opening "The", "An" or "Eleven"."""
    return (token.is_alpha and token.text[:1].isupper() and not token.is_upper
            and token.pos_ not in {"DET", "NUM", "PRON", "ADP", "CCONJ"})


def _name_end(doc: Doc, head: Token) -> int:
    """Past "of the Red Cross" / "for Migration" after the head word, else the head's end."""
    i = head.i + 1
    if i + 1 < len(doc) and doc[i].lower_ in {"of", "for"}:
        j = i + 1 + (doc[i + 1].lower_ == "the")
        k = j
        while k < len(doc) and k - j < 3 and _capitalised(doc[k]):
            k += 1
        if k > j:
            return doc[k - 1].idx + len(doc[k - 1])
    return head.idx + len(head)


def headed_organisations(doc: Doc) -> list[Candidate]:
    """Organisation candidates for capitalised names ending in an :data:`ORG_HEADS` word."""
    nouns = actor_nouns()  # "Sudanese Army": a demonym and an actor noun stay an unnamed group
    found: list[Candidate] = []
    for head in doc:
        if _CODE.fullmatch(head.text) and _acts(head):  # "M23 shelled the town"
            found.append(Candidate(head.idx, head.idx + len(head), "ORG",
                                   why="an abbreviation with digits acting in its sentence"))
            continue
        if head.lower_ not in ORG_HEADS or not _capitalised(head) or not _acts(head):
            continue
        first = head.i
        while first > head.sent.start and head.i - first < _MAX_WORDS - 1 and _capitalised(doc[first - 1]):
            first -= 1
        if first == head.i:
            continue  # "State" alone: no name
        qualifier = doc[first:head.i].text
        if head.i - first == 1 and group_name(qualifier) is not None and head.lower_ in nouns:
            continue
        found.append(Candidate(doc[first].idx, _name_end(doc, head), "ORG",
                               why=f"a capitalised name ending in {head.text!r} acting in its sentence"))
    return found

