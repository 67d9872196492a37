"""The two seed wire stories (read from ../shared, never copied): the events a reader sees."""

from __future__ import annotations

from datetime import date

from conftest import shared_file

from dateline.ingest import IngestError, read_inputs
from dateline.pipeline import code_articles
from dateline.records import Article, Event


def coded(path, day=None) -> list[Event]:
    items = list(read_inputs([str(path)], default_date=day))
    assert not [i for i in items if isinstance(i, IngestError)]
    items = [i for i in items if isinstance(i, Article)]
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


def test_story_of_22_july_every_event_date():
    events = coded(shared_file("seeds", "004_1746f614510ce3e4.txt"), date(2021, 7, 22))
    dates = {e.date.value for e in events if e.date.basis in {"explicit", "relative", "publication"}}
    assert {date(2021, 7, 22), date(2021, 7, 5), date(2021, 4, 14), date(2021, 7, 13),
            date(2021, 5, 19)} <= dates
    withdrawal = next(e for e in events if e.cameo.startswith("087") and e.date.value == date(2021, 7, 13))
    assert "USA" in countries(withdrawal.source) and withdrawal.attributed_to == "the Pentagon"
    decision = next(e for e in events if e.date.value == date(2021, 4, 14))
    assert "USA" in countries(decision.source)


def test_fall_of_kabul_is_located_in_kabul():
    events = coded(shared_file("seeds", "000_69d19467f609ae95.txt"))
    fall = next(e for e in events if e.date.value == date(2021, 8, 15) and e.source[0].code == "TAL")
    assert fall.location is not None and fall.location.name == "Kabul" and fall.location.country == "AFG"
    assert abs(fall.location.lat - 34.53) < 0.2 and abs(fall.location.lon - 69.17) < 0.2


def test_every_actor_of_the_seeds_resolves():
    """Issue 4's list: each actor a reader sees in the two stories, with the code it must get."""
    story_25 = coded(shared_file("seeds", "000_69d19467f609ae95.txt"))
    story_22 = coded(shared_file("seeds", "004_1746f614510ce3e4.txt"), date(2021, 7, 22))
    seen = {(a.text, a.code) for e in story_25 + story_22 for a in (*e.source, *e.target)}
    expected = {
        ("Russian President Vladimir Putin", "RUSGOV"), ("Pakistani Prime Minister Imran Khan", "PAKGOV"),
        ("the administration of US President Joe Biden", "USAGOV"), ("the Taliban", "TAL"),
        ("Afghan government forces", "AFGMIL"), ("Taliban fighters", "TAL"), ("Kabul", "AFG"),
        ("US President Joe Biden", "USAGOV"), ("the United States", "USA"), ("Putin", "RUSGOV"),
        ("the Afghan government troops", "AFGMIL"), ("Tajikistan", "TJK"),
    }
    assert expected <= seen, expected - seen
    assert any(c == "TJKGOV" for t, c in seen if "Rahmon" in t)
    assert {c for t, c in seen if t == "both leaders"} == {"RUSGOV", "TJKGOV"}
    assert {c for t, c in seen if t == "their"} == {"RUSGOV", "PAKGOV"}
