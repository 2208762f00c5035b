"""How the role scores find an article's event for a gold sentence, and the training corpus
they are tuned on (wirewatch/evaluation/event_roles.py). No tagger: events are built by hand."""

from __future__ import annotations

from schemas import Event, Mention
from wirewatch.evaluation.event_roles import _owned, load_training_corpus, team_article


def _event(body: str, start: int, end: int, confidence: float = 0.5) -> Event:
    return Event(id=f"e-{start}", category="ASSAULT", confidence=confidence,
                 sentence=Mention(field="body", start=start, end=end, text=body[start:end]))


def _record() -> dict:
    sentence = {"realis": True, "actors": [], "targets": [], "place": None, "date": None}
    return {"id": "t-1", "published_at": "2026-03-12", "dateline": "BARA", "title": "",
            "sentences": [{**sentence, "text": "The RSF shelled Bara on Monday.", "para": 0},
                          {**sentence, "text": "Twelve people were killed.", "para": 0}]}


def test_the_lead_event_that_holds_the_dateline_belongs_to_the_lead():
    item = team_article(_record())
    body = item.article.body
    assert body.startswith("BARA - The RSF")
    (s0, e0, _), (s1, e1, _) = item.sentences
    lead = _event(body, 0, e0)  # the tagger's lead sentence starts at the dateline
    second = _event(body, s1, e1)
    owned = _owned([lead, second], item.sentences)
    assert owned == {0: [lead], 1: [second]}


def test_a_title_event_belongs_to_no_body_sentence():
    item = team_article(_record())
    title = Event(id="t", category="ASSAULT", confidence=0.9,
                  sentence=Mention(field="title", start=0, end=4, text="Bara"))
    assert _owned([title], item.sentences) == {}


def test_training_corpus_loads_every_file_with_gold_roles():
    articles = load_training_corpus()
    assert len(articles) > 1000
    realis = [gold for a in articles for _, _, gold in a.sentences if gold["realis"]]
    assert len(realis) > 4000
    assert all({"actors", "targets", "place", "date"} <= set(gold) for gold in realis)


def test_precision_counts_the_named_ids_that_name_a_gold_party():
    from datetime import UTC, datetime

    from schemas import Entity, TaggedArticle
    from wirewatch.evaluation.event_roles import RoleScores, _score_actors, _Spans

    body = "Police shot two protesters and a reporter in Nairobi."
    def entity(eid: str, name: str) -> Entity:
        start = body.index(name)
        return Entity(id=eid, name=name, type="GROUP", salience=0.5,
                      mentions=[Mention(field="body", start=start, end=start + len(name), text=name)])

    police, protesters, reporter = entity("group:police", "Police"), entity("group:protesters", "protesters"), \
        entity("group:reporter", "reporter")
    event = Event(id="e", category="ASSAULT", confidence=0.5, actors=[police.id],
                  targets=[protesters.id, reporter.id],
                  sentence=Mention(field="body", start=0, end=len(body), text=body))
    now = datetime(2026, 3, 12, tzinfo=UTC)
    tagged = TaggedArticle(id="a" * 32, source="eval:team", body=body, fetched_at=now, story_id="s",
                           tagged_at=now, tagger_version="t", entities=[police, protesters, reporter],
                           events=[event])
    scores = RoleScores()
    _score_actors(scores, _Spans(tagged), event, ["Police"], ["protesters"], "here")
    # both gold parties found; one of the two targets named is not gold
    assert (scores.source_found, scores.target_found) == (1.0, 1.0)
    assert (scores.actor_precision, scores.target_precision) == (1.0, 0.5)
    _score_actors(scores, _Spans(tagged), None, ["Police"], [], "no event")  # nothing named: no change
    assert (scores.actors_named, scores.targets_named) == (1, 2)
