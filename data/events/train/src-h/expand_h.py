#!/usr/bin/env python3
"""Expand corpus H's shorthand (src-h/corpus-h-NN.txt) into corpus-h-NN.jsonl (ids trh-NNNN).

Usage: python3 data/events/train/src-h/expand_g.py

Reuses expand_shorthand.py unchanged (same shorthand, label keys, day resolution and the
8-word-overlap refusal against the frozen set) and corpus F's two extra steps from
src-f/expand_f.py: spans copied in the case the text writes them, and a refusal of any
sentence whose word overlap (Jaccard on words of four letters or more) with a frozen
sentence is 0.45 or more (it prints only the corpus-H sentence, never a frozen one).
Every sentence of src-h was written by hand; nothing is generated.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAIN))
sys.path.insert(0, str(TRAIN / "src-f"))
import expand_f as ef  # noqa: E402
import expand_shorthand as ex  # noqa: E402


def main() -> int:
    ex.CORPORA = ("h",)
    status = ex.main(["h"])
    for path in sorted(TRAIN.glob("corpus-h-*.jsonl")):
        ef.fix_span_case(path)
    frozen = ef.frozen_word_sets()
    close = 0
    for path in sorted(TRAIN.glob("corpus-h-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            for text in [art["title"]] + [s["text"] for s in art["sentences"]]:
                mine = ef.words(text)
                if len(mine) < 3:
                    continue
                best = max((len(mine & f) / len(mine | f) for f in frozen), default=0.0)
                if best >= ef.JACCARD:
                    close += 1
                    print(f"{path.name}: word overlap {best:.2f} with a frozen sentence: {text}")
    return 1 if (status or close) else 0


if __name__ == "__main__":
    sys.exit(main())
