"""The words of page furniture are lexicon data (data/lexicon/ingest.yaml): a user file (--lexicon)
changes which teaser links, furniture lines and time stamps are dropped; a bad entry names its line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.ingest import read_inputs
from dateline.ingest.metadata import strip_boilerplate
from dateline.lexicon import load_lexicon
from dateline.records import Article

STORY = "Turkish and Hungarian ministers held talks in Ankara on Wednesday, the ministry said."
PAGE = ("<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1>"
        f"<p>{STORY}</p><p>Watch now: highlights of the week in pictures</p>"
        "<p>They agreed to meet again in Budapest next month.</p></article></body></html>")


def _lexicon(tmp_path, text: str):
    path = tmp_path / "page.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lexicon([path])


def _article(tmp_path, lexicon=None) -> Article:
    page = tmp_path / "p.html"
    page.write_text(PAGE, encoding="utf-8")
    [article] = [a for a in read_inputs([str(page)], lexicon=lexicon) if isinstance(a, Article)]
    return article


def test_a_users_teaser_label_drops_the_teaser_paragraph(tmp_path):
    assert "highlights of the week" in _article(tmp_path).text
    mine = _article(tmp_path, _lexicon(tmp_path, "teaser_labels:\n  add: [watch now]\n"))
    assert "highlights of the week" not in mine.text and STORY in mine.text and "Budapest" in mine.text


@pytest.mark.parametrize(("change", "text", "bundled", "mine"), [
    ("page_furniture:\n  add: [daily newsletter]\n", f"Daily newsletter\n{STORY}", ("Daily newsletter", STORY),
     (None, STORY)),
    ("page_furniture:\n  remove: [advertisement]\n", f"Advertisement\nMinisters meet\n{STORY}",
     ("Ministers meet", STORY), (None, f"Advertisement\nMinisters meet\n{STORY}")),
    ("stamp_words:\n  add: [modified]\n", f"Modified 3 May 2024\n{STORY}", ("Modified 3 May 2024", STORY),
     (None, STORY)),
    ("stamp_words:\n  add: [modified]\n", f"Modified at 10:32 GMT. {STORY}", (None, f"Modified at 10:32 GMT. {STORY}"),
     (None, STORY)),
])
def test_a_users_furniture_words_change_what_is_stripped(tmp_path, change, text, bundled, mine):
    assert strip_boilerplate(text) == bundled
    assert strip_boilerplate(text, _lexicon(tmp_path, change)) == mine


def test_a_users_page_words_reach_the_command_line(tmp_path):
    """`dateline --lexicon mine.yaml code page.html`: the teaser the user names is no event."""
    page = tmp_path / "p.html"
    page.write_text(PAGE.replace("highlights of the week in pictures", "Syrian rebels attacked Aleppo"),
                    encoding="utf-8")
    mine = tmp_path / "mine.yaml"
    mine.write_text("teaser_labels:\n  add: [watch now]\n", encoding="utf-8")

    def codes(*options: str) -> list[str]:
        result = CliRunner().invoke(main, [*options, "code", str(page), "--date", "2024-05-08", "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        return sorted(json.loads(line)["cameo"] for line in result.stdout.splitlines() if line.startswith("{"))

    plain, users = codes(), codes("--lexicon", str(mine))
    assert any(code.startswith("19") for code in plain)
    assert not any(code.startswith("19") for code in users) and users


@pytest.mark.parametrize(("text", "message"), [
    ("teaser_labels:\n  add: watch now\n", "must be a list of words"),
    ("page_furniture:\n  map: {menu: 1}\n", "is a word set in lexicon/ingest.yaml"),
    ("stamp_words:\n  remove: [updated]\n  colour: red\n", "unknown key(s) ['colour']"),
])
def test_a_bad_page_entry_names_the_file_and_line(lexicon_error, text, message):
    assert message in lexicon_error(text).message
