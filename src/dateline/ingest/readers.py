"""One reader per input format. Readers never raise on bad input: they yield IngestError and go on.

Every reader streams: a JSONL or CSV file is read one bounded line at a time, so a huge or broken
record costs only itself. Fields are checked and text normalised once (`fields.py`); what had to be
repaired (invalid bytes, NUL, lone surrogates) is reported as an IngestNote beside the article.
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from dateline.ingest import metadata
from dateline.ingest.fields import FieldError, Limits, check_fields, check_id, clean_text
from dateline.ingest.html import parse_html
from dateline.ingest.streams import Line, Prefixed, binary_kind, decode, lines, read_bounded
from dateline.lexicon import Lexicon
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
class IngestNote:
    """Something repaired in an input that was still read (invalid bytes, NUL...): a warning."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


@dataclass(frozen=True)
class Defaults:
    date: date | None = None
    source: str | None = None
    limits: Limits = field(default_factory=Limits)
    lexicon: Lexicon | None = None  # month names of wire datelines, page furniture; None: the bundled lexicon


Item = Article | IngestError | IngestNote


def build_article(fields: dict[str, Any], origin: str, defaults: Defaults) -> Article | IngestError:
    """An Article from raw fields, with metadata found in the text where fields are missing.

    `fields` must hold a usable "id"; the other fields are validated and normalised here."""
    items = list(build_items(fields, origin, defaults))
    return next((i for i in items if isinstance(i, Article | IngestError)), IngestError(origin, "no article"))


def build_items(record: dict[str, Any], origin: str, defaults: Defaults) -> Iterator[Item]:
    """The Article (or the IngestError) for one record, after any IngestNotes on repairs made."""
    try:
        ident = check_id(record.get("id"))
        fields, notes = check_fields(record, defaults.limits)
    except FieldError as exc:
        yield IngestError(origin, str(exc))
        return
    if ident is None:
        yield IngestError(origin, "missing 'id'")
        return
    yield from (IngestNote(origin, note) for note in notes)
    yield _article(ident, fields, origin, defaults)


def _article(ident: str, fields: dict[str, Any], origin: str, defaults: Defaults) -> Article | IngestError:
    own_date, text = metadata.split_date_line(fields["text"])
    title, text = metadata.strip_boilerplate(text, defaults.lexicon)
    if not text.strip():
        return IngestError(origin, "no article text")
    given = fields.get("date")
    try:
        day = date.fromisoformat(given[:10]) if given else own_date
    except ValueError:
        return IngestError(origin, f"bad date {given[:40]!r} (expected YYYY-MM-DD)")
    basis = "metadata" if day else "unknown"
    found = metadata.find_dateline(text, lexicon=defaults.lexicon)
    if day is None and found is not None:
        day = metadata.dateline_date(found, defaults.date)
        basis = "dateline" if day else basis
    if day is None and defaults.date is not None:
        day, basis = defaults.date, "option"
    source = fields.get("source") or (found.agency if found else None) or defaults.source
    return Article(
        id=ident, text=text, date=day, date_basis=basis, source=source,
        title=fields.get("title") or title, url=fields.get("url"),
        dateline_place=found.place if found else None, origin=origin,
        dateline_span=(found.start, found.end) if found else (),
    )


# -- whole-file formats: text and HTML ---------------------------------------------------------------
def read_text_file(path: Path, defaults: Defaults, ident: str | None = None) -> Iterator[Item]:
    """One article from a text or HTML file; `ident` defaults to the file's stem."""
    origin = str(path)
    try:
        with path.open("rb") as handle:
            raw = read_bounded(handle, defaults.limits.max_record_bytes)
    except OSError as exc:
        yield IngestError(origin, f"cannot read file ({exc.strerror or exc})")
        return
    if raw is None:
        yield IngestError(origin, f"file larger than the limit of {defaults.limits.max_record_bytes:,} bytes")
        return
    yield from _text_article(raw, origin, ident or path.stem, defaults, html=path.suffix.lower() in HTML_SUFFIXES)


def _text_article(raw: bytes, origin: str, ident: str, defaults: Defaults, *, html: bool) -> Iterator[Item]:
    kind = binary_kind(raw[:4096])
    if kind is not None:
        yield IngestError(origin, f"{kind}, not text: dateline reads UTF-8 text, HTML, JSONL and CSV "
                                  "(extract the text first)")
        return
    text, note = decode(raw)
    if not text.strip():
        yield IngestError(origin, "empty file")
        return
    if note:
        yield IngestNote(origin, note)
    record: dict[str, Any] = parse_html(text, defaults.lexicon) if html else {"text": text}
    yield from build_items({**record, "id": ident}, origin, defaults)


# -- record formats: JSON lines and CSV --------------------------------------------------------------
def read_jsonl(stream: Iterable[str] | BinaryIO, name: str, defaults: Defaults, first_line: int = 1,
               end: int | None = None, ident: str | None = None) -> Iterator[Item]:
    """Articles of a JSON-lines stream (binary, or text lines); `first_line` numbers a stream that
    starts mid-file, `end` is the byte offset to stop at; records without an id get `ident-LINE`."""
    stem = ident or Path(name).stem
    for line in _lines(stream, defaults.limits.max_record_bytes, first_line, end):
        origin = f"{name}:{line.number}"
        if line.text is None:
            yield IngestError(origin, line.note or "unreadable line")
            continue
        if not line.text.strip():
            continue
        if line.note:
            yield IngestNote(origin, line.note)
        yield from _json_record(line.text, origin, f"{stem}-{line.number}", defaults)


def _json_record(text: str, origin: str, fallback_id: str, defaults: Defaults) -> Iterator[Item]:
    try:
        record = json.loads(text)
    except RecursionError:
        yield IngestError(origin, "not valid JSON (nested too deeply)")
        return
    except json.JSONDecodeError as exc:
        yield IngestError(origin, f"not valid JSON ({exc.msg})")
        return
    except ValueError:  # an integer beyond Python's digit limit
        yield IngestError(origin, "not valid JSON (a number with more than 4,300 digits)")
        return
    if not isinstance(record, dict):
        yield IngestError(origin, "expected a JSON object with at least a 'text' field")
        return
    if isinstance(record.get("text"), str) and not record["text"].strip():
        yield IngestError(origin, "empty 'text'")
        return
    if record.get("id") is None or record.get("id") == "":
        record["id"] = fallback_id
    yield from build_items(record, origin, defaults)


def _lines(stream: Iterable[str] | BinaryIO, limit: int, first: int, end: int | None) -> Iterator[Line]:
    if isinstance(stream, io.RawIOBase | io.BufferedIOBase | Prefixed):
        yield from lines(stream, limit, first, end)  # type: ignore[arg-type]
        return
    for number, text in enumerate(stream, first):  # text lines (tests, already-decoded streams)
        if len(text) > limit:
            yield Line(number, None, f"line longer than the limit of {limit:,} bytes")
        else:
            yield Line(number, text)  # type: ignore[arg-type]


def read_csv(stream: Iterable[str] | BinaryIO, name: str, defaults: Defaults, ident: str | None = None
             ) -> Iterator[Item]:
    """Articles of a CSV file with a header holding 'text' (and optionally id, date, source, title, url)."""
    limit = defaults.limits.max_record_bytes
    csv.field_size_limit(limit)
    notes: list[IngestNote] = []
    reader = csv.DictReader(_csv_lines(_lines(stream, limit, 1, None), name, notes))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        yield IngestError(f"{name}:1", f"bad CSV header ({exc})")
        return
    if "text" not in header:
        yield IngestError(f"{name}:1", f"CSV has no 'text' column (columns: {', '.join(header)[:200] or 'none'})")
        return
    stem = ident or Path(name).stem
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield IngestError(f"{name}:{reader.line_num}", f"bad CSV row ({exc})")
            continue
        finally:
            yield from notes
            notes.clear()
        yield from _csv_row(row, f"{name}:{reader.line_num}", f"{stem}-{reader.line_num}", defaults)


def _csv_row(row: dict[str, Any], origin: str, fallback_id: str, defaults: Defaults) -> Iterator[Item]:
    if not (row.get("text") or "").strip():
        yield IngestError(origin, "empty 'text'")
        return
    fields = {k: v for k, v in row.items() if k and isinstance(v, str) and v}
    fields.setdefault("id", fallback_id)
    yield from build_items(fields, origin, defaults)


def _csv_lines(source: Iterator[Line], name: str, notes: list[IngestNote]) -> Iterator[str]:
    for line in source:
        if line.text is None:
            notes.append(IngestNote(f"{name}:{line.number}", f"{line.note}; the line was left out"))
            yield "\n"
            continue
        if line.note:
            notes.append(IngestNote(f"{name}:{line.number}", line.note))
        yield line.text


def read_path(path: Path, defaults: Defaults, ident: str | None = None) -> Iterator[Item]:
    """Items of one file, by its suffix; `ident` (default: the stem) names its articles."""
    suffix = path.suffix.lower()
    if suffix not in JSONL_SUFFIXES | CSV_SUFFIXES:
        yield from read_text_file(path, defaults, ident)
        return
    reader = read_jsonl if suffix in JSONL_SUFFIXES else read_csv
    try:
        with path.open("rb") as handle:
            refused = refuse_records_file(handle, path)
            if refused is not None:
                yield refused
                return
            yield from reader(handle, str(path), defaults, ident=ident)
    except OSError as exc:
        yield IngestError(str(path), f"cannot read file ({exc.strerror or exc})")


def refuse_records_file(handle: BinaryIO, path: Path) -> IngestError | None:
    """An error when a JSONL or CSV file is binary or UTF-16 (its lines cannot be read one by one);
    the handle is left at the start."""
    head = handle.read(4096)
    handle.seek(0)
    kind = binary_kind(head) or ("UTF-16 text" if head[:2] in (b"\xff\xfe", b"\xfe\xff") else None)
    return None if kind is None else IngestError(str(path), f"{kind}: a {path.suffix} file must be UTF-8 text")


def read_stdin(stream: TextIO | BinaryIO, defaults: Defaults) -> Iterator[Item]:
    """JSON lines when the first non-blank character is '{' (streamed), else one text article."""
    binary = getattr(stream, "buffer", None)
    if binary is None:  # a text stream without bytes underneath (tests): encode what it gives
        binary = io.BytesIO(stream.read().encode("utf-8", "surrogatepass"))  # type: ignore[arg-type]
    limit = defaults.limits.max_record_bytes
    head: list[bytes] = []
    while len(head) < 10_000 and (raw := binary.readline(limit + 1)):
        head.append(raw)
        if raw.strip(b" \t\r\n\xef\xbb\xbf"):
            break
    if head and head[-1].lstrip(b" \t\r\n\xef\xbb\xbf").startswith(b"{"):
        yield from read_jsonl(Prefixed(head, binary), "<stdin>", defaults, ident="stdin")
        return
    raw = read_bounded(Prefixed(head, binary), limit)
    if raw is None:
        yield IngestError("<stdin>", f"input larger than the limit of {limit:,} bytes")
    elif not raw.strip():
        yield IngestError("<stdin>", "empty input")
    else:
        yield from _text_article(raw, "<stdin>", "stdin", defaults, html=False)


__all__ = ["IngestError", "IngestNote", "Defaults", "Item", "build_article", "build_items", "clean_text",
           "read_path", "read_stdin", "read_jsonl", "read_csv", "read_text_file"]
