"""Every word of a date expression is lexicon data (data/lexicon/dates.yaml): a user file changes what
is found and how it resolves, and a bad entry is an error naming the file and line."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.lexicon import default_lexicon, load_lexicon
from dateline.when import find_date_expressions, resolve, spellings

PUB = date(2024, 5, 8)  # a Wednesday


def _lexicon(tmp_path, text: str):
    path = tmp_path / "dates.yaml"
    path.write_text(text, encoding="utf-8")
    return load_lexicon([path])


def _found(text: str, lexicon=None) -> list[str]:
    return [m.text for m in find_date_expressions(text, lexicon)]


def _value(text: str, lexicon=None, tense: str = "past") -> str | None:
    ref = resolve(text, PUB, tense, lexicon)
    return ref.value.isoformat() if ref and ref.value else None


# (entry changed by the user file, sentence, what the bundled words find, what the user's find)
FOUND = [
    ("time_units:\n  add: {wk: week}\n", "The envoy left last wk.", [], ["last wk"]),
    ("date_modifiers:\n  remove: [early]\n", "Floods came in early spring.", ["in early spring"], ["spring"]),
    ("date_prepositions:\n  add: [before]\n", "Talks stalled before March.", [], ["before March"]),
    ("unit_shifts:\n  remove: [earlier]\n", "They met earlier this week.", ["earlier this week"], ["this week"]),
    ("day_parts:\n  add: [dawn]\n", "Troops moved on Monday dawn.", ["on Monday"], ["on Monday dawn"]),
    ("deictic_days:\n  add: {the other day: -2}\n", "They met the other day.", [], ["the other day"]),
    ("deictic_weekends:\n  add: [over the long weekend]\n", "They met over the long weekend.", [],
     ["over the long weekend"]),
    ("date_lookalikes:\n  add: [sunday express]\n", "Sunday Express readers wrote in.", ["Sunday"], []),
    ("noun_date_words:\n  remove: [sunday]\n", "He read the Sunday papers.", [], ["Sunday"]),
    ("month_parts:\n  add: {the close of: 25}\n", "Aid arrives at the close of June.", ["June"],
     ["the close of June"]),
    ("year_parts:\n  add: {the close of: 10}\n", "Aid arrives at the close of 2025.", ["of 2025"],
     ["the close of 2025"]),
]


@pytest.mark.parametrize(("change", "text", "bundled", "mine"), FOUND)
def test_a_user_file_changes_what_is_found(tmp_path, change, text, bundled, mine):
    assert _found(text) == bundled
    assert _found(text, _lexicon(tmp_path, change)) == mine


# (entry changed by the user file, expression, tense, its date with the bundled words, with the user's)
RESOLVED = [
    ("time_units:\n  add: {wk: week}\n", "last wk", "past", None, "2024-04-29"),
    ("leading_words:\n  remove: [around]\n", "around last week", "past", "2024-04-29", None),
    ("month_parts:\n  add: {late: 25}\n", "late May 2023", "past", "2023-05-20", "2023-05-25"),
    ("year_parts:\n  add: {late: 10}\n", "late 2023", "past", "2023-09-01", "2023-10-01"),
    ("deictic_days:\n  add: {yesterday: -2}\n", "yesterday", "past", "2024-05-07", "2024-05-06"),
    ("deictic_weekends:\n  remove: [over the weekend]\n", "over the weekend", "past", "2024-05-04", None),
    ("direction_words:\n  add: {this: future}\n", "this Friday", "present", "2024-05-03", "2024-05-10"),
    ("relative_steps:\n  add: {this: 1}\n", "this month", "present", "2024-05-01", "2024-06-01"),
    ("date_modifiers:\n  add: [coming]\n", "coming spring", "present", None, "2025-03-01"),
]


@pytest.mark.parametrize(("change", "text", "tense", "bundled", "mine"), RESOLVED)
def test_a_user_file_changes_how_an_expression_resolves(tmp_path, change, text, tense, bundled, mine):
    assert _value(text, tense=tense) == bundled
    assert _value(text, _lexicon(tmp_path, change), tense) == mine


@pytest.mark.parametrize(("text", "message"), [
    ("time_units:\n  add: {fortnight: fortnight}\n", "must map to one of ['day', 'week'"),
    ("direction_words:\n  add: {soon: later}\n", "must map to one of ['future', 'past']"),
    ("month_parts:\n  add: {late: twenty}\n", "must map to a whole number"),
    ("deictic_days:\n  map: {yesterday: [one]}\n", "must map to a whole number"),
    ("deictic_days:\n  words: [yesterday]\n", "is a map in lexicon/dates.yaml"),
    ("day_parts:\n  map: {dawn: 1}\n", "is a word set in lexicon/dates.yaml"),
    ("unit_shifts:\n  add: [earlier]\n  colour: red\n", "unknown key(s) ['colour']"),
])
def test_a_bad_date_entry_names_the_file_and_line(lexicon_error, text, message):
    assert message in lexicon_error(text).message


def test_the_patterns_are_compiled_once_per_lexicon(tmp_path):
    lexicon = default_lexicon()
    assert spellings(lexicon) is spellings(lexicon)
    mine = _lexicon(tmp_path, "unit_shifts:\n  add: [soon]\n")
    assert spellings(mine) is not spellings(lexicon) and spellings(mine) is spellings(mine)


def test_a_user_file_that_empties_an_entry_finds_none_of_its_words(tmp_path):
    mine = _lexicon(tmp_path, "deictic_days:\n  map: {}\n")
    assert _found("They met yesterday and today.", mine) == []
    assert _found("They met yesterday and today.") == ["yesterday", "today"]
