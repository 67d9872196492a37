"""Time the explorer's overview requests on a store of about 100,000 events. Run by hand:

    .venv/bin/python benchmarks/explorer.py --events 100000 --db /tmp/explorer.db
    .venv/bin/python benchmarks/explorer.py --db /tmp/explorer.db --reuse        # time an existing store
    .venv/bin/python benchmarks/explorer.py --events 100000 --db postgresql://postgres@127.0.0.1:5432/bench

The store is filled through its real ingest path (``Store.add_article``, deduplication included)
with synthetic coded events: random dyads among 16 countries' governments and militaries, 20
CAMEO codes, days over three years, places near 16 capitals. Then each request the overview makes
(the event table's first page, the timeline, the map) is sent through the whole HTTP stack
(FastAPI's TestClient), unfiltered and with typical filters: median and worst of 5 runs each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from fastapi.testclient import TestClient

from dateline.api import create_app
from dateline.records import Actor, Article, DateRef, Event, Place, Plover, Span
from dateline.store import open_store

CAPITALS = [("RUS", "Moscow", 55.75, 37.62), ("UKR", "Kyiv", 50.45, 30.52), ("USA", "Washington", 38.9, -77.04),
            ("CHN", "Beijing", 39.9, 116.4), ("IND", "New Delhi", 28.61, 77.21), ("PAK", "Islamabad", 33.69, 73.06),
            ("TUR", "Ankara", 39.93, 32.86), ("FRA", "Paris", 48.86, 2.35), ("NGA", "Abuja", 9.06, 7.5),
            ("KEN", "Nairobi", -1.29, 36.82), ("BRA", "Brasilia", -15.79, -47.88), ("IRN", "Tehran", 35.69, 51.39),
            ("EGY", "Cairo", 30.04, 31.24), ("AFG", "Kabul", 34.53, 69.17), ("SYR", "Damascus", 33.51, 36.29),
            ("MLI", "Bamako", 12.64, -8.0)]
CODES = [("010", "STATEMENT", 3, 0.0), ("020", "REQUEST", 3, 3.0), ("036", "CONSULT", 1, 4.0),
         ("040", "CONSULT", 1, 1.0), ("042", "CONSULT", 1, 1.9), ("043", "CONSULT", 1, 2.8),
         ("051", "SUPPORT", 1, 3.4), ("057", "AGREE", 1, 8.0),
         ("061", "COOPERATE", 2, 6.4), ("070", "AID", 2, 7.0), ("111", "ACCUSE", 3, -2.0), ("112", "ACCUSE", 3, -2.0),
         ("120", "REJECT", 3, -4.0), ("130", "THREATEN", 3, -4.4), ("141", "PROTEST", 3, -6.5),
         ("163", "SANCTION", 4, -8.0), ("173", "COERCE", 4, -5.0), ("190", "ASSAULT", 4, -10.0),
         ("193", "ASSAULT", 4, -10.0), ("195", "ASSAULT", 4, -10.0)]
SECTORS = ["GOV", "MIL", ""]
FIRST_DAY, DAYS = date(2022, 1, 1), 3 * 365


def synthetic_event(rng: random.Random, article: Article, n: int) -> Event:
    (src, _, _, _), (tgt, place, lat, lon) = rng.sample(CAPITALS, 2)
    cameo, plover, quad, goldstein = rng.choice(CODES)
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    s_code, t_code = src + rng.choice(SECTORS), tgt + rng.choice(SECTORS)
    sentence = f"{s_code} acted on {t_code} in {place} (event {n})."
    start = n * 60
    return Event(article_id=article.id, sentence_index=n, sentence=sentence,
                 trigger=Span("acted", start + 7, start + 12), cameo=cameo, plover=Plover(plover),
                 quad_class=quad, goldstein=goldstein,
                 source=(Actor(s_code, start, start + 6, s_code, s_code, src, s_code[3:] or None, "bench"),),
                 target=(Actor(t_code, start + 16, start + 22, t_code, t_code, tgt, t_code[3:] or None, "bench"),),
                 date=DateRef(day, "day", None, "explicit"),
                 location=Place(place, place, tgt, lat + rng.uniform(-2, 2), lon + rng.uniform(-2, 2), "city"),
                 confidence=round(rng.uniform(0.4, 1.0), 2))


def fill(db: str, events: int, per_article: int, seed: int) -> float:
    rng = random.Random(seed)
    start = time.perf_counter()
    with open_store(db) as store:
        for i in range(0, events, per_article):
            text = "".join(f"{'x' * 59}\n" for _ in range(per_article))
            published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            article = Article(id=f"bench-{i // per_article}", text=text, date=published,
                              source=f"Wire {rng.randrange(12)}")
            store.add_article(article, [synthetic_event(rng, article, n) for n in range(per_article)], "bench")
            if (i // per_article) % 2000 == 0:
                print(f"  {i:,} mentions stored ({time.perf_counter() - start:.0f} s)", file=sys.stderr)
    return time.perf_counter() - start


REQUESTS = {
    "table (first page, newest first)": "/explore/events?sort=-date&limit=25",
    "timeline (auto bucket, by PLOVER)": "/explore/timeline",
    "timeline (by QuadClass, per day)": "/explore/timeline?stack=quad&bucket=day",
    "map (world, 9-degree cells)": "/explore/map?cell=9",
}
FILTERS = {"no filter": "", "actor=RUS": "actor=RUS", "dyad=RUS-UKR, type=ASSAULT": "dyad=RUS-UKR&type=ASSAULT",
           "one month": "since=2023-05-01&until=2023-05-31", "quad=4, min_mentions=2": "quad=4&min_mentions=2",
           "text=Moscow": "text=moscow"}


def timed(client: TestClient, url: str, runs: int = 5) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, response.text
    return statistics.median(times), max(times)


def report(db: str) -> None:
    client = TestClient(create_app(db, token=None))
    counts = client.get("/health").json()["counts"]
    print(f"store: {db}: {counts['events']:,} events, {counts['mentions']:,} mentions, {counts['articles']:,} articles")
    print(f"{'filter':32} {'request':36} {'median ms':>10} {'worst ms':>9}")
    for label, query in FILTERS.items():
        overview = 0.0
        for name, path in REQUESTS.items():
            url = path + ("&" if "?" in path else "?") + query if query else path
            median, worst = timed(client, url)
            overview += median if "QuadClass" not in name else 0
            print(f"{label:32} {name:36} {median * 1000:10.1f} {worst * 1000:9.1f}")
        print(f"{label:32} {'= overview (table + timeline + map)':36} {overview * 1000:10.1f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--per-article", type=int, default=5)
    parser.add_argument("--db", default="/tmp/dateline-explorer-bench.db")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--reuse", action="store_true", help="time the existing store, do not fill it")
    args = parser.parse_args()
    if not args.reuse:
        if "://" not in args.db:
            for suffix in ("", "-wal", "-shm"):
                Path(args.db + suffix).unlink(missing_ok=True)
        seconds = fill(args.db, args.events, args.per_article, args.seed)
        print(f"filled in {seconds:.0f} s ({args.events / seconds:,.0f} mentions/s through Store.add_article)")
    report(args.db)


if __name__ == "__main__":
    main()
