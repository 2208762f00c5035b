"""What a tagging component is: a callable that reads one article's work and adds its part.

Like a spaCy pipeline component, each stage is one object built once from
the pipeline config and called once per article. It reads the parse and what
earlier components found from :class:`Work` and writes its own results
there; ``requires`` and ``provides`` name those fields, so a config that runs
a component before the one it depends on fails when the tagger is built,
not with wrong output.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from spacy.tokens import Doc

from schemas import Entity, Event, Place, RawArticle
from streams.tagging.shared.text import ArticleText

# The fields of Work a component may read or write (besides the inputs).
RESULT_FIELDS = frozenset({"places", "entities", "events", "story"})


@dataclass(slots=True)
class Work:
    """One article on its way through the components."""

    article: RawArticle
    text: ArticleText  # title and body as one text, with offsets back to each field
    doc: Doc  # the spaCy parse of ``text.text``
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    story_id: str = ""  # set by the stories component; else the article is its own story
    duplicate_of: str | None = None


class Component(Protocol):
    """A tagging stage; see the module docstring."""

    requires: tuple[str, ...]  # result fields it reads (from RESULT_FIELDS)
    provides: tuple[str, ...]  # result fields it writes

    def __call__(self, work: Work) -> None:
        """Add this component's results to ``work``."""
