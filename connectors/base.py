"""The one lifecycle every connector shares: ``setup()`` → ``run()`` → ``cleanup(failed)``.

A connector implements :meth:`Connector.run` (loop until :attr:`Connector.stopping`
is set, sleeping with :meth:`Connector.wait`) and, when it holds resources,
:meth:`Connector.setup` / :meth:`Connector.cleanup`. :meth:`Connector.start`
runs setup in the caller's thread (bad configuration fails fast) and the rest
in a daemon thread; the base logs a crash with its traceback and always calls
cleanup.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod

from connectors.publisher import ArticlePublisher
from core.settings import Settings

log = logging.getLogger(__name__)


class Connector(ABC):
    """Base class of the long-running connectors (inbox, feeds, webhook)."""

    name = "connector"

    def __init__(self, settings: Settings, publisher: ArticlePublisher) -> None:
        self.settings = settings
        self.publisher = publisher
        self.stopping = threading.Event()
        self.failed: BaseException | None = None
        self._thread: threading.Thread | None = None

    def setup(self) -> None:  # noqa: B027 - optional hook
        """Acquire resources before :meth:`run` (open files, bind sockets)."""

    @abstractmethod
    def run(self) -> None:
        """Do the work until :attr:`stopping` is set."""

    def cleanup(self, failed: bool) -> None:  # noqa: B027 - optional hook
        """Release resources; ``failed`` tells whether :meth:`setup` or :meth:`run` raised."""

    def wait(self, seconds: float) -> bool:
        """Sleep up to ``seconds``; True when asked to stop meanwhile."""
        return self.stopping.wait(seconds)

    def _main(self) -> None:
        failed = False
        try:
            self.run()
        except BaseException as exc:
            failed = True
            self.failed = exc
            log.exception("%s connector failed: %s", self.name, exc)
        finally:
            try:
                self.cleanup(failed)
            except Exception:
                log.exception("%s connector cleanup failed", self.name)

    def start(self) -> None:
        """Run :meth:`setup` here (so bad configuration fails fast), the rest in a thread.

        Raises:
            Exception: whatever :meth:`setup` raised, after ``cleanup(failed=True)``.
        """
        try:
            self.setup()
        except BaseException as exc:
            self.failed = exc
            self.cleanup(True)
            raise
        self._thread = threading.Thread(target=self._main, name=f"wirewatch-{self.name}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Ask :meth:`run` to return."""
        self.stopping.set()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the thread to finish."""
        if self._thread is not None:
            self._thread.join(timeout)

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
