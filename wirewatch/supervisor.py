"""What ``wirewatch up`` watches: the embedded servers and the child processes.

The supervisor's loop calls :meth:`Supervised.check` on each every half
second. A process that died is reported in one line (what died, how, what
happens next) and started again after a backoff delay (full-jitter windows of
1, 2, 4... s up to 30 s; the count starts afresh once it has run for a
minute). When an embedded server comes back, ``setup`` runs again: the
embedded broker and search engine keep everything in memory, so what they
held (topics and their messages and offsets, or the indices) is lost, and the
line says so.
"""

from __future__ import annotations

import signal
import subprocess
import time
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console

from core.backoff import Backoff
from core.errors import WirewatchError
from wirewatch.embedded import EmbeddedServer

console = Console(stderr=True)
# windows of 1, 2, 4... s, up to 30 s, between restarts of a process that keeps dying
RESTART_BACKOFF = Backoff(initial_s=1.0, max_s=30.0)
HEALTHY_AFTER_S = 60.0


def describe_exit(code: int) -> str:
    """``exited with code 3`` or ``was killed by SIGKILL``."""
    if code < 0:
        try:
            return f"was killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"was killed by signal {-code}"
    return f"exited with code {code}"


class Supervised(ABC):
    """A process that is restarted with backoff when it dies."""

    name: str
    restarts: int = 0
    next_start: float = 0.0
    started_at: float = 0.0
    died_at: float = 0.0

    @abstractmethod
    def exit_code(self) -> int | None:
        """None while running (or not started), else the exit code (negative: killed by a signal)."""

    @abstractmethod
    def start(self) -> None:
        """Start the process (again)."""

    @abstractmethod
    def stop(self) -> None:
        """Stop the process for good; idempotent."""

    def death_note(self) -> str:
        """What the death means, appended to the report line."""
        return ""

    def check(self) -> None:
        """Restart the process if it died, after a backoff delay; report each death once."""
        code = self.exit_code()
        if code is None:
            return
        now = time.monotonic()
        if self.next_start == 0.0:
            if now - self.started_at > HEALTHY_AFTER_S:
                self.restarts = 0  # it ran fine for a while: start the backoff afresh
            delay = RESTART_BACKOFF.delay(self.restarts)
            self.died_at = now
            console.print(f"[bold red]{self.name} {describe_exit(code)}[/]; restarting it in {delay:.1f} s"
                          f"{self.death_note()}", soft_wrap=True)
            self.next_start = now + delay
        elif now >= self.next_start:
            self.restarts += 1
            self.next_start = 0.0
            self.start()


@dataclass
class Child(Supervised):
    """A supervised child process: ``wirewatch <command>``."""

    name: str
    args: list[str]
    log_dir: Path
    env: dict[str, str]
    metrics_url: str | None = None
    process: subprocess.Popen | None = None

    @property
    def log_path(self) -> Path:
        """Its JSON log (``WIREWATCH_LOG_FILE``)."""
        return self.log_dir / f"{self.name}.log"

    @property
    def out_path(self) -> Path:
        """Its stdout and stderr: whatever did not go through logging."""
        return self.log_dir / f"{self.name}.out"

    def start(self) -> None:
        from wirewatch.processes import spawn

        env = {**self.env, "WIREWATCH_LOG_FILE": str(self.log_path)}
        self.process = spawn(self.args, log_path=self.out_path, env=env)
        self.started_at = time.monotonic()

    def exit_code(self) -> int | None:
        return None if self.process is None else self.process.poll()

    def death_note(self) -> str:
        return f" (log: {self.log_path}, output: {self.out_path})"

    def stop(self) -> None:
        from wirewatch.processes import terminate

        if self.process is not None:
            terminate(self.process)


@dataclass
class EmbeddedService(Supervised):
    """An embedded server (broker or search engine) that ``setup`` must follow when it restarts.

    Attributes:
        launch: starts the server and waits until it serves (raises on failure).
        lost: what a restart loses, for the report line.
        setup: re-creates what the pipeline needs (topics, or templates and aliases).
    """

    name: str
    launch: Callable[[], EmbeddedServer]
    lost: str
    setup: Callable[[], None]
    server: EmbeddedServer | None = None
    needs_setup: bool = field(default=False)
    setup_failures: int = 0
    setup_due: float = 0.0

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def start(self) -> None:
        """Start the server; a failed first start raises, a failed restart is retried later."""
        if self.server is not None:
            self.server.stop()  # the dead one: close its log
        try:
            self.server = self.launch()
        except WirewatchError as exc:
            if self.died_at == 0.0:
                raise
            console.print(f"[bold red]{self.name} did not start again: {exc}[/]", soft_wrap=True)
            self.started_at = time.monotonic()
            return  # exit_code() still reports the dead process: check() tries again later
        self.started_at = time.monotonic()
        self.needs_setup = self.died_at > 0.0

    def exit_code(self) -> int | None:
        return None if self.server is None else self.server.process.poll()

    def death_note(self) -> str:
        return f". It kept its data in memory: {self.lost} are lost; setup re-runs once it is back."

    def check(self) -> None:
        super().check()
        if self.needs_setup and self.exit_code() is None and time.monotonic() >= self.setup_due:
            self._rerun_setup()

    def _rerun_setup(self) -> None:
        try:
            self.setup()
        except WirewatchError as exc:  # e.g. the other server is down too: try again with backoff
            delay = RESTART_BACKOFF.delay(self.setup_failures)
            self.setup_failures += 1
            self.setup_due = time.monotonic() + delay
            console.print(f"[yellow]setup after the {self.name} restart failed; retrying in {delay:.1f} s: "
                          f"{exc}[/]", soft_wrap=True)
            return
        self.needs_setup, self.setup_failures = False, 0
        console.print(f"[green]{self.name} is back on {self.url} "
                      f"{time.monotonic() - self.died_at:.1f} s after it died; setup re-run[/]", soft_wrap=True)

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
