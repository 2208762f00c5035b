"""Spans the model cuts or splits: names across particles, nicknames, team names.

- a person's name runs on across particles ("Khalil al-Hayya", "Mohammed bin
  Salman", "Ursula von der Leyen"), and back over a given name the model left
  out or took for a place ("Nusrat Jahan Mitu");
- a nickname introduced in apposition ("Mohamed Hamdan Dagalo, known as
  Hemedti") is another name of that person, wherever it occurs;
- a name written as a team on a results line ("Surrey 320-5") names the team
  everywhere in the article, also where the model or the gazetteer read a
  place or a person ("Surrey captain Adam Hollioake").
"""

from __future__ import annotations

import re
from collections.abc import Collection

from streams.tagging.entities.candidates import Candidate, overlaps
from streams.tagging.entities.names import HONORIFICS, _given_names, clean_span

_PARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-|(?:bin|ibn|bint|ben|van|von|der|den|de|da|del|della|di|du|le|la|abu|abou|ould|ter|zu|dos|das)\s+"
_RUN_ON = re.compile(rf"(?:\s+|-)?(?:(?:{_PARTICLE})+)[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?")
_RUN_ON_SPACED = re.compile(r"\s+(?:al|el)\s*-\s*[A-Z][\w'’]*")  # tokens joined with spaces ("al - Hayya")
_NICKNAME = re.compile(
    r",?\s+(?:(?:also|better|widely|popularly)\s+)?(?:known|referred to)\s+as\s+[\"“]?"
    r"(?P<nick>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)[\"”]?|,?\s+(?:nicknamed|dubbed|alias)\s+[\"“]?"
    r"(?P<nick2>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)[\"”]?")
# A place at the start of a line followed by a date or a news agency is a dateline, not a team.
_DATELINE = re.compile(r"\s*(?:\d{4}-\d\d-\d\d|\d{1,2} [A-Z][a-z]+ \d{4}|\()")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")


def extend_people(cands: list[Candidate], full: str) -> None:
    """Run people's names on across particles, and back over a listed given name (in place)."""
    for c in cands:
        if c.label != "PERSON":
            continue
        while m := (_RUN_ON.match(full, c.end) or _RUN_ON_SPACED.match(full, c.end)):
            if "\n" in m.group():
                break
            c.end = m.end()
            c.why += "; name runs on across a particle"
        before = _WORD_BEFORE.search(full, max(0, c.start - 30), c.start)
        if before and before.group(1).lower() in _given_names() and before.end() == c.start - (
                c.start - before.end()) and full[before.end():c.start].strip() == "":
            c.start = before.start(1)
            c.why += "; a given name before it belongs to the name"


def nicknames(cands: list[Candidate], full: str) -> dict[str, str]:
    """Nicknames introduced after a person's full name -> that full name (as written)."""
    found: dict[str, str] = {}
    for c in cands:
        if c.label != "PERSON" or len(full[c.start:c.end].split()) < 2:
            continue
        if m := _NICKNAME.match(full, c.end):
            nick = m.group("nick") or m.group("nick2")
            found[nick] = full[c.start:c.end]
    return found


def retype_nicknames(cands: list[Candidate], full: str, aliases: dict[str, str]) -> list[Candidate]:
    """Every occurrence of a nickname as a PERSON candidate (the model may call it a group or a place)."""
    if not aliases:
        return cands
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(n) for n in aliases)})(?![\w-])")
    spans = {(m.start(), m.end()) for m in pattern.finditer(full)}
    kept = [c for c in cands if not any(s < c.end and c.start < e for s, e in spans)
            or (c.start, c.end) not in spans and c.label == "PERSON"]
    kept += [Candidate(s, e, "PERSON", why="a nickname given in apposition to a full name")
             for s, e in sorted(spans)]
    return sorted(kept, key=lambda c: c.start)


def team_spans(full: str, teams: set[str]) -> list[tuple[int, int]]:
    """Every whole-word occurrence of the team names (any case), datelines left out."""
    if not teams:
        return []
    alternatives = "|".join(re.escape(t) for t in sorted(teams, key=len, reverse=True))
    found = re.finditer(rf"(?<![\w'’-])(?:{alternatives})(?![\w-])", full, re.IGNORECASE)
    return [(m.start(), m.end()) for m in found if not _DATELINE.match(full, m.end())
            or (m.start() > 0 and full[m.start() - 1] != "\n")]


# Upper-case abbreviations that name no organisation (units, times, measures, titles).
_NOT_ORG_ACRONYMS = frozenset("""GMT UTC EST EDT BST CET GDP GNP CPI PMI CEO CFO COO MP MPS IPO TV AIDS HIV
ERA RBI AM PM OK VAT USD EUR GBP JPY DNA ID PC PR QC NB PS FAQ CCTV SUV ATM LNG LPG NGO NGOS PH KM KG MW
PPM RPG IED IEDS AK STD ICU ER BC AD II III IV VI VII VIII IX XI XII""".split())
# not inside a longer word, a dotted or hyphenated name or a heading ("SCORES:"); a full stop after
# it may end the sentence ("from the ELN."), not one that goes on into a word ("NATO.int")
_ACRONYM = re.compile(r"(?<![\w.&'’-])[A-Z]{3,8}(?![\w&'’-]|\.\w|\s*:)")


def acronym_candidates(full: str, lines) -> list[Candidate]:
    """Upper-case abbreviations in running text ("leads the RSF") as organisations.

    All-caps lines (headlines, slugs) are left out: there every word is in capitals.
    """
    found = []
    for line in lines.lines:
        if line.shouting:
            continue
        for m in _ACRONYM.finditer(full, line.start, line.end):
            if m.group() not in _NOT_ORG_ACRONYMS:
                found.append(Candidate(m.start(), m.end(), "ORG", why="an upper-case abbreviation in running text"))
    return found


# In a sports report, a name before a score or a result verb is a team ("Surrey 429-7", "Kent beat").
_PROSE_TEAM = re.compile(
    r"(?<![\w.'’-])([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}) (?:\d{1,3}(?:-\d{1,2})?(?= \(| all out|[,;]| for )|"
    r"(?:beat|drew with|lost to|won by|thrashed|edged)\b)")


def prose_teams(full: str) -> set[str]:
    """Names written before a score or a result verb in a sports report, lower-cased."""
    return {m.group(1).lower() for m in _PROSE_TEAM.finditer(full)}


def join_adjacent_people(cands: list[Candidate], full: str) -> list[Candidate]:
    """Two person spans with only a space between are one name ("Samia Suluhu" "Hassan")."""
    out: list[Candidate] = []
    for c in sorted(cands, key=lambda c: c.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label == c.label == "PERSON" and c.start > prev.end
                and full[prev.end:c.start] == " " and _plain_name(full[prev.start:prev.end])):
            prev.end, prev.why = c.end, f"{prev.why}; joined with the next name"
            continue
        out.append(c)
    return out


_RANKS = frozenset("""ambassador cardinal lieutenant colonel lieutenant-colonel major sergeant bishop
archbishop rev father sister brother chief commander admiral general secretary envoy""".split())


def _plain_name(name: str) -> bool:
    """Capitalised words only, no title, rank or abbreviation ("U.S. President" is none)."""
    words = name.split()
    return all(w[:1].isupper() and "." not in w and w.lower() not in HONORIFICS and w.lower() not in _RANKS
               for w in words)


# Role and title words before a name: the name is a person's ("coach Mikel Arteta").
_ROLE = (r"coach|manager|captain|striker|midfielder|defender|goalkeeper|forward|winger|batsman|bowler|"
         r"pitcher|quarterback|finalist|champion|spokes(?:man|woman|person)|chief|leader|lawyer|"
         r"journalist|analyst|economist|negotiator|commander|ambassador|envoy|actor|actress|singer|"
         r"author|director|chairman|chairwoman|CEO|executive|minister|secretary|President|Minister|"
         r"Governor|Senator|Mayor|Judge|Sheikh|Secretary")
_NAME_WORD = r"[A-Z][a-z][\w'’-]*"
_NEXT_WORD = r"\s(?:(?:al|el|bin|ibn|van|von|der|de|da|la|le|du|dos|di)\s|al-|el-)*[A-Z][\w'’-]+"
_ROLE_NAME = re.compile(rf"\b(?:{_ROLE})\s({_NAME_WORD}(?:{_NEXT_WORD}){{1,3}})(?![\w'’-])"
                        rf"|\b(?:Mr|Mrs|Ms|Dr)\.?\s({_NAME_WORD}(?:{_NEXT_WORD}){{0,3}})(?![\w'’-])")


def role_people(full: str, not_names: Collection[str]) -> list[Candidate]:
    """Names right after a role or title word ("spokesman Stephane Dujarric", "Mr Smith") as people.

    ``not_names`` are lower-cased words that never open or close a person's name
    (organisation words, months).
    """
    found = []
    for m in _ROLE_NAME.finditer(full):
        group = 1 if m.group(1) else 2
        start, words = m.start(group), m.group(group).split()
        while len(words) > 1 and (words[0].lower() in _RANKS or words[0].lower() in HONORIFICS):
            start = full.index(words[1], start + len(words[0]))  # "spokesman Lieutenant-Colonel Max ..."
            words = words[1:]
        if words[0].lower() in not_names or words[-1].lower() in not_names or "\n" in m.group(group):
            continue
        start, end = clean_span(full, start, m.end(group))  # "President Donald Trump's team"
        if start < end:
            found.append(Candidate(start, end, "PERSON", rule=True, why="a name after a role or title word"))
    return found


_FUNCTION_OPENERS = frozenset("without of for and on against in".split())
_CAP_BEFORE = re.compile(r"([A-Z][\w'’-]*) $")


def extend_back_over_openers(cands: list[Candidate], full: str) -> None:
    """A name cannot open with "Without" or "For": the capitalised word before belongs to it
    ("Doctors Without Borders", "Reporters Without Borders"); no person's name reads so (in place)."""
    for c in cands:
        first = full[c.start:c.end].split(maxsplit=1)[0]
        if c.label == "GROUP" or first.lower() not in _FUNCTION_OPENERS or not first[:1].isupper():
            continue
        if before := _CAP_BEFORE.search(full, max(0, c.start - 30), c.start):
            c.start = before.start(1)
            c.label, c.why = "ORG", f"{c.why}; a name opening with '{first}' runs back over the word before"


def team_candidates(cands: list[Candidate], teams: list[tuple[int, int]], full: str, why_of: dict[str, str],
           sports: bool) -> list[Candidate]:
    """Team names (and cued organisations, ``why_of``) are organisations wherever they occur."""
    if not teams:
        return cands
    full_why = "a team in this sports report" if sports else "a team on a results line of the article"

    def why(text: str) -> str:
        return why_of.get(text.lower(), full_why)

    for c in cands:
        if (c.start, c.end) in teams and c.label != "ORG":
            c.label, c.why = "ORG", f"{c.why}; {why(full[c.start:c.end])}"
    spans = [(c.start, c.end) for c in cands]
    extra = [Candidate(s, e, "ORG", rule=True, why=why(full[s:e]))
             for s, e in teams if not overlaps(s, e, spans)]
    return sorted([*cands, *extra], key=lambda c: c.start)
