"""core.logging: one JSON object per line, extras kept, secrets masked."""

from __future__ import annotations

import io
import json
import logging

import pytest
from pydantic import SecretStr

from core.logging import JsonFormatter, configure_logging
from core.settings import Settings


@pytest.fixture()
def restore_root_logger():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def test_a_batch_line_carries_its_counts_and_timing(restore_root_logger):
    stream = io.StringIO()
    configure_logging(Settings(log_level="INFO"), json=True, stream=stream)
    logging.getLogger("wirewatch.tag").info(
        "tagged batch", extra={"stage": "tag", "count": 32, "seconds": 0.41})
    lines = stream.getvalue().splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert line["message"] == "tagged batch" and line["level"] == "INFO"
    assert line["logger"] == "wirewatch.tag"
    assert (line["stage"], line["count"], line["seconds"]) == ("tag", 32, 0.41)
    assert line["ts"].endswith("Z") and "T" in line["ts"]


def test_secrets_are_masked_and_exceptions_kept():
    record = logging.LogRecord("x", logging.ERROR, __file__, 1, "bulk failed", None, None)
    record.password = SecretStr("hunter2")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    text = JsonFormatter().format(record)
    assert "hunter2" not in text
    line = json.loads(text)
    assert line["password"] == "**********"
    assert "ValueError: boom" in line["exception"]


def test_configuring_twice_keeps_one_handler_and_respects_the_level(restore_root_logger):
    stream = io.StringIO()
    configure_logging(Settings(log_level="INFO"), json=False, stream=io.StringIO())
    configure_logging(Settings(log_level="WARNING"), json=False, stream=stream)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_wirewatch", False)]
    assert len(ours) == 1
    logging.getLogger("wirewatch.x").info("hidden")
    logging.getLogger("wirewatch.x").warning("shown")
    assert "hidden" not in stream.getvalue()
    assert "WARNING wirewatch.x: shown" in stream.getvalue()


def test_without_a_choice_json_is_used_unless_writing_to_a_terminal(restore_root_logger):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, terminal = io.StringIO(), Terminal()
    configure_logging(Settings(), stream=pipe)
    logging.getLogger("wirewatch.y").warning("to a pipe")
    configure_logging(Settings(), stream=terminal)
    logging.getLogger("wirewatch.y").warning("to a terminal")
    assert json.loads(pipe.getvalue())["message"] == "to a pipe"
    assert terminal.getvalue().rstrip().endswith("wirewatch.y: to a terminal")
