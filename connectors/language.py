"""Offline language detection (py3langid ships its model in the wheel: no downloads)."""

from __future__ import annotations

import re
import threading
from typing import Any

MIN_DETECT_CHARS = 20
"""Below this much text a guess is noise: answer None instead."""

_LANG_HINT = re.compile(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$")
_identifier: Any = None
_lock = threading.Lock()


def normalize_language(hint: str | None) -> str | None:
    """An ISO 639-1 code from a source's hint (``en-US``, ``fr_FR``, ``DE``), or None.

    Args:
        hint: what the source said, e.g. an RSS ``<language>`` or ``<html lang>``.
    """
    if not hint:
        return None
    match = _LANG_HINT.match(hint)
    return match.group(1).lower() if match else None


def detect_language(text: str) -> str | None:
    """Guess the ISO 639-1 language of ``text``; None when it is too short to tell.

    Args:
        text: plain text, ideally a title plus a paragraph or more.
    """
    sample = text[:4000]
    if len(sample.strip()) < MIN_DETECT_CHARS:
        return None
    global _identifier
    with _lock:  # loading the model is not thread-safe; classify is read-only
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE)
    code, _score = _identifier.classify(sample)
    return normalize_language(code)


def article_language(hint: str | None, title: str, body: str) -> str | None:
    """The source's language hint when it has one, else a detection on title + body."""
    return normalize_language(hint) or detect_language(f"{title}\n{body}")
