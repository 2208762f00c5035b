"""Fixtures the unit tests share."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    """The shipped tagger, one per test module (its story index remembers what it tagged)."""
    return Tagger(get_settings().spacy_model)
