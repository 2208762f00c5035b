"""Child processes that never outlive their parent.

On Linux each child asks the kernel for SIGTERM when its parent dies
(``PR_SET_PDEATHSIG``), so even a SIGKILLed ``wirewatch up`` or test session
leaves no orphan broker, search engine or worker behind. Each child also gets
its own process group, so Ctrl-C in a terminal reaches only the supervisor,
which then stops the children in order.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL("libc.so.6", use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:
            pass  # best effort: the supervisor still stops children itself


def spawn(args: list[str], *, log_path: Path | None = None, env: dict[str, str] | None = None,
          stdout: int | IO[Any] | None = None, **kwargs: Any) -> subprocess.Popen:
    """Start ``args`` as a child in its own session that dies with this process.

    Call it from the main thread (or a thread that lives as long as the child):
    Linux sends the parent-death signal when the spawning *thread* exits.
    """
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        stdout = open(log_path, "ab")  # noqa: SIM115 - owned by the child's lifetime
    return subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if stdout is not subprocess.PIPE else None,
        env=env, preexec_fn=_die_with_parent, start_new_session=True, **kwargs,
    )


def terminate(proc: subprocess.Popen, timeout: float = 10.0) -> int | None:
    """SIGTERM the child's process group, SIGKILL it after ``timeout`` s; return its exit code."""
    if proc.poll() is None:
        for sig, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
    if proc.stdout is not None and not proc.stdout.closed and proc.stdout is not subprocess.PIPE:
        proc.stdout.close()
    return proc.poll()


def stop_requested(on_signal: Callable[[int], None] | None = None) -> threading.Event:
    """An event set by SIGINT or SIGTERM (install from the main thread).

    Long-running commands wait on it instead of handling signals themselves,
    so Ctrl-C and ``docker stop`` both end in the same orderly shutdown.
    """
    stop = threading.Event()

    def handle(signum: int, _frame: object) -> None:
        if on_signal is not None:
            on_signal(signum)
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handle)
    return stop
