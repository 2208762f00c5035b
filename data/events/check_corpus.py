#!/usr/bin/env python3
"""Check team-written event data (format: data/events/FORMAT.md) and print coverage stats.

Usage: python3 data/events/check_corpus.py [FILE.jsonl ...]
       (default: every data/events/train/*.jsonl)

Standard library only, so it runs without the project's venv. Exit status 1
when any file breaks the schema; coverage shortfalls are reported, not fatal,
because a partial corpus is still valid data.

What it checks, per article: id pattern and uniqueness (across all files
given), ISO country code shape, ISO day, non-empty sentences, paragraph indices
that start at 0 and never go down. Per sentence: realis/category/mode/subtype
agree (null when realis is false), codes exist in the CONTRACT list and the
category/subtype and category/mode pairs occur together in a rule of
streams/tagging/data/taxonomy.yaml, negative kind and forms are known, every
actor/target/place is written in the article (place may also be the dateline),
and the day is a valid date.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TAXONOMY = REPO / "streams" / "tagging" / "data" / "taxonomy.yaml"

CATEGORIES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
              "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE",
              "COERCE", "ASSAULT"]
SUBTYPES = ["ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST",
            "ART_MISS_ATTACK", "ATTACK", "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP",
            "FORCE_AGAINST_PROTEST", "GOV_REGAINS_TERIT", "GRENADE", "HQ_ESTABLISHED",
            "MOB_VIOL", "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER",
            "PEACE_PROTEST", "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS",
            "SEX_VIOL", "SUIC_BOMB", "VIOL_DEMONSTR", "ORG_CRIME", "NATURAL_DISASTER",
            "MAN_MADE_DISASTER", "DIPLO", "ATTRIB", "OTHER"]
NEGATIVES = ["threat", "plan", "conditional", "denial", "allegation", "anniversary",
             "negation", "past_quote", "headline", "opinion", "background", "statistic"]
FORMS = ["lead", "passive", "multi_clause", "coordination", "pronoun", "apposition",
         "possessive", "long", "quote"]
ID_RE = re.compile(r"^(frz|tr[a-z])-\d{4,}$")  # tra, trb, trc, trd ... one prefix per corpus part
SENTENCE_KEYS = {"text", "para", "realis", "category", "mode", "subtype", "actors", "targets",
                 "place", "date", "negative", "form"}
ARTICLE_KEYS = {"id", "country", "published_at", "dateline", "title", "sentences"}


def _rule_blocks(text: str) -> list[dict[str, str]]:
    """Split taxonomy.yaml `rules:` into {key: raw value text} per rule (no yaml module)."""
    body = text.split("\nrules:", 1)[1].split("\ndemonyms:", 1)[0]
    blocks: list[dict[str, str]] = []
    key = None
    for line in body.splitlines():
        if line.startswith("  - name:"):
            blocks.append({"name": line.split(":", 1)[1].strip()})
            key = None
            continue
        m = re.match(r"^    ([a-z_]+):(.*)$", line)
        if m and blocks:
            key = m.group(1)
            blocks[-1][key] = m.group(2)
        elif key and blocks and line.startswith("      "):
            blocks[-1][key] += " " + line.strip()
    return blocks


def taxonomy_pairs() -> tuple[set[tuple[str, str]], set[tuple[str, str | None]]]:
    """(category, subtype) and (category, mode) pairs that some taxonomy rule produces."""
    subs: set[tuple[str, str]] = set()
    modes: set[tuple[str, str | None]] = set()
    for block in _rule_blocks(TAXONOMY.read_text(encoding="utf-8")):
        cat = block.get("category", "").strip()
        for key in ("subtype", "mild_subtype"):
            for code in re.findall(r"\b[A-Z][A-Z_]+\b", block.get(key, "")):
                if code in SUBTYPES:
                    subs.add((cat, code))
        raw = block.get("mode", "").strip()
        if raw.startswith("{"):
            for name in re.findall(r"([a-z][a-z-]*):\s*\[", raw):
                modes.add((cat, name))
            default = re.search(r"default:\s*([a-z-]+)", raw)
            modes.add((cat, None if not default or default.group(1) == "null" else default.group(1)))
        else:
            modes.add((cat, None if raw in ("", "null") else raw))
    return subs, modes


def _is_day(value: object) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def check_sentence(s: dict, body: str, art: dict, where: str,
                   pairs: tuple[set, set]) -> list[str]:
    errs: list[str] = []
    body_lower = body.lower()  # names are matched case-insensitively ("Police ..." = police)
    if set(s) != SENTENCE_KEYS:
        errs.append(f"{where}: keys {sorted(set(s) ^ SENTENCE_KEYS)} missing or unknown")
        return errs
    if not isinstance(s["text"], str) or not s["text"].strip():
        errs.append(f"{where}: empty text")
    if not isinstance(s["realis"], bool):
        errs.append(f"{where}: realis must be true or false")
    cat, mode, sub = s["category"], s["mode"], s["subtype"]
    if s["realis"] is False:
        if cat is not None or mode is not None or sub is not None:
            errs.append(f"{where}: realis=false needs category, mode and subtype null")
    else:
        if cat not in CATEGORIES:
            errs.append(f"{where}: unknown category {cat!r}")
        if sub not in SUBTYPES:
            errs.append(f"{where}: unknown subtype {sub!r}")
        if mode is not None and not isinstance(mode, str):
            errs.append(f"{where}: mode must be a string or null")
        if cat in CATEGORIES and sub in SUBTYPES and (cat, sub) not in pairs[0]:
            errs.append(f"{where}: no taxonomy rule gives {cat}/{sub}")
        if cat in CATEGORIES and (cat, mode) not in pairs[1]:
            errs.append(f"{where}: no taxonomy rule gives {cat} with mode {mode!r}")
    for key in ("actors", "targets"):
        if not isinstance(s[key], list) or not all(isinstance(a, str) and a for a in s[key]):
            errs.append(f"{where}: {key} must be a list of names")
            continue
        for name in s[key]:
            if name.lower() not in body_lower:
                errs.append(f"{where}: {key[:-1]} {name!r} is not written in the article")
    place = s["place"]
    if place is not None:
        dateline = (art.get("dateline") or "").lower()
        if not isinstance(place, str) or (place.lower() not in body_lower
                                          and place.lower() != dateline):
            errs.append(f"{where}: place {place!r} is not written in the article or dateline")
    if s["date"] is not None and not _is_day(s["date"]):
        errs.append(f"{where}: date {s['date']!r} is not YYYY-MM-DD")
    if (s["realis"] and _is_day(s["date"]) and _is_day(art.get("published_at"))
            and s["date"] > art["published_at"]):
        errs.append(f"{where}: a realis event dated after publication ({s['date']})")
    if s["negative"] is not None and s["negative"] not in NEGATIVES:
        errs.append(f"{where}: unknown negative kind {s['negative']!r}")
    if not isinstance(s["form"], list) or any(f not in FORMS for f in s["form"]):
        errs.append(f"{where}: form must be a list drawn from {FORMS}")
    if not isinstance(s["para"], int) or s["para"] < 0:
        errs.append(f"{where}: para must be a non-negative integer")
    return errs


def check_article(art: dict, where: str, pairs: tuple[set, set]) -> list[str]:
    if not isinstance(art, dict) or set(art) != ARTICLE_KEYS:
        keys = set(art) if isinstance(art, dict) else set()
        return [f"{where}: article keys {sorted(keys ^ ARTICLE_KEYS)} missing or unknown"]
    errs: list[str] = []
    if not isinstance(art["id"], str) or not ID_RE.match(art["id"]):
        errs.append(f"{where}: id {art['id']!r} is not frz-/tra-/trb-/trc-NNNN")
    if not isinstance(art["country"], str) or not re.fullmatch(r"[A-Z]{2}", art["country"]):
        errs.append(f"{where}: country must be an ISO 3166-1 alpha-2 code")
    if not _is_day(art["published_at"]):
        errs.append(f"{where}: published_at must be YYYY-MM-DD")
    sentences = art["sentences"]
    if not isinstance(sentences, list) or not sentences:
        return errs + [f"{where}: no sentences"]
    body = " ".join(s.get("text", "") for s in sentences if isinstance(s, dict))
    last_para = 0
    for i, s in enumerate(sentences):
        sw = f"{where} s{i}"
        if not isinstance(s, dict):
            errs.append(f"{sw}: sentence must be an object")
            continue
        errs += check_sentence(s, body, art, sw, pairs)
        para = s.get("para")
        if isinstance(para, int):
            if i == 0 and para != 0:
                errs.append(f"{sw}: the first sentence must be in para 0")
            if para < last_para:
                errs.append(f"{sw}: para goes back from {last_para} to {para}")
            last_para = max(last_para, para)
    return errs


# Hard negatives that are statements someone made (PLOVER THREATEN / ACCUSE /
# REJECT) are realis; the other kinds describe something that did not happen.
STATEMENT_KINDS = {"threat": "THREATEN", "allegation": "ACCUSE", "denial": "REJECT"}


def consistency_notes(articles: list[dict]) -> list[str]:
    """Label combinations that are legal but usually a slip; reported, not fatal."""
    notes = []
    for art in articles:
        for i, s in enumerate(art["sentences"]):
            kind, where = s["negative"], f"{art['id']} s{i}"
            if kind in STATEMENT_KINDS and s["realis"] and s["category"] != STATEMENT_KINDS[kind]:
                notes.append(f"{where}: a realis {kind} is usually {STATEMENT_KINDS[kind]}, "
                             f"not {s['category']}")
            if kind and kind not in STATEMENT_KINDS and s["realis"]:
                notes.append(f"{where}: negative kind {kind} on a realis sentence")
            if not s["realis"] and (s["actors"] or s["targets"]):
                notes.append(f"{where}: actors/targets on a non-realis sentence")
    return notes


def coverage(articles: list[dict]) -> str:
    sents = [s for a in articles for s in a["sentences"]]
    count = collections.Counter
    cats = count(s["category"] for s in sents if s["realis"])
    subs = count(s["subtype"] for s in sents if s["realis"])
    negs = count(s["negative"] for s in sents if s["negative"])
    forms = count(f for s in sents for f in s["form"])
    countries = count(a["country"] for a in articles)
    realis = sum(1 for s in sents if s["realis"])
    hard = sum(negs.values())
    lines = [f"articles {len(articles)}  sentences {len(sents)}  realis {realis}  "
             f"non-realis {len(sents) - realis}  hard negatives {hard} "
             f"({100 * hard / max(1, len(sents)):.1f}%)",
             f"countries {len(countries)}: " + " ".join(f"{c}:{n}" for c, n in sorted(countries.items())),
             "categories: " + " ".join(f"{c}:{cats.get(c, 0)}" for c in CATEGORIES),
             "subtypes: " + " ".join(f"{c}:{subs.get(c, 0)}" for c in SUBTYPES),
             "negative kinds: " + " ".join(f"{k}:{negs.get(k, 0)}" for k in NEGATIVES),
             "forms: " + " ".join(f"{k}:{forms.get(k, 0)}" for k in FORMS),
             "with actors {}  with targets {}  with place {}  with date {}".format(
                 *(sum(1 for s in sents if s["realis"] and s[k]) for k in
                   ("actors", "targets", "place", "date")))]
    missing = [c for c in CATEGORIES if not cats.get(c)] + [c for c in SUBTYPES if not subs.get(c)]
    missing += [k for k in NEGATIVES if not negs.get(k)]
    if missing:
        lines.append("never seen: " + " ".join(missing))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or sorted((REPO / "data" / "events" / "train").glob("*.jsonl"))
    if not files:
        print("no .jsonl files found: pass paths or add data/events/train/*.jsonl")
        return 1
    pairs = taxonomy_pairs()
    errors: list[str] = []
    articles: list[dict] = []
    seen: dict[str, str] = {}
    for path in files:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                art = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"{where}: not JSON ({exc})")
                continue
            errs = check_article(art, where, pairs)
            errors += errs
            if isinstance(art, dict) and isinstance(art.get("id"), str):
                if art["id"] in seen:
                    errors.append(f"{where}: id {art['id']} already used at {seen[art['id']]}")
                seen[art["id"]] = where
            if not errs:
                articles.append(art)
    seen_text: dict[str, str] = {}
    for art in articles:
        for i, sent in enumerate(art["sentences"]):
            where = f"{art['id']} s{i}"
            if sent["text"] in seen_text:
                errors.append(f"{where}: same sentence as {seen_text[sent['text']]}")
            seen_text.setdefault(sent["text"], where)
    for e in errors:
        print("ERROR", e)
    for note in consistency_notes(articles):
        print("NOTE", note)
    print(coverage(articles))
    print(f"{len(errors)} error(s) in {len(files)} file(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
