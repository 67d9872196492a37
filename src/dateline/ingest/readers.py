"""One reader per input format. Readers never raise on bad input: they yield IngestError and go on."""

from __future__ import annotations

import csv
import itertools
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from dateline.ingest import metadata
from dateline.ingest.html import parse_html
from dateline.records import Article

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CSV_SUFFIXES = {".csv"}
HTML_SUFFIXES = {".html", ".htm"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class IngestError:
    """An input that could not be read: where ("file:line") and what went wrong."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Defaults:
    date: date | None = None
    source: str | None = None


Item = Article | IngestError


def build_article(fields: dict[str, Any], origin: str, defaults: Defaults) -> Article | IngestError:
    """An Article from raw fields, with metadata found in the text where fields are missing."""
    text = str(fields.get("text") or "")
    own_date, text = metadata.split_date_line(text)
    title, text = metadata.strip_boilerplate(text)
    if not text.strip():
        return IngestError(origin, "no article text")
    given = fields.get("date")
    try:
        day = date.fromisoformat(str(given)[:10]) if given else own_date
    except ValueError:
        return IngestError(origin, f"bad date {given!r} (expected YYYY-MM-DD)")
    basis = "metadata" if day else "unknown"
    found = metadata.find_dateline(text)
    if day is None and found is not None:
        day = metadata.dateline_date(found, defaults.date)
        basis = "dateline" if day else basis
    if day is None and defaults.date is not None:
        day, basis = defaults.date, "option"
    source = fields.get("source") or (found.agency if found else None) or defaults.source
    return Article(
        id=str(fields["id"]), text=text, date=day, date_basis=basis, source=source,
        title=fields.get("title") or title, url=fields.get("url"),
        dateline_place=found.place if found else None, origin=origin,
    )


def read_text_file(path: Path, defaults: Defaults) -> Iterator[Item]:
    text = _read_text(path)
    if isinstance(text, IngestError):
        yield text
        return
    if path.suffix.lower() in HTML_SUFFIXES:
        fields = parse_html(text)
        fields["id"] = path.stem
        yield build_article(fields, str(path), defaults)
        return
    yield build_article({"id": path.stem, "text": text}, str(path), defaults)


def _read_text(path: Path) -> str | IngestError:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return IngestError(str(path), f"cannot read file ({exc.strerror or exc})")
    if b"\x00" in raw:
        return IngestError(str(path), "not UTF-8 text (binary file?)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return IngestError(str(path), f"not UTF-8 text (byte {exc.start}); convert it to UTF-8")
    if not text.strip():
        return IngestError(str(path), "empty file")
    return text


def read_jsonl(stream: TextIO, name: str, defaults: Defaults, first_line: int = 1) -> Iterator[Item]:
    """Articles of a JSON-lines stream; `first_line` numbers a stream that starts mid-file."""
    stem = Path(name).stem
    for number, line in enumerate(stream, first_line):
        if not line.strip():
            continue
        origin = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(origin, f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(record, dict):
            yield IngestError(origin, "expected a JSON object with at least a 'text' field")
            continue
        if not isinstance(record.get("text"), str) or not record["text"].strip():
            yield IngestError(origin, "missing or empty 'text'")
            continue
        record.setdefault("id", f"{stem}-{number}")
        yield build_article(record, origin, defaults)


def read_csv(stream: TextIO, name: str, defaults: Defaults) -> Iterator[Item]:
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(stream)
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError(f"{name}:1", f"bad CSV header ({exc})")
        return
    if "text" not in header:
        yield IngestError(f"{name}:1", f"CSV has no 'text' column (columns: {', '.join(header) or 'none'})")
        return
    stem = Path(name).stem
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(f"{name}:{reader.line_num}", f"bad CSV row ({exc})")
            continue
        origin = f"{name}:{reader.line_num}"
        if not (row.get("text") or "").strip():
            yield IngestError(origin, "empty 'text'")
            continue
        fields = {k: v for k, v in row.items() if k and v}
        fields.setdefault("id", f"{stem}-{reader.line_num}")
        yield build_article(fields, origin, defaults)


def read_path(path: Path, defaults: Defaults) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES or suffix in CSV_SUFFIXES:
        reader = read_jsonl if suffix in JSONL_SUFFIXES else read_csv
        try:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                yield from reader(stream, str(path), defaults)
        except UnicodeDecodeError:
            yield IngestError(str(path), "not UTF-8 text (binary file?)")
        except OSError as exc:
            yield IngestError(str(path), f"cannot read file ({exc.strerror or exc})")
        return
    yield from read_text_file(path, defaults)


def read_stdin(stream: TextIO, defaults: Defaults) -> Iterator[Item]:
    """JSON lines when the first non-blank character is '{' (streamed), else one text article."""
    head: list[str] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if not "".join(head).strip():
        yield IngestError("<stdin>", "empty input")
        return
    if head[-1].lstrip().startswith("{"):
        yield from read_jsonl(itertools.chain(head, stream), "<stdin>", defaults)  # type: ignore[arg-type]
        return
    yield build_article({"id": "stdin", "text": "".join(head) + stream.read()}, "<stdin>", defaults)
