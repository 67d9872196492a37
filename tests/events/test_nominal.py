"""Events named by nouns derived from the verb triggers (events/data/nominals.yaml), with real parses."""

from __future__ import annotations

from pathlib import Path

from dateline.events.patterns import gerunds, load_patterns


def _dyads(events) -> set[tuple[str, str, str]]:
    return {(e.cameo, e.source[0].code or "", e.target[0].code if e.target else "") for e in events}


def test_a_gerund_of_a_verb_trigger_is_read_with_the_verbs_code(code_text):
    events = code_text("Turkish troops carried out the killing of three Kurdish fighters.")
    assert [(e.cameo, e.source[0].code, e.trigger.text) for e in events] == [("180", "TURMIL", "killing")]


def test_a_listed_derivation_inherits_the_code_and_its_object_condition(code_text):
    town = code_text("Russia's seizure of the town was confirmed by Ukraine.")
    assert [(e.cameo, e.source[0].code, e.trigger.text) for e in town] == [("192", "RUS", "seizure")]
    # the verb's rule wants a place as object: documents are none
    assert not code_text("Russia's seizure of the documents was confirmed by Ukraine.")


def test_the_of_phrase_names_the_one_acted_on(code_text):
    events = code_text("Police ordered the arrest of 20 opposition activists in Harare.")
    assert ("173", "ZWECOP", "ZWEOPP") in _dyads(events)


def test_gerunds_follow_english_spelling():
    assert gerunds("kill") == {"killing"} and gerunds("shell") == {"shelling"}
    assert gerunds("stab") == {"stabbing"} and gerunds("torture") == {"torturing"}
    assert gerunds("expel") == {"expelling", "expeling"}


def test_derived_nouns_come_from_the_verbs_of_a_user_trigger_file(tmp_path: Path):
    bundled = load_patterns()
    assert bundled.nouns["killing"][0].verb == "kill" and bundled.nouns["killing"][0].code.startswith("18")
    assert "warning" not in bundled.nouns  # not_derived: a weather warning is no threat
    assert bundled.nouns["arrest"][0].verb is None  # listed in triggers.yaml: its own rule
    user = tmp_path / "mine.yaml"
    user.write_text("verbs:\n  - {lemma: pillage, code: '145'}\n  - {lemma: hold, obj: [vigil], code: '141'}\n")
    patterns = load_patterns([user])
    assert [r.code for r in patterns.nouns["pillaging"]] == ["145"]
    assert "holding" not in patterns.nouns  # the rule needs its object: "holding" is no vigil


def test_a_nominal_act_with_no_actor_told_as_news_gets_its_implied_agent(code_text):
    attack = code_text("An attack on a police convoy in northern Mali left five soldiers dead.")
    assert [(e.cameo, e.source[0].code, e.target[0].code, e.trigger.text) for e in attack] == \
        [("190", "MLI", "MLICOP", "attack")]
    amid = code_text("Thousands of villagers fled amid heavy fighting with rebels in eastern Congo.")
    assert [(e.cameo, e.target[0].code, e.trigger.text) for e in amid] == [("190", "CODREB", "fighting")]
    clashes = code_text("Clashes with riot police broke out in Nairobi on Tuesday.")
    assert [(e.cameo, e.target[0].code) for e in clashes] == [("190", "KENCOP")]


def test_no_agent_is_implied_for_a_disaster_an_earlier_act_or_an_act_that_is_no_news(code_text):
    assert not code_text("The killing of 20 people in a flood devastated the village.")
    earlier = code_text("Putin offered talks to Armenia after the killing of a journalist in Moscow.")
    assert [e.cameo[:2] for e in earlier] == ["03"]
    assert not code_text("Any attack on Taiwan would be met with force.")


def test_a_disaster_told_in_the_sentence_before_implies_no_agent(code_text):
    assert not code_text("A strong earthquake struck the north of the island on Monday. "
                         "At least 30 people were killed and 200 injured.")
    assert [e.cameo for e in code_text("At least 30 people were killed and 200 injured in the north.")] == \
        ["180"]


def test_a_disaster_word_inside_a_name_is_no_disaster(code_text):
    events = code_text("A commander of the Storm Brigade was killed in a blast in Idlib.")
    assert [(e.cameo, e.source[0].code) for e in events] == [("180", "SYR")]


def test_people_injured_in_an_attack_are_its_target(code_text):
    events = code_text("Two Afghan policemen were injured in Kabul on Sunday.")
    assert [(e.cameo, e.target[0].code) for e in events] == [("180", "AFGCOP")]


def test_a_weapon_or_an_attack_as_subject_is_the_act_of_an_unknown_agent(code_text):
    bomb = code_text("A roadside bomb killed two Afghan soldiers near Kandahar on Monday.")
    assert [(e.cameo, e.source[0].code, e.target[0].code) for e in bomb] == [("180", "AFG", "AFGMIL")]
    bombing = code_text("A suicide bombing at a checkpoint near Kandahar on Monday killed two Afghan soldiers.")
    assert [(e.cameo, e.source[0].code, e.target[0].code) for e in bombing] == [("183", "AFG", "AFGMIL")]
    assert not code_text("A gas explosion destroyed two houses in Kandahar.")  # no weapon, no attack


def test_violence_by_protesters_is_a_riot(code_text):
    events = code_text("Hundreds of protesters clashed with riot police in Santiago on Friday.")
    assert [(e.cameo, e.plover.event, e.source[0].code, e.target[0].code) for e in events] == \
        [("145", "PROTEST", "CHLCVL", "CHLCOP")]
    soldiers = code_text("Chilean soldiers clashed with rebels in the south on Friday.")
    assert {e.cameo for e in soldiers} == {"190"}  # armed actors' violence stays an attack


def test_protests_told_as_news_are_by_civilians_of_their_place(code_text):
    events = code_text("Violent protests erupted in Bogota on Tuesday.")
    assert [(e.cameo, e.source[0].code) for e in events] == [("141", "COLCVL")]
    hypothetical = code_text("The army chief threatened a curfew if street protests turned violent.")
    assert not [e for e in hypothetical if e.cameo.startswith("14")]
