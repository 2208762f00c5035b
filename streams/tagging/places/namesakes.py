"""Namesakes that lie together: readings of two ambiguous names that share a neighbourhood.

A reader of "floods cut the road between Santiago and Mao" takes both for the
Dominican towns 50 km apart, not Santiago de Chile and Mao in Chad, although
each name alone would go the other way; and "Richmond", "Wayne County" and
"Centerville" together are the Indiana ones. The coherence of
:mod:`streams.tagging.places.context` cannot see this: it measures distance to
the readings a previous pass chose, and a wrong first guess for one name pulls
the others along. Here every name keeps all its *plausible* readings (those
scoring near its best without context) and a reading earns support from each
other ambiguous name that has a plausible reading nearby.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from streams.tagging.places.gazetteer import Entry

# A reading is plausible when it scores this close to the name's best one
# without context (a log10-population scale: a town a hundredth of the size of
# the biggest namesake is still a candidate). Chosen on the team development
# sets among 1.0, 1.5, 2.0 and 2.5 (see data/places/DATA.md).
PLAUSIBLE_MARGIN = 2.0
# Readings with a point that says where the story is (areas are too large).
POINT_FEATURES = frozenset({"city", "admin2", "water", "landform"})
# A name is ambiguous when two plausible readings lie farther apart than this.
AMBIGUOUS_KM = 161.0

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Namesakes:
    """Per name: the ids of its plausible readings, and (ambiguous names only) their points."""

    plausible: dict[str, frozenset[str]]
    points: dict[str, tuple[Point, ...]]

    def others(self, key: str) -> tuple[tuple[Point, ...], ...]:
        """The plausible points of every ambiguous name other than ``key``."""
        return tuple(points for other, points in self.points.items() if other != key)


def plausible_readings(ranked: dict[str, list[tuple[float, Entry]]],
                       km: Callable[[float, float, float, float], float]) -> Namesakes:
    """The plausible readings of each name from its context-free ranking (best first).

    ``km`` is the great-circle distance function (lat1, lon1, lat2, lon2).
    """
    plausible: dict[str, frozenset[str]] = {}
    points: dict[str, tuple[Point, ...]] = {}
    for key, scored in ranked.items():
        if not scored:
            continue
        best = scored[0][0]
        near = [e.candidate for value, e in scored if value >= best - PLAUSIBLE_MARGIN]
        plausible[key] = frozenset(c.id for c in near)
        spots = tuple(dict.fromkeys((c.lat, c.lon) for c in near if c.feature in POINT_FEATURES
                                    and c.lat is not None and c.lon is not None))
        if any(km(*a, *b) > AMBIGUOUS_KM for a in spots for b in spots):
            points[key] = spots
    return Namesakes(plausible, points)
