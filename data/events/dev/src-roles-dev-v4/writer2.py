#!/usr/bin/env python3
"""Role development set v4, half 2 (dvq-0101 ... dvq-0130).

Hand-written short wire articles about violence in Europe, the Americas, South, East and
Southeast Asia, Central Asia and the Caucasus. Incidents, figures, quotes, officials' names and
dates are invented. Writes set.jsonl and forms.tsv beside this script (stdlib only).

The script stops with an error when
- an actor, target or place span is not written in its article body (a place may also be the
  dateline city);
- a sentence's date does not resolve from its own words against published_at, or a realis
  sentence names a day but carries no date;
- two sentences (or titles) share a run of 6 words;
- the REPORT form counts differ from the brief (a 14, b 4, c 4, d 4, e 4) or the number of
  REPORTs that name a day is not 15.
"""
import collections
import datetime as dt
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SKEYS = ["text", "para", "realis", "category", "mode", "subtype", "actors", "targets", "place",
         "date", "negative", "form"]


def E(text, para, cat, sub, mode, actors, targets, place, date, form=(), neg=None):
    """A realis sentence (a happening, or a threat / accusation / denial made)."""
    return dict(text=text, para=para, realis=True, category=cat, mode=mode, subtype=sub,
                actors=list(actors), targets=list(targets), place=place, date=date,
                negative=neg, form=list(form))


def N(text, para, neg=None, form=()):
    """A realis-false sentence (context, background, negation ...)."""
    return dict(text=text, para=para, realis=False, category=None, mode=None, subtype=None,
                actors=[], targets=[], place=None, date=None, negative=neg, form=list(form))


# Each article: id, country, published_at, dateline, title, index of THE REPORT, its form, sentences.
ARTICLES = [
    # ------------------------------------------------------------------ form a (14)
    ("dvq-0101", "UA", "2026-10-07", "KHARKIV",
     "Drone hits city bus on Kharkiv outskirts, three commuters dead", 0, "a", [
         E("KHARKIV, Ukraine - Three commuters were killed in a Russian drone strike on a city bus "
           "on the northern outskirts of Kharkiv on Tuesday, the regional governor said.", 0,
           "ASSAULT", "AIR_STRIKE", "drone", ["Russian"], ["Three commuters", "a city bus"],
           "Kharkiv", "2026-10-06", ["lead", "passive"]),
         N("\"There was nothing left of the bus but its frame,\" said a shopkeeper whose kiosk "
           "stands at the stop.", 0, None, ["quote"]),
         E("Overnight, Russian drones also hit a grain terminal in the Odesa region, starting a "
           "fire that burned for several hours, the Odesa governor's office said.", 1,
           "ASSAULT", "AIR_STRIKE", "drone", ["Russian"], ["a grain terminal"], "Odesa region",
           None, ["multi_clause"]),
         N("Kharkiv sits some 30 km south of the border with Russia and has come under "
           "near-daily bombardment for close to four years.", 2, "background"),
     ]),
    ("dvq-0102", "UA", "2026-10-19", "DNIPRO",
     "Two energy workers killed as Russian missiles hit plant near Dnipro", 0, "a", [
         E("DNIPRO, Ukraine - Two energy workers were killed in Russia's missile barrage against "
           "a thermal power plant outside Dnipro late on Sunday, grid operator Ukrenergo said.", 0,
           "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons", ["Russia"],
           ["Two energy workers", "a thermal power plant"], "Dnipro", "2026-10-18",
           ["lead", "passive", "possessive"]),
         E("Emergency crews rescued a third worker from under the collapsed roof of a turbine hall, "
           "the company added.", 0, "AID", "OTHER", "assist", ["Emergency crews"],
           ["a third worker"], "Dnipro", None),
         E("Energy Minister Taras Hrytsenko accused Moscow of trying to plunge Ukrainian cities "
           "into darkness before the first frosts.", 1, "ACCUSE", "ATTRIB", "allege",
           ["Taras Hrytsenko"], ["Moscow"], None, None, [], "allegation"),
         N("Russia's defence ministry did not comment on the strike.", 1, "negation"),
     ]),
    ("dvq-0103", "RU", "2026-10-23", "BELGOROD",
     "Woman wounded as drone hits car in Russia's Belgorod region", 0, "a", [
         E("BELGOROD, Russia - A woman was wounded in a Ukrainian drone attack on a car near the "
           "border town of Shebekino on Thursday, local officials said.", 0,
           "ASSAULT", "AIR_STRIKE", "drone", ["Ukrainian"], ["A woman", "a car"], "Shebekino",
           "2026-10-22", ["lead", "passive"]),
         N("Her husband, who was at the wheel, escaped with cuts and bruises.", 0),
         E("Ukrainian artillery also damaged a power line in the village of Nekhoteevka, leaving "
           "about 2,000 homes without electricity, the officials added.", 1,
           "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons", ["Ukrainian"], ["a power line"],
           "Nekhoteevka", None, ["multi_clause"]),
         N("There was no comment from Kyiv, which says its strikes on Russian soil are aimed at "
           "military and energy targets.", 2, "negation"),
     ]),
    ("dvq-0104", "AM", "2026-11-12", "YEREVAN",
     "Armenian farmer wounded by sniper fire near Azerbaijan border", 0, "a", [
         E("YEREVAN - A farmer was wounded by Azerbaijani sniper fire while harvesting potatoes "
           "near the village of Sotk in Gegharkunik province, Armenia's Defence Ministry said.", 0,
           "ASSAULT", "ATTACK", "firearms", ["Azerbaijani"], ["A farmer"], "Sotk", None,
           ["lead", "passive"]),
         N("The man, 52, was in a stable condition in a Yerevan hospital, the ministry added.", 0),
         E("Azerbaijan's Defence Ministry rejected the accusation, calling it a provocation meant "
           "to derail the peace process.", 1, "REJECT", "ATTRIB", None,
           ["Azerbaijan's Defence Ministry"], [], None, None, [], "denial"),
         N("It said its units had not opened fire in that sector.", 1, "denial", ["pronoun"]),
         N("Armenia and Azerbaijan initialled a peace treaty last year, but shooting along the "
           "frontier has flared up from time to time.", 2, "background"),
     ]),
    ("dvq-0105", "TR", "2026-10-29", "ANKARA",
     "Two Islamic State suspects killed in Turkish security operation", 0, "a", [
         E("ANKARA - Two suspected Islamic State militants were killed during a gendarmerie "
           "operation in a rural district of Mardin province, the Interior Ministry said.", 0,
           "ASSAULT", "ARMED_CLASH", "firearms", ["gendarmerie"],
           ["Two suspected Islamic State militants"], "Mardin province", None,
           ["lead", "passive"]),
         E("Gendarmes seized two Kalashnikov rifles, an explosives vest and hand grenades at the "
           "farmhouse where the men had been hiding, it added.", 0,
           "COERCE", "DISR_WEAP", "seize", ["Gendarmes"], [], "Mardin province", None),
         E("Separately, police detained 31 people in dawn raids across Istanbul on suspicion of "
           "raising money for the group.", 1, "COERCE", "ARREST", "arrest", ["police"],
           ["31 people"], "Istanbul", None),
         N("Turkey has carried out frequent raids against Islamic State cells since a string of "
           "bombings by the group in 2015 and 2016 killed hundreds of people.", 2, "background"),
     ]),
    ("dvq-0106", "CO", "2026-11-03", "BOGOTA",
     "ELN drone attack on police station kills two officers in Colombia", 0, "a", [
         E("BOGOTA - Two police officers were killed in an ELN drone attack on a police station in "
           "the town of Tame, in eastern Arauca department, early on Monday, Colombia's defence "
           "minister said.", 0, "ASSAULT", "AIR_STRIKE", "drone", ["ELN"],
           ["Two police officers", "a police station"], "Tame", "2026-11-02",
           ["lead", "passive"]),
         E("Defence Minister Andres Valbuena denounced the ELN, calling the attack \"an act of "
           "pure cowardice\" against a town full of families.", 0, "ACCUSE", "DIPLO", None,
           ["Andres Valbuena"], ["ELN"], None, None, ["quote"]),
         E("Near Saravena, soldiers clashed with FARC dissidents and killed one fighter, the army "
           "said in a separate statement.", 1, "ASSAULT", "ARMED_CLASH", "firearms",
           ["soldiers"], ["FARC dissidents"], "Saravena", None, ["multi_clause"]),
         N("The ELN, the largest guerrilla group still active in Colombia, has stepped up attacks "
           "in Arauca since peace talks with the government broke down in January 2025.", 2,
           "background", ["apposition"]),
     ]),
    ("dvq-0107", "MX", "2026-10-14", "CULIACAN",
     "Six suspected gunmen killed in army operation in Mexico's Sinaloa", 0, "a", [
         E("CULIACAN, Mexico - Six suspected cartel gunmen were killed during an army operation "
           "on the southern edge of Culiacan, the Sinaloa state security office said.", 0,
           "ASSAULT", "ARMED_CLASH", "firearms", ["army"], ["Six suspected cartel gunmen"],
           "Culiacan", None, ["lead", "passive"]),
         E("Troops seized eight assault rifles, a .50-calibre machine gun and four armoured "
           "pickups at the ranch where the shootout took place, the office added.", 0,
           "COERCE", "DISR_WEAP", "seize", ["Troops"], [], "Culiacan", None),
         E("Near the town of Navolato, gunmen torched three lorries and a bus, the state "
           "government said.", 1, "COERCE", "ORG_CRIME", None, ["gunmen"],
           ["three lorries", "a bus"], "Navolato", None),
         N("Culiacan has been gripped by fighting between rival factions of the Sinaloa Cartel "
           "since September 2024, a war that has left more than 2,000 people dead.", 2,
           "background"),
     ]),
    ("dvq-0108", "HT", "2026-11-09", "PORT-AU-PRINCE",
     "Gang raid kills at least seven in hills above Haitian capital", 0, "a", [
         E("PORT-AU-PRINCE - At least seven people were killed overnight in a Viv Ansanm raid in "
           "Kenscoff, a hillside commune above Haiti's capital, the town's mayor said.", 0,
           "COERCE", "ORG_CRIME", None, ["Viv Ansanm"], ["people"], "Kenscoff", None,
           ["lead", "passive", "apposition"]),
         E("Gunmen set fire to around 20 houses and a health centre as residents fled on foot "
           "towards Petion-Ville, he said.", 0, "COERCE", "ORG_CRIME", None, ["Gunmen"],
           ["houses", "a health centre"], "Kenscoff", None, ["multi_clause"]),
         E("Haitian police fought the gang for several hours near the commune's main market "
           "before it pulled back, a police spokesman said.", 1, "ASSAULT", "ARMED_CLASH",
           "firearms", ["Haitian police"], ["Viv Ansanm"], "Kenscoff", None,
           ["pronoun", "multi_clause"]),
         N("\"We have nowhere left to run,\" said a mother of three who reached Petion-Ville with "
           "her children.", 1, None, ["quote"]),
         N("The United Nations says more than 1.4 million Haitians have been driven from their "
           "homes by gang violence.", 2, "statistic"),
     ]),
    ("dvq-0109", "EC", "2026-10-26", "GUAYAQUIL",
     "Grenade attack on prison checkpoint wounds four guards in Ecuador", 0, "a", [
         E("GUAYAQUIL, Ecuador - Four prison guards were wounded in a Los Lobos grenade attack on "
           "a checkpoint outside the Litoral penitentiary in Guayaquil, prison agency SNAI said.",
           0, "ASSAULT", "GRENADE", "explosives", ["Los Lobos"],
           ["Four prison guards", "a checkpoint"], "Guayaquil", None, ["lead", "passive"]),
         E("Police later arrested a 19-year-old suspect in the nearby Socio Vivienda "
           "neighbourhood.", 0, "COERCE", "ARREST", "arrest", ["Police"],
           ["a 19-year-old suspect"], "Socio Vivienda", None),
         E("The gang denied any role in a message circulated on social media.", 1,
           "REJECT", "ATTRIB", None, ["Los Lobos"], [], None, None, ["pronoun"], "denial"),
         N("Los Lobos, which Washington designated a terrorist organisation in 2025, is fighting "
           "rival gangs for control of cocaine routes through Ecuador's ports.", 2, "background",
           ["apposition"]),
     ]),
    ("dvq-0110", "MM", "2026-10-10", "YANGON",
     "Junta air strikes on monastery kill villagers sheltering in Sagaing", 0, "a", [
         E("YANGON - At least 14 villagers sheltering from fighting were killed in the junta's "
           "air strikes on a Buddhist monastery in Kani township of Sagaing region on 8 October, "
           "residents and a local resistance group said.", 0, "ASSAULT", "AIR_STRIKE", "aerial",
           ["junta"], ["villagers", "a Buddhist monastery"], "Kani township", "2026-10-08",
           ["lead", "passive", "possessive"]),
         N("Four children and an elderly abbot were among the dead, according to a resident who "
           "helped bury the bodies.", 0),
         N("A spokesman for Myanmar's military government did not answer calls seeking comment.",
           1, "negation"),
         N("The army has leaned increasingly on air power since losing swathes of territory to "
           "rebel alliances from late 2023 onward.", 2, "background"),
     ]),
    ("dvq-0111", "PH", "2026-11-18", "CATARMAN",
     "Two soldiers killed in communist rebel ambush in central Philippines", 0, "a", [
         E("CATARMAN, Philippines - Two soldiers were killed in a New People's Army ambush on an "
           "army patrol in the mountains of Las Navas town, Northern Samar province, the military "
           "said.", 0, "ASSAULT", "ARMED_CLASH", "firearms", ["New People's Army"],
           ["Two soldiers", "an army patrol"], "Las Navas", None, ["lead", "passive"]),
         E("Troops later recovered an M16 rifle and a backpack full of explosives at an abandoned "
           "rebel camp nearby, a brigade spokesman said.", 0, "COERCE", "DISR_WEAP", "seize",
           ["Troops"], [], "Las Navas", None),
         E("The military accused the rebels of breaking international humanitarian law by "
           "setting off a landmine during the ambush.", 1, "ACCUSE", "ATTRIB", "allege",
           ["military"], ["New People's Army"], None, None, ["pronoun"], "allegation"),
         N("The communist insurgency, which began in 1969, has weakened sharply in recent years, "
           "though small units remain active on Samar island.", 2, "background"),
     ]),
    ("dvq-0112", "AF", "2026-10-28", "KABUL",
     "Taliban say Pakistani strikes killed nine civilians in Paktika", 0, "a", [
         E("KABUL - Nine civilians, including four children, were killed in Pakistani air "
           "strikes in Paktika province late on Monday, a Taliban government spokesman said.", 0,
           "ASSAULT", "AIR_STRIKE", "aerial", ["Pakistani"], ["Nine civilians"],
           "Paktika province", "2026-10-26", ["lead", "passive"]),
         E("The spokesman condemned Islamabad for the raids, calling them a breach of Afghan "
           "sovereignty.", 0, "ACCUSE", "DIPLO", None, ["Taliban government"], ["Islamabad"],
           None, None),
         E("Pakistan's military denied hitting civilians, saying the strikes had targeted "
           "hideouts of the Pakistani Taliban near the border.", 1, "REJECT", "ATTRIB", None,
           ["Pakistan's military"], [], None, None, ["multi_clause"], "denial"),
         N("Relations between the neighbours have soured since border fighting in October 2025 "
           "left dozens dead on both sides.", 2, "background"),
     ]),
    ("dvq-0113", "IN", "2026-11-05", "RAIPUR",
     "Two policemen killed in Maoist bomb blast in central India", 0, "a", [
         E("RAIPUR, India - Two policemen were killed in a Maoist IED blast along a forest track "
           "in Chhattisgarh's Bijapur district, a senior police officer said.", 0,
           "ASSAULT", "REM_EXPLOS", "explosives", ["Maoist"], ["Two policemen"],
           "Bijapur district", None, ["lead", "passive"]),
         N("The men, from the state's District Reserve Guard, were riding back from a "
           "road-opening duty on a motorcycle when the device went off, the officer said.", 0),
         E("Hours later, security forces killed three Maoist rebels in a gunfight in the "
           "neighbouring Sukma district, police said.", 1, "ASSAULT", "ARMED_CLASH", "firearms",
           ["security forces"], ["three Maoist rebels"], "Sukma district", None),
         N("The federal government had set March 2026 as the deadline for ending the decades-old "
           "insurgency, and hundreds of rebels have surrendered or been killed since 2024.", 2,
           "background"),
     ]),
    ("dvq-0114", "BD", "2026-10-16", "DHAKA",
     "Two students killed as police crack down on Dhaka protest", 0, "a", [
         E("DHAKA - Two students were killed in Dhaka on Thursday amid a police crackdown on "
           "protesters demanding lower university fees, hospital officials said.", 0,
           "COERCE", "FORCE_AGAINST_PROTEST", "repression", ["police"],
           ["Two students", "protesters"], "Dhaka", "2026-10-15", ["lead", "passive"]),
         E("Police fired tear gas and rubber bullets to clear demonstrators from the Shahbagh "
           "intersection, and at least 60 people were injured, a doctor at Dhaka Medical College "
           "Hospital said.", 0, "COERCE", "FORCE_AGAINST_PROTEST", "repression", ["Police"],
           ["demonstrators"], "Shahbagh", None, ["multi_clause"]),
         E("Protesters set fire to two police vehicles near the university campus late in the "
           "evening, police said.", 1, "PROTEST", "VIOL_DEMONSTR", "riot", ["Protesters"],
           ["two police vehicles"], "Dhaka", None),
         N("\"They shot at us as if we were criminals,\" said a second-year law student with a "
           "bandaged arm.", 1, None, ["quote"]),
         N("Student-led protests toppled the government of Sheikh Hasina in August 2024.", 2,
           "background"),
     ]),
    # ------------------------------------------------------------------ form b (4)
    ("dvq-0115", "AF", "2026-11-07", "HERAT",
     "Gunmen kill five worshippers at Shi'ite mosque in western Afghanistan", 0, "b", [
         E("HERAT, Afghanistan - Five worshippers were shot dead in a raid by gunmen on a Shi'ite "
           "mosque in Herat's Guzara district on Friday, the provincial police spokesman said.", 0,
           "ASSAULT", "ATTACK", "firearms", ["gunmen"], ["Five worshippers", "a Shi'ite mosque"],
           "Guzara district", "2026-11-06", ["lead", "passive"]),
         E("Seven others were wounded, the spokesman said, adding that the attackers escaped on "
           "motorcycles.", 0, "ASSAULT", "ATTACK", "firearms", ["gunmen"], ["Seven others"],
           "Guzara district", None, ["passive", "multi_clause"]),
         E("Taliban security forces arrested four suspects in the village of Siavashan hours after "
           "the shooting.", 1, "COERCE", "ARREST", "arrest", ["Taliban security forces"],
           ["four suspects"], "Siavashan", None),
         N("No group immediately claimed responsibility, but Islamic State's Khorasan branch has "
           "repeatedly attacked Afghanistan's Shi'ite Hazara minority.", 2, "negation"),
     ]),
    ("dvq-0116", "PK", "2026-10-21", "PESHAWAR",
     "Suicide bomber kills seven police at checkpoint in northwest Pakistan", 0, "b", [
         E("PESHAWAR, Pakistan - Seven police officers were killed in a suicide bombing by the "
           "Pakistani Taliban at a checkpoint on the outskirts of Bannu, a district police "
           "officer said.", 0, "ASSAULT", "SUIC_BOMB", "suicide-bomb", ["Pakistani Taliban"],
           ["Seven police officers", "a checkpoint"], "Bannu", None, ["lead", "passive"]),
         E("The group said in a statement that one of its fighters had carried out the "
           "bombing.", 0, "ACCUSE", "ATTRIB", None, ["Pakistani Taliban"], [], None, None,
           ["pronoun"]),
         E("Islamabad accused Afghanistan's Taliban government of giving the militants safe haven "
           "across the border.", 1, "ACCUSE", "ATTRIB", "allege", ["Islamabad"],
           ["Afghanistan's Taliban government"], None, None, [], "allegation"),
         N("Militant attacks in Khyber Pakhtunkhwa province have surged since the TTP ended a "
           "ceasefire with the government in November 2022.", 2, "background"),
     ]),
    ("dvq-0117", "CO", "2026-10-31", "POPAYAN",
     "Six farmworkers shot dead in Colombia's Cauca, officials blame FARC dissidents", 0, "b", [
         E("POPAYAN, Colombia - Six farmworkers were shot dead on Wednesday in a massacre by FARC "
           "dissidents at a farm near the town of Argelia, in the southwestern department of "
           "Cauca, the governor's office said.", 0, "ASSAULT", "ATTACK", "firearms",
           ["FARC dissidents"], ["Six farmworkers"], "Argelia", "2026-10-28",
           ["lead", "passive"]),
         N("The victims had refused to pay a levy on their harvest, the office said, citing "
           "survivors.", 0),
         E("Troops killed two FARC dissidents in a firefight in the nearby El Plateado area on "
           "Thursday, Colombia's army said.", 1, "ASSAULT", "ARMED_CLASH", "firearms", ["Troops"],
           ["two FARC dissidents"], "El Plateado", "2026-10-29"),
         N("Dissident factions that rejected the 2016 peace accord now control large parts of "
           "Cauca's mountains.", 2, "background"),
     ]),
    ("dvq-0118", "ID", "2026-11-14", "JAYAPURA",
     "Papuan rebels kill two road workers in Indonesia's Intan Jaya", 0, "b", [
         E("JAYAPURA, Indonesia - Two construction workers were shot dead in an ambush by "
           "separatist rebels on a road-building crew in Papua's Intan Jaya regency, a military "
           "spokesman said.", 0, "ASSAULT", "ATTACK", "firearms", ["separatist rebels"],
           ["Two construction workers", "a road-building crew"], "Intan Jaya regency", None,
           ["lead", "passive"]),
         E("The West Papua National Liberation Army, the armed wing of the Free Papua Movement, "
           "said its men were behind the killing and accused the workers of spying for "
           "the military.", 0, "ACCUSE", "ATTRIB", None,
           ["West Papua National Liberation Army"], [], None, None,
           ["apposition", "multi_clause"]),
         E("Indonesian troops later raided a rebel camp in the area, killing one fighter, the "
           "spokesman said.", 1, "ASSAULT", "ARMED_CLASH", "firearms", ["Indonesian troops"],
           ["a rebel camp", "one fighter"], "Intan Jaya regency", None, ["multi_clause"]),
         N("Separatists in Papua have waged a low-level insurgency since the region came under "
           "Indonesian control in the 1960s.", 2, "background"),
     ]),
    # ------------------------------------------------------------------ form c (4)
    ("dvq-0119", "UA", "2026-11-20", "NIKOPOL",
     "Shelling kills two in Ukraine's Nikopol, wounds woman", 1, "c", [
         E("NIKOPOL, Ukraine - Russian forces shelled the centre of Nikopol with heavy artillery "
           "from across the Dnipro river on Thursday.", 0, "ASSAULT", "ART_MISS_ATTACK",
           "heavy-weapons", ["Russian forces"], ["Nikopol"], "Nikopol", "2026-11-19", ["lead"]),
         E("Two men were killed and a woman was wounded near the central market, the head of the "
           "district military administration said.", 0, "ASSAULT", "ART_MISS_ATTACK",
           "heavy-weapons", ["Russian forces"], ["Two men", "a woman"], "Nikopol", None,
           ["passive", "coordination"]),
         E("In the nearby town of Marhanets, a Russian drone hit a fire engine, injuring two "
           "rescuers, regional officials said.", 1, "ASSAULT", "AIR_STRIKE", "drone", ["Russian"],
           ["a fire engine", "two rescuers"], "Marhanets", None, ["multi_clause"]),
         N("Russian troops have pounded Nikopol from positions around the occupied Zaporizhzhia "
           "nuclear plant on the opposite bank since 2022.", 2, "background"),
     ]),
    ("dvq-0120", "TH", "2026-10-15", "PATTANI",
     "Bomb kills two rangers in Thailand's insurgency-hit south", 1, "c", [
         E("PATTANI, Thailand - Separatist insurgents detonated a roadside bomb beside a rubber "
           "plantation in Nong Chik district on Wednesday as a ranger patrol passed.", 0,
           "ASSAULT", "REM_EXPLOS", "explosives", ["Separatist insurgents"], ["a ranger patrol"],
           "Nong Chik district", "2026-10-14", ["lead", "multi_clause"]),
         E("Two rangers were killed in the blast, the provincial police chief said.", 0,
           "ASSAULT", "REM_EXPLOS", "explosives", ["Separatist insurgents"], ["Two rangers"],
           "Nong Chik district", None, ["passive"]),
         E("Hours later, gunmen on a motorcycle shot dead a village headman in neighbouring Yala "
           "province, police said.", 1, "ASSAULT", "ATTACK", "firearms", ["gunmen"],
           ["a village headman"], "Yala province", None),
         N("The insurgency in the Malay-Muslim south has claimed upwards of 7,000 lives "
           "over two decades.", 2, "background"),
     ]),
    ("dvq-0121", "MX", "2026-11-02", "SALAMANCA",
     "Nine shot dead at party in Mexico's Guanajuato", 0, "c", [
         E("SALAMANCA, Mexico - Nine people were shot dead at a family party in the city of "
           "Salamanca late on Saturday, the Guanajuato state prosecutor's office said.", 0,
           "ASSAULT", "ATTACK", "firearms", [], ["Nine people"], "Salamanca", "2026-10-31",
           ["lead", "passive"]),
         E("Five more guests, including a 14-year-old girl, were wounded, it said.", 0,
           "ASSAULT", "ATTACK", "firearms", [], ["Five more guests"], "Salamanca", None,
           ["passive"]),
         N("Guanajuato has been Mexico's most violent state for several years, as the Santa Rosa "
           "de Lima cartel fights the Jalisco New Generation Cartel over fuel theft and drug "
           "routes.", 1, "background"),
         N("Investigators have made no arrests so far.", 1, "negation"),
     ]),
    ("dvq-0122", "PK", "2026-10-09", "QUETTA",
     "Roadside bomb kills three in Pakistan's Balochistan", 0, "c", [
         E("QUETTA, Pakistan - Three people were killed when a roadside bomb tore through a "
           "passenger van near the town of Mach in Bolan district, according to local police.", 0,
           "ASSAULT", "REM_EXPLOS", "explosives", [], ["Three people", "a passenger van"],
           "Mach", None, ["lead", "passive"]),
         N("Two children were among the dead, a police official said.", 0),
         N("No group claimed responsibility, though ethnic Baloch separatists often target "
           "traffic on the highway.", 1, "negation"),
         E("In a separate operation, paramilitary Frontier Corps troops shot dead four militants "
           "during a raid on a hideout in Kalat district, according to the military.", 1,
           "ASSAULT", "ARMED_CLASH", "firearms", ["Frontier Corps troops"],
           ["four militants", "a hideout"], "Kalat district", None),
     ]),
    # ------------------------------------------------------------------ form d (4)
    ("dvq-0123", "UA", "2026-11-13", "ZAPORIZHZHIA",
     "Russian glide bombs hit Zaporizhzhia apartment block, killing three", 0, "d", [
         E("ZAPORIZHZHIA, Ukraine - A Russian glide bomb attack on a residential block in "
           "Zaporizhzhia killed three people on Thursday, the regional governor said.", 0,
           "ASSAULT", "AIR_STRIKE", "aerial", ["Russian"], ["a residential block", "three people"],
           "Zaporizhzhia", "2026-11-12", ["lead"]),
         E("Rescuers pulled a six-year-old boy alive from the rubble of the nine-storey building "
           "late in the evening, the State Emergency Service said.", 0, "AID", "OTHER", "assist",
           ["Rescuers"], ["a six-year-old boy"], "Zaporizhzhia", None),
         E("Ukraine's foreign ministry accused Moscow of deliberately targeting homes as winter "
           "approaches.", 1, "ACCUSE", "ATTRIB", "allege", ["Ukraine's foreign ministry"],
           ["Moscow"], None, None, [], "allegation"),
         E("Russia's defence ministry rejected the charge, saying its aircraft had hit a drone "
           "workshop in the city.", 1, "REJECT", "ATTRIB", None, ["Russia's defence ministry"],
           [], None, None, ["multi_clause"], "denial"),
     ]),
    ("dvq-0124", "RU", "2026-10-04", "NOVOROSSIYSK",
     "Drone strike sets oil terminal ablaze in Russia's Novorossiysk", 0, "d", [
         E("NOVOROSSIYSK, Russia - A Ukrainian drone strike on an oil terminal in the Black Sea "
           "port of Novorossiysk wounded two workers and set a storage tank ablaze, local "
           "authorities said.", 0, "ASSAULT", "AIR_STRIKE", "drone", ["Ukrainian"],
           ["an oil terminal", "two workers"], "Novorossiysk", None, ["lead", "coordination"]),
         N("Tanker loadings at the terminal were suspended while the damage was assessed, a port "
           "official said.", 0),
         E("A senior Russian lawmaker, Pavel Kuznetsov, warned that Moscow would retaliate "
           "against Ukrainian ports for the attack.", 1, "THREATEN", "DIPLO", None,
           ["Pavel Kuznetsov"], ["Ukrainian ports"], None, None, ["apposition"], "threat"),
         N("Ukraine has repeatedly hit Russian refineries and export terminals since 2024 in an "
           "effort to cut Moscow's energy revenues.", 2, "background"),
     ]),
    ("dvq-0125", "IN", "2026-10-24", "JAMMU",
     "Pakistani shelling kills two villagers in Kashmir's Poonch, India says", 0, "d", [
         E("JAMMU, India - A Pakistani mortar barrage on border villages in the Poonch sector "
           "killed two civilians and damaged a school, Indian army officials said.", 0,
           "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons", ["Pakistani"],
           ["border villages", "two civilians", "a school"], "Poonch", None,
           ["lead", "coordination"]),
         E("Indian troops answered with artillery fire on Pakistani army posts across the Line "
           "of Control, the officials added.", 0, "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons",
           ["Indian troops"], ["Pakistani army posts"], "Line of Control", None),
         E("Pakistan's military accused India of starting the exchange and said two of its "
           "soldiers had been wounded.", 1, "ACCUSE", "ATTRIB", "allege", ["Pakistan's military"],
           ["India"], None, None, ["multi_clause"], "allegation"),
         N("The two nuclear-armed neighbours fought a brief air war in May 2025 before agreeing "
           "to a ceasefire.", 2, "background"),
     ]),
    ("dvq-0126", "BR", "2026-11-25", "RIO DE JANEIRO",
     "Gang attack on police patrol in Rio wounds two officers", 0, "d", [
         E("RIO DE JANEIRO - A Comando Vermelho gun attack on a military police patrol in the "
           "Mare favela complex wounded two officers on 23 November, the state security "
           "department said.", 0, "ASSAULT", "ARMED_CLASH", "firearms", ["Comando Vermelho"],
           ["a military police patrol", "two officers"], "Mare", "2026-11-23", ["lead"]),
         E("Officers returned fire, killing one of the gunmen, the department said.", 0,
           "ASSAULT", "ARMED_CLASH", "firearms", ["Officers"], ["Comando Vermelho"], "Mare",
           None, ["pronoun", "multi_clause"]),
         N("Dozens of schools in the area stayed shut for the rest of the day, city education "
           "officials said.", 1),
         N("A police raid on two other Rio favelas in October 2025 left more than 120 people "
           "dead, the deadliest operation in the city's history.", 2, "background"),
     ]),
    # ------------------------------------------------------------------ form e (4)
    ("dvq-0127", "PE", "2026-10-13", "LIMA",
     "Guerrillas ambush police patrol in Peru's coca valley, killing two", 0, "e", [
         E("LIMA - Militarized Communist Party guerrillas ambushed a police patrol near Vizcatan "
           "del Ene in Peru's VRAEM valley on Monday, killing two officers, the Interior Ministry "
           "said.", 0, "ASSAULT", "ARMED_CLASH", "firearms",
           ["Militarized Communist Party guerrillas"], ["a police patrol", "two officers"],
           "Vizcatan del Ene", "2026-10-12", ["lead", "multi_clause"]),
         N("The patrol had been escorting a coca eradication team, the ministry said.", 0),
         E("Army troops later killed three of the guerrillas in a gunfight near the village of "
           "Union Mantaro, the Joint Command of the Armed Forces said.", 1,
           "ASSAULT", "ARMED_CLASH", "firearms", ["Army troops"],
           ["Militarized Communist Party guerrillas"], "Union Mantaro", None, ["pronoun"]),
         N("The group, the last armed remnant of the Shining Path, protects drug-trafficking "
           "routes in the remote valley, according to the authorities.", 2, "background",
           ["apposition"]),
     ]),
    ("dvq-0128", "PK", "2026-11-27", "TURBAT",
     "Baloch separatists claim killing of six labourers in Pakistan", 0, "e", [
         E("TURBAT, Pakistan - Balochistan Liberation Army fighters shot dead six labourers from "
           "Punjab at a construction camp in Kech district, local officials said.", 0,
           "ASSAULT", "ATTACK", "firearms", ["Balochistan Liberation Army fighters"],
           ["six labourers"], "Kech district", None, ["lead"]),
         N("The men had been building a small dam on a seasonal river, an official said.", 0),
         E("The group later claimed the attack, saying the labourers had been working on a "
           "project linked to Pakistan's army.", 1, "ACCUSE", "ATTRIB", None,
           ["Balochistan Liberation Army"], [], None, None, ["pronoun", "multi_clause"]),
         E("Balochistan's provincial government denounced the separatists, calling the killing "
           "of poor workers an act of cowardice.", 1, "ACCUSE", "DIPLO", None,
           ["Balochistan's provincial government"], ["Balochistan Liberation Army"], None, None,
           ["pronoun"]),
     ]),
    ("dvq-0129", "KG", "2026-11-26", "BATKEN",
     "Kyrgyz servicemen wounded in shooting on Tajik frontier", 0, "e", [
         E("BATKEN, Kyrgyzstan - Tajik border guards opened fire on a Kyrgyz patrol near the "
           "village of Kok-Tash on Wednesday, wounding two servicemen, Kyrgyzstan's border "
           "service said.", 0, "ASSAULT", "ARMED_CLASH", "firearms", ["Tajik border guards"],
           ["a Kyrgyz patrol", "two servicemen"], "Kok-Tash", "2026-11-25",
           ["lead", "multi_clause"]),
         N("Doctors at a Batken hospital described both men's injuries as not life-threatening, it added.", 0),
         E("The Tajik guards later withdrew from a hilltop position they had occupied overnight "
           "near Kok-Tash, the service said.", 1, "RETREAT", "NON_VIOL_TERRIT_TRANSFER",
           "territory", ["Tajik border guards"], [], "Kok-Tash", None, ["pronoun"]),
         E("Bishkek demanded an explanation from Dushanbe through diplomatic channels.", 1,
           "REQUEST", "DIPLO", None, ["Bishkek"], ["Dushanbe"], None, None),
         N("Kyrgyzstan and Tajikistan signed a treaty settling their entire border in March 2025, "
           "after deadly clashes in 2021 and 2022.", 2, "background"),
     ]),
    ("dvq-0130", "MM", "2026-11-30", "SITTWE",
     "Arakan Army raid on naval base kills four sailors in western Myanmar", 0, "e", [
         E("SITTWE, Myanmar - Arakan Army fighters attacked a naval base near Kyaukphyu early on "
           "Sunday, killing four sailors, the rebel group said.", 0, "ASSAULT", "ARMED_CLASH",
           "firearms", ["Arakan Army fighters"], ["a naval base", "four sailors"], "Kyaukphyu",
           "2026-11-29", ["lead", "multi_clause"]),
         N("Myanmar's military made no comment on the raid.", 0, "negation"),
         E("Hours later, the junta's jets bombed two villages outside Kyaukphyu, killing at least "
           "six civilians, residents said.", 1, "ASSAULT", "AIR_STRIKE", "aerial", ["junta"],
           ["two villages", "civilians"], "Kyaukphyu", None, ["possessive", "multi_clause"]),
         E("The rebels later threatened further attacks on the base unless the air strikes "
           "stopped, in a statement posted on Telegram.", 1, "THREATEN", "DIPLO", None,
           ["Arakan Army"], ["a naval base"], None, None, ["pronoun"], "threat"),
     ]),
]

# ---------------------------------------------------------------------------------- checks
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]
DAY_RE = re.compile(r"\bon (" + "|".join(DAYS) + r")\b", re.I)
DATE_RE = re.compile(r"\bon (\d{1,2}) (" + "|".join(MONTHS) + r")\b", re.I)


def day_from_words(text: str, pub: dt.date) -> list:
    """Every day the sentence's own words fix: 'on <weekday>' (also 'late on', 'early on') is
    the latest such weekday on or before pub; 'on 8 October' is that day (the year of pub)."""
    found = []
    for m in DAY_RE.finditer(text):
        back = (pub.weekday() - DAYS.index(m.group(1).lower())) % 7
        found.append(pub - dt.timedelta(days=back))
    for m in DATE_RE.finditer(text):
        d = dt.date(pub.year, MONTHS.index(m.group(2).lower()) + 1, int(m.group(1)))
        if d > pub:
            d = dt.date(pub.year - 1, d.month, d.day)
        found.append(d)
    return found


def words(text: str) -> list:
    return re.findall(r"[a-z0-9]+(?:['.,-][a-z0-9]+)*", text.lower())


def fail(msg: str) -> None:
    sys.exit(f"make_set.py: {msg}")


def check_and_build():
    out, forms_rows, runs = [], [], {}
    form_count = collections.Counter()
    dated_reports = 0
    ids = [a[0] for a in ARTICLES]
    want_ids = [f"dvq-{n:04d}" for n in range(101, 131)]
    if ids != want_ids:
        fail(f"ids must be {want_ids[0]} ... {want_ids[-1]} in order")
    for aid, country, pub_s, dateline, title, rep, form, sents in ARTICLES:
        pub = dt.date.fromisoformat(pub_s)
        if not (dt.date(2026, 10, 1) <= pub <= dt.date(2026, 11, 30)):
            fail(f"{aid}: publication day must be in October or November 2026")
        if not 3 <= len(sents) <= 5:
            fail(f"{aid}: {len(sents)} sentences (3-5 wanted)")
        if rep not in (0, 1) or not sents[rep]["realis"]:
            fail(f"{aid}: THE REPORT must be a realis lead or second sentence")
        body = "\n".join(s["text"] for s in sents)
        for k, s in enumerate(sents):
            where = f"{aid}#{k}"
            for key in ("actors", "targets"):
                for span in s[key]:
                    if span not in body:
                        fail(f"{where}: {key[:-1]} {span!r} is not written in the article")
            if s["place"] is not None and s["place"] not in body \
                    and s["place"].upper() != dateline:
                fail(f"{where}: place {s['place']!r} is not written in the article")
            days = day_from_words(s["text"], pub)
            if s["date"] is not None:
                if dt.date.fromisoformat(s["date"]) not in days:
                    fail(f"{where}: date {s['date']} does not resolve from the words "
                         f"(they give {[str(d) for d in days]})")
            elif s["realis"] and days:
                fail(f"{where}: the sentence names a day but date is null")
            if not s["realis"] and (s["category"] or s["actors"] or s["targets"] or s["place"]):
                fail(f"{where}: realis false with labels")
            # 6-word runs shared with any other sentence or title
            w = words(s["text"])
            for i in range(len(w) - 5):
                run = tuple(w[i:i + 6])
                if run in runs and runs[run] != where:
                    fail(f"{where}: shares the 6-word run {' '.join(run)!r} with {runs[run]}")
                runs[run] = where
            if len(w) > 30 and "long" not in s["form"]:
                s["form"].append("long")
            if '"' in s["text"] and "quote" not in s["form"]:
                s["form"].append("quote")
        w = words(title)
        for i in range(len(w) - 5):
            run = tuple(w[i:i + 6])
            if run in runs and runs[run] != f"{aid}#title":
                fail(f"{aid} title: shares the 6-word run {' '.join(run)!r} with {runs[run]}")
            runs[run] = f"{aid}#title"
        form_count[form] += 1
        dated_reports += sents[rep]["date"] is not None
        forms_rows.append((aid, rep, form))
        art = {"id": aid, "country": country, "published_at": pub_s, "dateline": dateline,
               "title": title, "sentences": [{k: s[k] for k in SKEYS} for s in sents]}
        out.append(art)
    want = {"a": 14, "b": 4, "c": 4, "d": 4, "e": 4}
    if dict(form_count) != want:
        fail(f"REPORT forms {dict(form_count)}, brief asks {want}")
    if dated_reports != 15:
        fail(f"{dated_reports} REPORTs name a day, brief asks 15")
    return out, forms_rows


def main() -> None:
    arts, rows = check_and_build()
    with open(HERE / "set.jsonl", "w", encoding="utf-8") as fh:
        for art in arts:
            fh.write(json.dumps(art, ensure_ascii=False) + "\n")
    with open(HERE / "forms.tsv", "w", encoding="utf-8") as fh:
        fh.write("id\treport_sentence\tform\n")
        for aid, rep, form in rows:
            fh.write(f"{aid}\t{rep}\t{form}\n")
    print(f"wrote {len(arts)} articles to {HERE / 'set.jsonl'} and {HERE / 'forms.tsv'}")


if __name__ == "__main__":
    main()
