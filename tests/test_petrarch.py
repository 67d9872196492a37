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
    assert "unresolved" in runner.invoke(main, ["actor", "Zzyzx Qwerty"]).output


def test_ambiguous_names_stay_unresolved_with_a_reason(tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("# test file, as of 2026-11\npeople:\n"
                    "  - {name: Ali Hassan, aliases: [Hassan], roles: [{country: EGY, start: 2010-01-01}]}\n"
                    "  - {name: Omar Hassan, aliases: [Hassan], roles: [{country: SDN, start: 2010-01-01}]}\n",
                    encoding="utf-8")
    shown = CliRunner().invoke(main, ["--actors", str(mine), "actor", "Hassan", "--date", "2021-01-01"]).output
    assert "code -" in shown and "ambiguous: could be Ali Hassan or Omar Hassan" in shown
