"""`wirewatch search` against the real search engine."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from core.search_client import make_client
from core.settings import get_settings
from streams.indexing.bulk import BulkWriter
from streams.indexing.documents import article_document
from streams.tagging import Tagger
from tests.conftest import settings_env
from wirewatch.cli import cli
from wirewatch.demo import demo_articles
from wirewatch.search_setup import ensure_indices

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def indexed(embedded_stack):
    from core.settings import Settings

    settings = Settings(kafka_bootstrap=embedded_stack[0], es_url=embedded_stack[1], index_prefix="searchcmd-")
    client = make_client(settings)
    ensure_indices(settings, client, wait_s=10)
    tagged = Tagger(settings.spacy_model).tag_batch(demo_articles())
    alias = f"{settings.index_prefix}articles"
    assert BulkWriter(client, alias).write([(t.id, article_document(t)) for t in tagged]) == []
    client.indices.refresh(index=alias)
    yield settings, tagged
    client.close()


def run(settings, *args: str):
    env = settings_env(settings)
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(cli, ["search", *args], env=env)
    finally:
        get_settings.cache_clear()


def test_free_text_and_json_output(indexed):
    settings, tagged = indexed
    result = run(settings, "earthquake", "--json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = [json.loads(line) for line in result.stdout.splitlines()]
    assert hits and "earthquake" in (hits[0]["title"] + hits[0]["body"]).lower()
    assert {"_id", "places", "entities", "events"} <= set(hits[0])


def test_filters_narrow_the_hits(indexed):
    settings, tagged = indexed
    expected = {t.id for t in tagged if any(p.country_code == "UA" for p in t.places)
                and any(e.category == "ASSAULT" for e in t.events)}
    result = run(settings, "--place", "UA", "--category", "assault", "--json", "--limit", "50")
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["id"] for line in result.stdout.splitlines()} == expected
    assert expected

    result = run(settings, "--since", "2026-03-20", "--until", "2026-03-31", "--json", "--limit", "50")
    dates = [json.loads(line)["published_at"] for line in result.stdout.splitlines()]
    assert dates and all("2026-03-20" <= d[:10] <= "2026-03-31" for d in dates)


def test_human_output_is_a_table(indexed):
    settings, _ = indexed
    result = run(settings, "protest", "--limit", "2")
    assert result.exit_code == 0, result.output
    assert "published" in result.stdout and "title" in result.stdout and "of" in result.stdout


def test_a_bad_date_is_a_clear_usage_error(indexed):
    settings, _ = indexed
    result = run(settings, "--since", "last tuesday")
    assert result.exit_code == 2 and "ISO dates" in result.output
