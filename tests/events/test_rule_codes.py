"""The CAMEO code conditions of the named rules are lexicon data (data/lexicon/coder.yaml): a user
file (--lexicon) that changes one changes what the rule does on a real parse; a bad entry names its
file and line."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dateline.cli import main


def _coded(tmp_path, sentence: str, lexicon: str | None = None) -> list[tuple[str, str]]:
    """(CAMEO code, modality) of each event `dateline [--lexicon mine.yaml] code` finds in `sentence`."""
    story = tmp_path / "story.txt"
    story.write_text(sentence + "\n", encoding="utf-8")
    options = []
    if lexicon:
        mine = tmp_path / "mine.yaml"
        mine.write_text(lexicon, encoding="utf-8")
        options = ["--lexicon", str(mine)]
    result = CliRunner().invoke(main, [*options, "code", str(story), "--date", "2024-05-08", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return [(e["cameo"], e["modality"]) for e in events]


@pytest.mark.parametrize(("sentence", "change", "bundled", "mine"), [
    ("Soldiers killed hundreds of civilians in Ukraine.", 'mass_killing_codes:\n  remove: ["18"]\n',
     [("202", "asserted")], [("180", "asserted")]),
    ("Putin discussed trade during a telephone conversation with Erdogan.", 'meeting_roots:\n  remove: ["04"]\n',
     [("041", "asserted")], [("040", "asserted")]),
    ("Finland will give Tanzania a grant.", 'intent_roots:\n  remove: ["07"]\n',
     [("0331", "asserted")], [("071", "intended")]),
    ("The opposition will boycott the elections in Kenya.", 'threat_roots:\n  remove: ["12", "14"]\n',
     [("130", "asserted")], [("125", "intended")]),
    ("Russian troops shelled Kharkiv in an attack on the city.", 'forceful_roots:\n  remove: ["19"]\n',
     [("194", "asserted")], [("194", "asserted"), ("190", "asserted")]),
])
def test_a_users_rule_codes_change_what_the_rule_does(tmp_path, sentence, change, bundled, mine):
    assert _coded(tmp_path, sentence) == bundled
    assert _coded(tmp_path, sentence, change) == mine


@pytest.mark.parametrize(("text", "message"), [
    ("mass_killing_codes:\n  words: [\"18\"]\n", "is a map in lexicon/coder.yaml"),
    ("mass_killing_codes:\n  add: {\"18\": [\"202\", \"203\"]}\n  colour: red\n", "unknown key(s) ['colour']"),
    ("intent_roots:\n  add: \"10\"\n", "must be a list of words"),
    ("threat_roots:\n  map: {\"13\": \"138\"}\n", "is a word set in lexicon/coder.yaml"),
    ("meeting_roots:\n  add: [\"04\", \"04\"]\n", "repeats ['04']"),
])
def test_a_bad_rule_code_entry_names_the_file_and_line(lexicon_error, text, message):
    assert message in lexicon_error(text).message
