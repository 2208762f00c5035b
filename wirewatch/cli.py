"""The ``wirewatch`` command line (see CONTRACT.md, "Command line").

Each command lives in its own module under ``wirewatch.commands``; this module
only assembles them, importing each lazily so ``wirewatch --help`` stays fast
and a command's heavy dependencies (spaCy, faust) load only when it runs.

It is also the one edge where errors become exit codes: a
:class:`core.errors.WirewatchError` from any command is printed as
``error: <message>`` on stderr and exits with the error's ``exit_code`` (1);
anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import importlib

import click

from core.errors import WirewatchError

# command name -> "module:attribute" of a click command
COMMANDS: dict[str, str] = {
    "up": "wirewatch.commands.up:up",
    "setup": "wirewatch.commands.setup:setup",
    "publish": "wirewatch.commands.publish:publish",
    "tag": "wirewatch.commands.tag:tag",
    "search": "wirewatch.commands.search:search",
    "events": "wirewatch.commands.events:events",
    "codes": "wirewatch.commands.codes:codes",
    "web": "wirewatch.commands.web:web",
    "worker": "wirewatch.commands.worker:worker",
    "eval": "wirewatch.evaluation.cli:eval_group",
    "bench": "wirewatch.commands.bench:bench",
    "webhook": "wirewatch.commands.webhook:webhook",
    "connectors": "wirewatch.commands.connectors:connectors",
    "deadletter": "wirewatch.commands.deadletter:deadletter",
}


class CommandFailed(click.ClickException):
    """A WirewatchError on its way out of the command line."""

    def __init__(self, error: WirewatchError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", file=file, err=True)


class LazyGroup(click.Group):
    """A click group that imports a command's module only when it is used.

    Pass ``lazy_commands={"name": "module:attribute"}`` to the group decorator.
    """

    def __init__(self, *args, lazy_commands: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(self.lazy_commands)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = self.lazy_commands.get(cmd_name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except WirewatchError as exc:
            raise CommandFailed(exc) from exc


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="wirewatch")
def cli() -> None:
    """wirewatch: news articles in, tagged and searchable events out."""


def main() -> None:
    cli()
