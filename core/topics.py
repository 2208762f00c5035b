"""Topic names, from the one configured prefix (CONTRACT.md, "Other topics")."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Topics:
    """The four topics of the pipeline, e.g. ``wirewatch.articles.raw``."""

    prefix: str

    @property
    def raw(self) -> str:
        return f"{self.prefix}articles.raw"

    @property
    def tagged(self) -> str:
        return f"{self.prefix}articles.tagged"

    @property
    def events(self) -> str:
        return f"{self.prefix}events"

    @property
    def deadletter(self) -> str:
        return f"{self.prefix}deadletter"

    def all(self) -> tuple[str, ...]:
        return (self.raw, self.tagged, self.events, self.deadletter)
