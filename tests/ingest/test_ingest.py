"""Ingest: text, JSONL, CSV, HTML, directories and stdin into Articles; metadata from the text."""

from __future__ import annotations

import io
from datetime import date

import pytest

from dateline.ingest import IngestError, IngestNote, read_inputs
from dateline.ingest.metadata import find_dateline, split_date_line, strip_boilerplate


def articles(items):
    return [i for i in items if not isinstance(i, IngestError | IngestNote)]


def errors(items):
    return [i for i in items if isinstance(i, IngestError)]


@pytest.mark.parametrize(("text", "place", "agency", "month", "day"), [
    ("MOSCOW, July 22. /TASS/. Russian President Vladimir Putin spoke.", "MOSCOW", "TASS", 7, 22),
    ("LAGOS, May 28 (Xinhua) -- Nigeria's president said.", "LAGOS", "Xinhua", 5, 28),
    ("WASHINGTON (Reuters) - The United States said.", "WASHINGTON", "Reuters", None, None),
    ("NEW DELHI, March 3 (PTI) - India and Nepal agreed.", "NEW DELHI", "PTI", 3, 3),
    ("PARIS (AFP) - France recalled its envoy.", "PARIS", "AFP", None, None),
    ("KYIV, 24 February (Reuters) - Explosions were heard.", "KYIV", "Reuters", 2, 24),
    ("BEIJING, Sept. 3 (Xinhua) -- China and Russia held talks.", "BEIJING", "Xinhua", 9, 3),
    ("DAKAR, Senegal (AP) — Protesters marched.", "DAKAR, Senegal", "AP", None, None),
])
def test_wire_datelines(text, place, agency, month, day):
    found = find_dateline(text)
    assert found is not None
    assert (found.place, found.agency, found.month, found.day) == (place, agency, month, day)
    assert text[found.end:].strip()[0].isupper()


@pytest.mark.parametrize("text", [
    "Russian President Vladimir Putin spoke to reporters.",
    "The talks (which began in May) ended.",
    "The Northern Fisheries Council (NFC) board has voted to close the bay.",
    "",
])
def test_no_dateline_in_plain_text(text):
    assert find_dateline(text) is None


def test_date_line_and_boilerplate():
    day, rest = split_date_line(" date 2021-08-25 MOSCOW, August 25. /TASS/. Text.")
    assert day == date(2021, 8, 25)
    assert rest.startswith("MOSCOW")
    title, body = strip_boilerplate("All news\n\nLeaders meet in Dushanbe\n\nDUSHANBE, May 2 (AP) - Body.")
    assert title == "Leaders meet in Dushanbe"
    assert body.startswith("DUSHANBE")


def test_text_file_with_date_line_and_dateline(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(" date 2021-07-22\n\nAll news\n\nTalks in Moscow\n\nMOSCOW, July 22. /TASS/. "
                    "Putin held talks with Rahmon.\n", encoding="utf-8")
    [article] = articles(read_inputs([str(path)]))
    assert article.id == "a"
    assert article.date == date(2021, 7, 22) and article.date_basis == "metadata"
    assert article.source == "TASS"
    assert article.dateline_place == "MOSCOW"
    assert article.title == "Talks in Moscow"
    assert "All news" not in article.text


def test_year_of_a_dateline_comes_from_the_date_option(tmp_path):
    path = tmp_path / "b.txt"
    path.write_text("LAGOS, May 28 (Xinhua) -- Nigeria's police arrested 12 people.", encoding="utf-8")
    [article] = articles(read_inputs([str(path)], default_date=date(2022, 6, 1)))
    assert article.date == date(2022, 5, 28) and article.date_basis == "dateline"
    [undated] = articles(read_inputs([str(path)]))
    assert undated.date is None and undated.date_basis == "unknown"


def test_jsonl_csv_and_directory(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.jsonl").write_text(
        '{"id": "j1", "text": "Iran and Iraq signed a deal.", "date": "2020-01-02", "source": "AP"}\n'
        '\n{"text": "Japan protested."}\n', encoding="utf-8")
    (tmp_path / "y.csv").write_text('id,text,date,title\nc1,"Chile, Peru talks.",2019-05-05,T\n',
                                    encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)]))
    assert not errors(items)
    by_id = {a.id: a for a in articles(items)}
    assert set(by_id) == {"j1", "sub/x-3", "c1"}  # an id-less record: the file's path in the directory, line
    assert by_id["j1"].source == "AP" and by_id["j1"].date == date(2020, 1, 2)
    assert by_id["c1"].title == "T" and by_id["c1"].text == "Chile, Peru talks."
    assert by_id["sub/x-3"].origin.endswith("x.jsonl:3")


def test_bad_inputs_give_one_error_each_and_the_rest_is_read(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"id": "ok", "text": "Fine."}\n{not json\n[1, 2]\n'
                                          '{"id": "nt"}\n{"id": "bd", "text": "x", "date": "May"}\n',
                                          encoding="utf-8")
    (tmp_path / "notext.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("Peru and Chile held talks.", encoding="utf-8")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")]))
    found = {str(e).split(": ", 1)[0].replace(str(tmp_path) + "/", ""): e.message for e in errors(items)}
    assert set(found) == {"bin.txt", "empty.txt", "lines.jsonl:2", "lines.jsonl:3",
                          "lines.jsonl:4", "lines.jsonl:5", "notext.csv:1",
                          "missing.txt"}
    assert "binary" in found["bin.txt"] and "empty" in found["empty.txt"]
    assert "text" in found["notext.csv:1"] and "JSON" in found["lines.jsonl:2"]
    assert {a.id for a in articles(items)} == {"ok", "good", "latin"}  # bad bytes replaced, and reported:
    [note] = [i for i in items if isinstance(i, IngestNote)]
    assert note.origin.endswith("latin.txt") and "U+FFFD" in note.message
    assert all("\n" not in str(e) for e in errors(items))


def test_stdin_text_and_jsonl():
    [article] = articles(read_inputs(["-"], stdin=io.StringIO("WASHINGTON (Reuters) - Talks.\n"),
                                     default_date=date(2023, 3, 1)))
    assert article.id == "stdin" and article.source == "Reuters" and article.date == date(2023, 3, 1)
    items = list(read_inputs(["-"], stdin=io.StringIO('\n{"id": "s1", "text": "A."}\n{"id": "s2", '
                                                      '"text": "B."}\n')))
    assert [a.id for a in articles(items)] == ["s1", "s2"]
    assert [str(e) for e in read_inputs(["-"], stdin=io.StringIO("  \n"))] == ["<stdin>: empty input"]


def test_html_page(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>Ministers meet</title><meta property='article:published_time' "
        "content='2021-03-04T10:00:00Z'><script>var x = 1;</script></head><body><nav>Home | World</nav>"
        "<article><h1>Ministers meet</h1><p>ANKARA (Reuters) - Turkey and Greece held talks.</p>"
        "<p>They agreed to meet again.</p></article><footer>Cookies</footer></body></html>",
        encoding="utf-8")
    [article] = articles(read_inputs([str(page)]))
    assert article.title == "Ministers meet"
    assert article.date == date(2021, 3, 4)
    assert "Turkey and Greece held talks." in article.text
    assert "var x" not in article.text and "Cookies" not in article.text
    assert article.source == "Reuters"


NEWS_PAGE = """<!DOCTYPE html>
<html><head><title>Ministers meet in Ankara | The Daily Example</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Ministers meet in Ankara", "datePublished": "2023-03-15T09:30:00Z"}</script>
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p></div>
<div class="nav"><a href="/">Home</a> <a href="/world">World</a></div>
<div class="content"><h1>Ministers meet in Ankara</h1>
<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<p>Turkish Foreign Minister Mevlut Cavusoglu held talks with his Hungarian counterpart Peter Szijjarto in Ankara
on Wednesday, the ministry said.
<p>The two ministers discussed trade, energy and the war in Ukraine, according to a statement.
<p><a href="/other">READ MORE: Protesters clash with police in Belgrade</a></p>
<p>Szijjarto said Hungary would continue to buy Russian gas and would block sanctions on nuclear energy.
<div class="tags">Tags: <a href="/t/turkey">Turkey</a> <a href="/t/hungary">Hungary</a></div></div>
<div class="comments"><h3>Comments</h3><p>John: This is outrageous, the government should resign now!</p></div>
<footer><p>Copyright 2023 The Daily Example. All rights reserved.</p></footer>
</body></html>"""


def test_html_without_article_tag_keeps_the_story_and_drops_the_page(tmp_path):
    page = tmp_path / "ankara.html"
    page.write_text(NEWS_PAGE, encoding="utf-8")
    [article] = articles(read_inputs([str(page)]))
    assert article.date == date(2023, 3, 15) and article.date_basis == "metadata"  # from JSON-LD
    assert article.title == "Ministers meet in Ankara"
    paragraphs = article.text.split("\n\n")
    assert len(paragraphs) == 3  # three story paragraphs, each <p> unclosed, none lost
    assert paragraphs[0].startswith("Turkish Foreign Minister") and paragraphs[2].startswith("Szijjarto said")
    for furniture in ("cookies", "Share on", "READ MORE", "Belgrade", "Tags", "outrageous", "Copyright", "Home"):
        assert furniture not in article.text


def test_small_html_fragment_with_unclosed_paragraphs_loses_nothing(tmp_path):
    page = tmp_path / "frag.html"
    page.write_text("<p>Police arrested 40 protesters in Dhaka.<p>Two were injured.<p>Talks resume today.",
                    encoding="utf-8")
    [article] = articles(read_inputs([str(page)]))
    assert article.text.split("\n\n") == ["Police arrested 40 protesters in Dhaka.", "Two were injured.",
                                          "Talks resume today."]


def test_a_time_stamp_does_not_make_the_story_boilerplate(tmp_path):
    story = tmp_path / "dhaka.txt"
    story.write_text("Updated at 10:32 GMT. Police arrested 40 protesters in Dhaka on Monday.", encoding="utf-8")
    [article] = articles(read_inputs([str(story)]))
    assert article.text == "Police arrested 40 protesters in Dhaka on Monday."


def test_pdf_and_other_binaries_are_refused_with_one_line(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    items = list(read_inputs([str(tmp_path / "report.pdf"), str(tmp_path / "photo.txt")]))
    assert [e.message.split(",")[0] for e in errors(items)] == ["a PDF document", "a PNG image"]
    assert not articles(items)


def test_ids_are_never_none_and_same_stems_stay_apart(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "news.txt").write_text("Iran and Iraq signed a deal.", encoding="utf-8")
    (tmp_path / "b" / "news.txt").write_text("Chile and Peru held talks.", encoding="utf-8")
    (tmp_path / "n.jsonl").write_text('{"id": null, "text": "A."}\n{"id": null, "text": "B."}\n', encoding="utf-8")
    ids = [a.id for a in articles(read_inputs([str(tmp_path)]))]
    assert ids == ["a/news", "b/news", "n-1", "n-2"]
