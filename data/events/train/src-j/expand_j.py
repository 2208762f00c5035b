#!/usr/bin/env python3
"""Expand corpus J's shorthand (src-j/corpus-j-NN.txt) into corpus-j-NN.jsonl (ids trj-NNNN).

Usage: python3 data/events/train/src-j/expand_j.py

Reuses expand_shorthand.py unchanged (same shorthand, label keys, day resolution and the
8-word-overlap refusal against the frozen set) and corpus F's two extra steps from
src-f/expand_f.py: spans copied in the case the text writes them, and a refusal of any
sentence whose word overlap (Jaccard on words of four letters or more) with a frozen
sentence is 0.45 or more (it prints only the corpus-J sentence, never a frozen one).
Every sentence of src-j was written by hand; nothing is generated.
"""
from __future__ import annotations

import sys
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAIN))
sys.path.insert(0, str(TRAIN / "src-f"))
import expand_f as ef  # noqa: E402

if __name__ == "__main__":
    sys.exit(ef.expand_checked("j"))
