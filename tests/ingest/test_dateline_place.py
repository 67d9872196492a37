"""The Article carries its wire dateline: found once at ingest, geocoded once before coding."""

from __future__ import annotations

from datetime import date

from dateline.ingest import read_inputs
from dateline.ingest.metadata import locate
from dateline.pipeline import code_articles, text_for_parser, with_dateline
from dateline.records import Article
from dateline.settings import Settings

STORY = ("LAGOS, May 28 (Xinhua) -- Nigerian troops attacked a rebel camp in the north on Tuesday, "
         "the army said.\n")


def _read(tmp_path, text: str) -> Article:
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    [article] = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    return article


def test_ingest_records_where_the_dateline_is(tmp_path):
    article = _read(tmp_path, STORY)
    assert article.dateline_place == "LAGOS"
    start, end = article.dateline_span
    assert STORY[start:end].startswith("LAGOS, May 28 (Xinhua)")
    assert text_for_parser(article)[:end].strip() == ""  # the parser never sees it
    assert _read(tmp_path, "Nigerian troops attacked a rebel camp.\n").dateline_span == ()


def test_the_dateline_place_and_home_country_are_resolved_once(tmp_path):
    article = with_dateline(_read(tmp_path, STORY), Settings())
    assert article.home_country == "NGA"
    assert article.dateline_geo is not None and article.dateline_geo.name == "Lagos"
    assert with_dateline(article, Settings()) is article  # already resolved: nothing done again
    [coded] = code_articles([article], Settings())
    assert coded.events and coded.article.home_country == "NGA"


def test_a_hand_made_article_is_located_when_coded():
    article = Article(id="x", text=STORY)
    assert article.dateline_span is None  # nobody looked yet
    start, end = locate(article).dateline_span
    assert start == 0 and STORY[start:end].startswith("LAGOS, May 28 (Xinhua)")
    assert text_for_parser(article).startswith(" " * len("LAGOS, May 28 (Xinhua)"))


def test_the_coder_reads_the_place_the_article_carries():
    """The coder geocodes no dateline itself: the place on the Article (resolved once before
    coding) gives the home country of "police" and the place of local news."""
    from dateline.records import Place

    story = "LAGOS, May 28 (Xinhua) -- Police arrested 23 protesters on Saturday.\n"
    nairobi = Place(text="LAGOS", name="Nairobi", country="KEN", lat=-1.28, lon=36.82, feature="capital")
    plain = Article(id="p", text=story, date=date(2022, 5, 28), dateline_place="LAGOS")
    told = Article(id="t", text=story, date=date(2022, 5, 28), dateline_place="LAGOS",
                   dateline_geo=nairobi, home_country="KEN")
    [lagos], [kenya] = (c.events for c in code_articles([plain, told], Settings()))
    assert lagos.source[0].country == "NGA" and lagos.location.name == "Lagos"
    assert kenya.source[0].country == "KEN" and kenya.location.name == "Nairobi"
    assert "dateline" in kenya.location.feature
