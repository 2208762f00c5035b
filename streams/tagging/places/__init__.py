"""Places: where the article happens. Toponyms found, resolved against the gazetteer.

The entry point is :class:`PlaceResolver` (a tagging component). Inside:
``finder`` (toponyms in the doc; ``cues``, ``filters``), ``resolve`` (the
reading of each; ``score``, ``context``, ``counties``), ``gazetteer`` and
``sources`` (the name index and where its names come from; ``admin1``).
"""

from streams.tagging.places.resolver import PlaceResolver

__all__ = ["PlaceResolver"]
