"""The explorer's JSON endpoints (under /explore) and its pages.

The endpoints take the filters of GET /events (the same ``event_filters`` dependency, so the same
``EventQuery``) plus QuadClass and a minimum number of mentions, and answer with what the pages
draw; the counting is done by the store (``dateline.store.aggregate``). The pages are static HTML
shells whose scripts read the URL and call these endpoints.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from dateline.api import ApiError, Config, Filters, parse_articles, read_body
from dateline.store import EventQuery, open_store
from dateline.store import aggregate as agg
from dateline.store.base import SORTS
from dateline.web.spans import in_words, segments

api = APIRouter(prefix="/explore", tags=["explorer"])
pages = APIRouter(include_in_schema=False)


def explorer_filters(filters: Filters,
                     quad: Annotated[int | None, Query(ge=1, le=4, description="QuadClass 1-4.")] = None,
                     min_mentions: Annotated[int | None, Query(ge=1, description="At least this many mentions.")]
                     = None) -> EventQuery:
    """GET /events' filters plus QuadClass and a minimum number of mentions."""
    return replace(filters, quad_class=quad, min_mentions=min_mentions)


Explore = Annotated[EventQuery, Depends(explorer_filters)]
Sort = Literal[SORTS]  # type: ignore[valid-type]


def _compact(event: dict[str, Any]) -> dict[str, Any]:
    """One table row: what the overview's table shows of an event."""
    place = event.get("location") or {}
    return {"id": event["id"], "date": (event.get("date") or {}).get("value"), "cameo": event["cameo"],
            "plover": (event.get("plover") or {}).get("event"), "quad_class": event.get("quad_class"),
            "goldstein": event.get("goldstein"), "source": [a.get("code") for a in event.get("source") or []],
            "target": [a.get("code") for a in event.get("target") or []],
            "source_text": ", ".join(a.get("text") or "" for a in event.get("source") or []),
            "target_text": ", ".join(a.get("text") or "" for a in event.get("target") or []),
            "place": place.get("name") or place.get("text"), "mentions": event.get("num_mentions"),
            "confidence": event.get("confidence"), "sentence": event.get("sentence"),
            "trigger": (event.get("trigger") or {}).get("text"), "negated": event.get("negated")}


@api.get("/events", summary="A page of events for the explorer's table")
def table(cfg: Config, query: Explore, sort: Sort = "-date",
          limit: Annotated[int, Query(ge=1, le=500)] = 25, offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    page = replace(query.page(limit, offset), sort=sort)
    with open_store(cfg.db) as store:
        total = store.count_events(query)
        rows = store.query_events(page)
    return {"total": total, "limit": limit, "offset": offset, "events": [_compact(e) for e in rows]}


def _checked(call: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return call(*args, **kwargs)
    except ValueError as exc:
        raise ApiError(422, f"invalid request: {exc}") from exc


@api.get("/timeline", summary="Event counts per day, week or month, by PLOVER type or QuadClass")
def timeline(cfg: Config, query: Explore, bucket: Literal[agg.BUCKETS] = "auto",  # type: ignore[valid-type]
             stack: Literal[agg.STACKS] = "plover") -> dict[str, Any]:  # type: ignore[valid-type]
    with open_store(cfg.db) as store:
        return _checked(agg.timeline, store, query, bucket=bucket, stack=stack)


@api.get("/map", summary="Placed events clustered on a grid")
def event_map(cfg: Config, query: Explore, cell: Annotated[float, Query(gt=0, le=90)] = 5.0) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        clusters = agg.map_clusters(store, query, cell=cell)
    return {"cell": cell, "clusters": clusters}


@api.get("/cluster", summary="The events of one map cluster")
def cluster(cfg: Config, query: Explore, gy: int, gx: int,
            cell: Annotated[float, Query(gt=0, le=90)] = 5.0) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        return {"events": agg.cluster_events(store, query, cell=cell, gy=gy, gx=gx)}


def _with_segments(mentions: list[dict[str, Any]], texts: dict[str, str]) -> list[dict[str, Any]]:
    return [{**m, "segments": segments(m, texts.get(m["article_id"])), "in_words": in_words(m)} for m in mentions]


@api.get("/event/{event_id}", summary="An event with every mention cut into labelled spans")
def event(cfg: Config, event_id: str) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        found = store.get_event(event_id)
        if found is None:
            raise ApiError(404, f"no event with id {event_id!r}")
        texts = agg.article_texts(store, sorted({m["article_id"] for m in found["mentions"]}))
    found["mentions"] = _with_segments(found["mentions"], texts)
    found["in_words"] = in_words(found)
    return found


@api.get("/article/{article_id:path}", summary="An article with its mentions cut into labelled spans")
def article(cfg: Config, article_id: str) -> dict[str, Any]:
    with open_store(cfg.db) as store:
        found = store.get_article(article_id)
    if found is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    found["mentions"] = _with_segments(found["mentions"], {article_id: found["text"]})
    return found


@api.get("/actor/{code}", summary="An actor's events over time (as source and as target) and counterparts")
def actor(cfg: Config, code: str, bucket: Literal[agg.BUCKETS] = "auto") -> dict[str, Any]:  # type: ignore[valid-type]
    code = code.upper()
    with open_store(cfg.db) as store:
        known = store.actors(prefix=code, limit=1)
        as_source, as_target = EventQuery(source=code), EventQuery(target=code)
        span = agg.date_range(store, EventQuery(actor=code))
        bucket = agg.pick_bucket(*span) if bucket == "auto" else bucket
        return {"code": code, "name": known[0]["name"] if known and known[0]["code"] == code else None,
                "did": agg.timeline(store, as_source, bucket=bucket, span=span),
                "done_to": agg.timeline(store, as_target, bucket=bucket, span=span),
                "counterparts": agg.counterparts(store, code),
                "events": store.count_events(EventQuery(actor=code))}


@api.get("/dyad/{pair}", summary="Both directions of a dyad with Goldstein over time")
def dyad(cfg: Config, pair: str, bucket: Literal[agg.BUCKETS[1:]] = "month") -> dict[str, Any]:  # type: ignore
    first, _, second = pair.upper().partition("-")
    if not first or not second:
        raise ApiError(422, f"a dyad looks like SOURCE-TARGET (e.g. RUS-UKR), not {pair!r}")
    with open_store(cfg.db) as store:
        ranges = [agg.date_range(store, EventQuery(dyad=d)) for d in (f"{first}-{second}", f"{second}-{first}")]
        days = [d for r in ranges for d in r if d]
        span = (min(days), max(days)) if days else (None, None)
        sides = [_direction(store, f"{a}-{b}", bucket, span) for a, b in ((first, second), (second, first))]
    return {"pair": [first, second], "bucket": bucket, "directions": sides}


def _direction(store: Any, dyad: str, bucket: str, span: tuple[str | None, str | None]) -> dict[str, Any]:
    query = EventQuery(dyad=dyad)
    stats = store.stats(query)
    return {"dyad": dyad, "events": stats["total"], "types": stats["per_type"][:8],
            "goldstein": agg.goldstein_series(store, query, bucket=bucket, span=span),
            "recent": [_compact(e) for e in store.query_events(replace(query.page(10), sort="-date"))]}


@api.post("/try", summary="Code one article without storing it; the events with labelled sentences")
async def try_article(request: Request, cfg: Config) -> dict[str, Any]:
    """Body: one article object as for POST /articles ({"text", "date"?, "source"?, "title"?})."""
    articles = parse_articles(await read_body(request, cfg.max_body_bytes), 1)
    coded = (await run_in_threadpool(cfg.coding.code, articles))[0]
    if coded.error:
        raise ApiError(422, f"the article could not be coded: {coded.error}")
    text = coded.article.text
    events = [{**e.to_dict(), "segments": segments(e.to_dict(), text), "in_words": in_words(e.to_dict())}
              for e in coded.events]
    when = coded.article.date
    return {"article": {"id": coded.article.id, "date": when.isoformat() if isinstance(when, date) else None,
                        "source": coded.article.source, "dateline_place": coded.article.dateline_place},
            "events": events, "can_store": cfg.token is not None}


# -- pages --------------------------------------------------------------------------------------

@lru_cache(maxsize=16)
def _page(name: str) -> str:
    folder = resources.files("dateline.web") / "pages"
    layout = (folder / "layout.html").read_text(encoding="utf-8")
    body = (folder / f"{name}.html").read_text(encoding="utf-8")
    return layout.replace("{{page}}", name).replace("{{body}}", body)


@pages.get("/", response_class=HTMLResponse)
def overview_page() -> HTMLResponse:
    return HTMLResponse(_page("overview"))


@pages.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(event_id: str) -> HTMLResponse:
    return HTMLResponse(_page("event"))


@pages.get("/article/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str) -> HTMLResponse:
    return HTMLResponse(_page("article"))


@pages.get("/actor/{code}", response_class=HTMLResponse)
def actor_page(code: str) -> HTMLResponse:
    return HTMLResponse(_page("actor"))


@pages.get("/dyad/{pair}", response_class=HTMLResponse)
def dyad_page(pair: str) -> HTMLResponse:
    return HTMLResponse(_page("dyad"))


@pages.get("/try", response_class=HTMLResponse)
def try_page() -> HTMLResponse:
    return HTMLResponse(_page("try"))
