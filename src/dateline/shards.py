"""Parquet shards of `dateline batch`, and loading a batch's output into a store.

Each partition writes two files, streamed in row groups and renamed into place when whole:

- ``events/<part>.parquet``: one row per mention, with the columns and types of
  ``dateline export --format parquet`` (docs/exports.md); a mention is counted as its own event
  (num_mentions 1) because deduplication happens in the store.
- ``articles/<part>.parquet``: the coded articles (id, text, date, source, title, url, dateline place,
  origin, coder version) and their mentions as JSON, which ``dateline ingest OUTPUT`` stores as
  ``dateline ingest`` would have, without coding anything again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from dateline.export import parquet_schema, typed_row
from dateline.library import Stored, id_clash
from dateline.records import Actor, Article, DateRef, Event, Place, Plover, Span
from dateline.store.base import Store, StoreError
from dateline.store.dedup import span
from dateline.version import coder_version as settings_coder_version

ROW_GROUP = 2_000
ARTICLE_FIELDS = ("id", "text", "date", "date_basis", "source", "title", "url", "dateline_place", "origin")


def article_schema() -> Any:
    import pyarrow as pa

    text = pa.string()
    return pa.schema([(name, pa.date32() if name == "date" else text) for name in ARTICLE_FIELDS]
                     + [("coder_version", text), ("mentions", text)])


class Shards:
    """The two Parquet files of one partition, written as rows come (bounded memory)."""

    def __init__(self, output: Path, name: str, coder_version: str) -> None:
        self.coder_version = coder_version
        self.paths = [output / "events" / f"{name}.parquet", output / "articles" / f"{name}.parquet"]
        self.schemas = [parquet_schema(), article_schema()]
        self.rows: list[list[dict[str, Any]]] = [[], []]
        self.writers: list[Any] = []
        for path, schema in zip(self.paths, self.schemas, strict=True):
            import pyarrow.parquet as pq

            path.parent.mkdir(parents=True, exist_ok=True)
            self.writers.append(pq.ParquetWriter(str(path.with_suffix(".tmp")), schema))

    def add(self, article: Article, events: Sequence[Event]) -> None:
        self.rows[0].extend(mention_row(e, article, self.coder_version) for e in events)
        self.rows[1].append({**{f: getattr(article, f) for f in ARTICLE_FIELDS}, "coder_version": self.coder_version,
                             "mentions": json.dumps([e.to_dict() for e in events], ensure_ascii=False)})
        for i in (0, 1):
            if len(self.rows[i]) >= ROW_GROUP:
                self._flush(i)

    def _flush(self, i: int) -> None:
        import pyarrow as pa

        if self.rows[i]:
            self.writers[i].write_table(pa.Table.from_pylist(self.rows[i], schema=self.schemas[i]))
            self.rows[i] = []

    def close(self) -> None:
        for i, path in enumerate(self.paths):
            self._flush(i)
            self.writers[i].close()
            os.replace(path.with_suffix(".tmp"), path)  # a shard is whole or absent, never half-written


def mention_row(event: Event, article: Article, coder_version: str) -> dict[str, Any]:
    """A mention as a row of the Parquet export (it is its own event until the store deduplicates)."""
    data = event.to_dict()
    lo, hi = span(event.date.value, event.date.precision)
    seen = article.date.isoformat() if article.date else None
    data.update(mention_id=event.id, num_mentions=1, num_articles=1, num_sources=1 if article.source else 0,
                first_seen=seen, last_seen=seen, coder_version=coder_version,
                article={"source": article.source, "url": article.url})
    data["date"] = {**data["date"], "lo": lo.isoformat() if lo else None, "hi": hi.isoformat() if hi else None}
    return typed_row(data)


def is_batch_output(path: str | Path) -> bool:
    return Path(path, "report.json").is_file() and Path(path, "articles").is_dir()


def store_run(output: str | Path, store: Store) -> Iterator[Stored]:
    """Store every article of a batch output directory with its coded mentions; one Stored each."""
    import pyarrow.parquet as pq

    seen: dict[str, tuple[str, str]] = {}  # an id clash across partitions is rejected, as in ingest
    for shard in sorted(Path(output, "articles").glob("*.parquet")):
        try:
            batches = pq.ParquetFile(shard).iter_batches(batch_size=256)
            for batch in batches:
                for number, row in enumerate(batch.to_pylist(), 1):
                    yield _store_row(row, row.get("origin") or f"{shard}:{number}", store, seen)
        except StoreError:
            raise
        except Exception as exc:  # noqa: BLE001 - a broken shard: report it, load the others
            yield Stored(str(shard), "rejected", message=f"cannot read shard ({type(exc).__name__}: {exc})"[:300])


def _store_row(row: dict[str, Any], origin: str, store: Store, seen: dict[str, tuple[str, str]]) -> Stored:
    try:
        article = Article(**{f: row[f] for f in ARTICLE_FIELDS})
        clash = id_clash(article, seen)
        if clash is not None:
            return Stored(origin, "rejected", article.id, message=clash)
        events = [event_from_dict(e) for e in json.loads(row["mentions"])]
        status = store.add_article(article, events, row.get("coder_version") or settings_coder_version())
    except StoreError:
        raise
    except Exception as exc:  # noqa: BLE001 - one row the store or the records refuse
        return Stored(origin, "rejected", row.get("id"), message=f"cannot load: {type(exc).__name__}: {exc}"[:300])
    return Stored(origin, status, article.id, len(events), undated=article.date is None)


def event_from_dict(data: dict[str, Any]) -> Event:
    """The inverse of `Event.to_dict` (the ``id`` is derived again, and comes out the same)."""
    when = data.get("date") or {}
    place = data.get("location")
    return Event(
        article_id=data["article_id"], sentence_index=data["sentence_index"], sentence=data["sentence"],
        trigger=Span(**data["trigger"]), cameo=data["cameo"], plover=Plover(**data["plover"]),
        quad_class=data["quad_class"], goldstein=data["goldstein"],
        source=tuple(Actor(**a) for a in data["source"]), target=tuple(Actor(**a) for a in data["target"]),
        date=DateRef(date.fromisoformat(when["value"]) if when.get("value") else None,
                     when.get("precision", "unknown"), when.get("text"), when.get("basis", "unknown"),
                     when.get("start"), when.get("end")),
        location=Place(**place) if place else None, negated=data["negated"], modality=data["modality"],
        attributed_to=data.get("attributed_to"), confidence=data["confidence"],
    )
