"""The tagger: RawArticle in, TaggedArticle out, in batches.

The same object serves ``wirewatch tag`` (offline) and the stream worker, so
what a user sees offline is what the pipeline indexes. The spaCy model parses
each article once; then the components of the pipeline config
(``pipeline.yaml``: places, entities, events, stories) run in order, each
adding its results to the article's :class:`~streams.tagging.component.Work`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from pathlib import Path

from spacy.tokens import Doc

from core.errors import TaggingError
from schemas import RawArticle, TaggedArticle, utcnow
from streams.tagging.bounds import bound
from streams.tagging.component import RESULT_FIELDS, Component, Work
from streams.tagging.config import DEFAULT_CONFIG, PipelineConfig, PipelineConfigError, load_config
from streams.tagging.registry import build
from streams.tagging.shared.spans import recase_shouting
from streams.tagging.shared.text import ArticleText
from streams.tagging.spacy_model import load_pipeline

TAGGER_VERSION = "wirewatch-tagger/0.1"
# Articles parsed together, and so the most Docs alive at once. The parser's and
# NER's working memory grows with it: tagging 32 ~400-word articles peaked at
# 251 MiB RSS in minibatches of 4, 285 of 8, 347 of 16, 477 of 32, while CPU per
# article was flat from 2 to 16 (96-102 ms) and ~8 % higher at 1 (scratch
# measurement of the perf notes, session 4). Re-measured in session 5 (200 bench
# articles, batches of 32, two runs each, load 3.4-5.3): 4: 107.5-108.2 ms, 219 MiB;
# 8: 106.0-108.5, 254; 16: 103.5-106.0, 319; 32: 111.2-113.2, 455. The 2-worker e2e
# drop (12.4 -> 9.6 articles/s) was not this: the whole stack's CPU per article was
# 177.5 ms at the session-3 commit (minibatches of 16) and 182.7 here, same load.
# Since session 7 the parser and NER decode from Python (decoding.py), a few Python calls
# per step whatever the number of docs, so larger minibatches pay off again. Session 19
# (200 bench articles in process, two alternated rounds, load ~2.5 from other jobs):
# 4: 179-189 ms CPU per article, peak 270 MiB; 8: 168-175, 319; 12: 157-176, 361;
# 16: 163-181, 400. 8 takes most of the gain for +50 MiB.
DEFAULT_PIPE_BATCH = 8
# the lemmatizer caches every (word, tag) it saw, for good; past this it starts afresh
LEMMA_CACHE_LIMIT = 50_000
# Longer texts are not news articles (spaCy's own limit is 1,000,000 chars and
# its memory grows with length); they fail tagging and go to the dead-letter topic.
DEFAULT_MAX_CHARS = 200_000


class ArticleTooLong(TaggingError, ValueError):
    """The article is longer than the tagger accepts."""


class Tagger:
    """Tags articles with entities, places and events.

    Heavy resources (the spaCy model, the gazetteer, the event taxonomy) load
    in the constructor, once per process (:mod:`streams.tagging.resources`);
    tagging itself does no I/O. ``config`` is the pipeline config or its file
    (default: the bundled ``pipeline.yaml``). Output is bounded
    (:mod:`streams.tagging.bounds`): capped mentions and events, and, with
    ``max_output_bytes``, at most that many bytes of JSON per article.
    """

    def __init__(self, model_name: str, *, config: PipelineConfig | Path = DEFAULT_CONFIG,
                 pipe_batch_size: int = DEFAULT_PIPE_BATCH, max_chars: int = DEFAULT_MAX_CHARS,
                 max_output_bytes: int | None = None) -> None:
        self.config = config if isinstance(config, PipelineConfig) else load_config(config)
        self.nlp = load_pipeline(model_name)
        self.components = _build_components(self.config)
        self.pipe_batch_size = pipe_batch_size
        self.max_chars = max_chars
        self.max_output_bytes = max_output_bytes
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
        # A worker runs for weeks and every new word (names, numbers, typos) would stay in
        # spaCy's string store and vocabulary for good: strings and lexemes made in a
        # memory zone are freed at its end. Nothing of the docs outlives the zone (the
        # components return plain models), and no component keeps vocab ids.
        tagged: list[TaggedArticle] = []
        step = max(self.pipe_batch_size, 1)
        with self.nlp.memory_zone():
            # one minibatch at a time, its Docs dropped once assembled: a batch's heap
            # peak is then that of a minibatch, whatever the batch size (see DEFAULT_PIPE_BATCH)
            for start in range(0, len(articles), step):
                part, part_texts = articles[start:start + step], texts[start:start + step]
                raw = [t.text for t in part_texts]
                docs = recase_shouting(self.nlp, list(self.nlp.pipe(raw, batch_size=step)), raw)  # all-caps lines
                tagged += [self._assemble(a, t, doc) for a, t, doc in zip(part, part_texts, docs, strict=True)]
                del docs
        self._bound_caches()
        return tagged

    def tag_stream(self, articles: Iterable[RawArticle], chunk: int = 64) -> Iterator[TaggedArticle]:
        """Tag an unbounded iterable lazily, ``chunk`` articles per ``nlp.pipe`` call."""
        it = iter(articles)
        while batch := list(islice(it, chunk)):
            yield from self.tag_batch(batch)

    def _bound_caches(self) -> None:
        """Start spaCy's per-word caches afresh once they hold :data:`LEMMA_CACHE_LIMIT` entries."""
        if "lemmatizer" in self.nlp.pipe_names:
            cache = getattr(self.nlp.get_pipe("lemmatizer"), "cache", None)
            if isinstance(cache, dict) and len(cache) > LEMMA_CACHE_LIMIT:
                cache.clear()

    def component(self, name: str) -> Component:
        """The component the config calls ``name``."""
        try:
            return self.components[name]
        except KeyError:
            raise PipelineConfigError(f"the tagging pipeline has no component {name!r}") from None

    def _assemble(self, article: RawArticle, text: ArticleText, doc: Doc) -> TaggedArticle:
        work = Work(article=article, text=text, doc=doc)
        for component in self.components.values():
            component(work)
        return bound(TaggedArticle(
            **article.model_dump(),
            entities=work.entities,
            places=work.places,
            events=work.events,
            story_id=work.story_id or article.id,
            duplicate_of=work.duplicate_of,
            tagged_at=utcnow(),
            tagger_version=self.version,
        ), self.max_output_bytes)


def _build_components(config: PipelineConfig) -> dict[str, Component]:
    """The components in config order, each checked to run after what it reads."""
    components: dict[str, Component] = {}
    provided: set[str] = set()
    for entry in config.components:
        if entry.name in components:
            raise PipelineConfigError(f"the tagging pipeline names component {entry.name!r} twice")
        component = build(entry)
        unknown = set(component.requires) | set(component.provides)
        if unknown - RESULT_FIELDS:
            raise PipelineConfigError(
                f"component {entry.name!r} names unknown result fields {sorted(unknown - RESULT_FIELDS)}"
            )
        if missing := set(component.requires) - provided:
            raise PipelineConfigError(
                f"component {entry.name!r} reads {sorted(missing)}, which no earlier component "
                "provides: move it after the component that does in the pipeline config"
            )
        provided.update(component.provides)
        components[entry.name] = component
    return components
