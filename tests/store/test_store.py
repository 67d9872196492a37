"""The storage suite: every test runs against SQLite and against a real PostgreSQL server.

PostgreSQL comes from ``scripts/pg-test-server`` (``make test`` starts a throw-away cluster and sets
DATELINE_TEST_PG_URL and DATELINE_REQUIRE_PG=1, so a server that cannot start fails the run).
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date

import pytest

from dateline.records import Actor, Article, DateRef, Event, Place, Plover, Span
from dateline.store import EventQuery, StoreError, open_store

KABUL = Place("Kabul", "Kabul", "AFG", 34.53, 69.17, "capital")
KANDAHAR = Place("Kandahar", "Kandahar", "AFG", 31.61, 65.71, "city")


def actor(code: str, text: str = "x", country: str | None = None) -> Actor:
    return Actor(text=text, start=0, end=len(text), code=code, name=f"name of {code}",
                 country=country or code[:3], sector=code[3:] or None, rule="test")


def event(article: Article, cameo: str, plover: str, src: str, tgt: str | None, day: date | None,
          start: int = 0, precision: str = "day", place: Place | None = None, negated: bool = False,
          confidence: float = 0.9) -> Event:
    return Event(
        article_id=article.id, sentence_index=0, sentence=article.text, trigger=Span("met", start, start + 3),
        cameo=cameo, plover=Plover(plover, None, None), quad_class=1, goldstein=1.0,
        source=(actor(src),), target=(actor(tgt),) if tgt else (),
        date=DateRef(day, precision if day else "unknown", None, "explicit" if day else "unknown"),
        location=place, negated=negated, modality="asserted", attributed_to=None, confidence=confidence,
    )


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def sample() -> tuple[Article, list[Event]]:
    art = Article(id="a1", text="Putin met Rahmon in Kabul. Russia attacked Ukraine.", date=date(2022, 3, 1),
                  source="Wire A", url="https://example.org/a1")
    return art, [event(art, "041", "CONSULT", "RUSGOV", "TJKGOV", date(2022, 2, 28), 6, place=KABUL),
                 event(art, "190", "ASSAULT", "RUSMIL", "UKR", date(2022, 2, 24), 25)]


def test_round_trip_and_idempotent_ingest(store):
    art, events = sample()
    assert store.add_article(art, events, "test-1") == "inserted"
    assert store.add_article(art, events, "test-1") == "unchanged"
    assert store.counts() == {"articles": 1, "mentions": 2, "events": 2, "actors": 4}
    got = store.get_event(events[0].id)
    assert got["cameo"] == "041" and got["coder_version"] == "test-1"
    assert [a["code"] for a in got["source"]] == ["RUSGOV"]
    assert got["num_mentions"] == 1 and got["article"]["url"] == "https://example.org/a1"
    assert got["mentions"][0]["id"] == events[0].id and got["mentions"][0]["event_id"] == got["id"]
    article = store.get_article("a1")
    assert article["date"] == "2022-03-01" and len(article["mentions"]) == 2
    assert article["coder_version"] == "test-1"


def test_changed_article_replaces_its_events(store):
    art, events = sample()
    store.add_article(art, events, "v1")
    changed = replace(art, text=art.text + " More.")
    assert store.add_article(changed, events[:1], "v2") == "replaced"
    assert store.counts()["events"] == 1 and store.counts()["mentions"] == 1
    assert store.query_events()[0]["coder_version"] == "v2"


def test_a_failing_article_leaves_nothing_half_written(store):
    art, events = sample()
    store.add_article(Article(id="other", text="x"), [], "v1")
    broken = replace(events[1], cameo=None)  # fails on the second event
    with pytest.raises((StoreError, TypeError)):
        store.add_article(art, [events[0], broken], "v1")
    assert store.counts() == {"articles": 1, "mentions": 0, "events": 0, "actors": 0}
    assert store.add_article(art, events, "v1") == "inserted"  # the connection is still usable


@pytest.mark.parametrize(("query", "cameos"), [
    (EventQuery(), ["190", "041"]),
    (EventQuery(sort="-date"), ["041", "190"]),
    (EventQuery(actor="RUS"), ["190", "041"]),
    (EventQuery(actor="TJK"), ["041"]),
    (EventQuery(source="RUSMIL"), ["190"]),
    (EventQuery(target="TJK"), ["041"]),
    (EventQuery(dyad="RUS-UKR"), ["190"]),
    (EventQuery(dyad="RUSGOV-TJKGOV"), ["041"]),
    (EventQuery(dyad="RUS-"), []),
    (EventQuery(country="UKR"), ["190"]),
    (EventQuery(plover="consult"), ["041"]),
    (EventQuery(cameo="19"), ["190"]),
    (EventQuery(cameo="041"), ["041"]),
    (EventQuery(since=date(2022, 2, 25)), ["041"]),
    (EventQuery(until=date(2022, 2, 25)), ["190"]),
    (EventQuery(place="kab"), ["041"]),
    (EventQuery(place="AFG"), ["041"]),
    (EventQuery(text="RAHMON"), ["190", "041"]),
    (EventQuery(article_id="nope"), []),
    (EventQuery(limit=1), ["190"]),
    (EventQuery(limit=1, offset=1), ["041"]),
    (EventQuery(offset=1), ["041"]),
])
def test_queries(store, query, cameos):
    art, events = sample()
    store.add_article(art, events, "v1")
    assert [e["cameo"] for e in store.query_events(query)] == cameos
    assert store.count_events(query) == len(store.query_events(query.page(None, 0)))


def test_bad_query_values_are_refused():
    with pytest.raises(ValueError, match="sort"):
        EventQuery(sort="random")
    with pytest.raises(ValueError, match="dyad"):
        EventQuery(dyad="RUS")


def outlet(n: int, source: str, text: str = "Report.") -> Article:
    return Article(id=f"r{n}", text=f"{text} {n}", date=date(2021, 8, 16), source=source)


def test_one_event_from_several_outlets_is_one_event_with_mentions(store):
    reports = [(outlet(1, "Wire A"), "AFGINS", date(2021, 8, 15), "day"),
               (outlet(2, "Wire B"), "AFGINS", date(2021, 8, 15), "day"),
               (outlet(3, "Wire B"), "AFG", date(2021, 8, 1), "month")]  # vaguer actor and date
    for art, code, day, precision in reports:
        store.add_article(art, [event(art, "195", "ASSAULT", code, "AFGGOV", day, precision=precision,
                                      place=KABUL)], "v1")
    found = store.query_events()
    assert len(found) == 1
    one = found[0]
    assert (one["num_mentions"], one["num_articles"], one["num_sources"]) == (3, 3, 2)
    assert one["date"]["value"] == "2021-08-15" and one["date"]["lo"] == one["date"]["hi"] == "2021-08-15"
    assert (one["first_seen"], one["last_seen"]) == ("2021-08-16", "2021-08-16")
    assert len(store.get_event(one["id"])["mentions"]) == 3
    assert store.count_events(EventQuery(source="AFGINS")) == 1


@pytest.mark.parametrize("second", [
    {"day": date(2021, 8, 20)},                       # the same dyad again, another day
    {"place": KANDAHAR},                              # the same day, another city
    {"src": "AFGGOV", "tgt": "AFGINS"},               # the other direction
    {"src": "USAMIL"},                                # another actor
    {"negated": True},                                # "did not attack"
    {"cameo": "042"},                                 # another root (04 vs 19)
])
def test_different_events_that_look_alike_stay_apart(store, second):
    first = outlet(1, "Wire A")
    store.add_article(first, [event(first, "190", "ASSAULT", "AFGINS", "AFGGOV", date(2021, 8, 15),
                                    place=KABUL)], "v1")
    other = outlet(2, "Wire B")
    args = {"cameo": "190", "src": "AFGINS", "tgt": "AFGGOV", "day": date(2021, 8, 15), "place": KABUL,
            "negated": False} | second
    store.add_article(other, [event(other, args["cameo"], "ASSAULT", args["src"], args["tgt"], args["day"],
                                    place=args["place"], negated=args["negated"])], "v1")
    assert store.counts()["events"] == 2


def test_replacing_an_article_takes_its_mention_out_of_the_event(store):
    a, b = outlet(1, "Wire A"), outlet(2, "Wire B")
    for art in (a, b):
        store.add_article(art, [event(art, "042", "CONSULT", "PAKGOV", "RUSGOV", date(2021, 8, 25))], "v1")
    assert store.query_events()[0]["num_mentions"] == 2
    store.add_article(replace(b, text="A correction: nothing happened."), [], "v1")
    assert [e["num_mentions"] for e in store.query_events()] == [1]
    store.add_article(replace(a, text="Also withdrawn."), [], "v1")
    assert store.counts()["events"] == 0


def test_recode_and_outdated_articles(store):
    art, events = sample()
    store.add_article(art, events, "v1")
    store.add_article(Article(id="b", text="Nothing."), [], "v2")
    assert [a.id for a in store.iter_articles(outdated_for="v2")] == ["a1"]
    again = next(store.iter_articles(outdated_for="v2"))
    assert again.text == art.text and again.date == art.date and again.source == art.source
    store.recode_article(again, events[:1], "v2")
    assert list(store.iter_articles(outdated_for="v2")) == []
    assert store.counts()["mentions"] == 1 and store.query_events()[0]["coder_version"] == "v2"


def test_actors_stats_and_mentions(store):
    art, events = sample()
    store.add_article(art, events, "v1")
    codes = {a["code"]: a for a in store.actors()}
    assert set(codes) == {"RUSGOV", "TJKGOV", "RUSMIL", "UKR"}
    assert codes["RUSGOV"]["mentions"] == 1 and codes["RUSGOV"]["events"] == 1
    assert [a["code"] for a in store.actors(prefix="rus")] == ["RUSGOV", "RUSMIL"]
    stats = store.stats()
    assert stats["total"] == 2
    assert stats["per_day"] == [{"date": "2022-02-24", "events": 1}, {"date": "2022-02-28", "events": 1}]
    assert {(t["plover"], t["cameo_root"]) for t in stats["per_type"]} == {("CONSULT", "04"), ("ASSAULT", "19")}
    assert {(d["source"], d["target"]) for d in stats["per_dyad"]} == {("RUSGOV", "TJKGOV"), ("RUSMIL", "UKR")}
    assert store.stats(EventQuery(actor="TJK"))["total"] == 1
    assert len(store.query_mentions(EventQuery(plover="ASSAULT"))) == 1
    assert store.get_mention(events[1].id)["event_id"] == store.query_events(EventQuery(cameo="19"))[0]["id"]


def test_undated_mentions_merge_only_with_undated_events(store):
    a, b = outlet(1, "Wire A"), outlet(2, "Wire B")
    store.add_article(a, [event(a, "173", "COERCE", "EGYPOL", "EGYOPP", None)], "v1")
    store.add_article(b, [event(b, "173", "COERCE", "EGYPOL", "EGYOPP", None),
                          event(b, "173", "COERCE", "EGYPOL", "EGYOPP", date(2021, 3, 3), start=9)], "v1")
    assert sorted(e["num_mentions"] for e in store.query_events()) == [1, 2]


def test_concurrent_writers_make_one_event(db_url):
    """Two connections ingesting reports of one event at once still produce one event."""
    open_store(db_url).close()
    errors: list[BaseException] = []

    def ingest(n: int) -> None:
        try:
            with open_store(db_url) as s:
                for i in range(5):
                    art = outlet(10 * n + i, f"Wire {n}")
                    s.add_article(art, [event(art, "190", "ASSAULT", "SYRMIL", "SYRREB", date(2020, 2, 2))], "v1")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(n,)) for n in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(db_url) as s:
        assert s.counts()["events"] == 1 and s.query_events()[0]["num_mentions"] == 10


def test_unopenable_database_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        open_store(str(tmp_path / "no" / "such" / "dir" / "x.db"))
    with pytest.raises(StoreError, match="cannot open database postgresql://nobody@127.0.0.1:9/"):
        open_store("postgresql://nobody:secret@127.0.0.1:9/none")


def test_sqlite_file_is_in_wal_mode(tmp_path):
    import sqlite3

    open_store(str(tmp_path / "w.db")).close()
    db = sqlite3.connect(tmp_path / "w.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"articles", "mentions", "events", "actors", "schema_version"} <= tables


def test_a_version_1_database_is_migrated_and_its_mentions_deduplicated(tmp_path):
    """A database written before deduplication existed opens, and its events are grouped."""
    import json
    import sqlite3

    from dateline.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        db.execute(statement)
    db.execute("INSERT INTO schema_version VALUES (1)")
    for n in (1, 2):
        art = outlet(n, f"Wire {n}")
        e = event(art, "041", "CONSULT", "RUSGOV", "TJKGOV", date(2021, 7, 22))
        db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (art.id, art.text, "2021-07-22", "metadata", art.source, None, None, None, None,
                    art.content_hash, "2021-07-22T10:00:00"))
        db.execute("INSERT INTO events (id, article_id, cameo, cameo_root, json) VALUES (?, ?, ?, ?, ?)",
                   (e.id, art.id, e.cameo, "04", json.dumps(e.to_dict())))
    db.commit()
    db.close()
    with open_store(str(path)) as s:
        assert s.counts()["mentions"] == 2
        assert [e["num_mentions"] for e in s.query_events()] == [2]
    newer = sqlite3.connect(path)
    newer.execute("INSERT INTO schema_version VALUES (99)")
    newer.commit()
    with pytest.raises(StoreError, match="newer than this dateline"):
        open_store(str(path))
