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


def test_terminal_escape_codes_never_reach_a_json_line():
    record = logging.LogRecord("faust", logging.INFO, __file__, 1,
                               "\b\x1b[?25h\x1b[32mReady\x1b[0m \x1b]0;worker\x07done", None, None)
    assert json.loads(JsonFormatter().format(record))["message"] == "Ready done"


def test_a_log_file_gets_only_json_and_rotates_by_size(restore_root_logger, tmp_path):
    log_file = tmp_path / "logs" / "worker-1.log"
    settings = Settings(log_file=log_file, log_file_max_bytes=2048, log_file_backups=2)
    configure_logging(settings)
    for i in range(100):
        logging.getLogger("wirewatch.x").warning("line %d", i, extra={"stage": "tag"})
    configure_logging(Settings(), stream=io.StringIO())  # closes the file handler
    files = sorted(p.name for p in log_file.parent.iterdir())
    assert files == ["worker-1.log", "worker-1.log.1", "worker-1.log.2"]
    for path in log_file.parent.iterdir():
        assert path.stat().st_size <= 2048 + 200
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line)
            assert {"ts", "level", "logger", "message"} <= set(entry) and entry["stage"] == "tag"


def test_warnings_and_crashes_come_out_as_json_too(restore_root_logger):
    import sys
    import warnings

    stream = io.StringIO()
    logging.captureWarnings(False)  # an earlier test's capture holds pytest's own recorder
    configure_logging(Settings(), json=True, stream=stream)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always")
            warnings.warn("old API", DeprecationWarning, stacklevel=1)
        try:
            raise RuntimeError("broker gone")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        logging.captureWarnings(False)
        sys.excepthook = sys.__excepthook__
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert lines[0]["logger"] == "py.warnings" and "old API" in lines[0]["message"]
    assert lines[1]["level"] == "CRITICAL" and "RuntimeError: broker gone" in lines[1]["exception"]
