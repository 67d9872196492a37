"""No input makes the API answer 500: bad parameters are 400 in the one error shape (hypothesis fuzzes them)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.api import MAX_DEPTH, create_app
from dateline.cli import main
from dateline.filters import FILTERS

TOKEN = "hardening-token"
STORY = ("ANKARA, March 16 (Anadolu) - Turkish Foreign Minister Mevlut Cavusoglu held talks with his "
         "Hungarian counterpart Peter Szijjarto in Ankara on Wednesday. Police_arrested 40% of the crowd.\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("hardening")
    (folder / "ankara.txt").write_text(STORY, encoding="utf-8")
    db = str(folder / "events.db")
    assert CliRunner().invoke(main, ["ingest", str(folder / "ankara.txt"), "--db", db]).exit_code == 0
    return TestClient(create_app(db, token=TOKEN), raise_server_exceptions=False)


def error_of(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message", "details"}
    return body["error"]


@pytest.mark.parametrize(("params", "named", "status"), [
    ({"type": "XYZ"}, "'XYZ'", 400), ({"dyad": "RUSUKR"}, "'RUSUKR'", 400), ({"country": "Russia"}, "'Russia'", 400),
    ({"actor": "\U0010ffff"}, "actor", 400), ({"text": "a\x00b"}, "U+0000", 400), ({"place": "\ufffe"}, "U+FFFE", 400),
    ({"colour": "red"}, "'colour'", 400),
    ({"offset": str(10**19)}, "offset", 422), ({"limit": "1e3"}, "limit", 422), ({"since": "2023-13-01"}, "since", 422),
    ({"asserted_only": "perhaps"}, "asserted_only", 422),
])
def test_bad_parameters_are_refused_naming_them(client, params, named, status):
    """A value the filters cannot use is a 400; one of the wrong type or range (FastAPI's check) a 422."""
    for path in ("/events", "/stats"):
        if path == "/stats" and set(params) & {"offset", "limit"}:
            continue
        error = error_of(client.get(path, params=params), status)
        assert named in error["message"] and error["details"]


def test_actors_and_paths_are_checked_too(client):
    assert "prefix" in error_of(client.get("/actors", params={"prefix": "\U0010ffff"}), 400)["message"]
    assert "U+0000" in error_of(client.get("/actors", params={"text": "\x00"}), 400)["message"]
    error_of(client.get("/actors", params={"offset": str(10**19)}), 422)
    error_of(client.get("/events/abc%00def"), 400)
    error_of(client.get("/articles/" + "x" * 2000), 400)
    error_of(client.get("/health", params={"verbose": "1"}), 400)


def test_like_wildcards_are_taken_literally(client):
    assert client.get("/events", params={"text": "%"}).json()["total"] == 0
    assert client.get("/events", params={"text": "police_arrested 40%"}).json()["total"] >= 0
    assert client.get("/events", params={"text": "police arrested"}).json()["total"] == 0
    assert client.get("/events", params={"text": "held talks"}).json()["total"] >= 1


def test_deep_and_hostile_bodies_are_refused_before_parsing(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    deep = client.post("/articles", content=b"[" * 100_000, headers={**auth, "Content-Type": "application/json"})
    assert str(MAX_DEPTH) in error_of(deep, 422)["message"]
    nested = {"text": "Putin met Xi.", "title": json.loads("[" * 30 + "]" * 30)}
    error_of(client.post("/articles", json=nested, headers=auth), 422)


TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
VALUES = st.one_of(TEXT, st.integers(-(10**20), 10**20).map(str), st.sampled_from(["RUS-UKR", "04", "CONSULT", ""]))
PARAMS = st.dictionaries(st.sampled_from([*FILTERS, "limit", "offset", "sort", "prefix", "unknown"]), VALUES,
                         max_size=4)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PARAMS, path=st.sampled_from(["/events", "/stats", "/actors"]))
def test_no_parameter_makes_a_500(client, params, path):
    response = client.get(path, params=params)
    assert response.status_code in (200, 400, 422), (params, response.text)
    if response.status_code != 200:
        error_of(response, response.status_code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(event_id=TEXT.filter(bool))
def test_no_id_makes_a_500(client, event_id):
    for path in ("/events/", "/articles/"):
        response = client.get(path + quote(event_id, safe=""))
        # '.' and '..' are path segments the client folds away: /events/ answers 405, which is no crash
        assert response.status_code in (200, 400, 404, 405), (event_id, response.text)


def test_token_file(tmp_path: Path):
    secret = tmp_path / "token"
    secret.write_text("\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "x.db"), "--token-file", str(secret)])
    assert result.exit_code == 2 and "first line is empty" in result.stderr
