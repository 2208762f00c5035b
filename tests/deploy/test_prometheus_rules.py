"""deploy/prometheus: scrape config that finds every worker, alert rules on metrics that exist."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_support import REPO

from core import metrics

sys.path.insert(0, str(REPO / "tests" / "consumers"))
from node_support import run_node_json  # noqa: E402

PROMETHEUS_DIR = REPO / "deploy/prometheus"
MOUNT = "/etc/prometheus"
METRIC = re.compile(r"\bwirewatch_[a-z_]+\b")


@pytest.fixture(scope="module")
def config() -> dict[str, Any]:
    return yaml.safe_load((PROMETHEUS_DIR / "prometheus.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((PROMETHEUS_DIR / "alerts.yml").read_text(encoding="utf-8"))["groups"]
    return [rule for group in groups for rule in group["rules"]]


def exported_names() -> set[str]:
    """Every sample name the wirewatch registry can export (label sets not needed)."""
    suffixes = {"counter": ("_total",), "gauge": ("",), "histogram": ("_bucket", "_count", "_sum"),
                "summary": ("_count", "_sum", "")}
    names = set()
    for family in metrics.REGISTRY.collect():
        names |= {family.name + suffix for suffix in suffixes.get(family.type, ("",))}
    return names


def test_prometheus_mounts_the_folder_and_loads_the_rules(compose, config):
    prometheus = compose["services"]["prometheus"]
    assert f"./deploy/prometheus:{MOUNT}:ro" in prometheus["volumes"]
    assert f"--config.file={MOUNT}/prometheus.yml" in prometheus["command"]
    assert prometheus["profiles"] == ["monitoring"]
    for rule_file in config["rule_files"]:
        assert (PROMETHEUS_DIR / Path(rule_file).relative_to(MOUNT)).is_file(), rule_file


def test_scrape_targets_are_the_ports_the_services_serve_metrics_on(compose, config):
    jobs = {job["job_name"]: job for job in config["scrape_configs"]}
    services = compose["services"]
    (worker_sd,) = jobs["wirewatch-worker"]["dns_sd_configs"]
    # DNS discovery by service name finds every replica of a scaled worker.
    assert worker_sd["names"] == ["worker"] and worker_sd["type"] == "A"
    assert str(worker_sd["port"]) == str(services["worker"]["environment"]["WIREWATCH_WORKER__METRICS_PORT"])
    assert str(worker_sd["port"]) in services["worker"]["expose"]
    (connectors,) = jobs["wirewatch-connectors"]["static_configs"]
    port = str(services["connectors"]["environment"]["WIREWATCH_CONNECTORS__METRICS_PORT"])
    assert connectors["targets"] == [f"connectors:{port}"]
    assert port in services["connectors"]["expose"]


def test_alerts_cover_lag_dead_letters_and_bulk_failures(rules):
    used = {name for rule in rules for name in METRIC.findall(rule["expr"])}
    assert {"wirewatch_consumer_lag", "wirewatch_messages_deadlettered_total",
            "wirewatch_bulk_failures_total"} <= used


def test_every_rule_is_complete_and_documented(rules):
    runbook = (REPO / "deploy/README.md").read_text(encoding="utf-8")
    names = [rule["alert"] for rule in rules]
    assert len(names) == len(set(names))
    for rule in rules:
        assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", rule["alert"])
        assert re.fullmatch(r"\d+[smh]", rule["for"]), rule["alert"]
        assert rule["labels"]["severity"] in {"page", "ticket"}
        assert rule["annotations"]["summary"] and rule["annotations"]["runbook"]
        assert f"`{rule['alert']}`" in runbook, f"{rule['alert']} is not explained in deploy/README.md"


def test_alerts_use_only_metrics_wirewatch_exports(rules):
    exported = exported_names()
    for rule in rules:
        unknown = sorted(set(METRIC.findall(rule["expr"])) - exported)
        assert unknown == [], f"{rule['alert']} uses metrics nobody exports: {unknown}"


def test_exprs_parse_with_prometheus_own_grammar(rules):
    parsed = run_node_json("check-promql.js", package="@prometheus-io/lezer-promql",
                           stdin=[rule["expr"] for rule in rules])
    for rule, result in zip(rules, parsed, strict=True):
        assert result["errors"] == [], f"{rule['alert']}: PromQL syntax error near {result['errors']}"
        assert result["identifiers"], f"{rule['alert']} names no metric"


def test_the_grammar_check_catches_a_broken_expression():
    (result,) = run_node_json("check-promql.js", package="@prometheus-io/lezer-promql",
                              stdin=["sum by (topic (wirewatch_consumer_lag"])
    assert result["errors"]


def test_the_runbook_lists_every_metric_and_only_real_ones():
    runbook = (REPO / "deploy/README.md").read_text(encoding="utf-8")
    table = runbook[runbook.index("Metrics (all prefixed `wirewatch_`)"):runbook.index("## Alerts")]
    listed = {f"wirewatch_{name}" for row in table.splitlines() if row.startswith("| `")
              for name in re.findall(r"`([a-z_]+)`", row.split("|")[1])}
    families = {f.name: f.type for f in metrics.REGISTRY.collect() if f.name.startswith("wirewatch_")}
    documented = {name.removesuffix("_total") for name in listed}
    assert documented == set(families), f"runbook and registry differ: {documented ^ set(families)}"
