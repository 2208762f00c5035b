"""Turning loose, RawArticle-like records into contract RawArticles.

Files, the webhook and feeds all end here: whatever a source leaves out
(``id``, ``fetched_at``, ``source``, ``language``) is filled in the one same
way, so the same article gets the same id whichever way it arrived.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from dateutil import parser as dateparser
from pydantic import ValidationError

from connectors.errors import ConnectorError
from connectors.language import article_language
from connectors.urls import canonical_url
from core.limits import ArticleTooLarge, check_article_size, may_exceed
from core.settings import get_settings
from schemas.articles import RawArticle, utcnow
from schemas.values import article_id


@dataclass(frozen=True, slots=True)
class FieldError:
    """One invalid field of a record.

    Attributes:
        field: dotted path of the field, e.g. ``published_at`` or ``metadata.tag``.
        message: what is wrong with it.
    """

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class RecordError(ConnectorError, ValueError):
    """A record that cannot become a RawArticle; ``errors`` lists each bad field."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(str(e) for e in errors))


# Characters that show nothing and are never part of a word: soft hyphen, zero-width space, word
# joiner, byte-order mark. Pages and feeds carry them ("Nai\u00adrobi", "Nairobi\u200b"), and the
# tagger then reads no "Nairobi" at all. ZWNJ and ZWJ stay (they shape Persian and Indic script and
# emoji), and so do the direction marks (they order mixed right-to-left text).
_INVISIBLE = str.maketrans("", "", "\u00ad\u200b\u2060\ufeff")


def visible_text(text: str) -> str:
    """``text`` without the invisible characters that split words (``_INVISIBLE``)."""
    return text.translate(_INVISIBLE)


def parse_datetime(value: object) -> datetime | None:
    """A UTC datetime from an ISO string, an RFC 822 date or a datetime; None if empty.

    Raises:
        ValueError: for text that is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)  # the contract's form: fast path
        except ValueError:
            try:
                parsed = dateparser.parse(value)  # RFC 822 and other loose forms
            except (ValueError, OverflowError) as exc:
                raise ValueError(f"not a date: {value!r}") from exc
    else:
        raise ValueError(f"expected an ISO-8601 date string, got {type(value).__name__}")
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def field_errors(exc: ValidationError, *, derived: frozenset[str] = frozenset()) -> list[FieldError]:
    """One :class:`FieldError` per problem pydantic found.

    Args:
        exc: the validation error.
        derived: fields the caller would have filled in itself: a complaint that
            one is missing only echoes another error, so it is left out.
    """
    errors = []
    for err in exc.errors():
        name = ".".join(str(p) for p in err["loc"]) or "record"
        if err["type"] == "missing" and name in derived:
            continue
        message = err["msg"]
        if err["type"] == "extra_forbidden":
            message = f"unknown field; RawArticle fields are {', '.join(RawArticle.model_fields)}"
        errors.append(FieldError(name, message))
    return errors


def build_article(
    record: Mapping[str, Any],
    *,
    source: str,
    fetched_at: datetime | None = None,
    language_hint: str | None = None,
    max_bytes: int | None = None,
) -> RawArticle:
    """A RawArticle from a record shaped like one, filling what is missing.

    Fills ``id`` (from the canonical URL, else title + body), ``source``,
    ``fetched_at`` (now) and ``language`` (the hint, else detected offline);
    canonicalises ``url``, parses ``published_at`` to UTC and takes the invisible
    characters that split words out of title and body (:func:`visible_text`). A
    given ``id`` is kept, so replaying published articles keeps their ids.

    Args:
        record: a mapping with RawArticle's field names.
        source: the ``kind:name`` to use when the record has none.
        fetched_at: when the record was fetched; now by default.
        language_hint: the source's language, used when the record has none.
        max_bytes: the largest article accepted (JSON bytes); by default the
            setting ``WIREWATCH_MAX_ARTICLE_BYTES`` (see core/limits.py).

    Raises:
        RecordError: listing every invalid field, or the article being too large.
    """
    if not isinstance(record, Mapping):
        raise RecordError([FieldError("record", f"expected a JSON object, got {type(record).__name__}")])
    data = dict(record)
    errors: list[FieldError] = []
    url = data.get("url")
    if isinstance(url, str) and url.strip():
        data["url"] = canonical_url(url)
    elif url == "":
        data["url"] = None
    for name in ("published_at", "fetched_at"):
        try:
            data[name] = parse_datetime(data.get(name))
        except ValueError as exc:
            errors.append(FieldError(name, str(exc)))
    data["fetched_at"] = data.get("fetched_at") or fetched_at or utcnow()
    data["source"] = data.get("source") or source
    data.setdefault("title", "")
    for name in ("title", "body"):
        if isinstance(data.get(name), str):
            data[name] = visible_text(data[name])
    title, body = data.get("title"), data.get("body")
    if isinstance(title, str) and isinstance(body, str):
        if not title.strip() and not body.strip():
            errors.append(FieldError("body", "title and body are both empty"))
        if not data.get("id"):
            data["id"] = article_id(data.get("url"), title, body)
        if data.get("language") is None:
            data["language"] = article_language(language_hint, title, body)
    if errors:
        raise RecordError(errors)
    # The model ignores unknown fields (tolerant reader); a record typed by hand
    # is better told about a misspelt one.
    unknown = [FieldError(name, f"unknown field; RawArticle fields are {', '.join(RawArticle.model_fields)}")
               for name in sorted(set(data) - set(RawArticle.model_fields))]
    try:
        article = RawArticle.model_validate(data)
    except ValidationError as exc:
        raise RecordError(field_errors(exc, derived=frozenset({"id"})) + unknown) from None
    if unknown:
        raise RecordError(unknown)
    _check_size(article, max_bytes)
    return article


def _text_chars(article: RawArticle) -> int:
    """Characters of every free-text field: an upper bound of the JSON size is 6 bytes each."""
    meta = sum(len(k) + len(v) for k, v in article.metadata.items())
    return (len(article.title) + len(article.body) + len(article.url or "") + len(article.source)
            + sum(len(a) for a in article.authors) + meta)


def _check_size(article: RawArticle, max_bytes: int | None) -> None:
    """The size policy's entrance check (core/limits.py); serializes only near the limit."""
    settings = get_settings()
    if max_bytes is not None:
        settings = settings.model_copy(update={"max_article_bytes": max_bytes})
    if not may_exceed(_text_chars(article), settings):
        return
    try:
        check_article_size(len(article.model_dump_json().encode("utf-8")), settings)
    except ArticleTooLarge as exc:
        raise RecordError([FieldError("article", str(exc))]) from None
