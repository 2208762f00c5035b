"""Roles read in general terms (session 22): a proper name the entities left out of one sentence
names the entity the article writes it for elsewhere ("accused the M23 of ..." after "M23 rebels
seized ..."). One hand-written article per form (not from any evaluation set); each reading was
measured on the training corpus and the role dev sets.
"""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.tagger import Tagger
from tests.support.roles import event, tag
from tests.support.roles import names as role_names


@pytest.fixture(scope="module")
def tagger() -> Tagger:
    return Tagger(get_settings().spacy_model)


def test_a_proper_name_no_mention_covers_names_the_entity_written_so_elsewhere(tagger):
    tagged = tag(tagger, "M23 rebels seized the town of Masisi on Monday.\n\n"
                         "The Congolese government accused the M23 of recruiting children.")
    assert "m23" in role_names(tagged, event(tagged, "The Congolese government").targets, lower=True)
