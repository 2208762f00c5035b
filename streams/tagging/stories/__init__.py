"""Stories: near-duplicate detection (``story_id``, ``duplicate_of``).

The entry point is :class:`StoryIndex` (a tagging component, stateful: it
remembers the articles its tagger saw).
"""

from streams.tagging.stories.index import StoryIndex

__all__ = ["StoryIndex"]
