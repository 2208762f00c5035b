"""Whether a reading is taken: the evidence a name needs when the model did not call it a place.

A name the model labelled as a place is taken with its best reading; one it gave
another label (``relabel``) or none (``gazetteer``) needs support: a big town, a
cue word, a region or neighbour the article names (see :func:`accepted`).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from streams.tagging.entities.names import listed_group
from streams.tagging.places.context import Context
from streams.tagging.places.gazetteer import Entry, normalize
from streams.tagging.places.toponym import Toponym

# A small town the model did not call a place is taken when it lies this near
# (coherence, see context.py: 0.75 is about 60 km, 0.85 about 25 km) to
# another place of the article in the same country ("the Pirbright laboratory" in Surrey).
NEIGHBOUR_COHERENCE = {"relabel": 0.75, "gazetteer": 0.85}

# Evidence needed before a name the model did not label as a place is taken.
MIN_POPULATION = {"relabel": 50_000, "gazetteer": 100_000, "PERSON": 500_000}
MIN_POPULATION_IN_CONTEXT = {"relabel": 10_000, "gazetteer": 20_000, "PERSON": 10_000}
# A name the model did not call a place must look like the place's own name,
# not one of its historical or foreign alternates ("Google" for Topeka).
MIN_NAME_LIKENESS = 0.75
# ... unless it is a big city's well-known other name ("Calcutta", "Bombay", "Saigon").
EXONYM_MIN_POPULATION = 2_000_000
HEADING_MIN_POPULATION = 1_000_000

# Words that name areas in many countries ("Western" Province, "Central" region):
# without the model's place label or a region cue they are adjectives.
GENERIC_AREA_WORDS = frozenset({"western", "eastern", "northern", "southern", "central", "north",
                                "south", "east", "west", "upper", "lower", "coast", "capital",
                                "middle", "interior", "frontier", "islands", "highlands", "lakes"})
# Cues too common to vouch for a name the model did not call a place ("the Council").
WEAK_CUES = frozenset({"the", "locative"})

# Model labels the entities' locative rule overrules ("in March" stays a date).
LOCATIVE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT"})

DEMONYM = re.compile(r"(ian|ean|an|ish|ese|i|ic|ch)s?$", re.IGNORECASE)



def foreign_other_name(toponym: Toponym, entry: Entry, context: Context | None) -> bool:
    """Whether a town is found only by another of its names (not its own, nor a big city's
    well-known exonym) in a country the article does not name, while it names others: "the central
    town of Boni" in a Malian story is not Bonn, whose Latin name GeoNames lists. The model's own
    places are no exception; such a name stays a place without a point."""
    c = entry.candidate
    return c.feature == "city" and context is not None and bool(context.countries) \
        and c.country_code not in context.countries and c.population < EXONYM_MIN_POPULATION \
        and toponym.key not in {normalize(c.name), normalize(c.ascii_name or c.name)}


def accepted(toponym: Toponym, entry: Entry, context: Context | None) -> bool:
    """Whether a name the model did not call a place has enough support."""
    c = entry.candidate
    if toponym.key in GENERIC_AREA_WORDS and toponym.source != "ner" and "region" not in toponym.cues:
        return False
    if toponym.source == "ner" or toponym.cues - WEAK_CUES:
        return True
    if toponym.source == "relabel" and toponym.label in LOCATIVE_LABELS and "locative" in toponym.cues \
            and not toponym.nested:
        # "fighters advanced toward Goma": the entities' rules drop the model's person or
        # organisation there, so the name is the place or nothing
        return True
    if (toponym.nested or toponym.source == "gazetteer") and c.feature == "admin1" and context is not None \
            and context.countries and c.country_code not in context.countries:
        # "Mayo Clinic" in a US story is no Irish county, an unlabelled "Delta" in an
        # Egyptian one no Nigerian state
        return False
    if c.feature in ("country", "water", "landform", "region") or (c.feature == "admin1" and not entry.weak):
        return True
    if c.feature == "city" and likeness(toponym.key, c.name) < MIN_NAME_LIKENESS \
            and c.population < EXONYM_MIN_POPULATION:
        return False
    if toponym.nested and c.feature == "city" and (
            normalize(c.name) != toponym.key or listed_group(toponym.key)):
        # in an organisation's name: "Drug" is not Durg, "Canadian" not Canadian, TX (a listed
        # people, not any name ending like one: "University of Nairobi" is in Nairobi)
        return False
    if context is not None and c.admin1_code and c.admin1_code in context.admin1:
        return True  # a town in a region the article names ("Churchill" in a Manitoba story)
    if toponym.in_heading:
        return c.feature == "city" and c.population >= HEADING_MIN_POPULATION
    in_context = context is not None and c.country_code in context.countries
    if in_context and toponym.source in NEIGHBOUR_COHERENCE and context is not None \
            and context.coherence(c.lat, c.lon) >= NEIGHBOUR_COHERENCE[toponym.source]:
        return True
    if c.feature == "city":
        kind = "PERSON" if toponym.label == "PERSON" else toponym.source
        # listed with other places ("Darfur and Malakal") counts as being in context
        floor = (MIN_POPULATION_IN_CONTEXT if in_context or toponym.partners else MIN_POPULATION)[kind]
        return c.population >= floor
    return in_context


def likeness(key: str, name: str) -> float:
    """1 for the same name or its short form, else how alike the two spellings are (0..1)."""
    other = normalize(name)
    return 1.0 if key in (other, short_form(other)) else SequenceMatcher(None, key, other).ratio()


# A town's name up to a particle that starts a qualifier: "Santa Cruz" de la Sierra, "Newcastle"
# upon Tyne, "Frankfurt" am Main, "Xalapa" de Enriquez; news often names the town so.
_SHORT_FORM = re.compile(r"^(?P<short>.+?) (?:de|del|de la|de los|de las|do|da|dos|das|am|an der|im|"
                         r"upon|on|sur|sul|di)(?: |$)")


def short_form(name: str) -> str | None:
    """The short form of a normalised name ("santa cruz" of "santa cruz de la sierra"), or None."""
    match = _SHORT_FORM.match(name)
    return match.group("short") if match else None
