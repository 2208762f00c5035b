"""``import spacy`` without its command line: about a third less CPU at a worker's start.

spaCy's ``__init__`` imports ``spacy.cli.info`` only to re-export ``spacy.info``,
and that pulls in the whole command line (typer, weasel, the download and
project commands): ~0.18 s of the ~0.6 s CPU that importing spaCy costs, on the
critical path of a worker's start (README, speed). While spaCy imports, a
stand-in ``spacy.cli.info`` takes its place, whose ``info`` imports the real one
when called; right after, the stand-ins are removed, so a later
``import spacy.cli`` (training does) imports the real command line.
"""

from __future__ import annotations

import sys
import threading
import types
from typing import Any

_lock = threading.Lock()


def import_spacy() -> types.ModuleType:
    """``spacy``, imported now (without ``spacy.cli``) unless it already was."""
    with _lock:
        if "spacy" in sys.modules:
            return sys.modules["spacy"]

        def info(*args: Any, **kwargs: Any) -> Any:
            from spacy.cli.info import info as real_info

            return real_info(*args, **kwargs)

        cli = types.ModuleType("spacy.cli")
        cli.__path__ = []
        cli_info = types.ModuleType("spacy.cli.info")
        cli_info.info = info  # type: ignore[attr-defined]
        cli.info = cli_info  # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": cli, "spacy.cli.info": cli_info}
        sys.modules.update(stand_ins)
        try:
            import spacy
        finally:
            for name, module in stand_ins.items():
                if sys.modules.get(name) is module:
                    del sys.modules[name]
            package = sys.modules.get("spacy")
            if package is not None and getattr(package, "cli", None) is cli:
                del package.cli
        _entry_points_by_group()
        return spacy


def _entry_points_by_group() -> None:
    """Give catalogue (spaCy's registries) its entry points grouped once.

    Loading a model looks entry points up by group ~250 times, each a scan of
    all of them (~40 ms CPU in all); catalogue reads a dict of groups as well.
    """
    import catalogue

    found = catalogue.AVAILABLE_ENTRY_POINTS
    if hasattr(found, "select") and hasattr(found, "groups"):
        catalogue.AVAILABLE_ENTRY_POINTS = {group: list(found.select(group=group)) for group in found.groups}
