"""Check corpus B (data/events/train/corpus-b-*.jsonl) and print coverage.

Stdlib only: python3 data/events/check_corpus_b.py [FILES...]
Checks the schema of EVENT_DATA_FORMAT, the category/mode/subtype combinations the
taxonomy uses, that actors/targets/place occur in the article, and unique ids.
Exits 1 when any error is found, listing what to fix.
"""

import collections
import datetime
import glob
import json
import os
import sys
from typing import Any

CATEGORIES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
SUBTYPES = {
    "ABDUCT_DISSAP",
    "AGREEMENT",
    "AIR_STRIKE",
    "ARMED_CLASH",
    "ARREST",
    "ART_MISS_ATTACK",
    "ATTACK",
    "CHANGE_TO_GROUP_ACT",
    "CHEM_WEAP",
    "DISR_WEAP",
    "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT",
    "GRENADE",
    "HQ_ESTABLISHED",
    "MOB_VIOL",
    "NON_STATE_ACTOR_OVERTAKES_TER",
    "NON_VIOL_TERRIT_TRANSFER",
    "PEACE_PROTEST",
    "PROPERTY_DISTRUCT",
    "PROTEST_WITH_INTER",
    "REM_EXPLOS",
    "SEX_VIOL",
    "SUIC_BOMB",
    "VIOL_DEMONSTR",
    "ORG_CRIME",
    "NATURAL_DISASTER",
    "MAN_MADE_DISASTER",
    "DIPLO",
    "ATTRIB",
    "OTHER",
}
# (category, subtype) -> allowed modes, as streams/tagging/data/taxonomy.yaml pairs them.
COMBOS: dict[tuple[str, str], set[str | None]] = {
    ("ASSAULT", "AIR_STRIKE"): {"aerial", "drone"},
    ("ASSAULT", "ARMED_CLASH"): {"firearms"},
    ("ASSAULT", "ART_MISS_ATTACK"): {"heavy-weapons"},
    ("ASSAULT", "ATTACK"): {"firearms", None},
    ("ASSAULT", "GRENADE"): {"explosives"},
    ("ASSAULT", "SUIC_BOMB"): {"suicide-bomb"},
    ("ASSAULT", "REM_EXPLOS"): {"explosives"},
    ("ASSAULT", "CHEM_WEAP"): {"chemical"},
    ("ASSAULT", "ABDUCT_DISSAP"): {"abduct"},
    ("ASSAULT", "SEX_VIOL"): {"sexual"},
    ("ASSAULT", "MOB_VIOL"): {None},
    ("ASSAULT", "GOV_REGAINS_TERIT"): {"territory"},
    ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER"): {"territory"},
    ("COERCE", "DISR_WEAP"): {"seize"},
    ("COERCE", "ORG_CRIME"): {None},
    ("COERCE", "ARREST"): {"arrest"},
    ("COERCE", "PROPERTY_DISTRUCT"): {"destroy"},
    ("COERCE", "OTHER"): {"curfew", "martial-law", "restrict"},
    ("COERCE", "FORCE_AGAINST_PROTEST"): {"repression"},
    ("COERCE", "PROTEST_WITH_INTER"): {"repression"},
    ("PROTEST", "VIOL_DEMONSTR"): {"riot"},
    ("PROTEST", "PEACE_PROTEST"): {"demo", "hunger-strike"},
    ("AID", "NATURAL_DISASTER"): {"natural-disaster"},
    ("AID", "MAN_MADE_DISASTER"): {"man-made-disaster"},
    ("AID", "OTHER"): {"assist"},
    ("ACCUSE", "ATTRIB"): {None, "allege"},
    ("ACCUSE", "DIPLO"): {None},
    ("REJECT", "ATTRIB"): {None},
    ("REJECT", "DIPLO"): {None},
    ("THREATEN", "DIPLO"): {None, "curfew", "martial-law"},
    ("REQUEST", "DIPLO"): {None, "ceasefire", "assist"},
    ("SANCTION", "DIPLO"): {None},
    ("AGREE", "AGREEMENT"): {None, "ceasefire"},
    ("AGREE", "DIPLO"): {None},
    ("RETREAT", "AGREEMENT"): {None, "ceasefire"},
    ("RETREAT", "NON_VIOL_TERRIT_TRANSFER"): {"territory"},
    ("CONSULT", "AGREEMENT"): {None},
    ("CONSULT", "DIPLO"): {None},
    ("SUPPORT", "DIPLO"): {None},
    ("CONCEDE", "DIPLO"): {None},
    ("COOPERATE", "DIPLO"): {None},
    ("MOBILIZE", "HQ_ESTABLISHED"): {"troops"},
    ("MOBILIZE", "CHANGE_TO_GROUP_ACT"): {"troops"},
}
NEGATIVES = {
    "threat",
    "plan",
    "conditional",
    "denial",
    "allegation",
    "anniversary",
    "negation",
    "past_quote",
    "headline",
    "opinion",
    "background",
    "statistic",
}
FORMS = {
    "lead",
    "passive",
    "multi_clause",
    "coordination",
    "pronoun",
    "apposition",
    "possessive",
    "long",
    "quote",
}
ARTICLE_KEYS = {"id", "country", "published_at", "dateline", "title", "sentences"}
SENTENCE_KEYS = {
    "text",
    "para",
    "realis",
    "category",
    "mode",
    "subtype",
    "actors",
    "targets",
    "place",
    "date",
    "negative",
    "form",
}


def check_sentence(art: dict[str, Any], s: dict[str, Any], where: str, haystack: str) -> list[str]:
    errs: list[str] = []
    if set(s) != SENTENCE_KEYS:
        return [f"{where}: keys {sorted(set(s) ^ SENTENCE_KEYS)} wrong"]
    if s["realis"]:
        key = (s["category"], s["subtype"])
        if key not in COMBOS:
            errs.append(f"{where}: category/subtype {key} not in the taxonomy")
        elif s["mode"] not in COMBOS[key]:
            errs.append(f"{where}: mode {s['mode']} not allowed for {key}")
    elif s["category"] or s["subtype"] or s["mode"]:
        errs.append(f"{where}: realis=false must have null category/mode/subtype")
    if s["negative"] is not None and s["negative"] not in NEGATIVES:
        errs.append(f"{where}: unknown negative kind {s['negative']}")
    if not set(s["form"]) <= FORMS:
        errs.append(f"{where}: unknown form {set(s['form']) - FORMS}")
    for name in s["actors"] + s["targets"] + ([s["place"]] if s["place"] else []):
        if name.lower() not in haystack:
            errs.append(f"{where}: '{name}' does not occur in the article")
    if s["date"]:
        day = datetime.date.fromisoformat(s["date"])
        if day > datetime.date.fromisoformat(art["published_at"]):
            errs.append(f"{where}: date {s['date']} after published_at")
    return errs


def main(paths: list[str]) -> int:
    errs: list[str] = []
    ids: set[str] = set()
    stats: dict[str, collections.Counter[object]] = collections.defaultdict(collections.Counter)
    n_sent = n_art = 0
    for path in paths:
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            art = json.loads(line)
            where = f"{os.path.basename(path)}:{ln}"
            if set(art) != ARTICLE_KEYS:
                errs.append(f"{where}: article keys {sorted(set(art) ^ ARTICLE_KEYS)} wrong")
                continue
            if art["id"] in ids:
                errs.append(f"{where}: duplicate id {art['id']}")
            ids.add(art["id"])
            n_art += 1
            stats["country"][art["country"]] += 1
            haystack = " ".join(
                [art["dateline"] or "", art["title"]] + [s["text"] for s in art["sentences"]]
            ).lower()
            for i, s in enumerate(art["sentences"]):
                errs += check_sentence(art, s, f"{where} {art['id']} s{i}", haystack)
                n_sent += 1
                stats["realis"][s["realis"]] += 1
                if s["realis"]:
                    stats["category"][s["category"]] += 1
                    stats["subtype"][s["subtype"]] += 1
                if s["negative"]:
                    stats["negative"][s["negative"]] += 1
                for f in s["form"]:
                    stats["form"][f] += 1
    print(f"articles {n_art}  sentences {n_sent}  countries {len(stats['country'])}")
    hard = sum(stats["negative"].values())
    print(
        f"hard negatives {hard} ({hard / max(n_sent, 1):.1%})  realis false "
        f"{stats['realis'][False]}"
    )
    for key in ("category", "subtype", "negative", "form", "country"):
        print(f"{key}: " + ", ".join(f"{k}={v}" for k, v in sorted(stats[key].items())))
    missing = (CATEGORIES - set(stats["category"])) | (SUBTYPES - set(stats["subtype"]))
    if missing:
        print("never used:", sorted(missing))
    for e in errs:
        print("ERROR", e)
    return 1 if errs else 0


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    files = sys.argv[1:] or sorted(glob.glob(os.path.join(here, "train", "corpus-b-*.jsonl")))
    sys.exit(main(files))
