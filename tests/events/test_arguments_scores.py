"""Source candidates and the evidence term of a reading's score (real spaCy parses)."""

from __future__ import annotations

from dateline.explain import explain_text


def _reading(text: str, trigger: str):
    return next(r for r in explain_text(text, date="2023-01-02").readings if r.trigger == trigger)


def test_source_candidates_say_their_kind_and_score():
    active = _reading("Russian troops shelled the town.", "shelled")
    passive = _reading("The town was shelled by Russian troops.", "shelled")
    [subject] = [a for a in active.arguments if a.role == "source"]
    [agent] = [a for a in passive.arguments if a.role == "source"]
    assert (subject.kind, subject.score) == ("subject", 10.0)
    assert (agent.kind, agent.score) == ("agent ('by')", 9.0)


def test_the_evidence_term_adds_below_one_to_the_rules_score():
    with_args = _reading("Russian troops shelled the town.", "shelled")
    without_source = _reading("Shelled overnight, the town burned.", "Shelled")
    assert 400 < with_args.score < 401 and with_args.score > without_source.score
