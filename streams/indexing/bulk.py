"""Bulk writes with retries: the index side of at-least-once delivery.

:meth:`BulkWriter.write` returns only when every document is in the index or
rejected for good (then the caller dead-letters it). What each failure means:

* a document answered 4xx (other than 429, and other than a missing alias):
  the document itself is bad; rejected at once;
* a document answered 429 or 5xx inside a bulk response (the cluster
  answered; the document failed on its own): retried, and rejected after
  ``max_doc_attempts`` answers like that;
* the whole request answered 400, 406 or 413 (a body the server will not
  parse or take): the request is split in halves and each retried, down to
  single documents, which are then rejected with that status;
* the cluster unavailable (connection errors, the whole request answered 429
  or 5xx or anything else) or the alias missing: retried without limit, with
  exponential backoff and jitter. The caller must not commit offsets before
  ``write`` returns, so waiting is how a slow or absent index pushes back on
  the stream instead of losing documents.

Writes go to the alias with ``require_alias=true``: if the search engine lost
its data, documents wait for ``wirewatch setup`` to recreate the alias instead
of auto-creating a plain index under its name. ``_id`` = message key makes
replays overwrite instead of duplicating.

A document may be given already encoded (:meth:`BulkWriter.encode`): a batch
of 500 tagged articles held as dicts until the request returns is about twice its
JSON, which a worker's RSS showed as a peak while a backlog drained.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

from elasticsearch import ApiError, Elasticsearch, TransportError

from core.backoff import Backoff
from core.metrics import record_bulk_failure

log = logging.getLogger(__name__)

T = TypeVar("T")
# a document, or its JSON as BulkWriter.encode made it
Document = dict[str, Any] | bytes

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
SPLIT_STATUS = frozenset({400, 406, 413})
DEFAULT_MAX_DOC_ATTEMPTS = 8
_ESCALATE_AFTER = 5


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document the index refused for good."""

    doc_id: str
    status: int
    reason: str


@dataclass(slots=True)
class WriteResult:
    """What a :meth:`BulkWriter.write` call did."""

    rejected: list[Rejected] = field(default_factory=list)
    updated: set[str] = field(default_factory=set)  # ids that replaced an existing document


class BulkWriter:
    """Writes documents to one alias in bulk requests."""

    def __init__(self, client: Elasticsearch, alias: str, *, backoff: Backoff | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 max_doc_attempts: int = DEFAULT_MAX_DOC_ATTEMPTS, refresh: str = "wait_for") -> None:
        self.client = client
        self.alias = alias
        self.backoff = backoff or Backoff()
        self.max_doc_attempts = max_doc_attempts
        self._sleep = sleep
        # "wait_for": a request returns once its documents are searchable, so they
        # are visible when counted and committed (WIREWATCH_SEARCH__REFRESH)
        self.refresh = refresh

    def encode(self, doc: dict[str, Any]) -> bytes:
        """The document's JSON as the client would send it in a bulk request, to hold instead of the dict."""
        serializer = self.client.transport.serializers.get_serializer("application/json")
        encoded: bytes = serializer.dumps(doc)
        return encoded

    def write(self, docs: Sequence[tuple[str, Document]]) -> WriteResult:
        """Index ``(doc_id, document)`` pairs; see the module docstring.

        Later duplicates of an id in the same call win (they are newer).
        """
        result = WriteResult()
        self._write(dict(docs), result)
        return result

    def _write(self, pending: dict[str, Document], result: WriteResult) -> None:
        attempts: dict[str, int] = {}
        retries = 0
        while pending:
            try:
                items = self._bulk(pending)
            except ApiError as exc:
                status = exc.meta.status
                if status in SPLIT_STATUS:
                    self._split(pending, result, status, str(exc.message))
                    return
                self._wait(retries, f"bulk request of {len(pending)} answered {status}: {exc.message}",
                           reason=str(status))
                retries += 1
                continue
            except TransportError as exc:
                self._wait(retries, f"search engine unavailable: {exc}", reason="connection")
                retries += 1
                continue
            pending = self._sort_items(items, pending, attempts, result)
            if pending:
                self._wait(retries, f"{len(pending)} documents to retry", reason="documents")
                retries += 1

    def _sort_items(self, items: list[dict[str, Any]], pending: dict[str, Document],
                    attempts: dict[str, int], result: WriteResult) -> dict[str, Document]:
        """The documents of ``pending`` to send again; rejects and records the rest."""
        retry: dict[str, Document] = {}
        for item in items:
            answer = item.get("index", {})
            doc_id, status = str(answer.get("_id")), int(answer.get("status", 500))
            if status < 300:
                if answer.get("result") == "updated":
                    result.updated.add(doc_id)
                continue
            error = answer.get("error", {})
            reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
            kind = error.get("type", "") if isinstance(error, dict) else ""
            if kind == "index_not_found_exception":  # the alias is gone: wait for setup
                log.error("index %s: the alias is missing (%s); run `wirewatch setup`; "
                          "documents wait", self.alias, reason)
                retry[doc_id] = pending[doc_id]
            elif status in RETRYABLE_STATUS:
                attempts[doc_id] = attempts.get(doc_id, 0) + 1
                if attempts[doc_id] >= self.max_doc_attempts:
                    result.rejected.append(Rejected(
                        doc_id, status, f"{reason} (answered {status} {attempts[doc_id]} times)"))
                else:
                    retry[doc_id] = pending[doc_id]
            else:
                result.rejected.append(Rejected(doc_id, status, reason))
        return retry

    def _split(self, pending: dict[str, Document], result: WriteResult, status: int,
               reason: str) -> None:
        """Retry a request the server refused as a whole in halves, down to single documents."""
        ids = list(pending)
        if len(ids) == 1:
            result.rejected.append(Rejected(ids[0], status, f"refused on its own: {reason}"))
            return
        log.warning("index %s: bulk request of %d refused (%d: %s); splitting it", self.alias,
                    len(ids), status, reason[:200])
        half = len(ids) // 2
        for part in (ids[:half], ids[half:]):
            self._write({doc_id: pending[doc_id] for doc_id in part}, result)

    def _bulk(self, pending: dict[str, Document]) -> list[dict[str, Any]]:
        operations: list[Document] = []
        for doc_id, doc in pending.items():
            operations.append({"index": {"_index": self.alias, "_id": doc_id}})
            operations.append(doc)
        # the client's NDJSON serializer sends a bytes line as it is (typed as mappings only)
        response = self.client.bulk(operations=cast("list[dict[str, Any]]", operations), require_alias=True,
                                    refresh=self.refresh)
        return list(response.get("items", []))

    def call(self, what: str, request: Callable[[], T]) -> T:
        """Run another request to the engine (e.g. a delete-by-query), retried like a bulk request.

        Connection errors, 429 and 5xx are retried without limit; other errors are raised.
        """
        attempt = 0
        while True:
            try:
                return request()
            except ApiError as exc:
                if exc.meta.status not in RETRYABLE_STATUS:
                    raise
                self._wait(attempt, f"{what} answered {exc.meta.status}: {exc.message}",
                           reason=str(exc.meta.status))
            except TransportError as exc:
                self._wait(attempt, f"{what}: search engine unavailable: {exc}", reason="connection")
            attempt += 1

    def _wait(self, attempt: int, why: str, *, reason: str) -> None:
        record_bulk_failure(self.alias, reason)  # wirewatch_bulk_failures_total: an alert watches it
        delay = self.backoff.delay(attempt)
        level = logging.WARNING if attempt < _ESCALATE_AFTER else logging.ERROR
        log.log(level, "index %s: %s; retry %d in %.1f s", self.alias, why, attempt + 1, delay)
        self._sleep(delay)
