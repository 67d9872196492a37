"""Deduplication: the rules on their own, then real articles (written for these tests) coded and stored."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.records import Article
from dateline.store import EventQuery, open_store
from dateline.store.dedup import Key, codes_match, dyads_match, places_match, same_event, span


@pytest.mark.parametrize(("value", "precision", "lo", "hi"), [
    (date(2021, 8, 15), "day", date(2021, 8, 15), date(2021, 8, 15)),
    (date(2021, 8, 15), "month", date(2021, 8, 1), date(2021, 8, 31)),
    (date(2024, 2, 10), "month", date(2024, 2, 1), date(2024, 2, 29)),
    (date(2021, 8, 19), "week", date(2021, 8, 16), date(2021, 8, 22)),
    (date(2021, 10, 1), "quarter", date(2021, 10, 1), date(2021, 12, 31)),
    (date(2021, 6, 1), "year", date(2021, 1, 1), date(2021, 12, 31)),
    (date(2021, 6, 1), "decade", date(2020, 1, 1), date(2029, 12, 31)),
    (None, "unknown", None, None),
])
def test_date_spans(value, precision, lo, hi):
    assert span(value, precision) == (lo, hi)


def key(source: str | None = "RUSGOV", target: str | None = "UKRGOV", root: str = "19", lo: str = "2022-02-24",
        hi: str = "2022-02-24", place: str | None = None, country: str | None = None,
        lat: float | None = None, lon: float | None = None) -> Key:
    return Key(root, False, "asserted", source, target, lo, hi, place, country, lat, lon)


def test_actor_hierarchy():
    assert codes_match("RUS", "RUSGOV") and codes_match("RUSGOV", "RUS")
    assert not codes_match("RUSGOV", "RUSMIL")
    assert not codes_match(None, "RUS") and not codes_match(None, None)


def test_dyads():
    assert dyads_match(key(target=None), key())  # an unnamed target fits
    assert not dyads_match(key("UKRGOV", "RUSGOV"), key())  # fighting has a direction
    assert dyads_match(key("UKRGOV", "RUSGOV", root="04"), key(root="04"))  # a meeting has none
    assert not dyads_match(key(source=None), key())


def test_places():
    kyiv = key(place="kyiv", country="UKR", lat=50.45, lon=30.52)
    assert places_match(kyiv, key())  # unknown place fits
    assert places_match(kyiv, key(place="kiev", country="UKR", lat=50.43, lon=30.54))  # another spelling, 3 km
    assert not places_match(kyiv, key(place="kharkiv", country="UKR", lat=49.99, lon=36.23))
    assert not places_match(kyiv, key(place="kyiv", country="USA"))
    assert places_match(kyiv, key(country="UKR"))  # the country only


def test_dates_must_overlap():
    assert same_event(key(lo="2022-02-01", hi="2022-02-28"), key())
    assert not same_event(key(lo="2022-02-25", hi="2022-02-25"), key())
    assert not same_event(key(lo=None, hi=None), key())


ONE_MEETING = [
    ("a", "Wire A", date(2024, 3, 7), "Kenyan President William Ruto held talks with Tanzanian President "
     "Samia Suluhu Hassan in Nairobi on Tuesday, his office said."),
    ("b", "Wire B", date(2024, 3, 6), "Kenya's Ruto and Tanzania's Hassan met in Nairobi on Tuesday to discuss "
     "a long-running dispute over border trade."),
    ("c", "Wire C", date(2024, 3, 8), "On March 5, Tanzanian President Samia Suluhu Hassan met Kenyan President "
     "William Ruto in the Kenyan capital, the Tanzanian presidency said."),
]
LOOK_ALIKES = [
    ("d", "Wire A", date(2024, 6, 12), "Kenyan President William Ruto held talks with Tanzanian President "
     "Samia Suluhu Hassan in Arusha on Tuesday."),
    ("e", "Wire A", date(2024, 5, 14), "Nigerian police arrested dozens of protesters in Lagos on Monday, "
     "witnesses said."),
    ("f", "Wire B", date(2024, 5, 14), "Nigerian police arrested dozens of protesters in Abuja on Monday, "
     "witnesses said."),
    ("g", "Wire C", date(2024, 5, 15), "Police in Nigeria detained dozens of demonstrators in Lagos on May 13."),
]


def test_real_reports_of_one_event_become_one_event(tmp_path, settings):
    from dateline import CODER_VERSION
    from dateline.pipeline import code_articles

    articles = [Article(id=i, text=t, date=d, source=s) for i, s, d, t in ONE_MEETING + LOOK_ALIKES]
    with open_store(str(tmp_path / "d.db")) as store:
        for coded in code_articles(articles, settings):
            store.add_article(coded.article, coded.events, CODER_VERSION)
        meetings = store.query_events(EventQuery(cameo="04", actor="KEN"))
        arrests = store.query_events(EventQuery(cameo="17", source="NGA"))
    by_articles = sorted(sorted(m["article"]["id"] for m in _mentions(tmp_path, e["id"])) for e in meetings)
    assert by_articles == [["a", "b", "c"], ["d"]]  # one Nairobi meeting reported thrice, another in June
    march = next(e for e in meetings if e["num_mentions"] == 3)
    assert (march["date"]["value"], march["num_sources"]) == ("2024-03-05", 3)
    assert {march["source"][0]["code"][:3]} <= {"KEN", "TZA"}
    places = sorted(sorted(m["article"]["id"] for m in _mentions(tmp_path, e["id"])) for e in arrests)
    assert places == [["e", "g"], ["f"]]  # Lagos twice, Abuja once: same day, same actors, two events


def _mentions(tmp_path, event_id: str) -> list[dict]:
    with open_store(str(tmp_path / "d.db")) as store:
        return store.get_event(event_id)["mentions"]
