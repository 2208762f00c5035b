"""Whom a statement is about: a welcome, a condemnation or a rejection of an act told before
targets whoever did that act, whichever path (the rules or the model) read the act.
Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.tagger import Tagger
from tests.support.roles import event, names, tag


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(get_settings().spacy_model)


def test_a_welcome_targets_the_doer_of_an_act_the_model_read_before(tagger):
    # the pardon is typed by the model, the welcome by the rules: both are read in text order
    tagged = tag(tagger, "Chad reopened its embassy in Bangui on Monday.\n\nThe African Union praised the decision.")
    e = event(tagged, "The African Union", "SUPPORT")
    assert "chad" in names(tagged, e.targets, lower=True)
