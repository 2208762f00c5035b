"""A second passive participle shares the first one's subject as its target: "The gunman was shot
and killed by soldiers" names the gunman as who was killed. Hand-written sentences (not from any
evaluation set).
"""

from __future__ import annotations

from streams.tagging.events.actors import participants


def test_a_second_passive_participle_shares_the_passive_subject(tagger):
    doc = tagger.nlp("The gunman was shot and killed by soldiers outside the mosque.")
    killed = next(t for t in doc if t.text == "killed")
    assert killed.dep_ == "conj"  # the parse this test is about
    actors, targets = participants(killed)
    assert [t.text for t in actors] == ["soldiers"]
    assert "gunman" in [t.text for t in targets]


def test_an_active_second_verb_keeps_its_own_object(tagger):
    doc = tagger.nlp("Gunmen stormed the village and burned the market.")
    burned = next(t for t in doc if t.text == "burned")
    _, targets = participants(burned)
    assert [t.text for t in targets] == ["market"]


def test_the_agent_of_the_attack_a_passive_happened_in_is_its_actor(tagger):
    doc = tagger.nlp("Twelve police officers were killed in an ambush by bandits near Gusau.")
    killed = next(t for t in doc if t.text == "killed")
    actors, targets = participants(killed)
    assert [t.text for t in actors] == ["bandits"]
    assert [t.text for t in targets] == ["officers"]
    doc = tagger.nlp("Twelve police officers were killed in Gusau by bandits.")
    actors, _ = participants(next(t for t in doc if t.text == "killed"))
    assert [t.text for t in actors] == ["bandits"]  # an agent of the verb stays the actor
