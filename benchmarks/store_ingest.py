"""Ingest N synthetic articles into a database and time typical queries. Run by hand:

    .venv/bin/python benchmarks/store_ingest.py --articles 10000 --db /tmp/bench.db --workers 2
    .venv/bin/python benchmarks/store_ingest.py --articles 10000 --db postgresql://postgres@127.0.0.1:5432/bench

Three timings: (1) coding and storing together (what `dateline ingest` does), (2) storing alone
(the same coded articles into a second, empty database: the store's own cost, deduplication
included), (3) three typical queries, median of 7 runs each. Prints articles/s, words/s, events,
mentions, database size and peak memory.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import article as synthetic_article  # noqa: E402

from dateline import CODER_VERSION  # noqa: E402
from dateline.pipeline import Coded, code_articles  # noqa: E402
from dateline.records import Article  # noqa: E402
from dateline.settings import Settings  # noqa: E402
from dateline.store import EventQuery, Store, open_store  # noqa: E402


def articles(n: int, days: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    made = [synthetic_article(rng, i, days) for i in range(n)]
    return [Article(id=a["id"], text=a["text"], date=date.fromisoformat(a["date"]), source=a["source"])
            for a in made]


def fresh(url: str) -> Store:
    if "://" not in url:
        for suffix in ("", "-wal", "-shm"):
            Path(url + suffix).unlink(missing_ok=True)
        return open_store(url)
    store = open_store(url)
    with store.db.transaction():  # type: ignore[attr-defined]
        for table in ("actors", "mentions", "events", "articles"):
            store.db.execute(f"DELETE FROM {table}")  # type: ignore[attr-defined]
    return store


def code_and_store(url: str, docs: list[Article], settings: Settings) -> tuple[float, list[Coded]]:
    kept: list[Coded] = []
    start = time.perf_counter()
    with fresh(url) as store:
        for coded in code_articles(iter(docs), settings):
            store.add_article(coded.article, coded.events, CODER_VERSION)
            kept.append(coded)
    return time.perf_counter() - start, kept


def store_only(url: str, coded: list[Coded]) -> float:
    start = time.perf_counter()
    with fresh(url) as store:
        for c in coded:
            store.add_article(c.article, c.events, CODER_VERSION)
    return time.perf_counter() - start


def timed(run: Callable[[], Any], repeat: int = 7) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def queries(store: Store) -> dict[str, float]:
    some = store.query_events(EventQuery(sort="-mentions", limit=1))
    event_id = some[0]["id"] if some else "none"
    return {
        "events of one actor and type in six months, first page of 50": timed(lambda: store.query_events(
            EventQuery(actor="RUS", plover="CONSULT", since=date(2015, 3, 1), until=date(2015, 8, 31), limit=50))),
        "counts per day/type/dyad for one country": timed(lambda: store.stats(EventQuery(country="PAK"))),
        "one event with all its mentions": timed(lambda: store.get_event(event_id)),
        "text search, first page of 50": timed(lambda: store.query_events(EventQuery(text="sanctions", limit=50))),
    }


def size_of(url: str, store: Store) -> str:
    if "://" not in url:
        total = sum(Path(url + s).stat().st_size for s in ("", "-wal") if Path(url + s).exists())
        return f"{total / 1e6:.1f} MB (SQLite file + WAL)"
    size = store.db.execute("SELECT pg_database_size(current_database())").fetchone()[0]  # type: ignore[attr-defined]
    return f"{size / 1e6:.1f} MB (pg_database_size)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--days", type=int, default=365, help="Spread of dates: fewer days, more duplicates.")
    parser.add_argument("--db", default="/tmp/dateline-bench.db")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    docs = articles(args.articles, args.days, args.seed)
    words = sum(len(a.text.split()) for a in docs)
    total, coded = code_and_store(args.db, docs, Settings(workers=args.workers))
    storing = store_only(args.db, coded)
    with open_store(args.db) as store:
        counts, took, size = store.counts(), queries(store), size_of(args.db, store)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{args.articles} articles, {words} words, {args.workers} workers, db {args.db}")
    print(f"code+store: {total:.1f} s = {args.articles / total:.1f} articles/s, {words / total:.0f} words/s")
    print(f"store only: {storing:.1f} s = {args.articles / storing:.1f} articles/s")
    print(f"rows: {counts}; size {size}")
    for name, ms in took.items():
        print(f"query  {ms:8.1f} ms  {name}")
    print(f"peak RSS: parent {peak:.0f} MB, largest worker {children:.0f} MB")


if __name__ == "__main__":
    main()
