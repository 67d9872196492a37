"""The coder's word lists are lexicon data: bundled in data/lexicon/coder.yaml, changed by --lexicon."""

from __future__ import annotations

import pytest

from dateline.events.words import bundled_words, words_from
from dateline.lexicon import LexiconError, load_lexicon


def test_the_bundled_lists_load():
    WORDS = bundled_words()
    assert "massacre" in WORDS.killing_verbs and "journalist" in WORDS.person_nouns
    assert WORDS.target_preps[:3] == ("with", "against", "on")  # "on" stays a word; the map keeps the order
    assert {"LAB", "CVL"} <= WORDS.domestic_sectors and "REB" in WORDS.armed_non_state_sectors
    assert {"crossing", "parliament"} <= WORDS.place_nouns


def test_a_user_lexicon_changes_the_coders_words(tmp_path):
    mine = tmp_path / "words.yaml"
    mine.write_text("killing_verbs:\n  add: [behead]\nperson_nouns:\n  remove: [journalist]\n", encoding="utf-8")
    words = words_from(load_lexicon([mine]))
    assert {"behead", "kill"} <= words.killing_verbs and "journalist" not in words.person_nouns
    assert words.mass_words == bundled_words().mass_words


def test_a_misspelt_name_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("person_nouns:\n  add: [envoy]\nkiling_verbs:\n  add: [behead]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_lexicon([bad])
    assert str(err.value).startswith(f"{bad}:3: ")
