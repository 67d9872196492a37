"""The event filters every reader offers (`dateline events`/`export` options, REST query parameters).

One mapping from the user's words to an ``EventQuery``, so the CLI and the API cannot drift apart:
``type`` is a PLOVER event name (``CONSULT``) or a CAMEO code or root (``04``, ``041``),
``article`` an article id and ``asserted_only`` leaves out negated events.
"""

from __future__ import annotations

from datetime import date

from dateline.store.base import EventQuery

FILTERS = ("actor", "source", "target", "dyad", "country", "type", "since", "until", "place", "text", "article",
           "asserted_only")
"""The filter names, as REST query parameters (the CLI spells them --actor ... --asserted-only)."""


def event_query(*, actor: str | None = None, source: str | None = None, target: str | None = None,
                dyad: str | None = None, country: str | None = None, event_type: str | None = None,
                since: date | None = None, until: date | None = None, place: str | None = None,
                text: str | None = None, article: str | None = None, asserted_only: bool = False,
                sort: str = "date", limit: int | None = None, offset: int = 0) -> EventQuery:
    """The EventQuery for these filters; raises ValueError for a bad dyad or sort."""
    return EventQuery(
        actor=actor, source=source, target=target, dyad=dyad, country=country,
        plover=event_type if event_type and not event_type.isdigit() else None,
        cameo=event_type if event_type and event_type.isdigit() else None,
        since=since, until=until, place=place, text=text, article_id=article,
        include_negated=not asserted_only, sort=sort, limit=limit, offset=offset,
    )
