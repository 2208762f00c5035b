"""Giving a county without coordinates the point of a town named in its state."""

from __future__ import annotations

from dataclasses import replace

from streams.tagging.places.gazetteer import Candidate
from streams.tagging.places.toponym import Resolution


def locate_counties(resolutions: list[Resolution | None]) -> list[Resolution | None]:
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
