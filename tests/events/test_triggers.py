"""Trigger readings: every candidate reading of a word, then one resolution step (real spaCy parses)."""

from __future__ import annotations

import pytest

from dateline.events.triggers import TABLE_SCORES


def _sentence(nlp, coder, text: str):
    doc = nlp(text)
    coder._repair_lemmas(doc)
    return next(iter(doc.sents))


def test_a_control_reading_takes_its_complement(nlp, coder):
    sent = _sentence(nlp, coder, "Russia agreed to meet Ukraine in Geneva.")
    candidates = coder.finder.candidates(sent)
    agreed, meet = (next(t for t in sent if t.text == w) for w in ("agreed", "meet"))
    control = max(candidates[agreed.i][0], key=lambda d: d.score)
    assert control.rule == "control 'agree' (intent) + verb 'meet' #1" and meet.i in control.covers
    assert control.score >= TABLE_SCORES["control"]
    assert meet.i in candidates  # "meet" has a reading of its own ...
    chosen = coder.finder.resolve(sent, candidates)
    assert [(d.trigger.text, d.code) for d in chosen] == [("agreed", "036")]  # ... which the control reading took


def test_the_more_specific_verb_rule_scores_higher(nlp, coder):
    sent = _sentence(nlp, coder, "Germany expelled two Russian diplomats on Monday.")
    [draft] = coder.finder.drafts(sent)
    assert draft.code == "161" and draft.rule == "verb 'expel' #1"
    assert TABLE_SCORES["verb"] <= draft.score < TABLE_SCORES["control"]


def test_every_reading_of_a_word_is_a_candidate_and_the_best_wins(nlp, coder):
    sent = _sentence(nlp, coder, "The French president said Iraq must withdraw from Kuwait.")
    candidates = coder.finder.candidates(sent)
    said = next(t for t in sent if t.text == "said")
    obligation, statement = candidates[said.i][0]  # the statement reading loses to the obligation
    assert obligation.rule == "obligation as demand" and obligation.score == TABLE_SCORES["obligation"]
    assert statement.code == "010" and statement.score == TABLE_SCORES["statement"] < obligation.score
    chosen = {d.trigger.text: d.code for d in coder.finder.resolve(sent, candidates)}
    assert chosen["said"] == "100" and chosen["withdraw"].startswith("087")


def test_an_object_word_matches_by_its_form_as_well_as_its_lemma(code_text):
    """'data' is lemmatised 'datum'; the rule lists the word news uses."""
    [event] = code_text("Estonian police shared data with Finland on Monday.")
    assert event.cameo == "064" and [a.country for a in event.target] == ["FIN"]


def test_who_is_urged_to_act_is_the_subject_of_the_complement(nlp):
    """Object control: 'asked POLAND to hold consultations' - Poland is to act, not Germany."""
    from dateline.events import frames

    doc = nlp("Germany asked Poland to hold consultations on the pipeline.")
    hold = next(t for t in doc if t.lemma_ == "hold")
    assert frames.subject_of(hold).text == "Poland"
    doc = nlp("Germany agreed to hold consultations on the pipeline.")
    assert frames.subject_of(next(t for t in doc if t.lemma_ == "hold")).text == "Germany"


@pytest.mark.parametrize("text, code, source, targets", [
    ("Egypt urged Sudan and the rebels to resume talks in Jeddah.", "026", "EGY", ["SDN", "SDN"]),
    ("Turkey said it was ready to host talks between Armenia and Azerbaijan.", "036", "TUR", ["ARM", "AZE"]),
])
def test_a_nominal_act_in_a_bare_complement_is_what_is_urged_or_offered(code_text, text, code, source, targets):
    """'urged X to resume TALKS': the noun names the act of the appeal (026), not a second event."""
    events = [e for e in code_text(text) if not e.cameo.startswith("01")]
    assert [(e.cameo, e.source[0].country, [a.country for a in e.target]) for e in events] == [
        (code, source, targets)]
