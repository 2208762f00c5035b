"""How the entities component reads the gazetteer and corrects the article's places.

The entities component sometimes has the better evidence about a name the
places component read: a place mention inside a person's name or a team is
withdrawn ("Nusrat" in "Nusrat Jahan Mitu"); a one-word "person" the gazetteer
knows as a place in the article's country joins that place ("Tavildara").
"""

from __future__ import annotations

from schemas import Place
from streams.tagging.component import Work
from streams.tagging.entities.rules import PlaceCountries, PlaceLookup


def store_lookup() -> PlaceLookup:
    from core.settings import get_settings
    from streams.tagging.places.store import GazetteerStore

    store = GazetteerStore.shared(get_settings().gazetteer_cache_dir)
    return lambda name: bool(store.lookup_name(name))


def store_countries() -> PlaceCountries:
    from core.settings import get_settings
    from streams.tagging.places.store import GazetteerStore

    store = GazetteerStore.shared(get_settings().gazetteer_cache_dir)
    return lambda name: frozenset(h.place.country_code for h in store.lookup_name(name)
                                  if h.place.country_code)


def withdraw(work: Work, spans: list[tuple[int, int]]) -> list[Place]:
    """The article's places without the mentions at ``spans`` (combined offsets); empty places go."""
    gone = set(spans)
    kept = []
    for place in work.places:
        mentions = [m for m in place.mentions
                    if work.text.span_of(m) not in gone]
        if mentions:
            kept.append(place if len(mentions) == len(place.mentions)
                        else place.model_copy(update={"mentions": mentions}))
    return kept


def add_mentions(work: Work, spans: list[tuple[int, int]]) -> list[Place]:
    """The article's places with the mentions at ``spans`` (combined offsets) added to the
    place already found under the same name; a span with no such place is left out."""
    places = list(work.places)
    full = work.text.text
    for start, end in spans:
        name = full[start:end].lower()
        mention = work.text.mention(start, end)
        for i, place in enumerate(places):
            if mention is not None and any(m.text.lower() == name for m in place.mentions) \
                    and all((m.field, m.start) != (mention.field, mention.start) for m in place.mentions):
                places[i] = place.model_copy(update={"mentions": [*place.mentions, mention]})
                break
    return places
