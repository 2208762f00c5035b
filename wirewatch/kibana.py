"""Kibana data views, saved searches, visualizations and the dashboard; safe to re-run.

The objects are the NDJSON file ``deploy/kibana/saved-objects.ndjson`` (the
format of Kibana's saved objects export), loaded through the saved objects
import API with ``overwrite=true``, so every run leaves Kibana with exactly
those objects, under the same ids. Kibana accepts the search engine's
credentials (``WIREWATCH_SEARCH__USERNAME``/``PASSWORD`` or ``API_KEY``).
"""

from __future__ import annotations

import base64
import json
import ssl
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from core.errors import SetupError
from core.jsonlines import read_json_lines
from core.settings import Settings

DEFAULT_WAIT_S = 180.0  # Kibana migrates its own indices on first start: minutes, not seconds
DEFAULT_REQUEST_TIMEOUT_S = 30.0
POLL_INTERVAL_S = 2.0
SAVED_OBJECTS_FILE = Path("kibana") / "saved-objects.ndjson"


class KibanaSetupError(SetupError, RuntimeError):
    """Kibana objects could not be installed; the message says why and what to do."""


def saved_objects_path(settings: Settings) -> Path:
    """Where the saved objects file is: ``{deploy_dir}/kibana/saved-objects.ndjson``."""
    return settings.deploy_dir / SAVED_OBJECTS_FILE


def parse_saved_objects(text: str, *, source: str = "saved objects") -> list[dict[str, Any]]:
    """Parse NDJSON saved objects, checking each has ``type``, ``id`` and ``attributes``.

    Raises:
        KibanaSetupError: a line is not JSON or lacks one of those keys.
    """
    objects: list[dict[str, Any]] = []
    for line in read_json_lines(text.splitlines()):
        number, obj = line.number, line.value
        if line.error is not None:
            raise KibanaSetupError(f"{source} line {number} is not JSON: {line.error}") from line.error
        missing = [key for key in ("type", "id", "attributes") if key not in obj]
        if missing:
            raise KibanaSetupError(f"{source} line {number} lacks {', '.join(missing)}")
        objects.append(obj)
    return objects


def auth_headers(settings: Settings) -> dict[str, str]:
    """The Authorization header for the configured credentials (API key wins), if any."""
    search = settings.search
    if search.api_key is not None:
        return {"Authorization": f"ApiKey {search.api_key.get_secret_value()}"}
    if search.username and search.password is not None:
        pair = f"{search.username}:{search.password.get_secret_value()}".encode()
        return {"Authorization": f"Basic {base64.b64encode(pair).decode()}"}
    return {}


def multipart_file(name: str, filename: str, content: bytes) -> tuple[bytes, str]:
    """Encode one file as ``multipart/form-data``; returns the body and its content type."""
    boundary = f"wirewatch-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/ndjson\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head + content + tail, f"multipart/form-data; boundary={boundary}"


def import_errors(response: dict[str, Any]) -> list[str]:
    """Readable lines for the per-object errors in a saved objects import response."""
    lines = []
    for error in response.get("errors", []):
        detail = error.get("error", {})
        reason = detail.get("type", "error")
        if detail.get("references"):
            missing = ", ".join(f"{r.get('type')}:{r.get('id')}" for r in detail["references"])
            reason += f" (missing {missing})"
        elif detail.get("message"):
            reason += f" ({detail['message']})"
        lines.append(f"{error.get('type')}:{error.get('id')} {reason}")
    return lines


class KibanaClient:
    """The two Kibana API calls setup needs, with readable errors."""

    def __init__(self, url: str, *, headers: dict[str, str], ca_certs: Path | None = None,
                 timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self.headers = {"kbn-xsrf": "wirewatch", **headers}
        self.timeout_s = timeout_s
        self.context = ssl.create_default_context(cafile=str(ca_certs)) if ca_certs else None

    def _request(self, method: str, path: str, body: bytes | None = None,
                 content_type: str | None = None) -> tuple[int, bytes]:
        headers = dict(self.headers)
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(self.url + path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(  # noqa: S310 - the configured Kibana URL
                request, timeout=self.timeout_s, context=self.context
            ) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    def wait_until_available(self, wait_s: float) -> None:
        """Poll ``/api/status`` until Kibana answers 200, for at most ``wait_s`` seconds.

        Raises:
            KibanaSetupError: bad credentials (at once), or not available in time.
        """
        deadline = time.monotonic() + wait_s
        last = "no answer"
        while True:
            try:
                status, _ = self._request("GET", "/api/status")
                if status == 200:
                    return
                if status in (401, 403):
                    raise KibanaSetupError(
                        f"Kibana at {self.url} refused the credentials (HTTP {status}): check "
                        "WIREWATCH_SEARCH__USERNAME/WIREWATCH_SEARCH__PASSWORD or __API_KEY"
                    )
                last = f"HTTP {status}"
            except (urllib.error.URLError, OSError) as exc:
                last = str(getattr(exc, "reason", exc))
            if time.monotonic() >= deadline:
                raise KibanaSetupError(
                    f"Kibana at {self.url} was not available within {wait_s:.0f} s (last: {last}); "
                    "check WIREWATCH_KIBANA_URL and that Kibana has started"
                )
            time.sleep(min(POLL_INTERVAL_S, max(deadline - time.monotonic(), 0.0)))

    def import_objects(self, ndjson: bytes, *, filename: str = "wirewatch.ndjson") -> int:
        """Import (overwriting) the saved objects; return how many Kibana took.

        Raises:
            KibanaSetupError: the request failed or any object was rejected.
        """
        body, content_type = multipart_file("file", filename, ndjson)
        status, raw = self._request(
            "POST", "/api/saved_objects/_import?overwrite=true", body, content_type
        )
        try:
            answer = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            answer = {"message": raw[:200].decode("utf-8", "replace")}
        if status != 200:
            raise KibanaSetupError(
                f"Kibana rejected the saved objects import (HTTP {status}): "
                f"{answer.get('message', answer)}"
            )
        errors = import_errors(answer)
        if errors or not answer.get("success", False):
            raise KibanaSetupError("some Kibana objects were not imported: " + "; ".join(errors))
        return int(answer.get("successCount", 0))


def install_kibana_objects(settings: Settings, *, wait_s: float = DEFAULT_WAIT_S) -> int:
    """Wait for Kibana at ``settings.kibana_url``, then import the wirewatch objects.

    Args:
        settings: needs ``kibana_url`` and ``deploy_dir``; uses the search credentials.
        wait_s: how long to wait for Kibana to become available.

    Returns:
        The number of objects imported.

    Raises:
        KibanaSetupError: no Kibana URL, a bad objects file, Kibana not available in
            time, or an import error; the message says which.
    """
    if not settings.kibana_url:
        raise KibanaSetupError("no Kibana URL: set WIREWATCH_KIBANA_URL (e.g. http://kibana:5601)")
    path = saved_objects_path(settings)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise KibanaSetupError(
            f"{path} is missing: set WIREWATCH_DEPLOY_DIR to the repository's deploy/ folder"
        ) from exc
    parse_saved_objects(text, source=str(path))  # fail here, not halfway through an import
    client = KibanaClient(settings.kibana_url, headers=auth_headers(settings),
                          ca_certs=settings.search.ca_certs)
    client.wait_until_available(wait_s)
    return client.import_objects(text.encode("utf-8"))
