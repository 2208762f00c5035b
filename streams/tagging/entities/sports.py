"""Clubs in sports reports: a town, county or state written as a team is an organisation.

In a sports report "Somerset", "Nice" or "Texas" mostly name the club, not the
place: "Leicestershire beat Somerset", "joined Milan from Torino", "Texas 's
lead over Seattle". The places component reads them as places; this module
says which of those mentions are teams:

- the article is a sports report: a sports desk slug ("SOCCER - ..."),
  results lines, or at least :data:`MIN_SPORT_WORDS` distinct words only sport
  uses ("innings", "striker", "homer");
- a place mention there is a team unless its words say it is the place:
  after "in"/"at"/"near" ("at Chester-le-Street"), after "<Name> of"
  ("Espanyol of Barcelona"), after "the" ("the Volgograd side"), as "X-based",
  as the venue opening a results line ("Leicester : ..."), or on a dateline
  ("BIRMINGHAM , England 1996-08-31");
- countries (and the home nations England, Scotland, Wales, Northern
  Ireland) stay places: a national side is written as its country, which
  news annotation treats as the place;
- a one-word "person" the gazetteer knows as a place is a team in a team
  context ("Norwich striker Keith O'Neill", "beat Yorkshire", "Kent 108-3"),
  unless the article names a person with that surname.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from spacy.lang.en.stop_words import STOP_WORDS

# Words that only sports reports use; three distinct ones make an article a sports report.
SPORT_WORDS = frozenset("""innings wicket wickets batsman batsmen bowler bowled homer homered homers
pitcher inning outfielder shortstop striker strikers midfielder midfielders goalkeeper goalkeepers
winger quarterback touchdown touchdowns halftime half-time scrum-half fly-half equaliser equalizer
relegation semifinal semifinals quarterfinal quarterfinals quarter-final semi-final playoff play-off
playoffs rebounds birdie birdies bogey bogeys cricket soccer rugby baseball basketball
referee umpire penalty-kick free-kick""".split())
MIN_SPORT_WORDS = 3
_WORD = re.compile(r"[a-z][a-z-]+")
_SLUG = re.compile(
    r"^\s*(?:CRICKET|SOCCER|FOOTBALL|RUGBY(?: UNION| LEAGUE)?|TENNIS|GOLF|BASEBALL|BASKETBALL|"
    r"ICE HOCKEY|HOCKEY|CYCLING|ATHLETICS|BOXING|MOTOR RACING|MOTORCYCLING|SWIMMING|"
    r"AMERICAN FOOTBALL|NFL|NBA|NHL|SPORT|SPORTS)\s+-", re.IGNORECASE)
# Nations that field national sides but are no sovereign country in the gazetteer.
HOME_NATIONS = frozenset({"england", "scotland", "wales", "northern ireland", "great britain"})
_PLACE_FEATURES = ("country", "region", "water", "landform", "facility")

# Before a mention: the place itself ("in Leeds", "at Chester-le-Street", "Espanyol of Barcelona").
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|In|at|At|near|Near|outside|Outside|across|around|into|towards|via)\s+(?:the\s+)?"
    r"|\bAT\s+|[A-Z][\w'’-]*\s+of\s+|\b(?:at|in)\s+[^,()\n]{1,30},\s*)$")
# "the Volgograd side": a town as the adjective of its club is the place.
_THE_SIDE = re.compile(r"\s+(?:side|club|team)\b")
# After it: "Bergamo-based", a venue opening a results line ("Leicester : ...").
_PLACE_AFTER = re.compile(r"\s+:")
# A dateline: places and a date, or places before a news agency ("MILWAUKEE , Wisconsin 1996-08-29").
_DATELINE = re.compile(r"[^\d\n]{1,60}?(?:\s\d{4}-\d\d-\d\d\s*$|\s*\((?:AP|AFP|Reuters|dpa)\))",
                       re.MULTILINE)
# What makes a word a team in any sports sentence.
_TEAM_AFTER = re.compile(
    r"\s+(?:['’]s\s+)?(?:captain|striker|forward|coach|manager|side|team|fans|supporters|defender|"
    r"midfielder|goalkeeper|keeper|batsman|bowler|all-rounder|chairman|owner|players?|winger|"
    r"skipper|quarterback|pitcher|outfielder|scrum-half|fly-half|hooker|prop|lock|"
    r"\d{1,3}(?:-\d{1,3})?(?=[\s,;.)]|$))\b")
_TEAM_VERB = re.compile(
    r"\s+(?:beat|beats|won|win|wins|lost|lose|loses|drew|draw|draws|rallied|trailed|led|lead|leads|"
    r"reached|need|needs|clinched|defeated|routed|edged|thrashed|are|were|have|play|host|"
    r"(?:has|have|had) (?:won|lost|scored|beaten))\b")
# A capitalised word right before or after: the mention is part of a longer name.
_NAME_BEFORE = re.compile(r"\b([A-Z][\w'’-]*) $")
_NAME_AFTER = re.compile(r" ([A-Z][\w'’-]*)\b")
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beating|beats|against|over|v|vs\.?|versus|joined|club|side|team|to beat|lost to|for|"
    r"defeated|routed|thrashed|drew with|hosts|visitors|rivals)\s+(?:the\s+)?$")


def sports_report(title: str, full: str, results: Iterable[tuple[int, int]]) -> bool:
    """Whether the article is a sports report: a desk slug, sport words, or ``results``
    (team spans on results lines) naming at least two different teams."""
    if len({full[s:e].lower() for s, e in results}) >= 2 or _SLUG.match(title) or _SLUG.match(full):
        return True
    return len(set(_WORD.findall(full.lower())) & SPORT_WORDS) >= MIN_SPORT_WORDS


def _place_context(full: str, start: int, end: int) -> bool:
    line_start = full.rfind("\n", 0, start) + 1
    if _PLACE_BEFORE.search(full, max(line_start, start - 40), start):
        return True
    if full[max(0, start - 4):start] == "the " and _THE_SIDE.match(full, end):
        return True
    if _PLACE_AFTER.match(full, end) and (line_start == start or full[line_start:start].isspace()):
        return True
    dateline = _DATELINE.match(full, line_start)
    return bool(dateline and dateline.end() >= end) or bool(re.match(r"-based\b", full[end:end + 6]))


def club_mentions(full: str, places: Iterable[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The place mentions ``(start, end, feature)`` of a sports report that name a club.

    A name is a club when at least one of its mentions stands in a team context
    ("beat Somerset", "Kent 108-3", "Nice have been"); then its mentions are the
    club except where their words make them the place ("at Leicester").
    """
    eligible = [(s, e) for s, e, feature in places if feature not in _PLACE_FEATURES
                and full[s:e].lower() not in HOME_NATIONS and full[s:e][:1].isupper()
                and not _inside_name(full, s, e) and not in_slug(full, s)]
    clubs = {full[s:e].lower() for s, e in eligible if in_team_context(full, s, e, verbs=True)}
    return [(s, e) for s, e in eligible if full[s:e].lower() in clubs and not _place_context(full, s, e)]


def _inside_name(full: str, start: int, end: int) -> bool:
    """Whether a capitalised word joins the mention to a longer name ("Minnesota Twins", "Todd Martin")."""
    before = _NAME_BEFORE.search(full, max(0, start - 30), start)
    after = _NAME_AFTER.match(full, end)
    return any(m is not None and m.group(1).lower() not in STOP_WORDS for m in (before, after))


def in_slug(full: str, start: int) -> bool:
    """Whether ``start`` lies in a sports desk slug ("CRICKET - ...")."""
    line_start = full.rfind("\n", 0, start) + 1
    slug = _SLUG.match(full, line_start)
    return slug is not None and start < slug.end()


def in_team_context(full: str, start: int, end: int, *, verbs: bool = False) -> bool:
    """Whether the words around ``start:end`` make it a team ("Norwich striker", "beat Kent").

    With ``verbs``, a result verb or a plural verb after it counts too ("Kent beat",
    "Nice have been"): a place wins nothing, and a singular town takes no plural verb.
    """
    if _TEAM_AFTER.match(full, end) or verbs and _TEAM_VERB.match(full, end):
        return True
    line_start = full.rfind("\n", 0, start) + 1
    return bool(_TEAM_BEFORE.search(full, max(line_start, start - 30), start))


def person_clubs(doc, full: str, surnames: set[str], is_place: Callable[[str], bool] | None) -> set[str]:
    """One-word "people" the gazetteer knows as places, written as teams ("Norwich striker")."""
    if is_place is None:
        return set()
    return {e.text.lower() for e in doc.ents if e.label_ == "PERSON" and len(e) == 1
            and e.text.lower() not in surnames and in_team_context(full, e.start_char, e.end_char)
            and is_place(e.text)}
