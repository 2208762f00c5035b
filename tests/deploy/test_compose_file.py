"""docker-compose.yml: valid Compose, pinned images, existing mounts, sound start order."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from deploy_support import COMPOSE_FILE, ENV_EXAMPLE, REPO, interpolate, referenced_variables

APP_SERVICES = ("setup", "kibana-setup", "connectors", "worker")
INGESTION = ("connectors", "worker")


def compose_spec_schema() -> dict[str, Any]:
    """The Compose Specification JSON schema (Apache-2.0), as vendored by check-jsonschema.

    Located without importing the package: only its data file is needed.
    """
    spec = importlib.util.find_spec("check_jsonschema")
    assert spec is not None and spec.submodule_search_locations, "pip install -e '.[test]'"
    path = Path(spec.submodule_search_locations[0]) / "builtin_schemas/vendor/compose-spec.json"
    return json.loads(path.read_text(encoding="utf-8"))


def schema_errors(document: dict[str, Any]) -> list[str]:
    validator = jsonschema.Draft7Validator(compose_spec_schema())
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in validator.iter_errors(document)]


def test_compose_file_validates_against_the_compose_specification(compose):
    assert schema_errors(compose) == []


def test_the_schema_check_rejects_a_broken_file(compose):
    broken = copy.deepcopy(compose)
    broken["services"]["worker"]["depends_on"]["setup"]["condition"] = "service_ready"
    broken["services"]["kafka"]["helthcheck"] = broken["services"]["kafka"].pop("healthcheck")
    errors = schema_errors(broken)
    assert any(e.startswith("services/worker/depends_on") for e in errors)
    assert any("helthcheck" in e for e in errors)


def test_every_image_has_a_concrete_tag(compose):
    for name, service in compose["services"].items():
        image = service.get("image")
        assert image, f"{name} has no image"
        repository, _, tag = image.rpartition(":")
        assert repository and "/" not in tag, f"{name}: {image} has no tag"
        assert tag != "latest", f"{name}: {image} is not pinned"
        assert any(ch.isdigit() for ch in tag), f"{name}: {image} tag is not a version"


def test_every_variable_the_compose_file_reads_is_documented_in_env_example(env_example):
    used = referenced_variables(COMPOSE_FILE.read_text(encoding="utf-8"))
    assert used - set(env_example) == set()


def test_a_missing_password_stops_compose_with_a_readable_message(env_example):
    env = {k: v for k, v in env_example.items() if k != "ELASTIC_PASSWORD"}
    with pytest.raises(KeyError, match="set ELASTIC_PASSWORD in .env"):
        interpolate(COMPOSE_FILE.read_text(encoding="utf-8"), env)


def _bind_sources(service: dict[str, Any]) -> list[str]:
    sources = []
    for volume in service.get("volumes", []):
        source = volume.split(":")[0] if isinstance(volume, str) else volume.get("source", "")
        if source.startswith((".", "/")):
            sources.append(source)
    env_files = service.get("env_file", [])
    sources += [env_files] if isinstance(env_files, str) else list(env_files)
    return sources


def test_every_mounted_file_and_folder_exists(compose):
    checked = 0
    for name, service in compose["services"].items():
        for source in _bind_sources(service):
            assert (REPO / source).exists(), f"{name} mounts {source}, which does not exist"
            checked += 1
    assert checked >= 4


def test_named_volumes_are_declared(compose):
    declared = set(compose.get("volumes") or {})
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if not source.startswith((".", "/")):
                assert source in declared, f"{name} uses undeclared volume {source}"


def test_services_waited_on_for_health_have_a_healthcheck(compose):
    services = compose["services"]
    for name, service in services.items():
        for dependency, rule in (service.get("depends_on") or {}).items():
            assert dependency in services, f"{name} depends on unknown {dependency}"
            if rule["condition"] == "service_healthy":
                assert "healthcheck" in services[dependency], (
                    f"{name} waits for {dependency} to be healthy, but it has no healthcheck")
            if rule["condition"] == "service_completed_successfully":
                assert services[dependency].get("restart") == "no", (
                    f"{dependency} is waited on to finish, so it must not restart")


def test_long_running_services_have_healthchecks_and_one_shots_do_not_restart(compose):
    for name, service in compose["services"].items():
        if service.get("restart") == "no":
            continue
        assert "healthcheck" in service, f"{name} runs for good but has no healthcheck"


def waits_for(services: dict[str, Any], name: str) -> set[str]:
    """Every service ``name`` waits for, directly or through others."""
    seen: set[str] = set()
    todo = list(services[name].get("depends_on") or {})
    while todo:
        dependency = todo.pop()
        if dependency not in seen:
            seen.add(dependency)
            todo += list(services[dependency].get("depends_on") or {})
    return seen


def test_start_order_reaches_the_workers_through_setup(compose):
    services = compose["services"]
    assert services["setup"]["command"] == ["setup"]
    for name in INGESTION:
        assert services[name]["depends_on"]["setup"]["condition"] == "service_completed_successfully"
    assert set(services["setup"]["depends_on"]) >= {"kafka", "elasticsearch"}
    assert services["kibana"]["depends_on"]["es-init"]["condition"] == "service_completed_successfully"


def test_ingestion_never_waits_for_kibana(compose):
    services = compose["services"]
    for name in INGESTION:
        assert {"kibana", "kibana-setup", "es-init"}.isdisjoint(waits_for(services, name)), name
    assert "WIREWATCH_KIBANA_URL" not in services["setup"]["environment"]
    kibana_setup = services["kibana-setup"]
    assert kibana_setup["command"] == ["setup", "--kibana-only"]
    assert kibana_setup["depends_on"]["kibana"]["condition"] == "service_healthy"
    assert kibana_setup["restart"] == "no"
    assert not [n for n, s in services.items() if "kibana-setup" in (s.get("depends_on") or {})]


def test_worker_can_be_scaled(compose):
    worker = compose["services"]["worker"]
    assert "container_name" not in worker
    assert "ports" not in worker  # a fixed host port would clash between replicas
    assert worker["command"] == ["worker"]


def test_app_services_get_the_contract_settings(compose):
    for name in APP_SERVICES:
        env = compose["services"][name]["environment"]
        assert env["WIREWATCH_KAFKA_BOOTSTRAP"] == "kafka:29092"
        assert env["WIREWATCH_ES_URL"] == "http://elasticsearch:9200"
        assert env["WIREWATCH_TOPIC_PREFIX"]
    assert compose["services"]["kibana-setup"]["environment"]["WIREWATCH_KIBANA_URL"] == "http://kibana:5601"


def test_only_the_setups_log_in_as_the_superuser(compose, env_example):
    services = compose["services"]
    superuser = env_example["ELASTIC_PASSWORD"]
    holders = {name for name, service in services.items()
               if superuser in json.dumps(service.get("environment") or {})}
    # Elasticsearch itself (to create the user), its healthcheck's shell, es-init and the two setups.
    assert holders == {"elasticsearch", "es-init", "setup", "kibana-setup"}
    for name in ("setup", "kibana-setup"):
        assert services[name]["environment"]["WIREWATCH_SEARCH__USERNAME"] == "elastic"
    worker = services["worker"]["environment"]
    assert worker["WIREWATCH_SEARCH__USERNAME"] == "wirewatch_writer"
    assert worker["WIREWATCH_SEARCH__PASSWORD"] == env_example["WIREWATCH_WRITER_PASSWORD"]
    credentials = {"WIREWATCH_SEARCH__USERNAME", "WIREWATCH_SEARCH__PASSWORD", "WIREWATCH_SEARCH__API_KEY"}
    assert credentials.isdisjoint(services["connectors"]["environment"])
    setup = services["setup"]["environment"]
    assert setup["WIREWATCH_SECURITY__WRITER_PASSWORD"] == env_example["WIREWATCH_WRITER_PASSWORD"]
    assert setup["WIREWATCH_SECURITY__READER_PASSWORD"] == env_example["WIREWATCH_READER_PASSWORD"]


def _kafka_env_file() -> dict[str, str]:
    return dict(line.split("=", 1) for line in (REPO / "deploy/kafka/kafka.env")
                .read_text().splitlines() if line and not line.startswith("#"))


@pytest.mark.parametrize("host_port", ["9092", "19092"])
def test_kafka_advertises_to_host_clients_the_port_they_bootstrapped_on(env_example, host_port):
    env = {**env_example, "KAFKA_HOST_PORT": host_port}
    kafka = yaml.safe_load(interpolate(COMPOSE_FILE.read_text(encoding="utf-8"), env))["services"]["kafka"]
    file_env = _kafka_env_file()
    assert file_env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    # Compose's `environment` wins over `env_file`; one place only, to avoid surprises.
    assert "KAFKA_ADVERTISED_LISTENERS" not in file_env
    advertised = dict(entry.split("://") for entry in
                      kafka["environment"]["KAFKA_ADVERTISED_LISTENERS"].split(","))
    listeners = dict(entry.split("://") for entry in file_env["KAFKA_LISTENERS"].split(","))
    assert advertised["INTERNAL"] == "kafka:29092"
    assert set(advertised) <= set(listeners) - {"CONTROLLER"}
    (published,) = kafka["ports"]
    bind, outside, inside = published.split(":")
    assert advertised["HOST"] == f"{bind}:{outside}" == f"127.0.0.1:{host_port}"
    assert listeners["HOST"] == f":{inside}"
    assert file_env["KAFKA_INTER_BROKER_LISTENER_NAME"] == "INTERNAL"


def test_published_ports_bind_to_loopback_only(compose):
    for name, service in compose["services"].items():
        for port in service.get("ports", []):
            assert str(port).startswith("127.0.0.1:"), f"{name} publishes {port} on all interfaces"


def _compose_command() -> list[str] | None:
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    return None


@pytest.mark.skipif(_compose_command() is None, reason="no docker compose CLI on this machine")
def test_docker_compose_itself_accepts_the_file():
    command = _compose_command() or []
    result = subprocess.run(
        [*command, "--env-file", str(ENV_EXAMPLE), "-f", str(COMPOSE_FILE), "config", "--quiet"],
        capture_output=True, text=True, cwd=REPO,
    )
    assert result.returncode == 0, result.stderr


def _settings_field(name: str) -> bool:
    """Whether ``WIREWATCH_...`` names a field of core.settings.Settings (nested by ``__``)."""
    from pydantic import BaseModel

    from core.settings import Settings

    flat = {"KAFKA_BOOTSTRAP", "ES_URL", "TOPIC_PREFIX"}  # the contract's flat aliases
    key = name.removeprefix("WIREWATCH_")
    if key in flat:
        return True
    model: type[BaseModel] = Settings
    parts = key.lower().split("__")
    for i, part in enumerate(parts):
        field = model.model_fields.get(part)
        if field is None:
            return False
        annotation = field.annotation
        if i < len(parts) - 1:
            if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
                return False
            model = annotation
    return True


def test_every_wirewatch_variable_names_a_real_setting(compose):
    # Settings ignores unknown variables, so a typo would pass silently.
    dockerfile_env = re.findall(r"(WIREWATCH_\w+)=", (REPO / "Dockerfile").read_text())
    names = set(dockerfile_env)
    for name in APP_SERVICES:
        names |= {k for k in compose["services"][name]["environment"] if k.startswith("WIREWATCH_")}
    assert len(names) > 10
    assert sorted(n for n in names if not _settings_field(n)) == []


def test_the_worker_environment_builds_the_intended_settings(compose, monkeypatch):
    from core.settings import Settings

    for key, value in compose["services"]["worker"]["environment"].items():
        monkeypatch.setenv(key, str(value))
    settings = Settings(_env_file=None)
    assert settings.bootstrap == "kafka:29092"
    assert settings.search_url == "http://elasticsearch:9200"
    assert settings.search.password is not None
    assert settings.search.username == "wirewatch_writer"
    assert settings.search.password.get_secret_value() == "CHANGE-ME-writer"
    assert "CHANGE-ME" not in repr(settings)  # secrets stay masked
    assert settings.worker.metrics_port == 9108
