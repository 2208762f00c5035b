"""Reading articles from files and folders: ``.jsonl``, ``.json``, ``.txt``, ``.html``.

* ``.jsonl`` / ``.ndjson``: one RawArticle-like JSON object per line.
* ``.json``: one such object, or a list of them.
* ``.txt``: first line is the title, the other non-blank lines the body paragraphs.
* ``.html`` / ``.htm``: main text extracted with trafilatura, title from the page.
* folders: every such file below them, recursively, in sorted order
  (hidden files and folders are skipped).

Missing ``id``, ``source`` (``file:<file stem>``), ``fetched_at`` and
``language`` are filled in (see :func:`connectors.records.build_article`).
Every input yields :class:`~connectors.items.Item` or
:class:`~connectors.items.ItemError`; nothing here raises for bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from connectors.errors import ParseError
from connectors.html import extract_page
from connectors.items import Item, ItemError, Result
from connectors.records import RecordError, build_article, parse_datetime
from core.jsonlines import read_json_lines

JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
SUPPORTED_SUFFIXES = JSONL_SUFFIXES | JSON_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES

_SOURCE_NAME = re.compile(r"[^a-z0-9._-]+")


def file_source(path: Path) -> str:
    """The default ``source`` for articles read from ``path``: ``file:<stem>``."""
    name = _SOURCE_NAME.sub("-", path.stem.lower()).strip("-") or "unnamed"
    return f"file:{name}"


def expand_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, plus the files below each folder named (recursively, sorted, no hidden)."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel):
                    yield child
        else:
            yield path


def read_paths(paths: Iterable[Path], *, source: str | None = None) -> Iterator[Result]:
    """Read every file and folder in ``paths``; see :func:`read_file`."""
    for path in expand_paths(paths):
        yield from read_file(path, source=source)


def read_file(path: Path, *, source: str | None = None) -> Iterator[Result]:
    """Articles from one file, by suffix; one error item if the file as a whole is bad.

    Args:
        path: the file.
        source: the ``kind:name`` for records without one; ``file:<stem>`` by default.
    """
    suffix = path.suffix.lower()
    src = source or file_source(path)
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path, src)
        elif suffix in JSON_SUFFIXES:
            yield from _read_json(path, src, size)
        elif suffix in TEXT_SUFFIXES:
            yield _read_text(path, src, size)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(path, src, size)
        else:
            yield ItemError(
                str(path),
                f"unsupported file type {suffix or '(none)'!r}; "
                f"use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}",
            )
    except OSError as exc:
        yield ItemError(str(path), f"cannot read: {exc.strerror or exc}")


def _decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ParseError(_not_utf8(exc, where)) from None


def _not_utf8(exc: UnicodeDecodeError, where: str) -> str:
    return f"not valid UTF-8 (byte {exc.start}); re-save {where} as UTF-8"


def _record(record: object, origin: str, source: str, nbytes: int) -> Result:
    try:
        return Item(build_article(record, source=source), origin, nbytes)  # type: ignore[arg-type]
    except RecordError as exc:
        return ItemError(origin, f"invalid record: {exc}", nbytes)


def _read_jsonl(path: Path, source: str) -> Iterator[Result]:
    with path.open("rb") as handle:
        for line in read_json_lines(handle):
            origin = f"{path}:{line.number}"
            if isinstance(line.error, UnicodeDecodeError):
                yield ItemError(origin, _not_utf8(line.error, "the file"), line.size)
            elif line.error is not None:
                yield ItemError(origin, f"invalid JSON: {line.error.msg} at column {line.error.colno}",
                                line.size)
            else:
                yield _record(line.value, origin, source, line.size)


def _read_json(path: Path, source: str, size: int) -> Iterator[Result]:
    try:
        document = json.loads(_decode(path.read_bytes(), "the file"))
    except ParseError as exc:
        yield ItemError(str(path), str(exc), size)
        return
    except json.JSONDecodeError as exc:
        yield ItemError(
            str(path), f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", size
        )
        return
    records = document if isinstance(document, list) else [document]
    for number, record in enumerate(records, start=1):
        # the whole file's bytes are counted on its last record
        nbytes = size if number == len(records) else 0
        yield _record(record, f"{path}#{number}", source, nbytes)


def _read_text(path: Path, source: str, size: int) -> Result:
    try:
        text = _decode(path.read_bytes(), "the file")
    except ParseError as exc:
        return ItemError(str(path), str(exc), size)
    lines = [line.rstrip() for line in text.splitlines()]
    title, *rest = lines or [""]
    body = "\n".join(line for line in rest if line.strip())
    return _record({"title": title.strip(), "body": body}, str(path), source, size)


def _read_html(path: Path, source: str, size: int) -> Result:
    try:
        page = extract_page(path.read_bytes())
    except ParseError as exc:
        return ItemError(str(path), str(exc), size)
    try:
        published = parse_datetime(page.published)
    except ValueError:
        published = None  # a page's odd date is not worth losing the page for
    record = {
        "title": page.title,
        "body": page.body,
        "url": page.canonical,
        "published_at": published,
        "authors": page.authors,
    }
    try:
        article = build_article(record, source=source, language_hint=page.language)
    except RecordError as exc:
        return ItemError(str(path), f"invalid page: {exc}", size)
    return Item(article, str(path), size)
