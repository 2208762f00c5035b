"""Near-duplicate detection: ``story_id`` and ``duplicate_of``.

Each article gets a bottom-k MinHash sketch of its lowercase word 3-shingles
(title and body): the ``k`` smallest 64-bit shingle hashes. Two sketches
estimate the Jaccard similarity of the shingle sets; at or above
``threshold`` the later article is a duplicate of the earlier one and joins
its story: the match is the remembered article with the highest estimated
similarity at or above ``threshold``, ties to the one assigned longest ago
(the same as comparing with every remembered sketch;
``tests/unit/test_stories_oracle.py`` checks it against that brute force).
Candidates come from an inverted index on sketch values kept in numpy arrays
(``slots.py``): a slot that shares fewer than ``threshold`` x min(both
lengths) values cannot reach the threshold, so only the others are compared,
and a value held by thousands of articles costs array work, not a Python loop.

The index is per process and bounded (the oldest articles are forgotten
first), so detection spans the recent past of one worker's partitions; an
article re-tagged under its own id is never its own duplicate. Re-tagged with
the same text it keeps its story; re-published with a new text (same id,
new body) it is matched afresh, so its old ``duplicate_of`` does not stick.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from schemas import RawArticle
from streams.tagging.component import Work
from streams.tagging.config import ComponentConfig
from streams.tagging.stories.slots import SketchSlots

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


def article_sketch(article: RawArticle) -> tuple[int, ...] | None:
    """The sketch of what makes two articles the same story: title and body."""
    return sketch(f"{article.title}\n{article.body}")


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Estimated Jaccard similarity of the two shingle sets behind the sketches."""
    k = min(len(a), len(b))
    union = sorted(set(a) | set(b))[:k]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)


def similarities(fingerprint: tuple[int, ...], rows: npt.NDArray[np.uint64],
                 lengths: npt.NDArray[np.intp]) -> npt.NDArray[np.float64]:
    """``similarity(fingerprint, row[:length])`` for every row at once: the same floats.

    A value both sketches hold counts if it is among the k = min(both lengths)
    smallest of the union, that is if its rank in the union, (values of the
    fingerprint below it) + (values of the row below it) - (shared values
    below it), is below k. The union has at least k values, so k divides.
    """
    mine = np.asarray(fingerprint, dtype=np.uint64)
    below_in_mine = np.searchsorted(mine, rows)
    shared = mine[np.minimum(below_in_mine, len(mine) - 1)] == rows
    column = np.arange(rows.shape[1])
    shared &= column < lengths[:, None]
    shared_below = np.cumsum(shared, axis=1) - shared
    rank = below_in_mine + column - shared_below
    k = np.minimum(lengths, len(mine))
    return (shared & (rank < k[:, None])).sum(axis=1) / k


@dataclass(frozen=True, slots=True)
class _Seen:
    slot: int  # where the sketch is kept (SketchSlots)
    story_id: str
    duplicate_of: str | None
    age: int  # when it was last assigned: ties go to the lowest (see StoryIndex)


class StoryIndex:
    """Remembers recent sketches and assigns story ids.

    An article's match is the remembered article (another id) with the highest
    estimated similarity at or above ``threshold``; among equals, the one
    assigned longest ago (re-tagging an id with the same text counts as
    assigning it again, and the oldest is also the first to be forgotten).
    """

    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ("story",)

    def __init__(self, capacity: int = DEFAULT_CAPACITY, threshold: float = DEFAULT_THRESHOLD) -> None:
        if not 0 < threshold <= 1:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.capacity = capacity
        self.threshold = threshold
        self._seen: OrderedDict[str, _Seen] = OrderedDict()  # oldest first: the order of forgetting
        self._sketches = SketchSlots(width=SKETCH_SIZE, rows_hint=capacity)
        self._id_of_slot: list[str | None] = []
        self._clock = 0

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
        fingerprint = article_sketch(article)
        if (seen := self._seen.get(article.id)) is not None:
            if self._sketches.values(seen.slot) == fingerprint:
                self._seen[article.id] = _Seen(seen.slot, seen.story_id, seen.duplicate_of, self._tick())
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
        self._remember(article.id, fingerprint, story, duplicate_of)
        return story, duplicate_of

    def _nearest(self, fingerprint: tuple[int, ...]) -> str | None:
        slots = self._sketches.candidates(fingerprint, self.threshold)
        if not len(slots):
            return None
        scores = similarities(fingerprint, *self._sketches.rows(slots))
        best: tuple[float, int, str] | None = None  # (similarity, -age, id): the highest wins
        for slot, score in zip(slots.tolist(), scores.tolist(), strict=True):
            if score < self.threshold:
                continue
            other = self._id_of_slot[slot]
            assert other is not None, "a candidate slot holds a remembered article"
            key = (score, -self._seen[other].age, other)
            if best is None or key > best:
                best = key
        return best[2] if best else None

    def _tick(self) -> int:
        self._clock += 1
        return self._clock

    def _remember(self, article_id: str, fingerprint: tuple[int, ...], story: str, duplicate_of: str | None) -> None:
        slot = self._sketches.add(fingerprint)
        if slot == len(self._id_of_slot):
            self._id_of_slot.append(article_id)
        else:
            self._id_of_slot[slot] = article_id
        self._seen[article_id] = _Seen(slot, story, duplicate_of, self._tick())
        while len(self._seen) > self.capacity:
            self._forget(next(iter(self._seen)))

    def _forget(self, article_id: str) -> None:
        old = self._seen.pop(article_id)
        self._sketches.remove(old.slot)
        self._id_of_slot[old.slot] = None
