"""Typed records shared by every stage: Article, Actor, DateRef, Place, Event.

Records are frozen dataclasses. Character offsets (``start``/``end``) are always offsets into
the article's ``text`` (not into the sentence), so every field can be checked against the text it
came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["day", "week", "month", "season", "quarter", "year", "decade", "unknown"]
DateBasis = Literal["explicit", "relative", "publication", "unknown"]
Modality = Literal["asserted", "intended", "hypothetical", "threatened", "reported", "question"]


@dataclass(frozen=True)
class Article:
    """One news article as read from an input, before any NLP."""

    id: str
    text: str
    date: date | None = None
    date_basis: str = "unknown"  # where the publication date came from: metadata|dateline|option|unknown
    source: str | None = None  # outlet or agency (e.g. "TASS", "Reuters")
    title: str | None = None
    url: str | None = None
    dateline_place: str | None = None  # "MOSCOW" from "MOSCOW, July 22. /TASS/."
    origin: str | None = None  # "path/to/file.jsonl:12": where the article was read from
    dateline_span: tuple[int, ...] | None = None
    """Where the wire dateline sits in `text`, found once at ingest: (start, end); () when the text
    has none; None when nobody looked yet (an Article built by hand): `metadata.locate` looks."""
    dateline_geo: Place | None = None  # the dateline place geocoded, once per article before coding
    home_country: str | None = None  # its country (ISO alpha-3): whose capital "MOSCOW (Reuters)" is

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["date"] = self.date.isoformat() if self.date else None
        return data


@dataclass(frozen=True)
class Span:
    """A piece of the article text: what the text says and where."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    """An actor mention resolved (or not) to a CAMEO actor code.

    ``code`` is the full CAMEO actor code ("RUSGOV", "AFGMIL", "IGOUNO", "TAL"); ``country`` is the
    ISO 3166 alpha-3 code or None for non-state/international actors; ``sector`` is the CAMEO
    sector/agent code ("GOV", "MIL", "REB", ...). ``rule`` says how the code was found.
    """

    text: str
    start: int
    end: int
    code: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    rule: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DateRef:
    """When an event happened, with how precisely and on what basis."""

    value: date | None
    precision: str = "day"
    text: str | None = None
    basis: str = "explicit"
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value.isoformat() if self.value else None,
            "precision": self.precision,
            "text": self.text,
            "basis": self.basis,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Place:
    """Where an event happened, geocoded when the gazetteer knows the name."""

    text: str
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # city|capital|country|region|border|...
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Plover:
    event: str | None  # None: no PLOVER type (CAMEO 01, public statements)
    mode: str | None = None
    context: str | None = None


@dataclass(frozen=True)
class Event:
    """One coded event mention, with the evidence it came from."""

    article_id: str
    sentence_index: int
    sentence: str
    trigger: Span
    cameo: str
    plover: Plover
    quad_class: int
    goldstein: float
    source: tuple[Actor, ...]
    target: tuple[Actor, ...] = ()
    date: DateRef = field(default_factory=lambda: DateRef(None, "unknown", None, "unknown"))
    location: Place | None = None
    negated: bool = False
    modality: str = "asserted"
    attributed_to: str | None = None
    confidence: float = 0.5

    @property
    def id(self) -> str:
        """Stable across runs: the article, the trigger's place, the code and the source actors."""
        sources = ",".join(a.code or "" for a in self.source)
        key = f"{self.article_id}|{self.trigger.start}|{self.trigger.end}|{self.cameo}|{sources}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "sentence_index": self.sentence_index,
            "sentence": self.sentence,
            "trigger": asdict(self.trigger),
            "cameo": self.cameo,
            "plover": asdict(self.plover),
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "negated": self.negated,
            "modality": self.modality,
            "attributed_to": self.attributed_to,
            "confidence": round(self.confidence, 3),
        }
