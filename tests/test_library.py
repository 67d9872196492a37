"""The Python API: the README's example, code_and_store (the loop ingest, recode and POST share), the
spaCy component; real parses, real SQLite."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest
import spacy

import dateline
from dateline.ingest import IngestError, IngestNote
from dateline.records import Article

ROOT = Path(__file__).resolve().parent.parent
MEETING = "Russian President Vladimir Putin met Chinese President Xi Jinping in Moscow on Tuesday."


def test_readme_python_example_runs(tmp_path, capsys):
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert blocks, "the README has no Python example"
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        exec(compile(blocks[0], "README.md", "exec"), {})  # noqa: S102 - the README's own example
    finally:
        os.chdir(cwd)
    printed = capsys.readouterr().out.splitlines()
    expected = [line.removeprefix("# ") for line in blocks[0].splitlines() if line.startswith("# 0")]
    assert printed[0] == expected[0]
    assert (tmp_path / "events.db").exists()


def test_import_is_cheap_and_names_resolve():
    assert dateline.Settings().model and dateline.Article and dateline.Event
    with pytest.raises(AttributeError):
        dateline.no_such_name  # noqa: B018


def test_code_a_string_and_articles():
    dl = dateline.load()
    [event] = dl.code(MEETING, date=date(2023, 3, 22))
    assert (event.cameo, event.source[0].code, event.target[0].code) == ("040", "RUSGOV", "CHNGOV")
    assert event.date.value == date(2023, 3, 21)
    coded = list(dl.code_articles([{"id": "a", "text": MEETING, "date": "2023-03-22"},
                                   Article(id="b", text="Police arrested 40 protesters in Dhaka.")]))
    assert [c.article.id for c in coded] == ["a", "b"] and coded[1].events[0].cameo.startswith("17")
    with pytest.raises(dateline.InvalidArticle):
        dl.article("   ")
    with pytest.raises(dateline.InvalidArticle):
        dl.article(MEETING, date="last Tuesday")


def test_code_and_store_isolates_bad_records_and_reports_id_collisions(tmp_path):
    dl = dateline.Dateline()
    items = [
        Article(id="a", text=MEETING, date=date(2023, 3, 22), origin="f.jsonl:1"),
        IngestError("f.jsonl:2", "not valid JSON (nested too deeply)"),
        IngestNote("f.jsonl:3", "1 NUL characters removed"),
        Article(id="c", text="Iran and Iraq signed a trade deal.", origin="f.jsonl:3"),
        Article(id="a", text="A different story about talks.", origin="f.jsonl:4"),  # same id, other text
        Article(id="c", text="Iran and Iraq signed a trade deal.", origin="f.jsonl:5"),  # the same again
    ]
    outcomes = []
    with dateline.open_store(str(tmp_path / "t.db")) as store:
        report = dl.code_and_store(items, store, on_outcome=outcomes.append)
        assert {a.id for a in store.iter_articles()} == {"a", "c"}
        assert store.get_article("a")["text"] == MEETING  # never overwritten by the clash
    assert report.stored["inserted"] == 2 and report.stored["unchanged"] == 1
    assert report.rejected == 2 and report.notes == 1 and report.status == 1
    rejected = {o.origin: o.message for o in outcomes if o.status == "rejected"}
    assert set(rejected) == {"f.jsonl:2", "f.jsonl:4"}
    assert "already used in this run by f.jsonl:1" in rejected["f.jsonl:4"]


def test_recode_goes_through_the_same_loop(tmp_path):
    dl = dateline.Dateline()
    with dateline.open_store(str(tmp_path / "r.db")) as store:
        dl.code_and_store([dl.article(MEETING, id="m", date="2023-03-22")], store)
        report = dl.code_and_store(list(store.iter_articles()), store, recode=True)
    assert report.stored["recoded"] == 1 and report.events == 1 and report.status == 0


def test_spacy_component(nlp):
    import dateline.component  # noqa: F401 - registers the factory (the entry point does too)

    pipeline = spacy.load(dateline.Settings().model)
    pipeline.add_pipe("dateline", config={"date": "2023-03-22"})
    doc = pipeline(MEETING)
    [event] = doc._.dateline_events
    assert event.cameo == "040" and event.date.value == date(2023, 3, 21)
    bare = spacy.blank("en")
    with pytest.raises(ValueError, match="parser"):
        bare.add_pipe("dateline")


def test_post_articles_runs_the_same_loop(tmp_path):
    from fastapi.testclient import TestClient

    from dateline.api import create_app

    db = str(tmp_path / "api.db")
    client = TestClient(create_app(db, token="t0ken", settings=dateline.Settings()))
    body = {"articles": [{"id": "p1", "text": "Putin met\u0000 Xi in Moscow.", "date": "2023-03-22"},
                         {"id": "p1", "text": "Another text under the same id."}]}
    raw = json.dumps(body).encode()  # NUL travels as a JSON escape; PostgreSQL would refuse it
    answer = client.post("/articles", content=raw, headers={"Authorization": "Bearer t0ken",
                                                             "Content-Type": "application/json"})
    assert answer.status_code == 201, answer.text
    first, second = answer.json()["articles"]
    assert first["status"] == "added" and second["status"] == "error" and "already used" in second["error"]
    with dateline.open_store(db) as store:
        assert store.get_article("p1")["text"] == "Putin met Xi in Moscow."
