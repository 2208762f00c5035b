"""People, organisations and groups (v0: spaCy NER, grouped by surface form)."""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Mention
from streams.tagging.slug import slugify
from streams.tagging.text import ArticleText

_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "NORP": "GROUP"}
_PREFIX = {"PERSON": "person", "ORG": "org", "GROUP": "group"}


def _overlaps(m: Mention, claimed: Sequence[tuple[str, int, int]]) -> bool:
    return any(f == m.field and s < m.end and m.start < e for f, s, e in claimed)


def extract_entities(doc, text: ArticleText, *, claimed: Sequence[tuple[str, int, int]] = ()) -> list[Entity]:
    """Entities from the doc's named entities, minus spans already claimed as places."""
    found: dict[str, dict] = {}
    for ent in doc.ents:
        etype = _LABELS.get(ent.label_)
        if etype is None:
            continue
        end = ent.end_char
        if ent.text.endswith("'s") or ent.text.endswith("’s"):
            end -= 2
        mention = text.mention(ent.start_char, end)
        if mention is None or _overlaps(mention, claimed):
            continue
        key = f"{_PREFIX[etype]}:{slugify(mention.text)}"
        entry = found.setdefault(key, {"name": mention.text, "type": etype, "mentions": []})
        entry["mentions"].append(mention)
    total = sum(len(e["mentions"]) for e in found.values()) or 1
    return [
        Entity(id=key, name=e["name"], type=e["type"], mentions=e["mentions"],
               salience=round(min(1.0, len(e["mentions"]) / total * 3), 3))
        for key, e in found.items()
    ]
