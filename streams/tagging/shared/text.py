"""One string to tag per article, and the way back to the contract's offsets.

spaCy sees ``title + "\\n\\n" + body``; every span found in it is mapped back to
a :class:`~schemas.Mention` on the field it came from. A span that straddles
the title/body seam, or any line break, is not a mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas import Mention, RawArticle

SEAM = "\n\n"
# A wire dateline opening a body: "NAIROBI - ", "PEMBA, Mozambique - ", "BEIRUT (AP) — ",
# "CULIACÁN, Mexico (AP) — ", and a city in title case only before a news agency's name:
# "Sanaa (AFP) - " (a title-case opening before any other bracket is a sentence: "Islamic State (IS) - ").
_CAPITALS = "A-ZÀ-ÖØ-Þ"
# News agencies as a dateline credits them (their initialisms: see credited_agencies below).
_AGENCIES = ("AFP", "AP", "Reuters", "Xinhua", "dpa", "DPA", "ANI", "PTI", "IANS", "UNI", "Anadolu", "AA", "UPI",
             "Bernama", "Kyodo", "Yonhap", "TASS", "EFE", "ANSA", "IRNA", "APA", "KUNA", "WAM", "SPA", "MENA",
             "Sputnik", "RIA", "Interfax", "Ukrinform", "PAP", "CTK", "Belga", "ANP", "NTB", "TT", "AAP", "CP", "PA")
# The agencies that report the news: they tell the story and take no part in it ("told AFP",
# "Reuters witnesses said": never whom "the ministry" or "they" stands for). Names of one
# agency only, lowercased; an initialism may name others ("AFP", the Armed Forces of the
# Philippines; "PTI", a Pakistani party), so it is an agency only where the text credits it
# as one (:func:`credited_agencies`).
NEWS_AGENCY_NAMES = frozenset({
    "reuters", "associated press", "the associated press", "agence france-presse", "agence france presse",
    "xinhua", "xinhua news agency", "anadolu", "anadolu agency", "bernama", "kyodo", "kyodo news", "yonhap",
    "yonhap news agency", "interfax", "ukrinform", "ria novosti", "deutsche presse-agentur", "belga"})
_AGENCY = "|".join(re.escape(a) for a in _AGENCIES)
# an agency credited in brackets, alone or first: "(AFP)", "(Reuters)", "(AFP/dpa)"
_BRACKET_CREDIT = rf"\(({_AGENCY})(?:[/,][^)\n]*)?\)"
_CREDITED = re.compile(rf"{_BRACKET_CREDIT}|\btold ({_AGENCY})\b"
                       rf"|\b({_AGENCY}) (?:reported|reporters?|correspondents?|journalists?|photographers?)\b")


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end of the line holding ``offset``: a paragraph, since the tagged text puts
    each of the body's paragraphs on a line of its own."""
    end = text.find("\n", offset)
    return text.rfind("\n", 0, offset) + 1, end if end >= 0 else len(text)


def credited_agencies(text: str) -> frozenset[str]:
    """The agencies' initialisms ``text`` credits as news agencies, lowercased: a dateline's
    "(AFP)", "told AFP", "AP reported", "an AFP reporter"."""
    return frozenset(next(g for g in m.groups() if g).lower() for m in _CREDITED.finditer(text))


_TITLE_CITY = (r"[A-Z][A-Za-zà-ÿ'.\-]+(?: [A-Z][A-Za-zà-ÿ'.\-]+){0,2}"
               rf"(?=(?:,[^\n]{{0,40}}?)?\s*{_BRACKET_CREDIT}\s*[-–—]+\s)")
DATELINE = re.compile(rf"\s*(?P<city>[{_CAPITALS}][{_CAPITALS}'.\- ]{{1,40}}?|{_TITLE_CITY})"
                      r"(?:,[^\n]{0,40}?)?\s*(?:\([^)\n]*\)\s*)?[-–—]+\s")
# A dateline closed with a colon, as the South Asian press writes it: "ISLAMABAD: ", "HYDERABAD,
# Sindh: ", and dated, "JAMMU, May 18: " (the day the report was filed). A teaser opens the same way
# ("LIVE: ", "WATCH: "): it is a dateline only where its city is a place the article names.
COLON_DATELINE = re.compile(r"\s*(?P<city>[A-Z][A-Z'.\- ]{1,40}?)(?:, (?P<rest>[^\n:]{1,20}?))?:\s")


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The combined text of an article and its field offsets."""

    title: str
    body: str

    @classmethod
    def of(cls, article: RawArticle) -> ArticleText:
        return cls(title=article.title, body=article.body)

    @property
    def text(self) -> str:
        return f"{self.title}{SEAM}{self.body}" if self.title else self.body

    @property
    def body_offset(self) -> int:
        """Where the body starts in :attr:`text`."""
        return len(self.title) + len(SEAM) if self.title else 0

    def mention(self, start: int, end: int) -> Mention | None:
        """The Mention for ``text[start:end]``, or None if it crosses a field or a line.

        Leading and trailing white space is trimmed off the span first.
        """
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end or "\n" in text[start:end]:
            return None
        offset = self.body_offset
        if self.title and end <= len(self.title):
            return Mention(field="title", start=start, end=end, text=text[start:end])
        if start >= offset:
            return Mention(field="body", start=start - offset, end=end - offset, text=text[start:end])
        return None

    def combined(self, field: str, start: int, end: int) -> tuple[int, int]:
        """A field's offsets as offsets in :attr:`text` (title, then body): the inverse of
        :meth:`mention`."""
        offset = 0 if field == "title" else self.body_offset
        return start + offset, end + offset

    def span_of(self, mention: Mention) -> tuple[int, int]:
        """Where ``mention`` sits in :attr:`text`."""
        return self.combined(mention.field, mention.start, mention.end)

    def in_title(self, start: int) -> bool:
        return bool(self.title) and start < len(self.title)
