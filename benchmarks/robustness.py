"""kill -9 during ingest, and GET load during ingest, on SQLite or PostgreSQL. Run by hand; prints figures.

    python benchmarks/robustness.py --articles 400 --kills 20                       # SQLite in a temp dir
    python benchmarks/robustness.py --pg postgresql://postgres@127.0.0.1:54329/postgres   # a server you started
                                                                # (bash scripts/pg-test-server start DIR)

kill -9: ingest the same synthetic corpus uninterrupted into one store, then into another with `dateline
ingest` killed (SIGKILL) at a random moment KILLS times and resumed each time, and finally run to the end;
the two stores must hold the same articles, events and mentions (ids compared). Load: THREADS threads send
GET /events and /health to `dateline serve` for SECONDS while an ingest writes into the same store; prints
requests per second, p50/p99 latency and errors. Loopback only; every loop is bounded in count and time.
"""

from __future__ import annotations

import argparse
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from dateline.store import open_store

HERE = Path(__file__).resolve().parent
DATELINE = [sys.executable, "-m", "dateline"]


def corpus(path: Path, articles: int) -> None:
    with path.open("w") as out:
        subprocess.run([sys.executable, str(HERE / "synthetic.py"), "--articles", str(articles)], stdout=out,
                       check=True)


def new_db(pg: str | None, tmp: Path) -> str:
    if not pg:
        return str(tmp / f"{secrets.token_hex(4)}.db")
    import psycopg

    name = f"dateline_bench_{secrets.token_hex(4)}"
    with psycopg.connect(pg, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return pg.rsplit("/", 1)[0] + "/" + name


def snapshot(db: str) -> tuple:
    with open_store(db) as store:
        articles = sorted(a.id for a in store.iter_articles())
        events = sorted(e["id"] for e in store.iter_events())
        return len(articles), len(events), store.count_mentions(), tuple(articles), tuple(events)


def ingest(db: str, source: Path) -> subprocess.Popen:
    return subprocess.Popen([*DATELINE, "ingest", str(source), "--db", db], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def kill_test(source: Path, pg: str | None, tmp: Path, kills: int, rng: random.Random) -> None:
    reference = new_db(pg, tmp)
    started = time.monotonic()
    assert ingest(reference, source).wait() in (0, 1)
    full = time.monotonic() - started
    expected = snapshot(reference)
    killed = new_db(pg, tmp)
    for _ in range(kills):
        run = ingest(killed, source)
        time.sleep(rng.uniform(0.2, max(0.5, full * 0.8)))
        run.kill()
        run.wait()
    final = ingest(killed, source).wait()
    got = snapshot(killed)
    same = got == expected
    print(f"kill -9: {kills} kills during a {full:.0f} s ingest of {expected[0]} articles; resume exit {final}; "
          f"final store {'identical' if same else 'DIFFERENT'} ({got[0]} articles, {got[1]} events, "
          f"{got[2]} mentions; uninterrupted: {expected[0]}, {expected[1]}, {expected[2]})")


def hammer(base: str, until: float, latencies: list[float], errors: list[str]) -> None:
    with httpx.Client(base_url=base, timeout=10) as client:
        for n in range(100_000):
            if time.monotonic() > until:
                return
            path = "/health" if n % 4 == 0 else "/events?limit=20&sort=-mentions"
            started = time.monotonic()
            try:
                status = client.get(path).status_code
            except httpx.HTTPError as exc:
                errors.append(type(exc).__name__)
                continue
            latencies.append(time.monotonic() - started)
            if status != 200:
                errors.append(str(status))


def load_test(source: Path, pg: str | None, tmp: Path, threads: int, seconds: float) -> None:
    db = new_db(pg, tmp)
    snapshot(db)  # creates the schema before the server and the writer start
    port = 8700 + secrets.randbelow(200)
    server = subprocess.Popen([*DATELINE, "serve", "--db", db, "--port", str(port)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        writer = ingest(db, source)
        latencies: list[float] = []
        errors: list[str] = []
        until = time.monotonic() + seconds
        workers = [threading.Thread(target=hammer, args=(base, until, latencies, errors)) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        writer.kill()
        writer.wait()
    finally:
        server.terminate()
        server.wait(timeout=30)
    p99 = statistics.quantiles(latencies, n=100)[98] if len(latencies) > 1 else float("nan")
    print(f"load: {threads} threads x {seconds:.0f} s of GET during an ingest: {len(latencies) / seconds:.0f} req/s, "
          f"p50 {statistics.median(latencies) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, {len(errors)} errors "
          f"{sorted(set(errors))[:5]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--pg", default=None, help="PostgreSQL server URL (a database is created per store).")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        source = tmp / "corpus.jsonl"
        corpus(source, args.articles)
        print(f"back end: {'PostgreSQL' if args.pg else 'SQLite'}")
        kill_test(source, args.pg, tmp, args.kills, random.Random(args.seed))
        load_test(source, args.pg, tmp, args.threads, args.seconds)


if __name__ == "__main__":
    main()
