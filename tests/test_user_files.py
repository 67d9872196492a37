"""A user's own trigger and ontology files extend and override the bundled ones (real parses)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dateline.cli import main

STORY = "Ruritania snubbed Freedonia's envoy on Monday, officials said.\n"


def _code(tmp_path, *options: str) -> list[dict]:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, [*options, "code", str(story), "--date", "2024-05-08", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]


def _actors(tmp_path) -> str:
    path = tmp_path / "actors.yaml"
    path.write_text("countries:\n"
                    "- {code: RUR, name: Ruritania, adjectives: [Ruritanian]}\n"
                    "- {code: FRD, name: Freedonia, adjectives: [Freedonian]}\n", encoding="utf-8")
    return str(path)


def test_a_user_trigger_file_adds_a_verb(tmp_path):
    actors = _actors(tmp_path)
    assert not [e for e in _code(tmp_path, "--actors", actors) if e["trigger"]["text"] == "snubbed"]
    triggers = tmp_path / "mine.yaml"
    triggers.write_text('verbs:\n  - {lemma: snub, code: "120", target: obj}\n', encoding="utf-8")
    events = _code(tmp_path, "--actors", actors, "--triggers", str(triggers))
    snub = [e for e in events if e["trigger"]["text"] == "snubbed"]
    assert [(e["cameo"], e["source"][0]["code"], e["target"][0]["country"]) for e in snub] == [("120", "RUR", "FRD")]


def test_a_user_ontology_redefines_a_code(tmp_path):
    actors = _actors(tmp_path)
    triggers = tmp_path / "mine.yaml"
    triggers.write_text('verbs:\n  - {lemma: snub, code: "120", target: obj}\n', encoding="utf-8")
    bundled = [e for e in _code(tmp_path, "--actors", actors, "--triggers", str(triggers)) if e["cameo"] == "120"]
    ontology = tmp_path / "cameo.tsv"
    row = ["120", "Reject, unspecified (our scale)", "REJECT", "", "", "-5.5", "3"]
    ontology.write_text("\t".join(row) + "\n", encoding="utf-8")
    mine = [e for e in _code(tmp_path, "--actors", actors, "--triggers", str(triggers), "--ontology", str(ontology))
            if e["cameo"] == "120"]
    assert bundled and mine
    assert mine[0]["goldstein"] == -5.5 and bundled[0]["goldstein"] != -5.5


def test_a_bad_trigger_file_names_file_and_line(tmp_path):
    triggers = tmp_path / "bad.yaml"
    triggers.write_text('verbs:\n  - {lemma: snub, code: "9999"}\n', encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["--triggers", str(triggers), "code", str(story), "--date", "2024-05-08"])
    assert result.exit_code != 0
    assert result.exit_code == 2
    assert "bad.yaml:2" in result.stderr and "9999" in result.stderr and "Traceback" not in result.output


def test_a_user_trigger_file_changes_the_coder_version_and_recode_recodes(tmp_path):
    actors = _actors(tmp_path)
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    db = str(tmp_path / "events.db")
    stored = CliRunner().invoke(main, ["--actors", actors, "ingest", str(story), "--db", db, "--date", "2024-05-08"])
    assert stored.exit_code == 0, stored.output
    same = CliRunner().invoke(main, ["--actors", actors, "recode", "--db", db])
    assert same.exit_code == 0 and "0 articles re-coded" in same.stderr
    triggers = tmp_path / "mine.yaml"
    triggers.write_text('verbs:\n  - {lemma: snub, code: "120", target: obj}\n', encoding="utf-8")
    mine = ["--actors", actors, "--triggers", str(triggers)]
    recoded = CliRunner().invoke(main, [*mine, "recode", "--db", db])
    assert recoded.exit_code == 0 and "1 article re-coded" in recoded.stderr, recoded.output
    events = CliRunner().invoke(main, ["events", "--db", db, "--format", "jsonl"])
    # the snub (the user's rule) and the officials' statement (CAMEO 010)
    assert sorted(json.loads(line)["cameo"] for line in events.stdout.splitlines()) == ["010", "120"]
    again = CliRunner().invoke(main, [*mine, "recode", "--db", db])
    assert "0 articles re-coded" in again.stderr
