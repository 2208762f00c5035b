"""core.lifecycle: the stop deadline and the parent watch, in real child processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from core.lifecycle import PARENT_PID_ENV, watch_parent

REPO = Path(__file__).resolve().parents[2]


def _run(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env={**os.environ, **(env or {})},
                          capture_output=True, text=True, timeout=60)


def test_an_armed_deadline_ends_a_process_that_does_not_stop_with_its_code() -> None:
    done = _run("import logging, time; logging.basicConfig(level=logging.INFO)\n"
                "from core.lifecycle import StopDeadline\n"
                "StopDeadline(0.2, code=75, consequence='nothing lost').arm('SIGTERM')\n"
                "time.sleep(50)")
    assert done.returncode == 75
    assert "did not end within" in done.stderr and "nothing lost" in done.stderr


def test_the_parent_watch_reports_a_parent_that_is_not_there() -> None:
    """A child whose recorded parent is not its parent (it died before the child looked) hears of it at once."""
    done = _run("import os, time\n"
                "from core.lifecycle import watch_parent\n"
                "watch_parent(lambda pid: os._exit(3 if pid == 4242 and 'WIREWATCH_PARENT_PID' not in os.environ "
                "else 4))\n"
                "time.sleep(50)", env={PARENT_PID_ENV: "4242"})
    assert done.returncode == 3, done.stderr


def test_no_parent_recorded_means_nothing_watched() -> None:
    assert watch_parent(lambda pid: None, environ={}) is None
    assert watch_parent(lambda pid: None, environ={PARENT_PID_ENV: "1"}) is None  # init: not a parent to follow


def test_the_recorded_parent_is_not_passed_on() -> None:
    """The variable is taken out, so processes this one starts do not watch a pid that is not their parent."""
    environ = {PARENT_PID_ENV: str(os.getppid()), "OTHER": "x"}
    watch_parent(lambda pid: None, environ=environ, interval_s=60)
    assert environ == {"OTHER": "x"}
