"""The two seed wire stories (read from ../shared, never copied): the events a reader sees."""

from __future__ import annotations

from datetime import date

from conftest import shared_file

from dateline.ingest import IngestError, read_inputs
from dateline.pipeline import code_articles
from dateline.records import Event


def coded(path, day=None) -> list[Event]:
    items = list(read_inputs([str(path)], default_date=day))
    assert not [i for i in items if isinstance(i, IngestError)]
    (result,) = list(code_articles(items, _settings()))
    return list(result.events)


def _settings():
    from dateline.settings import Settings

    return Settings()


def countries(actors) -> set[str]:
    return {a.country or (a.code or "")[:3] for a in actors}


def test_story_of_25_august_phone_call_and_fall_of_kabul():
    events = coded(shared_file("seeds", "000_69d19467f609ae95.txt"))
    calls = [e for e in events if e.cameo == "041"]
    assert any(countries(e.source) | countries(e.target) >= {"RUS", "PAK"}
               and e.date.value == date(2021, 8, 25) for e in calls)
    taliban = [e for e in events if any(a.code == "TAL" for a in e.source)]
    assert any(e.date.value == date(2021, 8, 15) for e in taliban)


def test_story_of_22_july_two_calls_and_their_dates():
    events = coded(shared_file("seeds", "004_1746f614510ce3e4.txt"), date(2021, 7, 22))
    calls = [e for e in events if e.cameo == "041"
             and countries(e.source) | countries(e.target) >= {"RUS", "TJK"}]
    assert {e.date.value for e in calls} >= {date(2021, 7, 22), date(2021, 7, 5)}
