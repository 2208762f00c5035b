#!/usr/bin/env python3
"""Check the team's event data files (format: data/events/FORMAT.md) and print coverage statistics.

Stdlib only, so it runs with the system python3 before any venv exists:
    python3 data/events/validate.py data/events/frozen/events-frozen-v1.jsonl
Exit status 1 when any error is found; warnings do not fail the run.
The allowed category/subtype/mode combinations are read from the tagger's
taxonomy.yaml (rules section) with a tiny parser, so data and rules cannot drift apart.
"""
from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
TAXONOMY = REPO / "streams" / "tagging" / "data" / "taxonomy.yaml"

SUBTYPES = {
    "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK",
    "ATTACK", "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT", "GRENADE", "HQ_ESTABLISHED", "MOB_VIOL",
    "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER", "PEACE_PROTEST",
    "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL", "SUIC_BOMB",
    "VIOL_DEMONSTR", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB",
    "OTHER",
}  # /work/shared/CONTRACT.md, "Subtype codes"
NEGATIVES = ["threat", "plan", "conditional", "denial", "allegation", "anniversary", "negation",
             "past_quote", "headline", "opinion", "background", "statistic"]
# Speech acts PLOVER codes as events: these hard negatives are realis (THREATEN, ACCUSE, REJECT).
REALIS_NEGATIVES = {"threat": {"THREATEN"}, "allegation": {"ACCUSE"}, "denial": {"REJECT"}}
FORMS = ["lead", "passive", "multi_clause", "coordination", "pronoun", "apposition",
         "possessive", "long", "quote"]
# The frozen test set is never edited after its commit (see DATA.md): its hash is pinned here,
# so an edit fails validation instead of silently changing what the model is judged on.
FROZEN_SHA256 = {
    "events-frozen-v1.jsonl": "34b46d9912ee828b5cca70054e5a58b0fd94860f54d584da0383a2c1fc327432",
}
ID_RE = re.compile(r"^(frz|tr[a-z]|dv[a-z])-\d{4,5}$")  # tra, trb ... one prefix per corpus part; dvr: dev sets
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
KEYS = ["id", "country", "published_at", "dateline", "title", "sentences"]
SKEYS = ["text", "para", "realis", "category", "mode", "subtype", "actors", "targets", "place",
         "date", "negative", "form"]


def _flow_list(text: str) -> list[str]:
    inner = text[text.index("[") + 1:text.rindex("]")]
    return [x.strip().strip('"') for x in inner.split(",") if x.strip()]


def load_taxonomy(path: Path) -> tuple[list[str], list[str], dict[tuple[str, str], set]]:
    """Categories, modes and {(category, subtype): allowed modes} from taxonomy.yaml."""
    lines = path.read_text(encoding="utf-8").splitlines()
    top: dict[str, str] = {}
    rules: list[dict[str, str]] = []
    i, in_rules = 0, False
    while i < len(lines):
        line = lines[i].split(" #")[0] if not lines[i].lstrip().startswith("#") else ""
        m = re.match(r"^(\s*)(- )?([a-z_]+):\s*(.*)$", line)
        if not m:
            i += 1
            continue
        indent, dash, key, val = len(m.group(1)), m.group(2), m.group(3), m.group(4)
        # a flow value ({...} or [...]) may continue over several lines
        while val.count("[") + val.count("{") > val.count("]") + val.count("}"):
            i += 1
            val += " " + lines[i].strip()
        if indent == 0:
            in_rules = key == "rules"
            top[key] = val
        elif in_rules and indent == 2 and dash:
            rules.append({key: val})
        elif in_rules and indent == 4 and rules:
            rules[-1][key] = val
        i += 1
    cats, modes = _flow_list(top["categories"]), _flow_list(top["modes"])
    combos: dict[tuple[str, str], set] = collections.defaultdict(set)
    for r in rules:
        sub, mode = r.get("subtype", "null"), r.get("mode", "null")
        subs = set(re.findall(r"\b([A-Z_]{4,})\s*:", sub)) | set(re.findall(r"default:\s*([A-Z_]+)", sub))
        if not sub.startswith("{"):
            subs = {sub}
        if r.get("mild_subtype"):
            subs.add(r["mild_subtype"])
        if mode.startswith("{"):
            ms = set(re.findall(r"([a-z-]+):\s*\[", mode))
            ms |= {None if x == "null" else x for x in re.findall(r"default:\s*([a-z-]+)", mode)}
        else:
            ms = {None if mode == "null" else mode}
        for s in subs:
            combos[(r["category"], s)] |= ms
    return cats, modes, combos


def weekday_named(text: str) -> list[int]:
    return [DAYS.index(d) for d in re.findall(r"\b(" + "|".join(DAYS) + r")\b", text.lower())]


def check(path: Path, cats, modes, combos, errors, warnings, stats) -> None:
    def err(where: str, msg: str) -> None:
        errors.append(f"{path.name}:{where}: {msg}")

    def warn(where: str, msg: str) -> None:
        warnings.append(f"{path.name}:{where}: {msg}")

    pinned = FROZEN_SHA256.get(path.name)
    if pinned and hashlib.sha256(path.read_bytes()).hexdigest() != pinned:
        err("file", "the frozen set was edited; it must never change - write a new version "
                    "(events-frozen-v2.jsonl) and keep v1 as it is")
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            art = json.loads(raw)
        except json.JSONDecodeError as e:
            err(str(ln), f"not JSON: {e}")
            continue
        aid = art.get("id", f"line{ln}")
        if list(art) != KEYS:
            err(aid, f"article keys must be {KEYS}, got {list(art)}")
            continue
        if not ID_RE.match(aid):
            err(aid, "id must look like frz-0001 / tra-0001 / trb-0001")
        if aid in stats["ids"]:
            err(aid, "duplicate id")
        stats["ids"].add(aid)
        if not re.fullmatch(r"[A-Z]{2}", art["country"] or ""):
            err(aid, "country must be an ISO 3166-1 alpha-2 code")
        try:
            pub = dt.date.fromisoformat(art["published_at"])
        except (TypeError, ValueError):
            err(aid, "published_at must be YYYY-MM-DD")
            continue
        dl = art["dateline"]
        if dl is not None and (not isinstance(dl, str) or dl != dl.upper() or not dl.strip()):
            err(aid, "dateline must be an upper-case city or null")
        sents = art["sentences"]
        if not isinstance(art["title"], str) or not isinstance(sents, list) or not sents:
            err(aid, "title must be a string and sentences a non-empty list")
            continue
        if not 3 <= len(sents) <= 8:
            warn(aid, f"{len(sents)} sentences (format asks for 3-8)")
        body = art["title"] + "\n" + "\n".join(s.get("text", "") for s in sents)
        stats["articles"] += 1
        stats["countries"][art["country"]] += 1
        last_para = 0
        for k, s in enumerate(sents):
            w = f"{aid}#{k}"
            if list(s) != SKEYS:
                err(w, f"sentence keys must be {SKEYS}, got {list(s)}")
                continue
            text = s["text"]
            if not isinstance(text, str) or not text.strip():
                err(w, "empty text")
                continue
            if not isinstance(s["para"], int) or s["para"] < last_para or s["para"] > last_para + 1:
                err(w, "para must start at 0 and grow by at most 1")
            else:
                last_para = s["para"]
            if k == 0 and s["para"] != 0:
                err(w, "the first sentence is paragraph 0")
            if not isinstance(s["realis"], bool):
                err(w, "realis must be true or false")
                continue
            neg = s["negative"]
            if neg is not None and neg not in NEGATIVES:
                err(w, f"unknown negative kind {neg!r}")
            bad_forms = [f for f in s["form"] if f not in FORMS] if isinstance(s["form"], list) else ["?"]
            if bad_forms:
                err(w, f"unknown form {bad_forms}")
            for key in ("actors", "targets"):
                if not isinstance(s[key], list) or not all(isinstance(x, str) and x for x in s[key]):
                    err(w, f"{key} must be a list of non-empty strings")
                    s[key] = []
                for name in s[key]:
                    if name not in body:
                        err(w, f"{key[:-1]} {name!r} is not a span of the article text")
            place = s["place"]
            if place is not None and place not in body and place.upper() != (dl or ""):
                err(w, f"place {place!r} is neither in the text nor the dateline")
            if s["date"] is not None:
                try:
                    d = dt.date.fromisoformat(s["date"])
                except (TypeError, ValueError):
                    err(w, f"bad date {s['date']!r}")
                    d = None
                if d and d > pub:
                    err(w, "event date after published_at")
                named = weekday_named(text)
                if d and named and d.weekday() not in named:
                    err(w, f"date {d} is a {DAYS[d.weekday()]}, text names {[DAYS[n] for n in named]}")
                if d and named and (pub - d).days > 6:
                    err(w, "a weekday resolves to the last 7 days before published_at")
            elif s["realis"] and re.search(r"(?<!said )(?<!told )\bon (" + "|".join(DAYS) + r")\b",
                                           text.lower()):
                warn(w, "text says 'on <weekday>' but date is null")
            if s["realis"]:
                cat, sub, mode = s["category"], s["subtype"], s["mode"]
                if cat not in cats:
                    err(w, f"unknown category {cat!r}")
                if sub not in SUBTYPES:
                    err(w, f"unknown subtype {sub!r}")
                if mode is not None and mode not in modes:
                    err(w, f"unknown mode {mode!r}")
                if (cat, sub) not in combos:
                    err(w, f"taxonomy has no rule for {cat}/{sub}")
                elif mode not in combos[(cat, sub)] and not (mode is None and sub in ("ATTACK", "AIR_STRIKE")):
                    err(w, f"mode {mode!r} not used with {cat}/{sub} (taxonomy: {combos[(cat, sub)]})")
                if neg is not None and cat not in REALIS_NEGATIVES.get(neg, set()):
                    err(w, f"negative {neg!r} with realis true must be {REALIS_NEGATIVES.get(neg)}")
                if not s["actors"] and sub not in ("NATURAL_DISASTER", "MAN_MADE_DISASTER"):
                    warn(w, "realis event without an actor")
                stats["category"][cat] += 1
                stats["subtype"][sub] += 1
                stats["mode"][mode] += 1
                stats["realis"] += 1
                stats["with_target"] += bool(s["targets"])
                stats["with_place"] += place is not None
                stats["with_date"] += s["date"] is not None
                if place is not None and dl and place.upper() != dl:
                    stats["place_not_dateline"] += 1
            else:
                if any(s[x] is not None for x in ("category", "mode", "subtype", "place", "date")) \
                        or s["actors"] or s["targets"]:
                    err(w, "realis false: category, mode, subtype, place, date null and no actors/targets")
                if neg in REALIS_NEGATIVES and neg != "denial":
                    err(w, f"a {neg} is a speech act: realis true")
            stats["sentences"] += 1
            if neg:
                stats["negative"][neg] += 1
                stats["hard_negatives"] += 1
                stats["neg_realis_false"] += not s["realis"]
            for f in s["form"]:
                stats["form"][f] += 1
            stats["multi_actor"] += len(s["actors"]) > 1


def report(stats, cats) -> None:
    n = stats["sentences"]
    print(f"articles {stats['articles']}  sentences {n}  countries {len(stats['countries'])}")
    print(f"realis {stats['realis']} ({stats['realis'] / max(n, 1):.0%})  "
          f"hard negatives {stats['hard_negatives']} ({stats['hard_negatives'] / max(n, 1):.0%}; "
          f"realis false {stats['neg_realis_false']})")
    print(f"realis events with target {stats['with_target']}, place {stats['with_place']} "
          f"(not the dateline {stats['place_not_dateline']}), date {stats['with_date']}, "
          f"several actors {stats['multi_actor']}")
    for key, order in (("category", cats), ("subtype", sorted(SUBTYPES)), ("negative", NEGATIVES),
                       ("form", FORMS)):
        row = ", ".join(f"{k} {stats[key].get(k, 0)}" for k in order)
        print(f"{key}: {row}")
    print("mode: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["mode"].items(), key=lambda x: str(x[0]))))
    print("countries: " + ", ".join(f"{k} {v}" for k, v in sorted(stats["countries"].items())))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--min-per-subtype", type=int, default=0,
                    help="also fail when a subtype (other than OTHER) has fewer examples")
    args = ap.parse_args()
    cats, modes, combos = load_taxonomy(TAXONOMY)
    errors: list[str] = []
    warnings: list[str] = []
    stats: dict[str, Any] = {"ids": set(), "articles": 0, "sentences": 0, "realis": 0, "hard_negatives": 0,
             "neg_realis_false": 0, "with_target": 0, "with_place": 0, "with_date": 0,
             "place_not_dateline": 0, "multi_actor": 0, "countries": collections.Counter(),
             "category": collections.Counter(), "subtype": collections.Counter(),
             "mode": collections.Counter(), "negative": collections.Counter(),
             "form": collections.Counter()}
    for path in args.files:
        check(path, cats, modes, combos, errors, warnings, stats)
    if args.min_per_subtype:
        for sub in sorted(SUBTYPES - {"OTHER"}):
            if stats["subtype"][sub] < args.min_per_subtype:
                errors.append(f"subtype {sub}: {stats['subtype'][sub]} < {args.min_per_subtype}")
        for cat in cats:
            if not stats["category"][cat]:
                errors.append(f"category {cat} never used")
    report(stats, cats)
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
