"""Lines a page or a feed wraps around the story: sign-ups, share buttons, cookie notices.

Main-text extraction (trafilatura) keeps some of them, and feed summaries end with them ("The
post ... appeared first on ..."). None tells news, and the tagger read some as events ("Sign up
for our newsletter" as an agreement signed, "Share this story" as cooperation), so the connectors
leave them out of the body they publish. A line counts only when it is short and opens with one
of these phrases addressed to the reader, so a sentence of the story that merely contains such a
word ("Follow-up talks ...", "Subscribers to the service were hit ...") stays.
"""

from __future__ import annotations

import re

# what opens a line addressed to the reader, not a line of the story
_OPENERS = re.compile(
    r"^\W*(?:sign up\b|subscribe\b|follow us\b|share this\b|share on\b|accept (?:all )?cookies\b"
    r"|click here\b|tap here\b|download (?:our|the) app\b|support (?:our|independent) journalism\b"
    r"|continue reading\b|read the full (?:story|article)\b|the post .{1,200} appeared first on\b"
    r"|this article (?:first appeared|was originally published) (?:on|in)\b)",
    re.IGNORECASE)
# longer than this, a line is the story's even when it opens like one
MAX_WORDS = 25


def is_furniture(line: str) -> bool:
    """Whether a line is the page's or the feed's, not the story's (see the module docstring)."""
    return len(line.split()) <= MAX_WORDS and _OPENERS.match(line) is not None


def without_furniture(lines: list[str]) -> list[str]:
    """The lines of the story, in order."""
    return [line for line in lines if not is_furniture(line)]
