"""The inbox folder connector against the real embedded broker."""

from pathlib import Path

import pytest

from connectors.inbox import InboxConnector
from core.settings import Settings
from core.topics import Topics
from schemas.articles import RawArticle
from tests.integration.helpers import running, wait_for
from tests.support.topics import TopicReader

pytestmark = pytest.mark.integration




@pytest.fixture
def inbox(isolated_settings: Settings):
    connectors = isolated_settings.connectors.model_copy(update={"inbox_poll_s": 0.1})
    settings = isolated_settings.model_copy(update={"connectors": connectors})
    with running(InboxConnector, settings) as connector:
        yield connector


def test_dropped_files_are_published_then_moved_to_done(inbox: InboxConnector, isolated_settings: Settings) -> None:
    folder: Path = isolated_settings.inbox_dir
    (folder / "a.jsonl").write_text('{"title": "A", "body": "a"}\n{"title": "B", "body": "b"}\n')
    (folder / "c.txt").write_text("C\nc body")
    wait_for(lambda: sorted(p.name for p in (folder / "done").iterdir()) == ["a.jsonl", "c.txt"],
               what="both files in done/")
    records = TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read(expect=3)
    articles = [RawArticle.model_validate_json(r.value) for r in records]
    assert sorted(a.title for a in articles) == ["A", "B", "C"]
    assert {a.source for a in articles} == {"file:inbox"}
    assert not list((folder / "failed").iterdir())


def test_bad_files_go_to_failed_with_the_reason(inbox: InboxConnector, isolated_settings: Settings) -> None:
    folder: Path = isolated_settings.inbox_dir
    (folder / "mixed.jsonl").write_text('{"title": "Good", "body": "g"}\n{broken\n')
    (folder / "slides.pdf").write_bytes(b"%PDF-1.4")
    (folder / ".partial.jsonl").write_text('{"title": "Hidden", "body": "h"}\n')  # being written
    failed = folder / "failed"
    wait_for(lambda: len(list(failed.glob("*.error.txt"))) == 2, what="two error reports")
    report = (failed / "mixed.jsonl.error.txt").read_text()
    assert "1 article(s) published, 1 item(s) failed" in report and "mixed.jsonl:2: invalid JSON" in report
    assert "unsupported file type '.pdf'" in (failed / "slides.pdf.error.txt").read_text()
    assert (failed / "mixed.jsonl").exists() and (folder / ".partial.jsonl").exists()
    records = TopicReader(isolated_settings.bootstrap, Topics(isolated_settings.topic_prefix).raw).read(expect=1)
    assert [RawArticle.model_validate_json(r.value).title for r in records] == ["Good"]


def test_same_name_twice_does_not_overwrite_done_files(inbox: InboxConnector, isolated_settings: Settings) -> None:
    folder: Path = isolated_settings.inbox_dir
    (folder / "x.txt").write_text("First\nbody")
    wait_for(lambda: (folder / "done" / "x.txt").exists(), what="first file done")
    (folder / "x.txt").write_text("Second\nbody")
    wait_for(lambda: (folder / "done" / "x-1.txt").exists(), what="second file done")
    assert (folder / "done" / "x.txt").read_text().startswith("First")
