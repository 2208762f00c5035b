"""Where an event happened (``streams/tagging/events/where.py``): one invented article per reading.

Each article goes through the real tagger; sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.tagger import Tagger
from tests.support.roles import event, names, tag


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(get_settings().spacy_model)


def test_a_lead_placed_elsewhere_keeps_later_events_off_the_dateline_place(tagger):
    tagged = tag(tagger, "GOMA - M23 rebels attacked the town of Sake, west of Goma, on Monday, residents said.\n\n"
                         "The rebels burned dozens of houses and looted shops.")
    e = event(tagged, "The rebels")
    assert "Sake" in names(tagged, e.place_ids[:1])
