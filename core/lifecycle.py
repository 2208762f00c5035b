"""How a long-running process ends: an orderly stop with a deadline, and never after its parent.

Two guards, both on threads of their own so that neither depends on the event
loop (or the main thread) being free:

* :class:`StopDeadline`: once a stop begins (SIGTERM, Ctrl-C, a crash, the
  parent's death), the process ends by itself at the latest ``timeout_s``
  later. faust's orderly stop waits until every message taken is acknowledged,
  and a batch whose broker or search engine is gone is retried without limit,
  so without a deadline such a stop never ends (session 7: two orphaned
  workers ran 75 minutes after their soak benchmark died).
* :func:`watch_parent`: a process started by ``wirewatch.processes.spawn``
  gets its parent's pid in :data:`PARENT_PID_ENV`; a thread checks
  ``os.getppid()`` against it and reports the parent's death, however it died
  (SIGKILL included), even if the kernel's parent-death signal never came (the
  parent died before the child could ask for it, or the platform has none).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, MutableMapping
from typing import NoReturn

log = logging.getLogger(__name__)

#: set by ``wirewatch.processes.spawn`` in the child's environment: the pid it must not outlive
PARENT_PID_ENV = "WIREWATCH_PARENT_PID"


def flush_and_exit(code: int) -> NoReturn:
    """Flush the log handlers and stderr, then end the process at once (no cleanup, no waiting)."""
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001, S110 - exiting anyway; a log that cannot flush must not stop that
            pass
    sys.stderr.flush()
    os._exit(code)


class StopDeadline:
    """Ends the process ``timeout_s`` after :meth:`arm` unless it has exited by then.

    Args:
        timeout_s: how long an orderly stop may take.
        code: the exit code of a process that did not stop in time.
        consequence: what the exit means, for the log line.
    """

    def __init__(self, timeout_s: float, *, code: int, consequence: str = "") -> None:
        self.timeout_s = timeout_s
        self.code = code
        self.consequence = consequence
        self._armed = threading.Event()

    @property
    def armed(self) -> bool:
        return self._armed.is_set()

    def arm(self, reason: str) -> None:
        """Start the countdown (the first call counts; later ones are ignored)."""
        if self._armed.is_set():
            return
        self._armed.set()
        log.info("stopping (%s); exiting at the latest %.0f s from now", reason, self.timeout_s)
        threading.Thread(target=self._expire, args=(reason, time.monotonic()), name="stop-deadline",
                         daemon=True).start()

    def _expire(self, reason: str, armed_at: float) -> None:
        time.sleep(self.timeout_s)
        log.error("the stop (%s) did not end within %.0f s; exiting now with code %d%s", reason,
                  time.monotonic() - armed_at, self.code, f": {self.consequence}" if self.consequence else "")
        flush_and_exit(self.code)


def watch_parent(on_gone: Callable[[int], object], *, interval_s: float = 0.5,
                 environ: MutableMapping[str, str] | None = None) -> threading.Thread | None:
    """Call ``on_gone(parent_pid)`` once, from a daemon thread, when the spawning parent is gone.

    The parent is the pid in :data:`PARENT_PID_ENV`; the variable is removed
    from ``environ`` (default: this process's environment) so that processes
    this one starts do not watch a pid that is not their parent. Without it
    (started from a shell, a container's init, systemd) nothing is watched and
    None is returned. A parent already gone when this is called counts as gone.
    """
    env = os.environ if environ is None else environ
    value = env.pop(PARENT_PID_ENV, "")
    if not value.isdigit() or int(value) <= 1:
        return None
    parent = int(value)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval_s)
        log.warning("the parent process (pid %d) is gone", parent)
        on_gone(parent)

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread
