"""Scoring a toponym's gazetteer candidates and choosing the best one.

Every candidate gets a score: a prior (countries above regions above cities,
cities by population), plus evidence from the article (see
:mod:`streams.tagging.places.context`): countries and regions named elsewhere
(weighted towards the focus country), a qualifier right after a comma
("Paris, Texas"), and cue words ("Kursk region", "the city of"). A name the
model did not label as a place needs more evidence before it is taken
(:mod:`streams.tagging.places.accept`).
"""

from __future__ import annotations

import math
import re

from streams.tagging.entities.names import listed_group, nationality_countries
from streams.tagging.entities.nominals import actor_nouns
from streams.tagging.places.accept import (
    DEMONYM,
    WEAK_CUES,
    accepted,
    foreign_other_name,
    likeness,
    short_form,
)
from streams.tagging.places.context import Context
from streams.tagging.places.gazetteer import Candidate, Entry, normalize
from streams.tagging.places.toponym import Resolution, Toponym
from streams.tagging.shared.geo import distance_km

# Priors on a log10-population scale: a country outweighs its largest city;
# a region by its full name weighs like a city of 630,000; by a name shared
# with its capital ("Sumy"), like one of 100,000.
PRIOR = {"country": 10.0, "admin1": 5.8, "admin2": 5.0, "region": 6.5, "water": 6.5,
         "landform": 6.5, "facility": 6.0, "other": 3.0}
WEAK_ADMIN1_PRIOR = 5.0
# A second-level area named exactly like a town within this distance of its point (a
# municipality and its seat: "Salina Cruz", "Recife") is named in the news for the town:
# it weighs like a district by its bare name; "municipality", "district" or "county" next
# to it (CUE_BONUS) says otherwise.
SEAT_KM = 30.0
# A district by its bare name ("Buner" for Buner District, "Delaware" for
# Delaware County) is rarer news than the state or town of that name; "county"
# or "district" next to it says otherwise (see CUE_BONUS).
WEAK_ADMIN2_PRIOR = 3.0
# A first-level area the article's towns lie in ("Delaware" in a story about Wilmington).
ADMIN1_OF_TOWNS_BONUS = 1.5
# Evidence next to the country bonuses of context.py: a town in a region the
# article names, and a qualifier right after a comma ("Paris, Texas").
ADMIN1_BONUS, QUALIFIER_BONUS = 1.5, 4.0
# A first-level area named like a town of its own ("New York", "Oaxaca", "Mendoza") when the
# article names other towns of the area that lie beyond the town's surroundings (Buffalo
# and Rochester, not Brooklyn): the story is about the area.
# 1.0 to 2.0 and 50 to 150 km score the same on the team development sets: the smallest.
AREA_OF_FAR_TOWNS_BONUS, FAR_TOWN_KM = 1.0, 80.0
# A place in the same first-level area as a town the article names.
TOWN_ADMIN1_BONUS = 0.8
# Spatial coherence (context.Context.coherence, 0..1) at its best: a
# neighbour of the article's other places outweighs a namesake ten times
# bigger far away.
COHERENCE_BONUS = 2.0
# Per other ambiguous name with a plausible reading next to this one (namesakes.py,
# context.joint_support): Santiago and Mao together are the Dominican towns.
JOINT_BONUS = 1.5
# A town or district in the first-level area the article's other names can
# lie in (context.admin1_shares), at a support of 1 (one other name found only
# there, or several that share it): Paris, Texas next to Lamar County and Honey Grove.
# Not for a name that is also a country's or first-level area's own name
# ("Washington", "Queensland", "Mexico"): there the area is the likelier reading.
ADMIN1_SUPPORT_BONUS = 1.0
# Names in one list are mostly of one kind: "Alberta, Manitoba, Ontario" are
# provinces (not Ontario, California). Not for towns: a list of towns may end
# in a country or state ("Kyiv, Lviv and Russia"), and towns have their own prior.
LIST_FEATURE_BONUS = 2.0
# A town whose population GeoNames does not give is taken as a village of this size.
UNKNOWN_POPULATION = 1000
# Cue words: what each says for (and against) each feature.
CUE_BONUS: dict[str, dict[str, float]] = {
    "region": {"admin1": 3.0, "admin2": 2.0, "city": -0.5},
    "county": {"admin2": 4.0, "city": -0.5},
    "district": {"admin2": 4.0, "admin1": 1.5, "city": -1.0},
    "city": {"city": 1.5},
    "water": {"water": 4.0, "landform": 1.0, "city": -2.0, "admin1": -2.0, "admin2": -2.0,
              "country": -2.0},
    "the": {"water": 1.5, "landform": 1.5, "region": 1.0, "city": -0.5},
    # "in Goma": the town before the district of its name
    "locative": {"city": 0.5},
}
# A town reached by one of its other names ("New York" for New York City,
# "Victoria" for Hong Kong) yields to a place of exactly that name.
ALTERNATE_NAME_PENALTY = 1.2
# ... except a city named "<name> City" read by its name without "City": "New York" is
# New York City as often as the state. Half the penalty: only a city of millions
# (about 2.5 million and up) then outweighs a first-level area of exactly that name
# (not Oklahoma City, Kansas City or Cebu City).
CITY_WORD_PENALTY = 0.6
# ... but not where a country has exactly the name read: "Mexico", "Panama", "Guatemala", "Kuwait" are
# the country far more often than the capital "<name> City" ("an earthquake struck southern Mexico"
# in a story that names Mexico City as well): the full penalty there.
SPELLING_LIKENESS = 0.8
# ... more when a bigger city has exactly that name: "Milan" is Milan, not a smaller town
# that lists Milan among its other names, even in a story about that town's country. 1.0
# and 2.0 score the same on the team development sets; 2.0 also outweighs a story's
# country and a neighbour ("Milan ... New York": not Syracuse, NY).
BIGGER_EXACT_PENALTY = 2.0
# ... as does a city read by its short form (accept.short_form): "Santa Cruz" for Santa Cruz
# de la Sierra, "Newcastle" for Newcastle upon Tyne.
# ... and a town the article already names by its own name is not named again by one of
# its other names: "rain in Bahia flooded Salvador" means the state of Bahia, not Salvador
# (one of whose old names is Bahia). A reading within this distance of another name's
# reading is the same place.
ECHO_PENALTY, ECHO_KM = 2.5, 5.0
# Capitals are named far more often than their size suggests ("Washington said").
CAPITAL_BONUS = 0.3
# A region is mostly named in stories about its own country ("Georgia" in a US story).
REGION_IN_FOCUS_BONUS = 2.6
# A town named exactly like a first-level area of its country ("Oregon, Ohio",
# "California, Md.") yields to the area unless it is big or a capital.
SHADOWED_TOWN_PENALTY, SHADOWED_TOWN_MAX_POPULATION = 1.5, 500_000
# A town named like a country ("Lebanon" next to Mount Juliet and Wilson County) is the
# town in a local story: when at least two of the article's other places lie within
# 100 km of it, in the focus country, and nothing else in the article points at that
# country ("doctors flew from Nashville to Lebanon" stays the country).
LOCAL_NAMESAKE_BONUS, LOCAL_NAMESAKE_KM, LOCAL_NAMESAKE_NEIGHBOURS = 2.0, 100.0, 2
# Several countries' first-level areas of one name ("Gaza" in Mozambique and Palestine)
# tie on their prior: the one named like a big town of its own is the one in the news.
NAMESAKE_AREA_BONUS, NAMESAKE_AREA_MIN_POPULATION = 0.1, 100_000
# Areas English names with "the" ("the Congo", "the Gambia"); other countries
# and states after "the" are the river of their name when there is one.
ARTICLE_AREAS = frozenset({"congo", "gambia", "sudan", "netherlands", "philippines", "bahamas",
                           "ukraine", "lebanon", "yemen", "punjab", "caribbean"})
RIVER_OVER_AREA = 4.0
SOURCE_TRUST = {"ner": 1.0, "relabel": 0.9, "gazetteer": 0.85}
# English names a river with "the" ("the Dnipro", "the Nile"); a water body
# whose own name says what it is ("Black Sea", "Lake Kivu") needs no article.
BARE_RIVER_PENALTY = 2.0
_WATER_NAME = re.compile(r"\b(sea|ocean|lake|lakes|gulf|bay|strait|straits|canal|channel|river|"
                         r"reservoir|lagoon|sound|harbou?r|creek|falls)\b", re.IGNORECASE)


def _prior(entry: Entry) -> float:
    c = entry.candidate
    if c.feature == "city":
        return math.log10((c.population or UNKNOWN_POPULATION) + 1)
    if c.feature == "admin1" and entry.weak:
        return WEAK_ADMIN1_PRIOR
    if c.feature == "admin2" and entry.weak:
        return WEAK_ADMIN2_PRIOR
    return PRIOR.get(c.feature, 3.0)


def score(entry: Entry, toponym: Toponym, context: Context | None,
          qualifier: Candidate | None = None, foreign_country: bool = False,
          exact_exists: bool = True) -> float:
    """The candidate's score for this toponym; higher is likelier.

    ``foreign_country`` says a rival reading is a country other than the
    focus one: then a region of the focus country is the likelier reading.
    ``exact_exists`` says some candidate's own name is exactly the name read.
    """
    c = entry.candidate
    value = _prior(entry)
    if c.capital:  # listed with another capital, like its partners (LIST_FEATURE_BONUS)
        value += CAPITAL_BONUS + (LIST_FEATURE_BONUS if context and "capital" in context.partner_features else 0)
    if c.feature == "city" and normalize(c.name) != toponym.key:
        # another spelling ("Zaporizhzhia" for Zaporizhzhya) costs little when no place has
        # exactly the name read; otherwise the place of that name comes first ("Namanga" is
        # not Namangan, "Victoria" not Hong Kong)
        spelling = not exact_exists and likeness(toponym.key, c.name) >= SPELLING_LIKENESS
        if normalize(c.name) == f"{toponym.key} city" or short_form(normalize(c.name)) == toponym.key:
            value -= CITY_WORD_PENALTY
        else:
            value -= ALTERNATE_NAME_PENALTY * (0.25 if spelling else 1.0)
            if not spelling and context is not None and context.neighbours(c.lat, c.lon, ECHO_KM):
                value -= ECHO_PENALTY
    if context is not None:
        value += context.country_bonus(c.country_code)
        if foreign_country and c.feature == "admin1" and context.is_focus(c.country_code):
            value += REGION_IN_FOCUS_BONUS
        if c.feature in ("city", "admin2") and c.admin1_code in context.admin1:
            value += ADMIN1_BONUS
        elif c.feature in ("city", "admin2") and c.admin1_code in context.town_admin1:
            value += TOWN_ADMIN1_BONUS
        elif c.feature == "admin1" and c.admin1_code in context.town_admin1:
            value += ADMIN1_OF_TOWNS_BONUS
        if c.feature not in ("country", "region"):
            value += COHERENCE_BONUS * context.coherence(c.lat, c.lon)

        if c.feature not in ("country", "city") and c.feature in context.partner_features:
            value += LIST_FEATURE_BONUS
    if qualifier is not None and (
        (qualifier.feature == "country" and qualifier.country_code == c.country_code)
        or (qualifier.admin1_code and qualifier.admin1_code == c.admin1_code)
    ):
        value += QUALIFIER_BONUS
    for cue in toponym.cues:
        value += CUE_BONUS.get(cue, {}).get(c.feature, 0.0)
    if c.feature == "water" and not toponym.cues & {"the", "water"} and not _WATER_NAME.search(c.name):
        value -= BARE_RIVER_PENALTY  # "in Dnipro" is the city; the river is "the Dnipro"
    return value


# A name the model called a people that is the own name of a city this big
# ("Police from Tunis", "in Culiacan") is the city: no people is named so.
NORP_CITY_MIN_POPULATION = 100_000


def _own_name(toponym: Toponym, entries: list[Entry]) -> bool:
    """Whether a demonym-shaped name is exactly a country's, a big city's or (with a water cue) a
    river's name ("Tajikistan", which the model may call a people, ends as "Afghan" does)."""
    return any(normalize(e.candidate.name) == toponym.key and (
        (e.candidate.feature == "country" and not e.weak)
        or (e.candidate.feature == "city" and e.candidate.population >= NORP_CITY_MIN_POPULATION)
        or (e.candidate.feature == "water" and "water" in toponym.cues)) for e in entries)


def _people_word(toponym: Toponym) -> bool:
    """Whether an unknown name that ends like a demonym is a word for a people (or a person's
    name: "Hemedti"): a country's nationality word ("Ukrainian"), a group word ("Houthis"), or a
    name the text gives no place cue (a bare "the" is none: "the Papuan civilians"). Town names
    end so too, and where the text places them ("the town of Moqokori", "near Boulkessi") they
    are places."""
    key = toponym.key
    # ``key in nationality_countries()`` is demonyms.is_demonym's test on the lower-case key;
    # demonyms imports the resolver, which imports this module, so it is read here directly
    return bool(DEMONYM.search(key)) and (key in nationality_countries() or listed_group(key)
                                          or not toponym.cues - {"the"})


def resolve_one(toponym: Toponym, entries: tuple[Entry, ...], context: Context | None,
                qualifier: Candidate | None = None) -> Resolution | None:
    """The best candidate for one toponym, or None to drop the toponym.

    An unknown name the model labelled as a place is kept unresolved, unless
    it is a word for people (:func:`_people_word`: "Ukrainian") or a noun for people
    ("Gunmen" opening a sentence), neither of which is a place.
    """
    if toponym.key in nationality_countries() and not toponym.cues - WEAK_CUES:
        # a country's people, whatever the word's ending ("Kyrgyz herders", "Tongan officers",
        # "Somali officials"): not a place of that name (Ethiopia's Somali Region, Tong'an, China)
        # nor an unknown one; places.demonyms makes it a mention of its country
        return None
    # "Ind." or "Miss." name a state only after "Town, " or when the model says so
    usable = [e for e in entries if not (e.weak and toponym.key.endswith(".")
                                         and not toponym.after_place_comma
                                         and toponym.source != "ner")]
    if not usable:
        if toponym.source == "ner" and toponym.capitalised and not _people_word(toponym) \
                and toponym.key not in actor_nouns():
            return Resolution(None, 0.0)
        return None  # a demonym ("Ukrainian"), a noun for people or a lowercase word ("marijuana")
    if toponym.label == "NORP" and DEMONYM.search(toponym.key) and not _own_name(toponym, usable) \
            and not toponym.cues - WEAK_CUES and _people_word(toponym):
        # "Canadian" is a people, not Canadian, Texas; "Mangochi district" is a place, and so is a
        # name that is no word for a people where the text places it ("in Michoacan", "near Gayeri")
        return None
    scored = rank(toponym, usable, context, qualifier)
    best_score, best = scored[0]
    if foreign_other_name(toponym, best, context):
        return Resolution(None, 0.0) if toponym.source == "ner" and toponym.capitalised else None
    if not accepted(toponym, best, context):
        return None
    rivals = [s for s, e in scored[1:] if not _same_place(e.candidate, best.candidate)]
    margin = best_score - rivals[0] if rivals else 3.0
    confidence = SOURCE_TRUST[toponym.source] / (1.0 + math.exp(-1.5 * margin))
    return Resolution(best.candidate, round(min(0.99, max(0.05, confidence)), 3))


def rank(toponym: Toponym, entries: list[Entry] | tuple[Entry, ...], context: Context | None,
         qualifier: Candidate | None = None) -> list[tuple[float, Entry]]:
    """Every candidate with its score, best first (``--explain`` shows the top three)."""
    foreign = context is not None and any(
        e.candidate.feature == "country" and not context.is_focus(e.candidate.country_code)
        for e in entries)
    areas = {e.candidate.country_code for e in entries if e.candidate.feature == "admin1"
             and not e.weak and normalize(e.candidate.name) == toponym.key}
    exact = any(normalize(e.candidate.name) == toponym.key for e in entries)
    exact_town = max((e.candidate.population for e in entries if e.candidate.feature == "city"
                      and normalize(e.candidate.name) == toponym.key), default=0)
    namesake_areas = {e.candidate.admin1_code for e in entries
                      if e.candidate.feature == "city" and e.candidate.population >= NAMESAKE_AREA_MIN_POPULATION
                      and normalize(e.candidate.name) == toponym.key}
    area_name = names_area(toponym.key, entries)
    seats = [e.candidate for e in entries if e.candidate.feature == "city" and e.candidate.lat is not None
             and normalize(e.candidate.name) == toponym.key]
    area_towns = [e.candidate for e in entries if e.candidate.feature == "city" and not _other_name(
        e.candidate, toponym.key)]
    support = {} if context is None or area_name else context.admin1_support
    # "the Niger", "the Jordan": with "the", a river before the country or state of its name
    river = "the" in toponym.cues and toponym.key not in ARTICLE_AREAS \
        and any(e.candidate.feature == "water" for e in entries)
    # a country of this name that nothing else in the article points at
    lone_country = context is not None and any(e.candidate.feature == "country" and not e.weak
                                               and e.candidate.country_code not in context.countries
                                               for e in entries)
    country_named = any(e.candidate.feature == "country" and normalize(e.candidate.name) == toponym.key
                        for e in entries)
    scored = []
    for e in entries:
        value = score(e, toponym, context, qualifier, foreign, exact)
        c = e.candidate
        if c.feature in ("city", "admin2") and c.admin1_code:
            value += ADMIN1_SUPPORT_BONUS * min(1.0, support.get(c.admin1_code, 0.0))
        if context is not None and not area_name and c.feature in ("city", "admin2"):
            value += JOINT_BONUS * context.joint_support.get(c.id, 0.0)  # not "New Brunswick", "Georgia"
        if river and c.feature in ("country", "admin1"):
            value -= RIVER_OVER_AREA
        if c.feature == "city" and c.country_code in areas and not c.capital \
                and c.population < SHADOWED_TOWN_MAX_POPULATION and "city" not in toponym.cues:
            value -= SHADOWED_TOWN_PENALTY  # not after "the town of Kidal"
        if lone_country and context is not None and c.feature == "city" and context.is_focus(c.country_code) \
                and context.neighbours(c.lat, c.lon, LOCAL_NAMESAKE_KM) >= LOCAL_NAMESAKE_NEIGHBOURS:
            value += LOCAL_NAMESAKE_BONUS
        if country_named and c.feature == "city" and normalize(c.name) == f"{toponym.key} city":
            value -= ALTERNATE_NAME_PENALTY - CITY_WORD_PENALTY
        if c.feature == "admin1" and c.admin1_code in namesake_areas:
            value += NAMESAKE_AREA_BONUS
        if c.feature == "city" and c.population < exact_town and _other_name(c, toponym.key):
            value -= BIGGER_EXACT_PENALTY
        if context is not None and c.feature == "admin1" and any(
                context.towns_beyond(c.admin1_code, t.lat, t.lon, FAR_TOWN_KM) for t in area_towns
                if t.admin1_code == c.admin1_code):
            value += AREA_OF_FAR_TOWNS_BONUS
        if c.feature == "admin2" and not e.weak and _seat_of(c, toponym.key, seats):
            value -= PRIOR["admin2"] - WEAK_ADMIN2_PRIOR
        scored.append((value, e))
    return sorted(scored, key=lambda pair: pair[0], reverse=True)


def _other_name(c: Candidate, key: str) -> bool:
    """Whether ``key`` is one of the city's other names, not its own, its "X City" or short form."""
    name = normalize(c.name)
    return key not in (name, short_form(name)) and name != f"{key} city"


def _seat_of(area: Candidate, key: str, towns: list[Candidate]) -> bool:
    """Whether the second-level area is named exactly ``key`` and one of ``towns`` (of that
    name) lies within SEAT_KM of its point."""
    return area.lat is not None and area.lon is not None and normalize(area.name) == key and any(
        t.country_code == area.country_code and distance_km(area.lat, area.lon, t.lat or 0.0, t.lon or 0.0) <= SEAT_KM
        for t in towns)


def names_area(key: str, entries: list[Entry] | tuple[Entry, ...]) -> bool:
    """Whether ``key`` is the own name of a country or first-level area among ``entries``."""
    return any(e.candidate.feature in ("country", "admin1") and not e.weak
               and normalize(e.candidate.name) == key for e in entries)


def _same_place(a: Candidate, b: Candidate) -> bool:
    """A region and its capital, or two entries for one town, are not rivals."""
    if a.id == b.id:
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return abs(a.lat - b.lat) < 1.0 and abs(a.lon - b.lon) < 1.0 and a.country_code == b.country_code
