"""What the article says about where it is: the evidence behind a reading.

The countries an article names (by mentions, a country counting double) and
the regions it names, from a first resolution pass; the focus country is the
one named most. Cue words of one name hold for all its mentions.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from streams.tagging.places.toponym import Resolution, Toponym

# Context may overturn a population ratio of about 50 (log10 1.7): London,
# Ontario in a Canadian story, but Paris, France even in an American one.
FOCUS_BONUS, COUNTRY_BONUS = 1.7, 0.8


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


def merge_cues(toponyms: list[Toponym]) -> list[Toponym]:
    """Cues of one name apply to all its mentions ("Kursk" after "Kursk region")."""
    cues: dict[str, set[str]] = {}
    for t in toponyms:
        cues.setdefault(t.key, set()).update(t.cues)
    return [replace(t, cues=cues[t.key]) for t in toponyms]
