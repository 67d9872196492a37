"""`dateline batch`: code a large input set in partitions, on local processes, Dask or Spark.

The input is planned into partitions: JSONL files are cut at line boundaries into pieces of about
`partition_mb`; other files are grouped. Each partition is coded where it runs (the model is loaded
once per worker process) and written as one Parquet shard, then a marker file with its report; a
re-run skips every partition whose marker exists. The run report (`report.json`) sums them up.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dateline.ingest import IngestError
from dateline.ingest.readers import JSONL_SUFFIXES, KNOWN_SUFFIXES, Defaults, read_jsonl, read_path
from dateline.output import flat_row
from dateline.pipeline import code_articles
from dateline.records import Article
from dateline.settings import Settings

ENGINES = ("local", "dask", "spark")


@dataclass(frozen=True)
class Partition:
    """A piece of the input: a byte range of a JSONL file (from `first_line`), or whole files."""

    index: int
    files: tuple[str, ...]
    start: int = 0
    end: int = -1
    first_line: int = 1

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def key(self) -> str:
        text = f"{self.files}|{self.start}|{self.end}"
        return hashlib.sha1(text.encode()).hexdigest()[:12]


def plan(inputs: Iterable[str], partition_mb: float = 64.0, files_per_partition: int = 200) -> list[Partition]:
    """Partitions for every input file (directories are walked, sorted, hidden files skipped)."""
    paths = [p for item in inputs for p in _walk(Path(item))]
    parts: list[Partition] = []
    loose: list[str] = []
    for path in paths:
        if path.suffix.lower() in JSONL_SUFFIXES:
            parts.extend(_jsonl_ranges(path, int(partition_mb * 1024 * 1024), len(parts)))
        else:
            loose.append(str(path))
    for i in range(0, len(loose), files_per_partition):
        parts.append(Partition(len(parts), tuple(loose[i : i + files_per_partition])))
    return parts


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            rel = p.relative_to(path).parts
            if p.is_file() and p.suffix.lower() in KNOWN_SUFFIXES and not any(x.startswith(".") for x in rel):
                yield p
    else:
        yield path


def _jsonl_ranges(path: Path, size: int, first_index: int) -> Iterator[Partition]:
    """Cut at the first line break after every `size` bytes, counting lines on the way."""
    start, line, index = 0, 1, first_index
    with path.open("rb") as handle:
        while True:
            handle.seek(start)
            chunk = handle.read(size)
            if not chunk:
                return
            rest = handle.readline() if len(chunk) == size and not chunk.endswith(b"\n") else b""
            end = start + len(chunk) + len(rest)
            yield Partition(index, (str(path),), start, end, line)
            line += chunk.count(b"\n") + rest.count(b"\n")
            start, index = end, index + 1


def _articles(part: Partition, defaults: Defaults, failures: list[str]) -> Iterator[Article]:
    if part.end >= 0:
        with open(part.files[0], "rb") as handle:
            handle.seek(part.start)
            raw = handle.read(part.end - part.start)
        lines = io.StringIO(raw.decode("utf-8", errors="replace"))
        items: Iterable[Any] = read_jsonl(lines, part.files[0], defaults, part.first_line)
    else:
        items = (item for f in part.files for item in read_path(Path(f), defaults))
    for item in items:
        if isinstance(item, IngestError):
            failures.append(str(item))
        else:
            yield item


def run_partition(part: Partition, settings: Settings, output: str, defaults: Defaults) -> dict[str, Any]:
    """Code one partition into `output/events/<part>.parquet` and `output/parts/<part>.json`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(output)
    marker = out / "parts" / f"{part.name}.json"
    if marker.exists() and json.loads(marker.read_text()).get("key") == part.key:
        return {**json.loads(marker.read_text()), "skipped": True}
    began = time.perf_counter()
    failures: list[str] = []
    rows: list[dict[str, Any]] = []
    articles = 0
    for coded in code_articles(_articles(part, defaults, failures), settings.with_(workers=1)):
        articles += 1
        if coded.error:
            failures.append(f"{coded.article.origin or coded.article.id}: {coded.error}")
        rows.extend(flat_row(e.to_dict()) for e in coded.events)
    shard = out / "events" / f"{part.name}.parquet"
    shard.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=_schema()) if rows else _schema().empty_table()
    pq.write_table(table, shard.with_suffix(".tmp"))
    os.replace(shard.with_suffix(".tmp"), shard)  # a shard is whole or absent, never half-written
    report = {"partition": part.name, "key": part.key, "files": list(part.files), "start": part.start,
              "end": part.end, "articles": articles, "events": len(rows), "failures": failures,
              "seconds": round(time.perf_counter() - began, 2)}
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.with_suffix(".tmp").write_text(json.dumps(report, indent=1))
    os.replace(marker.with_suffix(".tmp"), marker)
    return {**report, "skipped": False}


def _schema():
    import pyarrow as pa

    text = pa.string()
    fields = [("id", text), ("article_id", text), ("sentence_index", pa.int32()), ("date", text),
              ("date_precision", text), ("date_basis", text), ("cameo", text), ("plover_event", text),
              ("plover_mode", text), ("quad_class", pa.int8()), ("goldstein", pa.float32()),
              ("source_code", text), ("source_text", text), ("target_code", text), ("target_text", text),
              ("trigger", text), ("negated", pa.bool_()), ("modality", text), ("attributed_to", text),
              ("confidence", pa.float32()), ("location", text), ("sentence", text)]
    return pa.schema(fields)


def run_batch(inputs: list[str], output: str, settings: Settings, engine: str = "local",
              scheduler: str | None = None, partition_mb: float = 64.0,
              defaults: Defaults | None = None, progress: Callable[[dict[str, Any]], None] | None = None,
              ) -> dict[str, Any]:
    """Plan, run every partition on `engine`, and write and return the run report."""
    defaults = defaults or Defaults()
    parts = plan(inputs, partition_mb)
    Path(output).mkdir(parents=True, exist_ok=True)
    runner = {"local": _run_local, "dask": _run_dask, "spark": _run_spark}[engine]
    began = time.perf_counter()
    reports = [r for r in (_finished(p, output) for p in parts) if r is not None]
    todo = [p for p in parts if p.name not in {r["partition"] for r in reports}]
    for report in reports if progress is not None else []:
        progress(report)
    for report in runner(todo, settings, output, defaults, scheduler) if todo else []:
        reports.append(report)
        if progress is not None:
            progress(report)
    summary = {
        "engine": engine, "partitions": len(parts), "skipped": sum(r["skipped"] for r in reports),
        "articles": sum(r["articles"] for r in reports), "events": sum(r["events"] for r in reports),
        "failures": [f for r in reports for f in r["failures"]],
        "seconds": round(time.perf_counter() - began, 2), "settings": _settings_dict(settings),
    }
    Path(output, "report.json").write_text(json.dumps(summary, indent=1))
    return summary


def _finished(part: Partition, output: str) -> dict[str, Any] | None:
    marker = Path(output) / "parts" / f"{part.name}.json"
    if not marker.exists():
        return None
    report = json.loads(marker.read_text())
    return {**report, "skipped": True} if report.get("key") == part.key else None


def _settings_dict(settings: Settings) -> dict[str, Any]:
    return {k: (list(map(str, v)) if isinstance(v, tuple) else v) for k, v in asdict(settings).items()}


def _run_local(parts, settings, output, defaults, scheduler) -> Iterator[dict[str, Any]]:
    import multiprocessing as mp

    if settings.workers <= 1:
        for part in parts:
            yield run_partition(part, settings, output, defaults)
        return
    with mp.get_context("spawn").Pool(settings.workers) as pool:
        jobs = [pool.apply_async(run_partition, (p, settings, output, defaults)) for p in parts]
        for job in jobs:
            yield job.get()


def _run_dask(parts, settings, output, defaults, scheduler) -> Iterator[dict[str, Any]]:
    import logging

    from dask.distributed import Client, LocalCluster, as_completed

    logging.getLogger("distributed").setLevel(logging.WARNING)
    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=max(1, settings.workers), threads_per_worker=1, processes=True,
                               dashboard_address=None)
    client = Client(scheduler or cluster)
    try:
        futures = client.map(run_partition, parts, settings=settings, output=output, defaults=defaults,
                             pure=False)
        for future in as_completed(futures):
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_spark(parts, settings, output, defaults, scheduler) -> Iterator[dict[str, Any]]:
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("dateline-batch")
    spark = (builder.master(scheduler) if scheduler else builder).getOrCreate()
    try:
        rdd = spark.sparkContext.parallelize(parts, max(1, len(parts)))
        yield from rdd.map(lambda p: run_partition(p, settings, output, defaults)).collect()
    finally:
        spark.stop()
