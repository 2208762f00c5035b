"""Connectors: articles in from files, an inbox folder, feeds and a webhook; out to Kafka.

Every connector turns its input into contract ``RawArticle`` messages on
``{prefix}articles.raw`` through one :class:`ArticlePublisher`. See
``connectors/README.md`` for each connector's settings and delivery guarantee.

Public names are imported lazily, so ``import connectors.urls`` stays light.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "ArticlePublisher": "connectors.publisher",
    "ConnectorService": "connectors.service",
    "ConnectorError": "connectors.errors",
    "DeliveryError": "connectors.errors",
    "Item": "connectors.items",
    "ItemError": "connectors.items",
    "read_paths": "connectors.files",
    "build_article": "connectors.records",
    "canonical_url": "connectors.urls",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'connectors' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
