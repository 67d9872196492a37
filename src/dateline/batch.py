"""`dateline batch`: code a large input set in partitions, on local processes, Dask or Spark.

The input is planned into partitions: JSONL files are cut at line boundaries into pieces of about
`partition_mb`; other files are grouped. Each partition is coded where it runs (the model is loaded
once per worker process), streamed record by record (a bad record is a failure with file and line,
never the partition's end), and written as Parquet shards (`shards.py`), then a marker file with its
report; a re-run skips every partition whose marker exists. The run report (`report.json`) sums them
up. `dateline ingest OUTPUT` loads the shards into a store.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from dateline.ingest import IngestError, walk
from dateline.ingest.readers import JSONL_SUFFIXES, Defaults, read_jsonl, read_path, refuse_records_file
from dateline.library import id_clash
from dateline.pipeline import code_articles
from dateline.records import Article
from dateline.settings import Settings
from dateline.shards import Shards
from dateline.version import coder_version

ENGINES = ("local", "dask", "spark")


@dataclass(frozen=True)
class Partition:
    """A piece of the input: a byte range of a JSONL file (from `first_line`), or whole files."""

    index: int
    files: tuple[str, ...]
    start: int = 0
    end: int = -1
    first_line: int = 1
    ids: tuple[str | None, ...] = ()  # the article id (or id prefix) of each file: its path in its directory

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}"

    @property
    def key(self) -> str:
        text = f"{self.files}|{self.start}|{self.end}"
        return hashlib.sha1(text.encode()).hexdigest()[:12]


def plan(inputs: Iterable[str], partition_mb: float = 64.0, files_per_partition: int = 200,
         problems: list[str] | None = None) -> list[Partition]:
    """Partitions for every input file (directories are walked, sorted, hidden files skipped);
    directories that cannot be read go to `problems`."""
    found = [p for item in inputs for p in _walk(Path(item), problems if problems is not None else [])]
    parts: list[Partition] = []
    loose: list[tuple[str, str | None]] = []
    for path, ident in found:
        if path.suffix.lower() in JSONL_SUFFIXES:
            parts.extend(_jsonl_ranges(path, int(partition_mb * 1024 * 1024), len(parts), ident))
        else:
            loose.append((str(path), ident))
    for i in range(0, len(loose), files_per_partition):
        group = loose[i : i + files_per_partition]
        parts.append(Partition(len(parts), tuple(f for f, _ in group), ids=tuple(x for _, x in group)))
    return parts


def _walk(path: Path, problems: list[str]) -> Iterator[tuple[Path, str | None]]:
    if not path.is_dir():
        yield path, None
        return
    for found in walk(path):
        if isinstance(found, IngestError):
            problems.append(str(found))
        else:
            yield found


def _jsonl_ranges(path: Path, size: int, first_index: int, ident: str | None = None) -> Iterator[Partition]:
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
            yield Partition(index, (str(path),), start, end, line, (ident,))
            line += chunk.count(b"\n") + rest.count(b"\n")
            start, index = end, index + 1


def _articles(part: Partition, defaults: Defaults, failures: list[str]) -> Iterator[Article]:
    """The partition's articles, streamed; records that cannot be read go to `failures`."""
    if part.end >= 0:
        items: Iterable[Any] = _jsonl_part(part, defaults)
    else:
        ids = part.ids or (None,) * len(part.files)
        items = (item for f, x in zip(part.files, ids, strict=True) for item in read_path(Path(f), defaults, x))
    for item in items:
        if isinstance(item, IngestError):
            failures.append(str(item))
        elif isinstance(item, Article):
            yield item


def _unique(articles: Iterable[Article], seen: dict[str, tuple[str, str]], failures: list[str]) -> Iterator[Article]:
    """Articles whose id this partition has not seen with another text (`dateline ingest` does the
    same across the whole run when it loads the shards)."""
    for article in articles:
        clash = id_clash(article, seen)
        if clash is None:
            yield article
        else:
            failures.append(f"{article.origin or article.id}: {clash}")


def _jsonl_part(part: Partition, defaults: Defaults) -> Iterator[Any]:
    with open(part.files[0], "rb") as handle:
        refused = refuse_records_file(handle, Path(part.files[0]))
        if refused is not None:
            if part.start == 0:  # reported once, by the file's first partition
                yield refused
            return
        handle.seek(part.start)
        yield from read_jsonl(handle, part.files[0], defaults, part.first_line, end=part.end - part.start,
                              ident=part.ids[0] if part.ids else None)


def run_partition(part: Partition, settings: Settings, output: str, defaults: Defaults) -> dict[str, Any]:
    """Code one partition into `output/events/<part>.parquet` (one row per mention, the columns and
    types of `export --format parquet`), `output/articles/<part>.parquet` (the articles with their
    mentions, what `dateline ingest OUTPUT` loads) and the marker `output/parts/<part>.json`."""
    out = Path(output)
    marker = out / "parts" / f"{part.name}.json"
    if marker.exists() and json.loads(marker.read_text()).get("key") == part.key:
        return {**json.loads(marker.read_text()), "skipped": True}
    began = time.perf_counter()
    failures: list[str] = []
    shards = Shards(out, part.name, coder_version(settings))
    articles = events = 0
    seen: dict[str, tuple[str, str]] = {}
    for coded in code_articles(_unique(_articles(part, defaults, failures), seen, failures),
                               settings.with_(workers=1)):
        if coded.error:
            failures.append(f"{coded.article.origin or coded.article.id}: {coded.error}")
            continue
        shards.add(coded.article, coded.events)
        articles, events = articles + 1, events + len(coded.events)
    shards.close()
    report = {"partition": part.name, "key": part.key, "files": list(part.files), "start": part.start,
              "end": part.end, "articles": articles, "events": events, "failures": failures,
              "seconds": round(time.perf_counter() - began, 2)}
    marker.parent.mkdir(parents=True, exist_ok=True)
    marker.with_suffix(".tmp").write_text(json.dumps(report, indent=1))
    os.replace(marker.with_suffix(".tmp"), marker)
    return {**report, "skipped": False}


class BatchError(Exception):
    """The batch cannot run as asked (unknown engine, engine not installed, scheduler unreachable)."""


_SCHEDULER = {"dask": re.compile(r"(tcp|tls|inproc|ucx)://[^\s/]+"),
              "spark": re.compile(r"(spark|k8s|mesos)://\S+|local(\[[0-9*]+(,[0-9]+)?\])?|yarn")}


def check_engine(engine: str, scheduler: str | None) -> None:
    """Raise BatchError (naming the value and what is accepted) before any work starts."""
    if engine not in ENGINES:
        raise BatchError(f"engine {engine!r} is not known; choose one of {', '.join(ENGINES)}")
    needs = {"dask": ("distributed", "dateline[scale]"), "spark": ("pyspark", "dateline[spark]")}.get(engine)
    if needs is not None and importlib.util.find_spec(needs[0]) is None:
        raise BatchError(f"--engine {engine} needs {needs[0]}, which is not installed: pip install '{needs[1]}'")
    if scheduler is None:
        return
    if engine == "local":
        raise BatchError(f"--scheduler {scheduler!r} is for --engine dask or spark, not local")
    if not _SCHEDULER[engine].fullmatch(scheduler):
        example = "tcp://host:8786" if engine == "dask" else "spark://host:7077 or local[4]"
        raise BatchError(f"scheduler {scheduler!r} is not a {engine} address; give one such as {example}")


def run_batch(inputs: list[str], output: str, settings: Settings, engine: str = "local",
              scheduler: str | None = None, partition_mb: float = 64.0,
              defaults: Defaults | None = None, progress: Callable[[dict[str, Any]], None] | None = None,
              ) -> dict[str, Any]:
    """Plan, run every partition on `engine`, and write and return the run report."""
    check_engine(engine, scheduler)
    defaults = defaults or Defaults()
    problems: list[str] = []
    parts = plan(inputs, partition_mb, problems=problems)
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
        "failures": problems + [f for r in reports for f in r["failures"]],
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
    try:
        client = Client(scheduler or cluster, timeout="10s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise BatchError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from exc
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
