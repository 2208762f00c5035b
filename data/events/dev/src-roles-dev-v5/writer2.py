#!/usr/bin/env python3
"""Build set.jsonl and forms.tsv (dev set v5, writer w2: dvw-0031 .. dvw-0060).

Stdlib only. Fails when a span is not written in its article, when a date does not
resolve from the words of its sentence, or when two sentences share a 6-word run.
"""
import datetime
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# helpers: N = realis false sentence, E = realis true sentence
# ---------------------------------------------------------------------------


def N(text, para, neg=None, fa="", form=None):
    return dict(text=text, para=para, realis=False, cat=None, sub=None, mode=None,
                actors=[], targets=[], place=None, date=None, neg=neg, fa=fa, form=form)


def E(text, para, cmb, actors, targets, place, date=None, neg=None, fa="", form=None):
    cat, sub, mode = (cmb.split("/") + [None])[:3]
    if mode in ("", "-"):
        mode = None
    return dict(text=text, para=para, realis=True, cat=cat, sub=sub, mode=mode,
                actors=list(actors), targets=list(targets), place=place, date=date,
                neg=neg, fa=fa, form=form)


ARTICLES = []


def A(aid, country, pub, dateline, title, sents):
    ARTICLES.append(dict(id=aid, country=country, published_at=pub, dateline=dateline,
                         title=title, sents=sents))


# ---------------------------------------------------------------------------
# articles
# ---------------------------------------------------------------------------

A("dvw-0031", "PK", "2026-10-07", "ISLAMABAD",
  "Militants storm police post in North Waziristan, bomb wounds nine near Quetta", [
      E("ISLAMABAD - Militants stormed a police post in Mir Ali, a town in the North Waziristan "
        "district, late on Monday, killing four policemen, officials said.", 0,
        "ASSAULT/ARMED_CLASH/firearms", ["Militants"], ["police post"], "Mir Ali", "2026-10-05",
        fa="a c"),
      E("The attackers fired rockets and automatic rifles at the compound for almost two hours "
        "before reinforcements drove in from a nearby fort.", 0,
        "ASSAULT/ARMED_CLASH/firearms", ["Militants"], ["compound"], "Mir Ali", fa="a"),
      E("Responsibility was claimed by the TTP, the umbrella of Pakistani Taliban factions, in a "
        "message sent to journalists.", 0, "ACCUSE/ATTRIB/-", ["TTP"], [], None, fa="h"),
      E("On Tuesday, a bomb strapped to a motorcycle went off beside a fruit stall in Kanak, a "
        "village on the road between Quetta and Mastung, wounding nine people.", 1,
        "ASSAULT/REM_EXPLOS/explosives", [], ["fruit stall"], "Kanak", "2026-10-06",
        fa="d e g"),
      N("No group has said it planted the device.", 1, "negation"),
  ])

A("dvw-0032", "AF", "2026-10-09", "KABUL",
  "Flash floods kill 14 in Afghanistan's Baghlan, families moved to tent camp", [
      E("KABUL - Flash floods swept through villages in the Nahrin district of Baghlan province "
        "on Wednesday night, killing at least 14 people and destroying hundreds of mud homes, a "
        "provincial official said.", 0,
        "AID/NATURAL_DISASTER/natural-disaster", [], [], "Nahrin", "2026-10-07", fa="a c"),
      E("Rescue teams pulled survivors from collapsed houses in the district overnight, the "
        "official added.", 0, "AID/OTHER/assist", ["Rescue teams"], ["survivors"], "Nahrin",
        fa="a"),
      E("Provincial authorities set up a tent camp for displaced families outside Pul-e-Khumri, "
        "the provincial capital, on Thursday and moved some 300 households there from Nahrin by "
        "truck.", 1, "AID/OTHER/assist", ["Provincial authorities"], ["displaced families"],
        "Pul-e-Khumri", "2026-10-08", fa="e f"),
      N("The district was hit by similar floods in 2024, when dozens died.", 1, "background"),
      E("In neighbouring Samangan province, a landslide blocked the highway near Dara-i-Suf on "
        "Thursday, stranding dozens of trucks, police said.", 2,
        "AID/NATURAL_DISASTER/natural-disaster", [], [], "Dara-i-Suf", "2026-10-08", fa="e g"),
  ])

A("dvw-0033", "IN", "2026-10-12", "SRINAGAR",
  "Curfew in Srinagar's Nowhatta after stone-pelting; two militants killed in Kulgam", [
      E("SRINAGAR - Authorities imposed a curfew in Srinagar's Nowhatta neighbourhood on Sunday "
        "after crowds pelted a police vehicle with stones, officials said.", 0,
        "COERCE/OTHER/curfew", ["Authorities"], [], "Nowhatta", "2026-10-11", fa="b c"),
      E("Armed police patrolled the area on foot and checked the identity papers of passers-by.",
        0, "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["Armed police"], [], "Nowhatta", fa="c"),
      E("Further south, troops and police killed two militants in a gunfight at Redwani, a "
        "village in Kulgam district, late on Saturday, an army spokesman said.", 1,
        "ASSAULT/ARMED_CLASH/firearms", ["troops", "police"], ["militants"], "Redwani",
        "2026-10-10", fa="d g"),
      N("Kulgam has seen a rise in such operations since the summer, according to police "
        "figures.", 1, "statistic"),
      N("Militant groups did not comment.", 1, "negation"),
  ])

A("dvw-0034", "BD", "2026-10-14", "DHAKA",
  "Fire destroys Rohingya shelters near Cox's Bazar; 11 held over blaze", [
      E("DHAKA - A fire tore through the Balukhali refugee camp near Cox's Bazar early on "
        "Monday, destroying about 400 bamboo shelters, officials said.", 0,
        "AID/MAN_MADE_DISASTER/man-made-disaster", [], [], "Balukhali", "2026-10-12",
        fa="a c e"),
      N("No deaths were reported, the refugee commissioner's office said.", 0, "negation"),
      E("Police in Ukhia, the sub-district that includes the camp, arrested 11 men on Tuesday on "
        "suspicion of starting the blaze.", 1, "COERCE/ARREST/arrest", ["Police"], ["men"],
        "Ukhia", "2026-10-13", fa="g"),
      E("Officers said the suspects belonged to an armed group that runs extortion rackets in "
        "the settlement.", 1, "ACCUSE/ATTRIB/allege", ["Officers"], ["suspects"], None,
        neg="allegation", fa="h"),
      E("In Dhaka, several hundred refugee-rights activists marched from the National Press Club "
        "to the Shahbagh intersection on Tuesday to demand better fire protection in the camps.",
        2, "PROTEST/PEACE_PROTEST/demo", ["refugee-rights activists"], [], "Dhaka",
        "2026-10-13", fa="b f"),
  ])

A("dvw-0035", "MM", "2026-10-20", "BANGKOK",
  "Arakan Army overruns Kyaukphyu; jets bomb Sagaing monastery", [
      E("BANGKOK - Arakan Army fighters took the remaining outposts of Myanmar's military in the "
        "Rakhine coastal town of Kyaukphyu on Sunday, ending a siege that had dragged on for "
        "weeks, according to people living there.", 0, "ASSAULT/NON_STATE_ACTOR_OVERTAKES_TER/territory", ["Arakan Army"],
        ["Myanmar's military"], "Kyaukphyu", "2026-10-18", fa="a"),
      E("Soldiers and their families withdrew by sea from the town's naval base towards Sittwe, "
        "the state capital, a resident told reporters by phone.", 0,
        "RETREAT/NON_VIOL_TERRIT_TRANSFER/territory", ["Soldiers"], [], "Kyaukphyu", fa="a f"),
      N("Junta spokesmen could not be reached by telephone.", 0, "negation"),
      E("Separately, Myanmar air force jets bombed a monastery in Pazigyi, a village in Sagaing "
        "region's Kanbalu township, on Monday, killing seven people sheltering there, a local "
        "relief group said.", 1, "ASSAULT/AIR_STRIKE/aerial", ["Myanmar air force"],
        ["monastery"], "Pazigyi", "2026-10-19", fa="d g"),
      N("The junta says it targets only armed resistance fighters.", 1, "denial"),
  ])

A("dvw-0036", "PH", "2026-10-23", "MANILA",
  "Philippine troops kill three NPA rebels in Negros; 17 guerrillas surrender in Bukidnon", [
      E("MANILA - Philippine army troops clashed with New People's Army guerrillas in the hills "
        "above Magballo, a village in Kabankalan City on the island of Negros, on Wednesday, "
        "leaving three rebels dead, the military said.", 0, "ASSAULT/ARMED_CLASH/firearms",
        ["Philippine army troops"], ["New People's Army guerrillas"], "Magballo", "2026-10-21",
        fa="a d"),
      E("Soldiers recovered four rifles and a grenade launcher from the site after the "
        "shooting stopped.", 0, "COERCE/DISR_WEAP/seize", ["Soldiers"], ["rifles"], "Magballo",
        fa="a d"),
      E("In Bukidnon province on Mindanao, 17 rebels walked out of the forest on Thursday and "
        "surrendered to an army battalion at its camp in Impasug-ong town, bringing their "
        "weapons with them.", 1, "RETREAT/AGREEMENT/-", ["rebels"], ["army battalion"],
        "Impasug-ong", "2026-10-22", fa="c g"),
      E("Rebel spokesman Ka Lando Ibarra dismissed the surrender as a fabrication staged by the "
        "army.", 1, "REJECT/ATTRIB/-", ["Ka Lando Ibarra"], [], None, neg="denial", fa="h"),
  ])

A("dvw-0037", "ID", "2026-11-03", "JAKARTA",
  "Papua rebels kill two workers near Sugapa; students rally in Jayapura", [
      E("JAKARTA - Gunmen from a separatist group shot dead two construction workers building a "
        "bridge near Sugapa, the main town of Intan Jaya regency in Central Papua, on Saturday, "
        "police said.", 0, "ASSAULT/ATTACK/firearms", ["Gunmen"], ["construction workers"],
        "Sugapa", "2026-10-31", fa="a e"),
      E("The West Papua National Liberation Army, which fights for the Free Papua Movement, "
        "alleged that both victims had passed information to soldiers.", 0, "ACCUSE/ATTRIB/allege",
        ["West Papua National Liberation Army"], ["construction workers"], None,
        neg="allegation", fa="h"),
      E("Indonesian troops were flown into the area on Sunday to hunt for the attackers.", 0,
        "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["Indonesian troops"], [], "Sugapa",
        "2026-11-01", fa="a f"),
      E("In Jayapura, several hundred students marched to the provincial legislature on Monday "
        "to demand the withdrawal of soldiers from the highlands.", 1,
        "PROTEST/PEACE_PROTEST/demo", ["students"], [], "Jayapura", "2026-11-02", fa="g"),
      E("Police blocked the march at Abepura, a suburb of the city, and detained 12 students, a "
        "rights lawyer said.", 1, "COERCE/PROTEST_WITH_INTER/repression", ["Police"],
        ["students"], "Abepura", fa="c"),
  ])

A("dvw-0038", "TH", "2026-11-05", "YALA",
  "Bomb outside gold shop wounds four in Yala; headman shot dead in Narathiwat", [
      E("YALA, Thailand - A bomb hidden in a rubbish bin exploded outside a gold shop near "
        "Yala's railway station on Wednesday evening, wounding four people, police said.", 0,
        "ASSAULT/REM_EXPLOS/explosives", [], ["gold shop"], "Yala", "2026-11-04", fa="b c"),
      N("Investigators believe the device was set off with a mobile phone.", 0),
      E("Earlier, in Narathiwat province's Rueso district, a village headman was gunned down "
        "outside a mosque on Wednesday afternoon by gunmen who escaped on a motorcycle.", 1,
        "ASSAULT/ATTACK/firearms", ["gunmen"], ["village headman"], "Rueso", "2026-11-04",
        fa="c g"),
      E("Soldiers sealed off roads leading out of the district and searched houses through the "
        "night.", 1, "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["Soldiers"], [], "Rueso", fa="c"),
      N("Separatist insurgents have waged a campaign in the Muslim-majority southern provinces "
        "since 2004, and more than 7,000 people have died.", 2, "background"),
  ])

A("dvw-0039", "MX", "2026-11-07", "MEXICO CITY",
  "Cartel gunmen torch buses in Culiacan; Mexico flies in 600 more troops", [
      E("MEXICO CITY - Gunmen set fire to buses and trucks on at least eight roads in and around "
        "Culiacan, the capital of Sinaloa state, on Thursday after soldiers detained a local "
        "cartel commander, state officials said.", 0, "COERCE/ORG_CRIME/-", ["Gunmen"],
        ["buses", "trucks"], "Culiacan", "2026-11-05", fa="a"),
      E("Soldiers exchanged fire with the attackers in Tierra Blanca, a neighbourhood in the "
        "city's east, killing two of them.", 0, "ASSAULT/ARMED_CLASH/firearms", ["Soldiers"],
        ["Gunmen"], "Tierra Blanca", fa="a c"),
      E("Mexico's Defence Ministry flew 600 extra troops from the capital to Culiacan on Friday, "
        "the third such reinforcement since September.", 1,
        "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["Mexico's Defence Ministry"], [], "Culiacan",
        "2026-11-06", fa="f"),
      N("Schools across the city remained closed.", 1),
      E("In Guerrero state, police found the bodies of five men dumped beside the highway near "
        "Chilpancingo, prosecutors said.", 2, "ASSAULT/ATTACK/-", [], ["men"], "Chilpancingo",
        fa="e g"),
  ])

A("dvw-0040", "CO", "2026-10-28", "BOGOTA",
  "ELN drones hit army base in Arauca; families flee fighting in Catatumbo", [
      E("BOGOTA - ELN rebels dropped explosives from drones onto an army base in Saravena, in "
        "the eastern department of Arauca, on Monday, wounding six soldiers, the army said.", 0,
        "ASSAULT/AIR_STRIKE/drone", ["ELN rebels"], ["army base"], "Saravena", "2026-10-26",
        fa="a c"),
      N("The base, on the edge of town near the Venezuelan border, has been attacked several "
        "times this year.", 0, "background"),
      E("ELN guerrillas and FARC dissidents fought for control of coca-growing hamlets around "
        "Tibu, in the Catatumbo region, on Tuesday, the ombudsman's office said.", 1,
        "ASSAULT/ARMED_CLASH/firearms", ["ELN guerrillas", "FARC dissidents"], [], "Tibu",
        "2026-10-27", fa="e g"),
      E("The Red Cross handed out food and blankets to about 1,500 residents who had fled to "
        "the town's sports stadium.", 1, "AID/OTHER/assist", ["Red Cross"], ["residents"], "Tibu",
        fa="f"),
      E("The ELN accused the army of helping the dissidents, which the Defence Ministry "
        "denied.", 1, "ACCUSE/ATTRIB/allege", ["ELN"], ["army"], None, neg="allegation",
        fa="h"),
  ])

A("dvw-0041", "HT", "2026-10-16", "PORT-AU-PRINCE",
  "Gangs burn homes in Port-au-Prince's Solino; police retake Mirebalais", [
      E("PORT-AU-PRINCE - Gang members set fire to dozens of houses in the Solino neighbourhood "
        "of Port-au-Prince on Wednesday, forcing hundreds of residents to flee towards Delmas, "
        "witnesses said.", 0, "COERCE/ORG_CRIME/-", ["Gang members"], ["houses"], "Solino",
        "2026-10-14", fa="b c f"),
      E("Residents said the attackers belonged to the Viv Ansanm coalition, which has "
        "controlled much of the capital for two years.", 0, "ACCUSE/ATTRIB/allege",
        ["Residents"], ["Viv Ansanm"], None, neg="allegation", fa="h"),
      E("In the Centre department, Haitian police and soldiers retook the town of Mirebalais on "
        "Thursday after a three-day operation, a police spokesman said.", 1,
        "ASSAULT/GOV_REGAINS_TERIT/territory", ["Haitian police", "soldiers"], [],
        "Mirebalais", "2026-10-15", fa="g"),
      E("Gunmen pulled out of the town towards Savanette, near the Dominican border, leaving "
        "behind burned police vehicles.", 1, "RETREAT/NON_VIOL_TERRIT_TRANSFER/territory",
        ["Gunmen"], [], "Mirebalais", fa="f"),
      N("Police spokesman Jean-Marc Belizaire said the force would set up a permanent post at "
        "the town hall.", 1, "plan"),
  ])

A("dvw-0042", "EC", "2026-11-15", "GUAYAQUIL",
  "Eleven inmates killed in Guayaquil prison fighting; curfew in Duran", [
      E("GUAYAQUIL - Rival gangs armed with blades and pistols battled for hours on Friday in "
        "Guayaquil's Litoral Penitentiary, and 11 prisoners were killed, Ecuador's prison "
        "authority reported.", 0,
        "COERCE/ORG_CRIME/-", ["Rival gangs"], [], "Litoral Penitentiary", "2026-11-13",
        fa="b c"),
      E("Soldiers entered the jail on Saturday morning and regained control of two cell blocks "
        "after a six-hour standoff.", 0, "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["Soldiers"],
        [], "Litoral Penitentiary", "2026-11-14", fa="b c"),
      E("Ecuador's government imposed a night-time curfew on Saturday in Duran, an industrial "
        "city across the Guayas River from Guayaquil, where three police officers were shot "
        "dead in an ambush on Thursday.", 1, "COERCE/OTHER/curfew", ["Ecuador's government"],
        [], "Duran", "2026-11-14", fa="e g"),
      N("Gangs linked to drug trafficking have fought for control of Ecuador's prisons and ports "
        "since 2021.", 1, "background"),
  ])

A("dvw-0043", "PE", "2026-10-22", "LIMA",
  "Peru police fire tear gas at Juliaca protesters; strikers block Puno highways", [
      E("LIMA - Thousands of farmers and miners blocked the main highways around Juliaca, in "
        "Peru's southern Puno region, on Tuesday to demand the release of a jailed regional "
        "leader, local media reported.", 0, "PROTEST/PEACE_PROTEST/demo", ["farmers", "miners"],
        [], "Juliaca", "2026-10-20", fa="a e"),
      E("Police fired tear gas on Wednesday to clear protesters from the approaches to the "
        "city's airport, and 14 people were injured.", 0,
        "COERCE/FORCE_AGAINST_PROTEST/repression", ["Police"], ["protesters"], "Juliaca",
        "2026-10-21", fa="a c"),
      N("The Interior Ministry said officers had acted within the law.", 0, "denial"),
      E("In Arequipa, about 2,000 people marched through the city centre on Wednesday in "
        "support of the Puno strikers.", 1, "PROTEST/PEACE_PROTEST/demo", ["people"], [],
        "Arequipa", "2026-10-21", fa="g"),
  ])

A("dvw-0044", "BR", "2026-11-10", "RIO DE JANEIRO",
  "Eight suspected traffickers shot dead as officers sweep Mare complex in Rio", [
      E("RIO DE JANEIRO - Police killed eight suspected drug traffickers during a dawn raid on "
        "the Mare complex of favelas in Rio de Janeiro's north zone on Monday, the state "
        "security department said.", 0, "ASSAULT/ARMED_CLASH/firearms", ["Police"],
        ["drug traffickers"], "Mare", "2026-11-09", fa="b c"),
      E("Officers seized 12 rifles and a large quantity of cocaine, the department added.", 0,
        "COERCE/DISR_WEAP/seize", ["Officers"], ["rifles"], "Mare", fa="b c"),
      E("Residents blocked Avenida Brasil with burning tyres on Monday afternoon in anger at "
        "the deaths.", 0, "PROTEST/VIOL_DEMONSTR/riot", ["Residents"], [], "Avenida Brasil",
        "2026-11-09", fa="b c"),
      E("Speaking at a news conference in Brasilia, the federal human rights minister condemned "
        "the raid as a massacre.", 1, "ACCUSE/DIPLO/-", ["federal human rights minister"],
        ["Police"], "Brasilia", fa="g h"),
      N("Rio's governor said officers had fired only in self-defence.", 1, "denial"),
  ])

A("dvw-0045", "VE", "2026-11-19", "CARACAS",
  "Venezuela arrests six opposition activists in Maracaibo; miners die in Bolivar", [
      E("CARACAS - Military counter-intelligence agents arrested six opposition activists in "
        "Maracaibo, Venezuela's second-largest city, on Tuesday, their party said.", 0,
        "COERCE/ARREST/arrest", ["Military counter-intelligence agents"],
        ["opposition activists"], "Maracaibo", "2026-11-17", fa="a"),
      E("The activists were taken from their homes in San Francisco, a municipality just south "
        "of the city, and flown to Caracas, a party lawyer said.", 0, "COERCE/ARREST/arrest",
        ["Military counter-intelligence agents"], ["activists"], "San Francisco", fa="c f"),
      E("The Information Ministry said the six were plotting attacks on power stations.", 0,
        "ACCUSE/ATTRIB/allege", ["Information Ministry"], ["opposition activists"], None,
        neg="allegation", fa="h"),
      E("In the southern state of Bolivar, at least nine miners died on Wednesday when a wall "
        "of earth collapsed onto an illegal gold pit at Bulla Loca, near the town of La "
        "Paragua, the civil protection agency said.", 1,
        "AID/MAN_MADE_DISASTER/man-made-disaster", [], [], "Bulla Loca", "2026-11-18",
        fa="d e g"),
      E("Rescuers recovered five bodies by nightfall.", 1, "AID/OTHER/assist", ["Rescuers"],
        ["bodies"], "Bulla Loca", fa="d"),
  ])

A("dvw-0046", "GE", "2026-10-04", "TBILISI",
  "Georgian riot police break up Rustaveli Avenue rally", [
      E("TBILISI - Riot police turned water cannon and pepper spray on several thousand "
        "opposition supporters massed along Rustaveli Avenue late on Saturday and cleared the "
        "boulevard, Georgia's Interior Ministry said.", 0, "COERCE/FORCE_AGAINST_PROTEST/repression",
        ["Riot police"], ["opposition supporters"], "Rustaveli Avenue", "2026-10-03",
        fa="b c"),
      E("Protesters had blocked the avenue outside parliament for a fifth night to demand new "
        "elections.", 0, "PROTEST/PEACE_PROTEST/demo", ["Protesters"], [], "Rustaveli Avenue",
        fa="b c"),
      E("Officers detained 38 people during the operation, according to the ministry.", 0,
        "COERCE/PROTEST_WITH_INTER/repression", ["Officers"], ["people"], "Rustaveli Avenue",
        fa="b c"),
      E("In Batumi, on the Black Sea coast, about 500 people rallied outside the city hall on "
        "Saturday in solidarity with the capital's protesters.", 1,
        "PROTEST/PEACE_PROTEST/demo", ["people"], [], "Batumi", "2026-10-03", fa="g"),
      E("Georgian Dream, the governing party, said the opposition was plotting an uprising paid "
        "for from abroad.", 1, "ACCUSE/ATTRIB/allege", ["Georgian Dream"],
        ["opposition"], None, neg="allegation", fa="h"),
  ])

A("dvw-0047", "AM", "2026-11-25", "YEREVAN",
  "Armenia says Azerbaijani troops fired on Syunik village", [
      E("YEREVAN - Azerbaijani troops opened fire with small arms on the village of Khnatsakh "
        "in Armenia's Syunik province late on Sunday, damaging a school and two houses, "
        "Armenia's Defence Ministry said.", 0, "ASSAULT/ATTACK/firearms", ["Azerbaijani troops"],
        ["school", "houses"], "Khnatsakh", "2026-11-22", fa="a d"),
      N("Nobody was hurt, local officials said.", 0, "negation"),
      E("Azerbaijan's Defence Ministry denied firing at Armenian positions and accused Yerevan "
        "of a provocation.", 0, "REJECT/ATTRIB/-", ["Azerbaijan's Defence Ministry"], [], None,
        neg="denial", fa="h"),
      E("Armenian border guards moved residents of the village to a sports hall in the town of "
        "Goris as a precaution on Monday.", 1, "AID/OTHER/assist", ["Armenian border guards"],
        ["residents"], "Khnatsakh", "2026-11-23", fa="f"),
      E("The ministry also sent an extra company of troops to positions near Tegh, another "
        "border village in the province, on Monday.", 1, "MOBILIZE/CHANGE_TO_GROUP_ACT/troops",
        ["Armenia's Defence Ministry"], [], "Tegh", "2026-11-23", fa="d g"),
      N("The two countries initialled a peace treaty in 2025 but have yet to open their "
        "border.", 1, "background"),
  ])

A("dvw-0048", "AZ", "2026-11-27", "BAKU",
  "Landmine kills two deminers near Aghdam", [
      E("BAKU - An anti-tank mine exploded under a truck carrying deminers near Aghdam on "
        "Wednesday, killing two workers and injuring three, Azerbaijan's mine action agency, "
        "ANAMA, said.", 0, "ASSAULT/REM_EXPLOS/explosives", [], ["deminers"], "Aghdam",
        "2026-11-25", fa="a e"),
      E("The blast happened in farmland 6 km east of the town, an area emptied of its "
        "inhabitants during the war of the 1990s.", 0, "ASSAULT/REM_EXPLOS/explosives", [],
        ["deminers"], "Aghdam", fa="a e"),
      E("On Thursday, ANAMA teams blew up 240 mines and unexploded shells collected around "
        "Horadiz, a town in Fuzuli district.", 1, "COERCE/DISR_WEAP/seize", ["ANAMA"],
        ["mines"], "Horadiz", "2026-11-26", fa="d g"),
      N("Baku has long accused Armenia of withholding accurate minefield maps, a charge Yerevan "
        "rejects.", 1, "background"),
      N("More than 400 people have been killed or wounded by mines since the 2020 war ended.",
        1, "statistic"),
  ])

A("dvw-0049", "XK", "2026-10-27", "PRISTINA",
  "Kosovo police shut Serbian post office in Zvecan; Serbs block Mitrovica bridge", [
      E("PRISTINA - Kosovo police shut down a Serbian-run post office in Zvecan, a Serb-majority "
        "town in northern Kosovo, on Sunday, the interior minister said.", 0,
        "COERCE/OTHER/restrict", ["Kosovo police"], ["post office"], "Zvecan", "2026-10-25",
        fa="a"),
      E("Staff were sent home and the doors were sealed.", 0, "COERCE/OTHER/restrict",
        ["Kosovo police"], ["post office"], "Zvecan", fa="a"),
      E("On Monday, several hundred Serbs gathered at the northern end of the main bridge over "
        "the Ibar river in Mitrovica and blocked it for three hours.", 1,
        "PROTEST/PEACE_PROTEST/demo", ["Serbs"], [], "Mitrovica", "2026-10-26", fa="c g"),
      E("NATO peacekeepers from the KFOR mission stepped up patrols around the bridge.", 1,
        "MOBILIZE/CHANGE_TO_GROUP_ACT/troops", ["NATO peacekeepers"], [], "Mitrovica",
        fa="c"),
      E("Serbia's foreign ministry condemned the closure as an attack on the Serb community and "
        "summoned the European Union's envoy.", 2, "ACCUSE/DIPLO/-",
        ["Serbia's foreign ministry"], ["Kosovo police"], None, fa="h"),
  ])

A("dvw-0050", "TR", "2026-11-01", "ISTANBUL",
  "Istanbul police fire tear gas at students; car bomb wounds two in Diyarbakir", [
      E("ISTANBUL - Police broke up a student march with tear gas and rubber bullets on Saturday "
        "as it set off from the Sishane district for Taksim Square, and at least 40 students "
        "were held, according to the provincial governor.", 0, "COERCE/FORCE_AGAINST_PROTEST/repression",
        ["Police"], ["students"], "Sishane", "2026-10-31", fa="b c f"),
      N("The governor had banned all demonstrations in the Beyoglu area for four days ahead of "
        "the march.", 0, "background"),
      E("The students were protesting against the arrest of a university rector earlier in the "
        "week.", 0, "PROTEST/PEACE_PROTEST/demo", ["students"], [], "Sishane", fa="c"),
      E("In the southeastern city of Diyarbakir, a bomb planted in a parked car exploded "
        "outside a police station in the Baglar district on Friday, wounding two officers.", 1,
        "ASSAULT/REM_EXPLOS/explosives", [], ["police station"], "Baglar", "2026-10-30",
        fa="c g"),
      N("Nobody claimed responsibility for the blast.", 1, "negation"),
  ])

A("dvw-0051", "PK", "2026-11-21", "KARACHI",
  "Gunmen kill three shopkeepers in Karachi's Lyari; farmers block highway near Hala", [
      E("KARACHI - Gunmen on motorcycles shot dead three shopkeepers in Karachi's Lyari "
        "neighbourhood on Thursday after they refused to pay extortion money, police said.", 0,
        "COERCE/ORG_CRIME/-", ["Gunmen"], ["shopkeepers"], "Lyari", "2026-11-19", fa="b c"),
      E("Traders shut their shops across the district on Friday in protest at the killings.", 0,
        "PROTEST/PEACE_PROTEST/demo", ["Traders"], [], "Lyari", "2026-11-20", fa="b c"),
      E("Police arrested two suspects in a raid on a hideout in Mauripur, near the port, later "
        "that night.", 0, "COERCE/ARREST/arrest", ["Police"], ["suspects"], "Mauripur",
        fa="b c"),
      E("In interior Sindh, farmers blocked the National Highway near Hala, a town about 55 km "
        "north of Hyderabad, for six hours on Friday over water shortages.", 1,
        "PROTEST/PEACE_PROTEST/demo", ["farmers"], [], "Hala", "2026-11-20", fa="e g"),
  ])

A("dvw-0052", "MM", "2026-10-12", "YANGON",
  "Floods swamp villages around Myanmar's Taungoo; garment workers detained in Yangon", [
      E("YANGON - Water from the swollen Sittaung river inundated more than 60 villages around "
        "Taungoo, in Myanmar's Bago region, on Friday, state media said.", 0,
        "AID/NATURAL_DISASTER/natural-disaster", [], [], "Taungoo", "2026-10-09", fa="a e"),
      E("Rescue workers used boats to ferry about 8,000 people from the villages to monasteries "
        "and schools on higher ground in the town.", 0, "AID/OTHER/assist", ["Rescue workers"],
        ["people"], "Taungoo", fa="a f"),
      E("Soldiers and police detained 14 garment workers who had staged a sit-in over unpaid "
        "wages at a factory in Yangon's Hlaing Tharyar township on Saturday, a labour group "
        "said.", 1, "COERCE/PROTEST_WITH_INTER/repression", ["Soldiers", "police"],
        ["garment workers"], "Hlaing Tharyar", "2026-10-10", fa="b c g"),
      N("The military government has banned strikes since it seized power in 2021.", 1,
        "background"),
  ])

A("dvw-0053", "PH", "2026-11-11", "MANILA",
  "Typhoon batters Catanduanes; coast guard rescues fishermen off Albay", [
      E("MANILA - A powerful typhoon made landfall over the island province of Catanduanes "
        "early on Monday, tearing roofs off houses and cutting power, the disaster agency "
        "said.", 0, "AID/NATURAL_DISASTER/natural-disaster", [], [], "Catanduanes",
        "2026-11-09", fa="a"),
      E("In Virac, the provincial capital, floodwater rose to the eaves of houses near the "
        "port.", 0, "AID/NATURAL_DISASTER/natural-disaster", [], [], "Virac", fa="a c"),
      E("Ahead of the storm, authorities evacuated more than 120,000 people from coastal "
        "villages in Albay province to schools and gymnasiums inland.", 1, "AID/OTHER/assist",
        ["authorities"], ["people"], "Albay", fa="f"),
      E("On Tuesday, the coast guard rescued 23 fishermen from a capsized boat off Rapu-Rapu "
        "island, in Albay.", 1, "AID/OTHER/assist", ["coast guard"], ["fishermen"],
        "Rapu-Rapu", "2026-11-10", fa="d e g"),
      N("Forecasters expect the typhoon to weaken as it crosses Luzon towards the South China "
        "Sea.", 2),
  ])

A("dvw-0054", "ID", "2026-10-24", "JAKARTA",
  "Indonesian police fire tear gas at Jakarta labour protest; quake hits Mamuju", [
      E("JAKARTA - Thousands of workers angry at a newly passed labour law were hit with tear "
        "gas and water jets by Indonesian police on Thursday as they gathered at the gates of "
        "parliament in Senayan, a district of the capital.", 0, "COERCE/FORCE_AGAINST_PROTEST/repression",
        ["Indonesian police"], ["workers"], "Senayan", "2026-10-22", fa="b c"),
      E("Some protesters hurled rocks and set fire to a police post near the Semanggi "
        "interchange as night fell.", 0, "PROTEST/VIOL_DEMONSTR/riot", ["protesters"],
        ["police post"], "Semanggi", fa="b c"),
      E("Police arrested 87 people across the capital by nightfall, a spokesman said.", 1,
        "COERCE/PROTEST_WITH_INTER/repression", ["Police"], ["people"], "Jakarta", fa="b"),
      E("On Friday, a magnitude 6.1 earthquake struck near Mamuju, in West Sulawesi province, "
        "damaging a hospital and dozens of houses, the geophysics agency said.", 2,
        "AID/NATURAL_DISASTER/natural-disaster", [], [], "Mamuju", "2026-10-23", fa="e g"),
  ])

A("dvw-0055", "MX", "2026-11-26", "TAPACHULA",
  "Mexican National Guard stops migrant caravan outside Tapachula", [
      E("TAPACHULA, Mexico - Mexican National Guard troops blocked a caravan of about 2,500 "
        "migrants marching to demand transit papers near the town of Huehuetan, some 25 km "
        "north-west of the city, on Tuesday.", 0, "COERCE/PROTEST_WITH_INTER/repression",
        ["Mexican National Guard troops"], ["migrants"], "Huehuetan", "2026-11-24",
        fa="a e f"),
      E("The migrants had left Tapachula before dawn, chanting and carrying banners.", 0,
        "PROTEST/PEACE_PROTEST/demo", ["migrants"], [], "Tapachula", fa="b f"),
      E("Immigration agents detained 312 migrants found crammed inside a tractor-trailer at a "
        "checkpoint outside Juchitan, in Oaxaca state, on Wednesday.", 1,
        "COERCE/ARREST/arrest", ["Immigration agents"], ["migrants"], "Juchitan", "2026-11-25",
        fa="e g"),
      N("Officials said the group would be returned to Guatemala.", 1, "plan"),
  ])

A("dvw-0056", "CO", "2026-11-16", "BOGOTA",
  "Colombia signs disarmament deal with Comuneros del Sur in Pasto", [
      E("BOGOTA - Colombia's government and the Comuneros del Sur armed group signed an "
        "agreement in Pasto on Saturday to begin moving fighters into a disarmament zone in "
        "Narino department.", 0, "AGREE/AGREEMENT/-", ["Colombia's government",
                                                         "Comuneros del Sur"], [], "Pasto",
        "2026-11-14", fa="a"),
      N("Under the deal, about 150 fighters will gather in a rural part of Samaniego "
        "municipality by the end of the year.", 0, "plan"),
      E("Negotiators from both sides met for three days at a seminary on the outskirts of the "
        "city before the signing.", 0, "CONSULT/DIPLO/-", ["Negotiators"], [], "Pasto",
        fa="a e"),
      E("Three officers were hurt on Sunday when FARC dissidents used a drone to drop explosive "
        "charges on the police station in Suarez, a town in neighbouring Cauca.", 1,
        "ASSAULT/AIR_STRIKE/drone", ["FARC dissidents"], ["police station"], "Suarez",
        "2026-11-15", fa="g"),
      N("The dissident faction has refused to join peace talks.", 1, "background"),
  ])

A("dvw-0057", "HT", "2026-10-31", "PORT-AU-PRINCE",
  "Haitian police abandon Pont-Sonde station as gangs push into Artibonite", [
      E("PORT-AU-PRINCE - Haitian police withdrew from their station in Pont-Sonde, a farming "
        "town in the Artibonite department, on Thursday as gunmen advanced from the south, a "
        "local official said.", 0, "RETREAT/NON_VIOL_TERRIT_TRANSFER/territory",
        ["Haitian police"], [], "Pont-Sonde", "2026-10-29", fa="a d f"),
      E("Hours later, members of the Gran Grif gang entered the town unopposed and looted "
        "shops, residents said.", 0, "RETREAT/NON_VIOL_TERRIT_TRANSFER/territory",
        ["Gran Grif gang"], [], "Pont-Sonde", fa="a d"),
      E("The International Organization for Migration opened a shelter for displaced families "
        "at a school in Saint-Marc, about 20 km away, on Friday.", 1, "AID/OTHER/assist",
        ["International Organization for Migration"], ["displaced families"], "Saint-Marc",
        "2026-10-30", fa="e f g"),
      N("Gran Grif has been blamed for repeated attacks on farming communities in the "
        "valley.", 1, "background"),
  ])

A("dvw-0058", "AF", "2026-11-03", "KABUL",
  "Afghan and Pakistani forces trade mortar fire at Spin Boldak; Torkham closed", [
      E("KABUL - Afghan and Pakistani border forces fired mortars at each other near the Spin "
        "Boldak border crossing in Afghanistan's Kandahar province on Sunday, killing two "
        "civilians, Taliban officials said.", 0, "ASSAULT/ART_MISS_ATTACK/heavy-weapons",
        ["Afghan", "Pakistani border forces"], [], "Spin Boldak", "2026-11-01",
        fa="a c e"),
      E("Pakistan's military accused Taliban fighters of firing first on a border post under "
        "construction.", 0, "ACCUSE/ATTRIB/allege", ["Pakistan's military"],
        ["Taliban fighters"], None, neg="allegation", fa="h"),
      E("On Monday, Pakistani authorities closed the Torkham crossing in the Khyber Pass to "
        "trucks and pedestrians, leaving hundreds of vehicles stranded.", 1,
        "COERCE/OTHER/restrict", ["Pakistani authorities"], ["Torkham crossing"], "Torkham",
        "2026-11-02", fa="c g"),
      E("Afghan traders staged a sit-in at the gate on their side of the crossing to demand it "
        "be reopened.", 1, "PROTEST/PEACE_PROTEST/demo", ["Afghan traders"], [], "Torkham",
        fa="c"),
  ])

A("dvw-0059", "AZ", "2026-11-13", "TBILISI",
  "Armenian and Azerbaijani ministers meet in Tbilisi on border", [
      E("TBILISI - Armenian Foreign Minister Aram Sahakyan and his Azerbaijani counterpart, "
        "Elnur Gasimov, held talks in the Georgian capital on Thursday on marking their shared "
        "border, Georgia's foreign ministry said.", 0, "CONSULT/DIPLO/-",
        ["Aram Sahakyan", "Elnur Gasimov"], [], "Tbilisi", "2026-11-12", fa="b"),
      E("The two men agreed to set up a joint commission to survey a 20 km stretch of the "
        "frontier between Armenia's Tavush province and Azerbaijan's Gazakh district.", 0,
        "AGREE/AGREEMENT/-", ["Aram Sahakyan", "Elnur Gasimov"], [], "Tbilisi", fa="b e"),
      E("Earlier this week, Armenian forces handed over four hilltop positions near Voskepar, a "
        "village in Tavush, to Azerbaijani border guards.", 1,
        "RETREAT/NON_VIOL_TERRIT_TRANSFER/territory", ["Armenian forces"],
        ["Azerbaijani border guards"], "Voskepar", fa="d g"),
      E("About 200 residents blocked the road through the village on Wednesday in protest, "
        "local media reported.", 1, "PROTEST/PEACE_PROTEST/demo", ["residents"], [],
        "Voskepar", "2026-11-11", fa="d"),
      N("Azerbaijan's government did not comment on the handover.", 1, "negation"),
  ])

A("dvw-0060", "TR", "2026-10-19", "ANKARA",
  "Six villages emptied as forest fire rages south of Izmir; Van protesters clash with police", [
      E("ANKARA - A wildfire fanned by strong winds tore through pine forests in Menderes, a "
        "district south of Izmir, on Saturday, forcing the evacuation of six villages, Turkey's "
        "forestry ministry said.", 0, "AID/NATURAL_DISASTER/natural-disaster", [], [],
        "Menderes", "2026-10-17", fa="a c e"),
      E("Gendarmerie units took around 2,000 residents to a gymnasium in neighbouring Torbali "
        "as flames approached their homes.", 0, "AID/OTHER/assist", ["Gendarmerie units"],
        ["residents"], "Menderes", fa="a f"),
      E("In the eastern city of Van, hundreds of people threw stones and fireworks at riot "
        "police outside the governor's office on Sunday in anger at the removal of the city's "
        "elected mayor.", 1, "PROTEST/VIOL_DEMONSTR/riot", ["people"], ["riot police"], "Van",
        "2026-10-18", fa="g"),
      E("Police detained 31 people, the governor's office said.", 1, "COERCE/ARREST/arrest",
        ["Police"], ["people"], "Van", fa="g"),
      N("The interior ministry has replaced elected mayors in more than a dozen southeastern "
        "cities since 2024.", 1, "background"),
  ])

# ---------------------------------------------------------------------------
# checks
# ---------------------------------------------------------------------------

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {"october": 10, "november": 11, "september": 9}
ERRORS = []


def fail(msg):
    ERRORS.append(msg)


def dates_in(text, pub):
    """Days the sentence's own words fix, resolved against the publication day."""
    out = set()
    low = text.lower()
    for m in re.finditer(r"\bon (?:(?:the )?(?:night|morning|evening|afternoon) of )?"
                         r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low):
        wd = WEEKDAYS.index(m.group(1))
        back = (pub.weekday() - wd) % 7
        out.add(pub - datetime.timedelta(days=back))
    for m in re.finditer(r"\bon (\d{1,2}) (september|october|november)\b", low):
        out.add(datetime.date(pub.year, MONTHS[m.group(2)], int(m.group(1))))
    return out


def words(text):
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def auto_form(s, idx):
    f = list(s["form"]) if s["form"] else []
    if idx == 0 and "lead" not in f:
        f.append("lead")
    if len(words(s["text"])) >= 30 and "long" not in f:
        f.append("long")
    if "'s " in s["text"] and "possessive" not in f:
        f.append("possessive")
    if re.search(r"\b(was|were|been|be) [a-z]+(ed|en|wn)\b", s["text"]) and "passive" not in f:
        f.append("passive")
    if len(s["actors"]) > 1 and "coordination" not in f:
        f.append("coordination")
    if re.search(r"[A-Z][\w-]+, (a|an|the|or) ", s["text"]) and "apposition" not in f:
        f.append("apposition")
    if re.search(r", (where|which|who|when|after|as) ", s["text"]) and "multi_clause" not in f:
        f.append("multi_clause")
    return f


def build():
    lines, forms_rows = [], []
    seen_ids = set()
    runs = {}
    for art in ARTICLES:
        aid = art["id"]
        if aid in seen_ids:
            fail(f"{aid}: duplicate id")
        seen_ids.add(aid)
        pub = datetime.date.fromisoformat(art["published_at"])
        if pub.month not in (10, 11) or pub.year != 2026:
            fail(f"{aid}: publication day outside October/November 2026")
        body = " ".join(s["text"] for s in art["sents"])
        n_real = sum(1 for s in art["sents"] if s["realis"] and s["cat"] not in
                     ("ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT"))
        if n_real < 2:
            fail(f"{aid}: fewer than two happenings")
        places = {s["place"] for s in art["sents"] if s["place"]}
        if len(places) < 2:
            fail(f"{aid}: fewer than two different places")
        if not 4 <= len(art["sents"]) <= 6:
            fail(f"{aid}: {len(art['sents'])} sentences")
        out_sents = []
        prev_para = 0
        for i, s in enumerate(art["sents"]):
            if s["para"] not in (prev_para, prev_para + 1) or (i == 0 and s["para"] != 0):
                fail(f"{aid}[{i}]: para jumps")
            prev_para = s["para"]
            for span in s["actors"] + s["targets"]:
                if span not in body:
                    fail(f"{aid}[{i}]: span not in body: {span!r}")
            if s["place"] is not None and s["place"] not in body and \
                    s["place"].lower() != (art["dateline"] or "").lower():
                fail(f"{aid}[{i}]: place not in body or dateline: {s['place']!r}")
            found = dates_in(s["text"], pub)
            if s["date"] is not None:
                d = datetime.date.fromisoformat(s["date"])
                if d not in found:
                    fail(f"{aid}[{i}]: date {s['date']} does not resolve from the words "
                         f"(found {sorted(str(x) for x in found)})")
                if d > pub or (pub - d).days > 7 or d == pub:
                    fail(f"{aid}[{i}]: date {s['date']} out of range")
            elif found and s["realis"] and s["cat"] not in ("ACCUSE", "REJECT"):
                fail(f"{aid}[{i}]: sentence names a day but date is null")
            if not s["realis"] and (s["place"] or s["date"] or s["actors"] or s["targets"]):
                fail(f"{aid}[{i}]: realis false with fields set")
            w = words(s["text"])
            for k in range(len(w) - 5):
                run = " ".join(w[k:k + 6])
                if run in runs and runs[run] != (aid, i):
                    fail(f"{aid}[{i}]: shares 6-word run with {runs[run]}: {run!r}")
                runs.setdefault(run, (aid, i))
            out_sents.append({
                "text": s["text"], "para": s["para"], "realis": s["realis"],
                "category": s["cat"], "mode": s["mode"], "subtype": s["sub"],
                "actors": s["actors"], "targets": s["targets"], "place": s["place"],
                "date": s["date"], "negative": s["neg"], "form": auto_form(s, i),
            })
            if s["fa"]:
                forms_rows.append(f"{aid}\t{i}\t{','.join(s['fa'].split())}")
        rec = {"id": aid, "country": art["country"], "published_at": art["published_at"],
               "dateline": art["dateline"], "title": art["title"], "sentences": out_sents}
        lines.append(json.dumps(rec, ensure_ascii=False))
    return lines, forms_rows


def main():
    lines, forms_rows = build()
    if ERRORS:
        for e in ERRORS:
            print("ERROR", e, file=sys.stderr)
        sys.exit(1)
    with open(os.path.join(HERE, "set.jsonl"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    with open(os.path.join(HERE, "forms.tsv"), "w", encoding="utf-8") as fh:
        fh.write("id\tsentence\tforms\n")
        fh.write("\n".join(forms_rows) + "\n")
    print(f"wrote {len(lines)} articles, {len(forms_rows)} form rows")


if __name__ == "__main__":
    main()
