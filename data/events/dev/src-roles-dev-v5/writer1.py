"""Build the role development set v5 (writer w1): 30 short wire articles where the
place of each reported event matters. Writes set.jsonl and forms.tsv beside this script."""
import datetime
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = {"October": 10, "November": 11}


def S(text, para, cat=None, sub=None, mode=None, actors=(), targets=(), place=None,
      day=None, neg=None, form=(), ah=""):
    """One sentence: cat None means realis false. day = the words that fix the date."""
    return {"text": text, "para": para, "cat": cat, "sub": sub, "mode": mode,
            "actors": list(actors), "targets": list(targets), "place": place,
            "day": day, "neg": neg, "form": list(form), "ah": ah}


def A(aid, country, pub, dateline, title, sents):
    return {"id": aid, "country": country, "pub": pub, "dateline": dateline,
            "title": title, "sents": sents}


ARTICLES = [
    A("dvw-0001", "SD", "2026-10-14", "PORT SUDAN",
      "Drone strike on Omdurman market kills 14 as fighting flares near Bara", [
        S("PORT SUDAN - A drone launched by the paramilitary Rapid Support Forces (RSF) hit the "
          "Souq Libya market in Omdurman on Monday, killing at least 14 people and setting dozens "
          "of stalls ablaze, medics in the city said.", 0, "ASSAULT", "AIR_STRIKE", "drone",
          ["Rapid Support Forces"], ["Souq Libya market"], "Souq Libya", "on Monday",
          form=["lead", "long"], ah="a,c"),
        S("Rescue workers pulled bodies and wounded traders from the burning rows of shops until "
          "late in the evening, a volunteer group said.", 0, "AID", "OTHER", "assist",
          ["Rescue workers"], ["wounded traders"], "Souq Libya", ah="a"),
        S("Sudan's army said the group had also shelled homes in Karari, a district in the north "
          "of the city, but gave no toll.", 0, "ACCUSE", "ATTRIB", "allege", ["Sudan's army"],
          ["RSF"], None, neg="allegation", form=["apposition", "possessive"], ah="h"),
        S("Further west, in North Kordofan, Sudan's army and the RSF fought for a second day on "
          "Tuesday around Um Sumeima, a village some 30 km west of Bara, residents reached by "
          "phone said.", 1, "ASSAULT", "ARMED_CLASH", "firearms", ["Sudan's army", "RSF"], [],
          "Um Sumeima", "on Tuesday", form=["coordination", "apposition", "long"], ah="d,e,g"),
        S("Control of the roads around Bara has changed hands several times since the war began "
          "in April 2023.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0002", "TD", "2026-10-24", "N'DJAMENA",
      "Chadian police detain dozens at Adre crossing as Darfur refugees pour in", [
        S("N'DJAMENA - Chadian police detained around 40 men at the Adre border crossing on "
          "Thursday after a scuffle broke out in a queue for food rations, a local official "
          "said.", 0, "COERCE", "ARREST", "arrest", ["Chadian police"], ["men"],
          "Adre border crossing", "on Thursday", form=["lead"], ah="a,c"),
        S("The men were freed the following morning, he said.", 0, "CONCEDE", "DIPLO", None,
          ["Chadian police"], ["men"], "Adre border crossing", form=["passive"], ah="a"),
        S("More than 2,000 people crossed into Chad at the post over the past week, fleeing "
          "attacks on villages around El Geneina in Sudan's West Darfur state, the U.N. refugee "
          "agency said.", 0, neg="statistic", form=["long"], ah="f,h"),
        S("Across the border, gunmen on motorbikes killed five farmers near Misterei, a village "
          "south of El Geneina, on Wednesday, according to a Darfur lawyers' group.", 1,
          "ASSAULT", "ATTACK", "firearms", ["gunmen"], ["farmers"], "Misterei", "on Wednesday",
          form=["apposition"], ah="d,e,g"),
        S("The group blamed the killings on the RSF and allied Arab militias, which the "
          "paramilitary force denies.", 1, "ACCUSE", "ATTRIB", "allege",
          ["Darfur lawyers' group"], ["RSF", "allied Arab militias"], None, neg="allegation",
          form=["coordination", "multi_clause"], ah="h"),
    ]),
    A("dvw-0003", "ML", "2026-10-08", "BAMAKO",
      "Jihadists torch fuel convoy in western Mali; army reports strikes near Diafarabe", [
        S("BAMAKO - Militants from JNIM, al Qaeda's Sahel branch, ambushed a convoy of fuel "
          "tankers on Tuesday roughly 40 km west of Kayes and left no fewer than 20 of the "
          "lorries burning, according to a truckers' union representative.", 0, "ASSAULT", "ATTACK", None, ["JNIM"], ["convoy of fuel tankers"],
          "Kayes", "on Tuesday", form=["lead", "long"], ah="a,e"),
        S("Drivers who escaped on foot said the assailants had blocked the road with burnt-out "
          "vehicles before opening fire.", 0, "ASSAULT", "ATTACK", "firearms", ["JNIM"], [],
          "Kayes", ah="a"),
        S("The group has choked fuel supplies to Mali's landlocked capital for more than a "
          "year.", 0, neg="background", ah="h"),
        S("In central Mali, Mali's army said it had killed 11 militants in air strikes near "
          "Diafarabe, in the Mopti region, on Monday.", 1, "ASSAULT", "AIR_STRIKE", "aerial",
          ["Mali's army"], ["militants"], "Diafarabe", "on Monday", form=["possessive"],
          ah="d,g"),
        S("Residents disputed the toll, saying herders taking cattle to market were among the "
          "dead.", 1, "ACCUSE", "ATTRIB", "allege", ["Residents"], ["Mali's army"], None,
          neg="allegation", ah="h"),
    ]),
    A("dvw-0004", "BF", "2026-11-05", "OUAGADOUGOU",
      "Dozens killed as jihadists overrun army post near Djibo", [
        S("OUAGADOUGOU - Jihadist fighters overran an army post at Mentao, a former refugee camp "
          "outside Djibo in Soum province, late on Sunday, killing dozens of soldiers and "
          "volunteer militiamen, security sources said.", 0, "ASSAULT",
          "NON_STATE_ACTOR_OVERTAKES_TER", "territory", ["Jihadist fighters"],
          ["soldiers", "volunteer militiamen"], "Mentao", "late on Sunday",
          form=["lead", "apposition", "long"], ah="a,c,d"),
        S("The attackers carried off weapons and vehicles and then burned the buildings, one "
          "source added.", 0, "COERCE", "PROPERTY_DISTRUCT", "destroy", ["Jihadist fighters"],
          ["buildings"], "Mentao", form=["coordination"], ah="a"),
        S("Authorities evacuated about 600 families from Djibo to Kaya by road convoy on "
          "Tuesday, a humanitarian official said.", 1, "AID", "OTHER", "assist",
          ["Authorities"], ["families"], "Djibo", "on Tuesday", ah="f"),
        S("Officials in Ouagadougou have so far kept silent about the raid.", 1, neg="negation",
          ah="h"),
        S("Burkina Faso's junta has ruled since a coup in 2022 and says its forces control most "
          "of the country.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0005", "NE", "2026-10-19", "NIAMEY",
      "Algeria expels hundreds of migrants into Niger's desert north", [
        S("NIAMEY - Algerian security forces drove about 700 West African migrants to the desert "
          "frontier on Friday and left them on foot 15 km from the Niger border post of "
          "Assamaka, an aid group said.", 0, "COERCE", "OTHER", "restrict",
          ["Algerian security forces"], ["West African migrants"], "Assamaka", "on Friday",
          form=["lead", "long"], ah="d,e,f"),
        S("The migrants walked through the night to reach the town, where many are now "
          "sheltering in a transit centre run by the International Organization for "
          "Migration.", 0, form=["multi_clause"], ah=""),
        S("Niger's foreign ministry summoned Algeria's ambassador in Niamey on Saturday to "
          "protest against the expulsions.", 0, "ACCUSE", "DIPLO", None,
          ["Niger's foreign ministry"], ["Algeria's ambassador"], "Niamey", "on Saturday",
          form=["possessive"], ah="b,h"),
        S("Separately, suspected jihadists killed six soldiers in an ambush near Banibangou, in "
          "the Tillaberi region close to the border with Mali, on Thursday, the defence ministry "
          "said.", 1, "ASSAULT", "ARMED_CLASH", "firearms", ["suspected jihadists"],
          ["soldiers"], "Banibangou", "on Thursday", form=["long"], ah="e,g"),
        S("Algeria has said it deports only people who entered the country illegally.", 1,
          neg="denial", ah="h"),
    ]),
    A("dvw-0006", "SO", "2026-10-29", "MOGADISHU",
      "Car bomb kills seven at Mogadishu checkpoint; troops retake Moqokori", [
        S("MOGADISHU - A car bomb exploded at a police checkpoint in the Hodan district of the "
          "capital on Wednesday, killing seven people, including four officers, police said.",
          0, "ASSAULT", "REM_EXPLOS", "explosives", [], ["police checkpoint"], "Hodan",
          "on Wednesday", form=["lead"], ah="b,c"),
        S("Al Shabaab claimed the blast in a message broadcast over its own radio outlet.", 0, "ACCUSE", "ATTRIB", None, ["Al Shabaab"], [], None, ah="h"),
        S("In the Hiran region, government forces and allied clan militia retook the village of "
          "Moqokori from Al Shabaab on Monday after a day of fighting, a regional commander, "
          "Abdiwali Hassan Warsame, said.", 1, "ASSAULT", "GOV_REGAINS_TERIT", "territory",
          ["government forces", "allied clan militia"], ["Al Shabaab"], "Moqokori",
          "on Monday", form=["coordination", "apposition", "long"], ah="d,g"),
        S("Hundreds of troops were flown in from Beledweyne on Tuesday to hold the village, he "
          "added.", 1, "MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops", ["government forces"],
          [], "Moqokori", "on Tuesday", form=["passive"], ah="f"),
        S("The militants have held much of rural central Somalia for more than a decade.", 1,
          neg="background", ah="h"),
    ]),
    A("dvw-0007", "ET", "2026-11-12", "ADDIS ABABA",
      "Fano militia takes Debre Tabor; drone strike kills bus passengers near Gondar", [
        S("ADDIS ABABA - Fano militiamen took control of Debre Tabor, a town in Ethiopia's Amhara "
          "region, on Monday after federal troops left their barracks there, residents said.",
          0, "ASSAULT", "NON_STATE_ACTOR_OVERTAKES_TER", "territory", ["Fano militiamen"],
          ["federal troops"], "Debre Tabor", "on Monday", form=["lead", "apposition"],
          ah="a"),
        S("The soldiers withdrew towards Bahir Dar, about 100 km to the west, without a fight, "
          "two residents said.", 0, "RETREAT", "NON_VIOL_TERRIT_TRANSFER", "territory",
          ["federal troops"], [], "Debre Tabor", ah="a,f"),
        S("Separately, a drone strike hit a minibus near Kola Diba, a town 35 km south of "
          "Gondar, on Wednesday, killing nine passengers, a health worker said.", 1, "ASSAULT",
          "AIR_STRIKE", "drone", [], ["minibus"], "Kola Diba", "on Wednesday",
          form=["apposition"], ah="e,g"),
        S("The health worker blamed the federal military, which has used drones widely in the "
          "region.", 1, "ACCUSE", "ATTRIB", "allege", ["health worker"], ["federal military"],
          None, neg="allegation", form=["multi_clause"], ah="h"),
        S("Federal spokespeople gave no answer when asked about the two episodes.",
          1, neg="negation", ah="h"),
    ]),
    A("dvw-0008", "CD", "2026-10-31", "KINSHASA",
      "ADF rebels kill 18 near Beni; M23 quits positions around Pinga", [
        S("KINSHASA - Rebels of the Allied Democratic Forces killed at least 18 people with "
          "machetes in the village of Mayi-Moya, in the Beni territory of North Kivu province, "
          "overnight on Thursday, local civil society leaders said.", 0, "ASSAULT", "ATTACK",
          None, ["Allied Democratic Forces"], ["people"], "Mayi-Moya", "overnight on Thursday",
          form=["lead", "long"], ah="a,d"),
        S("Survivors said the attackers also burned around 30 houses and a health centre before "
          "fleeing into the forest.", 0, "COERCE", "PROPERTY_DISTRUCT", "destroy",
          ["Allied Democratic Forces"], ["houses", "health centre"], "Mayi-Moya",
          form=["coordination"], ah="a"),
        S("In Walikale territory, M23 fighters pulled out of positions around the mining town of "
          "Pinga on Tuesday and handed them to allied local militias, a spokesman for the group "
          "said.", 1, "RETREAT", "NON_VIOL_TERRIT_TRANSFER", "territory", ["M23 fighters"], [],
          "Pinga", "on Tuesday", form=["coordination", "long"], ah="c,f,g"),
        S("Congo's army accused the group of staging the move to mask a redeployment towards "
          "Lubero.", 1, "ACCUSE", "ATTRIB", "allege", ["Congo's army"], ["M23"], None,
          neg="allegation", form=["possessive"], ah="h"),
        S("Peace talks between Kinshasa and the rebels have stalled since September.", 1,
          neg="background", ah="h"),
    ]),
    A("dvw-0009", "CD", "2026-11-19", "GOMA",
      "Police fire tear gas at Goma protest over killings", [
        S("GOMA - Police fired tear gas to disperse hundreds of people protesting in Goma's "
          "Birere neighbourhood on Tuesday over a spate of night-time killings, witnesses said.",
          0, "COERCE", "FORCE_AGAINST_PROTEST", "repression", ["Police"], ["people"], "Birere",
          "on Tuesday", form=["lead", "possessive"], ah="b,c"),
        S("Protesters then marched to the municipal offices carrying the coffins of two "
          "motorcycle-taxi drivers.", 0, "PROTEST", "PEACE_PROTEST", "demo", ["Protesters"], [],
          "Goma", ah="b,f"),
        S("In nearby Sake, 25 km west of the city, gunmen shot dead a local chief late on "
          "Monday, residents said.", 1, "ASSAULT", "ATTACK", "firearms", ["gunmen"],
          ["local chief"], "Sake", "late on Monday", ah="e,g"),
        S("The M23, which has controlled Goma since January 2025, blamed the killings on "
          "infiltrated Wazalendo militia.", 1, "ACCUSE", "ATTRIB", "allege", ["M23"],
          ["Wazalendo militia"], None, neg="allegation", form=["multi_clause"], ah="h"),
    ]),
    A("dvw-0010", "NG", "2026-10-10", "ABUJA",
      "Boko Haram storms Borno town of Dikwa, kills 12", [
        S("ABUJA - Boko Haram fighters stormed the town of Dikwa in Nigeria's northeastern Borno "
          "state on Thursday night, killing 12 residents and abducting several women, officials "
          "said.", 0, "ASSAULT", "ATTACK", None, ["Boko Haram fighters"], ["residents"],
          "Dikwa", "on Thursday night", form=["lead", "long"], ah="a"),
        S("The insurgents torched a market and looted food stores before leaving the town at "
          "dawn.", 0, "COERCE", "PROPERTY_DISTRUCT", "destroy", ["Boko Haram fighters"],
          ["market", "food stores"], "Dikwa", form=["coordination"], ah="a"),
        S("Nigeria's army said troops repelled a separate attack on their base at Marte, about "
          "40 km north of Dikwa, killing 20 militants.", 1, "ASSAULT", "ARMED_CLASH",
          "firearms", ["troops"], ["militants"], "Marte", form=["possessive"], ah="c,e,g"),
        S("Eleven people died on Friday when a petrol truck flipped and burst into flames close "
          "to Benisheikh, on the Maiduguri-Damaturu highway, Borno's disaster officials "
          "reported.", 2,
          "AID", "MAN_MADE_DISASTER", "man-made-disaster", [], [], "Benisheikh", "on Friday",
          form=["coordination"], ah="d,e,g"),
        S("Since 2009 the Islamist revolt has cost upwards of 40,000 lives across the region.", 2, neg="statistic", ah="h"),
    ]),
    A("dvw-0011", "NG", "2026-11-24", "JOS",
      "Youths block Jos highway after gunmen kill nine in Bokkos", [
        S("JOS - Hundreds of young people blocked the main highway through Jos on Monday to "
          "protest against a wave of killings in rural Plateau state, a day after gunmen "
          "attacked a village in Bokkos.", 0, "PROTEST", "PEACE_PROTEST", "demo",
          ["young people"], [], "Jos", "on Monday", form=["lead", "long"], ah="b"),
        S("Police removed the barricades in the afternoon and detained several protesters, a "
          "police spokesman said.", 0, "COERCE", "PROTEST_WITH_INTER", "repression", ["Police"],
          ["protesters"], "Jos", form=["coordination"], ah="b"),
        S("Residents said the gunmen had killed nine people in Mushere, a farming village in "
          "Bokkos local government area, on Sunday.", 1, "ASSAULT", "ATTACK", "firearms",
          ["gunmen"], ["people"], "Mushere", "on Sunday", form=["apposition"], ah="d,g"),
        S("The state government imposed a dusk-to-dawn curfew across Bokkos on Monday "
          "evening.", 1, "COERCE", "OTHER", "curfew", ["state government"], [], "Bokkos",
          "on Monday evening", ah="g"),
        S("Disputes between mostly Muslim herders and Christian farmers over land have killed "
          "thousands in the state in recent years.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0012", "MZ", "2026-10-22", "MAPUTO",
      "Insurgents raid Macomia as Rwandan troops deploy to Ancuabe", [
        S("MAPUTO - Islamic State-linked insurgents pushed into Macomia, a seaside town in "
          "northern Cabo Delgado, on Tuesday and stripped shops and a health post of goods and "
          "medicine, people there said.", 0, "ASSAULT", "ATTACK", None, ["Islamic State-linked insurgents"],
          ["shops", "health post"], "Macomia", "on Tuesday", form=["lead"], ah="a"),
        S("Residents who fled into the bush said the fighters stayed in the town for several "
          "hours.", 0, ah=""),
        S("Rwandan troops were deployed on Wednesday to Ancuabe district, further south, where "
          "attacks on villages have forced thousands from their homes, a Mozambican army officer "
          "said.", 1, "MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops", ["Rwandan troops"], [],
          "Ancuabe", "on Wednesday", form=["passive", "multi_clause", "long"], ah="f,g"),
        S("Authorities also moved about 400 families from the village of Mieze to a camp outside "
          "Pemba, the provincial capital.", 1, "AID", "OTHER", "assist", ["Authorities"],
          ["families"], "Mieze", form=["apposition"], ah="d,f"),
        S("The insurgency in Cabo Delgado began in 2017 and has displaced more than a million "
          "people.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0013", "LY", "2026-11-03", "TRIPOLI",
      "Militia clashes in Tripoli's Abu Salim district kill four", [
        S("TRIPOLI - Rival armed groups traded heavy machine-gun fire along the streets of Abu "
          "Salim, a southern quarter of the Libyan capital, overnight on Sunday, leaving four "
          "dead, according to the city's ambulance service.", 0, "ASSAULT", "ARMED_CLASH", "firearms",
          ["Rival armed groups"], [], "Abu Salim", "overnight on Sunday", form=["lead", "long"],
          ah="b,c"),
        S("Leaders of the two groups, brought together by Misrata elders, sealed a truce on "
          "Monday evening during talks held inside Abu Salim.", 0, "AGREE", "AGREEMENT",
          "ceasefire", ["Leaders of the two groups"], [], "Abu Salim", "on Monday evening",
          ah="b,c"),
        S("Air traffic at Mitiga airport was halted for a few hours by the Government of "
          "National Unity, which also shut every school in Tripoli.", 0, "COERCE", "OTHER", "restrict",
          ["Government of National Unity"], ["Mitiga airport"], "Mitiga airport",
          form=["coordination"], ah="b,c"),
        S("In Zawiya, 45 km west of Tripoli, gunmen abducted a municipal council member from his "
          "car on Saturday, his family said.", 1, "ASSAULT", "ABDUCT_DISSAP", "abduct",
          ["gunmen"], ["municipal council member"], "Zawiya", "on Saturday", ah="e,g"),
        S("It remained unclear who had seized him.", 1, neg="negation", ah="h"),
        S("Two competing authorities, one western and one eastern, have divided the country "
          "since 2014.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0014", "LY", "2026-11-17", "BENGHAZI",
      "Flash floods kill three in Benghazi; army evacuates families in Al-Marj", [
        S("BENGHAZI - Flash floods swept through low-lying parts of the city on Sunday after a "
          "night of torrential rain, killing three people and trapping dozens in their cars, "
          "the ambulance service said.", 0, "AID", "NATURAL_DISASTER", "natural-disaster", [],
          [], "Benghazi", "on Sunday", form=["lead", "long"], ah="b"),
        S("Civil defence teams pulled 40 people from flooded homes in the Al-Sabri "
          "neighbourhood, near the port, on Monday.", 0, "AID", "OTHER", "assist",
          ["Civil defence teams"], ["people"], "Al-Sabri", "on Monday", ah="b,c"),
        S("In Al-Marj, about 100 km east of Benghazi, the Libyan National Army evacuated some 300 "
          "families from homes along a swollen wadi late on Monday.", 1, "AID", "OTHER",
          "assist", ["Libyan National Army"], ["families"], "Al-Marj", "late on Monday",
          ah="e,f,g"),
        S("Forecasters said more heavy rain was expected over the Green Mountain region in the "
          "coming days.", 1, neg="plan", ah="h"),
        S("Storm Daniel killed thousands of people in Derna in September 2023 when two dams "
          "collapsed.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0015", "SY", "2026-10-16", "DAMASCUS",
      "Deadly clashes in Damascus suburb; Israeli troops raid Quneitra village", [
        S("DAMASCUS - Syrian security forces clashed with local Druze gunmen in Jaramana, a "
          "suburb of Damascus, on Wednesday, leaving five dead, a war monitor said.", 0,
          "ASSAULT", "ARMED_CLASH", "firearms", ["Syrian security forces"],
          ["local Druze gunmen"], "Jaramana", "on Wednesday", form=["lead", "apposition"],
          ah="c"),
        S("Authorities imposed a curfew on the suburb from Wednesday evening and set up "
          "checkpoints at its main entrances.", 0, "COERCE", "OTHER", "curfew", ["Authorities"],
          [], "Jaramana", "Wednesday evening", form=["coordination"], ah="c"),
        S("Separately, Israeli troops raided the village of Jubata al-Khashab in Quneitra "
          "province on Thursday and detained three young men, residents said.", 1, "COERCE",
          "ARREST", "arrest", ["Israeli troops"], ["young men"], "Jubata al-Khashab",
          "on Thursday", form=["coordination"], ah="d,g"),
        S("Israel's military said the men were suspected of smuggling weapons.", 1, "ACCUSE",
          "ATTRIB", "allege", ["Israel's military"], ["young men"], None, neg="allegation",
          form=["possessive"], ah="h"),
        S("Syria's foreign ministry denounced the incursion as an affront to Syrian rule over "
          "its own land.", 1, "ACCUSE", "DIPLO", None, ["Syria's foreign ministry"],
          ["Israeli troops"], None, form=["possessive"], ah="h"),
    ]),
    A("dvw-0016", "SY", "2026-11-09", "BEIRUT",
      "Gunmen kill four bus passengers near Suwayda; militias hand over checkpoints", [
        S("BEIRUT - Gunmen ambushed a bus carrying government employees near Thaala, 10 km west "
          "of Suwayda, on Saturday, killing four passengers, Syrian state media reported.", 0,
          "ASSAULT", "ATTACK", "firearms", ["Gunmen"], ["bus"], "Thaala", "on Saturday",
          form=["lead"], ah="a,d,e"),
        S("The dead included the driver, a father of four from a nearby village.", 0,
          form=["apposition"], ah=""),
        S("Local Druze militias withdrew on Sunday from two checkpoints on the outskirts of "
          "Suwayda city, handing them to interior ministry forces under a deal brokered by "
          "elders.", 1, "RETREAT", "NON_VIOL_TERRIT_TRANSFER", "territory",
          ["Local Druze militias"], ["checkpoints"], "Suwayda", "on Sunday", form=["long"],
          ah="c,f,g"),
        S("A spokesman for the militias, Rami Abu Fakhr, said the handover would be followed by "
          "the reopening of the main road.", 1, neg="plan", form=["apposition"], ah="h"),
        S("Damascus has long accused armed factions in the province of ties to Israel, which "
          "they reject.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0017", "IQ", "2026-10-27", "BAGHDAD",
      "Iraqi police turn water cannon on graduates at Baghdad bridge", [
        S("BAGHDAD - Riot police used water cannon and batons on Sunday to push back thousands of "
          "unemployed graduates who tried to cross the Jumhuriya Bridge from Tahrir Square "
          "towards the Green Zone.", 0, "COERCE", "FORCE_AGAINST_PROTEST", "repression",
          ["Riot police"], ["unemployed graduates"], "Jumhuriya Bridge", "on Sunday",
          form=["lead", "multi_clause", "long"], ah="b,c,f"),
        S("An interior ministry spokesman said the force had acted only to protect government "
          "buildings.", 0, neg="denial", ah="h"),
        S("In the southern city of Nasiriyah, several hundred graduates held a sit-in at Haboubi "
          "Square on Monday, demanding public-sector jobs.", 1, "PROTEST", "PEACE_PROTEST",
          "demo", ["graduates"], [], "Haboubi Square", "on Monday", ah="c,g"),
        S("Organisers said they would march on the oil ministry in Baghdad next week if their "
          "demands were not met.", 1, "THREATEN", "DIPLO", None, ["Organisers"], [], None,
          neg="threat", ah="h"),
    ]),
    A("dvw-0018", "IQ", "2026-11-14", "ERBIL",
      "Drone attack halts output at Kurdish gas field; troops and Yazidi fighters clash", [
        S("ERBIL - A drone struck a storage tank at the Khor Mor gas field in Sulaimaniya "
          "province late on Thursday, starting a fire that halted production, the Kurdistan "
          "Regional Government said.", 0, "ASSAULT", "AIR_STRIKE", "drone", [],
          ["storage tank"], "Khor Mor gas field", "late on Thursday", form=["lead", "long"],
          ah="a,c"),
        S("Firefighters had contained the blaze by the next morning and no casualties were "
          "reported.", 0, "AID", "OTHER", "assist", ["Firefighters"], [], "Khor Mor gas field",
          form=["coordination"], ah="a"),
        S("The Kurdistan Regional Government blamed outlaw groups for the attack and called on "
          "Baghdad to find those responsible.", 0, "ACCUSE", "ATTRIB", "allege",
          ["Kurdistan Regional Government"], ["outlaw groups"], None, neg="allegation",
          form=["coordination"], ah="h"),
        S("In Sinjar, 300 km to the west, a Yazidi armed group and Iraqi soldiers exchanged fire "
          "at a checkpoint on Friday, wounding two soldiers, a local official said.", 1,
          "ASSAULT", "ARMED_CLASH", "firearms", ["Yazidi armed group", "Iraqi soldiers"], [],
          "Sinjar", "on Friday", form=["coordination"], ah="e,g"),
        S("The district has been contested by Baghdad, the Kurdish authorities and local "
          "militias since it was retaken from Islamic State in 2015.", 1, neg="background",
          form=["long"], ah="h"),
    ]),
    A("dvw-0019", "YE", "2026-10-05", "ADEN",
      "Houthi shelling kills three children in Taiz; Aden residents protest power cuts", [
        S("ADEN - Houthi shelling hit a residential street in the Yemeni city of Taiz on "
          "Saturday, killing three children and wounding their mother, a government-run "
          "hospital said.", 0, "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons", ["Houthi"],
          ["children"], "Taiz", "on Saturday", form=["lead"], ah="a"),
        S("The shells landed near a water distribution point in the city's Al-Rawda "
          "neighbourhood, residents said.", 0, "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons",
          ["Houthi"], ["water distribution point"], "Al-Rawda", form=["possessive"],
          ah="a,c"),
        S("The Houthis denied targeting civilians and said they had fired at army positions.",
          0, "REJECT", "ATTRIB", None, ["Houthis"], [], None, neg="denial",
          form=["coordination"], ah="h"),
        S("In Aden, hundreds of people rallied in the Crater district on Sunday to protest "
          "against power cuts lasting up to 16 hours a day.", 1, "PROTEST", "PEACE_PROTEST",
          "demo", ["people"], [], "Crater", "on Sunday", ah="b,c,g"),
        S("Some protesters set fire to tyres and blocked the road to the central bank branch "
          "before the crowd broke up.", 1, "PROTEST", "VIOL_DEMONSTR", "riot", ["protesters"],
          [], "Crater", form=["coordination"], ah="b,c"),
    ]),
    A("dvw-0020", "YE", "2026-11-27", "SANAA",
      "Houthis detain four U.N. staff in Sanaa; Israeli jets hit Ras Isa terminal", [
        S("SANAA - Houthi authorities detained four Yemeni employees of United Nations agencies "
          "in raids on their homes on Tuesday, a U.N. spokesperson said.", 0, "COERCE",
          "ARREST", "arrest", ["Houthi authorities"], ["employees"], "Sanaa", "on Tuesday",
          form=["lead"], ah="b"),
        S("According to the Houthis, the four worked as spies for Washington and Israel; the "
          "world body denies it.", 0, "ACCUSE", "ATTRIB", "allege", ["Houthi authorities"],
          ["employees"], None, neg="allegation", form=["apposition"], ah="h"),
        S("Israeli warplanes struck the Ras Isa oil terminal north of the port city of Hodeidah "
          "late on Wednesday, the Houthi-run Al-Masirah television reported.", 1, "ASSAULT",
          "AIR_STRIKE", "aerial", ["Israeli warplanes"], ["Ras Isa oil terminal"], "Ras Isa",
          "late on Wednesday", ah="c,e,g"),
        S("Israel's military said it hit the terminal in response to a Houthi missile fired "
          "towards Eilat on Monday.", 1, "ACCUSE", "ATTRIB", None, ["Israel's military"], [],
          None, form=["possessive"], ah="h"),
        S("The terminal was also bombed several times in 2025.", 1, neg="background",
          form=["passive"], ah="h"),
    ]),
    A("dvw-0021", "LB", "2026-10-20", "BEIRUT",
      "Israeli strike hits Beirut suburbs; troops blow up homes in Khiam", [
        S("BEIRUT - An Israeli air strike hit an apartment in Haret Hreik, in Beirut's southern "
          "suburbs, on Sunday, killing a Hezbollah commander and his driver, Lebanese security "
          "sources said.", 0, "ASSAULT", "AIR_STRIKE", "aerial", ["Israeli"],
          ["Hezbollah commander", "driver"], "Haret Hreik", "on Sunday",
          form=["lead", "possessive", "long"], ah="b,c"),
        S("Israel's military said it had targeted a member of the group's rocket unit.", 0,
          "ACCUSE", "ATTRIB", None, ["Israel's military"], [], None, form=["possessive"],
          ah="h"),
        S("In south Lebanon, Israeli troops blew up a row of houses on the eastern edge of "
          "Khiam, near the border, on Monday, the state-run National News Agency said.", 1,
          "COERCE", "PROPERTY_DISTRUCT", "destroy", ["Israeli troops"], ["houses"], "Khiam",
          "on Monday", ah="e,g"),
        S("Lebanon's president called the demolitions a breach of the ceasefire that took "
          "effect in November 2024.", 1, "ACCUSE", "DIPLO", None, ["Lebanon's president"],
          ["Israeli troops"], None, form=["possessive"], ah="h"),
        S("Many residents who returned to the town after the truce have been unable to "
          "rebuild.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0022", "LB", "2026-11-06", "SIDON",
      "Factional fighting in Ain al-Hilweh camp kills two", [
        S("SIDON - Gunmen from rival Palestinian factions fought with rifles and rocket-propelled "
          "grenades in the Ain al-Hilweh refugee camp on the edge of the city late on "
          "Wednesday, killing two people, camp sources said.", 0, "ASSAULT", "ARMED_CLASH",
          "firearms", ["rival Palestinian factions"], [], "Ain al-Hilweh",
          "late on Wednesday", form=["lead", "long"], ah="b,c"),
        S("The Lebanese Red Cross took 30 wounded and elderly residents out of the camp to "
          "hospitals in Sidon overnight.", 0, "AID", "OTHER", "assist", ["Lebanese Red Cross"],
          ["elderly residents"], "Ain al-Hilweh", form=["coordination"], ah="c,f"),
        S("The Lebanese army deployed troops and armoured vehicles around the camp's entrances "
          "on Thursday but did not go inside.", 0, "MOBILIZE", "CHANGE_TO_GROUP_ACT", "troops",
          ["Lebanese army"], [], "Ain al-Hilweh", "on Thursday", form=["possessive"],
          ah="c"),
        S("In the northern city of Tripoli, gunmen on a motorcycle shot dead a Syrian man in the "
          "Bab al-Tabbaneh neighbourhood on Thursday, the National News Agency reported.", 1,
          "ASSAULT", "ATTACK", "firearms", ["gunmen"], ["Syrian man"], "Bab al-Tabbaneh",
          "on Thursday", form=["long"], ah="c,g"),
        S("Security inside Palestinian camps in Lebanon is left to the factions under a "
          "decades-old arrangement.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0023", "PS", "2026-10-12", "RAMALLAH",
      "Settlers torch homes in Turmus Ayya; army demolishes building in Nur Shams camp", [
        S("RAMALLAH - Israeli settlers set fire to two homes and a car in the village of Turmus "
          "Ayya, north of the city, on Saturday, the Palestinian health ministry and residents "
          "said.", 0, "COERCE", "PROPERTY_DISTRUCT", "destroy", ["Israeli settlers"],
          ["homes", "car"], "Turmus Ayya", "on Saturday", form=["lead"], ah="a,d,e"),
        S("Israeli troops who arrived later fired tear gas at residents trying to put out the "
          "flames, witnesses said.", 0, "ASSAULT", "ATTACK", None, ["Israeli troops"],
          ["residents"], "Turmus Ayya", form=["multi_clause"], ah="a"),
        S("Israel's military said it was reviewing the incident.", 0, ah="h"),
        S("In the Nur Shams refugee camp east of Tulkarm, Israeli forces demolished a "
          "three-storey building on Sunday, the camp's popular committee said.", 1, "COERCE",
          "PROPERTY_DISTRUCT", "destroy", ["Israeli forces"], ["building"], "Nur Shams",
          "on Sunday", ah="c,e,g"),
        S("The military has been operating in camps in the northern West Bank since January "
          "2025.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0024", "PS", "2026-11-21", "CAIRO",
      "Gaza truce extended after Cairo talks; tank fire kills two near Khan Younis", [
        S("CAIRO - Hamas and Israeli negotiators held indirect talks in Cairo on Thursday on "
          "extending the Gaza truce, Egyptian officials said.", 0, "CONSULT", "DIPLO", None,
          ["Hamas", "Israeli negotiators"], [], "Cairo", "on Thursday",
          form=["lead", "coordination"], ah="b"),
        S("The two sides agreed to a 30-day extension and an exchange of bodies, the officials "
          "added.", 0, "AGREE", "AGREEMENT", "ceasefire", ["Hamas", "Israeli negotiators"], [],
          "Cairo", ah="b"),
        S("In Gaza, Israeli tank fire killed two men near the yellow line east of Khan Younis on "
          "Friday, health officials in the enclave said.", 1, "ASSAULT", "ART_MISS_ATTACK",
          "heavy-weapons", ["Israeli"], ["men"], "Khan Younis", "on Friday", ah="e,g"),
        S("Israel's military said the men had crossed the line and approached its troops.", 1,
          "ACCUSE", "ATTRIB", "allege", ["Israel's military"], ["men"], None,
          neg="allegation", form=["possessive"], ah="h"),
        S("The truce has been broken repeatedly since it took effect.", 1, neg="background",
          ah="h"),
    ]),
    A("dvw-0025", "UA", "2026-10-03", "KYIV",
      "Russian glide bombs hit Kharkiv district; Ukraine pulls troops from Kamianske", [
        S("KYIV - Russian aircraft dropped two glide bombs on the Saltivskyi district of Kharkiv "
          "on Thursday, killing four people and damaging a school, the regional governor said.",
          0, "ASSAULT", "AIR_STRIKE", "aerial", ["Russian aircraft"], ["people", "school"],
          "Saltivskyi", "on Thursday", form=["lead"], ah="a,c"),
        S("Emergency crews dug two survivors out of a collapsed block of flats overnight.", 0,
          "AID", "OTHER", "assist", ["Emergency crews"], ["survivors"], "Saltivskyi", ah="a"),
        S("Further south, Ukrainian troops pulled back from the village of Kamianske, south of "
          "Zaporizhzhia, to avoid encirclement, the military said on Friday.", 1, "RETREAT",
          "NON_VIOL_TERRIT_TRANSFER", "territory", ["Ukrainian troops"], [], "Kamianske",
          ah="d,e,f,g"),
        S("Russia's defence ministry said Russian forces had captured the village.", 1,
          "ASSAULT", "GOV_REGAINS_TERIT", "territory", ["Russian forces"],
          ["Ukrainian troops"], "Kamianske", form=["possessive"], ah="d"),
    ]),
    A("dvw-0026", "UA", "2026-11-10", "ODESA",
      "Russian drones hit Odesa port and homes; Izmail warehouse damaged", [
        S("ODESA - Russian drones hit port infrastructure and a residential building in the city "
          "overnight on Sunday, injuring seven people and cutting power to several districts, "
          "Ukraine's emergency service said.", 0, "ASSAULT", "AIR_STRIKE", "drone", ["Russian"],
          ["port infrastructure", "residential building"], "Odesa", "overnight on Sunday",
          form=["lead", "long"], ah="b"),
        S("Firefighters battled a blaze at a grain terminal in the Peresyp district until "
          "morning.", 0, "AID", "OTHER", "assist", ["Firefighters"], [], "Peresyp", ah="b,c"),
        S("A second wave of Russian drones struck the Danube port of Izmail, near the border with "
          "Romania, on Monday, damaging a warehouse, regional officials said.", 1, "ASSAULT",
          "AIR_STRIKE", "drone", ["Russian"], ["warehouse"], "Izmail", "on Monday", ah="e,g"),
        S("Romania's defence ministry said it scrambled two F-16 jets from its Fetesti air base "
          "as the drones flew close to its airspace.", 1, "MOBILIZE", "CHANGE_TO_GROUP_ACT",
          "troops", ["Romania's defence ministry"], [], "Fetesti", form=["possessive"],
          ah="c,g"),
        S("Ukraine's ports have been targeted repeatedly since Moscow quit a Black Sea grain deal "
          "in 2023.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0027", "RU", "2026-10-25", "MOSCOW",
      "Ukrainian drones set oil depot ablaze in Russia's Belgorod region", [
        S("MOSCOW - Ukrainian drones struck an oil depot in the town of Valuyki in Russia's "
          "Belgorod region on Friday, setting fuel tanks on fire, the regional governor said.",
          0, "ASSAULT", "AIR_STRIKE", "drone", ["Ukrainian"], ["oil depot"], "Valuyki",
          "on Friday", form=["lead", "possessive"], ah="a"),
        S("Local authorities evacuated residents of nearby streets while firefighters worked to "
          "contain the blaze.", 0, "AID", "OTHER", "assist", ["Local authorities"],
          ["residents of nearby streets"], "Valuyki", form=["multi_clause"], ah="a"),
        S("In the Kursk region, Russian border guards detained two men near the village of "
          "Tetkino, close to the Ukrainian border, on Thursday on suspicion of spying for Kyiv, "
          "the FSB security service said.", 1, "COERCE", "ARREST", "arrest",
          ["Russian border guards"], ["men"], "Tetkino", "on Thursday", form=["long"],
          ah="d,e,g"),
        S("Kyiv has said its strikes on Russian energy facilities answer attacks on Ukraine's "
          "power grid.", 1, neg="background", ah="h"),
    ]),
    A("dvw-0028", "UA", "2026-11-26", "DNIPRO",
      "Ukraine orders families out of villages near Kostiantynivka", [
        S("DNIPRO - Ukrainian authorities on Tuesday ordered the compulsory evacuation of "
          "families with children from 11 villages around Kostiantynivka, in the eastern "
          "Donetsk region, as Russian forces pressed closer.", 0, "COERCE", "OTHER", "restrict",
          ["Ukrainian authorities"], ["families with children"], "Kostiantynivka",
          "on Tuesday", form=["lead", "long"], ah="a,e"),
        S("Police and volunteers took about 90 children by bus from the area to Dnipro on "
          "Wednesday, a regional official said.", 0, "AID", "OTHER", "assist",
          ["Police", "volunteers"], ["children"], "Kostiantynivka", "on Wednesday",
          form=["coordination"], ah="a,f"),
        S("Overnight, a Russian missile hit an industrial site in Dnipro's Novokodatskyi "
          "district, injuring three workers, the regional governor said.", 1, "ASSAULT",
          "ART_MISS_ATTACK", "heavy-weapons", ["Russian"], ["industrial site"],
          "Novokodatskyi", form=["possessive"], ah="b,c,g"),
        S("Moscow says it strikes only military targets.", 1, neg="denial", ah="h"),
    ]),
    A("dvw-0029", "SS", "2026-10-28", "JUBA",
      "South Sudan army says it retook Nasir; floods swamp Bor", [
        S("JUBA - South Sudan's army said on Tuesday it had recaptured the town of Nasir in Upper "
          "Nile state from White Army militiamen after two days of fighting.", 0, "ASSAULT",
          "GOV_REGAINS_TERIT", "territory", ["South Sudan's army"], ["White Army militiamen"],
          "Nasir", form=["lead", "possessive"], ah="a"),
        S("Government gunboats shelled militia positions along the Sobat river outside the town "
          "before troops moved in, an army spokesman said.", 0, "ASSAULT", "ART_MISS_ATTACK",
          "heavy-weapons", ["Government gunboats"], ["militia positions"], "Nasir",
          ah="a,e"),
        S("The White Army, a loosely organised force of armed Nuer youths, denied losing the town "
          "and said its fighters still held the river port.", 0, "REJECT", "ATTRIB", None,
          ["White Army"], [], None, neg="denial", form=["apposition", "coordination"],
          ah="h"),
        S("In Jonglei state, unknown gunmen killed four cattle herders and stole hundreds of cows "
          "at Pieri, a village in Uror county, on Sunday, a county commissioner said.", 1,
          "ASSAULT", "ATTACK", "firearms", ["unknown gunmen"], ["cattle herders"], "Pieri",
          "on Sunday", form=["apposition", "long"], ah="d,g"),
        S("Floodwaters also submerged parts of Bor, the state capital, on Saturday after the "
          "Nile burst its banks.", 1, "AID", "NATURAL_DISASTER", "natural-disaster", [], [],
          "Bor", "on Saturday", form=["apposition"], ah="g"),
    ]),
    A("dvw-0030", "KE", "2026-11-30", "NAIROBI",
      "Militants shell Kenyan police camp in Mandera; border crossing shut", [
        S("NAIROBI - Suspected al Shabaab militants fired mortars at a police camp in Mandera, "
          "near the border with Somalia, on Saturday, wounding three officers, Kenyan police "
          "said.", 0, "ASSAULT", "ART_MISS_ATTACK", "heavy-weapons", ["al Shabaab militants"],
          ["police camp"], "Mandera", "on Saturday", form=["lead"], ah="a,e"),
        S("Officers returned fire and the attackers retreated across the frontier, the police "
          "statement said.", 0, "ASSAULT", "ARMED_CLASH", "firearms", ["Officers"],
          ["al Shabaab militants"], "Mandera", form=["coordination"], ah="a,f"),
        S("Kenya's interior ministry ordered the closure of the Mandera-Bula Hawa crossing on "
          "Sunday and deployed extra paramilitary police along the border.", 1, "COERCE",
          "OTHER", "restrict", ["Kenya's interior ministry"], ["Mandera-Bula Hawa crossing"],
          "Mandera-Bula Hawa crossing", "on Sunday", form=["coordination", "possessive"],
          ah="c"),
        S("Police in Lamu county arrested five men at a roadblock near Mpeketoni on Friday and "
          "seized two rifles, a county police commander said.", 1, "COERCE", "ARREST",
          "arrest", ["Police"], ["men"], "Mpeketoni", "on Friday", form=["coordination"],
          ah="d,g"),
        S("Al Shabaab has staged frequent raids into Kenya's northeast since Kenyan troops "
          "entered Somalia in 2011.", 1, neg="background", ah="h"),
    ]),
]


def resolve(words, text, pub):
    """Resolve the day words against the publication day; fail when they do not resolve."""
    if words not in text:
        raise SystemExit(f"date words {words!r} not in sentence: {text}")
    m = re.search(r"\b(\d{1,2}) (October|November)\b", words)
    if m:
        d = datetime.date(2026, MONTHS[m.group(2)], int(m.group(1)))
        if d > pub:
            raise SystemExit(f"date {d} after publication {pub}: {text}")
        return d
    found = [w for w in WEEKDAYS if re.search(rf"\b{w}\b", words)]
    if len(found) != 1:
        raise SystemExit(f"date words {words!r} name no single weekday: {text}")
    wd = WEEKDAYS.index(found[0])
    if wd == pub.weekday():
        raise SystemExit(f"weekday {found[0]} is the publication weekday (ambiguous): {text}")
    back = (pub.weekday() - wd) % 7
    return pub - datetime.timedelta(days=back)


def build():
    out, rows, seen_ids = [], [], set()
    for art in ARTICLES:
        pub = datetime.date.fromisoformat(art["pub"])
        if not (datetime.date(2026, 10, 1) <= pub <= datetime.date(2026, 11, 30)):
            raise SystemExit(f"{art['id']}: publication day outside Oct-Nov 2026")
        if art["id"] in seen_ids:
            raise SystemExit(f"duplicate id {art['id']}")
        seen_ids.add(art["id"])
        body = " ".join(s["text"] for s in art["sents"])
        full = f"{art['title']} {body}"
        sents = []
        for i, s in enumerate(art["sents"]):
            realis = s["cat"] is not None
            for span in s["actors"] + s["targets"]:
                if span not in body:
                    raise SystemExit(f"{art['id']}[{i}]: span {span!r} not in article body")
            place = s["place"]
            if place is not None and place not in full and place.upper() != art["dateline"]:
                raise SystemExit(f"{art['id']}[{i}]: place {place!r} not in article")
            date = None
            if s["day"] is not None:
                date = resolve(s["day"], s["text"], pub).isoformat()
            if not realis and (s["actors"] or s["targets"] or place or date):
                raise SystemExit(f"{art['id']}[{i}]: realis false sentence carries labels")
            sents.append({
                "text": s["text"], "para": s["para"], "realis": realis,
                "category": s["cat"], "mode": s["mode"], "subtype": s["sub"],
                "actors": s["actors"], "targets": s["targets"], "place": place,
                "date": date, "negative": s["neg"], "form": s["form"],
            })
            rows.append(f"{art['id']}\t{i}\t{s['ah']}")
        out.append({"id": art["id"], "country": art["country"], "published_at": art["pub"],
                    "dateline": art["dateline"], "title": art["title"], "sentences": sents})
    check_runs(out)
    return out, rows


def check_runs(arts, n=6):
    """No two sentences may share a run of n words."""
    owner = {}
    for art in arts:
        for i, s in enumerate(art["sentences"]):
            words = re.findall(r"[\w'-]+", s["text"].lower())
            for k in range(len(words) - n + 1):
                run = " ".join(words[k:k + n])
                key = (art["id"], i)
                if run in owner and owner[run] != key:
                    raise SystemExit(f"6-word run {run!r} in {owner[run]} and {key}")
                owner[run] = key


def main():
    arts, rows = build()
    with open(os.path.join(HERE, "set.jsonl"), "w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "forms.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tsentence\tforms\n")
        for r in rows:
            f.write(r + "\n")
    print(f"wrote {len(arts)} articles, {len(rows)} sentences")


if __name__ == "__main__":
    main()
