import json
from pathlib import Path

from connectors.files import file_source, read_paths
from connectors.items import Item, ItemError
from tests.support.samples import article_page

PARAGRAPHS = [
    "Negotiators from Russia and Ukraine met in Geneva on Tuesday to discuss a ceasefire "
    "along the front line and an exchange of prisoners of war.",
    "The talks, mediated by Switzerland, are the first direct contact between the two "
    "delegations since the summer, officials said after the meeting.",
]


def _split(results: list) -> tuple[list[Item], list[ItemError]]:
    return [r for r in results if isinstance(r, Item)], [r for r in results if isinstance(r, ItemError)]


def test_jsonl_bad_lines_are_reported_with_line_numbers_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    path.write_bytes(
        b'{"title": "One", "body": "First body."}\n'
        b"\n"
        b"{not json\n"
        b'{"title": "Two"}\n'
        b'{"title": "Caf\xe9", "body": "latin-1 bytes"}\n'
        b'{"title": "Three", "body": "Third body.", "url": "https://ex.com/3?utm_medium=x"}\n'
    )
    ok, bad = _split(list(read_paths([path])))
    assert [i.article.title for i in ok] == ["One", "Three"]
    assert ok[1].article.url == "https://ex.com/3"
    assert all(i.article.source == "file:news" for i in ok)
    assert [e.origin for e in bad] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "invalid JSON" in bad[0].reason
    assert "body" in bad[1].reason
    assert "UTF-8" in bad[2].reason
    assert sum(r.nbytes for r in ok + bad) == path.stat().st_size - 1  # all but the blank line


def test_json_file_with_a_list_numbers_its_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"title": "A", "body": "a"}, {"body": 5}, {"title": "C", "body": "c"}]))
    ok, bad = _split(list(read_paths([path])))
    assert [i.article.title for i in ok] == ["A", "C"]
    assert [e.origin for e in bad] == [f"{path}#2"]


def test_json_file_with_one_object_and_a_broken_one(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text('{"title": "A", "body": "a"}')
    (tmp_path / "broken.json").write_text('{"title": ')
    ok, bad = _split(list(read_paths([tmp_path])))
    assert [i.article.title for i in ok] == ["A"]
    assert bad[0].origin.endswith("broken.json") and "line 1" in bad[0].reason


def test_txt_first_line_is_the_title_and_blank_lines_are_dropped(tmp_path: Path) -> None:
    path = tmp_path / "Buffer Zone.txt"
    path.write_text("Putin orders buffer zone\n" + PARAGRAPHS[0] + "\n\n" + PARAGRAPHS[1] + "\n")
    (item,) = read_paths([path])
    assert isinstance(item, Item)
    assert item.article.title == "Putin orders buffer zone"
    assert item.article.body == "\n".join(PARAGRAPHS)
    assert item.article.source == "file:buffer-zone"
    assert item.article.language == "en"


def test_html_main_text_and_title_are_extracted(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(article_page("Talks resume in Geneva", PARAGRAPHS))
    (item,) = read_paths([path])
    assert isinstance(item, Item), item
    assert item.article.title == "Talks resume in Geneva"
    assert item.article.body == "\n".join(PARAGRAPHS)
    assert "Copyright" not in item.article.body and "Home" not in item.article.body
    assert item.article.language == "en"


def test_html_without_main_text_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body></body></html>")
    (error,) = read_paths([path])
    assert isinstance(error, ItemError) and "no main text" in error.reason


def test_folders_are_read_recursively_skipping_hidden_and_flagging_unknown_types(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("Deep\nbody")
    (tmp_path / "top.txt").write_text("Top\nbody")
    (tmp_path / ".hidden.txt").write_text("Hidden\nbody")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("Git\nbody")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    ok, bad = _split(list(read_paths([tmp_path])))
    assert sorted(i.article.title for i in ok) == ["Deep", "Top"]
    assert len(bad) == 1 and "unsupported file type '.pdf'" in bad[0].reason


def test_same_article_gets_the_same_id_every_time(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("Title\nBody")
    first, second = next(read_paths([path])), next(read_paths([path]))
    assert isinstance(first, Item) and isinstance(second, Item)
    assert first.article.id == second.article.id


def test_file_source_names() -> None:
    assert file_source(Path("/x/My News (1).jsonl")) == "file:my-news-1"
    assert file_source(Path("---.txt")) == "file:unnamed"
