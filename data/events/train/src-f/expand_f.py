#!/usr/bin/env python3
"""Expand a corpus's shorthand (src-<letter>/corpus-<letter>-NN.txt) into corpus-<letter>-NN.jsonl.

Usage: python3 data/events/train/src-f/expand_f.py [LETTER]   (default f; g, h, i and j
run the same steps, so this one script expands every corpus from F on)

Reuses expand_shorthand.py unchanged (same shorthand, label keys, day resolution and the
8-word-overlap refusal against the frozen set), then adds one more check that prints only
the corpus-F sentence, never a frozen one: a word overlap (Jaccard on words of four
letters or more) of 0.45 or more with any frozen sentence fails the run, so such a
sentence gets rewritten. Every sentence of src-f was written by hand; nothing is generated.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

TRAIN = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TRAIN))
import expand_shorthand as ex  # noqa: E402

JACCARD = 0.45


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 4}


def frozen_word_sets() -> list[set[str]]:
    sets = []
    for path in sorted(ex.FROZEN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                art = json.loads(line)
                sets += [words(t) for t in [art["title"]] + [s["text"] for s in art["sentences"]]]
    return [s for s in sets if s]


def fix_span_case(path: Path) -> None:
    """Copy each actor/target span in the case the article writes it ("police" -> "Police")."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        art = json.loads(line)
        body = art["title"] + "\n" + "\n".join(s["text"] for s in art["sentences"])
        for s in art["sentences"]:
            for key in ("actors", "targets"):
                fixed = []
                for name in s[key]:
                    if name not in body:
                        m = re.search(re.escape(name), body, re.IGNORECASE)
                        name = m.group(0) if m else name
                    fixed.append(name)
                s[key] = fixed
        out.append(json.dumps(art, ensure_ascii=False))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def expand_checked(letter: str) -> int:
    """Expand corpus ``letter``'s shorthand, copy spans in the text's case and fail on any
    sentence too close to a frozen one (the steps every corpus from F on runs)."""
    ex.CORPORA = (letter,)
    status = ex.main([letter])
    paths = sorted(TRAIN.glob(f"corpus-{letter}-*.jsonl"))
    for path in paths:
        fix_span_case(path)
    frozen = frozen_word_sets()
    close = 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            art = json.loads(line)
            for text in [art["title"]] + [s["text"] for s in art["sentences"]]:
                mine = words(text)
                if len(mine) < 3:
                    continue
                best = max((len(mine & f) / len(mine | f) for f in frozen), default=0.0)
                if best >= JACCARD:
                    close += 1
                    print(f"{path.name}: word overlap {best:.2f} with a frozen sentence: {text}")
    return 1 if (status or close) else 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    letter = args[0] if args else "f"
    if len(args) > 1 or not (TRAIN / f"src-{letter}").is_dir():
        print(f"usage: expand_f.py [LETTER], a corpus with a src-LETTER folder in {TRAIN}", file=sys.stderr)
        return 2
    return expand_checked(letter)


if __name__ == "__main__":
    sys.exit(main())
