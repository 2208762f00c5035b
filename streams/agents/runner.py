"""The one delivery loop of every agent: take, process, produce, await acks, then acknowledge.

Each agent supplies only its processing :data:`Step`: a batch of consumed
events in, one :class:`Outcome` per event out (the messages to produce, or the
reason to dead-letter it). :class:`DeliveryRunner` does the rest, and is the
only place where delivery failures are handled:

* every output is produced and its broker acknowledgement awaited; a send
  that fails for a reason that may pass (broker down or stalled, leader
  moving, timeouts) is retried with backoff (:class:`core.backoff.Backoff`)
  without limit: that is back-pressure, and offsets wait;
* an output the broker can never take (too large, invalid) turns its input
  into a dead letter (stage ``produce``) with the reason;
* a dead letter goes out with the original bytes and headers, plus the
  envelope's headers (:class:`schemas.DeadLetter`); one that would not fit the
  topic goes *bounded* (headers, first 64 KiB, size and sha256 of the
  original, see :mod:`streams.deadletter`);
* only when every output and letter of the batch was acknowledged are the
  batch's offsets acknowledged, so a commit never passes a message whose
  outputs are not on the broker;
* anything else (a bug in a step, a bounded letter refused) ends the worker
  process at once (:func:`exit_worker`): nothing of the batch was
  acknowledged, so its supervisor (``wirewatch up``, docker's restart
  policy) restarts it at the committed offsets and the batch is processed
  again. Never are messages left taken but unacknowledged in a live worker,
  which would stall the commit of their partitions for good.

Delivery is at-least-once; the ids (article id, event id) as keys and
document ``_id`` make it effectively once downstream.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

from aiokafka.errors import (
    CorruptRecordException,
    InvalidMessageError,
    MessageSizeTooLargeError,
    RecordListTooLargeError,
    RecordTooLargeError,
)
from faust.types import EventT, TopicT

from core import metrics
from core.backoff import Backoff
from core.lifecycle import flush_and_exit
from schemas import DeadLetter
from streams.agents.take import adaptive_take
from streams.deadletter import bounded, letter_size, log_letter
from streams.progress import acknowledged, more_after

log = logging.getLogger(__name__)

#: errors that fail the same way on every retry: the message itself is the problem
PER_MESSAGE_ERRORS: tuple[type[BaseException], ...] = (
    MessageSizeTooLargeError, RecordListTooLargeError, RecordTooLargeError,
    CorruptRecordException, InvalidMessageError,
)
#: exit code of a worker that stopped so its supervisor restarts it at the committed offsets
EXIT_RESTART = 75  # EX_TEMPFAIL
_ESCALATE_AFTER = 5  # retries logged as warnings, then as errors


@dataclass(frozen=True, slots=True)
class Output:
    """One message to produce for a consumed event."""

    topic: TopicT
    key: bytes | None
    value: bytes


@dataclass(slots=True)
class Outcome:
    """What becomes of one consumed event: its outputs, or the reason to dead-letter it."""

    event: EventT
    outputs: list[Output] = field(default_factory=list)
    failure: DeadLetter | None = None


Step = Callable[[list[EventT]], Awaitable[list[Outcome]]]
"""An agent's processing: one :class:`Outcome` per event, in order; it must not produce itself.

A step may keep a ``counts`` dict of its last batch's figures; they join the batch's log line.
"""


@dataclass(slots=True)
class Processed:
    """A batch its step processed, waiting to be delivered."""

    batch: list[EventT]
    outcomes: list[Outcome]
    counts: dict[str, Any]
    started: float


class FatalDeliveryError(RuntimeError):
    """A batch can neither be delivered nor dead-lettered: the worker must restart."""


def per_message(exc: BaseException) -> bool:
    """True when ``exc`` will recur on every retry of the same message (size, corrupt record)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:  # faust wraps aiokafka errors
        if isinstance(current, PER_MESSAGE_ERRORS):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def exit_worker(exc: BaseException) -> NoReturn:
    """End the process now, without acknowledging anything more; the supervisor restarts it."""
    log.critical("delivery failed, the worker exits (code %d) so that it restarts at the committed "
                 "offsets: %s: %s", EXIT_RESTART, type(exc).__name__, exc, exc_info=exc)
    flush_and_exit(EXIT_RESTART)


class DeliveryRunner:
    """Runs one agent's stream through its :data:`Step` with the guarantees above.

    Args:
        name: the agent's name, for logs.
        deadletter: the dead-letter topic.
        max_message_bytes: the topics' limit (``core.limits.max_message_bytes``).
        backoff: delays between produce retries.
        on_fatal: called with the error when a batch cannot be delivered; exits by default.
    """

    def __init__(self, name: str, *, deadletter: TopicT, max_message_bytes: int,
                 backoff: Backoff | None = None,
                 on_fatal: Callable[[BaseException], Any] = exit_worker) -> None:
        self.name = name
        self.deadletter = deadletter
        self.max_message_bytes = max_message_bytes
        self.backoff = backoff or Backoff(0.2, 10.0)
        self.on_fatal = on_fatal

    async def run(self, stream: Any, step: Step, *, batch_size: int, within: float,
                  hold: Callable[[], bool] | None = None, fill: int = 0, hold_s: float = 0.0) -> None:
        """Consume ``stream`` in batches forever (until the agent is cancelled).

        ``hold``, ``fill`` and ``hold_s``: a batch of fewer than ``fill`` events
        stays open up to ``hold_s`` while ``hold()`` says more is on its way
        upstream (:func:`~streams.agents.take.adaptive_take`).

        Batch N+1 is taken and processed while batch N's outputs go to the
        broker: the tagging thread would otherwise idle for every batch's
        produce and acknowledgements. Batches are still delivered, and their
        offsets acknowledged, one at a time and in order: N+1's outputs are
        produced only after N was delivered and acknowledged.
        """
        # a batch closes when full or when nothing more is waiting, here or in the broker (take.py)
        consumer = stream.app.consumer
        batches = adaptive_take(stream, batch_size, within, lambda last: more_after(consumer, last),
                                hold=hold, fill=fill, hold_s=hold_s)

        async def ack(batch: list[EventT]) -> None:
            for event in batch:
                await stream.ack(event)
            acknowledged(batch)

        await self.pipeline(batches, step, ack)

    async def pipeline(self, batches: AsyncIterator[list[EventT]], step: Step,
                       ack: Callable[[list[EventT]], Awaitable[None]]) -> None:
        """Process each batch while the one before is delivered; deliver and ``ack`` them in order."""
        delivering: asyncio.Task[None] | None = None
        try:
            async for batch in batches:
                try:
                    processed = await self.process(batch, step)
                except asyncio.CancelledError:
                    raise
                except BaseException as exc:  # noqa: BLE001 - every failure ends here, by design
                    self.on_fatal(exc)
                    raise
                if delivering is not None:
                    await delivering  # a failure there was reported by the task itself
                delivering = asyncio.create_task(self._deliver_and_ack(processed, ack))
            if delivering is not None:
                await delivering
        finally:
            if delivering is not None and not delivering.done():
                delivering.cancel()  # unacknowledged: processed again after a restart

    async def _deliver_and_ack(self, processed: Processed, ack: Callable[[list[EventT]], Awaitable[None]]) -> None:
        try:
            await self.deliver(processed)
        except asyncio.CancelledError:
            raise
        except BaseException as exc:  # noqa: BLE001 - every failure ends here, by design
            self.on_fatal(exc)
            raise
        await ack(processed.batch)

    async def process(self, batch: list[EventT], step: Step) -> Processed:
        """Run the step on ``batch`` (nothing is produced yet)."""
        started = time.perf_counter()
        metrics.record_consumed(batch[0].message.topic if batch else "", len(batch))
        outcomes = await step(batch)
        if len(outcomes) != len(batch):
            raise FatalDeliveryError(f"{self.name}: step returned {len(outcomes)} outcomes for "
                                     f"{len(batch)} events")
        # the step's own figures (e.g. tagged and events), taken before it processes the next batch
        return Processed(batch, outcomes, dict(getattr(step, "counts", {})), started)

    async def deliver(self, processed: Processed) -> None:
        """Put every output and dead letter of a processed batch on the broker."""
        outcomes = processed.outcomes
        delivering = time.perf_counter()
        await asyncio.gather(*(self._produce_outputs(o) for o in outcomes if o.failure is None))
        letters = [o for o in outcomes if o.failure is not None]
        await asyncio.gather(*(self._dead_letter(o) for o in letters))
        now = time.perf_counter()
        log.info("%s batch", self.name, extra={
            **processed.counts,
            "stage": self.name, "consumed": len(processed.batch), "deadlettered": len(letters),
            "produced": sum(len(o.outputs) for o in outcomes if o.failure is None),
            "seconds": round(now - processed.started, 3), "delivery_seconds": round(now - delivering, 3),
        })

    async def _produce_outputs(self, outcome: Outcome) -> None:
        results = await asyncio.gather(*(self._send(o.topic, o.key, o.value) for o in outcome.outputs))
        refused = [exc for exc in results if exc is not None]
        if refused:
            topics = {o.topic.get_topic_name() for o, exc in zip(outcome.outputs, results, strict=True) if exc}
            exc = refused[0]
            letter = _envelope(outcome.event, "produce", type(exc).__name__,
                               f"the broker refused an output for {sorted(topics)}: {exc}")
            outcome.failure = letter
            await self._dead_letter(outcome)

    async def _dead_letter(self, outcome: Outcome) -> None:
        assert outcome.failure is not None
        message = outcome.event.message
        key, value, letter = message.key, message.value, outcome.failure
        original = _original_headers(message.headers)
        if letter_size(key, value, letter, original) > self.max_message_bytes:
            value, letter = bounded(value, letter)
        log_letter(letter)
        refused = await self._send(self.deadletter, key, value, original + letter.to_headers())
        if refused is not None and not letter.bounded:
            value, letter = bounded(value, letter)
            log_letter(letter)
            refused = await self._send(self.deadletter, key, value, original + letter.to_headers())
        if refused is not None:
            raise FatalDeliveryError(f"the dead-letter topic refused even a bounded letter for "
                                     f"{letter.source_topic}[{letter.source_partition}]@{letter.source_offset}: "
                                     f"{refused}")
        outcome.failure = letter
        metrics.record_deadlettered(letter.stage)

    async def _send(self, topic: TopicT, key: bytes | None, value: bytes | None,
                    headers: Sequence[tuple[str, bytes]] | None = None) -> BaseException | None:
        """Produce one message and await its acknowledgement; None when acknowledged.

        Retries without limit while the failure may pass; returns the error
        when it is the message's own (it would fail the same way forever).
        """
        attempt = 0
        while True:
            try:
                # publish now, not attached to the current event (topic.send would
                # publish it only when that event is acknowledged), and await faust's
                # own future, which carries the broker's answer either way
                promise = topic.as_future_message(key=key, value=value, headers=list(headers or ()))
                await topic.publish_message(promise)
                await promise
                return None
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - classified below
                if per_message(exc):
                    return exc
                delay = self.backoff.delay(attempt)
                level = logging.WARNING if attempt < _ESCALATE_AFTER else logging.ERROR
                log.log(level, "%s: producing to %s failed (%s: %s); retry %d in %.1f s", self.name,
                        topic.get_topic_name(), type(exc).__name__, exc, attempt + 1, delay)
                await asyncio.sleep(delay)
                attempt += 1


def _original_headers(headers: Any) -> list[tuple[str, bytes]]:
    """The consumed message's own headers, kept on its dead letter (the envelope's names excluded)."""
    items = headers.items() if isinstance(headers, dict) else (headers or ())
    return [(str(name), bytes(value or b"")) for name, value in items if not str(name).startswith("wirewatch.")]


def _envelope(event: EventT, stage: str, error_class: str, text: str) -> DeadLetter:
    message = event.message
    return DeadLetter(stage=stage, error_class=error_class, error_message=text,
                      source_topic=message.topic, source_partition=message.partition,
                      source_offset=message.offset)
