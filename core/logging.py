"""Log lines as JSON (one object per line) for containers, or plain text for a terminal.

Structured fields travel in ``extra``; a batch is logged once, with its counts
and timing, not once per message::

    log.info("tagged batch", extra={"stage": "tag", "count": 32, "seconds": 0.41})

gives ``{"ts": "2026-01-05T10:00:00.123Z", "level": "INFO", "logger": "...",
"message": "tagged batch", "stage": "tag", "count": 32, "seconds": 0.41}``.
Values that are not JSON types are written with ``str()``, so a pydantic
``SecretStr`` appears masked (``**********``), never in clear.
"""

from __future__ import annotations

import json as jsonlib
import logging
import logging.handlers
import re
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

from core.settings import Settings

# Attributes every LogRecord has; anything else on a record came from ``extra``.
_RECORD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", logging.INFO, "", 0, "", None, None)).keys()
) | {"message", "asctime", "taskName"}

TEXT_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# Terminal control sequences (colours, cursor moves) some libraries put in messages.
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|[\x08\x0d]")
# Libraries that log a line per request or per heartbeat at INFO.
NOISY_LOGGERS = ("kafka", "aiokafka", "elastic_transport", "urllib3", "mode", "faust")


class JsonFormatter(logging.Formatter):
    """Formats a record as one JSON object: ts, level, logger, message, extras, exception."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "ts": _iso_utc(record.created),
            "level": record.levelname,
            "logger": record.name,
            "message": _ESCAPES.sub("", record.getMessage()),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_ATTRIBUTES and not key.startswith("_"):
                payload[key] = value
        if record.exc_info:
            payload["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            payload["stack"] = self.formatStack(record.stack_info)
        return jsonlib.dumps(payload, default=str, ensure_ascii=False)


def _iso_utc(created: float) -> str:
    moment = datetime.fromtimestamp(created, tz=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _log_uncaught(kind: type[BaseException], error: BaseException, trace: Any) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    logging.getLogger("wirewatch").critical("uncaught %s: %s", kind.__name__, error,
                                            exc_info=(kind, error, trace))


def configure_logging(
    settings: Settings, json: bool | None = None, *, stream: TextIO | None = None
) -> logging.Handler:
    """Send the root logger's records to ``stream`` (stderr) at ``settings.log_level``.

    Replaces handlers a previous call installed, so it is safe to call twice.
    With ``settings.log_file`` set (``WIREWATCH_LOG_FILE``; ``wirewatch up``
    sets one per child), records go to that file instead, always as JSON,
    rotated at ``log_file_max_bytes`` keeping ``log_file_backups`` old files.

    Args:
        settings: supplies ``log_level`` (``WIREWATCH_LOG_LEVEL``) and the log file.
        json: one JSON object per line instead of plain text; ``None`` decides by
            the stream: JSON unless it is a terminal (containers have none).
        stream: where to write; standard error by default.

    Returns:
        The installed handler.
    """
    handler: logging.Handler
    if settings.log_file is not None and stream is None:
        settings.log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            settings.log_file, maxBytes=settings.log_file_max_bytes,
            backupCount=settings.log_file_backups, encoding="utf-8")
        json = True
    else:
        stream = stream or sys.stderr
        if json is None:
            json = not (hasattr(stream, "isatty") and stream.isatty())
        handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter() if json else logging.Formatter(TEXT_FORMAT))
    setattr(handler, "_wirewatch", True)  # noqa: B010 - marks ours for replacement
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_wirewatch", False)]:
        root.removeHandler(old)
        if isinstance(old, logging.FileHandler):
            old.close()
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    # Warnings and a crash's traceback go through the same handler, so a
    # container's output stays one JSON object per line.
    logging.captureWarnings(True)
    sys.excepthook = _log_uncaught
    if settings.log_level != "DEBUG":
        for name in NOISY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    return handler
