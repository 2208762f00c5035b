"""Reading place names: dotted abbreviations and the names a place is known by.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core.settings import get_settings
from schemas import RawArticle
from streams.tagging.spacy_model import load_pipeline
from streams.tagging.tagger import Tagger


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(get_settings().spacy_model)


def places(tagger: Tagger, body: str) -> dict[str, tuple[str, str | None, str]]:
    """Mention text -> (place name, country code, feature)."""
    tagged = tagger.tag(RawArticle(id="e" * 32, source="file:test", body=body,
                                   fetched_at=datetime(2026, 3, 3, tzinfo=UTC)))
    return {m.text: (p.name, p.country_code, p.feature) for p in tagged.places for m in p.mentions}


def test_a_hyphen_after_a_dotted_initialism_is_its_own_token():
    nlp = load_pipeline(get_settings().spacy_model)
    assert [t.text for t in nlp("A U.S.-led force and U.K.-funded clinics.")] == [
        "A", "U.S.", "-", "led", "force", "and", "U.K.", "-", "funded", "clinics", "."]
    # a hyphen between words, or after an abbreviation that is no initialism, is as before
    assert [t.text for t in nlp("A Nairobi-based firm in Jan.-Feb. sales.")][:4] == ["A", "Nairobi", "-", "based"]
    assert "Jan.-Feb" in [t.text for t in nlp("A Nairobi-based firm in Jan.-Feb. sales.")]


def test_a_dotted_country_before_a_hyphen_is_the_country(tagger):
    found = places(tagger, "A U.S.-led coalition struck targets near the border, and a U.K.-funded "
                           "clinic reopened in the town.")
    assert found["U.S."] == ("United States", "US", "country")
    assert found["U.K."] == ("United Kingdom", "GB", "country")
    assert "U.S.-led" not in found
