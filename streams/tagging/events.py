"""Sentence events (v0: a lemma lexicon)."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from schemas import Entity, Event, Place, event_id
from streams.tagging.text import ArticleText

# lemma -> (category, subtype, mode)
_LEXICON = {
    "strike": ("ASSAULT", "AIR_STRIKE", "aerial"), "bomb": ("ASSAULT", "AIR_STRIKE", "aerial"),
    "shell": ("ASSAULT", "ART_MISS_ATTACK", "heavy-weapons"), "kill": ("ASSAULT", "ATTACK", None),
    "attack": ("ASSAULT", "ATTACK", None), "clash": ("ASSAULT", "ARMED_CLASH", "firearms"),
    "protest": ("PROTEST", "PEACE_PROTEST", "demo"), "rally": ("PROTEST", "PEACE_PROTEST", "demo"),
    "arrest": ("COERCE", "ARREST", "arrest"), "detain": ("COERCE", "ARREST", "arrest"),
    "threaten": ("THREATEN", "DIPLO", None), "accuse": ("ACCUSE", "ATTRIB", None),
    "allege": ("ACCUSE", "ATTRIB", None), "deny": ("REJECT", "DIPLO", None),
    "reject": ("REJECT", "DIPLO", None), "dismiss": ("REJECT", "DIPLO", None),
    "urge": ("REQUEST", "DIPLO", None), "demand": ("REQUEST", "DIPLO", None),
    "agree": ("AGREE", "AGREEMENT", None), "sign": ("AGREE", "AGREEMENT", None),
    "meet": ("CONSULT", "DIPLO", None), "talk": ("CONSULT", "DIPLO", None),
    "sanction": ("SANCTION", "DIPLO", None), "aid": ("AID", "OTHER", None),
    "support": ("SUPPORT", "DIPLO", None), "withdraw": ("RETREAT", "NON_VIOL_TERRIT_TRANSFER", None),
    "deploy": ("MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops"), "order": ("MOBILIZE", "CHANGE_TO_GROUP_ACT", None),
    "cooperate": ("COOPERATE", "DIPLO", None), "concede": ("CONCEDE", "DIPLO", None),
    "flood": ("ASSAULT", "NATURAL_DISASTER", None), "earthquake": ("ASSAULT", "NATURAL_DISASTER", None),
}


class EventExtractor:
    """Finds event triggers in sentences and types them."""

    def __init__(self, lexicon: dict[str, tuple[str, str | None, str | None]]) -> None:
        self.lexicon = lexicon

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> EventExtractor:
        return cls(_LEXICON)

    def extract(self, doc, text: ArticleText, *, article_id: str, entities: list[Entity],
                places: list[Place], published_at: datetime | None) -> list[Event]:
        events: list[Event] = []
        for sent in doc.sents:
            sentence = text.mention(sent.start_char, sent.end_char)
            if sentence is None:
                continue
            for token in sent:
                hit = self.lexicon.get(token.lemma_.lower())
                if hit is None:
                    continue
                category, subtype, mode = hit
                in_sent = [p.id for p in places for m in p.mentions
                           if m.field == sentence.field and sentence.start <= m.start < sentence.end]
                events.append(Event(
                    id=event_id(article_id, sent.start_char, category), category=category,
                    mode=mode, subtype=subtype, sentence=sentence, trigger=token.text,
                    place_ids=list(dict.fromkeys(in_sent)), confidence=0.5,
                ))
                break
        return events
