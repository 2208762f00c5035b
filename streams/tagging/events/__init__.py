"""Events: what happened, typed with PLOVER categories and ACLED subtypes.

The entry points are three tagging components. :class:`HybridEventExtractor`
(factory ``events.hybrid``, ``hybrid``) is the default, with ``rules_first``: the
hand rules' events wherever they find one, else the trained model's event where it
is sure of a happening (without ``rules_first`` the model decides and a rule event
survives where it is unsure). :class:`EventExtractor` (factory ``events.taxonomy``)
is the hand rules alone, :class:`TrainedEventExtractor` (``events.trained``:
``trained``, ``classifier``, ``heads``, ``features``) the model alone. Inside, by
step: ``sentences`` (which lines are read), ``rules`` and ``scope``
(detection and typing: triggers matched against the ``taxonomy`` and the
cues that keep or cancel them), ``realis_scope`` (the parse's cues that a sentence
does not assert its happening: the rules' veto), ``retold`` (an act told before and judged
again in a later line is no new happening: the veto read over the article), ``ranking`` (a sentence's top
event), ``roles`` (actors, targets and places of an event), ``dates`` (the day it
happened), ``explain`` (why, for ``wirewatch tag --explain``).
"""

from streams.tagging.events.extractor import EventExtractor
from streams.tagging.events.hybrid import HybridEventExtractor
from streams.tagging.events.trained import TrainedEventExtractor

__all__ = ["EventExtractor", "HybridEventExtractor", "TrainedEventExtractor"]
