"""The accuracy gate: the coder's scores on the project's own gold must not fall below the floors.

Floors live in tests/gold/floors.json. Raise them when the coder improves; lower one only on
purpose, in a commit that says why.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evaluate import evaluate_file, format_report

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def report(settings):
    return evaluate_file(GOLD / "events.jsonl", settings)


def test_gold_scores_stay_above_pinned_floors(report):
    floors = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
    print(format_report(report, by_code=True))
    assert report.sentences >= 300
    for metric, floor in floors["f1"].items():
        assert report.scores[metric].f1 >= floor, f"{metric} F1 fell below {floor}"
    for metric, floor in floors.get("precision", {}).items():
        assert report.scores[metric].precision >= floor, f"{metric} precision fell below {floor}"
