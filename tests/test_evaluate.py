"""Gold readers of `dateline evaluate`: a bad record is one error naming file and line, nothing coded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import GoldEvent, GoldFormatError, GoldSentence, Report, read_gold, score_sentence

GOOD = {"id": "g1", "text": "Police arrested ten protesters in Lagos.", "date": "2023-03-16",
        "events": [{"cameo": "173", "plover": "ARREST", "source": ["NGACOP"], "target": ["NGAOPP"]}]}


def test_dateline_gold_is_read_and_a_bad_line_names_file_and_line(tmp_path: Path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n", encoding="utf-8")
    [sentence] = read_gold(path)
    assert sentence.id == "g1" and sentence.events[0].cameo == "173"
    path.write_text(json.dumps(GOOD) + "\n\n" + '{"id": "g2", "events": []}\n', encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"gold\.jsonl:3: bad gold record"):
        read_gold(path)


def test_plover_lines_read_back_and_a_bad_line_names_file_and_line(tmp_path: Path):
    path = tmp_path / "export.jsonl"
    record = {"id": "e1", "storyId": "s1", "text": "Police arrested ten protesters in Lagos.",
              "date": "2023-03-16", "event": "ARREST", "eventText": "arrested", "cameo": "173", "source": "NGACOP",
              "target": "NGAOPP"}
    path.write_text(json.dumps(record) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(GoldFormatError, match=r"export\.jsonl:2: bad PLOVER record"):
        read_gold(path)


def test_a_group_is_scored_at_the_country_it_belongs_to(code_text):
    """Gold coded at country level ('LBN' for a Hezbollah attack) matches the group's country, not
    just the first letters of its code ('HEZ'); a wrong country still misses."""
    text = "Hezbollah fighters killed two Israeli soldiers on Sunday."
    coded = code_text(text)
    assert {a.code for e in coded for a in e.source} == {"HEZ"}
    for gold, hits in (("LBN", 1), ("SYR", 0)):
        report = Report("gold")
        sentence = GoldSentence("g", text, None, (GoldEvent(None, "ASSAULT", (gold,), ("ISR",)),))
        score_sentence(report, sentence, coded, has_cameo=False)
        assert (report.source_hits, report.source_total) == (hits, 1)
