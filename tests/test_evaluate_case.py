"""`dateline evaluate` on the CASE 2021 snippet format (id, EventSnippet, SubType) with its subtype map.

The snippets and the map here are written for this test. The scores are checked two ways: the
arithmetic on a known set of predictions, and end to end against the scores recomputed from what
`dateline code` outputs for the same snippets (the way the CASE scorer counts them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.evaluate_case import CaseMap, CaseReport, _tally, is_case_file

SNIPPETS = [
    ("1", "Israeli warplanes struck Hamas positions in the Gaza Strip on Sunday, the army said.", "AIR_STRIKE"),
    ("2", "Russian forces shelled the city of Kharkiv overnight, killing three civilians.", "ART_MISS_ATTACK"),
    ("3", "Police in Nairobi arrested 30 opposition supporters during a march on Tuesday.", "ARREST"),
    ("4", "Thousands of teachers marched through the centre of Lagos to demand unpaid salaries.", "PEACE_PROTEST"),
    ("5", "A strong earthquake shook the coast of northern Chile, damaging dozens of homes.", "NATURAL_DISASTER"),
    ("6", "Floods after three days of heavy rain swept away a bridge in the hills of Nepal.", "NATURAL_DISASTER"),
    ("7", "A gang of smugglers was caught moving stolen cars across the border.", "ORG_CRIME"),
    ("8", "Rebels set up a new headquarters in the north of the province.", "HQ_ESTABLISHED"),
]
MAP = [
    ("AIR_STRIKE", "ASSAULT", "event"),
    ("ART_MISS_ATTACK", "ASSAULT", "event"),
    ("ARREST", "COERCE", "event"),
    ("PEACE_PROTEST", "PROTEST", "event"),
    ("NATURAL_DISASTER", "", "none"),
    ("ORG_CRIME", "", "ignore"),
]


def _write(tmp_path: Path, map_name: str = "plover_map.tsv") -> tuple[Path, Path]:
    case = tmp_path / "snippets.tsv"
    case.write_text("id\tEventSnippet\tSubType\n" + "".join(f"{i}\t{t}\t{s}\n" for i, t, s in SNIPPETS),
                    encoding="utf-8")
    mapping = tmp_path / map_name
    mapping.write_text("subtype\tplover\trole\n" + "".join(f"{s}\t{t}\t{r}\n" for s, t, r in MAP),
                       encoding="utf-8")
    return case, mapping


def test_case_arithmetic_on_known_predictions():
    case_map = CaseMap({s: frozenset(t.split(",")) - {""} for s, t, _ in MAP}, {s: r for s, _, r in MAP})
    gold = {"a": "ARREST", "b": "ARREST", "c": "AIR_STRIKE", "d": "NATURAL_DISASTER",
            "e": "NATURAL_DISASTER", "f": "ORG_CRIME", "g": "OTHER"}
    predicted = {"a": {"COERCE"}, "b": {"ASSAULT"}, "c": {"ASSAULT", "ACCUSE"}, "d": {"ASSAULT"},
                 "f": {"COERCE"}}
    report = CaseReport("x")
    _tally(report, gold, predicted, case_map)
    assert report.detection == 1.0  # a, b, c all have something coded
    assert report.type_hit_recall == pytest.approx(2 / 3)
    assert report.macro_type_hit == pytest.approx((1 / 2 + 1) / 2)  # ARREST 1/2, AIR_STRIKE 1/1
    assert report.false_alarm == pytest.approx(1 / 2)
    assert report.score == pytest.approx(0.75 * 0.5)
    assert report.unmapped == ("OTHER",)
    assert report.roles["OTHER"] == "ignore" and report.roles["ORG_CRIME"] == "ignore"


def _recomputed(runner: CliRunner, tmp_path: Path) -> dict[str, float]:
    """What a CASE scorer computes from `dateline code` JSONL output for the same snippets."""
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"c{i}", "text": t}) + "\n" for i, t, _ in SNIPPETS))
    out = runner.invoke(main, ["code", str(src), "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    pred: dict[str, set[str]] = {}
    for line in out.stdout.splitlines():
        event = json.loads(line)
        if not event["negated"]:
            pred.setdefault(event["article_id"], set()).add(event["plover"]["event"])
    accept = {s: set(t.split(",")) - {""} for s, t, _ in MAP}
    events = [(i, s) for i, _, s in SNIPPETS if dict((m, r) for m, _, r in MAP).get(s) == "event"]
    macro = sum(bool(pred.get(f"c{i}", set()) & accept[s]) for i, s in events) / len(events)
    nones = [i for i, _, s in SNIPPETS if s == "NATURAL_DISASTER"]
    fa = sum(bool(pred.get(f"c{i}")) for i in nones) / len(nones)
    return {"macro-type-hit": macro, "false-alarm": fa, "score": macro * (1 - fa)}


def test_evaluate_scores_a_case_file_like_the_case_scorer(tmp_path):
    runner = CliRunner()
    case, _ = _write(tmp_path)
    assert is_case_file(case)
    result = runner.invoke(main, ["evaluate", str(case)])  # the map beside the file is found
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if x.startswith("CASE: "))
    shown = {k: float(v) for k, v in re.findall(r"([a-z-]+)=([0-9.]+)", line)}
    expected = _recomputed(runner, tmp_path)
    for key, value in expected.items():
        assert shown[key] == pytest.approx(value, abs=0.0005), key
    assert "not in the map (not scored): HQ_ESTABLISHED" in result.stdout
    assert re.search(r"^NATURAL_DISASTER\s+none\s+2\s", result.stdout, re.M)
    assert shown["macro-type-hit"] > 0  # the coder finds at least one of four plain wire events


def test_explicit_map_and_bad_maps(tmp_path):
    runner = CliRunner()
    case, mapping = _write(tmp_path, "my_map.tsv")
    missing = runner.invoke(main, ["evaluate", str(case)])
    assert missing.exit_code == 2 and "--case-map" in missing.output
    ok = runner.invoke(main, ["evaluate", str(case), "--case-map", str(mapping)])
    assert ok.exit_code == 0 and "CASE: score=" in ok.stdout
    short = tmp_path / "short.tsv"
    short.write_text("id\tEventSnippet\tSubType\n1\tonly two fields\n", encoding="utf-8")
    broken = runner.invoke(main, ["evaluate", str(short), "--case-map", str(mapping)])
    assert broken.exit_code == 2 and f"{short}:2:" in broken.output
    mapping.write_text("subtype\tplover\trole\nARREST\tCOERCE\tsometimes\n", encoding="utf-8")
    bad = runner.invoke(main, ["evaluate", str(case), "--case-map", str(mapping)])
    assert bad.exit_code == 2 and f"{mapping}:2:" in bad.output
