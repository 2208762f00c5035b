"""Build events-frozen-v1.jsonl from the compact part-*.txt sources (authoring aid only)."""
import datetime as dt
import glob
import json
import re
import sys

ALIAS = {
    "ABD": ("ASSAULT", "ABDUCT_DISSAP", "abduct"), "AIR": ("ASSAULT", "AIR_STRIKE", "aerial"),
    "CLASH": ("ASSAULT", "ARMED_CLASH", "firearms"), "ARR": ("COERCE", "ARREST", "arrest"),
    "ART": ("ASSAULT", "ART_MISS_ATTACK", "heavy-weapons"), "ATK": ("ASSAULT", "ATTACK", "firearms"),
    "CTG": ("MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops"), "CHEM": ("ASSAULT", "CHEM_WEAP", "chemical"),
    "DISR": ("COERCE", "DISR_WEAP", "seize"), "FAP": ("COERCE", "FORCE_AGAINST_PROTEST", "repression"),
    "GRT": ("ASSAULT", "GOV_REGAINS_TERIT", "territory"), "GREN": ("ASSAULT", "GRENADE", "explosives"),
    "HQ": ("MOBILIZE", "HQ_ESTABLISHED", "troops"), "MOB": ("ASSAULT", "MOB_VIOL", None),
    "NSO": ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER", "territory"),
    "NVT": ("RETREAT", "NON_VIOL_TERRIT_TRANSFER", "territory"), "PP": ("PROTEST", "PEACE_PROTEST", "demo"),
    "PROP": ("COERCE", "PROPERTY_DISTRUCT", "destroy"), "PWI": ("COERCE", "PROTEST_WITH_INTER", "repression"),
    "IED": ("ASSAULT", "REM_EXPLOS", "explosives"), "SEX": ("ASSAULT", "SEX_VIOL", "sexual"),
    "SUIC": ("ASSAULT", "SUIC_BOMB", "suicide-bomb"), "VD": ("PROTEST", "VIOL_DEMONSTR", "riot"),
    "ORG": ("COERCE", "ORG_CRIME", None), "NAT": ("AID", "NATURAL_DISASTER", "natural-disaster"),
    "MMD": ("AID", "MAN_MADE_DISASTER", "man-made-disaster"),
}
FORMS = {"L": "lead", "P": "passive", "M": "multi_clause", "C": "coordination", "R": "pronoun",
         "A": "apposition", "S": "possessive", "G": "long", "Q": "quote"}
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def resolve_date(spec, pub):
    s = spec.strip().lower()
    if re.fullmatch(r"\d{4}-\d\d-\d\d", s):
        return s
    if s[:3] in DAYS and len(s) <= 9:
        back = (pub.weekday() - DAYS.index(s[:3])) % 7
        return (pub - dt.timedelta(days=back)).isoformat()
    if s == "yesterday":
        return (pub - dt.timedelta(days=1)).isoformat()
    if s == "today":
        return pub.isoformat()
    m = re.fullmatch(r"(\d{1,2}) ([a-z]{3})", s)
    if m:
        d = dt.date(pub.year, MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        if d > pub:
            d = d.replace(year=pub.year - 1)
        return d.isoformat()
    raise ValueError(f"bad date {spec!r}")


def parse_label(lab):
    toks = lab.split()
    if toks[0] in ALIAS:
        cat, sub, mode = ALIAS[toks[0]]
        if len(toks) > 1:
            mode = None if toks[1] == "-" else toks[1]
        return cat, mode, sub
    cat, sub = toks[0], toks[1]
    mode = None if len(toks) < 3 or toks[2] == "-" else toks[2]
    return cat, mode, sub


def build(paths):
    out, art = [], None
    for path in paths:
        for ln, line in enumerate(open(path, encoding="utf-8"), 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            try:
                if line.startswith("=="):
                    f = [x.strip() for x in line[2:].split("|", 4)]
                    art = {"id": f[0], "country": f[1], "published_at": f[2],
                           "dateline": None if f[3] == "-" else f[3], "title": f[4], "sentences": []}
                    out.append(art)
                    continue
                parts = [x.strip() for x in line.split("||")]
                m = re.match(r"(\d+) (.*)", parts[0])
                para, text = int(m.group(1)), m.group(2).strip()
                lab = parts[1] if len(parts) > 1 else "-"
                s = {"text": text, "para": para, "realis": False, "category": None, "mode": None,
                     "subtype": None, "actors": [], "targets": [], "place": None, "date": None,
                     "negative": None, "form": []}
                if lab.startswith("~"):
                    s["negative"] = lab[1:]
                elif lab != "-":
                    s["realis"] = True
                    s["category"], s["mode"], s["subtype"] = parse_label(lab)
                forms = []
                pub = dt.date.fromisoformat(art["published_at"])
                for fld in parts[2:]:
                    k, _, v = fld.partition(":")
                    v = v.strip()
                    if k == "a":
                        s["actors"] = [x.strip() for x in v.split(";") if x.strip()]
                    elif k == "t":
                        s["targets"] = [x.strip() for x in v.split(";") if x.strip()]
                    elif k == "p":
                        s["place"] = v or None
                    elif k == "d":
                        s["date"] = resolve_date(v, pub)
                    elif k == "n":
                        s["negative"] = v
                    elif k == "f":
                        forms = [FORMS[c] for c in v]
                    else:
                        raise ValueError(f"bad field {fld!r}")
                if not art["sentences"]:
                    forms.insert(0, "lead")
                if len(text.split()) >= 35 and "long" not in forms:
                    forms.append("long")
                s["form"] = forms
                art["sentences"].append(s)
            except Exception as e:  # noqa: BLE001
                sys.exit(f"{path}:{ln}: {e}: {line}")
    return out


if __name__ == "__main__":
    arts = build(sorted(glob.glob(sys.argv[1])))
    with open(sys.argv[2], "w", encoding="utf-8") as fh:
        for a in arts:
            fh.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(len(arts), "articles", sum(len(a["sentences"]) for a in arts), "sentences")
