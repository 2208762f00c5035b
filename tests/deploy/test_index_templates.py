"""The index templates in deploy/ are exactly what `wirewatch setup` installs, in dev and in the image."""

from __future__ import annotations

import json

from deploy_support import REPO

from core.settings import Settings
from wirewatch import search_setup

TEMPLATES = REPO / "deploy/elasticsearch/index-templates"


def test_the_template_folder_holds_one_file_per_kind_setup_installs():
    assert sorted(p.stem for p in TEMPLATES.glob("*.json")) == sorted(search_setup.KINDS)


def test_setup_reads_the_deploy_folder_by_default(monkeypatch):
    monkeypatch.delenv("WIREWATCH_DEPLOY_DIR", raising=False)
    assert search_setup.template_dir(Settings()) == TEMPLATES


def test_setup_installs_the_files_unchanged_but_for_the_configured_prefix():
    settings = Settings(deploy_dir=REPO / "deploy")
    for kind in search_setup.KINDS:
        on_disk = json.loads((TEMPLATES / f"{kind}.json").read_text(encoding="utf-8"))
        installed = search_setup.load_template(settings, kind)
        assert installed["index_patterns"] == [f"wirewatch-{kind}-*"]
        assert installed == on_disk


def test_the_image_ships_the_same_deploy_folder():
    dockerfile = (REPO / "Dockerfile").read_text(encoding="utf-8")
    assert "COPY deploy/ /app/deploy/" in dockerfile
    assert "WIREWATCH_DEPLOY_DIR=/app/deploy" in dockerfile
    assert "deploy" not in (REPO / ".dockerignore").read_text().split()


def test_templates_carry_the_fields_kibana_needs():
    for kind in search_setup.KINDS:
        mapping = json.loads((TEMPLATES / f"{kind}.json").read_text())["template"]["mappings"]
        assert mapping["properties"]["published_at"]["type"] == "date"
        assert mapping["properties"]["location"]["type"] == "geo_point"
