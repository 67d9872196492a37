"""Aggregations the web explorer draws (timeline, map, actor and dyad profiles), computed in SQL.

Every function takes an open SQL store (SQLite or PostgreSQL) and the same ``EventQuery`` the
event list uses, so a chart and the table beside it always count the same events. The database
groups the rows; Python only folds days into weeks and fills empty buckets.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from dateline.store.base import ALL, EventQuery, Store
from dateline.store.sql import SQLStore, _where

BUCKETS = ("auto", "day", "week", "month")
STACKS = ("plover", "quad")
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


def _sql_store(store: Store) -> SQLStore:
    if not isinstance(store, SQLStore):
        raise TypeError(f"aggregations need an SQL store, not {type(store).__name__}")
    return store


def _and(where: str) -> str:
    return f"{where} AND" if where else "WHERE"


def date_range(store: Store, query: EventQuery = ALL) -> tuple[str | None, str | None]:
    """The first and last event start day among matching events."""
    where, params = _where(query)
    row = _sql_store(store)._rows(f"SELECT MIN(e.date_lo) AS lo, MAX(e.date_lo) AS hi FROM events e {where}", params)
    return row[0]["lo"], row[0]["hi"]


def pick_bucket(lo: str | None, hi: str | None) -> str:
    """Days for up to three months, weeks for up to two years, months beyond."""
    if lo is None or hi is None:
        return "day"
    span = (date.fromisoformat(hi) - date.fromisoformat(lo)).days
    return "day" if span <= 92 else "week" if span <= 731 else "month"


def _bucket_start(day: str, bucket: str) -> date:
    d = date.fromisoformat(day[:10])
    if bucket == "month":
        return d.replace(day=1)
    if bucket == "week":
        return d - timedelta(days=d.weekday())
    return d


def _next(start: date, bucket: str) -> date:
    if bucket == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=7 if bucket == "week" else 1)


def timeline(store: Store, query: EventQuery = ALL, *, bucket: str = "auto", stack: str = "plover",
             span: tuple[str | None, str | None] = (None, None)) -> dict[str, Any]:
    """Event counts per bucket (by the day each event's date span starts), split by PLOVER type or
    QuadClass: ``{"bucket", "stack", "keys", "buckets": [{"start", "end", "counts", "total"}], "undated"}``
    (``end`` exclusive). Empty buckets between the first and last (or across ``span``) are filled in."""
    if bucket not in BUCKETS or stack not in STACKS:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS)} and stack one of {', '.join(STACKS)}")
    where, params = _where(query.page(None, 0))
    column = "e.plover_event" if stack == "plover" else "e.quad_class"
    day = "SUBSTR(e.date_lo, 1, 7)" if bucket == "month" else "e.date_lo"
    rows = _sql_store(store)._rows(f"SELECT d, k, COUNT(*) AS n FROM (SELECT {day} AS d, {column} AS k "
                                   f"FROM events e {where}) x GROUP BY d, k", params)
    undated = sum(int(r["n"]) for r in rows if r["d"] is None)
    rows = [r for r in rows if r["d"] is not None]
    if bucket == "auto":  # one scan: grouped by day, folded here once the range is known
        days = [r["d"] for r in rows] + [d for d in span if d]
        bucket = pick_bucket(min(days), max(days)) if days else "day"
    counts: dict[date, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for row in rows:
        start = _bucket_start(row["d"] + ("-01" if len(row["d"]) == 7 else ""), bucket)
        key = str(row["k"]) if row["k"] is not None else "none"
        counts.setdefault(start, {})
        counts[start][key] = counts[start].get(key, 0) + int(row["n"])
        totals[key] = totals.get(key, 0) + int(row["n"])
    return {"bucket": bucket, "stack": stack, "keys": sorted(totals, key=lambda k: (-totals[k], k)),
            "buckets": _filled(counts, bucket, span), "undated": undated}


def _filled(counts: dict[date, dict[str, int]], bucket: str,
            span: tuple[str | None, str | None] = (None, None)) -> list[dict[str, Any]]:
    if not counts and None in span:
        return []
    days = [*counts, *(_bucket_start(d, bucket) for d in span if d)]
    out: list[dict[str, Any]] = []
    start, last = min(days), max(days)
    while start <= last:
        end = _next(start, bucket)
        found = counts.get(start, {})
        out.append({"start": start.isoformat(), "end": end.isoformat(), "counts": found, "total": sum(found.values())})
        start = end
    return out


def map_clusters(store: Store, query: EventQuery = ALL, *, cell: float = 5.0) -> list[dict[str, Any]]:
    """Placed events grouped into grid cells of ``cell`` degrees: each cluster's mean position,
    event and mention counts, counts per QuadClass, its largest place name and (for a single
    event) the event id. Largest clusters first."""
    if not 0 < cell <= 90:
        raise ValueError("cell must be between 0 and 90 degrees")
    where, params = _where(query.page(None, 0))
    rows = _sql_store(store)._rows(
        "SELECT gy, gx, COUNT(*) AS events, SUM(num_mentions) AS mentions, AVG(lat) AS lat, AVG(lon) AS lon, "
        + ", ".join(f"SUM(CASE WHEN quad_class = {q} THEN 1 ELSE 0 END) AS q{q}" for q in QUAD_CLASSES)
        + ", MIN(id) AS first_id, MAX(place_name) AS place FROM (SELECT ROUND(e.lat / ?) AS gy, "
        "ROUND(e.lon / ?) AS gx, e.lat, e.lon, e.num_mentions, e.quad_class, e.id, e.place_name FROM events e "
        f"{_and(where)} e.lat IS NOT NULL AND e.lon IS NOT NULL) x GROUP BY gy, gx ORDER BY COUNT(*) DESC, gy, gx",
        [cell, cell, *params])
    return [{"cell": [int(r["gy"]), int(r["gx"])], "lat": float(r["lat"]), "lon": float(r["lon"]),
             "events": int(r["events"]), "mentions": int(r["mentions"] or 0),
             "quad": {str(q): int(r[f"q{q}"] or 0) for q in QUAD_CLASSES}, "place": r["place"],
             "event_id": r["first_id"] if int(r["events"]) == 1 else None} for r in rows]


def cluster_events(store: Store, query: EventQuery, *, cell: float, gy: int, gx: int,
                   limit: int = 20) -> list[dict[str, Any]]:
    """The events of one map cluster (as ``map_clusters`` grouped them), most mentioned first."""
    where, params = _where(query.page(None, 0))
    return _sql_store(store)._rows(
        "SELECT e.id, e.event_date, e.cameo, e.plover_event, e.quad_class, e.source_code, e.target_code, "
        f"e.place_name, e.num_mentions FROM events e {_and(where)} e.lat IS NOT NULL AND e.lon IS NOT NULL "
        "AND ROUND(e.lat / ?) = ? AND ROUND(e.lon / ?) = ? ORDER BY e.num_mentions DESC, e.id LIMIT ?",
        [*params, cell, gy, cell, gx, limit])


def counterparts(store: Store, code: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Who an actor (code prefix) acts on and who acts on it: ``{code, as_source, as_target, events}``,
    most events first."""
    sql_store, merged = _sql_store(store), {}
    for role, other, side in (("source", "target", "as_source"), ("target", "source", "as_target")):
        where, params = _where(EventQuery(**{role: code}))
        rows = sql_store._rows(f"SELECT e.{other}_code AS code, COUNT(*) AS n FROM events e {_and(where)} "
                               f"e.{other}_code IS NOT NULL GROUP BY e.{other}_code", params)
        for row in rows:
            item = merged.setdefault(row["code"], {"code": row["code"], "as_source": 0, "as_target": 0})
            item[side] += int(row["n"])
    for item in merged.values():
        item["events"] = item["as_source"] + item["as_target"]
    return sorted(merged.values(), key=lambda i: (-i["events"], i["code"]))[:limit]


def goldstein_series(store: Store, query: EventQuery = ALL, *, bucket: str = "month",
                     span: tuple[str | None, str | None] = (None, None)) -> list[dict[str, Any]]:
    """Per bucket: the number of events and their mean and total Goldstein score (empty buckets
    across ``span`` included, with a mean of None)."""
    if bucket not in BUCKETS[1:]:
        raise ValueError(f"bucket must be one of {', '.join(BUCKETS[1:])}")
    where, params = _where(query.page(None, 0))
    day = "SUBSTR(e.date_lo, 1, 7)" if bucket == "month" else "e.date_lo"
    rows = _sql_store(store)._rows(
        f"SELECT d, COUNT(*) AS n, SUM(g) AS total FROM (SELECT {day} AS d, e.goldstein AS g FROM events e "
        f"{_and(where)} e.date_lo IS NOT NULL) x GROUP BY d ORDER BY d", params)
    folded: dict[date, list[float]] = {}
    for row in rows:
        start = _bucket_start(row["d"] + ("-01" if bucket == "month" else ""), bucket)
        acc = folded.setdefault(start, [0, 0.0])
        acc[0] += int(row["n"])
        acc[1] += float(row["total"] or 0)
    out = []
    for item in _filled({d: {"n": int(acc[0])} for d, acc in folded.items()}, bucket, span):
        n, t = item["total"], folded.get(date.fromisoformat(item["start"]), [0, 0.0])[1]
        out.append({"start": item["start"], "events": n, "goldstein_total": round(t, 2),
                    "goldstein_mean": round(t / n, 2) if n else None})
    return out


def article_texts(store: Store, article_ids: list[str]) -> dict[str, str]:
    """The stored text of each article (to place a mention's sentence in it)."""
    if not article_ids:
        return {}
    marks = ", ".join("?" * len(article_ids))
    rows = _sql_store(store)._rows(f"SELECT id, text FROM articles WHERE id IN ({marks})", list(article_ids))
    return {r["id"]: r["text"] for r in rows}
