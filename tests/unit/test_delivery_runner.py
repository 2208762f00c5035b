"""The delivery runner's decisions: what is retried, what is dead-lettered, and how a letter is bounded."""

from __future__ import annotations

import hashlib

from aiokafka.errors import KafkaTimeoutError, MessageSizeTooLargeError, RequestTimedOutError
from faust.exceptions import ProducerSendError

from core.limits import DEADLETTER_EXCERPT_BYTES
from schemas import DeadLetter
from streams.agents.runner import _original_headers, per_message
from streams.deadletter import bounded, letter_size

LETTER = DeadLetter(stage="tag", error_class="ArticleTooLong", error_message="too long",
                    source_topic="wirewatch.articles.raw", source_partition=2, source_offset=41)


def test_errors_of_the_message_itself_are_not_retried():
    assert per_message(MessageSizeTooLargeError("too big"))
    try:  # faust wraps the producer's errors
        try:
            raise MessageSizeTooLargeError("too big")
        except MessageSizeTooLargeError as exc:
            raise ProducerSendError("Error while sending") from exc
    except ProducerSendError as wrapped:
        assert per_message(wrapped)


def test_errors_that_may_pass_are_retried():
    assert not per_message(RequestTimedOutError())
    assert not per_message(KafkaTimeoutError())
    assert not per_message(ConnectionError("broker down"))


def test_a_bounded_letter_keeps_the_start_size_and_digest_of_the_original():
    original = b"x" * (3 * DEADLETTER_EXCERPT_BYTES + 5)
    value, letter = bounded(original, LETTER)
    assert value == original[:DEADLETTER_EXCERPT_BYTES]
    assert letter.bounded and letter.original_size == len(original)
    assert letter.original_sha256 == hashlib.sha256(original).hexdigest()
    assert DeadLetter.from_headers(letter.to_headers()) == letter
    assert not DeadLetter.from_headers(LETTER.to_headers()).bounded


def test_a_letter_counts_its_headers_and_the_original_ones():
    plain = letter_size(b"key", b"v" * 100, LETTER)
    assert plain > 103 + sum(len(k) + len(v) for k, v in LETTER.to_headers())
    assert letter_size(b"key", b"v" * 100, LETTER, [("origin", b"abc")]) == plain + 9


def test_original_headers_are_kept_except_an_older_envelope():
    headers = [("origin", b"feed-7"), ("wirewatch.stage", b"validate")]
    assert _original_headers(headers) == [("origin", b"feed-7")]
    assert _original_headers({"trace": b"1"}) == [("trace", b"1")]
    assert _original_headers(None) == []


def test_an_undeliverable_batch_ends_the_worker_with_a_restartable_code():
    """The process exits at once (nothing more acknowledged) with EX_TEMPFAIL and one clear line."""
    import subprocess
    import sys

    from streams.agents.runner import EXIT_RESTART

    code = ("import logging; logging.basicConfig(); from streams.agents.runner import exit_worker; "
            "exit_worker(RuntimeError('dead-letter topic refused a bounded letter'))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == EXIT_RESTART == 75
    assert "restarts at the committed offsets" in done.stderr
    assert "dead-letter topic refused a bounded letter" in done.stderr


class _GatedRunner:
    """A delivery runner whose deliveries wait for a gate each, and that records what happens in order."""

    def __init__(self, *, fail: int | None = None) -> None:
        import asyncio

        from streams.agents.runner import DeliveryRunner

        self.log: list[str] = []
        self.fatal: list[BaseException] = []
        self.gates = {n: asyncio.Event() for n in (1, 2, 3)}
        outer = self

        class Runner(DeliveryRunner):
            async def deliver(self, processed):
                n = processed.batch[0].message.offset
                outer.log.append(f"deliver {n}")
                await outer.gates[n].wait()
                if n == fail:
                    raise RuntimeError(f"batch {n} undeliverable")
                outer.log.append(f"delivered {n}")

        self.runner = Runner("test", deadletter=None, max_message_bytes=1_000_000, on_fatal=self.fatal.append)

    async def step(self, batch):
        from streams.agents.runner import Outcome

        n = batch[0].message.offset
        self.log.append(f"process {n}")
        if n > 1:
            self.gates[n - 1].set()  # batch n-1 is delivered only once batch n is being processed
        if n == 3:
            self.gates[3].set()
        return [Outcome(event) for event in batch]

    async def ack(self, batch):
        self.log.append(f"ack {batch[0].message.offset}")

    async def run(self) -> None:
        import asyncio
        from types import SimpleNamespace

        async def batches():
            for n in (1, 2, 3):
                yield [SimpleNamespace(message=SimpleNamespace(topic="t", offset=n))]

        # without the overlap, batch 1's delivery would wait for a gate that only processing batch 2 opens
        await asyncio.wait_for(self.runner.pipeline(batches(), self.step, self.ack), timeout=10)


def _run_in_fresh_loop(gated: _GatedRunner) -> None:
    """asyncio.run on a thread of its own: in the full suite a library leaves a loop marked running here."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(lambda: asyncio.run(gated.run())).result()


def test_the_next_batch_is_processed_while_the_one_before_is_delivered_and_acks_stay_in_order():
    gated = _GatedRunner()
    _run_in_fresh_loop(gated)
    log = gated.log
    assert log.index("process 2") < log.index("delivered 1")
    for n in (1, 2, 3):  # delivered, then acknowledged, and only then the next batch produced
        assert log.index(f"deliver {n}") < log.index(f"delivered {n}") < log.index(f"ack {n}")
        if n < 3:
            assert log.index(f"ack {n}") < log.index(f"deliver {n + 1}")
    assert [entry for entry in log if entry.startswith("ack")] == ["ack 1", "ack 2", "ack 3"]
    assert not gated.fatal


def test_a_batch_that_cannot_be_delivered_is_fatal_and_nothing_after_it_is_acknowledged():
    import pytest

    gated = _GatedRunner(fail=1)
    with pytest.raises(RuntimeError, match="batch 1 undeliverable"):
        _run_in_fresh_loop(gated)
    assert [str(exc) for exc in gated.fatal] == ["batch 1 undeliverable"]
    assert not [entry for entry in gated.log if entry.startswith("ack")]
    assert "deliver 2" not in gated.log
