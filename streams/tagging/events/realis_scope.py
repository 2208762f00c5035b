"""Whether a sentence asserts its happening, read from the parse: the realis scope cues.

A bag of words sees "attack" in "denied carrying out the attack", "since rebels seized
the town in 2023", "Sunday marks the anniversary of the massacre" and "will meet on
Tuesday" alike. What tells them apart is where the happening's verb sits in the tree:
under a verb of denying, hoping, opinion or recalling; negated; in the future, under a
modal or a condition; or in a subordinate clause hung on a main clause that states a
condition ("has been closed since ...") rather than reporting news; dated before the news
("in 2019", "from 1998 to 2000", "a quake in 2010 killed ...", "when the shaft flooded in
2021"), a count up to now ("have been killed since April", "in recent years"), a plan ("are
due to meet", "next week"), a habit ("are often detained", "kill thousands each year"), or a
ranking ("It was the deadliest bombing since 2021").

:func:`scope_cues` walks from the sentence's main verb down the chain of complement
clauses ("police said they had not ...", "the ministry denied that its forces had
shelled ...") to the verb that says what happened, and names what governs it and what
marks it. The cues are plain names (``GOV:DENY``, ``NEG``, ``FUT``, ``SINCE``,
``ANNIV`` ...), and :func:`vetoes` says whether one of a chosen set of cues
overrules the model's event. Pure functions over spaCy tokens.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Sequence
from datetime import date

from spacy.tokens import Span, Token

from streams.tagging.events.dates import MONTH_NAMES, WEEKDAYS, month_number
from streams.tagging.events.ranking import rank_by_depth
from streams.tagging.events.retold import RETOLD, Line, drop_retold
from streams.tagging.events.rules import Dropped, SentenceMatches, rule_at
from streams.tagging.events.scope import ancestors, compound_head, trailing_denial
from streams.tagging.events.taxonomy import Taxonomy


class NewsYear(int):
    """The year of the article's news, as every year comparison here reads it, that also knows
    the month it was published in (:func:`year_of_news`): "in April" in a September report
    is background, in a May one it may be last month's news. A plain ``int`` year (an undated
    article's fetch year) knows no month."""

    month: int | None = None


def year_of_news(published: date | None, fetched: date | None = None) -> int | None:
    """The year of the news an article tells: the year it was ``published``, with its month;
    else the year it was ``fetched``, without one. An undated article (a text file, a page or a
    webhook post without a date) is news of the year it came in: were every year before its news,
    "On 3 December 2026, police arrested ..." fetched that week would be background. Its month is
    not trusted, since such an article may be weeks old when fetched. None when neither is known."""
    if published is not None:
        year = NewsYear(published.year)
        year.month = published.month
        return year
    return None if fetched is None else NewsYear(fetched.year)

# Verbs that govern a happening's clause, by what they do to it. "say" and its kin pass a
# reported happening through (police said they arrested ...); the others do not assert it.
GOVERNORS: dict[str, frozenset[str]] = {
    "SAY": frozenset({"say", "tell", "report", "add", "state", "announce", "confirm", "write",
                      "note", "explain", "insist", "stress", "acknowledge", "admit"}),
    "DENY": frozenset({"deny", "reject", "dismiss", "refute", "rebuff", "disown", "dispute",
                       "contest", "repudiate"}),
    "HOPE": frozenset({"hope", "want", "wish", "seek", "plan", "intend", "aim", "expect",
                       "propose", "prepare", "schedule", "consider", "mull", "weigh",
                       "aspire", "decide", "need"}),
    "THREAT": frozenset({"threaten", "warn", "vow", "pledge", "promise", "swear"}),
    "ALLEGE": frozenset({"accuse", "allege", "claim", "blame", "charge", "suspect"}),
    "OPINION": frozenset({"suggest", "believe", "think", "argue", "fear", "doubt", "speculate",
                          "maintain", "contend", "assume", "predict", "estimate", "feel", "worry", "wonder",
                          "question", "appear", "seem"}),
    "RECALL": frozenset({"recall", "remember", "commemorate", "recount", "remind", "mourn",
                         "relive", "honour", "honor", "retell"}),
    "ASK": frozenset({"urge", "demand", "ask", "appeal", "press", "request", "call"}),
}
_CLASS_OF = {lemma: name for name, lemmas in GOVERNORS.items() for lemma in lemmas}
_COMPLEMENTS = {"ccomp", "xcomp", "pcomp"}
_FUTURE = {"will", "shall", "'ll", "wo"}  # "wo" is the parse of "won't"
_MODALS = {"could", "may", "might", "would", "should", "must", "can", "ca", "ought"}
_CONDITIONS = {"if", "unless"}
# Subordinators and prepositions that put what they head before the news ("since rebels
# seized the town", "after the 2019 floods", "until the army withdrew").
_BACKGROUND_HEADS = {"since", "after", "before", "until", "following", "when"}
# Main verbs that state a condition rather than report a happening ("The road has remained
# closed since ...", "Tensions have been high since ...").
_STATIVE = {"be", "remain", "stay", "have", "live", "continue", "lie", "stand", "keep", "sit",
            "mark"}  # "Kenyans marked a year since protesters stormed parliament"
# Who gives a view rather than reports a happening when they "say" something.
_PUNDITS = {"analyst", "critic", "expert", "observer", "commentator", "economist", "scholar",
            "researcher", "pundit", "historian", "scientist", "meteorologist", "sociologist", "academic",
            "blogger", "columnist", "strategist"}
# Words that put a happening ahead as a plan: "are due to meet", "is set to sign", "is poised to".
_PLANNED_ADJECTIVES = {"due", "set", "poised"}
_AHEAD = {("next", "week"), ("next", "month"), ("next", "year"), ("next", "weekend"),
          ("coming", "days"), ("coming", "weeks"), ("coming", "months"), ("coming", "years")}
_ANNIVERSARY = {"anniversary", "commemoration", "memorial", "remembrance", "jubilee"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
_MAIN_ARGS = {"nsubj", "nsubjpass", "dobj", "attr", "ROOT"}
_MAX_CHAIN = 4


_HOLDS = {"maintain", "contend"}  # opinion verbs only with a clause: "maintain that ..."


def _class(token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma == "call" and not any(c.lower_ == "for" for c in token.children):
        return None  # "called for" asks; "called the attack cowardly" is criticism
    if lemma in _HOLDS and not any(c.dep_ == "ccomp" for c in token.children):
        return None  # "maintained that officers fired" holds a view; "maintained the siege" acts
    kind = _CLASS_OF.get(lemma)
    if kind == "SAY" and any(c.dep_ in _SUBJECTS and c.lemma_.lower() in _PUNDITS for c in token.children):
        return "OPINION"  # "Analysts said the clash showed ...": a view, not a report
    return kind


#: what :func:`governing_chain` returns: the governors (class, verb) and the happening's verb
GoverningChain = tuple[list[tuple[str, Token]], Token]


def governing_chain(sent: Span) -> GoverningChain:
    """The governors from the main verb down (each with its class) and the verb they end
    at, the one that says what happened ("The ministry denied that its forces had shelled
    the village" -> [("DENY", denied)], shelled)."""
    verb, chain = sent.root, []
    # "Congo accused Rwanda of ..., a charge Kigali denies": the accusation is the main clause
    verb = next((c for c in verb.children if trailing_denial(c)), verb)
    for _ in range(_MAX_CHAIN):
        kind = _class(verb)
        if kind is None:
            break
        nxt = next((c for c in verb.children if c.dep_ in _COMPLEMENTS
                    and sent.start <= c.i < sent.end), None)
        if nxt is None:  # "denied the accusation", "warned of retaliation": no clause below
            nxt = _clause_in_object(verb, sent)
        chain.append((kind, verb))
        if nxt is None:
            break
        verb = nxt
    return chain, verb


def _clause_in_object(verb: Token, sent: Span) -> Token | None:
    """The clause inside a governor's object ("rejected claims that troops had shelled",
    "dismissed reports of an attack" has none)."""
    for child in verb.children:
        if child.dep_ in {"dobj", "prep"}:
            for grand in child.subtree:
                if grand.dep_ in {"acl", "ccomp", "relcl", "pcomp"} and grand.pos_ in {"VERB", "AUX"} \
                        and sent.start <= grand.i < sent.end:
                    return grand
    return None


def _negated(verb: Token) -> bool:
    for child in verb.children:
        if child.dep_ == "neg" or child.lower_ in {"never", "neither", "nor"}:
            return True
        if child.dep_ in _SUBJECTS | {"dobj"} and any(
                g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return True  # "No one was hurt", "reported no casualties"
        if child.dep_ in _SUBJECTS and any(
                g.dep_ in {"det", "preconj"} and g.lower_ == "neither" for g in child.children):
            return True  # "Neither side commented", "Neither the army nor the RSF commented"
        if child.dep_ in _SUBJECTS and child.lower_ in {"nobody", "none", "nothing", "noone"}:
            return True
    return False


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _has_pair(words: list[str], pairs: Collection[tuple[str, str]]) -> bool:
    """Whether two neighbouring ``words`` make one of ``pairs`` ("next week", "each year")."""
    return any(pair in pairs for pair in zip(words, words[1:], strict=False))


def _time_of(verb: Token) -> list[str]:
    auxiliaries = _auxiliaries(verb)
    out = []
    if any(c.lower_ in _FUTURE for c in auxiliaries) or any(
            c.lower_ == "going" and any(g.lower_ == "to" for g in verb.children) for c in auxiliaries):
        out.append("FUT")
    elif any(c.lower_ in _MODALS for c in auxiliaries):
        out.append("MODAL")
    if verb.tag_ in {"VB", "VBG"} and not auxiliaries:
        out.append("NONFINITE")
    if any(c.lemma_ == "have" and c.tag_ == "VBD" for c in auxiliaries):
        out.append("PLUPERF")
    return out


def _reported_future(times: list[str], verb: Token, chain: list[tuple[str, Token]]) -> list[str]:
    """``times`` with a "would" told by a past verb of saying read as the future it reports ("The
    ministry said it would open an investigation": "will open", a plan), not as a modal of doubt."""
    if "MODAL" not in times or not chain or chain[0][0] != "SAY" or chain[0][1].tag_ != "VBD":
        return times
    if not any(c.lower_ == "would" for c in _auxiliaries(verb)):
        return times
    return ["FUT" if t == "MODAL" else t for t in times]


def _conditional(verb: Token, sent: Span) -> bool:
    node = verb
    for _ in range(_MAX_CHAIN):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return True
        if any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in _CONDITIONS
                                         for g in c.children) for c in node.children):
            return True
        if node.head.i == node.i or not sent.start <= node.head.i < sent.end:
            break
        node = node.head
    return False


def _background(sent: Span) -> list[str]:
    """A subordinate clause or phrase headed by "since", "after" ... hung on the main verb,
    and whether the main verb only states a condition (a perfect or a stative verb)."""
    root = sent.root
    out = []
    for child in root.children:
        head = None
        if child.dep_ == "prep" and child.lower_ in _BACKGROUND_HEADS:
            head = child.lower_
        elif child.dep_ == "advcl":
            head = next((g.lower_ for g in child.children
                         if g.dep_ == "mark" and g.lower_ in _BACKGROUND_HEADS), None)
        if head == "since":
            out.append("SINCE")
        elif head is not None and _years_before(child, placed=root.lemma_.lower() == "come"):
            out.append("YEARS_BEFORE")  # "years after", "two decades after the massacre"
    stative = root.lemma_.lower() in _STATIVE or _present_perfect(root)
    if out and stative:
        out.append("STATE_SINCE")
    return out


def _years_before(head: Token, placed: bool = False) -> bool:
    """Whether a clause or phrase of "after", "before" ... is years before; ``placed``: the main
    verb only places a happening told before in time ("The strike came a year after an earthquake
    killed ..."), where "a year" is enough ("marched ..., a year after the attack" is news)."""
    words = {t.lower_ for t in head.subtree} | {t.lower_ for t in head.lefts}
    units = {"years", "decades", "decade", "months"} | ({"year"} if placed else set())
    return bool(words & units) or any(_year(t) is not None for t in head.subtree)


def _year(token: Token) -> int | None:
    """The year a token writes ("2019"), else None."""
    return int(token.text) if len(token.text) == 4 and token.text.isdigit() else None


def _before_news(tokens: Iterable[Token], news_year: int | None, earliest: int = 0) -> bool:
    """Whether one of ``tokens`` writes a year (from ``earliest`` on) before ``news_year``, the
    year of the article's news (:func:`year_of_news`); without one, any year (see :func:`_ago`)."""
    return any((year := _year(t)) is not None and year >= earliest
               and (news_year is None or year < news_year) for t in tokens)


# A month named without a year two or more months before the news is background (the team corpus:
# "in <month>" two months back or more is realis false in 56 sentences of 67, the month before in
# 16 of 25, so that one is left alone).
_MONTHS_BACK = 2


def _months_before(prep: Token, news: int | None) -> bool:
    """Whether ``prep`` ("in April") names a month, with no year or day, at least ``_MONTHS_BACK``
    months before the month of ``news`` (a :class:`NewsYear`; a plain year knows no month)."""
    month = getattr(news, "month", None)
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    if month is None or len(objects) != 1 or objects[0].lower_ not in MONTH_NAMES \
            or not objects[0].text[:1].isupper() or any(c.dep_ == "det" for c in objects[0].children):
        return False  # "during a march", "in May" only as the month
    if any(c.like_num for c in objects[0].subtree):
        return False  # "in April 2026", "on 3 April": IN_YEAR or a day of its own
    return (month - month_number(objects[0].lower_)) % 12 >= _MONTHS_BACK


def _reported_this_week(chain: list[tuple[str, Token]]) -> bool:
    """Whether a verb of saying in the chain is dated by a weekday: a report released now of what
    happened months ago is news ("Soldiers raped 23 women in January, the rights commission said
    on Thursday"), as the team corpus and ACLED count it."""
    return any(kind == "SAY" and _dated_by_weekday(governor) for kind, governor in chain)


def _dated_by_weekday(verb: Token) -> bool:
    """Whether a phrase of ``verb`` names a weekday ("said on Thursday", "meets on Monday")."""
    return any(c.dep_ in {"prep", "npadvmod"} and any(t.lower_ in WEEKDAYS for t in c.subtree)
               for c in verb.children)


def _present_perfect(verb: Token) -> bool:
    """Whether ``verb`` is in the present perfect ("have been killed", "has detained")."""
    return any(c.lemma_ == "have" and c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children)


def _anniversary(sent: Span) -> list[str]:
    """An anniversary the main clause is about ("Sunday marks the tenth anniversary of the
    massacre", "The anniversary passed quietly") rather than one a happening fell on."""
    root = sent.root
    for token in sent:
        if token.lemma_.lower() not in _ANNIVERSARY:
            continue
        if token.head.i == root.i and token.dep_ in _MAIN_ARGS:
            return ["ANNIV"]
        return ["ANNIV_SIDE"]
    return []


_CLAUSES = {"relcl", "acl", "advcl", "ccomp", "pcomp", "xcomp"}


def _is_clause(token: Token) -> bool:
    return token.dep_ in _CLAUSES


def _phrase(token: Token, leave_out: Callable[[Token], bool] = _is_clause) -> list[Token]:
    """``token``'s subtree without the children ``leave_out`` says are not part of it, nor what
    hangs below them; by default the clauses inside it: "for raping women during the retreat
    last year" holds a clause, whose time is not the phrase's."""
    out, stack = [], [token]
    while stack:
        node = stack.pop()
        out.append(node)
        stack += [c for c in node.children if not leave_out(c)]
    return sorted(out, key=lambda t: t.i)


def _dated_phrase(prep: Token, news_year: int | None = None) -> str | None:
    """The cue of a time phrase dated before the news: IN_YEAR ("in 2019", "on October 7, 2023"),
    IN_MONTH ("in April" in a September report); None for any other token."""
    if prep.dep_ != "prep":
        return None
    if prep.lower_ in {"in", "during", "on"} and _before_news(prep.subtree, news_year):
        return "IN_YEAR"
    if prep.lower_ in {"in", "during"} and _months_before(prep, news_year):
        return "IN_MONTH"
    return None


def _ago(verb: Token, news_year: int | None = None, clause: bool = True) -> list[str]:
    """A time long before the news hung on the happening's verb ("in 2019", "years ago",
    "last year", "that year", "a year earlier", "at the time"), or on the "when" clause that
    dates it ("were killed when police broke up the march in July 2022"; ``clause``: look
    there too). A year is before the news only when it is before ``news_year`` (the
    article's publication year): "in March 2026" in a 2026 report may be this week's news.
    Without a news year (a sentence read with no article around it) every year counts."""
    for child in verb.children:
        words = [t.lower_ for t in _phrase(child)]
        if any(w in {"ago", "earlier"} for w in words) and any(
                w in {"years", "decades", "decade", "year", "months"} for w in words):
            return ["LONG_AGO"]  # "two years ago", "a year earlier"
        if _at_the_time(child):
            return ["LONG_AGO"]
        if child.dep_ in {"npadvmod", "prep"} and "year" in words and ("last" in words or words == ["that", "year"]):
            return ["LONG_AGO"]
        if _last_season(child) or _pointing_back(child):
            return ["LONG_AGO"]  # "last spring", "during that fighting", "days into that offensive"
        if (phrase := _dated_phrase(child, news_year)) is not None:
            return [phrase]  # "in 2019", "in April" in a September report
        if clause and child.dep_ == "advcl" and any(
                g.dep_ in {"mark", "advmod"} and g.lower_ == "when" for g in child.children):
            dated = _ago(child, news_year, clause=False)
            if dated:
                return dated
    return []


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
# Prepositions that date a happening by another one ("during that war"); "in" only with a span of
# time as its object ("in the first weeks of those protests"), since "in that town" is a place.
_THEN_PREPS = frozenset({"during", "after", "following", "before", "into"})
_SPANS_OF_TIME = frozenset({"week", "month", "day", "year", "wake", "aftermath", "run", "period", "era"})
# "that night", "that morning" may be the news's own day, told a second time.
_TIMES_OF_THE_DAY = frozenset({"day", "night", "morning", "afternoon", "evening", "week", "weekend",
                               "hour", "moment", "time"})


def _last_season(token: Token) -> bool:
    """Whether ``token`` is "last spring" (or summer, autumn, fall, winter): before the news, as
    "last year" is."""
    return token.dep_ == "npadvmod" and token.lower_ in _SEASONS and any(
        c.dep_ == "amod" and c.lower_ == "last" for c in token.children)


def _pointing_back(token: Token) -> bool:
    """Whether ``token`` is a time phrase that dates the happening by an earlier one the article
    told of, pointed back to with "that" or "those" ("during that fighting", "after that storm",
    "days into that offensive", "in the first weeks of those protests"): a distal demonstrative
    on news is the background, not the news's own day ("that night" is left alone)."""
    prep = token
    if token.dep_ in {"npadvmod", "dobj"} and token.lemma_.lower() in _SPANS_OF_TIME:  # "days into that offensive"
        prep = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "into"), token)
    if prep.dep_ != "prep":
        return False
    time = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if time is None:
        return False
    if prep.lower_ == "in":
        span = time.lemma_.lower()
        if span not in _SPANS_OF_TIME:
            return False  # "in that town": a place
        if span in {"day", "week"} and not any(c.dep_ == "prep" and c.lower_ == "of" for c in time.children):
            return False  # "in the week after that attack" may be this week; "in the first days of" is not
    elif prep.lower_ not in _THEN_PREPS:
        return False
    return any(t.dep_ == "det" and t.lower_ in {"that", "those"} and t.head.pos_ == "NOUN"
               and t.head.lemma_.lower() not in _TIMES_OF_THE_DAY for t in time.subtree)


def _at_the_time(token: Token) -> bool:
    """Whether ``token`` is "at the time" (then, not now: "an aid worker said at the time"),
    not "at the time of the blast"."""
    time = next((c for c in token.children if c.dep_ == "pobj"), None)
    return token.lower_ == "at" and time is not None and time.lower_ == "time" and any(
        c.lower_ == "the" for c in time.children) and not any(c.dep_ == "prep" for c in time.children)


def _decade(token: Token) -> bool:
    """Whether a token writes a decade ("1990s", "1960s")."""
    text = token.lower_
    return len(text) == 5 and text.endswith("s") and text[:4].isdigit()


def _not_the_subjects_own(token: Token) -> bool:
    """What hangs on a subject's noun without dating it: a clause, an apposition, an "of" phrase."""
    return token.dep_ in {"relcl", "acl", "appos"} or (token.dep_ == "prep" and token.lower_ == "of")


def _dated_subject(verb: Token, news_year: int | None = None) -> list[str]:
    """The happening's verb says what an earlier event did: its subject is dated before the news
    ("A quake in 2010 killed ...", "The 1995 rape of a girl sparked protests", "A similar attack
    in October 2024 killed 40 soldiers"). "Similar attacks wounded villagers" alone is this
    week's news."""
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"):
        for child in subject.children:
            dated = [child] if child.dep_ in {"nummod", "compound", "amod"} else (
                list(child.subtree) if child.dep_ == "prep" and child.lower_ in {"in", "during"} else [])
            if _before_news(dated, news_year, earliest=1800):  # not "Rescue 1122 teams"
                return ["DATED_SUBJECT"]
    # a date deeper in the subject's own phrase: "Clashes at the same airport in January 2023 left
    # 18 dead", "Fighting over the border in 2022 killed", "A civil war on the island in the 1990s";
    # not in what it is "of" or in a clause on it ("Families of victims of the 2020 blast rallied")
    for subject in (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}
                    and c.pos_ in {"NOUN", "VERB"}):
        phrase = _phrase(subject, _not_the_subjects_own)
        if _before_news(phrase, news_year, earliest=1800) or any(_decade(t) for t in phrase):
            return ["DATED_SUBJECT"]
    return []


def _past_period(verb: Token, news_year: int | None = None) -> list[str]:
    """A time before the news hung on the happening's verb that "in 2019" alone (IN_YEAR) does
    not cover: a span ("from 1998 to 2000", "between 2014 and 2016", "during the 1960s", "in
    the 19th century"), a day of an earlier year ("on July 11, 2021"), or a year on the verb the
    happening's verb governs ("forced the president to resign in 2019")."""
    for child in verb.children:
        if child.dep_ == "xcomp" and any(g.dep_ == "prep" and g.lower_ in {"in", "during"}
                                         and _before_news(g.subtree, news_year) for g in child.children):
            return ["PAST_PERIOD"]
        if child.dep_ == "prep" and child.lower_ in {"under", "during"} and any(
                t.lower_ in {"former", "late"} for t in child.subtree):
            return ["PAST_PERIOD"]  # "under former President Rodrigo Duterte"
        if child.dep_ != "prep" or child.lower_ not in {"from", "between", "during", "in", "throughout", "on"}:
            continue
        words = list(child.subtree)
        if any(_decade(t) for t in words) or any(t.lower_ in {"century", "centuries"} for t in words):
            return ["PAST_PERIOD"]
        if child.lower_ in {"from", "between", "on"} and _before_news(words, news_year):
            return ["PAST_PERIOD"]
    return []


_SCHEDULED_VERBS = {"meet", "vote", "convene", "gather", "travel", "visit", "arrive", "resume", "begin", "start",
                    "hold", "sit", "open"}


def _scheduled_present(verb: Token) -> bool:
    """A happening in the simple present with a day it is set for: a timetable, not news ("The
    council meets on Thursday", "The union meets the government on Monday"). A report's present
    is for its title, read apart; in the body a happening is told in the past."""
    # the small model tags some past forms present ("retook", "set fire"): a third person's "-s",
    # or a verb of meeting or travel in the plural ("EU ministers meet on Monday")
    present = (verb.tag_ == "VBZ" and verb.lower_.endswith("s")) or (
        verb.tag_ == "VBP" and verb.lemma_.lower() in _SCHEDULED_VERBS)
    if not present or _auxiliaries(verb):
        return False
    return _dated_by_weekday(verb)


def _planned(verb: Token) -> list[str]:
    """A happening put ahead as a plan: "Mediators are due to meet in Cairo", "The deal is set to
    be signed", "are to meet on Thursday", "will resume next month", "a strike from next week",
    "in the coming weeks"."""
    for child in verb.children:
        if child.lower_ in _PLANNED_ADJECTIVES and any(g.dep_ == "xcomp" for g in child.children):
            return ["PLANNED"]
        words = [t.lower_ for t in child.subtree]
        if child.dep_ in {"npadvmod", "prep", "dobj", "advmod"} and _has_pair(words, _AHEAD):
            return ["PLANNED"]
    if verb.lower_ in _PLANNED_ADJECTIVES and verb.tag_ in {"VBN", "JJ"} and any(
            c.dep_ == "xcomp" for c in verb.children):
        return ["PLANNED"]
    if _scheduled_present(verb):
        return ["PLANNED"]
    # "be" with a to-infinitive: "Negotiators are to meet on Thursday", "The withdrawal is to be
    # completed within 30 days", "The council was to have met at the hotel"
    if verb.lemma_ == "be" and not any(c.dep_ in {"acomp", "attr"} for c in verb.children) and any(
            c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
            for c in verb.children):
        return ["PLANNED"]
    return []


# Words that make a present tense a habit: "kill thousands each year", "are held annually".
_EVERY = {("each", "year"), ("every", "year"), ("a", "year"), ("per", "year"), ("each", "month"),
          ("every", "month"), ("a", "month"), ("each", "week"), ("every", "week"), ("each", "day"),
          ("every", "day"), ("a", "day")}
_EVERY_WORDS = {"annually", "yearly", "routinely", "regularly", "often", "frequently", "usually",
                "typically", "rarely", "seldom"}


# "each"/"every" with a period make any tense a habit ("About 20 storms hit the islands every
# year", "Protesters have gathered every night for a year"); "a year" only a present one ("a year
# after the quake" dates a happening).
_EVERY_ANY_TENSE = {pair for pair in _EVERY if pair[0] in {"each", "every", "per"}} | {
    ("every", "night"), ("each", "night"), ("every", "summer"), ("every", "winter")}


# Predicates that make a happening a kind of thing that happens: "Building collapses are frequent".
_COMMON = {"common", "frequent", "rare", "routine", "commonplace", "widespread", "endemic", "regular", "rife",
           "uncommon"}


# A happening of every day or week: "near-daily strikes", "nightly raids" (the hyphen's "near" is a
# child of "daily").
_DAILY = {"daily", "nightly", "weekly"}


# A trend in happenings rather than one: "Attacks have increased in the region" (a perfect with
# nothing counted: "The toll has risen to 40" is news).
_TREND_VERBS = {"increase", "rise", "grow", "surge", "multiply", "soar"}


def _habitual(verb: Token) -> list[str]:
    """What happens as a rule, not what happened: the happening's verb in the simple present
    passive ("More police officers are killed in Guanajuato than anywhere else"), in the
    simple present with a frequency ("Road accidents kill thousands each year"), in any
    finite tense with "each" or "every" and a period ("Storms hit the coast every year"), or
    said to be common ("Kidnappings for ransom are common in the northwest")."""
    if verb.tag_ in {"VBD", "VBN", "VBZ", "VBP"} and any(
            c.dep_ in {"npadvmod", "advmod", "prep"} and _has_pair([t.lower_ for t in c.subtree], _EVERY_ANY_TENSE)
            for c in verb.children):
        return ["HABITUAL"]
    if verb.lemma_.lower() in {"be", "become", "remain", "grow"} and any(
            c.dep_ == "acomp" and c.lower_ in _COMMON for c in verb.children):
        return ["HABITUAL"]  # "Kidnappings are common in the northwest", "have become more frequent"
    if verb.lemma_.lower() in _TREND_VERBS and _present_perfect(verb) and not any(
            c.dep_ in {"dobj", "prep"} and c.lower_ != "in" for c in verb.children):
        return ["HABITUAL"]  # "Attacks on foreign mining workers have increased in the region"
    auxiliaries = _auxiliaries(verb)
    if len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass" and auxiliaries[0].tag_ in {"VBZ", "VBP"}:
        return ["HABITUAL"]
    if _present_perfect(verb) and any(c.dep_ == "dobj" and any(
            a.dep_ == "amod" and a.lower_ in _DAILY for a in c.children) for c in verb.children):
        return ["HABITUAL"]  # "Israel has carried out near-daily strikes in Lebanon"
    if auxiliaries or verb.tag_ not in {"VBZ", "VBP"}:
        return []
    for child in verb.children:
        words = [t.lower_ for t in child.subtree]
        if child.dep_ == "advmod" and child.lower_ in _EVERY_WORDS:
            return ["HABITUAL"]
        if child.dep_ in {"npadvmod", "advmod", "prep"} and _has_pair(words, _EVERY):
            return ["HABITUAL"]
    return []


_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth"}


def _ranking(sent: Span) -> list[str]:
    """The main clause ranks a happening told before rather than reports it: "It was the
    deadliest bombing in the capital since 2021". A named subject reports what it names: "The
    shooting of a teacher in Cauca was the fourth such killing this year"."""
    root = sent.root
    if root.lemma_ != "be" or not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in root.children):
        return []
    for attr in (c for c in root.children if c.dep_ == "attr"):
        modifiers = [c for c in attr.children if c.dep_ in {"amod", "nummod"}]
        if any(m.tag_ == "JJS" or m.lower_ in _ORDINAL_WORDS or m.ent_type_ == "ORDINAL"
               for m in modifiers):
            return ["RANKING"]
    return []


# A happening spoken of as near, likely or out of reach is not one that took place: "A deal was
# closer than ever", "an attack is imminent", "a ceasefire remains elusive".
_PROSPECT_WORDS = {"close", "closer", "closest", "near", "nearer", "possible", "impossible", "likely",
                   "unlikely", "probable", "imminent", "elusive", "distant", "remote", "achievable",
                   "feasible", "inevitable", "unavoidable", "attainable", "realistic", "unrealistic"}
_PROSPECT_PHRASES = {("within", "reach"), ("in", "sight"), ("on", "the", "horizon"), ("out", "of", "reach")}
_STATE_VERBS = {"be", "remain", "seem", "appear", "look"}


def _prospect(verb: Token) -> list[str]:
    """The happening is the subject of "be" (or "remain", "seem") with a predicate of
    nearness or likelihood: a prospect, not a report ("A deal was closer than ever")."""
    if verb.lemma_.lower() not in _STATE_VERBS or not any(c.dep_ == "nsubj" for c in verb.children):
        return []
    for child in verb.children:
        if child.dep_ in {"acomp", "attr", "advmod"} and child.lower_ in _PROSPECT_WORDS:
            return ["PROSPECT"]
        if child.dep_ == "prep":
            words = tuple(t.lower_ for t in child.subtree)
            if words in _PROSPECT_PHRASES:
                return ["PROSPECT"]
    return []


def _remaining(verb: Token) -> list[str]:
    """The happening's verb is "remain" or "stay": a state that lasts, not a happening ("More
    than 800 political prisoners remain in custody", "The toll remained unknown"). Its subject
    is spared (see ``veto_matches``): "Protesters remained in the square" tells of a protest."""
    return ["STATE"] if verb.lemma_.lower() in {"remain", "stay"} else []


# Verbs that count happenings rather than report one: "Doctors recorded 312 cases of sexual
# violence", "The notes record 38 demonstrations", "Local officials count 18 leaders killed".
_COUNTING = {"record", "tally", "log", "register", "count"}


def _counted(verb: Token) -> list[str]:
    """The happening's verb counts happenings: a verb of counting (``_COUNTING``) whose object
    holds a number ("registered 412 gas leaks"); "registered a case" files a complaint."""
    if verb.lemma_.lower() not in _COUNTING:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.lemma_.lower() == "case":
        return []
    return ["COUNT"] if any(t.dep_ in {"nummod", "quantmod"} or t.like_num for t in obj.subtree) else []


# Words that make a perfect a count up to now: "since April", "so far", "this year", "to date".
_SO_FAR_PHRASES = {("so", "far"), ("to", "date"), ("this", "year"), ("this", "month"), ("thus", "far"),
                   ("recent", "years"), ("recent", "months"), ("recent", "decades"), ("the", "years"),
                   ("past", "year"), ("past", "years"), ("past", "decade"), ("last", "decade"), ("the", "past")}


# Words that make a present perfect a long-standing state or a record, not this week's news:
# "has long complained", "have previously documented", "have fought for decades", "over the
# past two years". ("repeatedly" is left out: "has repeatedly denied" is often a denial reported now.)
_LONG_STANDING = {"long", "previously", "frequently", "often", "regularly", "routinely"}
_SPAN_UNITS = {"years", "decades", "decade", "months", "century", "centuries"}


def _long_standing(verb: Token) -> bool:
    """Whether ``verb`` is a present perfect of long standing ("Militias have controlled the
    west of the city for two decades", "Iraq has long complained that ...")."""
    return _present_perfect(verb) and any(
        (c.dep_ == "advmod" and c.lower_ in _LONG_STANDING)
        or (c.dep_ == "prep" and c.lower_ in {"for", "over", "in"} and any(t.lower_ in _SPAN_UNITS for t in c.subtree))
        for c in verb.children)


_RECORD_NOUNS = {"history", "record", "legacy", "tradition"}
_PLACE_NOUNS = {"province", "region", "country", "city", "town", "area", "state", "district", "capital", "village"}


# What a place "has been" when it has seen things happen: "has been the scene of repeated unrest".
_SCENE_NOUNS = {"scene", "site", "theatre", "theater", "hotbed", "flashpoint", "epicentre", "epicenter"}


def _place_has_seen(verb: Token) -> bool:
    """Whether ``verb`` is a place's "has seen" ("The province has seen repeated clashes", "Sri
    Lanka has seen a spate of shootings", "Basra has been the scene of repeated unrest"): a
    record up to now."""
    lemma = verb.lemma_.lower()
    scene = lemma == "be" and any(c.dep_ == "attr" and c.lemma_.lower() in _SCENE_NOUNS for c in verb.children)
    return (lemma == "see" or scene) and any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.ent_type_ in {"GPE", "LOC"} or c.lemma_.lower() in _PLACE_NOUNS)
        for c in verb.children)


def _past_perfect(verb: Token) -> bool:
    """Whether ``verb`` is in the past perfect ("had boycotted", "had been deployed")."""
    return any(c.lemma_ == "have" and c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children)


_PHRASE_DEPS = {"npadvmod", "advmod", "dobj", "prep", "dative"}


def _sharing_perfect(verb: Token) -> list[Token]:
    """The verbs coordinated with ``verb`` under its own auxiliary and subject ("have been killed
    or gone missing", "has expelled or stripped")."""
    return [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
            and not any(a.dep_ in {"aux", "nsubj", "nsubjpass"} for a in c.children)]


def _since_clause(token: Token) -> bool:
    """Whether ``token`` heads a "since" clause ("since the fighting began")."""
    return token.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "since" for g in token.children)


def _since_in_phrases(verb: Token, news_year: int | None = None, dated: bool = False) -> bool:
    """Whether a "since" phrase sits deeper in one of ``verb``'s phrases, or in those of a
    conjunct sharing its perfect ("have attacked US bases many times since October 2023", "has
    expelled or stripped the citizenship of hundreds of critics since 2018"); ``dated``: only one
    that writes a year before the news (``news_year``)."""
    phrases = [c for c in verb.children if c.dep_ in _PHRASE_DEPS]
    phrases += [g for c in _sharing_perfect(verb) for g in c.children if g.dep_ in _PHRASE_DEPS]
    return any(t.lower_ == "since" and t.dep_ == "prep" and (not dated or _before_news(t.subtree, news_year))
               for phrase in phrases for t in _phrase(phrase))


# The whole of a war a toll is counted over: "have been killed in the war" (not "in the fighting",
# often this week's).
_WHOLE_WARS = {"war", "conflict", "insurgency"}


def _running_total(verb: Token) -> bool:
    """Whether the present perfect ``verb`` states a running total: a count "now" reached or "a
    total of" ("A total of 32 people have now been detained"), or a toll over a whole war ("Tens of
    thousands of people have been killed in the war")."""
    if not _counted_toll(verb):
        return False
    counts = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    if any(c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children) \
            or any(t.lower_ == "total" and t.i > 0 and t.doc[t.i - 1].lower_ == "a" for c in counts for t in c.subtree):
        return True
    return any(c.dep_ == "prep" and c.lower_ in {"in", "during", "over"} and any(
        g.dep_ == "pobj" and g.lemma_.lower() in _WHOLE_WARS for g in c.children) for c in verb.children)


def _so_far(verb: Token, news_year: int | None = None) -> list[str]:
    """A count up to now rather than a happening: the happening's verb in the present perfect
    with "since ...", "so far", "this year", "in recent years" ("more than 70,000 people have
    been killed since October 2023", "Police have detained 100 suspects this year", "have
    attacked US bases many times since October 2023"), in the past perfect since a year before
    the news ("Russian guards had been deployed at the checkpoint since 1992"; "had killed three
    leaders since Saturday" is news), or of long
    standing ("have fought over the trade for years", "has long accused", see :func:`_long_standing`),
    a place's record ("The province has seen repeated clashes", "has a history of clashes")."""
    if verb.lemma_.lower() == "have" and any(c.dep_ == "dobj" and c.lemma_.lower() in _RECORD_NOUNS
                                             for c in verb.children):
        return ["SO_FAR"]  # "Gazi has a history of clashes between leftist groups and police"
    if _past_perfect(verb) and _since_in_phrases(verb, news_year, dated=True):
        return ["SO_FAR"]  # "had boycotted parliament since the October 2024 election"
    if not _present_perfect(verb):
        return []
    if _long_standing(verb) or _place_has_seen(verb) or _since_in_phrases(verb) or _running_total(verb):
        return ["SO_FAR"]
    # a conjunct sharing the perfect shares its "since" clause: "have been killed or gone missing
    # since the infighting began"
    if any(_since_clause(c) for conj in _sharing_perfect(verb) for c in conj.children):
        return ["SO_FAR"]
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ in {"prep", "mark"}:
            return ["SO_FAR"]
        if _since_clause(child):
            return ["SO_FAR"]
        words = tuple(t.lower_ for t in child.subtree)
        if child.dep_ in {"npadvmod", "advmod", "prep"} and words[-2:] in _SO_FAR_PHRASES:
            return ["SO_FAR"]
    return []


#: a span of time ending now or earlier that a toll is summed over: "this year", "the past
#: decade", "in 100 days", "over six months" (not weeks: "over the past two weeks" is news)
_TOTAL_SPANS = {"year", "years", "decade", "decades", "months", "days"}


def _counted_toll(verb: Token) -> bool:
    """Whether the happening's subject or object is a number of people or things ("4,864 people",
    "at least 63 people", "30 explosions")."""
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(
        t.dep_ in {"nummod", "quantmod"} and t.like_num for t in c.subtree) for c in verb.children)


def _period_span(child: Token) -> bool:
    """Whether a modifier of the happening's verb is a span a toll is summed over: "this year",
    "in the past year", "in 100 days", "over six months", "between October and June"."""
    words = [t.lower_ for t in child.subtree]
    if child.dep_ == "npadvmod":
        return words[-2:] == ["this", "year"]
    if child.dep_ != "prep":
        return False
    if child.lower_ == "between":
        return sum(w in MONTH_NAMES for w in words) >= 2
    if child.lower_ not in {"in", "over", "during", "within"}:
        return False
    counted_span = words[-1] in _TOTAL_SPANS and (
        "past" in words or "last" in words or any(t.like_num for t in child.subtree))
    return counted_span or words[-2:] == ["the", "year"]


def _period_total(verb: Token) -> list[str]:
    """A toll summed over a span rather than a happening, whatever the tense: "Gang violence killed
    4,864 people between October and June", "At least 63 people were killed ... in the past year",
    "More than 800,000 people were killed in 100 days" (a count up to now in the present perfect
    is SO_FAR)."""
    if not _counted_toll(verb):
        return []
    return ["PERIOD_TOTAL"] if any(_period_span(c) for c in verb.children) else []


# A teaser line inside an article's body points to another story, a video or an explainer
# rather than reporting ("READ MORE: ...", "WATCH: ...", "Related: ...", "FACTBOX-...",
# "Explainer: ..."). Labels that mark news itself ("BREAKING:", "UPDATE 2-", "EXCLUSIVE-") are
# not among them.
_TEASER = re.compile(
    r"^\W*(live|read more|read|also read|related|see also|more|watch|video|videos|in pictures|pictures|photos|"
    r"gallery|listen|podcast|factbox|fact box|explainer|analysis|q&a|timeline|special report|opinion)"
    r"\s*(:|-(?!\s))", re.IGNORECASE)


# an explainer's heading: "What we know about the crash", "Somalia attack: what we know so far"
_WHAT_WE_KNOW = re.compile(r"(^\W*what we know\b(\s+(about|so far)\b|\W*$))|(what we know( so far)?\W*$)",
                           re.IGNORECASE)


def _headline(sent: Span) -> list[str]:
    """The sentence is a teaser line (see ``_TEASER``), an explainer's "what we know", or a
    question ("Did India strike inside Myanmar?"): none asserts a happening."""
    text = sent.text.strip()
    if _TEASER.match(text) or _WHAT_WE_KNOW.search(text):
        return ["HEADLINE"]
    if text.rstrip("\"'”’ ").endswith("?"):
        return ["HEADLINE"]
    return []


def _dated_setting(verb: Token, news_year: int | None = None) -> bool:
    """Whether the setting ``verb`` names is dated before the news ("said at a rally in January",
    "in a speech in March" in a November report, "at a news conference in 2023")."""
    return any(_dated_phrase(p, news_year) is not None
               for child in verb.children if child.dep_ == "prep" and child.lower_ in {"at", "in", "during"}
               for setting in child.children if setting.dep_ == "pobj" for p in setting.children)


def dated_governor(chain: list[tuple[str, Token]], news_year: int | None = None) -> Token | None:
    """The highest governor of the chain that is itself dated before the news ("the governor
    had said at his inauguration in 2023", "one protester told reporters a year earlier",
    "North Korea admitted in 2002 that ..."), or that holds a view of long standing in the
    present perfect ("Iraq has long accused Turkey of ..."): what it governs is background,
    not news (the cue SAID_BEFORE). None without one."""
    for _, governor in chain:
        if _ago(governor, news_year) or _past_period(governor, news_year) or _dated_setting(governor, news_year):
            return governor
        if _present_perfect(governor) and any(c.dep_ == "advmod" and c.lower_ in {"long", "previously"}
                                              for c in governor.children):
            return governor
    return None


# Verbs that say what a happening shows or does to a cause, a debate or a mood: a happening named
# as their subject is commented on, told before, not reported ("Unions said the detentions showed
# growing intolerance", "images of the clashes hurt bookings", "The attack reignited a debate").
_EFFECT_VERBS = {"show", "highlight", "underscore", "underline", "expose", "reflect", "signal", "demonstrate",
                 "illustrate", "undermine", "hurt", "harm", "test", "reignite", "deepen", "complicate",
                 "cost"}
# Modals of possibility: a warning that something could happen is a prediction, not a threat
# ("Aid agencies warned that the capital could fall"), unless the warner's own side does it
# ("The Commission warned that it could suspend visa-free travel").
_POSSIBLE = {"could", "may", "might"}


def _dated_noun(token: Token, news_year: int | None = None) -> bool:
    """Whether ``token`` is a noun dated before the news by a year of its own ("the 2014
    massacre", "1990s agreements", "an eruption in 2018", "strikes in the winter of 2024")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    for child in token.children:
        if child.dep_ in {"nummod", "compound", "amod"} and (
                _before_news([child], news_year, earliest=1800) or _decade(child)):
            return True
        if child.dep_ == "prep" and child.lower_ in {"in", "during", "of"} and _before_news(
                child.subtree, news_year, earliest=1800):
            return True
        if child.dep_ in {"relcl", "acl"} and child.pos_ == "VERB" and _dated_verb(child, news_year):
            return True  # "Ethnic clashes that erupted in May 2023 have killed more than 250 people"
    return False


_LONG_BEFORE = frozenset({"IN_YEAR", "LONG_AGO"})


def _dated_verb(verb: Token, news_year: int | None = None) -> bool:
    """Whether ``verb`` itself is dated a year or more before the news ("in 2019", "in February
    2021", "two years ago"; a month alone may be last month's news)."""
    return bool(_LONG_BEFORE.intersection(_ago(verb, news_year, clause=False)))


def _in_dated_clause(token: Token, verb: Token, news_year: int | None = None) -> bool:
    """Whether a trigger sits in a clause dated before the news other than the happening's verb
    ``verb`` (whose own date its cues read): "In February 2021, gunmen seized 279 schoolgirls ...;
    they were released days later" (the parser hung the dated clause under the second), "the
    army, which took power in 2021, ...". Read from the trigger up to ``verb``."""
    node = token
    for _ in range(_MAX_CHAIN + 2):
        if node.i == verb.i:
            return False
        if node.pos_ in {"VERB", "AUX"} and _dated_verb(node, news_year):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


# How a trigger hangs in the noun phrase of a happening it names: "the 2014 massacre [in which
# fighters killed hundreds]" (relcl), "the 2022 agreement [that ended the war]".
_IN_PHRASE = {"relcl", "acl", "compound", "pobj", "prep", "amod"}


def _in_dated_mention(token: Token, news_year: int | None = None) -> bool:
    """Whether a trigger names, or sits in the phrase of, a happening dated before the news
    (:func:`_dated_noun`): "marked the anniversary of the 2021 national strike", "the 2018
    collapse of the dam, which killed 71 people"."""
    node = token
    for _ in range(_MAX_CHAIN):
        if _dated_noun(node, news_year):
            return True
        if node.head.i == node.i or node.dep_ not in _IN_PHRASE:
            return False
        node = node.head
    return False


def _anonymity(token: Token) -> bool:
    """Whether a trigger is a verb of asking with a negated passive complement, a source's
    condition of anonymity ("said one resident, who asked not to be named", "asking not to be
    identified"), not a request that something be done."""
    return token.lemma_.lower() in GOVERNORS["ASK"] and any(
        c.dep_ in {"xcomp", "ccomp"} and any(g.dep_ == "neg" for g in c.children)
        and any(g.dep_ == "auxpass" for g in c.children) for c in token.children)


#: modals under "insist" that make it a demand ("insisted that Israel must withdraw")
_DEMANDING = {"must", "should", "ought"}


def _asserted(token: Token) -> bool:
    """Whether a trigger is "insist" with a clause that states a fact ("Officials insist the
    election was free and fair", "has insisted there was no link"): an assertion, not a demand,
    which takes a bare verb or a modal ("insists that Armenia first change its constitution",
    "insisted that troops must leave")."""
    if token.lemma_.lower() != "insist":
        return False
    for clause in (c for c in token.children if c.dep_ == "ccomp"):
        auxiliaries = _auxiliaries(clause)
        if any(a.lower_ in _DEMANDING for a in auxiliaries):
            return False
        if clause.tag_ in _FINITE or any(a.tag_ in _FINITE for a in auxiliaries):
            return True
    return False


#: adjectives that make a happening's noun an earlier one ("previous peace deals", "past attacks")
_EARLIER = {"previous", "earlier", "past", "prior"}


def _earlier(token: Token) -> bool:
    """Whether a trigger is a noun naming an earlier happening of its kind ("Previous peace deals
    with bandits have collapsed within months"): background, not news."""
    noun = compound_head(token)  # "peace" in "previous peace deals"
    return noun.pos_ in {"NOUN", "PROPN"} and any(
        c.dep_ == "amod" and c.lower_ in _EARLIER for c in noun.children)


#: prepositions whose object is a time the sentence is set against, not what it reports
_TIME_PREPS = {"before", "since", "until", "till"}
#: the same in two words ("prior to the strike", "ahead of the vote")
_TIME_PREP_PAIRS = {("prior", "to"), ("ahead", "of")}
#: verbs of a happening's start, whose subject in a "since"/"before" clause dates the sentence
_ONSET_VERBS = {"begin", "start", "break", "erupt", "escalate", "resume"}


def _time_reference(token: Token) -> bool:
    """Whether a trigger is a happening the sentence is timed by rather than one it reports: the
    object of "before", "since", "until", "prior to" ("Uvira had 600,000 residents before the
    fighting", "the first visit since the coup") or the subject of a happening's start in such a
    clause ("since the war began")."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        if head.lower_ in _TIME_PREPS:
            return True
        return (head.head.lower_, head.lower_) in _TIME_PREP_PAIRS
    return token.dep_ == "nsubj" and head.lemma_.lower() in _ONSET_VERBS and any(
        c.dep_ == "mark" and c.lower_ in _TIME_PREPS for c in head.children)


def anchored_cues(sent: Span, governed: GoverningChain, news_year: int | None = None) -> dict[str, Token]:
    """The cues that overrule the triggers at or below a token of their own rather than the
    happening's verb, each with that token: SAID_BEFORE (the dated governor, :func:`dated_governor`);
    GOVNEG, the first governor negated, what it governs is not told ("No group claimed the
    attack", "Police did not say who fired"); EFFECT, the subject of a verb of effect
    (``_EFFECT_VERBS``)."""
    chain, verb = governed
    out: dict[str, Token] = {}
    dated = dated_governor(chain, news_year)
    if dated is not None:
        out["SAID_BEFORE"] = dated
    if chain and _negated(chain[0][1]):
        out["GOVNEG"] = chain[0][1]
    if verb.lemma_.lower() in _EFFECT_VERBS:
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "csubj"}), None)
        if subject is not None and subject.pos_ in {"NOUN", "PROPN", "VERB"}:
            out["EFFECT"] = subject
    if (denier := _standing_denial(governed)) is not None:
        out["STANDING"] = denier
    return out


# A denial kept up rather than made on a day: "has always denied", "has consistently rejected".
_KEPT_UP = {"always", "consistently"}


def _standing_denial(governed: GoverningChain) -> Token | None:
    """The verb of denying that states a standing position, not a denial made on a day: the first
    governor (or the main verb) "has always denied" ("Pakistan has always denied any role"). None
    otherwise. (The simple present, "The RSF denies targeting civilians", is a denial made as
    often as a standing one in the training corpus.)"""
    chain, verb = governed
    denier = chain[0][1] if chain and chain[0][0] == "DENY" else \
        verb if _CLASS_OF.get(verb.lemma_.lower()) == "DENY" else None
    if denier is None or any(c.ent_type_ in {"DATE", "TIME"} for c in denier.children):
        return None
    if _present_perfect(denier) and any(c.dep_ == "advmod" and c.lower_ in _KEPT_UP for c in denier.children):
        return denier
    return None


def prediction(governed: GoverningChain) -> Token | None:
    """The verb of warning when it warns of what could happen rather than threatens: a clause
    under "could", "may" or "might" whose subject is not a pronoun ("Aid agencies warned that
    the capital could fall", not "The Commission warned that it could suspend ..."), or an
    analyst's warning ("Analysts warned that the strikes would widen the war"). None otherwise."""
    chain, verb = governed
    warner = next((token for kind, token in chain if kind == "THREAT"), None)
    if warner is None or warner is verb:
        return None
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    possible = warner.lemma_.lower() == "warn" and any(c.lower_ in _POSSIBLE for c in _auxiliaries(verb)) \
        and subject is not None and subject.pos_ != "PRON"
    pundit = any(c.dep_ in _SUBJECTS and c.lemma_.lower() in _PUNDITS for c in warner.children)
    return warner if possible or pundit else None


def scope_cues(sent: Span, news_year: int | None = None, governed: GoverningChain | None = None,
               anchors: dict[str, Token] | None = None) -> list[str]:
    """The realis scope cues of one sentence (see the module docstring); ``news_year``, the
    article's publication year, tells a year of the news from one before it; ``governed``,
    the sentence's :func:`governing_chain`, and ``anchors``, its :func:`anchored_cues`, when
    the caller has them.

    A sentence's cues are read once per doc and news year: the rules' veto, the hybrid's doubt
    and the model's veto all ask for them (kept in ``doc.user_data``, which goes with the doc)."""
    key = f"{_MEMO}:{sent.start}:{sent.end}:{news_year}"
    memo = sent.doc.user_data
    if (known := memo.get(key)) is not None:
        return list(known)
    out = _read_scope_cues(sent, news_year, governed, anchors)
    memo[key] = tuple(out)
    return out


_MEMO = "wirewatch.scope_cues"  # the key of a sentence's cues in doc.user_data


def _read_scope_cues(sent: Span, news_year: int | None, governed: GoverningChain | None,
                     anchors: dict[str, Token] | None) -> list[str]:
    """:func:`scope_cues` without the memo."""
    chain, verb = governed = governed or governing_chain(sent)
    out = [f"GOV:{kind}" for kind, _ in chain]
    if chain and chain[0][0] != "SAY":
        out.append(f"GOV1:{chain[0][0]}")
    if chain:  # tense of the first governor: "denies" (a standing position) vs "denied" (an act)
        first = chain[0][1]
        out.append(f"GOVTENSE:{'PRES' if first.tag_ in {'VBZ', 'VBP'} else first.tag_}")
        if _negated(first):
            out.append("GOVNEG")
    if _negated(verb):
        out.append("NEG")
    out += _reported_future(_time_of(verb), verb, chain)
    if _conditional(verb, sent):
        out.append("COND")
    out += _background(sent)
    out += _anniversary(sent)
    out += [cue for cue in _ago(verb, news_year) if cue != "IN_MONTH" or not _reported_this_week(chain)]
    if any(_at_the_time(c) for _, governor in chain for c in governor.children):
        out.append("LONG_AGO")  # what one said then: "a teacher said at the time that ..."
    out += _past_period(verb, news_year)
    out += _so_far(verb, news_year)
    out += _counted(verb)
    out += _period_total(verb)
    out += _remaining(verb)
    out += _planned(verb)
    out += _dated_subject(verb, news_year)
    out += _habitual(verb)
    out += _ranking(sent)
    out += _prospect(verb)
    if anchors is None:
        anchors = anchored_cues(sent, governed, news_year)
    out += [cue for cue in anchors if cue not in out]
    out += _headline(sent)
    return out


# What each veto cue may overrule: the model's event, unless its category is one a cue of
# that kind is itself a sign of ("denied" is a REJECT; "warned it would strike" a THREATEN).
# REQUEST is no longer spared by the future, a plan or a hope (session 26: "Lawyers said they would
# appeal" is a plan to ask), still by a modal ("Israel must allow aid in": a demand) and a condition.
# AGREE is no longer spared by the future, a modal, a condition, a hope or a plan (session 19):
# "The peace deal will be signed on Thursday", "Under the deal, troops will withdraw", "A deal
# would let the army withdraw", "are expected to sign a treaty" tell of no agreement made.
VETO_CUES: dict[str, frozenset[str]] = {
    "NEG": frozenset({"REJECT", "CONCEDE", "ACCUSE"}),
    "FUT": frozenset({"THREATEN", "REJECT"}),
    "MODAL": frozenset({"THREATEN", "REQUEST", "REJECT", "ACCUSE"}),
    "COND": frozenset({"THREATEN", "REQUEST", "REJECT"}),
    "GOV1:DENY": frozenset({"REJECT"}),
    "GOV1:HOPE": frozenset({"THREATEN", "REJECT", "ACCUSE"}),
    "GOV1:OPINION": frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"}),
    "GOV1:RECALL": frozenset(),
    # a hope or plan anywhere in the chain, under a verb of saying too ("officials said the men
    # planned to detonate a car bomb", "forecasters said the storm is expected to strengthen")
    "GOV:HOPE": frozenset({"THREATEN", "REJECT", "ACCUSE"}),
    "STATE_SINCE": frozenset(),
    "YEARS_BEFORE": frozenset(),
    "ANNIV": frozenset({"PROTEST"}),
    "LONG_AGO": frozenset(),
    "IN_YEAR": frozenset(),
    "IN_MONTH": frozenset(),
    "PAST_PERIOD": frozenset(),
    "SO_FAR": frozenset(),
    "PLANNED": frozenset({"THREATEN", "REJECT"}),
    "DATED_SUBJECT": frozenset(),
    "HABITUAL": frozenset(),
    "RANKING": frozenset(),
    "PROSPECT": frozenset(),
    "SAID_BEFORE": frozenset(),
    "HEADLINE": frozenset(),
    "GOVNEG": frozenset(),
    "EFFECT": frozenset(),
    "STANDING": frozenset(),
    "DATED_MENTION": frozenset(),
    "DATED_CLAUSE": frozenset(),
    "COUNT": frozenset(),
    "STATE": frozenset(),
    "ANONYMITY": frozenset(),
    "EARLIER": frozenset(),
    "ASSERTED": frozenset({"REJECT"}),  # "insisting its troops had not been near the town" denies
    "TIME_REF": frozenset(),
    "PERIOD_TOTAL": frozenset(),
    # read over the article's lines, not one line: an act told before and judged again
    # (streams/tagging/events/retold.py, applied by the readers of the rules after this veto)
    "RETOLD": frozenset(),
}
# Cues that overrule every trigger of the sentence, not only those at or below the happening's verb.
_SENTENCE_CUES = {"HEADLINE"}


# Cues that report news as often as not: the first governor's tense and a plain verb of saying
# ("police said they arrested ...").
_PLAIN_PREFIX, _PLAIN = "GOVTENSE:", {"GOV:SAY"}


def doubt_cues(cues: Iterable[str], given: bool = False) -> list[str]:
    """The cues among a sentence's :func:`scope_cues` that put its happening in doubt: every
    cue but the first governor's tense and a plain verb of saying. The hybrid lets the model
    overrule the rules only where one of them is read (``overrule_needs_doubt``). ``given``:
    the happening is told in a clause that states it as given (:func:`in_given_clause`), which
    only the cues of the whole line reach."""
    return [cue for cue in cues if not cue.startswith(_PLAIN_PREFIX) and cue not in _PLAIN
            and (not given or cue in _SENTENCE_CUES)]


# The subordinators of a clause of reason, circumstance or concession. Such a clause states its
# content as given: it stands whatever the main clause's verb of opinion, hope or denial, its
# negation or its modal make of the rest (a presupposition projects out of them), as in "Critics
# suggest it is a pretext, as the US pushes for a ceasefire" or "She doubts the talks will help,
# because the army has shelled the town". Temporal "after", "when", "before" are left out: under
# a plan or a future they tell of what has not happened ("will withdraw after the vote passes").
_GIVEN_MARKS = {"because", "as", "since", "while", "although", "though", "whereas"}
_FINITE = {"VBZ", "VBP", "VBD"}


def in_given_clause(token: Token, sent: Span) -> bool:
    """Whether ``token`` hangs in a finite adverbial clause of reason, circumstance or
    concession (``_GIVEN_MARKS``) with no future or modal of its own, so the happening it tells
    is stated as given (see :func:`doubt_cues`)."""
    for head in [token, *ancestors(token, sent, _MAX_CHAIN * 3)]:
        if head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _GIVEN_MARKS for c in head.children):
            auxiliaries = _auxiliaries(head)
            finite = head.tag_ in _FINITE or any(a.tag_ in _FINITE or a.tag_ == "MD" for a in auxiliaries)
            return finite and not any(a.lower_ in _FUTURE | _MODALS for a in auxiliaries)
    return False


def vetoes(cues: Iterable[str], category: str, chosen: Collection[str]) -> bool:
    """Whether one of the ``chosen`` veto cues among ``cues`` overrules an event of
    ``category`` (see ``VETO_CUES``)."""
    return bool(_overruling(cues, category, chosen))


def _overruling(cues: Iterable[str], category: str, chosen: Collection[str]) -> list[str]:
    """The ``chosen`` cues among ``cues`` that overrule an event of ``category``."""
    return [cue for cue in cues if cue in chosen and category not in VETO_CUES.get(cue, frozenset())]


def veto_cues(names: Iterable[str] | None, option: str) -> frozenset[str]:
    """A config's list of veto cues (``option`` names it in the error), checked against ``VETO_CUES``."""
    chosen = frozenset(names or ())
    unknown = chosen - set(VETO_CUES)
    if unknown:
        raise ValueError(f"unknown cues in {option}: {sorted(unknown)} (known: {sorted(VETO_CUES)})")
    return chosen


def veto_matches(sent: Span, matches: SentenceMatches, chosen: Collection[str],
                 news_year: int | None = None, governed: GoverningChain | None = None) -> SentenceMatches:
    """The rules' matches of one sentence with those a ``chosen`` cue overrules moved to
    ``dropped`` (reason ``veto: CUE ...``); the same matches when nothing is chosen or kept.

    The cues are read at the verb that says what happened (:func:`governing_chain`), so they
    overrule only a trigger at that verb or below it: in "As Putin encourages more Russians
    to join the fight, the conflict appears set to continue", "appears" (an opinion) governs
    "continue", not the clause of "encourages". ``governed``: as for :func:`scope_cues`.
    Some cues reach otherwise: HEADLINE every trigger of the line; the anchored cues
    (:func:`anchored_cues`) those at or below their own token; STATE spares the subject of
    "remain"; and three are read at each trigger: DATED_CLAUSE, a trigger in a clause of its own
    dated before the news (:func:`_in_dated_clause`), DATED_MENTION, a trigger in the mention of a
    happening dated before the news ("the victims of the 2014 massacre"), and ANONYMITY ("who
    asked not to be named").
    """
    if not chosen or not matches.kept:
        return matches
    governed = governed or governing_chain(sent)
    # an anchored cue reaches from its own token down ("In 2022, the president vowed never to ...")
    anchors = anchored_cues(sent, governed, news_year)
    cues = scope_cues(sent, news_year, governed, anchors)
    chain, verb = governed
    # the only governor, with no clause below it, as a trigger itself is the happening, not a verb
    # about one: "Ghana recalled its ambassador" (a sanction), unlike "recalled the massacre"
    itself = f"GOV1:{chain[0][0]}" if len(chain) == 1 and chain[0][1] == verb else None
    kept, dropped = [], list(matches.dropped)
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    for match in matches.kept:
        below = _under(verb, match.token)
        # STATE spares the subject of "remain": "Protesters remained in the square"
        of_subject = any(_under(subject, match.token) for subject in subjects)
        overruling = _overruling([cue for cue in cues if not (match.token == verb and cue == itself) and (
            cue in _SENTENCE_CUES or (_under(anchors[cue], match.token) if cue in anchors
                                      else below and not (cue == "STATE" and of_subject)))]
            # a trigger in the mention of an earlier happening, wherever it hangs
            + (["DATED_MENTION"] if _in_dated_mention(match.token, news_year) else [])
            + (["DATED_CLAUSE"] if _in_dated_clause(match.token, verb, news_year) else [])
            + (["ANONYMITY"] if _anonymity(match.token) else [])
            + (["ASSERTED"] if _asserted(match.token) else [])
            + (["EARLIER"] if _earlier(match.token) else [])
            + (["TIME_REF"] if _time_reference(match.token) else []),
            match.rule.category, chosen)
        if overruling:
            dropped.append(Dropped(match.rule.name, match.trigger, f"veto: {' '.join(overruling)}"))
        else:
            kept.append(match)
    return SentenceMatches(kept, dropped)


def _under(anchor: Token, token: Token) -> bool:
    """Whether ``token`` is ``anchor`` or hangs below it."""
    return token == anchor or anchor.is_ancestor(token)


#: governors whose clause in the future or under a modal is itself the threat
_THREAT_VERBS = frozenset({"threaten", "warn", "vow", "swear", "pledge"})
THREAT_RULE = "threat"  # the taxonomy rule a structural threat is typed with


#: verbs of hitting back: said of what one's side will do, they are a threat ("Moscow would respond
#: in kind", "those responsible would be hunted down", "the militia would pay dearly", session 26:
#: "Al Shabaab said it would attack the bases", "troops would pursue the fighters")
_RETALIATION_VERBS = frozenset({"retaliate", "respond", "punish", "crush", "hunt", "avenge", "strike",
                                "hit", "destroy", "eliminate", "attack", "pursue"})
#: "pay" only as a price exacted ("would pay dearly", "pay a heavy price"), not a payment
_PAY_FOR_IT = frozenset({"dearly", "price"})


def _said_retaliation(chain: list[tuple[str, Token]], verb: Token) -> Token | None:
    """The verb of saying whose clause says, in the future or under a modal, that someone will hit
    back ("The ministry said Moscow would respond to the measures"); None otherwise."""
    lemma = verb.lemma_.lower()
    hitting_back = lemma in _RETALIATION_VERBS or (
        lemma == "pay" and any(c.lower_ in _PAY_FOR_IT or c.lemma_.lower() in _PAY_FOR_IT for c in verb.children))
    if not chain or chain[0][0] != "SAY" or not hitting_back \
            or _negated(verb) or not {"FUT", "MODAL"} & set(_time_of(verb)):
        return None
    return chain[0][1]


def structural_threat(sent: Span, matches: SentenceMatches, taxonomy: Taxonomy,
                      governed: GoverningChain | None = None, news_year: int | None = None) -> SentenceMatches:
    """The matches with a THREATEN added when a verb of threatening, warning or vowing
    governs a clause in the future, under a modal or not finite ("warned that Moscow would
    take reciprocal measures", "vowed to respond"), or a verb of saying a clause of hitting back
    in the future ("said Moscow would respond in kind", :func:`_said_retaliation`), and no
    threat trigger fired; the same matches otherwise, and when the warning is a prediction
    (:func:`prediction`) or dated before
    the news (:func:`dated_governor`). The taxonomy's threat words need the threat's wording
    ("warn that it would"); this reads the tree. ``governed``, ``news_year``: as for :func:`scope_cues`."""
    if any(m.rule.category == "THREATEN" for m in matches.kept):
        return matches
    chain, verb = governed or governing_chain(sent)
    governor = next((token for kind, token in chain
                     if kind == "THREAT" and token.lemma_.lower() in _THREAT_VERBS), None) \
        or _said_retaliation(chain, verb)
    if governor is None or governor is verb or _negated(governor):
        return matches
    if prediction((chain, verb)) is not None:  # "warned that the toll could rise": no threat
        return matches
    if dated_governor(chain, news_year) is not None:  # "In 2020 the rebels vowed to ...": background
        return matches
    if verb.dep_ != "xcomp" and not {"FUT", "MODAL"} & set(_time_of(verb)):
        return matches
    rule = next((r for r in taxonomy.rules if r.name == THREAT_RULE), None)
    match = rule_at(rule, governor, sent, taxonomy) if rule is not None else None
    if match is None:
        return matches
    return SentenceMatches(sorted([*matches.kept, match], key=lambda m: m.token.i), matches.dropped)


def read_with_scope(sent: Span, matches: SentenceMatches, taxonomy: Taxonomy, rule_veto: Collection[str],
                    news_year: int | None = None, depth_discount: float = 1.0) -> SentenceMatches:
    """What the rules path (events.taxonomy) makes of a sentence's matches: the ``rule_veto``
    cues drop triggers (:func:`veto_matches`) and a structural threat is added
    (:func:`structural_threat`), then triggers nearer the root rank higher
    (:func:`~streams.tagging.events.ranking.rank_by_depth`, by ``depth_discount``); the
    matches as they are without a veto and a discount."""
    if rule_veto:
        governed = governing_chain(sent)  # both read it: walk the tree once
        matches = structural_threat(sent, veto_matches(sent, matches, rule_veto, news_year, governed),
                                    taxonomy, governed, news_year)
    return rank_by_depth(sent, matches, depth_discount)


def read_article_with_scope(lines: Sequence[tuple[Line, SentenceMatches]], taxonomy: Taxonomy,
                            rule_veto: Collection[str], news_year: int | None = None,
                            depth_discount: float = 1.0) -> list[tuple[Line, SentenceMatches]]:
    """:func:`read_with_scope` over an article's lines in text order, then, when ``rule_veto``
    names ``RETOLD``, the veto that needs the lines before (:func:`~.retold.drop_retold`): how
    every reader of the rules (the rules path, the hybrid, the cross-validation's rules side)
    reads an article."""
    ruled = [(line, read_with_scope(line, matches, taxonomy, rule_veto, news_year, depth_discount))
             for line, matches in lines]
    return drop_retold(ruled) if RETOLD in rule_veto else ruled
