"""The coder's word lists are data: validated (file:line errors), extendable by a user's file."""

from __future__ import annotations

import pytest

from dateline.events.words import WORDS, WordsError, load_words


def test_the_bundled_lists_load():
    assert "massacre" in WORDS.killing_verbs and "journalist" in WORDS.person_nouns
    assert WORDS.target_preps[:3] == ("with", "against", "on")  # "on" stays a word, not a YAML boolean


def test_a_user_file_adds_words(tmp_path):
    mine = tmp_path / "words.yaml"
    mine.write_text("killing_verbs: [behead]\nperson_nouns: [envoy, journalist]\n", encoding="utf-8")
    words = load_words([mine])
    assert {"behead", "kill"} <= words.killing_verbs and "envoy" in words.person_nouns
    assert words.mass_words == WORDS.mass_words


@pytest.mark.parametrize(("text", "line", "message"), [
    ("person_nouns: [envoy]\nkiling_verbs: [behead]\n", 2, "unknown key 'kiling_verbs'"),
    ("person_nouns: envoy\n", 1, "expected a list of words"),
    ("person_nouns: [envoy\n", 2, "not valid YAML"),
    ("- envoy\n", 1, "expected a mapping"),
])
def test_a_bad_user_file_names_file_and_line(tmp_path, text, line, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    with pytest.raises(WordsError) as err:
        load_words([bad])
    assert str(err.value).startswith(f"{bad}:{line}: ") and message in str(err.value)
