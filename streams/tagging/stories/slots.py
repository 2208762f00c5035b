"""Sketches in numbered slots, and a search for the slots that share values with a sketch.

The story index keeps each remembered article's bottom-k sketch in one row of
a numpy matrix (``uint64``, one slot per row; the sketch's length beside it)
and asks, for a new sketch, which slots share enough values with it to reach a
similarity threshold. Python-level work per question does not depend on how
many slots hold a value: the counting is numpy's.

How a question is answered:

- *Postings*: sorted arrays of (top 32 bits of a value, slot). The 32-bit key
  halves their memory; a key shared by two different values only adds a
  candidate, which the caller's exact similarity then rejects. A question
  finds each value's range with ``searchsorted``, gathers the slots of all
  ranges at once and counts them with ``bincount``.
- *Recent postings*: those of sketches added since the last rebuild, in small
  sorted arrays of their own (at most ``rebuild_every`` sketches), so adding
  a sketch copies only them; a question searches both.
- *Freed slots* keep their stale postings until the next rebuild, but count
  for nothing (their length is 0), and a freed slot is not reused before the
  rebuild drops those postings: a posting always names its slot's present
  sketch.
- Every ``rebuild_every`` additions or removals the postings are rebuilt:
  stale ones dropped, recent ones merged in (a few passes over the arrays).

The caller keeps what a slot means (article id, story, age); this module only
knows values.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

DEFAULT_REBUILD_EVERY = 256
_FIRST_ROWS = 256
_EMPTY_KEYS = np.zeros(0, dtype=np.uint32)
_EMPTY_SLOTS = np.zeros(0, dtype=np.uint32)


def _keys(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint32]:
    """The posting key of each value: its top 32 bits."""
    return (values >> np.uint64(32)).astype(np.uint32)


class SketchSlots:
    """Up to ``width`` sorted uint64 values per slot, and which slots share values with a sketch."""

    def __init__(self, *, width: int, rows_hint: int, rebuild_every: int = DEFAULT_REBUILD_EVERY) -> None:
        """``rows_hint``: the most slots the caller keeps alive; rows grow by doubling up to it plus the
        slots that may wait for a rebuild (they may exceed it if the caller holds more)."""
        if not 0 < width < 256:
            raise ValueError(f"a slot holds 1-255 values (its length is a uint8), not {width}")
        self.width = width
        self.rebuild_every = rebuild_every
        self._rows_limit = rows_hint + rebuild_every + 1
        self._values = np.zeros((0, width), dtype=np.uint64)
        self._lengths = np.zeros(0, dtype=np.uint8)
        self._used = 0  # rows handed out so far; rows below it are live, freed or free
        self._free: list[int] = []  # freed before the last rebuild: no posting names them
        self._freed: list[int] = []  # freed since: stale postings may name them
        self._posting_keys, self._posting_slots = _EMPTY_KEYS, _EMPTY_SLOTS  # sorted by key
        self._recent_keys, self._recent_slots = _EMPTY_KEYS, _EMPTY_SLOTS  # added since the last rebuild
        self._recent = 0  # sketches added since the last rebuild

    def add(self, values: tuple[int, ...]) -> int:
        """Store a sketch (sorted, at most ``width`` values) and return its slot."""
        if len(values) > self.width:
            raise ValueError(f"a sketch of {len(values)} values does not fit {self.width}")
        slot = self._free.pop() if self._free else self._new_row()
        self._values[slot, : len(values)] = values
        self._lengths[slot] = len(values)
        keys = np.sort(_keys(self._values[slot, : len(values)]))
        at = np.searchsorted(self._recent_keys, keys, side="right")
        self._recent_keys = np.insert(self._recent_keys, at, keys)
        self._recent_slots = np.insert(self._recent_slots, at, np.uint32(slot))
        self._recent += 1
        self._maybe_rebuild()
        return slot

    def remove(self, slot: int) -> None:
        """Forget the slot's sketch."""
        self._lengths[slot] = 0
        self._freed.append(slot)
        self._maybe_rebuild()

    def values(self, slot: int) -> tuple[int, ...]:
        """The sketch in the slot."""
        return tuple(self._values[slot, : int(self._lengths[slot])].tolist())

    def rows(self, slots: npt.NDArray[np.intp]) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.intp]]:
        """The slots' sketches as rows of ``width`` values (only the first ``length`` count) and their lengths."""
        return self._values[slots], self._lengths[slots].astype(np.intp)

    def candidates(self, values: tuple[int, ...], threshold: float) -> npt.NDArray[np.intp]:
        """Every slot whose sketch shares at least ``threshold`` x min(both lengths) values with ``values``.

        An estimated similarity (``index.similarity``) counts shared values among
        the min(both lengths) smallest of the union, so a slot left out here
        cannot reach ``threshold``. The answer may hold slots that do not reach it.
        """
        if not values or self._used == 0:
            return np.zeros(0, dtype=np.intp)
        keys = _keys(np.asarray(values, dtype=np.uint64))
        holders = (_holders(self._posting_keys, self._posting_slots, keys)
                   + _holders(self._recent_keys, self._recent_slots, keys))
        shared = np.bincount(np.concatenate(holders) if holders else _EMPTY_SLOTS, minlength=self._used)
        lengths = self._lengths[: self._used]
        shared[lengths == 0] = 0  # freed slots: their postings are stale
        needed = threshold * np.minimum(lengths, len(values)) - 1e-9
        return np.flatnonzero((shared > 0) & (shared >= needed))

    def _new_row(self) -> int:
        if self._used == len(self._values):
            grown = max(_FIRST_ROWS, 2 * len(self._values))
            rows = max(self._used + 1, min(grown, self._rows_limit))
            values = np.zeros((rows, self.width), dtype=np.uint64)
            values[: self._used] = self._values[: self._used]
            lengths = np.zeros(rows, dtype=self._lengths.dtype)
            lengths[: self._used] = self._lengths[: self._used]
            self._values, self._lengths = values, lengths
        self._used += 1
        return self._used - 1

    def _maybe_rebuild(self) -> None:
        if self._recent + len(self._freed) >= self.rebuild_every:
            self._rebuild()

    def _rebuild(self) -> None:
        """Drop the freed slots' postings, merge the recent ones in, and let freed slots be reused."""
        keys, slots = self._posting_keys, self._posting_slots
        new_keys, new_slots = self._recent_keys, self._recent_slots
        if self._freed:
            alive = self._lengths[slots] > 0
            keys, slots = keys[alive], slots[alive]
            alive = self._lengths[new_slots] > 0
            new_keys, new_slots = new_keys[alive], new_slots[alive]
        at = np.searchsorted(keys, new_keys, side="right")
        self._posting_keys, self._posting_slots = np.insert(keys, at, new_keys), np.insert(slots, at, new_slots)
        self._recent_keys, self._recent_slots = _EMPTY_KEYS, _EMPTY_SLOTS
        self._recent = 0
        self._free.extend(self._freed)
        self._freed.clear()


def _holders(keys: npt.NDArray[np.uint32], slots: npt.NDArray[np.uint32],
             query: npt.NDArray[np.uint32]) -> list[npt.NDArray[np.uint32]]:
    """The slots of the postings of each query key (sorted ``keys``): one array per key present.

    One slice per query key, so the Python work is bounded by the sketch's
    size, however many slots hold a key; the slices are views, not copies.
    """
    starts = np.searchsorted(keys, query, side="left").tolist()
    ends = np.searchsorted(keys, query, side="right").tolist()
    return [slots[start:end] for start, end in zip(starts, ends, strict=True) if end > start]
