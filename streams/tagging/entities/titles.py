"""Title and role words inside a name span: the name after the title is a person.

The model takes "Oaxaca Governor Elena Morales" or "U.S. President Donald
Trump" as one span, often an organisation. A title is no part of a name (the
contract's canonical name is "Elena Morales"), and a name right after a title
is a person's: the span is cut to the words after its last title word and
labelled PERSON. The words before the title (a place, a demonym) are left to
the places component and the group rules.
"""

from __future__ import annotations

import re

from streams.tagging.entities.candidates import Candidate
from streams.tagging.entities.names import HONORIFICS, ORG_WORDS, given_names

# Titles, ranks and roles written before a person's name.
TITLE_WORDS = HONORIFICS | frozenset("""secretary commander ambassador envoy spokesman spokeswoman
spokesperson secretary-general chief chairman chairwoman sheikh emir lieutenant colonel major sergeant admiral
cardinal bishop archbishop rev mp deputy""".split())
# Styles that are part of how a person is named ("King Charles", "Sheikh Hasina", "Pope Leo"):
# never cut off.
_STYLES = frozenset("king queen prince princess pope sheikh emir lady dame sir lord".split())
_WORD = re.compile(r"\S+")
_PARTICLE = re.compile(r"(?:al|el|bin|ibn|van|von|der|de|da|la|le|du|dos|di)$|(?:al|el)-[A-Z]")


def _name_word(word: str) -> bool:
    plain = word.replace("-", "").replace("'", "").replace("’", "").rstrip(".")
    return bool(plain) and (word[:1].isupper() and plain.isalpha() or bool(_PARTICLE.match(word)))


def cut_titles(cands: list[Candidate], full: str) -> None:
    """Cut each person or organisation span to the name after its last title word (in place).

    A person span that opens with the title is left alone (:func:`.names.name_words`
    keeps titles out of the id); a style that is part of a name is never cut
    ("King Charles", "Sheikh Hasina"). A span that opens with the title and reads as an organisation ("General
    Electric", "King Fahd") is cut only when a listed given name follows and
    the rest is at least two words ("President Emmanuel Macron").
    """
    for cand in cands:
        if cand.label == "GROUP":
            continue
        words = [(m.start(), m.end()) for m in _WORD.finditer(full, cand.start, cand.end)]
        texts = [full[s:e] for s, e in words]
        titles = [i for i, w in enumerate(texts[:-1])
                  if w[:1].isupper() and w.lower().rstrip(".") in TITLE_WORDS - _STYLES]
        if not titles:
            continue
        i = titles[-1]
        rest = texts[i + 1:]
        if len(rest) > 4 or not all(_name_word(w) for w in rest) or not rest[-1][:1].isupper() \
                or any(w.lower().rstrip(".") in TITLE_WORDS | ORG_WORDS for w in rest):
            continue
        if i == 0 and cand.label == "PERSON":
            continue  # "President Putin": the person is found; the title stays out of the id (names)
        if i == 0 and cand.label == "ORG" and (len(rest) < 2 or rest[0].lower() not in given_names()):
            continue
        title = texts[i]
        cand.start = words[i + 1][0]
        cand.label = "PERSON"
        cand.why = f"{cand.why}; the title '{title}' cut off: the name after a title is a person's"
