#!/usr/bin/env python3
"""Roles development set v4, half 1 (dvq-0001 ... dvq-0030): Africa and the Middle East.

Hand-written short wire articles. Each article has one sentence that is THE REPORT (form a-e
of the brief); the rest are what wire copy adds. Writes set.jsonl and forms.tsv beside this
script and fails when a span is not in its article, a date does not resolve from the
sentence's own words, a label combination is not one the taxonomy produces, or two sentences
share a run of six words. Stdlib only.
"""
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (category, subtype) -> modes a taxonomy rule produces (None = mode null)
COMBOS = {
    ("ASSAULT", "AIR_STRIKE"): {"drone", "aerial", None},
    ("ASSAULT", "ATTACK"): {"firearms", None},
    ("ASSAULT", "ART_MISS_ATTACK"): {"heavy-weapons"},
    ("ASSAULT", "ARMED_CLASH"): {"firearms"},
    ("ASSAULT", "REM_EXPLOS"): {"explosives"},
    ("ASSAULT", "SUIC_BOMB"): {"suicide-bomb"},
    ("ASSAULT", "ABDUCT_DISSAP"): {"abduct"},
    ("ASSAULT", "MOB_VIOL"): {None},
    ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER"): {"territory"},
    ("ASSAULT", "GOV_REGAINS_TERIT"): {"territory"},
    ("COERCE", "ARREST"): {"arrest"},
    ("COERCE", "FORCE_AGAINST_PROTEST"): {"repression"},
    ("COERCE", "PROTEST_WITH_INTER"): {"repression"},
    ("COERCE", "PROPERTY_DISTRUCT"): {"destroy"},
    ("COERCE", "OTHER"): {"curfew", "restrict", "martial-law"},
    ("PROTEST", "VIOL_DEMONSTR"): {"riot"},
    ("PROTEST", "PEACE_PROTEST"): {"demo", "hunger-strike"},
    ("ACCUSE", "ATTRIB"): {None, "allege"},
    ("ACCUSE", "DIPLO"): {None},
    ("REJECT", "ATTRIB"): {None},
    ("REJECT", "DIPLO"): {None},
    ("THREATEN", "DIPLO"): {None, "curfew", "martial-law"},
    ("REQUEST", "DIPLO"): {None, "ceasefire", "assist"},
    ("MOBILIZE", "CHANGE_TO_GROUP_ACT"): {"troops"},
    ("AID", "OTHER"): {"assist"},
}

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ev(text, para, cat, mode, sub, actors, targets, place, date=None, neg=None, tags=()):
    """A realis sentence."""
    return dict(text=text, para=para, realis=True, category=cat, mode=mode, subtype=sub,
                actors=list(actors), targets=list(targets), place=place, date=date,
                negative=neg, form=list(tags))


def nr(text, para, neg=None, tags=()):
    """A realis-false sentence (context, background, negation, plan ...)."""
    return dict(text=text, para=para, realis=False, category=None, mode=None, subtype=None,
                actors=[], targets=[], place=None, date=None, negative=neg, form=list(tags))


A = "ASSAULT"
ARTICLES = [
    # ---------------- form a: passive, doer on the act noun (14; 8 with an on/against object)
    dict(obj=True, id="dvq-0001", country="SD", pub="2026-10-06", dateline="PORT SUDAN", form="a",
         report=0,
         title="RSF drone strike on El Obeid market kills at least 14, medics say",
         sents=[
             ev("At least 14 people were killed in an RSF drone strike on a crowded market in "
                "El Obeid on Sunday, a medical aid group said.", 0,
                A, "drone", "AIR_STRIKE", ["RSF"], ["people", "a crowded market"], "El Obeid",
                "2026-10-04", tags=["passive"]),
             ev("Sudan's foreign ministry condemned the strike as a war crime and said most of "
                "the victims were women buying food.", 0,
                "ACCUSE", None, "DIPLO", ["Sudan's foreign ministry"], ["RSF"], None,
                tags=["multi_clause", "possessive"]),
             nr("The RSF, which has encircled the city for months, did not respond to a "
                "request for comment.", 1, "negation", tags=["multi_clause"]),
             nr("Sudan's war between the army and the paramilitary force broke out in April "
                "2023 and has uprooted more than 12 million people.", 1, "background",
                tags=["coordination"]),
         ]),
    dict(obj=True, id="dvq-0002", country="NG", pub="2026-10-09", dateline="MAIDUGURI", form="a",
         report=0,
         title="ISWAP fighters kill nine soldiers in raid on Borno base",
         sents=[
             ev("MAIDUGURI, Nigeria - Nine soldiers were killed in an ISWAP attack on a "
                "military base in the Marte area of Borno state on Wednesday, two security "
                "sources said.", 0,
                A, "firearms", "ARMED_CLASH", ["ISWAP"], ["Nine soldiers", "a military base"],
                "Marte", "2026-10-07", tags=["passive"]),
             nr("'The base had asked for reinforcements for weeks,' a soldier who survived "
                "told reporters by phone.", 1, "past_quote", tags=["quote"]),
             ev("In a separate incident on Thursday, police in neighbouring Yobe state arrested "
                "four men accused of selling fuel to the insurgents.", 2,
                "COERCE", "arrest", "ARREST", ["police"], ["four men"], "Yobe state",
                "2026-10-08"),
             nr("ISWAP broke away from Boko Haram in 2016 and has since become the strongest "
                "jihadist faction around Lake Chad.", 3, "background"),
         ]),
    dict(obj=True, id="dvq-0003", country="YE", pub="2026-10-14", dateline="ADEN", form="a", report=0,
         title="Houthi missile hits cargo ship in Red Sea, two crew hurt",
         sents=[
             ev("Two crew members were wounded in a Houthi missile strike on a "
                "Liberian-flagged cargo ship in the Red Sea on Monday, a British maritime "
                "security agency said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["Houthi"],
                ["Two crew members", "a Liberian-flagged cargo ship"], "Red Sea",
                "2026-10-12", tags=["passive"]),
             ev("A Houthi military spokesman said the ship was a legitimate target as its operator "
                "traded with Israeli ports.", 1,
                "ACCUSE", None, "ATTRIB", ["Houthi"], [], None,
                tags=["multi_clause", "pronoun"]),
             nr("The Iran-aligned movement has attacked scores of merchant vessels since late "
                "2023, saying it acts in solidarity with Palestinians in Gaza.", 2,
                "background"),
             nr("'Our crews are exhausted and frightened,' said Maria Kostas, who runs a "
                "seafarers' welfare charity in Piraeus.", 2, "opinion", tags=["quote"]),
         ]),
    dict(obj=True, id="dvq-0004", country="LB", pub="2026-10-17", dateline="NABATIEH", form="a",
         report=0,
         title="Three dead as drone hits car near Lebanese border town",
         sents=[
             ev("NABATIEH, Lebanon - Three men were killed in an Israeli drone strike on a car "
                "near Nabatieh on Thursday, Lebanon's health ministry said.", 0,
                A, "drone", "AIR_STRIKE", ["Israeli"], ["Three men", "a car"], "Nabatieh",
                "2026-10-15", tags=["passive"]),
             ev("Israel said the men belonged to Hezbollah and accused the group of trying to "
                "rebuild its positions close to the border.", 0,
                "ACCUSE", "allege", "ATTRIB", ["Israel"], ["Hezbollah"], None,
                neg="allegation", tags=["multi_clause", "pronoun"]),
             nr("Hezbollah made no immediate comment on the killings.", 1, "negation"),
             nr("A truce in November 2024 ended more than a year of hostilities between Israel "
                "and Hezbollah, but Israeli raids in the south have continued almost daily.", 1,
                "background", tags=["multi_clause"]),
         ]),
    dict(id="dvq-0005", country="SY", pub="2026-10-20", dateline="QAMISHLI", form="a",
         report=0,
         title="Turkish shelling kills four civilians near Kobani",
         sents=[
             ev("Four civilians, one of them a child, were killed by Turkish artillery fire near "
                "Kobani in northern Syria, local officials said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["Turkish"], ["Four civilians"],
                "Kobani", tags=["passive"]),
             ev("The Kurdish-led Syrian Democratic Forces (SDF) accused Ankara of breaching an "
                "understanding reached with Damascus to halt attacks in the area.", 0,
                "ACCUSE", "allege", "ATTRIB", ["Syrian Democratic Forces"], ["Ankara"], None,
                neg="allegation"),
             nr("Turkey's defence ministry said its soldiers had only returned fire after "
                "militants shot at a border post.", 1, "denial", tags=["possessive"]),
             nr("Ankara regards the YPG, the SDF's main component, as an offshoot of the "
                "outlawed PKK.", 1, "background", tags=["apposition"]),
         ]),
    dict(id="dvq-0006", country="ML", pub="2026-10-23", dateline="BAMAKO", form="a", report=0,
         title="Residents say junta air strikes killed 21 in central Mali",
         sents=[
             ev("At least 21 people were killed in the junta's air strikes near Tenenkou in "
                "Mali's Mopti region on Tuesday, residents and a local rights group said.", 0,
                A, "aerial", "AIR_STRIKE", ["junta"], ["people"], "Tenenkou", "2026-10-20",
                tags=["passive", "possessive"]),
             nr("Residents said most of the dead were Fulani herders who had gathered at a "
                "watering point with their animals.", 0, None, tags=["multi_clause"]),
             ev("The junta denied hitting civilians and said the strikes had destroyed a JNIM "
                "training camp.", 1,
                "REJECT", None, "ATTRIB", ["junta"], [], None, neg="denial",
                tags=["multi_clause"]),
             nr("Mali's military rulers, who took power in coups in 2020 and 2021, have leaned "
                "heavily on Turkish-made drones in their war against jihadist groups.", 2,
                "background", tags=["multi_clause"]),
         ]),
    dict(id="dvq-0007", country="BF", pub="2026-10-27", dateline="OUAGADOUGOU", form="a",
         report=0,
         title="Rights group says 11 villagers killed in Burkina army sweep",
         sents=[
             ev("Eleven villagers, including two women, were killed during an army operation in "
                "Burkina Faso's eastern Gourma province, a local rights group, the CISC, said.",
                0, A, None, "ATTACK", ["army"], ["Eleven villagers"], "Gourma province",
                tags=["passive", "apposition"]),
             ev("The CISC said the victims had been rounded up at a weekly market and shot "
                "outside the village of Tibga.", 0,
                A, "firearms", "ATTACK", ["army"], ["Eleven villagers"], "Tibga",
                tags=["passive", "pronoun", "multi_clause"]),
             ev("Government spokesman Adama Sawadogo rejected the group's account, saying "
                "soldiers had fought armed 'terrorists' in the area.", 1,
                "REJECT", None, "ATTRIB", ["Adama Sawadogo"], [], None, neg="denial",
                tags=["multi_clause"]),
             ev("The CISC called for an independent investigation into the killings.", 1,
                "REQUEST", None, "DIPLO", ["CISC"], [], None),
             nr("Rights organisations have documented repeated killings of civilians accused of "
                "collaborating with jihadists during counter-insurgency sweeps.", 2,
                "background"),
         ]),
    dict(obj=True, id="dvq-0008", country="CD", pub="2026-10-30", dateline="KINSHASA", form="a",
         report=0,
         title="M23 shells school near Uvira, killing seven",
         sents=[
             ev("Seven people, three of them children, were killed in an M23 mortar attack on a "
                "primary school near Uvira in South Kivu province on 28 October, a local "
                "administrator said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["M23"],
                ["Seven people", "a primary school"], "Uvira", "2026-10-28",
                tags=["passive"]),
             ev("Congo's government accused Rwanda of supplying the rebels with the heavy "
                "weapons used in the attack.", 0,
                "ACCUSE", "allege", "ATTRIB", ["Congo's government"], ["Rwanda"], None,
                neg="allegation", tags=["possessive"]),
             nr("Kigali has consistently denied backing M23.", 1, "denial"),
             ev("In Ituri province to the north, troops arrested 11 suspected militiamen on "
                "Thursday after a raid on a gold mine, the army said.", 2,
                "COERCE", "arrest", "ARREST", ["troops"], ["11 suspected militiamen"],
                "Ituri province", "2026-10-29"),
         ]),
    dict(obj=True, id="dvq-0009", country="ET", pub="2026-11-03", dateline="ADDIS ABABA", form="a",
         report=0,
         title="Drone strike on minibus kills eight in Ethiopia's Amhara",
         sents=[
             ev("Eight passengers were killed in a military drone strike on a minibus near "
                "Debre Tabor in Ethiopia's Amhara region, witnesses and a health worker said.",
                0, A, "drone", "AIR_STRIKE", ["military"], ["Eight passengers", "a minibus"],
                "Debre Tabor", tags=["passive"]),
             nr("Federal officials could not immediately be reached, though the government has "
                "said in the past that its drones hit only armed fighters.", 1, "negation",
                tags=["multi_clause"]),
             nr("The Amhara region has seen Fano militias battle government troops for much of the past three years.", 1,
                "background"),
             ev("On Sunday, Fano fighters briefly captured the town of Mota, residents said.",
                2, A, "territory", "NON_STATE_ACTOR_OVERTAKES_TER", ["Fano fighters"], [],
                "Mota", "2026-11-01"),
         ]),
    dict(id="dvq-0010", country="PS", pub="2026-11-06", dateline="GAZA", form="a", report=0,
         title="Israeli tank fire kills five in central Gaza",
         sents=[
             ev("GAZA - Five Palestinians were killed in Israeli tank fire east of the Bureij "
                "refugee camp on Wednesday, Gaza's civil defence agency said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["Israeli"], ["Five Palestinians"],
                "Bureij refugee camp", "2026-11-04", tags=["passive"]),
             ev("Hamas accused Israel of breaching the truce and urged the mediators to "
                "intervene.", 0,
                "ACCUSE", "allege", "ATTRIB", ["Hamas"], ["Israel"], None, neg="allegation",
                tags=["coordination"]),
             nr("'Nowhere in this strip is safe, truce or no truce,' said Samir Abu Odeh, whose "
                "two cousins were among the dead.", 1, "opinion", tags=["quote"]),
             nr("A US-brokered ceasefire took effect in October 2025, yet deadly shootings near "
                "the line separating the two sides have continued.", 2, "background"),
         ]),
    dict(obj=True, id="dvq-0011", country="IR", pub="2026-11-10", dateline="DUBAI", form="a", report=0,
         title="Two shot dead in Zahedan as police crack down on fuel protests",
         sents=[
             ev("Two men were shot dead in the southeastern Iranian city of Zahedan amid a "
                "police crackdown on protesters angered by a steep rise in fuel prices, a "
                "Baluch rights group said.", 0,
                "COERCE", "repression", "FORCE_AGAINST_PROTEST", ["police"],
                ["Two men", "protesters"], "Zahedan", tags=["passive"]),
             ev("Police also detained dozens of demonstrators in the city, the group said.", 0,
                "COERCE", "repression", "PROTEST_WITH_INTER", ["Police"], ["demonstrators"],
                "Zahedan"),
             ev("State media said rioters had torched a bank and two petrol stations in "
                "Zahedan.", 1,
                "PROTEST", "riot", "VIOL_DEMONSTR", ["rioters"],
                ["a bank", "two petrol stations"], "Zahedan", tags=["coordination"]),
             nr("Dozens of people died in the city during the suppression of unrest in "
                "September 2022.", 2, "background"),
         ]),
    dict(id="dvq-0012", country="SO", pub="2026-11-13", dateline="MOGADISHU", form="a",
         report=0,
         title="US strike kills seven al-Shabaab fighters near Jilib",
         sents=[
             ev("MOGADISHU - Seven al-Shabaab fighters were killed in a US air strike near the "
                "town of Jilib in southern Somalia, the Somali information ministry said.", 0,
                A, "aerial", "AIR_STRIKE", ["US"], ["Seven al-Shabaab fighters"], "Jilib",
                tags=["passive"]),
             ev("In a separate attack on Thursday, al-Shabaab fighters stormed a police station "
                "in the Lower Shabelle region, killing three officers, residents said.", 1,
                A, "firearms", "ARMED_CLASH", ["al-Shabaab fighters"],
                ["a police station", "three officers"], "Lower Shabelle region", "2026-11-12",
                tags=["multi_clause"]),
             nr("Al-Shabaab, an al-Qaeda affiliate, has been fighting for years to topple "
                "Somalia's federal government.", 2, "background", tags=["apposition"]),
         ]),
    dict(obj=True, id="dvq-0013", country="LY", pub="2026-11-17", dateline="TRIPOLI", form="a",
         report=0,
         title="Two killed as navy intercepts fuel smugglers off Libya",
         sents=[
             ev("TRIPOLI - Two men were killed in a navy operation against a fuel-smuggling "
                "boat off the western town of Zuwara on 14 November, a security official said.",
                0, A, "firearms", "ARMED_CLASH", ["navy"], ["Two men", "a fuel-smuggling boat"],
                "Zuwara", "2026-11-14", tags=["passive"]),
             ev("Three other crew members were detained and some 40,000 litres of fuel were "
                "seized, the official added.", 0,
                "COERCE", "arrest", "ARREST", ["navy"], ["Three other crew members"], "Zuwara",
                tags=["passive", "coordination"]),
             nr("Smuggling of heavily subsidised Libyan fuel to neighbouring countries costs the "
                "state billions of dollars a year, according to official estimates.", 1,
                "statistic"),
             nr("Libya has been divided between rival administrations in the west and the east "
                "for most of the past decade.", 1, "background"),
         ]),
    dict(id="dvq-0014", country="IQ", pub="2026-11-20", dateline="ERBIL", form="a", report=0,
         title="Iranian missiles strike near Koya in Iraqi Kurdistan",
         sents=[
             ev("ERBIL, Iraq - A woman was killed and four other people were wounded in Iran's "
                "overnight missile barrage near Koya, a town in Iraq's Kurdistan region, local "
                "officials said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["Iran"],
                ["A woman", "four other people"], "Koya",
                tags=["passive", "possessive", "coordination", "apposition"]),
             ev("Iran's Revolutionary Guards said they had hit bases of Kurdish separatist groups "
                "that Tehran accuses of smuggling arms across the border.", 0,
                "ACCUSE", None, "ATTRIB", ["Iran's Revolutionary Guards"], [], None,
                tags=["multi_clause", "possessive"]),
             ev("Iraq's foreign ministry summoned the Iranian ambassador in protest.", 1,
                "ACCUSE", None, "DIPLO", ["Iraq's foreign ministry"], ["Iranian ambassador"],
                None, tags=["possessive"]),
             nr("Under a 2023 security pact, Baghdad agreed to disarm the exiled groups and move "
                "them away from the frontier.", 2, "background"),
         ]),
    # ---------------- form b: passive with the act's own "by" phrase (4)
    dict(id="dvq-0015", country="NE", pub="2026-10-08", dateline="NIAMEY", form="b",
         report=0,
         title="Twelve soldiers killed in ambush in western Niger",
         sents=[
             ev("NIAMEY - Twelve soldiers were killed in an ambush by Islamic State fighters on "
                "an army convoy near Tillaberi on Monday, Niger's defence ministry said.", 0,
                A, "firearms", "ARMED_CLASH", ["Islamic State fighters"],
                ["Twelve soldiers", "an army convoy"], "Tillaberi", "2026-10-05",
                tags=["passive"]),
             ev("Troops killed about 30 of the attackers in the ensuing gunfight and recovered "
                "motorcycles and weapons, the ministry said.", 0,
                A, "firearms", "ARMED_CLASH", ["Troops"], ["Islamic State fighters"],
                "Tillaberi", tags=["pronoun", "coordination"]),
             nr("The junta that seized power in Niamey in July 2023 expelled French forces and "
                "has turned to Russia for military support.", 1, "background",
                tags=["multi_clause"]),
         ]),
    dict(id="dvq-0016", country="CM", pub="2026-10-13", dateline="BAMENDA", form="b",
         report=0,
         title="Separatists raid school in Cameroon's North-West, two teachers hurt",
         sents=[
             ev("BAMENDA, Cameroon - Two teachers were wounded in a raid by armed separatists "
                "on a secondary school in the town of Batibo, the regional governor's office "
                "said.", 0,
                A, None, "ATTACK", ["armed separatists"], ["Two teachers", "a secondary school"],
                "Batibo", tags=["passive"]),
             ev("The fighters also set fire to two classrooms before fleeing into the bush, "
                "the statement said.", 0,
                "COERCE", "destroy", "PROPERTY_DISTRUCT", ["armed separatists"],
                ["two classrooms"], "Batibo", tags=["pronoun"]),
             nr("Separatist groups in the English-speaking regions have enforced a boycott of "
                "schools since 2017, accusing the state of imposing French-language education.",
                1, "background", tags=["multi_clause"]),
             nr("Fighting between the army and the separatists has killed more than 6,000 "
                "people since the crisis began.", 1, "statistic"),
         ]),
    dict(id="dvq-0017", country="SS", pub="2026-10-16", dateline="JUBA", form="b", report=0,
         title="Cattle raid kills at least 17 in South Sudan's Warrap state",
         sents=[
             ev("JUBA - At least 17 people were killed on Wednesday in a cattle raid by armed "
                "youths from neighbouring Unity state on a cattle camp in Warrap state's Tonj "
                "North county, a local official said.", 0,
                A, None, "ATTACK", ["armed youths"], ["people", "a cattle camp"],
                "Tonj North county", "2026-10-14", tags=["passive"]),
             ev("Unity state officials denied that youths from their area had carried out the "
                "raid.", 0,
                "REJECT", None, "ATTRIB", ["Unity state officials"], [], None, neg="denial"),
             ev("South Sudan's government said it had deployed troops to the county to prevent "
                "revenge attacks.", 1,
                "MOBILIZE", "troops", "CHANGE_TO_GROUP_ACT", ["South Sudan's government"], [],
                "Tonj North county", tags=["possessive"]),
             nr("Raids between rival cattle-herding communities kill hundreds of people in "
                "South Sudan every year, according to the United Nations.", 2, "statistic"),
         ]),
    dict(id="dvq-0018", country="MZ", pub="2026-10-22", dateline="PEMBA", form="b", report=0,
         title="Insurgents behead five villagers in Mozambique's Cabo Delgado",
         sents=[
             ev("PEMBA, Mozambique - Five villagers were beheaded in an attack by insurgents on "
                "a village in Macomia district, a community leader said.", 0,
                A, None, "ATTACK", ["insurgents"], ["Five villagers", "a village"],
                "Macomia district", tags=["passive"]),
             ev("Islamic State claimed the killings in a post on its Telegram channels.", 0,
                "ACCUSE", None, "ATTRIB", ["Islamic State"], [], None),
             nr("Rwandan troops deployed to Cabo Delgado province since 2021 have driven the "
                "insurgents from several towns, but raids on villages have continued.", 1,
                "background", tags=["multi_clause"]),
         ]),
    # ---------------- form c: passive, no doer, a teller (4; 2 with the doer named earlier)
    dict(id="dvq-0019", country="TD", pub="2026-10-26", dateline="ABECHE", form="c",
         report=0,
         title="Seven herders shot dead near Chad's Abeche",
         sents=[
             ev("ABECHE, Chad - Seven herders were shot dead near a well outside the town of "
                "Abeche late on Friday, the governor of Ouaddai province said.", 0,
                A, "firearms", "ATTACK", [], ["Seven herders"], "Abeche", "2026-10-23",
                tags=["passive"]),
             nr("The governor gave no details of who carried out the killings, and no group has "
                "said it was responsible.", 1, "negation", tags=["multi_clause"]),
             nr("Disputes between farmers and herders over water and grazing land have killed "
                "dozens of people in eastern Chad this year.", 1, "statistic"),
             ev("On Sunday, police in Abeche arrested six men suspected of a revenge raid on a "
                "farming village, state radio reported.", 2,
                "COERCE", "arrest", "ARREST", ["police"], ["six men"], "Abeche", "2026-10-25"),
         ]),
    dict(id="dvq-0020", country="SY", pub="2026-10-29", dateline="BEIRUT", form="c",
         report=0,
         title="Car bomb kills five in Syria's Manbij, monitor says",
         sents=[
             ev("Five people were killed in a car bomb blast at a busy roundabout in the "
                "northern Syrian city of Manbij, according to a war monitor.", 0,
                A, "explosives", "REM_EXPLOS", [], ["Five people"], "Manbij",
                tags=["passive"]),
             nr("The Syrian Observatory for Human Rights, which relies on a network of sources "
                "on the ground, said three children were among the dead.", 0, None,
                tags=["multi_clause"]),
             ev("Syria's interior ministry said it had arrested two suspects over the "
                "bombing.", 1,
                "COERCE", "arrest", "ARREST", ["Syria's interior ministry"], ["two suspects"],
                None, tags=["possessive"]),
             nr("No group claimed responsibility.", 1, "negation"),
         ]),
    dict(id="dvq-0021", country="BF", pub="2026-11-04", dateline="OUAGADOUGOU", form="c",
         report=1,
         title="Jihadists storm army base in Burkina's Djibo",
         sents=[
             ev("OUAGADOUGOU - JNIM fighters attacked an army base in the northern town of "
                "Djibo, security sources and residents said.", 0,
                A, "firearms", "ARMED_CLASH", ["JNIM fighters"], ["an army base"], "Djibo"),
             ev("At least 30 soldiers and auxiliary fighters were killed on Sunday, one of the "
                "sources said.", 0,
                A, "firearms", "ARMED_CLASH", ["JNIM fighters"],
                ["soldiers", "auxiliary fighters"], "Djibo", "2026-11-01",
                tags=["passive", "coordination"]),
             ev("JNIM, al-Qaeda's branch in the Sahel, claimed the assault in a statement.", 1,
                "ACCUSE", None, "ATTRIB", ["JNIM"], [], None, tags=["apposition"]),
             nr("Djibo has lived under a jihadist blockade for several years, with supplies "
                "often arriving only by air.", 2, "background"),
         ]),
    dict(id="dvq-0022", country="CD", pub="2026-11-09", dateline="BUNIA", form="c", report=1,
         title="Eighteen dead as militiamen storm camp for displaced in Ituri",
         sents=[
             ev("BUNIA, Democratic Republic of Congo - CODECO militiamen attacked a camp for "
                "displaced people in Ituri province's Djugu territory late on Saturday, a local "
                "civil society leader said.", 0,
                A, None, "ATTACK", ["CODECO militiamen"], ["a camp for displaced people"],
                "Djugu territory", "2026-11-07", tags=["possessive"]),
             ev("Eighteen displaced people, six of them children, were hacked to death with "
                "machetes, he said.", 0,
                A, None, "ATTACK", ["CODECO militiamen"], ["Eighteen displaced people"],
                "Djugu territory", tags=["passive"]),
             ev("The UN mission, MONUSCO, condemned the killings and urged Congolese authorities "
                "to protect displaced families.", 1,
                "ACCUSE", None, "DIPLO", ["MONUSCO"], ["CODECO militiamen"], None,
                tags=["apposition", "multi_clause"]),
             nr("CODECO, which claims to defend the Lendu community, has been blamed for "
                "hundreds of deaths in Ituri.", 2, "background", tags=["multi_clause"]),
         ]),
    # ---------------- form d: active, the act is the subject (4)
    dict(id="dvq-0023", country="PS", pub="2026-11-12", dateline="CAIRO", form="d", report=0,
         title="Israeli raids on Khan Younis kill 11, hospital says",
         sents=[
             ev("CAIRO - Israeli air strikes on Khan Younis killed 11 people, including four "
                "children, overnight on Monday, hospital officials in the southern Gaza city "
                "said.", 0,
                A, "aerial", "AIR_STRIKE", ["Israeli"], ["Khan Younis", "11 people"],
                "Khan Younis", "2026-11-09"),
             ev("Israel accused Hamas of preparing an attack on its troops from the area.", 0,
                "ACCUSE", "allege", "ATTRIB", ["Israel"], ["Hamas"], None, neg="allegation"),
             ev("Hamas denied the charge and called the raids a massacre.", 0,
                "REJECT", None, "ATTRIB", ["Hamas"], [], None, neg="denial",
                tags=["coordination"]),
             nr("Doctors at the European Hospital said they were running short of fuel for "
                "generators.", 1, None),
         ]),
    dict(id="dvq-0024", country="SD", pub="2026-11-16", dateline="NAIROBI", form="d",
         report=0,
         title="Army air strike on Nyala market kills at least 23, volunteers say",
         sents=[
             ev("A Sudanese army air strike on a livestock market in Nyala killed at least 23 "
                "people, a local emergency response room said.", 0,
                A, "aerial", "AIR_STRIKE", ["Sudanese army"], ["a livestock market", "people"],
                "Nyala"),
             ev("The RSF, which holds Nyala, accused the army of deliberately targeting "
                "civilians.", 0,
                "ACCUSE", "allege", "ATTRIB", ["RSF"], ["Sudanese army"], None,
                neg="allegation", tags=["pronoun"]),
             nr("The army did not comment, though it has long said it strikes only military "
                "targets.", 1, "negation", tags=["multi_clause"]),
             ev("On Saturday, RSF drones hit a power station in the northern city of Atbara, "
                "cutting electricity to much of the city, officials said.", 2,
                A, "drone", "AIR_STRIKE", ["RSF"], ["a power station"], "Atbara", "2026-11-14",
                tags=["multi_clause"]),
         ]),
    dict(id="dvq-0025", country="SO", pub="2026-11-19", dateline="MOGADISHU", form="d",
         report=0,
         title="Al-Shabaab mortars hit Mogadishu airport compound, five hurt",
         sents=[
             ev("MOGADISHU - An al-Shabaab mortar attack on the airport compound in Mogadishu "
                "wounded five people, two of them foreign contractors, police said.", 0,
                A, "heavy-weapons", "ART_MISS_ATTACK", ["al-Shabaab"],
                ["the airport compound", "five people"], "Mogadishu"),
             ev("Somali forces later detained three men in the capital's Daynile district on "
                "suspicion of firing the shells, police added.", 1,
                "COERCE", "arrest", "ARREST", ["Somali forces"], ["three men"],
                "Daynile district", tags=["possessive"]),
             nr("The compound houses several embassies and the main United Nations offices and "
                "has been a frequent target for the militants.", 2, "background",
                tags=["coordination"]),
         ]),
    dict(id="dvq-0026", country="SS", pub="2026-11-24", dateline="JUBA", form="d", report=0,
         title="South Sudan opposition says bombing of Ulang left nine dead",
         sents=[
             ev("JUBA - A South Sudanese air force bombing raid on Ulang killed nine civilians "
                "on 22 November, the opposition SPLM-IO said.", 0,
                A, "aerial", "AIR_STRIKE", ["South Sudanese air force"],
                ["Ulang", "nine civilians"], "Ulang", "2026-11-22"),
             ev("The SPLM-IO accused the government of waging war on civilians in violation of "
                "a 2018 peace agreement.", 0,
                "ACCUSE", "allege", "ATTRIB", ["SPLM-IO"], ["government"], None,
                neg="allegation"),
             ev("Army spokesman Peter Deng Alier said the raid had targeted a base of the White "
                "Army militia in the area.", 1,
                "ACCUSE", None, "ATTRIB", ["Peter Deng Alier"], [], None),
             nr("Fighting in Upper Nile state has displaced tens of thousands of people since "
                "March 2025.", 2, "background"),
         ]),
    # ---------------- form e: a later sentence refers back and is itself a happening (4)
    dict(id="dvq-0027", country="KE", pub="2026-10-10", dateline="NAIROBI", form="e",
         report=0,
         title="Al-Shabaab bomb kills four police officers in Kenya's Lamu",
         sents=[
             ev("NAIROBI - Al-Shabaab militants killed four police officers in a roadside bomb "
                "attack on their patrol vehicle in Kenya's Lamu county on Thursday, a regional "
                "police commander said.", 0,
                A, "explosives", "REM_EXPLOS", ["Al-Shabaab militants"],
                ["four police officers", "their patrol vehicle"], "Lamu county", "2026-10-08"),
             ev("The group later claimed the bombing in a statement posted on one of its "
                "websites.", 0,
                "ACCUSE", None, "ATTRIB", ["Al-Shabaab"], [], None, tags=["pronoun"]),
             ev("Kenya's interior minister imposed a dusk-to-dawn curfew in parts of the "
                "county.", 1,
                "COERCE", "curfew", "OTHER", ["Kenya's interior minister"], [], "Lamu county",
                tags=["possessive"]),
             nr("Kenyan troops entered Somalia in 2011 to fight the militants, who have since "
                "staged a string of deadly attacks on Kenyan soil.", 2, "background",
                tags=["multi_clause"]),
         ]),
    dict(id="dvq-0028", country="NG", pub="2026-10-19", dateline="ABUJA", form="e", report=0,
         title="Boko Haram kills nine farmers near Gwoza",
         sents=[
             ev("ABUJA - Nine farmers were killed in a Boko Haram attack on a farming "
                "settlement near Gwoza in Borno state, a local official and residents said.", 0,
                A, None, "ATTACK", ["Boko Haram"], ["Nine farmers", "a farming settlement"],
                "Gwoza", tags=["passive"]),
             ev("The militants then burned dozens of homes and a clinic before retreating "
                "toward the Sambisa forest, said Ibrahim Goni, a community leader.", 0,
                "COERCE", "destroy", "PROPERTY_DISTRUCT", ["Boko Haram"], ["homes", "a clinic"],
                "Gwoza", tags=["pronoun", "coordination", "apposition"]),
             ev("Borno's governor condemned the killings and told farmers to stay within areas "
                "guarded by soldiers.", 1,
                "ACCUSE", None, "DIPLO", ["Borno's governor"], ["Boko Haram"], None,
                tags=["possessive", "multi_clause"]),
             nr("Jihadists have often targeted farmers in the region, accusing them of passing "
                "information to the military.", 2, "background"),
         ]),
    dict(id="dvq-0029", country="ML", pub="2026-10-24", dateline="BAMAKO", form="e", report=0,
         title="JNIM ambush sets fuel convoy ablaze in western Mali",
         sents=[
             ev("BAMAKO - JNIM fighters ambushed an army-escorted fuel convoy near the western "
                "city of Kayes, setting dozens of tankers ablaze, security sources said.", 0,
                A, "firearms", "ARMED_CLASH", ["JNIM fighters"],
                ["an army-escorted fuel convoy"], "Kayes", tags=["multi_clause"]),
             ev("Malian troops killed eight of the militants as they withdrew, the army said.", 0,
                A, "firearms", "ARMED_CLASH", ["Malian troops"], ["JNIM fighters"], "Kayes",
                tags=["pronoun"]),
             nr("The al-Qaeda-linked group has choked fuel imports into Mali since September "
                "2025, causing severe shortages in the capital.", 1, "background"),
             nr("Drivers' unions said they would halt deliveries on the route until security "
                "improved.", 1, "plan"),
         ]),
    dict(id="dvq-0030", country="YE", pub="2026-11-27", dateline="SANAA", form="e", report=0,
         title="Israeli jets hit Hodeidah port fuel tanks",
         sents=[
             ev("SANAA - Israeli warplanes struck fuel storage tanks at the port of Hodeidah "
                "overnight, killing three workers, the Houthi-run health ministry said.", 0,
                A, "aerial", "AIR_STRIKE", ["Israeli warplanes"],
                ["fuel storage tanks", "three workers"], "Hodeidah", tags=["multi_clause"]),
             ev("The strike also started a fire that spread to a nearby flour mill, witnesses "
                "said.", 0,
                A, "aerial", "AIR_STRIKE", ["Israeli warplanes"], ["a nearby flour mill"],
                "Hodeidah", tags=["pronoun", "multi_clause"]),
             ev("The Houthis vowed to hit back at Israeli cities.", 1,
                "THREATEN", None, "DIPLO", ["Houthis"], ["Israeli cities"], None,
                neg="threat"),
             nr("Israel has bombed Hodeidah several times since the Houthis began firing "
                "missiles and drones at it in late 2023.", 1, "background",
                tags=["multi_clause"]),
         ]),
]

SENT_KEYS = ["text", "para", "realis", "category", "mode", "subtype", "actors", "targets",
             "place", "date", "negative", "form"]
ART_KEYS = ["id", "country", "published_at", "dateline", "title", "sentences"]
FORM_COUNTS = {"a": 14, "b": 4, "c": 4, "d": 4, "e": 4}


def resolve_date(text, pub):
    """The day the sentence's own words fix, or None; raise when they are ambiguous."""
    found = set()
    for m in re.finditer(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b", text):
        d = dt.date(pub.year, MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        found.add(d)
    for m in re.finditer(r"\b(" + "|".join(WEEKDAYS) + r")\b", text):
        back = (pub.weekday() - WEEKDAYS.index(m.group(1))) % 7
        if back == 0:
            raise ValueError(f"weekday {m.group(1)} is the publication day itself: {text!r}")
        found.add(pub - dt.timedelta(days=back))
    if len(found) > 1:
        raise ValueError(f"more than one day named: {text!r}")
    return found.pop() if found else None


def words(text):
    return re.findall(r"[a-z0-9]+(?:[-'][a-z0-9]+)*", text.lower())


def main():
    errors = []
    ids = [a["id"] for a in ARTICLES]
    want = [f"dvq-{n:04d}" for n in range(1, 31)]
    if ids != want:
        errors.append(f"ids are not dvq-0001 ... dvq-0030 in order: {ids}")
    forms = Counter(a["form"] for a in ARTICLES)
    if dict(forms) != FORM_COUNTS:
        errors.append(f"form counts {dict(forms)} != {FORM_COUNTS}")
    dated_reports = 0
    n_obj = sum(1 for a in ARTICLES if a.get("obj"))
    if n_obj != 8 or any(a.get("obj") and a["form"] != "a" for a in ARTICLES):
        errors.append(f"{n_obj} form-a reports marked with an on/against object, not 8")
    for a in ARTICLES:
        if a.get("obj") and len(a["sents"][a["report"]]["targets"]) != 2:
            errors.append(f"{a['id']}: object report needs the people and the thing hit")
    rows, out_lines, grams = [], [], {}
    for art in ARTICLES:
        aid, pub = art["id"], dt.date.fromisoformat(art["pub"])
        if not (dt.date(2026, 10, 1) <= pub <= dt.date(2026, 11, 30)):
            errors.append(f"{aid}: publication day {pub} outside October/November 2026")
        sents = art["sents"]
        if not 3 <= len(sents) <= 5:
            errors.append(f"{aid}: {len(sents)} sentences")
        body = " ".join(s["text"] for s in sents)
        rep = art["report"]
        if rep not in (0, 1) or not sents[rep]["realis"]:
            errors.append(f"{aid}: THE REPORT must be a realis lead or second sentence")
        tw = words(art["title"])
        for k in range(len(tw) - 5):
            g = tuple(tw[k:k + 6])
            if g in grams:
                errors.append(f"{aid} title shares {' '.join(g)!r} with {grams[g][0]}")
            grams.setdefault(g, (f"{aid}[title]",))
        prev_para = 0
        for i, s in enumerate(sents):
            where = f"{aid}[{i}]"
            if i == 0 and s["para"] != 0 or s["para"] not in (prev_para, prev_para + 1):
                errors.append(f"{where}: para {s['para']} after {prev_para}")
            prev_para = s["para"]
            # form tags derived from the text
            tags = list(s["form"])
            if i == 0 and "lead" not in tags:
                tags.insert(0, "lead")
            if len(words(s["text"])) >= 30 and "long" not in tags:
                tags.append("long")
            if re.search(r"(^|\s)'[A-Z]", s["text"]) and "quote" not in tags:
                tags.append("quote")
            s["form"] = tags
            if s["realis"]:
                key = (s["category"], s["subtype"])
                if key not in COMBOS or s["mode"] not in COMBOS[key]:
                    errors.append(f"{where}: {s['category']}/{s['subtype']}/{s['mode']} "
                                  f"is no taxonomy combination")
                neg = s["negative"]
                ok_neg = {None: True,
                          "threat": s["category"] == "THREATEN",
                          "allegation": (s["category"], s["subtype"], s["mode"]) ==
                                        ("ACCUSE", "ATTRIB", "allege"),
                          "denial": s["category"] == "REJECT"}
                if not ok_neg.get(neg, False):
                    errors.append(f"{where}: negative {neg} with {s['category']}")
                for span in s["actors"] + s["targets"]:
                    if not span or span not in body:
                        errors.append(f"{where}: span {span!r} not written in the body")
                if s["place"] is not None and s["place"] not in body and \
                        s["place"].lower() != art["dateline"].lower():
                    errors.append(f"{where}: place {s['place']!r} not written in the article")
            else:
                if any(s[k] is not None for k in ("category", "mode", "subtype", "place",
                                                   "date")) or s["actors"] or s["targets"]:
                    errors.append(f"{where}: realis false with labels")
                if s["negative"] in ("threat", "allegation"):
                    errors.append(f"{where}: realis false with negative {s['negative']}")
            try:
                said = resolve_date(s["text"], pub)
            except ValueError as exc:
                errors.append(f"{where}: {exc}")
                said = None
            gold = dt.date.fromisoformat(s["date"]) if s["date"] else None
            if gold is not None and gold != said:
                errors.append(f"{where}: date {gold} does not resolve from the words "
                              f"(they give {said})")
            if gold is not None and gold > pub:
                errors.append(f"{where}: date after publication")
            if s["realis"] and gold is None and said is not None:
                errors.append(f"{where}: the sentence names {said} but date is null")
            if i == rep and gold is not None:
                dated_reports += 1
            w = words(s["text"])
            for k in range(len(w) - 5):
                g = tuple(w[k:k + 6])
                if g in grams and grams[g][0] != where:
                    errors.append(f"{where}: shares the 6-word run {' '.join(g)!r} "
                                  f"with {grams[g][0]}")
                grams.setdefault(g, (where,))
        out = {"id": aid, "country": art["country"], "published_at": art["pub"],
               "dateline": art["dateline"], "title": art["title"],
               "sentences": [{k: s[k] for k in SENT_KEYS} for s in sents]}
        assert list(out) == ART_KEYS
        out_lines.append(json.dumps(out, ensure_ascii=False))
        rows.append(f"{aid}\t{rep}\t{art['form']}")
    if dated_reports != 15:
        errors.append(f"{dated_reports} reports name a day, not 15")
    countries = Counter(a["country"] for a in ARTICLES)
    if len(countries) < 12:
        errors.append(f"only {len(countries)} countries")
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    (HERE / "set.jsonl").write_text("\n".join(out_lines) + "\n", encoding="utf-8")
    (HERE / "forms.tsv").write_text("id\treport_index\tform\n" + "\n".join(rows) + "\n",
                                    encoding="utf-8")
    # summary
    sents = [s for a in ARTICLES for s in a["sents"]]
    print(f"{len(ARTICLES)} articles, {len(sents)} sentences, "
          f"{sum(s['realis'] for s in sents)} realis")
    print("forms:", dict(sorted(forms.items())), f"| reports naming a day: {dated_reports}")
    print(f"form a reports with an on/against object: {n_obj}")
    print("countries:", dict(sorted(countries.items())))
    cat = Counter(f"{s['category']}/{s['subtype']}" for s in sents if s["realis"])
    print("category/subtype:", dict(sorted(cat.items())))
    rcat = Counter(f"{a['sents'][a['report']]['category']}/{a['sents'][a['report']]['subtype']}"
                   for a in ARTICLES)
    print("REPORT category/subtype:", dict(sorted(rcat.items())))
    print("negatives:", dict(Counter(str(s["negative"]) for s in sents)))


if __name__ == "__main__":
    main()
