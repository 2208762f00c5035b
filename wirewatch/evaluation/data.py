"""Where the evaluation sets live: ``../shared/eval`` beside the repository.

Override with ``WIREWATCH_EVAL_DIR``. Nothing here copies the data.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.errors import ConfigError
from core.settings import REPO_ROOT

DEFAULT_EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"


class EvalDataMissing(ConfigError, FileNotFoundError):
    """An evaluation file is not where it should be."""


def eval_dir() -> Path:
    return Path(os.environ.get("WIREWATCH_EVAL_DIR", DEFAULT_EVAL_DIR))


def eval_file(name: str) -> Path:
    """Path of one evaluation file, or a clear error saying where it was looked for."""
    path = eval_dir() / name
    if not path.is_file():
        raise EvalDataMissing(
            f"{path} not found: put the shared evaluation sets at {eval_dir()} "
            "or set WIREWATCH_EVAL_DIR to their folder."
        )
    return path
