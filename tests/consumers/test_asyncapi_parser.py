"""schemas/asyncapi.yaml passes the AsyncAPI reference parser (@asyncapi/parser)."""

from __future__ import annotations

import yaml
from node_support import run_node_json

from schemas.generate import ASYNCAPI_FILE

PARSER = "@asyncapi/parser"


def test_the_reference_parser_accepts_the_document_without_warnings():
    result = run_node_json("validate-asyncapi.js", str(ASYNCAPI_FILE), package=PARSER)
    assert result["errors"] == []
    assert result["warnings"] == []
    assert result["version"] == "3.0.0"
    assert sorted(result["channels"]) == sorted(
        c["address"] for c in yaml.safe_load(ASYNCAPI_FILE.read_text())["channels"].values())
    assert sorted(result["messages"]) == ["DeadLetter", "EventMessage", "RawArticle", "TaggedArticle"]
    assert "receive consumeEvents" in result["operations"]


def _parse_changed(tmp_path, change) -> list[str]:
    doc = yaml.safe_load(ASYNCAPI_FILE.read_text(encoding="utf-8"))
    change(doc)
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(doc), encoding="utf-8")
    return run_node_json("validate-asyncapi.js", str(broken), package=PARSER)["errors"]


def test_the_parser_check_catches_broken_documents(tmp_path):
    def bad_binding(doc):
        doc["channels"]["events"]["bindings"]["kafka"]["partitions"] = -1

    def bad_action(doc):
        doc["operations"]["consumeEvents"]["action"] = "subscribe"  # AsyncAPI 2 wording

    def dangling_reference(doc):
        del doc["components"]["schemas"]["Participant"]

    assert any("partitions" in e for e in _parse_changed(tmp_path, bad_binding))
    assert _parse_changed(tmp_path, bad_action)
    assert _parse_changed(tmp_path, dangling_reference)
