"""Word lists as data: the lexicon files, their validation and a user's changes (--lexicon)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.lexicon import LexiconError, bundled_files, default_lexicon, load_lexicon
from dateline.pipeline import build_screen
from dateline.settings import Settings


def _write(tmp_path, text: str, name: str = "mine.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bundled_entry_has_a_description_and_words_or_a_map():
    lexicon = default_lexicon()
    assert bundled_files()
    assert set(lexicon.descriptions) == set(lexicon.sets) | set(lexicon.maps)
    assert all(lexicon.descriptions.values())
    assert "held" in lexicon.mapping("irregular_forms")["hold"]
    assert "stadium" in lexicon.words("domain_words")


def test_a_user_file_adds_removes_and_replaces(tmp_path):
    mine = _write(tmp_path, "domain_words:\n  add: [curling]\n  remove: [stadium]\n"
                            "us_state_names:\n  words: [texas]\n"
                            "irregular_forms:\n  add: {slay: [slew, slain]}\n"
                            "my_words:\n  description: Mine.\n  words: [alpha, beta]\n  include: [us_state_names]\n")
    lexicon = load_lexicon([mine])
    assert "curling" in lexicon.words("domain_words") and "stadium" not in lexicon.words("domain_words")
    assert lexicon.words("us_state_names") == {"texas"}
    assert lexicon.mapping("irregular_forms")["slay"] == ("slew", "slain")
    assert lexicon.words("my_words") == {"alpha", "beta", "texas"}
    assert "stadium" in default_lexicon().words("domain_words")  # the bundled lexicon is untouched


@pytest.mark.parametrize(("text", "line", "message"), [
    ("domain_words:\n  add: [curling]\n  colour: red\n", 1, "unknown key(s) ['colour']"),
    ("domain_words:\n  add: curling\n", 1, "must be a list of words"),
    ("\nnew_words:\n  words: [a, b]\n", 2, "needs a `description`"),
    ("new_words:\n  description: x\n  words: [a, b, a]\n", 1, "repeats ['a']"),
    ("a:\n  description: x\n  words: [b]\na:\n  description: y\n  words: [c]\n", 4, "defined twice"),
    ("missing:\n  add: [b]\n", 1, "no such lexicon entry"),
    ("new_words:\n  description: x\n  words: [a]\n  include: [nothing_here]\n", 1, "which is no word set"),
    ("months_x:\n  description: x\n  map: {a: [1]}\n", 1, "must map words"),
    ("- a\n- b\n", 1, "expected a mapping"),
    ("a: [b\n", 2, "not valid YAML"),
])
def test_bad_entries_name_file_and_line(tmp_path, text, line, message):
    path = _write(tmp_path, text)
    with pytest.raises(LexiconError) as err:
        load_lexicon([path])
    assert err.value.path == str(path) and err.value.line == line
    assert message in err.value.message


def test_no_module_reads_a_lexicon_file_when_it_is_imported():
    """The bundled lexicon is read when first asked for, so a run with the user's files never
    builds word sets from the bundled ones alone at import."""
    import subprocess
    import sys

    code = ("import dateline.cli, dateline.pipeline, dateline.events.coder, dateline.events.noise, "
            "dateline.events.screen, dateline.events.rules, dateline.where, dateline.when, dateline.ingest\n"
            "from dateline.lexicon import lexicon_for\nprint(lexicon_for.cache_info().misses)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_a_bad_lexicon_file_is_one_line_on_the_command_line(tmp_path):
    bad = _write(tmp_path, "domain_words:\n  add: [curling]\n  colour: red\n")
    story = _write(tmp_path, "Talks were held in Geneva.\n", "story.txt")
    result = CliRunner().invoke(main, ["--lexicon", str(bad), "code", str(story), "--date", "2024-05-08"])
    assert result.exit_code == 2
    assert f"{bad}:1: 'domain_words': unknown key(s)" in result.output
    assert len(result.output.strip().splitlines()) == 1


STORY = "Syrian rebels fought government soldiers near Aleppo on Monday.\n"


def _code(tmp_path, *options: str) -> list[dict]:
    story = _write(tmp_path, STORY, "story.txt")
    result = CliRunner().invoke(main, [*options, "code", str(story), "--date", "2024-05-08", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_a_user_lexicon_reaches_the_screen_of_a_run(tmp_path):
    """Without 'fought' among the forms of 'fight', the screen blanks the sentence: no event."""
    assert [e["cameo"] for e in _code(tmp_path)]
    no_fought = _write(tmp_path, "irregular_forms:\n  remove: [fight]\n")
    assert _code(tmp_path, "--lexicon", str(no_fought)) == []
    screen = build_screen(Settings(lexicon_files=(no_fought,)))
    assert screen is not None and not screen.wanted(STORY)


def test_a_user_lexicon_reaches_the_domain_check_before_the_parse(tmp_path):
    """Words a user adds to the domain vocabulary make an article a domain text: not coded at all,
    while the other articles of the batch keep their events, in input order."""
    from dateline.pipeline import _code_batch
    from dateline.records import Article

    bonspiel = " ".join(["The curlers swept the sheet at the bonspiel and the skip called the stone."] * 6)
    story = bonspiel + " Rebels attacked the town of Goma on Monday."
    articles = [Article(id="a", text=story), Article(id="b", text="Syrian rebels attacked Aleppo on Monday.")]
    plain = _code_batch(articles, Settings())
    assert [c.article.id for c in plain] == ["a", "b"] and plain[0].events and plain[1].events
    curling = _write(tmp_path, "domain_words:\n  add: [curlers, bonspiel, sheet, skip, stone]\n")
    mine = _code_batch(articles, Settings(lexicon_files=(curling,)))
    assert [c.article.id for c in mine] == ["a", "b"]
    assert mine[0].events == () and mine[0].error is None and mine[1].events == plain[1].events


def _coded(tmp_path, sentence: str, lexicon: str | None = None) -> list[dict]:
    """`dateline [--lexicon mine.yaml] code` of one sentence dated 2024-05-08."""
    story = _write(tmp_path, sentence + "\n", "story.txt")
    options = ["--lexicon", str(_write(tmp_path, lexicon))] if lexicon else []
    result = CliRunner().invoke(main, [*options, "code", str(story), "--date", "2024-05-08", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def test_a_user_lexicon_reaches_the_frames_of_the_parse(tmp_path):
    """Without 'could' among the hypothetical auxiliaries, "could attack" is told as a fact."""
    sentence = "Turkey could attack Syria."
    [plain] = _coded(tmp_path, sentence)
    [mine] = _coded(tmp_path, sentence, "hypothetical_aux:\n  remove: [could]\n")
    assert (plain["cameo"], plain["modality"]) == ("190", "hypothetical")
    assert (mine["cameo"], mine["modality"]) == ("190", "asserted") and mine["confidence"] > plain["confidence"]


def test_a_user_lexicon_reaches_the_actor_resolver(tmp_path):
    """A user's quantity word is looked through for the actor it counts: 'a throng of' protesters."""
    sentence = "A throng of Syrian protesters attacked the embassy of Turkey."
    [plain] = _coded(tmp_path, sentence)
    [mine] = _coded(tmp_path, sentence, "quantity_heads:\n  add: [throng]\n")
    assert [(a["text"], a["code"]) for a in plain["source"]] == [("A throng of Syrian protesters", "SYRCVL")]
    assert [(a["text"], a["code"]) for a in mine["source"]] == [("Syrian protesters", "SYRCVL")]


@pytest.mark.parametrize(("sentence", "lexicon", "before", "after"), [
    ("Syrian rebels attacked Aleppo the previous day.", "deictic_days:\n  add: {the previous day: -2}\n",
     "2024-05-07", "2024-05-06"),
    ("Syrian rebels attacked Aleppo last fall.", "seasons:\n  add: {fall: 10}\n", "2023-09-01", "2023-10-01"),
    ("Syrian rebels attacked Aleppo in late 2023.", "year_parts:\n  add: {late: 11}\n", "2023-09-01", "2023-11-01"),
    ("Syrian rebels attacked Aleppo two weeks ago.", "numbers:\n  add: {two: 3}\n", "2024-04-24", "2024-04-17"),
])
def test_a_user_lexicon_reaches_the_dates(tmp_path, sentence, lexicon, before, after):
    [plain] = _coded(tmp_path, sentence)
    [mine] = _coded(tmp_path, sentence, lexicon)
    assert plain["date"]["value"] == before and mine["date"]["value"] == after
    assert mine["date"]["text"] == plain["date"]["text"]


def test_a_users_date_words_reach_the_coded_events(tmp_path):
    """A phrase of the user's becomes the date of the event it dates: the last weekend."""
    sentence = "Syrian rebels attacked Aleppo over the long weekend."
    [plain] = _coded(tmp_path, sentence)
    [mine] = _coded(tmp_path, sentence, "deictic_weekends:\n  add: [over the long weekend]\n")
    assert (plain["date"]["value"], plain["date"]["basis"]) == ("2024-05-08", "publication")
    assert (mine["date"]["value"], mine["date"]["text"]) == ("2024-05-04", "over the long weekend")


def test_a_user_lexicon_reaches_the_gazetteer_qualifiers(tmp_path):
    """'Paris, Texas' is in the USA while Texas is a US state name; a user file can say otherwise."""
    from dateline.where import default_gazetteer

    gazetteer = default_gazetteer()
    mine = gazetteer.with_lexicon(load_lexicon([_write(tmp_path, "us_state_names:\n  remove: [texas]\n")]))
    assert mine.index is gazetteer.index  # the same tables, read with other words
    assert gazetteer.geocode("Paris", qualifier="Texas").country == "USA"
    assert mine.geocode("Paris", qualifier="Texas").country == "FRA"


def test_a_user_month_spelling_reaches_the_date_patterns(tmp_path):
    """'Febr.' becomes a month name: a date in the text and the month of a wire dateline."""
    spelling = "months:\n  add: {febr: 2}\n"
    sentence = "Syrian rebels attacked Aleppo on 3 Febr. 2023."
    [plain] = _coded(tmp_path, sentence)
    [mine] = _coded(tmp_path, sentence, spelling)
    assert (plain["date"]["value"], plain["date"]["basis"]) == ("2024-05-08", "publication")
    assert (mine["date"]["value"], mine["date"]["text"]) == ("2023-02-03", "on 3 Febr. 2023")
    wire = "DAMASCUS, Febr. 3 (Reuters) - Syrian rebels attacked Aleppo."
    assert [e["date"]["value"] for e in _coded(tmp_path, wire)] == ["2024-05-08"]
    assert [e["date"]["value"] for e in _coded(tmp_path, wire, spelling)] == ["2024-02-03"]


def test_month_and_weekday_patterns_are_spelt_from_the_lexicon():
    from dateline.when import find_date_expressions, spellings

    names = spellings(default_lexicon())
    assert names.weekday == "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    assert "Sept\\.?|Sep\\.?" in names.month and "March" not in names.long_month
    said = "Iran May retaliate, officials said in March; July was calm."
    assert [m.text for m in find_date_expressions(said)] == ["in March", "July"]
