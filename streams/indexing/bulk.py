"""Bulk writes with retries: the index side of at-least-once delivery.

:meth:`BulkWriter.write` returns only when every document is either in the
index or rejected for good (a 4xx other than 429: the document itself is bad;
it goes to the dead-letter topic). Back-pressure (429), server errors (5xx)
and connection errors are retried with exponential backoff and jitter, without
limit: the caller must not commit offsets before ``write`` returns, so waiting
is how a slow or absent index pushes back on the stream instead of losing
documents. Each retry is logged; ``_id`` = message key makes replays
overwrite instead of duplicating.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from elasticsearch import ApiError, Elasticsearch, TransportError

from core.backoff import Backoff
from core.metrics import record_bulk_failure

log = logging.getLogger(__name__)

RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document the index refused for good."""

    doc_id: str
    status: int
    reason: str


class BulkWriter:
    """Writes documents to one alias in bulk requests."""

    def __init__(self, client: Elasticsearch, alias: str, *, backoff: Backoff | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client
        self.alias = alias
        self.backoff = backoff or Backoff()
        self._sleep = sleep

    def write(self, docs: Sequence[tuple[str, dict[str, Any]]]) -> list[Rejected]:
        """Index ``(doc_id, document)`` pairs; return the ones rejected for good.

        Later duplicates of an id in the same call win (they are newer).
        """
        pending = dict(docs)
        rejected: list[Rejected] = []
        attempt = 0
        while pending:
            try:
                items = self._bulk(pending)
            except (TransportError, ApiError) as exc:
                status = getattr(getattr(exc, "meta", None), "status", None)
                if isinstance(exc, ApiError) and status not in RETRYABLE_STATUS:
                    raise
                self._wait(attempt, f"bulk request failed: {exc}", reason=str(status or "connection"))
                attempt += 1
                continue
            retry: dict[str, dict[str, Any]] = {}
            retry_status = 0
            for item in items:
                result = item.get("index", {})
                doc_id, status = str(result.get("_id")), int(result.get("status", 500))
                if status < 300:
                    continue
                if status in RETRYABLE_STATUS:
                    retry[doc_id] = pending[doc_id]
                    retry_status = status
                else:
                    error = result.get("error", {})
                    reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
                    rejected.append(Rejected(doc_id, status, reason))
            pending = retry
            if pending:
                self._wait(attempt, f"{len(pending)} documents got 429/5xx", reason=str(retry_status))
                attempt += 1
        return rejected

    def _bulk(self, pending: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
        operations: list[dict[str, Any]] = []
        for doc_id, doc in pending.items():
            operations.append({"index": {"_index": self.alias, "_id": doc_id}})
            operations.append(doc)
        response = self.client.bulk(operations=operations)
        return list(response.get("items", []))

    def _wait(self, attempt: int, why: str, *, reason: str) -> None:
        record_bulk_failure(self.alias, reason)  # wirewatch_bulk_failures_total: an alert watches it
        delay = self.backoff.delay(attempt)
        level = logging.WARNING if attempt < 5 else logging.ERROR
        log.log(level, "index %s: %s; retry %d in %.1f s", self.alias, why, attempt + 1, delay)
        self._sleep(delay)
