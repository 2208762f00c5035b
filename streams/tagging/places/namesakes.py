"""Namesakes that lie together: readings of two ambiguous names that share a neighbourhood.

A reader of "floods cut the road between Santiago and Mao" takes both for the
Dominican towns 50 km apart, not Santiago de Chile and Mao in Chad, although
each name alone would go the other way; and "Richmond", "Wayne County" and
"Centerville" together are the Indiana ones. The coherence of
:mod:`streams.tagging.places.context` cannot see this: it measures distance to
the readings a previous pass chose, and a wrong first guess for one name pulls
the others along. Here every ambiguous name keeps all its *plausible* readings
(those scoring near its best without context) and a reading earns support
from each other ambiguous name that has a plausible reading nearby.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from streams.tagging.places.context import COHERENCE_NORM, COHERENCE_SCALE_KM
from streams.tagging.places.gazetteer import Candidate, Entry

# A reading is plausible when it scores this close to the name's best one
# without context (a log10-population scale: a town a hundredth of the size of
# the biggest namesake is still a candidate). Chosen on the team development
# sets among 1.0, 1.5, 2.0 and 2.5 (see data/places/DATA.md).
PLAUSIBLE_MARGIN = 2.0
# Readings with a point that says where the story is (areas are too large).
POINT_FEATURES = frozenset({"city", "admin2", "water", "landform"})
# A name is ambiguous when two plausible readings lie farther apart than this.
AMBIGUOUS_KM = 161.0
# Support from namesakes counts at most this many names' worth.
JOINT_CAP = 2.0


def plausible_readings(scored: list[tuple[float, Entry]]) -> tuple[Candidate, ...]:
    """The readings with a point of one name's context-free ranking (best first) that are
    plausible, when they lie far enough apart to make the name ambiguous; else ()."""
    if not scored:
        return ()
    best = scored[0][0]
    near = {(c.lat, c.lon): c for value, e in scored if value >= best - PLAUSIBLE_MARGIN
            and (c := e.candidate).feature in POINT_FEATURES and c.lat is not None and c.lon is not None}
    readings = tuple(near.values())
    if len(readings) < 2:
        return ()
    lat, lon = _points(readings)
    return readings if _km_matrix(lat, lon).max() > AMBIGUOUS_KM else ()


def joint_support(readings: dict[str, tuple[Candidate, ...]]) -> dict[str, dict[str, float]]:
    """Per ambiguous name, per plausible reading: 0..JOINT_CAP, the sum over the other
    ambiguous names of how near their nearest plausible reading lies (context's
    coherence scale: 1 at the same point, 0 at 3,000 km)."""
    keys = [k for k, r in readings.items() if r]
    if len(keys) < 2:
        return {}
    cands = [c for k in keys for c in readings[k]]
    sizes = [len(readings[k]) for k in keys]
    starts = np.cumsum([0, *sizes[:-1]])
    lat, lon = _points(cands)
    nearest = np.minimum.reduceat(_km_matrix(lat, lon), starts, axis=1)  # candidate x name
    close = np.clip(1.0 - np.log1p(nearest / COHERENCE_SCALE_KM) / COHERENCE_NORM, 0.0, None)  # as Context.coherence
    close[np.arange(len(cands)), np.repeat(np.arange(len(keys)), sizes)] = 0.0  # not its own name
    total = np.minimum(JOINT_CAP, close.sum(axis=1))
    out: dict[str, dict[str, float]] = {}
    for row, (key, c) in enumerate((k, c) for k in keys for c in readings[k]):
        out.setdefault(key, {})[c.id] = float(total[row])
    return out


def _points(cands: Iterable[Candidate]) -> tuple[np.ndarray, np.ndarray]:
    """Latitudes and longitudes in radians (readings here always have a point)."""
    pairs = [(c.lat or 0.0, c.lon or 0.0) for c in cands]
    return np.radians([p[0] for p in pairs]), np.radians([p[1] for p in pairs])


def _km_matrix(lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Great-circle distances in kilometres between every pair of points (radians)."""
    a = (np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
         + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2)
    return 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
