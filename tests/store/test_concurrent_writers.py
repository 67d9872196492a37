"""Two writers of the same articles side by side both finish, with the store one writer would leave.

The "already stored?" check and the write share one transaction (SQLite BEGIN IMMEDIATE, PostgreSQL's
advisory lock), so neither writer can fail on the other's insert. Both back ends; real processes too.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from dataclasses import replace
from pathlib import Path

from test_store import sample

from dateline.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def snapshot(url: str) -> tuple:
    with open_store(url) as store:
        events = sorted((e["id"], e["num_mentions"], e["num_articles"]) for e in store.query_events())
        return store.counts(), events


def test_threads_writing_the_same_articles_agree_with_one_writer(db_url, tmp_path):
    art, events = sample()
    articles = [(replace(art, id=f"a{n}"), [replace(e, article_id=f"a{n}") for e in events]) for n in range(8)]
    with open_store(db_url) as store:
        assert store.counts()["articles"] == 0  # the schema exists before the writers race
    results: list[list[str]] = [[], []]
    failures: list[BaseException] = []
    barrier = threading.Barrier(2)

    def write(slot: int) -> None:
        try:
            with open_store(db_url) as store:
                for article, found in articles:
                    barrier.wait(timeout=30)
                    results[slot].append(store.add_article(article, found, "v1"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures
    for first, second in zip(*results, strict=True):
        assert sorted([first, second]) in (["inserted", "unchanged"], ["unchanged", "unchanged"])
    one_writer = str(tmp_path / "one.db")
    with open_store(one_writer) as store:
        for article, found in articles:
            store.add_article(article, found, "v1")
    assert snapshot(db_url) == snapshot(one_writer)


def test_two_ingest_processes_of_the_same_files_both_succeed(db_url, tmp_path):
    inputs = sorted((ROOT / "examples").glob("*.txt"))[:4]
    command = [sys.executable, "-m", "dateline", "ingest", *map(str, inputs), "--db"]
    runs = [subprocess.Popen([*command, db_url], stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [run.communicate(timeout=600)[1] for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    alone = str(tmp_path / "alone.db")
    assert subprocess.run([*command, alone], capture_output=True, timeout=600).returncode == 0
    assert snapshot(db_url) == snapshot(alone)


def _open_when_released(path: str, barrier, results) -> None:
    barrier.wait()
    try:
        open_store(f"sqlite:///{path}").close()
        results.put("ok")
    except Exception as exc:  # the report names what went wrong in which process
        results.put(repr(exc))


def test_processes_opening_the_same_new_sqlite_file_at_once_all_succeed(tmp_path):
    """Switching a new file to WAL is not covered by SQLite's busy timeout: the store retries it."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    for round_ in range(8):
        path = str(tmp_path / f"race{round_}.db")
        barrier, results = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_open_when_released, args=(path, barrier, results)) for _ in range(6)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(60)
        outcomes = [results.get(timeout=5) for _ in procs]
        assert outcomes == ["ok"] * 6, outcomes
        with open_store(f"sqlite:///{path}") as store:
            assert store.counts()["articles"] == 0
