"""Every wirewatch container's command is one the CLI accepts, with the options it passes."""

from __future__ import annotations

import click
import pytest

from wirewatch.cli import cli

IMAGE = "wirewatch:"


def wirewatch_services(compose) -> dict[str, list[str]]:
    return {name: service["command"] for name, service in compose["services"].items()
            if str(service.get("image", "")).startswith(IMAGE)}


def test_the_app_services_are_the_ones_expected(compose):
    assert set(wirewatch_services(compose)) == {"setup", "kibana-setup", "connectors", "worker"}


@pytest.mark.parametrize("name", ["setup", "kibana-setup", "connectors", "worker"])
def test_each_command_parses(compose, name):
    args = wirewatch_services(compose)[name]
    command = cli.get_command(click.Context(cli), args[0])
    assert command is not None, f"{name}: no command {args[0]!r}"
    with command.make_context(args[0], list(args[1:]), resilient_parsing=False) as context:
        assert context.params is not None


def test_a_wrong_option_would_be_caught():
    command = cli.get_command(click.Context(cli), "setup")
    with pytest.raises(click.UsageError):
        command.make_context("setup", ["--kibana-onyl"])
