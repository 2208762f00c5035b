"""Place names the model swallowed into a longer person or organisation span.

The small model often runs a name on past its end: "Sri Lanka - approximately"
as a PERSON, "the U.S. Usually elderly ..." across a sentence break, "Barrie,
Ont." with "Ont" a PERSON and the full stop outside, "U.S.-led" as an ORG, or
a title after a place as one person ("U.S. Secretary of State John Kerry").
A reader sees the place in each. :func:`overrun_kind` tells the finder which
case a gazetteer name inside a model entity is, if any.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Titles after a place that make the place the office's country or state
# ("U.S. Secretary of State", "NSW Minister for Primary Industries").
OFFICE_WORDS = frozenset({
    "secretary", "minister", "ministers", "president", "president-elect", "vice", "prime",
    "premier", "governor", "mayor", "senator", "sen.", "congressman", "congresswoman",
    "ambassador", "envoy", "consul", "attorney", "chancellor", "foreign", "defence", "defense",
    "health", "interior", "finance", "trade", "agriculture", "chief", "commissioner",
    "spokesman", "spokeswoman", "spokesperson", "representative", "rep.", "officials",
    "official", "authorities", "lawmakers", "lawmaker", "legislator", "legislators", "treasury",
})
# Tokens that end a name: a dash set off by spaces, a bracket, a colon.
_BREAKS = frozenset({"-", "–", "—", "(", ")", ":", ";", "/"})


def overrun_kind(doc: Doc, ent: tuple[int, int], start: int, end: int) -> str | None:
    """How a gazetteer name at tokens ``start:end`` stands inside a model entity at ``ent``.

    Returns:
        ``"same"`` when the entity is the name give or take a full stop ("Ont" for
        "Ont."), ``"overrun"`` when the entity opens with the name and runs on past
        where the name ends (a break, a lowercase word or a new sentence follows),
        ``"office"`` when an office's title follows the name ("U.S. Secretary of
        State John Kerry"), else None (the place is part of a longer name:
        "Texas A&M", "Kenya Red Cross").
    """
    first, last = ent
    if start != first:
        return None
    if end == last:
        return "same"
    if end == last + 1 and doc[end - 1].text == ".":
        return "same"
    if end > last or end >= len(doc):
        return None
    nxt = doc[end]
    if doc[end].is_sent_start or nxt.text in _BREAKS and nxt.whitespace_ and doc[end - 1].whitespace_:
        return "overrun"
    if nxt.text == "-" and end + 1 < last and doc[end + 1].text[:1].islower():
        return "overrun"  # "U.S.-led": the place as an adjective
    if nxt.text[:1].islower() and nxt.is_alpha:
        return "overrun"
    if nxt.lower_ in OFFICE_WORDS:
        return "office"
    return None
