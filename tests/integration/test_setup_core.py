"""`wirewatch setup` on the embedded engine: the core installs, retention and users are skipped and said so."""

from __future__ import annotations

import pytest
from rich.console import Console

from core.settings import Settings
from wirewatch.commands import setup as setup_command
from wirewatch.kibana import KibanaSetupError

pytestmark = pytest.mark.integration


def test_core_setup_says_the_embedded_engine_has_no_ilm(isolated_settings: Settings, monkeypatch) -> None:
    console = Console(record=True, width=400)
    monkeypatch.setattr(setup_command, "console", console)
    setup_command.run_setup(isolated_settings, wait_s=30)
    text = console.export_text()
    assert f"created {isolated_settings.topic_prefix}articles.raw" in text
    assert "skipped lifecycle policies, roles and users" in text and "no ILM" in text
    assert "Kibana" not in text  # no Kibana URL: the core alone, never waiting for Kibana


def test_kibana_only_needs_a_kibana_url_and_touches_nothing_else(isolated_settings: Settings, monkeypatch):
    console = Console(record=True, width=400)
    monkeypatch.setattr(setup_command, "console", console)
    with pytest.raises(KibanaSetupError, match="WIREWATCH_KIBANA_URL"):
        setup_command.run_setup(isolated_settings, kibana_only=True)
    assert "topics" not in console.export_text()
