"""Exports against a real SQLite store: every format round-trips, filters apply, Parquet loads in
pyarrow and DuckDB, and the column lists equal the tables of docs/exports.md."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from dateline.cli import main
from dateline.export import (
    FLAT_COLUMNS,
    FLAT_TYPES,
    GDELT_COLUMNS,
    GDELT_MENTION_COLUMNS,
    PLOVER_FIELDS,
    POLECAT_COLUMNS,
    ExportError,
    export,
    parquet_schema,
    write_parquet,
)
from dateline.export_gdelt import global_event_id
from dateline.records import Actor, Article, DateRef, Event, Place, Plover, Span
from dateline.store import EventQuery, open_store

DOCS = Path(__file__).resolve().parent.parent / "docs" / "exports.md"
KABUL = Place("Kabul", "Kabul", "AFG", 34.53, 69.17, "capital")
ALL = EventQuery()


def actor(code: str) -> Actor:
    return Actor(text=f"text of {code}", start=0, end=3, code=code, name=f"name of {code}", country=code[:3],
                 sector=code[3:] or None, rule="test")


def event(art: Article, cameo: str, plover: str | None, src: str, tgt: str | None, day: date | None, *,
          precision: str = "day", place: Place | None = None, negated: bool = False, confidence: float = 0.9,
          context: str | None = None) -> Event:
    return Event(
        article_id=art.id, sentence_index=0, sentence=art.text, trigger=Span("met", 0, 3), cameo=cameo,
        plover=Plover(plover, None, context), quad_class=1 if cameo < "06" else 4, goldstein=1.0,
        source=(actor(src),), target=(actor(tgt),) if tgt else (),
        date=DateRef(day, precision if day else "unknown", None, "explicit" if day else "unknown"),
        location=place, negated=negated, confidence=confidence,
    )


def article(n: int, source: str, day: date) -> Article:
    return Article(id=f"a{n}", text=f"Putin met Rahmon in Kabul, report {n}.", date=day, source=source,
                   url=f"https://example.org/a{n}")


@pytest.fixture
def db(tmp_path: Path) -> str:
    """Three events: a meeting in Kabul reported by two outlets, a month-dated attack, an undated
    negated statement without a target."""
    path = str(tmp_path / "x.db")
    a1, a2 = article(1, "Wire A", date(2022, 3, 1)), article(2, "Wire B", date(2022, 3, 2))
    with open_store(path) as store:
        store.add_article(a1, [
            event(a1, "041", "CONSULT", "RUSGOV", "TJKGOV", date(2022, 2, 28), place=KABUL, confidence=0.9),
            event(a1, "190", "ASSAULT", "RUSMIL", "UKR", date(2022, 2, 1), precision="month", context="military"),
        ], "test-1")
        store.add_article(a2, [event(a2, "041", "CONSULT", "RUSGOV", "TJKGOV", date(2022, 2, 28), place=KABUL,
                                     confidence=0.8)], "test-1")
        a3 = Article(id="a3", text="Iran did not comment.", date=date(2022, 3, 5), source="Wire A")
        store.add_article(a3, [event(a3, "01", None, "IRN", None, None, negated=True)], "test-1")
    return path


def run(db: str, fmt: str, query: EventQuery = ALL, **kwargs: Any) -> tuple[int, str]:
    out = io.StringIO()
    with open_store(db) as store:
        count = export(store, query, fmt, out, **kwargs)
    return count, out.getvalue()


def by_cameo(rows: list[dict[str, Any]], field: str = "EventCode") -> dict[str, dict[str, Any]]:
    return {r[field]: r for r in rows}


# -- GDELT, PLOVER, POLECAT: tests/test_export_formats.py -------------------------------------------
def gdelt_rows(text: str) -> list[dict[str, str]]:
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in text.splitlines()]


def test_url_comes_from_get_event_when_the_store_omits_the_article(db):
    class NoArticles:
        def __init__(self, store):
            self.store = store

        def iter_events(self, query, batch=1000):
            for e in self.store.iter_events(query, batch):
                yield {k: v for k, v in e.items() if k != "article"}

        def get_event(self, event_id):
            return self.store.get_event(event_id)

    out = io.StringIO()
    with open_store(db) as store:
        export(NoArticles(store), EventQuery(plover="CONSULT"), "gdelt", out)  # type: ignore[arg-type]
    assert gdelt_rows(out.getvalue())[0]["SOURCEURL"] == "https://example.org/a1"


def test_csv_rows(db):
    count, text = run(db, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 3 and list(rows[0]) == FLAT_COLUMNS
    rows_by = by_cameo(rows, "cameo")
    meet, attack = rows_by["041"], rows_by["190"]
    assert (meet["num_mentions"], meet["num_articles"], meet["num_sources"]) == ("2", "2", "2")
    assert (meet["lat"], meet["location_country"], meet["url"], meet["source_country"]) == (
        "34.53", "AFG", "https://example.org/a1", "RUS")
    assert (attack["date"], attack["date_lo"], attack["date_hi"]) == ("2022-02-01", "2022-02-01", "2022-02-28")
    assert (meet["first_seen"], meet["last_seen"]) == ("2022-03-01", "2022-03-02")


def test_jsonl_is_the_stored_event_dicts(db):
    count, text = run(db, "jsonl")
    with open_store(db) as store:
        assert [json.loads(line) for line in text.splitlines()] == list(store.iter_events(ALL))
    assert count == 3


@pytest.mark.parametrize("query", [
    EventQuery(actor="TJK"), EventQuery(plover="ASSAULT"), EventQuery(cameo="01"), EventQuery(place="kab"),
    EventQuery(since=date(2022, 2, 15)), EventQuery(until=date(2022, 2, 15)), EventQuery(text="report 2"),
    EventQuery(include_negated=False), EventQuery(dyad="RUS-UKR"), EventQuery(limit=1), EventQuery(country="XXX"),
])
@pytest.mark.parametrize("fmt", ["gdelt", "gdelt-mentions", "plover", "polecat", "csv", "jsonl"])
def test_filters_apply_to_every_format(db, query, fmt):
    with open_store(db) as store:
        found = list(store.iter_events(query))
    expected = [e["id"] for e in found if fmt not in ("plover", "polecat") or e["plover"]["event"] is not None]
    count, text = run(db, fmt, query)
    if fmt == "gdelt":
        ids = [global_event_id(i) for i in expected]
        assert [int(r["GlobalEventID"]) for r in gdelt_rows(text)] == ids and count == len(ids)
    elif fmt == "gdelt-mentions":
        rows = [line.split("\t") for line in text.splitlines()]
        assert {int(r[0]) for r in rows} == {global_event_id(i) for i in expected}
        assert count == len(rows) == sum(e["num_mentions"] for e in found)
    else:
        if fmt == "csv":
            ids = [r["id"] for r in csv.DictReader(io.StringIO(text))]
        elif fmt == "polecat":
            ids = [r["Event ID"] for r in csv.DictReader(io.StringIO(text), delimiter="\t")]
        else:
            ids = [json.loads(line)["id"] for line in text.splitlines()]
        assert ids == expected and count == len(expected)
    assert 0 < len(found) < 3 or query.country == "XXX"


# -- Parquet ---------------------------------------------------------------------------------------
def test_parquet_loads_in_pyarrow_and_duckdb(db, tmp_path):
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    with open_store(db) as store:
        assert export(store, ALL, "parquet", path) == 3
    table = pq.read_table(path)
    assert table.schema.equals(parquet_schema()) and table.num_rows == 3
    assert table.schema.field("date").type == pa.date32() and table.schema.field("num_mentions").type == pa.int32()
    rows = by_cameo(table.to_pylist(), "cameo")
    assert rows["190"]["date_hi"] == date(2022, 2, 28) and rows["01"]["date"] is None
    assert rows["041"]["lat"] == 34.53 and rows["01"]["negated"] is True
    found = duckdb.sql(f"SELECT count(*), sum(num_mentions), count(date), max(date) "
                       f"FROM read_parquet('{path}')").fetchall()[0]
    assert found == (3, 4, 2, date(2022, 2, 28))
    consult = duckdb.sql(f"SELECT num_articles FROM read_parquet('{path}') WHERE plover_event = 'CONSULT'")
    assert consult.fetchall() == [(2,)]


def test_empty_parquet_export_keeps_typed_columns(db, tmp_path):
    import duckdb
    import pyarrow.parquet as pq

    path = tmp_path / "none.parquet"
    with open_store(db) as store:
        assert export(store, EventQuery(actor="ZZZ"), "parquet", str(path)) == 0
    table = pq.read_table(path)
    assert table.num_rows == 0 and table.schema.equals(parquet_schema())
    assert duckdb.sql(f"SELECT count(*) FROM read_parquet('{path}')").fetchall() == [(0,)]


def test_parquet_row_groups_and_streams(db):
    import pyarrow.parquet as pq

    out = io.BytesIO()
    with open_store(db) as store:
        assert write_parquet(store.iter_events(ALL), out, row_group=2) == 3
        with pytest.raises(ExportError, match="binary"):
            export(store, ALL, "parquet", io.StringIO())
    metadata = pq.ParquetFile(io.BytesIO(out.getvalue())).metadata
    assert (metadata.num_rows, metadata.num_row_groups) == (3, 2)


# -- docs ------------------------------------------------------------------------------------------
def doc_table(fmt: str) -> list[tuple[str, str]]:
    """(column, type) rows of the table under the heading that names ``--format FMT``."""
    section = re.split(r"^## ", DOCS.read_text(encoding="utf-8"), flags=re.MULTILINE)
    text = next(s for s in section if f"`--format {fmt}`" in s.splitlines()[0])
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| `")]
    return [(cells[1].strip().strip("`"), cells[2].strip()) for cells in rows]


def test_docs_list_every_column_of_every_format():
    assert [name for name, _ in doc_table("gdelt")] == GDELT_COLUMNS
    assert [name for name, _ in doc_table("gdelt-mentions")] == GDELT_MENTION_COLUMNS
    assert [name for name, _ in doc_table("plover")] == PLOVER_FIELDS
    assert [name for name, _ in doc_table("polecat")] == POLECAT_COLUMNS
    flat = doc_table("csv")
    assert [name for name, _ in flat] == FLAT_COLUMNS == parquet_schema().names
    assert {name: kind for name, kind in flat if kind != "string"} == FLAT_TYPES


# -- command line ----------------------------------------------------------------------------------
def test_cli_export_writes_files_and_stdout(db, tmp_path):
    import pyarrow.parquet as pq

    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db, "--format", "gdelt", "--type", "CONSULT", "--header"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split("\t") == GDELT_COLUMNS and len(result.stdout.splitlines()) == 2
    tsv = tmp_path / "out.tsv"
    result = runner.invoke(main, ["export", "--db", db, "--format", "gdelt", "-o", str(tsv)])
    assert result.exit_code == 0 and len(tsv.read_text().splitlines()) == 3 and "3 events" in result.stderr
    parquet = tmp_path / "out.parquet"
    result = runner.invoke(main, ["export", "--db", db, "--format", "parquet", "--output", str(parquet),
                                  "--until", "2022-02-10"])
    assert result.exit_code == 0 and pq.read_table(parquet).num_rows == 1
    for fmt in ("plover", "csv", "jsonl"):
        target = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["export", "--db", db, "--format", fmt, "-o", str(target), "--limit", "2"])
        assert result.exit_code == 0 and len(target.read_text().splitlines()) == 2 + (fmt == "csv")


def test_cli_export_refuses_parquet_to_stdout_and_bad_filters(db):
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert result.exit_code == 2 and "--output" in result.stderr
    result = runner.invoke(main, ["export", "--db", db, "--format", "csv", "--dyad", "RUS"])
    assert result.exit_code == 2 and "dyad" in result.stderr
