"""Statements (CAMEO 01) as events with no PLOVER type; --no-statements; scoring and exports of them
(real spaCy parses, the real CLI)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate import evaluate_file
from dateline.events.ontology import Ontology
from dateline.pipeline import build_screen, code_articles
from dateline.records import Article
from dateline.settings import Settings

DAY = date(2024, 3, 4)


def code(text: str, settings: Settings | None = None) -> list:
    [coded] = code_articles([Article(id="s", text=text, date=DAY)], settings or Settings())
    return list(coded.events)


def statements(text: str, settings: Settings | None = None) -> list[tuple[str, str, str]]:
    return [(e.cameo, ",".join(a.code or "" for a in e.source), ",".join(a.code or "" for a in e.target))
            for e in code(text, settings) if e.cameo.startswith("01")]


def test_a_political_speaker_makes_a_statement_to_the_addressee_with_no_plover_type():
    [event] = [e for e in code("Turkish Foreign Minister Hakan Fidan told Greece on Tuesday that the border "
                               "would stay open.") if e.cameo.startswith("01")]
    assert event.cameo == "010" and event.source[0].code == "TURGOV" and event.target[0].country == "GRC"
    assert event.plover.event is None and event.quad_class == 1 and event.goldstein == 0.0
    assert event.to_dict()["plover"]["event"] is None


def test_telling_reporters_names_no_target():
    found = statements("The Egyptian foreign minister told reporters in Cairo that the crossing would reopen.")
    assert found == [("010", "EGYGOV", "")]


def test_the_content_of_a_statement_is_its_own_event_attributed_to_the_speaker():
    events = code("The Ukrainian defence ministry said Russian forces had shelled Kherson overnight.")
    said = [e for e in events if e.cameo == "010"]
    shelled = [e for e in events if e.cameo.startswith("19")]
    assert said and said[0].source[0].code.startswith("UKR")
    assert shelled and shelled[0].source[0].code.startswith("RUS") and shelled[0].attributed_to


@pytest.mark.parametrize(("text", "code_"), [
    ("The Canadian prime minister said he was optimistic that the strike would end soon.", "013"),
    ("The Brazilian president said he was worried about the drought in the Amazon.", "012"),
    ("The Polish government said it was considering new tariffs on grain imports.", "014"),
    ("Turkey denied that its warplanes had entered Greek airspace.", "016"),
    ("The Indian foreign ministry declined to comment on the arrests.", "011"),
])
def test_what_is_said_chooses_the_sub_code(text, code_):
    assert code_ in {c for c, _, _ in statements(text)}


def test_declining_to_comment_is_no_refusal():
    assert not [e for e in code("The Indian foreign ministry declined to comment on the arrests.")
                if e.cameo.startswith("12")]


@pytest.mark.parametrize("text", [
    "A Chilean farmer said the river had dried up in June.",  # described only by nationality
    "Residents of Lagos said the water had risen overnight.",  # no political speaker
    "The German chancellor did not say when the talks would resume.",  # negated
    "Mr Hargreaves said the new bridge would cost more than planned.",  # a person of unknown role
])
def test_no_statement_without_a_political_speaker_that_says_something(text):
    assert statements(text) == []


def test_the_screen_keeps_a_statement_sentence_only_with_a_speaker_cue():
    screen = build_screen(Settings())
    assert screen is not None
    assert screen.wanted("The Kremlin said its sales were higher.")
    assert screen.wanted("The minister said its sales were higher.")
    assert screen.wanted("Its sales were higher, he said.")
    assert not screen.wanted("The company said its sales were higher.")
    off = build_screen(Settings(statements=False))
    assert off is not None and not off.wanted("The Kremlin said its sales were higher.")


def test_no_statements_leaves_them_out_through_the_cli(tmp_path: Path):
    story = tmp_path / "s.txt"
    story.write_text("The Kenyan interior ministry said on Monday that police had arrested 40 protesters "
                     "in Nairobi.\n", encoding="utf-8")
    runner = CliRunner()
    codes = {}
    for args in ([], ["--no-statements"]):
        result = runner.invoke(main, [*args, "code", str(story), "--date", "2024-03-04", "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        codes[bool(args)] = {json.loads(line)["cameo"][:2] for line in result.stdout.splitlines()}
    assert "01" in codes[False] and "01" not in codes[True]
    assert codes[False] - {"01"} == codes[True] and codes[True]  # the arrest stays


def test_a_plover_gold_file_does_not_count_statements(tmp_path: Path):
    """The speaker's statement has no PLOVER type: no false positive against PLOVER gold."""
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([{"id": "1", "date": "2024-03-04", "event": "ASSAULT", "source": "RUS",
                                 "target": "UKR", "text": "The Ukrainian defence ministry said Russian "
                                 "forces had shelled Kherson overnight."}]), encoding="utf-8")
    report = evaluate_file(gold, Settings())
    assert report.scores["event"].fp == 0 and report.scores["event"].tp == 1
    assert report.scores["plover"].fp == 0


def test_the_former_statement_label_of_gold_files_is_no_plover_type(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "date": "2024-03-04", "text": "The Kremlin said the decision was final.",
                                "events": [{"cameo": "010", "plover": "STATEMENT", "source": ["RUSGOV"],
                                            "target": []}]}) + "\n", encoding="utf-8")
    report = evaluate_file(gold, Settings())
    assert report.scores["root"].tp == 1 and report.typed_sentences == 0
    assert report.scores["plover"].tp + report.scores["plover"].fp + report.scores["plover"].fn == 0


def test_the_ontology_has_no_plover_type_for_statements_and_still_checks_the_others(tmp_path: Path):
    assert all(Ontology.default().get(c).plover_event is None for c in ("01", "010", "016", "019"))
    assert Ontology.default().get("190").plover_event == "ASSAULT"
    bad = tmp_path / "bad.tsv"
    bad.write_text("0191\tA statement\tSTATEMENT\t\t\t0.0\t1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown PLOVER event 'STATEMENT'"):
        Ontology.load([bad])


def test_a_user_lexicon_reaches_the_statement_verbs(tmp_path: Path):
    text = "The Kenyan interior ministry said on Monday that the curfew would end."
    assert ("010", "KENGOV", "") in statements(text)
    no_say = tmp_path / "no_say.yaml"
    no_say.write_text("statement_verbs:\n  remove: [say]\n", encoding="utf-8")
    assert statements(text, Settings(lexicon_files=(no_say,))) == []
