"""PETRARCH/TABARI dictionary import and `dateline actor`, with dictionaries written for the test."""

from __future__ import annotations

from datetime import date

import pytest
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


def test_a_dated_code_beginning_with_a_group_code_keeps_its_sector(tmp_path):
    (tmp_path / "a.txt").write_text("MERRYLAND [MRY]\nTOM_QUILLBY [MRY]\n\t[MRYGOV 20100101-20111231]\n",
                                    encoding="utf-8")
    out = tmp_path / "mine.yaml"
    assert CliRunner().invoke(main, ["import-petrarch", str(tmp_path / "a.txt"), "-o", str(out)]).exit_code == 0
    for day, code in (("2011-05-01", "MRYGOV"), ("2013-05-01", "MRY")):
        shown = CliRunner().invoke(main, ["--actors", str(out), "actor", "Tom Quillby", "--date", day]).output
        assert f"code {code} " in shown, shown


def test_names_sharing_a_code_and_short_names_in_capitals(tmp_path):
    (tmp_path / "a.txt").write_text("BREE [BRE]\nROMENDACIL [BRE]\nPLO [PLO]\n", encoding="utf-8")
    out = tmp_path / "mine.yaml"
    assert CliRunner().invoke(main, ["import-petrarch", str(tmp_path / "a.txt"), "-o", str(out)]).exit_code == 0
    for name, code in (("Bree", "BRE"), ("Romendacil", "BRE"), ("PLO", "PLO")):
        shown = CliRunner().invoke(main, ["--actors", str(out), "actor", name]).output
        assert f"code {code} " in shown, shown


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
    money = rules[(("dispatch", "send"), "071")]  # a synonym set: its members are alternatives, in order
    assert money["after"] == ["dollar|euro", "to"] and money["target"] == "to"
    assert rules[(("dispatch", "send"), "042")]["after"] == ["envoy"]  # [042:043]: the first code
    assert rules[(("dispatch", "send"), "073")]["after"] == ["relief", "supplies"]
    assert rules[(("dispatch", "send"), "154")]["before"] == ["troops"]  # words before the verb
    assert rules[(("accuse",), "112")] == {"lemma": "accuse", "code": "112"}  # the block's default code
    assert rules[(("accuse",), "1121")]["after"] == ["of", "corruption"]
    assert rules[(("rst",), "111")]["before"] == ["klm nop"]  # a multiword verb with words before it
    assert rules[(("accuse",), "9999")] and found.declared == {"9999": "code 9999 of the PETRARCH dictionary v.txt"}
    assert not any(r.get("lemma") == "send" and set(r) == {"lemma", "code"} for r in found.rules)  # [---] block


def test_verb_dictionary_counts_what_it_skips():
    found = _verbs()
    assert (found.lemmas, found.patterns, found.converted) == (5, 9, 6)
    assert found.forms == 4
    reasons = {reason.split(" (")[0]: n for reason, n in found.skipped.items()}
    assert reasons == {"null code [---]": 1, "code only for the target's reaction": 1,
                       "synonym set not defined": 1, "transformation": 1}
    assert "v.txt:17" in found.first_line[next(r for r in found.skipped if r.startswith("null code"))]
    assert sum(found.approximated.values()) == 3  # the paired code, words before the verb, a code kept


SYNSETS = """&KIND
+ECONOMIC
+MILITARY

&NOTNOW
+DID N'T
+WILL NOT

--- DROP  [345]  ---
DROP
- * NEW_&KIND_LINKS [903]
- * WARM &KIND LINKS [904]
- &NOTNOW * LINKS [905]

--- SAID  [023]  ---
SAID

--- CONCUR  [081]  ---
CONCUR
- % * [030]
"""


def test_synsets_joined_words_and_inflected_headwords(nlp):
    from dateline.events.petrarch_verbs import import_verbs, spacy_lemmatizer

    found = import_verbs(SYNSETS, "s.txt", {"023", "030", "081"}, lemmatize=spacy_lemmatizer(nlp))
    rules = {r["code"]: r for r in found.rules}
    assert rules["903"]["after"] == ["new economic links|new military links"]  # joined: adjacent words
    assert rules["904"]["after"] == ["warm", "economic|military", "links"]  # apart: in order, gaps allowed
    assert rules["905"]["before"] == ["did n't|will not"] and rules["905"]["after"] == ["links"]
    assert rules["023"] == {"lemma": "say", "form": ["said"], "code": "023"}  # 'SAID': the verb say, so written
    assert set(found.declared) == {"345", "903", "904", "905"}  # codes the ontology lacks are kept


def _coded(tmp_path, text: str, *extra: str) -> list[tuple[str, str, str]]:
    from dateline.settings import Settings

    (tmp_path / "s.txt").write_text(SYNSETS, encoding="utf-8")
    out = tmp_path / "drop.yaml"
    result = CliRunner().invoke(main, ["import-petrarch", "--verbs", str(tmp_path / "s.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    from dateline.pipeline import code_articles
    from dateline.records import Article

    settings = Settings(pattern_files=(out, *(tmp_path / e for e in extra)))
    coded = list(code_articles([Article(id="a", text=text, date=date(2024, 3, 4))], settings))[0]
    return [(e.cameo, e.source[0].code or "", e.target[0].code if e.target else "") for e in coded.events]


@pytest.mark.parametrize(("text", "code"), [
    ("Japan will drop new economic links with Peru.", "903"),
    ("Japan will drop new global economic links with Peru.", "345"),  # not adjacent: the lemma's own code
    ("Japan will drop warm and friendly economic links with Peru.", "904"),
    ("Japan didn't drop its links with Peru.", "905"),  # the negation is the pattern's: coded, not negated
    ("Japan dropped its talks with Peru.", "345"),
])
def test_imported_patterns_match_words_in_order(tmp_path, text, code):
    coded = _coded(tmp_path, text)
    assert (code, "JPN", "PER") in coded


def test_a_compound_actor_before_the_verb_needs_two_actors(tmp_path):
    assert ("030", "JPN", "PER") in _coded(tmp_path, "Japan and Peru concurred on the plan.")  # '% *'
    assert [c for c, _, _ in _coded(tmp_path, "Japan concurred on the plan.")] == ["081"]


def test_a_user_dictionary_replaces_the_bundled_rules_of_its_words(tmp_path):
    (tmp_path / "arrest.yaml").write_text("codes: {'212': a WEIS code}\nverbs:\n  - {lemma: arrest, code: '212'}\n",
                                          encoding="utf-8")
    text = "French police arrested three Chilean students in Paris on Monday."
    assert {c for c, _, _ in _coded(tmp_path, text, "arrest.yaml")} == {"212"}
    assert "212" not in {c for c, _, _ in _coded(tmp_path, text)}  # the bundled 'arrest' still reads it


def test_import_verbs_command_loads_back_and_codes(tmp_path):
    (tmp_path / "v.txt").write_text(VERBS, encoding="utf-8")
    out = tmp_path / "triggers.yaml"
    runner = CliRunner()
    result = runner.invoke(main, ["import-petrarch", "--verbs", str(tmp_path / "v.txt"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 verb lemmas, 9 patterns: 6 converted, 3 skipped" in result.output
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
