"""Armed groups, cartels and gangs by name, from a hand-written list (``data/entities_armed_groups.tsv``).

The small model reads many names of armed groups as people ("Tren de Aragua", "Viv Ansanm",
"Al-Shabaab"), cuts them ("Tahrir al-Sham" for "Hayat Tahrir al-Sham") or misses them ("Clan
del Golfo"), and an event then has no actor or the wrong one. Each listed name written in the
article is an organisation candidate that outranks the model's spans (a rule span wins ties and
the longest span wins overlaps: :func:`~streams.tagging.entities.candidates.resolve_overlaps`),
and every name of one group gets the id of its canonical name (:func:`canonical_of`, read by
:func:`~streams.tagging.entities.salience.entity_id`), so "JNIM" and "Jama'at Nusrat al-Islam
wal-Muslimin" are one entity within an article and across articles.

Matching is by the names as written: case as listed (a lower-case "al" may be "Al", as at the
start of a sentence), a space and a hyphen interchangeable ("al Shabaab", "al-Shabaab"), an
apostrophe curly, straight or missing ("Kata'ib", "Kataib").
"""

from __future__ import annotations

import re
from pathlib import Path

from streams.tagging.entities.candidates import Candidate
from streams.tagging.resources import RESOURCES
from streams.tagging.shared.wordlists import data_lines

ARMED_GROUPS = Path(__file__).parent.parent / "data" / "entities_armed_groups.tsv"
# Not inside a longer word or a hyphenated one ("JNIM-linked" is still JNIM: only a word
# character or a hyphen joined on the left blocks it).
_BEFORE, _AFTER = r"(?<![\w-])", r"(?![\w])"


def canonical_of(written: str) -> str | None:
    """The canonical name of the armed group ``written`` names, as an article writes it, or None."""
    return _loaded()[0].get(_key(written))


def _loaded() -> tuple[dict[str, str], re.Pattern[str]]:
    return RESOURCES.get("entity armed groups", ARMED_GROUPS, _load)


def _load() -> tuple[dict[str, str], re.Pattern[str]]:
    """(the key of every listed name -> its group's canonical name, a regex of all the names)."""
    table: dict[str, str] = {}
    names: list[str] = []
    for line in data_lines(ARMED_GROUPS):
        canonical, _, others = line.partition("\t")
        for name in (canonical, *filter(None, others.split("|"))):
            if table.setdefault(_key(name), canonical) != canonical:
                raise ValueError(f"{ARMED_GROUPS}: {name!r} is listed for two groups; give it to one")
            names.append(name)
    # longest first, so that "al-Qaeda in the Arabian Peninsula" wins over "al-Qaeda" at one start
    names.sort(key=len, reverse=True)
    return table, re.compile(_BEFORE + "(?:" + "|".join(_written(n) for n in names) + ")" + _AFTER)


def _key(name: str) -> str:
    """One form for the ways a name is written (the ones :func:`_written` matches)."""
    name = re.sub(r"['’]", "", name.replace("-", " "))
    return re.sub(r"(?:^|(?<= ))Al ", "al ", name)


def _written(name: str) -> str:
    """A regex for the ways ``name`` is written (see the module docstring)."""
    out = []
    for i, char in enumerate(name):
        if char in " -":
            out.append(r"[ \-]")
        elif char in "'’":
            out.append("['’]?")
        elif char == "a" and name[i:i + 3] in ("al-", "al ") and (i == 0 or name[i - 1] in " -"):
            out.append("[aA]")
        else:
            out.append(re.escape(char))
    return "".join(out)


def armed_group_candidates(full: str) -> list[Candidate]:
    """Organisation candidates for every listed name of an armed group written in ``full``."""
    return [Candidate(m.start(), m.end(), "ORG", rule=True,
                      why="a listed armed group, cartel or gang (data/entities_armed_groups.tsv)")
            for m in _loaded()[1].finditer(full)]
