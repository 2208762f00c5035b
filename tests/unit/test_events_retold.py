"""An act the article told before and a later line judges again is no new happening
(streams/tagging/events/retold.py). Hand-written sentences (not from any evaluation set)."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from streams.tagging.events.retold import drop_retold, judged_act
from streams.tagging.events.rules import match_sentence
from streams.tagging.events.taxonomy import load_taxonomy
from streams.tagging.spacy_model import load_pipeline
from tests.support.roles import tag


@pytest.fixture(scope="module")
def read():
    """A line's parse and the rules' matches of it (no veto)."""
    nlp, taxonomy = load_pipeline(get_settings().spacy_model), load_taxonomy()

    def read(text: str):
        line = next(nlp(text).sents)
        return line, match_sentence(line, taxonomy)
    return read


@pytest.mark.parametrize(("text", "judged"), [
    ("The foreign ministry condemned the strike as a breach of the truce.", True),
    ("The bombing was denounced by the church.", True),
    ("Police are investigating the shooting.", True),
    # a claim names who did the act: its event and actor stay
    ("A militant group claimed responsibility for the ambush.", False),
    # the act told, not judged
    ("Gunmen attacked a convoy near the border on Monday.", False),
    ("The strike killed two men in a car.", False),
    # a verb of naming that says what the act was
    ("The opposition called the bombing a cowardly crime.", True),
    ("The minister described the bombing as a cowardly act.", True),
    # an act told, then its teller
    ("Gunmen shot two men outside a mosque, witnesses said.", False),
])
def test_an_act_noun_judged_or_claimed(read, text, judged):
    line, matches = read(text)
    material = [m for m in matches.kept if m.rule.category == "ASSAULT"]
    assert material, f"no ASSAULT trigger in {text!r}: {matches.kept}"
    assert any(judged_act(m) for m in material) is judged


def test_dropped_only_after_a_line_that_told_the_act(read):
    told = read("Missiles struck a power plant in Odesa on Monday.")
    judged = read("President Zelensky condemned the strike.")
    alone = drop_retold([judged])
    assert any(m.rule.category == "ASSAULT" for m in alone[0][1].kept)  # the only report of its act
    after = drop_retold([told, judged])
    assert any(m.rule.category == "ASSAULT" for m in after[0][1].kept)
    assert not any(m.rule.category == "ASSAULT" for m in after[1][1].kept)
    assert any(m.rule.category == "ACCUSE" for m in after[1][1].kept)  # the judgement stays
    assert any("RETOLD" in d.reason for d in after[1][1].dropped)


def test_the_tagger_tells_a_condemned_strike_once(tagger):
    tagged = tag(tagger, "Russian missiles struck a power plant in Odesa on Tuesday, cutting power to "
                         "thousands of homes.\nPresident Volodymyr Zelensky condemned the strike and called "
                         "on allies in Washington and Paris to send more air defence systems.")
    assaults = [e for e in tagged.events if e.category == "ASSAULT"]
    assert [e.sentence.text[:15] for e in assaults] == ["Russian missile"]
    condemned = [e for e in tagged.events if e.sentence.text.startswith("President")]
    assert "ACCUSE" in {e.category for e in condemned}


def test_a_brief_keeps_the_act_it_alone_reports(tagger):
    tagged = tag(tagger, "The U.N. Security Council condemned the attack on peacekeepers in Mopti.")
    assert "ASSAULT" in {e.category for e in tagged.events}


def test_the_tagger_tells_a_detention_named_again_once(tagger):
    tagged = tag(tagger, "Turkish police detained the opposition mayor of Izmir on Wednesday.\n"
                         "Party spokesperson Murat Kaya called the detentions a political operation.")
    arrests = [e for e in tagged.events if e.category == "COERCE"]
    assert [e.sentence.text[:15] for e in arrests] == ["Turkish police "]
