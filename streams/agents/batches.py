"""Plain functions behind the agents: decoding and tagging a batch with isolation."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING

from pydantic import ValidationError

from core import threads
from core.errors import TaggingError
from core.limits import check_article_size, max_output_bytes
from core.memory import release_free_memory
from core.settings import Settings
from schemas import RawArticle, TaggedArticle

if TYPE_CHECKING:  # spaCy loads on the tagging thread, not when the worker imports this
    from streams.tagging import Tagger

log = logging.getLogger(__name__)


# spaCy is CPU-bound: the tagger runs on a thread of its own, off the event loop,
# so heartbeats and fetches go on while it works.
# (named for the OS too, so a CPU account from /proc tells it apart: core/threads.py)
TAGGING_THREAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tagger", initializer=threads.naming(threads.TAGGER))
_loading: Future[Tagger] | None = None
_loading_lock = threading.Lock()


def start_loading_tagger(settings: Settings) -> Future[Tagger]:
    """The tagger of this process, loading on :data:`TAGGING_THREAD` (started on the first call).

    The worker calls this once faust is imported, just before it starts: spaCy and
    the tagging data then load while the consumer joins its group (which waits on
    the broker), instead of after it, or during the imports, which they would slow
    (``wirewatch/commands/worker.py``).
    """
    global _loading
    with _loading_lock:
        if _loading is None:
            _loading = TAGGING_THREAD.submit(_load_tagger, settings)
        return _loading


def _load_tagger(settings: Settings) -> Tagger:
    from streams.tagging import Tagger

    return Tagger(settings.spacy_model, max_chars=settings.tag_max_chars, max_output_bytes=max_output_bytes(settings))


class UndecodableMessage(TaggingError, ValueError):
    """The message value is not a RawArticle as the contract defines it."""


def decode_raw(value: bytes | None, settings: Settings | None = None) -> RawArticle:
    """Validate a raw-topic message value against the contract's RawArticle (and its size).

    Raises:
        UndecodableMessage: the value is not a RawArticle.
        ArticleTooLarge: the value is over ``WIREWATCH_MAX_ARTICLE_BYTES`` (given ``settings``).
    """
    if not value:
        raise UndecodableMessage("empty message value; expected RawArticle JSON")
    if settings is not None:
        check_article_size(len(value), settings, what="raw message")
    try:
        return RawArticle.model_validate_json(value)
    except ValidationError as exc:
        raise UndecodableMessage(
            f"not a valid RawArticle ({exc.error_count()} errors): {_first_errors(exc)}"
        ) from exc


def _first_errors(exc: ValidationError, limit: int = 3) -> str:
    parts = []
    for error in exc.errors()[:limit]:
        where = ".".join(str(p) for p in error["loc"]) or "(value)"
        parts.append(f"{where}: {error['msg']}")
    return "; ".join(parts)


def tag_isolated(tagger: Tagger, articles: Sequence[RawArticle]) -> list[TaggedArticle | Exception]:
    """Tag a batch; if the batch fails, tag one by one so only the culprit fails.

    Returns one result per article, in order: the tagged article or the error.
    """
    if not articles:
        return []
    try:
        return _tag_all(tagger, articles)
    finally:
        # a full batch's peak heap would otherwise stay in the worker's RSS for good (core/memory.py)
        release_free_memory()


def _tag_all(tagger: Tagger, articles: Sequence[RawArticle]) -> list[TaggedArticle | Exception]:
    try:
        return list(tagger.tag_batch(articles))
    except Exception:  # noqa: BLE001 - isolate the poison article below
        log.exception("batch of %d failed to tag; retrying one by one", len(articles))
    results: list[TaggedArticle | Exception] = []
    for article in articles:
        try:
            results.append(tagger.tag(article))
        except Exception as exc:  # noqa: BLE001 - reported per article to the dead-letter topic
            results.append(exc)
    return results
