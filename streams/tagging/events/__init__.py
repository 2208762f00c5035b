"""Events: what happened, typed with PLOVER categories and ACLED subtypes.

The entry point is :class:`EventExtractor` (a tagging component). Inside, by
step: ``sentences`` (which lines are read), ``rules`` and ``scope``
(detection and typing: triggers matched against the ``taxonomy`` and the
cues that keep or cancel them), ``roles`` (actors, targets and places of an
event), ``dates`` (the day it happened), ``explain`` (why, for
``wirewatch tag --explain``).
"""

from streams.tagging.events.extractor import EventExtractor

__all__ = ["EventExtractor"]
