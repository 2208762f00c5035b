"""The tagging pipeline is built from its config: order, factories and swappable data files."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.settings import get_settings
from schemas import RawArticle
from streams.tagging import Tagger
from streams.tagging.config import PipelineConfig, PipelineConfigError, load_config

BODY = "Police arrested 20 people in Minsk on Tuesday. Bakers baked bread in Paris."


def article(body: str = BODY) -> RawArticle:
    return RawArticle(id="1" * 32, source="file:test", title="", body=body,
                      fetched_at=datetime(2025, 12, 31, 10, tzinfo=UTC),
                      published_at=datetime(2025, 12, 31, 10, tzinfo=UTC))


def test_the_bundled_pipeline_runs_places_entities_demonyms_events_stories() -> None:
    config = load_config()
    assert [c.name for c in config.components] == ["places", "entities", "demonyms", "events", "stories"]
    for c in config.components:
        assert all(path.exists() for path in c.data.values()), c.name  # files, or the model folder


def test_a_swapped_taxonomy_changes_the_events_of_the_rules(tmp_path: Path) -> None:
    taxonomy = tmp_path / "taxonomy.yaml"
    # One rule only: baking is a (made-up) protest; arrests are no longer known.
    taxonomy.write_text('rules:\n  - {name: bake, category: PROTEST, triggers: ["bake"]}\n',
                        encoding="utf-8")
    rules = load_config().with_factory("events", "events.taxonomy")
    bundled = Tagger(get_settings().spacy_model, config=rules).tag(article())
    swapped = Tagger(get_settings().spacy_model,
                     config=rules.with_data("events", taxonomy=taxonomy)).tag(article())
    assert "ARREST" in {e.subtype for e in bundled.events}
    assert "PROTEST" not in {e.category for e in bundled.events}
    assert [(e.category, e.trigger) for e in swapped.events] == [("PROTEST", "baked")]


def test_a_swapped_gazetteer_changes_the_places(tmp_path: Path) -> None:
    table = tmp_path / "features.tsv"
    # name, aliases, feature, lat, lon, country: a tiny hand-written gazetteer without Minsk
    table.write_text("Paris\t\tregion\t10.5\t20.5\tFR\n", encoding="utf-8")
    config = load_config().with_data("places", natural_features=table)
    places_config = config.component("places").model_copy(update={"options": {"gazetteer": "tables"}})
    config = PipelineConfig(components=[places_config if c.name == "places" else c
                                        for c in config.components])
    tagged = Tagger(get_settings().spacy_model, config=config).tag(article())
    by_name = {p.name: p for p in tagged.places}
    assert (by_name["Paris"].lat, by_name["Paris"].lon, by_name["Paris"].geonames_id) == (10.5, 20.5, None)
    assert by_name["Minsk"].confidence == 0.0  # named, but not in this gazetteer


def test_a_component_before_what_it_reads_fails_at_build() -> None:
    config = load_config()
    events_first = [config.component("events"), *(c for c in config.components if c.name != "events")]
    with pytest.raises(PipelineConfigError, match="'events' reads"):
        Tagger(get_settings().spacy_model, config=PipelineConfig(components=events_first))


def test_an_unknown_factory_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "pipeline.yaml"
    path.write_text("components:\n  - {name: places, factory: places.nope}\n", encoding="utf-8")
    with pytest.raises(PipelineConfigError, match="unknown factory 'places.nope'"):
        Tagger(get_settings().spacy_model, config=path)


def test_optional_data_files_can_be_left_out() -> None:
    config = load_config()
    assert "target_model" in config.component("events").data
    without = config.without_data("events", "target_model")
    assert "target_model" not in without.component("events").data
    assert without.component("events").data["model"] == config.component("events").data["model"]
    assert without.component("places") == config.component("places")
    with pytest.raises(PipelineConfigError, match="no component"):
        config.without_data("nonesuch", "target_model")
