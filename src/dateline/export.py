"""Exports of stored events: GDELT 2.0-style TSV, PLOVER/POLECAT-style JSON lines, flat CSV, JSONL, Parquet.

Every writer streams the events ``Store.iter_events`` yields (Parquet keeps one row group of
``ROW_GROUP`` rows in memory at a time). Every column of every format is documented in
``docs/exports.md``; ``tests/test_export.py`` checks the column lists against that document.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dateline.output import CSV_COLUMNS, flat_row
from dateline.store.base import EventQuery, Store

FORMATS = ("gdelt", "plover", "csv", "jsonl", "parquet")
ROW_GROUP = 10_000
BATCH = 5_000

GDELT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
    "DATEADDED", "SOURCEURL",
    "DatelineEventID", "DatePrecision", "PloverEvent", "Negated", "Modality",
]

# The CSV/Parquet columns: `dateline code --format csv`'s columns, then the event-level ones.
EXTRA_COLUMNS = [
    "mention_id", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "date_lo",
    "date_hi", "source_country", "target_country", "location_country", "lat", "lon", "publisher", "url",
    "coder_version",
]
FLAT_COLUMNS = CSV_COLUMNS + EXTRA_COLUMNS
FLAT_TYPES = {
    "sentence_index": "int32", "quad_class": "int32", "num_mentions": "int32", "num_articles": "int32",
    "num_sources": "int32", "goldstein": "float64", "confidence": "float64", "lat": "float64", "lon": "float64",
    "negated": "bool", "date": "date32", "first_seen": "date32", "last_seen": "date32", "date_lo": "date32",
    "date_hi": "date32",
}  # every other column is a string

PLOVER_FIELDS = [
    "event_id", "event_date", "date_precision", "event_type", "mode", "context", "source", "target",
    "event_text", "trigger", "story_id", "mention_id", "publisher", "url", "story_date", "num_mentions",
    "num_articles", "num_sources", "first_seen", "last_seen", "location", "cameo", "quad_class", "goldstein",
    "negated", "modality", "attributed_to", "confidence", "coder_version",
]

_MASK63 = (1 << 63) - 1
_HEX16 = re.compile(r"[0-9a-f]{16}")


class ExportError(Exception):
    """The export cannot be written as asked (wrong output kind, missing pyarrow)."""


Output = str | Path | TextIO | BinaryIO


def export(store: Store, query: EventQuery, fmt: str, out: Output, *, header: bool = True) -> int:
    """Write the events matching ``query`` to ``out`` (a path or an open stream) in ``fmt``.

    Text formats take a path or a text stream; Parquet a path or a binary stream. ``header=False``
    leaves out the gdelt/csv header line. Returns the number of events written."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = _with_articles(store, store.iter_events(query, batch=BATCH))
    if fmt == "parquet":
        return write_parquet(events, out)
    with _text_stream(out) as stream:
        if fmt == "gdelt":
            return write_gdelt(events, stream, header=header)
        if fmt == "csv":
            return write_csv(events, stream, header=header)
        return _write_lines(events, stream, plover_record if fmt == "plover" else _same)


def _with_articles(store: Store, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Events with the representative mention's ``article``, asking ``get_event`` when a back end omits it."""
    for event in events:
        if "article" not in event:
            full = store.get_event(event["id"]) or {}
            mention = next((m for m in full.get("mentions", []) if m.get("id") == event.get("mention_id")), {})
            event = {**event, "article": mention.get("article") or full.get("article") or {}}
        yield event


@contextmanager
def _text_stream(out: Output) -> Iterator[TextIO]:
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as stream:
            yield stream
    else:
        yield out  # type: ignore[misc]


# -- GDELT 2.0-style TSV ---------------------------------------------------------------------------
def write_gdelt(events: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = True) -> int:
    if header:
        stream.write("\t".join(GDELT_COLUMNS) + "\n")
    count = 0
    for event in events:
        row = gdelt_row(event)
        stream.write("\t".join(_tsv(row[c]) for c in GDELT_COLUMNS) + "\n")
        count += 1
    return count


def gdelt_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a GDELT 2.0-style row (column name -> value; None is written empty)."""
    cameo = _cameo3(event["cameo"])
    dates = event.get("date") or {}
    return {
        "GlobalEventID": global_event_id(event["id"]), **_gdelt_dates(_day(dates.get("value"))),
        **_gdelt_actor("Actor1", _first(event.get("source"))), **_gdelt_actor("Actor2", _first(event.get("target"))),
        "IsRootEvent": 1, "EventCode": cameo, "EventBaseCode": cameo[:3], "EventRootCode": cameo[:2],
        "QuadClass": event["quad_class"], "GoldsteinScale": event["goldstein"],
        "NumMentions": event.get("num_mentions", 1), "NumSources": event.get("num_sources", 1),
        "NumArticles": event.get("num_articles", 1), "AvgTone": None,
        **_gdelt_geo(event.get("location")),
        "DATEADDED": _ymd(_day(event.get("first_seen"))), "SOURCEURL": (event.get("article") or {}).get("url"),
        "DatelineEventID": event["id"], "DatePrecision": dates.get("precision"),
        "PloverEvent": event["plover"]["event"], "Negated": int(bool(event.get("negated"))),
        "Modality": event.get("modality"),
    }


def global_event_id(event_id: str) -> int:
    """A stable 63-bit integer: the top 63 bits of a 16-hex-digit id, else of the id's SHA-1."""
    digits = event_id if _HEX16.fullmatch(event_id) else hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:16]
    return (int(digits, 16) >> 1) & _MASK63


def _cameo3(code: str) -> str:
    """CAMEO codes as GDELT writes them: a root-only code ("04") is its "not specified" code ("040")."""
    return code + "0" if len(code) == 2 else code


def _gdelt_dates(day: date | None) -> dict[str, Any]:
    if day is None:
        return {"Day": None, "MonthYear": None, "Year": None, "FractionDate": None}
    fraction = day.year + (day.month * 30 + day.day) / 365  # GDELT's own formula
    return {"Day": _ymd(day), "MonthYear": f"{day.year:04d}{day.month:02d}", "Year": day.year,
            "FractionDate": f"{fraction:.4f}"}


def _gdelt_actor(prefix: str, actor: dict[str, Any]) -> dict[str, Any]:
    return {f"{prefix}Code": actor.get("code"), f"{prefix}Name": actor.get("name") or actor.get("text"),
            f"{prefix}CountryCode": actor.get("country"), f"{prefix}Type1Code": actor.get("sector")}


def _gdelt_geo(place: dict[str, Any] | None) -> dict[str, Any]:
    place = place or {}
    return {"ActionGeo_Type": geo_type(place), "ActionGeo_FullName": place.get("name") or place.get("text"),
            "ActionGeo_CountryCode": place.get("country"), "ActionGeo_Lat": place.get("lat"),
            "ActionGeo_Long": place.get("lon")}


def geo_type(place: dict[str, Any]) -> int:
    """GDELT's ActionGeo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state/region, 0 none."""
    feature = (place.get("feature") or "").split(";")[0].strip()  # "capital; dateline": from the dateline
    us = place.get("country") == "USA"
    if feature == "country":
        return 1
    if feature in ("city", "capital"):
        return 3 if us else 4
    if feature in ("state", "region"):
        return 2 if us and feature == "state" else 5
    return 0


def _tsv(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value))


# -- PLOVER/POLECAT-style JSON lines ---------------------------------------------------------------
def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a POLECAT/PLOVER-style record (first source and target actor; see docs/exports.md)."""
    dates, plover = event.get("date") or {}, event["plover"]
    article = event.get("article") or {}
    return {
        "event_id": event["id"], "event_date": dates.get("value"), "date_precision": dates.get("precision"),
        "event_type": plover["event"], "mode": plover.get("mode"), "context": _contexts(plover.get("context")),
        "source": _plover_actor(event.get("source")), "target": _plover_actor(event.get("target")),
        "event_text": event["sentence"], "trigger": (event.get("trigger") or {}).get("text"),
        "story_id": event["article_id"], "mention_id": event.get("mention_id", event["id"]),
        "publisher": article.get("source"), "url": article.get("url"), "story_date": article.get("date"),
        **{k: event.get(k) for k in ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen")},
        "location": _plover_place(event.get("location")),
        **{k: event.get(k) for k in ("cameo", "quad_class", "goldstein", "negated", "modality", "attributed_to",
                                      "confidence", "coder_version")},
    }


def _contexts(context: str | None) -> list[str]:
    return [c.strip() for c in (context or "").split(",") if c.strip()]


def _plover_actor(actors: list[dict[str, Any]] | None) -> dict[str, Any] | None:
    if not actors:
        return None
    actor = actors[0]
    return {k: actor.get(k) for k in ("name", "code", "country", "sector", "text")}


def _plover_place(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {k: place.get(k) for k in ("name", "country", "lat", "lon", "feature", "text")}


def _write_lines(events: Iterable[dict[str, Any]], stream: TextIO,
                 record: Callable[[dict[str, Any]], dict[str, Any]]) -> int:
    count = 0
    for event in events:
        stream.write(json.dumps(record(event), ensure_ascii=False) + "\n")
        count += 1
    return count


def _same(event: dict[str, Any]) -> dict[str, Any]:
    return event


# -- flat CSV and Parquet --------------------------------------------------------------------------
def export_row(event: dict[str, Any]) -> dict[str, Any]:
    """``output.flat_row`` plus the event's counts, span, countries, coordinates and article."""
    dates, place, article = event.get("date") or {}, event.get("location") or {}, event.get("article") or {}
    return {
        **flat_row(event), "mention_id": event.get("mention_id", event["id"]),
        **{k: event.get(k) for k in ("num_mentions", "num_articles", "num_sources", "first_seen", "last_seen")},
        "date_lo": dates.get("lo"), "date_hi": dates.get("hi"),
        "source_country": _joined(event.get("source"), "country"),
        "target_country": _joined(event.get("target"), "country"),
        "location_country": place.get("country"), "lat": place.get("lat"), "lon": place.get("lon"),
        "publisher": article.get("source"), "url": article.get("url"), "coder_version": event.get("coder_version"),
    }


def _joined(actors: list[dict[str, Any]] | None, field: str) -> str:
    return ";".join(str(a.get(field) or "") for a in actors or [])


def write_csv(events: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = True) -> int:
    writer = csv.DictWriter(stream, FLAT_COLUMNS)
    if header:
        writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(export_row(event))
        count += 1
    return count


def parquet_schema() -> Any:
    """The explicit Arrow schema of the Parquet export (typed even when no event matches)."""
    import pyarrow as pa

    types = {"int32": pa.int32(), "float64": pa.float64(), "bool": pa.bool_(), "date32": pa.date32()}
    return pa.schema([(name, types.get(FLAT_TYPES.get(name, ""), pa.string())) for name in FLAT_COLUMNS])


def typed_row(event: dict[str, Any]) -> dict[str, Any]:
    """``export_row`` with dates as ``date`` objects (for date32 columns)."""
    row = export_row(event)
    for name, kind in FLAT_TYPES.items():
        if kind == "date32":
            row[name] = _day(row[name])
    return row


def write_parquet(events: Iterable[dict[str, Any]], out: Output, row_group: int = ROW_GROUP) -> int:
    if isinstance(out, io.TextIOBase):
        raise ExportError("Parquet is binary: give a file path or a binary stream")
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ExportError("the Parquet export needs pyarrow: pip install 'dateline[parquet]'") from exc
    schema = parquet_schema()
    count, rows = 0, []
    with pq.ParquetWriter(str(out) if isinstance(out, Path) else out, schema) as writer:
        for event in events:
            rows.append(typed_row(event))
            if len(rows) == row_group:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=row_group)
                count, rows = count + len(rows), []
        if rows:
            writer.write_table(pa.Table.from_pylist(rows, schema=schema), row_group_size=row_group)
            count += len(rows)
    return count


# -- shared ----------------------------------------------------------------------------------------
def _first(actors: list[dict[str, Any]] | None) -> dict[str, Any]:
    return actors[0] if actors else {}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def _ymd(day: date | None) -> str | None:
    return day.strftime("%Y%m%d") if day else None
