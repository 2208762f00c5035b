"""Where a benchmark's CPU went: every process of the stack, from ``/proc``, per article.

On a shared machine wall-clock rates move with whatever else runs; the CPU
time each process spends per article moves much less, and it says where to
cut. :class:`CpuAccount` reads ``utime + stime`` of each process
(``/proc/<pid>/stat``, exited threads included) and of each named thread
(``/proc/<pid>/task/<tid>/stat``) at the start and at the end of a phase.
The workers name their busy threads (``core/threads.py``), so a worker's time
splits into tagging and the rest (event loop, consumer, index writers).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from core import threads

CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

#: thread names (core/threads.py) reported on their own; other threads count as "rest"
THREAD_GROUPS = {threads.TAGGER: "tagging thread", threads.INDEX_ARTICLES: "index writer (articles)",
                 threads.INDEX_EVENTS: "index writer (events)", threads.CONSUMER: "consumer thread"}


def parse_stat(text: str) -> tuple[str, float]:
    """``(comm, utime + stime in seconds)`` from the text of a ``/proc/.../stat`` file.

    The name sits in parentheses and may itself hold spaces or parentheses, so
    the fields are counted from the last ``)``.
    """
    name = text[text.index("(") + 1:text.rindex(")")]
    fields = text[text.rindex(")") + 2:].split()
    # fields[0] is field 3 (state): utime and stime are fields 14 and 15
    return name, (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def _read(path: str) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:  # the process or thread is gone
        return None


def process_cpu(pid: int, proc: str = "/proc") -> float | None:
    """CPU seconds a process used so far (all its threads, living and exited); None when it is gone."""
    text = _read(f"{proc}/{pid}/stat")
    return None if text is None else parse_stat(text)[1]


def thread_cpu(pid: int, proc: str = "/proc") -> dict[str, float]:
    """CPU seconds of a process's living threads, summed by thread name."""
    out: dict[str, float] = {}
    try:
        tids = os.listdir(f"{proc}/{pid}/task")
    except OSError:
        return out
    for tid in tids:
        if (text := _read(f"{proc}/{pid}/task/{tid}/stat")) is not None:
            name, seconds = parse_stat(text)
            out[name] = out.get(name, 0.0) + seconds
    return out


@dataclass(frozen=True)
class Snapshot:
    """CPU seconds so far of each process (by label) and of its named threads."""

    at: float
    processes: dict[str, float]
    threads: dict[str, dict[str, float]]


def snapshot(pids: Mapping[str, int], *, proc: str = "/proc", clock: Callable[[], float] = time.monotonic) -> Snapshot:
    """Read every process of ``pids`` (label -> pid) now."""
    processes: dict[str, float] = {}
    named: dict[str, dict[str, float]] = {}
    for label, pid in pids.items():
        if (seconds := process_cpu(pid, proc)) is not None:
            processes[label] = seconds
            named[label] = thread_cpu(pid, proc)
    return Snapshot(clock(), processes, named)


def usage(before: Snapshot, after: Snapshot) -> dict[str, float]:
    """CPU seconds between two snapshots, by row: each process, and each worker's named threads.

    A process label ``worker-N`` yields ``worker-N``, plus ``worker-N: tagging thread``
    etc. for the named threads, and ``worker-N: rest`` for everything else in it.
    A process missing from either snapshot (not started yet, or gone) is left out.
    """
    rows: dict[str, float] = {}
    for label, end in after.processes.items():
        if label not in before.processes:
            continue
        total = end - before.processes[label]
        rows[label] = total
        named = 0.0
        for name, group in THREAD_GROUPS.items():
            if name in after.threads.get(label, {}):
                spent = after.threads[label][name] - before.threads.get(label, {}).get(name, 0.0)
                rows[f"{label}: {group}"] = spent
                named += spent
        if named:
            rows[f"{label}: rest"] = total - named
    return rows


def by_role(rows: Mapping[str, float]) -> dict[str, float]:
    """Rows of :func:`usage` summed over the workers: ``workers``, ``workers: tagging thread`` ..."""
    out: dict[str, float] = {}
    for label, seconds in rows.items():
        key = label
        if label.startswith("worker-"):
            _, _, part = label.partition(": ")
            key = f"workers: {part}" if part else "workers"
        out[key] = out.get(key, 0.0) + seconds
    return out


class CpuAccount:
    """CPU of the stack's processes over one phase: :meth:`start`, then :meth:`stop`."""

    def __init__(self, pids: Mapping[str, int]) -> None:
        self.pids = dict(pids)
        self.before: Snapshot | None = None
        self.after: Snapshot | None = None

    def start(self) -> CpuAccount:
        self.before = snapshot(self.pids)
        return self

    def stop(self) -> dict[str, float]:
        """CPU seconds by row since :meth:`start` (see :func:`usage`)."""
        assert self.before is not None, "start() first"
        self.after = snapshot(self.pids)
        return usage(self.before, self.after)

    @property
    def wall_s(self) -> float:
        assert self.before is not None and self.after is not None
        return self.after.at - self.before.at


def wait_until_idle(pids: Mapping[str, int], *, below_cores: float = 0.05, window_s: float = 0.5,
                    timeout_s: float = 60.0, sleep: Callable[[float], None] = time.sleep) -> bool:
    """Wait until the processes together use less than ``below_cores`` over ``window_s``; False at the timeout.

    After the last article is searchable the engine may still be indexing
    events: an account that should hold the whole cost of a backlog ends here.
    """
    deadline = time.monotonic() + timeout_s
    last = snapshot(pids)
    while time.monotonic() < deadline:
        sleep(window_s)
        now = snapshot(pids)
        spent = sum(now.processes.get(k, 0.0) - v for k, v in last.processes.items())
        if spent / max(now.at - last.at, 1e-6) < below_cores:
            return True
        last = now
    return False
