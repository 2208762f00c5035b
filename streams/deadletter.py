"""The dead-letter topic: what could not be processed, untouched, with the reason.

The key and value are the original bytes; the reason travels in headers (see
:class:`schemas.DeadLetter`), so nothing is lost and a replay can send the
value back to its source topic as it was. A letter that would not fit the
topic (:func:`core.limits.max_message_bytes`) is sent *bounded*: the first
:data:`core.limits.DEADLETTER_EXCERPT_BYTES` of the value, with the original
size and sha256 in headers (:func:`bounded`); such a letter is never replayed.

Sending, retrying and acknowledging are :mod:`streams.agents.runner`'s job.
"""

from __future__ import annotations

import hashlib
import logging

from faust.types import EventT

from core.limits import DEADLETTER_EXCERPT_BYTES
from schemas import DeadLetter

log = logging.getLogger(__name__)

# record overhead besides key, value and headers (attributes, lengths, timestamps)
_RECORD_OVERHEAD = 512


def envelope(event: EventT, stage: str, error: BaseException | str) -> DeadLetter:
    """The dead-letter envelope for a consumed event that failed at ``stage``."""
    message = event.message
    if isinstance(error, BaseException):
        error_class, text = type(error).__name__, str(error) or repr(error)
    else:
        error_class, text = "Rejected", error
    return DeadLetter(
        stage=stage, error_class=error_class, error_message=text,
        source_topic=message.topic, source_partition=message.partition, source_offset=message.offset,
    )


def letter_size(key: bytes | None, value: bytes | None, letter: DeadLetter,
                original_headers: list[tuple[str, bytes]] | None = None) -> int:
    """Bytes the letter takes on the dead-letter topic (key, value, headers, record overhead)."""
    headers = sum(len(name) + len(data) for name, data in [*letter.to_headers(), *(original_headers or [])])
    return len(key or b"") + len(value or b"") + headers + _RECORD_OVERHEAD


def bounded(value: bytes | None, letter: DeadLetter) -> tuple[bytes, DeadLetter]:
    """The first 64 KiB of ``value`` and the envelope with the original's size and sha256."""
    original = value or b""
    return original[:DEADLETTER_EXCERPT_BYTES], letter.model_copy(update={
        "original_size": len(original),
        "original_sha256": hashlib.sha256(original).hexdigest(),
    })


def log_letter(letter: DeadLetter) -> None:
    """One warning line per dead letter: where it came from and why."""
    log.warning(
        "dead-letter %s[%d]@%d at %s: %s: %s%s", letter.source_topic, letter.source_partition,
        letter.source_offset, letter.stage, letter.error_class, letter.error_message[:300],
        f" (bounded: original {letter.original_size:,} bytes)" if letter.bounded else "",
    )
