"""Test helpers: a programmable local HTTP server, and reading a topic back.

Like httpx's ``MockTransport``, this lets feed and page fetching be tested
offline, but over a real socket so timeouts, size caps and conditional GETs
are exercised for real.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from kafka import KafkaConsumer, TopicPartition


@dataclass
class Route:
    """What the server answers on one path.

    Attributes:
        body: bytes to send, or a callable returning an iterator of chunks (streamed,
            without Content-Length).
        status: HTTP status.
        content_type: the Content-Type header.
        etag: when set, sent as ``ETag`` and honoured in ``If-None-Match`` (304).
        delay: seconds to sleep before answering (to provoke timeouts).
    """

    body: bytes | Callable[[], Iterator[bytes]] = b""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None
    delay: float = 0.0


@dataclass
class Hit:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    at: float
    status: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: LocalServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:  # noqa: N802
        hit = Hit(self.path, dict(self.headers.items()), time.monotonic())
        self.server.hits.append(hit)
        route = self.server.routes.get(self.path)
        if route is None:
            hit.status = 404
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route.delay:
            time.sleep(route.delay)
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            hit.status = 304
            self.send_response(304)
            self.send_header("ETag", route.etag)
            self.end_headers()
            return
        hit.status = route.status
        self.send_response(route.status)
        self.send_header("Content-Type", route.content_type)
        if route.etag:
            self.send_header("ETag", route.etag)
        try:
            if callable(route.body):
                self.close_connection = True
                self.end_headers()
                for chunk in route.body():
                    self.wfile.write(chunk)
            else:
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): that is the point


class LocalServer(ThreadingHTTPServer):
    """A loopback HTTP server on a free port; use as a context manager."""

    daemon_threads = True

    def __init__(self, routes: dict[str, Route] | None = None) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, Route] = dict(routes or {})
        self.hits: list[Hit] = []
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def hits_for(self, path: str) -> list[Hit]:
        return [h for h in self.hits if h.path == path]

    def __enter__(self) -> LocalServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


@dataclass
class TopicReader:
    """Reads a topic from the beginning, without a consumer group (fast on any broker)."""

    bootstrap: str
    topic: str
    records: list[Any] = field(default_factory=list)

    def read(self, *, expect: int | None = None, timeout: float = 10.0, idle: float = 1.0) -> list[Any]:
        """All records so far: waits until ``expect`` records arrived, or ``idle`` s of silence."""
        consumer = KafkaConsumer(bootstrap_servers=self.bootstrap, enable_auto_commit=False)
        try:
            deadline = time.monotonic() + timeout
            # a topic nobody wrote to may never appear: wait for it only when expecting records
            appear_by = time.monotonic() + (timeout if expect else idle)
            partitions = None
            while not partitions and time.monotonic() < appear_by:
                partitions = consumer.partitions_for_topic(self.topic)
                if not partitions:
                    time.sleep(0.1)
            if not partitions:
                return []
            tps = [TopicPartition(self.topic, p) for p in sorted(partitions)]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            records: list[Any] = []
            last = time.monotonic()
            while time.monotonic() < deadline:
                batch = consumer.poll(timeout_ms=200)
                got = [r for rs in batch.values() for r in rs]
                records += got
                now = time.monotonic()
                if got:
                    last = now
                if expect is not None and len(records) >= expect and now - last >= min(idle, 0.3):
                    break
                if expect is None and now - last >= idle:
                    break
            self.records = records
            return records
        finally:
            consumer.close()


@dataclass(frozen=True)
class SampleEntry:
    """One entry for the sample feed builders below."""

    guid: str
    title: str
    link: str
    summary: str
    published: str = "Tue, 30 Dec 2025 10:00:00 +0000"


def sample_entries(n: int, *, base: str = "https://news.example/story", start: int = 0) -> list[SampleEntry]:
    """``n`` distinct English entries with GUIDs and links."""
    return [
        SampleEntry(
            guid=f"urn:story:{i}",
            title=f"Story {i}: talks resume in Geneva",
            link=f"{base}/{i}?utm_source=rss",
            summary=(f"Story {i}. Negotiators from both sides met again in Geneva on Tuesday "
                     "to discuss a ceasefire and the exchange of prisoners of war."),
        )
        for i in range(start, start + n)
    ]


def _x(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def rss_feed(entries: list[SampleEntry], *, language: str | None = "en-us") -> bytes:
    """An RSS 2.0 document."""
    items = "".join(
        f"<item><title>{_x(e.title)}</title><link>{_x(e.link)}</link>"
        f"<guid isPermaLink=\"false\">{_x(e.guid)}</guid><description>{_x(e.summary)}</description>"
        f"<pubDate>{e.published}</pubDate></item>"
        for e in entries
    )
    lang = f"<language>{language}</language>" if language else ""
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Sample</title>'
            f"<link>https://news.example/</link>{lang}{items}</channel></rss>").encode()


def atom_feed(entries: list[SampleEntry]) -> bytes:
    """An Atom 1.0 document."""
    items = "".join(
        f"<entry><id>{_x(e.guid)}</id><title>{_x(e.title)}</title><link href=\"{_x(e.link)}\"/>"
        f"<updated>2025-12-30T10:00:00Z</updated><summary>{_x(e.summary)}</summary>"
        f"<author><name>Jane Doe</name></author></entry>"
        for e in entries
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Sample</title><id>urn:sample</id><updated>2025-12-30T10:00:00Z</updated>"
            f"{items}</feed>").encode()


def rdf_feed(entries: list[SampleEntry]) -> bytes:
    """An RDF (RSS 1.0) document; RDF items have no GUID, so links are the keys."""
    items = "".join(
        f'<item rdf:about="{_x(e.link)}"><title>{_x(e.title)}</title><link>{_x(e.link)}</link>'
        f"<description>{_x(e.summary)}</description><dc:date>2025-12-30T10:00:00Z</dc:date></item>"
        for e in entries
    )
    return ('<?xml version="1.0" encoding="utf-8"?>'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
            'xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            '<channel rdf:about="https://news.example/"><title>Sample</title>'
            f"<link>https://news.example/</link><description>d</description></channel>{items}"
            "</rdf:RDF>").encode()


def article_page(title: str, paragraphs: list[str]) -> bytes:
    """An HTML article page with navigation noise around the main text."""
    body = "".join(f"<p>{_x(p)}</p>" for p in paragraphs)
    return (f'<html lang="en"><head><title>{_x(title)} | Example News</title>'
            f'<meta property="og:title" content="{_x(title)}"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{_x(title)}</h1>{body}</article>"
            "<footer>Copyright Example News. All rights reserved.</footer></body></html>").encode()
