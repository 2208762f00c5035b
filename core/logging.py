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
import threading
import time
from datetime import UTC, datetime
from typing import Any, TextIO

from core.backoff import Backoff
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


# Repeats of one library message are let through at growing intervals: 1, 2, 4... s, up to 60 s.
REPEAT_WINDOWS = Backoff(initial_s=1.0, max_s=60.0)
_VARYING = re.compile(r"\d+")


class RepeatFilter(logging.Filter):
    """Thins out a library's repeated warnings and errors (a broker or search engine that is away).

    While a dependency is down, kafka-python, aiokafka and the search client
    log the same failure on every retry. The first occurrence of a message
    (numbers ignored) passes; repeats pass only after windows that double, from
    1 s up to 60 s, each saying how many were left out. A message that stays
    quiet for two maximal windows starts afresh. Wirewatch's own records
    always pass.
    """

    def __init__(self, loggers: tuple[str, ...] = ("kafka", "aiokafka", "elastic_transport", "faust", "mode"),
                 windows: Backoff = REPEAT_WINDOWS, clock: Any = time.monotonic) -> None:
        super().__init__()
        self.prefixes = tuple(loggers)
        self.windows = windows
        self.clock = clock
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], list[float]] = {}  # key -> [next allowed, window index, left out, last]

    def filter(self, record: logging.LogRecord) -> bool:
        name = record.name
        if record.levelno < logging.WARNING or not (
                name in self.prefixes or name.startswith(tuple(p + "." for p in self.prefixes))):
            return True
        key = (name, _VARYING.sub("#", str(record.msg)))
        now = self.clock()
        with self._lock:
            state = self._seen.get(key)
            if state is None or now - state[3] > 2 * self.windows.max_s:
                self._seen[key] = [now + self.windows.window(0), 1, 0, now]
                return True
            state[3] = now
            if now < state[0]:
                state[2] += 1
                return False
            left_out, state[2] = int(state[2]), 0
            state[0] = now + self.windows.window(int(state[1]))
            state[1] += 1
        if left_out:
            record.msg = f"{record.msg} (and {left_out} more like it since the last report)"
        return True


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
    handler.addFilter(RepeatFilter())
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
