"""deploy/elasticsearch/init/set-kibana-password.sh against a fake Elasticsearch."""

from __future__ import annotations

import base64
import http.server
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Iterator

import pytest
from deploy_support import REPO, free_port

SCRIPT = REPO / "deploy/elasticsearch/init/set-kibana-password.sh"
pytestmark = pytest.mark.skipif(not (shutil.which("bash") and shutil.which("curl")),
                                reason="needs bash and curl, as in the Elasticsearch image")


class FakeElasticsearch(http.server.ThreadingHTTPServer):
    elastic_password = "elastic-pw"
    passwords: dict[str, str]


@pytest.fixture()
def es() -> Iterator[FakeElasticsearch]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def _authorised(self) -> bool:
            expected = base64.b64encode(f"elastic:{self.server.elastic_password}".encode()).decode()
            return self.headers.get("Authorization") == f"Basic {expected}"

        def _answer(self, code: int, body: dict) -> None:
            payload = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):  # noqa: N802
            self._answer(200 if self._authorised() else 401, {})

        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if not self._authorised():
                return self._answer(401, {})
            user = self.path.split("/")[3]  # /_security/user/<name>/_password
            self.server.passwords[user] = body["password"]
            self._answer(200, {})

        def log_message(self, *args):
            pass

    server = FakeElasticsearch(("127.0.0.1", 0), Handler)
    server.passwords = {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def run_script(url: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {"PATH": os.environ["PATH"], "ES_URL": url, "WAIT_S": "2", **env}
    return subprocess.run(["bash", str(SCRIPT)], env=environment, capture_output=True,
                          text=True, timeout=30)


def test_sets_the_kibana_system_password(es):
    url = f"http://127.0.0.1:{es.server_address[1]}"
    result = run_script(url, ELASTIC_PASSWORD="elastic-pw", KIBANA_SYSTEM_PASSWORD="kibana-pw")
    assert result.returncode == 0, result.stderr
    assert es.passwords == {"kibana_system": "kibana-pw"}


def test_a_wrong_elastic_password_is_explained(es):
    url = f"http://127.0.0.1:{es.server_address[1]}"
    result = run_script(url, ELASTIC_PASSWORD="stale", KIBANA_SYSTEM_PASSWORD="kibana-pw")
    assert result.returncode == 1
    assert "ELASTIC_PASSWORD in .env must be the one the data volume was created with" in result.stderr
    assert es.passwords == {}


def test_missing_variables_and_unsafe_passwords_are_refused(es):
    url = f"http://127.0.0.1:{es.server_address[1]}"
    result = run_script(url, ELASTIC_PASSWORD="elastic-pw")
    assert result.returncode != 0 and "KIBANA_SYSTEM_PASSWORD" in result.stderr
    result = run_script(url, ELASTIC_PASSWORD="elastic-pw", KIBANA_SYSTEM_PASSWORD='a"b')
    assert result.returncode == 1 and "must not contain" in result.stderr


def test_an_absent_elasticsearch_times_out():
    url = f"http://127.0.0.1:{free_port()}"
    result = run_script(url, ELASTIC_PASSWORD="x", KIBANA_SYSTEM_PASSWORD="y")
    assert result.returncode == 1
    assert f"no answer from {url} within 2s" in result.stderr


def test_hands_the_snapshot_folder_to_the_elasticsearch_user(es, tmp_path):
    url = f"http://127.0.0.1:{es.server_address[1]}"
    folder = tmp_path / "snapshots"
    folder.mkdir(mode=0o700)
    result = run_script(url, ELASTIC_PASSWORD="elastic-pw", KIBANA_SYSTEM_PASSWORD="kibana-pw",
                        SNAPSHOT_DIR=str(folder))
    if os.geteuid() != 0:
        assert result.returncode == 1 and "must run as root" in result.stderr
        return
    assert result.returncode == 0, result.stderr
    stat = folder.stat()
    assert (stat.st_uid, stat.st_gid, stat.st_mode & 0o777) == (1000, 0, 0o775)


def test_a_missing_snapshot_folder_is_named(es, tmp_path):
    url = f"http://127.0.0.1:{es.server_address[1]}"
    result = run_script(url, ELASTIC_PASSWORD="elastic-pw", KIBANA_SYSTEM_PASSWORD="kibana-pw",
                        SNAPSHOT_DIR=str(tmp_path / "absent"))
    assert result.returncode == 1 and "is not a folder" in result.stderr
    assert es.passwords == {}


def test_compose_mounts_the_same_volume_for_elasticsearch_and_es_init(compose):
    services = compose["services"]
    es_init = services["es-init"]
    target = es_init["environment"]["SNAPSHOT_DIR"]
    assert f"es-snapshots:{target}" in es_init["volumes"]
    assert str(es_init["user"]).startswith("0")
    config = (REPO / "deploy/elasticsearch/elasticsearch.yml").read_text()
    repo_path = next(line.split(":", 1)[1].strip().strip("[]\"") for line in config.splitlines()
                     if line.startswith("path.repo"))
    assert f"es-snapshots:{repo_path}" in services["elasticsearch"]["volumes"]
