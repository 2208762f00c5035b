"""Events: what happened, typed with PLOVER categories and ACLED subtypes.

The entry points are two tagging components: :class:`TrainedEventExtractor`
(factory ``events.trained``, the default: a model trained on the team corpus
decides, ``trained``, ``classifier``, ``heads``, ``features``) and
:class:`EventExtractor` (factory ``events.taxonomy``: the hand rules alone). Inside, by
step: ``sentences`` (which lines are read), ``rules`` and ``scope``
(detection and typing: triggers matched against the ``taxonomy`` and the
cues that keep or cancel them), ``roles`` (actors, targets and places of an
event), ``dates`` (the day it happened), ``explain`` (why, for
``wirewatch tag --explain``). :class:`HybridEventExtractor` (factory
``events.hybrid``, ``hybrid``) lets the model decide and keeps a rule event
where the model is unsure.
"""

from streams.tagging.events.extractor import EventExtractor
from streams.tagging.events.hybrid import HybridEventExtractor
from streams.tagging.events.trained import TrainedEventExtractor

__all__ = ["EventExtractor", "HybridEventExtractor", "TrainedEventExtractor"]
