"""The SQLite store: a real database file, idempotent ingest, queries, one transaction per article."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from dateline.records import Actor, Article, DateRef, Event, Plover, Span
from dateline.store import StoreError, open_store


def actor(code: str, text: str = "x") -> Actor:
    return Actor(text=text, start=0, end=len(text), code=code, name=None, country=code[:3],
                 sector=code[3:] or None, rule="test")


def event(article: Article, cameo: str, plover: str, src: str, tgt: str | None, day: date,
          start: int = 0) -> Event:
    return Event(
        article_id=article.id, sentence_index=0, sentence=article.text, trigger=Span("met", start, start + 3),
        cameo=cameo, plover=Plover(plover, None, None), quad_class=1, goldstein=1.0,
        source=(actor(src),), target=(actor(tgt),) if tgt else (), date=DateRef(day, "day", None, "explicit"),
        location=None, negated=False, modality="asserted", attributed_to=None, confidence=0.9,
    )


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "events.db"))
    yield s
    s.close()


def sample() -> tuple[Article, list[Event]]:
    art = Article(id="a1", text="Putin met Rahmon. Russia attacked Ukraine.", date=date(2022, 3, 1))
    return art, [event(art, "041", "CONSULT", "RUSGOV", "TJKGOV", date(2022, 2, 28), 6),
                 event(art, "190", "ASSAULT", "RUSMIL", "UKR", date(2022, 2, 24), 25)]


def test_wal_mode_and_tables(tmp_path):
    s = open_store(str(tmp_path / "w.db"))
    s.close()
    db = sqlite3.connect(tmp_path / "w.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "events", "actors", "schema_version"} <= tables


def test_round_trip_and_idempotent_ingest(store):
    art, events = sample()
    assert store.add_article(art, events, "test-1") == "inserted"
    assert store.add_article(art, events, "test-1") == "unchanged"
    assert store.counts() == {"articles": 1, "events": 2, "actors": 4}
    got = store.get_event(events[0].id)
    assert got["cameo"] == "041" and got["coder_version"] == "test-1"
    assert [a["code"] for a in got["source"]] == ["RUSGOV"]
    assert store.get_article("a1")["date"] == "2022-03-01"


def test_changed_article_replaces_its_events(store):
    art, events = sample()
    store.add_article(art, events, "v1")
    changed = replace(art, text=art.text + " More.")
    assert store.add_article(changed, events[:1], "v2") == "replaced"
    assert store.counts()["events"] == 1
    assert store.query_events()[0]["coder_version"] == "v2"


@pytest.mark.parametrize(("filters", "cameos"), [
    ({}, ["190", "041"]),
    ({"actor": "RUS"}, ["190", "041"]),
    ({"actor": "TJK"}, ["041"]),
    ({"country": "UKR"}, ["190"]),
    ({"event_type": "CONSULT"}, ["041"]),
    ({"event_type": "19"}, ["190"]),
    ({"since": date(2022, 2, 25)}, ["041"]),
    ({"until": date(2022, 2, 25)}, ["190"]),
    ({"article_id": "nope"}, []),
    ({"limit": 1}, ["190"]),
])
def test_queries(store, filters, cameos):
    art, events = sample()
    store.add_article(art, events, "v1")
    assert [e["cameo"] for e in store.query_events(**filters)] == cameos


def test_a_failing_article_leaves_nothing_half_written(store):
    art, events = sample()
    broken = replace(events[1], cameo=None)  # NOT NULL violation on the second event
    with pytest.raises((StoreError, TypeError)):
        store.add_article(art, [events[0], broken], "v1")
    assert store.counts() == {"articles": 0, "events": 0, "actors": 0}


def test_unopenable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
