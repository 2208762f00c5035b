"""Per-item results: every connector yields these, so one bad record never stops the rest."""

from __future__ import annotations

from dataclasses import dataclass

from schemas.articles import RawArticle


@dataclass(frozen=True, slots=True)
class Item:
    """An article read successfully.

    Attributes:
        article: the article, ready to publish.
        origin: where it came from, e.g. ``news.jsonl:12`` or a URL.
        nbytes: input bytes this item accounts for (drives progress bars).
    """

    article: RawArticle
    origin: str
    nbytes: int = 0


@dataclass(frozen=True, slots=True)
class ItemError:
    """An input that could not become an article.

    Attributes:
        origin: where, e.g. ``news.jsonl:12`` (file and line or record number) or a URL.
        reason: what is wrong and, where possible, what to do about it.
        nbytes: input bytes this item accounts for (drives progress bars).
    """

    origin: str
    reason: str
    nbytes: int = 0

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Result = Item | ItemError
