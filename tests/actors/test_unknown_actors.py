"""Actors the knowledge base lacks still act (CAMEO's "---" country), agentless passives get the agent
their act implies, and disasters are no agents (real spaCy parses)."""

from __future__ import annotations

from datetime import date

import pytest

D = date(2023, 3, 1)


def _dyads(events) -> list[str]:
    return [f"{e.cameo} {','.join(a.code or '?' for a in e.source)}>{','.join(a.code or '?' for a in e.target)}"
            for e in events]


@pytest.mark.parametrize(("text", "expected"), [
    # a role without a country and without a place: kept, with "---", at lower confidence
    ("Police arrested three protesters.", "173 ---COP>---CVL"),
    ("A federal jury convicted the former mayor of fraud.", "11 ---JUD>---GOV"),
    # a name the knowledge base lacks, with its role word
    ("Jan Kowalski, a local councillor, condemned the plan.", "111 ---GOV>"),
    # a role word whose modifier is a name the knowledge base lacks
    ("Zorvath authorities arrested three activists.", "173 ---GOV>---OPP"),
    # the place of the event gives the unknown actor its country
    ("Police arrested three protesters in Nairobi.", "173 KENCOP>KENCVL"),
    # a place elsewhere in the sentence does too
    ("Hundreds of students marched through central Dhaka to protest against the fee rise.", "14 BGDEDU>BGD"),
])
def test_unresolved_actors_still_act(code_text, text, expected):
    found = _dyads(code_text(text, D))
    code, dyad = expected.split(" ")
    assert any(d.startswith(code) and d.split(" ")[1] == dyad for d in found), found


@pytest.mark.parametrize(("text", "expected"), [
    ("Three opposition activists were arrested in Nairobi on Monday.", "173 KENCOP"),
    ("Two reporters were deported from Ethiopia last week.", "174 ETHGOV"),
    ("Five soldiers were killed in an attack on a checkpoint in Mogadishu.", "18 SOM"),
])
def test_agentless_passives_get_the_agent_their_act_implies(code_text, text, expected):
    events = code_text(text, D)
    code, source = expected.split(" ")
    assert any(e.cameo.startswith(code) and e.source[0].code.startswith(source) and not e.source[0].text
               for e in events), _dyads(events)
    implied = next(e for e in events if e.cameo.startswith(code))
    assert implied.confidence < 0.9 and "implicit agent" in implied.source[0].rule


@pytest.mark.parametrize("text", [
    "Five people were killed in the floods that hit the region.",
    "Wildfires swept through pine forests on the island.",
    "Police are investigating a crash that left four people in hospital.",
    "The man said.",  # a common noun that is no role: no actor
])
def test_disasters_and_common_nouns_are_no_agents(code_text, text):
    assert not code_text(text, D), _dyads(code_text(text, D))


def test_a_named_agent_is_not_replaced_by_an_implied_one(code_text):
    [event] = [e for e in code_text("Three activists were arrested by Kenyan police.", D) if e.cameo == "173"]
    assert event.source[0].code == "KENCOP" and event.source[0].text


def test_a_joint_act_of_two_sides_is_coded_both_ways(code_text):
    events = code_text("Kyrgyzstan and Tajikistan agreed to reopen their border crossings.", D)
    assert sorted(_dyads(events)) == ["030 KGZ>TJK", "030 TJK>KGZ"] or {
        (e.source[0].country, e.target[0].country) for e in events} == {("KGZ", "TJK"), ("TJK", "KGZ")}


def test_plover_gold_scores_a_joint_act_as_one_event(code_text):
    from dateline.evaluate import joint_acts
    events = code_text("Kyrgyzstan and Tajikistan agreed to reopen their border crossings.", D)
    [joint] = joint_acts(events)
    assert {a.country for a in joint.source} == {"KGZ", "TJK"} and not joint.target
    one_way = code_text("Russia held talks with Turkey.", D)
    assert joint_acts(one_way) == one_way
