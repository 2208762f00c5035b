"""Reading the dead-letter topic and sending letters back to where they came from.

A dead letter's value and key are the original bytes and its headers say the
source topic (see :class:`schemas.DeadLetter`), so a replay is a plain
re-publish of those bytes: downstream ids keep it idempotent. Replays use
their own consumer group and commit after the broker acknowledged the
re-published messages, so an unfiltered ``replay`` run twice does not send a
letter twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from kafka import KafkaProducer
from pydantic import ValidationError

from connectors.publisher import producer_config
from core.kafka_options import consumer_options
from core.settings import Settings
from core.topic_reader import TopicReader
from core.topics import Topics
from schemas import DeadLetter


@dataclass(frozen=True)
class Letter:
    """One message of the dead-letter topic."""

    partition: int
    offset: int
    key: bytes | None
    value: bytes | None
    envelope: DeadLetter | None  # None when the headers are missing or unreadable
    headers: tuple[tuple[str, bytes], ...] = ()  # the original message's own headers


IDLE_S = 1.0  # the topic counts as read to its end after this long without a new letter


def replay_group(settings: Settings) -> str:
    return f"{settings.worker.app_id}-deadletter-replay"


class DeadLetterReader:
    """Reads the dead-letter topic to its end, found by polling until it is quiet.

    End offsets are not trusted: Tansu under-reports them by one at times,
    which would hide the newest letter.

    With a ``group``, reading starts at the group's committed offsets (unless
    ``from_start``) and :meth:`commit` moves them past what was read.
    """

    def __init__(self, settings: Settings, *, group: str | None = None, from_start: bool = True) -> None:
        self.group = group
        self._reader = TopicReader(Topics(settings.topic_prefix).deadletter, consumer_options(settings),
                                   group=group, from_start=from_start)

    def __enter__(self) -> DeadLetterReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._reader.close()

    def letters(self) -> Iterator[Letter]:
        """Every letter from the start position until the topic has been quiet for a moment."""
        for record in self._reader.drain(IDLE_S):
            yield Letter(record.partition, record.offset, record.key, record.value,
                         _envelope(record.headers),
                         tuple((k, v) for k, v in record.headers or () if not k.startswith("wirewatch.")))

    def commit(self, *, keep: Sequence[Letter] = ()) -> None:
        """Mark letters as read up to where reading stopped (group readers only).

        In each partition, reading stops at the first letter in ``keep``, so
        kept letters (and those after them) are read again next time.
        """
        offsets = {}
        for partition, end in self._reader.positions().items():
            kept = [letter.offset for letter in keep if letter.partition == partition]
            offsets[partition] = min(kept, default=end)
        self._reader.commit(offsets)


def _envelope(headers) -> DeadLetter | None:
    try:
        return DeadLetter.from_headers(headers or [])
    except (KeyError, ValueError, ValidationError):
        return None


def replay(settings: Settings, *, select: Callable[[Letter], bool], dry_run: bool = False,
           from_start: bool = False) -> list[Letter]:
    """Re-publish the selected letters to their source topics; return them.

    The replay group's offsets move only after the broker acknowledged the
    re-published messages, and never on a dry run; a failure leaves them where
    they were, so the next run retries. Letters a filter left out are never
    skipped: in each partition the offsets stop at the first one, so a later
    run sees it (letters after it may then be replayed twice, which the
    pipeline's ids make harmless). A bounded letter (only the start of an
    original too large to dead-letter whole) is never replayed.
    """
    group = None if dry_run else replay_group(settings)
    chosen: list[Letter] = []
    left: list[Letter] = []
    with DeadLetterReader(settings, group=group, from_start=from_start or dry_run) as reader:
        for letter in reader.letters():
            replayable = letter.envelope is not None and not letter.envelope.bounded
            (chosen if replayable and select(letter) else left).append(letter)
        if dry_run:
            return chosen
        producer = KafkaProducer(**producer_config(settings))  # acks=all, idempotent
        try:
            futures = [producer.send(letter.envelope.source_topic, key=letter.key, value=letter.value,
                                     headers=list(letter.headers))
                       for letter in chosen if letter.envelope is not None]
            producer.flush()
            for future in futures:
                future.get(timeout=0)  # raises if the broker refused one
        finally:
            producer.close()
        reader.commit(keep=[letter for letter in left
                            if letter.envelope is not None and not letter.envelope.bounded])
    return chosen
