"""`dateline batch`: partitions, Parquet shards, run report, re-runs; on a local 2-worker Dask cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from dateline.batch import plan
from dateline.cli import main
from dateline.export import parquet_schema
from dateline.store import open_store

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 articles as JSON lines (the sample dispatches, twice) and one broken line."""
    from dateline.ingest import read_inputs

    articles = [a for a in read_inputs([str(EXAMPLES)]) if hasattr(a, "text")][:30]
    path = tmp_path_factory.mktemp("batch") / "in.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(2):
            for a in articles:
                out.write(json.dumps({"id": f"{a.id}-{copy}", "text": a.text,
                                      "date": a.date.isoformat() if a.date else None}) + "\n")
        out.write("{broken\n")
    return path


def test_plan_cuts_jsonl_at_line_boundaries(corpus):
    parts = plan([str(corpus)], partition_mb=0.02)
    assert len(parts) > 2
    assert parts[0].start == 0 and parts[-1].end == corpus.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    raw = corpus.read_bytes()
    assert all(raw[p.start - 1:p.start] == b"\n" for p in parts[1:])
    lines = [raw[: p.start].count(b"\n") + 1 for p in parts]
    assert lines == [p.first_line for p in parts]


def test_dask_batch_writes_shards_and_report_and_skips_on_rerun(corpus, tmp_path):
    out = tmp_path / "out"
    args = ["batch", str(corpus), "--output", str(out), "--engine", "dask", "--workers", "2",
            "--partition-mb", "0.05"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 1  # the broken line is a failure, reported with file and line
    assert f"{corpus}:61: not valid JSON" in first.output
    report = json.loads((out / "report.json").read_text())
    assert report["articles"] == 60 and report["events"] > 60 and report["skipped"] == 0
    table = pq.read_table(out / "events")
    assert table.num_rows == report["events"]
    assert table.schema == parquet_schema()  # the columns and types of `export --format parquet`
    assert str(table.schema.field("date").type) == "date32[day]"
    assert len(set(table.column("article_id").to_pylist())) > 40
    second = CliRunner().invoke(main, args)
    again = json.loads((out / "report.json").read_text())
    assert again["skipped"] == again["partitions"] and again["events"] == report["events"]
    assert "already done" in second.output


def test_local_engine_gives_the_same_events_and_ingest_loads_them(corpus, tmp_path):
    local = tmp_path / "local"
    CliRunner().invoke(main, ["batch", str(corpus), "--output", str(local), "--partition-mb", "0.05"])
    rows = pq.read_table(local / "events").num_rows
    assert rows == json.loads((local / "report.json").read_text())["events"] > 60
    loaded, direct = tmp_path / "loaded.db", tmp_path / "direct.db"
    result = CliRunner().invoke(main, ["ingest", str(local), "--db", str(loaded)])
    assert result.exit_code == 0, result.output
    assert f"60 articles (60 new, 0 replaced, 0 unchanged), {rows} event mentions coded" in result.stderr
    CliRunner().invoke(main, ["ingest", str(corpus), "--db", str(direct)])
    with open_store(str(loaded)) as a, open_store(str(direct)) as b:
        assert a.counts() == b.counts()
        assert [e["id"] for e in a.query_events()] == [e["id"] for e in b.query_events()]
    again = CliRunner().invoke(main, ["ingest", str(local), "--db", str(loaded)])
    assert "60 unchanged" in again.stderr


def test_spark_engine_when_available(corpus, tmp_path):
    pytest.importorskip("pyspark")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    out = tmp_path / "spark"
    result = CliRunner().invoke(main, ["batch", str(corpus), "--output", str(out), "--engine", "spark",
                                       "--scheduler", "local[2]", "--partition-mb", "0.05"])
    assert json.loads((out / "report.json").read_text())["articles"] == 60, result.output
