"""PETRARCH/TABARI dictionary import and `dateline actor`, with dictionaries written for the test."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from dateline.actors.petrarch import import_actors, import_agents, petrarch_date
from dateline.cli import main

ACTORS = """<!-- a test dictionary -->
RUSSIA  [RUS]
+RUSSIAN
NORTH_KOREA  [PRK] # comment
+PYONGYANG
RUDOLF_RASSENDYLL
+RASSENDYLL
\t[RUR < 950601]
\t[RURGOV 950601 - 991231]
\t[RURREB > 000101]
NOBODY  [---]
"""
AGENTS = """!PERSON! = MAN, MEN
FOREIGN_MINISTER [~GOVFRM] # note
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
"""


def test_dates():
    assert petrarch_date("950601") == date(1995, 6, 1)
    assert petrarch_date("010203") == date(2001, 2, 3)
    assert petrarch_date("19991231") == date(1999, 12, 31)


def test_actor_entries():
    found = import_actors(ACTORS, "a.txt")
    groups = {g["code"]: g for g in found.groups}
    assert groups["RUS"]["names"] == ["Russian"] and groups["PRK"]["names"] == ["Pyongyang"]
    [person] = found.people
    assert person["name"] == "Rudolf Rassendyll" and person["aliases"] == ["Rassendyll"]
    assert person["roles"][0] == {"country": "RUR", "sector": "", "title": "PETRARCH RUR", "end": "1995-06-01"}
    assert person["roles"][1]["start"] == "1995-06-01" and person["roles"][1]["end"] == "1999-12-31"
    assert person["roles"][2]["sector"] == "REB" and person["roles"][2]["start"] == "2000-01-01"
    assert len(found.skipped) == 1 and "a.txt:11" in found.skipped[0]


def test_agent_entries():
    roles = {(r["term"], r["sector"]) for r in import_agents(AGENTS).roles}
    assert {("foreign minister", "GOVFRM"), ("police", "COP"), ("polices", "COP"), ("congressman", "LEG"),
            ("congressmen", "LEG")} <= roles


def test_import_command_and_dated_resolution(tmp_path):
    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    (tmp_path / "g.txt").write_text(AGENTS, encoding="utf-8")
    out = tmp_path / "mine.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import-petrarch", str(tmp_path / "a.txt"), "--agents", str(tmp_path / "g.txt"),
                                  "-o", str(out)])
    assert result.exit_code == 0, result.output
    for day, code in (("1994-01-01", "RUR"), ("1997-01-01", "RURGOV"), ("2003-01-01", "RURREB")):
        shown = runner.invoke(main, ["--actors", str(out), "actor", "Rudolf Rassendyll", "--date", day])
        assert shown.exit_code == 0 and f"code {code} " in shown.output, shown.output


def test_actor_command_explains_a_change_of_office():
    runner = CliRunner()
    before = runner.invoke(main, ["actor", "Imran Khan", "--date", "2022-04-01"]).output
    after = runner.invoke(main, ["actor", "Imran Khan", "--date", "2022-06-01"]).output
    assert "code PAKGOV" in before and "code PAKOPP" in after
    assert "<- on this date" in after and "Prime Minister" in after
    unknown = runner.invoke(main, ["actor", "Zzyzx Qwerty"]).output
    assert "code ---" in unknown and "not in the knowledge base" in unknown


def test_ambiguous_names_stay_unresolved_with_a_reason(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# test file, as of 2026-11\npeople:\n"
                    "  - {name: Ali Hassan, aliases: [Hassan], roles: [{country: EGY, start: 2010-01-01}]}\n"
                    "  - {name: Omar Hassan, aliases: [Hassan], roles: [{country: SDN, start: 2010-01-01}]}\n",
                    encoding="utf-8")
    shown = CliRunner().invoke(main, ["--actors", str(mine), "actor", "Hassan", "--date", "2021-01-01"]).output
    assert "code -" in shown and "ambiguous: could be Ali Hassan or Omar Hassan" in shown


# -- verb dictionaries (a small dictionary written for the test, in PETRARCH2's syntax) ----------------

VERBS = """# a test verb dictionary
&MONEY_
# a comment inside a set does not end it
+DOLLAR
+EURO

&AIDSET
+&MONEY
+FOOD_AID

--- SEND  [---]  ---
SEND {SENDS SENT}
DISPATCH ; a TABARI-style comment
+SHIP_OUT {+SHIPS_OUT +SHIPPED_OUT} [070]
- * &MONEY (TO +) [071]
- * ENVOY [042:043]
- * (TO BORDER) [---]
- TROOPS * [154]
- * {RELIEF SUPPLIES} [073]
- * % [:190]
- * &NOSUCHSET [070]

--- GROUP_X [112] ---
ACCUSE
- * + (OF CORRUPTION) [1121]
- * + (OF ABUSE) [9999]
KLM_NOP_+RST [111]

~ a (a b ATTACK) SAY = a b 015
"""


def _verbs():
    from dateline.events.ontology import Ontology
    from dateline.events.petrarch_verbs import import_verbs

    return import_verbs(VERBS, "v.txt", set(Ontology.load().codes()))


def test_verb_dictionary_frames():
    found = _verbs()
    rules = {(tuple(r.get("lemmas", [r.get("lemma")])), r["code"]): r for r in found.rules}
    assert rules[(("ship",), "070")]["prep"] == ["out"]  # multiword verb: particle
    money = rules[(("dispatch", "send"), "071")]  # synonym set as object, target after 'to'
    assert {"dollar", "dollars", "euro"} <= set(money["obj"]) and money["prep"] == ["to"] and money["target"] == "to"
    assert rules[(("dispatch", "send"), "042")]["obj"] == ["envoy", "envoys"]  # [042:043]: the first code
    relief = rules[(("dispatch", "send"), "073")]
    assert "supply" in relief["obj"] and relief["compound"] == ["relief"]
    assert rules[(("accuse",), "112")] == {"lemma": "accuse", "code": "112"}  # the block's default code
    corruption = rules[(("accuse",), "1121")]
    assert corruption["prep"] == ["of"] and "corruption" in corruption["prep_obj"]
    assert not any(r.get("lemma") == "send" and set(r) == {"lemma", "code"} for r in found.rules)  # [---] block


def test_verb_dictionary_counts_what_it_skips():
    found = _verbs()
    assert (found.lemmas, found.patterns, found.converted) == (5, 9, 4)
    assert found.forms == 4
    reasons = {reason.split(" (")[0]: n for reason, n in found.skipped.items()}
    assert reasons == {"null code [---]": 1, "words before the verb": 1, "code only for the target's reaction": 1,
                       "synonym set not defined": 1, "code not in the ontology": 1,
                       "multiword verb with words before the verb": 1,
                       "transformation": 1}
    assert "v.txt:17" in found.first_line[next(r for r in found.skipped if r.startswith("null code"))]
    assert sum(found.approximated.values()) == 1  # the paired code


def test_import_verbs_command_loads_back_and_codes(tmp_path):
    (tmp_path / "v.txt").write_text(VERBS, encoding="utf-8")
    out = tmp_path / "triggers.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import-petrarch", "--verbs", str(tmp_path / "v.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 verb lemmas, 9 patterns: 4 converted, 5 skipped" in result.output
    assert out.read_text(encoding="utf-8").startswith("# Trigger rules converted from")
    (tmp_path / "a.jsonl").write_text('{"id": "a", "text": "France dispatched an envoy to Mali on Monday.", '
                                      '"date": "2024-03-04"}\n', encoding="utf-8")
    coded = runner.invoke(main, ["--triggers", str(out), "code", str(tmp_path / "a.jsonl")])
    assert coded.exit_code == 0, coded.output
    assert '"cameo": "042"' in coded.output and '"trigger": {"text": "dispatched"' in coded.output
    plain = runner.invoke(main, ["code", str(tmp_path / "a.jsonl")])
    assert '"cameo": "042"' not in plain.output


def test_import_verbs_refuses_a_mix_and_writes_nothing_bad(tmp_path):
    (tmp_path / "v.txt").write_text(VERBS, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ACTORS, encoding="utf-8")
    out = tmp_path / "t.yaml"
    mixed = CliRunner().invoke(main, ["import-petrarch", str(tmp_path / "a.txt"), "--verbs", str(tmp_path / "v.txt"),
                                      "-o", str(out)])
    assert mixed.exit_code == 2 and not out.exists()
    assert CliRunner().invoke(main, ["import-petrarch", "-o", str(out)]).exit_code == 2
