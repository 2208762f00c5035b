"""Tagging: who (entities), where (places) and what happened (events); see README.md.

The :class:`Tagger` parses with spaCy and runs the components that
``pipeline.yaml`` lists: ``places/``, ``entities/``, ``events/``, ``stories/``.
"""

from streams.tagging.spacy_import import import_spacy

import_spacy()  # first, so that spaCy comes without its command line (see spacy_import)

from streams.tagging.tagger import TAGGER_VERSION, Tagger  # noqa: E402

__all__ = ["TAGGER_VERSION", "Tagger"]
