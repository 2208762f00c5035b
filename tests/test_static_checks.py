"""The code stays ruff- and mypy-clean: `make test` fails on a new finding.

Both tools read their settings from pyproject.toml (``[tool.ruff]``,
``[tool.mypy]``), so these tests check exactly what ``make lint`` checks.
"""

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO_ROOT,
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("command", [("ruff", "check", "."), ("mypy",)], ids=["ruff", "mypy"])
def test_static_checker_reports_nothing(command: tuple[str, ...]) -> None:
    result = _run(*command)
    assert result.returncode == 0, (
        f"`{' '.join(command)}` found problems (run `make lint` to see them):\n"
        f"{result.stdout}{result.stderr}"
    )
