"""The search page: a FastAPI app over the same query code as ``wirewatch search``.

``/`` is the page (static files shipped in the package, no CDN); ``/api/...``
answers it with JSON:

* ``GET /api/articles`` and ``GET /api/events``: the CLI's filters as query
  parameters (``q``, ``match``, ``category``, ``subtype``, ``mode``, ``place``,
  ``person``, ``actor``, ``target``, ``since``, ``until``, ``sort``, ``page``,
  ``size``, ``all``, ``facets``); a bad code or date is a 400 that says why;
* ``GET /api/events/{id}``: one event with its article's title and places;
* ``GET /api/codes``: the categories and subtypes;
* ``GET /api/live``: server-sent events from the events topic, same filters.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import FileResponse, JSONResponse, StreamingResponse
from fastapi.staticfiles import StaticFiles

from core.errors import SearchError
from core.settings import Settings
from wirewatch.searching.codes import CODE_KINDS, UnknownCode, check_codes
from wirewatch.searching.dates import BadDate, time_range
from wirewatch.searching.query import MAX_PAGE_SIZE, Query
from wirewatch.searching.results import event_hit

STATIC = Path(__file__).parent / "static"
LIVE_KEEPALIVE_MS = 1_000


def query_from_params(params: Any, *, now: datetime | None = None) -> Query:
    """A Query from the page's query parameters (a Starlette ``QueryParams`` or a dict of lists).

    Raises:
        ValueError: a bad code, date or number; the message is shown to the user.
    """
    def many(name: str) -> tuple[str, ...]:
        values = params.getlist(name) if hasattr(params, "getlist") else params.get(name, [])
        return tuple(v.strip() for v in values if v and v.strip())

    def one(name: str, default: str = "") -> str:
        values = many(name)
        return values[0] if values else default

    match = one("match", "all")
    if match not in ("all", "any", "lucene"):
        raise ValueError("match must be all, any or lucene")
    sort = one("sort") or None
    if sort not in (None, "date", "relevance"):
        raise ValueError("sort must be date or relevance")
    try:
        page, size = int(one("page", "1")), int(one("size", "10"))
    except ValueError:
        raise ValueError("page and size must be whole numbers") from None
    if not (1 <= page <= 10_000 and 1 <= size <= MAX_PAGE_SIZE):
        raise ValueError(f"page must be 1-10000 and size 1-{MAX_PAGE_SIZE}")
    try:
        categories = check_codes("category", many("category"))
        subtypes = check_codes("subtype", many("subtype"))
        time = time_range(one("since") or None, one("until") or None, now=now or datetime.now(UTC))
    except (UnknownCode, BadDate) as exc:
        raise ValueError(str(exc)) from None
    return Query(
        text=one("q"), match=match, categories=categories, subtypes=subtypes,  # type: ignore[arg-type]
        modes=tuple(m.lower() for m in many("mode")), places=many("place"), persons=many("person"),
        actors=many("actor"), targets=many("target"), time=time, sort=sort,  # type: ignore[arg-type]
        page=page, size=size, expand=one("all") in ("1", "true", "on"),
        facets=one("facets") in ("1", "true", "on"),
    )


def create_app(settings: Settings) -> FastAPI:
    """The app for one search engine (and broker, for live mode)."""
    from core.search_client import make_client
    from wirewatch.searching.service import Searcher

    client = make_client(settings, wait_s=10.0)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        client.close()

    app = FastAPI(title="wirewatch search", docs_url="/api/docs", redoc_url=None, lifespan=lifespan)
    searcher = Searcher(client, settings)
    app.state.searcher = searcher

    def parse(request: Request) -> Query:
        try:
            return query_from_params(request.query_params)
        except ValueError as exc:
            raise HTTPException(status_code=400, detail=str(exc)) from None

    def run(call: Any, query: Query) -> dict[str, Any]:
        try:
            page = call(query)
        except SearchError as exc:
            raise HTTPException(status_code=502, detail=str(exc)) from None
        return {**page.model_dump(), "unmatched": page.unmatched}

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/api/articles")
    def articles(request: Request) -> dict[str, Any]:
        return run(searcher.articles, parse(request))

    @app.get("/api/events")
    def events(request: Request) -> dict[str, Any]:
        return run(searcher.events, parse(request))

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        try:
            doc = searcher.event(event_id)
            article = searcher.article(doc["article_id"]) if doc else None
        except SearchError as exc:
            raise HTTPException(status_code=502, detail=str(exc)) from None
        if doc is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        if article is not None:  # the article's places name the actors and targets too
            doc = {**doc, "places": _merge_places(doc.get("places") or [], article.get("places") or [])}
        return {"event": event_hit(doc).model_dump(), "mode": doc.get("mode"),
                "article": {k: article.get(k) for k in ("id", "title", "url", "published_at", "source")}
                if article else None}

    @app.get("/api/codes")
    def codes() -> dict[str, list[str]]:
        return {kind: list(values) for kind, values in CODE_KINDS.items()}

    @app.get("/api/live")
    def live(request: Request) -> StreamingResponse:
        query = parse(request)
        if query.match == "lucene":
            raise HTTPException(status_code=400, detail="live mode takes words or phrases, not Lucene syntax")
        return StreamingResponse(_live_stream(settings, query), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"})

    @app.exception_handler(HTTPException)
    def http_error(_request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _merge_places(first: list[dict[str, Any]], more: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen = {p.get("id") for p in first}
    return first + [p for p in more if p.get("id") not in seen]


def _live_stream(settings: Settings, query: Query) -> Iterator[str]:
    """Server-sent events: one ``event`` per matching message, a comment as keep-alive."""
    from kafka.errors import KafkaError

    from wirewatch.searching.live import EventStream

    yield ": connecting\n\n"  # the browser sees the stream open while the consumer connects
    try:
        stream = EventStream(settings)
    except KafkaError as exc:  # the page says so; the browser retries by itself
        message = f"cannot read the events topic from {settings.bootstrap}: {exc}. Is the broker up?"
        yield f"event: problem\ndata: {json.dumps({'error': message})}\n\n"
        return
    with stream:
        yield f"event: ready\ndata: {json.dumps({'topic': stream.topic})}\n\n"
        while True:
            found = stream.poll(query, timeout_ms=LIVE_KEEPALIVE_MS)
            for event in found:
                yield f"event: event\ndata: {json.dumps(event_hit(event).model_dump())}\n\n"
            if not found:
                yield ": keep-alive\n\n"
