"""Entry point of the stream worker: the faust app with every agent registered.

Each rebalance logs one line with the partitions this worker now owns, so
operators (and the scaling test) can see how workers share the topics.
"""

from __future__ import annotations

import logging
from typing import Any

from faust.worker import Worker

from core.lifecycle import StopDeadline
from streams.agents import indexing, tagging  # noqa: F401 - registers the agents
from streams.app import app

log = logging.getLogger(__name__)

__all__ = ["BoundedWorker", "app"]


class BoundedWorker(Worker):
    """faust's worker whose stop ends by ``deadline`` (:class:`core.lifecycle.StopDeadline`).

    faust stops only once every message taken is acknowledged; a batch whose
    broker or search engine is gone never is, so the deadline is armed when the
    stop begins: on SIGTERM, on Ctrl-C, and on any other way to shutdown.
    """

    def __init__(self, *args: Any, deadline: StopDeadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline

    def _on_sigterm(self) -> None:
        self.deadline.arm("SIGTERM")
        super()._on_sigterm()

    def _on_sigint(self) -> None:
        self.deadline.arm("SIGINT")
        super()._on_sigint()

    def on_worker_shutdown(self) -> None:
        self.deadline.arm("shutdown")
        super().on_worker_shutdown()


# faust types receivers as plain callables; an async receiver is what it awaits
@app.on_partitions_assigned.connect  # type: ignore[arg-type]
async def log_assignment(sender: Any, assigned: Any, *, signal: Any = None, **_kwargs: Any) -> None:
    """One structured line per rebalance: ``{"partitions": ["topic:0", ...]}``.

    faust sends the assigned partitions positionally: ``send(assigned)``.
    """
    partitions = sorted(f"{tp.topic}:{tp.partition}" for tp in assigned)
    log.info("partitions assigned", extra={"partitions": partitions, "count": len(partitions)})
