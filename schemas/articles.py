"""Message shapes on the article topics, field for field as in CONTRACT.md.

``RawArticle`` travels on ``{prefix}articles.raw``; ``TaggedArticle`` (a raw
article plus who, where and what happened) on ``{prefix}articles.tagged``.
Adding an optional field is fine; renaming or removing one needs a new
``SCHEMA_VERSION``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Literal, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from schemas.values import (
    ARTICLE_ID,
    COUNTRY,
    DAY,
    ENTITY_ID,
    LANGUAGE,
    PLACE_ID,
    Url,
    UtcDatetime,
    string_schema,
)

SCHEMA_VERSION = 1


class _Model(BaseModel):
    # Tolerant readers: a field added by a newer producer (a compatible change,
    # schemas/README.md) is ignored, not refused, so consumers upgrade later.
    model_config = ConfigDict(extra="ignore", frozen=False, str_strip_whitespace=False)


class RawArticle(_Model):
    """An article as a connector fetched it."""

    schema_version: Literal[1] = Field(default=1, description="1; moves only on a breaking change (schemas/README.md)")
    id: str = Field(description="32 lowercase hex chars: sha256 of the canonical URL, else of title + '\\n' + body",
                    json_schema_extra={"pattern": ARTICLE_ID.pattern})
    url: Url | None = Field(default=None, description="canonical URL (no tracking params, no fragment)")
    source: str = Field(description="kind:name, e.g. rss:ibtimes, file:inbox, http:webhook",
                        json_schema_extra={"pattern": r"^[^:]+:.+$"})
    title: str = ""
    body: str = Field(description="plain text, paragraphs separated by \\n")
    language: Annotated[str, string_schema(pattern=LANGUAGE.pattern)] | None = Field(
        default=None, description="ISO 639-1")
    published_at: UtcDatetime | None = None
    fetched_at: UtcDatetime
    authors: list[str] = Field(default_factory=list)
    metadata: dict[str, str] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not ARTICLE_ID.match(value):
            raise ValueError("id must be 32 lowercase hex characters (see schemas.article_id)")
        return value

    @field_validator("source")
    @classmethod
    def _check_source(cls, value: str) -> str:
        kind, sep, name = value.partition(":")
        if not sep or not kind or not name:
            raise ValueError("source must look like 'kind:name', e.g. 'rss:ibtimes'")
        return value

    @field_validator("language")
    @classmethod
    def _check_language(cls, value: str | None) -> str | None:
        if value is not None and not LANGUAGE.match(value):
            raise ValueError("language must be an ISO 639-1 code such as 'en'")
        return value

    @field_validator("metadata")
    @classmethod
    def _check_metadata(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > 64 or sum(len(k) + len(v) for k, v in value.items()) > 16_384:
            raise ValueError("metadata must stay small: at most 64 keys and 16 KiB")
        return value


class Mention(_Model):
    """A span of the article: ``article[field][start:end] == text``."""

    field: Literal["title", "body"]
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @model_validator(mode="after")
    def _check_span(self) -> Mention:
        if self.end <= self.start:
            raise ValueError("mention end must be greater than start")
        if len(self.text) != self.end - self.start:
            raise ValueError("mention text length must equal end - start")
        return self


class Entity(_Model):
    """A person, organisation or group; places are in ``TaggedArticle.places``."""

    id: str = Field(description="person:vladimir-putin, org:nato, group:ukrainians",
                    json_schema_extra={"pattern": ENTITY_ID.pattern})
    name: str
    type: Literal["PERSON", "ORG", "GROUP"]
    mentions: list[Mention] = Field(default_factory=list)
    salience: float = Field(ge=0.0, le=1.0)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not ENTITY_ID.match(value):
            raise ValueError("entity id must look like 'person:vladimir-putin'")
        return value


Feature = Literal["country", "admin1", "admin2", "city", "region", "water", "landform", "facility", "other"]
"""What kind of place a toponym names."""


class Place(_Model):
    """A toponym, resolved to GeoNames when possible."""

    id: str = Field(description="geonames:<id> when resolved, else place:<slug>",
                    json_schema_extra={"pattern": PLACE_ID.pattern})
    name: str
    geonames_id: int | None = None
    feature: Feature
    country_code: Annotated[str, string_schema(pattern=COUNTRY.pattern)] | None = Field(
        default=None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    lat: float | None = Field(default=None, ge=-90.0, le=90.0)
    lon: float | None = Field(default=None, ge=-180.0, le=180.0)
    mentions: list[Mention] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    salience: float = Field(ge=0.0, le=1.0)

    @field_validator("id")
    @classmethod
    def _check_id(cls, value: str) -> str:
        if not PLACE_ID.match(value):
            raise ValueError("place id must be 'geonames:<digits>' or 'place:<slug>'")
        return value

    @field_validator("country_code")
    @classmethod
    def _check_country(cls, value: str | None) -> str | None:
        if value is not None and not COUNTRY.match(value):
            raise ValueError("country_code must be ISO 3166-1 alpha-2, e.g. 'UA'")
        return value

    @model_validator(mode="after")
    def _check_resolution(self) -> Place:
        if self.geonames_id is not None and self.id != f"geonames:{self.geonames_id}":
            raise ValueError("a resolved place's id must be 'geonames:<geonames_id>'")
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon must be given together")
        return self


Category = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
]
"""PLOVER 2.0 event categories."""

Subtype = Literal[
    "ABDUCT_DISSAP", "AGREEMENT", "AIR_STRIKE", "ARMED_CLASH", "ARREST", "ART_MISS_ATTACK",
    "ATTACK", "CHANGE_TO_GROUP_ACT", "CHEM_WEAP", "DISR_WEAP", "FORCE_AGAINST_PROTEST",
    "GOV_REGAINS_TERIT", "GRENADE", "HQ_ESTABLISHED", "MOB_VIOL",
    "NON_STATE_ACTOR_OVERTAKES_TER", "NON_VIOL_TERRIT_TRANSFER", "PEACE_PROTEST",
    "PROPERTY_DISTRUCT", "PROTEST_WITH_INTER", "REM_EXPLOS", "SEX_VIOL", "SUIC_BOMB",
    "VIOL_DEMONSTR", "ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB",
    "OTHER",
]
"""ACLED sub-event types plus the contract's five non-ACLED kinds."""

PLOVER_CATEGORIES: tuple[str, ...] = get_args(Category)
SUBTYPES: tuple[str, ...] = get_args(Subtype)


class Event(_Model):
    """One reported happening, at sentence level."""

    id: str = Field(description="stable: article id + sentence start + category")
    category: Category
    mode: str | None = None
    subtype: Subtype | None = None
    sentence: Mention
    trigger: str | None = None
    actors: list[str] = Field(default_factory=list, description="entity or place ids")
    targets: list[str] = Field(default_factory=list, description="entity or place ids")
    place_ids: list[str] = Field(default_factory=list)
    date: Annotated[str, string_schema(format="date")] | None = Field(default=None, description="YYYY-MM-DD")
    confidence: float = Field(ge=0.0, le=1.0)

    @field_validator("date")
    @classmethod
    def _check_date(cls, value: str | None) -> str | None:
        if value is not None:
            if not DAY.match(value):
                raise ValueError("event date must be YYYY-MM-DD")
            datetime.strptime(value, "%Y-%m-%d")
        return value


def unnamed(name: str) -> bool:
    """Whether an entity's or a place's name is all lower case: a common noun, not a name.
    The unnamed participants an event names ("journalists", "police station", "houses") are
    named so; a name ("NATO", "al-Shabaab", "Gulf of Aden") has a capital somewhere."""
    return name == name.lower() and any(c.isalpha() for c in name)


def event_id(article: str, sentence_start: int, category: str) -> str:
    """The contract's stable event id: article id + sentence start + category."""
    return f"{article}-{sentence_start}-{category.lower()}"


class TaggedArticle(RawArticle):
    """A raw article plus who, where and what happened."""

    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    story_id: str
    duplicate_of: str | None = None
    tagged_at: UtcDatetime
    tagger_version: str
    revision: int | None = Field(
        default=None, ge=0,
        description="offset of the RawArticle message this was tagged from in the raw topic: a "
        "later publish of the same article (same id, same partition) has a higher revision, and "
        "the index drops the events of lower ones; null when tagged offline")

    @model_validator(mode="after")
    def _check_mentions(self) -> TaggedArticle:
        """Every offset must point at its text: consumers slice with them."""
        fields = {"title": self.title, "body": self.body}
        spans = [m for e in self.entities for m in e.mentions]
        spans += [m for p in self.places for m in p.mentions]
        spans += [e.sentence for e in self.events]
        for m in spans:
            if fields[m.field][m.start : m.end] != m.text:
                raise ValueError(
                    f"mention {m.text!r} does not match {m.field}[{m.start}:{m.end}]"
                )
        return self


def utcnow() -> datetime:
    """Now, in UTC, to the second (the contract's timestamps carry no fractions)."""
    return datetime.now(UTC).replace(microsecond=0)
