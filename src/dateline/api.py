"""The REST API: a thin HTTP layer over the store (reading) and the coder (POST /articles).

``create_app(db, token=...)`` builds the FastAPI application `dateline serve` runs. Every error,
FastAPI's own included, has one JSON shape::

    {"error": {"status": 404, "code": "not_found", "message": "...", "details": null}}

The store is opened per request (SQLite connections belong to one thread; PostgreSQL gets a fresh
connection), so the app holds no connection. The spaCy pipeline is loaded on the first POST and
kept for the process; coding runs in a worker thread, one request at a time.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
import secrets
import threading
from dataclasses import dataclass, field, replace
from datetime import date
from http import HTTPStatus
from pathlib import Path
from typing import Annotated, Any, Literal

import fastapi_offline
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from dateline import __version__, library
from dateline.filters import MAX_OFFSET, FilterError, check_code, check_text, event_query
from dateline.ingest.readers import Defaults, IngestError, build_article
from dateline.nlp import ModelNotFoundError
from dateline.pipeline import Coded, code_articles
from dateline.records import Article
from dateline.settings import Settings
from dateline.store import EventQuery, StoreError, open_store
from dateline.store.base import SORTS
from dateline.version import coder_version

log = logging.getLogger(__name__)

DOCS_STATIC = "/static/docs"
"""Where the Swagger UI files (bundled by the fastapi-offline package) are served: no CDN."""
SWAGGER_FILES = Path(fastapi_offline.__file__).parent / "static"
CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
         413: "payload_too_large", 422: "invalid_request", 500: "internal_error", 503: "unavailable"}
STATUS = {"inserted": "added", "replaced": "replaced", "unchanged": "unchanged"}
MAX_DEPTH = 20
"""The deepest nesting of arrays and objects a POST body may have (checked before the JSON is parsed)."""
MAX_ID = 1000
"""The longest event or article id a path takes (characters)."""
NO_DATE = "no publication date found; events without their own date are dated 'unknown' (send 'date')"


class ApiError(Exception):
    """An error the API answers with: HTTP status, a stable code, a message and optional details."""

    def __init__(self, status: int, message: str, details: Any = None, *,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.details = status, message, details
        self.code = CODES.get(status, "error")
        self.headers = headers


# -- configuration ------------------------------------------------------------------------------

class Coding:
    """Codes posted articles: one request at a time (parsing is CPU-bound); the pipeline loads on first use."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings.with_(workers=1)
        self.loaded = False
        self._lock = threading.Lock()

    def code(self, articles: list[Article]) -> list[Coded]:
        with self._lock:
            coded = list(code_articles(articles, self.settings))
            self.loaded = True
            return coded


@dataclass(frozen=True)
class ApiConfig:
    db: str
    token: str | None
    max_body_bytes: int
    max_articles: int
    settings: Settings
    coding: Coding = field(compare=False)
    code_timeout: float = 300.0
    """Seconds a POST waits for its articles to be coded before it answers 503 (coding goes on)."""


def config(request: Request) -> ApiConfig:
    return request.app.state.dateline


Config = Annotated[ApiConfig, Depends(config)]


# -- errors -------------------------------------------------------------------------------------

def error_response(status: int, code: str, message: str, details: Any = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    body = {"error": {"status": status, "code": code, "message": message, "details": details}}
    return JSONResponse(body, status_code=status, headers=headers)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors: unknown routes (404), wrong methods (405) and the like."""
    assert isinstance(exc, HTTPException)
    status, path = exc.status_code, request.url.path
    message = {404: f"nothing at {path} (the endpoints are listed at /docs)",
               405: f"{request.method} is not allowed on {path}"}.get(status, str(exc.detail))
    details = {"allowed": exc.headers["Allow"].split(", ")} if status == 405 and exc.headers else None
    return error_response(status, CODES.get(status, HTTPStatus(status).phrase.lower().replace(" ", "_")),
                          message, details, exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    """A parameter of the wrong type or out of its declared range (limit=5000, since=yesterday): 422."""
    assert isinstance(exc, RequestValidationError)
    details = [{"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"]} for e in exc.errors()]
    message = "invalid request: " + "; ".join(f"{d['field']}: {d['message']}" for d in details)
    return error_response(422, "invalid_request", message, details)


async def _store_error(request: Request, exc: Exception) -> JSONResponse:
    log.error("store error on %s %s: %s", request.method, request.url.path, exc)
    return error_response(503, "store_unavailable", str(exc))


async def _model_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(503, "model_unavailable", str(exc))


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", f"internal server error ({type(exc).__name__}); "
                          "the server log has the details")


async def _filter_error(request: Request, exc: Exception) -> JSONResponse:
    """A parameter value the filters cannot use (filters.FilterError): 400, naming it and what is accepted."""
    assert isinstance(exc, FilterError)
    return error_response(400, "bad_request", str(exc), [{"field": f"query.{exc.name}", "message": str(exc)}])


class CatchAll:
    """Outermost ASGI layer: an exception that escaped every handler becomes the one error shape (500)
    *and the connection stays usable* (Starlette's own fallback re-raises, and the server then drops
    the kept-alive connection)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        started = False

        async def tracking_send(message: dict) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if scope["type"] != "http" or started:
                raise
            log.error("unexpected error on %s %s", scope.get("method"), scope.get("path"), exc_info=exc)
            response = error_response(500, "internal_error", f"internal server error ({type(exc).__name__}); "
                                      "the server log has the details")
            await response(scope, receive, send)


def _add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(ModelNotFoundError, _model_error)
    app.add_exception_handler(Exception, _unexpected)


# -- query parameters ---------------------------------------------------------------------------

def event_filters(
    actor: Annotated[str | None, Query(description="Actor code or prefix on either side (RUS, RUSGOV).")] = None,
    source: Annotated[str | None, Query(description="Source actor code or prefix.")] = None,
    target: Annotated[str | None, Query(description="Target actor code or prefix.")] = None,
    dyad: Annotated[str | None, Query(description="SOURCE-TARGET code prefixes (RUS-UKR; RUS- = no target).")] = None,
    country: Annotated[str | None, Query(description="Actor country (ISO alpha-3) on either side.")] = None,
    event_type: Annotated[str | None, Query(
        alias="type", description="PLOVER event (CONSULT) or CAMEO code or root (04, 041).")] = None,
    since: Annotated[date | None, Query(description="Events whose date span reaches this day or later.")] = None,
    until: Annotated[date | None, Query(description="Events whose date span starts this day or earlier.")] = None,
    place: Annotated[str | None, Query(description="Place name (substring) or its ISO alpha-3 country.")] = None,
    text: Annotated[str | None, Query(description="Words in any sentence reporting the event.")] = None,
    article: Annotated[str | None, Query(description="Only events reported by this article id.")] = None,
    asserted_only: Annotated[bool, Query(description="Leave out negated events.")] = False,
) -> EventQuery:
    """The filters of `dateline events` (docs/storage.md), as query parameters; a bad value is a 400
    (filters.FilterError) naming it and what is accepted."""
    return event_query(actor=actor, source=source, target=target, dyad=dyad, country=country,
                       event_type=event_type, since=since, until=until, place=place, text=text,
                       article=article, asserted_only=asserted_only)


def known_parameters(request: Request) -> None:
    """Refuse (400) query parameters the endpoint does not take, instead of silently ignoring them."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted({name for name in request.query_params if name not in known})
    if unknown:
        raise ApiError(400, f"unknown query parameter {unknown[0]!r} for {request.url.path}; it takes "
                       f"{', '.join(sorted(known)) or 'none'}", [{"field": f"query.{n}", "message": "unknown parameter"}
                                                               for n in unknown])


def _query_names(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


Filters = Annotated[EventQuery, Depends(event_filters)]
Limit = Annotated[int, Query(ge=0, le=1000, description="Items per page (at most 1000).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description=f"Items to skip (at most {MAX_OFFSET}).")]
Sort = Literal[SORTS]  # type: ignore[valid-type]


def events_page(filters: Filters, sort: Annotated[Sort, Query(description="Order of the events.")] = "date",
                limit: Limit = 50, offset: Offset = 0) -> EventQuery:
    return replace(filters.page(limit, offset), sort=sort)


def next_url(request: Request, limit: int, offset: int, more: bool) -> str | None:
    """The URL of the next page (same parameters, offset moved on), or None on the last page."""
    return str(request.url.include_query_params(offset=offset + limit)) if limit and more else None


# -- reading ------------------------------------------------------------------------------------

class ErrorInfo(BaseModel):
    status: int
    code: str = Field(examples=["not_found"])
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    """The one shape of every error answer."""

    error: ErrorInfo


ERRORS: dict[int | str, dict[str, Any]] = {
    "4XX": {"model": ErrorResponse, "description": "A client error (code: not_found, invalid_request, ...)"},
    "5XX": {"model": ErrorResponse, "description": "A server error (internal_error, store_unavailable, ...)"},
}
router = APIRouter(responses=ERRORS, dependencies=[Depends(known_parameters)])


@router.get("/health", tags=["meta"], summary="Versions and row counts")
def health(cfg: Config) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        counts = store.counts()
    return {"status": "ok", "version": __version__, "coder_version": coder_version(cfg.settings),
            "model": cfg.settings.model, "model_loaded": cfg.coding.loaded, "counts": counts}


@router.get("/events", tags=["events"], summary="Events matching the filters, one page at a time")
def list_events(request: Request, cfg: Config, query: Annotated[EventQuery, Depends(events_page)]) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        total = store.count_events(query)
        events = store.query_events(query)
    limit = query.limit or 0
    return {"total": total, "limit": limit, "offset": query.offset,
            "next": next_url(request, limit, query.offset, query.offset + limit < total), "events": events}


@router.get("/events/{event_id}", tags=["events"], summary="One event with every mention and its evidence")
def get_event(cfg: Config, event_id: Annotated[str, PathParam(description="Event id (or one of its mentions' ids).")]
              ) -> dict[str, Any]:
    check_text("event_id", event_id, MAX_ID)
    with open_store(cfg.db) as store:
        event = store.get_event(event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return event


@router.get("/stats", tags=["events"], summary="Counts of matching events per day, type and dyad")
def stats(cfg: Config, query: Filters) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        return store.stats(query)


@router.get("/actors", tags=["actors"], summary="Actor codes seen in events, most mentioned first")
def list_actors(request: Request, cfg: Config,
                prefix: Annotated[str | None, Query(description="Actor code prefix (RUS, USAGOV).")] = None,
                text: Annotated[str | None, Query(description="Words in the actor's name or mention text.")] = None,
                limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    check_code("prefix", prefix)
    check_text("text", text)
    with open_store(cfg.db) as store:
        actors = store.actors(prefix=prefix, text=text, limit=limit, offset=offset)
    return {"limit": limit, "offset": offset, "next": next_url(request, limit, offset, len(actors) == limit),
            "actors": actors}


@router.get("/articles/{article_id:path}", tags=["articles"], summary="One stored article with its mentions")
def get_article(cfg: Config, article_id: str) -> dict[str, Any]:
    check_text("article_id", article_id, MAX_ID)
    with open_store(cfg.db) as store:
        article = store.get_article(article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return article


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI from local files (fastapi-offline's bundle), so the page works without a network."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}", title="dateline API",
        swagger_js_url=f"{root}{DOCS_STATIC}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{DOCS_STATIC}/swagger-ui.css",
        swagger_favicon_url=f"{root}{DOCS_STATIC}/favicon.png",
        swagger_ui_parameters={"validatorUrl": None},
    )


# -- adding articles ----------------------------------------------------------------------------

class ArticleIn(BaseModel):
    """One article to code and store: the fields of a JSON-lines ingest record."""

    model_config = ConfigDict(extra="ignore")

    id: str | int | None = Field(None, description="Article id; re-posting the same id and text changes "
                                 "nothing. Default: 'api-' and a hash of the text.")
    text: str = Field(min_length=1, description="The article text (a wire dateline in it is read).")
    title: str | None = None
    date: str | None = Field(None, description="Publication date, YYYY-MM-DD (a longer ISO timestamp is cut "
                             "to its day); default: the wire dateline's date, if any.", examples=["2023-03-16"])
    source: str | None = Field(None, description="Outlet or agency (default: the wire dateline's agency).")
    url: str | None = None


def _request_body_schema() -> dict[str, Any]:
    one = ArticleIn.model_json_schema()
    many = {"type": "object", "required": ["articles"], "properties": {"articles": {"type": "array", "items": one}}}
    return {"required": True, "content": {"application/json": {"schema": {"oneOf": [one, many]}}}}


bearer = HTTPBearer(auto_error=False, description="The token `dateline serve` was started with.")


def require_token(cfg: Config, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    if cfg.token is None:
        raise ApiError(403, "this server accepts no articles: it was started without an API token; restart it "
                       "with `dateline serve --token TOKEN` (or DATELINE_API_TOKEN=TOKEN)")
    if credentials is None:
        raise ApiError(401, "POST /articles needs the header 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(credentials.credentials.encode(), cfg.token.encode()):
        raise ApiError(403, "the API token is not valid for this server")


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None and not declared.isdigit():
        raise ApiError(400, f"Content-Length is not a number: {declared!r}")
    too_large = ApiError(413, f"the request body is larger than this server's limit of {limit} bytes; "
                         "send fewer or shorter articles per request", {"max_body_bytes": limit})
    if declared is not None and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def parse_articles(body: bytes, max_articles: int) -> list[Article]:
    """Articles from one article object or {"articles": [...]}; every problem is reported (422) at once."""
    depth = nesting_depth(body)
    if depth > MAX_DEPTH:
        raise ApiError(422, f"the request body nests arrays and objects {depth} deep; at most {MAX_DEPTH} "
                       "levels are accepted", {"max_depth": MAX_DEPTH})
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise ApiError(422, f"the request body is not valid JSON ({exc})") from exc
    records = payload["articles"] if isinstance(payload, dict) and "articles" in payload else [payload]
    if not isinstance(records, list) or not records:
        raise ApiError(422, "'articles' must be a non-empty list of article objects")
    if len(records) > max_articles:
        raise ApiError(413, f"{len(records)} articles in one request; this server takes at most {max_articles}",
                       {"max_articles": max_articles, "articles": len(records)})
    found = [_article(record, index) for index, record in enumerate(records)]
    problems = [p for item in found if isinstance(item, list) for p in item]
    if problems:
        raise ApiError(422, "invalid article: " + "; ".join(f"articles[{p['index']}].{p['field']}: {p['message']}"
                                                            for p in problems), problems)
    return [item for item in found if isinstance(item, Article)]


_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")


def nesting_depth(body: bytes) -> int:
    """How deep arrays and objects nest in a JSON text, read without parsing it (strings skipped)."""
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_STRINGS.sub(b"", body)):
        if bracket in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _article(record: object, index: int) -> Article | list[dict[str, Any]]:
    """One Article, built as the JSON-lines reader builds it, or the problems found in the record."""
    try:
        fields = ArticleIn.model_validate(record).model_dump()
    except ValidationError as exc:
        return [{"index": index, "field": ".".join(str(p) for p in e["loc"]) or "(article)", "message": e["msg"]}
                for e in exc.errors()]
    if fields["id"] is None or fields["id"] == "":
        fields["id"] = "api-" + hashlib.sha256(fields["text"].encode("utf-8")).hexdigest()[:16]
    built = build_article(fields, f"POST /articles[{index}]", Defaults())
    if isinstance(built, IngestError):
        field_name = "date" if built.message.startswith("bad date") else "text"
        return [{"index": index, "field": field_name, "message": built.message}]
    return built


def code_and_store(cfg: ApiConfig, articles: list[Article]) -> list[dict[str, Any]]:
    """Code the articles and store each (as `dateline ingest` does); one result per article."""
    with cfg.coding._lock, open_store(cfg.db) as store:  # one coding at a time, as Coding.code
        outcomes = [o for o in library.code_and_store(articles, store, cfg.coding.settings) if o.status != "note"]
        cfg.coding.loaded = True
    return [_result(o) for o in outcomes]


def _result(outcome: library.Stored) -> dict[str, Any]:
    if outcome.status == "rejected":
        log.error("POST /articles: %s", outcome)
        return {"id": outcome.article_id, "status": "error", "events": 0, "error": outcome.message}
    result: dict[str, Any] = {"id": outcome.article_id, "status": STATUS[outcome.status], "events": outcome.events}
    if outcome.undated:
        result["warning"] = NO_DATE
    return result


@router.post("/articles", tags=["articles"], status_code=201, dependencies=[Depends(require_token)],
             summary="Code and store articles (needs the API token)",
             openapi_extra={"requestBody": _request_body_schema()})
async def post_articles(request: Request, cfg: Config) -> dict[str, Any]:
    """Body: one article object or `{"articles": [...]}`. Answers one result per article:
    `added`, `replaced` (same id, new text) or `unchanged` (same id and text), with its number of events."""
    articles = parse_articles(await read_body(request, cfg.max_body_bytes), cfg.max_articles)
    work = asyncio.ensure_future(run_in_threadpool(code_and_store, cfg, articles))
    try:  # shielded: a thread cannot be stopped, so the articles are still stored once coded
        results = await asyncio.wait_for(asyncio.shield(work), cfg.code_timeout)
    except TimeoutError:
        raise ApiError(503, f"coding took longer than {cfg.code_timeout:g} s; it goes on and stores the articles "
                       "when done; sending them again is safe (same id and text: unchanged)",
                       headers={"Retry-After": "30"}) from None
    return {"coder_version": coder_version(cfg.settings), "articles": results}


# -- the app ------------------------------------------------------------------------------------

def create_app(db: str, *, token: str | None, max_body_bytes: int = 1_000_000, max_articles: int = 100,
               settings: Settings | None = None, code_timeout: float = 300.0) -> FastAPI:
    """The REST API over the database `db` (SQLite path or postgresql:// URL).

    Raises StoreError when the database cannot be opened (it is created, and migrated, when needed).
    Without a `token`, POST /articles is refused (403) and the API is read-only."""
    settings = settings or Settings()
    with open_store(db):
        pass
    app = FastAPI(title="dateline", version=__version__, docs_url=None, redoc_url=None,
                  description="Dated, sourced political events (CAMEO, PLOVER) coded from news text. "
                  "Every error has the shape `{\"error\": {\"status\", \"code\", \"message\", \"details\"}}`.")
    app.state.dateline = ApiConfig(db, token or None, max_body_bytes, max_articles, settings, Coding(settings),
                                   code_timeout)
    _add_error_handlers(app)
    app.include_router(router)
    app.mount(DOCS_STATIC, StaticFiles(directory=SWAGGER_FILES), name="docs-static")
    from dateline.web import mount as mount_explorer  # the explorer's routes import this module

    mount_explorer(app)
    app.add_middleware(CatchAll)
    return app
