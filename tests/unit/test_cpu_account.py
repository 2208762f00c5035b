"""The benchmark's CPU account from /proc, and the OS names of the worker's threads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from core import threads
from core.threads import naming
from wirewatch.benchmarking.cpu import CLOCK_TICKS, by_role, parse_stat, snapshot, usage

linux_only = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc")


def _stat(pid: int, name: str, ticks_user: int, ticks_system: int) -> str:
    # fields 3..: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime ...
    return f"{pid} ({name}) S 1 1 1 0 -1 4194560 10 0 0 0 {ticks_user} {ticks_system} 0 0 20 0 4 0 99 0 0\n"


def test_parse_stat_reads_utime_and_stime_after_a_name_with_spaces_and_parentheses():
    name, seconds = parse_stat(_stat(7, "odd (name) x", 3 * CLOCK_TICKS, CLOCK_TICKS))
    assert name == "odd (name) x"
    assert seconds == pytest.approx(4.0)


def _fake_proc(root: Path, pid: int, process_ticks: int, thread_ticks: dict[int, tuple[str, int]]) -> None:
    (root / str(pid) / "task").mkdir(parents=True, exist_ok=True)
    (root / str(pid) / "stat").write_text(_stat(pid, "python", process_ticks, 0))
    for tid, (name, ticks) in thread_ticks.items():
        (root / str(pid) / "task" / str(tid)).mkdir(exist_ok=True)
        (root / str(pid) / "task" / str(tid) / "stat").write_text(_stat(tid, name, ticks, 0))


def test_usage_splits_a_worker_into_its_named_threads_and_the_rest(tmp_path):
    t = CLOCK_TICKS
    _fake_proc(tmp_path, 10, 2 * t, {10: ("python", t), 11: (threads.TAGGER, t)})
    _fake_proc(tmp_path, 20, 1 * t, {20: ("osmem-server", t)})
    pids = {"worker-1": 10, "search engine (osmem)": 20, "gone": 99}
    before = snapshot(pids, proc=str(tmp_path), clock=lambda: 0.0)
    # the tagging thread spent 3 s, another thread 1 s; the engine 0.5 s
    _fake_proc(tmp_path, 10, 6 * t, {10: ("python", 2 * t), 11: (threads.TAGGER, 4 * t)})
    _fake_proc(tmp_path, 20, int(1.5 * t), {20: ("osmem-server", int(1.5 * t))})
    after = snapshot(pids, proc=str(tmp_path), clock=lambda: 10.0)
    rows = usage(before, after)
    assert rows == pytest.approx({"worker-1": 4.0, "worker-1: tagging thread": 3.0, "worker-1: rest": 1.0,
                                  "search engine (osmem)": 0.5})
    assert "gone" not in rows


def test_by_role_sums_the_workers():
    rows = {"worker-1": 4.0, "worker-1: tagging thread": 3.0, "worker-1: rest": 1.0,
            "worker-2": 2.0, "worker-2: tagging thread": 1.5, "worker-2: rest": 0.5, "broker (tansu)": 0.25}
    assert by_role(rows) == {"workers": 6.0, "workers: tagging thread": 4.5, "workers: rest": 1.5,
                             "broker (tansu)": 0.25}


def _comm_of(thread: threading.Thread) -> str:
    return Path(f"/proc/self/task/{thread.native_id}/comm").read_text().strip()


@linux_only
def test_a_thread_names_itself_for_the_os_and_only_itself():
    seen: dict[str, str] = {}

    def run() -> None:
        naming("ww-a-very-long-thread-name")()  # cut to the 15 bytes Linux keeps
        seen["self"] = _comm_of(threading.current_thread())

    main_before = _comm_of(threading.main_thread())
    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    assert seen["self"] == "ww-a-very-long-"
    assert _comm_of(threading.main_thread()) == main_before


@linux_only
def test_the_worker_threads_carry_the_names_the_account_groups_by():
    from streams.agents.batches import TAGGING_THREAD

    native = TAGGING_THREAD.submit(lambda: threading.current_thread().native_id).result(timeout=10)
    assert Path(f"/proc/self/task/{native}/comm").read_text().strip() == threads.TAGGER
