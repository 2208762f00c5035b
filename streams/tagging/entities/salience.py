"""Contract entities from referents, scored by salience.

Salience weighs a mention in the title, one in the lead paragraph and the
mention count relative to the article's most mentioned entity.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal, cast

from schemas import Entity, Mention
from streams.tagging.entities.known import canonical_of
from streams.tagging.entities.referents import Referent
from streams.tagging.resources import RESOURCES
from streams.tagging.shared.slug import slugify
from streams.tagging.shared.text import ArticleText
from streams.tagging.shared.wordlists import data_lines

_PREFIX = {"PERSON": "person", "ORG": "org", "GROUP": "group"}
_EntityType = Literal["PERSON", "ORG", "GROUP"]  # Entity.type's values (schemas inlines the Literal)
_ACRONYMS = Path(__file__).parent.parent / "data" / "entities_acronyms.tsv"
TITLE_WEIGHT, LEAD_WEIGHT, COUNT_WEIGHT = 0.3, 0.2, 0.5


def entity_id(ref: Referent) -> str:
    """The referent's id: its type and its most complete name ("person:vladimir-putin").

    A well-known organisation gets the id of its full name whichever form the
    article uses ("UN" and "United Nations" -> ``org:united-nations``), so the
    same organisation has one id across articles; so does a listed armed group ("JNIM",
    "Jama'at Nusrat al-Islam wal-Muslimin": :mod:`.known`).
    """
    if ref.label == "ORG":
        table = known_acronyms()
        full = next((table[n] for n in ref.names if n in table), None) or next(
            (group for n in ref.names if (group := canonical_of(n))), None)
        if full is not None:
            return f"org:{slugify(full)}"
    return f"{_PREFIX[ref.label]}:{slugify(ref.key or ref.name)}"


def known_acronyms() -> dict[str, str]:
    """Acronym -> full name from ``data/entities_acronyms.tsv`` (full names map to themselves)."""
    return RESOURCES.get("entity acronyms", _ACRONYMS, _load_acronyms)


def _load_acronyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in data_lines(_ACRONYMS):
        short, full = line.split("\t")
        table[short] = full
        table[full] = full
    return table


def build_entities(referents: list[Referent], text: ArticleText) -> list[Entity]:
    """One contract Entity per id, with its mentions in ``text``, most salient first."""
    built: dict[str, tuple[str, str, list[Mention]]] = {}
    for ref in referents:
        mentions = [m for s, e in ref.spans if (m := text.mention(s, e)) is not None]
        if not mentions:
            continue
        eid = entity_id(ref)
        _, _, existing = built.setdefault(eid, (ref.name, ref.label, []))
        existing.extend(m for m in mentions if m not in existing)
    if not built:
        return []
    lead_end = text.body.find("\n") if "\n" in text.body else len(text.body)
    most = max(len(m) for _, _, m in built.values())
    entities = []
    for eid, (name, label, mentions) in built.items():
        mentions.sort(key=lambda m: (m.field != "title", m.start))
        in_title = any(m.field == "title" for m in mentions)
        in_lead = any(m.field == "body" and m.start < lead_end for m in mentions)
        salience = TITLE_WEIGHT * in_title + LEAD_WEIGHT * in_lead + COUNT_WEIGHT * len(mentions) / most
        # labels come from _LABELS and the rules, all of Entity.type's values; pydantic checks
        entities.append(Entity(id=eid, name=name, type=cast(_EntityType, label), mentions=mentions,
                               salience=round(min(1.0, salience), 3)))
    return sorted(entities, key=lambda e: -e.salience)
