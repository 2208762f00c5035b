"""wirewatch.kibana: waiting for Kibana, importing the saved objects, readable failures."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import pytest
from deploy_support import REPO, free_port
from pydantic import SecretStr

from core.settings import SearchSettings, Settings
from wirewatch import kibana as kibana_module
from wirewatch.kibana import (
    KibanaSetupError,
    import_errors,
    install_kibana_objects,
    multipart_file,
    parse_saved_objects,
)


@dataclass
class FakeKibana:
    """What the fake answers, and what it was sent."""

    unavailable_polls: int = 0
    status_code: int = 200
    import_answer: dict = field(default_factory=dict)
    import_code: int = 200
    requests: list[tuple[str, str, Message, bytes]] = field(default_factory=list)


@pytest.fixture()
def kibana(monkeypatch) -> Iterator[tuple[FakeKibana, str]]:
    monkeypatch.setattr(kibana_module, "POLL_INTERVAL_S", 0.05)
    fake = FakeKibana()

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self, code: int, body: dict) -> None:
            payload = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):  # noqa: N802
            fake.requests.append(("GET", self.path, self.headers, b""))
            if fake.unavailable_polls > 0:
                fake.unavailable_polls -= 1
                self._answer(503, {"status": {"overall": {"level": "unavailable"}}})
            else:
                self._answer(fake.status_code, {"status": {"overall": {"level": "available"}}})

        def do_POST(self):  # noqa: N802
            body = self.rfile.read(int(self.headers["Content-Length"]))
            fake.requests.append(("POST", self.path, self.headers, body))
            self._answer(fake.import_code, fake.import_answer)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield fake, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def settings_for(url: str | None, deploy_dir: Path = REPO / "deploy") -> Settings:
    return Settings(kibana_url=url, deploy_dir=deploy_dir,
                    search=SearchSettings(username="elastic", password=SecretStr("s3cret")))


def test_waits_for_kibana_then_imports_every_object_overwriting(kibana):
    fake, url = kibana
    fake.unavailable_polls = 1
    objects = parse_saved_objects((REPO / "deploy/kibana/saved-objects.ndjson").read_text())
    fake.import_answer = {"success": True, "successCount": len(objects)}

    assert install_kibana_objects(settings_for(url), wait_s=10) == len(objects)

    posts = [r for r in fake.requests if r[0] == "POST"]
    assert len(posts) == 1
    _, path, headers, body = posts[0]
    assert path == "/api/saved_objects/_import?overwrite=true"
    assert headers["kbn-xsrf"]
    assert headers["Authorization"] == "Basic ZWxhc3RpYzpzM2NyZXQ="  # elastic:s3cret
    assert headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert body.count(b'"type":"dashboard"') == 1
    assert len([r for r in fake.requests if r[0] == "GET"]) == 2


def test_rejected_objects_are_listed_by_id(kibana):
    fake, url = kibana
    fake.import_answer = {"success": False, "successCount": 1, "errors": [
        {"type": "lens", "id": "wirewatch-top-people",
         "error": {"type": "missing_references",
                   "references": [{"type": "index-pattern", "id": "wirewatch-articles"}]}}]}
    with pytest.raises(KibanaSetupError,
                       match="lens:wirewatch-top-people missing_references "
                             r"\(missing index-pattern:wirewatch-articles\)"):
        install_kibana_objects(settings_for(url), wait_s=5)


def test_bad_credentials_fail_at_once_naming_the_settings(kibana):
    fake, url = kibana
    fake.status_code = 401
    with pytest.raises(KibanaSetupError, match="WIREWATCH_SEARCH__USERNAME"):
        install_kibana_objects(settings_for(url), wait_s=30)
    assert len(fake.requests) == 1


def test_an_http_error_on_import_is_readable(kibana):
    fake, url = kibana
    fake.import_code, fake.import_answer = 413, {"message": "Payload content length greater than maximum allowed"}
    with pytest.raises(KibanaSetupError, match="HTTP 413.*maximum allowed"):
        install_kibana_objects(settings_for(url), wait_s=5)


def test_an_absent_kibana_times_out_with_the_url_and_setting():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(KibanaSetupError, match=r"not available within 0 s.*WIREWATCH_KIBANA_URL"):
        install_kibana_objects(settings_for(url), wait_s=0.2)


def test_missing_url_or_objects_file_say_what_to_set(tmp_path):
    with pytest.raises(KibanaSetupError, match="WIREWATCH_KIBANA_URL"):
        install_kibana_objects(settings_for(None))
    with pytest.raises(KibanaSetupError, match="WIREWATCH_DEPLOY_DIR"):
        install_kibana_objects(settings_for("http://127.0.0.1:1", deploy_dir=tmp_path))


def test_a_broken_objects_file_is_caught_before_any_request(tmp_path):
    (tmp_path / "kibana").mkdir()
    (tmp_path / "kibana/saved-objects.ndjson").write_text('{"type": "search", "id": "x"}\n')
    with pytest.raises(KibanaSetupError, match="line 1 lacks attributes"):
        install_kibana_objects(settings_for("http://127.0.0.1:1", deploy_dir=tmp_path))


def test_multipart_body_wraps_the_file_once():
    body, content_type = multipart_file("file", "x.ndjson", b'{"a":1}\n')
    boundary = content_type.split("boundary=")[1]
    assert body.startswith(f"--{boundary}\r\n".encode())
    assert body.endswith(f"\r\n--{boundary}--\r\n".encode())
    assert b'name="file"; filename="x.ndjson"' in body and b'{"a":1}\n' in body


def test_api_key_wins_over_basic_auth():
    from wirewatch.kibana import auth_headers

    settings = Settings(search=SearchSettings(username="u", password=SecretStr("p"),
                                              api_key=SecretStr("abc==")))
    assert auth_headers(settings) == {"Authorization": "ApiKey abc=="}
    assert import_errors({"errors": []}) == []
