"""Waiting helpers for integration tests (bounded polling, never sleeps blindly)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from core.settings import Settings
from core.waiting import poll_until
from wirewatch.embedded import EmbeddedServer, free_port, start_broker

T = TypeVar("T")


def wait_for(probe: Callable[[], T | None], *, timeout: float = 10.0, what: str = "condition",
             interval: float = 0.1) -> T:
    """Call ``probe`` until it returns something truthy; fail with ``what`` after ``timeout`` s."""
    try:
        return poll_until(probe, timeout=timeout, interval=interval)
    except TimeoutError as exc:
        raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what} ({exc})") from None


@contextmanager
def running(connector_class, settings: Settings) -> Iterator:
    """A started connector (with its own publisher); stopped, joined and checked afterwards."""
    from connectors.publisher import ArticlePublisher

    publisher = ArticlePublisher(settings)
    connector = connector_class(settings, publisher)
    connector.start()
    try:
        yield connector
    finally:
        connector.stop()
        connector.join(10)
        publisher.close(5)
    assert connector.failed is None


def private_brokers(log_dir: Path) -> Iterator[list[EmbeddedServer]]:
    """A broker of one test only, in a list so the test can replace it; all stopped afterwards."""
    servers = [start_broker("127.0.0.1", free_port(), log_dir=log_dir)]
    yield servers
    for server in servers:
        server.stop()
