"""core.memory: freed heap pages go back to the OS (the soak's RSS, issue #13)."""

from __future__ import annotations

import os
import platform

import pytest

from core.memory import _malloc_trim, release_free_memory


def _rss_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


glibc = pytest.mark.skipif(platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
                           reason="malloc_trim is glibc's")


@glibc
def test_release_free_memory_returns_freed_heap_pages() -> None:
    # 1,000-byte objects come from glibc's malloc (pymalloc serves up to 512 bytes);
    # keeping every 64th alive pins the heap's top, so free() alone cannot shrink it
    blocks = [bytes(1000) + bytes([i % 256]) for i in range(100_000)]
    kept = blocks[::64]
    del blocks
    before = _rss_mib()
    assert release_free_memory() is True
    after = _rss_mib()
    assert before - after > 40, f"RSS {before:.0f} -> {after:.0f} MiB: the freed ~95 MB stayed"
    assert len(kept) == 1563


@glibc
def test_malloc_trim_is_found_once() -> None:
    assert _malloc_trim() is not None
    assert _malloc_trim() is _malloc_trim()
