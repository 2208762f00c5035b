"""An event message names the ids of its actors, targets and places."""

from __future__ import annotations

from schemas import Entity, Event, Mention, Place, TaggedArticle, article_id, utcnow
from streams.indexing.documents import (
    event_document,
    event_from_document,
    event_messages,
)

BODY = "Turkish troops shelled Kobani, Syrian Kurds said."


def tagged() -> TaggedArticle:
    sentence = Mention(field="body", start=0, end=len(BODY), text=BODY)
    turks = Entity(id="group:turks", name="Turks", type="GROUP", salience=0.6)
    kurds = Entity(id="group:kurds", name="Kurds", type="GROUP", salience=0.4)
    kobani = Place(id="geonames:170794", name="Kobani", geonames_id=170794, feature="city",
                   country_code="SY", lat=36.89, lon=38.35, confidence=0.9, salience=1)
    ridge = Place(id="place:the-ridge", name="the ridge", feature="landform", confidence=0.1, salience=0.1)
    event = Event(id="e1", category="ASSAULT", subtype="ART_MISS_ATTACK", sentence=sentence,
                  actors=["group:turks"], targets=["geonames:170794", "group:unknown"],
                  place_ids=["geonames:170794", "place:the-ridge"], confidence=0.8)
    return TaggedArticle(id=article_id("https://example.org/k"), url="https://example.org/k",
                         source="rss:example", title="", body=BODY, fetched_at=utcnow(),
                         entities=[turks, kurds], places=[kobani, ridge], events=[event],
                         story_id="s", tagged_at=utcnow(), tagger_version="test")


def test_refs_name_each_known_id_in_order_with_its_type():
    message = event_messages(tagged())[0]
    assert [(r.id, r.name, r.type) for r in message.actor_refs] == [("group:turks", "Turks", "GROUP")]
    # An id the article does not name is left out, never invented.
    assert [(r.id, r.name, r.type) for r in message.target_refs] == [("geonames:170794", "Kobani", "PLACE")]
    assert [(r.name, r.feature) for r in message.place_refs] == [("Kobani", "city"), ("the ridge", "landform")]
    assert message.place_refs[0].country_code == "SY"
    assert message.actors == ["group:turks"]  # the ids stay as they were


def test_refs_survive_the_index_round_trip():
    message = event_messages(tagged())[0]
    assert event_from_document(event_document(message)) == message


def test_event_messages_are_the_messages_of_each_event_in_order():
    article = tagged()
    second = article.events[0].model_copy(update={"id": "e2", "actors": ["group:kurds"], "place_ids": []})
    article = article.model_copy(update={"events": [article.events[0], second]})
    messages = event_messages(article)
    assert [m.id for m in messages] == ["e1", "e2"]
    assert [r.name for r in messages[0].actor_refs] == ["Turks"]
    assert [r.name for r in messages[1].actor_refs] == ["Kurds"] and messages[1].places == []


def _with_mentions() -> TaggedArticle:
    article = tagged()
    turks, kobani = Mention(field="body", start=0, end=7, text="Turkish"), Mention(
        field="body", start=23, end=29, text="Kobani")
    entities = [article.entities[0].model_copy(update={"mentions": [turks]}), article.entities[1]]
    places = [article.places[0].model_copy(update={"mentions": [kobani]}), article.places[1]]
    return article.model_copy(update={"entities": entities, "places": places})


def test_index_documents_leave_out_the_mentions_and_keep_everything_else():
    from streams.indexing.documents import article_document, article_from_document

    article = _with_mentions()
    doc = article_document(article)
    assert all("mentions" not in e for e in doc["entities"]) and all("mentions" not in p for p in doc["places"])
    assert doc["places"][0]["location"] == {"lat": 36.89, "lon": 38.35}
    assert doc["persons"] == [] and doc["groups"] == ["Turks", "Kurds"] and doc["place_names"] == ["Kobani", "the ridge"]
    assert doc["events"][0]["sentence"]["text"] == BODY  # event sentences stay: the result pages show them
    without = article.model_copy(update={"entities": [e.model_copy(update={"mentions": []}) for e in article.entities],
                                         "places": [p.model_copy(update={"mentions": []}) for p in article.places]})
    assert article_from_document(doc) == without
    event = event_document(event_messages(article)[0])
    assert all("mentions" not in p for p in event["places"]) and event["places"][0]["name"] == "Kobani"
