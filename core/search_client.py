"""The Elasticsearch client, and its adapter for OpenSearch-dialect servers.

The elasticsearch 9 client sends ``application/vnd.elasticsearch+json;
compatible-with=9`` media types. Real Elasticsearch needs them; the embedded
engine (osmem, OpenSearch-compatible) answers 406 to them. So when, and only
when, the server is OpenSearch-flavoured, requests go through
:class:`PlainMediaTypeNode`, which rewrites them to plain ``application/json``
and ``application/x-ndjson`` at the transport level. Nothing above the
transport changes.
"""

from __future__ import annotations

import base64
import json
import logging
import re
import urllib.request
from typing import Any

from elastic_transport import HttpHeaders, Urllib3HttpNode
from elasticsearch import Elasticsearch

from core.settings import Settings
from core.waiting import poll_until

log = logging.getLogger(__name__)

_VENDOR_MEDIA_TYPE = re.compile(r"application/vnd\.elasticsearch\+([a-z-]+)\s*;\s*compatible-with=\d+")


def plain_media_type(value: str) -> str:
    """``application/vnd.elasticsearch+json; compatible-with=9`` -> ``application/json``."""
    return _VENDOR_MEDIA_TYPE.sub(r"application/\1", value)


class PlainMediaTypeNode(Urllib3HttpNode):
    """An HTTP node that speaks plain JSON media types (for OpenSearch-compatible servers)."""

    # The base's keyword arguments pass through unchanged; their types are not exported.
    def perform_request(self, method: str, target: str, body: bytes | None = None,  # type: ignore[override]
                        headers: HttpHeaders | None = None, **kwargs: Any) -> Any:
        if headers:
            headers = HttpHeaders(headers)
            for name in ("content-type", "accept"):
                if name in headers:
                    headers[name] = plain_media_type(headers[name])
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def detect_flavor(settings: Settings, timeout: float = 5.0, *, wait_s: float = 0.0) -> str:
    """Ask the server at ``settings.search_url`` whether it is Elasticsearch or OpenSearch.

    Returns ``"opensearch"`` when the root endpoint says ``distribution:
    opensearch``, else ``"elasticsearch"``. The server is asked for up to
    ``wait_s`` seconds; one that never answers counts as Elasticsearch, and the
    client's own errors then say what is wrong.
    """
    if settings.search.flavor != "auto":
        return settings.search.flavor
    try:
        info = poll_until(lambda: _root_info(settings, timeout), timeout=wait_s, interval=1.0,
                          retry_on=(OSError, ValueError))
    except (OSError, ValueError):
        log.warning("search engine at %s does not answer; assuming Elasticsearch", settings.search_url)
        return "elasticsearch"
    return "opensearch" if info.get("version", {}).get("distribution") == "opensearch" else "elasticsearch"


def _root_info(settings: Settings, timeout: float) -> dict[str, Any]:
    request = urllib.request.Request(settings.search_url, headers=_auth_headers(settings))
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - configured URL
        return json.loads(response.read() or b"{}") or {"version": {}}


def _auth_headers(settings: Settings) -> dict[str, str]:
    search = settings.search
    if search.api_key is not None:
        return {"Authorization": f"ApiKey {search.api_key.get_secret_value()}"}
    if search.username and search.password is not None:
        token = base64.b64encode(f"{search.username}:{search.password.get_secret_value()}".encode())
        return {"Authorization": f"Basic {token.decode()}"}
    return {}


def make_client(settings: Settings, *, request_timeout: float = 30.0, wait_s: float = 0.0) -> Elasticsearch:
    """An Elasticsearch client for the configured (or embedded) search engine.

    Args:
        settings: where the engine is and how to authenticate.
        request_timeout: seconds per request.
        wait_s: how long to wait for the engine to answer before choosing the
            transport (services that start before the engine need this).
    """
    search = settings.search
    options: dict[str, Any] = {"request_timeout": request_timeout}
    if detect_flavor(settings, wait_s=wait_s) == "opensearch":
        options["node_class"] = PlainMediaTypeNode
    if search.api_key is not None:
        options["api_key"] = search.api_key.get_secret_value()
    elif search.username and search.password is not None:
        options["basic_auth"] = (search.username, search.password.get_secret_value())
    if search.ca_certs is not None:
        options["ca_certs"] = str(search.ca_certs)
    return Elasticsearch(settings.search_url, **options)
