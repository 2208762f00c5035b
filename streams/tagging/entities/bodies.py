"""Government bodies named by country and portfolio: "Russia's defence ministry".

News names a ministry by its country and portfolio, in lower case ("Russia's
foreign ministry", "the Russian defence ministry"). Such a phrase names a
body by common nouns, like the unnamed actors of :mod:`.nominals` ("Sudan's
army", "Kenyan police"), so it is typed the same way, a GROUP tied to its
country (a capitalised "Interior Ministry" stays an ORG, :mod:`.rules`); its
id carries country and portfolio: ``group:russia-defence-ministry`` and
``group:russia-foreign-ministry`` are two bodies, and "Russian defense
ministry" in another article gets the same id as "Russia's defence ministry".
The qualifier must name one of the article's countries (by name, or a
demonym sharing its first letters, "Russian" ~ "Russia"). The candidates are
made as ORG so that the country's place mention inside does not block them
(:func:`.candidates.is_blocked`), and become GROUP referents in :func:`key_bodies`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from streams.tagging.entities.candidates import Candidate
from streams.tagging.entities.referents import Referent

PORTFOLIOS = ("interior|defen[cs]e|foreign|finance|health|education|agriculture|justice|home|trade|"
              "commerce|labou?r|energy|transport|information|environment|economy|culture|"
              "emergency|emergencies|war|security")
_BODY = re.compile(
    rf"\b(?P<q>[A-Z][\w'’.-]*)(?:['’]s)?\s+(?P<p>(?i:{PORTFOLIOS}))(?:\s+affairs)?\s+"
    r"(?P<b>ministry|department)\b")  # a capitalised "Defence Ministry" is a name (an ORG, .rules)
_SPELLING = {"defense": "defence", "labor": "labour"}
_MIN_PREFIX = 4  # letters a demonym shares with its country ("Kenyan" ~ "Kenya")


def _country(word: str, countries: Sequence[str]) -> str | None:
    low = re.sub(r"['’]s$", "", word).lower()
    for country in countries:
        c = country.lower()
        if low == c or (len(low) > len(c) - 1 and len(c) >= _MIN_PREFIX
                        and low.startswith(c[:max(_MIN_PREFIX, len(c) - 2)]) and " " not in c):
            return country
    return None


def country_bodies(full: str, countries: Sequence[str]) -> list[tuple[Candidate, str]]:
    """Candidates for "<country>'s <portfolio> ministry", each with the key of its id."""
    found = []
    for m in _BODY.finditer(full):
        country = _country(m.group("q"), countries)
        if country is None:
            continue
        portfolio = m.group("p").lower()
        key = f"{country} {_SPELLING.get(portfolio, portfolio)} {m.group('b').lower()}"
        why = (f"a country ('{m.group('q')}') and a portfolio ('{m.group('p')}') before "
               f"'{m.group('b')}': that country's {m.group('b').lower()}, a body named by common "
               "nouns (a group tied to the country, like 'Sudan's army')")
        found.append((Candidate(m.start(), m.end(), "ORG", rule=True, why=why), key))
    return found


def key_bodies(referents: list[Referent], bodies: list[tuple[Candidate, str]]) -> None:
    """Give the referents of :func:`country_bodies`' candidates their key and the GROUP type."""
    keys = {(c.start, c.end): key for c, key in bodies}
    for ref in referents:
        if key := next((keys[s] for s in ref.spans if s in keys), None):
            ref.key, ref.label = key, "GROUP"
