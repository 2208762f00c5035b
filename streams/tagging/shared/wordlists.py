"""Reading the tagger's word lists (``streams/tagging/data/*.txt``).

A word list is plain text: ``#`` starts a comment line, blank lines are skipped, and a
"kind" list has a kind first and its words after it on each line, ``_`` joining the words
of one entry ("truck_driver"). Several components read lists of this shape, so they share
one reader.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def data_lines(path: Path) -> Iterator[str]:
    """The lines of ``path`` that are neither blank nor comments."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            yield line


def kind_table(path: Path) -> dict[str, str]:
    """Entry (lower case, ``_`` read as a space) -> kind, from a "kind word word ..." list."""
    table: dict[str, str] = {}
    for line in data_lines(path):
        kind, *words = line.split()
        table.update(dict.fromkeys((word.replace("_", " ") for word in words), kind))
    return table
