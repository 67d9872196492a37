"""Event output formats for the command line: JSON lines, CSV and a readable table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

CSV_COLUMNS = [
    "id", "article_id", "sentence_index", "date", "date_precision", "date_basis", "cameo",
    "plover_event", "plover_mode", "quad_class", "goldstein", "source_code", "source_text",
    "target_code", "target_text", "trigger", "negated", "modality", "attributed_to",
    "confidence", "location", "sentence",
]


def _actors(actors: list[dict[str, Any]], field: str) -> str:
    return ";".join(str(a.get(field) or "") for a in actors)


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a flat row (CSV and table)."""
    date = event.get("date") or {}
    location = event.get("location") or {}
    return {
        "id": event["id"], "article_id": event["article_id"],
        "sentence_index": event["sentence_index"], "date": date.get("value"),
        "date_precision": date.get("precision"), "date_basis": date.get("basis"),
        "cameo": event["cameo"], "plover_event": event["plover"]["event"],
        "plover_mode": event["plover"].get("mode"), "quad_class": event["quad_class"],
        "goldstein": event["goldstein"], "source_code": _actors(event["source"], "code"),
        "source_text": _actors(event["source"], "text"),
        "target_code": _actors(event["target"], "code"),
        "target_text": _actors(event["target"], "text"), "trigger": event["trigger"]["text"],
        "negated": event["negated"], "modality": event["modality"],
        "attributed_to": event.get("attributed_to"), "confidence": event["confidence"],
        "location": location.get("name") or location.get("text"), "sentence": event["sentence"],
    }


class EventWriter:
    """Writes events one by one in the chosen format (table rows are printed as they come)."""

    def __init__(self, stream: TextIO, fmt: str) -> None:
        self.stream, self.fmt, self.count = stream, fmt, 0
        self._csv = csv.DictWriter(stream, CSV_COLUMNS) if fmt == "csv" else None
        self._headed = False

    def header(self) -> None:
        """The CSV header line, written once, even when no event follows (a no-op for other formats)."""
        if self._csv is not None and not self._headed:
            self._csv.writeheader()
            self._headed = True

    def write(self, event: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(event, ensure_ascii=False) + "\n")
        elif self._csv is not None:
            self.header()
            self._csv.writerow(flat_row(event))
        else:
            self.stream.write(table_line(event) + "\n")
        self.count += 1

    def write_all(self, events: Iterable[dict[str, Any]]) -> None:
        for event in events:
            self.write(event)


def table_line(event: dict[str, Any]) -> str:
    """'2021-08-15  192  ASSAULT   TAL -> AFG  swept  | On August 15, Taliban fighters ...'"""
    row = flat_row(event)
    flags = "".join([" NEG" if row["negated"] else "",
                     f" {row['modality']}" if row["modality"] != "asserted" else "",
                     f" x{event['num_mentions']}" if event.get("num_mentions", 1) > 1 else ""])
    dyad = f"{row['source_code'] or '?'} -> {row['target_code'] or '-'}"
    sentence = row["sentence"].replace("\n", " ")
    if len(sentence) > 90:
        sentence = sentence[:87] + "..."
    return (f"{row['date'] or '????-??-??'}  {row['cameo']:<4}  {row['plover_event'] or '-':<9} "
            f"{dyad:<22} {row['trigger']:<12}{flags} | {sentence}")


def plural(count: int, word: str) -> str:
    """'1 event', '2 events', '0 mentions'."""
    return f"{count} {word if count == 1 else word + 's'}"


STATS_COLUMNS = ["table", "key", "events"]


def write_stats(stats: dict[str, Any], stream: TextIO, fmt: str) -> None:
    """`events --stats` in the chosen format: JSON (jsonl: one object), CSV or a readable table."""
    if fmt == "jsonl":
        stream.write(json.dumps(stats, ensure_ascii=False) + "\n")
        return
    rows = [("total", "", stats["total"])]
    rows += [("day", d["date"], d["events"]) for d in stats["per_day"]]
    rows += [("type", f"{t['plover']} {t['cameo_root']}", t["events"]) for t in stats["per_type"]]
    rows += [("dyad", f"{d['source'] or '?'}-{d['target'] or ''}", d["events"]) for d in stats["per_dyad"]]
    if fmt == "csv":
        writer = csv.writer(stream)
        writer.writerow(STATS_COLUMNS)
        writer.writerows(rows)
        return
    for table, key, count in rows:
        stream.write(f"{table:<6} {key:<30} {count}\n")
