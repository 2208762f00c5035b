#!/usr/bin/env python3
"""Expand the hand-written shorthand of corpora A, C and E into EVENT_DATA_FORMAT JSON lines.

Usage: python3 data/events/train/expand_shorthand.py a|c
       (reads src-a/corpus-a-NN.txt, rewrites corpus-a-NN.jsonl with ids tra-NNNN; c likewise)

It also fails when a sentence shares an 8-word sequence with the frozen test set
(data/events/frozen), which a training corpus must never copy from.

Every sentence and every label in src-X/corpus-X-NN.txt is written by hand; this
script only spells the labels out (so one short key always maps to the same
category/mode/subtype triple and the corpus stays consistent) and resolves the
relative days the writer noted. It generates no text.

Shorthand, one line each:
  @ CC YYYY-MM-DD DATELINE :: title        an article (DATELINE "-" when none)
  P KEY [NEG] | actors | targets | place | day | forms | sentence text
    P      paragraph index
    KEY    a label key from LABELS below, or "-" for realis=false
    NEG    optional negative kind (threat, plan, ... see check_corpus.NEGATIVES)
    actors/targets  names separated by ";" as written in the article
    day    "-" none | Mon..Sun (latest such weekday on or before publication)
           | 0 (publication day) | -N (N days before) | YYYY-MM-DD
    forms  letters: P passive, M multi_clause, C coordination, N pronoun,
           A apposition, S possessive, Q quote ("lead" and "long" are added
           for the first sentence and for sentences of 30 words or more)
Lines starting with "#" are comments.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE
CORPORA = ("a", "c", "e")  # the corpora written in this shorthand

LABELS: dict[str, tuple[str, str | None, str]] = {
    # ASSAULT
    "air": ("ASSAULT", "aerial", "AIR_STRIKE"),
    "drone": ("ASSAULT", "drone", "AIR_STRIKE"),
    "art": ("ASSAULT", "heavy-weapons", "ART_MISS_ATTACK"),
    "clash": ("ASSAULT", "firearms", "ARMED_CLASH"),
    "clash0": ("ASSAULT", None, "ARMED_CLASH"),
    "att": ("ASSAULT", "firearms", "ATTACK"),
    "att0": ("ASSAULT", None, "ATTACK"),
    "gren": ("ASSAULT", "explosives", "GRENADE"),
    "suic": ("ASSAULT", "suicide-bomb", "SUIC_BOMB"),
    "ied": ("ASSAULT", "explosives", "REM_EXPLOS"),
    "chem": ("ASSAULT", "chemical", "CHEM_WEAP"),
    "abd": ("ASSAULT", "abduct", "ABDUCT_DISSAP"),
    "sex": ("ASSAULT", "sexual", "SEX_VIOL"),
    "mob": ("ASSAULT", None, "MOB_VIOL"),
    "govter": ("ASSAULT", "territory", "GOV_REGAINS_TERIT"),
    "nster": ("ASSAULT", "territory", "NON_STATE_ACTOR_OVERTAKES_TER"),
    # COERCE
    "arr": ("COERCE", "arrest", "ARREST"),
    "fap": ("COERCE", "repression", "FORCE_AGAINST_PROTEST"),
    "pwi": ("COERCE", "repression", "PROTEST_WITH_INTER"),
    "disr": ("COERCE", "seize", "DISR_WEAP"),
    "crime": ("COERCE", None, "ORG_CRIME"),
    "prop": ("COERCE", "destroy", "PROPERTY_DISTRUCT"),
    "curfew": ("COERCE", "curfew", "OTHER"),
    "mlaw": ("COERCE", "martial-law", "OTHER"),
    "restr": ("COERCE", "restrict", "OTHER"),
    # PROTEST
    "pp": ("PROTEST", "demo", "PEACE_PROTEST"),
    "hs": ("PROTEST", "hunger-strike", "PEACE_PROTEST"),
    "riot": ("PROTEST", "riot", "VIOL_DEMONSTR"),
    # MOBILIZE
    "deploy": ("MOBILIZE", "troops", "CHANGE_TO_GROUP_ACT"),
    "hq": ("MOBILIZE", "troops", "HQ_ESTABLISHED"),
    # RETREAT
    "wd": ("RETREAT", "territory", "NON_VIOL_TERRIT_TRANSFER"),
    "cf": ("RETREAT", "ceasefire", "AGREEMENT"),
    "surr": ("RETREAT", None, "AGREEMENT"),
    # AGREE
    "agr": ("AGREE", None, "AGREEMENT"),
    "agrcf": ("AGREE", "ceasefire", "AGREEMENT"),
    "offer": ("AGREE", None, "DIPLO"),
    # CONSULT
    "talks": ("CONSULT", None, "DIPLO"),
    "peace": ("CONSULT", None, "AGREEMENT"),
    # ACCUSE
    "claim": ("ACCUSE", None, "ATTRIB"),
    "acc": ("ACCUSE", "allege", "ATTRIB"),
    "crit": ("ACCUSE", None, "DIPLO"),
    # REJECT
    "deny": ("REJECT", None, "ATTRIB"),
    "rej": ("REJECT", None, "DIPLO"),
    # THREATEN
    "thr": ("THREATEN", None, "DIPLO"),
    "thrcur": ("THREATEN", "curfew", "DIPLO"),
    "thrml": ("THREATEN", "martial-law", "DIPLO"),
    # REQUEST
    "req": ("REQUEST", None, "DIPLO"),
    "reqcf": ("REQUEST", "ceasefire", "DIPLO"),
    "reqaid": ("REQUEST", "assist", "DIPLO"),
    # others
    "sanc": ("SANCTION", None, "DIPLO"),
    "sup": ("SUPPORT", None, "DIPLO"),
    "conc": ("CONCEDE", None, "DIPLO"),
    "coop": ("COOPERATE", None, "DIPLO"),
    "aid": ("AID", "assist", "OTHER"),
    "nat": ("AID", "natural-disaster", "NATURAL_DISASTER"),
    "man": ("AID", "man-made-disaster", "MAN_MADE_DISASTER"),
}
FORM_LETTERS = {"P": "passive", "M": "multi_clause", "C": "coordination", "N": "pronoun",
                "A": "apposition", "S": "possessive", "Q": "quote"}
FORM_ORDER = ["lead", "passive", "multi_clause", "coordination", "pronoun", "apposition",
              "possessive", "long", "quote"]
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
LONG_WORDS = 30


def resolve_day(spec: str, published: dt.date, where: str) -> str | None:
    if spec in ("", "-"):
        return None
    if spec in DAYS:
        back = (published.weekday() - DAYS.index(spec)) % 7
        return (published - dt.timedelta(days=back)).isoformat()
    if re.fullmatch(r"0|-\d+", spec):
        return (published + dt.timedelta(days=int(spec))).isoformat()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", spec):
        return spec
    raise ValueError(f"{where}: day {spec!r} is not -, Mon..Sun, 0, -N or YYYY-MM-DD")


def names(field: str) -> list[str]:
    return [n.strip() for n in field.split(";") if n.strip()]


def parse(path: Path) -> list[dict]:
    articles: list[dict] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        where = f"{path.name}:{n}"
        if not line or line.startswith("#"):
            continue
        if line.startswith("@"):
            head, _, title = line[1:].partition("::")
            country, published, dateline = head.split(None, 2)
            articles.append({"country": country, "published_at": published,
                             "dateline": None if dateline.strip() == "-" else dateline.strip(),
                             "title": title.strip(), "sentences": []})
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 7:
            raise ValueError(f"{where}: expected 7 fields separated by '|', got {len(parts)}")
        head, actors, targets, place, day, forms, text = parts
        bits = head.split()
        para, key = int(bits[0]), bits[1]
        negative = bits[2] if len(bits) > 2 else None
        art = articles[-1]
        published = dt.date.fromisoformat(art["published_at"])
        if key == "-":
            realis, (cat, mode, sub) = False, (None, None, None)
        else:
            if key not in LABELS:
                raise ValueError(f"{where}: unknown label key {key!r}")
            realis, (cat, mode, sub) = True, LABELS[key]
        form = {FORM_LETTERS[c] for c in forms.replace("-", "")}
        if not art["sentences"]:
            form.add("lead")
        if len(text.split()) >= LONG_WORDS:
            form.add("long")
        art["sentences"].append({
            "text": text, "para": para, "realis": realis, "category": cat, "mode": mode,
            "subtype": sub, "actors": names(actors), "targets": names(targets),
            "place": place if place not in ("", "-") else None,
            "date": resolve_day(day, published, where), "negative": negative,
            "form": [f for f in FORM_ORDER if f in form]})
    for art in articles:
        _spell_as_written(art)
    empty = [a["title"] for a in articles if not a["sentences"]]
    if empty:
        raise ValueError(f"{path.name}: articles without sentences: {empty}")
    return articles


def _spell_as_written(art: dict) -> None:
    """Copy each actor/target/place in the case the article writes it ("police" at the start
    of a sentence is "Police"), so the writer need not retype sentence-initial capitals."""
    body = art["title"] + "\n" + "\n".join(s["text"] for s in art["sentences"])
    low = body.lower()

    def fix(name: str) -> str:
        if name in body or name.lower() not in low:
            return name
        at = low.index(name.lower())
        return body[at:at + len(name)]

    for s in art["sentences"]:
        s["actors"] = [fix(n) for n in s["actors"]]
        s["targets"] = [fix(n) for n in s["targets"]]
        if s["place"] and s["place"].upper() != (art["dateline"] or ""):
            s["place"] = fix(s["place"])


FROZEN = HERE.parent / "frozen"
NGRAM = 8


def ngrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def frozen_ngrams() -> set[tuple[str, ...]]:
    """8-word sequences of the frozen test set, only to refuse copies of them."""
    grams: set[tuple[str, ...]] = set()
    for path in sorted(FROZEN.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                art = json.loads(line)
                for s in [art["title"]] + [x["text"] for x in art["sentences"]]:
                    grams |= ngrams(s)
    return grams


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in CORPORA:
        print(f"usage: expand_shorthand.py {'|'.join(CORPORA)}  (which corpus to rewrite)")
        return 2
    letter = argv[0]
    frozen = frozen_ngrams()
    overlaps = 0
    next_id = 1
    for src in sorted((HERE / f"src-{letter}").glob(f"corpus-{letter}-*.txt")):
        articles = parse(src)
        for art in articles:
            for text in [art["title"]] + [x["text"] for x in art["sentences"]]:
                shared = ngrams(text) & frozen
                if shared:
                    overlaps += 1
                    print(f"{src.name}: shares {' '.join(sorted(shared)[0])!r} with the frozen set: {text}")
        out = OUT / (src.stem + ".jsonl")
        with out.open("w", encoding="utf-8") as fh:
            for art in articles:
                art = {"id": f"tr{letter}-{next_id:04d}", **art}
                next_id += 1
                fh.write(json.dumps(art, ensure_ascii=False) + "\n")
        print(f"{out.name}: {len(articles)} articles, "
              f"{sum(len(a['sentences']) for a in articles)} sentences")
    return 1 if overlaps else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
