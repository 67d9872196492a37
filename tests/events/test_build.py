"""Event building: a place that is no actor is the target's basis and the event's place (real parses)."""

from __future__ import annotations


def test_a_seized_place_is_the_target_and_where_it_happened(code_text):
    [event] = [e for e in code_text("Rebel fighters seized the town of Goma on Tuesday.") if e.cameo.startswith("19")
               or e.cameo.startswith("20")]
    assert [a.country for a in event.target] == ["COD"] and event.location is not None
    assert event.location.name == "Goma" and event.source[0].country == "COD"  # Congolese rebels


def test_a_government_does_not_take_the_country_of_those_it_acts_on(code_text):
    [event] = code_text("The government expelled three Russian diplomats.")
    assert [a.code for a in event.target] == ["RUSGOV"] and [a.code for a in event.source] == ["---GOV"]
    [attack] = code_text("Rebel fighters attacked Afghan troops.")
    assert [a.code for a in attack.source] == ["AFGREB"]  # armed actors still do


def test_the_two_sides_of_the_last_act_are_noted_through_the_resolver(code_text):
    events = code_text("Putin met Erdogan in Sochi on Monday. The two sides discussed trade.")
    later = [e for e in events if e.trigger.text == "discussed"]
    # a joint act of the two sides: coded both ways
    assert sorted(([a.code for a in e.source], [a.code for a in e.target]) for e in later) == [
        (["RUSGOV"], ["TURGOV"]), (["TURGOV"], ["RUSGOV"])]
