#!/usr/bin/env python3
"""Role development set v3, half w2 (dvo-0101 ... dvo-0150).

Hand-written one-sentence briefs (Europe, the Americas, East and Southeast Asia,
Central Asia and the Caucasus). Every incident, figure and date is invented.
Writes set.jsonl and kinds.tsv next to this script. Stdlib only.
"""
import collections
import datetime
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIRST_ID = 101

A, C = "ASSAULT", "COERCE"
P, MC, POS, CO, LG, AP = "passive", "multi_clause", "possessive", "coordination", "long", "apposition"

# (country, published_at, text, category, mode, subtype, actors, targets, place, date, forms, kind)
BRIEFS = [
    # ---- a: agent "by" phrase on a passive (8; 2 with two participles, 2 with a long agent)
    ("UA", "2026-11-03",
     "Two elderly women were beaten and robbed by Russian soldiers in the border village of "
     "Kozacha Lopan, Kharkiv regional prosecutors said",
     A, None, "ATTACK", ["Russian soldiers"], ["Two elderly women"], "Kozacha Lopan", None,
     [P, CO], "a"),
    ("PH", "2026-11-10",
     "A barangay captain and his driver were ambushed and shot dead by New People's Army rebels "
     "in Las Navas, Northern Samar, on Sunday.",
     A, "firearms", "ATTACK", ["New People's Army rebels"], ["A barangay captain", "his driver"],
     "Las Navas", "2026-11-08", [P, CO], "a"),
    ("MX", "2026-11-12",
     "Five members of one family were abducted from their home in Zitácuaro, Michoacán, by a group "
     "of about 15 armed men who arrived in three pickup trucks without licence plates",
     A, "abduct", "ABDUCT_DISSAP", ["armed men"], ["Five members of one family"], "Zitácuaro", None,
     [P, MC, LG], "a"),
    ("HT", "2026-11-16",
     "Eleven passengers on a public bus were kidnapped near Croix-des-Bouquets on Saturday by "
     "400 Mawozo, the gang that has controlled the main road east of the capital for several years.",
     A, "abduct", "ABDUCT_DISSAP", ["400 Mawozo"], ["Eleven passengers"], "Croix-des-Bouquets",
     "2026-11-14", [P, AP, MC, LG], "a"),
    ("TR", "2026-11-06",
     "A Kurdish-language journalist was detained by Turkish police at his home in Diyarbakır "
     "on 4 November.",
     C, "arrest", "ARREST", ["Turkish police"], ["A Kurdish-language journalist"], "Diyarbakır",
     "2026-11-04", [P], "a"),
    ("BO", "2026-11-09",
     "A man accused of stealing a motorbike was beaten to death by a mob in El Alto",
     A, None, "MOB_VIOL", ["mob"], ["A man"], "El Alto", None, [P], "a"),
    ("GE", "2026-11-14",
     "Dozens of opposition demonstrators were beaten with batons by riot police outside parliament "
     "on Rustaveli Avenue in Tbilisi on Thursday.",
     C, "repression", "FORCE_AGAINST_PROTEST", ["riot police"], ["opposition demonstrators"],
     "Tbilisi", "2026-11-12", [P], "a"),
    ("MM", "2026-11-18",
     "A monastery sheltering displaced villagers in Kani township, Sagaing region, was bombed by "
     "Myanmar military aircraft",
     A, "aerial", "AIR_STRIKE", ["Myanmar military aircraft"], ["A monastery"], "Kani", None,
     [P], "a"),

    # ---- b: the doer named on the act noun of an in/during/amid phrase (15)
    ("UA", "2026-11-05",
     "At least nine people were killed in a Russian ballistic missile strike on a residential block "
     "in Dnipro on Wednesday, the city's mayor said.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Russian"], ["a residential block"], "Dnipro",
     "2026-11-04", [P], "b"),
    ("RU", "2026-11-02",
     "Two workers were injured in a Ukrainian drone attack on an oil refinery in Syzran, "
     "Samara region",
     A, "drone", "AIR_STRIKE", ["Ukrainian"], ["Two workers", "an oil refinery"], "Syzran", None,
     [P], "b"),
    ("UA", "2026-11-23",
     "Three emergency workers were killed in Russia's repeat missile strike on a bombed-out "
     "apartment block in Sumy on Friday.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Russia"],
     ["Three emergency workers", "a bombed-out apartment block"], "Sumy", "2026-11-20", [P, POS], "b"),
    ("MM", "2026-11-20",
     "About 20 shoppers were killed in the junta's aerial bombing of a crowded market in Kyauktaw "
     "township, Rakhine state",
     A, "aerial", "AIR_STRIKE", ["junta"], ["shoppers", "a crowded market"], "Kyauktaw", None,
     [P, POS], "b"),
    ("CO", "2026-11-09",
     "Six soldiers were killed in an ELN ambush on an army patrol in the municipality of Tame, "
     "Arauca, on 7 November.",
     A, "firearms", "ARMED_CLASH", ["ELN"], ["Six soldiers", "an army patrol"], "Tame", "2026-11-07",
     [P], "b"),
    ("MX", "2026-11-04",
     "A suspected regional cartel boss was arrested during a navy operation in Zamora, Michoacán.",
     C, "arrest", "ARREST", ["navy"], ["A suspected regional cartel boss"], "Zamora", None, [P], "b"),
    ("BR", "2026-11-11",
     "Thirty-one suspected drug traffickers were detained in a police raid on the Maré favela "
     "complex in Rio de Janeiro.",
     C, "arrest", "ARREST", ["police"], ["Thirty-one suspected drug traffickers"], "Rio de Janeiro",
     None, [P], "b"),
    ("AM", "2026-11-19",
     "An Armenian farmer was wounded in Azerbaijani cross-border sniper fire near the village of "
     "Tegh in Syunik province on Tuesday.",
     A, "firearms", "ATTACK", ["Azerbaijani"], ["An Armenian farmer"], "Tegh", "2026-11-17", [P], "b"),
    ("TH", "2026-11-07",
     "A petrol station in Kantharalak district, Sisaket province, was destroyed in Cambodian "
     "rocket fire",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Cambodian"], ["A petrol station"], "Kantharalak", None,
     [P], "b"),
    ("ID", "2026-11-13",
     "Two Indonesian soldiers were shot dead in a TPNPB ambush on a military post in Intan Jaya "
     "regency, Central Papua, on 12 November.",
     A, "firearms", "ARMED_CLASH", ["TPNPB"], ["Two Indonesian soldiers", "a military post"], "Intan Jaya",
     "2026-11-12", [P], "b"),
    ("RS", "2026-11-15",
     "More than 40 students were injured amid a police crackdown on anti-corruption protests in "
     "Novi Sad.",
     C, "repression", "FORCE_AGAINST_PROTEST", ["police"], ["students"], "Novi Sad", None, [P], "b"),
    ("CO", "2026-11-21",
     "Seven dissident fighters were killed during a Colombian air force bombing raid on a camp in "
     "Guaviare department on Thursday.",
     A, "aerial", "AIR_STRIKE", ["Colombian air force"], ["Seven dissident fighters", "a camp"],
     "Guaviare", "2026-11-19", [P], "b"),
    ("VE", "2026-11-24",
     "Scores of protesters were injured during a National Guard crackdown on an opposition march "
     "in Caracas",
     C, "repression", "FORCE_AGAINST_PROTEST", ["National Guard"], ["protesters"], "Caracas", None,
     [P], "b"),
    ("KG", "2026-11-25",
     "Four Kyrgyz border guards were killed in Tajikistan's mortar attack on an outpost in Batken "
     "region on Sunday, the Kyrgyz border service said.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Tajikistan"], ["Four Kyrgyz border guards", "an outpost"],
     "Batken", "2026-11-22", [P, POS], "b"),
    ("PE", "2026-11-17",
     "A police sergeant and two army conscripts were killed in a Shining Path ambush in Vizcatán "
     "del Ene district, in the VRAEM valley.",
     A, "firearms", "ARMED_CLASH", ["Shining Path"], ["A police sergeant", "two army conscripts"],
     "Vizcatán del Ene", None, [P, CO], "b"),

    # ---- c: an act noun with its own "by" phrase, in a passive (5)
    ("PH", "2026-11-08",
     "Three soldiers were wounded in an attack by Dawlah Islamiyah militants on an army detachment "
     "in Datu Hoffer, Maguindanao del Sur.",
     A, "firearms", "ARMED_CLASH", ["Dawlah Islamiyah militants"], ["Three soldiers", "an army detachment"],
     "Datu Hoffer", None, [P], "c"),
    ("UA", "2026-11-06",
     "Five civilians were wounded in a drone strike by Russian forces on a commuter bus in Nikopol",
     A, "drone", "AIR_STRIKE", ["Russian forces"], ["Five civilians", "a commuter bus"], "Nikopol",
     None, [P], "c"),
    ("MM", "2026-11-16",
     "About 150 houses were burned down in a raid by junta troops on villages around Kyaukmyaung, "
     "Sagaing region, on 15 November.",
     C, "destroy", "PROPERTY_DISTRUCT", ["junta troops"], ["houses", "villages"], "Kyaukmyaung",
     "2026-11-15", [P], "c"),
    ("CO", "2026-11-19",
     "Two police officers were injured in a grenade attack by FARC dissidents on a police station "
     "in Jamundí, Valle del Cauca.",
     A, "explosives", "GRENADE", ["FARC dissidents"], ["Two police officers", "a police station"],
     "Jamundí", None, [P], "c"),
    ("HT", "2026-11-26",
     "An armoured police vehicle was disabled in an assault by Viv Ansanm gunmen on the police "
     "academy in Port-au-Prince",
     A, "firearms", "ARMED_CLASH", ["Viv Ansanm gunmen"], ["An armoured police vehicle", "the police academy"],
     "Port-au-Prince", None, [P], "c"),

    # ---- d: an agent that is itself an act (6)
    ("UA", "2026-11-27",
     "A grain warehouse in the port of Odesa was set ablaze by Russian drone fire overnight.",
     A, "drone", "AIR_STRIKE", ["Russian"], ["A grain warehouse"], "Odesa", None, [P], "d"),
    ("RU", "2026-11-26",
     "Two residents of the border village of Tyotkino in Kursk region were wounded by Ukrainian "
     "artillery fire on Monday.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Ukrainian"], ["Two residents"], "Tyotkino", "2026-11-23",
     [P], "d"),
    ("MM", "2026-11-28",
     "Two novice monks were killed by junta artillery fire on a monastic school in Pauk township, "
     "Magway region.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["junta"], ["Two novice monks", "a monastic school"], "Pauk",
     None, [P], "d"),
    ("CO", "2026-11-12",
     "A primary school in Argelia, Cauca, was damaged by an EMC explosive-drone attack.",
     A, "drone", "AIR_STRIKE", ["EMC"], ["A primary school"], "Argelia", None, [P], "d"),
    ("MX", "2026-11-14",
     "A National Guard convoy on the road to Aguililla was struck by CJNG drone bombing",
     A, "drone", "AIR_STRIKE", ["CJNG"], ["A National Guard convoy"], "Aguililla", None, [P], "d"),
    ("PH", "2026-11-22",
     "Two farmers were hurt by Philippine Army mortar fire aimed at rebel positions near "
     "Impasug-ong, Bukidnon.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Philippine Army"], ["Two farmers"], "Impasug-ong", None,
     [P], "d"),

    # ---- e: no doer named, a teller who is not the doer (10; 3 with a non-doer adjective)
    ("UA", "2026-11-09",
     "Two children were among four people killed in a missile strike on a playground in Kryvyi Rih "
     "on Saturday, the head of the city's military administration said.",
     A, "heavy-weapons", "ART_MISS_ATTACK", [], ["Two children", "a playground"], "Kryvyi Rih",
     "2026-11-07", [P], "e"),
    ("RU", "2026-11-03",
     "An electrical substation in Kursk was set on fire in a drone attack overnight, local "
     "authorities said",
     A, "drone", "AIR_STRIKE", [], ["An electrical substation"], "Kursk", None, [P], "e"),
    ("MM", "2026-11-10",
     "At least 18 people died in a suspected airstrike on a camp for displaced people in Waingmaw "
     "township, Kachin state, a local rescue group said.",
     A, "aerial", "AIR_STRIKE", [], ["a camp for displaced people"], "Waingmaw", None, [], "e"),
    ("HT", "2026-11-18",
     "Eight people, two of them children, were killed in a deadly drone strike on a gang-held "
     "neighbourhood of Port-au-Prince, a local rights group said.",
     A, "drone", "AIR_STRIKE", [], ["a gang-held neighbourhood"], "Port-au-Prince", None, [P], "e"),
    ("EC", "2026-11-20",
     "Two passers-by were hurt in a car bomb blast outside a courthouse in Machala late on Thursday, "
     "police said.",
     A, "explosives", "REM_EXPLOS", [], ["Two passers-by", "a courthouse"], "Machala", "2026-11-19",
     [P], "e"),
    ("CO", "2026-11-25",
     "A police post in Suárez, Cauca, was hit in a night-time attack with explosives, the "
     "departmental governor's office said",
     A, "explosives", "REM_EXPLOS", [], ["A police post"], "Suárez", None, [P], "e"),
    ("PG", "2026-11-13",
     "Seventeen people were killed in an ambush near Tari, Hela province, on Wednesday, provincial "
     "police said.",
     A, None, "ATTACK", [], [], "Tari", "2026-11-11", [P], "e"),
    ("ID", "2026-11-16",
     "Three officers were wounded in a suicide bombing at the gate of a police station in Bandung, "
     "West Java, a national police spokesman said.",
     A, "suicide-bomb", "SUIC_BOMB", [], ["Three officers", "a police station"], "Bandung", None,
     [P], "e"),
    ("SE", "2026-11-03",
     "The entrance of an apartment block in Uppsala was wrecked by an explosive device early on "
     "Sunday, Swedish police said.",
     A, "explosives", "REM_EXPLOS", [], ["an apartment block"], "Uppsala", "2026-11-01", [P], "e"),
    ("BR", "2026-11-21",
     "Four Guarani Kaiowá people were wounded in an attack on an indigenous camp near Douradina, "
     "Mato Grosso do Sul, the Indigenous Missionary Council said",
     A, None, "ATTACK", [], ["Four Guarani Kaiowá people", "an indigenous camp"], "Douradina", None,
     [P], "e"),

    # ---- f: the doer in another clause of the same sentence (4)
    ("PG", "2026-11-05",
     "Nine men were killed when gunmen ambushed a utility truck on the Highlands Highway near Wabag, "
     "Enga province.",
     A, "firearms", "ATTACK", ["gunmen"], ["Nine men", "a utility truck"], "Wabag", None, [P, MC], "f"),
    ("UA", "2026-11-19",
     "A maternity hospital in Kherson was damaged after Russian forces shelled the city centre on "
     "18 November.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Russian forces"], ["A maternity hospital"], "Kherson",
     "2026-11-18", [P, MC], "f"),
    ("MX", "2026-11-27",
     "Two soldiers were wounded when Sinaloa Cartel gunmen fired on an army patrol outside Culiacán.",
     A, "firearms", "ARMED_CLASH", ["Sinaloa Cartel gunmen"], ["Two soldiers", "an army patrol"],
     "Culiacán", None, [P, MC], "f"),
    ("TJ", "2026-11-29",
     "Three residents of Khorog were detained after security forces raided homes in the town on "
     "Friday.",
     C, "arrest", "ARREST", ["security forces"], ["Three residents"], "Khorog", "2026-11-27",
     [P, MC], "f"),

    # ---- g: active controls, the act as subject (2)
    ("UA", "2026-11-17",
     "A Russian guided-bomb attack on a tram depot in Zaporizhzhia killed three people on Monday.",
     A, "aerial", "AIR_STRIKE", ["Russian"], ["a tram depot"], "Zaporizhzhia", "2026-11-16", [], "g"),
    ("MM", "2026-11-23",
     "An Arakan Army drone attack on a navy base in Kyaukphyu killed five sailors",
     A, "drone", "AIR_STRIKE", ["Arakan Army"], ["a navy base", "five sailors"], "Kyaukphyu", None,
     [], "g"),
]


KIND_QUOTA = {"a": 8, "b": 15, "c": 5, "d": 6, "e": 10, "f": 4, "g": 2}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"november": 11, "october": 10}
# valid (category, mode, subtype) combinations used here, from taxonomy.yaml's rules
COMBOS = {
    ("ASSAULT", "ATTACK"): {None, "firearms"},
    ("ASSAULT", "AIR_STRIKE"): {None, "aerial", "drone"},
    ("ASSAULT", "ART_MISS_ATTACK"): {"heavy-weapons"},
    ("ASSAULT", "ARMED_CLASH"): {"firearms"},
    ("ASSAULT", "REM_EXPLOS"): {"explosives"},
    ("ASSAULT", "GRENADE"): {"explosives"},
    ("ASSAULT", "SUIC_BOMB"): {"suicide-bomb"},
    ("ASSAULT", "ABDUCT_DISSAP"): {"abduct"},
    ("ASSAULT", "MOB_VIOL"): {None},
    ("ASSAULT", "SEX_VIOL"): {"sexual"},
    ("COERCE", "ARREST"): {"arrest"},
    ("COERCE", "PROPERTY_DISTRUCT"): {"destroy"},
    ("COERCE", "FORCE_AGAINST_PROTEST"): {"repression"},
}


def fail(msg):
    sys.exit("make_set.py: " + msg)


def check_day(text, pub, date):
    """The day the sentence fixes, resolved as DATA.md says, must equal `date`."""
    pubd = datetime.date.fromisoformat(pub)
    found = None
    m = re.search(r"\bon (\d{1,2}) (November|October)\b", text)
    if m:
        found = datetime.date(2026, MONTHS[m.group(2).lower()], int(m.group(1)))
    for i, wd in enumerate(WEEKDAYS):
        if re.search(r"\b" + wd + r"\b", text, re.I):
            if found:
                fail("two days named: " + text)
            back = (pubd.weekday() - i) % 7
            if back == 0:
                fail("weekday equals the publication weekday (ambiguous): " + text)
            found = pubd - datetime.timedelta(days=back)
    want = found.isoformat() if found else None
    if want != date:
        fail(f"date {date}, text gives {want}: {text}")
    if found and found > pubd:
        fail("event after publication: " + text)


def words(text):
    return re.findall(r"[\w'-]+", text.lower())


def main():
    if len(BRIEFS) != 50:
        fail(f"{len(BRIEFS)} briefs, want 50")
    kinds = collections.Counter(b[11] for b in BRIEFS)
    if kinds != collections.Counter(KIND_QUOTA):
        fail(f"kind counts {dict(kinds)}")
    for b in BRIEFS:
        if len(b) != 12:
            fail(f"tuple of {len(b)} fields: {b[:3]!r}")
        country, pub, text, cat, mode, sub, actors, targets, place, date, forms, kind = b
        if not re.fullmatch(r"2026-11-\d\d", pub):
            fail("publication day not in November 2026: " + pub)
        if mode not in COMBOS.get((cat, sub), set()):
            fail(f"bad combination {cat}/{mode}/{sub}: {text}")
        for span in list(actors) + list(targets) + ([place] if place else []):
            if not span or span not in text:
                fail(f"span {span!r} is not in the text: {text}")
        if kind == "e" and actors:
            fail("kind e with an actor: " + text)
        if kind != "e" and not actors:
            fail(f"kind {kind} without an actor: {text}")
        if not place:
            fail("no place: " + text)
        check_day(text, pub, date)
    n_day = sum(1 for b in BRIEFS if b[9])
    n_nostop = sum(1 for b in BRIEFS if not b[2].endswith("."))
    if n_day != 20 or n_nostop != 15:
        fail(f"{n_day} briefs with a day (want 20), {n_nostop} without a full stop (want 15)")
    if len({b[0] for b in BRIEFS}) < 15:
        fail("fewer than 15 countries")
    # no two briefs share a run of 6 words
    seen = {}
    for i, b in enumerate(BRIEFS):
        w = words(b[2])
        for j in range(len(w) - 5):
            run = tuple(w[j:j + 6])
            if run in seen and seen[run] != i:
                fail("6-word run {!r} shared by:\n  {}\n  {}".format(" ".join(run), BRIEFS[seen[run]][2], b[2]))
            seen.setdefault(run, i)

    order = list(range(len(BRIEFS)))
    random.Random(59).shuffle(order)  # mix the kinds over the id range
    out, tsv = [], ["id\tkind"]
    for n, i in enumerate(order):
        country, pub, text, cat, mode, sub, actors, targets, place, date, forms, kind = BRIEFS[i]
        aid = f"dvo-{FIRST_ID + n:04d}"
        sent = collections.OrderedDict([
            ("text", text), ("para", 0), ("realis", True), ("category", cat), ("mode", mode),
            ("subtype", sub), ("actors", list(actors)), ("targets", list(targets)),
            ("place", place), ("date", date), ("negative", None), ("form", list(forms))])
        art = collections.OrderedDict([
            ("id", aid), ("country", country), ("published_at", pub), ("dateline", None),
            ("title", ""), ("sentences", [sent])])
        out.append(json.dumps(art, ensure_ascii=False))
        tsv.append(f"{aid}\t{kind}")
    with open(os.path.join(HERE, "set.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(HERE, "kinds.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")
    print(f"wrote {len(out)} articles ({', '.join(f'{k}={v}' for k, v in sorted(kinds.items()))})")


if __name__ == "__main__":
    main()
