"""The REST API through an ASGI client, on a real SQLite file of really coded articles; plus one real server."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from dateline import CODER_VERSION, __version__, api
from dateline.api import create_app
from dateline.cli import main
from dateline.filters import FILTERS
from dateline.ingest.readers import Defaults, build_article
from dateline.pipeline import code_articles
from dateline.store import open_store

TOKEN = "s3cret-token"
ARTICLES = [
    {"id": "ankara-talks", "date": "2023-03-16", "source": "Anadolu", "title": "Turkish and Hungarian ministers meet",
     "url": "https://example.org/ankara",
     "text": "ANKARA, March 16 (Anadolu) - Turkish Foreign Minister Mevlut Cavusoglu held talks with his Hungarian "
             "counterpart Peter Szijjarto in Ankara on Wednesday.\n\nThe two ministers agreed to expand cooperation "
             "in energy, the ministry said."},
    {"id": "kyiv-strike", "date": "2022-10-10", "source": "Wire B",
     "text": "KYIV, Oct 10 (Wire B) - Russian forces fired missiles at Kyiv on Monday, killing at least eight people, "
             "Ukrainian officials said.\n\nUkraine's President Volodymyr Zelenskiy condemned the attack and called "
             "on allies to send more air defence systems."},
    {"id": "kyiv-strike-2", "date": "2022-10-11", "source": "Wire D",
     "text": "KYIV, Oct 11 (Wire D) - Russian forces fired missiles at Kyiv on Monday, Ukrainian officials said, in "
             "the heaviest strikes on the capital in months."},
    {"id": "lagos-protest", "date": "2023-06-02", "source": "Wire C",
     "text": "LAGOS, June 2 (Wire C) - Hundreds of Nigerians protested in Lagos on Friday against the removal of the "
             "fuel subsidy. Police fired tear gas to disperse the demonstrators, witnesses said."},
    {"id": "beijing-denial", "date": "2023-04-05", "source": "Wire E",
     "text": "BEIJING, April 5 (Wire E) - China did not sign the trade agreement with Australia on Wednesday, the "
             "Chinese commerce ministry said."},
]
NEW_ARTICLE = {"id": "tehran-visit", "date": "2023-05-10", "source": "Wire F",
               "text": "TEHRAN, May 10 (Wire F) - Iranian President Ebrahim Raisi met Syrian President Bashar "
                       "al-Assad in Tehran on Wednesday and the two leaders signed a cooperation agreement."}


@pytest.fixture(scope="module")
def db(tmp_path_factory, settings) -> str:
    """A database filled the way `dateline ingest` fills it."""
    path = str(tmp_path_factory.mktemp("api") / "events.db")
    articles = [build_article(a, f"fixture:{a['id']}", Defaults()) for a in ARTICLES]
    with open_store(path) as store:
        for coded in code_articles(articles, settings):
            assert coded.error is None
            store.add_article(coded.article, coded.events, CODER_VERSION)
    return path


@pytest.fixture(scope="module")
def client(db, settings) -> TestClient:
    return TestClient(create_app(db, token=TOKEN, settings=settings))


@pytest.fixture
def fresh(tmp_path, settings) -> TestClient:
    """A client over an empty database, small limits, for writing."""
    return TestClient(create_app(str(tmp_path / "new.db"), token=TOKEN, max_body_bytes=4000, max_articles=3,
                                 settings=settings))


def events(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return response.json()["events"]


def codes(actors: list[dict[str, Any]]) -> list[str]:
    return [a["code"] or "" for a in actors]


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape, exactly: {"error": {"status", "code", "message", "details"}}."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "details"}
    assert error["status"] == status and error["code"] == code
    assert isinstance(error["message"], str) and error["message"]
    return error


# -- reading ------------------------------------------------------------------------------------

def test_health(client):
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["version"] == __version__ and body["coder_version"] == CODER_VERSION
    assert body["counts"]["articles"] == len(ARTICLES)
    assert 0 < body["counts"]["events"] <= body["counts"]["mentions"]


CHECKS = {
    "actor": ("RUS", lambda e: any(c.startswith("RUS") for c in codes(e["source"]) + codes(e["target"]))),
    "source": ("UKRGOV", lambda e: any(c.startswith("UKRGOV") for c in codes(e["source"]))),
    "target": ("HUNGOV", lambda e: any(c.startswith("HUNGOV") for c in codes(e["target"]))),
    "dyad": ("RUSMIL-UKR", lambda e: codes(e["source"])[0].startswith("RUSMIL")
             and codes(e["target"])[0].startswith("UKR")),
    "country": ("NGA", lambda e: "NGA" in [a["country"] for a in e["source"] + e["target"]]),
    "type": ("ASSAULT", lambda e: e["plover"]["event"] == "ASSAULT"),
    "since": ("2023-04-01", lambda e: e["date"]["hi"] >= "2023-04-01"),
    "until": ("2022-12-31", lambda e: e["date"]["lo"] <= "2022-12-31"),
    "place": ("Kyiv", lambda e: (e["location"] or {}).get("name") == "Kyiv"),
    "text": ("tear gas", lambda e: "tear gas" in e["sentence"]),
    "article": ("lagos-protest", lambda e: e["article_id"] == "lagos-protest"),
    "asserted_only": ("true", lambda e: not e["negated"]),
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_each_events_filter_narrows_the_events(client, name):
    value, holds = CHECKS[name]
    every = events(client)
    found = events(client, **{name: value})
    assert found, f"{name}={value} found nothing"
    assert len(found) < len(every), f"{name}={value} filtered nothing"
    assert all(holds(e) for e in found), [(e["cameo"], e["source"], e["target"]) for e in found]


def test_type_takes_a_cameo_root_too(client):
    found = events(client, type="04")
    assert found and all(e["cameo"].startswith("04") for e in found)


def test_filters_are_the_cli_filters_and_give_the_same_events(client, db):
    """CLI parity: /events takes exactly the options of `dateline events`, and answers the same."""
    params = {p["name"] for p in client.get("/openapi.json").json()["paths"]["/events"]["get"]["parameters"]}
    not_filters = {"db", "mentions", "count", "stats", "fmt"}
    cli_names = {p.opts[0].lstrip("-").replace("-", "_") for p in main.commands["events"].params
                 if p.name not in not_filters}
    assert params == cli_names == set(FILTERS) | {"sort", "limit", "offset"}
    for query in ({"actor": "RUS", "sort": "-date"}, {"type": "ASSAULT", "asserted_only": "true"},
                  {"dyad": "TURGOV-HUN", "since": "2023-01-01"}):
        args = [a for k, v in query.items() for a in
                ([f"--{k.replace('_', '-')}"] if v == "true" else [f"--{k.replace('_', '-')}", v])]
        result = CliRunner().invoke(main, ["events", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        cli_ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
        assert cli_ids and cli_ids == [e["id"] for e in events(client, **query)]


def test_pagination_total_and_next(client):
    every = [e["id"] for e in events(client)]
    page = client.get("/events", params={"limit": 2}).json()
    assert page["total"] == len(every) and page["limit"] == 2 and page["offset"] == 0 and len(page["events"]) == 2
    seen = []
    url: str | None = "/events?limit=2"
    while url:
        page = client.get(url).json()
        seen += [e["id"] for e in page["events"]]
        url = page["next"]
        assert url is None or "offset=" in url and "limit=2" in url
    assert seen == every
    assert client.get("/events", params={"limit": 1000}).json()["next"] is None
    assert client.get("/events").json()["limit"] == 50


def test_sort(client):
    by_date = events(client, sort="date")
    assert [e["date"]["lo"] for e in by_date] == sorted(e["date"]["lo"] for e in by_date)
    latest_first = events(client, sort="-date")
    assert latest_first[0]["date"]["lo"] == max(e["date"]["lo"] for e in by_date)
    most = events(client, sort="-mentions")
    assert most[0]["num_mentions"] == 2 and most[0]["plover"]["event"] == "ASSAULT"
    assert_error(client.get("/events", params={"sort": "loudest"}), 422, "invalid_request")


def test_event_with_mentions_and_evidence(client):
    strike = events(client, sort="-mentions")[0]
    event = client.get(f"/events/{strike['id']}").json()
    assert event["id"] == strike["id"] and len(event["mentions"]) == 2
    assert {m["article"]["id"] for m in event["mentions"]} == {"kyiv-strike", "kyiv-strike-2"}
    for mention in event["mentions"]:
        text = client.get(f"/articles/{mention['article']['id']}").json()["text"]
        trigger = mention["trigger"]
        assert text[trigger["start"]:trigger["end"]] == trigger["text"] == "fired"
        assert trigger["text"] in mention["sentence"] and mention["sentence"] in text
        actor = mention["source"][0]
        assert text[actor["start"]:actor["end"]] == actor["text"]
    by_mention = client.get(f"/events/{event['mentions'][1]['id']}").json()
    assert by_mention["id"] == event["id"]
    assert_error(client.get("/events/0000000000000000"), 404, "not_found")


def test_actors(client):
    body = client.get("/actors").json()
    assert body["actors"] and body["next"] is None
    assert all({"code", "name", "country", "sector", "mentions", "events"} <= set(a) for a in body["actors"])
    russian = client.get("/actors", params={"prefix": "RUS"}).json()["actors"]
    assert russian and all(a["code"].startswith("RUS") for a in russian)
    assert any(a["code"] == "TURGOV" for a in client.get("/actors", params={"text": "Cavusoglu"}).json()["actors"])
    page = client.get("/actors", params={"limit": 1}).json()
    assert len(page["actors"]) == 1 and "offset=1" in page["next"]


def test_article(client):
    article = client.get("/articles/ankara-talks").json()
    assert article["source"] == "Anadolu" and article["url"] == "https://example.org/ankara"
    assert article["date"] == "2023-03-16" and article["coder_version"] == CODER_VERSION
    assert article["mentions"] and all(m["article_id"] == "ankara-talks" for m in article["mentions"])
    assert_error(client.get("/articles/no-such-article"), 404, "not_found")


def test_stats(client):
    every = client.get("/stats").json()
    assert every["total"] == len(events(client))
    assert sum(t["events"] for t in every["per_type"]) == every["total"]
    assert every["per_day"] and every["per_dyad"]
    assaults = client.get("/stats", params={"type": "ASSAULT", "until": "2022-12-31"}).json()
    assert 0 < assaults["total"] < every["total"]
    assert {t["plover"] for t in assaults["per_type"]} == {"ASSAULT"}


def test_bad_query_parameters(client):
    assert_error(client.get("/events", params={"limit": 5000}), 422, "invalid_request")
    assert_error(client.get("/events", params={"since": "last week"}), 422, "invalid_request")
    error = assert_error(client.get("/events", params={"dyad": "RUS"}), 400, "bad_request")
    assert "SOURCE-TARGET" in error["message"]


# -- writing ------------------------------------------------------------------------------------

def test_post_needs_a_token(client, db, settings):
    error = assert_error(client.post("/articles", json=NEW_ARTICLE), 401, "unauthorized")
    assert "Authorization: Bearer" in error["message"]
    wrong = client.post("/articles", json=NEW_ARTICLE, headers={"Authorization": "Bearer nope"})
    assert_error(wrong, 403, "forbidden")
    read_only = TestClient(create_app(db, token=None, settings=settings))
    error = assert_error(read_only.post("/articles", json=NEW_ARTICLE, headers={"Authorization": f"Bearer {TOKEN}"}),
                         403, "forbidden")
    assert "--token" in error["message"] and "DATELINE_API_TOKEN" in error["message"]
    assert client.get("/articles/tehran-visit").status_code == 404


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_body_size_limit(fresh):
    big = {"id": "big", "text": "Russia attacked Ukraine. " * 400}
    error = assert_error(fresh.post("/articles", json=big, headers=AUTH), 413, "payload_too_large")
    assert error["details"] == {"max_body_bytes": 4000}
    chunks = (b'{"text": "' + b"x" * 1000 for _ in range(5))  # no Content-Length: the bytes are counted
    assert_error(fresh.post("/articles", content=chunks, headers={**AUTH, "Content-Type": "application/json"}),
                 413, "payload_too_large")
    assert fresh.get("/health").json()["counts"]["articles"] == 0


def test_too_many_articles(fresh):
    batch = {"articles": [{**NEW_ARTICLE, "id": f"a{i}"} for i in range(4)]}
    error = assert_error(fresh.post("/articles", json=batch, headers=AUTH), 413, "payload_too_large")
    assert error["details"] == {"max_articles": 3, "articles": 4}


@pytest.mark.parametrize("body, field", [
    ({"id": "x"}, "text"),
    ({"id": "x", "text": ""}, "text"),
    ({"id": "x", "text": "Russia attacked Ukraine.", "date": "yesterday"}, "date"),
    ({"articles": [NEW_ARTICLE, {"id": "y", "text": 42}]}, "text"),
    ({"articles": []}, None),
    ([1, 2], None),
])
def test_invalid_articles_are_refused_whole(fresh, body, field):
    error = assert_error(fresh.post("/articles", json=body, headers=AUTH), 422, "invalid_request")
    if field:
        assert any(p["field"] == field for p in error["details"]), error
    assert fresh.get("/health").json()["counts"]["articles"] == 0


def test_not_json(fresh):
    response = fresh.post("/articles", content=b"{not json", headers={**AUTH, "Content-Type": "application/json"})
    assert "not valid JSON" in assert_error(response, 422, "invalid_request")["message"]


def test_post_codes_stores_and_is_idempotent(fresh):
    response = fresh.post("/articles", json=NEW_ARTICLE, headers=AUTH)
    assert response.status_code == 201, response.text
    [result] = response.json()["articles"]
    assert result["id"] == "tehran-visit" and result["status"] == "added" and result["events"] > 0
    found = events(fresh, article="tehran-visit")
    assert len(found) <= result["events"] and any(c.startswith("IRN") for e in found for c in codes(e["source"]))
    assert fresh.get("/health").json()["model_loaded"] is True
    again = fresh.post("/articles", json={"articles": [NEW_ARTICLE]}, headers=AUTH)
    assert again.status_code == 201 and again.json()["articles"][0]["status"] == "unchanged"
    changed = {**NEW_ARTICLE, "text": NEW_ARTICLE["text"].replace("Wednesday", "Tuesday")}
    replaced = fresh.post("/articles", json=changed, headers=AUTH).json()["articles"][0]
    assert replaced["status"] == "replaced"
    assert fresh.get("/health").json()["counts"]["articles"] == 1


def test_post_batch_without_ids_and_dates(fresh):
    undated = {"text": "Iranian President Ebrahim Raisi met Syrian President Bashar al-Assad in Tehran."}
    results = fresh.post("/articles", json={"articles": [undated, ARTICLES[3]]}, headers=AUTH).json()["articles"]
    assert [r["status"] for r in results] == ["added", "added"]
    assert results[0]["id"].startswith("api-") and "warning" in results[0] and "warning" not in results[1]
    assert fresh.post("/articles", json=undated, headers=AUTH).json()["articles"][0]["status"] == "unchanged"


# -- errors and docs ----------------------------------------------------------------------------

def test_one_error_shape(client, db, settings, monkeypatch):
    assert_error(client.get("/no/such/route"), 404, "not_found")
    error = assert_error(client.delete("/events"), 405, "method_not_allowed")
    assert error["details"] == {"allowed": ["GET"]}
    error = assert_error(client.get("/events", params={"limit": -1}), 422, "invalid_request")
    assert error["details"][0]["field"] == "query.limit"
    assert_error(client.post("/articles", json=NEW_ARTICLE), 401, "unauthorized")

    def broken(url: str) -> None:
        raise RuntimeError("disk on fire")

    app = create_app(db, token=TOKEN, settings=settings)
    monkeypatch.setattr(api, "open_store", broken)
    error = assert_error(TestClient(app, raise_server_exceptions=False).get("/health"), 500, "internal_error")
    assert error["details"] is None and "disk on fire" not in error["message"]


def test_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "swagger" in page.text.lower()
    assert not re.search(r"https?://", page.text), "the docs page must not load anything from the network"
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "SwaggerUIBundle" in client.get(next(a for a in assets if a.endswith(".js"))).text
    assert client.get("/openapi.json").json()["paths"]["/articles"]["post"]["requestBody"]
    assert client.get("/redoc").status_code == 404


# -- a real server ------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_ready(base: str, server: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"dateline serve exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"dateline serve did not answer within {timeout} s")


def assert_reads_answer_while_coding(base: str) -> None:
    """A long POST is coded off the event loop: /health and /events answer while it is still coding."""
    paragraph = NEW_ARTICLE["text"].split(" - ", 1)[1] + " "
    long_article = {**NEW_ARTICLE, "id": "long-visit", "text": paragraph * 2500}  # about 400,000 characters
    posting = threading.Thread(target=lambda: httpx.post(f"{base}/articles", json=long_article, headers=AUTH,
                                                         timeout=600))
    posting.start()
    time.sleep(1.0)  # the body is sent and coding has begun
    try:
        for path in ("/health", "/events?limit=1"):
            started = time.monotonic()
            assert httpx.get(base + path, timeout=30).status_code == 200
            waited = time.monotonic() - started
            assert posting.is_alive(), "the long article was coded too fast to show anything"
            assert waited < 3.0, f"{path} waited {waited:.1f} s behind a POST being coded"
    finally:
        posting.join()


def test_dateline_serve(tmp_path: Path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    (tmp_path / "token").write_text(TOKEN + "\n", encoding="utf-8")  # not on the command line, where ps shows it
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline", "serve", "--db", str(tmp_path / "served.db"), "--port", str(port),
         "--token-file", str(tmp_path / "token")], stdout=log, stderr=subprocess.STDOUT)
    try:
        try:
            wait_until_ready(base, server)
        except AssertionError as exc:
            raise AssertionError(f"{exc}; its output: {(tmp_path / 'serve.log').read_text()}") from None
        assert httpx.get(f"{base}/events").json()["total"] == 0
        assert_reads_answer_while_coding(base)
        posted = httpx.post(f"{base}/articles", json=NEW_ARTICLE, headers=AUTH, timeout=120)
        assert posted.status_code == 201 and posted.json()["articles"][0]["status"] == "added"
        assert httpx.get(f"{base}/events", params={"article": "tehran-visit"}).json()["total"] > 0
        assert_error(httpx.post(f"{base}/articles", json=NEW_ARTICLE), 401, "unauthorized")
        with httpx.Client(base_url=base) as kept_alive:  # after an error, the same connection still answers
            for params in ({"type": "XYZ"}, {"text": "\x00"}, {"nonsense": "1"}):
                assert_error(kept_alive.get("/events", params=params), 400, "bad_request")
                assert kept_alive.get("/events", params={"limit": 1}).status_code == 200
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_post_over_its_time_budget_answers_503_and_still_stores(tmp_path, settings):
    db = str(tmp_path / "budget.db")
    app = create_app(db, token=TOKEN, settings=settings, code_timeout=0.001)
    with TestClient(app) as slow:
        error = assert_error(slow.post("/articles", json=NEW_ARTICLE, headers=AUTH), 503, "unavailable")
        assert "0.001 s" in error["message"] and "sending them again is safe" in error["message"]
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # the coding thread goes on and stores the article
        with open_store(db) as store:
            if store.get_article(NEW_ARTICLE["id"]) is not None:
                break
        time.sleep(0.5)
    with open_store(db) as store:
        assert store.get_article(NEW_ARTICLE["id"]) is not None
        assert store.count_events() > 0
