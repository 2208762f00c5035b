"""Running the Node checks in tests/consumers/node (npm packages installed by `make test`)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

NODE_DIR = Path(__file__).resolve().parent / "node"
INSTALL_HINT = "run `make test`, which installs them with `npm ci --prefix tests/consumers/node`"


def require_node(package: str) -> str:
    """The node executable, or skip the test saying what is missing."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not on this machine: the Node checks are skipped (install Node.js 18+ to run them)")
    if not (NODE_DIR / "node_modules" / package / "package.json").is_file():
        pytest.skip(f"npm package {package} is not installed: {INSTALL_HINT}")
    return node


def run_node(script: str, *args: str, package: str, stdin: str | None = None,
             timeout: float = 120.0, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``tests/consumers/node/<script>`` with node, from that folder."""
    node = require_node(package)
    return subprocess.run([node, str(NODE_DIR / script), *args], input=stdin, capture_output=True,
                          text=True, timeout=timeout, cwd=NODE_DIR, env=env)


def run_node_json(script: str, *args: str, package: str, stdin: Any = None) -> Any:
    """Run a check script that prints one JSON document; fail with its stderr when it crashes."""
    result = run_node(script, *args, package=package,
                      stdin=None if stdin is None else json.dumps(stdin))
    assert result.stdout, f"{script} printed nothing (exit {result.returncode}): {result.stderr}"
    return json.loads(result.stdout)
