"""Bounded tagged output: a legal article never yields a message the broker refuses."""

from __future__ import annotations

from core.limits import max_message_bytes, max_output_bytes
from core.settings import Settings
from schemas import Entity, Event, Mention, Place, TaggedArticle, utcnow
from streams.indexing.documents import event_messages
from streams.tagging.bounds import MAX_EVENTS, MAX_MENTIONS, bound, json_size

SETTINGS = Settings(kafka_bootstrap="127.0.0.1:1", es_url="http://127.0.0.1:1")


def _maximal(limit: int) -> TaggedArticle:
    """An article at the size limit, with far more annotations than the caps allow."""
    sentence = "Olaf Scholz met Emmanuel Macron in Berlin and protesters marched. "
    body = sentence * (limit // len(sentence) - 2)
    n = body.count(sentence)
    starts = [i * len(sentence) for i in range(n)]
    entity = Entity(id="person:olaf-scholz", name="Olaf Scholz", type="PERSON", salience=0.9,
                    mentions=[Mention(field="body", start=s, end=s + 11, text="Olaf Scholz") for s in starts])
    others = [Entity(id=f"person:p{i}", name=f"P{i}", type="PERSON", salience=0.1,
                     mentions=[Mention(field="body", start=starts[i], end=starts[i] + 4, text="Olaf")])
              for i in range(min(n, 3000))]
    place = Place(id="geonames:2950159", name="Berlin", geonames_id=2950159, feature="city", country_code="DE",
                  lat=52.5, lon=13.4, confidence=0.9, salience=0.5,
                  mentions=[Mention(field="body", start=s + 35, end=s + 41, text="Berlin") for s in starts])
    events = [Event(id=f"x-{s}-consult", category="CONSULT", sentence=Mention(
        field="body", start=s, end=s + len(sentence) - 1, text=sentence[:-1]),
        actors=["person:olaf-scholz"], targets=[f"person:p{i % 3000}"], place_ids=["geonames:2950159"],
        confidence=0.8) for i, s in enumerate(starts)]
    return TaggedArticle(id="a" * 32, source="file:test", title="Talks in Berlin", body=body, language="en",
                         fetched_at=utcnow(), entities=[entity, *others], places=[place], events=events,
                         story_id="a" * 32, tagged_at=utcnow(), tagger_version="test")


def test_caps_on_mentions_and_events():
    article = _maximal(20_000)
    capped = bound(article, None)
    assert len(capped.events) == MAX_EVENTS < len(article.events)
    assert all(len(e.mentions) <= MAX_MENTIONS for e in capped.entities)
    assert all(len(p.mentions) <= MAX_MENTIONS for p in capped.places)
    assert capped.entities[0].mentions == article.entities[0].mentions[:MAX_MENTIONS]


def test_a_maximal_article_yields_outputs_that_fit_the_topics():
    limit = SETTINGS.max_article_bytes
    article = _maximal(limit)
    assert json_size(article) > max_output_bytes(SETTINGS)  # unbounded, it would not fit
    bounded = bound(article, max_output_bytes(SETTINGS))
    assert json_size(bounded) <= max_output_bytes(SETTINGS)
    assert bounded.body == article.body and bounded.title == article.title
    for message in event_messages(bounded):
        assert len(message.model_dump_json().encode()) <= max_message_bytes(SETTINGS)
    TaggedArticle.model_validate_json(bounded.model_dump_json())  # still a valid contract message


def test_a_small_article_is_left_alone():
    article = _maximal(2_000)
    assert len(article.events) < MAX_EVENTS
    assert bound(article, max_output_bytes(SETTINGS)) is article
