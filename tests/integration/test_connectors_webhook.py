"""The webhook against the real embedded broker."""

import http.client
import json

import pytest
from pydantic import SecretStr

from connectors.webhook import WebhookConnector
from core.settings import Settings
from core.topics import Topics
from schemas.articles import RawArticle
from schemas.values import article_id
from tests.integration.helpers import running
from tests.support.topics import TopicReader

pytestmark = pytest.mark.integration
TOKEN = "s3cret-token"


@pytest.fixture
def webhook(isolated_settings: Settings):
    connectors = isolated_settings.connectors.model_copy(update={
        "webhook_port": 0, "webhook_token": SecretStr(TOKEN)})
    # the smallest size policy: articles up to 16 KiB, requests up to 2 x 16 + 64 = 96 KiB
    settings = isolated_settings.model_copy(update={"connectors": connectors, "max_article_bytes": 16 * 1024})
    with running(WebhookConnector, settings) as connector:
        yield connector


def request(webhook: WebhookConnector, method: str, path: str, body: bytes | None = None,
            token: str | None = TOKEN, headers: dict | None = None) -> tuple[int, dict]:
    conn = http.client.HTTPConnection("127.0.0.1", webhook.port, timeout=15)
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    if token:
        all_headers["Authorization"] = f"Bearer {token}"
    conn.request(method, path, body=body, headers=all_headers)
    response = conn.getresponse()
    payload = json.loads(response.read() or b"{}")
    conn.close()
    return response.status, payload


def test_health(webhook: WebhookConnector) -> None:
    assert request(webhook, "GET", "/health", token=None) == (200, {"status": "ok"})


def test_one_article_or_a_list_is_accepted_with_ids(webhook: WebhookConnector, isolated_settings: Settings) -> None:
    status, answer = request(webhook, "POST", "/articles",
                             json.dumps({"title": "One", "body": "b", "url": "https://ex.com/1?utm_source=x"}).encode())
    assert (status, answer) == (202, {"ids": [article_id("https://ex.com/1")]})
    batch = [{"title": f"T{i}", "body": "b"} for i in range(3)]
    status, answer = request(webhook, "POST", "/articles", json.dumps(batch).encode())
    assert status == 202 and answer["ids"] == [article_id(None, f"T{i}", "b") for i in range(3)]
    records = TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read(expect=4)
    articles = [RawArticle.model_validate_json(r.value) for r in records]
    assert {a.source for a in articles} == {"http:webhook"} and len(articles) == 4


def test_invalid_articles_get_422_with_field_errors_and_nothing_is_published(
    webhook: WebhookConnector, isolated_settings: Settings
) -> None:
    batch = [{"title": "ok", "body": "b"}, {"title": "no body"}, {"body": "b", "published_at": "someday"}]
    status, answer = request(webhook, "POST", "/articles", json.dumps(batch).encode())
    assert status == 422
    assert {(e["index"], e["field"]) for e in answer["errors"]} == {(1, "body"), (2, "published_at")}
    status, answer = request(webhook, "POST", "/articles", b"{not json")
    assert status == 400 and "not UTF-8 JSON" in answer["error"]
    assert TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read() == []


def test_oversized_bodies_get_413(webhook: WebhookConnector) -> None:
    body = json.dumps({"title": "big", "body": "x" * (97 * 1024)}).encode()
    status, answer = request(webhook, "POST", "/articles", body)
    assert status == 413 and "larger than 98304 bytes" in answer["error"]
    assert "WIREWATCH_MAX_ARTICLE_BYTES" in answer["error"]


def test_an_article_over_the_size_policy_gets_422_and_nothing_is_published(
    webhook: WebhookConnector, isolated_settings: Settings
) -> None:
    batch = [{"title": "small", "body": "b"}, {"title": "big", "body": "x" * (17 * 1024)}]
    status, answer = request(webhook, "POST", "/articles", json.dumps(batch).encode())
    assert status == 422
    assert [(e["index"], e["field"]) for e in answer["errors"]] == [(1, "article")]
    assert "WIREWATCH_MAX_ARTICLE_BYTES" in answer["errors"][0]["message"]
    assert TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read() == []


@pytest.mark.parametrize("token", [None, "wrong"])
def test_requests_without_the_right_token_get_401(webhook: WebhookConnector, token: str | None) -> None:
    status, answer = request(webhook, "POST", "/articles", b'{"title": "t", "body": "b"}', token=token)
    assert status == 401 and "bearer token" in answer["error"]


def test_unknown_routes_get_404_and_wrong_methods_405(webhook: WebhookConnector) -> None:
    assert request(webhook, "POST", "/nope", b"{}")[0] == 404
    assert request(webhook, "GET", "/articles")[0] == 405


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x"])
def test_bodies_that_are_not_json_or_json_lines_get_415(webhook: WebhookConnector, content_type: str) -> None:
    status, answer = request(webhook, "POST", "/articles", b'{"title": "t", "body": "b"}',
                             headers={"Content-Type": content_type})
    assert status == 415 and "application/x-ndjson" in answer["error"]


def test_json_lines_are_accepted_one_article_per_line(webhook: WebhookConnector, isolated_settings: Settings) -> None:
    lines = b'{"title": "L1", "body": "b"}\n\n{"title": "L2", "body": "b"}\n'
    status, answer = request(webhook, "POST", "/articles", lines,
                             headers={"Content-Type": "application/x-ndjson; charset=utf-8"})
    assert (status, answer) == (202, {"ids": [article_id(None, "L1", "b"), article_id(None, "L2", "b")]})
    assert len(TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read(expect=2)) == 2
    status, answer = request(webhook, "POST", "/articles", b'{"title": "ok", "body": "b"}\n{oops\n',
                             headers={"Content-Type": "application/x-ndjson"})
    assert status == 400 and "line 2" in answer["error"]
