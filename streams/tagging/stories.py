"""Near-duplicate detection: ``story_id`` and ``duplicate_of``.

A 64-bit SimHash over word 3-shingles of title and body. Two articles whose
fingerprints differ in at most ``max_distance`` bits are one story; the later
one is a duplicate of the earlier. The index is per process and bounded (the
oldest fingerprints are forgotten first), so detection spans the recent past
of one worker's partitions; an article re-tagged under its own id is never its
own duplicate.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict

from schemas import RawArticle

_WORD = re.compile(r"\w+", re.UNICODE)
DEFAULT_CAPACITY = 50_000
DEFAULT_MAX_DISTANCE = 3
_MIN_WORDS = 8


def simhash(text: str) -> int | None:
    """64-bit SimHash of the text's lowercase word 3-shingles (None for very short texts)."""
    words = _WORD.findall(text.lower())
    if len(words) < _MIN_WORDS:
        return None
    weights = [0] * 64
    for i in range(len(words) - 2):
        shingle = " ".join(words[i : i + 3]).encode("utf-8")
        h = int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big")
        for bit in range(64):
            weights[bit] += 1 if (h >> bit) & 1 else -1
    return sum(1 << bit for bit in range(64) if weights[bit] > 0)


class StoryIndex:
    """Remembers recent fingerprints and assigns story ids."""

    def __init__(self, capacity: int = DEFAULT_CAPACITY, max_distance: int = DEFAULT_MAX_DISTANCE) -> None:
        self.capacity = capacity
        self.max_distance = max_distance
        # article id -> (fingerprint, story id, duplicate_of)
        self._seen: OrderedDict[str, tuple[int, str, str | None]] = OrderedDict()
        # 4 bands of 16 bits: two fingerprints within 3 bits share at least one band
        self._bands: list[dict[int, set[str]]] = [{} for _ in range(4)]

    def assign(self, article: RawArticle) -> tuple[str, str | None]:
        """Return ``(story_id, duplicate_of)`` for the article and remember it."""
        if article.id in self._seen:
            _, story, duplicate_of = self._seen[article.id]
            self._seen.move_to_end(article.id)
            return story, duplicate_of
        fingerprint = simhash(f"{article.title}\n{article.body}")
        if fingerprint is None:
            return article.id, None
        match = self._nearest(fingerprint)
        story, duplicate_of = (self._seen[match][1], match) if match else (article.id, None)
        self._remember(article.id, fingerprint, story, duplicate_of)
        return story, duplicate_of

    def _nearest(self, fingerprint: int) -> str | None:
        best: tuple[int, str] | None = None
        for band, table in enumerate(self._bands):
            for other in table.get((fingerprint >> (16 * band)) & 0xFFFF, ()):
                distance = (fingerprint ^ self._seen[other][0]).bit_count()
                if distance <= self.max_distance and (best is None or distance < best[0]):
                    best = (distance, other)
        return best[1] if best else None

    def _remember(self, article_id: str, fingerprint: int, story: str, duplicate_of: str | None) -> None:
        self._seen[article_id] = (fingerprint, story, duplicate_of)
        for band, table in enumerate(self._bands):
            table.setdefault((fingerprint >> (16 * band)) & 0xFFFF, set()).add(article_id)
        while len(self._seen) > self.capacity:
            old_id, (old_fp, _, _) = self._seen.popitem(last=False)
            for band, table in enumerate(self._bands):
                key = (old_fp >> (16 * band)) & 0xFFFF
                table.get(key, set()).discard(old_id)
