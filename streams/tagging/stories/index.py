"""Near-duplicate detection: ``story_id`` and ``duplicate_of``.

Each article gets a bottom-k MinHash sketch of its lowercase word 3-shingles
(title and body): the ``k`` smallest 64-bit shingle hashes. Two sketches
estimate the Jaccard similarity of the shingle sets; at or above
``threshold`` the later article is a duplicate of the earlier one and joins
its story. Candidates come from an inverted index on sketch values, so a
lookup touches only articles that share shingles.

The index is per process and bounded (the oldest articles are forgotten
first), so detection spans the recent past of one worker's partitions; an
article re-tagged under its own id is never its own duplicate. Re-tagged with
the same text it keeps its story; re-published with a new text (same id,
new body) it is matched afresh, so its old ``duplicate_of`` does not stick.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from schemas import RawArticle
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig

_WORD = re.compile(r"\w+", re.UNICODE)
DEFAULT_CAPACITY = 20_000
DEFAULT_THRESHOLD = 0.6
SKETCH_SIZE = 64
_MIN_SHINGLES = 5


def sketch(text: str, k: int = SKETCH_SIZE) -> tuple[int, ...] | None:
    """The ``k`` smallest hashes of the text's word 3-shingles (None for very short texts)."""
    words = _WORD.findall(text.lower())
    shingles = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}
    if len(shingles) < _MIN_SHINGLES:
        return None
    hashes = {int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big") for s in shingles}
    return tuple(sorted(hashes)[:k])


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind the sketches."""
    k = min(len(a), len(b))
    union = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


@dataclass(frozen=True, slots=True)
class _Seen:
    sketch: tuple[int, ...]
    story_id: str
    duplicate_of: str | None


class StoryIndex:
    """Remembers recent sketches and assigns story ids."""

    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("story",)

    def __init__(self, capacity: int = DEFAULT_CAPACITY, threshold: float = DEFAULT_THRESHOLD) -> None:
        self.capacity = capacity
        self.threshold = threshold
        self._seen: OrderedDict[str, _Seen] = OrderedDict()
        # hash -> the article id holding it, or a set of ids when several do: most
        # hashes belong to one article, and a set per hash cost ~12 KB per article
        self._by_hash: dict[int, str | set[str]] = {}

    @classmethod
    def from_config(cls, config: ComponentConfig) -> StoryIndex:
        """A fresh index (per tagger: it remembers what this tagger saw); options capacity, threshold."""
        return cls(capacity=int(config.options.get("capacity", DEFAULT_CAPACITY)),
                   threshold=float(config.options.get("threshold", DEFAULT_THRESHOLD)))

    def __call__(self, work: Work) -> None:
        work.story_id, work.duplicate_of = self.assign(work.article)

    def __len__(self) -> int:
        return len(self._seen)

    def assign(self, article: RawArticle) -> tuple[str, str | None]:
        """Return ``(story_id, duplicate_of)`` for the article and remember it."""
        fingerprint = sketch(f"{article.title}\n{article.body}")
        if (seen := self._seen.get(article.id)) is not None:
            if seen.sketch == fingerprint:
                self._seen.move_to_end(article.id)
                return seen.story_id, seen.duplicate_of
            self._forget(article.id)  # a new version: the old text must not match it or others
        if fingerprint is None:
            return article.id, None
        match = self._nearest(fingerprint)
        if match is None:
            story, duplicate_of = article.id, None
        else:
            story, duplicate_of = self._seen[match].story_id, match
        self._remember(article.id, _Seen(fingerprint, story, duplicate_of))
        return story, duplicate_of

    def _nearest(self, fingerprint: tuple[int, ...]) -> str | None:
        shared: Counter[str] = Counter()
        for h in fingerprint:
            held = self._by_hash.get(h)
            if held is None:
                continue
            if isinstance(held, str):
                shared[held] += 1
            else:
                shared.update(held)
        # below this many shared sketch values the similarity cannot reach the threshold
        needed = max(1, int(self.threshold * len(fingerprint) / 2))
        best: tuple[float, str] | None = None
        for other, count in shared.items():
            if count < needed:
                continue
            score = similarity(fingerprint, self._seen[other].sketch)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, other)
        return best[1] if best else None

    def _remember(self, article_id: str, seen: _Seen) -> None:
        self._seen[article_id] = seen
        for h in seen.sketch:
            held = self._by_hash.get(h)
            if held is None:
                self._by_hash[h] = article_id
            elif isinstance(held, str):
                if held != article_id:
                    self._by_hash[h] = {held, article_id}
            else:
                held.add(article_id)
        while len(self._seen) > self.capacity:
            self._forget(next(iter(self._seen)))

    def _forget(self, article_id: str) -> None:
        old = self._seen.pop(article_id)
        for h in old.sketch:
            held = self._by_hash.get(h)
            if held is None:
                continue
            if isinstance(held, str):
                if held == article_id:
                    del self._by_hash[h]
                continue
            held.discard(article_id)
            if len(held) == 1:
                self._by_hash[h] = next(iter(held))
            elif not held:
                del self._by_hash[h]
