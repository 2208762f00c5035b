"""Countries named by their people: a demonym is a mention of its country, and stays a GROUP.

The texts are written for these tests (not taken from any evaluation set).
"""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Mention, Place, RawArticle, TaggedArticle
from streams.tagging.component import Work
from streams.tagging.config import load_config
from streams.tagging.events.where import PlaceContext
from streams.tagging.places.demonyms import (
    DEMONYM_CONFIDENCE,
    DemonymPlaces,
    demonym_only,
    explain_demonyms,
)
from streams.tagging.shared.text import ArticleText
from streams.tagging.tagger import Tagger

BODY = ("Kenyan police and Somali troops clashed near Mandera on Tuesday. Kenya's interior "
        "minister said the border stayed open. A statement in French came from the embassy, "
        "and Turkish Airlines cancelled flights. Latin American envoys and African-American "
        "pastors sent help.")


def tag(tagger: Tagger, body: str, title: str = "") -> TaggedArticle:
    return tagger.tag(RawArticle(id="d" * 32, source="file:test", title=title, body=body,
                                 fetched_at=datetime(2026, 3, 3, tzinfo=UTC)))


def test_a_demonym_is_a_mention_of_its_country_and_the_group_stays(tagger):
    tagged = tag(tagger, BODY)
    by_code = {p.country_code: p for p in tagged.places if p.feature == "country"}
    somalia = by_code["SO"]
    assert [m.text for m in somalia.mentions] == ["Somali"] and demonym_only(somalia)
    assert somalia.confidence == DEMONYM_CONFIDENCE and somalia.geonames_id == 51537
    kenya = by_code["KE"]  # named too: the demonym joins the named place, which keeps its weight
    assert [m.text for m in kenya.mentions] == ["Kenyan", "Kenya"] and not demonym_only(kenya)
    assert kenya.confidence > DEMONYM_CONFIDENCE and kenya.salience > somalia.salience
    # the nationality words are GROUP entities as before
    groups = {m.text for e in tagged.entities if e.type == "GROUP" for m in e.mentions}
    assert {"Kenyan police", "Somali troops"} <= groups
    # a language, a company's name and wider names are not countries
    assert not {"FR", "TR", "US"} & set(by_code)


def test_a_country_named_only_by_its_people_is_not_where_an_event_happened(tagger):
    tagged = tag(tagger, "The Russian army shelled a village overnight, killing two people.")
    russia = next(p for p in tagged.places if p.country_code == "RU")
    assert demonym_only(russia) and tagged.events
    assert all(russia.id not in e.place_ids for e in tagged.events)
    lines = explain_demonyms(tagged)
    assert lines == [f"place: 'Russian' from demonym -> Russia ({russia.id}) "
                     f"confidence={DEMONYM_CONFIDENCE} salience={russia.salience} (known only from demonyms)"]


def test_event_places_leave_demonym_mentions_out_wherever_the_component_runs():
    text = ArticleText(title="", body="Kenyan police fired on crowds in Mandera.")
    kenya = Place(id="geonames:192950", name="Kenya", geonames_id=192950, feature="country",
                  country_code="KE", lat=1.0, lon=38.0, confidence=0.4, salience=0.3,
                  mentions=[Mention(field="body", start=0, end=6, text="Kenyan")])
    mandera = Place(id="geonames:187896", name="Mandera", geonames_id=187896, feature="city",
                    country_code="KE", lat=3.94, lon=41.86, confidence=0.9, salience=0.7,
                    mentions=[Mention(field="body", start=32, end=39, text="Mandera")])
    spans = {p.id: [(m.start, m.end) for m in p.mentions] for p in (kenya, mandera)}
    context = PlaceContext(text, [kenya, mandera], spans.__getitem__)
    assert context.mentions == [(32, 39, mandera.id)]


def test_the_setting_turns_the_countries_off(tagger):
    config = load_config().component("demonyms")
    assert config.options["countries"] is True  # the bundled default
    off = DemonymPlaces.from_config(config.model_copy(update={"options": {"countries": False}}))
    on = DemonymPlaces.from_config(config)
    article = RawArticle(id="e" * 32, source="file:test", title="",
                         body="Ukrainian officials said the dam held.", fetched_at=datetime(2026, 3, 3, tzinfo=UTC))
    text = ArticleText.of(article)
    work = Work(article=article, text=text, doc=tagger.nlp(text.text))
    off(work)
    assert work.places == []
    on(work)
    assert [p.name for p in work.places] == ["Ukraine"]


def test_explain_reruns_entities_and_events_on_the_places_they_saw(tagger):
    from streams.tagging.entities.explain import explain_entities
    from streams.tagging.places.demonyms import named_places

    tagged = tag(tagger, "Kenyan police said Somali gunmen attacked a bus near Mandera.")
    assert {p.country_code for p in tagged.places if demonym_only(p)} == {"KE", "SO"}
    assert "Mandera" in [p.name for p in named_places(tagged.places)]
    assert not {"Kenya", "Somalia"} & {p.name for p in named_places(tagged.places)}
    lines = explain_entities(tagger.nlp, tagged, tagger.component("entities"))
    explained = {line.split()[1] for line in lines[1:] if not line.startswith("  - ")}
    # the ids the tagger gave (the demonym places came after the entities: no "group:kenya-police")
    assert "group:kenyan-police" in explained and "group:kenyan-police" in {e.id for e in tagged.entities}
    assert "group:kenya-police" not in explained


def test_a_pair_of_countries_may_stand_for_a_country_named_by_its_people(tagger):
    # session 53: the demonyms run before the events, which read the places without them except
    # where a pair of countries needs them ("the two countries")
    from tests.support.roles import event, names

    tagged = tag(tagger, "Argentine President Javier Milei hosted Israeli Prime Minister Benjamin Netanyahu "
                         "in Buenos Aires on Thursday. The two countries signed agreements on cybersecurity.")
    found = event(tagged, "The two countries", "AGREE")
    assert {"Argentina", "Israel"} <= names(tagged, found.actors)


def test_no_event_is_placed_in_a_country_named_only_by_its_people(tagger):
    tagged = tag(tagger, "Kenyan police said Somali gunmen attacked a bus near Mandera.")
    placed = {p.name for e in tagged.events for p in tagged.places if p.id in e.place_ids}
    assert not {"Kenya", "Somalia"} & placed


def test_a_people_word_of_any_ending_is_its_country_and_a_group(tagger):
    # "Kyrgyz" ends like no demonym: it was an unknown place and no GROUP
    tagged = tag(tagger, "Kyrgyz authorities arrested eight journalists on Monday.")
    kyrgyzstan = next(p for p in tagged.places if p.country_code == "KG")
    assert kyrgyzstan.feature == "country" and [m.text for m in kyrgyzstan.mentions] == ["Kyrgyz"]
    assert [p.name for p in tagged.places] == ["Kyrgyzstan"]


def test_a_country_named_by_its_people_is_context_for_the_other_names(tagger):
    # "Plateau" is a first-level area of Nigeria and of Benin, both without people: "Nigerian" decides
    tagged = tag(tagger, "Nigerian police said gunmen killed 12 villagers in Plateau state on Saturday.")
    plateau = next(p for p in tagged.places if p.name == "Plateau")
    assert (plateau.feature, plateau.country_code) == ("admin1", "NG")
    # a people's word is one vote, a named country two: "Paris" beside "American" and "French" stays French
    paris = next(p for p in tag(tagger, "American drones struck a convoy near Paris on Tuesday, French "
                                        "officials said.").places if p.name == "Paris")
    assert paris.country_code == "FR"
