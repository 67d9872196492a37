"""Trigger pattern files: loading, user overrides, transforms, and errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events.ontology import Ontology
from dateline.events.patterns import PatternError, load_patterns


@pytest.fixture(scope="module")
def codes() -> set[str]:
    return set(Ontology.default().codes())


def test_bundled_patterns_use_only_known_codes(codes):
    patterns = load_patterns(codes=codes)
    assert "attack" in patterns.verbs and "talk" in patterns.nouns and "agree" in patterns.control
    for rules in patterns.verbs.values():
        assert all(r.code in codes for r in rules)


def test_prepositions_stay_words_not_booleans(codes):
    patterns = load_patterns(codes=codes)
    assert any("on" in r.prep for r in patterns.verbs["agree"])


@pytest.mark.parametrize(("kind", "code", "expected"), [
    ("intent", "0874", "0356"),
    ("intent", "041", "036"),
    ("threat", "163", "1312"),
    ("threat", "190", "138"),
    ("reject", "046", "125"),
    ("appeal", "070", "023"),
    ("demand", "0874", "1056"),
    ("intent", "999", "030"),
])
def test_transforms_by_longest_prefix(codes, kind, code, expected):
    assert load_patterns(codes=codes).transform(kind, code) == expected


def test_user_file_adds_rules_that_win(tmp_path: Path, codes):
    user = tmp_path / "mine.yaml"
    user.write_text("verbs:\n  - {lemma: snub, code: '120'}\n  - {lemma: attack, code: '195'}\n")
    patterns = load_patterns([user], codes=codes)
    assert patterns.verbs["snub"][0].code == "120"
    assert patterns.verbs["attack"][0].code == "195"


@pytest.mark.parametrize(("body", "line", "words"), [
    ("verbs:\n  - {lemma: a, code: '041'}\n  - {lemma: b, code: 'x41'}\n", 3, "bad CAMEO code"),
    ("verbs:\n  - {lemma: a, code: '041', colour: red}\n", 2, "unknown key"),
    ("nouns:\n  - {code: '041'}\n", 2, "needs `lemma`"),
    ("verbs:\n  - {lemma: a, code: '0999'}\n", 2, "not in the ontology"),
])
def test_errors_name_the_line(tmp_path: Path, codes, body, line, words):
    user = tmp_path / "bad.yaml"
    user.write_text(body)
    with pytest.raises(PatternError) as info:
        load_patterns([user], codes=codes)
    assert info.value.line == line
    assert words in str(info.value)
    assert str(info.value).startswith(f"{user}:{line}:")


def test_nonfactual_control_words_are_listed_once_and_read_with_the_lexicon(tmp_path):
    """A control word marked `nonfactual: true` makes its complement hypothetical; it is no longer
    repeated in the lexicon's nonfactual_governors, which keeps only the words that are no control words."""
    from dateline.lexicon import default_lexicon
    from dateline.pipeline import build_coder
    from dateline.settings import Settings

    patterns = load_patterns()
    marked = patterns.nonfactual_words()
    assert {"urge", "threaten", "ready", "readiness"} <= marked and "decide" not in marked
    lexicon_words = default_lexicon().words("nonfactual_governors")
    assert not lexicon_words & (set(patterns.control) | set(patterns.control_nouns))
    assert build_coder(Settings()).parse_lexicon.words("nonfactual_governors") == lexicon_words | marked
    bad = tmp_path / "bad.yaml"
    bad.write_text("control:\n  beg: {transform: appeal, nonfactual: maybe}\n")
    with pytest.raises(PatternError, match="`nonfactual` must be true or false"):
        load_patterns([bad])
