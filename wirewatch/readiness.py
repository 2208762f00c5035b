"""What ``wirewatch up`` says while the pipeline warms up, until the first article is searchable.

The worker takes a while to load spaCy and the gazetteer; a new user who runs
``make run`` should see that something is happening and learn the moment
search works. :class:`SearchableWatch` is ticked from the supervisor's loop (it
never blocks for more than a short request): every few seconds it counts the
articles alias and prints the elapsed time with the worker log's last line;
once the count is above zero it says so, once, and then reports the demo's
progress until every demo article is in.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from core.settings import Settings

_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f]")
CHECK_EVERY_S = 2.0
SAY_EVERY_S = 10.0


def last_line(path: Path, limit: int = 4096) -> str:
    """The last non-empty line of a log file ('' when there is none)."""
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            handle.seek(max(0, handle.tell() - limit))
            lines = [line for line in handle.read().decode("utf-8", "replace").splitlines() if line.strip()]
    except OSError:
        return ""
    if not lines:
        return ""
    line = _CONTROL.sub("", lines[-1]).strip()
    try:  # JSON logs (core.logging): the message is what a person wants to read
        record = json.loads(line)
        line = str(record.get("message", line)) if isinstance(record, dict) else line
    except ValueError:
        pass
    return line[:120]


class SearchableWatch:
    """Reports warm-up progress and the first searchable article.

    Args:
        settings: where the search engine is.
        console: where to print.
        expected: articles published at start (the demo), to report until all are in.
        worker_log: the first worker's log, whose last line says what it is doing.
        count: counts searchable articles (a function, so tests can give their own).
    """

    def __init__(self, settings: Settings, console: Console, *, expected: int = 0,
                 worker_log: Path | None = None, count: Callable[[], int] | None = None) -> None:
        self.console = console
        self.expected = expected
        self.worker_log = worker_log
        self.started = time.monotonic()
        self.first_at: float | None = None
        self.done = False
        self._next_check = 0.0
        self._next_say = self.started + SAY_EVERY_S
        self._count = count or _alias_counter(settings)
        self._last_count = 0

    def tick(self) -> None:
        """Check (at most every CHECK_EVERY_S) and print what changed."""
        now = time.monotonic()
        if self.done or now < self._next_check:
            return
        self._next_check = now + CHECK_EVERY_S
        try:
            count = self._count()
        except Exception:  # the engine not answering yet is part of warming up
            count = 0
        elapsed = now - self.started
        if count and self.first_at is None:
            self.first_at = elapsed
            self.console.print(f"[bold green]first article searchable[/] after {elapsed:.0f} s: "
                               "try the search page or wirewatch search")
        if self.first_at is not None and (not self.expected or count >= self.expected):
            if self.expected:
                self.console.print(f"all {self.expected} demo articles searchable after {elapsed:.0f} s")
            self.done = True
            return
        if now >= self._next_say or (self.first_at is not None and count != self._last_count):
            self._next_say = now + SAY_EVERY_S
            if self.first_at is None:
                doing = last_line(self.worker_log) if self.worker_log else ""
                self.console.print(f"[dim]waiting for the worker ({elapsed:.0f} s; it loads spaCy and the "
                                   f"gazetteer first){': ' + escape(doing) if doing else ''}[/]")
            else:
                self.console.print(f"[dim]{count} of {self.expected} demo articles searchable ({elapsed:.0f} s)[/]")
        self._last_count = count


def _alias_counter(settings: Settings) -> Callable[[], int]:
    from core.search_client import make_client

    client = make_client(settings, request_timeout=2.0)
    alias = f"{settings.index_prefix}articles"

    def count() -> int:
        return int(client.count(index=alias)["count"])

    return count
