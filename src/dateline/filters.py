"""The event filters every reader offers (`dateline events`/`export` options, REST query parameters).

One mapping from the user's words to an ``EventQuery``, so the CLI and the API cannot drift apart:
``type`` is a PLOVER event name (``CONSULT``) or a CAMEO code or root (``04``, ``041``),
``article`` an article id and ``asserted_only`` leaves out negated events.

Every value is checked here: a bad one raises ``FilterError`` naming the parameter, the value and
what is accepted (the CLI prints it as one line and exits 2, the API answers 400 with it).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from dateline.store.base import EventQuery

FILTERS = ("actor", "source", "target", "dyad", "country", "type", "since", "until", "place", "text", "article",
           "asserted_only")
"""The filter names, as REST query parameters (the CLI spells them --actor ... --asserted-only)."""

MAX_OFFSET = 10**9
"""The largest offset a query takes (far beyond any store, far below every database's integer range)."""
MAX_TEXT = 500
"""The longest free-text filter value (place, text, article id: characters)."""
_CODE = re.compile(r"[A-Za-z0-9]{1,40}")
_DYAD = re.compile(r"([A-Za-z0-9]{0,40})-([A-Za-z0-9]{0,40})")
_CAMEO = re.compile(r"\d{2,4}")


class FilterError(ValueError):
    """A filter value that cannot be used; ``name`` is the parameter (as the API spells it)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


def event_query(*, actor: str | None = None, source: str | None = None, target: str | None = None,
                dyad: str | None = None, country: str | None = None, event_type: str | None = None,
                since: date | None = None, until: date | None = None, place: str | None = None,
                text: str | None = None, article: str | None = None, asserted_only: bool = False,
                sort: str = "date", limit: int | None = None, offset: int = 0) -> EventQuery:
    """The EventQuery for these filters; raises FilterError for any value it cannot use."""
    for name, value in (("actor", actor), ("source", source), ("target", target)):
        check_code(name, value)
    check_dyad(dyad)
    check_country(country)
    kind = check_type(event_type)
    for name, value in (("place", place), ("text", text), ("article", article)):
        check_text(name, value)
    check_page(limit, offset)
    if since and until and since > until:
        raise FilterError("since", f"since {since} is after until {until}: no event can match")
    try:
        return EventQuery(
            actor=actor, source=source, target=target, dyad=dyad, country=country,
            plover=kind if kind and not kind.isdigit() else None, cameo=kind if kind and kind.isdigit() else None,
            since=since, until=until, place=place, text=text, article_id=article,
            include_negated=not asserted_only, sort=sort, limit=limit, offset=offset,
        )
    except ValueError as exc:
        raise FilterError("sort", str(exc)) from exc


def check_code(name: str, value: str | None) -> None:
    """An actor code or code prefix: letters and digits (RUS, USAGOV, IGOUNO)."""
    if value is not None and not _CODE.fullmatch(value):
        raise FilterError(name, f"{name} {_show(value)} is not an actor code or prefix; "
                          "give letters and digits such as RUS, USAGOV or IGOUNO")


def check_dyad(value: str | None) -> None:
    match = _DYAD.fullmatch(value) if value is not None else None
    if value is not None and (match is None or not (match.group(1) or match.group(2))):
        raise FilterError("dyad", f"dyad {_show(value)} is not SOURCE-TARGET; give two actor code prefixes "
                          "joined by '-' such as RUS-UKR or USAGOV-IRN (RUS- = no target)")


def check_country(value: str | None) -> None:
    if value is not None and value.upper() not in country_codes():
        raise FilterError("country", f"country {_show(value)} is not an ISO 3166 alpha-3 code; "
                          "give one such as RUS, UKR or USA")


def check_type(value: str | None) -> str | None:
    """The event type as stored: a PLOVER event name (upper case) or a CAMEO code/root that exists."""
    if value is None:
        return None
    from dateline.events.ontology import LEGACY_PLOVER, PLOVER_EVENTS, Ontology

    if value.upper() in PLOVER_EVENTS:
        return value.upper()
    if value.upper() in LEGACY_PLOVER:
        return LEGACY_PLOVER[value.upper()]
    if _CAMEO.fullmatch(value) and any(code.startswith(value) for code in Ontology.default().codes()):
        return value
    raise FilterError("type", f"type {_show(value)} is neither a PLOVER event nor a CAMEO code; give one of "
                      f"{', '.join(sorted(PLOVER_EVENTS))} or a CAMEO code or root such as 04 or 042")


def check_text(name: str, value: str | None, limit: int = MAX_TEXT) -> None:
    """Free text: at most ``limit`` characters, no NUL, other control characters or non-characters."""
    if value is None:
        return
    if len(value) > limit:
        raise FilterError(name, f"{name} is {len(value)} characters long; at most {limit} are accepted")
    bad = next((c for c in value if _forbidden(c)), None)
    if bad is not None:
        raise FilterError(name, f"{name} contains the character U+{ord(bad):04X}, which is not accepted "
                          "(control characters, surrogates and non-characters)")


def check_page(limit: int | None, offset: int) -> None:
    if limit is not None and not 0 <= limit <= MAX_OFFSET:
        raise FilterError("limit", f"limit {limit} is out of range; give 0 to {MAX_OFFSET}")
    if not 0 <= offset <= MAX_OFFSET:
        raise FilterError("offset", f"offset {offset} is out of range; give 0 to {MAX_OFFSET}")


def _forbidden(char: str) -> bool:
    code = ord(char)
    return (code < 32 and char not in "\t\n\r") or 0xD800 <= code <= 0xDFFF or 0xFDD0 <= code <= 0xFDEF \
        or (code & 0xFFFE) == 0xFFFE


def _show(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The country codes actors can carry: those of the bundled country table (actors/data/countries.yaml)."""
    from importlib import resources

    import yaml

    text = (resources.files("dateline.actors") / "data" / "countries.yaml").read_text(encoding="utf-8")
    return frozenset(str(entry["code"]).upper() for entry in yaml.safe_load(text) or [] if entry.get("code"))
