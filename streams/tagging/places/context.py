"""What the article says about where it is: the evidence behind a reading.

The countries an article names (by mentions, a country counting double),
the first-level areas it names or that its towns lie in, and the points of
its other places, from an earlier resolution pass; the focus country is the
one named most. Cue words of one name hold for all its mentions.

Spatial coherence: a reader takes "Khar" in a story about Bajaur for the
town next door, not a namesake 3,000 km away. :meth:`Context.coherence`
scores a candidate's point by its distance to the nearest other place of
the article (towns, districts, rivers; countries and first-level areas are
too large to say much and count through ``countries`` and ``admin1``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field, replace

from streams.tagging.places.gazetteer import Entry, normalize
from streams.tagging.places.toponym import Resolution, Toponym
from streams.tagging.shared.geo import distance_km

# Context may overturn a population ratio of about 50 (log10 1.7): London,
# Ontario in a Canadian story, but Paris, France even in an American one.
FOCUS_BONUS, COUNTRY_BONUS = 1.7, 0.8
# Features whose point locates the story (an anchor for coherence).
ANCHOR_FEATURES = frozenset({"city", "admin2", "water", "landform", "facility"})
# Readings this sure (or surer) are anchors.
ANCHOR_CONFIDENCE = 0.5
# Coherence falls from 1 at the same point to 0 at this distance, on a log scale.
COHERENCE_SCALE_KM, COHERENCE_LIMIT_KM = 25.0, 3000.0
COHERENCE_NORM = math.log1p(COHERENCE_LIMIT_KM / COHERENCE_SCALE_KM)


@dataclass(slots=True)
class Context:
    """What the article says about where it is."""

    countries: Counter
    admin1: set[str]
    town_admin1: set[str] = field(default_factory=set)  # first-level areas of the towns named
    anchors: list[tuple[float, float]] = field(default_factory=list)
    # features the names listed with this one were read as ("Alberta, Manitoba, Ontario")
    partner_features: frozenset[str] = frozenset()
    # first-level areas the article's other names could lie in (see admin1_shares)
    admin1_support: dict[str, float] = field(default_factory=dict)
    # support of each plausible reading of this name from the other ambiguous names
    # (candidate id -> 0..2, see namesakes.py)
    joint_support: dict[str, float] = field(default_factory=dict)
    # the towns and districts named (sure readings): (lat, lon, first-level area code)
    towns: list[tuple[float, float, str]] = field(default_factory=list)

    def coherence(self, lat: float | None, lon: float | None) -> float:
        """0..1: how near the point lies to the article's other places (0 with none)."""
        if lat is None or lon is None or not self.anchors:
            return 0.0
        nearest = min(distance_km(lat, lon, a, b) for a, b in self.anchors)
        return max(0.0, 1.0 - math.log1p(nearest / COHERENCE_SCALE_KM) / COHERENCE_NORM)

    def neighbours(self, lat: float | None, lon: float | None, within_km: float) -> int:
        """How many of the article's other places lie within ``within_km`` of the point."""
        if lat is None or lon is None:
            return 0
        return sum(1 for a, b in self.anchors if distance_km(lat, lon, a, b) <= within_km)

    def towns_beyond(self, admin1_code: str | None, lat: float | None, lon: float | None,
                     km: float) -> int:
        """How many of the article's other towns lie in the first-level area ``admin1_code``
        farther than ``km`` from the point."""
        if not admin1_code or lat is None or lon is None:
            return 0
        return sum(1 for a, b, code in self.towns if code == admin1_code and distance_km(lat, lon, a, b) > km)

    def is_focus(self, code: str | None) -> bool:
        return bool(code and self.countries) and self.countries.get(code, 0) == max(self.countries.values())

    def country_bonus(self, code: str | None) -> float:
        if not code or not self.countries:
            return 0.0
        share = self.countries.get(code, 0) / max(self.countries.values())
        return COUNTRY_BONUS + (FOCUS_BONUS - COUNTRY_BONUS) * share if share else 0.0


def build_context(toponyms: list[Toponym], resolutions: list[Resolution | None],
                  leave_out: str | None = None, peoples: Counter | None = None) -> Context:
    """Countries (by mentions) and regions the article names, from a first pass.

    ``leave_out`` drops one name's own votes, so a name cannot vote for its
    own reading ("London" repeated ten times must not make Britain the focus).
    ``peoples``: countries named by their people's word ("Nigerian police"), one vote a
    mention, as a town read with confidence gives (a named country gives two).
    """
    countries: Counter = Counter(peoples or {})
    admin1: set[str] = set()
    town_admin1: set[str] = set()
    towns: list[tuple[float, float, str]] = []
    anchors: dict[tuple[float, float], None] = {}
    for toponym, resolution in zip(toponyms, resolutions, strict=True):
        if resolution is None or resolution.candidate is None or toponym.key == leave_out:
            continue
        c = resolution.candidate
        sure = resolution.confidence >= ANCHOR_CONFIDENCE
        if sure and c.feature in ANCHOR_FEATURES and c.lat is not None and c.lon is not None:
            anchors[(c.lat, c.lon)] = None
        if sure and c.feature in ("city", "admin2") and c.admin1_code:
            town_admin1.add(c.admin1_code)
            if c.lat is not None and c.lon is not None:
                towns.append((c.lat, c.lon, c.admin1_code))
        if c.feature == "country" or (c.feature == "admin1" and "region" not in toponym.cues):
            weight = 2 if c.feature == "country" else 1
        else:
            weight = 1 if resolution.confidence >= 0.6 else 0
        if c.country_code and weight:
            countries[c.country_code] += weight
        if c.feature == "admin1" and c.admin1_code:
            admin1.add(c.admin1_code)
    return Context(countries, admin1, town_admin1, list(anchors), towns=towns)


def admin1_shares(keys: list[str], entries: list[tuple[Entry, ...]]) -> dict[str, dict[str, float]]:
    """Per name, the first-level areas its towns and districts lie in, each weighing 1/n.

    A reader takes Paris, Lamar County and Clarksville for the Texan ones
    because Texas is the one state all three names (and Honey Grove, which
    only Texas has) can lie in. A name that exists in 30 states says little
    about each; a name found in one state says much.
    """
    shares: dict[str, dict[str, float]] = {}
    for key, options in zip(keys, entries, strict=True):
        if key in shares or any(e.candidate.feature in ("country", "admin1") and not e.weak
                                and normalize(e.candidate.name) == key for e in options):
            continue  # "Texas", "Georgia": an area's own name, not a town's
        areas = {e.candidate.admin1_code for e in options
                 if e.candidate.feature in ("city", "admin2") and e.candidate.admin1_code}
        shares[key] = {code: 1.0 / len(areas) for code in areas}
    return shares


def admin1_support(shares: dict[str, dict[str, float]], key: str) -> dict[str, float]:
    """How much the names other than ``key`` point at each first-level area."""
    support: Counter = Counter()
    for other, areas in shares.items():
        if other != key:
            support.update(areas)
    return dict(support)


def partner_features(toponyms: list[Toponym], resolutions: list[Resolution | None],
                     key: str) -> frozenset[str]:
    """The features of the readings of the names listed with ``key`` (any of its mentions),
    and "capital" when one is a national capital ("Canberra and Wellington")."""
    partners = {p for t in toponyms if t.key == key for p in t.partners}
    readings = [r.candidate for t, r in zip(toponyms, resolutions, strict=True)
                if t.key in partners and r is not None and r.candidate is not None]
    return frozenset([c.feature for c in readings] + ["capital" for c in readings if c.capital])


# Cues that belong to one mention: "across the Dnipro" is the river, "in Dnipro" the city.
OWN_CUES = frozenset({"water", "the", "locative"})


def merge_cues(toponyms: list[Toponym]) -> list[Toponym]:
    """Cues of one name apply to all its mentions ("Kursk" after "Kursk region"), but not
    the cues of :data:`OWN_CUES`."""
    cues: dict[str, set[str]] = {}
    for t in toponyms:
        cues.setdefault(t.key, set()).update(t.cues - OWN_CUES)
    return [replace(t, cues=cues[t.key] | (t.cues & OWN_CUES)) for t in toponyms]
