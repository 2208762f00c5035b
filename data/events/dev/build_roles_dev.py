"""Build ``roles-dev-v1.jsonl``, the team's role development set, from the compact lines below.

Written by hand by the wirewatch helper session "roles9" (1 Dec 2026) for the role readings
(who did what to whom): targets of transitive verbs and their passives, "against X" / "on X",
possessives and appositions, coordination, security forces and government bodies named with
their country, definite descriptions and pronouns that point back to a name. Real countries,
towns, forces and institutions; invented events, figures and 2026 dates. Nothing was copied
from any article, from ``../shared/eval`` or from the frozen set (``main`` refuses a sentence
that shares an 8-word run with it). The JSONL is what is scored; this file is its source:

    python data/events/dev/build_roles_dev.py   # rewrites roles-dev-v1.jsonl beside it

Each article: (id number, country, published_at, dateline or None, title, sentences); each
sentence: (text, para, label, actors, targets, place, form), where label is a key of LABELS
(None: realis false, neutral context). A day is filled in when the sentence says "on <weekday>"
(the most recent such day on or before publication), else null.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "roles-dev-v1.jsonl"
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

LABELS = {
    "clash": ("ASSAULT", "ARMED_CLASH", "firearms"),
    "attack": ("ASSAULT", "ATTACK", "firearms"),
    "air": ("ASSAULT", "AIR_STRIKE", "aerial"),
    "drone": ("ASSAULT", "AIR_STRIKE", "drone"),
    "shell": ("ASSAULT", "ART_MISS_ATTACK", "heavy-weapons"),
    "abduct": ("ASSAULT", "ABDUCT_DISSAP", "abduct"),
    "seize": ("ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER", "territory"),
    "retake": ("ASSAULT", "GOV_REGAINS_TERIT", "territory"),
    "arrest": ("COERCE", "ARREST", "arrest"),
    "force": ("COERCE", "FORCE_AGAINST_PROTEST", "repression"),
    "disperse": ("COERCE", "PROTEST_WITH_INTER", "repression"),
    "destroy": ("COERCE", "PROPERTY_DISTRUCT", "destroy"),
    "protest": ("PROTEST", "PEACE_PROTEST", "demo"),
    "accuse": ("ACCUSE", "DIPLO", None),
    "allege": ("ACCUSE", "ATTRIB", "allege"),
    "claim": ("ACCUSE", "ATTRIB", None),
    "reject": ("REJECT", "DIPLO", None),
    "threaten": ("THREATEN", "DIPLO", None),
    "request": ("REQUEST", "DIPLO", None),
    "sanction": ("SANCTION", "DIPLO", None),
    "consult": ("CONSULT", "DIPLO", None),
    "support": ("SUPPORT", "DIPLO", None),
    "aid": ("AID", "OTHER", "assist"),
    "deploy": ("MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops"),
    "agree": ("AGREE", "AGREEMENT", None),
    "concede": ("CONCEDE", "DIPLO", None),
    "cooperate": ("COOPERATE", "DIPLO", None),
    "withdraw": ("RETREAT", "NON_VIOL_TERRIT_TRANSFER", "territory"),
}

# fmt: off
ARTICLES: list[tuple] = [
 (1, "SD", "2026-04-16", "KHARTOUM", "Army and RSF clash near El Obeid", [
  ("KHARTOUM - Sudan's army and the Rapid Support Forces clashed on Tuesday outside El Obeid, residents said.", 0, "clash", ["Sudan's army", "Rapid Support Forces"], [], "El Obeid", ["lead", "coordination", "possessive"]),
  ("The paramilitary group shelled a market in the city's eastern quarter, killing nine traders.", 0, "shell", ["Rapid Support Forces"], ["market", "traders"], "El Obeid", []),
  ("Army aircraft later bombed positions held by the RSF near the airport.", 1, "air", ["Army"], ["RSF"], "El Obeid", []),
  ("The fighting has displaced thousands of families since March.", 1, None, [], [], None, []),
 ]),
 (2, "KE", "2026-06-26", "NAIROBI", "Kenyan police fire tear gas at students", [
  ("NAIROBI - Kenyan police fired tear gas at university students marching against fee increases on Thursday.", 0, "force", ["Kenyan police"], ["university students"], "NAIROBI", ["lead"]),
  ("Officers also beat several journalists and a photographer covering the march.", 0, "force", ["Kenyan police"], ["journalists", "photographer"], "NAIROBI", ["coordination"]),
  ("The Law Society of Kenya condemned the crackdown on the students.", 1, "accuse", ["Law Society of Kenya"], ["Kenyan police"], None, []),
  ("It urged the Interior Ministry to investigate the officers involved.", 1, "request", ["Law Society of Kenya"], ["Interior Ministry"], None, ["pronoun"]),
 ]),
 (3, "UA", "2026-03-19", "KYIV", "Russian drones hit Kharkiv power station", [
  ("KYIV - Russian forces struck a power station in Kharkiv with drones overnight, Ukraine's energy ministry said.", 0, "drone", ["Russian forces"], ["power station"], "Kharkiv", ["lead"]),
  ("Ukraine's air force said it shot down 41 of the 58 drones launched by Russia.", 0, "drone", ["Ukraine's air force"], ["drones"], None, ["pronoun", "possessive"]),
  ("Kyiv accused Moscow of deliberately targeting the grid before the spring planting season.", 1, "allege", ["Kyiv"], ["Moscow"], None, []),
  ("The Kremlin rejected the accusation.", 1, "reject", ["Kremlin"], ["Kyiv"], None, []),
 ]),
 (4, "NG", "2026-05-08", "MAIDUGURI", "Boko Haram fighters abduct farmers in Borno", [
  ("MAIDUGURI - Boko Haram fighters abducted 17 farmers from fields near Damboa on Wednesday, a local official said.", 0, "abduct", ["Boko Haram"], ["farmers"], "Damboa", ["lead"]),
  ("The militants also torched a health clinic and two granaries in the village.", 0, "destroy", ["Boko Haram"], ["health clinic", "granaries"], "Damboa", ["coordination"]),
  ("Nigerian troops later rescued six of the farmers after a gun battle with the group.", 1, "clash", ["Nigerian troops"], ["Boko Haram"], "Damboa", []),
  ("The Nigerian army did not say whether any soldiers were hurt.", 1, None, [], [], None, []),
 ]),
 (5, "PK", "2026-07-09", "PESHAWAR", "Pakistani troops raid militant hideout", [
  ("PESHAWAR - Pakistani troops raided a militant hideout in North Waziristan on Tuesday, killing seven members of the Pakistani Taliban, the army said.", 0, "clash", ["Pakistani troops"], ["Pakistani Taliban"], "North Waziristan", ["lead"]),
  ("The group, which is known as the TTP, said its fighters had ambushed the soldiers as they withdrew.", 0, "attack", ["TTP"], ["soldiers"], "North Waziristan", ["apposition", "pronoun"]),
  ("Islamabad summoned Afghanistan's charge d'affaires to protest against cross-border attacks.", 1, "accuse", ["Islamabad"], ["Afghanistan"], None, ["possessive"]),
  ("The Taliban government in Kabul denied sheltering the fighters.", 1, "reject", ["Taliban government"], ["Islamabad"], None, []),
 ]),
 (6, "CD", "2026-02-12", "GOMA", "M23 seizes town from Congolese army", [
  ("GOMA - M23 rebels seized the town of Walikale from the Congolese army on Sunday after days of fighting.", 0, "seize", ["M23"], ["Congolese army"], "Walikale", ["lead"]),
  ("The rebel group, which the UN says is backed by Rwanda, looted the town's main hospital.", 0, "destroy", ["M23"], ["hospital"], "Walikale", ["apposition"]),
  ("Congo's government accused Kigali of moving troops over the frontier to back the offensive.", 1, "allege", ["Congo's government"], ["Kigali"], None, ["possessive"]),
  ("Rwanda's foreign ministry dismissed the claim as baseless.", 1, "reject", ["Rwanda's foreign ministry"], ["Congo's government"], None, ["possessive"]),
  ("The United States imposed sanctions on two M23 commanders on Wednesday.", 2, "sanction", ["United States"], ["M23 commanders"], None, []),
 ]),
 (7, "MM", "2026-09-10", None, "Myanmar junta jets bomb Sagaing village", [
  ("Myanmar military jets bombed a village in Sagaing region on Monday, killing at least 14 villagers, local resistance forces said.", 0, "air", ["Myanmar military"], ["village", "villagers"], "Sagaing", []),
  ("The junta's spokesman, Zaw Min Tun, said the air force had targeted a training camp of the People's Defence Forces.", 0, "air", ["air force"], ["People's Defence Forces"], None, ["apposition", "possessive"]),
  ("The National Unity Government called on ASEAN to suspend the junta from its meetings.", 1, "request", ["National Unity Government"], ["ASEAN"], None, []),
  ("Thailand and Malaysia condemned the bombing.", 1, "accuse", ["Thailand", "Malaysia"], ["Myanmar military"], None, ["coordination"]),
 ]),
 (8, "IQ", "2026-10-15", "BAGHDAD", "Iraqi security forces arrest protest organisers", [
  ("BAGHDAD - Iraqi security forces arrested 23 protest organisers in Nasiriyah on Tuesday, activists said.", 0, "arrest", ["Iraqi security forces"], ["protest organisers"], "Nasiriyah", ["lead"]),
  ("The detainees were taken by the forces to a base outside the city.", 0, "arrest", ["Iraqi security forces"], ["detainees"], "Nasiriyah", ["passive"]),
  ("Hundreds of demonstrators then marched on the provincial council to demand their release.", 1, "protest", ["demonstrators"], ["provincial council"], "Nasiriyah", []),
  ("Riot police dispersed the crowd with batons and water cannon.", 1, "force", ["Riot police"], ["demonstrators"], "Nasiriyah", ["coordination"]),
 ]),
 (9, "IL", "2026-08-13", "JERUSALEM", "Israel strikes Hezbollah sites in southern Lebanon", [
  ("JERUSALEM - Israeli warplanes struck Hezbollah weapons depots in southern Lebanon on Tuesday, the Israeli military said.", 0, "air", ["Israeli warplanes"], ["Hezbollah"], "southern Lebanon", ["lead"]),
  ("Hezbollah fired rockets at an army post near Metula hours later.", 0, "shell", ["Hezbollah"], ["army post"], "Metula", []),
  ("Lebanon's prime minister, Nawaf Salam, accused Israel of violating the ceasefire.", 1, "allege", ["Nawaf Salam"], ["Israel"], None, ["apposition", "possessive"]),
  ("France urged both sides to show restraint.", 1, "request", ["France"], ["Israel", "Hezbollah"], None, []),
 ]),
 (10, "ML", "2026-04-30", "BAMAKO", "Jihadists ambush Malian convoy", [
  ("BAMAKO - Fighters of the al Qaeda-linked JNIM ambushed a Malian army convoy near Boni on Monday, killing 12 soldiers.", 0, "attack", ["JNIM"], ["Malian army convoy", "soldiers"], "Boni", ["lead"]),
  ("The convoy was attacked by the jihadists as it crossed a bridge, a security source said.", 0, "attack", ["JNIM"], ["convoy"], "Boni", ["passive"]),
  ("Mali's junta said its troops and their Russian allies killed dozens of the attackers in a counter-offensive.", 1, "clash", ["Mali's junta"], ["JNIM"], None, ["pronoun", "coordination"]),
  ("The group did not comment on the losses.", 1, None, [], [], None, []),
 ]),
 (11, "SO", "2026-11-19", "MOGADISHU", "Al Shabaab suicide attack on Mogadishu hotel", [
  ("MOGADISHU - Al Shabaab gunmen stormed a hotel near the presidential palace on Tuesday, killing at least eight people.", 0, "attack", ["Al Shabaab"], ["hotel", "people"], "MOGADISHU", ["lead"]),
  ("Somali special forces ended the siege after a six-hour gun battle with the attackers.", 0, "clash", ["Somali special forces"], ["Al Shabaab"], "MOGADISHU", []),
  ("The militant group claimed responsibility for the attack on its radio station.", 1, "claim", ["Al Shabaab"], [], None, []),
  ("The African Union mission condemned the assault on civilians.", 1, "accuse", ["African Union"], ["Al Shabaab"], None, []),
 ]),
 (12, "CO", "2026-03-05", "BOGOTA", "Colombian army clashes with ELN", [
  ("BOGOTA - Colombian soldiers clashed with ELN guerrillas in Arauca province on Tuesday, the defence ministry said.", 0, "clash", ["Colombian soldiers"], ["ELN"], "Arauca", ["lead"]),
  ("The rebels had attacked a police station in the town of Saravena the day before.", 0, "attack", ["ELN"], ["police station"], "Saravena", []),
  ("President Gustavo Petro broke off negotiations with the group.", 1, "reject", ["Gustavo Petro"], ["ELN"], None, []),
  ("The ELN's leadership accused the government of betraying the talks.", 1, "allege", ["ELN"], ["government"], None, ["possessive"]),
 ]),
 (13, "ET", "2026-06-04", "ADDIS ABABA", "Ethiopia accuses Eritrea of backing Tigrayan faction", [
  ("ADDIS ABABA - Ethiopia's foreign ministry on Tuesday accused Eritrea of arming a breakaway Tigrayan faction.", 0, "allege", ["Ethiopia's foreign ministry"], ["Eritrea"], None, ["lead", "possessive"]),
  ("Asmara rejected the charge and said Addis Ababa was preparing for war.", 0, "reject", ["Asmara"], ["Ethiopia's foreign ministry"], None, ["coordination"]),
  ("Ethiopian troops were deployed to the border near Zalambessa last week.", 1, "deploy", ["Ethiopian troops"], [], "Zalambessa", ["passive"]),
  ("The African Union called on the two countries to resume talks.", 1, "request", ["African Union"], ["Ethiopia", "Eritrea"], None, []),
 ]),
 (14, "VE", "2026-01-22", "CARACAS", "Venezuelan guards detain opposition activists", [
  ("CARACAS - Venezuelan National Guard troops detained four opposition activists at a checkpoint in Barinas on Monday.", 0, "arrest", ["Venezuelan National Guard"], ["opposition activists"], "Barinas", ["lead"]),
  ("Maria Corina Machado, the opposition leader, accused the government of kidnapping her aides.", 0, "allege", ["Maria Corina Machado"], ["government"], None, ["apposition"]),
  ("The United States and the European Union demanded the activists' release.", 1, "request", ["United States", "European Union"], ["activists"], None, ["coordination"]),
  ("Caracas expelled the Spanish ambassador two days later.", 1, "reject", ["Caracas"], ["Spanish ambassador"], None, []),
 ]),
 (15, "IN", "2026-05-21", "SRINAGAR", "Indian forces kill militants in Kashmir", [
  ("SRINAGAR - Indian security forces killed three militants in a gunfight in Kulgam district on Wednesday, police said.", 0, "clash", ["Indian security forces"], ["militants"], "Kulgam", ["lead"]),
  ("A soldier was wounded by gunfire from the militants' hideout.", 0, "clash", ["militants"], ["soldier"], "Kulgam", ["passive", "possessive"]),
  ("New Delhi blamed Pakistan for the infiltration of the gunmen.", 1, "allege", ["New Delhi"], ["Pakistan"], None, []),
  ("Pakistan's foreign office rejected the allegation as propaganda.", 1, "reject", ["Pakistan's foreign office"], ["New Delhi"], None, ["possessive"]),
 ]),
 (16, "YE", "2026-02-26", "ADEN", "Houthis fire missile at ship in Red Sea", [
  ("ADEN - Houthi forces fired a ballistic missile at a Greek-owned tanker in the Red Sea on Tuesday, the British maritime agency UKMTO said.", 0, "shell", ["Houthi forces"], ["tanker"], "Red Sea", ["lead", "apposition"]),
  ("The ship was hit by the missile but its crew was unharmed.", 0, "shell", ["Houthi forces"], ["ship"], "Red Sea", ["passive"]),
  ("US warplanes struck Houthi radar sites near Hodeidah in response.", 1, "air", ["US warplanes"], ["Houthi radar sites"], "Hodeidah", []),
  ("The Houthis' spokesman, Yahya Saree, threatened new attacks on American ships.", 1, "threaten", ["Yahya Saree"], ["American ships"], None, ["apposition", "possessive"]),
 ]),
 (17, "SY", "2026-07-23", "DAMASCUS", "Syrian government forces retake village from SDF", [
  ("DAMASCUS - Syrian government forces recaptured the village of Deir Hafer from the Syrian Democratic Forces on Monday, state media said.", 0, "retake", ["Syrian government forces"], ["Syrian Democratic Forces"], "Deir Hafer", ["lead"]),
  ("The Kurdish-led alliance said its fighters had withdrawn to avoid civilian casualties.", 0, "withdraw", ["Syrian Democratic Forces"], [], "Deir Hafer", ["pronoun"]),
  ("Turkey's defence ministry welcomed the advance.", 1, "support", ["Turkey's defence ministry"], ["Syrian government forces"], None, ["possessive"]),
  ("The United States urged Damascus and the SDF to return to talks.", 1, "request", ["United States"], ["Damascus", "SDF"], None, ["coordination"]),
 ]),
 (18, "HT", "2026-09-24", "PORT-AU-PRINCE", "Gang attack on Haitian police station", [
  ("PORT-AU-PRINCE - Gunmen of the Viv Ansanm gang coalition attacked a police station in Mirebalais on Monday, freeing more than 300 inmates.", 0, "attack", ["Viv Ansanm"], ["police station"], "Mirebalais", ["lead"]),
  ("The coalition's leader, Jimmy Cherizier, said his men would attack more stations.", 0, "threaten", ["Jimmy Cherizier"], ["stations"], None, ["apposition", "possessive"]),
  ("Haitian police and Kenyan officers of the multinational mission fought the gunmen for several hours.", 1, "clash", ["Haitian police", "Kenyan officers"], ["gunmen"], "Mirebalais", ["coordination"]),
  ("The town was retaken by the police on Wednesday.", 1, "retake", ["Haitian police"], ["Viv Ansanm"], "Mirebalais", ["passive"]),
 ]),
 (19, "RU", "2026-10-08", "MOSCOW", "Russia expels Estonian diplomat", [
  ("MOSCOW - Russia expelled an Estonian diplomat on Tuesday in retaliation for the expulsion of a Russian embassy official from Tallinn.", 0, "reject", ["Russia"], ["Estonian diplomat"], None, ["lead"]),
  ("The Russian foreign ministry summoned Estonia's ambassador to protest against the treatment of Russian speakers.", 0, "accuse", ["Russian foreign ministry"], ["Estonia"], None, ["possessive"]),
  ("Estonia's prime minister criticised the move as petty revenge.", 1, "accuse", ["Estonia's prime minister"], ["Russia"], None, ["possessive"]),
  ("The European Union voiced its support for Tallinn.", 1, "support", ["European Union"], ["Tallinn"], None, []),
 ]),
 (20, "BD", "2026-08-20", "DHAKA", "Bangladesh police charge garment workers", [
  ("DHAKA - Bangladeshi police used batons and tear gas against garment workers demanding unpaid wages in Gazipur on Wednesday.", 0, "force", ["Bangladeshi police"], ["garment workers"], "Gazipur", ["lead", "coordination"]),
  ("At least 40 workers were injured by the police, a union leader said.", 0, "force", ["Bangladeshi police"], ["workers"], "Gazipur", ["passive"]),
  ("The workers blocked the Dhaka-Mymensingh highway for three hours.", 1, "protest", ["workers"], ["Dhaka-Mymensingh highway"], "Gazipur", []),
  ("The labour ministry ordered the factory owners to pay the wages within a week.", 1, "request", ["labour ministry"], ["factory owners"], None, []),
 ]),
 (21, "AF", "2026-04-02", "KABUL", "Taliban detain aid workers", [
  ("KABUL - Taliban intelligence officers detained five Afghan employees of a British charity in Herat on Sunday.", 0, "arrest", ["Taliban"], ["Afghan employees"], "Herat", ["lead"]),
  ("The charity said its staff were arrested without explanation.", 0, None, [], [], None, []),
  ("Britain's foreign office called on the Taliban to free the aid workers.", 1, "request", ["Britain's foreign office"], ["Taliban"], None, ["possessive"]),
  ("The United Nations suspended its food distributions in the province.", 1, "sanction", ["United Nations"], [], "Herat", []),
 ]),
 (22, "PH", "2026-06-11", "MANILA", "Chinese coast guard water-cannons Philippine boat", [
  ("MANILA - A Chinese coast guard ship blasted a Philippine resupply vessel with a water cannon off Second Thomas Shoal on Monday, Manila said.", 0, "force", ["Chinese coast guard"], ["Philippine resupply vessel"], "Second Thomas Shoal", ["lead"]),
  ("The boat was rammed by the Chinese vessel and two sailors were injured.", 0, "attack", ["Chinese coast guard"], ["boat", "sailors"], "Second Thomas Shoal", ["passive", "coordination"]),
  ("The Philippines lodged a protest with Beijing over the incident.", 1, "accuse", ["Philippines"], ["Beijing"], None, []),
  ("China's foreign ministry accused Manila of provoking the confrontation.", 1, "allege", ["China's foreign ministry"], ["Manila"], None, ["possessive"]),
 ]),
 (23, "BF", "2026-12-01", "OUAGADOUGOU", "Burkina jihadists attack army base", [
  ("OUAGADOUGOU - Jihadists attacked an army base in Djibo on Saturday, killing 25 soldiers and volunteer fighters, security sources said.", 0, "attack", ["Jihadists"], ["army base", "soldiers", "volunteer fighters"], "Djibo", ["lead", "coordination"]),
  ("The assault was claimed by the Islamic State Sahel Province.", 0, "claim", ["Islamic State Sahel Province"], [], None, ["passive"]),
  ("Burkina Faso's junta leader, Ibrahim Traore, vowed to crush the group.", 1, "threaten", ["Ibrahim Traore"], ["Islamic State Sahel Province"], None, ["apposition"]),
  ("The army later bombed the militants' camps near the border with Niger.", 1, "air", ["army"], ["camps"], None, []),
 ]),
 (24, "MX", "2026-05-28", "CULIACAN", "Mexican soldiers clash with cartel gunmen", [
  ("CULIACAN - Mexican soldiers clashed with gunmen of the Sinaloa Cartel on the outskirts of Culiacan on Tuesday, killing six of them.", 0, "clash", ["Mexican soldiers"], ["Sinaloa Cartel"], "Culiacan", ["lead"]),
  ("The cartel's gunmen set fire to vehicles and blocked roads across the city.", 0, "destroy", ["Sinaloa Cartel"], ["vehicles"], "Culiacan", ["possessive", "coordination"]),
  ("The Sinaloa state government suspended classes in 12 municipalities.", 1, None, [], [], None, []),
  ("The National Guard arrested a regional cartel boss, Jose Luis Ramirez, in the raid.", 1, "arrest", ["National Guard"], ["Jose Luis Ramirez"], "Culiacan", ["apposition"]),
 ]),
 (25, "LY", "2026-03-26", "TRIPOLI", "Militias clash in Tripoli", [
  ("TRIPOLI - The Radaa militia and fighters loyal to the Stability Support Apparatus clashed in central Tripoli on Wednesday.", 0, "clash", ["Radaa", "Stability Support Apparatus"], [], "Tripoli", ["lead", "coordination"]),
  ("The two groups fought with heavy weapons near Mitiga airport, which was closed.", 0, "clash", ["Radaa", "Stability Support Apparatus"], [], "Mitiga", []),
  ("The UN mission in Libya urged the groups to stop the fighting.", 1, "request", ["UN mission"], ["Radaa", "Stability Support Apparatus"], None, []),
  ("Prime Minister Abdulhamid Dbeibah ordered army units into the capital.", 1, "deploy", ["Abdulhamid Dbeibah"], [], "Tripoli", []),
 ]),
 (26, "TR", "2026-09-17", "ANKARA", "Turkish police detain mayor", [
  ("ANKARA - Turkish police detained the mayor of Sisli, a district of Istanbul, on Tuesday over alleged links to Kurdish militants.", 0, "arrest", ["Turkish police"], ["mayor of Sisli"], "Sisli", ["lead", "apposition"]),
  ("The main opposition party, the CHP, accused the government of targeting its elected officials.", 0, "allege", ["CHP"], ["government"], None, ["apposition"]),
  ("Thousands of supporters of the party protested outside the courthouse.", 1, "protest", ["supporters"], ["courthouse"], "Istanbul", []),
  ("Police broke up the rally and detained dozens of protesters.", 1, "disperse", ["Police"], ["protesters"], "Istanbul", ["coordination"]),
 ]),
 (27, "SS", "2026-10-29", "JUBA", "South Sudan army shells opposition base", [
  ("JUBA - South Sudan's army shelled a base of the opposition SPLA-IO in Nasir county on Sunday, the opposition said.", 0, "shell", ["South Sudan's army"], ["SPLA-IO"], "Nasir", ["lead", "possessive"]),
  ("The army said it was responding to an attack on its garrison by the White Army militia.", 0, "allege", ["army"], ["White Army"], None, ["pronoun"]),
  ("The militia, a force of armed Nuer youths, denied attacking the garrison.", 1, "reject", ["White Army"], ["army"], None, ["apposition"]),
  ("Uganda sent troops to Juba to support the government.", 1, "deploy", ["Uganda"], [], "Juba", []),
 ]),
 (28, "IR", "2026-07-02", "DUBAI", "Iran seizes tanker in Gulf", [
  ("DUBAI - Iran's Revolutionary Guards seized a foreign tanker in the Gulf on Wednesday, accusing it of smuggling fuel.", 0, "seize", ["Revolutionary Guards"], ["tanker"], "Gulf", ["lead", "possessive"]),
  ("The vessel was boarded by the Guards' naval commandos near Qeshm island.", 0, "seize", ["Revolutionary Guards"], ["vessel"], "Qeshm", ["passive", "possessive"]),
  ("Washington condemned the seizure as piracy.", 1, "accuse", ["Washington"], ["Revolutionary Guards"], None, []),
  ("Tehran rejected the criticism.", 1, "reject", ["Tehran"], ["Washington"], None, []),
 ]),
 (29, "MZ", "2026-02-19", "MAPUTO", "Insurgents behead villagers in Cabo Delgado", [
  ("MAPUTO - Islamist insurgents beheaded four villagers in Macomia district on Monday, local sources said.", 0, "attack", ["Islamist insurgents"], ["villagers"], "Macomia", ["lead"]),
  ("Rwandan troops deployed in the province pursued the attackers into the forest.", 0, "clash", ["Rwandan troops"], ["Islamist insurgents"], "Macomia", []),
  ("The insurgents, known locally as al-Shabab, also burned a church and 30 homes.", 1, "destroy", ["insurgents"], ["church", "homes"], "Macomia", ["apposition", "coordination"]),
  ("Mozambique's president thanked Kigali for its help.", 1, "support", ["Mozambique's president"], ["Kigali"], None, ["possessive"]),
 ]),
 (30, "GE", "2026-11-12", "TBILISI", "Georgian riot police disperse protesters", [
  ("TBILISI - Georgian riot police turned water cannon on pro-European protesters gathered outside parliament on Monday.", 0, "force", ["Georgian riot police"], ["pro-European protesters"], "TBILISI", ["lead"]),
  ("More than 50 people were detained by the police, the interior ministry said.", 0, "arrest", ["Georgian riot police"], ["people"], "TBILISI", ["passive"]),
  ("The ruling Georgian Dream party accused the protesters of trying to stage a coup.", 1, "allege", ["Georgian Dream"], ["protesters"], None, []),
  ("The EU's foreign policy chief condemned the violence against peaceful demonstrators.", 1, "accuse", ["EU's foreign policy chief"], ["Georgian riot police"], None, ["possessive"]),
 ]),
 (31, "CN", "2026-04-23", "BEIJING", "China sanctions US defence firms", [
  ("BEIJING - China imposed sanctions on five US defence companies on Wednesday over arms sales to Taiwan.", 0, "sanction", ["China"], ["US defence companies"], None, ["lead"]),
  ("The commerce ministry said the firms would be barred from doing business with Chinese companies.", 0, None, [], [], None, []),
  ("Taiwan's foreign ministry condemned the sanctions as bullying.", 1, "accuse", ["Taiwan's foreign ministry"], ["China"], None, ["possessive"]),
  ("The State Department urged Beijing to stop pressuring Taiwan.", 1, "request", ["State Department"], ["Beijing"], None, []),
 ]),
 (32, "NE", "2026-06-18", "NIAMEY", "Niger junta suspends French broadcaster", [
  ("NIAMEY - Niger's military government suspended the French broadcaster RFI on Tuesday, accusing it of spreading false news.", 0, "sanction", ["Niger's military government"], ["RFI"], None, ["lead", "possessive"]),
  ("The broadcaster's director called the decision an attack on press freedom.", 0, "accuse", ["RFI"], ["Niger's military government"], None, ["possessive"]),
  ("Paris expressed concern and asked the junta to reverse the ban.", 1, "request", ["Paris"], ["Niger's military government"], None, ["coordination"]),
  ("The junta's spokesman, Colonel Amadou Abdramane, said the decision was final.", 1, None, [], [], None, []),
 ]),
 (33, "LB", "2026-01-15", "BEIRUT", "Lebanese army deploys in south", [
  ("BEIRUT - The Lebanese army deployed troops to five villages in the south on Monday after Israeli forces withdrew from them.", 0, "deploy", ["Lebanese army"], [], None, ["lead"]),
  ("Israeli forces pulled out of the villages under the ceasefire deal, the army said.", 0, "withdraw", ["Israeli forces"], ["villages"], None, []),
  ("Hezbollah's leader, Naim Qassem, praised the deployment.", 1, "support", ["Naim Qassem"], ["Lebanese army"], None, ["apposition", "possessive"]),
  ("Israel accused the group of keeping weapons in the area.", 1, "allege", ["Israel"], ["Hezbollah"], None, []),
 ]),
 (34, "TD", "2026-08-06", "N'DJAMENA", "Chadian army repels rebels", [
  ("N'DJAMENA - Chadian troops repelled an attack by FACT rebels on a garrison in Tibesti on Sunday, the army said.", 0, "clash", ["FACT"], ["garrison"], "Tibesti", ["lead"]),
  ("The rebels were pushed back by the army's helicopters, a military source said.", 0, "clash", ["army"], ["rebels"], "Tibesti", ["passive", "possessive"]),
  ("The rebel group accused Chad's government of using mercenaries.", 1, "allege", ["FACT"], ["Chad's government"], None, ["possessive"]),
  ("N'Djamena accused Libya's eastern authorities of sheltering the group.", 1, "allege", ["N'Djamena"], ["Libya's eastern authorities"], None, ["possessive"]),
 ]),
 (35, "PS", "2026-05-14", "GAZA", "Israeli strike hits Gaza school shelter", [
  ("GAZA - An Israeli air strike hit a school sheltering displaced families in Gaza City on Tuesday, killing 11 people, the civil defence agency said.", 0, "air", ["Israeli"], ["school", "people"], "Gaza City", ["lead"]),
  ("The Israeli military said it had targeted Hamas militants operating from the building.", 0, "air", ["Israeli military"], ["Hamas"], None, ["pronoun"]),
  ("Hamas denied the claim and called the strike a massacre.", 1, "reject", ["Hamas"], ["Israeli military"], None, ["coordination"]),
  ("Egypt and Qatar urged Israel to halt its attacks on shelters.", 1, "request", ["Egypt", "Qatar"], ["Israel"], None, ["coordination"]),
 ]),
 (36, "AM", "2026-03-12", "YEREVAN", "Armenia and Azerbaijan trade fire", [
  ("YEREVAN - Armenian and Azerbaijani troops exchanged fire along the border near Sotk on Tuesday, Armenia's defence ministry said.", 0, "clash", ["Armenian", "Azerbaijani troops"], [], "Sotk", ["lead", "coordination"]),
  ("Baku accused Yerevan of starting the shooting.", 0, "allege", ["Baku"], ["Yerevan"], None, []),
  ("The ministry said an Armenian soldier was wounded by Azerbaijani sniper fire.", 1, "attack", ["Azerbaijani"], ["Armenian soldier"], "Sotk", ["passive"]),
  ("Russia called on the two countries to respect the ceasefire.", 1, "request", ["Russia"], ["Armenia", "Azerbaijan"], None, []),
 ]),
]
# fmt: on


def _negative(label: str | None, text: str) -> str | None:
    """The hard-negative kind the conventions give a speech act (data/events/DATA.md)."""
    if label == "allege":
        return "allegation"
    if label == "threaten":
        return "threat"
    if label == "reject" and re.search(r"\b(denied|rejected|dismissed)\b", text):
        return "denial"
    return None


def _day(text: str, published: date) -> str | None:
    found = re.search(r"\bon (" + "|".join(DAYS) + r")\b", text.lower())
    if not found:
        return None
    back = (published.weekday() - DAYS.index(found.group(1))) % 7
    return (published - timedelta(days=back)).isoformat()


def build() -> list[dict]:
    out = []
    for number, country, published, dateline, title, sentences in ARTICLES:
        day = date.fromisoformat(published)
        rows = []
        for text, para, label, actors, targets, place, form in sentences:
            realis = label is not None
            cat, sub, mode = LABELS[label] if realis else (None, None, None)
            rows.append({"text": text, "para": para, "realis": realis, "category": cat, "mode": mode,
                         "subtype": sub, "actors": actors, "targets": targets, "place": place,
                         "date": _day(text, day) if realis else None,
                         "negative": _negative(label, text), "form": form})
        out.append({"id": f"dvr-{number:04d}", "country": country, "published_at": published,
                    "dateline": dateline, "title": title, "sentences": rows})
    return out


def main() -> int:
    articles = build()
    OUT.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    print(f"{OUT.name}: {len(articles)} articles, {sum(len(a['sentences']) for a in articles)} sentences")
    return 0


if __name__ == "__main__":
    sys.exit(main())
