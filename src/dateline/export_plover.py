"""PLOVER JSON records and POLECAT's TSV columns, for events that have a PLOVER type.

PLOVER's field names are those of the PLOVER manual's data-format chapter and of its gold-standard
records (Open Event Data Alliance, PLOVER 2016-2023): ``id``, ``date``, ``source``/``target`` as
lists of ``{actorText, code, sector}``, ``event``, ``mode``, ``context``, ``eventText`` (the trigger
words), ``text``, ``eventLoc``... POLECAT's column names are those of the POLECAT weekly files
(Halterman et al. 2023; Scarborough et al. 2023), with dateline's own columns after them. CAMEO
codes without a PLOVER type (statements, CAMEO 01: PLOVER event null) are left out of both; the export
counts them. Every field is described in ``docs/exports.md``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

PLOVER_TYPES = frozenset({"REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"})
"""The sixteen PLOVER event types (statements, CAMEO 01, have none)."""

PLOVER_FIELDS = [
    "id", "date", "source", "target", "event", "mode", "context", "eventText", "text", "eventLoc",
    "quadCode", "eventScale", "negated", "modality", "storyId", "publication", "url", "publicationDate",
    "numMentions", "numArticles", "numSources", "datePrecision", "cameo", "confidence", "coder", "version",
]
POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Intensity", "Quad Code", "Contexts",
    "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title",
    "Actor Name Raw", "Wikipedia Actor ID",
    "Recipient Name", "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID",
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]
DATELINE_POLECAT_COLUMNS = ["Story ID", "Event Text", "Text", "CAMEO", "Actor Codes", "Recipient Codes"]
"""dateline's columns after POLECAT's: what `dateline evaluate` needs to read the file back."""


def has_plover_type(event: dict[str, Any]) -> bool:
    return (event.get("plover") or {}).get("event") in PLOVER_TYPES


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER record: every actor of each side, the trigger words as ``eventText``."""
    plover, article = event["plover"], event.get("article") or {}
    dates = event.get("date") or {}
    return {
        "id": event["id"], "date": dates.get("value"), "source": plover_actors(event.get("source")),
        "target": plover_actors(event.get("target")), "event": plover["event"], "mode": plover.get("mode"),
        "context": contexts(plover.get("context")), "eventText": (event.get("trigger") or {}).get("text"),
        "text": event.get("sentence"), "eventLoc": plover_place(event.get("location")),
        "quadCode": event.get("quad_class"), "eventScale": event.get("goldstein"),
        "negated": bool(event.get("negated")), "modality": event.get("modality"), "storyId": event.get("article_id"),
        "publication": article.get("source"), "url": article.get("url"), "publicationDate": article.get("date"),
        "numMentions": event.get("num_mentions", 1), "numArticles": event.get("num_articles", 1),
        "numSources": event.get("num_sources", 1), "datePrecision": dates.get("precision"),
        "cameo": event.get("cameo"), "confidence": event.get("confidence"), "coder": "dateline",
        "version": event.get("coder_version"),
    }


def plover_actors(actors: list[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return [{"actorText": a.get("text"), "code": a.get("code"), "sector": a.get("sector"),
             "country": a.get("country"), "name": a.get("name")} for a in actors or []]


def plover_place(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {"placeText": place.get("text"), "placeName": place.get("name"), "countryCode": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), "featureType": place.get("feature")}


def contexts(context: str | None) -> list[str]:
    return [c.strip() for c in (context or "").split(",") if c.strip()]


def polecat_row(event: dict[str, Any]) -> list[Any]:
    """One event as a POLECAT row (multiple actors joined by ';'), then dateline's columns."""
    record, article = plover_record(event), event.get("article") or {}
    place = event.get("location") or {}
    row = [record["id"], record["date"], record["event"], record["mode"], record["eventScale"], record["quadCode"],
           ";".join(record["context"]), *_side(event.get("source")), *_side(event.get("target")),
           place.get("name"), place.get("name") if _feature(place) in ("city", "capital") else None, None,
           place.get("name") if _feature(place) in ("state", "region") else None, place.get("country"),
           place.get("lat"), place.get("lon"), None, place.get("text"), _feature(place) or None,
           article.get("source"), article.get("date"), None, None, None, "en", record["version"]]
    return row + [record["storyId"], record["eventText"], record["text"], record["cameo"],
                  _joined(event.get("source"), "code"), _joined(event.get("target"), "code")]


def _side(actors: list[dict[str, Any]] | None) -> list[Any]:
    """POLECAT's eight actor columns: name, country, COW (not known), primary sector, sectors, title,
    raw text, Wikipedia id (not known)."""
    actors = actors or []
    sectors = [a.get("sector") or "" for a in actors]
    return [_joined(actors, "name"), _joined(actors, "country"), None, sectors[0] if sectors else None,
            ";".join(sectors) or None, None, _joined(actors, "text"), None]


def _joined(actors: list[dict[str, Any]] | None, field: str) -> str | None:
    return ";".join(str(a.get(field) or "") for a in actors or []) or None


def _feature(place: dict[str, Any]) -> str:
    return (place.get("feature") or "").split(";")[0].strip()


def write_plover(events: Iterable[dict[str, Any]], stream: TextIO) -> tuple[int, int]:
    """PLOVER JSON lines; returns (written, left out for having no PLOVER type)."""
    written = left_out = 0
    for event in events:
        if not has_plover_type(event):
            left_out += 1
            continue
        stream.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
        written += 1
    return written, left_out


def write_polecat(events: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = True) -> tuple[int, int]:
    """POLECAT TSV (header line unless ``header=False``); returns (written, left out)."""
    writer = csv.writer(stream, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    if header:
        writer.writerow(POLECAT_COLUMNS + DATELINE_POLECAT_COLUMNS)
    written = left_out = 0
    for event in events:
        if not has_plover_type(event):
            left_out += 1
            continue
        writer.writerow(["" if v is None else v for v in polecat_row(event)])
        written += 1
    return written, left_out
