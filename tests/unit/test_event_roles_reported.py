"""Roles read in the right clause and from the right mention: a happening reported by a verb of
saying ("Belarus freed ..., the opposition said") is read in the reported clause when the model
names it and no rule trigger stands in the sentence, "officers" after the police were named
are those police, whom someone met or hosted is a party to the meeting (whom one visits stays a
target), "the town" is a town named before, a town is the place before the river or region it lies
in, and sanctions on a country are not placed in it, and "..., killing four guests" names targets too.
Hand-written sentences (not from any evaluation set).
"""

from __future__ import annotations

from streams.tagging.events.classifier import Reading
from streams.tagging.events.fallbacks import reported_verb
from streams.tagging.events.rules import SentenceMatches
from streams.tagging.events.trained import _anchor
from tests.support.roles import event, names, tag


def _reading(category: str) -> Reading:
    return Reading(realis=0.9, category=category, subtype=None, mode=None, confidence=0.9)


def test_a_reported_happening_is_read_in_the_reported_clause(tagger):
    doc = tagger.nlp("Belarus freed 14 political prisoners on Saturday, the opposition said.")
    sent = next(iter(doc.sents))
    assert sent.root.lemma_ == "say"  # the parse this test is about
    token, trigger = _anchor(sent, SentenceMatches(), _reading("CONCEDE"))
    assert (token.text, trigger) == ("freed", "freed")
    doc = tagger.nlp("Witnesses said the gunmen forced the students into a truck outside Bamenda.")
    said = next(t for t in doc if t.text == "said")
    assert reported_verb(said).text == "forced"


def test_a_statement_stays_with_its_speaker(tagger):
    doc = tagger.nlp("The ministry said the sanctions were illegal and demanded their withdrawal.")
    sent = next(iter(doc.sents))
    token, _ = _anchor(sent, SentenceMatches(), _reading("REJECT"))
    assert token.lemma_ == "say"


def test_officers_after_the_police_were_named_are_the_police(tagger):
    tagged = tag(tagger, "Kenyan police raided a warehouse in Mombasa on Tuesday. "
                         "Officers arrested six men and seized 40 rifles.")
    e = event(tagged, "Officers", "COERCE")
    assert "kenyan police" in names(tagged, e.actors, lower=True)


def test_officers_with_no_police_named_before_stay_officers(tagger):
    tagged = tag(tagger, "Officers arrested six men in Mombasa on Tuesday.")
    e = event(tagged, "Officers", "COERCE")
    assert "officers" in names(tagged, e.actors, lower=True)


def test_who_was_met_is_a_party_and_the_counterpart(tagger):
    tagged = tag(tagger, "Kenyan Foreign Minister Musalia Mudavadi met Ethiopian Prime Minister Abiy Ahmed "
                         "in Addis Ababa on Tuesday.")
    e = event(tagged, "Kenyan", "CONSULT")
    assert {"musalia mudavadi", "abiy ahmed"} <= names(tagged, e.actors, lower=True)
    # session 21: whom the minister met is also the meeting's target, as dyadic coding reads it
    assert "abiy ahmed" in names(tagged, e.targets, lower=True)
    assert "musalia mudavadi" not in names(tagged, e.targets, lower=True)


def test_parties_that_agree_together_are_each_others_counterparts(tagger):
    tagged = tag(tagger, "Iran and Saudi Arabia agreed on Friday to restore diplomatic ties.")
    e = event(tagged, "Iran", "AGREE")
    assert {"iran", "saudi arabia"} <= names(tagged, e.actors, lower=True)
    assert {"iran", "saudi arabia"} <= names(tagged, e.targets, lower=True)
    # one party alone has no counterpart named: no target from its actors
    alone = tag(tagger, "Iran agreed on Friday to restore diplomatic ties.")
    assert "iran" not in names(alone, event(alone, "Iran").targets, lower=True)


def test_both_sides_of_a_fight_are_actors(tagger):
    tagged = tag(tagger, "Nigerian troops clashed with bandits near Zurmi on Monday, killing six of them.")
    e = event(tagged, "Nigerian", "ASSAULT")
    assert {"nigerian troops", "bandits"} <= names(tagged, e.actors, lower=True)
    assert "bandits" in names(tagged, e.targets, lower=True)  # and each the other's target
    one_sided = tag(tagger, "Bandits attacked a village near Zurmi on Monday.")
    assert "village" not in names(one_sided, event(one_sided, "Bandits").actors, lower=True)


def test_a_hosts_guests_are_parties_but_whom_one_visits_stays_a_target(tagger):
    tagged = tag(tagger, "Qatar hosted Ethiopian Prime Minister Abiy Ahmed in Doha on Sunday for talks.")
    e = event(tagged, "Qatar", "CONSULT")
    assert {"qatar", "abiy ahmed"} <= names(tagged, e.actors, lower=True)
    assert "abiy ahmed" in names(tagged, e.targets, lower=True)
    visit = tag(tagger, "Ethiopian Prime Minister Abiy Ahmed visited Emir Tamim bin Hamad Al Thani in Doha.")
    e = event(visit, "Ethiopian", "CONSULT")
    assert "emir tamim bin hamad al thani" not in names(visit, e.actors, lower=True)
    assert "emir tamim bin hamad al thani" in names(visit, e.targets, lower=True)


def test_the_town_is_the_town_named_before_not_its_province(tagger):
    tagged = tag(tagger, "Rebels captured Bhamo in Kachin state last month. "
                         "Military jets bombed the town on Wednesday.")
    e = event(tagged, "Military jets")
    assert "bhamo" in names(tagged, e.targets, lower=True)
    assert "kachin" not in names(tagged, e.targets, lower=True)


def test_a_town_is_the_place_before_the_river_it_lies_on(tagger):
    tagged = tag(tagger, "Along the Nile River, RSF fighters shelled Omdurman on Monday.")
    e = event(tagged, "Along")
    assert names(tagged, e.place_ids[:1], lower=True) == {"omdurman"}


def test_sanctions_on_a_country_are_not_placed_in_it(tagger):
    tagged = tag(tagger, "The European Union imposed new sanctions on Belarus on Monday.")
    e = event(tagged, "The European Union", "SANCTION")
    assert e.place_ids == []


def test_who_a_casualty_clause_names_is_a_target_too(tagger):
    tagged = tag(tagger, "Gunmen opened fire on a wedding party in Zamfara on Saturday, killing four guests.")
    e = event(tagged, "Gunmen")
    assert "guests" in names(tagged, e.targets, lower=True)
