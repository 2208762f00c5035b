"""``wirewatch publish`` end to end: files, a feed URL and an OPML file, to the real broker."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from core.settings import Settings, get_settings
from core.topics import Topics
from tests.support.http_server import LocalServer, Route
from tests.support.samples import atom_feed, rss_feed, sample_entries
from tests.support.topics import TopicReader
from wirewatch.cli import cli

pytestmark = pytest.mark.integration


@pytest.fixture
def run_publish(isolated_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("WIREWATCH_KAFKA_BOOTSTRAP", isolated_settings.bootstrap)
    monkeypatch.setenv("WIREWATCH_TOPIC_PREFIX", isolated_settings.topic_prefix)
    get_settings.cache_clear()
    yield lambda *args: CliRunner().invoke(cli, ["publish", *args])
    get_settings.cache_clear()


def _topic(settings: Settings) -> TopicReader:
    return TopicReader(settings.bootstrap, Topics(settings.topic_prefix).raw)


def test_files_and_folders_publish_with_per_item_errors_and_exit_1(
    run_publish, isolated_settings: Settings, tmp_path: Path
) -> None:
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.jsonl").write_text('{"title": "A", "body": "a"}\nnope\n{"title": "B", "body": "b"}\n')
    (tmp_path / "in" / "sub" / "c.txt").write_text("C\nc body")
    result = run_publish(str(tmp_path / "in"), str(tmp_path / "missing.json"))
    assert result.exit_code == 1, result.output
    assert "a.jsonl:2: invalid JSON" in result.output
    assert "missing.json: no such file or folder" in result.output
    assert "published 3, failed 2" in result.output
    records = _topic(isolated_settings).read(expect=3)
    assert len(records) == 3


def test_clean_input_exits_0(run_publish, isolated_settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "ok.json"
    path.write_text('[{"title": "A", "body": "a"}, {"title": "B", "body": "b"}]')
    result = run_publish(str(path))
    assert result.exit_code == 0, result.output
    assert "published 2, failed 0" in result.output


def test_a_feed_url_is_backfilled(run_publish, isolated_settings: Settings) -> None:
    with LocalServer({"/rss": Route(rss_feed(sample_entries(5)))}) as server:
        result = run_publish(server.url("/rss"), "--full-pages", "never")
    assert result.exit_code == 0, result.output
    assert "published 5, failed 0" in result.output
    records = _topic(isolated_settings).read(expect=5)
    assert {r.value.count(b'"source":"rss:127.0.0.1"') for r in records} == {1}


def test_an_opml_file_backfills_each_feed_and_reports_the_broken_one(
    run_publish, isolated_settings: Settings, tmp_path: Path
) -> None:
    routes = {
        "/rss": Route(rss_feed(sample_entries(2))),
        "/atom": Route(atom_feed(sample_entries(3, start=10)), content_type="application/atom+xml"),
        "/broken": Route(b"<html><body>not a feed</body></html>", content_type="text/html"),
    }
    with LocalServer(routes) as server:
        opml = tmp_path / "feeds.opml"
        outlines = "".join(f'<outline text="{p[1:]}" xmlUrl="{server.url(p)}"/>' for p in routes)
        opml.write_text(f'<opml version="2.0"><body><outline text="news">{outlines}</outline></body></opml>')
        result = run_publish(str(opml), "--full-pages", "never")
    assert result.exit_code == 1, result.output
    assert "not an RSS, Atom or RDF feed" in result.output
    assert "published 5, failed 1" in result.output
    assert len(_topic(isolated_settings).read(expect=5)) == 5
