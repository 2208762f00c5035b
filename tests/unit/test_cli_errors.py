"""Errors reach the user once, at the command line's edge."""

import click
import pytest
from click.testing import CliRunner

from connectors.errors import BrokerUnavailableError
from core.errors import ConfigError, WirewatchError
from wirewatch.cli import LazyGroup


@click.command()
@click.argument("kind")
def boom(kind: str) -> None:
    if kind == "config":
        raise ConfigError("feeds.yaml line 3: url is missing; add it or remove the feed")
    if kind == "broker":
        raise BrokerUnavailableError("no broker at localhost:9092; start one or set WIREWATCH_KAFKA_BOOTSTRAP")
    raise KeyError(kind)  # a bug, not a WirewatchError


group = LazyGroup(name="wirewatch", lazy_commands={"boom": f"{__name__}:boom"})


@pytest.mark.parametrize("kind, message", [
    ("config", "error: feeds.yaml line 3: url is missing; add it or remove the feed\n"),
    ("broker", "error: no broker at localhost:9092; start one or set WIREWATCH_KAFKA_BOOTSTRAP\n"),
])
def test_a_wirewatch_error_becomes_a_message_and_exit_code_1(kind: str, message: str) -> None:
    result = CliRunner().invoke(group, ["boom", kind])
    assert (result.exit_code, result.stderr) == (1, message)
    assert result.stdout == ""


def test_other_exceptions_are_bugs_and_keep_their_traceback() -> None:
    result = CliRunner().invoke(group, ["boom", "other"])
    assert isinstance(result.exception, KeyError)


def test_every_boundary_error_has_the_one_root() -> None:
    from streams.agents.batches import UndecodableMessage
    from wirewatch.embedded import EmbeddedStackError
    from wirewatch.evaluation.data import EvalDataMissing
    from wirewatch.kibana import KibanaSetupError
    from wirewatch.search_setup import SearchSetupError
    from wirewatch.topic_setup import TopicSetupError

    for error in (BrokerUnavailableError, UndecodableMessage, EmbeddedStackError, EvalDataMissing,
                  KibanaSetupError, SearchSetupError, TopicSetupError):
        assert issubclass(error, WirewatchError), error


def test_invalid_settings_are_a_config_error_naming_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.settings import get_settings

    monkeypatch.setenv("WIREWATCH_KAFKA__PARTITIONS", "-3")
    get_settings.cache_clear()
    try:
        with pytest.raises(ConfigError, match="WIREWATCH_KAFKA__PARTITIONS: Input should be greater than"):
            get_settings()
    finally:
        get_settings.cache_clear()
