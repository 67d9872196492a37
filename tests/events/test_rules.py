"""Every named rule of the coder, on its own example sentence (real spaCy parses)."""

from __future__ import annotations

import pytest

from dateline.events.rules import RULES, Rule, register
from dateline.events.trace import Fate
from dateline.explain import explain_text


def _matches(event, expect: str) -> bool:
    code, dyad = expect.split(" ", 1)
    source, target = dyad.split(">")
    return (event.cameo.startswith(code) and any((a.code or "").startswith(source) for a in event.source)
            and (not target or any((a.code or a.country or "").startswith(target) for a in event.target)))


@pytest.mark.parametrize("rule", list(RULES.values()), ids=lambda r: r.name)
def test_each_rule_does_what_it_says_on_its_example(rule: Rule):
    explanation = explain_text(rule.example, date="2023-01-02")
    named = [r for r in explanation.readings if rule.name in r.rule or rule.name in r.detail]
    assert named, f"{rule.name!r} was not applied: {[(r.trigger, r.fate, r.rule) for r in explanation.readings]}"
    if rule.stage == "veto":  # the word gave no event; the sentence's other act remains
        assert all(r.fate == Fate.RULED_OUT and not r.events for r in named)
        assert [e for e in explanation.events if _matches(e, rule.expect)]
    elif rule.expect == "no event":  # the rule drops the reading and nothing else is coded
        assert all(r.fate == Fate.RULED_OUT for r in named) and not explanation.events
    elif rule.stage in {"reading", "event"}:  # the rule shaped a kept event
        assert any(r.fate == Fate.KEPT and any(_matches(e, rule.expect) for e in r.events) for r in named)
    else:  # the rule folded a reading into another act, whose event remains
        assert all(r.fate == Fate.MERGED for r in named)
        assert [e for e in explanation.events if _matches(e, rule.expect)]


def test_every_rule_is_documented():
    for rule in RULES.values():
        assert rule.stage in {"veto", "reading", "event", "sentence", "article"}
        assert rule.condition and rule.effect and rule.example and (">" in rule.expect or rule.expect == "no event")


def test_a_name_is_registered_once():
    with pytest.raises(ValueError, match="registered twice"):
        register("mass killing", "reading", "c", "e", "x", "1 A>")(lambda: None)


def test_without_the_rule_the_example_codes_otherwise(code_text):
    """The mass-killing rule is what turns 18x into 202: fewer victims, no 202."""
    many = code_text("Soldiers killed hundreds of civilians in Ukraine.")
    few = code_text("Soldiers killed three civilians in Ukraine.")
    assert [e.cameo for e in many] == ["202"] and [e.cameo[:2] for e in few] == ["18"]
