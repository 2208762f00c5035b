"""Why each entity got its type: the entity part of ``wirewatch tag --explain``."""

from __future__ import annotations

from typing import Any

from schemas import TaggedArticle
from streams.tagging.component import Work
from streams.tagging.entities.extract import EntityExtractor
from streams.tagging.places.demonyms import named_places
from streams.tagging.shared.spans import recase_shouting
from streams.tagging.shared.text import ArticleText


def explain_entities(nlp: Any, article: TaggedArticle, extractor: EntityExtractor) -> list[str]:
    """Readable lines: each entity with the evidence for its type, then the names rules dropped.

    Re-parses the article (one extra parse, like the events explanation) and
    reruns the entities component on the article's places, as they were when it ran
    (without the demonym mentions added after it).
    """
    text = ArticleText(title=article.title, body=article.body)
    doc = recase_shouting(nlp, [nlp(text.text)], [text.text])[0]
    work = Work(article=article, text=text, doc=doc, places=named_places(article.places))
    found = extractor.extract(work)
    lines = ["entities:"]
    for entity in found.entities:
        forms = sorted({m.text for m in entity.mentions})
        lines.append(f"  {entity.type} {entity.id} {forms}: {found.reasons.get(entity.id, '')}")
    for name, why in found.dropped:
        lines.append(f"  - not an entity {name!r}: {why}")
    return lines
