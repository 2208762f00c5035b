"""The tagger: RawArticle in, TaggedArticle out, in batches.

The same object serves ``wirewatch tag`` (offline) and the stream worker, so
what a user sees offline is what the pipeline indexes. Order of work for one
article: places first (the gazetteer claims toponyms the model mislabels as
people), then entities, then sentence events that point at both.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from schemas import RawArticle, TaggedArticle, utcnow
from streams.tagging.entities import extract_entities
from streams.tagging.events import EventExtractor
from streams.tagging.pipeline import load_pipeline
from streams.tagging.places import PlaceResolver
from streams.tagging.spans import recase_shouting
from streams.tagging.stories import StoryIndex
from streams.tagging.text import ArticleText

TAGGER_VERSION = "wirewatch-tagger/0.1"
DEFAULT_PIPE_BATCH = 16
# Longer texts are not news articles (spaCy's own limit is 1,000,000 chars and
# its memory grows with length); they fail tagging and go to the dead-letter topic.
DEFAULT_MAX_CHARS = 200_000


class ArticleTooLong(ValueError):
    """The article is longer than the tagger accepts."""


class Tagger:
    """Tags articles with entities, places and events.

    Heavy resources (the spaCy model, the gazetteer, the event taxonomy) load
    once, in the constructor; tagging itself does no I/O.
    """

    def __init__(self, model_name: str, *, pipe_batch_size: int = DEFAULT_PIPE_BATCH,
                 max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.nlp = load_pipeline(model_name)
        self.places = PlaceResolver.default()
        self.events = EventExtractor.default()
        self.stories = StoryIndex()
        self.pipe_batch_size = pipe_batch_size
        self.max_chars = max_chars
        self.version = f"{TAGGER_VERSION} ({model_name})"

    def tag(self, article: RawArticle) -> TaggedArticle:
        """Tag one article (prefer :meth:`tag_batch` for throughput)."""
        return self.tag_batch([article])[0]

    def tag_batch(self, articles: Sequence[RawArticle]) -> list[TaggedArticle]:
        """Tag a batch through one ``nlp.pipe`` call; output order = input order."""
        texts = [ArticleText.of(a) for a in articles]
        for article, text in zip(articles, texts, strict=True):
            if len(text.text) > self.max_chars:
                raise ArticleTooLong(
                    f"article {article.id} has {len(text.text):,} characters of title and body; "
                    f"the tagger accepts at most {self.max_chars:,} (setting WIREWATCH_TAG_MAX_CHARS)"
                )
        docs = list(self.nlp.pipe((t.text for t in texts), batch_size=self.pipe_batch_size))
        docs = recase_shouting(self.nlp, docs, [t.text for t in texts])  # all-caps lines
        return [self._assemble(a, t, doc) for a, t, doc in zip(articles, texts, docs, strict=True)]

    def tag_stream(self, articles: Iterable[RawArticle], chunk: int = 64) -> Iterator[TaggedArticle]:
        """Tag an unbounded iterable lazily, ``chunk`` articles per ``nlp.pipe`` call."""
        it = iter(articles)
        while batch := list(islice(it, chunk)):
            yield from self.tag_batch(batch)

    def _assemble(self, article: RawArticle, text: ArticleText, doc) -> TaggedArticle:
        places = self.places.extract(doc, text)
        claimed = [(m.field, m.start, m.end) for p in places for m in p.mentions]
        entities = extract_entities(doc, text, claimed=claimed)
        events = self.events.extract(
            doc, text, article_id=article.id, entities=entities, places=places,
            published_at=article.published_at,
        )
        story_id, duplicate_of = self.stories.assign(article)
        return TaggedArticle(
            **article.model_dump(),
            entities=entities,
            places=places,
            events=events,
            story_id=story_id,
            duplicate_of=duplicate_of,
            tagged_at=utcnow(),
            tagger_version=self.version,
        )
