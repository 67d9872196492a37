"""The storage interface every back end implements, and the query every reader (CLI, API, export) uses.

Two levels are stored. A *mention* is one coded event in one sentence of one article (what the coder
emits, ``Event.to_dict()``). An *event* is one real-world happening: the mentions that report the
same act (same CAMEO root, compatible actors, overlapping dates, same place when known; see
``store/dedup.py``) across sentences and articles, with counts of mentions, articles and outlets.

Event dicts returned by queries have the shape of a mention dict (taken from the event's best
mention: trigger, sentence, actors, date, location...) with ``id`` the event's own id and these
fields added: ``mention_id`` (the representative mention), ``num_mentions``, ``num_articles``,
``num_sources``, ``first_seen``, ``last_seen`` (publication dates, ISO), ``date.lo``/``date.hi``
(the span the date covers at its precision) and ``coder_version``. ``get_event`` adds
``mentions``: every mention dict, each with its ``article`` (id, source, title, url, date).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from dateline.records import Article, Event

SORTS = ("date", "-date", "mentions", "-mentions", "goldstein", "-goldstein", "first_seen", "-first_seen")


class StoreError(Exception):
    """The database cannot be opened or written; the message says what to do."""


@dataclass(frozen=True)
class EventQuery:
    """Filters for events; every given filter must hold. Codes are matched as prefixes.

    ``actor``/``country`` match either side; ``source``/``target`` one side; ``dyad`` is
    ``"SRC-TGT"`` (code prefixes, e.g. ``"RUS-UKR"``, ``"USAGOV-IRN"``; ``"RUS-"`` = no target);
    ``plover`` a PLOVER event name (``CONSULT``); ``cameo`` a CAMEO code or root prefix (``04``,
    ``041``); ``place`` a place name (case-insensitive substring) or ISO alpha-3 country of the
    place; ``text`` a case-insensitive substring of any mention's sentence; ``since``/``until``
    bound the event date (its span must overlap the range); ``quad_class`` is 1-4 and
    ``min_mentions`` the least number of mentions.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    dyad: str | None = None
    plover: str | None = None
    cameo: str | None = None
    since: date | None = None
    until: date | None = None
    place: str | None = None
    text: str | None = None
    article_id: str | None = None
    include_negated: bool = True
    quad_class: int | None = None
    min_mentions: int | None = None
    sort: str = "date"
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if self.limit is not None and self.limit < 0 or self.offset < 0:
            raise ValueError("limit and offset must not be negative")
        if self.dyad is not None and "-" not in self.dyad:
            raise ValueError(f"dyad must look like SOURCE-TARGET (e.g. RUS-UKR), not {self.dyad!r}")

    def page(self, limit: int | None, offset: int = 0) -> EventQuery:
        return replace(self, limit=limit, offset=offset)


ALL = EventQuery()


class Store(ABC):
    url: str

    # -- writing ---------------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, article: Article, events: Sequence[Event], coder_version: str) -> str:
        """Store an article with its event mentions and fold them into events.

        Returns 'inserted', 'unchanged' (same id and content already stored: nothing is written) or
        'replaced' (same id, new content: the old mentions are removed and the new ones stored, in
        one transaction)."""

    @abstractmethod
    def recode_article(self, article: Article, events: Sequence[Event], coder_version: str) -> None:
        """Replace a stored article's mentions with a new coding of the same text (one transaction)."""

    @abstractmethod
    def iter_articles(self, *, outdated_for: str | None = None) -> Iterator[Article]:
        """Stored articles; with ``outdated_for``, only those coded by another coder version."""

    # -- reading ---------------------------------------------------------------------------------
    @abstractmethod
    def query_events(self, query: EventQuery = ALL) -> list[dict[str, Any]]:
        """Events matching the query, sorted and paginated as it says."""

    @abstractmethod
    def count_events(self, query: EventQuery = ALL) -> int:
        """How many events match the query (ignoring limit and offset)."""

    def iter_events(self, query: EventQuery = ALL, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every matching event, fetched ``batch`` at a time (for exports)."""
        offset = query.offset
        remaining = query.limit
        while remaining is None or remaining > 0:
            size = batch if remaining is None else min(batch, remaining)
            rows = self.query_events(query.page(size, offset))
            yield from rows
            if len(rows) < size:
                return
            offset += len(rows)
            remaining = None if remaining is None else remaining - len(rows)

    @abstractmethod
    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event with ``mentions``; a mention id finds the event it belongs to."""

    @abstractmethod
    def query_mentions(self, query: EventQuery = ALL) -> list[dict[str, Any]]:
        """Mentions (one per coded sentence event) whose event matches the query."""

    @abstractmethod
    def count_mentions(self, query: EventQuery = ALL) -> int:
        """How many mentions ``query_mentions`` would return (ignoring limit and offset)."""

    @abstractmethod
    def get_mention(self, mention_id: str) -> dict[str, Any] | None:
        """One mention dict (with ``event_id`` and ``coder_version``)."""

    @abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """An article's stored fields with ``mentions`` (its mention dicts)."""

    @abstractmethod
    def actors(self, *, prefix: str | None = None, text: str | None = None, limit: int = 100,
               offset: int = 0) -> list[dict[str, Any]]:
        """Actor codes seen in mentions: code, name, country, sector, mentions, events; most
        mentioned first. ``prefix`` filters codes, ``text`` names and mention texts."""

    @abstractmethod
    def stats(self, query: EventQuery = ALL) -> dict[str, Any]:
        """Counts of matching events: ``per_day`` [{date, events}], ``per_type`` [{plover,
        cameo_root, events}], ``per_dyad`` [{source, target, events}] (top 100), ``total``."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, mentions, events, actors."""

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
