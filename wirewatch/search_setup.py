"""Index templates and aliases (CONTRACT.md, "Elasticsearch"); safe to re-run.

The templates are the JSON files in ``deploy/elasticsearch/index-templates/``,
the very files the production stack uses. Each alias (``wirewatch-articles``,
``wirewatch-events``) points at a first concrete index (``...-000001``) as its
write index, so a reindex can later swap the alias without clients noticing.

Setup also repairs what it finds: a plain index squatting on an alias name
(auto-created by a write before the alias existed, e.g. after the search
engine lost its data) is copied into the first index and deleted, and the
alias is created; the workers write with ``require_alias`` and wait meanwhile.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from elasticsearch import ApiError, Elasticsearch
from elasticsearch import ConnectionError as ESConnectionError

from core.errors import SetupError
from core.settings import Settings
from core.waiting import poll_until

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE_PREFIX = "wirewatch-"
KINDS = ("articles", "events")


class SearchSetupError(SetupError, RuntimeError):
    """Templates or aliases could not be installed; the message says why."""


@dataclass(frozen=True)
class IndexNames:
    """Alias, first index and template name for one kind of document."""

    kind: str
    prefix: str

    @property
    def alias(self) -> str:
        return f"{self.prefix}{self.kind}"

    @property
    def first_index(self) -> str:
        return f"{self.alias}-000001"

    @property
    def template(self) -> str:
        return f"{self.alias}"


def template_dir(settings: Settings) -> Path:
    return settings.deploy_dir / "elasticsearch" / "index-templates"


def load_template(settings: Settings, kind: str) -> dict[str, Any]:
    """The index template body for ``kind``, with index patterns for the configured prefix."""
    path = template_dir(settings) / f"{kind}.json"
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SearchSetupError(
            f"index template {path} is missing: set WIREWATCH_DEPLOY_DIR to the repository's deploy/ folder"
        ) from exc
    names = IndexNames(kind, settings.index_prefix)
    body["index_patterns"] = [f"{names.alias}-*"]
    return body


def ensure_indices(settings: Settings, client: Elasticsearch, *, wait_s: float = 60.0,
                   notify: Callable[[str], None] = log.warning) -> list[str]:
    """Install both templates and create each alias with its first index; return what was created.

    ``notify`` gets one line per repair (a plain index moved aside for its alias).
    """
    _wait_until_up(client, settings.search_url, wait_s)
    created: list[str] = []
    for kind in KINDS:
        names = IndexNames(kind, settings.index_prefix)
        body = load_template(settings, kind)
        try:
            client.indices.put_index_template(name=names.template, **body)
            if not client.indices.exists_alias(name=names.alias) and client.indices.exists(index=names.alias):
                _move_squatter(client, names, notify)
                created.append(names.alias)
                continue
            if not client.indices.exists_alias(name=names.alias):
                client.indices.create(index=names.first_index,
                                      aliases={names.alias: {"is_write_index": True}})
                created.append(names.alias)
        except ApiError as exc:
            if _already_exists(exc):
                continue  # another `setup` raced us
            raise SearchSetupError(f"setting up {names.alias} failed: {exc.message} ({exc.meta.status})") from exc
    return created


def _move_squatter(client: Elasticsearch, names: IndexNames, notify: Callable[[str], None]) -> None:
    """Replace a plain index named like the alias by the alias over the first index, keeping its documents."""
    if not client.indices.exists(index=names.first_index):
        client.indices.create(index=names.first_index)
    client.indices.refresh(index=names.alias)
    count = client.count(index=names.alias)["count"]
    message = (f"{names.alias} is a plain index ({count} documents), not an alias: probably written to "
               f"before `setup` created the alias. Copying its documents into {names.first_index}, "
               f"deleting it and creating the alias")
    notify(message)
    result = client.reindex(source={"index": names.alias}, dest={"index": names.first_index},
                            refresh=True, wait_for_completion=True)
    if result.get("failures"):
        raise SearchSetupError(
            f"copying {names.alias} into {names.first_index} failed ({result['failures'][:3]}); the plain "
            f"index is left as it was: inspect it, then delete it and re-run `wirewatch setup`"
        )
    client.indices.delete(index=names.alias)
    client.indices.update_aliases(actions=[
        {"add": {"index": names.first_index, "alias": names.alias, "is_write_index": True}}])


def _already_exists(exc: ApiError) -> bool:
    return "resource_already_exists" in str(exc.body) or "already exists" in str(exc.message)


def _wait_until_up(client: Elasticsearch, url: str, wait_s: float) -> None:
    try:
        poll_until(client.info, timeout=wait_s, interval=1.0, retry_on=(ESConnectionError, ApiError))
    except (ESConnectionError, ApiError) as exc:
        raise SearchSetupError(
            f"the search engine at {url} did not answer within {wait_s:.0f} s ({exc}); "
            "check WIREWATCH_ES_URL and credentials"
        ) from exc
