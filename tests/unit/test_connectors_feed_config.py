import os
from pathlib import Path

import pytest

from connectors.errors import ParseError
from connectors.feed_config import FeedsWatcher, parse_feeds

GOOD = """
feeds:
  - name: ibtimes
    url: https://www.ibtimes.co.uk/rss
    poll_interval: 600
    full_pages: always
    language: en
    metadata: {region: europe}
  - name: other
    url: http://example.com/atom.xml
"""


def test_feeds_are_parsed_with_defaults() -> None:
    first, second = parse_feeds(GOOD)
    assert (first.name, first.poll_interval, first.full_pages, first.metadata) == (
        "ibtimes", 600, "always", {"region": "europe"})
    assert (second.poll_interval, second.full_pages, second.language) == (None, "auto", None)


@pytest.mark.parametrize(("text", "message"), [
    ("feeds: [{name: x, url: ftp://x}]", "url must start with http"),
    ("feeds: [{name: Bad Name, url: http://x}]", "name must be lowercase"),
    ("feeds: [{name: x, url: http://x, colour: red}]", "colour"),
    ("feeds: [{name: x, url: http://x}, {name: x, url: http://y}]", "duplicate feed names"),
    ("feeds: [", "invalid YAML"),
])
def test_invalid_files_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=message):
        parse_feeds(text, "feeds.yaml")


def test_watcher_reloads_on_change_and_keeps_the_last_good_list(tmp_path: Path) -> None:
    path = tmp_path / "feeds.yaml"
    watcher = FeedsWatcher(path)
    assert watcher.poll() is True and watcher.feeds == []  # no file yet: no feeds
    path.write_text(GOOD)
    assert watcher.poll() is True and [f.name for f in watcher.feeds] == ["ibtimes", "other"]
    assert watcher.poll() is False
    path.write_text("feeds: [")
    os.utime(path, (1, 1))
    with pytest.raises(ParseError):
        watcher.poll()
    assert [f.name for f in watcher.feeds] == ["ibtimes", "other"]
    path.write_text("feeds: [{name: only, url: 'http://x/'}]")
    assert watcher.poll() is True and [f.name for f in watcher.feeds] == ["only"]


def test_the_shipped_example_feeds_file_is_valid() -> None:
    from core.settings import REPO_ROOT

    path = REPO_ROOT / "deploy" / "connectors" / "feeds.example.yaml"
    feeds = parse_feeds(path.read_text(), str(path))
    assert len(feeds) >= 2 and all(f.url.startswith("https://") for f in feeds)
