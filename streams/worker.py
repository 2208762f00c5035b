"""Entry point of the stream worker: the faust app with every agent registered.

Each rebalance logs one line with the partitions this worker now owns, so
operators (and the scaling test) can see how workers share the topics.
"""

from __future__ import annotations

import logging
from typing import Any

from streams.agents import indexing, tagging  # noqa: F401 - registers the agents
from streams.app import app

log = logging.getLogger(__name__)

__all__ = ["app"]


# faust types receivers as plain callables; an async receiver is what it awaits
@app.on_partitions_assigned.connect  # type: ignore[arg-type]
async def log_assignment(sender: Any, assigned: Any, *, signal: Any = None, **_kwargs: Any) -> None:
    """One structured line per rebalance: ``{"partitions": ["topic:0", ...]}``.

    faust sends the assigned partitions positionally: ``send(assigned)``.
    """
    partitions = sorted(f"{tp.topic}:{tp.partition}" for tp in assigned)
    log.info("partitions assigned", extra={"partitions": partitions, "count": len(partitions)})
