"""JSON lines (one JSON value per line): the one reader for files, demo data and NDJSON.

Bad lines are reported, not raised, so each caller decides what a bad line
means (an item error for ``wirewatch publish``, a failed load for the demo
file or the Kibana objects) and words the message for its own users.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class JsonLine:
    """One non-blank line.

    Attributes:
        number: the line number, from 1 (blank lines count).
        size: length of the raw line (bytes when read from bytes), newline included.
        value: the parsed JSON value; None when ``error`` is set.
        error: why the line could not be read: not UTF-8 (bytes input) or not JSON.
    """

    number: int
    size: int
    value: Any = None
    error: json.JSONDecodeError | UnicodeDecodeError | None = None


def read_json_lines(lines: Iterable[str | bytes], *,
                    encoding: str = "utf-8-sig") -> Iterator[JsonLine]:
    """Parse each non-blank line of ``lines`` (text, or bytes in ``encoding``) as JSON.

    ``utf-8-sig`` skips a byte-order mark that some editors write at the start.
    """
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode(encoding) if isinstance(raw, bytes) else raw
            yield JsonLine(number, len(raw), json.loads(text))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield JsonLine(number, len(raw), error=exc)
