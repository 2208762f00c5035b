"""The inbox folder: files dropped into ``inbox_dir`` are published, then moved.

Delivery guarantee: at-least-once per file. A file moves to ``done/`` only
after the broker acknowledged every article in it; a file with bad items
moves to ``failed/`` (its good items are published) next to a
``<file>.error.txt`` giving each reason. If the broker is unreachable the file
stays in the inbox and is retried. After a crash mid-file the whole file is
published again, with the same ids.

Write files atomically (to a hidden ``.name`` or ``name.part``, then rename):
files whose name starts with ``.`` or ends in ``.part``/``.tmp`` are ignored,
and a file is picked up only once it has not changed for ``SETTLE_S``.
"""

from __future__ import annotations

import logging
import shutil
import time
from pathlib import Path

from connectors.base import Connector
from connectors.delivery import await_delivery
from connectors.errors import DeliveryError
from connectors.files import read_file
from connectors.items import ItemError
from core.backoff import Backoff
from core.metrics import record_connector

log = logging.getLogger(__name__)

SETTLE_S = 0.3
INBOX_SOURCE = "file:inbox"
IGNORED_SUFFIXES = (".part", ".tmp", ".error.txt")


def _target(folder: Path, name: str) -> Path:
    """``folder/name``, or ``folder/<stem>-<n><suffix>`` when that is taken."""
    target, n = folder / name, 1
    while target.exists():
        stem, dot, suffix = name.partition(".")
        target = folder / f"{stem}-{n}{dot}{suffix}"
        n += 1
    return target


class InboxConnector(Connector):
    """Publishes files dropped into ``settings.inbox_dir``."""

    name = "inbox"

    def setup(self) -> None:
        self.inbox = self.settings.inbox_dir
        self.done = self.inbox / "done"
        self.failed_dir = self.inbox / "failed"
        for folder in (self.inbox, self.done, self.failed_dir):
            folder.mkdir(parents=True, exist_ok=True)
        self.processed = 0

    def ready_files(self) -> list[Path]:
        """Files in the inbox that are complete and not being written."""
        now = time.time()
        ready = []
        for path in sorted(self.inbox.iterdir()):
            if not path.is_file() or path.name.startswith(".") or path.name.endswith(IGNORED_SUFFIXES):
                continue
            try:
                if now - path.stat().st_mtime >= SETTLE_S:
                    ready.append(path)
            except FileNotFoundError:
                continue
        return ready

    def process(self, path: Path) -> bool:
        """Publish one file and move it; False when it must be retried later."""
        errors, sends, started = [], [], time.monotonic()
        for result in read_file(path, source=INBOX_SOURCE):
            if isinstance(result, ItemError):
                errors.append(result)
            else:
                sends.append((result.article.id, self.publisher.publish(result.article)))
        record_connector(INBOX_SOURCE, "fetched", len(errors) + len(sends))
        record_connector(INBOX_SOURCE, "errors", len(errors))
        try:
            await_delivery(sends, self.settings.connectors.delivery_timeout_s)
        except DeliveryError as exc:
            log.error("inbox: %s stays in the inbox for a retry: %s", path.name, exc)
            return False
        if errors:
            target = _target(self.failed_dir, path.name)
            shutil.move(str(path), target)
            report = [f"{len(sends)} article(s) published, {len(errors)} item(s) failed:"]
            report += [f"{e.origin.replace(str(path), path.name)}: {e.reason}" for e in errors]
            target.with_name(target.name + ".error.txt").write_text("\n".join(report) + "\n")
            log.warning("inbox: %s -> failed/ in %.0f ms (%d published, %d failed)",
                        path.name, (time.monotonic() - started) * 1000, len(sends), len(errors))
        else:
            shutil.move(str(path), _target(self.done, path.name))
            log.info("inbox: %s -> done/ in %.0f ms (%d published)",
                     path.name, (time.monotonic() - started) * 1000, len(sends))
        self.processed += 1
        return True

    def run(self) -> None:
        interval = self.settings.connectors.inbox_poll_s
        failures = 0
        while not self.stopping.is_set():
            for path in self.ready_files():
                if self.stopping.is_set():
                    break
                if not self.process(path):
                    failures += 1
                    break
            else:
                failures = 0
            # back off while the broker is unreachable: windows of 2, 4, 8... polls, up to a minute
            self.wait(Backoff(2 * interval, 60.0).delay(failures - 1) if failures else interval)
