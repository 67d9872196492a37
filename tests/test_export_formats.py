"""GDELT 2.0, PLOVER and POLECAT exports as their own readers see them: GDELT's files by position with the
codebooks' column lists (written here from the GDELT 2.0 Event and Mentions codebooks, not from the code),
PLOVER's field names, POLECAT's columns, and `dateline evaluate` reading dateline's own exports back."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_export import db  # noqa: F401 - the fixture: three events, one a statement (no PLOVER type)

from dateline.cli import main
from dateline.export import export, export_report
from dateline.store import EventQuery, open_store

ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
         "Type1Code", "Type2Code", "Type3Code"]
GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_EVENT = (["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
               + [f"Actor1{c}" for c in ACTOR] + [f"Actor2{c}" for c in ACTOR]
               + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                  "NumMentions", "NumSources", "NumArticles", "AvgTone"]
               + [f"Actor1Geo_{c}" for c in GEO] + [f"Actor2Geo_{c}" for c in GEO] + [f"ActionGeo_{c}" for c in GEO]
               + ["DATEADDED", "SOURCEURL"])
GDELT_MENTIONS = ["GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
                  "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset",
                  "InRawText", "Confidence", "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras"]
ALL = EventQuery()


def by_position(text: str, columns: list[str]) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == len(columns) for row in rows), {len(row) for row in rows}
    return [dict(zip(columns, row, strict=True)) for row in rows]


def exported(path: str, fmt: str, **kwargs) -> str:
    out = io.StringIO()
    with open_store(path) as store:
        export(store, ALL, fmt, out, **kwargs)
    return out.getvalue()


def test_the_codebooks_have_61_and_16_columns():
    assert len(GDELT_EVENT) == 61 and len(GDELT_MENTIONS) == 16


def test_gdelt_events_read_by_position(db):  # noqa: F811
    rows = {r["EventCode"]: r for r in by_position(exported(db, "gdelt"), GDELT_EVENT)}
    meet, attack, statement = rows["041"], rows["190"], rows["010"]
    assert (meet["Day"], meet["MonthYear"], meet["Year"], meet["FractionDate"]) == ("20220228", "202202", "2022",
                                                                                   "2022.2411")
    assert (meet["Actor1Code"], meet["Actor1CountryCode"], meet["Actor1Type1Code"], meet["Actor1KnownGroupCode"]) \
        == ("RUSGOV", "RUS", "GOV", "")
    assert (meet["Actor2Code"], meet["Actor2CountryCode"], meet["Actor2Type1Code"]) == ("TJKGOV", "TJK", "GOV")
    assert (meet["EventBaseCode"], meet["EventRootCode"], meet["QuadClass"], meet["GoldsteinScale"]) == (
        "041", "04", "1", "1.0")
    assert (meet["NumMentions"], meet["NumSources"], meet["NumArticles"], meet["IsRootEvent"]) == ("2", "2", "2", "1")
    # geography as GDELT writes it: FIPS 10-4 country, FIPS ADM1, GeoNames feature id of the city
    assert (meet["ActionGeo_Type"], meet["ActionGeo_FullName"], meet["ActionGeo_CountryCode"]) == ("4", "Kabul", "AF")
    assert meet["ActionGeo_ADM1Code"] == "AF13" and meet["ActionGeo_FeatureID"] == "1138958"
    assert (float(meet["ActionGeo_Lat"]), float(meet["ActionGeo_Long"])) == (34.53, 69.17)
    assert meet["Actor1Geo_Type"] == meet["Actor2Geo_Type"] == "0"
    assert re.fullmatch(r"20\d{12}", meet["DATEADDED"]) and meet["SOURCEURL"] == "https://example.org/a1"
    assert (attack["Day"], attack["ActionGeo_Type"], attack["Actor2CountryCode"]) == ("20220201", "0", "UKR")
    assert attack["Actor1Type1Code"] == "MIL"
    assert (statement["Day"], statement["Actor2Code"], statement["SOURCEURL"]) == ("", "", "a3")
    for row in rows.values():
        assert 0 < int(row["GlobalEventID"]) < 2**53 and len(row["DATEADDED"]) == 14


def test_gdelt_header_only_when_asked(db):  # noqa: F811
    assert exported(db, "gdelt").splitlines()[0].split("\t")[0].isdigit()
    assert exported(db, "gdelt", header=True).splitlines()[0].split("\t") == GDELT_EVENT
    assert exported(db, "gdelt-mentions", header=True).splitlines()[0].split("\t") == GDELT_MENTIONS


def test_gdelt_mentions_read_by_position(db):  # noqa: F811
    events = {r["GlobalEventID"]: r for r in by_position(exported(db, "gdelt"), GDELT_EVENT)}
    mentions = by_position(exported(db, "gdelt-mentions"), GDELT_MENTIONS)
    assert len(mentions) == 4 and {m["GlobalEventID"] for m in mentions} == set(events)
    meeting = [m for m in mentions if events[m["GlobalEventID"]]["EventCode"] == "041"]
    assert sorted(m["MentionSourceName"] for m in meeting) == ["Wire A", "Wire B"]
    assert sorted(m["MentionIdentifier"] for m in meeting) == ["https://example.org/a1", "https://example.org/a2"]
    assert sorted(m["Confidence"] for m in meeting) == ["80", "90"]
    for m in mentions:
        assert (m["SentenceID"], m["ActionCharOffset"], m["Actor1CharOffset"], m["MentionType"]) == ("1", "0", "0", "1")
        assert m["EventTimeDate"] == events[m["GlobalEventID"]]["DATEADDED"] and len(m["MentionTimeDate"]) == 14
        assert int(m["MentionDocLen"]) > 0
    statement = next(m for m in mentions if events[m["GlobalEventID"]]["EventCode"] == "010")
    assert statement["Actor2CharOffset"] == "-1" and statement["MentionIdentifier"] == "a3"


def test_plover_records_use_plover_names_and_leave_statements_out(db):  # noqa: F811
    out = io.StringIO()
    with open_store(db) as store:
        report = export_report(store, ALL, "plover", out)
    records = {r["cameo"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert (report.written, report.left_out) == (2, 1) and set(records) == {"041", "190"}
    meet = records["041"]
    assert {"id", "date", "source", "target", "event", "mode", "context", "eventText", "text", "eventLoc"} <= set(meet)
    assert (meet["event"], meet["date"], meet["eventText"], meet["publication"]) == (
        "CONSULT", "2022-02-28", "met", "Wire A")
    assert meet["source"] == [{"actorText": "text of RUSGOV", "code": "RUSGOV", "sector": "GOV", "country": "RUS",
                               "name": "name of RUSGOV"}]
    assert meet["eventLoc"]["placeName"] == "Kabul" and records["190"]["context"] == ["military"]


def test_polecat_columns_and_left_out_statements(db):  # noqa: F811
    rows = list(csv.DictReader(io.StringIO(exported(db, "polecat")), delimiter="\t"))
    assert list(rows[0])[:8] == ["Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code",
                                 "Contexts", "Actor Name"]
    assert {r["Event Type"] for r in rows} == {"CONSULT", "ASSAULT"}
    meet = next(r for r in rows if r["Event Type"] == "CONSULT")
    assert (meet["Actor Country"], meet["Recipient Country"], meet["Primary Actor Sector"], meet["Country"]) == (
        "RUS", "TJK", "GOV", "AFG")
    assert (meet["Latitude"], meet["Placename"], meet["Source"]) == ("34.53", "Kabul", "Wire A")


def test_cli_says_how_many_were_left_out(db, tmp_path):  # noqa: F811
    for fmt in ("plover", "polecat"):
        result = CliRunner().invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(tmp_path / fmt)])
        assert result.exit_code == 0, result.output
        assert "2 events" in result.stderr and "1 event left out" in result.stderr
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt", "--header"])
    assert result.stdout.splitlines()[0].split("\t") == GDELT_EVENT
    result = CliRunner().invoke(main, ["export", "--db", db, "--format", "gdelt-mentions"])
    assert len(result.stdout.splitlines()) == 4 and "4 mentions of 3 events" in result.stderr


STORY = ("ANKARA, March 16 (Anadolu) - Turkish Foreign Minister Mevlut Cavusoglu held talks with his "
         "Hungarian counterpart Peter Szijjarto in Ankara on Wednesday.\n\n"
         "Russian forces shelled the city of Kharkiv on Tuesday, Ukrainian officials said.\n")


@pytest.mark.parametrize("fmt", ["plover", "polecat"])
def test_evaluate_reads_its_own_exports_back(tmp_path: Path, fmt: str):
    runner = CliRunner()
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    db_path = str(tmp_path / "coded.db")
    assert runner.invoke(main, ["ingest", str(tmp_path / "story.txt"), "--db", db_path,
                                "--date", "2023-03-16"]).exit_code == 0
    gold = tmp_path / f"gold.{fmt}"
    assert runner.invoke(main, ["export", "--db", db_path, "--format", fmt, "-o", str(gold)]).exit_code == 0
    result = runner.invoke(main, ["evaluate", str(gold)])
    assert result.exit_code == 0, result.output
    plover_line = next(line for line in result.stdout.splitlines() if line.startswith("plover "))
    precision, recall = map(float, plover_line.split()[1:3])
    assert recall == 1.0 and precision > 0, result.stdout  # the same coder finds what it exported
