"""Armed groups, cartels and gangs by name (entities/known.py, data/entities_armed_groups.tsv).

Hand-written sentences (none from an evaluation set or the training corpus); the tagger tests
parse them with the real spaCy model through the whole tagger.
"""

from __future__ import annotations

import pytest

from streams.tagging.entities.known import armed_group_candidates, canonical_of
from tests.support.entities import tag


def found(text: str) -> list[str]:
    return [text[c.start:c.end] for c in armed_group_candidates(text)]


def test_names_are_found_as_written_with_al_hyphens_and_apostrophes_varying():
    text = ("Al-Shabaab and al Shabaab fighters; Kata’ib Hezbollah and Kataib Hezbollah; "
            "Al Qaeda and al-Qaeda in the Arabian Peninsula; a JNIM-linked cell.")
    assert found(text) == ["Al-Shabaab", "al Shabaab", "Kata’ib Hezbollah", "Kataib Hezbollah",
                           "Al Qaeda", "al-Qaeda in the Arabian Peninsula", "JNIM"]


def test_every_name_of_a_group_has_its_canonical_name():
    assert canonical_of("JNIM") == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert canonical_of("Jamaat Nusrat al-Islam wal Muslimin") == "Jama'at Nusrat al-Islam wal-Muslimin"
    assert canonical_of("Al Shabaab") == "al-Shabaab"
    assert canonical_of("Gulf Clan") == "Clan del Golfo"
    assert canonical_of("Islamic State") is None  # left to the organisation-head rules


def test_names_inside_other_words_and_lower_case_words_are_not_found():
    assert found("the ELNINO index, a Hamasite, the radaa festival and shabaab in lower case") == []


@pytest.mark.parametrize("text, name", [
    ("Tren de Aragua ran the smuggling route, prosecutors said.", "Tren de Aragua"),
    ("Viv Ansanm gangs burned homes in Kenscoff on Monday.", "Viv Ansanm"),
    ("The Clan del Golfo took over the river port from the ELN.", "Clan del Golfo"),
    ("Hayat Tahrir al-Sham said its fighters had entered the town.", "Hayat Tahrir al-Sham"),
    ("Tehreek-e-Taliban Pakistan claimed the attack in Bannu.", "Tehreek-e-Taliban Pakistan"),
    # the small model does not see the hyphenated acronym at all
    ("The SPLM-IO said government troops had shelled its positions near Nasir.", "SPLM-IO"),
])
def test_a_listed_group_is_one_organisation_under_its_whole_name(tagger, text, name):
    tagged = tag(tagger, text)
    orgs = {m.text: e for e in tagged.entities for m in e.mentions}
    assert name in orgs and orgs[name].type == "ORG"
    assert not any(e.type == "PERSON" for e in tagged.entities)


def test_a_short_name_and_a_full_name_are_one_entity(tagger):
    tagged = tag(tagger, "Jama'at Nusrat al-Islam wal-Muslimin fighters attacked an army post near Djibo. "
                         "JNIM said on Monday that it had killed 12 soldiers.")
    ids = {m.text: e.id for e in tagged.entities for m in e.mentions}
    assert ids["JNIM"] == ids["Jama'at Nusrat al-Islam wal-Muslimin"] == "org:jama-at-nusrat-al-islam-wal-muslimin"


def test_a_group_of_fighters_keeps_the_whole_name_it_is_qualified_by(tagger):
    tagged = tag(tagger, "Hayat Tahrir al-Sham fighters entered the city on Sunday.")
    groups = [e.name for e in tagged.entities if e.type == "GROUP"]
    assert groups == ["Hayat Tahrir al-Sham fighters"]
    event = max(tagged.events, key=lambda e: e.confidence)
    names = {e.id: e.name for e in tagged.entities}
    assert [names[i] for i in event.actors] == ["Hayat Tahrir al-Sham fighters"]
