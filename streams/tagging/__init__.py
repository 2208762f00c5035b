"""Tagging: who (entities), where (places) and what happened (events); see README.md.

The :class:`Tagger` parses with spaCy and runs the components that
``pipeline.yaml`` lists: ``places/``, ``entities/``, ``events/``, ``stories/``.
"""

from streams.tagging.tagger import TAGGER_VERSION, Tagger

__all__ = ["TAGGER_VERSION", "Tagger"]
