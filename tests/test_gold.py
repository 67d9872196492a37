"""The accuracy gate: the coder's scores on the project's own gold must not fall below the floors.

Two splits: the tuning split tests/gold/events.jsonl (floors in tests/gold/floors.json), which rule
writers read, and the held-out split tests/gold/heldout.jsonl (floors in
tests/gold/floors.heldout.json), which they never read. Raise floors when the coder improves; lower
one only on purpose, in a commit that says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import evaluate_file, format_report

GOLD = Path(__file__).parent / "gold"


SPLITS = {  # gold file -> (its floors, the fewest sentences it may have)
    "events.jsonl": ("floors.json", 300),
    "heldout.jsonl": ("floors.heldout.json", 200),
}


@pytest.mark.parametrize("gold_file", sorted(SPLITS))
def test_gold_scores_stay_above_pinned_floors(settings, gold_file):
    floors_file, least = SPLITS[gold_file]
    report = evaluate_file(GOLD / gold_file, settings)
    floors = json.loads((GOLD / floors_file).read_text(encoding="utf-8"))
    print(format_report(report, by_code=True))
    assert report.sentences >= least
    for metric, floor in floors["f1"].items():
        assert report.scores[metric].f1 >= floor, f"{metric} F1 fell below {floor}"
    for metric, floor in floors.get("precision", {}).items():
        assert report.scores[metric].precision >= floor, f"{metric} precision fell below {floor}"
