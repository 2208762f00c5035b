"""Choosing what each toponym means, using the rest of the article.

Every candidate gets a score: a prior (countries above regions above cities,
cities by population), plus evidence from the article: countries and regions
named elsewhere (weighted towards the focus country), a qualifier right after
a comma ("Paris, Texas"), and cue words ("Kursk region", "the city of").
Resolution runs in passes: the first, without context, tells which
countries, regions and points the article is about; the next ones use that
(country and region bonuses, spatial coherence), each from the one before.

Scoring is :mod:`streams.tagging.places.score`, the article's evidence
:mod:`streams.tagging.places.context`; this module runs the passes and keeps the
mentions of one name consistent.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from streams.tagging.places.context import (
    Context,
    admin1_shares,
    admin1_support,
    build_context,
    merge_cues,
    partner_features,
)
from streams.tagging.places.counties import locate_counties
from streams.tagging.places.gazetteer import Candidate, Entry, NameIndex
from streams.tagging.places.namesakes import joint_support, plausible_readings
from streams.tagging.places.score import rank, resolve_one
from streams.tagging.places.toponym import Resolution, Toponym
from streams.tagging.places.variants import variant_entries

# A bare name whose region is named explicitly elsewhere is the town when the
# town is at least this big (or a capital): "Kharkiv" vs "the Kharkiv region".
BARE_TOWN_MIN_POPULATION = 50_000


# Passes with context: the second uses the first pass's readings as context,
# the third the second's (a wrong first guess far away stops pulling its
# neighbours once the context has corrected it).
CONTEXT_PASSES = 2


def resolve_all(toponyms: list[Toponym], gazetteer: NameIndex,
                peoples: Counter | None = None) -> list[Resolution | None]:
    """Resolve every toponym of an article; same name, same place (``peoples``: see
    :func:`~streams.tagging.places.context.build_context`)."""
    return resolve_with_context(toponyms, gazetteer, peoples)[0]


def resolve_with_context(toponyms: list[Toponym], gazetteer: NameIndex, peoples: Counter | None = None) -> tuple[
        list[Resolution | None], list[Toponym], list[tuple[Entry, ...]], dict[str, Context],
        list[Candidate | None]]:
    """The readings, with what led to them (for ``--explain``).

    Returns:
        (readings, toponyms with merged cues, entries per toponym, the context
        each name was read in, the qualifier of each toponym).
    """
    merged = merge_cues(toponyms)
    entries = [gazetteer.lookup_key(t.key) + _river_of(t, gazetteer) for t in merged]
    current = [resolve_one(merged[i], entries[i], None) for i in range(len(toponyms))]
    _respell(merged, entries, current, gazetteer)
    shares = admin1_shares([t.key for t in toponyms], entries)
    support = _namesake_support(merged, entries)
    contexts: dict[str, Context] = {}
    qualifiers: list[Candidate | None] = [None] * len(toponyms)
    for _ in range(CONTEXT_PASSES):
        contexts = {}
        following = []
        for i, toponym in enumerate(merged):
            if toponym.key not in contexts:
                contexts[toponym.key] = replace(
                    build_context(toponyms, current, leave_out=toponym.key, peoples=peoples),
                    partner_features=partner_features(toponyms, current, toponym.key),
                    admin1_support=admin1_support(shares, toponym.key),
                    joint_support=support.get(toponym.key, {}))
            qualifier = None
            if toponym.qualifier is not None and (q := current[toponym.qualifier]) is not None:
                qualifier = q.candidate
            qualifiers[i] = qualifier
            following.append(resolve_one(toponym, entries[i], contexts[toponym.key], qualifier))
        current = following
    _parts_of_towns(merged, entries, current, contexts)
    groups = _bare_towns(toponyms, entries, current, contexts)
    return locate_counties(_consistent(toponyms, current, groups)), merged, entries, contexts, qualifiers


def _respell(toponyms: list[Toponym], entries: list[tuple[Entry, ...]],
             current: list[Resolution | None], gazetteer: NameIndex) -> None:
    """Names the model called places that no gazetteer name matches get the entries of a
    respelling in a country the article's other places lie in (see variants.py); changes
    ``entries`` and ``current`` in place."""
    unknown = [i for i, t in enumerate(toponyms) if not entries[i] and t.source == "ner" and t.capitalised]
    if not unknown:
        return
    countries = {r.candidate.country_code for r in current
                 if r is not None and r.candidate is not None and r.candidate.country_code}
    for i in unknown:
        entries[i] = variant_entries(toponyms[i].key, gazetteer, countries)
        current[i] = resolve_one(toponyms[i], entries[i], None)


def _namesake_support(toponyms: list[Toponym], entries: list[tuple[Entry, ...]]) -> dict[str, dict[str, float]]:
    """:func:`~.namesakes.joint_support` over the plausible readings of each name, read from
    the context-free ranking of its first mention: one ranking per name, not per mention."""
    first: dict[str, int] = {}
    for i, toponym in enumerate(toponyms):
        first.setdefault(toponym.key, i)
    # names in the order of their last mention, latest first: the order joint_support has
    # always summed in (a float sum in another order can break an exact tie differently)
    keys = dict.fromkeys(t.key for t in reversed(toponyms))
    return joint_support({key: plausible_readings(rank(toponyms[first[key]], entries[first[key]], None))
                          for key in keys})


def _river_of(toponym: Toponym, gazetteer: NameIndex) -> tuple[Entry, ...]:
    """The river "the X" may name when the gazetteer knows it only as "X River" ("the Tana")."""
    if not toponym.cues & {"the", "water"} or toponym.key.endswith(" river"):
        return ()
    return tuple(e for e in gazetteer.lookup_key(f"{toponym.key} river") if e.candidate.feature == "water")


def _parts_of_towns(toponyms: list[Toponym], entries: list[tuple[Entry, ...]],
                    current: list[Resolution | None], contexts: dict[str, Context]) -> None:
    """A town's part named by the town's possessive ("Nairobi's Eastleigh neighbourhood") lies in
    the town's country: read every mention of its name among the candidates there, or as a place
    without a point when none there is accepted (the possessive says it is a place), never as a
    namesake abroad (Eastleigh, England). Only a town's possessive: a country's can name land
    GeoNames files under another code ("Russia's Mariupol"). Changes ``current`` in place."""
    homes: dict[str, str] = {}
    for toponym in toponyms:
        owner = current[toponym.possessor] if toponym.possessor is not None else None
        if owner is not None and owner.candidate is not None and owner.candidate.feature == "city" \
                and owner.candidate.country_code:
            homes.setdefault(toponym.key, owner.candidate.country_code)
    for i, toponym in enumerate(toponyms):
        home, reading = homes.get(toponym.key), current[i]
        if home is None or reading is None or reading.candidate is None or reading.candidate.country_code == home:
            continue
        home_entries = tuple(e for e in entries[i] if e.candidate.country_code == home)
        current[i] = resolve_one(toponym, home_entries, contexts[toponym.key]) or Resolution(None, 0.0)


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


def _consistent(toponyms: list[Toponym], resolutions: list[Resolution | None],
                groups: list[str]) -> list[Resolution | None]:
    """Give every mention of a group (a name, or its bare town mentions) its most confident reading."""
    # a river and its namesake town are told apart mention by mention ("the Dnipro", "in Dnipro")
    groups = [f"{g}\twater" if r is not None and r.candidate is not None and r.candidate.feature == "water"
              else g for g, r in zip(groups, resolutions, strict=True)]
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
