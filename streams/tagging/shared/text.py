"""One string to tag per article, and the way back to the contract's offsets.

spaCy sees ``title + "\\n\\n" + body``; every span found in it is mapped back to
a :class:`~schemas.Mention` on the field it came from. A span that straddles
the title/body seam, or any line break, is not a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas import Mention, RawArticle

SEAM = "\n\n"
# A wire dateline opening a body: "NAIROBI - ", "PEMBA, Mozambique - ", "BEIRUT (AP) — ".
DATELINE = re.compile(r"\s*(?P<city>[A-Z][A-Z'.\- ]{1,40}?)(?:,[^\n]{0,40}?)?\s*(?:\([^)\n]*\)\s*)?[-–—]+\s")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The combined text of an article and its field offsets."""

    title: str
    body: str

    @classmethod
    def of(cls, article: RawArticle) -> ArticleText:
        return cls(title=article.title, body=article.body)

    @property
    def text(self) -> str:
        return f"{self.title}{SEAM}{self.body}" if self.title else self.body

    @property
    def body_offset(self) -> int:
        """Where the body starts in :attr:`text`."""
        return len(self.title) + len(SEAM) if self.title else 0

    def mention(self, start: int, end: int) -> Mention | None:
        """The Mention for ``text[start:end]``, or None if it crosses a field or a line.

        Leading and trailing white space is trimmed off the span first.
        """
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or "\n" in text[start:end]:
            return None
        offset = self.body_offset
        if self.title and end <= len(self.title):
            return Mention(field="title", start=start, end=end, text=text[start:end])
        if start >= offset:
            return Mention(field="body", start=start - offset, end=end - offset, text=text[start:end])
        return None

    def in_title(self, start: int) -> bool:
        return bool(self.title) and start < len(self.title)
