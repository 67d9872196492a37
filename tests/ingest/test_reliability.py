"""The hostile-input battery and property-based fuzzing of readers and patterns.

The battery (tests/hostile.py) ingests every hostile case side by side with good articles and checks:
every good article is coded and stored, every bad record is reported with its file (and line),
nothing else is reported, no crash (exit status 1, never 3, no traceback), and no input under 1 MB
takes 5 s or more to code.
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile import write_battery
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.cli import main
from dateline.ingest import IngestError, IngestNote, read_inputs, walk
from dateline.ingest.metadata import find_dateline, strip_boilerplate
from dateline.ingest.readers import Defaults, build_items, read_csv, read_jsonl, read_stdin
from dateline.records import Article
from dateline.store import open_store
from dateline.when import find_date_expressions

SLOW = 5.0


@pytest.fixture(scope="module")
def battery(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return folder, write_battery(folder)


def _reported(stderr: str, folder: Path) -> set[str]:
    origins = set()
    for line in stderr.splitlines():
        if line.startswith("dateline: error: "):
            origins.add(line.removeprefix("dateline: error: ").split(": ", 1)[0].removeprefix(f"{folder}/"))
    return origins


def test_battery_every_good_article_stored_every_bad_record_reported(battery, tmp_path):
    folder, cases = battery
    db = tmp_path / "battery.db"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and "internal error" not in result.output
    with open_store(str(db)) as store:
        stored = {a.id for a in store.iter_articles()}
    good = {g for case in cases for g in case.good}
    assert good - stored == set(), "good articles lost"
    assert stored - good == set(), "bad records stored"
    expected = {origin for case in cases for origin in case.rejected}
    reported = _reported(result.stderr, folder)
    assert expected - reported == set(), "bad records not reported (silent loss)"
    assert reported - expected == set(), "good records rejected"
    summary = result.stderr.strip().splitlines()[-1]
    assert f"{len(expected)} records rejected" in summary
    print(f"battery: {len(cases)} cases, {len(good)} good articles stored, {len(expected)} bad records reported")


def test_battery_no_input_under_a_megabyte_is_slow(battery):
    folder, cases = battery
    runner = CliRunner()
    runner.invoke(main, ["code", str(folder / "a" / "news.txt")])  # load the model before timing
    timings = {}
    for case in cases:
        path = folder / case.path
        if path.is_symlink() or path.stat().st_size >= 1_000_000:
            continue
        began = time.perf_counter()
        result = runner.invoke(main, ["code", str(path), "--date", "2023-03-22"])
        timings[case.name] = time.perf_counter() - began
        assert result.exit_code in (0, 1), (case.name, result.output)
    slowest = max(timings, key=timings.get)
    print(f"battery: {len(timings)} inputs under 1 MB, slowest {slowest} {timings[slowest]:.2f} s")
    assert timings[slowest] < SLOW, timings


def test_same_stem_in_two_folders_and_symlink_loops(battery):
    folder, _ = battery
    found = list(walk(folder))
    ids = [f[1] for f in found if not isinstance(f, IngestError)]
    assert "a/news" in ids and "b/news" in ids
    assert len(ids) == len(set(ids))
    assert any(isinstance(f, IngestError) and "loop" in f.message for f in found)


def test_an_unreadable_directory_is_reported(tmp_path, monkeypatch):
    (tmp_path / "ok.txt").write_text("Putin met Xi in Moscow.", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    real_scandir = __import__("os").scandir

    def scandir(path):  # as root, permissions are not enforced: refuse as the OS would for a user
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr("dateline.ingest.os.scandir", scandir)
    items = list(read_inputs([str(tmp_path)]))
    assert [str(i) for i in items if isinstance(i, IngestError)] == \
        [f"{tmp_path}/locked: cannot read directory (Permission denied)"]
    assert [a.id for a in items if isinstance(a, Article)] == ["ok"]


# -- property-based fuzzing ------------------------------------------------------------------------------
_LINES = st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: t.encode("utf-8", "replace")),
                            st.builds(lambda d: json.dumps(d).encode(), st.dictionaries(
                                st.sampled_from(["id", "text", "date", "source", "title", "url", "x"]),
                                st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30),
                                          st.lists(st.integers(), max_size=3)), max_size=6))), max_size=8)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_LINES)
def test_jsonl_reader_accounts_for_every_line(lines):
    raw = b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n"
    items = list(read_jsonl(io.BytesIO(raw), "f.jsonl", Defaults()))
    records = [i for i in items if not isinstance(i, IngestNote)]
    body = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark opens the file: it is no text of line 1
    non_blank = [n for n, line in enumerate(body.split(b"\n")[:-1], 1) if line.decode("utf-8", "replace").strip()]
    assert sorted(int(i.origin.rsplit(":", 1)[1]) for i in records) == non_blank
    for item in records:
        if isinstance(item, Article):
            assert item.id and item.id != "None" and "\x00" not in item.text
            item.text.encode("utf-8")  # no lone surrogates left


_ADVERSARIAL = st.text(alphabet="Aa -.,()/:\n'—0123", min_size=0, max_size=600)


@settings(max_examples=200, deadline=None)
@given(_ADVERSARIAL)
def test_patterns_never_run_away(text):
    began = time.perf_counter()
    find_dateline(text)
    strip_boilerplate(text)
    find_date_expressions(text)
    assert time.perf_counter() - began < 0.5


@pytest.mark.parametrize("text", [
    "A" + "-A" * 400 + " met Xi.", "A" + " A" * 4000 + " met Xi.", "A" + "-A" * 20000, "A." * 50000,
    "WASHINGTON" + ", A" * 5000 + " (Reuters) - x", "Monday " * 20000, "on 12 " * 20000, "(" * 50000,
])
def test_known_worst_cases_stay_fast(text):
    began = time.perf_counter()
    find_dateline(text)
    strip_boilerplate(text)
    find_date_expressions(text)
    assert time.perf_counter() - began < 1.0


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(),
                                                                               max_size=2))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "text", "date", "source", "title", "url"]), _VALUES))
def test_any_record_is_an_article_or_one_error(record):
    items = list(build_items(record, "r:1", Defaults()))
    outcomes = [i for i in items if not isinstance(i, IngestNote)]
    assert len(outcomes) == 1 and isinstance(outcomes[0], Article | IngestError)
    if isinstance(outcomes[0], Article):
        assert isinstance(record.get("text"), str) and outcomes[0].id not in ("", "None")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_stdin_and_csv_readers_never_raise(raw):
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    for item in read_stdin(stdin, Defaults()):
        assert isinstance(item, Article | IngestError | IngestNote)
    for item in read_csv(io.BytesIO(b"id,text\n" + raw), "f.csv", Defaults()):
        assert isinstance(item, Article | IngestError | IngestNote)


def test_battery_through_batch(battery, tmp_path):
    folder, cases = battery
    out = tmp_path / "run"
    result = CliRunner().invoke(main, ["batch", str(folder), "--output", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    report = json.loads((out / "report.json").read_text())
    failed = {f.split(": ", 1)[0].removeprefix(f"{folder}/") for f in report["failures"]}
    assert failed == {origin for case in cases for origin in case.rejected}
    db = tmp_path / "from_batch.db"
    assert CliRunner().invoke(main, ["ingest", str(out), "--db", str(db)]).exit_code == 0
    with open_store(str(db)) as store:
        stored = {a.id for a in store.iter_articles()}
    assert stored == {g for case in cases for g in case.good}
