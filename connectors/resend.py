"""Sending failed records again during an outage, within a bounded buffer.

One background thread per publisher holds the sends that failed for a reason
worth retrying (see :func:`connectors.sends.is_retriable`), waits with
:class:`core.backoff.Backoff` between rounds, replaces the producer when the
publisher asked for it, and hands each record back to the publisher until it
is acknowledged or its deadline passes. The buffer is bounded
(``connectors.send_buffer_records``): beyond it a failed send fails at once,
so an outage can never grow memory without limit, and callers (inbox, feeds,
webhook) see the failure within ``connectors.delivery_timeout_s`` instead of
at shutdown.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable

from kafka.errors import KafkaTimeoutError

from connectors.sends import Delivery
from core.backoff import Backoff

log = logging.getLogger(__name__)

# windows of 0.2, 0.4, 0.8... s, up to 5 s, between rounds while the broker stays away
RESEND_BACKOFF = Backoff(initial_s=0.2, max_s=5.0)
# how often the publisher looks for sends its producer holds past their deadline
CHECK_EVERY_S = 1.0


class Resender:
    """The retry thread of one publisher."""

    def __init__(self, send: Callable[[Delivery], None], renew: Callable[[], bool], *, capacity: int,
                 check: Callable[[], None] | None = None, backoff: Backoff = RESEND_BACKOFF) -> None:
        self._send = send
        self._renew = renew
        self._check = check
        self.capacity = capacity
        self._backoff = backoff
        self._queue: deque[Delivery] = deque()
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._renew_wanted = False
        self._failed_rounds = 0
        self._thread: threading.Thread | None = None

    def __len__(self) -> int:
        with self._cond:
            return len(self._queue)

    def offer(self, delivery: Delivery) -> bool:
        """Queue ``delivery`` for another attempt; False when the buffer is full or closed."""
        with self._cond:
            if self._stop.is_set() or len(self._queue) >= self.capacity:
                return False
            self._queue.append(delivery)
            self._wake()
        return True

    def request_renew(self) -> None:
        """Ask for a new producer before the next round."""
        with self._cond:
            self._renew_wanted = True
            self._wake()

    def acknowledged(self) -> None:
        """The broker acknowledged something: rounds need no more waiting."""
        self._failed_rounds = 0

    def start(self) -> None:
        """Start the thread (else it starts with the first failure)."""
        with self._cond:
            self._wake()

    def _wake(self) -> None:  # holds self._cond
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="wirewatch-resend", daemon=True)
            self._thread.start()
        self._cond.notify()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self._round()
            except Exception:  # noqa: BLE001 - this thread must outlive any one failure
                log.exception("re-sending failed; trying again")
                self._failed_rounds += 1
        self._fail_all()

    def _round(self) -> None:
        with self._cond:
            while not (self._queue or self._renew_wanted or self._stop.is_set()):
                self._cond.wait(CHECK_EVERY_S)
                if self._check is not None:
                    self._check()
        if self._failed_rounds and self._stop.wait(self._backoff.delay(self._failed_rounds - 1)):
            return
        self._failed_rounds += 1
        with self._cond:
            renew, self._renew_wanted = self._renew_wanted, False
        if renew and not self._renew():
            with self._cond:  # the broker is still away: try again next round
                self._renew_wanted = True
            return
        with self._cond:
            batch = list(self._queue)
            self._queue.clear()
        for delivery in batch:
            if delivery.expired:
                delivery.failure(delivery.last_error or KafkaTimeoutError("not acknowledged in time"))
            else:
                self._send(delivery)

    def _fail_all(self) -> None:
        with self._cond:
            left = list(self._queue)
            self._queue.clear()
        for delivery in left:
            delivery.failure(delivery.last_error or KafkaTimeoutError("publisher closed before the broker acknowledged"))

    def close(self, timeout: float = 5.0) -> None:
        """Stop retrying; what is still queued fails."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self._fail_all()
