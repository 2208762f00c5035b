"""The feeds YAML file: which feeds to poll and how; reloaded when it changes.

Example (see ``deploy/connectors/feeds.example.yaml``)::

    feeds:
      - name: ibtimes
        url: https://www.ibtimes.co.uk/rss
        poll_interval: 600        # seconds; default connectors.default_poll_interval_s
        full_pages: auto          # auto | always | never
        language: en              # hint; detected offline when absent
        metadata: {region: europe}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from connectors.errors import ParseError

FullPages = Literal["auto", "always", "never"]
_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


class FeedConfig(BaseModel):
    """One feed to poll."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="short id, used in source 'rss:<name>' and the state store")
    url: str
    poll_interval: float | None = Field(default=None, gt=0, description="seconds between polls")
    full_pages: FullPages = "auto"
    language: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        if not _NAME.match(value):
            raise ValueError("name must be lowercase letters, digits, '.', '_' or '-'")
        return value

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("url must start with http:// or https://")
        return value


class FeedsFile(BaseModel):
    """The whole YAML document."""

    model_config = ConfigDict(extra="forbid")

    feeds: list[FeedConfig] = Field(default_factory=list)


def parse_feeds(text: str, where: str = "feeds file") -> list[FeedConfig]:
    """The feeds listed in a YAML document.

    Raises:
        ParseError: for invalid YAML, unknown keys, bad values or duplicate names.
    """
    try:
        document = yaml.safe_load(text) or {}
        feeds = FeedsFile.model_validate(document).feeds
    except yaml.YAMLError as exc:
        raise ParseError(f"{where}: invalid YAML: {exc}") from None
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise ParseError(f"{where}: {problems}") from None
    names = [f.name for f in feeds]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ParseError(f"{where}: duplicate feed names {duplicates}; names must be unique")
    return feeds


class FeedsWatcher:
    """Re-reads the feeds file when its modification time or size changes.

    A file that becomes invalid keeps the last good list (and the error is
    reported once), so a typo never stops the polling of the other feeds.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: tuple[float, int] | None | str = "unread"
        self.feeds: list[FeedConfig] = []

    def poll(self) -> bool:
        """Reload if the file changed; True when the list of feeds was replaced.

        Raises:
            ParseError: when the changed file is invalid (the old list stays).
        """
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            stamp = None
        else:
            stamp = (stat.st_mtime, stat.st_size)
        if stamp == self._stamp:
            return False
        self._stamp = stamp
        if stamp is None:
            self.feeds = []
            return True
        self.feeds = parse_feeds(self.path.read_text(encoding="utf-8"), str(self.path))
        return True
