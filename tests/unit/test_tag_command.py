"""`wirewatch tag`: offline tagging, one line out per line in, exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas import RawArticle, TaggedArticle, article_id, utcnow
from wirewatch.cli import cli

SAMPLE = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "buffer-zone-article.txt"


def _line(title: str, body: str) -> str:
    return RawArticle(id=article_id(None, title, body), source="file:test", title=title, body=body,
                      fetched_at=utcnow()).model_dump_json()


def test_one_tagged_line_per_input_line_in_order_with_errors_in_place(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join([
        _line("Strike on Odesa", "Russian drones struck Odesa in Ukraine on Tuesday."),
        '{"id": "nope"}',
        _line("Talks in Geneva", "Diplomats met in Geneva on Monday to discuss a truce."),
    ]) + "\n")
    result = CliRunner().invoke(cli, ["tag", "--input", str(source)])
    assert result.exit_code == 1  # one line failed
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 3
    first, second, third = (json.loads(line) for line in lines)
    assert first["title"] == "Strike on Odesa" and third["title"] == "Talks in Geneva"
    assert second == {"error": second["error"], "line": 2} and "id" in second["error"]
    assert "line 2" in result.stderr


@pytest.mark.skipif(not SAMPLE.is_file(), reason="../shared/samples is absent")
def test_the_sample_article_tags_with_exact_offsets(tmp_path):
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["tag", "--input", str(SAMPLE), "--output", str(out)])
    assert result.exit_code == 0, result.output
    tagged = TaggedArticle.model_validate_json(out.read_text())  # validates every offset
    fields = {"title": tagged.title, "body": tagged.body}
    mentions = [m for e in tagged.entities for m in e.mentions] + [m for p in tagged.places for m in p.mentions]
    assert mentions
    for m in mentions:
        assert fields[m.field][m.start:m.end] == m.text
        assert "\n" not in m.text
    assert tagged.title.startswith("Putin Orders Expansion")
    names = {e.name for e in tagged.entities}
    assert "Vladimir Putin" in names
    assert any(p.country_code == "UA" and p.name.startswith("Odes") for p in tagged.places)


def test_tag_takes_what_publish_takes_folders_text_and_records_without_ids(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Clashes in Arauca\nSoldiers and rebels clashed in Arauca, Colombia, on Monday.\n")
    (folder / "b.jsonl").write_text(json.dumps({"title": "Floods in Dhaka",
                                                "body": "Floods hit Dhaka, Bangladesh, on Friday."}) + "\n")
    result = CliRunner().invoke(cli, ["tag", str(folder)])
    assert result.exit_code == 0, result.output
    first, second = (TaggedArticle.model_validate_json(line) for line in result.stdout.strip().splitlines())
    assert first.title == "Clashes in Arauca" and first.source == "file:a"
    assert second.title == "Floods in Dhaka" and second.source == "file:b"
    assert second.id == article_id(None, "Floods in Dhaka", "Floods hit Dhaka, Bangladesh, on Friday.")

    stdin = CliRunner().invoke(cli, ["tag"], input=json.dumps({"title": "T", "body": "Rain in Paris."}) + "\n")
    assert stdin.exit_code == 0, stdin.output
    record = TaggedArticle.model_validate_json(stdin.stdout)
    assert record.source == "file:stdin" and record.fetched_at is not None
