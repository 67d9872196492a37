"""`dateline explain`: every candidate trigger of a text and what became of it (real parses)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.events.trace import Fate
from dateline.explain import explain_text
from dateline.settings import Settings


def _fates(text: str, **settings: object) -> dict[str, object]:
    explanation = explain_text(text, date="2023-01-02", settings=Settings(**settings))
    first: dict[str, object] = {}
    for r in explanation.readings:  # a word's chosen reading comes before the readings it beat
        first.setdefault(r.trigger, r)
    return first


def test_a_kept_reading_names_its_rule_arguments_and_event():
    killed = _fates("Russian forces killed hundreds of civilians in Bucha on Monday.")["killed"]
    assert killed.fate == Fate.KEPT and killed.code == "202" and "mass killing" in killed.rule
    assert [(a.role, a.text, a.actors) for a in killed.arguments][:1] == [("source", "forces", ("RUSMIL",))]
    assert [e.cameo for e in killed.events] == ["202"]


def test_a_complement_is_merged_into_its_control_verb():
    readings = _fates("Russia agreed to meet Ukraine in Geneva.")
    assert readings["agreed"].fate == Fate.KEPT and readings["agreed"].code == "036"
    assert readings["agreed"].rule == "control 'agree' (intent) + verb 'meet' #1"
    assert readings["meet"].fate == Fate.MERGED


def test_missing_source_negation_and_confidence_floor():
    assert _fates("Someone attacked the building.")["attacked"].fate == Fate.NO_SOURCE
    assert _fates("Iran did not attack Israel.")["attack"].fate == Fate.NEGATED
    low = _fates("Iran did not attack Israel.", min_confidence=0.95)["attack"]
    assert low.fate == Fate.BELOW_CONFIDENCE and "< 0.95" in low.detail and low.events[0].confidence < 0.95


def test_no_rule_and_screened_out_words_are_listed():
    assert _fates("Kenyan police fired tear gas at protesters during clashes in Nairobi.")["clashes"].fate \
        == Fate.NO_RULE
    # the screen knows regular forms and a list of irregular ones; "hid" (hide) is not among them
    assert _fates("Afghan militants hid explosives near the road in Kabul.")["hid"].fate == Fate.SCREENED_OUT
    unscreened = _fates("Afghan militants hid explosives near the road in Kabul.", screen=False)
    assert unscreened["hid"].fate != Fate.SCREENED_OUT


def test_explain_keeps_what_code_codes(code_text):
    text = ("Germany expelled two Russian diplomats on Monday. Iran said it would not meet the demands. "
            "Israel will withdraw its troops unless Hamas releases the hostages.")
    explanation = explain_text(text, date="2021-07-22")
    kept = [e for r in explanation.readings for e in r.events]
    coded = [replace(e, article_id=explanation.article.id) for e in code_text(text)]
    assert len(coded) >= 3 and sorted(kept, key=repr) == sorted(explanation.events, key=repr) == sorted(coded, key=repr)


@pytest.mark.parametrize("as_file", [False, True])
def test_the_cli_explains_a_text_or_a_file(tmp_path, as_file):
    text = "Germany expelled two Russian diplomats on Monday."
    story = tmp_path / "story.txt"
    story.write_text(text + "\n", encoding="utf-8")
    arg = str(story) if as_file else text
    result = CliRunner().invoke(main, ["explain", arg, "--date", "2023-01-02"])
    assert result.exit_code == 0, result.output
    assert "'expelled' [chars 8-16] VERB 161: kept" in result.stdout and "rule     verb 'expel' #1" in result.stdout
    lines = CliRunner().invoke(main, ["explain", arg, "--date", "2023-01-02", "--json"]).stdout.splitlines()
    expelled = [json.loads(line) for line in lines if json.loads(line)["trigger"] == "expelled"]
    assert expelled[0]["fate"] == "kept" and expelled[0]["events"][0]["source"] == ["DEU"]
