"""Training keeps parses keyed by the code that shapes them (spacy_model.parse_fingerprint)."""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path

import pytest

from core.settings import get_settings
from streams.tagging import spacy_model

# Imported by the modules that shape a parse, but shaping none: the per-process cache of loaded
# resources.
NOT_SHAPING = {"streams.tagging.resources"}


def _tagging_imports(module: str) -> set[str]:
    source = importlib.import_module(module).__file__
    assert source is not None
    tree = ast.parse(Path(source).read_text(encoding="utf-8"))
    return {node.module for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("streams.tagging")}


def test_every_tagging_module_a_parse_reads_is_fingerprinted():
    for module in spacy_model.PARSE_MODULES:
        missing = _tagging_imports(module) - set(spacy_model.PARSE_MODULES) - NOT_SHAPING
        assert not missing, (f"{module} imports {sorted(missing)}: add them to PARSE_MODULES if "
                             "they shape a parse, else to NOT_SHAPING here")


def test_the_fingerprint_moves_with_the_source(tmp_path, monkeypatch):
    (tmp_path / "parse_helper_for_test.py").write_text("WORD = 'a'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(spacy_model, "PARSE_MODULES",
                        (*spacy_model.PARSE_MODULES, "parse_helper_for_test"))
    model = get_settings().spacy_model
    try:
        before = spacy_model.parse_fingerprint(model)
        assert spacy_model.parse_fingerprint(model) == before
        (tmp_path / "parse_helper_for_test.py").write_text("WORD = 'b'\n", encoding="utf-8")
        assert spacy_model.parse_fingerprint(model) != before
    finally:
        sys.modules.pop("parse_helper_for_test", None)


def test_a_module_without_source_is_refused(monkeypatch):
    monkeypatch.setattr(spacy_model, "PARSE_MODULES", ("sys",))  # built in: no file
    with pytest.raises(RuntimeError, match="no source file"):
        spacy_model.parse_fingerprint(get_settings().spacy_model)
