"""Session fixtures: the real embedded broker and search engine on free ports.

Started once per test session, on loopback, by the session itself; stopped
at the end (and, being children that die with their parent, never orphaned).
Each test that needs isolation gets its own topic and index prefixes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import Settings


@pytest.fixture(scope="session")
def embedded_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(kafka bootstrap, search URL) of a broker and search engine for this session."""
    from wirewatch.embedded import free_port, start_broker, start_search

    log_dir: Path = tmp_path_factory.mktemp("embedded-logs")
    broker = start_broker("127.0.0.1", free_port(), log_dir=log_dir)
    search = start_search("127.0.0.1", free_port(), log_dir=log_dir)
    try:
        yield broker.url, search.url
    finally:
        broker.stop()
        search.stop()


@pytest.fixture(scope="session")
def kafka_bootstrap(embedded_stack: tuple[str, str]) -> str:
    return embedded_stack[0]


@pytest.fixture(scope="session")
def search_url(embedded_stack: tuple[str, str]) -> str:
    return embedded_stack[1]


@pytest.fixture(scope="session")
def settings(embedded_stack: tuple[str, str]) -> Settings:
    """Settings pointing at the session's embedded services, default prefixes."""
    bootstrap, url = embedded_stack
    return Settings(kafka_bootstrap=bootstrap, es_url=url)


@pytest.fixture
def isolated_settings(settings: Settings, tmp_path: Path) -> Settings:
    """Settings with topic, index and consumer-group names no other test uses."""
    tag = uuid.uuid4().hex[:8]
    return settings.model_copy(update={
        "topic_prefix": f"t{tag}.",
        "index_prefix": f"t{tag}-",
        "inbox_dir": tmp_path / "inbox",
        "worker": settings.worker.model_copy(update={
            "app_id": f"wirewatch-test-{tag}", "data_dir": tmp_path / "worker"}),
    })


def settings_env(settings: Settings) -> dict[str, str]:
    """Environment variables that reproduce ``settings`` in a child process."""
    return {
        "WIREWATCH_KAFKA_BOOTSTRAP": settings.bootstrap,
        "WIREWATCH_ES_URL": settings.search_url,
        "WIREWATCH_TOPIC_PREFIX": settings.topic_prefix,
        "WIREWATCH_INDEX_PREFIX": settings.index_prefix,
        "WIREWATCH_INBOX_DIR": str(settings.inbox_dir),
        "WIREWATCH_WORKER__APP_ID": settings.worker.app_id,
        "WIREWATCH_WORKER__DATA_DIR": str(settings.worker.data_dir),
        "WIREWATCH_WORKER__TAG_BATCH_WITHIN_S": "0.5",
        "WIREWATCH_WORKER__INDEX_BATCH_WITHIN_S": "0.5",
    }
