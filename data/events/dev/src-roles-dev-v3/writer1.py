#!/usr/bin/env python3
"""Hand-written one-sentence briefs (role dev set v3, half w1: dvo-0001 ... dvo-0050).

Each tuple: (country, published_at, text, category, mode, subtype, actors, targets,
place, date, forms, kind).  Writes set.jsonl and kinds.tsv next to this script and
fails on any span that is not a substring of its text, on a weekday that does not
resolve to the stated date, and on any 6-word run shared by two briefs.
"""
import datetime
import json
import os
import re
import sys
from collections import Counter

A, C = "ASSAULT", "COERCE"

BRIEFS = [
    # ---- a. agent "by" phrase on a passive (8) ----
    ("NG", "2026-11-03",
     "Seven farmers were shot dead by suspected bandits in Zurmi, Zamfara state, on Sunday as they worked their fields.",
     A, "firearms", "ATTACK", ["suspected bandits"], ["Seven farmers"], "Zurmi", "2026-11-01",
     ["passive"], "a"),
    ("CM", "2026-11-05",
     "Four nurses were beaten and whipped by separatist fighters at a roadblock near Bambui",
     A, None, "ATTACK", ["separatist fighters"], ["Four nurses"], "Bambui", None,
     ["passive", "coordination"], "a"),
    ("SD", "2026-11-09",
     "At least 20 women were beaten and raped by RSF fighters in villages west of El Fasher during the past week.",
     A, "sexual", "SEX_VIOL", ["RSF fighters"], ["women"], "El Fasher", None,
     ["passive", "coordination"], "a"),
    ("ML", "2026-11-08",
     "Twelve traders were killed near Ménaka by Islamic State Sahel Province fighters who had blocked the main road to the Niger border since the start of the week",
     A, None, "ATTACK", ["Islamic State Sahel Province fighters"], ["Twelve traders"], "Ménaka", None,
     ["passive", "multi_clause", "long"], "a"),
    ("BF", "2026-11-12",
     "A parish priest and two catechists were abducted in Dori by heavily armed men who arrived on motorcycles and in a pickup truck on Tuesday evening.",
     A, "abduct", "ABDUCT_DISSAP", ["heavily armed men"], ["A parish priest", "two catechists"], "Dori", "2026-11-10",
     ["passive", "multi_clause", "coordination", "long"], "a"),
    ("SO", "2026-11-06",
     "Three journalists were arrested by Somali police in Mogadishu on 4 November after covering a demonstration over land evictions.",
     C, "arrest", "ARREST", ["Somali police"], ["Three journalists"], "Mogadishu", "2026-11-04",
     ["passive"], "a"),
    ("PK", "2026-11-14",
     "Hundreds of teachers demanding unpaid salaries were baton-charged by police outside the provincial assembly in Peshawar",
     C, "repression", "FORCE_AGAINST_PROTEST", ["police"], ["teachers"], "Peshawar", None,
     ["passive"], "a"),
    ("IN", "2026-11-18",
     "A man suspected of stealing a goat was beaten to death by a mob in a village of Jharkhand's Gumla district on Monday.",
     A, None, "MOB_VIOL", ["a mob"], ["A man"], "Gumla district", "2026-11-16",
     ["passive"], "a"),

    # ---- b. doer named on the act noun of an in/during/amid phrase (15) ----
    # nationality word
    ("PS", "2026-11-07",
     "At least 14 people, among them six children, were killed in Israeli air strikes on homes in Khan Younis on Thursday.",
     A, "aerial", "AIR_STRIKE", ["Israeli"], ["people", "six children", "homes"], "Khan Younis", "2026-11-05",
     ["passive"], "b"),
    ("SO", "2026-11-20",
     "Four al-Shabaab commanders were killed in an American drone strike on a vehicle outside Jilib.",
     A, "drone", "AIR_STRIKE", ["American"], ["Four al-Shabaab commanders", "a vehicle"], "Jilib", None,
     ["passive"], "b"),
    ("SY", "2026-11-02",
     "Three SDF fighters and a civilian were killed in Turkish artillery fire on villages south of Manbij.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Turkish"], ["Three SDF fighters", "a civilian", "villages"], "Manbij", None,
     ["passive", "coordination"], "b"),
    ("IQ", "2026-11-25",
     "Two Kurdish opposition fighters were killed in an Iranian drone strike near Koya on Monday.",
     A, "drone", "AIR_STRIKE", ["Iranian"], ["Two Kurdish opposition fighters"], "Koya", "2026-11-23",
     ["passive"], "b"),
    # a group's name
    ("SO", "2026-11-10",
     "Five soldiers were killed in an al-Shabaab ambush on a supply convoy near Balcad.",
     A, "firearms", "ARMED_CLASH", ["al-Shabaab"], ["Five soldiers", "a supply convoy"], "Balcad", None,
     ["passive"], "b"),
    ("YE", "2026-11-13",
     "A Liberian-flagged bulk carrier was set ablaze in a Houthi missile attack off the port of Mokha",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Houthi"], ["A Liberian-flagged bulk carrier"], "Mokha", None,
     ["passive"], "b"),
    ("NG", "2026-11-16",
     "Eleven people were killed in a Boko Haram suicide bombing at a crowded fish market in Konduga on Saturday.",
     A, "suicide-bomb", "SUIC_BOMB", ["Boko Haram"], ["Eleven people", "a crowded fish market"], "Konduga", "2026-11-14",
     ["passive"], "b"),
    ("CD", "2026-11-11",
     "At least 30 villagers were hacked to death in an ADF attack on Mamove, in Beni territory, on Monday",
     A, None, "ATTACK", ["ADF"], ["villagers"], "Mamove", "2026-11-09",
     ["passive"], "b"),
    # a force word
    ("KE", "2026-11-19",
     "Three demonstrators were shot dead during a Kenyan police crackdown on a protest over fuel prices in Kisumu.",
     C, "repression", "FORCE_AGAINST_PROTEST", ["Kenyan police"], ["Three demonstrators"], "Kisumu", None,
     ["passive"], "b"),
    ("ET", "2026-11-21",
     "Dozens of Fano fighters were killed during an army offensive in the hills around Gondar",
     A, "firearms", "ARMED_CLASH", ["army"], ["Fano fighters"], "Gondar", None,
     ["passive"], "b"),
    ("BD", "2026-11-04",
     "Scores of garment workers were injured in a police baton charge on a wage protest in Ashulia on Monday.",
     C, "repression", "FORCE_AGAINST_PROTEST", ["police"], ["garment workers"], "Ashulia", "2026-11-02",
     ["passive"], "b"),
    ("IQ", "2026-11-15",
     "Eight men suspected of Islamic State membership were detained in a security forces raid on a farm near Tarmiyah.",
     C, "arrest", "ARREST", ["security forces"], ["Eight men"], "Tarmiyah", None,
     ["passive"], "b"),
    # a possessive
    ("ML", "2026-11-17",
     "Dozens of civilians were killed in the junta's drone strikes on a weekly market in Anefis.",
     A, "drone", "AIR_STRIKE", ["junta"], ["civilians", "a weekly market"], "Anefis", None,
     ["passive", "possessive"], "b"),
    ("SD", "2026-11-16",
     "Dozens of displaced people were killed in the RSF's shelling of Abu Shouk camp on Friday",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["RSF"], ["displaced people"], "Abu Shouk camp", "2026-11-13",
     ["passive", "possessive"], "b"),
    ("AF", "2026-11-26",
     "Two children and a woman were wounded in Pakistan's cross-border shelling of Dangam district in Kunar.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Pakistan"], ["Two children", "a woman"], "Dangam district", None,
     ["passive", "possessive", "coordination"], "b"),

    # ---- c. act noun with its own "by" phrase (5) ----
    ("NE", "2026-11-09",
     "Seventeen soldiers were killed in an attack by jihadists on an army post near Tillabéri on 7 November.",
     A, "firearms", "ARMED_CLASH", ["jihadists"], ["Seventeen soldiers", "an army post"], "Tillabéri", "2026-11-07",
     ["passive"], "c"),
    ("MZ", "2026-11-03",
     "Six villagers were beheaded in a raid by insurgents on a fishing camp near Macomia",
     A, None, "ATTACK", ["insurgents"], ["Six villagers", "a fishing camp"], "Macomia", None,
     ["passive"], "c"),
    ("BF", "2026-11-10",
     "A health centre and dozens of granaries were burned down in an incursion by JNIM militants into Titao on Saturday.",
     C, "destroy", "PROPERTY_DISTRUCT", ["JNIM militants"], ["A health centre", "granaries"], "Titao", "2026-11-07",
     ["passive", "coordination"], "c"),
    ("SS", "2026-11-24",
     "Two aid workers were abducted in an ambush by armed youths on a humanitarian convoy near Pibor",
     A, "abduct", "ABDUCT_DISSAP", ["armed youths"], ["Two aid workers", "a humanitarian convoy"], "Pibor", None,
     ["passive"], "c"),
    ("PK", "2026-11-28",
     "Four policemen were killed in an assault by TTP militants on a checkpoint in Lakki Marwat late on Thursday.",
     A, "firearms", "ARMED_CLASH", ["TTP militants"], ["Four policemen", "a checkpoint"], "Lakki Marwat", "2026-11-26",
     ["passive"], "c"),

    # ---- d. the agent is itself an act (6) ----
    ("LB", "2026-11-05",
     "A shepherd was killed by Israeli shelling on the edge of Kfarchouba.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Israeli"], ["A shepherd"], "Kfarchouba", None,
     ["passive"], "d"),
    ("SD", "2026-11-04",
     "The main water station in El Obeid was knocked out by RSF drone strikes on Sunday",
     A, "drone", "AIR_STRIKE", ["RSF"], ["The main water station"], "El Obeid", "2026-11-01",
     ["passive"], "d"),
    ("SO", "2026-11-22",
     "Five traders were wounded by al-Shabaab mortar fire on the livestock market in Bulo Burte.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["al-Shabaab"], ["Five traders", "the livestock market"], "Bulo Burte", None,
     ["passive"], "d"),
    ("SD", "2026-11-27",
     "Part of a children's hospital in Nyala was destroyed by army air strikes overnight.",
     A, "aerial", "AIR_STRIKE", ["army"], ["a children's hospital"], "Nyala", None,
     ["passive"], "d"),
    ("CD", "2026-11-21",
     "Three children were killed by an M23 bombardment of Sake on Thursday",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["M23"], ["Three children"], "Sake", "2026-11-19",
     ["passive"], "d"),
    ("IN", "2026-11-12",
     "Two houses in Poonch were flattened by Pakistani shelling across the Line of Control.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["Pakistani"], ["Two houses"], "Poonch", None,
     ["passive"], "d"),

    # ---- e. no doer named; a teller who is not the doer (10) ----
    ("SD", "2026-11-08",
     "Five members of a neighbourhood resistance committee were detained in a raid on their office in Omdurman, a lawyers' group said.",
     C, "arrest", "ARREST", [], ["Five members of a neighbourhood resistance committee"], "Omdurman", None,
     ["passive"], "e"),
    ("SY", "2026-11-19",
     "Four members of one family were killed in an unclaimed air raid on their home in the Deir ez-Zor countryside, a monitoring group reported.",
     A, "aerial", "AIR_STRIKE", [], ["Four members of one family", "their home"], "Deir ez-Zor", None,
     ["passive"], "e"),
    ("LY", "2026-11-06",
     "Two migrants were killed in a shooting at a detention centre in Zawiya, the UN migration agency said.",
     A, "firearms", "ATTACK", [], ["Two migrants"], "Zawiya", None,
     ["passive"], "e"),
    ("NG", "2026-11-23",
     "At least 23 people were killed in a pre-dawn attack on a farming settlement in Guma, Benue state, on Sunday, a local councillor said.",
     A, None, "ATTACK", [], ["people", "a farming settlement"], "Guma", "2026-11-22",
     ["passive"], "e"),
    ("SO", "2026-11-29",
     "Three soldiers were killed in a roadside bomb blast on the outskirts of Afgooye, a local elder told reporters",
     A, "explosives", "REM_EXPLOS", [], ["Three soldiers"], "Afgooye", None,
     ["passive"], "e"),
    ("PK", "2026-11-23",
     "At least 11 worshippers were killed in a suicide bombing at a mosque in Bajaur during Friday prayers, police said.",
     A, "suicide-bomb", "SUIC_BOMB", [], ["worshippers"], "Bajaur", "2026-11-20",
     ["passive"], "e"),
    ("AF", "2026-11-30",
     "Nine people were wounded in a grenade attack on a money exchange market in Kunduz, a provincial spokesman said.",
     A, "explosives", "GRENADE", [], ["Nine people", "a money exchange market"], "Kunduz", None,
     ["passive"], "e"),
    ("IQ", "2026-11-18",
     "A university lecturer was kidnapped in a late-night raid on his home in Basra, security sources said",
     A, "abduct", "ABDUCT_DISSAP", [], ["A university lecturer"], "Basra", None,
     ["passive"], "e"),
    ("CF", "2026-11-13",
     "Seven traders were killed when their truck ran over a landmine near Bocaranga, a local official said.",
     A, "explosives", "REM_EXPLOS", [], ["Seven traders"], "Bocaranga", None,
     ["passive", "multi_clause"], "e"),
    ("ET", "2026-11-11",
     "Eight passengers were killed in a drone strike on a minibus near Debre Markos on Tuesday, hospital staff said.",
     A, "drone", "AIR_STRIKE", [], ["Eight passengers", "a minibus"], "Debre Markos", "2026-11-10",
     ["passive"], "e"),

    # ---- f. the doer in another clause (4) ----
    ("KE", "2026-11-02",
     "Four teachers were killed when suspected al-Shabaab gunmen opened fire on a school bus near Mandera",
     A, "firearms", "ATTACK", ["suspected al-Shabaab gunmen"], ["Four teachers", "a school bus"], "Mandera", None,
     ["passive", "multi_clause"], "f"),
    ("ML", "2026-11-25",
     "Eleven herders were killed after Malian soldiers and Russian mercenaries stormed their camp near Niono on 22 November.",
     A, None, "ATTACK", ["Malian soldiers", "Russian mercenaries"], ["Eleven herders", "their camp"], "Niono", "2026-11-22",
     ["passive", "multi_clause", "coordination"], "f"),
    ("PS", "2026-11-20",
     "A mosque in Beita was badly damaged after Israeli settlers set fire to its entrance before dawn",
     C, "destroy", "PROPERTY_DISTRUCT", ["Israeli settlers"], ["A mosque"], "Beita", None,
     ["passive", "multi_clause"], "f"),
    ("BD", "2026-11-27",
     "Two suspected cattle thieves were beaten to death after villagers set upon them near a market in Savar on Wednesday.",
     A, None, "MOB_VIOL", ["villagers"], ["Two suspected cattle thieves"], "Savar", "2026-11-25",
     ["passive", "multi_clause", "pronoun"], "f"),

    # ---- g. active controls, the act as subject (2) ----
    ("SD", "2026-11-24",
     "A Sudanese army air strike killed at least 19 people at a livestock market in Kabkabiya.",
     A, "aerial", "AIR_STRIKE", ["Sudanese army"], ["people"], "Kabkabiya", None,
     [], "g"),
    ("NG", "2026-11-29",
     "An ISWAP mortar attack killed four soldiers at a base in Monguno.",
     A, "heavy-weapons", "ART_MISS_ATTACK", ["ISWAP"], ["four soldiers", "a base"], "Monguno", None,
     [], "g"),
]

FIRST_ID = 1
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
EXPECTED_KINDS = {"a": 8, "b": 15, "c": 5, "d": 6, "e": 10, "f": 4, "g": 2}


def fail(msg):
    sys.exit("make_set.py: " + msg)


def check_day(i, text, pub, date):
    """The stated day must resolve to `date` (DATA.md: most recent weekday before publication)."""
    low = text.lower()
    pubd = datetime.date.fromisoformat(pub)
    wd = [w for w in WEEKDAYS if re.search(r"\b" + w + r"\b", low)]
    dm = re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b", low)
    if date is None:
        if wd or dm:
            fail(f"brief {i}: names a day but has no date")
        return
    d = datetime.date.fromisoformat(date)
    if d > pubd:
        fail(f"brief {i}: date after published_at")
    if wd:
        if len(wd) != 1:
            fail(f"brief {i}: several weekdays")
        delta = (pubd - d).days
        if d.weekday() != WEEKDAYS.index(wd[0]) or not 1 <= delta <= 7:
            fail(f"brief {i}: {wd[0]} does not resolve to {date} from {pub}")
    elif dm:
        day, mon = dm[0]
        if d != datetime.date(pubd.year, MONTHS.index(mon) + 1, int(day)):
            fail(f"brief {i}: '{day} {mon}' is not {date}")
    else:
        fail(f"brief {i}: date set but no day named")


def words(text):
    return re.findall(r"[a-z0-9éèà'\-]+", text.lower())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    if len(BRIEFS) != 50:
        fail(f"{len(BRIEFS)} briefs, want 50")
    kinds = Counter(b[11] for b in BRIEFS)
    if dict(kinds) != EXPECTED_KINDS:
        fail(f"kind counts {dict(kinds)} != {EXPECTED_KINDS}")
    runs = {}
    lines, tsv = [], ["id\tkind"]
    for n, b in enumerate(BRIEFS):
        (country, pub, text, cat, mode, sub, actors, targets, place, date, forms, kind) = b
        i = f"dvo-{FIRST_ID + n:04d}"
        if len(b) != 12:
            fail(f"{i}: tuple has {len(b)} fields")
        for span in list(actors) + list(targets) + ([place] if place else []):
            if not span or span not in text:
                fail(f"{i}: span {span!r} is not a substring of its text")
        if not place:
            fail(f"{i}: no place")
        check_day(i, text, pub, date)
        ws = words(text)
        for k in range(len(ws) - 5):
            run = tuple(ws[k:k + 6])
            if run in runs and runs[run] != i:
                fail(f"{i} shares the 6-word run {' '.join(run)!r} with {runs[run]}")
            runs[run] = i
        sent = {"text": text, "para": 0, "realis": True, "category": cat, "mode": mode,
                "subtype": sub, "actors": list(actors), "targets": list(targets),
                "place": place, "date": date, "negative": None, "form": list(forms)}
        art = {"id": i, "country": country, "published_at": pub, "dateline": None,
               "title": "", "sentences": [sent]}
        lines.append(json.dumps(art, ensure_ascii=False))
        tsv.append(f"{i}\t{kind}")
    with open(os.path.join(here, "set.jsonl"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(here, "kinds.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(tsv) + "\n")
    nodot = sum(1 for b in BRIEFS if not b[2].endswith("."))
    dated = sum(1 for b in BRIEFS if b[9])
    print(f"wrote {len(lines)} briefs; {dated} with a day, {nodot} without a final full stop")
    print("kinds:", dict(sorted(kinds.items())))
    print("subtypes:", dict(Counter(b[5] for b in BRIEFS).most_common()))
    print("countries:", dict(Counter(b[0] for b in BRIEFS).most_common()))


if __name__ == "__main__":
    main()
