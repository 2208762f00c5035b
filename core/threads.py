"""Names the operating system sees for a process's threads (Linux ``comm``).

Python 3.11 names its threads only for itself: ``top -H``, ``py-spy`` and
``/proc/<pid>/task/<tid>/comm`` show every thread of a worker as ``python``.
The worker's busy threads name themselves with :func:`name_os_thread`, so that
a CPU account from ``/proc`` (``wirewatch bench e2e``) can tell the tagging
thread from the index writers and the event loop without entering the process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache

#: Linux keeps at most 15 bytes of a thread's name (16 with the terminating NUL)
MAX_NAME_BYTES = 15
_PR_SET_NAME = 15  # <linux/prctl.h>

#: the names the worker's threads take (wirewatch.benchmarking.cpu groups them by these)
TAGGER = "ww-tagger"
INDEX_ARTICLES = "ww-index-art"
INDEX_EVENTS = "ww-index-evt"
CONSUMER = "ww-consumer"


@cache
def _prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl
    except (OSError, AttributeError):
        return None


def name_os_thread(name: str) -> bool:
    """Give the calling thread ``name`` (cut to 15 bytes) in the OS; True if the OS took it.

    Only the calling thread changes: call it first thing on the thread to name,
    e.g. as a ``ThreadPoolExecutor`` initializer.
    """
    prctl = _prctl()
    if prctl is None:
        return False
    raw = name.encode("utf-8", "replace")[:MAX_NAME_BYTES]
    return prctl(_PR_SET_NAME, ctypes.c_char_p(raw), 0, 0, 0) == 0


def naming(name: str) -> Callable[[], None]:
    """An initializer for ``ThreadPoolExecutor`` that names each of its threads ``name``."""
    def initializer() -> None:
        name_os_thread(name)

    return initializer
