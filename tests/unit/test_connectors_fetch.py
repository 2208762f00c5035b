import threading
import time
from collections.abc import Iterator

import pytest

from connectors.errors import FetchError, HttpStatusError, TooLargeError
from connectors.fetch import Fetcher
from core.settings import ConnectorSettings
from tests.support.http_server import LocalServer, Route

MB = 1024 * 1024


def _fetcher(**overrides) -> Fetcher:
    return Fetcher(ConnectorSettings(**{"fetch_timeout_s": 2.0, **overrides}))


def test_get_sends_our_user_agent_and_returns_validators() -> None:
    with LocalServer({"/feed": Route(b"<rss/>", etag='"v1"')}) as server:
        response = _fetcher(user_agent="wirewatch-test/1").get(server.url("/feed"))
        assert (response.status, response.body, response.etag) == (200, b"<rss/>", '"v1"')
        assert server.hits[0].headers["User-Agent"] == "wirewatch-test/1"


def test_conditional_get_gives_304_without_a_body() -> None:
    with LocalServer({"/feed": Route(b"<rss/>", etag='"v1"')}) as server:
        response = _fetcher().get(server.url("/feed"), etag='"v1"')
        assert response.not_modified and response.body == b""
        assert server.hits[0].headers["If-None-Match"] == '"v1"'


def test_server_errors_raise_http_status_error() -> None:
    with LocalServer({"/feed": Route(b"oops", status=500)}) as server:
        with pytest.raises(HttpStatusError) as caught:
            _fetcher().get(server.url("/feed"))
        assert caught.value.status == 500


def test_slow_servers_time_out() -> None:
    with LocalServer({"/slow": Route(b"x", delay=1.5)}) as server:
        started = time.monotonic()
        with pytest.raises(FetchError, match="timed out"):
            _fetcher(fetch_timeout_s=0.3).get(server.url("/slow"))
        assert time.monotonic() - started < 1.4


def test_a_50mb_streamed_body_is_cut_off_at_the_size_cap() -> None:
    sent = []

    def fifty_megabytes() -> Iterator[bytes]:
        chunk = b"x" * MB
        for _ in range(50):
            sent.append(len(chunk))
            yield chunk

    with LocalServer({"/huge": Route(fifty_megabytes)}) as server:
        started = time.monotonic()
        with pytest.raises(TooLargeError, match="larger than 1048576 bytes"):
            _fetcher(max_response_bytes=MB).get(server.url("/huge"))
        assert time.monotonic() - started < 5
    assert sum(sent) < 50 * MB  # the client stopped reading: the server could not send it all


def test_declared_oversized_bodies_are_refused_before_reading() -> None:
    with LocalServer({"/big": Route(b"y" * (2 * MB))}) as server:
        with pytest.raises(TooLargeError):
            _fetcher(max_response_bytes=MB).get(server.url("/big"))


def test_refused_connections_are_fetch_errors() -> None:
    with LocalServer() as server:
        url = server.url("/gone")
    with pytest.raises(FetchError, match="cannot connect"):
        _fetcher().get(url)


def test_per_host_concurrency_is_limited() -> None:
    with LocalServer({"/slow": Route(b"x", delay=0.3)}) as server:
        fetcher = _fetcher(per_host_concurrency=1)
        threads = [threading.Thread(target=fetcher.get, args=(server.url("/slow"),)) for _ in range(3)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        starts = sorted(h.at for h in server.hits)
        assert all(b - a >= 0.25 for a, b in zip(starts, starts[1:], strict=False))
