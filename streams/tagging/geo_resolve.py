"""Choosing what each toponym means, using the rest of the article.

Every candidate gets a score: a prior (countries above regions above cities,
cities by population), plus evidence from the article: countries and regions
named elsewhere (weighted towards the focus country), a qualifier right after
a comma ("Paris, Texas"), and cue words ("Kursk region", "the city of").
Resolution runs twice: the first pass, without context, tells which
countries and regions the article is about; the second uses that.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from streams.tagging.gazetteer import Candidate, Entry, Gazetteer, normalize
from streams.tagging.geo_finder import Toponym

# Priors on a log10-population scale: a country outweighs its largest city;
# a region by its full name weighs like a city of 630,000; by a name shared
# with its capital ("Sumy"), like one of 100,000.
PRIOR = {"country": 10.0, "admin1": 5.8, "admin2": 5.0, "region": 6.5, "water": 6.5,
         "landform": 6.5, "facility": 6.0, "other": 3.0}
WEAK_ADMIN1_PRIOR = 5.0
# Context may overturn a population ratio of about 50 (log10 1.7): London,
# Ontario in a Canadian story, but Paris, France even in an American one.
FOCUS_BONUS, COUNTRY_BONUS, ADMIN1_BONUS, QUALIFIER_BONUS = 1.7, 0.8, 1.5, 4.0
# A town reached by one of its other names ("New York" for New York City,
# "Victoria" for Hong Kong) yields to a place of exactly that name.
ALTERNATE_NAME_PENALTY = 1.2
# Capitals are named far more often than their size suggests ("Washington said").
CAPITAL_BONUS = 0.3
# A region is mostly named in stories about its own country ("Georgia" in a US story).
REGION_IN_FOCUS_BONUS = 2.6
# Evidence needed before a name the model did not label as a place is taken.
MIN_POPULATION = {"relabel": 50_000, "gazetteer": 100_000, "PERSON": 500_000}
MIN_POPULATION_IN_CONTEXT = {"relabel": 10_000, "gazetteer": 20_000, "PERSON": 10_000}
# A name the model did not call a place must look like the place's own name,
# not one of its historical or foreign alternates ("Google" for Topeka).
MIN_NAME_LIKENESS = 0.75
HEADING_MIN_POPULATION = 1_000_000
# A bare name whose region is named explicitly elsewhere is the town when the
# town is at least this big (or a capital): "Kharkiv" vs "the Kharkiv region".
BARE_TOWN_MIN_POPULATION = 50_000
SOURCE_TRUST = {"ner": 1.0, "relabel": 0.9, "gazetteer": 0.85}
_DEMONYM = re.compile(r"(ian|ean|an|ish|ese|i|ic|ch)s?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Resolution:
    """What one toponym was resolved to (``candidate`` None when unresolved)."""

    candidate: Candidate | None
    confidence: float


@dataclass(slots=True)
class Context:
    """What the article says about where it is."""

    countries: Counter
    admin1: set[str]

    def is_focus(self, code: str | None) -> bool:
        return bool(code and self.countries) and self.countries.get(code, 0) == max(self.countries.values())

    def country_bonus(self, code: str | None) -> float:
        if not code or not self.countries:
            return 0.0
        share = self.countries.get(code, 0) / max(self.countries.values())
        return COUNTRY_BONUS + (FOCUS_BONUS - COUNTRY_BONUS) * share if share else 0.0


def _prior(entry: Entry) -> float:
    c = entry.candidate
    if c.feature == "city":
        return math.log10(c.population + 1)
    if c.feature == "admin1" and entry.weak:
        return WEAK_ADMIN1_PRIOR
    return PRIOR.get(c.feature, 3.0)


def score(entry: Entry, toponym: Toponym, context: Context | None,
          qualifier: Candidate | None = None, foreign_country: bool = False) -> float:
    """The candidate's score for this toponym; higher is likelier.

    ``foreign_country`` says a rival reading is a country other than the
    focus one: then a region of the focus country is the likelier reading.
    """
    c = entry.candidate
    value = _prior(entry)
    if c.capital:
        value += CAPITAL_BONUS
    if c.feature == "city" and normalize(c.name) != toponym.key:
        value -= ALTERNATE_NAME_PENALTY
    if context is not None:
        value += context.country_bonus(c.country_code)
        if foreign_country and c.feature == "admin1" and context.is_focus(c.country_code):
            value += REGION_IN_FOCUS_BONUS
        if c.feature in ("city", "admin2") and c.admin1_code in context.admin1:
            value += ADMIN1_BONUS
    if qualifier is not None and (
        (qualifier.feature == "country" and qualifier.country_code == c.country_code)
        or (qualifier.admin1_code and qualifier.admin1_code == c.admin1_code)
    ):
        value += QUALIFIER_BONUS
    if "region" in toponym.cues:
        value += {"admin1": 3.0, "admin2": 2.0, "city": -0.5}.get(c.feature, 0.0)
    if "county" in toponym.cues:
        value += {"admin2": 3.0, "city": -0.5}.get(c.feature, 0.0)
    if "city" in toponym.cues:
        value += 1.5 if c.feature == "city" else 0.0
    return value


def _accepted(toponym: Toponym, entry: Entry, context: Context | None) -> bool:
    """Whether a name the model did not call a place has enough support."""
    c = entry.candidate
    if toponym.source == "ner" or toponym.cues:
        return True
    if c.feature in ("country", "water", "landform", "region") or (c.feature == "admin1" and not entry.weak):
        return True
    if c.feature == "city" and _likeness(toponym.key, c.name) < MIN_NAME_LIKENESS:
        return False
    if toponym.nested and c.feature == "city" and (
            normalize(c.name) != toponym.key or _DEMONYM.search(toponym.key)):
        return False  # in an organisation's name: "Drug" is not Durg, "Canadian" not Canadian, TX
    if context is not None and c.admin1_code and c.admin1_code in context.admin1:
        return True  # a town in a region the article names ("Churchill" in a Manitoba story)
    if toponym.in_heading:
        return c.feature == "city" and c.population >= HEADING_MIN_POPULATION
    in_context = context is not None and c.country_code in context.countries
    if c.feature == "city":
        kind = "PERSON" if toponym.label == "PERSON" else toponym.source
        floor = (MIN_POPULATION_IN_CONTEXT if in_context else MIN_POPULATION)[kind]
        return c.population >= floor
    return in_context


def _likeness(key: str, name: str) -> float:
    other = normalize(name)
    return 1.0 if key == other else SequenceMatcher(None, key, other).ratio()


def resolve_one(toponym: Toponym, entries: tuple[Entry, ...], context: Context | None,
                qualifier: Candidate | None = None) -> Resolution | None:
    """The best candidate for one toponym, or None to drop the toponym.

    An unknown name the model labelled as a place is kept unresolved, unless
    it looks like a demonym ("Ukrainian"), which is not a place.
    """
    # "Ind." or "Miss." name a state only after "Town, " or when the model says so
    usable = [e for e in entries if not (e.weak and toponym.key.endswith(".")
                                         and not toponym.after_place_comma
                                         and toponym.source != "ner")]
    if not usable:
        if toponym.source == "ner" and toponym.capitalised and not _DEMONYM.search(toponym.key):
            return Resolution(None, 0.0)
        return None  # a demonym ("Ukrainian") or a lowercase word ("marijuana")
    if toponym.label == "NORP" and _DEMONYM.search(toponym.key):
        return None  # "Canadian" is a people, not Canadian, Texas
    foreign = context is not None and any(
        e.candidate.feature == "country" and not context.is_focus(e.candidate.country_code)
        for e in usable)
    scored = sorted(((score(e, toponym, context, qualifier, foreign), e) for e in usable),
                    key=lambda pair: pair[0], reverse=True)
    best_score, best = scored[0]
    if not _accepted(toponym, best, context):
        return None
    rivals = [s for s, e in scored[1:] if not _same_place(e.candidate, best.candidate)]
    margin = best_score - rivals[0] if rivals else 3.0
    confidence = SOURCE_TRUST[toponym.source] / (1.0 + math.exp(-1.5 * margin))
    return Resolution(best.candidate, round(min(0.99, max(0.05, confidence)), 3))


def _same_place(a: Candidate, b: Candidate) -> bool:
    """A region and its capital, or two entries for one town, are not rivals."""
    if a.id == b.id:
        return True
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    return abs(a.lat - b.lat) < 1.0 and abs(a.lon - b.lon) < 1.0 and a.country_code == b.country_code


def build_context(toponyms: list[Toponym], resolutions: list[Resolution | None],
                  leave_out: str | None = None) -> Context:
    """Countries (by mentions) and regions the article names, from a first pass.

    ``leave_out`` drops one name's own votes, so a name cannot vote for its
    own reading ("London" repeated ten times must not make Britain the focus).
    """
    countries: Counter = Counter()
    admin1: set[str] = set()
    for toponym, resolution in zip(toponyms, resolutions, strict=True):
        if resolution is None or resolution.candidate is None or toponym.key == leave_out:
            continue
        c = resolution.candidate
        if c.feature == "country" or (c.feature == "admin1" and "region" not in toponym.cues):
            weight = 2 if c.feature == "country" else 1
        else:
            weight = 1 if resolution.confidence >= 0.6 else 0
        if c.country_code and weight:
            countries[c.country_code] += weight
        if c.feature == "admin1" and c.admin1_code:
            admin1.add(c.admin1_code)
    return Context(countries, admin1)


def resolve_all(toponyms: list[Toponym], gazetteer: Gazetteer) -> list[Resolution | None]:
    """Resolve every toponym of an article; same name, same place."""
    entries = [gazetteer.lookup_key(t.key) for t in toponyms]
    merged = _merge_cues(toponyms)
    first = [resolve_one(merged[i], entries[i], None) for i in range(len(toponyms))]
    contexts: dict[str, Context] = {}
    final = []
    for i, toponym in enumerate(merged):
        if toponym.key not in contexts:
            contexts[toponym.key] = build_context(toponyms, first, leave_out=toponym.key)
        qualifier = None
        if toponym.qualifier is not None and (q := first[toponym.qualifier]) is not None:
            qualifier = q.candidate
        final.append(resolve_one(toponym, entries[i], contexts[toponym.key], qualifier))
    groups = _bare_towns(toponyms, entries, final, contexts)
    return _locate_counties(_consistent(toponyms, final, groups))


def _bare_towns(toponyms: list[Toponym], entries: list[tuple[Entry, ...]],
                resolutions: list[Resolution | None], contexts: dict[str, Context]) -> list[str]:
    """Let a bare name be the town when other mentions name the region explicitly.

    In "strikes hit Kharkiv ... in the Kharkiv region" the region cue belongs
    to its own mention: the bare "Kharkiv" is the city when the region's
    country has a town of that name of some size (or a capital). A bare name
    listed with another region's name ("Sumy and Kharkiv", after "Sumy and
    Kharkiv regions") still means the region. Changes ``resolutions`` in
    place; returns each mention's group for :func:`_consistent`.
    """
    groups = [t.key for t in toponyms]
    explicit = {t.key for t in toponyms if "region" in t.cues}
    if not explicit:
        return groups
    regions: dict[str, Candidate] = {}
    for toponym, resolution in zip(toponyms, resolutions, strict=True):
        c = resolution.candidate if resolution is not None else None
        if "region" in toponym.cues and c is not None and c.feature in ("admin1", "admin2"):
            regions.setdefault(toponym.key, c)
    for i, toponym in enumerate(toponyms):
        region = regions.get(toponym.key)
        if region is None or "region" in toponym.cues or toponym.partners & explicit:
            continue
        towns = tuple(e for e in entries[i] if e.candidate.feature == "city"
                      and e.candidate.country_code == region.country_code
                      and (e.candidate.population >= BARE_TOWN_MIN_POPULATION or e.candidate.capital))
        town = resolve_one(toponym, towns, contexts[toponym.key]) if towns else None
        if town is not None:
            resolutions[i] = town
            groups[i] = f"{toponym.key}\ttown"
    return groups


def _locate_counties(resolutions: list[Resolution | None]) -> list[Resolution | None]:
    """Give a county without a point the point of a town the article names in its state.

    The packaged county list has no coordinates; a story about "Metcalfe
    County" usually names a town there ("Edmonton, Ky."), which is a far
    better guess than nothing. Confidence is lowered to say so.
    """
    towns: dict[str, Candidate] = {}  # admin1 code -> first located town there
    for r in resolutions:
        if r is not None and r.candidate is not None and r.candidate.feature == "city" \
                and r.candidate.admin1_code and r.candidate.lat is not None:
            towns.setdefault(r.candidate.admin1_code, r.candidate)
    out = []
    for r in resolutions:
        c = r.candidate if r is not None else None
        if r is not None and c is not None and c.feature == "admin2" and c.lat is None \
                and c.admin1_code in towns:
            town = towns[c.admin1_code]
            r = Resolution(replace(c, lat=town.lat, lon=town.lon), round(r.confidence * 0.7, 3))
        out.append(r)
    return out


def _merge_cues(toponyms: list[Toponym]) -> list[Toponym]:
    """Cues of one name apply to all its mentions ("Kursk" after "Kursk region")."""
    cues: dict[str, set[str]] = {}
    for t in toponyms:
        cues.setdefault(t.key, set()).update(t.cues)
    return [replace(t, cues=cues[t.key]) for t in toponyms]


def _consistent(toponyms: list[Toponym], resolutions: list[Resolution | None],
                groups: list[str]) -> list[Resolution | None]:
    """Give every mention of a group (a name, or its bare town mentions) its most confident reading."""
    best: dict[str, Resolution] = {}
    for toponym, resolution, group in zip(toponyms, resolutions, groups, strict=True):
        if resolution is not None and resolution.candidate is not None and toponym.qualifier is None:
            held = best.get(group)
            if held is None or resolution.confidence > held.confidence:
                best[group] = resolution
    out = []
    for toponym, resolution, group in zip(toponyms, resolutions, groups, strict=True):
        if resolution is not None and resolution.candidate is not None and group in best \
                and toponym.qualifier is None:
            resolution = best[group]
        out.append(resolution)
    return out
