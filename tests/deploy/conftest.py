"""Fixtures for the deployment checks: the compose file as `docker compose` would read it."""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from deploy_support import COMPOSE_FILE, ENV_EXAMPLE, interpolate, read_env_file


@pytest.fixture(scope="session")
def env_example() -> dict[str, str]:
    return read_env_file(ENV_EXAMPLE)


@pytest.fixture(scope="session")
def compose_raw() -> dict[str, Any]:
    """The compose file as YAML, variables not substituted (anchors and merges resolved)."""
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def compose(env_example: dict[str, str]) -> dict[str, Any]:
    """The compose file with .env.example's values substituted, as `docker compose` sees it."""
    return yaml.safe_load(interpolate(COMPOSE_FILE.read_text(encoding="utf-8"), env_example))
