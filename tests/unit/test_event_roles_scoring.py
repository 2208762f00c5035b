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
