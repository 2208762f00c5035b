#!/usr/bin/env python3
"""Rewrite the corpus-F counts block of data/events/DATA.md from validate.py's output.

Usage: python3 data/events/train/src-f/update_card.py
The block is the bullet list after the line "**Counts (output of `python3
data/events/validate.py data/events/train/corpus-f-*.jsonl`).**" up to the next blank line.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[4]
CARD = REPO / "data" / "events" / "DATA.md"
HEAD = "**Counts (output of `python3 data/events/validate.py data/events/train/corpus-f-*.jsonl`).**"


def main() -> int:
    files = sorted(str(p) for p in (REPO / "data/events/train").glob("corpus-f-*.jsonl"))
    out = subprocess.run([sys.executable, str(REPO / "data/events/validate.py"), *files],
                         capture_output=True, text=True).stdout.splitlines()
    warnings = [line for line in out if line.startswith("warning")]
    summary = [line for line in out if not line.startswith("warning")]
    if not summary[-1].startswith("0 errors"):
        print("validate.py reports errors; fix them first")
        return 1
    block = ["- " + line for line in summary[:-1]]
    no_actor = sum("without an actor" in w for w in warnings)
    block.append(f"- 0 errors; {len(warnings)} warnings ({no_actor} realis events with no named "
                 f"perpetrator, {len(warnings) - no_actor} other).")
    text = CARD.read_text(encoding="utf-8").split("\n")
    start = text.index(HEAD) + 2
    end = start
    while end < len(text) and text[end].startswith("- "):
        end += 1
    text[start:end] = block
    CARD.write_text("\n".join(text), encoding="utf-8")
    print("\n".join(block))
    return 0


if __name__ == "__main__":
    sys.exit(main())
