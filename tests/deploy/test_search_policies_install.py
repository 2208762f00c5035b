"""wirewatch.search_policies against a fake Elasticsearch: what setup sends, and its messages."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from deploy_support import REPO
from elasticsearch import Elasticsearch
from pydantic import SecretStr

from core.settings import SecuritySettings, Settings
from wirewatch.search_policies import SearchPolicyError, install_policies


@dataclass
class FakeElasticsearch:
    requests: list[tuple[str, str, dict]] = field(default_factory=list)
    refuse: dict[str, tuple[int, dict]] = field(default_factory=dict)  # path prefix -> answer


@pytest.fixture()
def es() -> Iterator[tuple[FakeElasticsearch, Elasticsearch]]:
    fake = FakeElasticsearch()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_PUT(self):  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            fake.requests.append(("PUT", self.path.split("?")[0], body))
            code, answer = next((v for k, v in fake.refuse.items() if self.path.startswith(k)),
                                (200, {"acknowledged": True}))
            payload = json.dumps(answer).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("X-Elastic-Product", "Elasticsearch")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_PUT  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    client = Elasticsearch(f"http://127.0.0.1:{server.server_address[1]}", request_timeout=5)
    yield fake, client
    client.close()
    server.shutdown()
    server.server_close()


def settings(prefix: str = "wirewatch-", reader: str | None = None) -> Settings:
    return Settings(es_url="http://es:9200", index_prefix=prefix, deploy_dir=REPO / "deploy",
                    security=SecuritySettings(writer_password=SecretStr("w-secret"),
                                              reader_password=SecretStr(reader) if reader else None))


def sent(fake: FakeElasticsearch, path: str) -> dict:
    return next(body for _, p, body in fake.requests if p == path)


def test_installs_policies_templates_roles_and_users(es):
    fake, client = es
    report = install_policies(settings(prefix="news-", reader="r-secret"), client, "elasticsearch")
    assert report.lifecycle == ["news-articles", "news-events"]
    policy = sent(fake, "/_ilm/policy/news-articles")["policy"]
    assert policy["phases"]["hot"]["actions"]["rollover"]["max_age"] == "30d"
    template = sent(fake, "/_index_template/news-events")
    assert template["index_patterns"] == ["news-events-*"]
    lifecycle = {"index.lifecycle.name": "news-events", "index.lifecycle.rollover_alias": "news-events"}
    assert lifecycle.items() <= template["template"]["settings"].items()
    assert template["template"]["mappings"]["properties"]["actor_refs"]  # the rest is the file's
    assert sent(fake, "/news-events-*/_settings") == lifecycle
    writer = sent(fake, "/_security/role/wirewatch_writer")
    assert writer["indices"] == [{"names": ["news-*"], "privileges": ["index", "read", "view_index_metadata"]}]
    assert sent(fake, "/_security/user/wirewatch_writer") == {"password": "w-secret",
                                                              "roles": ["wirewatch_writer"]}
    assert sent(fake, "/_security/user/wirewatch_reader")["password"] == "r-secret"
    assert report.users == ["wirewatch_writer", "wirewatch_reader"] and report.skipped == []


def test_a_user_without_a_password_is_skipped_naming_the_variable(es):
    fake, client = es
    report = install_policies(settings(), client, "elasticsearch")
    assert report.users == ["wirewatch_writer"]
    assert report.skipped == ["user wirewatch_reader: set WIREWATCH_SECURITY__READER_PASSWORD to create it"]
    assert not [p for _, p, _ in fake.requests if p == "/_security/user/wirewatch_reader"]


def test_the_embedded_engine_is_skipped_with_a_reason(es):
    fake, client = es
    report = install_policies(settings(), client, "opensearch")
    assert fake.requests == []
    assert "no ILM" in report.skipped[0] and report.lifecycle == []


def test_a_user_that_is_not_a_superuser_is_told_what_to_set(es):
    fake, client = es
    fake.refuse["/_ilm/"] = (403, {"error": {"type": "security_exception",
                                             "reason": "action [cluster:admin/ilm/put] is unauthorized"}})
    with pytest.raises(SearchPolicyError, match="must log in as a superuser.*WIREWATCH_SEARCH__USERNAME=elastic"):
        install_policies(settings(), client, "elasticsearch")


def test_security_turned_off_skips_users_but_keeps_retention(es):
    fake, client = es
    fake.refuse["/_security/"] = (500, {"error": {
        "type": "exception", "reason": "Security must be explicitly enabled when using a [basic] license. "
                                       "Enable security by setting [xpack.security.enabled] to [true]"}})
    report = install_policies(settings(), client, "elasticsearch")
    assert report.lifecycle == ["wirewatch-articles", "wirewatch-events"]
    assert "security is off" in report.skipped[0]
