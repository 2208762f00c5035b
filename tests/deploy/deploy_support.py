"""Helpers for the deployment checks: paths, dotenv reading, Compose variable substitution."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
COMPOSE_FILE = REPO / "docker-compose.yml"
ENV_EXAMPLE = REPO / ".env.example"

# ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, ${VAR?error}; $$ is a literal $.
_VARIABLE = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])((?:[^{}]|\{[^{}]*\})*))?\}")


def read_env_file(path: Path) -> dict[str, str]:
    """KEY=VALUE lines of a dotenv file; comments and blank lines skipped."""
    env = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def interpolate(text: str, env: dict[str, str]) -> str:
    """Substitute variables as Compose does; a missing required variable raises KeyError."""

    def substitute(match: re.Match[str]) -> str:
        if match.group(0) == "$$":
            return "$$"  # left for the container's shell, as Compose does
        name, operator, argument = match.group(1), match.group(2), match.group(3) or ""
        value = env.get(name)
        unset_or_empty = value is None or (operator or "").startswith(":") and value == ""
        if operator in (":-", "-"):
            return argument if unset_or_empty else value
        if operator in (":?", "?") and unset_or_empty:
            raise KeyError(f"{name}: {argument}")
        if value is None:
            raise KeyError(f"{name} is not set")
        return value

    return _VARIABLE.sub(substitute, text)


def referenced_variables(text: str) -> set[str]:
    """Names of the variables a compose file reads."""
    return {m.group(1) for m in _VARIABLE.finditer(text) if m.group(1)}


def free_port() -> int:
    """A TCP port nothing listens on right now (never the lead's 9092/9200/6066/8080)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
