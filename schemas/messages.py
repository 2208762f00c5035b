"""Messages on the events and dead-letter topics."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.articles import Entity, Event, Feature, Place, _Model
from schemas.values import ARTICLE_ID, Url, UtcDatetime


class Participant(_Model):
    """Who or where an id in ``actors``, ``targets`` or ``place_ids`` stands for."""

    id: str = Field(description="the entity or place id, as in actors / targets / place_ids")
    name: str = Field(description="canonical name: 'Vladimir Putin', 'NATO', 'Turks', 'Kharkiv'")
    type: Literal["PERSON", "ORG", "GROUP", "PLACE"] = Field(
        description="the entity's type, or PLACE for a place id")
    feature: Feature | None = Field(default=None, description="for a place: what kind of place")
    country_code: str | None = Field(default=None, description="for a place: ISO 3166-1 alpha-2")

    @classmethod
    def of_entity(cls, entity: Entity) -> Participant:
        return cls(id=entity.id, name=entity.name, type=entity.type)

    @classmethod
    def of_place(cls, place: Place) -> Participant:
        return cls(id=place.id, name=place.name, type="PLACE", feature=place.feature,
                   country_code=place.country_code)


class EventMessage(Event):
    """One message on ``{prefix}events``: an Event plus what a consumer needs to show it.

    Key = event id. ``places`` repeats the resolved places the event names, so a
    map can plot it without fetching the article. ``actor_refs``,
    ``target_refs`` and ``place_refs`` name each id of ``actors``, ``targets``
    and ``place_ids``, in the same order, so a consumer can show "who did what
    to whom, where" without the article.
    """

    schema_version: Literal[1] = Field(
        default=1, description="1; moves only on a breaking change (schemas/README.md)")
    article_id: str = Field(json_schema_extra={"pattern": ARTICLE_ID.pattern})
    revision: int | None = Field(
        default=None, ge=0, description="the article's revision (see TaggedArticle.revision)")
    published_at: UtcDatetime | None = None
    title: str = ""
    url: Url | None = None
    places: list[Place] = Field(default_factory=list)
    actor_refs: list[Participant] = Field(default_factory=list, description="names and types of actors")
    target_refs: list[Participant] = Field(default_factory=list, description="names and types of targets")
    place_refs: list[Participant] = Field(
        default_factory=list, description="names and kinds of place_ids, resolved or not")


DEADLETTER_HEADERS = (
    "wirewatch.stage",
    "wirewatch.error.class",
    "wirewatch.error.message",
    "wirewatch.source.topic",
    "wirewatch.source.partition",
    "wirewatch.source.offset",
)
# only on a bounded letter: the original was too large to dead-letter whole
BOUNDED_HEADERS = ("wirewatch.original.size", "wirewatch.original.sha256")


class DeadLetter(BaseModel):
    """Why a message went to ``{prefix}deadletter``.

    The message value and key stay the original bytes, untouched; this
    envelope travels as Kafka headers (``wirewatch.stage`` and so on), so a
    replay tool can send the value back to its source topic as it was.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    stage: str = Field(description="where it failed: validate, tag, produce, index (an open list: new stages "
                       "may appear)", examples=["validate", "tag", "produce", "index"])
    error_class: str = Field(description="Python class name of the error")
    error_message: str = Field(description="what went wrong and, where known, what to do")
    source_topic: str
    source_partition: int
    source_offset: int
    original_size: int | None = Field(
        default=None, description="set on a bounded letter: bytes of the original value; the "
        "letter's value is only its first 64 KiB and cannot be replayed")
    original_sha256: str | None = Field(
        default=None, description="set on a bounded letter: sha256 (hex) of the original value")

    @property
    def bounded(self) -> bool:
        """True when the letter's value is only the start of the original."""
        return self.original_size is not None

    def to_headers(self) -> list[tuple[str, bytes]]:
        """Kafka headers, in the order of ``DEADLETTER_HEADERS`` (then ``BOUNDED_HEADERS``)."""
        values = (
            self.stage,
            self.error_class,
            self.error_message[:4000],
            self.source_topic,
            str(self.source_partition),
            str(self.source_offset),
        )
        headers = [(name, value.encode("utf-8")) for name, value in zip(DEADLETTER_HEADERS, values, strict=True)]
        if self.original_size is not None:
            headers += [(BOUNDED_HEADERS[0], str(self.original_size).encode()),
                        (BOUNDED_HEADERS[1], (self.original_sha256 or "").encode())]
        return headers

    @classmethod
    def from_headers(cls, headers: list[tuple[str, bytes]] | dict[str, bytes]) -> DeadLetter:
        """Read the envelope back from a dead-lettered message's headers."""
        items = dict(headers)
        get = lambda name: items[name].decode("utf-8")  # noqa: E731
        return cls(
            stage=get("wirewatch.stage"),
            error_class=get("wirewatch.error.class"),
            error_message=get("wirewatch.error.message"),
            source_topic=get("wirewatch.source.topic"),
            source_partition=int(get("wirewatch.source.partition")),
            source_offset=int(get("wirewatch.source.offset")),
            original_size=int(get(BOUNDED_HEADERS[0])) if BOUNDED_HEADERS[0] in items else None,
            original_sha256=get(BOUNDED_HEADERS[1]) if BOUNDED_HEADERS[1] in items else None,
        )
