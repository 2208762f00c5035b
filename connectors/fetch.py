"""HTTP GET for feeds and pages: timeouts, a size cap, conditional requests, politeness.

Bodies are streamed in chunks and abandoned as soon as they pass the size cap,
so a huge response never sits in memory. At most ``per_host_concurrency``
requests run against one host at a time; every request says who we are in
its User-Agent.
"""

from __future__ import annotations

import http.client
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from email.message import Message
from urllib.parse import urlsplit

from connectors.errors import FetchError, HttpStatusError, TooLargeError
from core.settings import ConnectorSettings

CHUNK_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Response:
    """A fetched resource.

    Attributes:
        url: the final URL, after redirects.
        status: 200, or 304 when the conditional request found nothing new.
        body: the bytes (empty for 304).
        etag: the ``ETag`` header, for the next conditional request.
        last_modified: the ``Last-Modified`` header, likewise.
        content_type: the ``Content-Type`` header.
    """

    url: str
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _NoRaise(urllib.request.HTTPErrorProcessor):
    """Let 304 through as a response instead of an exception."""

    def http_response(self, request: urllib.request.Request,
                      response: http.client.HTTPResponse) -> http.client.HTTPResponse:
        if response.status == 304:
            return response
        return super().http_response(request, response)

    https_response = http_response


@dataclass
class Fetcher:
    """A polite HTTP client shared by every feed and page fetch of one process."""

    settings: ConnectorSettings
    _hosts: dict[str, threading.BoundedSemaphore] = field(default_factory=dict, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)
    _opener: urllib.request.OpenerDirector = field(init=False)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRaise)
        self._hosts = defaultdict(self._semaphore)

    def _semaphore(self) -> threading.BoundedSemaphore:
        return threading.BoundedSemaphore(self.settings.per_host_concurrency)

    def _host_slot(self, url: str) -> threading.BoundedSemaphore:
        with self._lock:
            return self._hosts[urlsplit(url).netloc.lower()]

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET ``url``, conditionally when ``etag``/``last_modified`` are given.

        Raises:
            HttpStatusError: for 4xx/5xx answers.
            TooLargeError: when the body passes ``max_response_bytes``.
            FetchError: for timeouts, refused connections and other network errors.
        """
        headers = {"User-Agent": self.settings.user_agent, "Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)
        with self._host_slot(url):
            try:
                return self._get(request, url)
            except urllib.error.HTTPError as exc:
                exc.close()
                raise HttpStatusError(url, exc.code) from None
            except TimeoutError:
                raise FetchError(url, f"timed out after {self.settings.fetch_timeout_s}s") from None
            except urllib.error.URLError as exc:
                raise FetchError(url, f"cannot connect: {exc.reason}") from None
            except (OSError, ValueError) as exc:
                raise FetchError(url, str(exc)) from None

    def _get(self, request: urllib.request.Request, url: str) -> Response:
        timeout = self.settings.fetch_timeout_s
        limit = self.settings.max_response_bytes
        deadline = time.monotonic() + timeout
        with self._opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            meta = {
                "url": response.geturl(),
                "status": response.status,
                "etag": headers.get("ETag"),
                "last_modified": headers.get("Last-Modified"),
                "content_type": headers.get("Content-Type"),
            }
            if response.status == 304:
                return Response(**meta)
            declared = headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise TooLargeError(url, limit)
            chunks, size = [], 0
            while chunk := response.read(CHUNK_BYTES):
                size += len(chunk)
                if size > limit:
                    raise TooLargeError(url, limit)
                if time.monotonic() > deadline:
                    raise FetchError(url, f"body not received within {timeout}s")
                chunks.append(chunk)
            return Response(body=b"".join(chunks), **meta)
