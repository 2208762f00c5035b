"""deploy/kibana/saved-objects.ndjson: parses, is self-consistent, names only mapped fields."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from deploy_support import REPO

from wirewatch.kibana import parse_saved_objects

OBJECTS_FILE = REPO / "deploy/kibana/saved-objects.ndjson"
TEMPLATES = REPO / "deploy/elasticsearch/index-templates"
DATA_VIEWS = {"wirewatch-articles": "articles", "wirewatch-events": "events"}  # CONTRACT.md aliases
KQL_FIELD = re.compile(r"([A-Za-z_][\w.]*)\s*(?::|>=|<=|>|<)")


def mapped_fields(properties: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """Every searchable field path of a mapping (multi-fields included) -> its type."""
    fields: dict[str, str] = {}
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        if "properties" in spec:
            fields.update(mapped_fields(spec["properties"], f"{path}."))
            continue
        fields[path] = spec.get("type", "object")
        for sub, sub_spec in spec.get("fields", {}).items():
            fields[f"{path}.{sub}"] = sub_spec["type"]
    return fields


@pytest.fixture(scope="module")
def fields_by_view() -> dict[str, dict[str, str]]:
    result = {}
    for view, kind in DATA_VIEWS.items():
        template = json.loads((TEMPLATES / f"{kind}.json").read_text())
        result[view] = mapped_fields(template["template"]["mappings"]["properties"])
    return result


@pytest.fixture(scope="module")
def objects() -> list[dict[str, Any]]:
    return parse_saved_objects(OBJECTS_FILE.read_text(encoding="utf-8"), source=str(OBJECTS_FILE))


def by_id(objects: list[dict[str, Any]], object_id: str) -> dict[str, Any]:
    return next(o for o in objects if o["id"] == object_id)


def view_of(obj: dict[str, Any], ref_name: str) -> str:
    return next(r["id"] for r in obj["references"] if r["name"] == ref_name)


def assert_mapped(fields: list[str], view: str, known: dict[str, dict[str, str]], where: str) -> None:
    missing = sorted(set(fields) - set(known[view]))
    assert not missing, f"{where} uses fields not mapped in {view}: {missing}"


def test_objects_are_unique_and_every_reference_resolves(objects):
    keys = [(o["type"], o["id"]) for o in objects]
    assert len(keys) == len(set(keys))
    for obj in objects:
        for reference in obj["references"]:
            assert (reference["type"], reference["id"]) in keys, (
                f"{obj['id']} refers to missing {reference['type']}:{reference['id']}")


def test_data_views_point_at_the_contract_aliases_with_published_at(objects, fields_by_view):
    views = {o["id"]: o["attributes"] for o in objects if o["type"] == "index-pattern"}
    assert set(views) == set(DATA_VIEWS)
    for view, attributes in views.items():
        assert attributes["title"] == view
        assert attributes["timeFieldName"] == "published_at"
        assert fields_by_view[view]["published_at"] == "date"


def test_saved_searches_name_only_mapped_fields(objects, fields_by_view):
    searches = [o for o in objects if o["type"] == "search"]
    assert len(searches) >= 3
    for search in searches:
        view = view_of(search, "kibanaSavedObjectMeta.searchSourceJSON.index")
        source = json.loads(search["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])
        fields = [*search["attributes"]["columns"], *(s[0] for s in search["attributes"]["sort"]),
                  *KQL_FIELD.findall(source["query"]["query"])]
        assert_mapped(fields, view, fields_by_view, search["id"])


def test_common_questions_are_saved_searches(objects):
    strikes = by_id(objects, "wirewatch-air-strikes-this-week")
    query = json.loads(strikes["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])["query"]
    assert "subtype:AIR_STRIKE" in query["query"] and "now-7d" in query["query"]
    assert strikes["attributes"]["timeRange"] == {"from": "now-7d", "to": "now"}
    protests = by_id(objects, "wirewatch-protests-by-country")
    query = json.loads(protests["attributes"]["kibanaSavedObjectMeta"]["searchSourceJSON"])["query"]
    assert "category:PROTEST" in query["query"]
    assert "country_codes" in protests["attributes"]["columns"]
    assert view_of(protests, "kibanaSavedObjectMeta.searchSourceJSON.index") == "wirewatch-events"


def lens_fields(lens: dict[str, Any]) -> dict[str, list[str]]:
    """Data view id -> fields its layers and query use."""
    state = lens["attributes"]["state"]
    used: dict[str, list[str]] = {}
    for layer_id, layer in state["datasourceStates"]["formBased"]["layers"].items():
        view = view_of(lens, f"indexpattern-datasource-layer-{layer_id}")
        columns = layer["columns"].values()
        assert set(layer["columnOrder"]) == set(layer["columns"])
        used.setdefault(view, []).extend(
            c["sourceField"] for c in columns if c["sourceField"] != "___records___")
        used[view].extend(KQL_FIELD.findall(state["query"]["query"]))
    return used


def test_lens_visualizations_name_only_mapped_fields(objects, fields_by_view):
    lenses = [o for o in objects if o["type"] == "lens"]
    assert len(lenses) >= 4
    for lens in lenses:
        for view, fields in lens_fields(lens).items():
            assert_mapped(fields, view, fields_by_view, lens["id"])
        layer_ids = set(lens["attributes"]["state"]["datasourceStates"]["formBased"]["layers"])
        for vis_layer in lens["attributes"]["state"]["visualization"]["layers"]:
            assert vis_layer["layerId"] in layer_ids


# Sources that fetch from Elastic Maps Service or another tile server on the internet.
ONLINE_SOURCES = {"EMS_TMS", "EMS_FILE", "EMS_XYZ", "XYZ", "WMS", "KIBANA_TILEMAP", "MVT_SINGLE_LAYER"}


def test_map_plots_events_by_their_geo_point(objects, fields_by_view):
    event_map = next(o for o in objects if o["type"] == "map")
    layers = json.loads(event_map["attributes"]["layerListJSON"])
    es_layers = [layer for layer in layers if layer["sourceDescriptor"]["type"] == "ES_SEARCH"]
    assert es_layers
    for layer in es_layers:
        source = layer["sourceDescriptor"]
        view = view_of(event_map, source["indexPatternRefName"])
        assert fields_by_view[view][source["geoField"]] == "geo_point"
        assert_mapped([*source["tooltipProperties"], source["sortField"]], view, fields_by_view,
                      event_map["id"])


def test_map_clusters_the_way_kibana_writes_clusters(objects):
    # Kibana's scaling form switches a documents layer to BLENDED_VECTOR when
    # "Show clusters when results exceed 10000" is chosen; a GEOJSON_VECTOR
    # layer with scalingType CLUSTERS is a shape the editor never produces.
    event_map = next(o for o in objects if o["type"] == "map")
    layers = json.loads(event_map["attributes"]["layerListJSON"])
    for layer in layers:
        source = layer["sourceDescriptor"]
        if source["type"] == "ES_SEARCH":
            expected = "BLENDED_VECTOR" if source["scalingType"] == "CLUSTERS" else "GEOJSON_VECTOR"
            assert layer["type"] == expected, layer["id"]
    assert any(layer["type"] == "BLENDED_VECTOR" for layer in layers)


def test_map_needs_no_internet_access(objects):
    event_map = next(o for o in objects if o["type"] == "map")
    for layer in json.loads(event_map["attributes"]["layerListJSON"]):
        source = layer["sourceDescriptor"] or {}
        assert source.get("type") not in ONLINE_SOURCES, f"layer {layer['id']} needs the internet"
        assert "http" not in json.dumps(source), f"layer {layer['id']} fetches a URL"
    runbook = (REPO / "deploy/README.md").read_text(encoding="utf-8")
    assert "## Kibana map" in runbook  # the choice and how to add a basemap are documented


def test_dashboard_shows_map_subtypes_top_names_and_latest_articles(objects):
    dashboard = next(o for o in objects if o["type"] == "dashboard")
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    references = {r["name"]: (r["type"], r["id"]) for r in dashboard["references"]}
    shown = []
    for panel in panels:
        ref = references[f"{panel['panelIndex']}:{panel['panelRefName']}"]
        assert ref[0] == panel["type"]
        shown.append(by_id(objects, ref[1]))
    kinds = {o["type"] for o in shown}
    assert {"map", "lens", "search"} <= kinds
    terms = {c["sourceField"] for o in shown if o["type"] == "lens"
             for layer in o["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values()
             for c in layer["columns"].values() if c["operationType"] == "terms"}
    assert {"subtype", "persons", "organisations", "place_names"} <= terms
    histograms = [o for o in shown if o["type"] == "lens" and any(
        c["operationType"] == "date_histogram" and c["sourceField"] == "published_at"
        for layer in o["attributes"]["state"]["datasourceStates"]["formBased"]["layers"].values()
        for c in layer["columns"].values())]
    assert histograms, "no events-over-time panel"
    assert "wirewatch-latest-articles" in {o["id"] for o in shown}


def test_panels_do_not_overlap(objects):
    dashboard = next(o for o in objects if o["type"] == "dashboard")
    cells = set()
    for panel in json.loads(dashboard["attributes"]["panelsJSON"]):
        grid = panel["gridData"]
        assert grid["x"] + grid["w"] <= 48
        area = {(x, y) for x in range(grid["x"], grid["x"] + grid["w"])
                for y in range(grid["y"], grid["y"] + grid["h"])}
        assert not cells & area, f"panel {panel['panelIndex']} overlaps another"
        cells |= area


def test_every_object_declares_the_version_its_shape_is(objects):
    # Kibana migrates an object from the version it declares. Undeclared, a
    # Lens object is taken for 7.x and its 8.6 migration (indexpattern ->
    # formBased) would discard the formBased state written here.
    for obj in objects:
        assert obj["coreMigrationVersion"] == "8.8.0", obj["id"]
        declared = tuple(int(part) for part in obj["typeMigrationVersion"].split("."))
        if obj["type"] == "lens":
            assert declared >= (8, 6, 0), obj["id"]
