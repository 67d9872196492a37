"""Trigger vocabulary in its senses and frames (events/data/triggers.yaml), on real spaCy parses of
sentences written for these tests: each names the CAMEO code the codebook gives the act, its PLOVER
type, and the source actor."""

from __future__ import annotations

from datetime import date

import pytest

DAY = date(2023, 4, 12)

# sentence, CAMEO code, PLOVER type, source actor code
CODED = [
    # 171 seized, found or destroyed weapons
    ("Kenyan police seized a large cache of rifles and ammunition in Mombasa on Monday.",
     "171", "COERCE", "KENCOP"),
    ("Nigerian soldiers found a stash of grenades in a house in Maiduguri.", "171", "COERCE", "NGAMIL"),
    ("A lot of weapons were seized by Pakistani police in Karachi.", "171", "COERCE", "PAKCOP"),
    ("A stash of rifles and grenades was found in a house in Karachi.", "171", "COERCE", "PAKCOP"),  # by police
    ("Iraqi troops destroyed dozens of explosive devices near Mosul.", "171", "COERCE", "IRQMIL"),
    # 183 / 1831 bombs and grenades
    ("Taliban fighters planted a roadside bomb near Kandahar on Friday.", "183", "ASSAULT", "TAL"),
    ("Indian police said militants lobbed a grenade at an army post in Srinagar.", "183", "ASSAULT", None),
    ("Two Somali suicide bombers blew themselves up outside a hotel in Mogadishu.", "1831", "ASSAULT", None),
    # 190 gun battles (the passive subject of 'engaged in' does the act), 193 gunned down
    ("Somali soldiers were engaged in a gun battle with militants near Mogadishu.", "190", "ASSAULT", "SOMMIL"),
    ("Taliban fighters gunned down a judge in Kabul on Sunday.", "193", "ASSAULT", "TAL"),
    # 145 riots, 1712 property destroyed
    ("Lebanese protesters hurled rocks at the police outside parliament in Beirut.", "145", "PROTEST", None),
    ("Demonstrators pelted Indian police with stones in Srinagar.", "145", "PROTEST", None),
    ("Rioters set fire to a police station in Minneapolis.", "1712", "ASSAULT", None),
    ("Militants burned dozens of houses in a Nigerian village.", "1712", "ASSAULT", None),
    ("Dozens of shops were looted in Durban on Monday.", "1712", "ASSAULT", "ZAF"),  # property: PETRARCH2's code
    # 175 protests dispersed or suppressed (violent repression)
    ("Kenyan police dispersed the protesters in Nairobi on Monday.", "175", "ASSAULT", "KENCOP"),
    ("Israeli soldiers broke up a protest near Bethlehem on Friday.", "175", "ASSAULT", "ISRMIL"),
    # crowds and armed groups outside the state: a mob's violence is a riot (145); bandits are criminals
    ("A suspected thief was set ablaze by a mob in Lagos, Nigeria.", "145", "PROTEST", "NGACVL"),
    ("Armed bandits killed nine villagers in northern Nigeria on Sunday.", "180", "ASSAULT", "NGACRM"),
    ("Rebels set several houses ablaze in a village near Beni, Congo.", "1712", "ASSAULT", None),
    # 141 peaceful protest
    ("French teachers staged a sit-in at the ministry in Paris.", "141", "PROTEST", None),
    ("Russian activists held a vigil outside the parliament in Moscow.", "141", "PROTEST", None),
    ("A rally against the tax bill was held in Nairobi on Tuesday.", "141", "PROTEST", "KENCVL"),  # by civilians
    ("Indian students took out a march against the fee hike in Srinagar.", "141", "PROTEST", "INDEDU"),
    # 173 arrest and legal action
    ("Egyptian police dispersed the crowd, arresting 12.", "173", "COERCE", "EGYCOP"),
    ("Kenyan police nabbed three suspects in Nairobi on Sunday.", "173", "COERCE", "KENCOP"),
    ("A Turkish court sentenced the journalist to five years in prison.", "173", "COERCE", "TURJUD"),
    ("Brazilian prosecutors charged the former minister with corruption.", "173", "COERCE", None),
    ("Ukrainian prosecutors indicted the former defence minister.", "173", "COERCE", None),
    ("Nigerian police detained 40 in Lagos after the rally.", "173", "COERCE", "NGACOP"),  # a bare count
    ("Turkish soldiers detained dozens of military personnel in Ankara.", "173", "COERCE", "TURMIL"),
    # 2041 chemical weapons, 192 territory regained, 161 consulate closed
    ("Syrian government forces dropped chlorine gas canisters on a town near Idlib.", "2041", "ASSAULT", None),
    ("Iraqi troops regained the town of Tal Afar from the militants.", "192", "COERCE", "IRQMIL"),
    ("Russia closed the American consulate in Yekaterinburg.", "161", "SANCTION", "RUS"),
    ("Malian troops freed three villages from the jihadists on Sunday.", "192", "COERCE", "MLIMIL"),
    ("Iraqi troops recovered control of two villages near Mosul.", "192", "COERCE", "IRQMIL"),
    ("Malian rebels captured a hilltop near Kidal on Friday.", "192", "COERCE", "MLIREB"),
    # 030 agreement reached (intent to cooperate), 057 agreement signed
    ("Colombia and the rebels reached a deal on land reform in Havana.", "030", "AGREE", "COL"),
    ("Colombia and the rebels signed a deal on land reform in Havana.", "057", "SUPPORT", "COL"),
    # 100 demand
    ("Germany called for the release of the detained journalists.", "100", "REQUEST", "DEU"),
]


@pytest.mark.parametrize(("text", "cameo", "plover", "source"), CODED, ids=[c[0][:40] for c in CODED])
def test_trigger_codes_the_act(code_text, text, cameo, plover, source):
    events = code_text(text, DAY)
    found = [e for e in events if e.cameo == cameo]
    assert found, f"no {cameo} in {[(e.cameo, e.trigger.text) for e in events]}"
    assert found[0].plover.event == plover
    if source is not None:
        assert found[0].source[0].code == source


# the frame selects the sense: the same verbs with other objects are other acts or none
NOT_CODED = [
    ("Rescue workers found the bodies of two climbers near the summit.", "171"),
    ("Nigerian prisoners rioted at a jail in Lagos, setting fire to their mattresses.", "1712"),
    ("The French team burned through its budget in March.", "1712"),
    ("Pakistani farmers planted wheat near Multan.", "183"),
    ("The Kenyan government held a meeting in Nairobi.", "173"),
]


@pytest.mark.parametrize(("text", "cameo"), NOT_CODED, ids=[c[0][:40] for c in NOT_CODED])
def test_other_frames_are_not_that_act(code_text, text, cameo):
    assert not [e for e in code_text(text, DAY) if e.cameo == cameo]


def test_a_conviction_stays_a_finding_of_guilt(code_text):
    events = code_text("A Russian court convicted an American journalist of espionage.", DAY)
    assert [e.cameo for e in events if e.cameo in {"116", "173"}] == ["116"]


@pytest.mark.parametrize("text, code, target", [
    ("Armenia accepted the Russian proposal for a ceasefire.", "030", "RUS"),
    ("Sudan's army accepted Saudi mediation on Tuesday.", "038", "SAU"),
])
def test_what_is_accepted_is_owned_by_the_target(code_text, text, code, target):
    """Accepting X's proposal or mediation is an act towards X ('obj': the object's owner is the target)."""
    [event] = [e for e in code_text(text, DAY) if e.cameo == code]
    assert [a.country for a in event.target] == [target]
