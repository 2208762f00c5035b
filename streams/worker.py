"""Entry point of the stream worker: the faust app with every agent registered."""

from __future__ import annotations

from streams.agents import indexing, tagging  # noqa: F401 - registers the agents
from streams.app import app

__all__ = ["app"]
