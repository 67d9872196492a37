"""The explorer's aggregations (on SQLite and PostgreSQL) and its /explore endpoints.

The browser tests (test_explorer_browser.py) drive the pages; these check the numbers the pages
draw against events whose counts are known.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fastapi.testclient import TestClient
from test_store import KABUL, KANDAHAR, event

from dateline.api import create_app
from dateline.records import Article, Place
from dateline.store import EventQuery, open_store
from dateline.store import aggregate as agg
from dateline.web.spans import in_words, segments

MOSCOW = Place("Moscow", "Moscow", "RUS", 55.75, 37.62, "capital")


def fill(url: str) -> None:
    """Six events: four AFG-USA consultations over two weeks (two in Kabul, one in Kandahar, one
    unplaced), a Russian assault on UKR (QuadClass 4, Moscow) and an undated RUS statement."""
    with open_store(url) as store:
        for n, (day, place) in enumerate([(date(2024, 3, 4), KABUL), (date(2024, 3, 6), KABUL),
                                          (date(2024, 3, 12), KANDAHAR), (date(2024, 3, 13), None)]):
            art = Article(id=f"a{n}", text=f"AFG talks {n}.", date=day, source=f"Outlet {n}")
            store.add_article(art, [event(art, "040", "CONSULT", "AFGGOV", f"USA{'GOV' if n else ''}", day,
                                          start=n, place=place)], "test")
        art = Article(id="r1", text="Russia attacked Ukraine.", date=date(2024, 4, 2))
        store.add_article(art, [replace(event(art, "190", "ASSAULT", "RUSMIL", "UKR", date(2024, 4, 2), place=MOSCOW),
                                        quad_class=4, goldstein=-10.0)], "test")
        art = Article(id="r2", text="Russia spoke.")
        store.add_article(art, [event(art, "010", None, "RUS", None, None)], "test")


def test_timeline_counts_per_bucket_and_type(db_url):
    fill(db_url)
    with open_store(db_url) as store:
        weeks = agg.timeline(store, bucket="week")
        months = agg.timeline(store, bucket="month", stack="quad")
        afg = agg.timeline(store, EventQuery(actor="AFG"), bucket="day")
    assert weeks["undated"] == 1 and weeks["keys"] == ["CONSULT", "ASSAULT"]
    assert [(b["start"], b["total"]) for b in weeks["buckets"]] == [
        ("2024-03-04", 2), ("2024-03-11", 2), ("2024-03-18", 0), ("2024-03-25", 0), ("2024-04-01", 1)]
    assert [(b["start"], b["counts"]) for b in months["buckets"]] == [("2024-03-01", {"1": 4}),
                                                                     ("2024-04-01", {"4": 1})]
    assert afg["buckets"][0] == {"start": "2024-03-04", "end": "2024-03-05", "counts": {"CONSULT": 1}, "total": 1}
    assert len(afg["buckets"]) == 10 and sum(b["total"] for b in afg["buckets"]) == 4


def test_map_clusters_group_nearby_events(db_url):
    fill(db_url)
    with open_store(db_url) as store:
        coarse = agg.map_clusters(store, cell=10)
        fine = agg.map_clusters(store, cell=1)
        kabul = [c for c in fine if c["place"].lower() == "kabul"][0]
        inside = agg.cluster_events(store, EventQuery(), cell=1, gy=kabul["cell"][0], gx=kabul["cell"][1])
        violent = agg.map_clusters(store, EventQuery(quad_class=4), cell=1)
    assert sorted(c["events"] for c in coarse) == [1, 3]
    assert sorted(c["events"] for c in fine) == [1, 1, 2]
    assert kabul["quad"] == {"1": 2, "2": 0, "3": 0, "4": 0} and kabul["event_id"] is None
    assert sorted(e["target_code"] for e in inside) == ["USA", "USAGOV"]
    assert len(violent) == 1 and violent[0]["place"].lower() == "moscow" and violent[0]["event_id"]


def test_counterparts_goldstein_and_new_filters(db_url):
    fill(db_url)
    with open_store(db_url) as store:
        partners = agg.counterparts(store, "AFG")
        series = agg.goldstein_series(store, EventQuery(dyad="RUS-UKR"), span=("2024-02-10", "2024-04-02"))
        assert store.count_events(EventQuery(min_mentions=2)) == 0
        assert store.count_events(EventQuery(quad_class=1)) == 5
    assert partners == [{"code": "USAGOV", "as_source": 3, "as_target": 0, "events": 3},
                        {"code": "USA", "as_source": 1, "as_target": 0, "events": 1}]
    assert [(s["start"], s["events"], s["goldstein_mean"]) for s in series] == [
        ("2024-02-01", 0, None), ("2024-03-01", 0, None), ("2024-04-01", 1, -10.0)]


def test_segments_label_the_evidence_inside_the_sentence():
    text = "LAGOS, June 2 - Police fired tear gas at protesters in Lagos on Friday."
    sentence = text[16:]
    mention = {"sentence": sentence, "trigger": {"start": 23, "end": 28}, "cameo": "180",
               "source": [{"start": 16, "end": 22, "code": "NGACOP"}],
               "target": [{"start": 41, "end": 51, "code": None}],
               "location": {"start": 55, "end": 60, "country": "NGA"}, "date": {"start": 64, "end": 70, "value": "x"},
               "modality": "reported", "negated": True, "attributed_to": "witnesses"}
    labelled = {s["text"]: s["label"] for s in segments(mention, text) if s["label"]}
    assert labelled == {"Police": "source", "fired": "trigger", "protesters": "target", "Lagos": "place",
                        "Friday": "date"}
    assert "".join(s["text"] for s in segments(mention, text)) == sentence
    assert segments(mention, None) == [{"text": sentence, "label": None, "detail": None}]
    assert in_words(mention) == ("Reported by someone else; negated: the text says it did not happen; "
                                 "attributed to witnesses.")


def test_explore_endpoints_answer_with_the_filters_of_the_event_list(db_url):
    url = db_url
    fill(url)
    client = TestClient(create_app(url, token=None))
    table = client.get("/explore/events", params={"actor": "AFG", "sort": "date", "limit": 2}).json()
    assert table["total"] == 4 and [e["date"] for e in table["events"]] == ["2024-03-04", "2024-03-06"]
    assert client.get("/explore/events", params={"quad": 4}).json()["events"][0]["plover"] == "ASSAULT"
    assert client.get("/explore/timeline", params={"type": "ASSAULT"}).json()["keys"] == ["ASSAULT"]
    assert client.get("/explore/map", params={"cell": 1, "country": "AFG"}).json()["cell"] == 1.0
    assert client.get("/explore/events", params={"quad": 7}).status_code == 422
    bad = client.get("/explore/timeline", params={"bucket": "year"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
    event_id = table["events"][0]["id"]
    found = client.get(f"/explore/event/{event_id}").json()
    assert found["mentions"][0]["segments"][0]["text"] == "AFG" and found["in_words"].startswith("Asserted")
    assert client.get("/explore/event/nope").status_code == 404
    actor = client.get("/explore/actor/afg").json()
    assert actor["code"] == "AFG" and actor["events"] == 4 and actor["counterparts"][0]["code"] == "USAGOV"
    dyad = client.get("/explore/dyad/RUS-UKR").json()
    assert [d["events"] for d in dyad["directions"]] == [1, 0]
    for page in ("/", f"/event/{event_id}", "/actor/AFG", "/dyad/RUS-UKR", "/article/a1", "/try"):
        html = client.get(page)
        assert html.status_code == 200 and "/static/explorer/common.js" in html.text
    assert client.get("/static/explorer/world.json").json()["countries"]
