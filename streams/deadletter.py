"""The dead-letter topic: what could not be processed, untouched, with the reason.

The key and value are the original bytes; the reason travels in headers (see
:class:`schemas.DeadLetter`), so nothing is lost and a replay can send the
value back to its source topic as it was.
"""

from __future__ import annotations

import logging

import faust
from faust.types import EventT

from core.metrics import record_deadlettered
from schemas import DeadLetter

log = logging.getLogger(__name__)


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


async def send_to_deadletter(topic: faust.TopicT, event: EventT, letter: DeadLetter):
    """Send the event's original bytes with the envelope as headers; return the delivery future."""
    message = event.message
    log.warning(
        "dead-letter %s[%d]@%d at %s: %s: %s", letter.source_topic, letter.source_partition,
        letter.source_offset, letter.stage, letter.error_class, letter.error_message[:300],
    )
    record_deadlettered(letter.stage)
    return await topic.send(key=message.key, value=message.value, headers=letter.to_headers())
