"""Places: where the article happens. Toponyms found, resolved against the gazetteer.

The entry point is :class:`PlaceResolver` (a tagging component). Inside:
``finder`` (toponyms in the doc; ``cues``, ``filters``), ``resolve`` (the
reading of each; ``score``, ``context``, ``counties``), ``gazetteer`` (the
name index over the SQLite ``store``), ``explain`` (``tag --explain``).
:class:`DemonymPlaces` (a second component, after the events) adds the country
of each demonym ("Kenyan police") as a place mention (``demonyms``).
"""

from streams.tagging.places.demonyms import DemonymPlaces
from streams.tagging.places.resolver import PlaceResolver

__all__ = ["DemonymPlaces", "PlaceResolver"]
