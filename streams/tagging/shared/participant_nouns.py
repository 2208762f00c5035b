"""The participant nouns (``data/events_participant_nouns.txt``): noun -> kind, read once per process.

Events give an unnamed actor or target an id by its noun (:mod:`streams.tagging.events.unnamed`);
places read the structures and sites among them as nouns a place's name can modify and stay a
place (:mod:`streams.tagging.places.named_things`).
"""

from __future__ import annotations

from pathlib import Path

from streams.tagging.resources import RESOURCES
from streams.tagging.shared.wordlists import kind_table

PARTICIPANT_NOUNS = Path(__file__).parent.parent / "data" / "events_participant_nouns.txt"


def participant_nouns() -> dict[str, str]:
    """Participant nouns (lowercase singular, "_" read as a space) -> kind."""
    return RESOURCES.get("participant nouns", PARTICIPANT_NOUNS, lambda: kind_table(PARTICIPANT_NOUNS))
