"""When two mentions report the same real-world event.

Two mentions are the same event when all of these hold:

- the same CAMEO root (two leaders "held talks" and "met": both 04), the same negation and modality
  (a threat to attack is not the attack);
- compatible actors on each side *up to the actor hierarchy*: a code matches itself and its
  prefixes, so ``RUS`` matches ``RUSGOV`` and ``RUSMIL`` but ``RUSGOV`` does not match ``RUSMIL``;
  a missing target (the sentence did not name one) matches any target; an unresolved source
  matches nothing. Consultations (root 04) are symmetric: "A met B" and "B met A" are one meeting;
- overlapping dates at their precision: a day-precision date covers that day, a month-precision one
  the whole month ("in July" overlaps "on July 22"); undated mentions merge only with undated events;
- the same place when both are known: same country and either the same name or within
  ``PLACE_KM`` kilometres.

An event keeps the most precise date and the most specific actor codes among its mentions.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

PLACE_KM = 50.0
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "year": 4, "decade": 5}


@dataclass(frozen=True)
class Key:
    """What dedup compares, read from a mention dict (``Event.to_dict()`` shape)."""

    root: str
    negated: bool
    modality: str
    source: str | None
    target: str | None
    lo: str | None
    hi: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None


def span(value: date | None, precision: str) -> tuple[date | None, date | None]:
    """The first and last day a date at this precision can mean."""
    if value is None or precision == "unknown":
        return None, None
    if precision == "week":
        start = value - timedelta(days=value.weekday())
        return start, start + timedelta(days=6)
    if precision == "month":
        return value.replace(day=1), value.replace(day=calendar.monthrange(value.year, value.month)[1])
    if precision in ("season", "quarter"):
        first = value.replace(day=1)
        last = first
        for _ in range(2):
            last = (last + timedelta(days=32)).replace(day=1)
        return first, last.replace(day=calendar.monthrange(last.year, last.month)[1])
    if precision == "year":
        return date(value.year, 1, 1), date(value.year, 12, 31)
    if precision == "decade":
        return date(value.year - value.year % 10, 1, 1), date(value.year - value.year % 10 + 9, 12, 31)
    return value, value


def key_of(mention: dict[str, Any]) -> Key:
    when = mention.get("date") or {}
    value = date.fromisoformat(when["value"]) if when.get("value") else None
    lo, hi = span(value, when.get("precision") or "unknown")
    place = mention.get("location") or {}
    return Key(
        root=mention["cameo"][:2], negated=bool(mention.get("negated")),
        modality=mention.get("modality") or "asserted",
        source=_first_code(mention.get("source") or []), target=_first_code(mention.get("target") or []),
        lo=lo.isoformat() if lo else None, hi=hi.isoformat() if hi else None,
        place=(place.get("name") or place.get("text") or "").lower() or None, country=place.get("country"),
        lat=place.get("lat"), lon=place.get("lon"),
    )


def _first_code(actors: list[dict[str, Any]]) -> str | None:
    return next((a["code"] for a in actors if a.get("code")), None)


SYMMETRIC_ROOTS = frozenset({"04"})


def codes_match(a: str | None, b: str | None) -> bool:
    """The same actor up to the hierarchy: equal, or one code a prefix of the other."""
    if a is None or b is None:
        return False
    return a.startswith(b) or b.startswith(a)


def dyads_match(mention: Key, event: Key) -> bool:
    """Same source and target (an unnamed target fits any); either way round for consultations."""
    def fits(source: str | None, target: str | None) -> bool:
        return codes_match(mention.source, source) and (
            mention.target is None or target is None or codes_match(mention.target, target))

    return fits(event.source, event.target) or (
        mention.root in SYMMETRIC_ROOTS and mention.target is not None and fits(event.target, event.source))


def places_match(a: Key, b: Key) -> bool:
    if not (a.place or a.country) or not (b.place or b.country):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.place and b.place and a.place == b.place:
        return True
    if None not in (a.lat, a.lon, b.lat, b.lon):
        return _km(a, b) <= PLACE_KM
    return not (a.place and b.place)


def _km(a: Key, b: Key) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))  # type: ignore[arg-type]
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(h))


def same_event(mention: Key, event: Key) -> bool:
    """Whether a mention belongs to an event (the event's key is its most specific one)."""
    if mention.source is None or (mention.root, mention.negated, mention.modality) != (
            event.root, event.negated, event.modality):
        return False
    if (mention.lo is None) != (event.lo is None):
        return False
    if mention.lo is not None and not (mention.lo <= event.hi and event.lo <= mention.hi):  # type: ignore[operator]
        return False
    return dyads_match(mention, event) and places_match(mention, event)


def closeness(mention: Key, event: Key) -> tuple[int, int]:
    """Rank candidate events: exact actor codes first, then the narrowest date span."""
    exact = int(mention.source == event.source) + int(mention.target == event.target)
    width = 0 if event.lo is None else (date.fromisoformat(event.hi) - date.fromisoformat(event.lo)).days  # type: ignore[arg-type]
    return exact, -width


def precision_rank(mention: dict[str, Any]) -> int:
    return PRECISION_RANK.get((mention.get("date") or {}).get("precision") or "", 9)
