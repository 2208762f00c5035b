"""Child processes that never outlive their parent.

On Linux each child asks the kernel for SIGTERM when its parent dies
(``PR_SET_PDEATHSIG``), so even a SIGKILLed ``wirewatch up`` or test session
leaves no orphan broker, search engine or worker behind. A signal is not
enough for a wirewatch child: it also gets the parent's pid in its environment
(:data:`core.lifecycle.PARENT_PID_ENV`) and, with :func:`stop_with_parent`,
watches it itself, and its stop has a deadline (the worker's:
``worker.stop_timeout_s``). Each child also gets its own process group, so
Ctrl-C in a terminal reaches only the supervisor, which then stops the
children in order.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any

from core.lifecycle import PARENT_PID_ENV, watch_parent

_PR_SET_PDEATHSIG = 1


def _die_with(parent: int) -> Callable[[], None]:
    def die_with_parent() -> None:  # runs in the child between fork and exec
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL("libc.so.6", use_errno=True)
                libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
            except OSError:
                pass  # best effort: the child's own parent watch and the supervisor remain
        if os.getppid() != parent:  # the parent died before the request: no signal will come
            os._exit(1)

    return die_with_parent


def spawn(args: list[str], *, log_path: Path | None = None, env: dict[str, str] | None = None,
          stdout: int | IO[Any] | None = None, **kwargs: Any) -> subprocess.Popen:
    """Start ``args`` as a child in its own session that dies with this process.

    Call it from the main thread (or a thread that lives as long as the child):
    Linux sends the parent-death signal when the spawning *thread* exits.
    """
    if log_path is not None:
        log_path.parent.mkdir(parents=True, exist_ok=True)
        stdout = open(log_path, "ab")  # noqa: SIM115 - owned by the child's lifetime
    parent = os.getpid()
    child_env = {**(os.environ if env is None else env), PARENT_PID_ENV: str(parent)}
    return subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=stdout if stdout is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if stdout is not subprocess.PIPE else None,
        env=child_env, preexec_fn=_die_with(parent), start_new_session=True, **kwargs,
    )


def stop_with_parent(on_gone: Callable[[str], object] = lambda _reason: None) -> None:
    """SIGTERM this process (its orderly stop) when the parent that spawned it dies, however it dies.

    ``on_gone`` runs first, with the reason (e.g. to arm a stop deadline). The
    complement of the parent-death signal, which a child may miss; does
    nothing in a process not started by :func:`spawn`.
    """
    def gone(parent: int) -> None:
        on_gone(f"its parent process {parent} died")
        os.kill(os.getpid(), signal.SIGTERM)

    watch_parent(gone)


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


def terminate_all(procs: Iterable[subprocess.Popen], timeout: float = 10.0) -> None:
    """SIGTERM every child at once, then wait for them together (SIGKILL after ``timeout`` s in all).

    N workers stopping one after another could take N timeouts; together they take one.
    """
    procs = list(procs)
    for proc in procs:
        if proc.poll() is None:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + timeout
    for proc in procs:
        terminate(proc, max(0.0, deadline - time.monotonic()))


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
