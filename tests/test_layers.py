"""The top-level packages keep their layers: a new import that closes a cycle fails here.

``[tool.importlinter]`` in pyproject.toml declares them, lowest last::

    wirewatch  ->  connectors | streams  ->  core  ->  schemas

A package may import only packages below it; ``connectors`` and ``streams``
may not import each other. README.md ("Architecture") draws the same picture.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("wirewatch", "connectors", "streams", "core", "schemas")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    # --no-cache: no .import_linter_cache folder left in the repository
    return subprocess.run([str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
                          cwd=root, capture_output=True, text=True, check=False)


def test_the_layers_hold() -> None:
    result = _lint_imports(REPO_ROOT)
    assert result.returncode == 0, f"an import breaks the layers:\n{result.stdout}{result.stderr}"
    assert "1 kept, 0 broken" in result.stdout


def test_an_import_that_closes_a_cycle_is_caught(tmp_path: Path) -> None:
    """The check can fail: core importing the command line is reported."""
    shutil.copy(REPO_ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for package in PACKAGES:
        shutil.copytree(REPO_ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__", "data", "*.jsonl"))
    topics = tmp_path / "core" / "topics.py"
    topics.write_text(topics.read_text() + "\nfrom wirewatch.cli import cli  # noqa: E402\n")
    streams_app = tmp_path / "streams" / "worker.py"
    streams_app.write_text(streams_app.read_text() + "\nimport connectors.publisher  # noqa: E402\n")
    result = _lint_imports(tmp_path)
    assert result.returncode != 0, result.stdout
    assert "core.topics -> wirewatch.cli" in result.stdout
    assert "streams.worker -> connectors.publisher" in result.stdout


def test_product_code_does_not_import_the_test_helpers() -> None:
    offenders = [
        f"{path.relative_to(REPO_ROOT)}: {line.strip()}"
        for package in PACKAGES for path in (REPO_ROOT / package).rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith(("from tests", "import tests"))
    ]
    assert offenders == [], "test helpers (tests/support/) imported by product code"
