"""Exports of stored events: GDELT 2.0 Event and Mentions tables, PLOVER JSON lines, POLECAT TSV, flat CSV,
JSONL, Parquet (the GDELT writers are in ``export_gdelt``, the PLOVER/POLECAT ones in ``export_plover``).

Every writer streams the events ``Store.iter_events`` yields (Parquet keeps one row group of
``ROW_GROUP`` rows in memory at a time). Every column of every format is documented in
``docs/exports.md``; ``tests/test_export.py`` checks the column lists against that document.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dateline import export_gdelt as gdelt
from dateline import export_plover as plover
from dateline.output import CSV_COLUMNS, flat_row
from dateline.store.base import EventQuery, Store

FORMATS = ("gdelt", "gdelt-mentions", "plover", "polecat", "csv", "jsonl", "parquet")
HEADED = {"gdelt": False, "gdelt-mentions": False, "polecat": True, "csv": True}
"""Formats with a header line, and whether they have one by default (GDELT's own files have none)."""
ROW_GROUP = 10_000
BATCH = 5_000
GDELT_COLUMNS = gdelt.EVENT_COLUMNS
GDELT_MENTION_COLUMNS = gdelt.MENTION_COLUMNS
PLOVER_FIELDS = plover.PLOVER_FIELDS
POLECAT_COLUMNS = plover.POLECAT_COLUMNS + plover.DATELINE_POLECAT_COLUMNS

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

class ExportError(Exception):
    """The export cannot be written as asked (wrong output kind, missing pyarrow)."""


Output = str | Path | TextIO | BinaryIO


@dataclass(frozen=True)
class Exported:
    """What an export wrote: rows (events, or mentions for gdelt-mentions) and events left out
    (PLOVER and POLECAT have no type for statements, CAMEO 01: their PLOVER event is null)."""

    written: int
    left_out: int = 0
    events: int | None = None  # gdelt-mentions: the events whose mentions were written


def export(store: Store, query: EventQuery, fmt: str, out: Output, *, header: bool | None = None) -> int:
    """Write the events matching ``query`` to ``out`` (a path or an open stream) in ``fmt``; returns
    the number of rows written (``export_report`` also says how many events were left out)."""
    return export_report(store, query, fmt, out, header=header).written


def export_report(store: Store, query: EventQuery, fmt: str, out: Output, *,
                  header: bool | None = None) -> Exported:
    """As ``export``. Text formats take a path or a text stream; Parquet a path or a binary stream.
    ``header`` (gdelt, gdelt-mentions, polecat, csv) defaults to the format's custom (``HEADED``)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    events = _with_articles(store, store.iter_events(query, batch=BATCH))
    if fmt == "parquet":
        return Exported(write_parquet(events, out))
    headed = HEADED.get(fmt, False) if header is None else header
    with _text_stream(out) as stream:
        if fmt == "gdelt":
            return Exported(gdelt.write_events(events, stream, header=headed))
        if fmt == "gdelt-mentions":
            seen: list[str] = []
            written = gdelt.write_mentions(_mentions(store, events, seen), stream, header=headed)
            return Exported(written, events=len(seen))
        if fmt == "plover":
            return Exported(*plover.write_plover(events, stream))
        if fmt == "polecat":
            return Exported(*plover.write_polecat(events, stream, header=headed))
        if fmt == "csv":
            return Exported(write_csv(events, stream, header=headed))
        return Exported(_write_lines(events, stream))


def _mentions(store: Store, events: Iterable[dict[str, Any]], seen: list[str]) -> Iterator[dict[str, Any]]:
    """Every mention of every event, with ``event_id`` and ``event_added`` (when its event was stored);
    the events' ids are appended to ``seen``."""
    for event in events:
        seen.append(event["id"])
        added = (event.get("article") or {}).get("ingested_at") or event.get("first_seen")
        for mention in (store.get_event(event["id"]) or {}).get("mentions", []):
            yield {**mention, "event_id": event["id"], "event_added": added}


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


def _write_lines(events: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for event in events:
        stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        count += 1
    return count


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
def _day(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
