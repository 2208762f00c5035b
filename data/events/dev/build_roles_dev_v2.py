"""Build ``roles-dev-v2.jsonl``, the team's second role development set, from the compact lines below.

Written by hand by the wirewatch helper session "roles10" (1 Dec 2026, session 10) for the role
kinds the first set (``roles-dev-v1.jsonl``) holds few of and issue #11 part 4 names as weak:
targets that are the object of a verb of saying or meeting ("met with", "called on", "urged",
"accused X of", "warned", "pressed"), prepositional targets ("against X", "on X", "with X",
"at X"), targets inside a noun of the act ("the arrest of X", "talks with X", "an attack on X"),
coordinated targets, and countries and capitals standing for their governments ("Ghana",
"Beijing"); sources named with a title or an apposition, and sources far from their verb.
Voices vary on purpose: datelined wire leads, reported speech, long multi-clause sentences,
event-database notes without a dateline ("On 3 March 2026, ..."), news-brief lines.

Real countries, towns, forces and institutions; invented people, events, figures and 2026 dates.
Nothing was copied from any article, from ``../shared/eval`` or from the frozen set: ``main``
refuses a sentence that shares an 8-word run with the frozen set or with v1. The JSONL is what
is scored; this file is its source:

    python data/events/dev/build_roles_dev_v2.py   # rewrites roles-dev-v2.jsonl beside it

Each article: (id number, country, published_at, dateline or None, title, sentences); each
sentence: (text, para, label, actors, targets, place, form, kinds), where label is a key of
LABELS (None: realis false, neutral context) and kinds name the role kinds the sentence tests
(``KINDS``; printed as counts, not written to the JSONL). A day is filled in when the sentence
says "on <weekday>" (the most recent such day on or before publication) or "On 3 March 2026",
else null.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_roles_dev import LABELS as V1_LABELS  # noqa: E402
from build_roles_dev import _day as _weekday  # noqa: E402
from build_roles_dev import _negative  # noqa: E402

HERE = Path(__file__).resolve().parent
OUT = HERE / "roles-dev-v2.jsonl"
FROZEN = HERE.parent / "frozen"
NGRAM = 8
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]

LABELS = {
    **V1_LABELS,
    "meet": ("CONSULT", "DIPLO", None),
    "talks": ("CONSULT", "AGREEMENT", None),
    "condemn": ("ACCUSE", "DIPLO", None),
    "pledge": ("AGREE", "DIPLO", None),
    "release": ("CONCEDE", "DIPLO", None),
    "praise": ("SUPPORT", "DIPLO", None),
    "expel": ("SANCTION", "DIPLO", None),
    "abduct": ("ASSAULT", "ABDUCT_DISSAP", "abduct"),
    "raid": ("COERCE", "ARREST", "arrest"),
    "riot": ("PROTEST", "VIOL_DEMONSTR", "riot"),
}

# The role kinds a sentence is written to test (one sentence may test several).
KINDS = {
    "comm": "target is the object of a verb of saying or meeting (urged, called on, accused X of, met with)",
    "prep": "prepositional target (against X, on X, with X, at X)",
    "nominal": "target inside a noun of the act (the arrest of X, talks with X, an attack on X)",
    "coord": "coordinated targets",
    "state": "a country or capital standing for its government (actor or target)",
    "desc": "a target or source given by a pronoun or a description that points back",
    "title": "a source named with a title or an apposition (Foreign Minister X; X's president, Y)",
    "far": "a source far from its verb (a clause or an apposition between them)",
    "passive": "a passive (the agent acts)",
    "joint": "a meeting's partner, an actor by the conventions (streams/tagging/events/joint.py)",
}

# fmt: off
ARTICLES: list[tuple] = [
 (1, "GH", "2026-02-12", "ACCRA", "Ghana accuses Togo over border attack", [
  ("ACCRA - Ghana accused neighbouring Togo on Wednesday of sheltering the gunmen who attacked a border post near Bawku.", 0, "allege", ["Ghana"], ["Togo"], None, ["lead"], ["comm", "state"]),
  ("Foreign Minister Kwabena Ofori-Mensah summoned Togo's ambassador and handed him a note of protest.", 0, "accuse", ["Kwabena Ofori-Mensah"], ["Togo's ambassador"], None, ["possessive"], ["comm", "title"]),
  ("Lome rejected the charge and said its own forces had detained several of the attackers.", 1, "reject", ["Lome"], ["Ghana"], None, ["multi_clause"], ["state"]),
  ("The two governments signed a border security pact in Accra on Thursday.", 1, "agree", ["Ghana", "Togo"], [], "Accra", [], ["desc"]),
 ]),
 (2, "PH", "2026-05-08", "MANILA", "Manila protests to Beijing over water cannon", [
  ("MANILA - The Philippines lodged a diplomatic protest with China on Thursday over the use of water cannon against a supply boat near Second Thomas Shoal.", 0, "accuse", ["Philippines"], ["China"], None, ["lead"], ["prep", "state"]),
  ("Beijing said the boat had entered Chinese waters and accused Manila of provocation.", 0, "allege", ["Beijing"], ["Manila"], None, ["multi_clause"], ["comm", "state"]),
  ("Japan and Australia called on China to respect the 2016 arbitration ruling.", 1, "request", ["Japan", "Australia"], ["China"], None, ["coordination"], ["comm", "state"]),
  ("The US ambassador, Teresa Whitcombe, met with Philippine Defence Secretary Gilberto Ramos in Manila on Friday.", 1, "meet", ["Teresa Whitcombe", "Gilberto Ramos"], [], "Manila", ["apposition"], ["joint", "title"]),
 ]),
 (3, "NG", "2026-03-20", "ABUJA", "Nigerian troops kill bandits in Zamfara", [
  ("ABUJA - Nigerian troops killed 14 bandits in a gun battle in Zamfara state on Wednesday, the army said.", 0, "clash", ["Nigerian troops"], ["bandits"], "Zamfara", ["lead"], []),
  ("The gang had abducted 30 villagers from Kaura Namoda a week earlier.", 0, "abduct", ["bandits"], ["villagers"], "Kaura Namoda", [], ["desc"]),
  ("Amnesty International urged the Nigerian authorities to protect farming communities in the northwest.", 1, "request", ["Amnesty International"], ["Nigerian authorities"], None, [], ["comm"]),
  ("State governor Bello Maradun praised the Nigerian army for the rescue of 22 of the captives.", 1, "praise", ["Bello Maradun"], ["Nigerian army"], None, [], ["comm", "title"]),
 ]),
 (4, "CD", "2026-07-03", "KINSHASA", "Congo cuts ties with Rwanda", [
  ("KINSHASA - Democratic Republic of Congo broke off diplomatic relations with Rwanda on Thursday, accusing Kigali of sending troops to back M23 rebels.", 0, "sanction", ["Democratic Republic of Congo"], ["Rwanda"], None, ["lead", "multi_clause"], ["prep", "state"]),
  ("Government spokesman Jean-Pierre Kabeya said Rwandan diplomats had 48 hours to leave the country.", 0, None, [], [], None, [], []),
  ("Kigali denied the allegation and accused Kinshasa of arming the FDLR militia.", 1, "allege", ["Kigali"], ["Kinshasa"], None, ["coordination"], ["comm", "state"]),
  ("The African Union appealed to both countries to return to talks in Luanda.", 1, "request", ["African Union"], ["Democratic Republic of Congo", "Rwanda"], None, [], ["comm", "desc", "coord"]),
 ]),
 (5, "IN", "2026-09-17", "NEW DELHI", "India and Pakistan trade accusations", [
  ("NEW DELHI - India on Tuesday accused Pakistan of violating the ceasefire along the Line of Control in Kupwara.", 0, "allege", ["India"], ["Pakistan"], None, ["lead"], ["comm", "state"]),
  ("Pakistani troops fired mortar rounds at Indian posts near Keran, the Indian army said.", 0, "shell", ["Pakistani troops"], ["Indian posts"], "Keran", [], ["prep"]),
  ("Islamabad rejected the claim and said Indian forces had opened fire first.", 1, "reject", ["Islamabad"], ["India"], None, ["multi_clause"], ["state"]),
  ("The United Nations military observer group urged both sides to show restraint.", 1, "request", ["United Nations military observer group"], ["India", "Pakistan"], None, [], ["comm", "desc", "coord"]),
 ]),
 (6, "ET", "2026-04-09", "ADDIS ABABA", "Ethiopia holds talks with Fano militia", [
  ("ADDIS ABABA - Ethiopia's government held talks with leaders of the Fano militia in Bahir Dar on Wednesday, the first since fighting began in Amhara.", 0, "talks", ["Ethiopia's government", "Fano"], [], "Bahir Dar", ["lead", "possessive"], ["joint"]),
  ("Fano's leaders later met with the regional president, Yilkal Derese, in Bahir Dar.", 0, "meet", ["Fano", "Yilkal Derese"], [], "Bahir Dar", ["apposition", "possessive"], ["joint"]),
  ("Prime Minister Abiy Ahmed's office welcomed the meeting.", 1, "support", ["Abiy Ahmed's office"], [], None, ["possessive"], ["title"]),
  ("A Fano commander, Eskinder Mola, told reporters the group would keep its weapons.", 1, None, [], [], None, [], []),
 ]),
 (7, "VE", "2026-01-22", "CARACAS", "Venezuela expels Colombian diplomats", [
  ("CARACAS - Venezuela expelled three Colombian diplomats on Wednesday and accused Bogota of plotting with opposition exiles.", 0, "expel", ["Venezuela"], ["Colombian diplomats"], None, ["lead", "coordination"], ["state"]),
  ("Foreign Minister Ana Lucia Pereira accused the diplomats on state television of meeting army deserters.", 0, "allege", ["Ana Lucia Pereira"], ["diplomats"], None, [], ["comm", "title"]),
  ("Colombia's foreign ministry called the expulsions arbitrary and recalled its ambassador from Caracas.", 1, "sanction", ["Colombia's foreign ministry"], ["Caracas"], None, ["possessive", "coordination"], ["prep", "state"]),
  ("Brazil offered to mediate between the two neighbours.", 1, None, [], [], None, [], []),
 ]),
 (8, "ML", "2026-06-12", "BAMAKO", "Malian army detains journalists", [
  ("BAMAKO - Malian soldiers arrested two journalists and a driver at a checkpoint outside Mopti on Monday, their employer said.", 0, "arrest", ["Malian soldiers"], ["journalists", "driver"], "Mopti", ["lead", "coordination"], ["coord"]),
  ("The Committee to Protect Journalists condemned the arrest of the reporters.", 0, "condemn", ["Committee to Protect Journalists"], ["Malian soldiers"], None, [], ["nominal"]),
  ("The committee called on the junta to free them without conditions.", 1, "request", ["Committee to Protect Journalists"], ["junta"], None, [], ["comm", "desc"]),
  ("The transitional government's spokesman, Colonel Ibrahim Sangare, accused the reporters of working for a foreign broadcaster.", 1, "allege", ["Ibrahim Sangare"], ["reporters"], None, ["apposition", "possessive"], ["comm", "title", "far"]),
 ]),
 (9, "UA", "2026-10-14", "KYIV", "Russian missiles strike Dnipro", [
  ("KYIV - Russia launched a missile attack on Dnipro on Monday night, hitting an apartment block and a bus depot, regional officials said.", 0, "shell", ["Russia"], ["Dnipro", "apartment block", "bus depot"], "Dnipro", ["lead", "coordination"], ["nominal", "coord", "state"]),
  ("President Volodymyr Zelenskiy urged Western allies to send more air defence systems.", 0, "request", ["Volodymyr Zelenskiy"], ["Western allies"], None, [], ["comm", "title"]),
  ("Moscow said its forces had struck military targets and accused Kyiv of placing air defences in residential areas.", 1, "allege", ["Moscow"], ["Kyiv"], None, ["multi_clause"], ["comm", "state"]),
  ("Poland scrambled fighter jets as a precaution during the strikes.", 1, "deploy", ["Poland"], [], None, [], ["state"]),
 ]),
 (10, "SO", "2026-02-27", "MOGADISHU", "Al Shabaab attacks army base", [
  ("MOGADISHU - Al Shabaab fighters stormed an army base near Jowhar before dawn on Thursday, killing at least seven soldiers, a military officer said.", 0, "attack", ["Al Shabaab"], ["army base", "soldiers"], "Jowhar", ["lead"], ["coord"]),
  ("Government troops backed by African Union forces later retook the base after a four-hour battle with the militants.", 0, "clash", ["Government troops"], ["Al Shabaab"], "Jowhar", [], ["nominal", "prep", "desc"]),
  ("Somalia's president, Hassan Sheikh Mohamud, vowed to press on with the offensive against the group.", 1, None, [], [], None, [], []),
  ("The United States carried out an air strike against the militants near Jowhar on Friday.", 1, "air", ["United States"], ["Al Shabaab"], "Jowhar", [], ["prep", "desc", "state"]),
 ]),
 (11, "TR", "2026-03-05", "ANKARA", "Turkey detains opposition mayor", [
  ("ANKARA - Turkish police detained the opposition mayor of Mersin, Ahmet Kuzu, in a dawn raid on Wednesday on corruption charges, state media reported.", 0, "arrest", ["Turkish police"], ["Ahmet Kuzu"], "Mersin", ["lead", "apposition"], []),
  ("The main opposition party, the CHP, called the detention of its mayor a political coup.", 0, "accuse", ["CHP"], ["Turkish police"], None, ["apposition"], ["nominal", "title"]),
  ("Thousands of CHP supporters rallied outside the city hall in Mersin on Thursday to protest against the arrest.", 1, "protest", ["CHP supporters"], [], "Mersin", [], []),
  ("Riot police used tear gas against the crowd.", 1, "force", ["Riot police"], ["CHP supporters"], "Mersin", [], ["prep", "desc"]),
 ]),
 (12, "KR", "2026-08-20", "SEOUL", "North Korea fires missiles", [
  ("SEOUL - North Korea threatened on Wednesday to retaliate against South Korea over leaflets sent across the border by activists.", 0, "threaten", ["North Korea"], ["South Korea"], None, ["lead"], ["prep", "state"]),
  ("Seoul urged Pyongyang to return to dialogue and said it would not tolerate provocations.", 0, "request", ["Seoul"], ["Pyongyang"], None, ["multi_clause"], ["comm", "state"]),
  ("Activists have floated balloons carrying leaflets across the frontier for years.", 1, None, [], [], None, [], []),
  ("The United States, Japan and South Korea held a joint air drill on Thursday in response, with US bombers escorted by South Korean and Japanese jets.", 1, "deploy", ["United States", "Japan", "South Korea"], [], None, ["long"], ["state"]),
 ]),
 (13, "SY", "2026-11-05", "DAMASCUS", "Israeli strikes near Damascus", [
  ("DAMASCUS - Israeli warplanes struck weapons depots near Damascus airport overnight, Syria's defence ministry said on Wednesday.", 0, "air", ["Israeli"], ["weapons depots"], "Damascus", ["lead"], []),
  ("Syria's foreign ministry called on the UN Security Council to act against Israel's repeated violations of Syrian sovereignty.", 0, "request", ["Syria's foreign ministry"], ["UN Security Council"], None, ["possessive", "long"], ["comm"]),
  ("Turkey and Qatar condemned the strikes on Syrian territory.", 1, "condemn", ["Turkey", "Qatar"], ["Israel"], None, ["coordination"], ["nominal", "state"]),
  ("The Israeli military did not comment.", 1, None, [], [], None, [], []),
 ]),
 (14, "PK", "2026-05-21", "ISLAMABAD", "Pakistan summons Afghan envoy", [
  ("ISLAMABAD - Pakistan summoned Afghanistan's charge d'affaires on Wednesday to protest against a cross-border attack on a checkpost in Khyber.", 0, "accuse", ["Pakistan"], ["Afghanistan"], None, ["lead", "possessive"], ["comm", "state"]),
  ("Militants crossing from Afghan territory attacked the checkpost late on Monday, killing three soldiers, the army's media wing said.", 0, "attack", ["Militants"], ["checkpost", "soldiers"], "Khyber", [], ["coord"]),
  ("Islamabad on Thursday pressed the Taliban government to act against the Pakistani Taliban, which it says operates from Afghan soil.", 1, "request", ["Islamabad"], ["Taliban government"], None, ["multi_clause"], ["comm", "state"]),
  ("A Taliban spokesman, Zabihullah Karimi, rejected the accusation and told Pakistan to solve its own security problems.", 1, "reject", ["Zabihullah Karimi"], ["Pakistan"], None, ["apposition", "coordination"], ["title"]),
 ]),
 (15, "MM", "2026-04-23", "YANGON", "Myanmar junta bombs Sagaing village", [
  ("YANGON - Myanmar's military bombed a village in Sagaing region on Tuesday, killing at least 12 people, residents and a local resistance group said.", 0, "air", ["Myanmar's military"], ["village", "people"], "Sagaing", ["lead", "possessive"], ["coord"]),
  ("The air strike on the village hit a school and a Buddhist monastery.", 0, "air", ["Myanmar's military"], ["school", "monastery"], "Sagaing", [], ["nominal", "coord"]),
  ("The National Unity Government accused the junta of war crimes.", 1, "allege", ["National Unity Government"], ["junta"], None, [], ["comm", "desc"]),
  ("ASEAN foreign ministers met with the junta's envoy in Jakarta on Thursday and urged him to halt the air raids.", 1, "meet", ["ASEAN foreign ministers", "junta's envoy"], [], "Jakarta", ["coordination", "possessive"], ["joint"]),
 ]),
 (16, "BO", "2026-07-16", "LA PAZ", "Bolivian police clash with miners", [
  ("LA PAZ - Bolivian police clashed with striking cooperative miners on a highway near Oruro on Wednesday, leaving 20 people injured.", 0, "clash", ["Bolivian police"], ["cooperative miners"], "Oruro", ["lead"], ["prep"]),
  ("Officers fired tear gas at the miners, who had blocked the road for a week.", 0, "force", ["Bolivian police"], ["miners"], "Oruro", ["multi_clause"], ["prep", "desc"]),
  ("The miners' federation demanded that the government withdraw a new mining tax.", 1, "request", ["miners' federation"], ["government"], None, ["possessive"], ["comm"]),
  ("Interior Minister Raul Quispe accused the federation's leaders of inciting violence.", 1, "allege", ["Raul Quispe"], ["federation's leaders"], None, ["possessive"], ["comm", "title"]),
 ]),
 (17, "IR", "2026-09-24", "TEHRAN", "Iran seizes tanker in Gulf", [
  ("TEHRAN - Iranian naval forces boarded and seized a Greek-owned tanker near the Strait of Hormuz on Tuesday, saying it had broken maritime rules.", 0, "arrest", ["Iranian naval forces"], ["tanker"], "Strait of Hormuz", ["lead", "coordination"], []),
  ("The United Kingdom demanded that Tehran release the ship and its 21 crew members immediately.", 0, "request", ["United Kingdom"], ["Tehran"], None, [], ["comm", "state"]),
  ("Washington warned Tehran against further interference with shipping in the Strait of Hormuz.", 1, "threaten", ["Washington"], ["Tehran"], None, [], ["comm", "state"]),
  ("Iran's foreign ministry spokesman, Esmaeil Baghaei, dismissed the warning as interference.", 1, "reject", ["Esmaeil Baghaei"], ["Washington"], None, ["apposition", "possessive"], ["title"]),
 ]),
 (18, "SS", "2026-03-12", "JUBA", "South Sudan army fights opposition forces", [
  ("JUBA - South Sudan's army fought opposition forces loyal to Riek Machar in Upper Nile state on Tuesday, a military spokesman said.", 0, "clash", ["South Sudan's army"], ["opposition forces"], "Upper Nile", ["lead", "possessive"], []),
  ("The fighting with the SPLA-IO around Nasir forced thousands of civilians to flee.", 0, "clash", ["South Sudan's army"], ["SPLA-IO"], "Nasir", [], ["nominal", "prep"]),
  ("The UN mission, UNMISS, called on the two forces to lay down their arms.", 1, "request", ["UNMISS"], ["South Sudan's army", "SPLA-IO"], None, ["apposition"], ["comm", "desc", "coord"]),
  ("Uganda deployed troops to Juba on Wednesday at the request of President Salva Kiir.", 1, "deploy", ["Uganda"], [], "Juba", [], ["state"]),
 ]),
 (19, "RS", "2026-02-05", "BELGRADE", "Serbian students protest", [
  ("BELGRADE - Tens of thousands of students marched through Belgrade on Sunday in a protest against President Aleksandar Vucic's government.", 0, "protest", ["students"], ["Aleksandar Vucic's government"], "Belgrade", ["lead", "possessive"], ["prep", "nominal"]),
  ("Police detained 18 protesters after clashes outside the parliament building.", 0, "arrest", ["Police"], ["protesters"], "Belgrade", [], []),
  ("Vucic accused foreign intelligence services of organising the protests.", 1, "allege", ["Vucic"], ["foreign intelligence services"], None, [], ["comm"]),
  ("The European Union urged Serbia's authorities to respect the right to peaceful assembly.", 1, "request", ["European Union"], ["Serbia's authorities"], None, ["possessive"], ["comm"]),
 ]),
 (20, "YE", "2026-06-25", None, "Houthis target ship in Red Sea", [
  ("On 22 June 2026, Houthi forces fired a drone at a Liberian-flagged cargo ship in the Red Sea off Hodeidah.", 0, "drone", ["Houthi forces"], ["cargo ship"], "Hodeidah", ["lead"], ["prep"]),
  ("The attack on the vessel caused a fire but no casualties, the British maritime agency UKMTO said.", 0, "drone", ["Houthi forces"], ["vessel"], "Hodeidah", [], ["nominal"]),
  ("On 23 June 2026, US and British warplanes struck Houthi radar sites near Hodeidah.", 1, "air", ["US", "British warplanes"], ["Houthi radar sites"], "Hodeidah", ["coordination"], []),
  ("The Houthis' political bureau warned Washington and London of a forceful response.", 1, "threaten", ["Houthis' political bureau"], ["Washington", "London"], None, ["possessive", "coordination"], ["comm", "coord", "state"]),
 ]),
 (21, "ZW", "2026-10-08", "HARARE", "Zimbabwe police arrest union leaders", [
  ("HARARE - Zimbabwean police arrested the leader of the teachers' union, Obert Chikowore, and two of his deputies in Harare on Monday ahead of a planned strike.", 0, "arrest", ["Zimbabwean police"], ["Obert Chikowore", "deputies"], "Harare", ["lead", "apposition"], ["coord"]),
  ("Lawyers for the three said they were charged with inciting public violence.", 0, None, [], [], None, [], []),
  ("The Southern African Development Community's rights commission urged Harare to release the union leaders.", 1, "request", ["Southern African Development Community's rights commission"], ["Harare"], None, ["possessive"], ["comm", "state"]),
  ("Police raided the union's offices on Tuesday and seized documents and computers.", 1, "raid", ["Police"], ["union's offices"], "Harare", ["coordination"], []),
 ]),
 (22, "IQ", "2026-01-29", "BAGHDAD", "Rocket attack on US base", [
  ("BAGHDAD - Rockets were fired at a base hosting US troops in western Iraq on Tuesday, causing no casualties, a US official said.", 0, "shell", [], ["base"], "Iraq", ["lead", "passive"], ["prep"]),
  ("An Iran-aligned militia, Kataib Hezbollah, claimed responsibility for the attack on Ain al-Asad air base.", 0, "claim", ["Kataib Hezbollah"], ["Ain al-Asad air base"], None, ["apposition"], ["nominal", "title"]),
  ("Iraqi Prime Minister Mohammed Shia al-Sudani ordered security forces to hunt down the attackers.", 1, "request", ["Mohammed Shia al-Sudani"], ["security forces"], None, [], ["comm", "title"]),
  ("Washington blamed Tehran for arming the militia.", 1, "allege", ["Washington"], ["Tehran"], None, [], ["comm", "state"]),
 ]),
 (23, "CO", "2026-11-12", "BOGOTA", "Colombia suspends talks with ELN", [
  ("BOGOTA - Colombia's government suspended peace talks with the ELN guerrilla group on Tuesday after an attack on an army base in Arauca killed five soldiers.", 0, "sanction", ["Colombia's government"], ["ELN"], None, ["lead", "possessive", "long"], ["nominal", "prep"]),
  ("ELN fighters detonated explosives outside the base in Saravena, the army said.", 0, "attack", ["ELN fighters"], ["base"], "Saravena", [], []),
  ("President Gustavo Petro accused the rebels of betraying the peace process.", 1, "allege", ["Gustavo Petro"], ["ELN"], None, [], ["comm", "title", "desc"]),
  ("The ELN's negotiating team, in a statement issued in Havana, blamed the army for provoking the clash.", 1, "allege", ["ELN's negotiating team"], ["army"], None, ["possessive"], ["comm", "far"]),
 ]),
 (24, "KE", "2026-05-14", "NAIROBI", "Kenya and Somalia hold talks", [
  ("NAIROBI - Kenyan President William Ruto met with his Somali counterpart, Hassan Sheikh Mohamud, at State House in Nairobi on Tuesday.", 0, "meet", ["William Ruto", "Hassan Sheikh Mohamud"], [], "Nairobi", ["lead", "apposition"], ["joint", "title"]),
  ("The two leaders signed an agreement on border security and trade.", 0, "agree", ["William Ruto", "Hassan Sheikh Mohamud"], [], "Nairobi", [], ["desc"]),
  ("Ruto urged the African Union to extend its mission in Somalia by another year.", 1, "request", ["Ruto"], ["African Union"], None, [], ["comm"]),
  ("Somalia has accused Kenya in the past of meddling in Jubaland's politics.", 1, None, [], [], None, [], []),
 ]),
 (25, "BF", "2026-08-27", "OUAGADOUGOU", "Jihadists attack convoy in Burkina Faso", [
  ("OUAGADOUGOU - Jihadists ambushed a convoy of trucks escorted by soldiers and volunteer fighters near Djibo on Monday, killing dozens, security sources said.", 0, "attack", ["Jihadists"], ["convoy", "soldiers", "volunteer fighters"], "Djibo", ["lead", "long"], ["coord"]),
  ("JNIM, al Qaeda's affiliate in the Sahel, claimed the ambush.", 0, "claim", ["JNIM"], [], None, ["apposition"], ["far"]),
  ("The army said its aircraft later struck the attackers as they withdrew, killing several of them.", 1, "air", ["army"], ["JNIM"], "Djibo", ["multi_clause"], ["desc"]),
  ("Human Rights Watch called on Burkina Faso's junta and the armed groups to protect civilians.", 1, "request", ["Human Rights Watch"], ["Burkina Faso's junta", "armed groups"], None, ["coordination", "possessive"], ["comm", "coord"]),
 ]),
 (26, "GE", "2026-04-02", "TBILISI", "Georgian police disperse protest", [
  ("TBILISI - Georgian riot police dispersed thousands of pro-European protesters outside parliament in Tbilisi overnight with water cannon and pepper spray.", 0, "disperse", ["Georgian riot police"], ["pro-European protesters"], "Tbilisi", ["lead"], []),
  ("The crackdown on the demonstrators was condemned by the European Union's foreign policy chief.", 0, "condemn", ["European Union's foreign policy chief"], ["Georgian riot police"], None, ["passive", "possessive"], ["nominal", "passive"]),
  ("Prime Minister Irakli Kobakhidze accused opposition parties of trying to stage a revolution with Western help.", 1, "allege", ["Irakli Kobakhidze"], ["opposition parties"], None, [], ["comm", "title"]),
  ("The Georgian Dream government sanctioned five opposition politicians on Wednesday, banning them from leaving the country.", 1, "sanction", ["Georgian Dream government"], ["opposition politicians"], None, [], []),
 ]),
 (27, "CN", "2026-12-01", "BEIJING", "China sanctions US defence firms over Taiwan", [
  ("BEIJING - China imposed sanctions on four US defence companies on Monday over an arms sale to Taiwan, the commerce ministry said.", 0, "sanction", ["China"], ["US defence companies"], None, ["lead"], ["prep", "state"]),
  ("Beijing also lodged a stern protest with Washington over the sale.", 0, "accuse", ["Beijing"], ["Washington"], None, [], ["prep", "state"]),
  ("Taiwan's defence ministry said Chinese warships and aircraft had held drills around the island on Sunday.", 1, "deploy", ["Chinese warships"], [], None, ["possessive"], []),
  ("The US State Department urged Beijing to stop its military pressure on Taipei.", 1, "request", ["US State Department"], ["Beijing"], None, [], ["comm", "state"]),
 ]),
 (28, "LY", "2026-06-04", "TRIPOLI", "Militias clash in Tripoli", [
  ("TRIPOLI - Rival militias clashed in the Libyan capital overnight, with heavy gunfire in the Abu Salim district, witnesses said.", 0, "clash", ["Rival militias"], [], "Abu Salim", ["lead"], []),
  ("Fighters of the Stability Support Apparatus attacked a base of the Radaa force in Tripoli, a security source said.", 0, "attack", ["Stability Support Apparatus"], ["base", "Radaa force"], "Tripoli", [], ["nominal"]),
  ("The UN support mission in Libya called on all parties to stop the fighting immediately.", 1, "request", ["UN support mission in Libya"], ["all parties"], None, [], ["comm"]),
  ("Prime Minister Abdulhamid Dbeibah ordered the interior ministry to deploy police units to the district.", 1, "request", ["Abdulhamid Dbeibah"], ["interior ministry"], None, [], ["comm", "title"]),
 ]),
 (29, "HT", "2026-03-26", "PORT-AU-PRINCE", "Haitian gangs attack Mirebalais", [
  ("PORT-AU-PRINCE - Gang members attacked the town of Mirebalais on Monday, freeing hundreds of inmates from its prison and burning a police station, the UN said.", 0, "attack", ["Gang members"], ["Mirebalais", "prison", "police station"], "Mirebalais", ["lead", "long"], ["coord"]),
  ("Haitian police and Kenyan officers from the UN-backed security mission battled the gang into the night.", 0, "clash", ["Haitian police", "Kenyan officers"], ["gang"], "Mirebalais", ["coordination"], []),
  ("The prime minister's office appealed to the UN Security Council for more troops.", 1, "request", ["prime minister's office"], ["UN Security Council"], None, ["possessive"], ["prep"]),
  ("The Dominican Republic closed its border with Haiti on Tuesday.", 1, "sanction", ["Dominican Republic"], ["Haiti"], None, [], ["prep", "state"]),
 ]),
 (30, "EG", "2026-09-03", "CAIRO", "Egypt hosts Gaza talks", [
  ("CAIRO - Egyptian intelligence chief Hassan Mahmoud Rashad held separate meetings with Hamas and Israeli negotiators in Cairo on Tuesday.", 0, "meet", ["Hassan Mahmoud Rashad", "Hamas", "Israeli negotiators"], [], "Cairo", ["lead"], ["joint", "title"]),
  ("Qatar's prime minister, who joined the talks by video link, urged both sides to accept a new truce proposal.", 0, "request", ["Qatar's prime minister"], ["Hamas", "Israeli negotiators"], None, ["multi_clause", "possessive"], ["comm", "far", "desc"]),
  ("Hamas rejected an Israeli demand that its leaders leave Gaza.", 1, "reject", ["Hamas"], ["Israeli"], None, [], ["nominal"]),
  ("Israeli tanks pushed into the Zeitoun neighbourhood of Gaza City on Wednesday, residents said.", 1, "attack", ["Israeli tanks"], [], "Gaza City", [], []),
 ]),
 (31, "MZ", "2026-02-19", "MAPUTO", "Mozambique insurgents raid Macomia", [
  ("MAPUTO - Islamic State-linked insurgents raided the town of Macomia in Cabo Delgado province on Monday, looting shops and burning homes, local officials said.", 0, "attack", ["Islamic State-linked insurgents"], ["Macomia", "shops", "homes"], "Macomia", ["lead", "long"], ["coord"]),
  ("Rwandan and Mozambican troops launched a counter-offensive against the insurgents on Tuesday.", 0, "clash", ["Rwandan", "Mozambican troops"], ["insurgents"], "Macomia", ["coordination"], ["prep", "nominal"]),
  ("President Daniel Chapo thanked Rwanda for its support during a visit to Pemba.", 1, "praise", ["Daniel Chapo"], ["Rwanda"], "Pemba", [], ["comm", "title", "state"]),
  ("The European Union pledged 20 million euros in aid to the Rwandan mission.", 1, "pledge", ["European Union"], ["Rwandan mission"], None, [], ["prep"]),
 ]),
 (32, "TH", "2026-07-30", "BANGKOK", "Thailand and Cambodia exchange fire", [
  ("BANGKOK - Thai and Cambodian troops exchanged fire at a disputed temple on the border on Tuesday, killing two soldiers, the Thai army said.", 0, "clash", ["Thai", "Cambodian troops"], [], None, ["lead", "coordination"], []),
  ("Thailand accused Cambodia of deploying heavy weapons near the temple.", 0, "allege", ["Thailand"], ["Cambodia"], None, [], ["comm", "state"]),
  ("Phnom Penh summoned the Thai ambassador and demanded an apology.", 1, "accuse", ["Phnom Penh"], ["Thai ambassador"], None, ["coordination"], ["comm", "state"]),
  ("Malaysia, which chairs ASEAN, urged Bangkok and Phnom Penh to settle the dispute through talks.", 1, "request", ["Malaysia"], ["Bangkok", "Phnom Penh"], None, ["multi_clause"], ["comm", "coord", "state", "far"]),
 ]),
 (33, "SN", "2026-10-22", "DAKAR", "Senegal arrests opposition figures", [
  ("DAKAR - Senegalese gendarmes arrested opposition lawmaker Moussa Diop and a journalist, Awa Ndiaye, in Dakar on Tuesday over posts criticising the government.", 0, "arrest", ["Senegalese gendarmes"], ["Moussa Diop", "Awa Ndiaye"], "Dakar", ["lead", "apposition", "coordination"], ["coord"]),
  ("Their detention was ordered by a Dakar prosecutor, their lawyers said.", 0, "arrest", ["Dakar prosecutor"], ["Moussa Diop", "Awa Ndiaye"], "Dakar", ["passive"], ["nominal", "passive", "desc"]),
  ("Reporters Without Borders denounced the arrest of the journalist as intimidation.", 1, "condemn", ["Reporters Without Borders"], ["Senegalese gendarmes"], None, [], ["nominal"]),
  ("Opposition parties called for a protest in the capital on Friday against what they called a slide into authoritarianism.", 1, None, [], [], None, [], []),
 ]),
 (34, "AZ", "2026-05-28", "BAKU", "Azerbaijan accuses Russia over airline crash", [
  ("BAKU - Azerbaijan demanded on Wednesday that Russia admit responsibility for shooting down a passenger plane, President Ilham Aliyev's office said.", 0, "request", ["Azerbaijan"], ["Russia"], None, ["lead", "possessive"], ["comm", "state"]),
  ("Baku also closed the Russian cultural centre and expelled two Russian diplomats.", 0, "expel", ["Baku"], ["Russian cultural centre", "Russian diplomats"], None, ["coordination"], ["coord", "state"]),
  ("The Kremlin spokesman, Dmitry Peskov, expressed regret over the incident but rejected Baku's demands for compensation.", 1, "reject", ["Dmitry Peskov"], ["Baku"], None, ["apposition", "coordination"], ["title", "far", "state"]),
  ("Turkey's foreign minister spoke by phone with his Azerbaijani counterpart on Thursday.", 1, "meet", ["Turkey's foreign minister", "Azerbaijani counterpart"], [], None, ["possessive"], ["joint"]),
 ]),
 (35, "CM", "2026-01-08", "YAOUNDE", "Separatists abduct students in Cameroon", [
  ("YAOUNDE - Armed separatists abducted 11 students and a teacher from a secondary school in Bamenda on Tuesday, the regional governor said.", 0, "abduct", ["Armed separatists"], ["students", "teacher"], "Bamenda", ["lead", "coordination"], ["coord"]),
  ("The kidnapping of the students was carried out by the Ambazonia Defence Forces, according to a local security official.", 0, "abduct", ["Ambazonia Defence Forces"], ["students"], "Bamenda", ["passive"], ["nominal", "passive"]),
  ("UNICEF called on the kidnappers to release the children unharmed.", 1, "request", ["UNICEF"], ["Ambazonia Defence Forces"], None, [], ["comm", "desc"]),
  ("Soldiers freed all 12 hostages in a raid on a separatist camp on Thursday, the army said.", 1, "clash", ["Soldiers"], ["separatist camp"], "Bamenda", [], ["nominal", "prep"]),
 ]),
 (36, "PE", "2026-08-13", "LIMA", "Peru declares emergency after protests", [
  ("LIMA - Protesters blocked highways and attacked a police station in Juliaca on Tuesday to demand the resignation of President Dina Boluarte.", 0, "riot", ["Protesters"], ["police station"], "Juliaca", ["lead", "coordination"], []),
  ("Police fired on the crowd, killing two men, the ombudsman's office said.", 0, "force", ["Police"], ["Protesters", "men"], "Juliaca", [], ["prep", "desc"]),
  ("The ombudsman's office urged the security forces to stop using live ammunition against demonstrators.", 1, "request", ["ombudsman's office"], ["security forces"], None, ["possessive"], ["comm"]),
  ("The UN human rights office urged Peru's government to investigate the killings.", 1, "request", ["UN human rights office"], ["Peru's government"], None, ["possessive"], ["comm"]),
 ]),
 (37, "MD", "2026-11-19", "CHISINAU", "Moldova expels Russian diplomat", [
  ("CHISINAU - Moldova expelled a Russian diplomat on Monday, accusing him of financing pro-Russian protests in Chisinau.", 0, "expel", ["Moldova"], ["Russian diplomat"], None, ["lead"], ["state"]),
  ("President Maia Sandu's office accused Moscow of trying to destabilise the country before the elections.", 0, "allege", ["Maia Sandu's office"], ["Moscow"], None, ["possessive"], ["comm", "state"]),
  ("Russia's foreign ministry promised a response and called the expulsion unfriendly.", 1, "threaten", ["Russia's foreign ministry"], ["Moldova"], None, ["possessive", "coordination"], ["state"]),
  ("Romania and the European Union expressed support for Chisinau.", 1, "support", ["Romania", "European Union"], ["Chisinau"], None, ["coordination"], ["prep", "state"]),
 ]),
 (38, "BD", "2026-04-16", "DHAKA", "Bangladesh police clash with garment workers", [
  ("DHAKA - Police in Bangladesh used batons and rubber bullets on Wednesday to break up a demonstration by unpaid garment workers in Gazipur, injuring at least 30.", 0, "force", ["Police in Bangladesh"], ["garment workers"], "Gazipur", ["lead", "long"], ["nominal"]),
  ("The workers had blocked the Dhaka-Mymensingh highway and stoned factory buildings.", 0, "riot", ["workers"], ["factory buildings"], "Gazipur", [], ["desc"]),
  ("The labour ministry summoned factory owners and told them to pay the wages within a week.", 1, "request", ["labour ministry"], ["factory owners"], None, ["coordination"], ["comm"]),
  ("Trade unions accused the Bangladesh Garment Manufacturers and Exporters Association of ignoring the workers' demands.", 1, "allege", ["Trade unions"], ["Bangladesh Garment Manufacturers and Exporters Association"], None, [], ["comm"]),
 ]),
 (39, "IL", "2026-06-18", "JERUSALEM", "Israel strikes Hezbollah in Lebanon", [
  ("JERUSALEM - Israeli jets hit three Hezbollah arms depots in southern Lebanon on Tuesday, according to the Israeli military.", 0, "air", ["Israeli jets"], ["Hezbollah arms depots"], "southern Lebanon", ["lead", "possessive"], []),
  ("Lebanon's president, Joseph Aoun, called on France and the United States to press Israel to stop its attacks on Lebanese territory.", 0, "request", ["Joseph Aoun"], ["France", "United States"], None, ["apposition", "possessive", "coordination"], ["comm", "coord", "title", "state"]),
  ("Hezbollah said the strikes on the south violated the November ceasefire.", 1, "accuse", ["Hezbollah"], ["Israel"], None, [], ["nominal"]),
  ("The French foreign ministry urged restraint by both Israel and Hezbollah.", 1, "request", ["French foreign ministry"], ["Israel", "Hezbollah"], None, ["coordination"], ["prep", "coord", "state"]),
 ]),
 (40, "EC", "2026-10-01", "QUITO", "Ecuador troops raid prison", [
  ("QUITO - Ecuadorian soldiers raided the Litoral prison in Guayaquil on Tuesday, seizing rifles and explosives from inmates of the Los Lobos gang.", 0, "raid", ["Ecuadorian soldiers"], ["Litoral prison"], "Guayaquil", ["lead"], []),
  ("Gang members had killed six inmates in a riot at the prison on Sunday.", 0, "attack", ["Gang members"], ["inmates"], "Guayaquil", [], []),
  ("President Daniel Noboa accused Los Lobos of running extortion rackets from inside the jail.", 1, "allege", ["Daniel Noboa"], ["Los Lobos"], None, [], ["comm", "title"]),
  ("Colombia and Peru agreed with Ecuador on Thursday to share intelligence on the gangs.", 1, "pledge", ["Colombia", "Peru"], ["Ecuador"], None, ["coordination"], ["prep", "state"]),
 ]),
]
# fmt: on


def _day(text: str, published: date) -> str | None:
    """The day the sentence fixes: "on <weekday>" (as v1) or "On 22 June 2026"."""
    if (weekday := _weekday(text, published)) is not None:
        return weekday
    found = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", text.lower())
    if not found:
        return None
    return date(int(found.group(3)), MONTHS.index(found.group(2)) + 1, int(found.group(1))).isoformat()


def _ngrams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + NGRAM]) for i in range(len(words) - NGRAM + 1)}


def _guarded_ngrams() -> set[tuple[str, ...]]:
    """8-word runs of the frozen set and of v1, only to refuse copies of them."""
    grams: set[tuple[str, ...]] = set()
    for path in [*sorted(FROZEN.glob("*.jsonl")), HERE / "roles-dev-v1.jsonl"]:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                art = json.loads(line)
                for s in [art["title"]] + [x["text"] for x in art["sentences"]]:
                    grams |= _ngrams(s)
    return grams


def build() -> tuple[list[dict], Counter]:
    out = []
    kinds: Counter = Counter()
    guarded = _guarded_ngrams()
    copies: list[str] = []
    for number, country, published, dateline, title, sentences in ARTICLES:
        day = date.fromisoformat(published)
        rows = []
        whole = title + "\n" + " ".join(s[0] for s in sentences)
        for text, para, label, actors, targets, place, form, tested in sentences:
            if _ngrams(text) & guarded:
                copies.append(text)
            for span in [*actors, *targets, *([place] if place else [])]:
                if span not in whole:
                    raise SystemExit(f"{span!r} is not written in article {number}")
            unknown = set(tested) - set(KINDS)
            if unknown:
                raise SystemExit(f"unknown kinds {unknown} in article {number}")
            realis = label is not None
            cat, sub, mode = LABELS[label] if realis else (None, None, None)
            kinds.update(tested)
            rows.append({"text": text, "para": para, "realis": realis, "category": cat, "mode": mode,
                         "subtype": sub, "actors": actors, "targets": targets, "place": place,
                         "date": _day(text, day) if realis else None,
                         "negative": _negative(label, text), "form": form})
        out.append({"id": f"dvs-{number:04d}", "country": country, "published_at": published,
                    "dateline": dateline, "title": title, "sentences": rows})
    if copies:
        raise SystemExit("shares an 8-word run with the frozen set or v1:\n" + "\n".join(copies))
    return out, kinds


def main() -> int:
    articles, kinds = build()
    OUT.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    sentences = [s for a in articles for s in a["sentences"]]
    print(f"{OUT.name}: {len(articles)} articles, {len(sentences)} sentences, "
          f"{len({a['country'] for a in articles})} countries, "
          f"{sum(len(s['actors']) for s in sentences)} gold actors, "
          f"{sum(len(s['targets']) for s in sentences)} gold targets")
    print("kinds:", ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
